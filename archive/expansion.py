"""Cross-language search: a country or organisation name also finds its tagged documents.

`Turkey` typed in the box becomes `Turkey OR country:TR`, so French documents
that say "Turquie" and German ones that say "Türkei" are found too; `OTAN`
becomes `OTAN OR org:NATO`. The rewrite happens on the parsed query tree,
before any engine sees it, so both engines behave alike. The names shown to
the user ("also matching: Turquie, Türkei…") come from CLDR (babel) and the
organisation alias table. `SearchRequest.expand` switches it off.
"""
from __future__ import annotations

import functools

from babel import Locale

from indexer.analysis import organisations

from .names import country_for, organisation_for
from .query import And, KeywordMatch, Node, Not, Or, Phrase, Term

DISPLAY_LOCALES = ("en", "fr", "de", "it", "es", "pt", "nl", "tr", "ru", "ar")
MAX_SHOWN = 6


@functools.lru_cache(maxsize=256)
def country_names(code: str) -> tuple[str, ...]:
    names = []
    for locale in DISPLAY_LOCALES:
        name = Locale(locale).territories.get(code)
        if name and name not in names:
            names.append(name)
    return tuple(names)


def organisation_names(canonical: str) -> tuple[str, ...]:
    aliases = [canonical] + [a.strip().lstrip("=") for a in organisations.ORGANISATIONS.get(canonical, "").split("|")]
    names = []
    for alias in aliases:
        alias = alias.split("{")[0].split("~")[0].strip()
        if alias and alias not in names:
            names.append(alias)
    return tuple(names)


def expand(node: Node) -> tuple[Node, list[str], list[str]]:
    """(the tree with country and organisation names widened, names added, names to highlight).

    Names added under a NOT are shown ("also matching") but not highlighted:
    they are what a hit must not contain.
    """
    shown: list[str] = []
    marked: list[str] = []

    def visit(n: Node, negated: bool) -> Node:
        if isinstance(n, (Term, Phrase)) and n.field is None and not getattr(n, "prefix", False):
            code = country_for(n.text)
            if code:
                names, widened = country_names(code), Or((n, KeywordMatch("country", code)))
            else:
                org = organisation_for(n.text)
                if not org:
                    return n
                names, widened = organisation_names(org), Or((n, KeywordMatch("org", org)))
            added = [x for x in names if x.casefold() != n.text.casefold()][:MAX_SHOWN]
            shown.extend(added)
            if not negated:
                marked.extend(added)
            return widened
        if isinstance(n, And):
            return And(tuple(visit(c, negated) for c in n.children))
        if isinstance(n, Or):
            return Or(tuple(visit(c, negated) for c in n.children))
        if isinstance(n, Not):
            return Not(visit(n.child, not negated))
        return n

    expanded = visit(node, False)
    return expanded, list(dict.fromkeys(shown)), list(dict.fromkeys(marked))
