"""The Elasticsearch search body, document source and index template, built without a server (pure).

Queries come from the shared compiler (archive.engines.compiler); this module
spells its leaves in the Query DSL (`ElasticsearchBackend`) and assembles the
body: facet selections in `post_filter`, so that each facet is counted with
every filter except its own; exclusions and dates in the main query, so they
apply to every count. `to_source(doc)` gives what is sent for a document, and
`load_template()` the index template: the static part from es_template.json,
the per-language and per-facet fields generated from archive.terms and
archive.facets.
"""
from __future__ import annotations

import json
from importlib import resources
from typing import Sequence

from indexer.model import Communique, added_key

from ..collapse import group_key, group_of
from ..dates import date_keys
from ..facets import (EXACT_FACETS, FACETS, NAMES, counted, counted_order, display_values, document_values, from_sample,
                      sample_bounds)
from ..query import Node
from ..request import SearchRequest
from ..terms import LANG_SLOTS, index_terms, slot
from .compiler import Backend, QueryCompiler

MAX_WINDOW = 10_000  # index.max_result_window: deeper pages walk with search_after
GROUP_FIELD = "search.group"
GROUP_KEY_FIELD = "search.group_key"  # the group's number (collapse.group_key): samples of communiqués
VERSIONS_PER_GROUP = 20  # matching language versions returned with each communiqué
EXACT_BELOW = 40_000  # communiqués counted nearly exactly below this many (the total)
BUCKET_PRECISION = 1_000  # the same for a facet value's communiqués (memory is allocated per value)
TEXT = {"type": "text", "analyzer": "whitespace"}  # tokens made in Python, only split at spaces here


def load_template() -> dict:
    """The index template (without index patterns, shards and replicas)."""
    body = json.loads(resources.files(__package__).joinpath("es_template.json").read_text(encoding="utf-8"))
    properties = body["template"]["mappings"]["properties"]
    search = {f"{kind}_{s}": dict(TEXT) for s in (*LANG_SLOTS, "folded") for kind in ("title", "text")}
    search.update(date_desc={"type": "long"}, date_asc={"type": "long"}, added={"type": "long"},
                  group={"type": "keyword"}, group_key={"type": "long"})
    properties["search"] = {"properties": search}
    properties["facet"] = {"properties": {f.name: {"type": "keyword"} for f in FACETS}}
    properties["key"] = {"properties": {f.name: {"type": "keyword"} for f in FACETS if f.folded}}
    return body


class ElasticsearchBackend(Backend[dict]):
    """The compiler's leaf builders, spelt in Elasticsearch's Query DSL."""

    def text_field(self, kind: str, slot: str) -> str:
        return f"search.{kind}_{slot}"

    def facet_field(self, name: str) -> str:
        return f"facet.{name}"

    def key_field(self, name: str) -> str:
        return f"key.{name}"

    def date_field(self, order: str) -> str:
        return f"search.date_{order}"

    def added_field(self) -> str:
        return "search.added"

    def match_all(self) -> dict:
        return {"match_all": {}}

    def match_none(self) -> dict:
        return {"match_none": {}}

    def term(self, field: str, token: str, boost: float | None = None) -> dict:
        return {"term": {field: token if boost is None else {"value": token, "boost": boost}}}

    def phrase(self, field: str, tokens: Sequence[str], boost: float) -> dict:
        return {"match_phrase": {field: {"query": " ".join(tokens), "boost": boost}}}

    def prefix(self, field: str, prefix: str) -> dict:
        return {"prefix": {field: {"value": prefix}}}

    def terms(self, field: str, values: Sequence[str]) -> dict:
        return {"terms": {field: list(values)}}

    def range(self, field: str, gte: int | None = None, lte: int | None = None) -> dict:
        bounds = {k: v for k, v in (("gte", gte), ("lte", lte)) if v is not None}
        return {"range": {field: bounds}}

    def all_of(self, must, must_not=None, filter=None) -> dict:
        clauses = {"must": list(must)}
        if must_not is not None:
            clauses["must_not"] = list(must_not)
        if filter is not None:
            clauses["filter"] = list(filter)
        return {"bool": clauses}

    def any_of(self, should) -> dict:
        return {"bool": {"should": list(should), "minimum_should_match": 1}}


BACKEND = ElasticsearchBackend()
COMPILER = QueryCompiler(BACKEND)


def facet_field(name: str) -> str:
    return BACKEND.facet_field(name)


def to_source(doc: Communique) -> dict:
    """The JSON sent to Elasticsearch: the whole Communique plus index-only fields.

    `search`, `facet` and `key` are excluded from the stored _source (the template
    says so), so `Communique.from_dict(_source)` gives back exactly what was indexed.
    """
    where = slot(doc.language)
    desc, asc = date_keys(doc.date)
    source = doc.to_dict()
    title_stemmed, text_stemmed, title_folded, text_folded = index_terms(doc)
    source["search"] = {
        f"title_{where}": title_stemmed, f"text_{where}": text_stemmed,
        "title_folded": title_folded, "text_folded": text_folded,
        "date_desc": desc, "date_asc": asc, "added": added_key(doc.added), "group": group_of(doc),
        "group_key": group_key(group_of(doc)),
    }
    values = document_values(doc)
    source["facet"] = values
    source["key"] = {f.name: f.keys(values[f.name]) for f in FACETS if f.folded}
    return source


