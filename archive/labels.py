"""Display names of codes: countries, languages, months and organisations in the interface language.

Codes stay in URLs (`country=TR`); only labels are translated. Names come from
babel's CLDR data, so they exist for every ISO code without a table of our own.
Facets (archive.facets) name the labeller of their values here.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, get_month_names

from .i18n import interface_language

UI_LOCALE = "en"  # the language results fall back to (not the interface's: see archive.i18n)


@lru_cache(maxsize=64)
def _locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def country_name(code: str | None, locale: str | None = None) -> str:
    """'TR' -> 'Türkiye' in English; unknown codes are shown as given."""
    locale = locale or interface_language()
    if not code:
        return ""
    loc = _locale(locale)
    return (loc.territories.get(code.upper()) if loc else None) or code


def language_name(code: str | None, locale: str | None = None) -> str:
    """'de' -> 'German'; unknown codes are shown as given."""
    locale = locale or interface_language()
    if not code:
        return ""
    loc = _locale(locale)
    name = (loc.languages.get(code.lower()) or loc.languages.get(code)) if loc else None
    return name or code


def month_name(value: str | None, locale: str | None = None) -> str:
    """'2024-03' -> 'March 2024'; anything else is shown as given."""
    locale = locale or interface_language()
    if not value:
        return ""
    year, _, month = value.partition("-")
    if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        return value
    return f"{get_month_names('wide', locale=locale)[int(month)]} {year}"


def day_name(value: str | None, locale: str | None = None) -> str:
    """'2024-03-15' -> 'Mar 15, 2024' in English, '15.03.2024' in German; anything else as given."""
    locale = locale or interface_language()
    if not value or len(value) != 10 or value[4] != "-":  # fromisoformat also reads 20240315
        return value or ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return format_date(day, "medium", locale=locale)


def organisation_name(value: str, locale: str | None = None) -> str:
    """'FOEN' -> 'Bundesamt für Umwelt' in German; the facet value where no label is known."""
    locale = locale or interface_language()
    from indexer.analysis.organisations import label

    return label(value, locale)


def as_written(value: str, locale: str | None = None) -> str:
    """Names (people, organisations, issuers) are shown as they are stored."""
    return value


def local_country_names(code: str, language: str | None) -> list[str]:
    """How a country may be written in a document: in its language and in English."""
    names = [country_name(code, "en")]
    if language:
        local = country_name(code, language)
        if local not in names:
            names.append(local)
    return [n for n in names if n and n != code]
