"""Documents and an app factory for web and browser tests: a real app over a real tantivy index.

Documents are built by hand with their facets filled in, so each test knows
exactly what it should see.
"""
from __future__ import annotations

from archive.app import create_app
from archive.web.engine import get_engine
from indexer.model import Communique


def _doc(id, title, text, language, date, countries=(), persons=(), orgs=(), places=(), issuer=None,
         group=None, declared=None, warnings=()):
    return Communique(
        source=f"web/{id}.txt", text=text, title=title, date=date,
        date_precision="day" if date and len(date) == 10 else "month",
        declared_language=declared or language, language=language, language_confidence=0.99,
        issuer=issuer, countries=list(countries), persons=list(persons), organisations=list(orgs),
        places=list(places), translation_group=group, id=id,
        sources=[f"web/{id}.txt"] + ([f"web/copies/{id}.txt"] if id == "en-nato" else []),
        issuer_country="TR" if id.endswith("-nato") else None,
        content_hash=f"hash-{id}", warnings=list(warnings), url=LONG_URLS.get(id))


# A source address long enough to push a phone's page sideways if nothing wraps it.
LONG_URLS = {"en-japan": "https://www.example.admin.ch/gov/en/start/documentation/media-releases/"
                         "media-releases-federal-council.msg-id-99999.html?with=a-very-long-query-string-indeed"}


def web_documents() -> list[Communique]:
    """Nine communiqués: two translation groups, several countries, languages and entities."""
    return [
        _doc("en-nato", "Turkey and the United Kingdom discuss NATO enlargement",
             "Ibrahim Kalin spoke with Tim Barrow in Ankara. Turkey and the United Kingdom discussed "
             "the accession of Sweden to NATO. <b>Not bold</b> & friends.",
             "en", "2025-07-03", countries=["TR", "GB", "SE"], persons=["Ibrahim Kalin", "Tim Barrow"],
             orgs=["NATO"], places=["Ankara"], issuer="Turkish Presidency", group="g-nato"),
        _doc("fr-nato", "La Turquie et le Royaume-Uni discutent de l'élargissement de l'OTAN",
             "Ibrahim Kalin s'est entretenu avec Tim Barrow à Ankara sur l'adhésion de la Suède à l'OTAN.",
             "fr", "2025-07-03", countries=["TR", "GB", "SE"], persons=["Ibrahim Kalin", "Tim Barrow"],
             orgs=["NATO"], places=["Ankara"], issuer="Présidence turque", group="g-nato"),
        _doc("de-nato", "Türkei und Vereinigtes Königreich beraten über die NATO",
             "Ibrahim Kalin sprach in Ankara mit Tim Barrow über den NATO-Beitritt Schwedens.",
             "de", "2025-07-04", countries=["TR", "GB", "SE"], persons=["Ibrahim Kalin", "Tim Barrow"],
             orgs=["NATO"], places=["Ankara"], issuer="Türkische Präsidentschaft", group="g-nato",
             declared="en", warnings=["declared language en differs from detected de"]),
        _doc("de-zoll", "Schweizer Zölle auf Industrieprodukte sind aufgehoben",
             "Seit dem 1. Januar erhebt die Schweiz keine Zölle mehr. Deutschland profitiert davon, "
             "sagt das SECO in Bern.",
             "de", "2024-01-02", countries=["CH", "DE"], orgs=["SECO"], places=["Bern"],
             issuer="Staatssekretariat für Wirtschaft", group="g-zoll"),
        _doc("it-zoll", "Soppressi i dazi svizzeri sui prodotti industriali",
             "Dal 1° gennaio la Svizzera non riscuote più dazi. La Germania ne beneficia, dice la SECO.",
             "it", "2024-01-02", countries=["CH", "DE"], orgs=["SECO"],
             issuer="Segreteria di Stato dell'economia", group="g-zoll"),
        _doc("it-germania", "Incontro con il governo tedesco a Berlino",
             "Il consigliere federale ha incontrato a Berlino Olaf Scholz e rappresentanti della Germania.",
             "it", "2024-03-20", countries=["DE", "CH"], persons=["Olaf Scholz"], places=["Berlino"],
             issuer="Cancelleria federale"),
        _doc("de-italien", "Bundesrat trifft italienische Regierung in Rom",
             "Die Delegation traf in Rom Giorgia Meloni zu Gesprächen über Verkehr und Zölle.",
             "de", "2024-03-15", countries=["CH", "IT"], persons=["Giorgia Meloni"], places=["Rom"],
             issuer="Bundeskanzlei"),
        _doc("en-japan", "Switzerland and Japan sign a digital trade agreement",
             "Bern and Tokyo signed an agreement on digital trade. The WTO welcomed it.",
             "en", "2024-11-05", countries=["CH", "JP"], orgs=["WTO"], places=["Bern", "Tokyo"],
             issuer="State Secretariat for Economic Affairs"),
        _doc("fr-france", "La France et l'Allemagne renforcent leur coopération",
             "Paris et Berlin ont signé un accord sur l'énergie. La France et l'Allemagne coopèrent.",
             "fr", "2023-06-12", countries=["FR", "DE"], places=["Paris", "Berlin"],
             issuer="Ministère de l'Europe et des Affaires étrangères"),
    ]


def make_app(tmp_path, docs=None, **config):
    """A real app whose tantivy index in `tmp_path` holds `docs` (default: web_documents())."""
    settings = {"TESTING": True, "ENGINE": "tantivy", "DATA_DIR": str(tmp_path / "data"),
                "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.sqlite3'}"}
    settings.update(config)
    app = create_app(settings)
    with app.app_context():
        report = get_engine().index(web_documents() if docs is None else docs)
        assert report.errors == []
    return app
