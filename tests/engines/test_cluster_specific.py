"""What only cluster engines do (Elasticsearch and OpenSearch alike): the template, alias swaps, bulk
errors, deep paging, outages, and searching without any right to write."""
from __future__ import annotations

import socket
import threading

import pytest

from archive.engines.base import EngineUnavailable
from archive.request import SearchRequest
from indexer.model import Communique
from tests.conftest import make_cluster_engine
from tests.accounts import signed_in_client


def tiny(n: int, **kw) -> Communique:
    fields = dict(source=f"synthetic/{n}", text=f"word{n % 7} common text", title=f"Doc {n}",
                  date="2024-01-01", language="en", id=f"d{n:05d}")
    fields.update(kw)
    return Communique(**fields)


def test_reindex_swaps_the_alias_while_searches_continue(cluster_engine):
    assert cluster_engine.index(tiny(n) for n in range(300)).errors == []
    before = cluster_engine._aliased()
    seen, failures, stop = [], [], threading.Event()

    def search_loop():
        while not stop.is_set():
            try:
                seen.append(cluster_engine.search(SearchRequest.create(q="common", per_page=1)).total)
            except Exception as exc:  # noqa: BLE001 - any failure is the finding
                failures.append(exc)

    searcher = threading.Thread(target=search_loop)
    searcher.start()
    try:
        new_index = cluster_engine.reindex()
    finally:
        stop.set()
        searcher.join(timeout=60)
    assert failures == [] and seen and set(seen) == {300}
    assert cluster_engine._aliased() == [new_index] and new_index not in before
    assert before[0] not in cluster_engine.api.aliased("*")  # the old index is gone
    assert cluster_engine.count() == 300 and cluster_engine.get("d00042").title == "Doc 42"


def test_writes_are_refused_while_a_reindex_runs_and_a_crashed_one_can_be_forced(cluster_engine):
    from archive.engines import EngineError

    cluster_engine.index([tiny(1), tiny(2)])
    # what a reindex holds while it copies (or leaves behind when it crashes)
    leftover = cluster_engine._new_index()
    cluster_engine.api.put_alias(leftover, cluster_engine._reindex_marker)
    with pytest.raises(EngineError, match="reindex .* is running"):
        cluster_engine.index([tiny(3)])
    with pytest.raises(EngineError, match="reindex"):
        cluster_engine.delete(["d00001"])
    with pytest.raises(EngineError, match="--force"):
        cluster_engine.reindex()
    assert cluster_engine.count() == 2  # searches go on meanwhile
    new_index = cluster_engine.reindex(force=True)
    assert leftover not in cluster_engine.api.aliased("*")
    assert cluster_engine.api.aliased(cluster_engine._reindex_marker) == []
    assert cluster_engine._aliased() == [new_index]
    cluster_engine.index([tiny(3)])
    assert cluster_engine.count() == 3


def test_clear_swaps_in_an_empty_index(cluster_engine):
    cluster_engine.index([tiny(1), tiny(2)])
    cluster_engine.clear()
    assert cluster_engine.count() == 0 and cluster_engine.get("d00001") is None


def test_bulk_reports_every_failed_document(cluster_engine):
    docs = [tiny(1), tiny(2, date="2024-13-45"), tiny(3), tiny(4, id=""), tiny(5, date="2024-02-30")]
    report = cluster_engine.index(docs)
    assert report.indexed == 2
    failed = dict(report.errors)
    assert set(failed) == {"", "d00002", "d00005"}
    assert "no id" in failed[""] and "date" in failed["d00002"]
    assert cluster_engine.count() == 2


