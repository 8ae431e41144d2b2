"""`/export?<a search's URL arguments>&format=csv|jsonl`: every result of the search, streamed."""
from __future__ import annotations

import itertools
import time

from flask import Blueprint, Response, abort, current_app, request, stream_with_context

from .. import export
from .engine import get_engine
from .search import parse_search
from .urls import document_url

bp = Blueprint("export", __name__)


def _link(doc_id: str) -> str:
    """A document's address as colleagues open it: under ARCHIVE_PUBLIC_URL, else this site's address."""
    base = (current_app.config.get("PUBLIC_URL") or request.host_url).rstrip("/")
    return base + document_url(doc_id)


@bp.get("/export")
def export_results():
    fmt = request.args.get("format", "csv")
    if fmt not in export.FORMATS:
        abort(400, description=f"format must be one of {', '.join(export.FORMATS)}, not {fmt!r}.")
    args = request.args.copy()
    args.pop("format", None)
    req = parse_search(args)  # a bad query or argument is a 400 page, as on the search page
    docs = get_engine().iter_matching(req)
    first = list(itertools.islice(docs, 1))  # the engine's errors (a 503) come before any byte is sent
    body = export.chunks(fmt, itertools.chain(first, docs), _link)
    response = Response(stream_with_context(body), mimetype=export.FORMATS[fmt])
    name = f"communiques-{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}.{fmt}"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Accel-Buffering"] = "no"  # proxies pass it on as it comes
    return response
