"""Hand-written country vocabulary that no package ships (the tables: data/countries.toml).

Country *names* come from CLDR (babel) and pycountry; this module adds what
they lack: short forms, adjectives and demonyms with their inflections, and
capitals, per language. Notation, expanded by `expand`:

- `stem{a,b,}`: stem + each ending (an empty ending keeps the bare stem);
- `stem~N`: stem + up to N more letters (Slavic and Arabic inflection);
- a leading `=`: match case-sensitively (abbreviations: "US", "UK").

Rows are `CODE: "form form ..."` with forms separated by " | ".
"""
from __future__ import annotations

import re

from indexer.analysis.tables import load

_DATA = load("countries")
ALIASES: dict[str, str] = _DATA["aliases"]  # short forms and other names CLDR does not give as the main name
DEMONYMS: dict[str, str] = _DATA["demonyms"]  # adjectives and demonyms, all inflections, any language
CAPITALS: dict[str, str] = _DATA["capitals"]
BLOCKERS = " | ".join(_DATA["blockers"])  # phrases that contain a country word but name something else
# Country words that are also people's names: given names are dropped before another capitalised word
# ("Chad Smith"), surnames after one ("Michael Jordan") unless that word starts a sentence.
GIVEN_NAMES = set(_DATA["given_names"])
SURNAMES = set(_DATA["surnames"])
COMMON_WORD_NAMES = set(_DATA["common_word_names"])  # no mention at a sentence's start ("Réunion du comité")
FUNCTION_WORDS = set(_DATA["function_words"])  # capitalised words that start sentences ("In Jordan")
# Demonyms that also name a language: not a country after these words ("en français", "in German")
# or before these ("German-speaking").
LANGUAGE_CONTEXT_BEFORE = set(_DATA["language_context_before"])
LANGUAGE_CONTEXT_AFTER = set(_DATA["language_context_after"])
COORDINATORS = set(_DATA["coordinators"])

_BRACES = re.compile(r"\{([^}]*)\}")


def expand(form: str) -> list[tuple[str, dict]]:
    """Expand one notated form into (phrase, Gazetteer.add options) pairs."""
    form = form.strip()
    if not form:
        return []
    options: dict = {}
    if form.startswith("="):
        form, options["case_sensitive"] = form[1:], True
    if "~" in form:
        form, n = form.rsplit("~", 1)
        options["max_suffix"] = int(n)
    match = _BRACES.search(form)
    if not match:
        return [(form, options)]
    head, tail = form[:match.start()], form[match.end():]
    return [(head + ending + tail, options) for ending in match[1].split(",")]


def rows(table: dict) -> list[tuple[str, str, set[str] | None]]:
    """(code, form, languages or None) for every form in a CODE → "a | b" table."""
    out = []
    for code, forms in table.items():
        for form in forms.split("|"):
            form, _, langs = form.strip().partition("@")
            if form:
                out.append((code.strip(), form, set(langs.split(",")) if langs else None))
    return out
