"""Highlighted snippets, made the same way for every engine.

The snippet is a window of the display text around the densest cluster of
query matches; the text is HTML-escaped and the matches wrapped in <mark>, the
only markup. A word matches a query term when their folded forms are equal,
when their stems in the document's language are equal (as the engines' stemmed
fields match), or, for `pref*`, when the folded word starts with the prefix.
"""
from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
from markupsafe import Markup, escape

from indexer.analysis.fold import fold

from .query import Node, Phrase, Term, positive_terms

SNIPPET_CHARS = 260
_WORD = re.compile(r"\w+", re.UNICODE)
STEMMERS = {
    "ar": "arabic", "da": "danish", "de": "german", "el": "greek", "en": "english", "es": "spanish",
    "fi": "finnish", "fr": "french", "hu": "hungarian", "it": "italian", "nl": "dutch",
    "no": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sv": "swedish",
    "tr": "turkish",
}


# Words repeat across documents; folding each once keeps snippets cheap.
_fold_word = lru_cache(maxsize=200_000)(fold)


@lru_cache(maxsize=None)
def _stemmer(language: str | None):
    name = STEMMERS.get(language or "")
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=65536)
def _stem(word: str, language: str | None) -> str:
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


class _Matcher:
    """Decides which words of a text match the query's positive terms."""

    def __init__(self, node: Node, language: str | None):
        self.language = language
        self.words: set[str] = set()
        self.stems: set[str] = set()
        self.prefixes: list[str] = []
        self.phrases: list[list[str]] = []
        for term in positive_terms(node):
            if isinstance(term, Term):
                for w in _WORD.findall(fold(term.text)):
                    if term.prefix:
                        self.prefixes.append(w)
                    else:
                        self.words.add(w)
                        self.stems.add(_stem(w, language))
            elif isinstance(term, Phrase):
                words = _WORD.findall(fold(term.text))
                if len(words) == 1:
                    self.words.add(words[0])
                    self.stems.add(_stem(words[0], language))
                elif words:
                    self.phrases.append([_stem(w, language) for w in words])

        # Stemming every word of a long text is slow in pure Python; a word can only
        # share a stem with a query word if it starts like that stem, so only such
        # words are stemmed.
        self.heads = tuple({x[:3] for x in self.stems | self.words} |
                           {w[:3] for p in self.phrases for w in p})

    def __bool__(self) -> bool:
        return bool(self.words or self.prefixes or self.phrases)

    def word_matches(self, folded: str) -> bool:
        if folded in self.words:
            return True
        if folded.startswith(self.heads) and _stem(folded, self.language) in self.stems:
            return True
        return any(folded.startswith(p) for p in self.prefixes)

    def spans(self, text: str) -> list[tuple[int, int]]:
        tokens = [(m.start(), m.end(), _fold_word(m.group())) for m in _WORD.finditer(text)]
        spans = [(s, e) for s, e, f in tokens if self.word_matches(f)]
        if self.phrases:
            stems = [_stem(f, self.language) if f.startswith(self.heads) else f for _, _, f in tokens]
            for phrase in self.phrases:
                n = len(phrase)
                for i in range(len(tokens) - n + 1):
                    if stems[i : i + n] == phrase:
                        spans.append((tokens[i][0], tokens[i + n - 1][1]))
        return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _best_window(spans: list[tuple[int, int]], size: int) -> int:
    """Start offset of the window of `size` chars holding the most match spans."""
    best_start, best_count, j = 0, -1, 0
    for i, (start, _) in enumerate(spans):
        while j < len(spans) and spans[j][1] <= start + size:
            j += 1
        if j - i > best_count:
            best_start, best_count = start, j - i
    return best_start


def _snap(text: str, start: int, size: int) -> tuple[int, int]:
    """A window near [start, start+size) that begins and ends at word boundaries."""
    start = max(0, min(start - size // 5, len(text) - size))
    end = min(len(text), start + size)
    if start > 0:
        nxt = text.find(" ", start)
        start = nxt + 1 if 0 <= nxt < start + 30 else start
    if end < len(text):
        prev = text.rfind(" ", start, end)
        end = prev if prev > start + size // 2 else end
    return start, end


def render_marks(text: str, spans: list[tuple[int, int]]) -> Markup:
    """Escape `text` and wrap each (start, end) span in <mark>."""
    out, pos = [], 0
    for s, e in spans:
        out.append(str(escape(text[pos:s])))
        out.append("<mark>" + str(escape(text[s:e])) + "</mark>")
        pos = e
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def make_snippet(text: str, node: Node, language: str | None, size: int = SNIPPET_CHARS) -> str:
    """An HTML snippet of `text` for the parsed query `node` (see module docstring)."""
    text = " ".join((text or "").split())
    matcher = _Matcher(node, language)
    spans = matcher.spans(text) if matcher else []
    start = _best_window(spans, size) if spans else 0
    start, end = _snap(text, start, size) if len(text) > size else (0, len(text))
    inside = [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start]
    html = render_marks(text[start:end], inside)
    return str((Markup("…") if start > 0 else Markup("")) + html + (Markup("…") if end < len(text) else Markup("")))


def highlight_title(title: str, node: Node, language: str | None) -> str:
    """The whole title with its matches marked (HTML)."""
    matcher = _Matcher(node, language)
    return str(render_marks(title, matcher.spans(title) if matcher else []))
