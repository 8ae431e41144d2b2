"""Signing in and out, on SQLite and on PostgreSQL: the form, throttling, cookies, sessions, proxies."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from archive import users
from archive.db import utcnow
from archive.db.models import SignInFailure
from archive.web.auth import get_database

PASSWORD = "a long enough password"


@pytest.fixture
def app(app_on_database):
    app = app_on_database()
    users.add(get_database(app), "Alice", PASSWORD, "staff")
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def csrf_token(client, path="/login") -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def sign_in(client, username="Alice", password=PASSWORD, next_url=None, base_url="http://localhost", **environ):
    form = {"username": username, "password": password, "csrf_token": csrf_token(client)}
    if next_url is not None:
        form["next"] = next_url
    # (over HTTPS the CSRF check also wants a Referer of this site, as browsers send)
    return client.post("/login", data=form, environ_base=environ, base_url=base_url,
                       headers={"Referer": "https://localhost/login"})


PRIVATE = ["/", "/?q=nato", "/doc/en-nato", "/facet/person", "/map/world.svg", "/saved", "/saved/1", "/history"]


@pytest.mark.parametrize("path", PRIVATE)
def test_without_a_session_pages_send_to_the_sign_in_and_json_gets_401(client, path):
    page = client.get(path, headers={"Accept": "text/html"})
    assert page.status_code == 302
    assert page.headers["Location"].startswith("/login?next=")
    separator = "&" if "?" in path else "?"
    for answer in (client.get(path, headers={"Accept": "application/json"}),
                   client.get(path + separator + "format=json")):
        assert answer.status_code == 401 and answer.get_json()["error"] == "Sign in first."
        assert "nato" not in answer.get_data(as_text=True).lower()


def test_a_few_things_need_no_session(client):
    assert client.get("/login").status_code == 200
    assert client.get("/health").status_code == 200
    with client.get("/static/archive.css") as static:
        assert static.status_code == 200


def test_signing_in_goes_back_to_the_page_asked_for(client):
    first = client.get("/?q=nato&country=TR")
    assert first.status_code == 302
    form_page = client.get(first.headers["Location"]).get_data(as_text=True)
    assert 'name="next" value="/?q=nato&amp;country=TR"' in form_page
    answer = sign_in(client, "alice", next_url="/?q=nato&country=TR")  # the name in any case
    assert answer.status_code == 302 and answer.headers["Location"] == "/?q=nato&country=TR"
    page = client.get("/?q=nato&country=TR").get_data(as_text=True)
    assert "Alice" in page and "Sign out" in page and 'href="/doc/en-nato' in page
    data = client.get("/?q=nato&format=json").get_json()
    assert data["total"] >= 1


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example",
                                    "javascript:alert(1)"])
def test_signing_in_never_leaves_the_site(client, target):
    answer = sign_in(client, next_url=target)
    assert answer.status_code == 302 and answer.headers["Location"] == "/"


def test_a_wrong_password_or_name_says_the_same_and_grants_nothing(client):
    wrong_password = sign_in(client, password="not the password")
    wrong_name = sign_in(client, username="nobody")
    assert wrong_password.status_code == wrong_name.status_code == 401
    for answer in (wrong_password, wrong_name):
        assert "That user name and password do not match." in answer.get_data(as_text=True)
    assert client.get("/?q=nato").status_code == 302


def test_the_form_needs_its_token(client):
    answer = client.post("/login", data={"username": "Alice", "password": PASSWORD})
    assert answer.status_code == 400 and "Reload the page" in answer.get_data(as_text=True)
    assert client.get("/?q=nato").status_code == 302


def test_five_failures_lock_the_account_for_the_rest_of_the_window(app, client):
    for _ in range(users.ACCOUNT_FAILURES):
        assert sign_in(client, password="wrong password!").status_code == 401
    locked = sign_in(client)  # even the right password is not checked now
    assert locked.status_code == 429
    assert 0 < int(locked.headers["Retry-After"]) <= users.WINDOW.total_seconds() + 1
    assert "Too many failed sign-ins" in locked.get_data(as_text=True)
    assert client.get("/?q=nato").status_code == 302
    # another account from the same address is not locked
    users.add(get_database(app), "bob", PASSWORD, "read-only")
    assert sign_in(client, "bob").status_code == 302
    # once the failures are older than the window, Alice may sign in again
    with get_database(app).transaction() as session:
        for failure in session.query(SignInFailure).all():
            failure.at = utcnow() - users.WINDOW - timedelta(seconds=5)
    assert sign_in(app.test_client()).status_code == 302


def test_one_address_is_locked_after_its_share_of_failures(app):
    client = app.test_client()
    for n in range(users.ADDRESS_FAILURES):
        sign_in(client, username=f"guess{n}", password="wrong password!", REMOTE_ADDR="192.0.2.7")
    assert sign_in(client, REMOTE_ADDR="192.0.2.7").status_code == 429
    assert sign_in(app.test_client(), REMOTE_ADDR="192.0.2.8").status_code == 302


def test_a_success_clears_the_account_failures(app, client):
    for _ in range(users.ACCOUNT_FAILURES - 1):
        sign_in(client, password="wrong password!")
    assert sign_in(client).status_code == 302
    with get_database(app).session() as session:
        assert session.query(SignInFailure).filter_by(username_key="alice").count() == 0


def test_the_session_cookie_is_httponly_samesite_and_expires(app, client):
    answer = sign_in(client)
    cookie = answer.headers["Set-Cookie"]
    assert cookie.startswith("archive_session=")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Expires=" in cookie
    assert "Secure" not in cookie  # plain HTTP on loopback
    over_tls = sign_in(app.test_client(), base_url="https://localhost")
    assert "Secure" in over_tls.headers["Set-Cookie"]


def test_forwarded_headers_count_only_from_a_trusted_proxy(app_on_database):
    app = app_on_database(TRUSTED_PROXIES="10.0.0.0/8")
    users.add(get_database(app), "Alice", PASSWORD, "staff")
    forwarded = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_X_FORWARDED_FOR": "198.51.100.9"}
    through_proxy = sign_in(app.test_client(), REMOTE_ADDR="10.1.2.3", **forwarded)
    assert "Secure" in through_proxy.headers["Set-Cookie"]
    direct = sign_in(app.test_client(), REMOTE_ADDR="203.0.113.5", **forwarded)
    assert "Secure" not in direct.headers["Set-Cookie"]


def test_signing_out_ends_the_session(client):
    sign_in(client)
    assert client.get("/?q=nato").status_code == 200
    assert client.get("/logout").status_code == 405  # a link cannot sign anyone out
    token = csrf_token(client, "/?q=nato")
    answer = client.post("/logout", data={"csrf_token": token})
    assert answer.status_code == 302 and answer.headers["Location"] == "/login"
    assert "You have signed out." in client.get("/login").get_data(as_text=True)
    assert client.get("/?q=nato").status_code == 302


@pytest.mark.parametrize("change", ["password", "role", "removal"])
def test_a_new_password_a_new_role_or_removal_ends_the_users_sessions(app, client, change):
    sign_in(client)
    assert client.get("/?q=nato").status_code == 200
    database = get_database(app)
    if change == "password":
        users.set_password(database, "alice", "another long password")
    elif change == "role":
        users.set_role(database, "alice", "read-only")
    else:
        users.remove(database, "alice")
    assert client.get("/?q=nato").status_code == 302


def test_single_sign_on_trusts_only_the_proxy(app_on_database):
    app = app_on_database(TRUSTED_PROXIES="127.0.0.1", SSO_HEADER="X-Remote-User")
    header = {"X-Remote-User": "carol", "Accept": "application/json"}
    from_proxy = app.test_client().get("/?q=nato", headers=header, environ_base={"REMOTE_ADDR": "127.0.0.1"})
    assert from_proxy.status_code == 200 and from_proxy.get_json()["total"] >= 1
    made = users.list_users(get_database(app))
    assert [(u.username, u.role, u.password_hash) for u in made] == [("carol", "read-only", None)]
    spoofed = app.test_client().get("/?q=nato", headers=header, environ_base={"REMOTE_ADDR": "192.0.2.1"})
    assert spoofed.status_code == 401
    # a user made by single sign-on has no password to sign in with
    assert sign_in(app.test_client(), "carol", "").status_code == 400


def test_the_sign_in_page_is_labelled_for_everyone(client):
    html = client.get("/login").get_data(as_text=True)
    assert '<label for="username">User name</label>' in html and '<label for="password">Password</label>' in html
    assert 'autocomplete="current-password"' in html and 'name="username"' in html
