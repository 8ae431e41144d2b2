"""The tables of the archive's own state. A change here needs a migration in `migrations/versions`."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ROLES = ("admin", "staff", "read-only")


class Base(DeclarativeBase):
    pass


class RoleChecks:
    """What a role allows, for anything with a `role` (a user's row, the signed-in user of a request)."""
    role: str

    @property
    def can_write(self) -> bool:
        """Share searches with the team and set up webhooks (admins and staff; not read-only users)."""
        return self.role in ("admin", "staff")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class User(Base, RoleChecks):
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


class SignInFailure(Base):
    """A failed sign-in, kept for the throttling window (per account and per address)."""
    __tablename__ = "sign_in_failures"
    __table_args__ = (Index("ix_sign_in_failures_username_at", "username_key", "at"),
                      Index("ix_sign_in_failures_address_at", "address", "at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username_key: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)


class SavedSearch(Base):
    """A search kept under a name: its URL arguments (canonical, without the page), private or shared."""
    __tablename__ = "saved_searches"
    __table_args__ = (Index("ix_saved_searches_owner", "owner_id"), Index("ix_saved_searches_query_hash", "query_hash"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    query: Mapped[str] = mapped_column(Text)
    query_hash: Mapped[str] = mapped_column(String(64))  # sha256 of `query`: long queries cannot be indexed
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class SavedSearchView(Base):
    """When one user last opened one saved search: what counts as new for them.

    `seen_at` is the start of the user's latest visit and `marked_before` the
    start of the one before: communiqués added after `marked_before` are marked
    new during a visit (so paging and reloading keep the marks), and a visit
    ends after `VISIT` without opening the search.
    """
    __tablename__ = "saved_search_views"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    saved_search_id: Mapped[int] = mapped_column(ForeignKey("saved_searches.id", ondelete="CASCADE"),
                                                 primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(DateTime)
    last_open_at: Mapped[datetime] = mapped_column(DateTime)
    marked_before: Mapped[datetime | None] = mapped_column(DateTime)


class HistoryEntry(Base):
    """One search a user made (its canonical URL arguments), newest kept, at most `HISTORY_SIZE` per user."""
    __tablename__ = "search_history"
    __table_args__ = (Index("ix_search_history_user_at", "user_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    query: Mapped[str] = mapped_column(Text)
    total: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)


class FeedToken(Base):
    """A secret in a feed URL: it lets a feed reader read one saved search's feed as one user, nothing else.
    Only its SHA-256 is kept; revoking it (or the user losing the search) ends it."""
    __tablename__ = "feed_tokens"
    __table_args__ = (Index("ix_feed_tokens_user_search", "user_id", "saved_search_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    saved_search_id: Mapped[int] = mapped_column(ForeignKey("saved_searches.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class Subscription(Base):
    """Alerts of one saved search for one user: an e-mail digest or a signed webhook.

    `cursor` is the engine's watermark up to which matches were considered
    (`added` spelling); `lease_until` lets one `archive alerts run` at a time
    work on it, so runs from cron may overlap.
    """
    __tablename__ = "subscriptions"
    __table_args__ = (Index("ix_subscriptions_search", "saved_search_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    saved_search_id: Mapped[int] = mapped_column(ForeignKey("saved_searches.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))  # email | webhook
    target: Mapped[str] = mapped_column(Text)  # an e-mail address or a URL
    secret: Mapped[str | None] = mapped_column(String(128))  # the webhook's HMAC key
    cursor: Mapped[str | None] = mapped_column(String(32))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Delivery(Base):
    """A communiqué sent to a subscription: never sent to it again."""
    __tablename__ = "deliveries"

    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id", ondelete="CASCADE"),
                                                 primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    delivered_at: Mapped[datetime] = mapped_column(DateTime)


__all__ = ["FeedToken", "Subscription", "Delivery", "Base", "User", "SignInFailure", "SavedSearch", "SavedSearchView", "HistoryEntry", "ROLES"]
