"""HTML or JSON: every page has a JSON twin, chosen by `?format=json` or the Accept header."""
from __future__ import annotations

from flask import jsonify, make_response, render_template, request


def wants_json() -> bool:
    """True for `?format=json`, or when the client prefers application/json over text/html."""
    fmt = request.args.get("format")
    if fmt:
        return fmt == "json"
    accept = request.accept_mimetypes
    return accept["application/json"] > accept["text/html"]


def respond(template: str, data: dict, code: int = 200, **context):
    """Render `template` with `context`, or `data` as JSON; the response varies by Accept."""
    if wants_json():
        response = jsonify(data)
    else:
        response = make_response(render_template(template, **context))
    response.status_code = code
    response.vary.add("Accept")
    return response
