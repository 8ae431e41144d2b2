"""Mark a document's tagged entities in its text, safely.

The text is split around entity occurrences; every piece is escaped and only
our own <mark>/<a> elements are added, so the result is safe HTML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Entity:
    name: str  # as written in the text
    facet: str  # person, org, place, country
    value: str  # the facet value to search for (a country code for countries)


def _pattern(entities: list[Entity]) -> re.Pattern | None:
    names = sorted({e.name for e in entities if e.name and e.name.strip()}, key=len, reverse=True)
    if not names:
        return None
    # Longest first so "European Central Bank" wins over "European"; no match inside a word.
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def mark_entities(text: str, entities: list[Entity], link: Callable[[str, str], str]) -> Markup:
    """`text` as HTML with each entity occurrence wrapped in <mark class="entity entity-FACET">.

    `link(facet, value)` gives the search URL an entity links to.
    """
    pattern = _pattern(entities)
    if pattern is None:
        return escape(text)
    by_name: dict[str, Entity] = {}
    for e in entities:
        by_name.setdefault(e.name, e)
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        e = by_name[m.group(0)]
        out.append(escape(text[last:m.start()]))
        out.append(Markup('<mark class="entity entity-{cls}"><a href="{url}" title="{title}">{name}</a></mark>').format(
            cls=e.facet, url=link(e.facet, e.value), title=f"Search {e.facet}: {e.value}", name=m.group(0)))
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)
