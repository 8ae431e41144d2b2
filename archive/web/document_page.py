"""View-model of a document page: the stored communiqué, its entities marked, links out."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from markupsafe import Markup

from indexer.model import Communique

from ..results import Hit
from ..highlight import match_spans
from ..query import Node
from .entities import MATCH, Entity, Span, gazetteer_spans, literal_spans, render_spans
from .hits import DocLink, HitView, hit_view
from .links import Link, safe_url
from ..facets import FACETS
from flask_babel import gettext

from ..labels import country_name, language_name, local_country_names

FacetLink = Callable[[str, str], str]  # (facet, value) -> search URL
PART_CHARS = 60_000  # characters of text on one page; a longer document is read in parts


def text_parts(text: str, size: int = PART_CHARS) -> list[tuple[int, int]]:
    """(start, end) of each part of `text`: about `size` characters, cut between paragraphs where possible."""
    bounds, start = [], 0
    while len(text) - start > size:
        end = start + size
        for mark in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(mark, start + size * 3 // 4, end)
            if cut > start:
                end = cut + len(mark)
                break
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


@dataclass
class FacetLinks:
    name: str
    label: str
    links: list[Link]


@dataclass
class DocumentPage:
    doc: Communique
    title: str
    date: str
    issuer: Link | None
    language: Link | None
    declared_language: str  # only when it differs from the detected language
    text_html: Markup
    facets: list[FacetLinks]
    translations: list[Link]
    similar: list[HitView]
    source_url: str | None  # a link only when its scheme is safe (http, https, mailto)
    warnings: list[str] = field(default_factory=list)
    issuer_country: Link | None = None
    sources: list[str] = field(default_factory=list)  # every file it was read from (duplicates merged)
    omitted: dict[str, str] = field(default_factory=dict)  # part left out -> note for the reader
    source_text: str | None = None  # a source URL shown as text: its scheme is not safe to link
    dateline: Link | None = None
    context: "SearchContext | None" = None  # the search the reader came from
    part: int = 1  # the part of a long text shown (1-based)
    parts: int = 1
    prev_part_url: str | None = None
    next_part_url: str | None = None
    attachments: list[Link] = field(default_factory=list)  # its attached files; a url when one was indexed
    attached_to: Link | None = None  # the message an attachment came with

    def to_json(self, translation_ids: list[str], similar_ids: list[str]) -> dict:
        data = self.doc.to_dict()
        if self.parts > 1:  # a long text is given a part at a time, like the page
            start, end = text_parts(self.doc.text)[self.part - 1]
            data.update(text=self.doc.text[start:end], part=self.part, parts=self.parts,
                        text_length=len(self.doc.text), next=self.next_part_url, prev=self.prev_part_url)
        data["translations"] = translation_ids
        data["more_like_this"] = similar_ids
        if self.omitted:
            data["omitted"] = self.omitted
        return data


def attachment_name(entry: str) -> str:
    """The file name of an attachments entry (an e-mail's file name, a news-service URI)."""
    from urllib.parse import unquote, urlparse

    name = unquote(urlparse(entry).path).rstrip("/").rsplit("/", 1)[-1] if "://" in entry else entry
    return name or entry


def document_entities(doc: Communique) -> list[Entity]:
    """Every name to mark in the text; countries under their English and local names."""
    entities = [Entity(p, "person", p) for p in doc.persons]
    entities += [Entity(o, "org", o) for o in doc.organisations]
    entities += [Entity(p, "place", p) for p in doc.places]
    for code in doc.countries:
        entities += [Entity(name, "country", code) for name in local_country_names(code, doc.language)]
    return entities


@dataclass
class SearchContext:
    """Where a document page was opened from: a search, and the document's place in its results."""

    back_url: str
    position: int
    total: int
    prev_url: str | None = None
    next_url: str | None = None
    highlight: Node | None = None  # the search's words, marked in the text


def build_document_page(doc: Communique, translations: list[Communique], similar: list[Hit],
                        facet_link: FacetLink, doc_link: DocLink,
                        omitted: dict[str, str] | None = None, part: int = 1,
                        context: SearchContext | None = None, message: Communique | None = None) -> DocumentPage:
    """The page; a text longer than PART_CHARS shows its part `part` (clamped to the parts there are)."""
    bounds = text_parts(doc.text)
    part = min(max(part, 1), len(bounds))
    start, end = bounds[part - 1]
    text = doc.text[start:end]

    def part_url(n: int) -> str:
        return doc_link(doc.id) + (f"?part={n}" if n > 1 else "")

    facets = [FacetLinks(f.name, gettext(f.label), [Link(f.value_label(v), facet_link(f.name, v), v) for v in f.values(doc)])
              for f in FACETS if f.on_document]
    declared = ""
    if doc.declared_language and doc.language and doc.declared_language != doc.language:
        declared = language_name(doc.declared_language)
    return DocumentPage(
        doc=doc,
        title=doc.title or "(untitled)",
        date=doc.date or "",
        issuer=Link(doc.issuer, facet_link("issuer", doc.issuer), doc.issuer) if doc.issuer else None,
        language=(Link(language_name(doc.language), facet_link("language", doc.language), doc.language)
                  if doc.language else None),
        declared_language=declared,
        text_html=render_spans(text, _spans(doc, text, context), facet_link),
        facets=[f for f in facets if f.links],
        translations=[Link(f"{language_name(t.language)}: {t.title or '(untitled)'}", doc_link(t.id), t.language or "")
                      for t in translations if t.id != doc.id],
        similar=[hit_view(h, doc_link, facet_link) for h in similar],
        source_url=safe_url(doc.url),
        source_text=doc.url if doc.url and not safe_url(doc.url) else None,
        warnings=list(doc.warnings),
        attachments=[Link(attachment_name(a), doc_link(doc.attachment_links[a]) if a in doc.attachment_links else "", a)
                     for a in doc.attachments],
        attached_to=Link(message.title or "(untitled)", doc_link(message.id)) if message is not None else None,
        issuer_country=(Link(country_name(doc.issuer_country), facet_link("issuer_country", doc.issuer_country),
                             doc.issuer_country) if doc.issuer_country else None),
        sources=list(doc.sources or [doc.source]),
        dateline=Link(doc.dateline, facet_link("dateline", doc.dateline), doc.dateline) if doc.dateline else None,
        omitted=dict(omitted or {}),
        part=part,
        parts=len(bounds),
        prev_part_url=part_url(part - 1) if part > 1 else None,
        next_part_url=part_url(part + 1) if part < len(bounds) else None,
        context=context,
    )


def _spans(doc: Communique, text: str, context: SearchContext | None) -> list[Span]:
    """Entities (linked) and, where none stands, the search's own words (marked)."""
    spans = literal_spans(text, document_entities(doc)) + gazetteer_spans(doc, text)
    if context and context.highlight is not None:
        spans += [Span(start, end, MATCH, "") for start, end in match_spans(text, context.highlight, doc.language)]
    return spans
