"""The engine behaviour suite runs every case against every engine.

The tantivy engine always runs (a real index on disk in a temporary folder).
The cluster engines run against the nodes named by ARCHIVE_ELASTICSEARCH_URL
and ARCHIVE_OPENSEARCH_URL (started by `scripts/elasticsearch start` and
`scripts/opensearch start`); without them the cases are skipped on a
developer's machine and fail in CI, where a skipped engine case is a defect.
"""
from __future__ import annotations

import pytest

from archive.engines.tantivy_engine import TantivyEngine
from indexer.ledger import Ledger
from tests.conftest import CLUSTERS, make_cluster_engine
from tests.engines.documents import sample_documents

ENGINES = ["tantivy", *CLUSTERS]


def make_engine(name: str, tmp_path):
    if name == "tantivy":
        return TantivyEngine(tmp_path / "tantivy")
    return make_cluster_engine(name)


@pytest.fixture(params=ENGINES)
def engine(request, tmp_path):
    """An empty engine of each kind."""
    eng = make_engine(request.param, tmp_path)
    yield eng
    if request.param != "tantivy":
        eng.drop()
    eng.close()


@pytest.fixture
def loaded(engine):
    """An engine holding the behaviour-suite documents."""
    report = engine.index(sample_documents())
    assert report.errors == []
    return engine


@pytest.fixture(params=list(CLUSTERS))
def cluster_engine(request):
    """An empty engine of each cluster product under a unique alias, dropped afterwards."""
    engine = make_cluster_engine(request.param)
    yield engine
    engine.drop()
    engine.close()


@pytest.fixture
def es_engine():
    """An empty Elasticsearch engine under a unique alias, dropped afterwards."""
    engine = make_cluster_engine("elasticsearch")
    yield engine
    engine.drop()
    engine.close()


@pytest.fixture
def ledger(tmp_path):
    """An ingest ledger in the test's folder, closed afterwards."""
    led = Ledger(tmp_path / "ledger.sqlite")
    yield led
    led.close()
