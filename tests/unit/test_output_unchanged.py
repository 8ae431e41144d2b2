"""Speed work must not change what the archive makes: terms, languages, entities and snippets.

`tests/unit/data/output_recorded.json` holds what the code made for a fixed
sample when it was recorded: every document of the demo sample (the real
readers and the whole analysis), the texts below (written for this test: short
headlines and longer paragraphs in several languages and scripts), and the
snippets and marked titles of a set of queries over the sample. Each test
compares today's output with it.

A deliberate change of output (new terms, a better detector) records again:

    python -m tests.unit.test_output_unchanged --record

and the diff of the JSON file shows, document by document, what changed.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

RECORDED = Path(__file__).parent / "data" / "output_recorded.json"
SAMPLE = Path(__file__).resolve().parents[2] / "archive" / "sample"

# Texts of my own: headlines (the short-text model) and paragraphs (the long-text detector).
TEXTS = [
    "Federal Council adopts dispatch on the 2027 budget",
    "Le Conseil fédéral adopte le message sur le budget 2027",
    "Bundesrat verabschiedet die Botschaft zum Voranschlag 2027",
    "Il Consiglio federale approva il messaggio sul preventivo 2027",
    "El Gobierno aprueba el plan de regadío para Andalucía",
    "O governo anuncia novas medidas para a Amazônia",
    "De regering kondigt nieuwe maatregelen aan voor de havens",
    "Regeringen presenterar en ny strategi för cybersäkerhet",
    "Rząd przyjął nową strategię bezpieczeństwa energetycznego",
    "Vláda schválila nový plán pro obnovu železnic",
    "Hallitus esittää uutta lakia energiatuesta",
    "Bakanlar Kurulu tahıl koridoru için yeni bir karar aldı",
    "Правительство утвердило новую программу развития портов",
    "Η κυβέρνηση ανακοίνωσε νέο σχέδιο για τα λιμάνια",
    "الحكومة تعلن عن خطة جديدة لدعم المستشفيات",
    "הממשלה אישרה תוכנית חדשה לתחבורה ציבורית",
    "सरकार ने बंदरगाहों के लिए नई योजना की घोषणा की",
    "国务院发布关于促进港口发展的通知",
    "政府は半導体産業への新たな支援策を発表した",
    "정부는 반도체 산업에 대한 새로운 지원 방안을 발표했다",
    "รัฐบาลประกาศแผนใหม่เพื่อพัฒนาท่าเรือ",
    "UN", "2027", "",
    ("The Federal Council today approved the dispatch on the 2027 budget and sent it to Parliament. "
     "Spending grows more slowly than revenue for the first time in four years, and the debt brake is "
     "respected without extraordinary items. The finance minister said the cantons would be consulted "
     "on the new equalisation scheme before the summer session, and that the army's share rises as "
     "decided last year."),
    ("Der Bundesrat hat heute die Botschaft zum Voranschlag 2027 verabschiedet und dem Parlament "
     "überwiesen. Die Ausgaben wachsen zum ersten Mal seit vier Jahren langsamer als die Einnahmen, und "
     "die Schuldenbremse wird ohne ausserordentliche Posten eingehalten. Die Kantone werden vor der "
     "Sommersession zum neuen Finanzausgleich angehört; der Anteil der Armee steigt wie beschlossen."),
    ("Le Conseil fédéral a approuvé aujourd'hui le message sur le budget 2027 et l'a transmis au "
     "Parlement. Pour la première fois depuis quatre ans, les dépenses augmentent moins vite que les "
     "recettes, et le frein à l'endettement est respecté sans postes extraordinaires. Les cantons seront "
     "consultés avant la session d'été sur la nouvelle péréquation financière."),
    ("Il Consiglio federale ha approvato oggi il messaggio concernente il preventivo 2027 e lo ha "
     "trasmesso al Parlamento. Per la prima volta in quattro anni le uscite crescono meno rapidamente "
     "delle entrate e il freno all'indebitamento è rispettato senza voci straordinarie. I Cantoni "
     "saranno consultati prima della sessione estiva sulla nuova perequazione finanziaria."),
    ("El Consejo de Ministros ha aprobado hoy el plan de regadío para Andalucía y Murcia, que prevé "
     "nuevas conducciones entre los embalses del Segura y del Guadalquivir. La ministra explicó que las "
     "comunidades de regantes recibirán ayudas para modernizar sus redes y reducir las pérdidas de agua "
     "durante los meses de sequía, y que el plan se revisará dentro de tres años."),
    ("De ministerraad heeft vandaag een nieuw plan goedgekeurd voor de havens van Rotterdam en "
     "Antwerpen. Het plan voorziet in betere spoorverbindingen met het achterland, minder uitstoot door "
     "schepen aan de kade en een gezamenlijke aanpak van de douanecontroles. De minister zei dat de "
     "gemeenten en de havenbedrijven voor de zomer hun opmerkingen kunnen indienen."),
    ("Правительство утвердило сегодня новую программу развития морских портов на Балтике и в Чёрном "
     "море. Программа предусматривает строительство железнодорожных подходов, обновление ледокольного "
     "флота и упрощение таможенных процедур. Министр транспорта сообщил, что первые работы начнутся "
     "весной, а регионы получат дополнительное финансирование на дороги к портам."),
    ("Cumhurbaşkanlığı Kabinesi bugün Karadeniz tahıl koridoru için yeni bir karar aldı. Karar, "
     "limanlarda bekleyen gemilerin denetimini hızlandırmayı, sigorta maliyetlerini düşürmeyi ve "
     "çiftçilere ek destek sağlamayı öngörüyor. Bakan, Birleşmiş Milletler ile görüşmelerin önümüzdeki "
     "hafta İstanbul'da süreceğini ve ilk sevkiyatların ay sonunda başlayacağını söyledi."),
    ("Regeringen presenterade i dag en ny nationell strategi för cybersäkerhet. Strategin innebär att "
     "myndigheter och kommuner ska rapportera allvarliga incidenter inom ett dygn, att ett nytt center "
     "för samordning inrättas i Stockholm och att utbildningen av specialister byggs ut vid universiteten. "
     "Ministern sade att arbetet ska följas upp varje år."),
]

# Queries whose snippets and marked titles are recorded for every sample document.
QUERIES = ["Bundesrat", "Conseil fédéral", '"Federal Council"', "climate OR climat OR Klima", "vacc*",
           "Ukraine reconstruction", "NOT Bundesrat", "Ankara London", "porti", "semiconductors Japan",
           "وزارة", "Москва", "water agua", "2024", "government OR gouvernement OR Regierung OR governo",
           "Istanbul", "Berlin cyber*", "health OR santé"]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def sample_documents():
    from indexer.paths import expand_paths
    from indexer.work import prepare

    docs = []
    for path in expand_paths([str(SAMPLE)]):
        prepared = prepare(path)
        for doc in prepared.docs or []:
            docs.append((str(Path(path).relative_to(SAMPLE)), doc))
    return sorted(docs, key=lambda item: (item[0], item[1].source.partition("#")[2], item[1].title))


def current_output() -> dict:
    from archive.highlight import highlight_title, make_snippet
    from archive.query import parse_query
    from archive.terms import STEMMERS, folded_field, index_terms, stemmed_field
    from indexer.analysis.language import identify

    documents, snippets = {}, {}
    nodes = {q: parse_query(q) for q in QUERIES}
    for name, doc in sample_documents():
        key = f"{name}#{doc.source.partition('#')[2]}"
        indexed = index_terms(doc)
        documents[key] = {
            "language": doc.language, "date": doc.date, "issuer": doc.issuer,
            "issuer_country": doc.issuer_country, "countries": doc.countries, "persons": doc.persons,
            "organisations": doc.organisations, "places": doc.places, "dateline": doc.dateline,
            # terms by digest (and count): a change shows which field of which document moved
            # what the engines index (archive.terms.index_terms, made in the indexing workers)
            "title_stemmed": _digest(indexed[0]), "text_stemmed": _digest(indexed[1]),
            "title_folded": _digest(indexed[2]), "text_folded": _digest(indexed[3]),
            "text_terms": len(indexed[1].split()),
        }
        for query, node in nodes.items():
            snippet = make_snippet(doc.text, node, doc.language)
            title = highlight_title(doc.title, node, doc.language)
            if "<mark>" in snippet or "<mark>" in title:
                snippets[f"{key} {query}"] = {"title": title, "snippet": snippet}
    languages = {text[:60]: identify(text)[0] for text in TEXTS}
    # every stemmer (and none) on every text, apart from what the detector says
    terms = {text[:60]: {"folded": folded_field(text), "other": stemmed_field(text, None),
                         **{lang: _digest(stemmed_field(text, lang)) for lang in STEMMERS}} for text in TEXTS}
    return {"documents": documents, "languages": languages, "terms": terms, "snippets": snippets}


@pytest.fixture(scope="module")
def outputs():
    if not RECORDED.exists():
        pytest.fail(f"{RECORDED} is missing: record it with python -m tests.unit.test_output_unchanged --record")
    return json.loads(RECORDED.read_text(encoding="utf-8")), current_output()


@pytest.mark.parametrize("part", ["documents", "languages", "terms", "snippets"])
def test_output_is_as_recorded(outputs, part):
    recorded, now = outputs
    assert recorded[part], f"nothing recorded for {part}"
    changed = {key: (recorded[part].get(key), now[part].get(key))
               for key in set(recorded[part]) | set(now[part]) if recorded[part].get(key) != now[part].get(key)}
    assert not changed, f"{len(changed)} {part} differ from the recording (recorded, now): {changed}"


def test_the_recording_covers_every_path():
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    languages = set(recorded["languages"].values())
    # short and long texts, several scripts: both detectors and the bigram terms are exercised
    assert {"en", "de", "fr", "it", "es", "nl", "ru", "tr", "sv", "ar", "zh", "ja", "ko", "th"} <= languages
    assert len(recorded["documents"]) >= 25 and len(recorded["snippets"]) >= 35


if __name__ == "__main__" and "--record" in sys.argv:
    RECORDED.parent.mkdir(exist_ok=True)
    RECORDED.write_text(json.dumps(current_output(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")
    print(f"recorded {RECORDED}")
