"""The Elasticsearch search body and document source, built without a server (pure functions).

`build_body(request)` gives the whole search body for a `SearchRequest`:
the text query compiled from the archive's own query tree over the tokens of
archive.terms; facet filters in `post_filter`, so that each facet is counted
with every filter except its own; exclusions and dates in the main query, so
they apply to every count. `to_source(doc)` gives what is sent for a document.
"""
from __future__ import annotations

import json
from pathlib import Path

from indexer.analysis.fold import fold
from indexer.model import Communique

from ..query import And, KeywordMatch, MatchAll, Node, Not, Or, Phrase, QuerySyntaxError, Term
from ..request import FACETS, SearchRequest
from ..terms import LANG_SLOTS, folded, folded_field, slot, stemmed, stemmed_field
from .common import (AGG_SIZE, FOLDED_KEYS, TITLE_BOOST, date_bounds, date_keys, facet_values, prepare_query,
                     resolve_country, sort_facet_values)

TEMPLATE_PATH = Path(__file__).with_name("es_template.json")
MAX_WINDOW = 10_000  # index.max_result_window: deeper pages walk with search_after


def load_template() -> dict:
    """The index template as kept in the repository (without index patterns)."""
    return json.loads(TEMPLATE_PATH.read_text(encoding="utf-8"))




def facet_field(facet: str) -> str:
    return f"facet.{facet}"


def to_source(doc: Communique) -> dict:
    """The JSON sent to Elasticsearch: the whole Communique plus index-only fields.

    `search`, `facet` and `key` are excluded from the stored _source (the template
    says so), so `Communique.from_dict(_source)` gives back exactly what was indexed.
    """
    where = slot(doc.language)
    desc, asc = date_keys(doc.date)
    source = doc.to_dict()
    source["search"] = {
        f"title_{where}": stemmed_field(doc.title or "", doc.language),
        f"text_{where}": stemmed_field(doc.text or "", doc.language),
        "title_folded": folded_field(doc.title or ""), "text_folded": folded_field(doc.text or ""),
        "date_desc": desc, "date_asc": asc,
    }
    source["facet"] = {f: facet_values(doc, f) for f in FACETS}
    source["key"] = {f: [fold(v) for v in facet_values(doc, f)] for f in FOLDED_KEYS}
    return source


# -- query compilation (pure) ----------------------------------------------------------------

def _match(field: str, tokens: list[str]) -> dict:
    """A term (one token) or phrase (several) on one field, titles boosted."""
    if not tokens:
        return {"match_none": {}}
    boost = TITLE_BOOST if field.startswith("search.title_") else 1
    if len(tokens) == 1:
        return {"term": {field: {"value": tokens[0], "boost": boost}}}
    return {"match_phrase": {field: {"query": " ".join(tokens), "boost": boost}}}


def _words(text: str, field: str | None) -> dict:
    """Text in any language slot (stemmed as that language would) or in the folded fields."""
    kinds = ["title", "text"] if field is None else [field]
    should = [_match(f"search.{k}_{s}", stemmed(text, s)) for k in kinds for s in LANG_SLOTS]
    should += [_match(f"search.{k}_folded", folded(text)) for k in kinds]
    return {"bool": {"should": should, "minimum_should_match": 1}}


def _keyword(node: KeywordMatch) -> dict:
    if node.field in ("country", "issuer_country"):
        return {"term": {facet_field(node.field): resolve_country(node.value)}}
    if node.field in FOLDED_KEYS:
        return {"term": {f"key.{node.field}": fold(node.value)}}
    value = node.value.lower() if node.field == "language" else node.value
    return {"term": {facet_field(node.field): value}}


