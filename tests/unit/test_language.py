import pytest

from indexer.analysis import detect_language
from indexer.analysis.language import identify, supported_languages
from indexer.model import Communique


@pytest.mark.parametrize("text, lang", [
    ("The government announced new measures to support small businesses today.", "en"),
    ("Der Bundesrat hat heute neue Massnahmen zur Unterstützung der Wirtschaft beschlossen.", "de"),
    ("Le gouvernement a annoncé aujourd'hui de nouvelles mesures pour les entreprises.", "fr"),
    ("Il governo ha annunciato oggi nuove misure per sostenere le imprese.", "it"),
    ("El gobierno anunció hoy nuevas medidas para apoyar a las empresas.", "es"),
    ("Правительство объявило сегодня о новых мерах поддержки.", "ru"),
    ("Уряд сьогодні оголосив про нові заходи підтримки.", "uk"),
    ("Hükümet bugün yeni destek önlemlerini açıkladı.", "tr"),
    ("أعلنت الحكومة اليوم عن إجراءات جديدة لدعم الشركات.", "ar"),
    ("Where is the station?", "en"),
    ("Wo ist der Bahnhof?", "de"),
])
def test_identify(text, lang):
    assert identify(text)[0] == lang


@pytest.mark.parametrize("text", ["", "   ", "12345 678", "!!! ??? ...", "https://example.org/a/b"])
def test_identify_no_letters(text):
    assert identify(text) == (None, 0.0)


def test_identify_long_text_uses_the_beginning():
    lang, confidence = identify("Das ist ein ganz normaler deutscher Satz über das Wetter. " * 5000)
    assert lang == "de" and 0.5 < confidence <= 1.0


def test_identify_is_deterministic_whatever_the_order():
    texts = ["Ja", "Ok bien", "Bonjour tout le monde", "Tak, dziękuję", "Sì, grazie mille"]
    first = [identify(t) for t in texts]
    second = [identify(t) for t in reversed(texts)][::-1]
    assert first == second


def test_detect_language_warns_on_disagreement():
    doc = Communique(source="s", title="Neue Regeln", text="Der Bundesrat hat heute die Verordnung angepasst, "
                     "damit die Unternehmen weniger Formulare ausfüllen müssen.", declared_language="it")
    detect_language(doc)
    assert doc.language == "de" and doc.declared_language == "it"
    assert doc.warnings and doc.warnings[0].startswith("declared it, detected de (")


def test_detect_language_agreeing_declared_language_gives_no_warning():
    doc = Communique(source="s", text="Le Conseil fédéral a adopté le message aujourd'hui.", declared_language="fr")
    detect_language(doc)
    assert doc.language == "fr" and doc.warnings == [] and 0 < doc.language_confidence <= 1


def test_detect_language_empty_document():
    doc = detect_language(Communique(source="s", text=""))
    assert doc.language is None and doc.language_confidence == 0.0


def test_supported_languages_are_iso_639_1():
    langs = supported_languages()
    assert {"de", "fr", "it", "en", "zh"} <= set(langs) and all(len(lang) == 2 for lang in langs)
