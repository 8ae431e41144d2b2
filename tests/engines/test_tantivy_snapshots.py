"""The embedded engine reads the index as last committed by any process, and counts facets once per state.

The web processes search an index that `archive index` writes from another process: whatever it
commits is searched from the next request on, and facet counts kept for a search state are never
shown for another state of the index.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from archive.engines.tantivy_engine import TantivyEngine
from archive.request import SearchRequest
from tests.engines.documents import sample_documents

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture()
def engine(tmp_path):
    engine = TantivyEngine(tmp_path / "tantivy")
    engine.index(sample_documents())
    engine.close()  # the writer's lock released: other processes write from here on
    yield engine
    engine.close()


EVERY_COUNTRY = SearchRequest.create(more=("country",))  # the fixtures' 13 countries, none cut off


def counts(engine, request) -> dict[str, int]:
    return {fv.value: fv.count for fv in engine.search(request).facets["country"]}


def count_calls(engine) -> list[SearchRequest]:
    """The requests whose facets the engine counts from here on (by group or, for whole communiqués, by lead)."""
    calls: list[SearchRequest] = []

    def spy(count):
        def counting(searcher, main, request, *counted, **options):
            calls.append(request)
            return count(searcher, main, request, *counted, **options)
        return counting

    engine._count_facets = spy(engine._count_facets)
    engine._count_leads = spy(engine._count_leads)
    return calls


def write_elsewhere(path: Path, script: str) -> None:
    """Run `script` in another Python process with `engine` open on the same index."""
    program = textwrap.dedent("""
        from archive.engines.tantivy_engine import TantivyEngine
        from tests.engines.documents import sample_documents
        engine = TantivyEngine({path!r})
    """).format(path=str(path)) + textwrap.dedent(script) + "\nengine.close()\n"
    subprocess.run([sys.executable, "-c", program], cwd=REPO, check=True, timeout=120)


def test_a_commit_by_another_process_is_counted_at_the_next_search(engine):
    request = EVERY_COUNTRY
    before = counts(engine, request)
    assert before["TR"] == 3 and before["DE"] == 2  # the NATO talks are one communiqué in two languages
    # The same number of documents afterwards: only what they contain changes.
    write_elsewhere(engine.path, """
        docs = [d for d in sample_documents() if d.id in ("fr-otan", "en-otan")]
        for d in docs:
            d.countries = ["DE"]
        engine.index(docs)
    """)
    after = counts(engine, request)
    assert (after["TR"], after["DE"]) == (2, 3)
    assert "GB" not in after
    assert engine.search(SearchRequest.create(filters={"country": ["TR"]})).total == 2


def test_documents_removed_by_another_process_leave_the_counts(engine):
    request = EVERY_COUNTRY
    before = engine.search(request)
    write_elsewhere(engine.path, 'engine.delete(["fr-otan", "en-otan"])')
    after = engine.search(request)
    assert after.total == before.total - 1
    assert counts(engine, request)["TR"] == 2
    assert not {"GB", "FI"} & set(counts(engine, request))


def test_paging_and_sorting_count_once_and_show_the_same_facets(engine):
    calls = count_calls(engine)
    first = engine.search(SearchRequest.create(per_page=2))
    again = [engine.search(SearchRequest.create(per_page=2, page=2)),
             engine.search(SearchRequest.create(per_page=5, sort="date_asc"))]
    assert len(calls) == 1
    assert all(r.facets == first.facets for r in again)
    assert [h.id for h in again[0].hits] != [h.id for h in first.hits]  # the page itself was searched


def test_another_search_state_is_counted_for_itself(engine):
    calls = count_calls(engine)
    everything = engine.search(SearchRequest.create())
    swiss = engine.search(SearchRequest.create(filters={"issuer_country": ["CH"]}))
    more = engine.search(SearchRequest.create(more=("country",)))
    assert len(calls) == 3
    assert swiss.facets != everything.facets
    assert {fv.value for fv in swiss.facets["issuer_country"]} >= {"CH"}
    assert len(more.facets["country"]) > len(everything.facets["country"]) == 10


def test_a_write_through_the_engine_itself_is_counted_again(engine):
    calls = count_calls(engine)
    request = EVERY_COUNTRY
    before = counts(engine, request)
    doc = next(d for d in sample_documents() if d.id == "en-japan")
    doc.countries = ["JP", "NZ"]
    engine.index([doc])
    after = counts(engine, request)
    assert len(calls) == 2
    assert after["NZ"] == before.get("NZ", 0) + 1


@pytest.mark.parametrize("sort", [None, "date", "date_asc"])
def test_paging_a_counted_state_shows_what_counting_afresh_shows(engine, sort):
    def request(page):
        return SearchRequest.create(q="Schweiz OR Turquie OR Brasil OR Ukraine", per_page=2, page=page, sort=sort)

    def seen(results):
        return [(r.total, r.versions_total, [(h.id, h.snippet) for h in r.hits]) for r in results]

    engine.forget_counts()
    warm = [engine.search(request(page)) for page in range(1, 7)]  # the first page counts the state
    fresh = []
    for page in range(1, 7):
        engine.forget_counts()
        fresh.append(engine.search(request(page)))
    assert seen(warm) == seen(fresh)
    assert warm[0].total > 2 and any(r.hits for r in warm[1:])


def test_a_kept_states_values_are_handed_out_as_copies(engine):
    """What one search does to its facet values (the page marks estimates on them) is not what the
    next search of the same state gets."""
    request = SearchRequest.create(filters={"country": ["CH"]})
    first = engine.search(request).facets
    for values in first.values():
        for fv in values:
            fv.count, fv.estimated, fv.selected = -1, True, not fv.selected
    again = engine.search(request).facets
    engine.forget_counts()
    fresh = engine.search(request).facets
    assert again == fresh and all(fv.count >= 0 for values in again.values() for fv in values)


def test_kept_results_are_the_results_made_afresh(tmp_path):
    """An engine that keeps what its result pages were made of (open_engine's default) answers as one
    that makes them afresh, again and again, and after the index changed."""
    from archive.config import load_config
    from archive.engines import open_engine

    config = load_config(tmp_path / "instance", overrides={"DATA_DIR": str(tmp_path / "data")})
    keeping = open_engine(config)
    keeping.index(sample_documents())
    fresh = open_engine({**config, "RESULT_CACHE": False})
    assert keeping.marks is not None and fresh.marks is None and fresh._docs is None
    requests = [SearchRequest.create(q=q) for q in ("Ukraine", "NATO OR OTAN", '"Federal Council"', "")]
    requests += [SearchRequest.create(q="Ukraine", filters={"language": ["fr"]}), SearchRequest.create(versions=True)]
    requests += [SearchRequest.create(q=q, per_page=2, page=page, sort=sort) for q in ("", "Ukraine")
                 for page in (1, 2) for sort in (None, "date")]
    requests += [SearchRequest.create(per_page=3, page=2, versions=True)]

    def same_answers():
        for request in requests:
            kept, made = keeping.search(request), fresh.search(request)
            assert (kept.hits, kept.total, kept.versions_total) == (made.hits, made.total, made.versions_total)

    for _ in range(2):
        same_answers()
    changed = sample_documents()[0]
    changed.title = changed.title.upper()
    keeping.index([changed])
    same_answers()
    assert any(hit.title == changed.title for hit in keeping.search(SearchRequest.create(q=changed.title.split()[0])).hits)
    # A communiqué that ranks first, newest, and one fewer: every kept page is ranked again.
    first = replace(sample_documents()[1], id="kept-results-new", translation_group="kept-results-new",
                    title="Ukraine Ukraine Ukraine", date="2099-01-01")
    before = keeping.search(SearchRequest.create(q="Ukraine", per_page=2)).total
    keeping.index([first])
    keeping.delete([sample_documents()[2].id])
    same_answers()
    for request in (SearchRequest.create(q="Ukraine", per_page=2), SearchRequest.create(per_page=2, sort="date")):
        assert keeping.search(request).hits[0].id == "kept-results-new"
    assert keeping.search(SearchRequest.create(q="Ukraine", per_page=2)).total == before + 1
    keeping.close()
    fresh.close()


def test_facets_counted_on_several_threads_are_those_counted_on_one(engine):
    requests = [SearchRequest.create(), SearchRequest.create(q="Ukraine"),
                SearchRequest.create(filters={"country": ["CH"], "language": ["de", "fr"]}, more=("org",)),
                SearchRequest.create(versions=True)]
    found = {}
    for threads in (1, 2, 5):
        engine.AGGREGATION_THREADS = threads
        engine.forget_counts()
        found[threads] = [engine.search(request).facets for request in requests]
    assert found[1] == found[2] == found[5] and all(found[1])


class RecordingSearcher:
    """Records the aggregations asked of it at once (unit test of how they are shared out)."""

    def __init__(self):
        self.asked: list[set[str]] = []

    def aggregate(self, query, aggs):
        self.asked.append(set(aggs))
        return {name: {"buckets": []} for name in aggs}


def test_aggregations_are_shared_out_by_their_cost(engine):
    engine.AGGREGATION_THREADS = 2
    searcher = RecordingSearcher()
    aggs = {name: {} for name in ("a", "b", "c", "d")}
    result = engine._aggregate(searcher, None, aggs, {"a": 10, "b": 6, "c": 3, "d": 2})
    assert set(result) == set(aggs)
    assert sorted(map(sorted, searcher.asked)) == [["a"], ["b", "c", "d"]]
    # without costs given, the facets' own: organisations and people apart, the cheap ones beside people
    searcher.asked.clear()
    engine._aggregate(searcher, None, {name: {} for name in ("org", "person", "year", "month")})
    assert sorted(map(sorted, searcher.asked)) == [["month", "person", "year"], ["org"]]
    # nothing to share: one call, never an empty one
    searcher.asked.clear()
    engine._aggregate(searcher, None, {"a": {}, "b": {}}, {"a": 0, "b": 0})
    assert searcher.asked == [{"a", "b"}]
