"""Person-name normalisation: one person is one facet value.

`person_key` is the comparison key: folded, punctuation dropped, "SURNAME,
Given" turned round and the words sorted, so "İbrahim Kalın", "Ibrahim
Kalin", "KALIN, Ibrahim" and "Kalın İbrahim" share one key. `display_name`
turns a written form into a display form ("KALIN, Ibrahim" → "Ibrahim
Kalin"), and `best_form` picks one display form among several deterministically
(most frequent, then most accented, then alphabetical).

`person_match_key` is looser, for one person across the archive's documents:
Cyrillic and Greek names are transliterated (Ukrainian г as h) and the usual
differences between transliterations are ignored (w/v, z/s, y/i inside a
word and y/j as its initial, -yj/-iy/-yy, kh/h, doubled letters), so "Volodymyr Zelensky", "Volodymyr Zelenskyy",
"Wolodymyr Selenskyj" and "Володимир Зеленський" share one key, while "Jan"
and "Ian" do not. Names in other scripts keep their `person_key`.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from anyascii import anyascii

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


_UKRAINIAN = re.compile("[іїєґІЇЄҐ]")
_UKRAINIAN_INITIALS = {"є": "Ye", "ї": "Yi", "ю": "Yu", "я": "Ya"}
_CYRILLIC_OR_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff\u0400-\u04ff]")
_LATIN_WORD = re.compile(r"[a-z]+")
_SOUNDS = (("tsch", "ch"), ("sch", "sh"), ("kh", "h"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("z", "s"))
_ENDINGS = re.compile(r"(?:yj|ij|iy|yy|ii|yi|y)$")


@functools.lru_cache(maxsize=65536)
def person_match_key(name: str) -> str:
    """A key shared by the transliterations of one person's name (see module doc)."""
    written = display_name(name)
    if _CYRILLIC_OR_GREEK.search(written):
        if _UKRAINIAN.search(written):  # the Ukrainian national transliteration: г is h, initial є is ye
            written = written.replace("г", "h").replace("Г", "H")
            written = re.sub(r"\b[ЄєЇїЮюЯя]", lambda m: _UKRAINIAN_INITIALS[m.group().lower()], written)
        written = anyascii(written)
    elif not written.isascii() and not fold(written).isascii():
        return person_key(name)  # Arabic, Hebrew, Han, kana, Hangul: their own script is the key
    words = []
    for word in _LATIN_WORD.findall(fold(written).replace("'", "").replace("-", " ")):
        word = _ENDINGS.sub("i", word)
        for old, new in _SOUNDS:
            word = word.replace(old, new)
        # an initial y is j (Yermak/Jermak, Yulia/Julia: Й, Є, Ю, Я in English and German transliteration);
        # inside a word both are i (Zelenskyj, Volodymyr). "Jan" and "Ian" stay two names.
        word = word[:1].replace("y", "j") + word[1:].replace("y", "i").replace("j", "i")
        words.append(re.sub(r"(.)\1+", r"\1", word))
    return " ".join(sorted(words))
