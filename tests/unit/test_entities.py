import pytest

from indexer.analysis import extract_organisations, extract_persons, tag_places
from indexer.analysis.organisations import find_organisations
from indexer.analysis.persons import find_persons
from indexer.analysis.places import canonical_dateline, find_places
from indexer.model import Communique


@pytest.mark.parametrize("text, expected", [
    ("Les adhésions à l'OTAN", ["NATO"]),
    ("NATO und НАТО und الناتو", ["NATO"]),
    ("Die UNO und die EU", ["United Nations", "European Union"]),
    ("the World Health Organization (WHO) and the IMF", ["WHO", "IMF"]),
    ("la Banque mondiale et le CICR", ["World Bank", "ICRC"]),
    ("who knows what the un said", []),
    ("", []),
    # a quote's ticker codes name the quote, not the outlet
    ("ISIN: CH0557779003 Reuters: SWIW, Bloomberg: SWIT", []),
    ("Reuters reported: the talks ended.", ["Reuters"]),
    # one body under its names in every language
    ("Das Bundesamt für Rüstung und l'Office fédéral de l'armement", ["armasuisse"]),
    ("l'Università di Berna e l'Université de Berne", ["University of Bern"]),
    ("Der Bundesanwaltschaft und dem Ministère public de la Confédération",
     ["Office of the Attorney General of Switzerland"]),
    # not bodies: a statistic defined by an acronym, an embassy without a place, a German plural
    ("Der Landesindex der Konsumentenpreise (LIK) stieg.", []),
    ("Die Schweizer Botschaft hat informiert.", []),
    ("Visa für Studierende werden erteilt.", []),
    # the outlet a headline ends with, in scripts without capitals too, without its town
    ("الذهب يصعد إلى مستوى جديد مع تراجع العملة الأمريكية - صحيفة النهار\n\nنص", ["صحيفة النهار"]),
    ("新しい携帯料金プランの提供価値とクロスセルがカギ - 東西新聞\n", ["東西新聞"]),
    ("Festivales y salones de fiestas vuelven a abrir - El Diario (Rosario)\n", ["El Diario"]),
    # a subtitle in lower case, or a long clause after the dash, is no outlet
    ("Wie die Preise steigen und warum - eine erste Bilanz\n", []),
    ("الذهب يصعد إلى مستوى جديد - ارتفعت أسعار الذهب في الجلسة السابقة مع تراجع الدولار\n", []),
    # a company's legal form after a comma belongs to its name
    ("© Copyright, Grupo Ejemplo Norte, SAPI de CV", ["Grupo Ejemplo Norte, SAPI de CV"]),
    ("Il Gruppo Rossi, Milano e Roma", ["Gruppo Rossi"]),
    # parties named by what they stand for; "parti" and "partito" as common words are none
    ("Une délégation du Parti socialiste portugais et du Partito democratico", ["Parti socialiste portugais",
                                                                                 "Partito democratico"]),
    ("Il est parti communiquer la nouvelle. Le Parti a voté.", []),
    # a federal association in the genitive is the association
    ("Mitglieder des Eidgenössischen Schwingerverbands und der Eidgenössische Turnverein",
     ["Eidgenössischen Schwingerverband", "Eidgenössische Turnverein"]),
    ("Die Eidgenössische Abstimmung und das Eidgenössische Schwingfest", []),
    # a Japanese compound ending in a body's head word, but not a kind of body
    ("東西経営大学院の田中教授は、国立大学と各大学の学生に話した。", ["東西経営大学院"]),
    ("我们访问了北京大学", []),
])
def test_find_organisations(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Rencontre à Genève puis à Istanbul", ["Geneva", "Istanbul"]),
    ("Treffen in Zürich und Genf", ["Zurich", "Geneva"]),
    # a city in a treaty's name still names the city; the Dublin regulation's terms do not
    ("l'Accord d'Istanbul", ["Istanbul"]),
    ("Rückzug des Vorbehalts zur Istanbul-Konvention", ["Istanbul"]),
    ("la Convention de Genève, signée à Genève", ["Geneva"]),
    ("Überstellung in den Dublin-Staat; Schengen/Dublin; im Dublin-Verfahren", []),
    ("The ministers met in Dublin.", ["Dublin"]),
    # a city that is also a given name, before a surname, is a person
    ("Florence Muster leitet das Projekt in Florence.", ["Florence"]),
    ("Florence Muster leitet das Projekt.", []),
    ("nothing here", []),
])
def test_find_places(text, expected):
    assert find_places(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bundesrätin Anna Beispiel hat heute informiert.", ["Anna Beispiel"]),
    ("Federal Councillor John Example met the delegation.", ["John Example"]),
    ("Le porte-parole du ministère, Jean Exemple, a déclaré.", ["Jean Exemple"]),
    ("Il a parlé avec Marie Modèle, la conseillère du président.", ["Marie Modèle"]),
    ("Die Präsidentin Eva von Muster sprach.", ["Eva von Muster"]),
    ("The Federal Council adopted the Dispatch on Monday.", []),
    ("Swiss National Bank Raises Rates", []),
    ("", []),
    ("123 456", []),
])
def test_find_persons(text, expected):
    assert find_persons(text) == expected


def test_entity_stages_fill_the_document():
    doc = Communique(source="s", title="Visite à Genève", text="Le secrétaire général de l'OTAN, Jan Exempel, "
                     "est arrivé.")
    for stage in (tag_places, extract_organisations, extract_persons):
        stage(doc)
    assert doc.places == ["Geneva"] and doc.organisations == ["NATO"] and doc.persons == ["Jan Exempel"]


@pytest.mark.parametrize("written, canonical", [
    ("Berna/Zurigo", "Bern/Zurich"),
    ("Berne / Zurich", "Bern / Zurich"),
    ("Zürich-Reckenholz", "Zurich-Reckenholz"),
    ("Genève", "Geneva"),
    ("  Ittigen  bei Bern ", "Ittigen bei Bern"),  # unknown words as written, spaces tidied
    ("Beispielwil", "Beispielwil"),
])
def test_a_dateline_names_its_places_one_way_in_every_language(written, canonical):
    assert canonical_dateline(written) == canonical
