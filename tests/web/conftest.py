"""Web fixtures: `app` (real app, real tantivy index in tmp_path) → `client`, as in Flask's tutorial."""
from __future__ import annotations

import pytest

from archive.web.engine import close_engine
from tests.accounts import signed_in_client
from tests.web.documents import make_app


@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path)
    yield app
    close_engine(app)


@pytest.fixture
def client(app):
    return signed_in_client(app)
