"""Person names: capitalised name sequences with a cue that they name a person.

A sequence of two to four capitalised words (particles such as "von", "de",
"bin" allowed inside) counts as a person when
- a role or title stands right before it ("Bundesrätin Karin Keller-Sutter",
  "the spokesperson of the presidency, Jane Doe") or an apposition with a
  role follows it ("Jane Doe, the national security adviser");
- or it starts with a common given name (`_given_names`): "Anna Muster";
- or, for a language with an installed NER model (`ner`), the model tags
  it as a person.
Scripts without capital letters (Chinese, Japanese, Korean, Arabic, Hebrew)
have their own cues (`unicased`).
Every candidate is vetoed when it overlaps a country, place or organisation
the gazetteers know ("Costa Rica", "Paris Hilton" is lost too: precision
first), holds a word that names a body ("Institute"), or is a byline or
photo credit. Surnames alone come only from parliamentary instruments
("Motion 14.4122 Muster").
"""
from __future__ import annotations

import functools
import re

from indexer.analysis import ner
from indexer.analysis.fold import fold_word as fold  # persons fold single words only
from indexer.analysis.names import person_key
from indexer.analysis.roles import is_given_name, is_role
from indexer.analysis.unicased import unicased_person_spans
from indexer.model import Communique

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")
PARTICLES = {"von", "van", "der", "den", "de", "di", "da", "del", "della", "dos", "das", "du", "bin", "ibn",
             "al", "el", "zu", "ter", "te"}
