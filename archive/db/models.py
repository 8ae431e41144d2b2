"""The tables of the archive's own state. A change here needs a migration in `migrations/versions`."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ROLES = ("admin", "staff", "read-only")


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64))  # as typed, shown
    username_key: Mapped[str] = mapped_column(String(64), unique=True)  # case-folded: what sign-in compares
    password_hash: Mapped[str | None] = mapped_column(String(255))  # None: signs in only by single sign-on
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Part of every session cookie: raised by a new password, a new role or removal, so older sessions end.
    session_version: Mapped[int] = mapped_column(Integer, default=1)

    @property
    def can_write(self) -> bool:
        return self.role in ("admin", "staff")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class SignInFailure(Base):
    """A failed sign-in, kept for the throttling window (per account and per address)."""
    __tablename__ = "sign_in_failures"
    __table_args__ = (Index("ix_sign_in_failures_username_at", "username_key", "at"),
                      Index("ix_sign_in_failures_address_at", "address", "at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username_key: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)


__all__ = ["Base", "User", "SignInFailure", "ROLES"]
