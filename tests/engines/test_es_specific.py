"""Elasticsearch-only behaviour: alias swaps, bulk errors, deep paging, outages."""
from __future__ import annotations

import socket
import threading

import pytest

from archive.engines.base import EngineUnavailable
from archive.request import SearchRequest
from indexer.model import Communique
from tests.conftest import make_es_engine


def tiny(n: int, **kw) -> Communique:
    fields = dict(source=f"synthetic/{n}", text=f"word{n % 7} common text", title=f"Doc {n}",
                  date="2024-01-01", language="en", id=f"d{n:05d}")
    fields.update(kw)
    return Communique(**fields)


def test_reindex_swaps_the_alias_while_searches_continue(es_engine):
    assert es_engine.index(tiny(n) for n in range(300)).errors == []
    before = es_engine._aliased()
    seen, failures, stop = [], [], threading.Event()

    def search_loop():
        while not stop.is_set():
            try:
                seen.append(es_engine.search(SearchRequest.create(q="common", per_page=1)).total)
            except Exception as exc:  # noqa: BLE001 - any failure is the finding
                failures.append(exc)

    searcher = threading.Thread(target=search_loop)
    searcher.start()
    try:
        new_index = es_engine.reindex()
    finally:
        stop.set()
        searcher.join(timeout=60)
    assert failures == [] and seen and set(seen) == {300}
    assert es_engine._aliased() == [new_index] and new_index not in before
    assert not es_engine.es.indices.exists(index=before[0])  # the old index is gone
    assert es_engine.count() == 300 and es_engine.get("d00042").title == "Doc 42"


def test_writes_are_refused_while_a_reindex_runs_and_a_crashed_one_can_be_forced(es_engine):
    from archive.engines import EngineError

    es_engine.index([tiny(1), tiny(2)])
    # what a reindex holds while it copies (or leaves behind when it crashes)
    leftover = es_engine._new_index()
    es_engine.es.indices.put_alias(index=leftover, name=es_engine._reindex_marker)
    with pytest.raises(EngineError, match="reindex .* is running"):
        es_engine.index([tiny(3)])
    with pytest.raises(EngineError, match="reindex"):
        es_engine.delete(["d00001"])
    with pytest.raises(EngineError, match="--force"):
        es_engine.reindex()
    assert es_engine.count() == 2  # searches go on meanwhile
    new_index = es_engine.reindex(force=True)
    assert not es_engine.es.indices.exists(index=leftover)
    assert not es_engine.es.indices.exists_alias(name=es_engine._reindex_marker)
    assert es_engine._aliased() == [new_index]
    es_engine.index([tiny(3)])
    assert es_engine.count() == 3


def test_clear_swaps_in_an_empty_index(es_engine):
    es_engine.index([tiny(1), tiny(2)])
    es_engine.clear()
    assert es_engine.count() == 0 and es_engine.get("d00001") is None


def test_bulk_reports_every_failed_document(es_engine):
    docs = [tiny(1), tiny(2, date="2024-13-45"), tiny(3), tiny(4, id=""), tiny(5, date="2024-02-30")]
    report = es_engine.index(docs)
    assert report.indexed == 2
    failed = dict(report.errors)
    assert set(failed) == {"", "d00002", "d00005"}
    assert "no id" in failed[""] and "date" in failed["d00002"]
    assert es_engine.count() == 2


def test_paging_past_ten_thousand_hits_uses_search_after(es_engine):
    total = 10_050
    report = es_engine.index(tiny(n) for n in range(total))
    assert report.errors == [] and report.indexed == total
    last = es_engine.search(SearchRequest.create(sort="date_asc", per_page=20, page=503))
    assert last.total == total
    assert [h.id for h in last.hits] == [f"d{n:05d}" for n in range(10_040, 10_050)]
    # Relevance order (equal scores, ties by id) across the 10,000 boundary.
    page = es_engine.search(SearchRequest.create(q="common", per_page=100, page=100))
    assert [h.id for h in page.hits][-1] == "d09999"
    page = es_engine.search(SearchRequest.create(q="common", per_page=100, page=101))
    assert [h.id for h in page.hits] == [f"d{n:05d}" for n in range(10_000, 10_050)]
    assert page.facets["year"][0].value == "2024" and page.facets["year"][0].count == total
    beyond = es_engine.search(SearchRequest.create(per_page=100, page=102))
    assert beyond.hits == [] and beyond.total == total


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("call", [
    lambda e: e.search(SearchRequest.create(q="x")),
    lambda e: e.index([tiny(1)]),
    lambda e: e.get("d00001"),
    lambda e: e.count(),
])
def test_an_unreachable_cluster_raises_engine_unavailable(call):
    engine = make_es_engine(f"http://127.0.0.1:{closed_port()}", ELASTICSEARCH_TIMEOUT=2)
    with pytest.raises(EngineUnavailable, match="cannot be reached"):
        call(engine)


def test_url_list_and_auth_come_from_config():
    engine = make_es_engine("http://127.0.0.1:9200, http://127.0.0.1:9201", ELASTICSEARCH_USERNAME="u",
                            ELASTICSEARCH_PASSWORD="p", ELASTICSEARCH_SHARDS=3, ELASTICSEARCH_REPLICAS=1)
    assert engine.urls == ["http://127.0.0.1:9200", "http://127.0.0.1:9201"]
    assert engine._client_options["basic_auth"] == ("u", "p")
    settings = engine._template_body()["template"]["settings"]["index"]
    assert settings["number_of_shards"] == 3 and settings["number_of_replicas"] == 1
