"""One query compiler for every engine: what a search means is decided here, once.

`QueryCompiler` walks the archive's query tree (archive.query, planned once on
the `SearchRequest`) and the request's filters; an engine supplies only a
`Backend`, the leaf builders that spell a term, a phrase, a prefix, a set of
values, a range and a boolean in its own query language. Semantics written
here and nowhere else:

- a word or phrase matches its stem in any language slot, or its folded form;
  titles weigh `TITLE_BOOST` times the text; `pref*` matches folded words
  starting with the prefix (earlier words of `a b*` as a phrase);
- `field:value` on a facet matches the value as the facet declares it
  (archive.facets: codes, folded names, country names);
- AND / OR / NOT as typed; a query of only NOTs means "everything except";
- facet selections: OR within a facet, AND across facets; exclusions and
  dates apply to everything, counts included; undated documents fall outside
  every date range.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Generic, Sequence, TypeVar

from indexer.model import added_key

from ..dates import date_bounds
from ..facets import UnknownValue, facet
from ..names import AS_WRITTEN, STEM_AND_NAME, country_name_match
from ..query import And, KeywordMatch, MatchAll, Node, Not, Or, Phrase, QuerySyntaxError, Term
from ..request import SearchRequest
from ..terms import LANG_SLOTS, folded, stemmed

Q = TypeVar("Q")  # an engine's query object
TITLE_BOOST = 2.0  # a word in the title weighs twice a word in the text
TEXT_KINDS = ("title", "text")


class Backend(ABC, Generic[Q]):
    """The leaf builders of one engine."""

    # -- field names -------------------------------------------------------------------------
    @abstractmethod
    def text_field(self, kind: str, slot: str) -> str:
        """The field of `kind` (title, text) for a language slot or "folded"."""

    @abstractmethod
    def facet_field(self, name: str) -> str:
        """The exact-value field of a facet."""

    @abstractmethod
    def key_field(self, name: str) -> str:
        """The folded-key field of a facet declared `folded`."""

    @abstractmethod
    def date_field(self, order: str) -> str:
        """The integer date key: "desc" (undated = 0) or "asc" (undated = a high number)."""

    @abstractmethod
    def added_field(self) -> str:
        """The integer time the archive first indexed a document (seconds since 1970, UTC; 0: unknown)."""

    # -- queries -------------------------------------------------------------------------------
    @abstractmethod
    def match_all(self) -> Q: ...

    @abstractmethod
    def match_none(self) -> Q: ...

    @abstractmethod
    def term(self, field: str, token: str, boost: float | None = None) -> Q:
        """One token on a text field (`boost` None: a keyword field, no scoring weight)."""

    @abstractmethod
    def phrase(self, field: str, tokens: Sequence[str], boost: float) -> Q: ...

    @abstractmethod
    def prefix(self, field: str, prefix: str) -> Q: ...

    @abstractmethod
    def terms(self, field: str, values: Sequence[str]) -> Q:
        """Any of several exact values."""

    @abstractmethod
    def range(self, field: str, gte: int | None = None, lte: int | None = None) -> Q: ...

    @abstractmethod
    def all_of(self, must: list[Q], must_not: list[Q] | None = None, filter: list[Q] | None = None) -> Q:
        """Every `must` and `filter` clause, no `must_not` clause (`must` is never empty)."""

    @abstractmethod
    def any_of(self, should: list[Q]) -> Q:
        """At least one clause."""


class QueryCompiler(Generic[Q]):
    def __init__(self, backend: Backend[Q]):
        self.b = backend

    # -- the query tree ------------------------------------------------------------------------

    def text(self, node: Node) -> Q:
        """The engine query for a (planned) query tree."""
        b = self.b
        if isinstance(node, MatchAll):
            return b.match_all()
        if isinstance(node, Term) and node.prefix:
            return self._prefix(node)
        if isinstance(node, (Term, Phrase)):
            return self.words(node.text, node.field)
        if isinstance(node, KeywordMatch):
            return self.keyword(node)
        if isinstance(node, And):
            must = [self.text(c) for c in node.children if not isinstance(c, Not)]
            must_not = [self.text(c.child) for c in node.children if isinstance(c, Not)]
            return b.all_of(must or [b.match_all()], must_not)
        if isinstance(node, Or):
            return b.any_of([self.text(c) for c in node.children])
        if isinstance(node, Not):
            return b.all_of([b.match_all()], [self.text(node.child)])
        raise QuerySyntaxError(f"Unsupported query part {node!r}")

    def _kinds(self, field: str | None) -> tuple[str, ...]:
        return TEXT_KINDS if field is None else (field,)

    def _tokens(self, kind: str, slot: str, tokens: list[str]) -> Q:
        """A term (one token) or phrase (several) on one text field, titles boosted."""
        if not tokens:
            return self.b.match_none()
        field = self.b.text_field(kind, slot)
        boost = TITLE_BOOST if kind == "title" else 1
        if len(tokens) == 1:
            return self.b.term(field, tokens[0], boost)
        return self.b.phrase(field, tokens, boost)

    def words(self, text: str, field: str | None = None) -> Q:
        """Text in any language slot (stemmed as that language would) or in the folded fields."""
        kinds = self._kinds(field)
        rules = {s: country_name_match(text, s) for s in LANG_SLOTS}  # Niger is not Nigeria, Mali not "mal"
        should = []
        for k in kinds:
            for s in LANG_SLOTS:
                if rules[s] == AS_WRITTEN:
                    continue
                query = self._tokens(k, s, stemmed(text, s))
                if rules[s] == STEM_AND_NAME:  # the stem, in a text with a word that begins with the name
                    query = self.b.all_of([query, self.b.prefix(self.b.text_field(k, "folded"), folded(text)[0])])
                should.append(query)
        should += [self._tokens(k, "folded", folded(text)) for k in kinds]
        return self.b.any_of(should)

    def _prefix(self, node: Term) -> Q:
        tokens = folded(node.text)
        if not tokens:
            return self.b.match_none()
        kinds = self._kinds(node.field)
        must = [self.b.any_of([self.b.prefix(self.b.text_field(k, "folded"), tokens[-1]) for k in kinds])]
        if len(tokens) > 1:
            must.append(self.words(" ".join(tokens[:-1]), node.field))
        return self.b.all_of(must)

    def keyword(self, node: KeywordMatch) -> Q:
        """`facet:value`, matched as the facet declares."""
        try:
            kind, value = facet(node.field).query_value(node.value)
        except UnknownValue as exc:
            raise QuerySyntaxError(str(exc)) from None
        field = self.b.key_field(node.field) if kind == "key" else self.b.facet_field(node.field)
        return self.b.term(field, value)

    # -- the request's filters -------------------------------------------------------------------

    def selection(self, name: str, values: Sequence[str]) -> Q:
        """Any of `values` of a facet: stored values exactly, or, for folded facets, without case and accents."""
        declared = facet(name)
        field = self.b.key_field(name) if declared.folded else self.b.facet_field(name)
        return self.b.terms(field, declared.terms(values))

    def selections(self, request: SearchRequest, skip: str | None = None) -> list[Q]:
        """The facet selections (each facet's values OR-ed), except `skip`'s own."""
        return [self.selection(name, values) for name, values in request.filters if name != skip]

    def exclusions(self, request: SearchRequest) -> list[Q]:
        return [self.selection(name, values) for name, values in request.exclusions]

    def dates(self, request: SearchRequest) -> list[Q]:
        low, high = date_bounds(request.date_from, request.date_to)
        # Undated documents hold 0 in the descending key and a high number in the
        # ascending one, so each bound is checked on the key that keeps them out.
        out = []
        if low is not None:
            out.append(self.b.range(self.b.date_field("desc"), gte=low))
        if high is not None:
            out.append(self.b.range(self.b.date_field("asc"), lte=high))
        if request.added_after:
            out.append(self.b.range(self.b.added_field(), gte=added_key(request.added_after) + 1))
        return out

    def main(self, request: SearchRequest) -> Q:
        """The query with exclusions and dates, before facet selections (which counts treat apart)."""
        return self.b.all_of([self.text(request.query.match)], must_not=self.exclusions(request),
                             filter=self.dates(request))

    def narrow(self, main: Q, request: SearchRequest, skip: str | None = None) -> Q:
        """`main` with every facet selection except `skip`'s: the hits (skip None) or what
        `skip`'s counts are made over."""
        selections = self.selections(request, skip)
        return self.b.all_of([main], filter=selections) if selections else main
