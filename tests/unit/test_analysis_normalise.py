import unicodedata

import pytest

from indexer.analysis import normalise
from indexer.model import Communique


@pytest.mark.parametrize("text, expected", [
    ("", ""),
    ("  a   b\t\tc  ", "a b c"),
    ("one\r\ntwo\rthree", "one\ntwo\nthree"),
    ("para one\n\n\n\n\npara two", "para one\n\npara two"),
    ("no\u00a0break\u2009thin", "no break thin"),
    ("zero\u200bwidth\ufeff", "zerowidth"),
    ("bell\x07 char", "bell char"),
    ("e\u0301t\u0301e\u0301", unicodedata.normalize("NFC", "e\u0301t\u0301e\u0301")),
])
def test_normalise_text(text, expected):
    assert normalise(Communique(source="s", text=text)).text == expected


@pytest.mark.parametrize("title, expected", [
    ("  A   title\nover lines ", "A title over lines"),
    ("Cafe\u0301", "Café"),
    ("", ""),
])
def test_normalise_title(title, expected):
    assert normalise(Communique(source="s", text="", title=title)).title == expected
