"""Words as typed and names across languages: rewriting the query tree."""
import pytest

from archive.expansion import acronym_entity, as_typed, expand
from archive.plan import plan_query
from archive.query import And, KeywordMatch, Or, Phrase, Term, parse_query


@pytest.mark.parametrize("q, keyword", [
    ("Turkey", KeywordMatch("country", "TR")),
    ("turquie", KeywordMatch("country", "TR")),
    ("Türkei", KeywordMatch("country", "TR")),
    ('"Royaume-Uni"', KeywordMatch("country", "GB")),
    ("Schweiz", KeywordMatch("country", "CH")),
    ("OTAN", KeywordMatch("org", "NATO")),
    ("НАТО", KeywordMatch("org", "NATO")),
    ("Genf", KeywordMatch("place", "Geneva")),           # places cross languages too
    ("Kiew", KeywordMatch("place", "Kyiv")),
])
def test_names_are_widened_to_their_entity(q, keyword):
    expansion = expand(parse_query(q))
    assert isinstance(expansion.match, Or) and expansion.match.children[-1] == keyword
    assert expansion.shown and expansion.marked


def test_a_places_other_names_are_searched_as_words_too():
    # Genf, Geneva and Genève find the same: the tag, and every name of the city in the text.
    children = expand(parse_query("Genf")).match.children
    assert children[0] == Term("Genf") and children[-1] == KeywordMatch("place", "Geneva")
    assert {Phrase("Geneva"), Phrase("Genève"), Phrase("Ginevra")} <= set(children[1:-1])


@pytest.mark.parametrize("q, phrase, keyword", [
    ("United States", "United States", KeywordMatch("country", "US")),
    ("Union européenne", "Union européenne", KeywordMatch("org", "European Union")),
])
def test_words_that_form_a_name_are_searched_as_that_name_without_quotes(q, phrase, keyword):
    assert expand(parse_query(q)).match == Or((Phrase(phrase), keyword))


def test_a_place_of_several_words_is_one_name():
    match = expand(parse_query("New York")).match
    assert match.children[0] == Phrase("New York") and match.children[-1] == KeywordMatch("place", "New York")


def test_a_name_inside_more_words_is_found_and_the_rest_left_alone():
    match = expand(parse_query("sanctions United States energie")).match
    assert match == And((Term("sanctions"), Or((Phrase("United States"), KeywordMatch("country", "US"))),
                         Term("energie")))


@pytest.mark.parametrize("q", ["Ankarax", '"Swiss francs"', "title:Turkey", "Turk*", "negotiations", "country:TR"])
def test_other_terms_are_left_alone(q):
    node = parse_query(q)
    expansion = expand(node)
    assert expansion.match == node and expansion.shown == [] and expansion.marked == []


def test_expansion_reaches_inside_boolean_queries():
    expansion = expand(parse_query("Turkey -Sweden"))
    turkey, not_sweden = expansion.match.children
    assert turkey == Or((Term("Turkey"), KeywordMatch("country", "TR")))
    assert not_sweden.child == Or((Term("Sweden"), KeywordMatch("country", "SE")))
    assert "Turquie" in expansion.shown and "Suède" in expansion.shown
    # Names of what a hit must not contain are shown, never marked.
    marked = {n.text for n in expansion.marked}
    assert "Turquie" in marked and "Suède" not in marked


@pytest.mark.parametrize("typed, entity", [
    ("UN", KeywordMatch("org", "United Nations")),
    ("EU", KeywordMatch("org", "European Union")),
    ("USA", KeywordMatch("country", "US")),
    ("un", None),      # the French article
    ("Uno", None),     # not typed as an acronym
    ("ZZZQ", None),    # capitals, but no acronym the archive knows
    ("NATOX", None),
])
def test_known_acronyms_typed_in_capitals_mean_their_entity(typed, entity):
    assert acronym_entity(typed) == entity


def test_acronyms_are_taken_as_typed_even_without_expansion():
    plan = plan_query("UN Genève", expand=False)
    assert plan.match == And((KeywordMatch("org", "United Nations"), Term("Genève")))
    assert as_typed(parse_query("un")) == Term("un")


def test_snippets_mark_added_names_of_the_documents_language_only():
    plan = plan_query("Turkey")
    french = plan.highlight_for("fr")
    german = plan.highlight_for("de")
    assert Phrase("Turquie") in french.children and Phrase("Türkei") not in french.children
    assert Phrase("Türkei") in german.children
    short = plan_query("EU").highlight_for("de")
    assert all(len(p.text) >= 4 for p in short.children[1:] if isinstance(p, Phrase))  # never "AB" or "UE"
