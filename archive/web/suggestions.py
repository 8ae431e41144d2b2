"""What the search page says about a search beyond its results: values no document has, "did you mean"."""
from __future__ import annotations

from dataclasses import replace

import re

from ..engines import Engine
from ..expansion import acronym_entity
from ..facets import facet
from ..query import Term, keyword_matches, positive_terms
from ..request import SearchRequest
from ..results import SearchResult
from ..spelling import closest_word
from ..terms import fold_word, words

FEW = 3  # a search that finds fewer communiqués than this gets a "did you mean" when a better one exists


def unmatched_values(engine, req: SearchRequest, result) -> list[str]:
    """A notice for each facet value asked for (in the URL or as `field:value`) that no document has,
    instead of a silent "no results"."""
    asked = [(name, value) for name, values in req.filters + req.exclusions for value in values]
    asked += [(node.field, node.value) for node in keyword_matches(req.query.tree)]
    notices = []
    for name, value in dict.fromkeys(asked):
        declared = facet(name)
        stored = declared.spell(value)
        if any(declared.same(stored, fv.value) and fv.count for fv in result.facets.get(name, ())):
            continue
        probe = SearchRequest.create(filters={name: (stored,)}, per_page=1, facets=())
        if engine.search(probe).total == 0:
            notices.append(f"No document in the archive has {declared.label.lower()} “{value}”.")
    return notices


def did_you_mean(engine: Engine, req: SearchRequest, result: SearchResult) -> SearchRequest | None:
    """The search with its words replaced by the archive's nearest words, when that finds more."""
    if result.total >= FEW:
        return None
    typed = [w for t in positive_terms(req.query.tree)
             if isinstance(t, Term) and not t.prefix and not acronym_entity(t.text)  # an acronym means itself
             for w in words(t.text)]
    q, changed = req.q, False
    for word in dict.fromkeys(typed):
        better = closest_word(word, engine.near_word(fold_word(word)))
        if better:
            q = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", better, q, flags=re.IGNORECASE)
            changed = True
    if not changed or q == req.q:
        return None
    suggested = req.with_query(q)
    # the same search in every other respect (filters, dates, versions, expansion), so the totals compare
    probe = engine.search(replace(suggested, page=1, per_page=1, facets=()))
    return suggested if probe.total > result.total else None
