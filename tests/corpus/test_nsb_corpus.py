"""The whole NSB 2024 corpus through the real pipeline into a real tantivy index.

Skipped with a clear reason when ../shared/corpus is absent. Figures from the
corpus README: 2,210 files of one message each, 7,394 language versions (de
2,210, fr 2,193, it 2,101, en 890). Every file must be accounted for, and every
language version must become a document or a source of one.
"""
from __future__ import annotations

import collections
import json

import pytest

from archive.request import SearchRequest
from indexer.pipeline import index_paths

pytestmark = pytest.mark.corpus


@pytest.fixture
def indexed(nsb):
    return nsb.path, nsb.engine, nsb.ledger, nsb.summary


def test_every_file_and_language_version_is_accounted_for(indexed):
    nsb, engine, ledger, summary = indexed
    files = [p for p in nsb.rglob("*.xml")]
    assert summary.total_files == len(files)
    assert summary.files["rejected"] == 0, summary.rejected
    sources = collections.Counter()
    for doc in engine.iter_documents():
        for source in doc.sources:
            sources[source.rsplit("#", 1)[1]] += 1
    assert sum(sources.values()) == 7394
    assert sources == {"de": 2210, "fr": 2193, "it": 2101, "en": 890}
    assert engine.count() == 7394 - summary.duplicate_records


def test_languages_are_detected_not_just_declared(indexed):
    _, engine, _, _ = indexed
    result = engine.search(SearchRequest.create(facets=("language",), facet_size=50, versions=True))
    languages = {fv.value: fv.count for fv in result.facets["language"]}
    assert sum(languages.values()) == engine.count()
    assert set(languages) >= {"de", "fr", "it", "en"}
    # untranslated slots hold copies of other languages, so fewer Italian than declared
    assert languages["it"] < 2101 and languages["de"] >= 2000


def test_known_searches(indexed):
    _, engine, _, _ = indexed
    hits = engine.search(SearchRequest.create(q='"Zölle auf Industrieprodukte"', filters={"language": ["de"]}))
    assert hits.total >= 1
    assert any(h.date == "2024-01-02" for h in hits.hits)
    first = engine.get(hits.hits[0].id)
    assert {d.language for d in engine.translations(first)} >= {"fr", "it"}
    switzerland = engine.search(SearchRequest.create(facets=("country", "issuer_country"), versions=True))
    assert switzerland.facets["country"][0].value == "CH"
    issuers = switzerland.facets["issuer_country"]
    assert [(fv.value, fv.count) for fv in issuers] == [("CH", engine.count())]
    ukraine = engine.search(SearchRequest.create(q="Ukraine", filters={"country": ["UA"]}))
    assert ukraine.total > 50
    months = engine.search(SearchRequest.create(facets=("month",), facet_size=12)).facets["month"]
    assert [fv.value for fv in months] == [f"2024-{m:02d}" for m in range(12, 0, -1)]


def test_indexing_again_changes_nothing(indexed):
    nsb, engine, ledger, _ = indexed
    before = engine.count()
    again = index_paths([str(nsb / "2024-01")], engine, ledger)
    assert again.files["unchanged"] == again.total_files > 0
    assert engine.count() == before
    json.dumps(again.to_dict())


def test_a_result_list_holds_communiques_not_language_versions(indexed):
    _, engine, _, _ = indexed
    newest = engine.search(SearchRequest.create(sort="date"))
    assert len({h.group for h in newest.hits}) == len(newest.hits) == 20
    assert newest.total < newest.versions_total == engine.count()
    issuers = engine.search(SearchRequest.create(facets=("issuer",))).facets["issuer"]
    assert issuers[0].value == "Federal Council"  # one issuer, not one per language
    assert not {"Der Bundesrat", "Conseil fédéral", "Il Consiglio federale"} & {fv.value for fv in issuers}


def test_datelines_are_not_places_and_words_mean_what_was_typed(indexed):
    _, engine, _, _ = indexed
    places = {fv.value: fv.count for fv in engine.search(SearchRequest.create(facets=("place",))).facets["place"]}
    datelines = engine.search(SearchRequest.create(facets=("dateline",))).facets["dateline"]
    assert datelines[0].value == "Bern" and places.get("Bern", 0) < datelines[0].count / 3
    un = engine.search(SearchRequest.create(q="UN", filters={"language": ["fr"]}, expand=False))
    article = engine.search(SearchRequest.create(q="un", filters={"language": ["fr"]}, expand=False))
    assert un.total < article.total / 5  # the United Nations, not the French article
    geneva = {w: engine.search(SearchRequest.create(q=w)).total for w in ("Genf", "Geneva", "Genève")}
    assert len(set(geneva.values())) == 1, geneva  # one place in every language
    quoted = engine.search(SearchRequest.create(q='"United States"')).total
    assert engine.search(SearchRequest.create(q="United States")).total >= quoted
