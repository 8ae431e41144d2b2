"""A three-node Elasticsearch cluster on loopback loses a node under search load.

The whole NSB 2024 corpus goes into a cluster of three nodes (3 shards, 1
replica) that this module starts beside the single development node, with
`scripts/elasticsearch start --nodes 3` on ports 9210-9212 (transport
9310-9312) and its own run folder. Two threads then search while one node is
killed with SIGKILL. What may happen meanwhile: a search fails with the engine's
errors. What may not: a search answers with other totals, facet counts or
date-sorted hits than the healthy cluster gave (Elasticsearch answers from the
shards it still has unless told not to). Afterwards every document must still
be there, and once the node is back, indexing must go on.

Runs when ARCHIVE_ELASTICSEARCH_URL is set (a developer who runs the
Elasticsearch tests) and always in CI. Figures are printed (pytest -s).
"""
from __future__ import annotations

import dataclasses
import os
import random
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from archive.engines.base import EngineError
from archive.request import SearchRequest
from tests.conftest import IN_CI, ROOT, corpus_path

# Checked before any fixture, so that a skip does not first wait for the corpus to be analysed.
pytestmark = [pytest.mark.corpus, pytest.mark.elasticsearch, pytest.mark.skipif(
    not os.environ.get("ARCHIVE_ELASTICSEARCH_URL") and not IN_CI,
    reason="the three-node cluster test runs with the Elasticsearch tests: set ARCHIVE_ELASTICSEARCH_URL "
           "(start a node with `scripts/elasticsearch start`); it starts its own cluster on ports 9210-9212")]

SCRIPT = ROOT / "scripts" / "elasticsearch"
PORT = 9210  # the development node has 9200 (transport 9300); this cluster 9210-9212 (9310-9312)
NODES = 3
LOAD_THREADS = 2
LOAD_BEFORE_KILL = 5.0  # seconds of searching on the healthy cluster before the kill
LOAD_AFTER_RECOVERY = 10.0  # and after the cluster is whole again (yellow, two nodes)
LOAD_AFTER_KILL_MIN = 30.0
RECOVERY_LIMIT = 120.0  # the cluster must be yellow again within this many seconds of the kill

# Faceted searches the load repeats; each must give the same answer every time it answers.
LOAD_REQUESTS = [
    SearchRequest.create(),
    SearchRequest.create(q="Ukraine", filters={"country": ["UA"]}),
    SearchRequest.create(q="Zölle OR Handel", filters={"language": ["de", "fr"]}, sort="date"),
    SearchRequest.create(filters={"year": ["2024"]}, exclusions={"language": ["it"]}, sort="date"),
    SearchRequest.create(q='"Bundesrat"', date_from="2024-03", date_to="2024-06", sort="date"),
    SearchRequest.create(q="sanktion*", filters={"language": ["de"], "country": ["RU", "CH"]}),
]


