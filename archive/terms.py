"""Search terms, made once in Python for both engines and the highlighter.

Every engine indexes and queries the tokens made here, in whitespace-split
fields: words split at every non-alphanumeric character, lower-cased, words
of 40 bytes or more dropped, then either stemmed with the Snowball stemmer of
a language or case- and accent-folded. Tantivy and Elasticsearch ship
different versions of the Snowball stemmers, so letting each engine stem
would make them disagree on which documents match; doing it here makes them
(and the snippet marks) agree by construction.
"""
from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from indexer.analysis.fold import fold_word

# Bumped whenever the terms made here change: indices built with other terms must be rebuilt.
TERMS_VERSION = 1
MAX_TOKEN_BYTES = 40  # longer "words" are URLs, hashes or run-together junk
# Split at anything that is not a letter, digit or a mark that belongs to a word
# (Indic vowel signs, Hebrew and Arabic points): "l'OTAN" -> l, otan.
_SPLIT = re.compile(r"(?:[^\w\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u0900-\u0dff\u0e31-\u0e4e]|_)+")
STEMMERS = {
    "ar": "arabic", "da": "danish", "de": "german", "el": "greek", "en": "english", "es": "spanish",
    "fi": "finnish", "fr": "french", "hu": "hungarian", "it": "italian", "nl": "dutch",
    "no": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sv": "swedish",
    "tr": "turkish",
}
# Index slots: one stemmed field pair per language with a stemmer, "other" for the rest.
LANG_SLOTS = tuple(STEMMERS) + ("other",)


def slot(language: str | None) -> str:
    return language if language in STEMMERS else "other"


def words(text: str) -> list[str]:
    """Lower-cased words, split where any non-alphanumeric character stands."""
    text = text.replace("İ", "i").lower()  # lower() would give i + combining dot
    return [w for w in _SPLIT.split(text) if w and len(w.encode("utf-8")) < MAX_TOKEN_BYTES]


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased word) for each word of `text`, as `words` splits it."""
    out, pos = [], 0
    for m in _SPLIT.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    spans = []
    for start, end in out:
        word = words(text[start:end])
        if len(word) == 1:
            spans.append((start, end, word[0]))
    return spans


@lru_cache(maxsize=None)
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMERS[language])


@lru_cache(maxsize=500_000)
def stem(word: str, language: str | None) -> str:
    """A lower-cased word's stem in `language` (the word itself without a stemmer)."""
    return _stemmer(language).stemWord(word) if language in STEMMERS else word


def stemmed(text: str, language: str | None) -> list[str]:
    return [stem(w, language) for w in words(text)]


def folded(text: str) -> list[str]:
    return [f for w in words(text) for f in words(fold_word(w))]


def stemmed_field(text: str, language: str | None) -> str:
    """The indexed form of a stemmed field: tokens joined by spaces."""
    return " ".join(stemmed(text, language))


def folded_field(text: str) -> str:
    return " ".join(folded(text))
