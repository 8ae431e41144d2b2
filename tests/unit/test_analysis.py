"""The composed pipeline on made-up texts (the development corpus is checked in tests/corpus)."""
import pytest

from indexer.analysis import STAGES, analyze
from indexer.model import Communique



def test_stages_are_in_contract_order():
    assert [name for name, _ in STAGES] == ["normalise", "name_issuer", "detect_language", "extract_date", "tag_countries",
                                            "tag_places", "extract_organisations", "extract_persons"]
    assert all(callable(fn) for _, fn in STAGES)


def test_analyze_small_document():
    doc = analyze(Communique(source="s", title="  Accord   avec la Suède ",
                             text="Berne, 2 mai 2024 - Le Conseil fédéral et l'OTAN ont discuté à Genève.",
                             declared_language="fr"))
    assert doc.title == "Accord avec la Suède"
    assert doc.language == "fr" and doc.warnings == []
    assert (doc.date, doc.date_precision) == ("2024-05-02", "day")
    assert doc.countries == ["CH", "SE"]
    assert doc.places == ["Bern", "Geneva"]
    assert doc.organisations == ["Federal Council", "NATO"]


@pytest.mark.parametrize("text, countries, language", [
    ("", [], None), (" ", [], None), ("\x00\x01\x02", [], None),
    ("0123456789 " * 100, [], None),  # no letters: no language
    ("Ω≈ç√∫ 日本 مرحبا Привет Hello", ["JP"], "any"),
    ("a" * 200000, [], "any"),
])
def test_analyze_odd_inputs(text, countries, language):
    doc = analyze(Communique(source="s", text=text))
    assert doc.countries == countries and doc.persons == [] and doc.organisations == []
    assert doc.text == " ".join(text.replace("\x00", "").replace("\x01", "").replace("\x02", "").split())
    if language is None:
        assert doc.language is None and doc.language_confidence == 0.0
    else:
        assert doc.language and 0.0 < doc.language_confidence <= 1.0
