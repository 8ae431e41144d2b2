"""Words as typed, names across languages: the query tree rewritten before any engine sees it.

- **Acronyms as typed.** A word of two to five capitals that the indexer knows
  as an acronym (`UN`, `UNO`, `EU`, `USA`) means that entity, not the
  lower-case word of another language ("un", "uno", "a eu lieu", "us"): it is
  matched through the entity the documents are tagged with. Always on.
- **Names across languages** (switchable, `SearchRequest.expand`): a country,
  organisation or place name also finds the documents tagged with it in other
  languages: `Turkey` becomes `Turkey OR country:TR` (documents saying
  "Turquie", "Türkei"), `OTAN` `OTAN OR org:NATO`. A place's other names are
  also searched as words (`Genf` is `Genf OR "Geneva" OR "Genève" … OR
  place:Geneva`): places are tagged more sparingly than countries (a city in
  an organisation's name is not tagged), and Genf, Geneva and Genève must find
  the same communiqués. Consecutive words that form such a name are searched
  as that name: `United States` is `"United States" OR country:US`.

The names shown ("also matching: …") come from CLDR (babel) and the indexer's
tables. Snippets mark, in a document, the added names of its own language
(and English), and never names shorter than four letters: "AB" (the Turkish
EU) is an ordinary word in German.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from babel import Locale

from indexer.analysis import organisations, places

from .names import NAME_LOCALES as DISPLAY_LOCALES
from .names import country_for, organisation_for, place_for
from .query import And, KeywordMatch, Node, Not, Or, Phrase, Term

MAX_SHOWN = 6
MAX_NAME_WORDS = 4  # the longest run of words tried as one name
MIN_MARKED = 4  # shorter added names are never marked in snippets


@dataclass(frozen=True)
class Name:
    text: str
    language: str | None = None  # None: a name of no one language (an acronym, an alias)


@functools.lru_cache(maxsize=256)
def country_names(code: str) -> tuple[Name, ...]:
    names: dict[str, Name] = {}
    for locale in DISPLAY_LOCALES:
        name = Locale(locale).territories.get(code)
        if name and name not in names:
            names[name] = Name(name, locale)
    return tuple(names.values())


def _aliases(table_entry: str) -> list[str]:
    return [a.strip().lstrip("=").split("{")[0].split("~")[0].strip() for a in table_entry.split("|")]


def organisation_names(canonical: str) -> tuple[Name, ...]:
    names = [canonical] + _aliases(organisations.ORGANISATIONS.get(canonical, ""))
    return tuple(Name(n) for n in dict.fromkeys(n for n in names if n))


def place_names(canonical: str) -> tuple[Name, ...]:
    names = [canonical] + _aliases(places.CITIES.get(canonical, ""))
    return tuple(Name(n) for n in dict.fromkeys(n for n in names if n))


def acronym_entity(text: str) -> KeywordMatch | None:
    """The entity a word typed in capitals stands for, if the indexer knows it as an acronym."""
    if not (2 <= len(text) <= 5 and text.isalpha() and text.isupper()):
        return None
    org = organisation_for(text)
    if org:
        return KeywordMatch("org", org)
    code = country_for(text)
    return KeywordMatch("country", code) if code else None


def _entity(text: str) -> tuple[KeywordMatch, tuple[Name, ...]] | None:
    code = country_for(text)
    if code:
        return KeywordMatch("country", code), country_names(code)
    org = organisation_for(text)
    if org:
        return KeywordMatch("org", org), organisation_names(org)
    place = place_for(text)
    if place:
        return KeywordMatch("place", place), place_names(place)
    return None


def _plain(node: Node) -> bool:
    return isinstance(node, Term) and node.field is None and not node.prefix


@dataclass
class Expansion:
    match: Node
    shown: list[str]  # names added, for "also matching"
    marked: list[Name]  # names to mark in snippets (not those under NOT)


def as_typed(node: Node) -> Node:
    """The tree with known acronyms typed in capitals matched as their entity (always applied)."""
    if isinstance(node, Term) and node.field is None and not node.prefix:
        return acronym_entity(node.text) or node
    if isinstance(node, And):
        return And(tuple(as_typed(c) for c in node.children))
    if isinstance(node, Or):
        return Or(tuple(as_typed(c) for c in node.children))
    if isinstance(node, Not):
        return Not(as_typed(node.child))
    return node


def expand(node: Node) -> Expansion:
    """Names widened to their entity in every language; see the module docstring."""
    shown: list[str] = []
    marked: list[Name] = []

    def widen(n: Node, text: str, negated: bool) -> Node:
        found = _entity(text)
        if found is None:
            return n
        keyword, names = found
        added = [x for x in names if x.text.casefold() != text.casefold()]
        shown.extend(x.text for x in added[:MAX_SHOWN])
        if not negated:
            marked.extend(x for x in added if len(x.text) >= MIN_MARKED)
        if keyword.field == "place":
            words = tuple(Phrase(x.text) for x in added if len(x.text) >= MIN_MARKED)
            return Or((n, *words, keyword))
        return Or((n, keyword))

    def names_in(children: tuple, negated: bool) -> list[Node]:
        """Runs of plain words that form a name become that name (longest first)."""
        out, i = [], 0
        while i < len(children):
            for size in range(min(MAX_NAME_WORDS, len(children) - i), 1, -1):
                run = children[i:i + size]
                if all(_plain(c) for c in run):
                    text = " ".join(c.text for c in run)
                    phrase = Phrase(text)
                    widened = widen(phrase, text, negated)
                    if widened is not phrase:
                        out.append(widened)
                        i += size
                        break
            else:
                out.append(visit(children[i], negated))
                i += 1
        return out

    def visit(n: Node, negated: bool) -> Node:
        if isinstance(n, (Term, Phrase)) and n.field is None and not getattr(n, "prefix", False):
            return widen(n, n.text, negated)
        if isinstance(n, And):
            kids = names_in(n.children, negated)
            return kids[0] if len(kids) == 1 else And(tuple(kids))
        if isinstance(n, Or):
            return Or(tuple(visit(c, negated) for c in n.children))
        if isinstance(n, Not):
            return Not(visit(n.child, not negated))
        return n

    match = visit(node, False)
    return Expansion(match, list(dict.fromkeys(shown)), list(dict.fromkeys(marked)))
