"""The document page `/doc/<id>` and its JSON twin."""
from __future__ import annotations

from typing import Callable, TypeVar

from flask import Blueprint, abort, current_app, request

from ..engines import EngineError
from ..request import RequestError
from .document_page import build_document_page
from .engine import get_engine
from .negotiation import respond
from .urls import document_url, facet_search_url

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


@bp.get("/doc/<path:doc_id>")
def document(doc_id: str):
    engine = get_engine()
    doc = engine.get(doc_id)
    if doc is None:
        abort(404, description=f"There is no document with the id {doc_id!r}.")
    omitted: dict[str, str] = {}
    translations = [t for t in _optional("translations", "Translations", lambda: engine.translations(doc), omitted)
                    if t.id != doc.id]
    similar = _optional("more_like_this", "Similar documents",
                        lambda: engine.more_like_this(doc.id, limit=SIMILAR), omitted)
    page = build_document_page(doc, translations, similar, facet_link=facet_search_url, doc_link=document_url,
                               omitted=omitted, part=_part(request.args.get("part")))
    data = page.to_json([t.id for t in translations], [h.id for h in similar])
    return respond("document.html", data, page=page)
