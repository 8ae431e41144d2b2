"""Feeds and alerts of saved searches (no Flask here).

Feeds: `feed_token` makes a secret for one user and one saved search (only its
SHA-256 is stored); the Atom feed (`atom_feed`) of that search's newest matches
is read with it, and nothing else is. Revoking it ends it.

Alerts: a subscription sends the communiqués new in a saved search as an e-mail
digest (SMTP) or as a JSON webhook signed with HMAC-SHA256. `run` is safe to
start from cron at any rate: each subscription is leased by one run at a time;
it considers the matches added since its cursor (the engine's watermark at the
last successful run), leaves out those already delivered to it, sends the rest,
and only then records them and moves the cursor. A failed send moves nothing
and is tried again by the next run. A crash between sending and recording
could send those again: at least once, never lost.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import smtplib
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Callable

from sqlalchemy import select, update

from indexer.model import Communique

from .db import Database, utcnow
from .db.models import Delivery, FeedToken, SavedSearch, Subscription
from .request import SearchRequest
from .saved import SavedError

LEASE = timedelta(minutes=10)
MAX_PER_ALERT = 200  # communiqués in one digest or webhook call; the rest go in the next run
FEED_SIZE = 50
WEBHOOK_TIMEOUT = 15


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# -- feeds -----------------------------------------------------------------------------------------

def _visible_search(session, user_id: int, saved_id: int) -> SavedSearch:
    row = session.get(SavedSearch, saved_id)
    if row is None or not (row.owner_id == user_id or row.shared):
        raise SavedError("There is no such saved search (or it is not shared with you).", 404)
    return row


def feed_token(db: Database, user_id: int, saved_id: int) -> str:
    """A new feed secret for this user and saved search (earlier ones of the pair are revoked)."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with db.transaction() as session:
        _visible_search(session, user_id, saved_id)
        session.execute(update(FeedToken).where(FeedToken.user_id == user_id, FeedToken.saved_search_id == saved_id,
                                                FeedToken.revoked_at.is_(None)).values(revoked_at=now))
        session.add(FeedToken(token_hash=_hash(token), user_id=user_id, saved_search_id=saved_id, created_at=now))
    return token


def revoke_feed(db: Database, user_id: int, saved_id: int) -> int:
    with db.transaction() as session:
        return session.execute(update(FeedToken).where(
            FeedToken.user_id == user_id, FeedToken.saved_search_id == saved_id,
            FeedToken.revoked_at.is_(None)).values(revoked_at=utcnow())).rowcount


def feeds_of(db: Database, user_id: int) -> set[int]:
    """The saved searches the user has a live feed address for."""
    with db.session() as session:
        return set(session.scalars(select(FeedToken.saved_search_id).where(
            FeedToken.user_id == user_id, FeedToken.revoked_at.is_(None))))


def feed_search(db: Database, saved_id: int, token: str | None) -> SavedSearch:
    """The saved search a feed token grants, or SavedError (401 without a token, 403 if it is wrong,
    revoked, for another search, or the search is no longer the user's to see)."""
    if not token:
        raise SavedError("This feed needs the token of its address (copy the feed link from Saved searches).", 401)
    with db.session() as session:
        grant = session.scalar(select(FeedToken).where(FeedToken.token_hash == _hash(token)))
        if grant is None or grant.revoked_at is not None or grant.saved_search_id != saved_id:
            raise SavedError("This feed link is not valid (it may have been revoked).", 403)
        row = session.get(SavedSearch, saved_id)  # (a removed user's tokens are gone with them)
        if row is None or not (row.owner_id == grant.user_id or row.shared):
            raise SavedError("This feed link is not valid any more.", 403)
        return row


def atom_feed(row: SavedSearch, docs: list[Communique], feed_url: str, search_link: str,
              doc_link: Callable[[str], str]) -> bytes:
    """The Atom document of a saved search's newest matches (newest first)."""
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.id(feed_url.split("?")[0])
    feed.title(f"{row.name} — Communiqué archive")
    feed.link(href=search_link, rel="alternate")
    feed.link(href=feed_url, rel="self")
    feed.subtitle("The newest communiqués of a saved search")
    feed.language("en")
    newest = max((d.added for d in docs if d.added), default=None)
    feed.updated(_parse(newest) if newest else datetime(1970, 1, 1, tzinfo=timezone.utc))
    for doc in reversed(docs):  # feedgen puts each new entry first
        entry = feed.add_entry()
        entry.id(doc_link(doc.id))
        entry.title(doc.title or "(untitled)")
        entry.link(href=doc_link(doc.id))
        entry.updated(_parse(doc.added) if doc.added else datetime(1970, 1, 1, tzinfo=timezone.utc))
        if doc.date:
            entry.published(_parse(doc.date + ("-01" if len(doc.date) == 7 else "") + "T00:00:00.000Z"))
        entry.summary((doc.text or "")[:400])
        if doc.issuer:
            entry.author(name=doc.issuer)
    return feed.atom_str(pretty=True)


