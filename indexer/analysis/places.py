"""Place tagging: `doc.places` = canonical names of cities the text mentions.

A small gazetteer of capitals and major cities with their names in the
archive's languages. Places are kept apart from the country facet: naming
Geneva or Istanbul does not make a country mention.
"""
from __future__ import annotations

import functools
import re

from indexer.analysis.fold import fold
from indexer.analysis.gazetteer import Gazetteer
from indexer.analysis.roles import is_given_name
from indexer.analysis.tables import load
from indexer.model import Communique

# canonical English name: other names (any language)
CITIES: dict[str, str] = load("cities")["cities"]  # canonical name -> "other | names" (data/cities.toml)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The city automaton, built once per process."""
    gaz = Gazetteer()
    for canonical, others in CITIES.items():
        for name in [canonical, *others.split("|")]:
            if name.strip():
                gaz.add(name.strip(), canonical, capitalised=True)
    return gaz


def find_places(text: str) -> list[str]:
    """Canonical names of the cities `text` mentions, in order of first mention."""
    return list(dict.fromkeys(value for _, _, value in place_mentions(text)))


# The terms of the Dublin regulation ("Dublin-Staat", "État Dublin", "Stato Dublino", "Dublin procedure",
# "Schengen/Dublin") name a system of asylum rules, not the city. A city in a treaty's name ("Accord
# d'Istanbul", "Paris Agreement") still names the city: the labelling rules count a place and a capital
# in any use.
_DUBLIN_TERMS = (r"(?:staat(?:es|s)?|états?|stato|stati|verfahren|procédures?|procedura|procedures?|fälle|cases|"
                 r"verordnung|règlement|regolamento|regulation|system|système|sistema|abkommen|accord|accordo|"
                 r"agreement|assoziierung|association|associazione|zusammenarbeit|coopération|cooperazione|"
                 r"cooperation|raum|espace|spazio|area)")
_DUBLIN_AFTER = re.compile(r"(?:-|\s)" + _DUBLIN_TERMS + r"\b", re.IGNORECASE)
_DUBLIN_BEFORE = re.compile(r"(?:\b" + _DUBLIN_TERMS + r"\s+(?:di\s+|de\s+|von\s+|of\s+|d['’]\s*)?|"
                            r"\bSchengen\s*(?:/|-?\s*(?:und|and|et|e)\s+))$", re.IGNORECASE)


def names_the_dublin_system(text: str, start: int, end: int) -> bool:
    """The word at text[start:end] (Dublin) names the Dublin asylum regulation, not the city."""
    if fold(text[start:end]) not in ("dublin", "dublino"):
        return False
    return bool(_DUBLIN_AFTER.match(text, end) or _DUBLIN_BEFORE.search(text[max(0, start - 30):start]))


