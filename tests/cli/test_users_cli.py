"""`archive users` and `archive db`, on SQLite and PostgreSQL; the demo's account."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from archive.cli import main


@pytest.fixture
def run(tmp_path, database_url):
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, ["--instance-path", str(tmp_path / "instance"), *args], input=input,
                             env={"ARCHIVE_DATABASE_URL": database_url}, catch_exceptions=False)
    return invoke


def listed(run) -> list[dict]:
    return [json.loads(line) for line in run("users", "list", "--json").output.splitlines()]


def test_add_list_role_passwd_and_remove(run):
    assert run("users", "add", "Alice", "--role", "admin", "--password-stdin",
               input="alice's long password\n").output == "added Alice (admin)\n"
    # asked twice when not given on standard input
    prompted = run("users", "add", "bob", input="bob's long password\nbob's long password\n")
    assert prompted.exit_code == 0 and "added bob (staff)" in prompted.output
    assert [(u["username"], u["role"], u["password"]) for u in listed(run)] == [
        ("Alice", "admin", True), ("bob", "staff", True)]
    assert run("users", "role", "BOB", "read-only").output == "bob is now read-only\n"
    assert run("users", "passwd", "bob", "--password-stdin", input="a new long password\n").exit_code == 0
    assert run("users", "remove", "bob", "--yes").output == "removed bob\n"
    assert [u["username"] for u in listed(run)] == ["Alice"]


def test_mistakes_are_refused_with_a_reason(run):
    run("users", "add", "Alice", "--role", "admin", "--password-stdin", input="alice's long password\n")
    cases = [
        (("users", "add", "alice", "--password-stdin"), "long enough password\n", "there is already a user 'alice'"),
        (("users", "add", "carol", "--password-stdin"), "short\n", "at least 10 characters"),
        (("users", "add", "with space", "--password-stdin"), "long enough password\n", "no spaces"),
        (("users", "remove", "nobody", "--yes"), None, "no user 'nobody'"),
        (("users", "remove", "alice", "--yes"), None, "the last admin"),
        (("users", "role", "alice", "staff"), None, "the last admin"),
    ]
    for args, given, message in cases:
        result = run(*args, input=given)
        assert result.exit_code != 0 and message in result.output, (args, result.output)
    assert [(u["username"], u["role"]) for u in listed(run)] == [("Alice", "admin")]


def test_a_user_for_single_sign_on_has_no_password(run):
    assert run("users", "add", "dave", "--sso-only").exit_code == 0
    assert listed(run)[0]["password"] is False


def test_db_upgrade_says_where_it_stands(run):
    first = run("db", "upgrade")
    assert first.exit_code == 0 and "at revision " in first.output
    again = run("db", "upgrade").output
    assert again.startswith("already at revision") and "password" not in again


def test_the_demo_prints_its_user_and_the_password_works(tmp_path):
    from archive import users
    from archive.db import Database

    result = CliRunner().invoke(main, ["--instance-path", str(tmp_path / "instance"), "demo", "--keep",
                                       "--no-serve"], catch_exceptions=False)
    assert result.exit_code == 0
    line = next(line for line in result.output.splitlines() if line.startswith("Sign in as user: demo"))
    password = line.split("password: ")[1]
    database = Database(f"sqlite:///{tmp_path / 'instance' / 'archive.sqlite3'}")
    assert users.authenticate(database, "demo", password, "127.0.0.1").user.role == "admin"
    again = CliRunner().invoke(main, ["--instance-path", str(tmp_path / "instance"), "demo", "--keep",
                                      "--no-serve"], catch_exceptions=False)
    assert "Sign in with your account" in again.output and "password:" not in again.output
    database.dispose()
