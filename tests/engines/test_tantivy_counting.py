"""How the embedded engine counts a search's communiqués under each facet value.

A communiqué's language versions are counted once (the cardinality of their group). Where every
matching communiqué is matched by one version alone (an archive without translations, a search in
one language), counting versions is counting communiqués: the engine then counts versions, which is
exact and cheaper, and must still never count a communiqué twice where two versions match.
"""
from __future__ import annotations

from collections import Counter

import pytest

import archive.engines.tantivy_engine as tantivy_engine
import archive.facets as facets
from archive.engines.tantivy_engine import TantivyEngine
from archive.request import SearchRequest
from tests.engines.documents import _doc, sample_documents, translated_communiques

COUNTRIES = ["CH", "DE", "FR", "IT", "AT", "TR", "GB", "US", "JP", "UA"]


def single_versions() -> list:
    """Twelve communiqués in one version each, with known countries (CH on all, the others on fewer)."""
    return [_doc(f"n{i}", f"Mitteilung {i}", f"Text der Mitteilung {i} über Zölle.", "de", f"2024-01-{10 + i}",
                 countries=["CH"] + COUNTRIES[1:2 + i % 9]) for i in range(12)]


def aggregations(engine) -> list[dict]:
    """Every aggregation request the engine makes from here on."""
    made: list[dict] = []
    aggregate = engine._aggregate

    def spy(searcher, query, aggs, *rest):
        made.append(aggs)
        return aggregate(searcher, query, aggs, *rest)
    engine._aggregate = spy
    return made


def counts(result, facet: str) -> dict[str, int]:
    return {v.value: v.count for v in result.facets[facet]}


def uses_groups(made: list[dict]) -> bool:
    return any("aggs" in agg for aggs in made for agg in aggs.values())


@pytest.fixture()
def engine(tmp_path):
    engine = TantivyEngine(tmp_path / "tantivy")
    yield engine
    engine.close()


def test_one_version_each_counts_versions_exactly(engine):
    docs = single_versions()
    engine.index(docs)
    made = aggregations(engine)
    result = engine.search(SearchRequest.create(more=("country",)))
    expected = Counter(c for d in docs for c in d.countries)
    assert counts(result, "country") == dict(expected)
    assert not uses_groups(made)  # no communiqué has two versions: nothing to deduplicate
    assert not any(v.estimated for v in result.facets["country"])


def test_one_version_each_is_exact_beyond_the_exact_limit(engine, monkeypatch):
    """Past EXACT_FACETS matching versions communiqués are estimated; one version each, they are not."""
    monkeypatch.setattr(tantivy_engine, "EXACT_FACETS", 3)
    docs = single_versions()
    engine.index(docs)
    result = engine.search(SearchRequest.create(more=("country",)))
    assert counts(result, "country") == dict(Counter(c for d in docs for c in d.countries))
    assert not any(v.estimated for v in result.facets["country"])


def test_translations_are_still_counted_once(engine, monkeypatch):
    """Where two versions of a communiqué match, it is one communiqué under each value, whatever the limit."""
    engine.index(sample_documents())
    made = aggregations(engine)
    result = engine.search(SearchRequest.create(q="Zölle OR douane OR dazi"))
    assert result.total == 1 and result.versions_total == 3  # g-zoll in German, French and Italian
    assert counts(result, "country") == {"CH": 1, "DE": 1}
    assert counts(result, "language") == {"de": 1, "fr": 1, "it": 1}
    assert uses_groups(made)
    monkeypatch.setattr(tantivy_engine, "EXACT_FACETS", 2)  # estimated, and still by communiqué
    engine.forget_counts()
    result = engine.search(SearchRequest.create(q="Zölle OR douane OR dazi"))
    assert counts(result, "country") == {"CH": 1, "DE": 1}
    assert all(v.estimated for v in result.facets["country"])


def test_one_language_counts_versions_and_selected_language_counts_communiques(engine):
    """Filtered to one language, each communiqué matches by one version: the other facets count versions,
    and the language facet (counted without its own filter) still counts communiqués."""
    engine.index(sample_documents())
    made = aggregations(engine)
    result = engine.search(SearchRequest.create(q="Zölle OR douane OR dazi", filters={"language": ["fr"]}))
    assert result.total == result.versions_total == 1
    assert counts(result, "country") == {"CH": 1}  # the French version names Switzerland alone
    assert counts(result, "language") == {"de": 1, "fr": 1, "it": 1}
    shared, *selected = made
    assert "language" not in shared and not any("aggs" in agg for agg in shared.values())
    assert any("aggs" in agg for aggs in selected for agg in aggs.values())


def test_communiques_without_translations_are_counted_without_walking_them(engine, monkeypatch):
    """Past EXACT_GROUPS matching versions the communiqués are estimated, unless no matching version has a
    translation: then each is a communiqué and their number is known exactly."""
    monkeypatch.setattr(TantivyEngine, "EXACT_GROUPS", 2)
    docs = single_versions()
    engine.index(docs)
    result = engine.search(SearchRequest.create(per_page=5, page=2, sort="date"))
    assert (result.total, result.versions_total, result.total_estimated) == (12, 12, False)
    expected = [d.id for d in sorted(docs, key=lambda d: d.date, reverse=True)][5:10]
    assert [h.id for h in result.hits] == expected


