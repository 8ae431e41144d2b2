"""The query as engines and the highlighter receive it: parsed, checked and expanded once.

`SearchRequest.query` holds the `QueryPlan` of its `q` (made on first use and
kept with the request), so no engine, body builder or highlighter parses the
query text again.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .facets import UnknownValue, facet
from .query import And, KeywordMatch, Node, Not, Or, Phrase, QuerySyntaxError, parse_query


@dataclass(frozen=True)
class QueryPlan:
    tree: Node  # as typed
    match: Node  # what engines match: acronyms as their entity, names widened across languages
    highlight: Node  # what snippets mark, before the names added for a document's language
    expansions: tuple[str, ...] = ()  # names added by expansion, shown as "also matching"
    marked: tuple = ()  # expansion.Name: names added that snippets may mark
    _by_language: dict = field(default_factory=dict, compare=False, repr=False)

    def highlight_for(self, language: str | None) -> Node:
        """What to mark in a document of `language`: the query, plus the added names of that
        language, English, or of no one language (a snippet never marks "Türkei" in French)."""
        if language not in self._by_language:
            names = [n.text for n in self.marked if n.language in (None, "en", language)]
            self._by_language[language] = Or((self.highlight, *[Phrase(n) for n in names])) if names \
                else self.highlight
        return self._by_language[language]


def _check_values(node: Node) -> None:
    """Refuse `field:value` that names nothing (`country:Atlantis`) before any engine runs."""
    if isinstance(node, KeywordMatch):
        try:
            facet(node.field).query_value(node.value)
        except UnknownValue as exc:
            raise QuerySyntaxError(str(exc)) from None
    elif isinstance(node, (And, Or)):
        for child in node.children:
            _check_values(child)
    elif isinstance(node, Not):
        _check_values(node.child)


@functools.lru_cache(maxsize=1024)
def plan_query(q: str, expand: bool = True) -> QueryPlan:
    """Parse `q` (QuerySyntaxError with a readable message), take acronyms as typed, expand if asked.
    Made once per query and shared (a page makes several requests of one query: links, counts, the
    saved-search lookup); nothing changes a plan once made but the highlight nodes it keeps per language."""
    tree = parse_query(q)
    _check_values(tree)
    from .expansion import as_typed, expand as widen  # the gazetteers load on first use

    if not expand:
        return QueryPlan(tree, as_typed(tree), tree)
    expansion = widen(tree)
    return QueryPlan(tree, as_typed(expansion.match), expansion.match, tuple(expansion.shown),
                     tuple(expansion.marked))