def test_paging_past_ten_thousand_hits_uses_search_after(cluster_engine):
    total = 10_050
    report = cluster_engine.index(tiny(n) for n in range(total))
    assert report.errors == [] and report.indexed == total
    last = cluster_engine.search(SearchRequest.create(sort="date_asc", per_page=20, page=503, versions=True))
    assert last.total == total
    assert [h.id for h in last.hits] == [f"d{n:05d}" for n in range(10_040, 10_050)]
    # Relevance order (equal scores, ties by id) across the 10,000 boundary.
    page = cluster_engine.search(SearchRequest.create(q="common", per_page=100, page=100, versions=True))
    assert [h.id for h in page.hits][-1] == "d09999"
    page = cluster_engine.search(SearchRequest.create(q="common", per_page=100, page=101, versions=True))
    assert [h.id for h in page.hits] == [f"d{n:05d}" for n in range(10_000, 10_050)]
    assert page.facets["year"][0].value == "2024" and page.facets["year"][0].count == total
    beyond = cluster_engine.search(SearchRequest.create(per_page=100, page=102, versions=True))
    assert beyond.hits == [] and beyond.total == total
    # One result per communiqué past the window too: here every document is a communiqué of its own.
    collapsed = cluster_engine.search(SearchRequest.create(sort="date_asc", per_page=20, page=503))
    assert [h.id for h in collapsed.hits] == [f"d{n:05d}" for n in range(10_040, 10_050)]
    assert collapsed.versions_total == total
    assert abs(collapsed.total - total) <= total // 100  # communiqués are counted by HyperLogLog at this size


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("product", ["elasticsearch", "opensearch"])
@pytest.mark.parametrize("call", [
    lambda e: e.search(SearchRequest.create(q="x")),
    lambda e: e.index([tiny(1)]),
    lambda e: e.get("d00001"),
    lambda e: e.count(),
])
def test_an_unreachable_cluster_raises_engine_unavailable(product, call):
    prefix = product.upper()
    engine = make_cluster_engine(product, f"http://user:secret@127.0.0.1:{closed_port()}", **{f"{prefix}_TIMEOUT": 2})
    with pytest.raises(EngineUnavailable, match="cannot be reached") as caught:
        call(engine)
    assert "secret" not in str(caught.value) and "user:" not in str(caught.value)


def test_url_list_auth_shards_and_replicas_come_from_config():
    from archive.engines import open_engine

    engine = open_engine({"ENGINE": "elasticsearch", "ELASTICSEARCH_URL": "http://127.0.0.1:9200, http://127.0.0.1:9201",
                          "ELASTICSEARCH_USERNAME": "u", "ELASTICSEARCH_PASSWORD": "p", "ELASTICSEARCH_SHARDS": 3,
                          "ELASTICSEARCH_REPLICAS": 1})
    assert engine.urls == ["http://127.0.0.1:9200", "http://127.0.0.1:9201"]
    assert engine.api._options["basic_auth"] == ("u", "p")
    settings = engine.template_body()["template"]["settings"]["index"]
    assert settings["number_of_shards"] == 3 and settings["number_of_replicas"] == 1
    default = open_engine({"ENGINE": "opensearch"}).template_body()
    assert default["template"]["settings"]["index"]["auto_expand_replicas"] == "0-1"  # one replica on a cluster
    assert default["priority"] == 200 and isinstance(default["version"], int)


# -- the template: installed once, on purpose, never silently over an administrator's edits -----------

def test_setup_installs_the_template_and_the_first_index_once(cluster_engine):
    done = cluster_engine.setup()
    assert len(done) == 2 and cluster_engine.template_problem() is None
    assert cluster_engine.setup() == []  # nothing to do the second time
    assert cluster_engine.stats().problem is None and cluster_engine.stats().documents == 0


def test_a_template_an_administrator_changed_is_reported_and_kept_until_setup(cluster_engine):
    cluster_engine.index([tiny(1)])
    edited = cluster_engine.template_body()
    edited["version"] = 1
    edited["template"]["settings"]["index"]["refresh_interval"] = "5s"
    cluster_engine.api.put_template(cluster_engine.template_name, edited)
    cluster_engine.index([tiny(2)])  # writing documents never puts the template again
    assert cluster_engine.api.get_template(cluster_engine.template_name)["version"] == 1
    problem = cluster_engine.stats().problem
    assert "differs from the one this version" in problem and "archive engine setup" in problem
    assert cluster_engine.setup() and cluster_engine.template_problem() is None


