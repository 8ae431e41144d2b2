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


CLUSTERS = {  # product -> (URL variable, the script that starts a node)
    "elasticsearch": ("ARCHIVE_ELASTICSEARCH_URL", "scripts/elasticsearch start"),
    "opensearch": ("ARCHIVE_OPENSEARCH_URL", "scripts/opensearch start"),
}


def cluster_url(product: str) -> str:
    """The product's node URL; without it, skip on a developer's machine and fail in CI."""
    variable, script = CLUSTERS[product]
    url = os.environ.get(variable)
    if not url:
        message = f"{variable} is not set: start a node with `{script}`"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return url


def elasticsearch_url() -> str:
    return cluster_url("elasticsearch")


def make_cluster_engine(product: str, url: str | None = None, **overrides):
    """A cluster engine under a unique alias (call `drop()` when done)."""
    from archive.engines import open_engine

    prefix = product.upper()
    config = {"ENGINE": product, f"{prefix}_URL": url or cluster_url(product),
              f"{prefix}_INDEX": f"test-{uuid.uuid4().hex[:10]}"}
    config.update(overrides)
    return open_engine(config)


def make_es_engine(url: str | None = None, **overrides):
    """An Elasticsearch engine under a unique alias (call `drop()` when done)."""
    return make_cluster_engine("elasticsearch", url, **overrides)


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
        params = [v for v in getattr(getattr(item, "callspec", None), "params", {}).values() if isinstance(v, str)]
        for product in CLUSTERS:
            if product in params or (product == "elasticsearch" and "es_engine" in getattr(item, "fixturenames", ())):
                item.add_marker(getattr(pytest.mark, product))