def text_query(node: Node) -> dict:
    """The Query DSL for a query tree (our tree decides AND/OR/NOT, never Elasticsearch's parser)."""
    return COMPILER.text(node)


def _post_filter(request: SearchRequest) -> dict | None:
    selections = COMPILER.selections(request)
    return {"bool": {"filter": selections}} if selections else None


def _sort(request: SearchRequest) -> list:
    if request.effective_sort == "date":
        return [{BACKEND.date_field("desc"): "desc"}, {"id": "asc"}]
    if request.effective_sort == "date_asc":
        return [{BACKEND.date_field("asc"): "asc"}, {"id": "asc"}]
    return ["_score", {"id": "asc"}]


def _groups(precision: int = EXACT_BELOW) -> dict:
    return {"cardinality": {"field": GROUP_FIELD, "precision_threshold": precision}}


def _selected(request: SearchRequest) -> set[str]:
    """The facets with a selection of their own (each counted without it)."""
    return {name for name, _ in request.filters if name in request.facets}


def by_version(request: SearchRequest, untranslated: bool = False, nowhere: bool = False) -> set[str]:
    """The facets whose communiqués are counted as versions: every one for `versions=all` or where no
    version of the index has a translation (`nowhere`); where what the search matches has none
    (`untranslated`, see `translated_aggregations`), those counted over it (a selected facet is counted
    without its own selection, over versions that may have some)."""
    if request.versions or nowhere:
        return set(request.facets)
    if not untranslated:
        return set()
    return set(request.facets) - _selected(request)


def count_aggregations(request: SearchRequest, untranslated: bool = False, nowhere: bool = False,
                       sample: float | None = None) -> dict:
    """The counts of a search's facets and communiqués; `untranslated`: no version the search matches has
    a translation, so each is a communiqué of its own and counting versions counts them (`nowhere`: no
    version of the index has one). With `sample` (a share, facets.sample_share), each facet's versions
    are counted over everything and its communiqués estimated in that sample of the communiqués only
    (`from_sample` reads both)."""
    as_versions = by_version(request, untranslated, nowhere)
    aggs = {}
    for name in NAMES:
        if name not in request.facets:
            continue
        others = COMPILER.selections(request, skip=name)
        values = {"terms": {"field": facet_field(name), "size": counted(request, name), **counted_order(name)}}
        within = {"bool": {"filter": others}} if others else {"match_all": {}}
        if name not in as_versions and sample is not None:
            # The sample is one filter over everything for all facets (inside each facet's filter, it cost
            # as much again as counting the versions: 1M documents, "Schweiz", 943 against 649 ms).
            if "sample" not in aggs:
                low, high = sample_bounds(sample)
                aggs["sample"] = {"filter": {"range": {GROUP_KEY_FIELD: {"gte": low, "lte": high}}}, "aggs": {}}
            aggs["sample"]["aggs"][name] = {"filter": within, "aggs": {"values": {
                **values, "aggs": {"groups": _groups(BUCKET_PRECISION)}}}}
        elif name not in as_versions:  # communiqués, not language versions
            values["aggs"] = {"groups": _groups(BUCKET_PRECISION)}
        aggs[name] = {"filter": within, "aggs": {"values": values}}
    if not (request.versions or untranslated or nowhere):
        selections = COMPILER.selections(request)
        aggs["communiques"] = {"filter": {"bool": {"filter": selections}} if selections else {"match_all": {}},
                               "aggs": {"count": _groups()}}
    return aggs


def translated_aggregations(request: SearchRequest) -> dict:
    """How many versions a search matches that have translations (with none, each communiqué it matches
    is one version: its group is itself) and, where a facet is selected, how many in the whole index."""
    translated = {"exists": {"field": "translation_group"}}
    aggs = {"translated": {"filter": {"bool": {"filter": [*COMPILER.selections(request), translated]}}}}
    if _selected(request):
        aggs["translated_anywhere"] = {"global": {}, "aggs": {"versions": {"filter": translated}}}
    return aggs


def without_translations(aggregations: dict) -> tuple[bool, bool]:
    """From the aggregations of `translated_aggregations`: whether no version the search matches has a
    translation, and whether no version of the index has one."""
    matching = aggregations.get("translated")
    anywhere = aggregations.get("translated_anywhere")
    return (matching is not None and not matching["doc_count"],
            anywhere is not None and not anywhere["versions"]["doc_count"])


def collapse(request: SearchRequest) -> dict:
    """One hit per communiqué, with its matching language versions in the same order."""
    return {"field": GROUP_FIELD, "inner_hits": {"name": "versions", "size": VERSIONS_PER_GROUP,
                                                 "sort": _sort(request)}}


