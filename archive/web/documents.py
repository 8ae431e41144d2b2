"""The document page `/doc/<id>` and its JSON twin."""
from __future__ import annotations

from flask import Blueprint, abort

from .document_page import build_document_page
from .engine import get_engine
from .negotiation import respond
from .urls import document_url, facet_search_url

bp = Blueprint("documents", __name__)
SIMILAR = 5


@bp.get("/doc/<path:doc_id>")
def document(doc_id: str):
    engine = get_engine()
    doc = engine.get(doc_id)
    if doc is None:
        abort(404, description=f"There is no document with the id {doc_id!r}.")
    translations = [t for t in engine.translations(doc) if t.id != doc.id]
    similar = engine.more_like_this(doc.id, limit=SIMILAR)
    page = build_document_page(doc, translations, similar, facet_link=facet_search_url, doc_link=document_url)
    data = page.to_json([t.id for t in translations], [h.id for h in similar])
    return respond("document.html", data, page=page)
