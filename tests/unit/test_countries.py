import pytest

from indexer.analysis import tag_countries
from indexer.analysis.countries import find_countries
from indexer.analysis.gazetteer import Gazetteer
from indexer.model import Communique


@pytest.mark.parametrize("text, lang, expected", [
    # names in many languages
    ("La Suisse et l'Allemagne signent un accord.", "fr", ["CH", "DE"]),
    ("Die Schweiz und Österreich arbeiten zusammen.", "de", ["AT", "CH"]),
    ("La Svizzera e l'Italia firmano.", "it", ["CH", "IT"]),
    ("Talks between the UK and the USA resumed.", "en", ["GB", "US"]),
    ("Türkiye hosted the meeting.", "en", ["TR"]),
    ("Türkiye'nin ve Almanya'nın bakanları", "tr", ["DE", "TR"]),
    ("Suiza y Francia acuerdan", "es", ["CH", "FR"]),
    ("Portugal e Brasil assinam", "pt", ["BR", "PT"]),
    ("Nederland en België", "nl", ["BE", "NL"]),
    ("Переговоры России и Украины", "ru", ["RU", "UA"]),
    ("Збірна України перемогла", "uk", ["UA"]),
    ("Spotkanie w Polsce i w Niemczech", "pl", ["DE", "PL"]),
    ("زيارة إلى سويسرا والولايات المتحدة", "ar", ["CH", "US"]),
    ("Kosovo and Serbia", "en", ["RS", "XK"]),
    ("中国和美国的会谈", "zh", ["CN", "US"]),
    ("韓国と北朝鮮の経済新聞", "ja", ["KP", "KR"]),
    ("タイムの発表", "ja", []),
    ("한국 선수가 스웨덴에서 우승했다", "ko", ["KR", "SE"]),
    # adjectives and demonyms, inflected
    ("la présidence turque et la guerre russo-ukrainienne", "fr", ["RU", "TR", "UA"]),
    ("deutsche Unternehmen und die schweizerischen Behörden", "de", ["CH", "DE"]),
    ("Americans, Brits and Australians", "en", ["AU", "GB", "US"]),
    ("paid in Swiss francs", "en", ["CH"]),
    ("il governo svizzero e le autorità italiane", "it", ["CH", "IT"]),
    ("российские и украинские войска", "ru", ["RU", "UA"]),
    ("الدولار الأمريكي", "ar", ["US"]),
    ("The Irish Times reported", "en", ["IE"]),
    # capitals
    ("Talks in Berne and Moscou", "fr", ["CH", "RU"]),
    ("Bern, 3 May 2024 - The office", "en", ["CH"]),
    # not countries
    ("The meeting in Geneva and Istanbul", "en", []),
    ("l'enlisement du conflit", "fr", []),
    ("The EU, the UN and NATO met.", "en", []),
    ("Le texte est disponible en français et en italien.", "fr", []),
    ("Der Text ist auf Deutsch verfügbar.", "de", []),
    ("The French-speaking cantons", "en", []),
    ("Michael Jordan and Chad Smith", "en", []),
    ("Roasted turkey and china plates", "en", []),
    ("Prices in euro rose", "en", []),
    ("New Mexico and New Jersey", "en", []),
    ("Europe and Africa", "en", []),
    ("The Danish Refugee Council (DRC) helped.", "en", ["DK"]),
    ("Der Bundesrat hat entschieden.", "de", []),
    ("Réunion du comité mixte. Le texte suit.", "fr", []),
    ("Les habitants de La Réunion", "fr", ["RE"]),
    ("Le ministre a parlé. La réunion portait sur les accords.", "fr", []),  # a meeting, lower-case
    ("Les ministres de la réunion", "fr", []),
    ("Gsteiger Dominik, 8409 Winterthur ZH", "de", []),  # a given name, not a Polish stem of Dominica
    ("Dominika Novak sprach mit der Presse.", "de", []),
    ("Rząd Dominiki ogłosił nowy plan.", "pl", ["DM"]),
    ("Über die Lage in Uganda", "de", ["UG"]),
    ("the united states of mind", "en", []),
    # a language, not a country: after an article in Romance languages, in a list of languages, sign languages
    ("Parlant aussi bien l’allemand que le français, elle dirige", "fr", []),
    ("Oltre alle sue conoscenze di tedesco e francese, parla", "it", []),
    ("habla el alemán y el francés", "es", []),
    ("la Langue des signes française", "fr", []),
    ("die Italienische Gebärdensprache", "de", []),
    ("le gouvernement allemand et les autorités françaises", "fr", ["DE", "FR"]),
    ("il governo tedesco e quello francese", "it", ["DE", "FR"]),
    # a given name in a list of people, surname first; "la réunion" (a meeting) starting a sentence
    ("Zum Oberst\n\nMuster Dominique, 1630 Bulle FR\nBeispiel Anna, 8912 Obfelden ZH", "de", []),
    ("den Staat Israel, der", "de", ["IL"]),
    ("Texte.\n\nLa Réunion du Conseil de l'OCDE au niveau des ministres", "fr", []),
    ("Elle vit à La Réunion depuis 2010.", "fr", ["RE"]),
    # a list of languages; a language region of a country named with another's adjective
    ("The complete text is available in German, French and Italian.", "en", []),
    ("German, French and Italian companies", "en", ["DE", "FR", "IT"]),
    ("les régions linguistiques (suisse allemande, française et italienne)", "fr", ["CH"]),
    ("in der deutschen und der französischen Schweiz", "de", ["CH"]),
    ("nella Svizzera italiana", "it", ["CH"]),
    ("French Canada and English Canada", "en", ["CA"]),
    ("les autorités suisses et allemandes", "fr", ["CH", "DE"]),
    ("the French-Swiss border", "en", ["CH", "FR"]),
    ("die deutsche Schweiz-Politik", "de", ["CH", "DE"]),
    # the Dublin regulation's terms name no capital; a treaty named after a capital does
    ("l'Accord de Paris sur le climat", "fr", ["FR"]),
    ("in den zuständigen Dublin-Staat oder", "de", []),
    ("nello Stato Dublino competente", "it", []),
    ("Talks in Dublin today", "en", ["IE"]),
    ("die Assoziierung an Schengen/Dublin und Schengen und Dublin", "de", []),
    ("Il comunicato è disponibile in formato pdf (solo tedesco).", "it", []),
])
def test_find_countries(text, lang, expected):
    assert find_countries(text, lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("", []), ("12345 6789", []), ("!!!", []), ("a" * 10000, []),
    ("日本語 العربية Русский 123", []),  # language names, not countries
    ("日本と韓国の首脳が会談した。한국어 통역", ["JP", "KR"]),
])
def test_odd_inputs(text, expected):
    assert find_countries(text, None) == expected


