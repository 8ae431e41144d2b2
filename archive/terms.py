"""Search terms, made once in Python for both engines and the highlighter.

Every engine indexes and queries the tokens made here, in whitespace-split
fields: words split at every non-alphanumeric character, lower-cased, words
of 40 bytes or more dropped, then either stemmed with the Snowball stemmer of
a language or case- and accent-folded. Tantivy and Elasticsearch ship
different versions of the Snowball stemmers, so letting each engine stem
would make them disagree on which documents match; doing it here makes them
(and the snippet marks) agree by construction.

The stemmers are Snowball's C library through PyStemmer, pinned to the
release whose stems equal those of the pure-Python snowballstemmer 3.0.1 this
archive used first (compared on 161,674 words in all 17 languages, and by
tests/unit/test_terms.py), so indices built before stay valid.
"""
from __future__ import annotations

import itertools
import re
import threading

import Stemmer

from indexer.analysis.fold import fold_word
from indexer.memo import Memo

# Bumped whenever the terms made here change: indices built with other terms must be rebuilt.
TERMS_VERSION = 2  # 2: bigrams for Chinese, Japanese, Korean and Thai
MAX_TOKEN_BYTES = 40  # longer "words" are URLs, hashes or run-together junk
# Split at anything that is not a letter, digit or a mark that belongs to a word
# (Indic vowel signs, Hebrew and Arabic points): "l'OTAN" -> l, otan.
_SPLIT = re.compile(r"(?:[^\w\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u0900-\u0dff\u0e31-\u0e4e]|_)+")
# What _SPLIT leaves in a text without "_": a run of word characters and word marks (one character
# class, which the regular expression engine scans twice as fast as the split's alternatives).
_RUN = re.compile(r"[\w\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u0900-\u0dff\u0e31-\u0e4e]+")
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


# Scripts written without spaces between words (Chinese, Japanese kana, Thai) or with particles glued
# to words (Korean): a run of their characters becomes overlapping bigrams, as Elasticsearch's `cjk`
# analyzer makes them: "经济合作" -> 经济 济合 合作, so a word typed alone (合作) is one term found inside
# any sentence, and a longer one is a phrase of bigrams that must follow each other. A run of one
# character is that character. No dictionary: the same terms in every language and on every engine.
_BIGRAM_SCRIPTS = ("\u0e00-\u0e7f"  # Thai
                   "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"  # Hangul
                   "\u3040-\u30ff\u31f0-\u31ff"  # Hiragana, Katakana
                   "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff")  # Han
_BIGRAM_RUN = re.compile(f"[{_BIGRAM_SCRIPTS}]+")


def _pieces(word: str, start: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, token) of a split word: itself, or, where it holds a run of a bigram script, the
    run's bigrams and the other parts as words."""
    if not _BIGRAM_RUN.search(word):
        return [(start, start + len(word), word)]
    out, pos = [], 0
    for run in _BIGRAM_RUN.finditer(word):
        if run.start() > pos:
            out.append((start + pos, start + run.start(), word[pos:run.start()]))
        chars = run.group()
        if len(chars) == 1:
            out.append((start + run.start(), start + run.end(), chars))
        else:
            out += [(start + run.start() + i, start + run.start() + i + 2, chars[i:i + 2])
                    for i in range(len(chars) - 1)]
        pos = run.end()
    if pos < len(word):
        out.append((start + pos, start + len(word), word[pos:]))
    return out


# Characters that often stand before or after a word and belong to no `_RUN`.
_EDGES = ".,;:!?()[]{}<>\"'«»‹›“”„‘’‚/\\|-–—…*%+=#&@"


def _runs(text: str) -> list[str]:
    """`_RUN.findall(text)`, the regular expression kept for the pieces between spaces that are not one
    word as they stand or once the punctuation around them is taken off (most are: a character class
    reads a text character by character, `isalnum` and `strip` run in C)."""
    out: list[str] = []
    for piece in text.split():
        if piece.isalnum():
            out.append(piece)
        elif (core := piece.strip(_EDGES)).isalnum():
            out.append(core)
        elif core:
            out += _RUN.findall(core)
    return out


def words(text: str) -> list[str]:
    """Lower-cased words, split where any non-alphanumeric character stands (bigrams in scripts
    without spaces, see `_BIGRAM_SCRIPTS`)."""
    text = text.replace("İ", "i").lower()  # lower() would give i + combining dot
    split = _runs(text) if "_" not in text else [w for w in _SPLIT.split(text) if w]
    if _BIGRAM_RUN.search(text):
        split = [token for w in split for _, _, token in _pieces(w)]
    # under 10 characters a word is under 40 bytes (4 at most each): most words need no encoding
    return [w for w in split if len(w) < 10 or len(w.encode("utf-8")) < MAX_TOKEN_BYTES]