# Capitalised words that start or are no names.
NOT_NAMES = {"the", "le", "la", "les", "der", "die", "das", "il", "lo", "el", "los", "las", "un", "une", "ein",
             "eine", "in", "en", "im", "am", "on", "at", "for", "and", "und", "et", "mit", "with", "avec", "per",
             "dans", "nel", "nella", "bei", "beim", "this", "that", "dieser", "diese", "ce", "cette", "questo",
             "a", "au", "aux", "des", "du", "dem", "den", "des", "zu", "zur", "zum", "von", "vom", "al", "alla",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# A name made of these is a state or a body, not a person ("Republic of Kenya").
NOT_NAME_WORDS = {"republic", "republique", "republik", "repubblica", "republica", "kingdom", "royaume", "regno",
                  "reino", "konigreich", "federation", "confederation", "association", "abteilung", "conseil",
                  "council", "department", "departement", "office", "confederazione", "confederacion",
                  "eidgenossenschaft", "university", "universitat", "institute",
                  "institut", "bank", "banque", "commission", "kommission", "committee", "agency", "foundation",
                  # places, buildings, prizes and bodies named after a person ("Paul Klee Zentrum")
                  "zentrum", "center", "centre", "centro", "museum", "musee", "museo", "stiftung", "fondation",
                  "fondazione", "fundacion", "fund", "fonds", "fondo", "preis", "prize", "prix", "premio", "award",
                  "medal", "medaille", "cup", "trophy", "school", "schule", "ecole", "scuola", "college", "gymnasium",
                  "hospital", "spital", "hopital", "ospedale", "strasse", "street", "rue", "via", "platz", "square",
                  "place", "piazza", "park", "hall", "halle", "haus", "house", "airport", "flughafen", "aeroport",
                  "stadium", "stadion", "stade", "bridge", "brucke", "pont", "tower", "turm", "hotel", "station",
                  "bahnhof", "gare", "church", "kirche", "eglise", "chiesa", "lab", "labor", "laboratory",
                  "laboratoire", "laboratorio", "group", "gruppe", "groupe", "gruppo", "union", "partei", "party",
                  "parti", "partito", "club", "verein", "society", "gesellschaft", "societe", "societa", "company",
                  "forum", "summit", "gipfel", "conference", "konferenz", "programme", "program", "programm",
                  "project", "projekt", "projet", "progetto", "initiative", "iniziativa", "act", "gesetz", "loi",
                  "legge", "law", "treaty", "vertrag", "convention", "strategy", "strategie", "network",
                  "netzwerk", "reseau", "rete", "alliance", "allianz", "hub", "team", "festival", "day", "tag",
                  "week", "woche", "year", "jahr", "news", "times", "post", "zeitung", "journal", "gazette",
                  "ag", "gmbh", "sa", "inc", "ltd", "llc", "plc", "spa", "srl", "clinic", "klinik", "clinique",
                  "clinica", "kommando", "comando", "command", "board", "services", "stability", "taskforce", "task",
                  "force", "observatory", "kantonspolizei", "etat", "etats", "stato", "stati", "staat", "staaten", "monte", "mont", "lago", "lac"}
# Title-case portfolio words between a role and a name ("Minister of Foreign Affairs Anna Muster")
_PORTFOLIO_WORDS = {"foreign", "affairs", "finance", "finances", "economy", "economic", "economics", "justice",
                    "interior", "home", "defence", "defense", "health", "education", "research", "trade",
                    "industry", "energy", "environment", "transport", "agriculture", "labour", "labor", "culture",
                    "security", "armament", "armed", "forces", "development", "cooperation", "europe", "european",
                    "international", "national", "federal", "public", "social", "digital", "innovation",
                    "confederazione", "confederation", "confederaziun", "giustizia", "justiz", "human", "rights",
                    "refugees", "migration", "climate", "women", "children", "peace", "humanitarian",
                    # regions a role heads ("Regional Director Middle East and North Africa")
                    "middle", "east", "west", "north", "south", "africa", "asia", "america", "americas", "latin",
                    "pacific", "caribbean", "arctic", "central", "eastern", "western", "northern", "southern"}
# Bylines and photo credits: "Par Jane Doe" alone on a line, "Photo: Jane Doe", "© Keystone / Jane Doe".
_BYLINE = re.compile(r"^\s*(?:by|von|par|por|autor|author|auteur|autore|text|texte|testo)\s*:?\s*$", re.IGNORECASE)
_CREDIT = re.compile(r"\b(?:photos?|fotos?|bild|bilder|image|credits?|crédits?|crediti|text|texte|testo|"
                     r"autor|autorin|author|auteure?|autrice|redaktion|rédaction|redazione)\s*:|©|\bkeystone\b",
                     re.IGNORECASE)
# Parliamentary instruments name their author: "Motion 14.4122 Muster", "mozione Muster 16.3169".
_INSTRUMENT = re.compile(r"\b(?:[Mm]otion|[Mm]ozione|[Pp]ostulat|[Pp]ostulato|[Ii]nterpellation|[Ii]nterpellanza|"
                         r"[Ii]nitiative parlementaire|[Pp]arlamentarische Initiative|[Ii]niziativa parlamentare)"
                         r"(?: \d+\.\d+)? ([A-ZÄÖÜ][\w\-]+(?: [A-ZÄÖÜ][\w\-]+)?)(?= \d+\.\d+|[ ,.;:)«»\"]|$)")
ROLE_WINDOW = 60  # characters before a name in which a role may stand (same sentence)


@functools.lru_cache(maxsize=131072)
def _is_cap(word: str) -> bool:
    if not word[:1].isupper():
        return False  # most words: decided before splitting
    stem = re.split(r"['’]", word)[0]  # "FDFA's" is an acronym, "D'Agrosa" a name
    return not (len(stem) > 1 and stem.isupper())


# "der", "den" are particles only after "von"/"van" ("Ursula von der Leyen"), not in "Anpassung der Regeln"
_SECOND_PARTICLES = {"der", "den"}
# German articles and prepositions that are particles elsewhere: "Anna Muster das Forum", "Anna Muster zu Gesprächen"
_ARTICLES = {"das", "zu"}
# Endings of German abstract nouns, which runs of capitalised words are full of ("Anpassung der Regeln")
_NOUN_ENDINGS = ("ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "ismus", "nahme", "bereich", "bereichs")


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


# Where a capitalised `_WORD` may begin: a letter of the upper case (or any character outside the Basic
# Multilingual Plane, checked after) that no letter, and no joiner after a letter, stands before. Runs
# begin only there, so the words between runs are never looked at one by one.
_CAP_START = re.compile(r"(?<![^\W\d_])(?<![^\W\d_][-'’])["
                        + "".join(re.escape(c) for c in map(chr, range(0x10000)) if c.isupper())
                        + r"\U00010000-\U0010ffff]")


def _sequences(text: str):
    """Runs of capitalised words joined by single spaces; a possessive ("Empa's") ends a run. Runs of
    one word are left out where the word after shows at once that the run ends (names have two words
    or more; most capitalised words are a German noun or a sentence's first word)."""
    run: list[re.Match] = []
    pos = 0
    while True:
        if not run:  # outside any run, only a capitalised word starts one: go straight to the next
            start = _CAP_START.search(text, pos)
            if start is None:
                return
            m = _WORD.match(text, start.start())
            if m is None:  # an upper-case character that is no letter ("Ⓐ")
                pos = start.end()
            else:
                pos = m.end()
                if _is_cap(m.group()) and not _ends_alone(text, m):
                    run.append(m)
            continue
        m = _WORD.search(text, pos)
        if m is not None:
            pos = m.end()
        if _goes_on(text, run, m):
            run.append(m)
            continue
        if _finished(run):
            yield run
        run = [m] if m is not None and _is_cap(m.group()) else []
        if m is None:
            return


def _ends_alone(text: str, m: re.Match) -> bool:
    """Whether a run begun by the capitalised word `m` ends with it, seen from what follows: no single
    space and a word (`_goes_on` would say no, and the next run starts where it would have), or a
    lower-case word that is no particle (no run goes on with it, and it starts none)."""
    end = m.end()
    if text[end:end + 1] != " ":
        return True
    after = _WORD.match(text, end + 1)
    if after is None:
        return end + 1 < len(text)
    return after.group()[:1].islower() and after.group().lower() not in PARTICLES


def _goes_on(text: str, run: list[re.Match], m: re.Match | None) -> bool:
    """Whether the word `m` (None: the text's end) continues a run of capitalised words."""
    if m is None or text[run[-1].end():m.start()] != " " or run[-1].group().endswith(".") \
            or _possessive(run[-1].group()):
        return False
    word, last = m.group(), run[-1].group().lower()
    if _is_cap(word):
        # "Wahl von Stefan Muster": "von" before a given name is a preposition
        return not (is_given_name(word) and last in PARTICLES)
    lowered = word.lower()
    return lowered in PARTICLES and lowered not in _ARTICLES \
        and (lowered not in _SECOND_PARTICLES or last in ("von", "van"))


def _finished(run: list[re.Match]) -> bool:
    """Drops a run's trailing particles; whether what is left is a run to read names from."""
    while run and run[-1].group().lower() in PARTICLES:
        run.pop()
    # "John F." is cut by an initial; "Dr." and "Muster." (a sentence's end) are kept
    return bool(run) and not (len(run[-1].group()) <= 2 and run[-1].group().endswith("."))


def _end(run: list[re.Match]) -> int:
    """End of the name in a run: a sentence's full stop after the last word is no part of it."""
    last = run[-1]
    return last.end() - 1 if last.group().endswith(".") else last.end()


def _role_before(text: str, start: int) -> bool:
    before = re.split(r"[.!?\n;]", text[max(0, start - ROLE_WINDOW):start])[-1]
    words = _WORD.findall(before)
    if not words:
        return is_role(text[max(0, start - 3):start].strip())  # "M. Jean Dupont"
    if is_role(words[-1]):
        return True  # "Bundesrätin Karin Keller-Sutter"
    # a role and up to four lower-case words: "le conseiller fédéral", "the foreign minister of"
    for word in reversed(words[-5:]):
        if is_role(word):
            return True
        if not word[:1].islower():
            break
    # "le porte-parole de la présidence turque, Jane Doe": a role, then an apposition
    return before.rstrip().endswith(",") and any(is_role(w) for w in words)


_OF_WORDS = {"of", "for", "in", "fur", "de", "di", "del", "della", "du", "des", "dei", "degli", "delle", "en", "per"}


def _complement_of_role(text: str, start: int, run: list[re.Match]) -> bool:
    """"Professor of Computer Science", "Director for Process Engineering": what follows "of" after a
    role is its field or portfolio, unless it starts with a given name ("Minister of Anna Muster" is no
    phrase; "the minister of finance, Anna Muster" has its comma)."""
    before = _WORD.findall(text[max(0, start - 12):start])
    return bool(before) and fold(before[-1]) in _OF_WORDS and not is_given_name(run[0].group())


def _role_after(text: str, end: int) -> bool:
    after = text[end:end + ROLE_WINDOW]
    if not after.startswith((",", " (")):
        return False
    words = _WORD.findall(re.split(r"[.!?\n;)]", after[1:])[0])[:5]
    return any(is_role(w) for w in words)


def _body_word(folded: str) -> bool:
    """A word that names a body, also in the genitive ("des Paul Scherrer Instituts")."""
    if folded in NOT_NAME_WORDS:
        return True
    for ending in ("es", "s"):
        base = folded.removesuffix(ending)
        if base != folded and len(base) >= 6 and base in NOT_NAME_WORDS:
            return True
    return False


def _acceptable(words: list[str]) -> bool:
    folded = [fold(w).strip(".") for w in words]
    return not any(_body_word(f) or len(f) > 6 and f.endswith(_NOUN_ENDINGS) for f in folded)


def _strip_possessive(words: list[str]) -> list[str]:
    last = words[-1]
    if _possessive(last):
        return words[:-1] + [last[:-2]]
    return words


def _name_words(words: list[str]) -> int:
    return len([w for w in words if w.lower() not in PARTICLES])


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?:\n«\"“—–-"


def _after_portfolio(text: str, run: list[re.Match]) -> list[re.Match]:
    """The run from its given name on when a portfolio stands before it ("Foreign Affairs Anna Muster").

    "Ngozi Anna Muster" keeps its first name: only portfolio words, bodies and
    known entities are cut.
    """
    while run and run[0].group().lower() in PARTICLES:
        run = run[1:]
    first = next((i for i, m in enumerate(run) if is_given_name(m.group())), 0)
    if 0 < first < len(run) - 1 and any(fold(m.group()) in _PORTFOLIO_WORDS | NOT_NAME_WORDS
                                        or _known(text, m.start(), m.end()) for m in run[:first]):
        return run[first:]
    return run


# Capitalised German adjectives ("Erneuerbare Energien", "Theoretische Informatik") are no given names
_ADJECTIVE_ENDINGS = ("ische", "ischen", "liche", "lichen", "bare", "baren", "ierte", "ierten", "ale", "alen",
                      "ive", "iven", "tete", "teten", "obile", "te", "ten", "ene", "enen", "ige", "igen")
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "januar", "februar", "marz", "mai", "juni", "juli", "oktober", "dezember",
           "janvier", "fevrier", "mars", "avril", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
           "decembre", "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
           "ottobre", "dicembre"}
_DETERMINERS = r"(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|am|im|zum|zur|vom|beim|kein|keine)"


_AFTER_DETERMINER = re.compile(rf"\b{_DETERMINERS} ([^\W\d_][\w\-]*)")


@functools.lru_cache(maxsize=8)
def _text_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of `text`, and those written after a German article ("der Bilanz"), once per text."""
    return frozenset(re.findall(r"[\w\-]+", text)), frozenset(_AFTER_DETERMINER.findall(text))


def _common_noun(text: str, word: str) -> bool:
    """`word` stands after a German article somewhere in `text`: a noun, not a name."""
    return word in _text_words(text)[1]


def _name_like(text: str, run: list[re.Match]) -> bool:
    """A name a role introduces, without a known given name: no adjective first, no noun after an article."""
    words = [m.group() for m in run if m.group().lower() not in PARTICLES]
    if any(is_given_name(w) for w in words):
        return True
    if fold(words[0]).endswith(_ADJECTIVE_ENDINGS) or fold(words[-1]) in _MONTHS \
            or any(fold(w).endswith(("ische", "ischen", "ischem", "liche", "lichen", "lichem", "enem")) for w in words):
        return False
    if re.search(r"\d[\d'’.,]* $", text[max(0, run[0].start() - 12):run[0].start()]):
        return False  # "3,5 Millionen Franken", "20 Grad Celsius"
    return not any(_common_noun(text, w) for w in words)


_CREDIT_WORDS = {"bild", "foto", "photo", "gst"}


def _trim_run(text: str, run: list[re.Match]) -> list[re.Match]:
    """A run without nouns glued before its given name or after its surname.

    Before: long nouns and credits ("Chefunterhändlers Anna Muster", "Bild Anna Muster"). After: a role
    ("Anna Muster Honorarprofessor") or what follows a genitive the text also writes bare ("Anna Musters
    Forschungsgebiet" beside "Anna Muster").
    """
    first = next((i for i, m in enumerate(run) if is_given_name(m.group())), None)
    if first and len(run) - first >= 2 and all(len(m.group()) >= 9 or is_role(m.group())
                                               or fold(m.group()) in _CREDIT_WORDS for m in run[:first]):
        run = run[first:]
    for i in range(1, len(run)):
        word = run[i].group()
        if i >= 2 and (is_role(word) or fold(word).endswith(("professor", "professorin"))):
            return run[:i]
        if i + 1 < len(run) and word.endswith("s") and word[:-1] in _text_words(text)[0]:
            return run[:i]
    return run


def _only_portfolio(run: list[re.Match]) -> bool:
    return all(fold(m.group()).strip(".") in _PORTFOLIO_WORDS for m in run)


def _role_candidates(text: str, run: list[re.Match]):
    """(start, end) of the name in a run that a role or title introduces, if any."""
    words = [m.group() for m in run]
    roles = [i for i, w in enumerate(words) if is_role(w)]
    if roles:  # a role word glued to the name ("Bundesrätin Karin Keller-Sutter") is no part of it
        run = _trim_run(text, _after_portfolio(text, run[roles[-1] + 1:]))
        if _only_portfolio(run):
            return  # "Regional Director Middle East": a region, no name
        if run and 2 <= _name_words([m.group() for m in run]) <= 4 and _name_like(text, run):
            yield run[0].start(), _end(run)
        return
    while run and fold(run[0].group()) in NOT_NAMES:
        run = run[1:]
    if _only_portfolio(run):
        return  # "Minister of Foreign Affairs", "High Commissioner for Human Rights": a portfolio, no name
    run = _trim_run(text, _after_portfolio(text, run))
    if run and 2 <= _name_words([m.group() for m in run]) <= 4 and _name_like(text, run):
        start, end = run[0].start(), _end(run)
        if _role_before(text, start) and not _complement_of_role(text, start, run) or _role_after(text, end):
            yield start, end


def _given_name_candidates(text: str, run: list[re.Match]):
    """(start, end) of "Given [Middle] Surname" in a run, from the first given name on.

    Capitalised words before the given name are left out: mostly titles and
    nouns ("Korpskommandant Anna Muster", "Foreign Affairs Anna Muster"), at
    the cost of a first name that the list lacks ("Tomáš Jan Muster").
    """
    words = [m.group() for m in run]
    first = next((i for i, w in enumerate(words) if is_given_name(w) and not is_role(w)), None)
    if first is not None:
        run = _trim_run(text, run[first:])
        if 2 <= _name_words([m.group() for m in run]) <= 4:
            yield run[0].start(), _end(run)


def _model_candidates(text: str, language: str | None):
    """(start, end) of the person spans of the language's NER model, titles trimmed."""
    spans = ner.model_persons(text, language)
    for start, end in spans or ():
        words = list(_WORD.finditer(text, start, end))
        while words and (is_role(words[0].group()) or fold(words[0].group()) in NOT_NAMES):
            words = words[1:]
        if not words or not all(_is_cap(m.group()) or m.group().lower() in PARTICLES for m in words):
            continue
        if any(m.group().endswith(".") or len(m.group()) < 2 for m in words) \
                or any(text[a.end():b.start()] != " " for a, b in zip(words, words[1:])):
            continue  # initials, abbreviations, dashes: the model cut a name badly
        if 2 <= _name_words([m.group() for m in words]) <= 4:
            yield words[0].start(), words[-1].end()


@functools.lru_cache(maxsize=8)
def _known_entity_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the countries, places and organisations the gazetteers find in `text`."""
    from indexer.analysis import countries, organisations, places

    spans = []
    for gazetteer in (countries.gazetteer(), places.gazetteer(), organisations.gazetteer()):
        spans.extend((m.char_start, m.char_end) for m in gazetteer.find(text))
    return tuple(spans)


def _credited(text: str, start: int) -> bool:
    line = text[text.rfind("\n", 0, start) + 1:start]
    return bool(_BYLINE.match(line) or _CREDIT.search(line))


def _known(text: str, start: int, end: int) -> bool:
    """The span overlaps a country, place or organisation."""
    return any(a < end and start < b for a, b in _known_entity_spans(text))


# A list of people, surname first, with postcode and place: "Muster Anna Laura, 1752 Villars FR". The
# given names alone are no person's name; the list's names are left out rather than cut.
_LIST_PREFIX = re.compile(r"^\s*(?:[A-ZÄÖÜÉÈ][\w'’\-]+ ){1,3}$")
_LIST_SUFFIX = re.compile(r",\s*\d{4}\b")


def _in_surname_first_list(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_LIST_SUFFIX.match(text, end)) and bool(_LIST_PREFIX.match(text[line_start:start]))


def _vetoed(text: str, start: int, end: int) -> bool:
    return _known(text, start, end) or _credited(text, start) or _named_after(text, start, end) \
        or _in_surname_first_list(text, start, end)


# Things named after a person stand before the name: "Zentrum Paul Klee", "Prix scientifique suisse
# Marcel Benoist", "Schweizer Wissenschaftspreis Marcel Benoist", "Fondation Anna Muster".
_NAMED_AFTER = {"zentrum", "centre", "center", "centro", "museum", "musee", "museo", "prix", "preis", "prize",
                "premio", "premi", "award", "fondation", "stiftung", "fondazione", "foundation", "fundacion",
                "haus", "maison", "casa", "platz", "place", "piazza", "strasse", "rue", "via", "avenue", "schule",
                "ecole", "scuola", "school", "spital", "hopital", "ospedale", "saal", "salle", "sala", "halle",
                "hall", "fellowship", "stipendium", "bourse", "borsa", "auditorium", "campus", "gymnasium",
                "bibliothek", "bibliotheque", "biblioteca", "lecture", "vorlesung", "medaille", "medal", "medaglia"}
_NAMED_AFTER_COMPOUNDS = ("preis", "zentrum", "stiftung", "platz", "strasse", "schule", "saal", "museum")
_PLURALS = ("s", "e", "en", "n", "x", "i")  # "prizes", "Preise", "Stiftungen", "fondations", "premi"


def _names_a_thing(word: str) -> bool:
    folded = fold(word)
    if folded in _NAMED_AFTER or word[:1].isupper() and folded.endswith(_NAMED_AFTER_COMPOUNDS):
        return True
    return any(folded.endswith(p) and (folded[:-len(p)] in _NAMED_AFTER or word[:1].isupper()
                                        and folded[:-len(p)].endswith(_NAMED_AFTER_COMPOUNDS))
               for p in _PLURALS)


# After the name: "the Marcel Benoist and Latsis foundations", "Marcel Benoist Prize" (a capitalised
# thing word is already a body word), up to three more names and links between.
_THING_AFTER = re.compile(r"(?:\s+(?:and|und|et|e|&|[A-ZÄÖÜ][\w\-]*)){0,4}?\s+([^\W\d_][\w\-]*)")


def _named_after(text: str, start: int, end: int) -> bool:
    """A word naming a thing stands before the name (at most two lower-case words between), or after
    it with only other names and "and" between ("the Anna Muster and Latsis foundations")."""
    m = _THING_AFTER.match(text, end)
    while m:
        if _names_a_thing(m.group(1)):
            return True
        nxt = _THING_AFTER.match(text, m.end(1))
        if not m.group(1)[:1].isupper() and m.group(1) not in ("and", "und", "et", "e") or nxt is None:
            break
        m = nxt
    before = re.split(r"[.!?\n;:,()«»\"“”]", text[max(0, start - 60):start])[-1]
    words = _WORD.findall(before)[-3:]
    for word in reversed(words):
        if _names_a_thing(word):
            return True
        if word[:1].isupper() and not is_role(word) and word is not words[0]:
            continue  # "Schweizer" in "Schweizer Wissenschaftspreis"
        if not word[:1].islower():
            return False
    return False


def find_persons(text: str, language: str | None = None) -> list[str]:
    """Names of people in `text`, each once (by `person_key`), in order of mention.

    `language` selects an NER model where one is installed (see `ner`).
    """
    return _each_once([name for _, name in person_mentions(text, language)])


def person_mentions(text: str, language: str | None = None) -> list[tuple[int, str]]:
    """(start, name as found) of every mention of a person in `text`, in order."""
    candidates: list[tuple[int, str]] = []
    for m in _INSTRUMENT.finditer(text):  # a committee's acronym ("Motion WAK-N") is no person
        if _acceptable([m.group(1)]) and fold(m.group(1).split()[0]) not in NOT_NAMES \
                and not m.group(1).split("-")[0].isupper():
            candidates.append((m.start(1), m.group(1)))
    spans = set(_model_candidates(text, language))
    for run in _sequences(text):
        if len(run) < 2:
            continue  # both take a name of two words or more out of the run, never one
        spans.update(_role_candidates(text, run))
        spans.update(_given_name_candidates(text, run))
    for start, end in unicased_person_spans(text, language, _known):
        if not _known(text, start, end) and not _credited(text, start):
            candidates.append((start, text[start:end]))
    for start, end in spans:
        words = _strip_possessive(text[start:end].split())
        if _acceptable(words) and fold(words[0]) not in NOT_NAMES and not _vetoed(text, start, end):
            candidates.append((start, " ".join(words)))
    return sorted(candidates)


def _each_once(names: list[str]) -> list[str]:
    """One form per person; a name whose words all belong to a longer found name is that person."""
    keys = {name: set(person_key(name).split()) for name in names}
    out: dict[str, str] = {}
    for name in names:
        key = person_key(name)
        if key not in out and not any(keys[name] < other for other in keys.values()):
            out[key] = name
    return list(out.values())


def extract_persons(doc: Communique) -> Communique:
    """Set `doc.persons` from the title and text."""
    doc.persons = find_persons(f"{doc.title}\n{doc.text}", doc.language)
    return doc
