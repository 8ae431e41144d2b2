"""Jinja filters: formatting stays out of templates' logic and out of view-models' data."""
from __future__ import annotations

from babel.numbers import format_decimal
from flask import Flask
from flask_babel import ngettext

from ..i18n import Np_, interface_language
from ..labels import country_name, language_name

# The nouns templates count (`{{ n | plural("result") }}`), in both forms, for the catalogues.
NOUNS = dict([Np_("communiqué", "communiqués"), Np_("country", "countries"),
              Np_("language version", "language versions"), Np_("result", "results"), Np_("value", "values"),
              Np_("row", "rows")])


def number(value) -> str:
    """1234567 -> '1,234,567' in English, '1 234 567' in French, '1.234.567' in German."""
    try:
        return format_decimal(int(value), locale=interface_language())
    except (TypeError, ValueError):
        return str(value)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """The noun for `count` in the interface language."""
    return ngettext(singular, plural_form or NOUNS.get(singular, singular + "s"), count)


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(number=number, plural=plural, country=country_name, language=language_name)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
