"""Which entity a name typed by a user stands for: "Turquie" is TR, "OTAN" is NATO, "Genf" is Geneva,
"French" is fr.

The indexer's own gazetteers answer (so a name typed in the box, in a URL or
after `field:` means what it means in the documents); language names come
from CLDR in the archive's display languages. Every answer is the canonical
value a facet stores, or None.
"""
from __future__ import annotations

import bisect
import functools

from babel import Locale

from indexer.analysis import countries, organisations, places
from indexer.analysis.fold import fold
from indexer.analysis.gazetteer import tokens_of

from .terms import STEMMERS, stemmed, words

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


@functools.lru_cache(maxsize=1)
def _country_words() -> tuple[list[tuple[str, str]], frozenset[tuple[str, str]]]:
    """(word, code) for every one-word name, alias and adjective of a country in any language,
    lower-cased and sorted (the gazetteer's own tables and CLDR), and the same as a set."""
    forms = [(code, name) for code, name, _ in countries._cldr_names(countries._country_codes())]
    for table in (countries.words.ALIASES, countries.words.DEMONYMS):
        forms += [(code.rstrip("+"), phrase) for code, form, _ in countries.words.rows(table)
                  for phrase, _ in countries.words.expand(form)]
    pairs = {(form.lower(), code) for code, form in forms if len(tokens_of(form)) == 1}
    return sorted(pairs), frozenset(pairs)


SHORTEST_NAME_STEM = 4  # a country's name cut to fewer letters by a stemmer is a common word's stem too
BY_STEM, AS_WRITTEN, STEM_AND_NAME = "stem", "as written", "stem and name"


@functools.lru_cache(maxsize=4096)
def country_name_match(word: str, slot: str | None) -> str:
    """How a word that is a country's name is matched in `slot`'s language (any other word: BY_STEM).

    AS_WRITTEN when its stem there is another country's name or adjective too ("Niger" in Italian:
    Nigeria, nigeriano), so that Niger does not find Nigeria. STEM_AND_NAME when the stemmer cuts the
    name to a stub that common words share (French stems Mali to "mal", the word for "bad"; German
    Polen to "pol"): a word must then have the stem and begin with the whole name, so "Polens" and
    "Malis" are found and "mal" is not. BY_STEM otherwise (Deutschlands, Chinas, suisses). A word
    that is also a name of the same country (China, in Hong Kong's "SAR China") is no collision.
    Stems are prefixes of their words, so only the country words that start with the stem are
    stemmed to compare."""
    code = country_for(word) if slot in STEMMERS else None
    stems = stemmed(word, slot) if code else []
    if len(stems) != 1 or not stems[0]:
        return BY_STEM
    ordered, pairs = _country_words()
    for form, other in ordered[bisect.bisect_left(ordered, (stems[0],)):]:
        if not form.startswith(stems[0]):
            break
        if other != code and (form, code) not in pairs and stemmed(form, slot) == stems:
            return AS_WRITTEN
    if stems != words(word) and len(stems[0]) < SHORTEST_NAME_STEM:
        return STEM_AND_NAME
    return BY_STEM
