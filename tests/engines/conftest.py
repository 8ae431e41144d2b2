"""The engine behaviour suite runs every case against both engines.

The tantivy engine always runs (a real index on disk in a temporary folder).
The Elasticsearch engine runs against the node named by ARCHIVE_ELASTICSEARCH_URL
(started by `scripts/elasticsearch start`); without it the cases are skipped on a
developer's machine and fail in CI, where a skipped engine case is a defect.
"""
from __future__ import annotations

import os
import uuid

import pytest

from archive.engines.tantivy_engine import TantivyEngine
from tests.conftest import IN_CI
from tests.engines.documents import sample_documents

ENGINES = ["tantivy", "elasticsearch"]


def make_engine(name: str, tmp_path):
    if name == "tantivy":
        return TantivyEngine(tmp_path / "tantivy")
    url = os.environ.get("ARCHIVE_ELASTICSEARCH_URL")
    if not url:
        message = "ARCHIVE_ELASTICSEARCH_URL is not set: start a node with `scripts/elasticsearch start`"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from archive.engines.elasticsearch_engine import ElasticsearchEngine

    config = {"ELASTICSEARCH_URL": url, "ELASTICSEARCH_INDEX": f"test-{uuid.uuid4().hex[:10]}"}
    return ElasticsearchEngine.from_config(config)


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