def _parse(spelled: str) -> datetime:
    return datetime.strptime(spelled, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)


FEED_WINDOWS = (timedelta(days=2), timedelta(days=14), timedelta(days=90), timedelta(days=730), None)


def newest_matches(engine, row: SavedSearch, limit: int = FEED_SIZE) -> list[Communique]:
    """The matches the archive indexed last (by `added`), newest first: looked for in the last days first,
    then in wider windows, so a feed never reads a large search whole."""
    req = SearchRequest.from_query(row.query)
    newest = engine.newest_added()
    if newest is None:
        return []
    docs: list[Communique] = []
    for window in FEED_WINDOWS:
        since = None if window is None else (_parse(newest) - window).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        docs = list(engine.iter_matching(replace(req, added_after=since)))
        if len(docs) >= limit:
            break
    docs.sort(key=lambda d: (d.added or "", d.id), reverse=True)
    return docs[:limit]


# -- subscriptions ---------------------------------------------------------------------------------

def subscribe(db: Database, user, saved_id: int, channel: str, target: str) -> Subscription:
    """Alerts of a saved search by e-mail (`target` an address) or webhook (`target` an http(s) URL)."""
    target = (target or "").strip()
    if channel == "email":
        if "@" not in target or " " in target or len(target) > 254:
            raise SavedError("Give an e-mail address to send the alerts to.")
        secret = None
    elif channel == "webhook":
        if not target.startswith(("https://", "http://")) or len(target) > 2000:
            raise SavedError("A webhook is an http:// or https:// address.")
        secret = secrets.token_hex(32)
    else:
        raise SavedError("Alerts go by e-mail or webhook.")
    if channel == "webhook" and not user.can_write:
        raise SavedError("A read-only user cannot set up webhooks.", 403)
    with db.transaction() as session:
        _visible_search(session, user.id, saved_id)
        sub = Subscription(user_id=user.id, saved_search_id=saved_id, channel=channel, target=target, secret=secret,
                           cursor=None, created_at=utcnow())
        session.add(sub)
    return sub


def unsubscribe(db: Database, user_id: int, subscription_id: int) -> None:
    with db.transaction() as session:
        sub = session.get(Subscription, subscription_id)
        if sub is None or sub.user_id != user_id:
            raise SavedError("There is no such alert.", 404)
        session.delete(sub)


def subscriptions_of(db: Database, user_id: int) -> list[Subscription]:
    with db.session() as session:
        return list(session.scalars(select(Subscription).where(Subscription.user_id == user_id)
                                    .order_by(Subscription.id)))


# -- sending ---------------------------------------------------------------------------------------

@dataclass
class Settings:
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_tls: str = "none"  # none | starttls | ssl
    smtp_username: str | None = None
    smtp_password: str | None = None
    mail_from: str = "archive@localhost"
    public_url: str = ""

    @classmethod
    def from_config(cls, config: dict) -> "Settings":
        return cls(config.get("SMTP_HOST"), int(config.get("SMTP_PORT") or 25), config.get("SMTP_TLS") or "none",
                   config.get("SMTP_USERNAME"), config.get("SMTP_PASSWORD"),
                   config.get("MAIL_FROM") or "archive@localhost", (config.get("PUBLIC_URL") or "").rstrip("/"))


@dataclass
class RunReport:
    sent: dict[int, int] = field(default_factory=dict)  # subscription -> communiqués sent
    failed: dict[int, str] = field(default_factory=dict)  # subscription -> why
    busy: list[int] = field(default_factory=list)  # leased by another run


def _claim(db: Database, sub_id: int, now: datetime) -> bool:
    with db.transaction() as session:
        claimed = session.execute(update(Subscription).where(
            Subscription.id == sub_id,
            (Subscription.lease_until.is_(None)) | (Subscription.lease_until < now)).values(
            lease_until=now + LEASE)).rowcount
    return claimed == 1


def _doc_link(settings: Settings, doc_id: str) -> str:
    return f"{settings.public_url}/doc/{doc_id}"


def send_email(settings: Settings, to: str, subject: str, text: str) -> None:
    if not settings.smtp_host:
        raise RuntimeError("no SMTP server is configured (ARCHIVE_SMTP_HOST)")
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = settings.mail_from, to, subject
    message["Message-ID"] = make_msgid(domain="communique-archive")
    message.set_content(text)
    context = ssl.create_default_context()
    if settings.smtp_tls == "ssl":
        client = smtplib.SMTP_SSL(settings.smtp_host, settings.smtp_port, timeout=30, context=context)
    else:
        client = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30)
    with client:
        if settings.smtp_tls == "starttls":
            client.starttls(context=context)
        if settings.smtp_username:
            client.login(settings.smtp_username, settings.smtp_password or "")
        client.send_message(message)


