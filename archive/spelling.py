""""Did you mean": words of the archive itself close to a word that finds little.

An engine returns documents holding words near the typed one (a fuzzy query
on the folded text, the same on every engine); the suggestion is the closest
word in those documents that most of them hold. The words come from the
index, so a suggestion always finds something.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from rapidfuzz.distance import DamerauLevenshtein

from indexer.model import Communique

from .terms import fold_word, words

MIN_LENGTH = 4  # shorter words are not corrected: too many neighbours


def max_distance(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def closest_word(typed: str, docs: Iterable[Communique]) -> str | None:
    """The word of `docs` nearest to `typed` (ignoring case and accents), as written there, or None."""
    target = fold_word(typed)
    if len(target) < MIN_LENGTH or not target.isalpha():
        return None
    limit = max_distance(target)
    seen_in: Counter = Counter()
    written: dict[str, str] = {}
    for doc in docs:
        found = set()
        for word in words(f"{doc.title}\n{doc.text}"):
            folded = fold_word(word)
            if folded != target and abs(len(folded) - len(target)) <= limit and folded[:1] == target[:1]:
                if DamerauLevenshtein.distance(folded, target, score_cutoff=limit) <= limit:
                    found.add(folded)
                    written.setdefault(folded, word)
        seen_in.update(found)
    if not seen_in:
        return None
    best = min(seen_in, key=lambda w: (-seen_in[w], DamerauLevenshtein.distance(w, target), w))
    return written[best]