def word_pieces(text: str) -> list[tuple[int, int, str]]:
    """(start, end, piece) for each run of `text` between split characters, a bigram script's runs
    cut into their bigrams: what `words` turns into words."""
    if "_" in text:
        runs = [(m.start(), m.end()) for m in _SPLIT.finditer(text)]
        runs = [(a, b, text[a:b]) for a, b in zip([0] + [e for _, e in runs], [s for s, _ in runs] + [len(text)])
                if b > a]
    else:
        runs = [(m.start(), m.end(), m.group()) for m in _RUN.finditer(text)]
    if _BIGRAM_RUN.search(text) is None:
        return runs
    return [piece for a, _, run in runs for piece in _pieces(run, a)]


def word_of(piece: str, bigrams: bool = False) -> str | None:
    """The word `words` makes of one piece of `word_pieces` (`bigrams`: the text holds a bigram script),
    as `word_spans` makes it; None when it makes none or several."""
    lowered = piece.replace("İ", "i").lower() if "İ" in piece else piece.lower()
    # Most pieces are one plain word already: `words` would give it back unchanged.
    if lowered.isalnum() and (len(lowered) < 10 or len(lowered.encode("utf-8")) < MAX_TOKEN_BYTES) \
            and not (bigrams and _BIGRAM_RUN.search(lowered)):
        return lowered
    word = words(piece)
    return word[0] if len(word) == 1 else None


def plain_runs(text: str) -> bool:
    """Whether the words of `text` are its `_RUN`s one by one (no "_", no bigram script): `word_of` applies."""
    return "_" not in text and _BIGRAM_RUN.search(text) is None


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased word) for each word of `text`, as `words` splits it."""
    bigrams = _BIGRAM_RUN.search(text) is not None
    return [(a, b, word) for a, b, piece in word_pieces(text) if (word := word_of(piece, bigrams)) is not None]


_stemmers = threading.local()


def _stemmer(language: str):
    """This thread's stemmer for `language`: a Snowball stemmer keeps the word it is working on in
    itself, so two threads stemming with one stemmer corrupt each other's word (an IndexError, or a
    wrong stem) — the web server answers searches on several threads."""
    mine = getattr(_stemmers, "by_language", None)
    if mine is None:
        mine = _stemmers.by_language = {}
    stemmer = mine.get(language)
    if stemmer is None:
        stemmer = mine[language] = Stemmer.Stemmer(STEMMERS[language])
    return stemmer


# Each language's stems, kept (see `indexer.memo`): `_stems` maps a document's words through one from C.
_STEMS: dict[str, Memo[str, str]] = {}


def _stems_of(language: str) -> Memo[str, str]:
    memo = _STEMS.get(language)
    if memo is None:
        memo = _STEMS.setdefault(language, Memo(lambda word: _stemmer(language).stemWord(word), 200_000))
    return memo


def stem(word: str, language: str | None) -> str:
    """A lower-cased word's stem in `language` (the word itself without a stemmer)."""
    return _stems_of(language)[word] if language in STEMMERS else word


def stemmed(text: str, language: str | None) -> list[str]:
    return _stems(words(text), language)


def folded(text: str) -> list[str]:
    return _folds(words(text))


def _stems(split: list[str], language: str | None) -> list[str]:
    """The stems of words `words` has split (themselves without a stemmer)."""
    return list(map(_stems_of(language).__getitem__, split)) if language in STEMMERS else split


def _folds(split: list[str]) -> list[str]:
    """The folded tokens of words `words` has split."""
    return list(itertools.chain.from_iterable(map(_FOLDED_TOKENS.__getitem__, split)))


# The folded tokens of each word (folding can split one: "½" → "1⁄2" → "1", "2"), kept.
_FOLDED_TOKENS: Memo[str, tuple[str, ...]] = Memo(lambda word: tuple(words(fold_word(word))), 500_000)


def stemmed_field(text: str, language: str | None) -> str:
    """The indexed form of a stemmed field: tokens joined by spaces."""
    return " ".join(stemmed(text, language))


def folded_field(text: str) -> str:
    return " ".join(folded(text))


def index_terms(doc) -> tuple[str, str, str, str]:
    """A document's indexed fields (title and text stemmed in its language, title and text folded).

    Made once and kept on the document while its title, text and language stay the same: an
    indexing run makes them in its worker processes (engines name this function as the work they
    can hand to workers, `Engine.prepare_in_worker`), so the process writing the index only reads them.
    """
    key = (doc.title or "", doc.text or "", doc.language)
    kept = doc.__dict__.get("_index_terms")
    if kept is not None and kept[0] == key:
        return kept[1]
    title, text = words(key[0]), words(key[1])  # each field split once for both forms
    made = (" ".join(_stems(title, key[2])), " ".join(_stems(text, key[2])), " ".join(_folds(title)),
            " ".join(_folds(text)))
    doc.__dict__["_index_terms"] = (key, made)  # not a field: never stored, only carried to the writer
    return made


def share_index_terms(source, copy) -> None:
    """Give `copy` (the same title, text and language as `source`, say a `dataclasses.replace` of it)
    the index terms of `source`, made once."""
    index_terms(source)
    copy.__dict__["_index_terms"] = source.__dict__["_index_terms"]
