"""Saved searches (`/saved`) and search history (`/history`), and what the search page shows of them."""
from __future__ import annotations

from dataclasses import dataclass, replace

from flask import Blueprint, Response, abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user

from .. import alerts
from .. import saved as store
from ..engines import EngineError
from ..request import SearchRequest
from indexer.model import added_key
from .auth import get_database
from .engine import get_engine
from .negotiation import respond
from .urls import absolute_url, document_url, local_path, public_url, search_url

bp = Blueprint("saved", __name__)


@dataclass
class SavedState:
    """What the search page says about saving: the saved search it is (if any), marks, the save form."""
    saved: store.Saved | None
    marked_after: str | None  # results added after this time are marked new (ISO, UTC)
    new_marked: int = 0
    new_total: int = 0  # every result added after `marked_after`, on any page
    new_url: str | None = None  # the search narrowed to those
    can_share: bool = False
    query: str = ""
    label: str = ""
    new_hits: tuple[bool, ...] = ()  # which of the page's results are marked new

    def to_json(self) -> dict:
        if self.saved is None:
            return {"saved": None}
        return {"saved": {"id": self.saved.id, "name": self.saved.name, "shared": self.saved.shared,
                          "owner": self.saved.owner, "url": url_for("saved.open_saved", saved_id=self.saved.id)},
                "new_after": self.marked_after, "new": self.new_total, "new_on_this_page": self.new_marked,
                "new_url": self.new_url}


def search_page_state(req: SearchRequest, hits, total: int) -> SavedState:
    """For the search page: recognise a saved search (opening it: marks what is new), remember the search.
    `hits`: the page's results (their `added`); which are new is in the state's `new_hits`."""
    database = get_database()
    user = current_user
    found = store.for_query(database, user.id, req)
    marked_after = None
    if found is not None:
        marked_after = store.iso(store.open_visit(database, user.id, found.id, get_engine().newest_added()))
    new_hits = tuple(bool(marked_after and hit.added and added_key(hit.added) > added_key(marked_after))
                     for hit in hits)
    new_marked = sum(new_hits)
    new_total, new_url = 0, None
    if marked_after and not req.added_after:
        narrowed = req.with_added_after(marked_after)
        new_total = get_engine().search(replace(narrowed, per_page=0, facets=(), whole=())).total
        new_url = search_url(narrowed)
    if not req.is_empty():
        store.remember(database, user.id, req, total)
    return SavedState(found, marked_after, new_marked, new_total, new_url, user.can_write, store.query_key(req),
                      _label(req), new_hits)


def _user_error(error: store.SavedError):
    from .errors import error_response

    return error_response(error.status, str(error))


def _back(default: str):
    return redirect(local_path(request.form.get("back")) or default)


@bp.get("/saved")
def list_saved():
    searches = store.visible(get_database(), current_user.id)
    counted = True
    try:
        store.count_new(get_engine(), searches)
    except EngineError as exc:  # the list is still useful without its counts
        current_app.logger.error("saved searches listed without their new counts", exc_info=exc)
        counted = False
    database = get_database()
    feeds = alerts.feeds_of(database, current_user.id)
    subscriptions: dict[int, list] = {}
    for sub in alerts.subscriptions_of(database, current_user.id):
        subscriptions.setdefault(sub.saved_search_id, []).append(
            {"id": sub.id, "channel": sub.channel, "target": sub.target, "last_error": sub.last_error})
    rows = [{"id": s.id, "name": s.name, "shared": s.shared, "owner": s.owner, "mine": s.mine,
             "feed": s.id in feeds, "alerts": subscriptions.get(s.id, []),
             "url": url_for("saved.open_saved", saved_id=s.id),
             "search": search_url(store.request_of(s)),
             "new": s.new, "new_url": search_url(store.request_of(s).with_added_after(store.iso(s.new_since))),
             "new_since": store.iso(s.new_since)} for s in searches]
    return respond("saved.html", {"saved": rows, "counted": counted}, rows=rows, counted=counted,
                   can_share=current_user.can_write)


@bp.post("/saved")
def save_search():
    req = SearchRequest.from_query(request.form.get("query", ""))
    if req.is_empty():
        abort(400, description="An empty search cannot be saved: search for something first.")
    saved = store.save(get_database(), current_user, request.form.get("name", ""), req,
                       request.form.get("shared") == "1", get_engine().newest_added())
    flash(gettext("Saved “%(name)s” and shared with the team.", name=saved.name) if saved.shared
          else gettext("Saved “%(name)s”.", name=saved.name))
    return redirect(search_url(req))


