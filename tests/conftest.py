"""Fixtures shared by every test layer."""
from __future__ import annotations

import os
import threading
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_configure(config):
    """Every app and command of the run keeps its state (database, secret key) in a folder of its own,
    never in the checkout's or the developer's instance folder."""
    import tempfile

    os.environ["ARCHIVE_INSTANCE_PATH"] = tempfile.mkdtemp(prefix="archive-tests-instance-")
    os.environ.pop("ARCHIVE_DATABASE_URL", None)


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


def postgres_url() -> str:
    """The test PostgreSQL's URL (scripts/postgres start); without it, skip here and fail in CI."""
    url = os.environ.get("ARCHIVE_TEST_POSTGRES_URL")
    if not url:
        message = "ARCHIVE_TEST_POSTGRES_URL is not set: start a server with `scripts/postgres start`"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return url


def smtp_server() -> tuple[str, int, Path]:
    """(host, port, Maildir) of the test SMTP server (scripts/smtp start); skip here, fail in CI without it."""
    where, maildir = os.environ.get("ARCHIVE_TEST_SMTP"), os.environ.get("ARCHIVE_TEST_MAILDIR")
    if not where or not maildir:
        message = "ARCHIVE_TEST_SMTP is not set: start a server with `scripts/smtp start`"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    host, _, port = where.rpartition(":")
    return host, int(port), Path(maildir)


class Receiver(BaseHTTPRequestHandler):
    """A webhook receiver for the alert tests: keeps each call (headers, body); answers 500 when `fail`."""
    calls: list = []
    fail = False

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.calls.append((dict(self.headers), body))
        self.send_response(500 if Receiver.fail else 204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    Receiver.calls, Receiver.fail = [], False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook"
    server.shutdown()
    server.server_close()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """An empty database of each kind: a SQLite file, or a schema of its own on the test PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'archive.sqlite3'}"
        return
    import sqlalchemy

    base = postgres_url()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = sqlalchemy.create_engine(base)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in base else "?"
    yield f"{base}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as connection:
        connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


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
        if "postgresql" in params:
            item.add_marker(pytest.mark.postgresql)
        for product in CLUSTERS:
            if product in params or (product == "elasticsearch" and "es_engine" in getattr(item, "fixturenames", ())):
                item.add_marker(getattr(pytest.mark, product))
