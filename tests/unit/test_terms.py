"""The terms both engines index and query (archive.terms)."""
import functools

import pytest

from archive.terms import LANG_SLOTS, STEMMERS, folded, slot, stem, stemmed, word_spans, words


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


@functools.lru_cache(maxsize=1)
def _vocabulary() -> list[str]:
    """Words in every language with a stemmer: CLDR's names of countries, languages, months and days in
    each, the demo sample's texts and the texts of the output test."""
    from babel import Locale

    from tests.unit.test_output_unchanged import SAMPLE, TEXTS

    vocabulary = set()
    for code in STEMMERS:
        locale = Locale.parse(code)
        for names in (locale.territories, locale.languages, locale.currencies):
            vocabulary.update(words(" ".join(names.values())))
        for table in (locale.months, locale.days):
            for widths in table.values():
                for names in widths.values():
                    vocabulary.update(words(" ".join(names.values())))
    for path in SAMPLE.rglob("*"):
        if path.is_file():
            vocabulary.update(words(path.read_text(encoding="utf-8", errors="replace")))
    vocabulary.update(words(" ".join(TEXTS)))
    return sorted(vocabulary)


@pytest.mark.parametrize("language", sorted(STEMMERS))
def test_the_c_stemmers_give_the_stems_of_the_snowball_release_indices_were_built_with(language):
    """PyStemmer (C) is pinned to the Snowball release of the pure-Python snowballstemmer 3.0.1 that made
    the first indices: the same stem for every word, or old indices would stop matching."""
    import importlib

    import Stemmer

    name = STEMMERS[language]
    module = importlib.import_module(f"snowballstemmer.{name}_stemmer")
    pure = getattr(module, f"{name.capitalize()}Stemmer")()
    c = Stemmer.Stemmer(name)
    vocabulary = _vocabulary()
    assert len(vocabulary) > 10_000
    differ = [w for w in vocabulary if pure.stemWord(w) != c.stemWord(w)]
    assert not differ, f"{len(differ)} words stem otherwise, e.g. {differ[:10]}"


def test_a_documents_index_terms_are_made_once_and_made_again_when_its_text_or_language_changes():
    import pickle

    from archive.terms import folded_field, index_terms, stemmed_field
    from indexer.model import Communique

    doc = Communique(source="a.txt", title="Les conseillers fédéraux", text="Le Conseil fédéral décide.",
                     language="fr")
    made = index_terms(doc)
    assert made == (stemmed_field(doc.title, "fr"), stemmed_field(doc.text, "fr"), folded_field(doc.title),
                    folded_field(doc.text))
    travelled = pickle.loads(pickle.dumps(doc))  # from an indexing worker to the writer
    assert travelled.__dict__["_index_terms"][1] == made and "_index_terms" not in travelled.to_dict()
    travelled.language = "en"
    assert index_terms(travelled)[1] == stemmed_field(doc.text, "en") != made[1]
    travelled.text = "Der Bundesrat entscheidet."
    assert index_terms(travelled)[3] == folded_field("Der Bundesrat entscheidet.")


def test_runs_between_spaces_are_the_runs_of_the_whole_text():
    import random

    from archive.terms import _RUN, _runs

    pieces = list("abcXYZ019 ,.;:-'’«»()\n\t") + ["é", "e\u0301", "\u0301", "ß", "日本", "ก", "\u0e31", "क\u093f",
                                              "\u05d0\u05b8", "ا\u064b", "²", "½", "٣", "\u00a0", "\u2003", "…", "—",
                                              "%", "/", "𝐀", "\u200b", "Ⅻ", "①", "\u2028"]
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(25)))
        assert _runs(text) == _RUN.findall(text), repr(text)
    assert _runs("«Le Conseil fédéral», a-t-il dit (2024).") == ["Le", "Conseil", "fédéral", "a", "t", "il", "dit",
                                                                  "2024"]
