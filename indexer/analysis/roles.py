"""Words that introduce a person: roles and titles, and common given names.

The name tests that people (persons.py) and organisations (organisations.py)
share: a role before a name makes it a person's ("Bundesrätin Karin
Keller-Sutter") and is cut from a defined organisation's name ("Direktorin
der …"); a given name starts a person's name, never a body's.
"""
from __future__ import annotations

import functools

from indexer.analysis._given_names import GIVEN_NAMES
from indexer.analysis.fold import fold

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
    "пресс-секретарь", "советник", "радник", "bakan", "bakani", "baskan", "baskani", "cumhurbaskani", "sozcusu",
    "prezydent", "rzecznik", "author", "autor", "autorin", "auteur", "autore", "actor", "actress", "singer",
    "schauspieler", "schauspielerin", "acteur", "actrice", "attore", "attrice", "cantante", "sanger",
    "sangerin", "chanteur", "chanteuse", "player", "spieler", "spielerin", "joueur", "joueuse", "giocatore",
    "jugador", "jogador", "striker", "sturmer", "attaccante", "delantero", "atacante", "herrn", "kommandant",
    "korpskommandant", "divisionar", "brigadier", "amtskollege", "amtskollegin", "counterpart", "homologue",
    "omologo", "omologa",
    # Cyrillic beyond Russian (inflected forms such as "премиерът" are matched on their stem)
    "председатель", "спикер", "канцлер", "губернатор", "мэр", "госсекретарь", "генсек", "міністр", "міністерка",
    "голова", "речник", "речниця", "прем'єр", "премиер", "председател", "министър", "говорител", "посланик",
    "председник", "председница", "министар", "министарка", "премијер", "премијерка", "портпарол", "амбасадор",
    "градоначелник",
    # Greek, nominative and genitive
    "πρωθυπουργος", "πρωθυπουργου", "προεδρος", "προεδρου", "υπουργος", "υπουργου", "υπουργο", "εκπροσωπος",
    "πρεσβης", "δημαρχος", "βουλευτης", "αρχηγος", "καγκελαριος", "επιτροπος", "κυριος", "κυρια",
}

_LONG_ROLES = {r for r in ROLES if len(r) >= 6}
_INFLECTIONS = ("in", "en", "es", "er", "em")
_COMPOUND_ROLES = ("direktor", "prasident", "sekretar", "minister", "botschafter", "sprecher", "rat")


@functools.lru_cache(maxsize=65536)
def is_role(word: str) -> bool:
    """A role word, also inflected (up to two more letters: "Bundesrätin", "ministers")."""
    if word in ("M.", "MM."):  # French "Monsieur", not an initial: it stands before a full name
        return True
    f = fold(word).strip(".")
    if f in ROLES or f.split("-")[-1] in ROLES or f[:-1] in _LONG_ROLES or f[:-2] in _LONG_ROLES:
        return True
    # compounds ending in a role: "Vizedirektorin", "Generaldirektor"
    return word[:1].isupper() and any(f.endswith(r) or f[-2:] in _INFLECTIONS and f[:-2].endswith(r)
                                      for r in _COMPOUND_ROLES)  # "Bundesrätin", not "Euratom"


@functools.lru_cache(maxsize=131072)
def is_given_name(word: str) -> bool:
    """A common given name, also the first part of a hyphenated one ("Anna-Lena", "Jean-Pierre")."""
    folded = fold(word)
    return folded in GIVEN_NAMES or folded.split("-")[0] in GIVEN_NAMES
