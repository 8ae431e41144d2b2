"""Error pages (and their JSON twins): 400 for unusable input, 404, 503 when the engine is down.

User input never causes a 500: bad queries and arguments are caught in the
views or here; a 500 page is only for real bugs.
"""
from __future__ import annotations

from flask import Flask
from werkzeug.exceptions import HTTPException, InternalServerError

from ..engines import EngineError, EngineUnavailable
from ..query import QuerySyntaxError
from ..request import RequestError
from .negotiation import respond

TITLES = {
    400: "That request cannot be used",
    404: "Not found",
    405: "Method not allowed",
    500: "Something went wrong",
    503: "The search engine is unavailable",
}


def error_response(status: int, message: str):
    title = TITLES.get(status, "Error")
    return respond("error.html", {"error": message, "status": status}, status,
                   status=status, title=title, message=message)


def _http_error(error: HTTPException):
    status = error.code or 500
    message = error.description if status != 500 else "An unexpected error occurred; it has been logged."
    return error_response(status, message)


def _bad_input(error: Exception):
    return error_response(400, str(error))


def _unavailable(error: EngineUnavailable):
    response = error_response(503, "The archive cannot search right now. Please try again in a minute.")
    response.headers["Retry-After"] = "60"
    return response


def _engine_error(error: EngineError):
    # The engine is there but cannot serve (an index from another version, a lock):
    # the message tells the administrator what to do.
    return error_response(503, f"The archive cannot search right now: {error}")


def _unexpected(error: InternalServerError):
    return error_response(500, "An unexpected error occurred; it has been logged.")


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(QuerySyntaxError, _bad_input)
    app.register_error_handler(RequestError, _bad_input)
    app.register_error_handler(EngineUnavailable, _unavailable)
    app.register_error_handler(EngineError, _engine_error)
    app.register_error_handler(InternalServerError, _unexpected)
