"""Organisation tagging: alias tables, acronym definitions and headline outlets.

Three sources, best first:
- the multilingual alias tables in `_organisation_names` (international
  bodies, Swiss federal institutions, widely known companies and outlets):
  every alias maps to one canonical name, "OTAN", "НАТО" → "NATO";
- acronym definitions written in the text, "Bundesamt für X (BX)": the
  long form is the value and a later "BX" is the same entity;
- names built the way organisations are named (`_named_bodies`): a head
  word and its complement in each language, "Institut für Beispielkunde",
  "Office fédéral de la pêche", "Northern Water Council", "Beispiel AG";
  an embassy, a cantonal parliament, a quoted name defined by an acronym;
- the outlet a news headline ends with ("… - Daily Planet") and web outlet
  names ("Example.ru").
`canonical` maps any written name to its facet key, so that callers (and
`archive evaluate`) compare organisations as entities, not spellings.
"""
from __future__ import annotations

import functools
import re

from indexer.analysis._organisation_names import (HEADS_DE_DIRECT, HEADS_DE_FUR, HEADS_FIRST_ONLY, HEADS_LAST,
                                                  HEADS_ROMANCE, INTERNATIONAL, LABELS, SWISS,
                                                  WELL_KNOWN)
from indexer.analysis.acronyms import find_definitions, schwartz_hearst
from indexer.analysis.fold import fold
from indexer.analysis.gazetteer import Gazetteer, tokens_of
from indexer.analysis.roles import is_given_name, is_role
from indexer.model import Communique

ORGANISATIONS = {**INTERNATIONAL, **SWISS, **WELL_KNOWN}
# Chambers whose name is also a member's title: "Bundesrat Max Muster" is a person.
_TITLE_BODIES = {"Federal Council", "National Council", "Council of States"}
# "… - Outlet" at the end of a headline (news-feed style), on the first line.
_HEADLINE_OUTLET = re.compile(r"\s[-–—|]\s+([^\n\-–—|]{2,60})\s*$")
_DOMAIN_NAME = re.compile(r"(?<![\w@/.])([A-Za-zА-Яа-яЁё][\w\-]*\.(?:com|net|org|ru|ua|pl|de|fr|it|es|tr|nl|info|io|рф|ру))"
                          r"(?![\w/])")
_BRACES = re.compile(r"\{([^{}]*)\}")


