"""Organisation tagging via a multilingual alias table of international bodies.

Each organisation has one canonical name; every alias (any language,
acronyms case-sensitive) maps to it: "OTAN", "НАТО", "الناتو" → "NATO".
"""
from __future__ import annotations

import functools

from indexer.analysis.gazetteer import Gazetteer
from indexer.model import Communique

# canonical: aliases ("=" marks a case-sensitive acronym)
ORGANISATIONS = {
    "NATO": "=NATO | =OTAN | =НАТО | الناتو | حلف شمال الأطلسي | North Atlantic Treaty Organization | Organisation du traité de l'Atlantique nord",
    "United Nations": "=UN | =U.N. | =ONU | =UNO | =ООН | =VN | =BM | Vereinte Nationen | Vereinten Nationen | Nations unies | Nazioni Unite | Naciones Unidas | Nações Unidas | Verenigde Naties | Birleşmiş Milletler | Организация Объединённых Наций | Организация Объединенных Наций | Організація Об'єднаних Націй | Organizacja Narodów Zjednoczonych | الأمم المتحدة",
    "UN Security Council": "UN Security Council | Security Council | UNO-Sicherheitsrat | UN-Sicherheitsrat | Sicherheitsrat | Conseil de sécurité | Consiglio di sicurezza | Consejo de Seguridad | Совет Безопасности ООН | مجلس الأمن",
    "European Union": "=EU | =UE | =ЕС | =AB | Europäische Union | Europäischen Union | Union européenne | Unione europea | Unión Europea | União Europeia | Europese Unie | Avrupa Birliği | Европейский союз | Евросоюз~2 | Європейський союз | Unia Europejska | Unii Europejskiej | الاتحاد الأوروبي",
    "European Commission": "European Commission | EU Commission | Europäische Kommission | Europäischen Kommission | EU-Kommission | Commission européenne | Commissione europea | Comisión Europea | Comissão Europeia | Europese Commissie | Еврокомисси~2",
    "European Parliament": "European Parliament | Europäisches Parlament | Europäischen Parlament{,s} | EU-Parlament | Parlement européen | Parlamento europeo | Parlamento Europeu",
    "Council of Europe": "Council of Europe | Europarat{,s,es} | Conseil de l'Europe | Consiglio d'Europa | Consejo de Europa | Conselho da Europa | Raad van Europa | Avrupa Konseyi | Совет Европы",
    "WHO": "=WHO | =OMS | =ВОЗ | World Health Organization | World Health Organisation | Weltgesundheitsorganisation | Organisation mondiale de la santé | Organizzazione mondiale della sanità | Organización Mundial de la Salud | Organização Mundial da Saúde | Dünya Sağlık Örgütü | منظمة الصحة العالمية | Всемирная организация здравоохранения",
    "IMF": "=IMF | =IWF | =FMI | =МВФ | International Monetary Fund | Internationaler Währungsfonds | Internationalen Währungsfonds | Fonds monétaire international | Fondo monetario internazionale | Fondo Monetario Internacional | Fundo Monetário Internacional | صندوق النقد الدولي",
    "World Bank": "World Bank | Weltbank | Banque mondiale | Banca mondiale | Banco Mundial | Wereldbank | Dünya Bankası | Всемирный банк | Світовий банк | Bank Światowy | البنك الدولي",
    "OSCE": "=OSCE | =OSZE | =ОБСЕ | =AGİT | Organization for Security and Co-operation in Europe | Organisation für Sicherheit und Zusammenarbeit in Europa | Organisation pour la sécurité et la coopération en Europe",
    "ICRC": "=ICRC | =IKRK | =CICR | International Committee of the Red Cross | Internationale Komitee vom Roten Kreuz | Internationalen Komitee vom Roten Kreuz | Internationales Komitee vom Roten Kreuz | Comité international de la Croix-Rouge | Comitato internazionale della Croce Rossa | Comité Internacional de la Cruz Roja",
    "WTO": "=WTO | =OMC | =ВТО | World Trade Organization | Welthandelsorganisation | Organisation mondiale du commerce | Organizzazione mondiale del commercio | Organización Mundial del Comercio",
    "OECD": "=OECD | =OCDE | =ОЭСР | Organisation for Economic Co-operation and Development | Organisation für wirtschaftliche Zusammenarbeit und Entwicklung",
    "UNHCR": "=UNHCR | =HCR | UN Refugee Agency | UNO-Flüchtlingshilfswerk | UN-Flüchtlingshilfswerk | Haut-Commissariat des Nations unies pour les réfugiés | Alto Commissariato delle Nazioni Unite per i rifugiati",
    "UNICEF": "=UNICEF | Unicef | ЮНИСЕФ",
    "UNESCO": "=UNESCO | Unesco | ЮНЕСКО",
    "International Criminal Court": "International Criminal Court | Internationaler Strafgerichtshof | Internationalen Strafgerichtshof{,s} | Cour pénale internationale | Corte penale internazionale | Corte Penal Internacional",
    "International Court of Justice": "International Court of Justice | Internationaler Gerichtshof | Internationalen Gerichtshof{,s} | Cour internationale de justice | Corte internazionale di giustizia",
    "European Court of Human Rights": "European Court of Human Rights | Europäische Gerichtshof für Menschenrechte | Europäischen Gerichtshof für Menschenrechte | Europäischer Gerichtshof für Menschenrechte | Cour européenne des droits de l'homme | Corte europea dei diritti dell'uomo | =EGMR | =CEDH | =ECHR",
    "EFTA": "=EFTA | =AELE | European Free Trade Association | Europäische Freihandelsassoziation | Association européenne de libre-échange",
    "African Union": "African Union | Afrikanische Union | Afrikanischen Union | Union africaine | Unione africana | Unión Africana",
    "G7": "=G7 | =G-7", "G20": "=G20 | =G-20",
    "Swiss National Bank": "Swiss National Bank | Schweizerische Nationalbank | Banque nationale suisse | Banca nazionale svizzera | =SNB | =BNS",
    "European Central Bank": "European Central Bank | Europäische Zentralbank | Europäischen Zentralbank | Banque centrale européenne | Banca centrale europea | Banco Central Europeo | =EZB | =BCE | =ECB",
    "IAEA": "=IAEA | =IAEO | =AIEA | International Atomic Energy Agency | Internationale Atomenergie-Organisation | Agence internationale de l'énergie atomique",
    "World Economic Forum": "World Economic Forum | Weltwirtschaftsforum{,s} | Forum économique mondial | =WEF",
    "IOM": "International Organization for Migration | Internationale Organisation für Migration | Organisation internationale pour les migrations | =IOM | =OIM",
    "WFP": "World Food Programme | Welternährungsprogramm{,s} | Programme alimentaire mondial | Programma alimentare mondiale | =WFP | =PAM",
    "ILO": "International Labour Organization | Internationale Arbeitsorganisation | Organisation internationale du travail | =ILO | =IAO | =OIT",
    "WIPO": "World Intellectual Property Organization | =WIPO | =OMPI",
    "FIFA": "=FIFA", "UEFA": "=UEFA", "International Olympic Committee": "International Olympic Committee | Internationale Olympische Komitee | Comité international olympique | =IOC | =CIO",
    "Interpol": "Interpol | =INTERPOL", "Europol": "Europol",
    "ASEAN": "=ASEAN", "OPEC": "=OPEC | =OPEP | =ОПЕК | أوبك",
}


def _forms(alias: str):
    from indexer.analysis._country_words import expand

    return expand(alias)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The organisation automaton, built once per process."""
    gaz = Gazetteer()
    for canonical, aliases in ORGANISATIONS.items():
        for alias in [canonical, *aliases.split("|")]:
            for phrase, options in _forms(alias.strip()):
                if phrase == canonical and canonical.isupper():
                    options = {**options, "case_sensitive": True}
                options.setdefault("capitalised", not phrase.startswith("ال"))
                prefixes = ("و", "ب", "ل", "ف") if phrase.startswith("ال") else ()
                gaz.add(phrase, canonical, prefixes=prefixes, **options)
    return gaz


def find_organisations(text: str) -> list[str]:
    """Canonical names of the organisations `text` names, in order of first mention."""
    return list(dict.fromkeys(m.value for m in gazetteer().find(text)))


def extract_organisations(doc: Communique) -> Communique:
    """Set `doc.organisations` from the title and text."""
    doc.organisations = find_organisations(f"{doc.title}\n{doc.text}")
    return doc
