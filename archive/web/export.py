"""`/export?<a search's URL arguments>&format=csv|jsonl`: every result of the search, streamed."""
from __future__ import annotations

import itertools
import time

from flask import Blueprint, Response, abort, request, stream_with_context

from .. import export
from .engine import get_engine
from .search import parse_search
from .urls import absolute_url, document_url

bp = Blueprint("export", __name__)


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
    body = export.chunks(fmt, itertools.chain(first, docs), lambda doc_id: absolute_url(document_url(doc_id)))
    response = Response(stream_with_context(body), mimetype=export.FORMATS[fmt])
    name = f"communiques-{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}.{fmt}"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Accel-Buffering"] = "no"  # proxies pass it on as it comes
    return response
