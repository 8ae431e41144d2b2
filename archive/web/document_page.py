"""View-model of a document page: the stored communiqué, its entities marked, links out."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from markupsafe import Markup

from indexer.model import Communique

from ..results import Hit
from .entities import Entity, gazetteer_spans, literal_spans, render_spans
from .hits import DocLink, HitView, hit_view
from .links import Link
from ..facets import FACETS
from ..labels import country_name, language_name, local_country_names

FacetLink = Callable[[str, str], str]  # (facet, value) -> search URL


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
    source_url: str | None
    warnings: list[str] = field(default_factory=list)
    issuer_country: Link | None = None
    sources: list[str] = field(default_factory=list)  # every file it was read from (duplicates merged)
    omitted: dict[str, str] = field(default_factory=dict)  # part left out -> note for the reader

    def to_json(self, translation_ids: list[str], similar_ids: list[str]) -> dict:
        data = self.doc.to_dict()
        data["translations"] = translation_ids
        data["more_like_this"] = similar_ids
        if self.omitted:
            data["omitted"] = self.omitted
        return data


def document_entities(doc: Communique) -> list[Entity]:
    """Every name to mark in the text; countries under their English and local names."""
    entities = [Entity(p, "person", p) for p in doc.persons]
    entities += [Entity(o, "org", o) for o in doc.organisations]
    entities += [Entity(p, "place", p) for p in doc.places]
    for code in doc.countries:
        entities += [Entity(name, "country", code) for name in local_country_names(code, doc.language)]
    return entities


def build_document_page(doc: Communique, translations: list[Communique], similar: list[Hit],
                        facet_link: FacetLink, doc_link: DocLink,
                        omitted: dict[str, str] | None = None) -> DocumentPage:
    facets = [FacetLinks(f.name, f.label, [Link(f.value_label(v), facet_link(f.name, v), v) for v in f.values(doc)])
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
        text_html=render_spans(doc.text, literal_spans(doc.text, document_entities(doc)) + gazetteer_spans(doc),
                               facet_link),
        facets=[f for f in facets if f.links],
        translations=[Link(f"{language_name(t.language)}: {t.title or '(untitled)'}", doc_link(t.id), t.language or "")
                      for t in translations if t.id != doc.id],
        similar=[hit_view(h, doc_link, facet_link) for h in similar],
        source_url=doc.url,
        warnings=list(doc.warnings),
        issuer_country=(Link(country_name(doc.issuer_country), facet_link("issuer_country", doc.issuer_country),
                             doc.issuer_country) if doc.issuer_country else None),
        sources=list(doc.sources or [doc.source]),
        omitted=dict(omitted or {}),
    )