def build_body(request: SearchRequest, search_after: list | None = None) -> dict:
    """The search body for `request` (pure). With `search_after`, the page follows those sort values."""
    body = {
        "query": COMPILER.main(request),
        "aggs": count_aggregations(request),
        "sort": _sort(request),
        "size": request.per_page,
        "track_total_hits": True,
    }
    post_filter = _post_filter(request)
    if post_filter:
        body["post_filter"] = post_filter
    if not request.versions:
        body["collapse"] = collapse(request)
    if search_after is not None:
        body["search_after"] = search_after
    else:
        body["from"] = request.offset
    return body


def matching_query(request: SearchRequest) -> dict:
    """The query of every version `request` matches: its query, exclusions, dates and selections."""
    selections = COMPILER.selections(request)
    main = COMPILER.main(request)
    return {"bool": {"must": [main], "filter": selections}} if selections else main


EXPORT_SORT = [{"search.date_desc": "desc"}, {"id": "asc"}]


def members_body(request: SearchRequest, groups: list[str]) -> dict:
    """Every matching version of some communiqués (for a collapsed page past the window)."""
    selections = COMPILER.selections(request) + [{"terms": {GROUP_FIELD: groups}}]
    return {"query": {"bool": {"must": [COMPILER.main(request)], "filter": selections}}, "sort": _sort(request),
            "size": len(groups) * VERSIONS_PER_GROUP, "track_total_hits": False}


def skip_body(request: SearchRequest, size: int, search_after: list | None) -> dict:
    """A body that only walks past `size` hits (sort values and communiqués, no sources or counts),
    for deep pages."""
    body = {"query": COMPILER.main(request), "sort": _sort(request), "size": size, "_source": False,
            "track_total_hits": False, "docvalue_fields": [GROUP_FIELD]}
    post_filter = _post_filter(request)
    if post_filter:
        body["post_filter"] = post_filter
    if search_after is not None:
        body["search_after"] = search_after
    return body


def facet_counts(aggregations: dict, request: SearchRequest) -> dict[str, dict[str, int]]:
    """Each facet's counts from an aggregation response: language versions, communiqués estimated
    (cardinality), or communiqués counted exactly (the buckets of `exact_counts_body`)."""
    out = {}
    for name in NAMES:
        if name in request.facets:
            buckets = aggregations.get(name, {}).get("values", {}).get("buckets", [])
            out[name] = {str(b["key"]): _bucket_count(b) for b in buckets}
    return out


def _bucket_count(bucket: dict) -> int:
    groups = bucket.get("groups")
    if groups is None:
        return bucket["doc_count"]
    return len(groups["buckets"]) if "buckets" in groups else int(groups["value"])


def exact_counts_body(request: SearchRequest, chosen: dict[str, list[str]]) -> dict:
    """A body that counts the communiqués of chosen facet values exactly (for up to EXACT_FACETS versions)."""
    aggs = {}
    for name, values in chosen.items():
        if not values:
            continue
        others = COMPILER.selections(request, skip=name)
        aggs[name] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {"values": {"terms": {"field": facet_field(name), "size": len(values), "include": values},
                                "aggs": {"groups": {"terms": {"field": GROUP_FIELD, "size": EXACT_FACETS}}}}},
        }
    return {"query": COMPILER.main(request), "size": 0, "aggs": aggs, "track_total_hits": False}


def from_sampled(aggregations: dict, request: SearchRequest,
                 counts: dict[str, dict[str, int]]) -> dict[str, list[str]]:
    """Replace, in `counts` (versions, from `facet_counts`), each sampled facet's counts by its communiqués
    estimated from the sample (`count_aggregations` with `sample`); returns the values likely shown that
    the sample says too little of, by facet (to count with `held_counts_body`)."""
    weak = {}
    sampled = aggregations.get("sample") or {}
    for name in list(counts):
        if name not in sampled:
            continue
        in_sample = {str(b["key"]): (int(b["groups"]["value"]), b["doc_count"])
                     for b in sampled[name]["values"]["buckets"]}
        counts[name], values = from_sample(name, counts[name], in_sample, request)
        if values:
            weak[name] = values
    return weak


def held_counts_body(request: SearchRequest, chosen: dict[str, list[str]]) -> dict:
    """A body that estimates the communiqués of chosen facet values over everything holding them (the
    search and the value), for values a sample said too little of."""
    aggs = {}
    for name, values in chosen.items():
        holding = COMPILER.selections(request, skip=name) + [{"terms": {facet_field(name): values}}]
        aggs[name] = {
            "filter": {"bool": {"filter": holding}},
            "aggs": {"values": {"terms": {"field": facet_field(name), "size": len(values), "include": values},
                                "aggs": {"groups": _groups(BUCKET_PRECISION)}}}}
    return {"query": COMPILER.main(request), "size": 0, "aggs": aggs, "track_total_hits": False}


def parse_facets(aggregations: dict, request: SearchRequest, estimated: bool = False) -> dict:
    """Facet values from the aggregation response, ordered as every engine orders them."""
    return {name: display_values(name, counts, request, estimated=estimated)
            for name, counts in facet_counts(aggregations, request).items()}


def communiques(aggregations: dict) -> int | None:
    """The number of communiqués a collapsed search matched."""
    found = aggregations.get("communiques")
    return int(found["count"]["value"]) if found else None
