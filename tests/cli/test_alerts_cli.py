"""`archive alerts run` from the command line, as cron runs it: the digest reaches a real SMTP server once."""
from __future__ import annotations

import uuid

from click.testing import CliRunner

from archive import alerts, saved, users
from archive.cli import main
from archive.db import Database
from archive.request import SearchRequest
from tests.conftest import smtp_server
from tests.web.test_web_alerts import received


def test_alerts_run_sends_each_new_communique_once_and_says_what_it_did(tmp_path, database_url):
    host, port, maildir = smtp_server()
    env = {"ARCHIVE_DATABASE_URL": database_url, "ARCHIVE_SMTP_HOST": host, "ARCHIVE_SMTP_PORT": str(port),
           "ARCHIVE_PUBLIC_URL": "https://archive.example.org"}

    def run(*args):
        return CliRunner().invoke(main, ["--instance-path", str(tmp_path / "instance"), "--data-dir",
                                         str(tmp_path / "data"), *args], env=env, catch_exceptions=False)

    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text("date 2025-07-01\nTalks in Ankara\n\nThe ministers met in Ankara.", encoding="utf-8")
    assert run("index", str(inbox)).exit_code == 0
    database = Database(database_url)
    database.upgrade()
    user = users.add(database, "alice", "alice's long password", "staff")
    search = saved.save(database, user, "Ankara", SearchRequest.create(q="Ankara"), False, None)
    address = f"alice-{uuid.uuid4().hex[:8]}@example.org"
    alerts.subscribe(database, user, search.id, "email", address)
    first = run("alerts", "run")
    assert first.exit_code == 0 and "1 alerts checked, 0 communiqués sent, 0 failed" in first.output
    (inbox / "b.txt").write_text("date 2025-07-02\nAnkara again\n\nAnother meeting in Ankara.", encoding="utf-8")
    assert run("index", str(inbox)).exit_code == 0
    second = run("alerts", "run")
    assert "1 communiqués sent" in second.output
    (message,) = received(maildir, address)
    assert "Ankara again" in message.get_content() and "https://archive.example.org/doc/" in message.get_content()
    assert "0 communiqués sent" in run("alerts", "run").output  # never twice
    env["ARCHIVE_SMTP_PORT"] = "9"  # the mail server is gone: the run says so and exits 1
    (inbox / "c.txt").write_text("date 2025-07-03\nAnkara once more\n\nA third meeting in Ankara.", encoding="utf-8")
    run("index", str(inbox))
    failed = run("alerts", "run")
    assert failed.exit_code == 1 and "failed (tried again next run)" in failed.output
    env["ARCHIVE_SMTP_PORT"] = str(port)
    assert "1 communiqués sent" in run("alerts", "run").output
    assert len(received(maildir, address)) == 2
    database.dispose()
