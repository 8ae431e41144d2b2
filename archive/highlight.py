"""Highlighted snippets, made the same way for every engine.

The snippet is a window of the display text around the densest cluster of
query matches; the text is HTML-escaped and the matches wrapped in <mark>, the
only markup. A word is marked by the rules the engines match by (both index
the tokens of archive.terms): its stem in the document's language equals a
query word's stem in that language, or its folded form equals a query word's
folded form, or, for `pref*`, its folded form starts with the prefix. Phrases
are marked where their words stand in order.
"""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache
from typing import Iterable, Iterator

from markupsafe import Markup, escape

from .query import Node, Term, positive_terms
from .names import BY_STEM, STEM_AND_NAME, country_name_match
from .terms import _RUN, fold_word, folded, plain_runs, slot, stem, word_of, word_spans, words

SNIPPET_CHARS = 260
LONG_TEXT = 20_000  # longer texts are only searched near where a query word first appears
NEAR = 4_000  # characters either side of that place that the snippet is made from


class _Matcher:
    """Decides which words of a text match the query's positive terms."""

    def __init__(self, node: Node, language: str | None):
        self.language = language
        self.stems: set[str] = set()
        self.folds: set[str] = set()
        self.prefixes: list[str] = []
        self.phrases: list[list[tuple[str, str]]] = []  # (stem, folded) per word
        self.named_stems: set[tuple[str, str]] = set()  # (stem, folded name): the stem of a word beginning so
        for term in positive_terms(node):
            if isinstance(term, Term) and term.prefix:
                tokens = folded(term.text)
                self.prefixes.extend(tokens[-1:])
                continue
            pairs = [(stem(w, language), fold_word(w)) for w in words(term.text)]
            if len(pairs) == 1:
                rule = country_name_match(term.text, slot(language))  # as the engines match
                if rule == BY_STEM:
                    self.stems.add(pairs[0][0])
                elif rule == STEM_AND_NAME:
                    self.named_stems.add(pairs[0])
                self.folds.add(pairs[0][1])
            elif pairs:
                self.phrases.append(pairs)
        # Stemming every word of a long text is slow in pure Python; a word can only
        # share a stem with a query word if it starts like that stem (stems are
        # prefixes in practice), so only such words are stemmed.
        self.heads = tuple({x[:2] for x in self.stems} | {p[0][:2] for ph in self.phrases for p in ph}
                           | {s[:2] for s, _ in self.named_stems})
        # The letters a word marked alone or beginning a phrase can begin with: lower-cased, the stems'
        # (a word is only stemmed when it begins like one, see `heads`), folded, the folded forms'.
        stems = {*self.stems, *(x for x, _ in self.named_stems), *(p[0] for ph in self.phrases for p in ph)}
        folds = {*self.folds, *self.prefixes, *(n for _, n in self.named_stems), *(ph[0][1] for ph in self.phrases)}
        self.first_letters = None if "" in stems or "" in folds else \
            (frozenset(x[0] for x in stems), frozenset(f[0] for f in folds))

    def __bool__(self) -> bool:
        return bool(self.stems or self.folds or self.prefixes or self.phrases)

    def _stem(self, word: str) -> str:
        return stem(word, self.language) if word.startswith(self.heads) else ""

    def _candidates(self, text: str) -> list[tuple[int, int, str]] | None:
        """(start, end, word) of the words of `text` that may be marked alone or begin a phrase, as
        `word_spans` gives them; None when every word has to be read (see `plain_runs`)."""
        if self.first_letters is None or not plain_runs(text):
            return None
        return list(_words(_starting_with(*self.first_letters).finditer(text)))

    @staticmethod
    def _following(text: str, end: int, count: int) -> list[tuple[int, int, str]]:
        """The `count` words after position `end` of a text of plain runs, as `word_spans` gives them."""
        return list(itertools.islice(_words(_RUN.finditer(text, end)), count))

    def spans(self, text: str) -> list[tuple[int, int]]:
        candidates = self._candidates(text)
        tokens = word_spans(text) if candidates is None else candidates
        stems: dict[str, str] = {}  # each distinct word stemmed once, however many phrases ask

        def stem_of(word: str) -> str:
            found = stems.get(word)
            if found is None:
                found = stems[word] = self._stem(word)
            return found

        # Each distinct word is judged once (a text repeats most of its words), then looked up per token.
        distinct = {w for _, _, w in tokens}
        alone = {w for w in distinct if self._matches(w, fold_word(w), stem_of)}
        spans = [(s, e) for s, e, w in tokens if w in alone]
        by_fold: dict[str, set[str]] = {}  # the distinct words by folded form and by stem, for the phrases
        by_stem: dict[str, set[str]] = {}
        if self.phrases:
            for w in distinct:
                by_fold.setdefault(fold_word(w), set()).add(w)
                by_stem.setdefault(stem_of(w), set()).add(w)
        for phrase in self.phrases:
            n = len(phrase)
            first_stem, first_fold = phrase[0]
            starts = by_fold.get(first_fold, set()) | by_stem.get(first_stem, set())
            if not starts:
                continue
            if candidates is not None:  # only the words that may begin the phrase: read on from each
                for start, end, word in tokens:
                    if word in starts:
                        rest = self._following(text, end, n - 1)
                        if len(rest) == n - 1 and all(stem_of(w) == phrase[k][0] or fold_word(w) == phrase[k][1]
                                                      for k, (_, _, w) in enumerate(rest, 1)):
                            spans.append((start, rest[-1][1] if rest else end))
                continue
            for i in range(len(tokens) - n + 1):
                if tokens[i][2] not in starts:
                    continue  # most positions: the first word already differs
                if all(stem_of(tokens[i + k][2]) == phrase[k][0] or fold_word(tokens[i + k][2]) == phrase[k][1]
                       for k in range(1, n)):
                    spans.append((tokens[i][0], tokens[i + n - 1][1]))
        return _merge(spans)

    def _matches(self, word: str, folded_word: str, stem_of) -> bool:
        """Whether a word is marked by itself (not as part of a phrase)."""
        return folded_word in self.folds or bool(self.stems and stem_of(word) in self.stems) \
            or bool(self.prefixes and any(folded_word.startswith(p) for p in self.prefixes)) \
            or bool(self.named_stems and any(folded_word.startswith(n) and stem_of(word) == x
                                             for x, n in self.named_stems))