def test_translated_and_untranslated_communiques_in_one_archive(engine, monkeypatch):
    """An archive holding both: a search matching only untranslated ones counts them exactly whatever their
    number; one matching translations counts each communiqué once."""
    monkeypatch.setattr(TantivyEngine, "EXACT_GROUPS", 2)
    engine.index(sample_documents() + single_versions())
    alone = engine.search(SearchRequest.create(q="Mitteilung"))
    assert (alone.total, alone.versions_total, alone.total_estimated) == (12, 12, False)
    monkeypatch.setattr(TantivyEngine, "EXACT_GROUPS", 50_000)
    mixed = engine.search(SearchRequest.create(q="Mitteilung OR Zölle OR douane OR dazi"))
    assert (mixed.total, mixed.versions_total, mixed.total_estimated) == (13, 15, False)
    assert counts(mixed, "country")["CH"] == 13


def test_translations_added_later_are_counted_once(engine):
    """What the engine knows of the archive's translations follows its commits."""
    engine.index(single_versions())
    assert engine.search(SearchRequest.create()).total == 12
    engine.index([_doc("de-neu", "Neue Mitteilung", "Text.", "de", "2024-02-01", countries=["CH"], group="g-neu"),
                  _doc("fr-neu", "Nouveau communiqué", "Texte.", "fr", "2024-02-01", countries=["CH"], group="g-neu")])
    result = engine.search(SearchRequest.create())
    assert (result.total, result.versions_total) == (13, 14)
    assert counts(result, "country")["CH"] == 13


def test_without_translations_anywhere_a_selected_facet_counts_versions_too(engine):
    """A selected facet is counted without its own selection; where the index has no translations at all,
    that wider set has none either, and it too counts versions. (Searched with a word left out: browsing
    matches whole communiqués, counted through their leads, test_tantivy_leads.py.)"""
    docs = single_versions()
    engine.index(docs)
    made = aggregations(engine)
    result = engine.search(SearchRequest.create(q="NOT Zyxwvu", filters={"country": ["AT"]}))
    assert (result.total, result.versions_total) == (sum("AT" in d.countries for d in docs),) * 2
    assert counts(result, "country") == dict(Counter(c for d in docs for c in d.countries))
    assert not uses_groups(made)
    engine.index(sample_documents())  # translations elsewhere in the index: the selected facet counts communiqués
    made.clear()
    engine.search(SearchRequest.create(q="NOT Zyxwvu", filters={"country": ["AT"]}))
    assert uses_groups(made)


def test_large_searches_estimate_communiques_from_a_sample(engine, monkeypatch):
    """Past SAMPLED_VERSIONS / SAMPLED_AT_MOST matching versions, each value's versions are counted over
    everything and its communiqués per version read in a sample of whole communiqués: values with three
    versions to a communiqué and values with one are both estimated near their communiqués, and marked as
    estimates; the values likely shown that the sample holds too little of are estimated over everything."""
    docs = translated_communiques()
    engine.index(docs)
    truth = {c: len({d.translation_group for d in docs if c in d.countries}) for c in ("CH", "DE", "AT")}
    assert truth == {"CH": 300, "DE": 150, "AT": 60}
    monkeypatch.setattr(tantivy_engine, "EXACT_FACETS", 10)
    monkeypatch.setattr(facets, "SAMPLED_VERSIONS", 400)  # a sample of about 44 % of 900 versions
    monkeypatch.setattr(facets, "SAMPLE_SUPPORT", 0)  # every value from the sample
    sampled = []
    sample = engine._sampled_counts

    def spy(*args, **kwargs):
        made = sample(*args, **kwargs)
        sampled.append(made is not None)
        return made
    engine._sampled_counts = spy
    request = SearchRequest.create(q="Zoll OR douane OR dazio")
    result = engine.search(request)
    assert result.versions_total == 900 and sampled == [True]
    found = counts(result, "country")
    for country, communiques in truth.items():  # by versions alone they would be 900, 150 and 180
        assert abs(found[country] - communiques) <= 0.15 * communiques, (country, found)
    assert all(v.estimated for v in result.facets["country"])
    assert counts(result, "language") == {"de": 300, "fr": 300, "it": 300}  # one version each: exact

    # The likely shown values the sample holds fewer than SAMPLE_SUPPORT versions of: estimated over
    # everything that holds them, as without a sample.
    monkeypatch.setattr(facets, "SAMPLED_AT_MOST", 0.0)
    engine.forget_counts()
    unsampled = counts(engine.search(request), "country")
    assert sampled[-1] is False and all(abs(unsampled[c] - n) <= 0.02 * n for c, n in truth.items())
    monkeypatch.setattr(facets, "SAMPLED_AT_MOST", 0.5)
    monkeypatch.setattr(facets, "SAMPLE_SUPPORT", 1_000)
    engine.forget_counts()
    assert counts(engine.search(request), "country") == unsampled

    # A selected facet is counted without its own filter: what that matches is counted first, then sampled.
    engine.forget_counts()
    sampled.clear()
    selected = engine.search(SearchRequest.create(q="Zoll OR douane OR dazio", filters={"country": ["AT"]}))
    assert selected.total == 60
    assert counts(selected, "country") == unsampled and True in sampled

    # Under SAMPLED_VERSIONS / SAMPLED_AT_MOST matching versions, no sample.
    monkeypatch.setattr(facets, "SAMPLED_VERSIONS", 600)
    engine.forget_counts()
    sampled.clear()
    assert counts(engine.search(request), "country") == unsampled and sampled == [False]
