"""Fixtures shared by every test layer."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
IN_CI = os.environ.get("CI", "").lower() == "true"


def corpus_path(*parts: str) -> Path:
    """A path under ../shared/corpus, skipping the test with a clear reason when it is absent."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (the shared development corpus lives in ../shared/corpus)")
    return path


def elasticsearch_url() -> str:
    """ARCHIVE_ELASTICSEARCH_URL; without it, skip on a developer's machine and fail in CI."""
    url = os.environ.get("ARCHIVE_ELASTICSEARCH_URL")
    if not url:
        message = "ARCHIVE_ELASTICSEARCH_URL is not set: start a node with `scripts/elasticsearch start`"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return url


def make_es_engine(url: str | None = None, **overrides):
    """An Elasticsearch engine under a unique alias (call `drop()` when done)."""
    from archive.engines.elasticsearch_engine import ElasticsearchEngine

    config = {"ELASTICSEARCH_URL": url or elasticsearch_url(),
              "ELASTICSEARCH_INDEX": f"test-{uuid.uuid4().hex[:10]}"}
    config.update(overrides)
    return ElasticsearchEngine.from_config(config)


LAYERS = ("unit", "engines", "web", "cli", "browser", "corpus")


def pytest_collection_modifyitems(config, items):
    """Mark every test with its layer (its folder) and the servers it needs, so `-m` selects them.

    `pytest -m unit` is the quick layer (no corpus, no server); an engine case
    run against Elasticsearch carries the `elasticsearch` marker.
    """
    for item in items:
        parts = Path(str(item.fspath)).relative_to(ROOT / "tests").parts
        if parts[0] in LAYERS:
            item.add_marker(getattr(pytest.mark, parts[0]))
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "elasticsearch" in params.values() or "es_engine" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.elasticsearch)
