"""Case and accent folding for search keys and for entity matching.

`fold` maps a text to the form both the index and the gazetteers compare on:
lower case, no Latin accents, Turkish i's unified, Arabic vowel marks and
tatweel dropped and alef forms unified, full-width and compatibility forms
made plain (NFKC). Cyrillic stays Cyrillic (only ё/Ё → е).
"""
from __future__ import annotations

import unicodedata
from typing import Callable

from indexer.memo import Memo

# Letters that NFKD does not decompose into base + mark but that users
# nevertheless type without "accent" when searching.
_SPECIAL = {
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
    "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
    "ł": "l", "Ł": "l", "ħ": "h", "Ħ": "h", "ı": "i", "İ": "i", "ŀ": "l", "Ŀ": "l",
    "ё": "е", "Ё": "е",
    # Arabic: alef with hamza/madda → bare alef; alef maqsura and ta marbuta
    # are kept (they change meaning); tatweel is dropped below.
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "\u0640": "",  # tatweel
    # Typographic apostrophes and dashes behave like their ASCII forms.
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
}
_SPECIAL_TABLE = str.maketrans(_SPECIAL)

# Combining marks are removed only when they are Latin/Greek accents or
# Arabic harakat; marks in other scripts (Devanagari vowel
# signs, Thai, Hebrew points) carry letters and stay.
_ARABIC_MARKS = set(range(0x064B, 0x0660)) | {0x0670} | set(range(0x06D6, 0x06EE))


def _strip_marks(text: str) -> str:
    out = []
    cyrillic_base = False  # й, ї are letters of their own, not и/і + accent
    for ch in unicodedata.normalize("NFD", text):
        cp = ord(ch)
        if unicodedata.combining(ch):
            if cp in _ARABIC_MARKS or (0x0300 <= cp <= 0x036F and not cyrillic_base):
                continue
        else:
            cyrillic_base = 0x0400 <= cp <= 0x052F
        out.append(ch)
    return "".join(out)


def _fold_word(word: str) -> str:
    return word.lower() if word.isascii() else fold(word)  # an ASCII word only needs lower case


# `fold` of one word, kept: words repeat across texts. `FOLDED_WORDS.__getitem__` mapped over a list of
# words folds them all from C.
FOLDED_WORDS: Memo[str, str] = Memo(_fold_word, 500_000)
fold_word: Callable[[str], str] = FOLDED_WORDS.__getitem__


def fold(text: str) -> str:
    """Return the case- and accent-folded form of `text` (see module doc)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_SPECIAL_TABLE)
    text = text.lower()
    text = _strip_marks(text)
    return unicodedata.normalize("NFC", text)