def signature(secret: str, body: bytes) -> str:
    """The webhook's `X-Archive-Signature`: 'sha256=' and the HMAC-SHA256 of the body with its secret."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def send_webhook(url: str, secret: str, payload: dict) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "User-Agent": "communique-archive-alerts",
        "X-Archive-Signature": signature(secret, body)})
    try:
        with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT) as answer:
            if not 200 <= answer.status < 300:
                raise RuntimeError(f"the webhook answered {answer.status}")
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"the webhook answered {error.code}") from None


def _digest(row: SavedSearch, docs: list[Communique], settings: Settings) -> tuple[str, str]:
    subject = f"{len(docs)} new in “{row.name}” — Communiqué archive"
    lines = [f"{len(docs)} new communiqué{'s' if len(docs) != 1 else ''} in your saved search “{row.name}”:", ""]
    for doc in docs:
        lines += [f"* {doc.title or '(untitled)'}", f"  {', '.join(filter(None, [doc.date, doc.issuer, doc.language]))}",
                  f"  {_doc_link(settings, doc.id)}", ""]
    lines.append(f"The search: {settings.public_url}/?{row.query}")
    return subject, "\n".join(lines)


def run(db: Database, engine, settings: Settings, now: datetime | None = None) -> RunReport:
    """Send what is new to every subscription (see the module's description)."""
    report = RunReport()
    with db.session() as session:
        subs = session.execute(select(Subscription, SavedSearch).join(
            SavedSearch, SavedSearch.id == Subscription.saved_search_id).order_by(Subscription.id)).all()
    for sub, row in subs:
        now = utcnow()
        if not _claim(db, sub.id, now):
            report.busy.append(sub.id)
            continue
        try:
            sent = _run_one(db, engine, settings, sub, row)
        except Exception as exc:  # noqa: BLE001 - one subscription's failure does not stop the others
            reason = f"{type(exc).__name__}: {exc}"
            report.failed[sub.id] = reason
            with db.transaction() as session:
                session.execute(update(Subscription).where(Subscription.id == sub.id)
                                .values(lease_until=None, last_error=reason[:2000]))
        else:
            report.sent[sub.id] = sent
    return report


def _run_one(db: Database, engine, settings: Settings, sub: Subscription, row: SavedSearch) -> int:
    watermark = engine.newest_added()
    start = sub.cursor
    if start is None:  # a new subscription: what is new counts from now
        _advance(db, sub.id, watermark, [])
        return 0
    req = replace(SearchRequest.from_query(row.query), added_after=start)
    found = [doc for doc in engine.iter_matching(req) if watermark is None or (doc.added or "") <= watermark]
    done: set[str] = set()
    with db.session() as session:
        ids = [doc.id for doc in found]
        for n in range(0, len(ids), 500):
            done.update(session.scalars(select(Delivery.doc_id).where(Delivery.subscription_id == sub.id,
                                                                        Delivery.doc_id.in_(ids[n:n + 500]))))
    docs = sorted((doc for doc in found if doc.id not in done), key=lambda d: (d.added or "", d.id))
    batch = docs[:MAX_PER_ALERT]
    if batch:
        if sub.channel == "email":
            subject, text = _digest(row, batch, settings)
            send_email(settings, sub.target, subject, text)
        else:
            send_webhook(sub.target, sub.secret or "", {
                "saved_search": {"id": row.id, "name": row.name, "query": row.query,
                                 "url": f"{settings.public_url}/?{row.query}"},
                "communiques": [{"id": d.id, "title": d.title, "date": d.date, "issuer": d.issuer,
                                 "language": d.language, "countries": d.countries, "added": d.added,
                                 "link": _doc_link(settings, d.id)} for d in batch]})
    # All sent: the cursor moves to the watermark. When more are left for the next run, it moves only past
    # the indexing batches sent whole (the rest of a batch is found again; deliveries keep out what was sent).
    if len(docs) <= MAX_PER_ALERT:
        cursor = watermark
    else:
        cursor = max((d.added for d in batch if d.added and d.added < batch[-1].added), default=start)
    _advance(db, sub.id, cursor, [d.id for d in batch])
    return len(batch)


def _advance(db: Database, sub_id: int, cursor: str | None, doc_ids: list[str]) -> None:
    now = utcnow()
    with db.transaction() as session:
        for doc_id in doc_ids:
            session.add(Delivery(subscription_id=sub_id, doc_id=doc_id, delivered_at=now))
        session.execute(update(Subscription).where(Subscription.id == sub_id).values(
            cursor=cursor or "1970-01-01T00:00:00.000Z", lease_until=None, last_error=None))
