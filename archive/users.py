"""Accounts: adding, removing and changing users, and checking a sign-in (with throttling).

Passwords are hashed with Argon2id (argon2-cffi's defaults, RFC 9106's low-memory
profile); a hash made with older parameters is replaced at the next sign-in.
Failed sign-ins are counted in the database, so every web process sees the same
counts: an account is locked for the rest of the window after
`ACCOUNT_FAILURES` failures in `WINDOW`, an address after `ADDRESS_FAILURES`.
"""
from __future__ import annotations

import functools
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import bindparam, delete, func, select

from .db import Database, utcnow
from .db.models import ROLES, SignInFailure, User

WINDOW = timedelta(minutes=15)
ACCOUNT_FAILURES = 5
ADDRESS_FAILURES = 20
MIN_PASSWORD = 10
_NAME = re.compile(r"^[\w.@+-]{1,64}$")
_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified when the account does not exist, so a wrong name costs the same time as a wrong password."""
    return _hasher.hash(secrets.token_hex(16))


class UserError(ValueError):
    """A request about accounts that cannot be done, with a message for the person who asked."""


def username_key(name: str) -> str:
    return unicodedata.normalize("NFC", name.strip()).casefold()


def check_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name.strip())
    if not _NAME.match(name):
        raise UserError("a user name is 1 to 64 letters, digits or . _ @ + - (no spaces)")
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(f"the role must be one of {', '.join(ROLES)}, not {role!r}")
    return role


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"a password has at least {MIN_PASSWORD} characters")
    return password


def new_password() -> str:
    """A random password for a new account (the demo's): 16 letters and digits."""
    return secrets.token_urlsafe(12)


def find(session, name: str) -> User | None:
    return session.scalar(select(User).where(User.username_key == username_key(name)))


def _get(session, name: str) -> User:
    user = find(session, name)
    if user is None:
        raise UserError(f"no user {name!r}")
    return user


def add(db: Database, name: str, password: str | None, role: str) -> User:
    """A new account; `password` None makes one that signs in only through single sign-on."""
    name, role = check_name(name), check_role(role)
    hashed = _hasher.hash(check_password(password)) if password is not None else None
    with db.transaction() as session:
        if find(session, name) is not None:
            raise UserError(f"there is already a user {name!r}")
        user = User(username=name, username_key=username_key(name), password_hash=hashed, role=role,
                    created_at=utcnow(), session_version=1)
        session.add(user)
    return user


def remove(db: Database, name: str) -> None:
    with db.transaction() as session:
        user = _get(session, name)
        if user.role == "admin" and _admins(session) == 1:
            raise UserError(f"{user.username} is the last admin: make another user admin first")
        session.delete(user)


def set_password(db: Database, name: str, password: str) -> None:
    hashed = _hasher.hash(check_password(password))
    with db.transaction() as session:
        user = _get(session, name)
        user.password_hash = hashed
        user.session_version += 1  # signed-in sessions end


def set_role(db: Database, name: str, role: str) -> User:
    role = check_role(role)
    with db.transaction() as session:
        user = _get(session, name)
        if user.role == "admin" and role != "admin" and _admins(session) == 1:
            raise UserError(f"{user.username} is the last admin: make another user admin first")
        if user.role != role:
            user.role = role
            user.session_version += 1
    return user


def list_users(db: Database) -> list[User]:
    with db.session() as session:
        return list(session.scalars(select(User).order_by(User.username_key)))


def _admins(session) -> int:
    return session.scalar(select(func.count()).select_from(User).where(User.role == "admin"))


@dataclass
class SignIn:
    user: User | None = None
    retry_after: int = 0  # seconds, when throttled

    @property
    def throttled(self) -> bool:
        return self.retry_after > 0


def _retry_after(oldest: datetime | None, now: datetime) -> int:
    if oldest is None:
        return 0
    return max(1, int((oldest + WINDOW - now).total_seconds()) + 1)


def throttle(session, key: str, address: str, now: datetime) -> int:
    """Seconds until this account or address may try again (0: now)."""
    since = now - WINDOW
    session.execute(delete(SignInFailure).where(SignInFailure.at < since))
    waits = []
    for column, value, limit in ((SignInFailure.username_key, key, ACCOUNT_FAILURES),
                                 (SignInFailure.address, address, ADDRESS_FAILURES)):
        times = session.scalars(select(SignInFailure.at).where(column == value, SignInFailure.at >= since)
                                .order_by(SignInFailure.at.desc()).limit(limit)).all()
        if len(times) >= limit:
            waits.append(_retry_after(times[-1], now))  # the limit-th newest must age out first
    return max(waits, default=0)


def authenticate(db: Database, name: str, password: str, address: str) -> SignIn:
    """The user these credentials name, or None; refused without checking while throttled."""
    key, now = username_key(name)[:64], utcnow()
    with db.transaction() as session:
        wait = throttle(session, key, address, now)
        if wait:
            return SignIn(retry_after=wait)
        user = session.scalar(select(User).where(User.username_key == key))
        hashed = user.password_hash if user is not None and user.password_hash else _dummy_hash()
        try:
            _hasher.verify(hashed, password)
            ok = user is not None and user.password_hash is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
        if not ok:
            session.add(SignInFailure(username_key=key, address=address[:64], at=now))
            return SignIn()
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        user.last_sign_in_at = now
        session.execute(delete(SignInFailure).where(SignInFailure.username_key == key))
        return SignIn(user=user)


# Made once: every request of a signed-in user asks it.
_SESSION_USER = select(User.id, User.username, User.role, User.session_version) \
    .where(User.id == bindparam("user_id"), User.session_version == bindparam("version"))


def load(db: Database, user_id: int, version: int):
    """The user of a session cookie (id, username, role and session_version), if that session is
    still valid; read without the ORM."""
    with db.engine.connect() as connection:
        return connection.execute(_SESSION_USER, {"user_id": user_id, "version": version}).first()


def single_sign_on(db: Database, name: str, role: str) -> User:
    """The user a trusted proxy names, made on first sight with `role` (nothing is written after that)."""
    name = check_name(name)
    with db.session() as session:
        user = find(session, name)
    if user is not None:
        return user
    with db.transaction() as session:
        user = find(session, name)
        if user is None:
            now = utcnow()
            user = User(username=name, username_key=username_key(name), password_hash=None,
                        role=check_role(role), created_at=now, last_sign_in_at=now, session_version=1)
            session.add(user)
        return user
