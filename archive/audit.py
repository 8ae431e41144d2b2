"""An audit of the entity facets of an indexed archive, as staff would read them.

For the top values of each entity facet it finds, in a sample of the
documents holding the value, where the analysis saw the value (the same
finders the indexer runs), shows a few of those places in context, and
flags values whose mentions look like something else:

- mostly lower-case ("la réunion": a common noun, not La Réunion; a country's
  adjective is lower-case in most languages and is not counted);
- mostly inside a longer capitalised name ("Gulf of Guinea", "Paul Klee Zentrum");
- mostly in one position that is no running text: the dateline line, a short
  ticker or byline line, a list line;
- the word is also a common word in these texts (it appears lower-case in many
  of the sampled documents: "über", "visa");
- no mention found at all (the value came from somewhere the finders do not see).

A flag is a place to look, not a verdict. `archive audit` prints it; the
corpus tests run it on the NSB archive.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from indexer.analysis.countries import country_mentions
from indexer.analysis.names import person_match_key
from indexer.analysis.organisations import canonical as organisation_key
from indexer.analysis.organisations import organisation_mentions
from indexer.analysis.persons import person_mentions
from indexer.analysis.places import place_mentions
from indexer.model import Communique

from .engines.base import Engine
from .request import SearchRequest

AUDITED = ("country", "person", "org", "place")
KWIC_CHARS = 45
_WORD = re.compile(r"[^\W\d_]+")
_LINKS = {"of", "de", "du", "des", "di", "del", "della", "von", "van", "der", "la", "le", "al", "el"}


@dataclass
class Mention:
    surface: str
    context: str  # "…left [surface] right…" on one line
    lower: bool  # written with a lower-case initial
    inside_name: bool  # a capitalised word joins it on either side
    longer_name: str  # the capitalised words around it, when inside_name
    position: str  # "dateline", "title", "short line", "list line", "parentheses" or "text"


@dataclass
class AuditedValue:
    facet: str
    value: str
    documents: int
    sampled: int
    mentions: list[Mention] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def to_dict(self, examples: int = 3) -> dict:
        return {"facet": self.facet, "value": self.value, "documents": self.documents, "sampled": self.sampled,
                "mentions": len(self.mentions), "flags": self.flags,
                "examples": [m.context for m in self.mentions[:examples]]}


def analysed_text(doc: Communique, facet: str = "country") -> str:
    """The text the indexer's stage for `facet` reads: title and text, after the dateline for countries
    only (its line is left empty for the others, so that line numbers stay the same)."""
    dateline = (doc.dateline or "") if facet == "country" else ""
    return f"{dateline}\n{doc.title}\n{doc.text}"


def _spans(facet: str, text: str, language: str | None) -> list[tuple[int, int, str]]:
    """(start, end, key) of the facet's mentions in `text`; keys compare with `_key(facet, value)`."""
    if facet == "country":
        return country_mentions(text, language)
    if facet == "place":
        return place_mentions(text)
    if facet == "org":
        return [(a, b, organisation_key(name)) for a, b, name in organisation_mentions(text)]
    if facet == "person":
        return [(at, at + len(name), person_match_key(name)) for at, name in person_mentions(text, language)]
    raise ValueError(f"no audit for facet {facet!r}")


def _key(facet: str, value: str) -> str:
    if facet == "org":
        return organisation_key(value)
    if facet == "person":  # the archive shows one form for every transliteration of a name
        return person_match_key(value)
    return value


def _same(facet: str, key: str, wanted: str) -> bool:
    if facet == "person":  # "Muster" in a text that also says "Anna Muster" counts for her
        return key == wanted or bool(key) and set(key.split()) <= set(wanted.split())
    return key == wanted


def _position(text: str, start: int, end: int, dateline: bool) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    number = text.count("\n", 0, start)
    if number == 0 and dateline:
        return "dateline"
    if number == 1:
        return "title"
    if text[max(line_start, start - 1):start] == "(" or text[end:end + 1] == ")":
        return "parentheses"
    if len(line.split()) <= 6:
        return "short line"
    items = line.split(",")
    if len(items) >= 6 and sum(len(item.split()) <= 5 for item in items) >= 0.8 * len(items):
        return "list line"
    return "text"


def _inside_name(text: str, start: int, end: int) -> bool:
    """A capitalised word right before it (or before "of", "de", …) or right after it, in one sentence."""
    before = text[max(0, start - 40):start]
    words = _WORD.findall(before)
    if words and words[-1].lower() in _LINKS and before.rstrip().endswith(words[-1]):
        before = before.rstrip()[:-len(words[-1])]
        words = words[:-1]
    joined_before = bool(words) and before.endswith(" ") and before.rstrip().endswith(words[-1]) \
        and words[-1][:1].isupper() and not _SENTENCE_END.search(before)
    following = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    capital_after = bool(following) and following.group()[:1].isupper() \
        and not (following.group().isupper() and len(following.group()) <= 3)  # "Luzern LU": a canton's code
    return joined_before or capital_after


_SENTENCE_END = re.compile(r"(?:[.!?:;\n]|^)\s*\S+\s*$")


def _context(text: str, start: int, end: int) -> str:
    left = " ".join(text[max(0, start - KWIC_CHARS):start].split(" ")).replace("\n", " ¶ ")
    right = " ".join(text[end:end + KWIC_CHARS].split(" ")).replace("\n", " ¶ ")
    return f"…{left}[{' '.join(text[start:end].split())}]{right}…"


