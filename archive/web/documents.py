"""The document page `/doc/<id>` and its JSON twin."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, TypeVar
from urllib.parse import parse_qsl, urlencode

from flask import Blueprint, abort, current_app, request
from werkzeug.datastructures import MultiDict

from ..engines import EngineError
from ..query import QuerySyntaxError
from ..request import MAX_PAGE, RequestError
from .document_page import SearchContext, build_document_page
from .engine import get_engine
from .negotiation import respond
from .search import parse_search
from .urls import document_url, facet_search_url, search_url

bp = Blueprint("documents", __name__)
SIMILAR = 5
T = TypeVar("T")


def _optional(part: str, label: str, call: Callable[[], list[T]], omitted: dict[str, str]) -> list[T]:
    """An optional part of the page: if the engine fails on it, the page is served without it."""
    try:
        return call()
    except EngineError as exc:
        current_app.logger.error("document page served without %s", part, exc_info=exc)
        omitted[part] = f"{label} could not be shown: the search engine failed on them (the error is logged)."
        return []


def _part(raw: str | None) -> int:
    if raw in (None, ""):
        return 1
    if not raw.isascii() or not raw.isdigit():
        raise RequestError(f"part must be a whole number, not {raw!r}.")
    return min(int(raw), 1_000_000)


def _optional_context(engine, omitted: dict[str, str], language: str | None = None) -> SearchContext | None:
    """The search a document was opened from (`?search=<its query string>&hit=<place>`), if any and usable."""
    raw, hit = request.args.get("search"), request.args.get("hit", "")
    if raw is None:
        return None
    try:
        req = parse_search(MultiDict(parse_qsl(raw)))
    except (RequestError, QuerySyntaxError):
        return None  # a hand-edited link: the page is shown without it
    position = int(hit) if hit.isascii() and hit.isdigit() else 0
    context = SearchContext(back_url=search_url(req.with_page(max(1, -(-position // req.per_page)))),
                            position=position, total=0, highlight=req.query.highlight_for(language))

    def neighbour(at: int) -> str | None:
        if not 1 <= at <= MAX_PAGE:
            return None
        found = engine.search(replace(req, page=at, per_page=1, facets=()))
        context.total = found.total
        if not found.hits:
            return None
        link_args = urlencode({"search": raw, "hit": at})
        return f"{document_url(found.hits[0].id)}?{link_args}"

    def find() -> list:
        context.prev_url = neighbour(position - 1) if position > 1 else None
        context.next_url = neighbour(position + 1)
        if context.total == 0:
            context.total = engine.search(replace(req, per_page=1, facets=())).total
        return []

    if position:
        _optional("neighbours", "The previous and next results", find, omitted)
    return context


def _removed(doc_id: str) -> str | None:
    """What to say of a document taken out of the archive (`archive remove`), from the ledger's record."""
    import time
    from pathlib import Path

    from indexer.ledger import Ledger

    path = Path(current_app.config["DATA_DIR"]) / "ledger.sqlite"
    row = Ledger.removal_of(path, doc_id) if path.is_file() else None
    if row is None:
        return None
    title, at, reason = row
    when = time.strftime("%Y-%m-%d", time.localtime(at))
    return f"“{title}” was removed from the archive on {when}" + (f": {reason}" if reason else ".")


@bp.get("/doc/<path:doc_id>")
def document(doc_id: str):
    engine = get_engine()
    doc = engine.get(doc_id)
    if doc is None:
        gone = _removed(doc_id)
        if gone:
            abort(410, description=gone)
        abort(404, description=f"There is no document with the id {doc_id!r}.")
    omitted: dict[str, str] = {}
    translations = [t for t in _optional("translations", "Translations", lambda: engine.translations(doc), omitted)
                    if t.id != doc.id]
    similar = _optional("more_like_this", "Similar documents",
                        lambda: engine.more_like_this(doc.id, limit=SIMILAR), omitted)
    message = _optional("message", "The message this file is attached to",
                        lambda: [m for m in [engine.get(doc.attached_to)] if m is not None], omitted) \
        if doc.attached_to else []
    page = build_document_page(doc, translations, similar, facet_link=facet_search_url, doc_link=document_url,
                               omitted=omitted, part=_part(request.args.get("part")),
                               context=_optional_context(engine, omitted, doc.language),
                               message=message[0] if message else None)
    data = page.to_json([t.id for t in translations], [h.id for h in similar])
    return respond("document.html", data, page=page)
