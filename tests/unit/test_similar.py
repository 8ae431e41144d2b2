"""Choosing the words of a "more like this" query (pure; the engine only supplies statistics)."""
from __future__ import annotations

import pytest

from archive.engines.similar import similar_terms

FREQ = {"tariff": 3, "switzerland": 40, "industrial": 5, "products": 12, "unique": 1, "federal": 90, "2024": 50}


def freq(term):
    return FREQ.get(term, 0)


def test_rare_and_repeated_words_weigh_most():
    tokens = "tariff tariff industrial products switzerland federal unique 2024 a of".split()
    terms = similar_terms(tokens, freq, num_docs=100)
    assert [t for t, _ in terms] == ["tariff", "industrial", "products", "switzerland", "federal"]
    assert terms[0][1] == 1.0 and all(0 < w <= 1 for _, w in terms)
    assert dict(terms)["federal"] < 0.1  # in 90 of 100 documents: almost no weight


@pytest.mark.parametrize("tokens, left_out", [
    (["unique", "tariff"], "unique"),      # only this document has it: finds nothing else
    (["2024", "tariff"], "2024"),          # numbers
    (["tax", "tariff"], "tax"),            # too short
])
def test_words_that_cannot_help_are_left_out(tokens, left_out):
    assert left_out not in dict(similar_terms(tokens, freq, num_docs=100))


def test_statistics_that_count_deleted_documents_are_survived():
    # After updates an index counts a word in more documents than it holds.
    terms = similar_terms(["tariff", "industrial"], lambda t: 12 if t == "tariff" else 3, num_docs=10)
    assert [t for t, _ in terms] == ["industrial", "tariff"]  # tariff: in 12 of "10" documents
    assert all(w > 0 for _, w in terms)
    assert similar_terms([], freq, num_docs=0) == []


def test_at_most_max_terms_in_a_stable_order():
    tokens = [f"word{i:02d}" for i in range(40)]
    terms = similar_terms(tokens, lambda t: 2, num_docs=100, max_terms=25)
    assert len(terms) == 25 and [t for t, _ in terms] == sorted(tokens)[:25]