def test_huge_text():
    text = "La Suisse et la Turquie. " + "Rien de spécial ici. " * 20000
    assert find_countries(text, "fr") == ["CH", "TR"]


def test_tag_countries_reads_title_and_text():
    doc = tag_countries(Communique(source="s", title="Visite en Suède", text="Le ministre finlandais."))
    assert doc.countries == ["FI", "SE"]


@pytest.mark.parametrize("phrase, options, text, found", [
    ("Royaume-Uni", {}, "le Royaume Uni", True),
    ("Yemen", {}, "enlisement", False),
    ("US", {"case_sensitive": True}, "us", False),
    ("Росси", {"max_suffix": 3}, "России", True),
    ("Росси", {"max_suffix": 3}, "Российской", False),
    ("Chile", {"capitalised": True}, "chile pepper", False),
    ("Uber", {"capitalised": True}, "Über die Lage sprach der Rat.", False),  # a word with an accent
    ("Ere", {}, "une Ère nouvelle", False),
    ("États-Unis", {}, "les Etats-Unis", True),  # an accent dropped from a capital still matches
    ("Zurich", {}, "ETH Zürich", True),  # accents after the first letter are folded
])
def test_gazetteer_word_boundaries_and_options(phrase, options, text, found):
    gaz = Gazetteer()
    gaz.add(phrase, "X", **options)
    assert bool(gaz.find(text)) is found


def test_gazetteer_blocker_and_longest_match():
    gaz = Gazetteer()
    gaz.add("Mexico", "MX")
    gaz.add("New Mexico", None)
    gaz.add("Guinea", "GN")
    gaz.add("Papua New Guinea", "PG")
    assert [m.value for m in gaz.find("New Mexico, Mexico, Papua New Guinea")] == ["MX", "PG"]