def place_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of every mention of a city in `text`, in order."""
    out = []
    for m in gazetteer().find(text):
        written = text[m.char_start:m.char_end]
        if names_the_dublin_system(text, m.char_start, m.char_end):
            continue
        if " " not in written and (is_given_name(written) or fold(written) in _GIVEN_NAME_CITIES) \
                and _SURNAME_AFTER.match(text, m.char_end):
            continue  # "Florence Muster" is a person
        out.append((m.char_start, m.char_end, m.value))
    return out


# Cities whose names are also common given names, some of them not in the given-name table (where
# they would make "Florence Cathedral" a person): before a surname they are a person's name.
_GIVEN_NAME_CITIES = {"florence", "sofia", "victoria", "santiago", "adelaide", "charlotte", "austin", "regina",
                      "georgetown", "lorraine", "valencia", "jackson", "orlando", "eugene", "florenz"}
_SURNAME_AFTER = re.compile(r" (?!(?:und|and|et|e|y|de|di)\b)[A-ZÄÖÜÉÈ][a-zäöüéèàç][\w\-]*(?! [a-zäöü]*(?:stadt|city))")


def tag_places(doc: Communique) -> Communique:
    """Set `doc.places` from the title and text, and write the dateline with places' canonical names.

    The dateline is not a place the text mentions: it stays out of `doc.places`.
    """
    doc.places = find_places(f"{doc.title}\n{doc.text}")
    if doc.dateline:
        doc.dateline = canonical_dateline(doc.dateline)
    return doc


def canonical_dateline(dateline: str) -> str:
    """Every known place in a dateline under its canonical name: "Berna/Zurigo" → "Bern/Zurich",
    "Zürich-Reckenholz" → "Zurich-Reckenholz"; other words as written."""
    parts, at = [], 0
    for match in gazetteer().find(dateline):  # every place: a dateline names no treaty and no person
        parts += [dateline[at:match.char_start], match.value]
        at = match.char_end
    return " ".join("".join(parts + [dateline[at:]]).split())


# The country each place lies in. It is looked up, never added to `doc.countries`:
# naming a city is not naming its country (the labelling rules of dev-gold).
PLACE_COUNTRY = {
    **dict.fromkeys(["Bern", "Zurich", "Geneva", "Basel", "Lausanne", "Lucerne", "Lugano", "St. Gallen", "Winterthur",
                     "Fribourg", "Neuchâtel", "Sion", "Chur", "Bellinzona", "Davos"], "CH"),
    **dict.fromkeys(["Berlin", "Munich", "Hamburg", "Frankfurt", "Cologne", "Stuttgart", "Bonn"], "DE"),
    **dict.fromkeys(["Paris", "Lyon", "Marseille", "Strasbourg"], "FR"),
    **dict.fromkeys(["Rome", "Milan", "Turin", "Naples", "Venice", "Florence"], "IT"),
    **dict.fromkeys(["London", "Manchester", "Edinburgh"], "GB"),
    **dict.fromkeys(["Washington", "New York", "Los Angeles", "Chicago", "San Francisco"], "US"),
    **dict.fromkeys(["Moscow", "Saint Petersburg"], "RU"), **dict.fromkeys(["Kyiv", "Kharkiv", "Odesa"], "UA"),
    **dict.fromkeys(["Istanbul", "Ankara"], "TR"), **dict.fromkeys(["Beijing", "Shanghai"], "CN"),
    **dict.fromkeys(["New Delhi", "Mumbai"], "IN"), **dict.fromkeys(["Jerusalem", "Tel Aviv"], "IL"),
    **dict.fromkeys(["Ottawa", "Montreal", "Toronto"], "CA"), **dict.fromkeys(["Brasília", "São Paulo", "Rio de Janeiro"], "BR"),
    **dict.fromkeys(["Sydney", "Canberra"], "AU"), **dict.fromkeys(["Mexico City", "Monterrey"], "MX"),
    **dict.fromkeys(["Dubai"], "AE"), "Vienna": "AT", "Dublin": "IE", "Brussels": "BE", "Amsterdam": "NL",
    "The Hague": "NL", "Luxembourg": "LU", "Madrid": "ES", "Barcelona": "ES", "Lisbon": "PT", "Warsaw": "PL",
    "Prague": "CZ", "Budapest": "HU", "Stockholm": "SE", "Helsinki": "FI", "Oslo": "NO", "Copenhagen": "DK",
    "Athens": "GR", "Hong Kong": "HK", "Tokyo": "JP", "Seoul": "KR", "Tehran": "IR", "Gaza": "PS", "Beirut": "LB",
    "Damascus": "SY", "Baghdad": "IQ", "Cairo": "EG", "Riyadh": "SA", "Doha": "QA", "Nairobi": "KE",
    "Addis Ababa": "ET", "Johannesburg": "ZA", "Lagos": "NG", "Buenos Aires": "AR", "Bogotá": "CO", "Vaduz": "LI",
    "Minsk": "BY", "Tbilisi": "GE", "Pristina": "XK",
}


def place_country(place: str) -> str | None:
    """ISO code of the country a canonical place name lies in, or None."""
    return PLACE_COUNTRY.get(place)
