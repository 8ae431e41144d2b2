"""The engine behaviour suite runs every case against both engines.

The tantivy engine always runs (a real index on disk in a temporary folder).
The Elasticsearch engine runs against the node named by ARCHIVE_ELASTICSEARCH_URL
(started by `scripts/elasticsearch start`); without it the cases are skipped on a
developer's machine and fail in CI, where a skipped engine case is a defect.
"""
from __future__ import annotations

import pytest

from archive.engines.tantivy_engine import TantivyEngine
from tests.conftest import make_es_engine
from tests.engines.documents import sample_documents

ENGINES = ["tantivy", "elasticsearch"]


def make_engine(name: str, tmp_path):
    if name == "tantivy":
        return TantivyEngine(tmp_path / "tantivy")
    return make_es_engine()


@pytest.fixture(params=ENGINES)
def engine(request, tmp_path):
    """An empty engine of each kind."""
    eng = make_engine(request.param, tmp_path)
    yield eng
    if request.param == "elasticsearch":
        eng.drop()
    eng.close()


@pytest.fixture
def loaded(engine):
    """An engine holding the behaviour-suite documents."""
    report = engine.index(sample_documents())
    assert report.errors == []
    return engine


@pytest.fixture
def es_engine():
    """An empty Elasticsearch engine under a unique alias, dropped afterwards."""
    engine = make_es_engine()
    yield engine
    engine.drop()
    engine.close()
