"""`tidy` and `clean_text`: a tidied text is its own tidy, whatever the path it took."""
import random

import pytest

from indexer import tidy as tidy_module
from indexer.tidy import clean_text, tidy

LONG = "Der Bundesrat hat an seiner Sitzung vom 2. Februar entschieden. " * 6  # over the kept length

SAMPLES = [
    "  a \t b  \n\n\n\n c\u00a0 d \n",
    "one\r\ntwo\rthree\u2028four\x85five\u2029six",
    "a\u00a0\u00a0b \u3000 c\u2009d\u202fe",
    "single spaces only, nothing to change",
    "colour \x1b[31mred\x1b[0m and a bell\x07",
    "zero\u200bwidth\ufeff joiners",
    "e\u0301te\u0301 de\u0301compose\u0301",
    "Ã©tÃ© mojibake",
    "Ã\u200b© hidden by an invisible character",
    "A\u0303\u00a9 hidden by a decomposed letter",
    LONG,
    LONG + "\n\n\n\n" + LONG + "\r\n",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_a_tidy_text_is_its_own_tidy(text):
    tidy_module._TIDY.clear()
    once = tidy(text)
    tidy_module._TIDY.clear()  # worked out again, not remembered
    assert tidy(once) == once
    assert clean_text(clean_text(text)) == clean_text(text)


def test_spaces_collapse_only_where_they_change():
    assert tidy("a  b\u00a0c \u00a0 d\te") == "a b c d e"
    assert tidy("x\u2003y") == "x y"
    assert tidy("plain words stay") == "plain words stay"


def test_mojibake_behind_an_invisible_character_is_repaired():
    assert clean_text("caf\u00c3\u200b\u00a9") == "café"


def test_a_remembered_text_is_returned_as_tidied_before():
    tidy_module._TIDY.clear()
    messy = "  " + LONG.replace(" ", "\u00a0  ") + "\n\n\n\nend "
    first = tidy(messy)
    assert first in tidy_module._TIDY and len(first) >= tidy_module._TIDY_LONG
    assert tidy(first) is first
    assert tidy(messy) == first  # the messy text itself is worked out again, to the same result


def test_the_memory_stays_small():
    tidy_module._TIDY.clear()
    for i in range(3 * tidy_module._TIDY_KEPT):
        tidy(f"{i} {LONG}")
    assert 0 < len(tidy_module._TIDY) <= tidy_module._TIDY_KEPT
    tidy("short text")
    assert "short text" not in tidy_module._TIDY


def test_tidy_is_its_own_tidy_on_random_junk():
    # Mojibake beside invisible characters, odd spaces, escapes, surrogates and decomposed letters: ftfy
    # can read a text differently once these are gone, and `tidy` goes on until the text stays the same.
    pieces = list("ab cdéÃ©\n\r\t ") + ["\u00a0", "\u2028", "\u2029", "\x85", "\x1b[31m", "\x00", "\x07", "\u200b",
                                         "\ufeff", "\u3000", "\u2009", "e\u0301", "\ud800", "â€™", "ü", "\x0b",
                                         "\ufffe", "A\u0303", " \n"]
    rng = random.Random(13)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(30)))
        tidy_module._TIDY.clear()
        once = tidy(text)
        tidy_module._TIDY.clear()
        assert tidy(once) == once, repr(text)
