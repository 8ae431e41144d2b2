"""Words that introduce a person: roles and titles, and common given names.

The name tests that people (persons.py) and organisations (organisations.py)
share: a role before a name makes it a person's ("Bundesrätin Karin
Keller-Sutter") and is cut from a defined organisation's name ("Direktorin
der …"); a given name starts a person's name, never a body's.
"""
from __future__ import annotations

import functools

from indexer.analysis._given_names import GIVEN_NAMES
from indexer.analysis.fold import fold
from indexer.analysis.tables import load

# Roles and titles (folded); a hyphenated or inflected form is matched on its stem.
ROLES: frozenset[str] = frozenset(load("roles")["roles"])  # data/roles.toml

_LONG_ROLES = {r for r in ROLES if len(r) >= 6}
_INFLECTIONS = ("in", "en", "es", "er", "em")
_COMPOUND_ROLES = ("direktor", "prasident", "sekretar", "minister", "botschafter", "sprecher", "rat")


@functools.lru_cache(maxsize=65536)
def is_role(word: str) -> bool:
    """A role word, also inflected (up to two more letters: "Bundesrätin", "ministers")."""
    if word in ("M.", "MM."):  # French "Monsieur", not an initial: it stands before a full name
        return True
    f = fold(word).strip(".")
    if f in ROLES or f.split("-")[-1] in ROLES or f[:-1] in _LONG_ROLES or f[:-2] in _LONG_ROLES:
        return True
    # compounds ending in a role: "Vizedirektorin", "Generaldirektor"
    return word[:1].isupper() and any(f.endswith(r) or f[-2:] in _INFLECTIONS and f[:-2].endswith(r)
                                      for r in _COMPOUND_ROLES)  # "Bundesrätin", not "Euratom"


@functools.lru_cache(maxsize=131072)
def is_given_name(word: str) -> bool:
    """A common given name, also the first part of a hyphenated one ("Anna-Lena", "Jean-Pierre")."""
    folded = fold(word)
    return folded in GIVEN_NAMES or folded.split("-")[0] in GIVEN_NAMES
