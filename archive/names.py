"""Which entity a name typed by a user stands for: "Turquie" is TR, "OTAN" is NATO, "Genf" is Geneva,
"French" is fr.

The indexer's own gazetteers answer (so a name typed in the box, in a URL or
after `field:` means what it means in the documents); language names come
from CLDR in the archive's display languages. Every answer is the canonical
value a facet stores, or None.
"""
from __future__ import annotations

import functools

from babel import Locale

from indexer.analysis import countries, organisations, places
from indexer.analysis.fold import fold
from indexer.analysis.gazetteer import tokens_of

NAME_LOCALES = ("en", "fr", "de", "it", "es", "pt", "nl", "tr", "ru", "ar")


def _whole_match(gazetteer, text: str, any_case: bool = False):
    """The value of a gazetteer entry that covers all of `text`, else None.

    `any_case` also tries capitals (a facet value in a URL: "nato" means NATO); in the search box
    case is left as typed, so that a lower-case word is not taken for an acronym.
    """
    candidates = [text, text[:1].upper() + text[1:], text.title()] + ([text.upper()] if any_case else [])
    for candidate in dict.fromkeys(candidates):
        tokens = tokens_of(candidate)
        if not len(tokens):
            return None
        for m in gazetteer.find(tokens):
            if m.start == 0 and m.end == len(tokens):
                return m.value
    return None


@functools.lru_cache(maxsize=1024)
def country_for(text: str, any_case: bool = False) -> str | None:
    """The ISO code when `text` is a country's name (in any supported language)."""
    value = _whole_match(countries.gazetteer(), text, any_case)
    if value is None:
        return None
    code, kind, _ = value
    return code if kind == countries.NAME else None


@functools.lru_cache(maxsize=1024)
def organisation_for(text: str, any_case: bool = False) -> str | None:
    """The canonical name when `text` names an organisation the gazetteer knows."""
    return _whole_match(organisations.gazetteer(), text, any_case)


@functools.lru_cache(maxsize=1024)
def place_for(text: str) -> str | None:
    """The canonical name when `text` names a place the gazetteer knows ("Genf" -> "Geneva")."""
    return _whole_match(places.gazetteer(), text, any_case=True)


@functools.lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for locale in NAME_LOCALES:
        for code, name in Locale(locale).languages.items():
            if len(code) in (2, 3) and code.isalpha():
                names.setdefault(fold(name), code)
    return names


def language_for(text: str) -> str | None:
    """The ISO code when `text` is a language's code or name ("French", "français", "Französisch" -> fr)."""
    value = text.strip()
    if len(value) in (2, 3) and value.isalpha() and value.isascii():
        return value.lower()
    return _language_names().get(fold(value))