def _expand(alias: str):
    from indexer.analysis._country_words import expand

    for phrase, options in expand(alias):
        if _BRACES.search(phrase):  # a second {…} group
            yield from _expand(("=" if options.get("case_sensitive") else "") + phrase)
        else:
            yield phrase, options


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The organisation automaton, built once per process."""
    gaz = Gazetteer()
    for canonical, aliases in ORGANISATIONS.items():
        for alias in [canonical, *aliases.split("|")]:
            for phrase, options in _expand(alias.strip()):
                if phrase == canonical and canonical.isupper():
                    options = {**options, "case_sensitive": True}
                options.setdefault("capitalised", not phrase.startswith("ال"))
                prefixes = ("و", "ب", "ل", "ف") if phrase.startswith("ال") else ()
                gaz.add(phrase, canonical, prefixes=prefixes, **options)
    return gaz


def _whole(text: str) -> str | None:
    tokens = tokens_of(text)
    for m in gazetteer().find(tokens):
        if m.start == 0 and m.end == len(tokens):
            return m.value
    return None


@functools.lru_cache(maxsize=4096)
def canonical(name: str) -> str:
    """The facet key of an organisation name: the table's canonical name, else the name folded.

    "Long Form (ACR)" is one entity: the canonical name of either part, else
    the folded long form.
    """
    name = " ".join(name.split())
    m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
    parts = [name] + ([m.group(1), m.group(2)] if m else [])
    for part in parts:
        value = _whole(part)
        if value is not None:
            return value
    # "Committee on the Rights of …" and "Committee on Rights of …" (a headline's style) are one body
    key = " ".join(w for w in fold(parts[1] if m else name).split() if w != "the")
    return re.sub(r"^(\w+e)[nrs] ", r"\1 ", key)  # "Eidgenössischen Kommission …" is "Eidgenössische …"


def _is_title(text: str, end: int) -> bool:
    """A capitalised name right after the match ("Bundesrat Max Muster", "Ständerat Muster")."""
    return re.match(r" [A-ZÄÖÜÉ][\w\-]+", text[end:end + 40]) is not None


# "Reuters: SWIW, Bloomberg: SWIT": an outlet's name before a ticker code names a quote, not the outlet.
_TICKER_AFTER = re.compile(r"\s?:\s*[A-Z0-9][A-Z0-9.=/]{1,11}\b(?![a-z])")


def _table_matches(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in gazetteer().find(text):
        if m.value in _TITLE_BODIES and _is_title(text, m.char_end):
            continue
        if _TICKER_AFTER.match(text, m.char_end):
            continue
        out.append((m.char_start, m.char_end, m.value))
    return out


def _outlets(text: str) -> list[tuple[int, str]]:
    out = []
    first_line = text.lstrip().split("\n", 1)[0]
    m = _HEADLINE_OUTLET.search(first_line)
    if m and len(first_line) > 30:
        name = m.group(1).strip()
        domain = _DOMAIN_NAME.search(name)
        if domain:
            name = domain.group(1)
        place = re.search(r"\s*\([^()]{2,30}\)$", name)
        if place and not domain:  # "… - La Capital (Rosario)": the outlet and its town
            name = name[:place.start()]
        words = name.split()
        # a capital, a digit or a short word ("O Globo", "de"); a script without capitals has only names
        # to go by, so fewer words ("- مصر اليوم", "- 日本経済新聞", "- 이데일리")
        cased = any(w[:1].isupper() or w[:1].islower() for w in words)
        if domain or len(words) <= (5 if cased else 3) and all(
                not w[:1].islower() and (w[:1].isalnum() or len(w) <= 3) or len(w) <= 3 for w in words):
            out.append((text.find(name), name))
    for m in _DOMAIN_NAME.finditer(text):
        if m.group(1)[:1].isupper():
            out.append((m.start(), m.group(1)))
    return out


def find_organisations(text: str) -> list[str]:
    """Organisations `text` names, each once (by `canonical`), in order of first mention."""
    seen: dict[str, str] = {}
    for _, _, value in organisation_mentions(text):
        seen.setdefault(canonical(value), value)
    keys = list(seen)
    # "Ambassade de Suisse" and "Ambassade de Suisse à Bagdad" in one text are one embassy
    # "Beispiel AG" and "Verlag Beispiel AG": the longer form took a noun before the company's name
    return [seen[k] for k in keys if k in ORGANISATIONS or not any(
        o.startswith(k + " ") or k.endswith(" " + o) and o.split()[-1] in _COMPANY_KEYS for o in keys)]


def organisation_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every mention of an organisation in `text`, in order; the name is the
    table's or the long form's where one is known ("BFS" → "FSO")."""
    found: list[tuple[int, int, str]] = []
    spans = []
    for d in find_definitions(text):
        value = _whole(d.long_form) or _whole(d.acronym)
        end = d.end + len(d.acronym) + 2
        if value is None:  # a body the tables lack: its parts are no mentions of their own
            start, value = _trim_definition(d.start, d.long_form)
            if value is None:
                continue
            spans.append((start, end))
            found.append((start, end, value))
        else:
            spans.append((d.start, end))
            found.append((d.start, end, value))
    table = _table_matches(text)
    for start, end, name in _named_bodies(text):
        inner = [(a, b) for a, b, _ in table if start <= a and b <= end and (a, b) != (start, end)]
        if any(a < end and start < b for a, b, _ in table) and not (inner and all(
                _is_acronym(text[a:b]) for a, b in inner)):
            continue  # the tables know better ("Federal Department of …" is no "Department of …")
        if not any(a <= start < b for a, b in spans):
            known = _KNOWN_AFTER.match(text, end)
            if known and _whole(known.group(1)):  # "Istituto per … (Eawag)" is Eawag
                name, end = _whole(known.group(1)), known.end()
            spans.append((start, end))
            found.append((start, end, name))
    found += [(a, b, value) for a, b, value in table if not any(x <= a < y for x, y in spans)]
    found += [(at, at + len(name), name) for at, name in _outlets(text)]
    found += [(a, b, name) for a, b, name in _japanese_bodies(text) if not any(x <= a < y for x, y, _ in found)]
    return sorted(found, key=lambda x: x[0])


