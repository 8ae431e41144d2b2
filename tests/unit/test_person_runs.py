"""Runs of capitalised words, found by jumping to the next capitalised word, are those that reading
every word finds (the plain definition, kept here)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.analysis.persons import _WORD, _finished, _goes_on, _is_cap, _sequences


def plain_sequences(text: str):
    """_sequences as first written: every word of the text looked at in turn (the rules of a run,
    `_goes_on` and `_finished`, are the same)."""
    run: list[re.Match] = []
    for m in list(_WORD.finditer(text)) + [None]:
        if not run:
            if m is not None and _is_cap(m.group()):
                run.append(m)
            continue
        if _goes_on(text, run, m):
            run.append(m)
            continue
        if _finished(run):
            yield run
        run = [m] if m is not None and _is_cap(m.group()) else []


def spans(runs) -> list[list[tuple[int, int]]]:
    """The runs of two words or more (where a one-word run ends is not always looked for: no name has one)."""
    return [[m.span() for m in run] for run in runs if len(run) >= 2]


PIECES = ["Anna", "Muster", "von", "der", "Leyen", "van", "de", "das", "zu", "Stefan", "Dr.", "F.", "Empa's",
          "FDFA", "FDFA's", "d'Agrosa", "D'Agrosa", "Jean-Luc", "abc-Def", "abc'Def", "Ⓐ", "𝐀bc", "Σωκράτης",
          "ǅemal", "İstanbul", "Ünal", "Zoë", "Bundesrat", "Anpassung", "Wahl", "Muster.", "x1Y", "snake_Case"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6),
                           st.sampled_from([" ", "  ", ", ", ". ", "\n", "-", "'", "’", "--"])),
                 max_size=40).map("".join)


@settings(max_examples=3000, deadline=None)
@given(text=texts)
def test_runs_are_those_of_reading_every_word(text):
    assert spans(_sequences(text)) == spans(plain_sequences(text))


def test_a_run_after_a_joined_word_and_a_full_stop():
    text = "abc-Def Anna Muster. Wahl von Stefan Muster und Ursula von der Leyen"
    assert spans(_sequences(text)) == spans(plain_sequences(text))
    assert [text[run[0].start():run[-1].end()] for run in _sequences(text) if len(run) >= 2] == \
        ["Anna Muster.", "Stefan Muster", "Ursula von der Leyen"]  # "von" before a given name: no particle
