"""Web fixtures: `app` (real app, real tantivy index in tmp_path) → `client`, as in Flask's tutorial."""
from __future__ import annotations

import pytest

from archive.web.auth import get_database
from archive.web.engine import close_engine
from tests.accounts import signed_in_client
from tests.web.documents import make_app


@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path)
    yield app
    close_engine(app)


@pytest.fixture
def app_on_database(tmp_path, database_url):
    """`app_on_database(**config)`: a real app on each kind of database (SQLite, PostgreSQL: the
    `database_url` fixture), its engine and database closed with the test."""
    made = []

    def make(**config):
        app = make_app(tmp_path if not made else tmp_path / f"app{len(made)}", DATABASE_URL=database_url, **config)
        made.append(app)
        return app
    yield make
    for app in made:
        close_engine(app)
        get_database(app).dispose()


@pytest.fixture
def client(app):
    return signed_in_client(app)
