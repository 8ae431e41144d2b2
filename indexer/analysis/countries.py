"""Country tagging: `doc.countries` = ISO codes of the countries a text names.

A country counts when the text names it (any language, short forms), uses
its adjective or demonym (inflected), or names its capital. Names come from
CLDR via babel (many locales) and pycountry; the rest is hand-written in
`_country_words`. Everything goes into one `Gazetteer` (an Aho-Corasick
automaton over folded word tokens), built once on first use.

Not counted: other cities, supranational bodies, language names ("en
français"), people whose name is a country word ("Chad Smith").
"""
from __future__ import annotations

import functools
import re

from indexer.analysis import _country_words as words
from indexer.analysis.places import names_the_dublin_system
from indexer.analysis.fold import fold
from indexer.analysis.gazetteer import Gazetteer, Match, Tokens, tokens_of
from indexer.model import Communique

NAME_LOCALES = ("en", "de", "fr", "it", "es", "pt", "nl", "tr", "ar", "ru", "uk", "pl", "ko", "ja", "zh", "bg", "sr",
                "el", "he")
_SPACELESS_LOCALES = {"ja", "zh"}  # names match inside words
_KOREAN_PARTICLE_LETTERS = 3  # 한국의, 스웨덴에서: particles glue to the name
NOT_COUNTRIES = {"AQ", "EU", "EZ", "UN", "QO", "ZZ"}
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_SPACELESS = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")  # kana and CJK ideographs
_SLAVIC_LOCALES = {"ru", "uk", "pl", "bg", "sr"}
# Hebrew proclitics glued to a name: בישראל, לצרפת, ומגרמניה
_HEBREW_PREFIXES = ("ב", "ל", "מ", "ה", "ו", "ש", "וב", "ול", "ומ", "וה", "שב", "של", "שמ", "כ")
_ARABIC_PREFIXES = ("و", "ب", "ل", "ف", "وب", "ول", "ال", "وال", "بال", "لل", "فال")
_ARABIC_DEF_PREFIXES = ("و", "ب", "ف", "وب", "ك")
_PAREN = re.compile(r"\s*\(([^)]*)\)")

# Kinds of entries, for the context rules applied after matching.
NAME, DEMONYM, CAPITAL = "name", "demonym", "capital"


def _country_codes() -> set[str]:
    import pycountry

    return {c.alpha_2 for c in pycountry.countries} | {"XK"}


def _add(gaz: Gazetteer, phrase: str, value, **options) -> None:
    if _SPACELESS.search(phrase):
        gaz.add(phrase, value, anywhere=True)
    elif _ARABIC.search(phrase):
        if phrase.startswith("ال"):
            gaz.add(phrase, value, prefixes=_ARABIC_DEF_PREFIXES, **options)
            gaz.add("لل" + phrase[2:], value, prefixes=("و", "ف"), **options)
        else:
            gaz.add(phrase, value, prefixes=_ARABIC_PREFIXES, **options)
    else:
        gaz.add(phrase, value, **options)


def _cldr_names(codes: set[str]) -> list[tuple[str, str, str]]:
    """(code, name, locale) for every country name in NAME_LOCALES."""
    import babel

    out = []
    for locale in NAME_LOCALES:
        for code, name in babel.Locale(locale).territories.items():
            if code in codes and code not in NOT_COUNTRIES:
                # "Myanmar (Burma)": both the main name and the bracketed one
                for part in [_PAREN.sub("", name), *_PAREN.findall(name)]:
                    out.append((code, part.strip(), locale))
    return out


