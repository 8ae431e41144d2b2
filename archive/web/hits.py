"""View-model of one search hit (a result row, a 'more like this' entry)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlencode

from markupsafe import Markup, escape

from ..request import SearchRequest
from ..results import Hit
from .links import Link
from ..labels import country_name, language_name

RequestLink = Callable[[SearchRequest], str]
DocLink = Callable[[str], str]


@dataclass
class HitView:
    id: str
    title: str
    title_html: Markup  # the title with query matches marked
    url: str
    date: str
    issuer: str
    language: str  # code
    language_label: str
    declared_language_label: str  # set only when it differs from the detected language
    countries: list[Link]  # every country, for JSON
    snippet: Markup
    snippet_page: int | None = None  # in a paged document (PDF): the page the snippet is from
    shown_countries: list[Link] = field(default_factory=list)  # the first few, selected ones first
    more_countries: int = 0  # how many are not shown
    group: str | None = None  # the communiqué
    versions: list[Link] = field(default_factory=list)  # its other matching language versions
    context_url: str | None = None  # the document page that knows the search it came from (back, next)
    added: str | None = None  # when the archive first indexed it
    new: bool = False  # added since the reader last opened this saved search

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "date": self.date or None,
            "issuer": self.issuer or None,
            "language": self.language or None,
            "countries": [c.value for c in self.countries],
            "snippet": str(self.snippet),
            "snippet_page": self.snippet_page,
            "group": self.group,
            "languages": [self.language] + [v.value for v in self.versions] if self.language else
                         [v.value for v in self.versions],
            "versions": [{"language": v.value, "url": v.url} for v in self.versions],
            "added": self.added,
            **({"new": True} if self.new else {}),
        }


MAX_SHOWN_COUNTRIES = 6


def hit_view(hit: Hit, doc_link: DocLink, filter_link: Callable[[str, str], str | None],
             selected_countries: tuple[str, ...] = (), context: tuple[str, int] | None = None) -> HitView:
    """`filter_link(facet, value)` is the URL that narrows a search to that value (None where the
    search already holds as many values of that facet as it may).

    A communiqué can name dozens of countries; a row shows a few, those the
    search is filtered by first, and says how many more there are.
    """
    declared = ""
    if hit.declared_language and hit.language and hit.declared_language != hit.language:
        declared = language_name(hit.declared_language)
    countries = [Link(country_name(c), filter_link("country", c), c, c in selected_countries) for c in hit.countries]
    ordered = sorted(countries, key=lambda link: link.value not in selected_countries)
    return HitView(
        id=hit.id,
        title=hit.title or "(untitled)",
        # Like the snippet, the engine's title_html is escaped text with only <mark>.
        title_html=Markup(getattr(hit, "title_html", "") or "") or escape(hit.title or "(untitled)"),
        url=doc_link(hit.id),
        date=hit.date or "",
        issuer=hit.issuer or "",
        language=hit.language or "",
        language_label=language_name(hit.language),
        declared_language_label=declared,
        countries=countries,
        shown_countries=ordered[:MAX_SHOWN_COUNTRIES],
        more_countries=max(0, len(countries) - MAX_SHOWN_COUNTRIES),
        # The engine escapes the text and adds only <mark>: the one trusted HTML here.
        snippet=Markup(hit.snippet or ""),
        snippet_page=getattr(hit, "snippet_page", None),
        group=hit.group,
        versions=[Link(language.upper() or "?", doc_link(doc_id), language) for language, doc_id in hit.versions],
        # (the search's own query string, the hit's place in the whole result list)
        context_url=f"{doc_link(hit.id)}?{urlencode({'search': context[0], 'hit': context[1]})}" if context else None,
        added=getattr(hit, "added", None),
    )