_ARTICLE = r"(?:(?:the|The|le|Le|la|La|les|Les|l['’]|L['’]|der|Der|die|Die|das|Das|il|Il|lo|gli|el|El)\s?)"
_CAP = r"(?:(?:St\.|San|Santa|Saint|Sankt) )?[A-ZÄÖÜÉÈÀÂÎÔÇ][\w’'&\-]*"
_LOW = r"[a-zàâçéèêëîïôûùüÿñæœáíóúãõìò]+"
_CITY = rf"{_CAP}(?: {_CAP})?"
_COMPANY = r"(?:SAPI de CV|S\.A\.(?: de C\.V\.)?|SA de CV|S\.p\.A\.|SpA|S\.r\.l\.|Srl|SA|AG|GmbH|Ltd|Inc\.)"
_ADJ_DE = r"(?:(?!(?:die|der|den|dem|des|das|eine|einer|einen|einem|eines|seine|ihre)\s)[a-zäöü]{2,}(?:e|en|er|es)\s)"
_NAME_DE = rf"{_ADJ_DE}?{_CAP}(?:(?:,\s|\sund\s){_ADJ_DE}?{_CAP})*"
_NOT_ADJ_DE = r"(?!(?:Die|Der|Das|Den|Dem|Des|Eine|Einer|Eines|Einem|Einen|Diese|Dieser|Dieses|Diesem|Jede|Jeder|" \
              r"Jedes|Seine|Seiner|Ihre|Ihrer|Unsere|Unserer|Neue|Neuen|Andere|Anderen|Weitere|Welche|Solche)\b)"
_ADJ_ROMANCE = r"(?:ique|iques|ale|ales|aux|el|elle|els|elles|aire|aires|ile|iles|ien|ienne|al|ico|" \
               r"ica|ici|iche|ivo|iva|ivi|ive|if|ifs|ario|aria|ari|arie|ese|esi|ais|aise|ois|oise|ero|era|eri|ere|" \
               r"ère|ères|ée|ées|ato|ata|ati|ate|ado|ada|ados|adas|ista|iste)"
_PREP_ROMANCE = r"(?:de la |de l['’]|de los |de las |de |du |des |d['’]|della |dello |dell['’]|delle |degli |dei |" \
                r"del |di |à la |à l['’]|aux |au |pour la |pour l['’]|pour les |pour |per la |per il |per l['’]|" \
                r"per i |per le |per |sur la |sur les |sulla |sulle |sui |da |do |dos |das |para (?:la |el |o |a )?)"
_SEGMENT = rf"{_PREP_ROMANCE}(?!(?:le|la|les|il|lo|un|une|uno|una|el|los|las|i|gli)\b|(?:{HEADS_ROMANCE})\b|[A-Z]{{2}})(?:{_LOW}|{_CAP})(?: (?=\w{{5}}){_LOW}{_ADJ_ROMANCE}\b)?"


def _first_words(alternation: str) -> tuple[str, ...]:
    """The word each alternative of a regular expression's alternation begins with ("Office fédéral|Secrétariat
    d['’]État" → "Office", "Secrétariat")."""
    return tuple(dict.fromkeys(re.match(r"[^\W\d_]+", a).group() for a in alternation.split("|")))  # type: ignore[union-attr]


