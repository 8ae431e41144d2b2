"""Mark a document's tagged entities in its text, safely.

Occurrences are found two ways: the indexer's own gazetteers (which know that
"OTAN" is NATO and "Türkei" is TR, with word boundaries and inflections), and
a literal search for the stored names (people, and anything the gazetteers do
not cover). Only entities the document is tagged with are marked. The text is
split around the spans; every piece is escaped and only our own <mark>/<a>
elements are added, so the result is safe HTML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from markupsafe import Markup, escape

from indexer.model import Communique

FacetLink = Callable[[str, str], str]  # (facet, value) -> search URL


@dataclass(frozen=True)
class Entity:
    name: str  # as written in the text
    facet: str  # person, org, place, country
    value: str  # the facet value to search for (a country code for countries)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    facet: str
    value: str


def literal_spans(text: str, entities: Iterable[Entity]) -> list[Span]:
    """Whole-word occurrences of each entity's name (longest name first at a position)."""
    by_name: dict[str, Entity] = {}
    for e in entities:
        if e.name and e.name.strip():
            by_name.setdefault(e.name, e)
    if not by_name:
        return []
    names = sorted(by_name, key=len, reverse=True)
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(n) for n in names)})(?!\w)")
    return [Span(m.start(), m.end(), by_name[m.group(0)].facet, by_name[m.group(0)].value)
            for m in pattern.finditer(text)]


def gazetteer_spans(doc: Communique, text: str | None = None) -> list[Span]:
    """Mentions of the document's countries, organisations and places in `text` (default: all of
    its text), as the indexer finds them."""
    from indexer.analysis import countries, organisations, places

    text = doc.text if text is None else text
    spans = []
    wanted_countries = set(doc.countries)
    for m in countries.gazetteer().find(text):
        code, kind, langs = m.value
        # A capital ("Ankara") is marked as the place it is, not as its country.
        if code in wanted_countries and kind != countries.CAPITAL and (langs is None or doc.language in langs):
            spans.append(Span(m.char_start, m.char_end, "country", code))
    for facet, module, wanted in (("org", organisations, doc.organisations), ("place", places, doc.places)):
        wanted = set(wanted)
        spans += [Span(m.char_start, m.char_end, facet, m.value)
                  for m in module.gazetteer().find(text) if m.value in wanted]
    return spans


def _non_overlapping(spans: Iterable[Span]) -> list[Span]:
    """Leftmost-longest: a span that overlaps an earlier (or longer, same-start) one is dropped."""
    chosen, until = [], 0
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start >= until:
            chosen.append(span)
            until = span.end
    return chosen


MATCH = "match"  # a span of the search's words (no facet, no link)


def render_spans(text: str, spans: Iterable[Span], link: FacetLink) -> Markup:
    """`text` as HTML, each span wrapped in <mark class="entity entity-FACET"> with a search link,
    or, for the search's own words (facet MATCH), in <mark class="match">."""
    out: list[str] = []
    last = 0
    for s in _non_overlapping(spans):
        out.append(escape(text[last:s.start]))
        if s.facet == MATCH:
            out.append(Markup('<mark class="match">{}</mark>').format(text[s.start:s.end]))
        else:
            out.append(Markup('<mark class="entity entity-{facet}"><a href="{url}" title="{title}">{name}</a></mark>')
                       .format(facet=s.facet, url=link(s.facet, s.value), title=f"Search {s.facet}: {s.value}",
                               name=text[s.start:s.end]))
        last = s.end
    out.append(escape(text[last:]))
    return Markup("").join(out)


def mark_entities(text: str, entities: list[Entity], link: FacetLink) -> Markup:
    """Mark the literal occurrences of `entities` in `text`."""
    return render_spans(text, literal_spans(text, entities), link)
