"""Error pages (and their JSON twins): 400 for unusable input, 404, 503 when the engine is down.

User input never causes a 500: bad queries and arguments are caught in the
views or here; a 500 page is only for real bugs, an engine crash among them.
No exception may leave a request unanswered: what Flask cannot handle (a
BaseException from native code) gets a plain 500 from `LastResort`.
"""
from __future__ import annotations

import logging

from flask import Flask, current_app
from flask_babel import gettext
from werkzeug.exceptions import HTTPException, InternalServerError

from ..engines import EngineError, EngineFault, EngineUnavailable
from ..i18n import N_
from ..query import QuerySyntaxError
from ..request import RequestError
from .negotiation import respond

TITLES = {
    400: N_("That request cannot be used"),
    401: N_("Sign in first"),
    403: N_("Not allowed"),
    404: N_("Not found"),
    405: N_("Method not allowed"),
    410: N_("Removed from the archive"),
    500: N_("Something went wrong"),
    503: N_("The search engine is unavailable"),
}


def error_response(status: int, message: str):
    """The error page, and its JSON twin in the shape every error has: error, status, what was asked."""
    from flask import request

    title = gettext(TITLES[status]) if status in TITLES else gettext("Error")
    data = {"error": message, "status": status, "query": {"path": request.path, **request.args.to_dict(flat=True)}}
    return respond("error.html", data, status, status=status, title=title, message=message)


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


def _engine_fault(error: EngineFault):
    current_app.logger.error("engine fault on %s", _path(), exc_info=error)
    return error_response(500, "The search engine failed while answering this request; the error has been "
                               "logged. Other pages keep working.")


def _path() -> str:
    from flask import request

    return request.full_path.rstrip("?")


def _unexpected(error: InternalServerError):
    return error_response(500, "An unexpected error occurred; it has been logged.")


_PASS_THROUGH = (KeyboardInterrupt, SystemExit, GeneratorExit)
_PLAIN_500 = (b"<!doctype html><title>Something went wrong</title><h1>Something went wrong</h1>"
              b"<p>An unexpected error occurred; it has been logged.</p>")


class LastResort:
    """WSGI middleware: any BaseException that escapes Flask still gets a 500 answer, and is logged.

    Flask and the WSGI server handle `Exception`s; anything else (pyo3's
    PanicException, say) would end the server thread with the request unanswered.
    """

    def __init__(self, wsgi_app, logger: logging.Logger):
        self.wsgi_app = wsgi_app
        self.logger = logger

    def __call__(self, environ, start_response):
        try:
            return self.wsgi_app(environ, start_response)
        except (Exception, *_PASS_THROUGH):
            raise
        except BaseException as exc:
            self.logger.error("request %s %s crashed", environ.get("REQUEST_METHOD"), environ.get("PATH_INFO"),
                              exc_info=exc)
            start_response("500 INTERNAL SERVER ERROR", [("Content-Type", "text/html; charset=utf-8"),
                                                        ("Content-Length", str(len(_PLAIN_500)))],
                           (type(exc), exc, exc.__traceback__))
            return [_PLAIN_500]


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(QuerySyntaxError, _bad_input)
    app.register_error_handler(RequestError, _bad_input)
    app.register_error_handler(EngineFault, _engine_fault)
    app.register_error_handler(EngineUnavailable, _unavailable)
    app.register_error_handler(EngineError, _engine_error)
    app.register_error_handler(InternalServerError, _unexpected)
    app.wsgi_app = LastResort(app.wsgi_app, app.logger)
