"""Links from search state: a `SearchRequest` becomes a short, readable URL and back.

Templates never build URLs; view-models call these.
"""
from __future__ import annotations

from urllib.parse import urlencode

from flask import current_app, url_for

from ..request import SearchRequest


def query_string(req: SearchRequest) -> str:
    """`q=otan&country=TR&country=GB&not_language=de` (no leading '?')."""
    return urlencode(req.to_args())


def search_url(req: SearchRequest) -> str:
    """The search page for `req`, relative to the site."""
    base = url_for("search.search")
    qs = query_string(req)
    return f"{base}?{qs}" if qs else base


def public_url(path: str) -> str:
    """`path` under ARCHIVE_PUBLIC_URL, the address colleagues open; without it the path itself.

    The request's Host header is never used: anyone can send any Host, and a
    shared link must not lead elsewhere. The page's script completes a relative
    link from the address in the browser.
    """
    base = (current_app.config.get("PUBLIC_URL") or "").rstrip("/")
    return f"{base}{path}" if base else path


def facet_search_url(facet: str, value: str) -> str:
    """A search for one facet value, e.g. from a document page."""
    return search_url(SearchRequest.create(filters={facet: (value,)}))


def document_url(doc_id: str) -> str:
    return url_for("documents.document", doc_id=doc_id)