def _pycountry_names() -> list[tuple[str, str]]:
    import pycountry

    out = []
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                out.append((c.alpha_2, getattr(c, attr)))
    return out


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The country automaton, built once per process."""
    codes = _country_codes()
    gaz = Gazetteer()
    for code, name, locale in _cldr_names(codes):
        if locale in _SPACELESS_LOCALES:
            if len(name) >= 2:
                gaz.add(name, (code, NAME, None), anywhere=True)
            continue
        if locale == "ko":
            gaz.add(name, (code, NAME, None), max_suffix=_KOREAN_PARTICLE_LETTERS)
            continue
        if locale == "he":
            if len(name.replace("'", "").replace(" ", "")) >= 4:  # "פרו" (Peru) is also "pro"
                gaz.add(name, (code, NAME, None), prefixes=_HEBREW_PREFIXES)
            continue
        if locale == "el":  # Ελλάδα → Ελλάδας, Κύπρος → Κύπρου: the last word inflects
            gaz.add(name, (code, NAME, None), capitalised=True, max_suffix=1)
            if name.endswith("ος") and len(name) >= 6:
                gaz.add(name[:-2], (code, NAME, None), capitalised=True, max_suffix=2, min_suffix=1)
            continue
        _add(gaz, name, (code, NAME, None), capitalised=True)
        stem = name[:-1]
        if locale in _SLAVIC_LOCALES and " " not in name and name[-1] in "аяьйыоеиa" and len(stem) >= 5:
            _add(gaz, stem, (code, NAME, None), capitalised=True, max_suffix=3, min_suffix=1)
    for code, name in _pycountry_names():
        _add(gaz, name, (code, NAME, None), capitalised=True)
    for table, kind, capitalised in ((words.ALIASES, NAME, True), (words.DEMONYMS, DEMONYM, False),
                                     (words.CAPITALS, CAPITAL, True)):
        for code, form, langs in words.rows(table):
            code = code.rstrip("+")  # "GB+": a second row for the same country
            for phrase, options in words.expand(form):
                options.setdefault("capitalised", capitalised)
                _add(gaz, phrase, (code, kind, frozenset(langs) if langs else None), **options)
    for blocker in words.BLOCKERS.split("|"):
        gaz.add(blocker.strip(), None)
    return gaz


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _sentence_start(tokens: Tokens, index: int) -> bool:
    if index == 0:
        return True
    between = tokens.text[tokens.spans[index - 1][1]:tokens.spans[index][0]]
    return any(ch in between for ch in ".!?:\n«\"“")


def _joined(tokens: Tokens, a: int, b: int) -> bool:
    """True when tokens a and b (= a + 1) are separated only by spaces."""
    return tokens.text[tokens.spans[a][1]:tokens.spans[b][0]].strip(" ") == ""


def _is_person(tokens: Tokens, m: Match) -> bool:
    key = " ".join(tokens.folded[m.start:m.end])
    nxt, prev = m.end, m.start - 1
    if key in words.GIVEN_NAMES and nxt < len(tokens) and _joined(tokens, nxt - 1, nxt) \
            and _capitalised(tokens.words[nxt]) and not tokens.words[nxt].isupper():
        return True
    if key in words.SURNAMES and prev >= 0 and _joined(tokens, prev, m.start) \
            and _capitalised(tokens.words[prev]) \
            and not (_sentence_start(tokens, prev) and tokens.folded[prev] in _FUNCTION_WORDS):
        return True
    # a list of people, surname first: "Muster Dominique, 3000 Bern" at the start of a line
    if key in words.GIVEN_NAMES and prev >= 0 and _joined(tokens, prev, m.start) \
            and _capitalised(tokens.words[prev]) and tokens.text[m.char_end:m.char_end + 1] == "," \
            and _starts_line(tokens, prev):
        return True
    return False


# Arabic country names that are also everyday adjectives: مالي is Mali and "financial" ("دعم مالي",
# financial support; "اقتصادي ومالي", economic and financial). Bare or after "and" it names the country
# only after a preposition or a word that introduces a country.
_ARABIC_ADJECTIVE_NAMES = {"ML": "مالي"}
_ARABIC_COUNTRY_CONTEXT = {fold(w) for w in "في إلى الى من مع عن جمهورية دولة حكومة رئيس شمال جنوب وسط شرق غرب "
                           "عاصمة سفير سفارة شعب جيش بين".split()}


def _arabic_adjective(tokens: Tokens, m: Match) -> bool:
    word = tokens.words[m.start]
    bare = _ARABIC_ADJECTIVE_NAMES[m.value[0]]
    if word not in (bare, "و" + bare):
        return False  # "بمالي" (in Mali), "لمالي" (for Mali)
    prev = tokens.folded[m.start - 1] if m.start > 0 else ""
    return not (prev in _ARABIC_COUNTRY_CONTEXT or _sentence_start(tokens, m.start))


def _starts_line(tokens: Tokens, index: int) -> bool:
    start = tokens.spans[index][0]
    return tokens.text[tokens.text.rfind("\n", 0, start) + 1:start].strip() == ""


def _is_common_word(tokens: Tokens, m: Match) -> bool:
    key = " ".join(tokens.folded[m.start:m.end])
    return key in words.COMMON_WORD_NAMES and _sentence_start(tokens, m.start)


def _is_language_name(tokens: Tokens, m: Match, language: str | None) -> bool:
    if m.end - m.start != 1:
        return False
    word = tokens.words[m.start]
    prev = tokens.folded[m.start - 1] if m.start > 0 else ""
    nxt = tokens.folded[m.end] if m.end < len(tokens) else ""
    if nxt in _LANGUAGE_AFTER or nxt.endswith("sprache"):  # "Gebärdensprache", "Amtssprache"
        return True
    if language in _ROMANCE and word[:1].islower() and prev in _ROMANCE_ARTICLES:
        return True  # "parler l'allemand", "il tedesco", "in tedesco", "el alemán": the language (nouns follow
        #              their articles; an adjective follows its noun: "le gouvernement allemand")
    if language == "de" and _capitalised(word) and word.lower().endswith(("isch", "deutsch")) \
            and not _sentence_start(tokens, m.start):
        return True  # "auf Deutsch", "Französisch lernen": the noun is the language
    if prev in _LANGUAGE_BEFORE:
        if language in ("en", "de", "nl") and nxt and tokens.words[m.end][:1].islower() \
                and nxt not in {"and", "und", "or", "oder", "en", "of"}:
            return False  # "in German companies": an adjective
        return True
    return False


# Tokens are compared folded ("für" is "fur", "übersetzung" is "ubersetzung").
_LANGUAGE_AFTER = {fold(w) for w in words.LANGUAGE_CONTEXT_AFTER}
_LANGUAGE_BEFORE = {fold(w) for w in words.LANGUAGE_CONTEXT_BEFORE}
_FUNCTION_WORDS = {fold(w) for w in words.FUNCTION_WORDS}
_ROMANCE = {"fr", "it", "es", "pt", "ca", "ro"}
_ROMANCE_ARTICLES = {"le", "l", "du", "il", "lo", "di", "in", "el", "en", "o", "do", "em"}


def _demonym_at(at: dict, index: int) -> bool:
    m = at.get(index)
    return m is not None and m.value[1] == DEMONYM


def _in_language_list(tokens: Tokens, m: Match, at: dict, language: str | None) -> bool:
    """A demonym in a list that a language word starts: "available in German, French and Italian",
    "en allemand, français et italien", "di tedesco e francese"."""
    if m.end - m.start != 1 or (language in _ROMANCE and tokens.words[m.start][:1].isupper()):
        return False
    i, hops = m.start - 1, 0
    while i >= 0 and hops < 8:
        if tokens.folded[i] in words.COORDINATORS:
            i, hops = i - 1, hops + 1
            continue
        if not _demonym_at(at, i):
            return False
        prev = tokens.folded[i - 1] if i > 0 else ""
        if prev in _LANGUAGE_BEFORE or language in _ROMANCE and prev in _ROMANCE_ARTICLES:
            return True
        i, hops = i - 1, hops + 1
    return False


# Countries whose language regions are named with other countries' adjectives: "la Suisse italienne",
# "der französischen Schweiz", "Svizzera tedesca", "French Canada", "le Canada anglais".
_REGION_HOSTS = {"CH", "CA"}
_REGION_LINKS = {"der", "die", "das", "den", "dem", "the", "la", "le", "l", "il", "lo", "del", "della", "de", "du"}


def _names_a_language_region(tokens: Tokens, m: Match, at: dict) -> bool:
    """The demonym qualifies a country's name (or, in a list, qualifies it with others) to name one of its
    language regions: the region is no mention of the demonym's country."""
    code = m.value[0]
    for step in (-1, 1):
        i, previous = (m.start - 1, m.start) if step < 0 else (m.end, m.end - 1)
        for _ in range(8):
            if not 0 <= i < len(tokens):
                break
            host = at.get(i)
            if host is not None and host.value[0] in _REGION_HOSTS and host.value[0] != code:
                # the host's name, or its adjective right before another demonym ("suisse allemande")
                adjacent = _demonym_at(at, previous) and _joined(tokens, min(i, previous), max(i, previous))
                hyphened = tokens.text[tokens.spans[i][1]:tokens.spans[i][1] + 1] == "-"
                if adjacent and not hyphened and (host.value[1] == NAME or step < 0):
                    return True
                break
            if not (_demonym_at(at, i) or tokens.folded[i] in words.COORDINATORS
                    or tokens.folded[i] in _REGION_LINKS):
                break
            previous, i = i, i + step
    return False


