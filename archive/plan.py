"""The query as engines and the highlighter receive it: parsed, checked and expanded once.

`SearchRequest.query` holds the `QueryPlan` of its `q` (made on first use and
kept with the request), so no engine, body builder or highlighter parses the
query text again.
"""
from __future__ import annotations

from dataclasses import dataclass

from .facets import UnknownValue, facet
from .query import And, KeywordMatch, Node, Not, Or, Phrase, QuerySyntaxError, parse_query


@dataclass(frozen=True)
class QueryPlan:
    tree: Node  # as typed
    match: Node  # what engines match: the tree, widened by cross-language expansion
    highlight: Node  # what snippets mark (expansions under NOT left out)
    expansions: tuple[str, ...] = ()  # names added by expansion, shown as "also matching"


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


def plan_query(q: str, expand: bool = True) -> QueryPlan:
    """Parse `q` (QuerySyntaxError with a readable message) and expand it if asked."""
    tree = parse_query(q)
    _check_values(tree)
    if not expand:
        return QueryPlan(tree, tree, tree)
    from .expansion import expand as widen  # the gazetteers load on first use

    match, shown, marked = widen(tree)
    highlight = Or((match, *[Phrase(n) for n in marked])) if marked else match
    return QueryPlan(tree, match, highlight, tuple(shown))