def test_an_index_from_an_older_template_is_an_outage_that_says_what_to_run_not_a_bad_query(cluster_engine,
                                                                                         tmp_path):
    from archive.app import create_app
    from archive.engines import EngineError
    from tests.conftest import cluster_url

    old = cluster_engine.template_body()  # as an older archive wrote it: no communiqué field, another version
    old["version"] = 1
    del old["template"]["mappings"]["_meta"]
    del old["template"]["mappings"]["properties"]["search"]["properties"]["group"]
    cluster_engine.api.put_template(cluster_engine.template_name, old)
    cluster_engine.index([tiny(1), tiny(2, translation_group="g")])

    with pytest.raises(EngineError, match=r"could not run this search .*template .* differs.*archive engine setup"):
        cluster_engine.search(SearchRequest.create(q="common"))
    prefix = cluster_engine.settings_prefix
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "ENGINE": cluster_engine.name,
                      f"{prefix}_URL": cluster_url(cluster_engine.name), f"{prefix}_INDEX": cluster_engine.alias})
    page = signed_in_client(app).get("/?q=common&format=json")
    assert page.status_code == 503 and "archive engine setup" in page.get_json()["error"]

    assert cluster_engine.setup()  # the template is right now, the index is not
    with pytest.raises(EngineError, match=r"was made from an older template .*run `archive reindex`"):
        cluster_engine.search(SearchRequest.create(q="common"))
    assert "archive reindex" in cluster_engine.stats().problem

    cluster_engine.reindex()
    assert cluster_engine.search(SearchRequest.create(q="common")).total == 2
    assert cluster_engine.stats().problem is None


def test_searching_an_alias_that_does_not_exist_writes_nothing_and_says_what_to_run(cluster_engine):
    from archive.engines import EngineError

    with pytest.raises(EngineError, match="no index .* yet: run `archive index`"):
        cluster_engine.search(SearchRequest.create(q="x"))
    assert cluster_engine.api.get_template(cluster_engine.template_name) is None  # no write on the search path
    assert cluster_engine.api.aliased(cluster_engine.alias) == []
    assert "no index" in cluster_engine.stats().problem


def request_cache_hits(engine) -> int:
    """How often the cluster answered a shard's part of a search on the engine's indices from its cache."""
    stats = dict(engine.api.indices.stats(index=engine.alias, metric="request_cache"))
    return stats["_all"]["total"]["request_cache"]["hit_count"]


@pytest.mark.parametrize("versions", [False, True])
def test_a_search_state_is_counted_once_by_the_cluster_until_the_index_changes(cluster_engine, versions):
    cluster_engine.index(tiny(n, language="de" if n % 3 else "en") for n in range(60))
    first = cluster_engine.search(SearchRequest.create(q="common", per_page=5, versions=versions))
    before = request_cache_hits(cluster_engine)
    # another page and order of the same search: its counts come from the cluster's request cache
    again = cluster_engine.search(SearchRequest.create(q="common", per_page=5, page=3, sort="date",
                                                       versions=versions))
    assert request_cache_hits(cluster_engine) > before
    assert again.facets == first.facets and again.total == first.total == 60
    assert [h.id for h in again.hits] != [h.id for h in first.hits]
    # new data: counted afresh
    cluster_engine.index([tiny(100, language="fr")])
    after = cluster_engine.search(SearchRequest.create(q="common", per_page=5, versions=versions))
    assert {v.value: v.count for v in after.facets["language"]} == {"de": 40, "en": 20, "fr": 1}
    assert after.total == 61


def request_bodies(engine) -> list[dict]:
    """The bodies of the search requests the engine sends from here on."""
    sent: list[dict] = []
    search = engine.api.search

    def spy(body=None, **kwargs):
        sent.append(body or {})
        return search(body, **kwargs)
    engine.api.search = spy
    return sent


def test_without_translations_the_cluster_counts_versions_and_estimates_nothing(cluster_engine):
    """Where no version has a translation, each communiqué is one version: no cardinality is asked for, the
    selected facet's counts included; with translations elsewhere in the index, the selected facet (counted
    without its own selection) is counted by communiqué again."""
    import json

    from tests.engines.documents import _doc, sample_documents

    docs = [_doc(f"n{i}", f"Mitteilung {i}", "Text.", "de", f"2024-01-{10 + i}",
                 countries=["CH", "DE", "AT", "IT"][:1 + i % 4]) for i in range(12)]
    cluster_engine.index(docs)
    sent = request_bodies(cluster_engine)
    result = cluster_engine.search(SearchRequest.create(filters={"country": ["AT"]}))
    assert (result.total, result.versions_total, result.total_estimated) == (6, 6, False)
    assert {v.value: v.count for v in result.facets["country"]} == {"CH": 12, "DE": 9, "AT": 6, "IT": 3}
    assert sent and not any("cardinality" in json.dumps(body) for body in sent)
    cluster_engine.index(sample_documents())
    sent.clear()
    cluster_engine.search(SearchRequest.create(filters={"country": ["AT"]}))
    assert any("cardinality" in json.dumps(body) for body in sent)
