"""Saved searches, what is new in them for each user, and search history (no Flask here).

A saved search is its canonical URL arguments (`query_key`: `SearchRequest.to_args`
without the page), so a search is recognised as saved however it was reached.
What is new is counted with the engine's `added_after` filter: communiqués the
archive first indexed after the user last opened the search. "When" is not the
clock's time but the engine's *watermark*, the `added` time of the newest
document it could find then (`Engine.newest_added`): the indexer stamps each
batch later than every batch before, so a batch still being written when the
user looked is new the next time, and one they could see is not. Opening a
search starts a *visit* (`VISIT` long, renewed by every page of it): during a
visit the communiqués new at its start stay marked, so paging and reloading
keep the marks; the next visit counts from the end of this one.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

from sqlalchemy import bindparam, delete, insert, or_, select, update

from .db import Database, utcnow
from .db.models import HistoryEntry, SavedSearch, SavedSearchView, User
from .request import SearchRequest
from indexer.model import added_key

VISIT = timedelta(minutes=30)
HISTORY_SIZE = 100
MAX_NAME = 200
MAX_SAVED = 500  # per user


class SavedError(ValueError):
    """A request about saved searches that cannot be done, with a message for the person who asked."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def query_key(req: SearchRequest) -> str:
    """The URL arguments that identify a search: everything but the page."""
    return urlencode(replace(req, page=1).to_args())


def _hash(query: str) -> str:
    return hashlib.sha256(query.encode("utf-8")).hexdigest()


EPOCH = datetime(1970, 1, 1)


def iso(moment: datetime | None) -> str | None:
    """A stored time in the spelling of documents' `added` times (and of `added_after`)."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z" if moment else None


def watermark_time(added: str | None) -> datetime:
    """The engine's watermark (`Engine.newest_added`) as a stored time; none yet: 1970."""
    if not added:
        return EPOCH
    return datetime.fromtimestamp(added_key(added) / 1000, tz=timezone.utc).replace(tzinfo=None)


@dataclass
class Saved:
    """A saved search as a user sees it."""
    id: int
    name: str
    query: str
    shared: bool
    owner: str
    mine: bool
    created_at: datetime
    new_since: datetime  # what is new for this user counts from here
    new: int | None = None  # filled by `count_new`


def _check_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise SavedError("Give the search a name.")
    if len(name) > MAX_NAME:
        raise SavedError(f"A name has at most {MAX_NAME} characters.")
    return name


def _visible(user_id: int):
    return or_(SavedSearch.owner_id == user_id, SavedSearch.shared.is_(True))


def _as_seen(row, owner: str, user_id: int, seen_at: datetime | None) -> Saved:
    """`row`: a saved search's columns (a SavedSearch or a row holding them); `seen_at`: the user's view's."""
    since = row.created_at if seen_at is None else seen_at
    return Saved(row.id, row.name, row.query, row.shared, owner, row.owner_id == user_id, row.created_at, since)


def _seen_by(user_id, *conditions):
    """The saved searches `user_id` (a number or a bound parameter) may see that meet `conditions`, with
    their owner and this user's view."""
    with_view = (SavedSearchView.saved_search_id == SavedSearch.id) & (SavedSearchView.user_id == user_id)
    return select(SavedSearch, User.username, SavedSearchView).join(User, User.id == SavedSearch.owner_id) \
        .outerjoin(SavedSearchView, with_view).where(_visible(user_id), *conditions)


def save(db: Database, user, name: str, req: SearchRequest, shared: bool, watermark: str | None) -> Saved:
    """Save `req` under `name` for `user` (a signed-in user with `id`, `role`); what is new for them
    counts from the engine's `watermark` now."""
    name = _check_name(name)
    if shared and not user.can_write:
        raise SavedError("A read-only user cannot share searches with the team.", 403)
    query, now = query_key(req), utcnow()
    with db.transaction() as session:
        count = len(session.scalars(select(SavedSearch.id).where(SavedSearch.owner_id == user.id)).all())
        if count >= MAX_SAVED:
            raise SavedError(f"You have {MAX_SAVED} saved searches: delete some before saving more.")
        row = SavedSearch(owner_id=user.id, name=name, query=query, query_hash=_hash(query), shared=shared,
                          created_at=now, updated_at=now)
        session.add(row)
        session.flush()
        seen = watermark_time(watermark)
        session.add(SavedSearchView(user_id=user.id, saved_search_id=row.id, seen_at=seen, last_open_at=now))
        return Saved(row.id, name, query, shared, user.username, True, now, seen)


def visible(db: Database, user_id: int) -> list[Saved]:
    """The user's own saved searches and those shared by others, by name."""
    with db.session() as session:
        rows = session.execute(_seen_by(user_id)).all()
    out = [_as_seen(row, owner, user_id, view.seen_at if view else None) for row, owner, view in rows]
    return sorted(out, key=lambda s: (not s.mine, s.name.casefold(), s.id))


def get(db: Database, user_id: int, saved_id: int) -> Saved:
    for saved in visible(db, user_id):
        if saved.id == saved_id:
            return saved
    raise SavedError("There is no such saved search (or it is not shared with you).", 404)


# Made once, as every search page asks it: the columns `Saved` needs, read without the ORM's sessions.
_FOR_QUERY = _seen_by(bindparam("user_id"), SavedSearch.query_hash == bindparam("query_hash")).with_only_columns(
    SavedSearch.id, SavedSearch.name, SavedSearch.query, SavedSearch.shared, SavedSearch.owner_id,
    SavedSearch.created_at, User.username, SavedSearchView.seen_at)


