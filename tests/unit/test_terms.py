"""The terms both engines index and query (archive.terms)."""
import pytest

from archive.terms import LANG_SLOTS, folded, slot, stem, stemmed, word_spans, words


@pytest.mark.parametrize("text, expected", [
    ("l'OTAN", ["l", "otan"]),
    ("COVID-19 e_mail", ["covid", "19", "e", "mail"]),
    ("İstanbul", ["istanbul"]),
    ("x" * 39 + " short " + "y" * 40, ["x" * 39, "short"]),  # 40 bytes or more is not a word
    ("नमस्ते दुनिया", ["नमस्ते", "दुनिया"]),  # vowel signs stay inside their words
    ("", []),
])
def test_words(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Zölle", "de", ["zoll"]),
    ("négociations", "fr", ["négoci"]),
    ("negotiations", "en", ["negoti"]),
    ("Negotiations", None, ["negotiations"]),  # no stemmer: the word itself
])
def test_stemmed(text, language, expected):
    assert stemmed(text, language) == expected


def test_folded():
    assert folded("Zölle Türkiye Işık ÉTÉ Ｔｏｋｙｏ") == ["zolle", "turkiye", "isik", "ete", "tokyo"]


def test_slots():
    assert slot("de") == "de" and slot("ja") == "other" and slot(None) == "other"
    assert "other" in LANG_SLOTS and stem("zölle", "de") == "zoll"


def test_word_spans_point_into_the_text():
    text = "Le porte-parole, l'OTAN."
    assert [(text[s:e], w) for s, e, w in word_spans(text)] == [
        ("Le", "le"), ("porte", "porte"), ("parole", "parole"), ("l", "l"), ("OTAN", "otan")]
