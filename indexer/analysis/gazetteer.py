"""Token-aligned phrase matching with one Aho-Corasick automaton.

A `Gazetteer` maps phrases ("Royaume-Uni", "United States", "OTAN") to
values. Text and phrases are cut into word tokens and folded the same way,
so matching ignores case, accents and punctuation between words, and every
match starts and ends on a word boundary ("enlisement" never contains
"Yemen"). One accent counts: a word whose first letter bears one does not
match a phrase written without it ("Über" is not "Uber"; "Etats-Unis" still
matches "États-Unis"). Options per phrase:

- `case_sensitive`: the words must appear exactly as written ("US" ≠ "us");
- `capitalised`: the first word must not start lower-case (proper names:
  "Turkey", not "turkey");
- `capitalised` also keeps the capitals of a name's later words ("La Réunion"
  is not "la réunion");
- `max_suffix`: the last word may run on by up to that many letters, for
  inflecting languages ("России", "Ukrainy", "الأمريكية"); `min_suffix`: it
  must run on by at least that many (a stem is no word form: "Dominik" is a
  given name, "Dominiki" the Polish genitive of Dominica);
- `prefixes`: proclitics allowed glued to the first word (Arabic و، ب، ال…);
- `anywhere`: match inside words (Chinese and Japanese write no spaces);
  a katakana name must still not touch other katakana ("タイ" ≠ "タイム");
- value None: a blocker that claims its words so shorter phrases inside it
  do not match ("New Mexico" is not MX).

Overlapping matches resolve leftmost-longest.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterator

import ahocorasick

from indexer.analysis.fold import fold, fold_word
from indexer.memo import Memo

# Word characters plus combining marks and tatweel, so that Arabic words
# with harakat or Latin text in NFD stay one token.
TOKEN = re.compile(r"[\w\u0300-\u036f\u0640\u064b-\u065f\u0670]+")


@dataclass(frozen=True)
class Entry:
    value: Any
    phrase: str  # as written, for case-sensitive checks
    case_sensitive: bool = False
    capitalised: bool = False
    max_suffix: int = 0
    anywhere: bool = False
    prefix_len: int = 0  # letters of proclitic glued to the first token
    min_suffix: int = 0  # with max_suffix: letters the last word must run on by (a stem is no word form)


@dataclass(frozen=True)
class Match:
    value: Any
    start: int  # first token index
    end: int  # one past the last token index
    char_start: int  # span in the original text
    char_end: int


class Tokens:
    """Word tokens of a text with their spans and folded forms."""

    def __init__(self, text: str):
        self.text = text
        found = list(TOKEN.finditer(text))
        self.spans = list(map(re.Match.span, found))
        self.words = list(map(re.Match.group, found))
        self.folded = list(map(fold_word, self.words))
        # " w1 w2 w3 " with the offset of each folded word inside it
        self.offsets: list[int] = list(itertools.accumulate(map((1).__add__, map(len, self.folded)), initial=1))[:-1]
        self.joined = " " + " ".join(self.folded) + " "

    @classmethod
    def after(cls, prefix: str, rest: "Tokens") -> "Tokens":
        """The tokens of `prefix + rest.text`, made from those of `rest` (see `tokens_of`): `prefix`
        ends with a line break, so no token runs from one into the other."""
        if not prefix.endswith("\n"):
            raise ValueError("the prefix must end with a line break")
        head = cls(prefix)
        tokens = cls.__new__(cls)
        tokens.text = prefix + rest.text
        shift = len(prefix)
        tokens.spans = head.spans + [(a + shift, b + shift) for a, b in rest.spans]
        tokens.words = head.words + rest.words
        tokens.folded = head.folded + rest.folded
        tokens.offsets = list(itertools.accumulate(map((1).__add__, map(len, tokens.folded)), initial=1))[:-1]
        tokens.joined = " " + " ".join(tokens.folded) + " "
        return tokens

    def __len__(self) -> int:
        return len(self.words)

    def token_at(self, offset: int) -> int:
        return bisect.bisect_right(self.offsets, offset) - 1


@functools.lru_cache(maxsize=8)
def tokens_of(text: str) -> "Tokens":
    """Tokens of `text`, shared by the stages that match on the same text."""
    return Tokens(text)


def phrase_key(phrase: str) -> str:
    return " ".join(fold(w) for w in TOKEN.findall(phrase))


class Gazetteer:
    """Phrases → values, matched with one automaton (build once, reuse)."""

    def __init__(self) -> None:
        self._automaton = ahocorasick.Automaton()
        self._entries: dict[str, list[Entry]] = {}
        self._built = False
        self._found = self._recent_matches()

    def add(self, phrase: str, value: Any, *, case_sensitive: bool = False, capitalised: bool = False,
            max_suffix: int = 0, prefixes: tuple[str, ...] = (), anywhere: bool = False,
            min_suffix: int = 0) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        if anywhere:
            entry = Entry(value, phrase, anywhere=True)
            self._entries.setdefault(key.replace(" ", ""), []).append(entry)
            self._built = False
            return
        for prefix in ("",) + tuple(prefixes):
            entry = Entry(value, phrase, case_sensitive, capitalised, max_suffix, False, len(fold(prefix)),
                          min_suffix)
            pattern = " " + fold(prefix) + key + ("" if max_suffix else " ")
            self._entries.setdefault(pattern, []).append(entry)
        self._built = False

    def __len__(self) -> int:
        return len(self._entries)

    def _recent_matches(self) -> Memo[str, tuple[Match, ...]]:
        """The matches of the last texts read (see `find`)."""
        return Memo(lambda text: tuple(self._find(tokens_of(text))), self.KEPT)

    def _build(self) -> None:
        self._found = self._recent_matches()
        self._automaton = ahocorasick.Automaton()
        for pattern, entries in self._entries.items():
            self._automaton.add_word(pattern, (pattern, entries))
        self._automaton.make_automaton()
        self._built = True

    def _candidates(self, tokens: Tokens) -> Iterator[Match]:
        offsets, words = tokens.offsets, tokens.words
        for end_pos, (pattern, entries) in self._automaton.iter(tokens.joined):
            if entries[0].anywhere:
                yield from self._anywhere(tokens, end_pos, pattern, entries)
                continue
            begin = end_pos - len(pattern) + 2  # offset of the first folded char
            first = bisect.bisect_right(offsets, begin) - 1
            spaces = pattern.count(" ")
            for entry in entries:
                if entry.max_suffix:
                    last_char, n_words = end_pos, spaces
                else:
                    last_char, n_words = end_pos - 1, spaces - 1
                last = bisect.bisect_right(offsets, last_char) - 1
                if entry.max_suffix:
                    word_end = offsets[last] + len(tokens.folded[last])
                    if not entry.min_suffix <= word_end - (last_char + 1) <= entry.max_suffix:
                        continue
                if last - first + 1 != n_words:
                    continue
                if entry.case_sensitive and not _same_case(words[first:last + 1], entry.phrase):
                    continue
                initial = words[first][entry.prefix_len:][:1]
                if entry.capitalised and (initial.islower() or (last > first and _capital_lost(words[first + 1:last + 1],
                                                                                                entry))):
                    continue
                if _marked(initial) and not _marked(entry.phrase[:1]):
                    continue  # "Über" is another word than "Uber", "Ère" than "Ere"
                yield Match(entry.value, first, last + 1, tokens.spans[first][0], tokens.spans[last][1])

    @staticmethod
    def _anywhere(tokens: Tokens, end_pos: int, pattern: str, entries: list[Entry]) -> Iterator[Match]:
        begin = end_pos - len(pattern) + 1
        joined = tokens.joined
        if _katakana(pattern[0]) and _katakana(joined[begin - 1]) \
                or _katakana(pattern[-1]) and _katakana(joined[end_pos + 1]):
            return
        first, last = tokens.token_at(begin), tokens.token_at(end_pos)
        # fold() keeps CJK text as is, so offsets inside a token map back 1:1
        a = tokens.spans[first][0] + begin - tokens.offsets[first]
        b = tokens.spans[last][0] + end_pos + 1 - tokens.offsets[last]
        for entry in entries:
            yield Match(entry.value, first, last + 1, a, b)

    def find(self, text: str | Tokens) -> list[Match]:
        """All leftmost-longest matches in `text`, blockers removed."""
        if not self._built:
            self._build()  # (forgets the matches kept)
        if isinstance(text, Tokens):
            return self._find(text)
        # Stages read one text with several gazetteers, and later stages (people) ask again about the
        # entities earlier ones found: the last texts' matches are kept.
        return list(self._found[text])

    KEPT = 4

    def _find(self, tokens: Tokens) -> list[Match]:
        if not len(tokens) or not self._entries:
            return []
        # leftmost-longest on character spans (several CJK matches can share a token)
        candidates = sorted(self._candidates(tokens), key=lambda m: (m.char_start, -m.char_end))
        chosen, taken_until = [], 0
        for match in candidates:
            if match.char_start >= taken_until:
                chosen.append(match)
                taken_until = match.char_end
        return [m for m in chosen if m.value is not None]


def _capital_lost(words: list[str], entry: Entry) -> bool:
    """A later word of a proper name written lower-case where the name has a capital: "la réunion"
    is a meeting, "La Réunion" the island."""
    capitals = _later_capitals(entry.phrase)
    return len(capitals) == len(words) and any(p and w[:1].islower() for p, w in zip(capitals, words))


@functools.lru_cache(maxsize=None)  # one per phrase of the gazetteers
def _later_capitals(phrase: str) -> tuple[bool, ...]:
    """Whether each word of `phrase` after the first begins with a capital."""
    return tuple(p[:1].isupper() for p in TOKEN.findall(phrase)[1:])


def _marked(ch: str) -> bool:
    """A letter with a diacritic ("Ü", "é"), which folding would make plain."""
    return not ch.isascii() and len(unicodedata.normalize("NFD", ch)) > 1


def _katakana(ch: str) -> bool:
    return "\u30a0" <= ch <= "\u30ff" or "\uff66" <= ch <= "\uff9f"


def _same_case(words: list[str], phrase: str) -> bool:
    return "".join(words) == "".join(TOKEN.findall(phrase))