def _longer_name(text: str, start: int, end: int) -> str:
    """The capitalised words around a mention, for the flag's message ("Gulf of Guinea")."""
    left = re.search(r"(?:[^\W\d_][\w\-’']*[ \-’']+(?:(?:of|de|du|des|di|del|della|von|van|d)[ ’']+)?)*$",
                     text[max(0, start - 60):start]).group()
    first_capital = re.search(r"(?:^|(?<=[ \-’']))[^\W\d_a-zß-ÿ]", left)
    left = left[first_capital.start():] if first_capital else ""
    right = re.match(r"[\w\-]*(?: [^\W\d_a-zß-ÿ][\w\-]*){0,2}", text[end:end + 60]).group()
    return " ".join((left + text[start:end] + right).split())


def mentions_in(doc: Communique, facet: str, value: str) -> list[Mention]:
    """Where the analysis sees `value` of `facet` in `doc`."""
    text = analysed_text(doc, facet)
    wanted = _key(facet, value)
    out = []
    for start, end, key in _spans(facet, text, doc.language):
        if _same(facet, key, wanted):
            surface = text[start:end]
            inside = facet != "person" and _inside_name(text, start, end)
            lower = surface[:1].islower() and not (facet == "country" and _is_adjective(surface))
            out.append(Mention(surface, _context(text, start, end), lower, inside,
                               _longer_name(text, start, end) if inside else "",
                               _position(text, start, end, bool(doc.dateline))))
    return out


def _is_adjective(surface: str) -> bool:
    """A country's adjective ("italienne", "tedesco"): written lower-case in most languages, as it should be."""
    from indexer.analysis.countries import DEMONYM, gazetteer

    return any(m.value is not None and m.value[1] == DEMONYM for m in gazetteer().find(surface))


def _common_word_share(surfaces: Counter, docs: list[Communique]) -> tuple[str, int] | None:
    """The value's usual one-word form, and in how many sampled documents it appears lower-case."""
    if not surfaces:
        return None
    word = surfaces.most_common(1)[0][0]
    if " " in word or not word[:1].isupper() or word.isupper():
        return None
    lower = re.compile(r"(?<!\w)" + re.escape(word[:1].lower() + word[1:]) + r"(?!\w)")
    return word, sum(1 for d in docs if lower.search(d.text))


def flags_of(mentions: list[Mention], docs: list[Communique]) -> list[str]:
    flags = []
    if not mentions:
        return ["no mention found in the sampled documents"]
    n = len(mentions)
    if sum(m.lower for m in mentions) > n / 2:
        flags.append(f"mostly lower-case ({sum(m.lower for m in mentions)} of {n})")
    inside = [m.longer_name for m in mentions if m.inside_name]
    if len(inside) > n / 2:
        commonest = ", ".join(f"“{name}”" for name, _ in Counter(inside).most_common(2))
        flags.append(f"mostly inside a longer name ({len(inside)} of {n}: {commonest})")
    positions = Counter(m.position for m in mentions)
    for where, count in positions.most_common():
        if where not in ("text", "title") and count >= 3 and count > 0.6 * n:
            flags.append(f"mostly in one position: {where} ({count} of {n})")
    common = _common_word_share(Counter(m.surface for m in mentions), docs)
    if common and common[1] >= max(2, len(docs) * 0.3):
        flags.append(f"also a common word: “{common[0][:1].lower() + common[0][1:]}” in {common[1]} of "
                     f"{len(docs)} documents")
    return flags


def audit(engine: Engine, facets: Iterable[str] = AUDITED, top: int = 50, min_documents: int = 5,
          sample: int = 40) -> list[AuditedValue]:
    """The top `top` values of each facet held by at least `min_documents` language versions,
    each with the mentions found in up to `sample` of its documents and its flags."""
    out = []
    for facet in facets:
        result = engine.search(SearchRequest.create(facets=(facet,), facet_size=top, versions=True, per_page=1))
        for value in result.facets.get(facet, [])[:top]:
            if value.count < min_documents:
                continue
            hits = engine.search(SearchRequest.create(filters={facet: [value.value]}, versions=True, facets=(),
                                                      per_page=sample, sort="date")).hits
            docs = [d for d in (engine.get(h.id) for h in hits) if d is not None]
            mentions = [m for d in docs for m in mentions_in(d, facet, value.value)]
            out.append(AuditedValue(facet, value.value, value.count, len(docs), mentions, flags_of(mentions, docs)))
    return out


def report(values: list[AuditedValue], examples: int = 3, only_flagged: bool = False) -> str:
    """The audit as text: per facet, each value with its count, flags and a few contexts."""
    lines, facet = [], None
    for v in values:
        if only_flagged and not v.flags:
            continue
        if v.facet != facet:
            facet = v.facet
            lines.append(f"== {facet}")
        mark = "!" if v.flags else " "
        lines.append(f"{mark} {v.value}  {v.documents} documents ({len(v.mentions)} mentions in {v.sampled} read)"
                     + (f"  FLAGS: {'; '.join(v.flags)}" if v.flags else ""))
        lines += [f"      {m.context}" for m in v.mentions[:examples]]
    return "\n".join(lines)
