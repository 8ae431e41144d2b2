"""The query language parser: table-driven, no engine."""
import pytest

from archive.query import (And, KeywordMatch, MatchAll, Not, Or, Phrase, QuerySyntaxError, Term, parse_query,
                           positive_terms)


@pytest.mark.parametrize("text, tree", [
    ("", MatchAll()),
    ("   ", MatchAll()),
    ("otan", Term("otan")),
    ("otan turquie", And((Term("otan"), Term("turquie")))),
    ("otan AND turquie", And((Term("otan"), Term("turquie")))),
    ("otan and turquie", And((Term("otan"), Term("and"), Term("turquie")))),
    ("otan OR nato", Or((Term("otan"), Term("nato")))),
    ("a b OR c", Or((And((Term("a"), Term("b"))), Term("c")))),
    ("a (b OR c)", And((Term("a"), Or((Term("b"), Term("c")))))),
    ("NOT a", Not(Term("a"))),
    ("a -b", And((Term("a"), Not(Term("b"))))),
    ("a - b", And((Term("a"), Term("b")))),  # a lone dash is punctuation, ignored
    ('"accord d\'Istanbul"', Phrase("accord d'Istanbul")),
    ("title:otan", Term("otan", "title")),
    ('title:"deux mots"', Phrase("deux mots", "title")),
    ("country:tr", KeywordMatch("country", "tr")),
    ("lang:fr", KeywordMatch("language", "fr")),
    ('person:"Ibrahim Kalin"', KeywordMatch("person", "Ibrahim Kalin")),
    ("organisation:NATO", KeywordMatch("org", "NATO")),
    ("négo*", Term("négo", prefix=True)),
    ("https://example.org/x", Term("https://example.org/x")),  # a colon inside a URL is no field
    ("10:30", Term("10:30")),
])
def test_parse(text, tree):
    assert parse_query(text) == tree


@pytest.mark.parametrize("text, fragment", [
    ('"unclosed', "never closed"),
    ("(a OR b", "never closed"),
    ("a)", "no opening"),
    ("AND a", "needs a term before"),
    ("a OR", "needs a term after"),
    ("a AND", "needs a term after"),
    ("NOT", "needs a term after"),
    ("colour:red", "Unknown field"),
    ("title:", "needs a value"),
    ("()", "empty"),
    ("*", "at least two letters"),
    ("a*b", "only allowed at the end"),
    ('""', "empty"),
    ("x" * 3000, "longer than"),
    (" ".join(["w"] * 100), "more than"),
])
def test_syntax_errors_say_what_is_wrong(text, fragment):
    with pytest.raises(QuerySyntaxError) as err:
        parse_query(text)
    assert fragment in str(err.value)


def test_positive_terms_skip_negations_and_keyword_fields():
    node = parse_query('otan "mer Noire" -russie country:TR title:kalin')
    assert positive_terms(node) == [Term("otan"), Phrase("mer Noire"), Term("kalin", "title")]