# (words one of which a text must hold for the pattern to match: a cheap test first; None: always run it,
#  words with which every match begins: the pattern is tried only where one does, None: read the whole text,
#  pattern)
_PATTERNS: list[tuple[tuple[str, ...] | None, tuple[str, ...] | None, re.Pattern]] = [
    # "Institut für Beispielkunde", "Eidgenössische Kommission für Kinder- und Jugendfragen"
    ((" für ",), None,
     re.compile(rf"\b{_NOT_ADJ_DE}(?:[A-ZÄÖÜ][a-zäöü]+(?:e|en|er|es) )?(?:{HEADS_DE_FUR})(?:e?s)? für {_NAME_DE}")),
    # "Abteilung Klima", "Direktionsbereich Biologische Vielfalt", "Universität Beispielstadt"
    (None, _first_words(HEADS_DE_DIRECT), re.compile(rf"\b(?:{HEADS_DE_DIRECT})(?:e?s)? (?:[A-ZÄÖÜ][a-zäöü]+(?:e|en|er|es) )?{_CAP}(?: und {_CAP})?")),
    # "Office fédéral de la pêche et des lacs", "Fondation Beispiel", "Istituto per la ricerca …"
    (None, _first_words(HEADS_ROMANCE), re.compile(rf"\b(?:{HEADS_ROMANCE})(?: {_LOW}{_ADJ_ROMANCE}\b)?(?: (?:et |e |y |and )?{_SEGMENT}|, (?=d)(?:{_SEGMENT}))+")),
    (None, _first_words(HEADS_ROMANCE), re.compile(rf"\b(?:{HEADS_ROMANCE}) (?![A-Z]{{2}}){_CAP}(?: {_CAP}){{0,2}}(?:,? {_COMPANY})?"
               rf"(?! (?:de|di|del|della|des|du|da|do|d['’]|[A-Z]))(?=[ \n][a-zàâçéèêëîïôûùüÿñ]|[\n,.;:)]|$)")),
    # "Parti communiste vietnamien", "Partito democratico": a party is named by what it stands for
    (("Parti",), None,
     re.compile(rf"\b(?:Parti|Partito|Partido) {_LOW}(?:-{_LOW})?(?:{_ADJ_ROMANCE}|iste|ista|ano|ana|ien|ienne)\b"
               rf"(?: (?!(?:de|di|del|des|du|e|et|y|a|à|in|en)\b){_LOW}(?:{_ADJ_ROMANCE}|ano|ana|ien|ienne)\b)?")),
    # "Eidgenössischer Jodlerverband", "des Eidgenössischen Turnvereins": a federal association's name
    (("Eidgenössisch",), None,
     re.compile(r"\bEidgenössisch(?:e[nrs]?)? [A-ZÄÖÜ][a-zäöü]{2,}(?:verband|verein|bund|gesellschaft|akademie)"
               r"(?=(?:e?s)?\b)")),
    # embassies and cantonal parliaments and governments
    (("mbassade ",), None,
     re.compile(rf"\b[Aa]mbassade (?:de |d['’]|du |des )(?:la |l['’])?{_CAP}(?: à {_CITY})?")),
    (("mbasciata ",), None,
     re.compile(rf"\b[Aa]mbasciata (?:di |d['’]|del |della |dell['’]|degli )?{_CAP}(?: (?:a|ad) {_CITY})?")),
    (("mbassy of ",), None,
     re.compile(rf"\b[Ee]mbassy of {_CAP}(?: in {_CITY})?")),
    (("otschaft in ", "mbassy in "), None,
     re.compile(rf"\b(?:Schweizer(?:ische[nr]?)? [Bb]otschaft|Swiss [Ee]mbassy) in {_CITY}")),  # which one, else none
    (None, ("Gran", "Consiglio", "Grand", "Conseil", "Grosse", "Regierungsrat", "Kantonsrat"),
     re.compile(rf"\b(?:Gran Consiglio|Consiglio di Stato|Grand Conseil|Conseil d['’]État|Grosse[rn]? Rat(?:es)?|"
               rf"Regierungsrat(?:es)?|Kantonsrat(?:es)?) (?:del [Cc]antone (?:di |del |dei |d['’])?|"
               rf"du canton (?:de |du |d['’])|des Kantons ){_CAP}")),
]
_ABBR = r"(?:(?:(?<=Inc)|(?<=Corp))\.)?"
_CHAIN = re.compile(rf"{_CAP}{_ABBR}(?: (?:(?:of|for|on|against|de|du|des)(?: the)?|and|&) {_CAP}{_ABBR}| {_CAP}{_ABBR})*")
_CAMPUS = re.compile(rf", ({_CAP})(?= and |[ ,.;:)]|$)(?! {_CAP})")
_GOES_ON = re.compile(rf" in {_CAP}")  # "Centre of Competence in Research …": where the name ends is unclear
# Words that only describe a company before its name ("the Appenzell firm Beispiel AG")
_DESCRIPTORS = {"firma", "unternehmen", "konzern", "hersteller", "start-up", "startup", "company", "firm",
                "societe", "entreprise", "ditta", "azienda", "societa"}
# Names made only of these and a head are common nouns ("the Armed Forces", "the Federal Office")
_GENERIC = {"armed", "federal", "national", "state", "central", "executive", "supervisory", "advisory",
            "scientific", "regional", "local", "joint", "steering", "standing", "special", "select",
            "administrative", "governing", "new", "european", "international", "global", "swiss"}
