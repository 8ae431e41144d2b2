"""Cluster responses that cover only part of the index are outages, not answers (no server)."""
from __future__ import annotations

import pytest

from archive.engines.base import EngineUnavailable
from archive.engines.cluster import complete
from archive.engines.elasticsearch_engine import ElasticsearchAPI, ElasticsearchEngine
from archive.request import SearchRequest

SHARD_DOWN = {"shard": 2, "index": "communiques-v1", "node": None,
              "reason": {"type": "no_shard_available_action_exception", "reason": "[node-2] shard unavailable"}}


def response(total=3, successful=3, failed=0, failures=(), timed_out=False, hits=10):
    shards = {"total": total, "successful": successful, "skipped": 0, "failed": failed}
    if failures:
        shards["failures"] = list(failures)
    return {"took": 1, "timed_out": timed_out, "_shards": shards,
            "hits": {"total": {"value": hits, "relation": "eq"}, "hits": []}, "aggregations": {}}


@pytest.mark.parametrize("resp", [
    response(),
    response(total=3, successful=1, failed=0),  # skipped by the can-match phase: still complete
    {"count": 5, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0}},
    {"hits": {"hits": []}},  # a filter_path that left _shards out
])
def test_complete_responses_pass(resp):
    assert complete(resp) is resp


@pytest.mark.parametrize("resp, message", [
    (response(successful=2, failed=1, failures=[SHARD_DOWN], hits=7), "1 of 3 shards failed: [node-2] shard"),
    (response(successful=0, failed=3), "3 of 3 shards failed: no reason given"),
    ({"count": 4, "_shards": {"total": 3, "successful": 2, "skipped": 0, "failed": 1}}, "1 of 3 shards"),
    (response(timed_out=True), "timed out"),
])
def test_partial_responses_are_outages(resp, message):
    with pytest.raises(EngineUnavailable, match=message.replace("[", r"\[")):
        complete(resp)


class ClientReturning:
    """Stands in for the Elasticsearch client: every search and count gets `resp`."""

    def __init__(self, resp):
        self.resp, self.calls = resp, []

    def search(self, **kwargs):
        self.calls.append(kwargs)
        return self.resp

    def count(self, **kwargs):
        self.calls.append(kwargs)
        return self.resp

    def close(self):
        pass


def engine_with(resp) -> tuple[ElasticsearchEngine, ClientReturning]:
    api = ElasticsearchAPI(["http://127.0.0.1:1"])
    client = ClientReturning(resp)
    api._es = client
    return ElasticsearchEngine(api, ["http://127.0.0.1:1"], alias="unit"), client


def test_search_refuses_a_partial_answer():
    engine, client = engine_with(response(successful=2, failed=1, failures=[SHARD_DOWN], hits=7))
    with pytest.raises(EngineUnavailable):
        engine.search(SearchRequest.create(q="Ukraine"))
    # and asks Elasticsearch itself not to answer from part of the index
    assert client.calls[0]["allow_partial_search_results"] is False


def test_count_refuses_a_partial_answer():
    engine, _ = engine_with({"count": 4, "_shards": {"total": 3, "successful": 2, "skipped": 0, "failed": 1}})
    with pytest.raises(EngineUnavailable):
        engine.count()


def test_a_complete_answer_is_a_result():
    engine, _ = engine_with(response(hits=10))
    assert engine.search(SearchRequest.create(q="Ukraine")).total == 10