def text_query(node: Node) -> dict:
    """Compile the parsed query tree; our tree decides AND/OR/NOT, never ES's parser."""
    if isinstance(node, MatchAll):
        return {"match_all": {}}
    if isinstance(node, (Term, Phrase)) and not getattr(node, "prefix", False):
        return _words(node.text, node.field)
    if isinstance(node, Term):  # prefix: the last word is a prefix, earlier words a phrase
        kinds = ["title", "text"] if node.field is None else [node.field]
        tokens = folded(node.text)
        if not tokens:
            return {"match_none": {}}
        prefix = [{"prefix": {f"search.{k}_folded": {"value": tokens[-1]}}} for k in kinds]
        must = [{"bool": {"should": prefix, "minimum_should_match": 1}}]
        if len(tokens) > 1:
            must.append(_words(" ".join(tokens[:-1]), node.field))
        return {"bool": {"must": must}}
    if isinstance(node, KeywordMatch):
        return _keyword(node)
    if isinstance(node, And):
        must = [text_query(c) for c in node.children if not isinstance(c, Not)]
        must_not = [text_query(c.child) for c in node.children if isinstance(c, Not)]
        return {"bool": {"must": must or [{"match_all": {}}], "must_not": must_not}}
    if isinstance(node, Or):
        return {"bool": {"should": [text_query(c) for c in node.children], "minimum_should_match": 1}}
    if isinstance(node, Not):
        return {"bool": {"must": [{"match_all": {}}], "must_not": [text_query(node.child)]}}
    raise QuerySyntaxError(f"Unsupported query part {node!r}")


def _terms(facet: str, values) -> dict:
    return {"terms": {facet_field(facet): list(values)}}


def _filters(request: SearchRequest, skip: str | None = None) -> list[dict]:
    return [_terms(f, values) for f, values in request.filters if f != skip]


def _main_query(request: SearchRequest) -> dict:
    low, high = date_bounds(request.date_from, request.date_to)
    # Undated documents hold 0 in date_desc and a high number in date_asc, so each
    # bound is checked on the key that keeps them out of any range (as in tantivy).
    dates = []
    if low is not None:
        dates.append({"range": {"search.date_desc": {"gte": low}}})
    if high is not None:
        dates.append({"range": {"search.date_asc": {"lte": high}}})
    node, _, _ = prepare_query(request)  # the parsed query, widened by cross-language expansion
    return {"bool": {"must": [text_query(node)], "filter": dates,
                     "must_not": [_terms(f, values) for f, values in request.exclusions]}}


def _sort(request: SearchRequest) -> list:
    if request.sort == "date":
        return [{"search.date_desc": "desc"}, {"id": "asc"}]
    if request.sort == "date_asc":
        return [{"search.date_asc": "asc"}, {"id": "asc"}]
    return ["_score", {"id": "asc"}]


def _aggregations(request: SearchRequest) -> dict:
    aggs = {}
    for facet in FACETS:
        if facet not in request.facets:
            continue
        others = _filters(request, skip=facet)
        aggs[facet] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {"values": {"terms": {"field": facet_field(facet), "size": AGG_SIZE}}},
        }
    return aggs


def build_body(request: SearchRequest, search_after: list | None = None) -> dict:
    """The search body for `request` (pure). With `search_after`, the page follows those sort values."""
    body = {
        "query": _main_query(request),
        "aggs": _aggregations(request),
        "sort": _sort(request),
        "size": request.per_page,
        "track_total_hits": True,
    }
    filters = _filters(request)
    if filters:
        body["post_filter"] = {"bool": {"filter": filters}}
    if search_after is not None:
        body["search_after"] = search_after
    else:
        body["from"] = request.offset
    return body


def skip_body(request: SearchRequest, size: int, search_after: list | None) -> dict:
    """A body that only walks past `size` hits (sort values, no sources or counts), for deep pages."""
    body = {"query": _main_query(request), "sort": _sort(request), "size": size, "_source": False,
            "track_total_hits": False}
    filters = _filters(request)
    if filters:
        body["post_filter"] = {"bool": {"filter": filters}}
    if search_after is not None:
        body["search_after"] = search_after
    return body


def parse_facets(aggregations: dict, request: SearchRequest) -> dict:
    """Facet values from the aggregation response, ordered as every engine orders them."""
    out = {}
    for facet in FACETS:
        if facet in request.facets:
            buckets = aggregations.get(facet, {}).get("values", {}).get("buckets", [])
            counts = {str(b["key"]): b["doc_count"] for b in buckets}
            out[facet] = sort_facet_values(facet, counts, request)
    return out
