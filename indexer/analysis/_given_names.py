"""Very common given names of the archive's languages (data/given_names.toml), for spotting person
names without a model.

Hand-written from general knowledge (no external list, no corpus names), kept
short on purpose: a name here turns "Given Capitalised" into a person, so
any entry that is also a common word, a month, a place or a title in one of
the supported languages is left out (see `_LEFT_OUT`). Written with accents
as people spell them; `GIVEN_NAMES` holds the folded forms.
"""
from __future__ import annotations

from indexer.analysis.fold import fold
from indexer.analysis.tables import load

_DATA = load("given_names")
_BY_LANGUAGE: dict[str, str] = _DATA["by_language"]
_LEFT_OUT: set[str] = set(_DATA["left_out"])  # folded entries to drop without editing the lists


def _folded(words: str) -> set[str]:
    return {fold(w) for w in words.split()} - _LEFT_OUT


GIVEN_NAMES: frozenset[str] = frozenset().union(*(_folded(v) for v in _BY_LANGUAGE.values()))
