"""Users for web and browser tests: made in the app's real database, signed in through the session.

Hashing a password with Argon2 takes a sixth of a second, so every test user
shares one real hash of `PASSWORD`, made once; the sign-in form itself (hash
checked, throttling, cookies) is tested in tests/web/test_web_accounts.py.
"""
from __future__ import annotations

import functools

from archive import users
from archive.db.models import User
from archive.db import utcnow
from archive.web.auth import cookie_for, get_database, session_data

PASSWORD = "correct horse battery staple"


@functools.cache
def _hash() -> str:
    return users._hasher.hash(PASSWORD)


def add_user(app, name: str = "reader", role: str = "staff") -> User:
    """The user `name` in the app's database (made with `PASSWORD` if missing)."""
    database = get_database(app)
    with database.transaction() as session:
        user = users.find(session, name)
        if user is None:
            user = User(username=name, username_key=users.username_key(name), password_hash=_hash(),
                        role=role, created_at=utcnow(), session_version=1)
            session.add(user)
    return user


def sign_in(client, name: str = "reader", role: str = "staff"):
    """Sign the test client in as `name` (Flask-Login's session keys), as the form would."""
    user = add_user(client.application, name, role)
    with client.session_transaction() as session:
        session.update(session_data(user))
    return client


def signed_in_client(app, name: str = "reader", role: str = "staff"):
    return sign_in(app.test_client(), name, role)


def session_cookie(app, name: str = "reader", role: str = "staff") -> str:
    """A `Cookie` header value signing `name` in, for tests that talk to a real server over HTTP."""
    return cookie_for(app, add_user(app, name, role))
