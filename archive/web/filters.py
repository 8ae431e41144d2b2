"""Jinja filters: formatting stays out of templates' logic and out of view-models' data."""
from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.numbers import format_decimal, get_group_symbol
from flask import Flask
from flask_babel import ngettext

from ..i18n import Np_, interface_language
from ..labels import country_name, language_name

# The nouns templates count (`{{ n | plural("result") }}`), in both forms, for the catalogues.
NOUNS = dict([Np_("communiqué", "communiqués"), Np_("country", "countries"),
              Np_("language version", "language versions"), Np_("result", "results"), Np_("value", "values")])


@lru_cache(maxsize=32)
def _grouping(locale: str) -> str | None:
    """The locale's group separator when it groups by threes (English, French, German…), else None."""
    pattern = Locale.parse(locale).decimal_formats.get(None)
    if pattern is None or pattern.grouping != (3, 3):
        return None
    return get_group_symbol(locale)


def number(value) -> str:
    """1234567 -> '1,234,567' in English, '1 234 567' in French, '1.234.567' in German (a page writes
    a few hundred: babel's formatter is used only where thousands are not grouped by threes)."""
    try:
        whole = int(value)
    except (TypeError, ValueError):
        return str(value)
    locale = interface_language()
    separator = _grouping(locale)
    if separator is None:
        return format_decimal(whole, locale=locale)
    return f"{whole:,}".replace(",", separator) if abs(whole) >= 1000 else str(whole)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """The noun for `count` in the interface language."""
    return ngettext(singular, plural_form or NOUNS.get(singular, singular + "s"), count)


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(number=number, plural=plural, country=country_name, language=language_name)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
