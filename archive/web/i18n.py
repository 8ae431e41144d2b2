"""The interface in several languages (Flask-Babel, catalogues in archive/translations).

The language is the one the reader chose (a cookie, set by the switch at the
foot of every page, kept a year), else the best of the browser's
Accept-Language, else English. Country, language and month names follow it
(CLDR, through archive.labels); document texts keep their own language.
"""
from __future__ import annotations

from contextvars import ContextVar

from flask import Flask, g, redirect, request, url_for
from flask_babel import Babel, get_locale, get_translations

from ..i18n import CATALOGUES, DEFAULT, LANGUAGES, NAMES, reset_interface_language, set_interface_language
from .urls import local_path

COOKIE = "archive_language"


def choose_language() -> str:
    chosen = request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    for value, quality in request.accept_languages:  # best first; "fr-CH" is French
        code = value.replace("_", "-").split("-")[0].lower()
        if quality > 0 and code in LANGUAGES:
            return code
    return DEFAULT


# The request's catalogue, looked up once: a page says a few hundred texts (the map's list of countries
# alone some 700), and Flask-Babel's own template callables find the request and its catalogue for each.
_catalogue: ContextVar = ContextVar("archive_catalogue", default=None)


def _translations():
    return _catalogue.get() or get_translations()


def _enter():
    g.interface_language_token = set_interface_language(str(get_locale()))
    g.catalogue_token = _catalogue.set(get_translations())


def _leave(_exc=None):
    token = g.pop("interface_language_token", None)
    if token is not None:
        reset_interface_language(token)
    token = g.pop("catalogue_token", None)
    if token is not None:
        _catalogue.reset(token)


def switch_language():
    """POST /language: remember the reader's choice and go back to the page they were on."""
    code = request.form.get("language", "")
    response = redirect(local_path(request.form.get("back")) or url_for("search.search"))
    if code in LANGUAGES:
        response.set_cookie(COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
                            secure=request.is_secure)
    return response


def init_app(app: Flask) -> None:
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(CATALOGUES)
    app.config["BABEL_DEFAULT_LOCALE"] = DEFAULT
    Babel(app, locale_selector=choose_language)
    # Jinja formats and escapes the result itself (newstyle): these only find the text.
    app.jinja_env.install_gettext_callables(
        gettext=lambda text: _translations().ugettext(text),
        ngettext=lambda singular, plural, count: _translations().ungettext(singular, plural, count),
        pgettext=lambda context, text: _translations().upgettext(context, text),
        npgettext=lambda context, singular, plural, count: _translations().unpgettext(context, singular, plural, count),
        newstyle=True)
    # A translated pattern to fill in a loop (`{{ pattern | format(label=…) }}`): one lookup for hundreds of rows.
    app.jinja_env.globals["pattern"] = lambda text: _translations().ugettext(text)
    app.before_request(_enter)
    app.teardown_request(_leave)
    app.add_url_rule("/language", "language", switch_language, methods=["POST"])

    @app.context_processor
    def interface():
        current = str(get_locale())
        return {"interface_language": current,
                "interface_languages": [(code, NAMES[code], code == current) for code in LANGUAGES]}