def for_query(db: Database, user_id: int, req: SearchRequest) -> Saved | None:
    """The saved search this search is, if the user has one (their own first, else a shared one)."""
    query = query_key(req)
    with db.engine.connect() as connection:
        rows = connection.execute(_FOR_QUERY, {"user_id": user_id, "query_hash": _hash(query)}).all()
    found = [_as_seen(row, row.username, user_id, row.seen_at) for row in rows if row.query == query]
    return min(found, key=lambda s: (not s.mine, s.id)) if found else None


def open_visit(db: Database, user_id: int, saved_id: int, watermark: str | None,
               now: datetime | None = None) -> datetime:
    """The user opens a saved search when the engine's watermark is `watermark`: the time after which
    results are marked new during this visit."""
    now = now or utcnow()
    with db.transaction() as session:
        row = session.get(SavedSearch, saved_id)
        view = session.get(SavedSearchView, (user_id, saved_id))
        if view is None:
            view = SavedSearchView(user_id=user_id, saved_search_id=saved_id, seen_at=row.created_at,
                                   last_open_at=row.created_at)
            session.add(view)
            view.marked_before = None
        if view.marked_before is None or now - view.last_open_at >= VISIT:
            view.marked_before = view.seen_at  # a new visit: new is what came since the last one
        view.seen_at = max(view.seen_at, watermark_time(watermark))
        view.last_open_at = now
        return view.marked_before


def _own(session, user, saved_id: int, admin_may: bool = False) -> SavedSearch:
    row = session.get(SavedSearch, saved_id)
    if row is None or not (row.owner_id == user.id or row.shared):
        raise SavedError("There is no such saved search (or it is not shared with you).", 404)
    if row.owner_id != user.id and not (admin_may and user.role == "admin"):
        raise SavedError("Only the person who saved this search can change it.", 403)
    return row


def rename(db: Database, user, saved_id: int, name: str) -> None:
    name = _check_name(name)
    with db.transaction() as session:
        row = _own(session, user, saved_id)
        row.name, row.updated_at = name, utcnow()


def share(db: Database, user, saved_id: int, shared: bool) -> None:
    if shared and not user.can_write:
        raise SavedError("A read-only user cannot share searches with the team.", 403)
    with db.transaction() as session:
        row = _own(session, user, saved_id)
        row.shared, row.updated_at = shared, utcnow()


def remove(db: Database, user, saved_id: int) -> None:
    with db.transaction() as session:
        session.delete(_own(session, user, saved_id, admin_may=True))


def count_new(engine, searches: list[Saved]) -> list[Saved]:
    """Fill each search's `new`: its communiqués added since the user last opened it (one count each)."""
    for saved in searches:
        counted = replace(SearchRequest.from_query(saved.query), added_after=iso(saved.new_since), page=1, per_page=0, facets=(), whole=())
        saved.new = engine.search(counted).total
    return searches


def request_of(saved: Saved) -> SearchRequest:
    return SearchRequest.from_query(saved.query)


# -- history ---------------------------------------------------------------------------------------

# The history's statements, made once: every search page runs two or three of them, and making a
# statement costs SQLAlchemy more than SQLite takes to run it.
_NEWEST_ORDER = (HistoryEntry.at.desc(), HistoryEntry.id.desc())
_LATEST = select(HistoryEntry.id, HistoryEntry.query).where(HistoryEntry.user_id == bindparam("user_id")) \
    .order_by(*_NEWEST_ORDER).limit(1)
_TOUCH = update(HistoryEntry).where(HistoryEntry.id == bindparam("entry_id")) \
    .values(at=bindparam("now"), total=bindparam("new_total"))
_ADD = insert(HistoryEntry)
_TRIM = delete(HistoryEntry).where(
    HistoryEntry.user_id == bindparam("user_id"),
    HistoryEntry.id.not_in(select(HistoryEntry.id).where(HistoryEntry.user_id == bindparam("user_id"))
                           .order_by(*_NEWEST_ORDER).limit(HISTORY_SIZE).scalar_subquery()))


def remember(db: Database, user_id: int, req: SearchRequest, total: int | None, now: datetime | None = None) -> None:
    """Add a search to the user's history (the same search again moves to the top), keeping the newest 100."""
    query, now = query_key(req), now or utcnow()
    with db.engine.begin() as connection:
        latest = connection.execute(_LATEST, {"user_id": user_id}).first()
        if latest is not None and latest.query == query:
            connection.execute(_TOUCH, {"entry_id": latest.id, "now": now, "new_total": total})
            return
        connection.execute(_ADD, {"user_id": user_id, "query": query, "total": total, "at": now})
        connection.execute(_TRIM, {"user_id": user_id})


def history(db: Database, user_id: int) -> list[HistoryEntry]:
    with db.session() as session:
        return list(session.scalars(select(HistoryEntry).where(HistoryEntry.user_id == user_id)
                                    .order_by(HistoryEntry.at.desc(), HistoryEntry.id.desc())))


def clear_history(db: Database, user_id: int) -> int:
    with db.transaction() as session:
        return session.execute(delete(HistoryEntry).where(HistoryEntry.user_id == user_id)).rowcount
