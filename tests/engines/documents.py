"""Documents for the engine behaviour suite: small, hand-written, with known facets."""
from __future__ import annotations

from indexer.model import Communique
from indexer.pipeline import content_hash


SWISS = {"de-zoll", "fr-zoll", "it-zoll", "de-italien", "it-germania", "en-japan"}
TURKISH = {"fr-otan", "en-otan"}


TOPICS = {"de-zoll": ["Economic Affairs"], "fr-zoll": ["Economic Affairs"], "it-zoll": ["Economic Affairs"],
          "en-japan": ["Economic Affairs", "Foreign Affairs"], "de-italien": ["Foreign Affairs", "Mobility"]}


def _doc(id, title, text, language, date, countries=(), persons=(), orgs=(), places=(), issuer=None,
         group=None, declared=None):
    doc = Communique(
        source=f"fixtures/{id}.txt", text=text, title=title, date=date,
        date_precision=("day" if date and len(date) == 10 else "month" if date else None),
        declared_language=declared or language, language=language, language_confidence=0.99,
        issuer=issuer, issuer_country="CH" if id in SWISS else "TR" if id in TURKISH else None,
        countries=sorted(countries), persons=list(persons), organisations=list(orgs),
        places=list(places), translation_group=group, id=id, sources=[f"fixtures/{id}.txt"],
        topics=list(TOPICS.get(id, ())))
    doc.content_hash = content_hash(doc)
    return doc


def sample_documents() -> list[Communique]:
    return [
        _doc("fr-otan", "La Turquie et le Royaume-Uni discutent de l'OTAN",
             "Le porte-parole de la présidence turque s'est entretenu avec le conseiller britannique. "
             "Les négociations sur l'adhésion de la Suède et de la Finlande à l'OTAN ont été évoquées.",
             "fr", "2025-07", countries=["TR", "GB", "SE", "FI"], persons=["Ibrahim Kalin", "Tim Barrow"],
             orgs=["NATO"], issuer="Présidence turque", group="g-otan"),
        _doc("en-otan", "Turkey and the United Kingdom discuss NATO",
             "The spokesman of the Turkish presidency spoke with the British adviser. "
             "Negotiations on the accession of Sweden and Finland to NATO were discussed.",
             "en", "2025-07", countries=["TR", "GB", "SE", "FI"], persons=["Ibrahim Kalin", "Tim Barrow"],
             orgs=["NATO"], issuer="Turkish Presidency", group="g-otan"),
        _doc("de-zoll", "Schweizer Zölle auf Industrieprodukte sind aufgehoben",
             "Seit dem 1. Januar erhebt die Schweiz keine Zölle mehr auf Industrieprodukte. "
             "Deutsche Unternehmen profitieren ebenfalls von den Zolleinsparungen.",
             "de", "2024-01-02", countries=["CH", "DE"], orgs=["SECO"],
             issuer="Staatssekretariat für Wirtschaft", group="g-zoll", places=["Bern"]),
        _doc("fr-zoll", "Les droits de douane suisses sur les produits industriels sont supprimés",
             "Depuis le 1er janvier, la Suisse ne prélève plus de droits de douane sur les produits industriels.",
             "fr", "2024-01-02", countries=["CH"], orgs=["SECO"],
             issuer="Secrétariat d'Etat à l'économie", group="g-zoll", places=["Berne"]),
        _doc("it-zoll", "Soppressi i dazi svizzeri sui prodotti industriali",
             "Dal 1° gennaio la Svizzera non riscuote più dazi sull'importazione di prodotti industriali. "
             "Le imprese tedesche ne beneficiano.",
             "it", "2024-01-02", countries=["CH", "DE"], orgs=["SECO"],
             issuer="Segreteria di Stato dell'economia", group="g-zoll"),
        _doc("de-italien", "Bundesrat trifft italienische Regierung in Rom",
             "Die Delegation traf in Rom Vertreter der italienischen Regierung zu Gesprächen über Verkehr.",
             "de", "2024-03-15", countries=["CH", "IT"], persons=["Giorgia Meloni"],
             issuer="Bundeskanzlei", places=["Rom"]),
        _doc("it-germania", "Incontro con il governo tedesco a Berlino",
             "Il consigliere federale ha incontrato a Berlino rappresentanti del governo tedesco.",
             "it", "2024-03-20", countries=["DE", "CH"], persons=["Olaf Scholz"],
             issuer="Cancelleria federale", places=["Berlino"]),
        _doc("en-japan", "Switzerland and Japan sign a digital trade agreement",
             "Bern and Tokyo signed an agreement on digital trade. The World Trade Organization welcomed it.",
             "en", "2024-11-05", countries=["CH", "JP"], orgs=["WTO"], issuer="State Secretariat for Economic Affairs",
             places=["Bern", "Tokyo"]),
        _doc("es-brasil", "España y Brasil refuerzan su cooperación científica",
             "Los ministerios de ciencia de España y Brasil firmaron un memorando en Madrid.",
             "es", "2023-06-12", countries=["ES", "BR"], issuer="Ministerio de Ciencia", places=["Madrid"]),
        _doc("tr-ankara", "Türkiye ve İsveç arasında görüşme",
             "Ankara'da Türkiye ile İsveç heyetleri NATO üyeliği konusunda görüştü. Işık Yılmaz açıklama yaptı.",
             "tr", "2023-05", countries=["TR", "SE"], persons=["Işık Yılmaz"], orgs=["NATO"],
             issuer="Dışişleri Bakanlığı", places=["Ankara"]),
        _doc("ar-un", "الأمم المتحدة تدعو إلى وقف إطلاق النار",
             "دعت الأمم المتحدة إلى وقف فوري لإطلاق النار في أوكرانيا وروسيا.",
             "ar", "2024-02-24", countries=["UA", "RU"], orgs=["United Nations"], issuer="UN News"),
        _doc("ru-ukraine", "Переговоры между Россией и Украиной",
             "Делегации России и Украины провели переговоры в Стамбуле при посредничестве Турции.",
             "ru", "2025-05-16", countries=["RU", "UA", "TR"], issuer="ТАСС", places=["Стамбул"]),
        _doc("undated", "Note without a date",
             "An internal note about <script>alert(1)</script> markup & escaping, with no date at all.",
             "en", None, countries=[], issuer="Archive staff"),
    ]


def translated_communiques(n: int = 300) -> list:
    """`n` communiqués in German, French and Italian. Switzerland is named in every version (three versions
    to a communiqué); Germany only in the German version of every other one (one version to a communiqué);
    Austria in every version of each fifth."""
    docs = []
    for i in range(n):
        for lang, word in (("de", "Zoll"), ("fr", "douane"), ("it", "dazio")):
            countries = ["CH"] + (["DE"] if lang == "de" and i % 2 == 0 else []) + (["AT"] if i % 5 == 0 else [])
            docs.append(_doc(f"{lang}-{i}", f"{word} {i}", f"Ein Text über {word} {i}.", lang,
                             f"2024-{1 + i % 12:02d}-01", countries=countries, group=f"g-{i}"))
    return docs
