"""Long-running processes move what they hold out of the cycle collector's sight after their first units
of work: the web processes of `archive serve` and the indexing workers."""
from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.settle import Settler

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def unfrozen():
    """This test process's objects back under the collector before and after (a test must not leave
    them frozen)."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def _under_the_collector(objects: list) -> int:
    """How many of `objects` the cycle collector still sees (frozen ones it does not)."""
    ids = {id(o) for o in objects}
    return sum(id(o) in ids for o in gc.get_objects())


def test_a_settler_freezes_after_the_chosen_units_only(unfrozen):
    settle = Settler(frozenset({1, 3}))
    made_before = [[n] for n in range(1000)]  # tracked objects
    settle()
    assert gc.get_freeze_count() > 0 and _under_the_collector(made_before) == 0
    made_after = [[n] for n in range(1000)]  # made after the first freeze
    settle("teardown hooks pass an argument")
    assert _under_the_collector(made_after) == len(made_after)  # the second unit freezes nothing
    settle()
    assert _under_the_collector(made_after) == 0


def test_archive_serve_app_settles_after_its_first_request(tmp_path, unfrozen):
    from archive import users
    from archive.serving import served_app
    from archive.web.auth import cookie_for, get_database

    app = served_app({"TESTING": True, "ENGINE": "tantivy", "DATA_DIR": str(tmp_path / "data"),
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.sqlite3'}"})
    client = app.test_client()  # signed in by its cookie: no request before the first page
    client.set_cookie(*cookie_for(app, users.single_sign_on(get_database(app), "reader", "read-only")).split("=", 1))
    assert gc.get_freeze_count() == 0
    assert client.get("/").status_code == 200
    assert gc.get_freeze_count() > 0


def test_an_indexing_worker_settles_after_its_first_file(tmp_path):
    """In a process of its own, as the pool's workers are."""
    text = tmp_path / "note.txt"
    text.write_text("date 2025-07\n\nDer Bundesrat hat heute in Bern beschlossen.\n", encoding="utf-8")
    script = ("import gc, sys; from indexer import work; "
              "assert gc.get_freeze_count() == 0; "
              "work._start_worker(); prepared = work.prepare(sys.argv[1]); "
              "assert prepared.docs and not prepared.reason, prepared; "
              "print(gc.get_freeze_count())")
    out = subprocess.run([sys.executable, "-c", script, str(text)], capture_output=True, text=True, cwd=tmp_path,
                         check=True).stdout
    assert int(out) > 0