def _words(runs: Iterable[re.Match]) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of the runs of a text of plain runs that are words (see `word_of`)."""
    for m in runs:
        word = word_of(m.group())
        if word is not None:
            yield m.start(), m.end(), word


@lru_cache(maxsize=512)
def matcher_for(node: Node, language: str | None) -> _Matcher:
    """The matcher of a query for a language: made once and shared by every hit, request and thread that
    asks (it is only read once made)."""
    return _Matcher(node, language)


def _can_begin(char: str, stem_letters: frozenset[str], fold_letters: frozenset[str]) -> bool:
    """Whether a word beginning with `char` may begin with one of the stems' letters (lower-cased) or,
    folded, with one of the folded forms' (a word's folded form begins with its first letter's)."""
    lowered = "i" if char == "İ" else char.lower()
    if lowered[:1] in stem_letters:
        return True
    folded_char = fold_word(lowered)
    return not folded_char or folded_char[0] in fold_letters


# Scripts from here on are taken whole: every word of theirs is read (Armenian, Hebrew, Arabic, Indic...).
_WHOLE_FROM = 0x530


@lru_cache(maxsize=1024)
def _starting_with(stem_letters: frozenset[str], fold_letters: frozenset[str]) -> re.Pattern:
    """The whole runs of word characters (`_RUN`) that may begin a word marked for these letters."""
    run = _RUN.pattern[:-1]  # the character class, without its "+"
    letters = "".join(re.escape(c) for c in map(chr, range(_WHOLE_FROM))
                      if _RUN.fullmatch(c) and _can_begin(c, stem_letters, fold_letters))
    # a letter of those (or of a later script) that is a word character and follows none
    return re.compile(rf"[{letters}{chr(_WHOLE_FROM)}-\U0010ffff](?<!{run}[\s\S])(?<={run}){run}*")


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


def _near(text: str, node: Node) -> tuple[int, int]:
    """(start, end) of the part of a very long text where the query's words first appear (as typed,
    in any case), so a snippet costs the same for a 5 MB document as for a short one."""
    heads = {w[:4] for term in positive_terms(node) for w in words(term.text) if w}
    # str.find of a few spellings is many times faster than lower() or a case-blind regex over megabytes.
    variants = {v for h in heads for v in (h, h.capitalize(), h.upper())}
    found = [at for at in (text.find(v) for v in variants) if at >= 0]
    anchor = min(found) if found else 0
    return max(0, anchor - NEAR), min(len(text), anchor + NEAR)


def _near_first_match(text: str, node: Node) -> tuple[str, bool, bool]:
    """That part of a very long text: (text, cut before, cut after)."""
    start, end = _near(text, node)
    return text[start:end], start > 0, end < len(text)


def make_snippet(text: str, node: Node, language: str | None, size: int = SNIPPET_CHARS) -> str:
    """An HTML snippet of `text` for the parsed query `node` (see module docstring)."""
    text, cut_before, cut_after = text or "", False, False
    if len(text) > LONG_TEXT:
        text, cut_before, cut_after = _near_first_match(text, node)
    text = " ".join(text.split())
    matcher = matcher_for(node, language)
    spans = matcher.spans(text) if matcher else []
    start = _best_window(spans, size) if spans else 0
    start, end = _snap(text, start, size) if len(text) > size else (0, len(text))
    inside = [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start]
    html = render_marks(text[start:end], inside)
    before = start > 0 or cut_before
    after = end < len(text) or cut_after
    return str((Markup("…") if before else Markup("")) + html + (Markup("…") if after else Markup("")))


def snippet_page(text: str, pages: list[int], node: Node, language: str | None,
                 size: int = SNIPPET_CHARS) -> int | None:
    """The page (1-based) the snippet of a paged document (PDF) comes from; None for one page."""
    if len(pages) < 2:
        return None
    start, end = _near(text, node) if len(text) > LONG_TEXT else (0, len(text))
    matcher = matcher_for(node, language)
    spans = matcher.spans(text[start:end]) if matcher else []
    offset = start + (_best_window(spans, size) if spans else 0)
    return bisect.bisect_right(pages, max(offset, 0)) or 1


def match_spans(text: str, node: Node, language: str | None) -> list[tuple[int, int]]:
    """(start, end) of every match of the query in `text` (for marking a whole document)."""
    matcher = matcher_for(node, language)
    return matcher.spans(text) if matcher else []


def highlight_title(title: str, node: Node, language: str | None) -> str:
    """The whole title with its matches marked (HTML)."""
    matcher = matcher_for(node, language)
    return str(render_marks(title, matcher.spans(title) if matcher else []))
