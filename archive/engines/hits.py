"""A result row from a stored document: the same `Hit`, snippet and title marks from every engine."""
from __future__ import annotations

import threading
from typing import Sequence

from cachetools import LRUCache, cached

from indexer.model import Communique

from ..collapse import choose, group_of
from ..highlight import highlight_title, make_snippet, snippet_page
from ..query import Node
from ..request import SearchRequest
from ..results import Hit


class Marks:
    """A document's snippet, snippet page and marked title for a query, the last MAX made kept: paging
    back, searching again, or narrowing a search by a facet shows many of the same documents for
    the same words, and marking them is most of what a page of results costs. Keyed by what they are
    made from: the highlighted tree, the language, the title, the page starts and the text (by its
    hash, with the document's id)."""

    MAX = 4096

    def __init__(self):
        self._made: LRUCache = LRUCache(self.MAX)
        self.of = cached(self._made, key=_marks_key, lock=threading.Lock())(marks_of)

    def clear(self) -> None:
        self.of.cache_clear()


def _marks_key(doc: Communique, node: Node) -> tuple:
    return doc.id, hash(doc.text), doc.title, doc.language, tuple(doc.pages), node


def marks_of(doc: Communique, node: Node) -> tuple[str, int | None, str]:
    """A document's snippet, snippet page and marked title for `node`, made afresh."""
    return (make_snippet(doc.text, node, doc.language), snippet_page(doc.text, doc.pages, node, doc.language),
            highlight_title(doc.title, node, doc.language))


def hit_from_doc(doc: Communique, node: Node, score: float | None = None, marks: Marks | None = None) -> Hit:
    """`node` is the tree to highlight (the request's `query.highlight_for(doc.language)`); `marks`:
    where marks made before are kept (the engine's, when it keeps results)."""
    snippet, page, title_html = marks.of(doc, node) if marks is not None else marks_of(doc, node)
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
        snippet=snippet,
        snippet_page=page,
        title_html=title_html,
        score=score,
        translation_group=doc.translation_group,
        declared_language=doc.declared_language,
        added=doc.added,
    )


def hits_shown(ranked: Sequence[Sequence[tuple[Communique, float | None]]], request: SearchRequest,
               marks: Marks | None = None) -> list[Hit]:
    """One result per communiqué from its matching versions (in rank order): the version the reader
    prefers, with the others listed."""
    hits = []
    for versions in ranked:
        shown, others = choose(versions, request)
        doc, score = versions[shown]
        hit = hit_from_doc(doc, request.query.highlight_for(doc.language), score=score, marks=marks)
        hit.group, hit.versions = group_of(doc), others
        hits.append(hit)
    return hits