_COMPANY_HEADS = {"Inc.", "Ltd", "GmbH", "AG", "LLC", "plc", "Corp.", "Tbk", "Sàrl"}
_COMPANY_KEYS = {fold(h).strip(".") for h in _COMPANY_HEADS}
_OTHER_LANGUAGE_GOES_ON = re.compile(r" (?:für|zur|zum|de|di|du|des|del|della|pour|per) ")
_AARGAU = re.compile(r"(?:\b(?:in|nach|aus|von|bei|ab|vom|am|Lager|Gemeinde|Dorf|Stadt)|\d{4}) $")
_KNOWN_AFTER = re.compile(r" ?\(([^()]{2,40})\)")
_CONNECTORS = {"of", "for", "on", "against", "de", "du", "des", "and", "&", "the"}
_NOT_STARTS = {
    "the", "a", "an", "this", "that", "these", "those", "each", "every", "our", "its", "their", "his", "her", "your",
    "any", "all", "both", "such", "another", "other", "in", "on", "at", "for", "and", "by", "with", "from", "to",
    "as", "if", "but", "when", "while", "after", "before", "during", "since", "under", "over", "within", "between",
    "some", "many", "most", "several", "le", "la", "les", "der", "die", "das", "den", "dem", "des", "il", "el", "dans",
    "zur", "zum", "im", "am", "beim", "vom", "und", "et", "e", "of", "how", "why", "what", "where", "who", "new",
    "lorsque", "quand", "wenn", "als", "mais", "aber", "pour", "par", "avec", "mit", "nachdem", "dass", "que",
    "qui", "che", "dopo", "sur", "du", "della", "del",
}
_TREATIES = re.compile(r"^(?:Convention|Konvention|Übereinkommen|Abkommen|Agreement|Treaty|Accord|Accordo|Convenzione|"
                       r"Pacte|Pact|Protocol|Protokoll|Charter|Charta|Charte|Declaration|Erklärung|Déclaration|"
                       r"Dichiarazione|Act|Gesetz|Loi|Legge|Regulation|Verordnung|Directive|Richtlinie|Strategy|"
                       r"Strategie|Stratégie|Programme|Program|Programm|Plan|Initiative|"
                       # statistics, indices, reports and systems are defined by acronyms too
                       r"\w*[Ii]ndex|Indice|\w*[Ss]tatisti\w*|Survey|Erhebung|Enquête|Indagine|Report|Bericht|"
                       r"Rapport|Rapporto|Konzept|Concept|System|Système|Sistema)\b")
_QUOTED_DEFINITION = re.compile(rf"[«“\"] ?({_CAP}(?: (?:(?:of|for|on|and|de|du|des|für|und)(?: the)? )?{_CAP}){{1,8}})"
                                rf" ?[»”\"] ?\(([A-Z][A-Z0-9\-]+)\)")


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


def _is_acronym(written: str) -> bool:
    return written.isupper() and len(written) <= 5


def _trim_definition(start: int, long_form: str) -> tuple[int, str | None]:
    """A defined long form without a role before it ("Direktorin der …"); None for a treaty or a law."""
    m = re.match(r"(\S+) (?:der|des|of the|du|de la|della|del) (?=[A-ZÉ])", long_form)
    if m and is_role(m.group(1)):
        start, long_form = start + m.end(), long_form[m.end():]
    return start, None if _TREATIES.match(long_form) else long_form


_NON_SPACE = re.compile(r"\S+")


