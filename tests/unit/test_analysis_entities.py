"""Persons, organisations and places: table-driven checks on made-up sentences."""
import pytest

from indexer.analysis.acronyms import find_definitions
from indexer.analysis.names import best_form, display_name, person_key
from indexer.analysis.organisations import canonical, find_organisations
from indexer.analysis.persons import find_persons
from indexer.analysis.places import CITIES, PLACE_COUNTRY, place_country



@pytest.mark.parametrize("text, long_form, acronym", [
    ("Das Bundesamt für Beispiele (BFB) teilt mit.", "Bundesamt für Beispiele", "BFB"),
    ("l'Office fédéral de la pêche et des lacs (OFPL) a", "Office fédéral de la pêche et des lacs", "OFPL"),
    ("the Northern Ridge Water Council (NRWC) said", "Northern Ridge Water Council", "NRWC"),
    ("the Federal Department of Roads, Bridges and Tunnels (DRBT)", "Federal Department of Roads, Bridges and Tunnels",
     "DRBT"),
])
def test_acronym_definitions(text, long_form, acronym):
    assert [(d.long_form, d.acronym) for d in find_definitions(text)] == [(long_form, acronym)]


@pytest.mark.parametrize("text", [
    "nach dem Beispielgesetzbuch (BGB) gilt",  # a law
    "le prix du Plumecoin (PLC) monte",  # one short word
    "wie in der Beispielverordnung (BspV)",  # lower-case letters: a law's short title
    "the army (XYZ) moved",  # no capitalised long form
])
def test_no_acronym_definition(text):
    assert find_definitions(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Les adhésions à l'OTAN et le Conseil de sécurité de l'ONU", ["NATO", "UN Security Council"]),
    ("Das EDA und der DFAE-Chef", ["FDFA"]),
    ("Die Beispielkommission für Wasser (BKW) tagte. Die BKW empfiehlt.", ["Beispielkommission für Wasser"]),
    ("Ständerat Hans Beispiel sprach im Ständerat.", ["Council of States"]),
    ("A new lake map is online - Lakeside Courier\n\nText.", ["Lakeside Courier"]),
    ("Новость дня - Портал Примерчик.ру\n\nТекст.", ["Примерчик.ру"]),
    ("the Bitcoin (BTC) price rose", []),
])
def test_find_organisations(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a head word and its complement, in each language
    ("Das Institut für Beispielkunde und Klimafragen, Bern, teilt mit.", ["Institut für Beispielkunde und Klimafragen"]),
    ("Die Abteilung Wald des Amtes und der Direktionsbereich Biologische Vielfalt", ["Abteilung Wald",
                                                                                     "Direktionsbereich Biologische Vielfalt"]),
    ("l'Office fédéral de la pêche et des lacs a publié", ["Office fédéral de la pêche et des lacs"]),
    ("Le Ministère des Affaires étrangères de Examplie a", ["Ministère des Affaires étrangères de Examplie"]),
    ("il Gran Consiglio del Cantone di Beispiel ha approvato", ["Gran Consiglio del Cantone di Beispiel"]),
    ("the Northern Ridge Water Council said; Empa and the Paul Scherrer Institute", [
        "Northern Ridge Water Council", "Empa", "Paul Scherrer Institute"]),
    ("the Ministry of Ports and Harbours of Examplia met", ["Ministry of Ports and Harbours of Examplia"]),
    ("with the Appenzell firm Beispiel Technik AG, researchers", ["Beispiel Technik AG"]),
    ("Die Kämpfe zwischen den «Northern Defence Forces» (NDF) dauern an", ["Northern Defence Forces"]),
    ("l’Ambassade de Suisse à Exempleville ouvre; l'ambassade de Suisse est neuve", [
        "Ambassade de Suisse à Exempleville"]),
    ("Die Direktorin der Association de Prévention des Exemples (APE) sprach", ["Association de Prévention des Exemples"]),
    # no names: generic phrases, treaties, places, persons before a body
    ("The Federal Office said the Armed Forces would help.", []),
    ("the Convention on the Elimination of Examples (CEE) entered into force", []),
    ("das Lager in Beispielwil AG wurde geräumt", []),
    ("la Présidente de la Confédération, pour la remise des lettres", []),
    ("Head of the Numerical Example Department at the institute", ["Numerical Example Department"]),
])
def test_named_bodies(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize("written, key", [
    ("OTAN", "NATO"), ("НАТО", "NATO"), ("Organisation du traité de l'Atlantique nord", "NATO"),
    ("Département fédéral des affaires étrangères (DFAE)", "FDFA"), ("UNO-Sicherheitsrat", "UN Security Council"),
    ("Beispielamt für Wald (BAW)", "beispielamt fur wald"), ("Beispielamt für Wald", "beispielamt fur wald"),
    ("Eidgenössischen Kommission für Wald", "eidgenossische kommission fur wald"),
    ("Committee on the Rights of Examples", "committee on rights of examples"),
])
def test_canonical_organisation(written, key):
    assert canonical(written) == key


@pytest.mark.parametrize("forms", [
    ["İbrahim Kalın", "Ibrahim Kalin", "KALIN, Ibrahim", "Kalın İbrahim"],
    ["Anna-Lena Muster", "Anna Lena Muster"],
])
def test_person_key_merges_forms(forms):
    assert len({person_key(f) for f in forms}) == 1


def test_display_and_best_form():
    assert display_name("MUSTER, Anna") == "Anna Muster"
    assert best_form(["Jose Exemplo", "José Exemplo", "José Exemplo"]) == "José Exemplo"
    assert best_form(["Jose Exemplo", "José Exemplo"]) == "José Exemplo"  # a tie goes to the accented form


@pytest.mark.parametrize("text, expected", [
    ("Le conseiller fédéral Jean Exemple se rendra à Rome.", ["Jean Exemple"]),
    ("il ministro degli esteri Marco Esempio ha detto", ["Marco Esempio"]),
    ("Die Vizedirektorin Eva Muster leitet neu den Bereich.", ["Eva Muster"]),
    ("the visit of Minister Alice Example's delegation", ["Alice Example"]),
    ("Die Motion 21.1234 Beispiel verlangt vom Bundesrat", ["Beispiel"]),
    ("la mozione Esempio 16.3169 chiede", ["Esempio"]),
    ("the ambassador of the Republic of Examplia", []),
    ("Le président de la République du Kenya", []),
])
def test_find_persons(text, expected):
    assert find_persons(text) == expected


def test_every_place_has_a_country():
    assert set(PLACE_COUNTRY) == set(CITIES)
    assert place_country("Istanbul") == "TR" and place_country("Nowhere") is None


_PATTERN_EXAMPLES = [
    "Das Institut für Beispielkunde und die Eidgenössische Kommission für Kinder- und Jugendfragen",
    "Le Parti communiste vietnamien et le Partito democratico, Partido popular",
    "der Eidgenössische Jodlerverband und des Eidgenössischen Turnvereins",
    "L'Ambassade de Suisse à Bagdad, l'ambassade d'Italie, Ambasciata d'Italia a Berna",
    "the Embassy of Switzerland in Rome; die Schweizerische Botschaft in Wien; the Swiss Embassy in Oslo",
    "Gran Consiglio del Cantone Ticino, Grand Conseil du canton de Vaud, Grosser Rat des Kantons Bern, "
    "Regierungsrat des Kantons Zürich, Kantonsrat des Kantons Zug, Conseil d'État du canton du Valais",
    "die Abteilung Klima, des Kernkraftwerks Beispiel und die Universität Beispielstadt; Fachhochschule Nordwest",
    "l'Office fédéral de la pêche et des lacs, le Secrétariat d’État aux migrations, la Fondation Beispiel SA",
    "Istituto per la ricerca e la formazione, Ufficio federale delle strade, Haute école spécialisée de Suisse",
    "Conseil fédéral, Grossrat Muster, Consiglio federale (words that start a pattern and match none)",
]


def test_the_cheap_word_tests_before_organisation_patterns_never_skip_a_match():
    """Each organisation pattern runs only on texts holding one of its words: a text where it matches
    holds one (the examples name every kind of body the patterns find, in their languages)."""
    from indexer.analysis.organisations import _PATTERNS

    for needs, _, pattern in _PATTERNS:
        if needs is None:
            continue
        matched = [text for text in _PATTERN_EXAMPLES if pattern.search(text)]
        assert matched, f"no example for {pattern.pattern[:40]}"
        for text in matched:
            assert any(word in text for word in needs), (pattern.pattern[:40], text)


def test_patterns_tried_only_where_their_first_words_occur_match_as_over_the_whole_text():
    """A pattern that names the words its matches begin with is tried only where they occur: the same
    matches as reading the whole text, on texts where it matches, several times and next to other words."""
    from indexer.analysis.organisations import _PATTERNS, _matches_at, _word_starts

    tried = 0
    for i, (_, begins, pattern) in enumerate(_PATTERNS):
        if begins is None:
            continue
        texts = [t for t in _PATTERN_EXAMPLES if pattern.search(t)]
        assert texts, f"no example for {pattern.pattern[:40]}"
        texts += [" ".join(texts), "x" + texts[0], texts[0].replace(" ", "\n"), "«" + texts[-1] + "»"]
        for text in texts:
            every = [(m.start(), m.group()) for m in pattern.finditer(text)]
            assert [(m.start(), m.group()) for m in _matches_at(pattern, text, _word_starts(text).get(i, ()))] == every
            assert all(text.startswith(begins, at) for at, _ in every)
            tried += bool(every)
    assert tried >= 4 * 4
