"""HTML or JSON: every page has a JSON twin, chosen by `?format=json` or the Accept header."""
from __future__ import annotations

from typing import Callable

from flask import Flask, abort, jsonify, make_response, render_template, request

FORMATS = ("html", "json")
OWN_FORMATS = {"export.export_results"}  # pages whose `format` means something else (csv, jsonl)


def wants_json() -> bool:
    """True for `?format=json`, or when the client prefers application/json over text/html."""
    fmt = request.args.get("format")
    if fmt in FORMATS:
        return fmt == "json"
    accept = request.accept_mimetypes
    return accept["application/json"] > accept["text/html"]


def respond(template: str, data: dict | Callable[[], dict], code: int = 200, **context):
    """Render `template` with `context`, or `data` as JSON (a function making it is called only for
    JSON); the response varies by Accept."""
    if wants_json():
        response = jsonify(data() if callable(data) else data)
    else:
        response = make_response(render_template(template, **context))
    response.status_code = code
    response.vary.add("Accept")
    return response


def refuse_unknown_formats() -> None:
    """`?format=csv` is a 400 that says which formats there are, not an HTML page by surprise."""
    fmt = request.args.get("format")
    if fmt and fmt not in FORMATS and request.endpoint not in OWN_FORMATS:
        abort(400, description=f"format must be one of {', '.join(FORMATS)}, not {fmt!r}.")


def init_app(app: Flask) -> None:
    app.before_request(refuse_unknown_formats)