def _chain_names(text: str):
    """English-style names in a run of capitalised words: "Northern Water Council", "Ministry of Ports"."""
    for chain in _CHAIN.finditer(text):
        if HEADS_LAST.isdisjoint(_NON_SPACE.findall(chain.group())):
            continue  # most runs (people, sentences' first words): no name's head, nothing to find
        words = list(_NON_SPACE.finditer(chain.group()))
        i = 0
        while i < len(words):
            if words[i].group().lower() in _NOT_STARTS or words[i].group().isupper() and len(words[i].group()) > 1 \
                    and i + 1 < len(words) and words[i + 1].group() in _CONNECTORS:
                i += 1
                continue
            head = next((h for h in range(i, len(words)) if words[h].group() in HEADS_LAST
                         and (h + 1 == len(words) or words[h + 1].group() in ("of", "for", "on", "and", "&")
                              or words[h + 1].group()[:1].isupper())), None)
            if head is None:
                break
            joins = [j for j in range(i, head) if words[j].group() in ("of", "for", "on", "du", "des", "de")
                     or words[head].group() in _COMPANY_HEADS and words[j].group() in ("and", "&")]
            if joins:  # "Head of the Beispiel Laboratory", "Anna Muster of the Beispiel Center"
                i = joins[-1] + 1 + (words[joins[-1] + 1].group() == "the")
            firm = [j for j in range(i, head) if fold(words[j].group()) in _DESCRIPTORS
                    or _possessive(words[j].group())]  # "the Examplian firm Beispiel AG", "PSI's Centre …"
            if firm:
                i = firm[-1] + 1
            end, extended = head, False
            if head + 1 < len(words) and words[head + 1].group() in ("of", "for", "on"):
                extended = True
                end = head + 1
                while end + 1 < len(words) and not (is_role(words[end + 1].group())
                                                    or is_given_name(words[end + 1].group())):
                    end += 1
            while words[end].group() in _CONNECTORS:
                end -= 1
            caps = [w.group() for w in words[i:end + 1] if w.group() not in _CONNECTORS]
            a, b = chain.start() + words[i].start(), chain.start() + words[end].end()
            campus = _CAMPUS.match(text, b) if caps[0] == "University" and end == len(words) - 1 else None
            if campus:  # "University of Examplia, Northtown"
                b = campus.end(1)
            if words[end].group() == "AG" and end - i == 1 and _AARGAU.search(text[max(0, a - 12):a]):
                i = end + 1  # "das Lager in Beispielwil AG": a village in the canton of Aargau
                continue
            if len(caps) >= 2 and (extended or words[head].group() not in HEADS_FIRST_ONLY or head > i) \
                    and (extended or not all(c.isupper() for c in caps[:-1])) \
                    and not (extended and _GOES_ON.match(text, b)) \
                    and not (not extended and _OTHER_LANGUAGE_GOES_ON.match(text, b)) \
                    and not all(fold(c) in _GENERIC or c.isupper() for c in caps[:-1]):
                elided = re.match(r"[LlDd]['’](?=[A-Z])", text[a:b])
                yield a + (elided.end() if elided else 0), b, text[a:b][elided.end() if elided else 0:]
            i = end + 1