@dataclass
class Cluster:
    env: dict
    run: Path
    urls: str
    start_seconds: float

    def script(self, *args: str, timeout: float = 300) -> str:
        """Run scripts/elasticsearch against this cluster; its last stdout line."""
        done = subprocess.run([str(SCRIPT), *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            pytest.fail(f"scripts/elasticsearch {' '.join(args)} failed:\n{done.stderr[-4000:]}")
        lines = done.stdout.strip().splitlines()
        return lines[-1] if lines else ""


@pytest.fixture(scope="module")
def cluster():
    """Three nodes on loopback, started for this module and always stopped after it."""
    corpus_path("nsb-2024")  # skip before starting anything when the corpus is absent
    # Not under pytest's tmp folder: that is private to this user, and the nodes run as nobody under root.
    run = Path(tempfile.mkdtemp(prefix="communique-es-cluster-"))
    env = dict(os.environ, ARCHIVE_ES_PORT=str(PORT), ARCHIVE_ES_RUN=str(run),
               ARCHIVE_ES_HEAP=os.environ.get("ARCHIVE_ES_HEAP", "512m"))
    try:
        started = time.perf_counter()
        # a provisional Cluster only to reuse script(); the start's own timeout is the script's
        urls = Cluster(env, run, "", 0).script("start", "--nodes", str(NODES), timeout=420)
        yield Cluster(env, run, urls, time.perf_counter() - started)
    finally:
        subprocess.run([str(SCRIPT), "stop"], env=env, capture_output=True, timeout=240)
        shutil.rmtree(run, ignore_errors=True)


@pytest.fixture(scope="module")
def clustered(cluster, nsb):
    """An ElasticsearchEngine over all three nodes holding the NSB documents (3 shards, 1 replica)."""
    from archive.engines.elasticsearch_engine import ElasticsearchEngine

    engine = ElasticsearchEngine.from_config({
        "ELASTICSEARCH_URL": cluster.urls, "ELASTICSEARCH_INDEX": "cluster-test",
        "ELASTICSEARCH_SHARDS": 3, "ELASTICSEARCH_REPLICAS": 1, "ELASTICSEARCH_TIMEOUT": 10})
    docs = list(nsb.engine.iter_documents())
    started = time.perf_counter()
    report = engine.index(docs)
    assert report.errors == []
    wait_for_health(engine, "green", NODES, limit=180)
    print(f"\n[cluster] {NODES} nodes ready in {cluster.start_seconds:.0f}s; "
          f"{len(docs)} documents indexed and green in {time.perf_counter() - started:.0f}s")
    yield engine, docs
    try:
        engine.drop()
    except EngineError:
        pass  # the cluster is stopped and its folder deleted anyway
    engine.close()


def health(engine) -> dict:
    """The cluster's health now, or {} if no node answers."""
    try:
        return dict(engine.api.es.options(request_timeout=5).cluster.health(timeout="2s"))
    except Exception:  # noqa: BLE001 -- any failure to answer means "not healthy yet"
        return {}


def healthy(h: dict, status: str, nodes: int) -> bool:
    order = {"red": 0, "yellow": 1, "green": 2}
    return (order.get(h.get("status"), -1) >= order[status] and h.get("number_of_nodes") == nodes
            and h.get("unassigned_primary_shards", 1) == 0)


def wait_for_health(engine, status: str, nodes: int, limit: float) -> float:
    """Seconds until the cluster has `nodes` nodes and at least `status`; fails after `limit`."""
    started = time.perf_counter()
    while not healthy(h := health(engine), status, nodes):
        if time.perf_counter() - started > limit:
            pytest.fail(f"the cluster did not reach {status} with {nodes} nodes within {limit:.0f}s: {h}")
        time.sleep(0.5)
    return time.perf_counter() - started


def answer(request: SearchRequest, result) -> tuple:
    """What must not change while a node is lost: total, every facet value and count, date-sorted ids."""
    facets = {f: [(v.value, v.count, v.selected, v.excluded) for v in values]
              for f, values in result.facets.items()}
    ids = [h.id for h in result.hits] if request.effective_sort == "date" else None  # ties broken by id
    return (result.total, result.versions_total), facets, ids


@dataclass
class Outcome:
    at: float  # seconds since the load started
    request: int  # index in LOAD_REQUESTS
    kind: str  # "ok", "wrong", "failed" (the engine's errors) or "unexpected" (any other exception)
    detail: str = ""


def search_load(engine, expected: dict, stop: threading.Event, started: float, outcomes: list, worker: int):
    """Repeat LOAD_REQUESTS until `stop`, recording every outcome against the healthy answers."""
    i = worker
    while not stop.is_set():
        n = i % len(LOAD_REQUESTS)
        request = LOAD_REQUESTS[n]
        try:
            result = engine.search(request)
        except EngineError as exc:
            outcome = Outcome(time.perf_counter() - started, n, "failed", f"{type(exc).__name__}: {exc}"[:300])
        except Exception as exc:  # noqa: BLE001 -- recorded, and the test fails on it
            outcome = Outcome(time.perf_counter() - started, n, "unexpected", repr(exc)[:300])
        else:
            kind = "ok" if answer(request, result) == expected[n] else "wrong"
            outcome = Outcome(time.perf_counter() - started, n, kind,
                              "" if kind == "ok" else f"total {result.total} instead of {expected[n][0]}")
        outcomes.append(outcome)  # list.append is atomic
        i += 1


def master_node(engine) -> int:
    """The number of the elected master (node-K)."""
    name = engine.api.es.cat.master(format="json")[0]["node"]
    return int(name.rsplit("-", 1)[1])


def test_a_node_killed_under_search_load_loses_nothing(cluster, clustered, nsb):
    engine, docs = clustered
    expected = {n: answer(r, engine.search(r)) for n, r in enumerate(LOAD_REQUESTS)}
    assert expected[0][0][1] == len(docs) == nsb.engine.count()
    assert expected[0][0][0] == nsb.engine.search(SearchRequest.create()).total  # communiqués
    assert all(total > 0 for (total, _), _, _ in expected.values()), "a load search that finds nothing proves little"

    # -- search while the elected master is killed --------------------------------------------
    victim = master_node(engine)
    outcomes: list[Outcome] = []
    stop = threading.Event()
    load_started = time.perf_counter()
    threads = [threading.Thread(target=search_load, args=(engine, expected, stop, load_started, outcomes, w),
                                daemon=True) for w in range(LOAD_THREADS)]
    for t in threads:
        t.start()
    try:
        time.sleep(LOAD_BEFORE_KILL)
        cluster.script("kill-node", str(victim), timeout=30)
        killed_at = time.perf_counter() - load_started
        recovery = wait_for_health(engine, "yellow", NODES - 1, limit=RECOVERY_LIMIT)
        time.sleep(max(LOAD_AFTER_RECOVERY, LOAD_AFTER_KILL_MIN - recovery))
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a search did not return within a minute"

    before = [o for o in outcomes if o.at < killed_at]
    after = [o for o in outcomes if o.at >= killed_at]
    kinds = {k: sum(o.kind == k for o in outcomes) for k in ("ok", "failed", "wrong", "unexpected")}
    failures = sorted({o.detail.split(":")[0] for o in outcomes if o.kind == "failed"})
    first_failure = min((o.at - killed_at for o in after if o.kind == "failed"), default=None)
    last_failure = max((o.at - killed_at for o in after if o.kind == "failed"), default=None)
    print(f"[cluster] killed node-{victim} (the master) {killed_at:.1f}s into the load; yellow with "
          f"{NODES - 1} nodes {recovery:.1f}s later")
    print(f"[cluster] {len(outcomes)} searches: {kinds}; before the kill {len(before)} "
          f"(ok {sum(o.kind == 'ok' for o in before)}), after it {len(after)} "
          f"(ok {sum(o.kind == 'ok' for o in after)}, failed {sum(o.kind == 'failed' for o in after)}"
          + (f", from +{first_failure:.1f}s to +{last_failure:.1f}s: {failures}" if failures else "") + ")")
    assert [o for o in outcomes if o.kind in ("wrong", "unexpected")] == []
    assert sum(o.kind == "ok" for o in before) > 0
    assert sum(o.kind == "ok" for o in after) > 0, "no search succeeded after the kill"

    # -- nothing lost -------------------------------------------------------------------------
    assert engine.count() == len(docs) == nsb.engine.count()
    for doc in random.Random(2024).sample(docs, 50):
        stored = engine.get(doc.id)
        assert stored is not None and (stored.title, stored.content_hash) == (doc.title, doc.content_hash)

    # -- the node comes back, and indexing goes on ---------------------------------------------
    started = time.perf_counter()
    cluster.script("start-node", str(victim), timeout=240)
    rejoined = time.perf_counter() - started
    green = wait_for_health(engine, "green", NODES, limit=180)
    print(f"[cluster] node-{victim} restarted: joined in {rejoined:.0f}s, green with {NODES} nodes "
          f"{green:.0f}s later")

    picked = random.Random(7).sample(docs, 60)
    added = [dataclasses.replace(d, id=f"cluster-new-{i}", text=d.text + " quokkacluster", sources=[])
             for i, d in enumerate(picked[:40])]
    updated = [dataclasses.replace(d, text=d.text + " wombatupdate") for d in picked[40:]]
    report = engine.index(added + updated)
    assert report.errors == [] and report.indexed == 60
    assert engine.count() == len(docs) + len(added)
    assert engine.search(SearchRequest.create(q="quokkacluster", versions=True)).versions_total == len(added)
    assert engine.search(SearchRequest.create(q="wombatupdate", versions=True)).versions_total == len(updated)
    assert engine.get(updated[0].id).text.endswith("wombatupdate")
