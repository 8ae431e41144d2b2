"""A result row from a stored document: the same `Hit`, snippet and title marks from every engine."""
from __future__ import annotations

from indexer.model import Communique

from typing import Sequence

from ..collapse import choose, group_of
from ..highlight import highlight_title, make_snippet, snippet_page
from ..query import Node
from ..request import SearchRequest
from ..results import Hit


def hit_from_doc(doc: Communique, node: Node, score: float | None = None) -> Hit:
    """`node` is the tree to highlight (the request's `query.highlight_for(doc.language)`)."""
    return Hit(
        id=doc.id,
        title=doc.title,
        date=doc.date,
        language=doc.language,
        countries=list(doc.countries),
        issuer=doc.issuer,
        persons=list(doc.persons),
        organisations=list(doc.organisations),
        places=list(doc.places),
        snippet=make_snippet(doc.text, node, doc.language),
        snippet_page=snippet_page(doc.text, doc.pages, node, doc.language),
        title_html=highlight_title(doc.title, node, doc.language),
        score=score,
        translation_group=doc.translation_group,
        declared_language=doc.declared_language,
        added=doc.added,
    )


def hits_shown(ranked: Sequence[Sequence[tuple[Communique, float | None]]], request: SearchRequest) -> list[Hit]:
    """One result per communiqué from its matching versions (in rank order): the version the reader
    prefers, with the others listed."""
    hits = []
    for versions in ranked:
        shown, others = choose(versions, request)
        doc, score = versions[shown]
        hit = hit_from_doc(doc, request.query.highlight_for(doc.language), score=score)
        hit.group, hit.versions = group_of(doc), others
        hits.append(hit)
    return hits
