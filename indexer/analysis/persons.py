"""Person names without a model: capitalised name sequences next to a role.

A sequence of two to four capitalised words (particles such as "von", "de",
"bin" allowed inside) counts as a person only when a role or title stands
right before it ("Bundesrätin Karin Keller-Sutter", "the spokesperson of the
presidency, Jane Doe") or an apposition with a role follows it ("Jane Doe,
the national security adviser"). This favours precision: names mentioned
without a role are missed.
"""
from __future__ import annotations

import functools
import re

from indexer.analysis.fold import fold
from indexer.model import Communique

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")
PARTICLES = {"von", "van", "der", "den", "de", "di", "da", "del", "della", "dos", "das", "du", "bin", "ibn",
             "al", "el", "zu", "ter", "te"}
# Roles and titles (folded); a hyphenated or inflected form is matched on its stem.
ROLES = {
    "president", "presidente", "presidenta", "prasident", "prasidentin", "bundesprasident", "bundesprasidentin",
    "chancellor", "kanzler", "kanzlerin", "bundeskanzler", "bundeskanzlerin", "minister", "ministerin",
    "ministre", "ministro", "ministra", "secretary", "secretaire", "segretario", "segretaria", "secretario",
    "staatssekretar", "staatssekretarin", "spokesperson", "spokesman", "spokeswoman", "porte-parole",
    "portavoce", "portavoz", "sprecher", "sprecherin", "ambassador", "ambassadeur", "ambassadrice",
    "botschafter", "botschafterin", "ambasciatore", "ambasciatrice", "embajador", "embajadora", "councillor",
    "conseiller", "conseillere", "consigliere", "consigliera", "bundesrat", "bundesratin", "director",
    "directeur", "directrice", "direktor", "direktorin", "direttore", "direttrice", "directora", "ceo", "king",
    "queen", "konig", "konigin", "roi", "reine", "pope", "papst", "pape", "prince", "prinz", "professor",
    "professorin", "prof.", "dr.", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "herr", "frau", "monsieur",
    "madame", "mme", "signor", "signora", "senor", "senora", "senator", "senateur", "mayor", "maire",
    "burgermeister", "burgermeisterin", "sindaco", "alcalde", "governor", "gouverneur", "commissioner",
    "commissaire", "kommissar", "kommissarin", "judge", "juge", "richter", "richterin", "adviser", "advisor",
    "berater", "beraterin", "chef", "chefin", "leiter", "leiterin", "premier", "premierminister", "general",
    "generalsekretar", "generalsekretarin", "coach", "trainer", "trainerin", "allenatore", "entrenador",
    "chairman", "chairwoman", "chair", "head", "delegate", "delegierte", "delegierter", "delegue", "deleguee",
    "presidentin", "vizeprasident", "vizeprasidentin", "vice-president", "vice-presidente", "envoy",
    "gesandter", "emissaire", "inviato", "enviado", "президент", "министр", "посол", "глава", "премьер",
    "пресс-секретарь", "советник", "радник", "bakan", "bakanı", "cumhurbaşkanı", "sozcusu", "prezydent",
    "minister", "rzecznik", "author", "autor", "autorin", "auteur", "autore", "actor", "actress", "singer",
    "schauspieler", "schauspielerin", "acteur", "actrice", "attore", "attrice", "cantante", "sanger",
    "sangerin", "chanteur", "chanteuse", "player", "spieler", "spielerin", "joueur", "joueuse", "giocatore",
    "jugador", "jogador", "striker", "stürmer", "attaccante", "delantero", "atacante",
}
# Capitalised words that start or are no names.
NOT_NAMES = {"the", "le", "la", "les", "der", "die", "das", "il", "lo", "el", "los", "las", "un", "une", "ein",
             "eine", "in", "en", "im", "am", "on", "at", "for", "and", "und", "et", "mit", "with", "avec", "per",
             "dans", "nel", "nella", "bei", "beim", "this", "that", "dieser", "diese", "ce", "cette", "questo",
             "a", "au", "aux", "des", "du", "dem", "den", "des", "zu", "zur", "zum", "von", "vom", "al", "alla",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# A name made of these is a state or a body, not a person ("Republic of Kenya").
NOT_NAME_WORDS = {"republic", "republique", "republik", "repubblica", "republica", "kingdom", "royaume", "regno",
                  "reino", "konigreich", "federation", "confederation", "association", "abteilung", "conseil",
                  "council", "department", "departement", "office", "university", "universitat", "institute",
                  "institut", "bank", "banque", "commission", "kommission", "committee", "agency", "foundation"}
# Parliamentary instruments name their author: "Motion 14.4122 Muster", "mozione Muster 16.3169".
_INSTRUMENT = re.compile(r"\b(?:[Mm]otion|[Mm]ozione|[Pp]ostulat|[Pp]ostulato|[Ii]nterpellation|[Ii]nterpellanza|"
                         r"[Ii]nitiative parlementaire|[Pp]arlamentarische Initiative|[Ii]niziativa parlamentare)"
                         r"(?: \d+\.\d+)? ([A-ZÄÖÜ][\w\-]+(?: [A-ZÄÖÜ][\w\-]+)?)(?= \d+\.\d+|[ ,.;:)«»\"]|$)")
ROLE_WINDOW = 60  # characters before a name in which a role may stand (same sentence)


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


_LONG_ROLES = {r for r in ROLES if len(r) >= 6}
_COMPOUND_ROLES = ("direktor", "prasident", "sekretar", "minister", "botschafter", "sprecher", "rat")


@functools.lru_cache(maxsize=65536)
def _role_stem(word: str) -> bool:
    """A role word, also inflected (up to two more letters: "Bundesrätin", "ministers")."""
    f = fold(word).strip(".")
    if f in ROLES or f.split("-")[-1] in ROLES or f[:-1] in _LONG_ROLES or f[:-2] in _LONG_ROLES:
        return True
    # compounds ending in a role: "Vizedirektorin", "Generaldirektor"
    return word[:1].isupper() and any(f.endswith(r) or f[:-2].endswith(r) for r in _COMPOUND_ROLES)


def _sequences(text: str):
    """(start, end, words) of runs of capitalised words joined by single spaces."""
    run: list[re.Match] = []
    for m in list(_WORD.finditer(text)) + [None]:
        joined = bool(run) and m is not None and text[run[-1].end():m.start()] == " " \
            and not run[-1].group().endswith(".")
        word = m.group() if m else ""
        if m is not None and (_is_cap(word) or (joined and word.lower() in PARTICLES)) and (joined or not run):
            run.append(m)
            continue
        while run and run[-1].group().lower() in PARTICLES:
            run.pop()
        if run:
            yield run
        run = [m] if m is not None and _is_cap(word) else []


def _role_before(text: str, start: int) -> bool:
    before = re.split(r"[.!?\n;]", text[max(0, start - ROLE_WINDOW):start])[-1]
    words = _WORD.findall(before)
    if not words:
        return False
    if _role_stem(words[-1]):
        return True  # "Bundesrätin Karin Keller-Sutter"
    # a role and up to four lower-case words: "le conseiller fédéral", "the foreign minister of"
    for word in reversed(words[-5:]):
        if _role_stem(word):
            return True
        if not word[:1].islower():
            break
    # "le porte-parole de la présidence turque, Jane Doe": a role, then an apposition
    return before.rstrip().endswith(",") and any(_role_stem(w) for w in words)


def _role_after(text: str, end: int) -> bool:
    after = text[end:end + ROLE_WINDOW]
    if not after.startswith((",", " (")):
        return False
    words = _WORD.findall(re.split(r"[.!?\n;)]", after[1:])[0])[:5]
    return any(_role_stem(w) for w in words)


def _acceptable(words: list[str]) -> bool:
    return not any(fold(w).strip(".") in NOT_NAME_WORDS for w in words)


def _strip_possessive(words: list[str]) -> list[str]:
    last = words[-1]
    if last.endswith(("'s", "’s")):
        return words[:-1] + [last[:-2]]
    return words


def find_persons(text: str) -> list[str]:
    """Names of people introduced with a role, each once, in order."""
    found: dict[str, None] = {}
    for m in _INSTRUMENT.finditer(text):
        if _acceptable([m.group(1)]) and fold(m.group(1).split()[0]) not in NOT_NAMES:
            found[m.group(1)] = None
    for run in _sequences(text):
        words = [m.group() for m in run]
        # a role word glued to the name ("Bundesrätin Karin Keller-Sutter") is no part of it
        roles = [i for i, w in enumerate(words) if _role_stem(w)]
        if roles:
            run, words = run[roles[-1] + 1:], words[roles[-1] + 1:]
            if run:
                words = _strip_possessive(words)
                if len([w for w in words if w.lower() not in PARTICLES]) in (2, 3, 4) and _acceptable(words) \
                        and fold(words[0]) not in NOT_NAMES:
                    found[" ".join(words)] = None
                continue
        while words and fold(words[0]) in NOT_NAMES:
            run, words = run[1:], words[1:]
        names = [w for w in words if w.lower() not in PARTICLES]
        if not 2 <= len(names) <= 4 or any(w.endswith(".") for w in words):
            continue
        start, end = run[0].start(), run[-1].end()
        if (_role_before(text, start) or _role_after(text, end)) and _acceptable(words):
            found[" ".join(_strip_possessive(words))] = None
    return list(found)


def extract_persons(doc: Communique) -> Communique:
    """Set `doc.persons` from the title and text."""
    doc.persons = find_persons(f"{doc.title}\n{doc.text}")
    return doc
