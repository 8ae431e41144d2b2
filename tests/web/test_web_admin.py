"""`/admin/users`: only admins manage users; what they do takes effect at once."""
from __future__ import annotations

import re

import pytest

from archive import users
from archive.web.auth import get_database
from tests.accounts import sign_in


@pytest.fixture
def app(app_on_database):
    return app_on_database()


def token(client) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/?q=x").get_data(as_text=True)).group(1)


@pytest.mark.parametrize("role", ["read-only", "staff"])
def test_only_admins_manage_users(app, role):
    client = sign_in(app.test_client(), "someone", role)
    assert client.get("/admin/users").status_code == 403
    refused = client.post("/admin/users", data={"csrf_token": token(client), "username": "mallory",
                                                "password": "a long enough password", "role": "admin"})
    assert refused.status_code == 403
    assert client.post("/admin/users/someone/role", data={"csrf_token": token(client), "role": "admin"}).status_code == 403
    assert [u.username for u in users.list_users(get_database(app))] == ["someone"]
    assert "/admin/users" not in client.get("/?q=x").get_data(as_text=True)


def test_an_admin_adds_changes_and_removes_users(app):
    admin = sign_in(app.test_client(), "root", "admin")
    assert 'href="/admin/users"' in admin.get("/?q=x").get_data(as_text=True)
    added = admin.post("/admin/users", data={"csrf_token": token(admin), "username": "Bob",
                                             "password": "bob's long password", "role": "read-only"})
    assert added.status_code == 302
    listed = admin.get("/admin/users?format=json").get_json()["users"]
    assert [(u["username"], u["role"]) for u in listed] == [("Bob", "read-only"), ("root", "admin")]
    bob = app.test_client()
    page = bob.get("/login").get_data(as_text=True)
    form = {"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page).group(1), "username": "bob",
            "password": "bob's long password"}
    assert bob.post("/login", data=form).status_code == 302 and bob.get("/?q=x").status_code == 200
    admin.post("/admin/users/Bob/role", data={"csrf_token": token(admin), "role": "staff"})
    assert bob.get("/?q=x").status_code == 302  # a new role ends the sessions
    short = admin.post("/admin/users/Bob/password", data={"csrf_token": token(admin), "password": "short"})
    assert short.status_code == 400 and "at least 10 characters" in short.get_data(as_text=True)
    assert admin.post("/admin/users/root/remove", data={"csrf_token": token(admin)}).status_code == 400
    assert admin.post("/admin/users/Bob/remove", data={"csrf_token": token(admin)}).status_code == 302
    assert [u.username for u in users.list_users(get_database(app))] == ["root"]
    no_token = admin.post("/admin/users", data={"username": "eve", "password": "a long enough password"})
    assert no_token.status_code == 400
