"""Acronym definitions: "Long Form (ACR)" pairs written in a text.

The long form is found with the Schwartz–Hearst rule (Schwartz & Hearst,
PSB 2003): the shortest run of words before the bracket in which the
acronym's letters appear in order, its first letter starting a word. That
works in any language written in Latin letters and needs no lexicon:
"Bundesamt für Umwelt (BAFU)", "Office fédéral de la douane et de la
sécurité des frontières (OFDF)", "Rapid Support Forces (RSF)".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# "(ACR)" with two or more capitals, digits or hyphens allowed ("E5P", "SPK-N"),
# optionally followed by one word ("CEDAW Committee", "KKW Gösgen").
_DEFINITION = re.compile(r"\(\s*([A-ZÄÖÜÉÈ][\w\-.&]*[A-ZÄÖÜ0-9][\w\-.&]*(?: [A-ZÄÖÜ][\w\-]+)?)\s*\)")
_BOUNDARY = re.compile(r"[.!?;:\n()\[\]«»\"“”]")
_WORD = re.compile(r"[\w’'\-.&]+|,")
_ELISION = re.compile(r"^(?:[lLdD]|[dD]ell|[aA]ll|[nN]ell|[sS]ull)['’]")
# Laws, treaties and figures are defined with acronyms too; they are no bodies.
_NOT_BODIES = re.compile(r"(gesetz|gesetzes|gesetzbuch|ordnung|recht|rechts|rechtsgesetzes|abkommen|abkommens|vertrag|"
                         r"vertrags|richtlinien?|einkommens?|produkts?|convention|agreement|treaty|act|law|protocol|"
                         r"accord|loi|legge|ley|lei|regulation|règlement|regolamento|verordnung|strategie|strategy|"
                         r"index|rate|product|income|system|systems|report|rapport|rapporto|bericht|directive|"
                         r"direttiva|programme|program|plan|initiative|iniziativa)$")
# Words that may stand inside a name between capitalised words; the long
# form is widened leftwards over them ("Federal Department of | Defence…").
_CONNECTORS = {"of", "for", "on", "de", "des", "du", "di", "del", "della", "dei", "degli", "delle", "für", "fur",
               "der", "zur", "zum", "von", "pour", "per", "da", "do", "dos", "das"}
_ARTICLES = {"the", "a", "an", "der", "die", "das", "den", "dem", "le", "la", "les", "l", "il", "lo", "gli", "el",
             "los", "las", "o", "os", "as", "de", "het", "een", "ein", "eine", "un", "une", "uno", "una"}


@dataclass(frozen=True)
class Definition:
    long_form: str
    acronym: str
    start: int  # character span of the long form
    end: int


def _letters(acronym: str) -> str:
    return "".join(ch.lower() for ch in acronym.split(" ")[0] if ch.isalpha())


def schwartz_hearst(candidate: str, acronym: str) -> int | None:
    """Offset in `candidate` where the long form of `acronym` starts, or None."""
    letters = _letters(acronym)
    if len(letters) < 2:
        return None
    text = candidate.lower()
    li = len(text) - 1
    for si in range(len(letters) - 1, -1, -1):
        ch = letters[si]
        while li >= 0 and (text[li] != ch or (si == 0 and li > 0 and text[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
    return text.rfind(" ", 0, li + 2) + 1


def _widen(before: list[str], long_form: str) -> str:
    """Add the capitalised words (and connectors between them) that precede the long form."""
    taken: list[str] = []
    for word in reversed(before):
        bare = word.strip(",")
        if word.endswith(",") or not bare or bare[:1].isupper() and not bare.isupper() and bare.lower() in _ARTICLES:
            break
        if bare[:1].isupper() and bare.lower() not in _ARTICLES:
            taken.insert(0, bare)
        elif bare.lower() in _CONNECTORS:
            taken.insert(0, bare)
        else:
            break
    while taken and not taken[0][:1].isupper():
        taken.pop(0)
    return " ".join(taken + [long_form])


def _upper_count(word: str) -> int:
    return sum(ch.isupper() for ch in word)


def find_definitions(text: str) -> list[Definition]:
    """Every "Long Form (ACR)" in `text` whose long form starts with a capital."""
    out = []
    for m in _DEFINITION.finditer(text):
        acronym = m.group(1)
        head = acronym.split(" ")[0]
        if _upper_count(head) < 2 or head.isdigit() or len(head) > 12:
            continue
        before = _BOUNDARY.split(text[max(0, m.start() - 200):m.start()])[-1]
        words = _WORD.findall(before)
        n_letters = len(_letters(acronym))
        words = words[-(n_letters * 2 + 6):]
        candidate = " ".join(words).replace(" ,", ",")
        start = schwartz_hearst(candidate, acronym)
        if start is None:
            continue
        long_form = candidate[start:].strip(" ,")
        if not _ELISION.sub("", long_form)[:1].isupper() or any(ch.islower() for ch in head):
            continue  # "des …" is no start; "StPO"-style acronyms name laws
        long_form = _ELISION.sub("", _widen(candidate[:start].split(), long_form))
        if _NOT_BODIES.search(long_form.split(" ")[-1].lower()) or not long_form[:1].isupper() \
                or " " not in long_form and len(long_form) < 12:  # one short word: a product, a coin
            continue
        end = m.start() - (len(before) - len(before.rstrip()))
        out.append(Definition(long_form, acronym, end - len(long_form), end))
    return out
