"""Tokens of a text made from a line before it and the already made tokens of the rest equal the tokens
of the whole text (the country stage reads the dateline with the title and text; the later stages share
the title and text's tokens)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.analysis.gazetteer import Tokens

pieces = st.one_of(st.text(max_size=10), st.sampled_from(["Genève", "İstanbul", "e\u0301", "ـ", "\u064b", "日本",
                                                           "straße", "l'OTAN", "  ", "\n", "x_y", "2024"]))
texts = st.lists(pieces, max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(line=texts.filter(lambda t: "\n" not in t), rest=texts)
def test_tokens_after_a_line_are_those_of_the_whole_text(line, rest):
    prefix = line + "\n"
    assert vars(Tokens.after(prefix, Tokens(rest))) == vars(Tokens(prefix + rest))


def test_a_prefix_that_a_token_could_run_on_from_is_refused():
    with pytest.raises(ValueError):
        Tokens.after("Bern", Tokens("Switzerland"))


def test_a_gazetteer_asked_again_about_a_text_answers_as_the_first_time():
    from indexer.analysis.gazetteer import Gazetteer

    gaz = Gazetteer()
    gaz.add("Bern", "Bern")
    text = "Von Bern nach Zürich"
    first = gaz.find(text)
    assert [m.value for m in first] == ["Bern"]
    first.clear()  # a caller's list is its own
    assert [m.value for m in gaz.find(text)] == ["Bern"]
    gaz.add("Zürich", "Zurich")  # a gazetteer that grows forgets what it found
    assert [m.value for m in gaz.find(text)] == ["Bern", "Zurich"]
    for n in range(3 * Gazetteer.KEPT):
        gaz.find(f"{n} Bern")
    assert len(gaz._found) <= Gazetteer.KEPT
