"""The interface language of the current request, for code that is not web code (labels, facets).

The web app sets it for each request (`archive.web.i18n`); elsewhere it is
English. Names of countries, languages and months follow it (archive.labels).
`N_` marks a text for translation where it is declared (facet titles) without
translating it there: the page translates it when it shows it.
"""
from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path

from babel import Locale

DEFAULT = "en"  # the language the texts are written in
CATALOGUES = Path(__file__).resolve().parent / "translations"
# English and every language with a compiled catalogue: a new language is a new catalogue, nothing else.
LANGUAGES: tuple[str, ...] = (DEFAULT, *sorted(
    folder.name for folder in CATALOGUES.iterdir() if (folder / "LC_MESSAGES" / "messages.mo").is_file()))
NAMES = {code: Locale.parse(code).get_display_name(code).capitalize() for code in LANGUAGES}  # each in itself

_current: ContextVar[str] = ContextVar("interface_language", default=DEFAULT)


def interface_language() -> str:
    return _current.get()


def set_interface_language(code: str):
    """Use `code` from now on in this context; returns the token that `reset_interface_language` takes."""
    return _current.set(code if code in LANGUAGES else DEFAULT)


def reset_interface_language(token) -> None:
    _current.reset(token)


def N_(text: str) -> str:
    """A text to translate where it is shown (extraction finds it here)."""
    return text


def Np_(singular: str, plural: str) -> tuple[str, str]:
    """A noun to count in the interface language where it is shown (extraction finds both forms here)."""
    return singular, plural