@bp.get("/saved/<int:saved_id>")
def open_saved(saved_id: int):
    saved = store.get(get_database(), current_user.id, saved_id)
    return redirect(search_url(store.request_of(saved)))


@bp.post("/saved/<int:saved_id>/rename")
def rename_saved(saved_id: int):
    store.rename(get_database(), current_user, saved_id, request.form.get("name", ""))
    return _back(url_for("saved.list_saved"))


@bp.post("/saved/<int:saved_id>/share")
def share_saved(saved_id: int):
    store.share(get_database(), current_user, saved_id, request.form.get("shared") == "1")
    return _back(url_for("saved.list_saved"))


@bp.post("/saved/<int:saved_id>/delete")
def delete_saved(saved_id: int):
    store.remove(get_database(), current_user, saved_id)
    flash(gettext("The saved search was deleted."))
    return redirect(url_for("saved.list_saved"))


@bp.post("/saved/<int:saved_id>/feed")
def make_feed(saved_id: int):
    token = alerts.feed_token(get_database(), current_user.id, saved_id)
    url = absolute_url(url_for("saved.feed", saved_id=saved_id, token=token))
    flash(f"The feed's address (copy it into your feed reader now; it is shown only once, and making a new "
          f"one ends this one): {url}")
    return redirect(url_for("saved.list_saved"))


@bp.post("/saved/<int:saved_id>/feed/revoke")
def revoke_feed(saved_id: int):
    revoked = alerts.revoke_feed(get_database(), current_user.id, saved_id)
    flash("The feed's address no longer works." if revoked else "That search had no feed address.")
    return redirect(url_for("saved.list_saved"))


@bp.get("/saved/<int:saved_id>/feed.atom")
def feed(saved_id: int):
    """The newest matches of a saved search for feed readers: the token in the URL is the only key."""
    row = alerts.feed_search(get_database(), saved_id, request.args.get("token"))
    docs = alerts.newest_matches(get_engine(), row)
    body = alerts.atom_feed(row, docs, request.url, public_url(f"{url_for('search.search')}?{row.query}"),
                            lambda doc_id: public_url(document_url(doc_id)))
    response = Response(body, mimetype="application/atom+xml")
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@bp.post("/saved/<int:saved_id>/alerts")
def subscribe(saved_id: int):
    channel = request.form.get("channel", "")
    sub = alerts.subscribe(get_database(), current_user, saved_id, channel, request.form.get("target", ""))
    if sub.channel == "webhook":
        flash(f"Webhook added. Each call is signed: X-Archive-Signature is sha256= and the HMAC-SHA256 of the body "
              f"with this secret (shown only once): {sub.secret}")
    else:
        flash(f"New communiqués of this search will be e-mailed to {sub.target}.")
    return redirect(url_for("saved.list_saved"))


@bp.post("/alerts/<int:subscription_id>/delete")
def unsubscribe(subscription_id: int):
    alerts.unsubscribe(get_database(), current_user.id, subscription_id)
    flash(gettext("That alert was stopped."))
    return redirect(url_for("saved.list_saved"))


@bp.get("/history")
def history():
    entries = []
    for entry in store.history(get_database(), current_user.id):
        req = SearchRequest.from_query(entry.query)
        entries.append({"search": search_url(req), "query": entry.query, "label": _label(req), "total": entry.total,
                        "at": store.iso(entry.at)})
    return respond("history.html", {"history": entries}, entries=entries)


@bp.post("/history/clear")
def clear_history():
    cleared = store.clear_history(get_database(), current_user.id)
    flash(ngettext("Your search history was cleared (%(num)d search).",
                   "Your search history was cleared (%(num)d searches).", cleared))
    return redirect(url_for("saved.history"))


def _label(req: SearchRequest) -> str:
    """A search as people read it: its words, then its filters."""
    parts = [f"“{req.q}”"] if req.q else []
    parts += [f"{name}: {', '.join(values)}" for name, values in req.filters]
    parts += [f"not {name}: {', '.join(values)}" for name, values in req.exclusions]
    if req.date_from or req.date_to:
        parts.append(f"dates {req.date_from or '…'} – {req.date_to or '…'}")
    return "; ".join(parts) or "everything"


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.register_error_handler(store.SavedError, _user_error)
