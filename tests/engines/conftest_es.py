"""Helpers for the Elasticsearch-only tests: the node's URL and a throw-away engine.

Not a conftest.py (tests/engines/conftest.py belongs to the shared behaviour suite):
test modules import these fixtures by name.
"""
from __future__ import annotations

import os
import uuid

import pytest

from tests.conftest import IN_CI


def elasticsearch_url() -> str:
    """ARCHIVE_ELASTICSEARCH_URL; without it, skip on a developer's machine and fail in CI."""
    url = os.environ.get("ARCHIVE_ELASTICSEARCH_URL")
    if not url:
        message = "ARCHIVE_ELASTICSEARCH_URL is not set: start a node with `scripts/elasticsearch start`"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return url


def make_es_engine(url: str, **overrides):
    from archive.engines.elasticsearch_engine import ElasticsearchEngine

    config = {"ELASTICSEARCH_URL": url, "ELASTICSEARCH_INDEX": f"test-{uuid.uuid4().hex[:10]}"}
    config.update(overrides)
    return ElasticsearchEngine.from_config(config)


@pytest.fixture
def es_engine():
    """An empty Elasticsearch engine under a unique alias, dropped afterwards."""
    engine = make_es_engine(elasticsearch_url())
    yield engine
    engine.drop()
    engine.close()
