"""Links from search state: a `SearchRequest` becomes a short, readable URL and back.

Templates never build URLs; view-models call these.
"""
from __future__ import annotations

from urllib.parse import urlencode

from flask import url_for

from ..request import SearchRequest


def query_string(req: SearchRequest) -> str:
    """`q=otan&country=TR&country=GB&not_language=de` (no leading '?')."""
    return urlencode(req.to_args())


def search_url(req: SearchRequest, external: bool = False) -> str:
    """The search page for `req` (relative unless `external`)."""
    base = url_for("search.search", _external=external)
    qs = query_string(req)
    return f"{base}?{qs}" if qs else base


def facet_search_url(facet: str, value: str) -> str:
    """A search for one facet value, e.g. from a document page."""
    return search_url(SearchRequest.create(filters={facet: (value,)}))


def document_url(doc_id: str, external: bool = False) -> str:
    return url_for("documents.document", doc_id=doc_id, _external=external)
