"""Person-name normalisation: one person is one facet value.

`person_key` is the comparison key: folded, punctuation dropped, "SURNAME,
Given" turned round and the words sorted, so "İbrahim Kalın", "Ibrahim
Kalin", "KALIN, Ibrahim" and "Kalın İbrahim" share one key. `display_name`
turns a written form into a display form ("KALIN, Ibrahim" → "Ibrahim
Kalin"), and `best_form` picks one display form among several deterministically
(most frequent, then most accented, then alphabetical).
"""
from __future__ import annotations

import re
from collections import Counter

from indexer.analysis.fold import fold

_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def display_name(written: str) -> str:
    """Given-name-first, no all-caps surname: "KALIN, Ibrahim" → "Ibrahim Kalin"."""
    written = " ".join(written.split())
    if written.count(",") == 1:
        surname, given = (p.strip() for p in written.split(","))
        if surname and given and " " not in given.strip():
            written = f"{given} {surname}"
    words = [w.title() if w.isupper() and len(w) > 2 else w for w in written.split(" ")]
    return " ".join(words)


def person_key(name: str) -> str:
    """Order-, case- and accent-insensitive key of a person's name."""
    words = _WORDS.findall(fold(display_name(name)).replace("-", " "))
    return " ".join(sorted(words))


def _accents(form: str) -> int:
    return sum(1 for ch in form if not ch.isascii())


def best_form(forms: list[str]) -> str:
    """The display form to show for several written forms of one person."""
    counts = Counter(display_name(f) for f in forms)
    return min(counts, key=lambda f: (-counts[f], -_accents(f), f))