# A country's name with this after it names its language: 日本語 (Japanese), 한국어 (Korean), 德语 (German).
_LANGUAGE_SUFFIXES = ("語", "语", "어", "文")


def _names_a_language(tokens: Tokens, m: Match) -> bool:
    return tokens.text[m.char_end:m.char_end + 1] in _LANGUAGE_SUFFIXES


def _is_acronym_of_preceding_name(tokens: Tokens, m: Match) -> bool:
    """"Danish Refugee Council (DRC)": the acronym stands for the name before it."""
    word = tokens.text[m.char_start:m.char_end]
    before = tokens.text[max(0, m.char_start - 1):m.char_start]
    after = tokens.text[m.char_end:m.char_end + 1]
    return word.isupper() and before == "(" and after == ")" and m.start > 0 \
        and _capitalised(tokens.words[m.start - 1])


def country_mentions(text: str, language: str | None = None,
                     tokens: Tokens | None = None) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) of every place `text` names a country, in order (`tokens`: its tokens,
    when they are made already)."""
    tokens = tokens or tokens_of(text)
    found = []
    matches = [m for m in gazetteer().find(tokens) if m.value is not None]
    at = {m.start: m for m in matches if m.end - m.start == 1}  # one-word matches by token
    for m in matches:
        code, kind, langs = m.value
        if langs is not None and language not in langs:
            continue
        if _is_acronym_of_preceding_name(tokens, m):
            continue
        if kind in (NAME, CAPITAL) and (_is_person(tokens, m) or _is_common_word(tokens, m)):
            continue
        if kind == CAPITAL and names_the_dublin_system(text, m.char_start, m.char_end):
            continue  # "Dublin-Staat": the asylum regulation, not the capital
        if _names_a_language(tokens, m):
            continue
        if code in _ARABIC_ADJECTIVE_NAMES and _arabic_adjective(tokens, m):
            continue
        if kind == DEMONYM and (_is_language_name(tokens, m, language) or _in_language_list(tokens, m, at, language)
                                or _names_a_language_region(tokens, m, at)):
            continue
        found.append((m.char_start, m.char_end, code))
    return found


def find_countries(text: str, language: str | None = None, tokens: Tokens | None = None) -> list[str]:
    """Sorted unique ISO codes of the countries `text` names."""
    return sorted({code for _, _, code in country_mentions(text, language, tokens)})


def tag_countries(doc: Communique) -> Communique:
    """Set `doc.countries` from the title, the text and the dateline (a capital there names its country)."""
    # The title and text are tokenised once for this and the stages after it, which read them alone.
    dateline, rest = f"{doc.dateline or ''}\n", f"{doc.title}\n{doc.text}"
    tokens = Tokens.after(dateline, tokens_of(rest))
    doc.countries = find_countries(tokens.text, doc.language, tokens)
    return doc
