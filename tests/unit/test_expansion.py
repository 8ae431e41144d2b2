"""Cross-language expansion of the query tree."""
import pytest

from archive.expansion import expand
from archive.query import KeywordMatch, Or, Term, parse_query


@pytest.mark.parametrize("q, keyword", [
    ("Turkey", KeywordMatch("country", "TR")),
    ("turquie", KeywordMatch("country", "TR")),
    ("Türkei", KeywordMatch("country", "TR")),
    ('"Royaume-Uni"', KeywordMatch("country", "GB")),
    ("Schweiz", KeywordMatch("country", "CH")),
    ("OTAN", KeywordMatch("org", "NATO")),
    ("НАТО", KeywordMatch("org", "NATO")),
])
def test_names_are_widened_to_their_entity(q, keyword):
    node, names, marked = expand(parse_query(q))
    assert isinstance(node, Or) and node.children[1] == keyword
    assert names and marked == names


@pytest.mark.parametrize("q", ["Ankara", '"Swiss francs"', "title:Turkey", "Turk*", "negotiations", "country:TR"])
def test_other_terms_are_left_alone(q):
    node = parse_query(q)
    assert expand(node) == (node, [], [])


def test_expansion_reaches_inside_boolean_queries():
    node, names, marked = expand(parse_query("Turkey -Sweden"))
    turkey, not_sweden = node.children
    assert turkey == Or((Term("Turkey"), KeywordMatch("country", "TR")))
    assert not_sweden.child == Or((Term("Sweden"), KeywordMatch("country", "SE")))
    assert "Turquie" in names and "Suède" in names
    # Names of what a hit must not contain are shown, never highlighted.
    assert "Turquie" in marked and "Suède" not in marked