def _named_bodies(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of names shaped like an organisation's, longest first where they overlap."""
    starts = _word_starts(text)
    found = list(_chain_names(text)) if starts.get(_HEADS_LAST_KEY) else []
    for i, (needs, begins, pattern) in enumerate(_PATTERNS):
        if needs is not None and not any(word in text for word in needs):
            continue
        for m in pattern.finditer(text) if begins is None else _matches_at(pattern, text, starts.get(i, ())):
            name = m.group()
            if ", " in name and not re.search(rf", [^,]* (?:und|et|e|and|y) |, {_COMPANY}$", name):
                name = name.split(", ")[0]  # "für Gesundheit, Bern": a list needs its "und"
            found.append((m.start(), m.start() + len(name), name))
    for m in _QUOTED_DEFINITION.finditer(text):
        if schwartz_hearst(m.group(1), m.group(2)) == 0 and HEADS_LAST & set(m.group(1).split()):
            found.append((m.start(1), m.end(1), m.group(1)))
    out: list[tuple[int, int, str]] = []
    reach = 0  # the furthest end of those kept: all began before (the list is sorted by start)
    for start, end, name in sorted(found, key=lambda f: (f[0], -f[1])):
        if start >= reach:
            out.append((start, end, re.sub(r"^(\w+?)e?s\b(?= )", _drop_genitive, name)))
            reach = max(reach, end)
    return out


_HEADS_LAST_KEY = -1


@functools.lru_cache(maxsize=1)
def _start_words():
    """One automaton of the words the patterns begin with (by pattern number) and of `HEADS_LAST`."""
    import ahocorasick

    keys: dict[str, set[int]] = {}
    for i, (_, begins, _) in enumerate(_PATTERNS):
        for word in begins or ():
            keys.setdefault(word, set()).add(i)
    for word in HEADS_LAST:
        keys.setdefault(word, set()).add(_HEADS_LAST_KEY)
    automaton = ahocorasick.Automaton()
    for word, numbers in keys.items():
        automaton.add_word(word, (len(word), tuple(numbers)))
    automaton.make_automaton()
    return automaton


def _word_starts(text: str) -> dict[int, set[int]]:
    """Where the start words of each pattern occur in `text` (pattern number → offsets), in one pass."""
    found: dict[int, set[int]] = {}
    for end, (length, numbers) in _start_words().iter(text):
        for number in numbers:
            found.setdefault(number, set()).add(end - length + 1)
    return found


def _matches_at(pattern: re.Pattern, text: str, offsets) -> list[re.Match]:
    """`pattern.finditer(text)` for a pattern that can only match at `offsets` (where the words it begins
    with occur): the same matches, the text read only there."""
    out, reach = [], 0
    for at in sorted(offsets):
        if at >= reach:
            m = pattern.match(text, at)
            if m is not None:
                out.append(m)
                reach = m.end()
    return out


def _drop_genitive(m: re.Match) -> str:
    """"des Kernkraftwerks Beispiel" names the "Kernkraftwerk Beispiel"."""
    word = m.group()
    for head in (HEADS_DE_DIRECT + "|" + HEADS_DE_FUR).split("|"):
        if word in (head + "s", head + "es"):
            return head
    return word


# Japanese writes a compound noun as one run of kanji and katakana between kana and punctuation; a run
# that ends in one of these heads is a body's name ("グロービス経営大学院", "東京大学", "日本経済新聞社").
_JA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff\u3005]{3,16}")
_JA_HEADS = ("大学院", "大学", "新聞社", "新聞", "銀行", "研究所", "研究機構", "協会", "財団", "株式会社", "病院")
# Heads after a word that only says which kind: 国立大学 (a national university), 各大学 (each university)
_JA_KIND = {"国立", "公立", "私立", "県立", "市立", "各", "同", "本", "他", "全国", "地方", "女子", "短期", "外資系",
            "大手", "中央", "日刊", "英字", "地元", "全国紙", "主要", "一部", "海外", "国内", "民間", "中小"}


def _japanese_bodies(text: str) -> list[tuple[int, int, str]]:
    if not re.search(r"[\u3041-\u3096]", text):  # no hiragana: not Japanese (Chinese runs whole sentences)
        return []
    out = []
    for m in _JA_RUN.finditer(text):
        run = m.group()
        head = next((h for h in _JA_HEADS if run.endswith(h)), None)
        if head and len(run) - len(head) >= 2 and run[:-len(head)] not in _JA_KIND:
            out.append((m.start(), m.end(), run))
    return out


def extract_organisations(doc: Communique) -> Communique:
    """Set `doc.organisations` from the title and text."""
    doc.organisations = find_organisations(f"{doc.title}\n{doc.text}")
    return doc


def full_name(canonical_name: str) -> str:
    """The table's first written-out name of an organisation (for "FSO": "Federal Statistical Office")."""
    for alias in ORGANISATIONS.get(canonical_name, "").split("|"):
        alias = alias.strip()
        if alias and not alias.startswith("=") and "{" not in alias and "~" not in alias:
            return alias
    return canonical_name


def label(canonical_name: str, language: str) -> str:
    """What people reading in `language` call the organisation: "FOEN" is "Bundesamt für Umwelt" in
    German, "Office fédéral de l'environnement" in French; the canonical name where no label is known."""
    return LABELS.get(canonical_name, {}).get(language.split("_")[0].split("-")[0].lower(), canonical_name)


def name_issuer(doc: Communique) -> Communique:
    """One name per issuer across languages: "Office fédéral de la statistique", "Bundesamt für
    Statistik" and "Federal Statistical Office" are all "Federal Statistical Office"."""
    if doc.issuer:
        name = " ".join(doc.issuer.split())
        known = _whole(name) or _whole(_LEADING_ARTICLE.sub("", name))
        if known is not None:
            doc.issuer = full_name(known)
    return doc


# "Der Bundesrat", "The Federal Council", "Il Consiglio federale": an issuer's name with its article.
_LEADING_ARTICLE = re.compile(r"^(?:the|der|die|das|le|la|les|l['’]|il|lo|el)\s*", re.IGNORECASE)
