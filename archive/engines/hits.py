"""A result row from a stored document: the same `Hit`, snippet and title marks from every engine."""
from __future__ import annotations

from indexer.model import Communique

from ..highlight import highlight_title, make_snippet
from ..query import Node
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
        title_html=highlight_title(doc.title, node, doc.language),
        score=score,
        translation_group=doc.translation_group,
        declared_language=doc.declared_language,
    )
