"""build_body: the Elasticsearch search body from a SearchRequest, without a server."""
from __future__ import annotations

import pytest

from archive.engines.es_body import (LANG_SLOTS, build_body, load_template, parse_facets, skip_body,
                                     text_query, to_source)
from archive.query import And, KeywordMatch, MatchAll, Not, Or, Phrase, QuerySyntaxError, Term
from archive.request import LISTED, SearchRequest
from archive.terms import stemmed
from indexer.model import Communique

def match(field, tokens):
    boost = 2 if field.startswith("search.title_") else 1
    if len(tokens) == 1:
        return {"term": {field: {"value": tokens[0], "boost": boost}}}
    return {"match_phrase": {field: {"query": " ".join(tokens), "boost": boost}}}


def word(text, folded, kinds=("title", "text")):
    """The query for one word or phrase: its stems in every language slot, or its folded form."""
    should = [match(f"search.{k}_{s}", stemmed(text, s)) for k in kinds for s in LANG_SLOTS]
    should += [match(f"search.{k}_folded", folded) for k in kinds]
    return {"bool": {"should": should, "minimum_should_match": 1}}


@pytest.mark.parametrize("node, expected", [
    (MatchAll(), {"match_all": {}}),
    (Term("Zölle"), word("Zölle", ["zolle"])),
    (Phrase("digital trade"), word("digital trade", ["digital", "trade"])),
    (Term("Tokyo", field="text"), word("Tokyo", ["tokyo"], kinds=("text",))),
    (Term("Türk", prefix=True), {"bool": {"must": [{"bool": {"should": [
        {"prefix": {"search.title_folded": {"value": "turk"}}},
        {"prefix": {"search.text_folded": {"value": "turk"}}}], "minimum_should_match": 1}}]}}),
    (Term("e-ma", prefix=True), {"bool": {"must": [{"bool": {"should": [
        {"prefix": {"search.title_folded": {"value": "ma"}}},
        {"prefix": {"search.text_folded": {"value": "ma"}}}], "minimum_should_match": 1}},
        word("e", ["e"])]}}),
    (KeywordMatch("country", "jp"), {"term": {"facet.country": "JP"}}),
    (KeywordMatch("country", "Japan"), {"term": {"facet.country": "JP"}}),
    (KeywordMatch("language", "IT"), {"term": {"facet.language": "it"}}),
    (KeywordMatch("org", "Nato"), {"term": {"key.org": "nato"}}),
    (KeywordMatch("person", "İbrahim Kalın"), {"term": {"key.person": "ibrahim kalin"}}),
    (KeywordMatch("year", "2024"), {"term": {"facet.year": "2024"}}),
    (And((KeywordMatch("year", "2024"), Not(KeywordMatch("language", "de")))),
     {"bool": {"must": [{"term": {"facet.year": "2024"}}], "must_not": [{"term": {"facet.language": "de"}}]}}),
    (And((Not(KeywordMatch("year", "2024")), Not(KeywordMatch("year", "2025")))),
     {"bool": {"must": [{"match_all": {}}],
               "must_not": [{"term": {"facet.year": "2024"}}, {"term": {"facet.year": "2025"}}]}}),
    (Or((KeywordMatch("year", "2024"), KeywordMatch("year", "2025"))),
     {"bool": {"should": [{"term": {"facet.year": "2024"}}, {"term": {"facet.year": "2025"}}],
               "minimum_should_match": 1}}),
    (Not(KeywordMatch("country", "CH")),
     {"bool": {"must": [{"match_all": {}}], "must_not": [{"term": {"facet.country": "CH"}}]}}),
])
def test_text_query(node, expected):
    assert text_query(node) == expected


def test_unknown_country_is_a_syntax_error():
    with pytest.raises(QuerySyntaxError):
        build_body(SearchRequest.create(q="country:Atlantis"))


def body(**kw):
    return build_body(SearchRequest.create(**kw))


@pytest.mark.parametrize("kw, key, expected", [
    ({}, "query", {"bool": {"must": [{"match_all": {}}], "filter": [], "must_not": []}}),
    ({"q": "nato"}, "sort", ["_score", {"id": "asc"}]),
    ({}, "sort", [{"search.date_desc": "desc"}, {"id": "asc"}]),  # nothing to rank by: newest first
    ({"q": "country:TR"}, "sort", [{"search.date_desc": "desc"}, {"id": "asc"}]),
    ({"sort": "relevance"}, "sort", ["_score", {"id": "asc"}]),
    ({"sort": "date"}, "sort", [{"search.date_desc": "desc"}, {"id": "asc"}]),
    ({"sort": "date_asc"}, "sort", [{"search.date_asc": "asc"}, {"id": "asc"}]),
    ({}, "track_total_hits", True),
    ({"per_page": 5, "page": 3}, "from", 10),
    ({"per_page": 5, "page": 3}, "size", 5),
    ({"filters": {"country": ["ch", "JP"], "language": ["de"]}}, "post_filter",
     {"bool": {"filter": [{"terms": {"facet.country": ["CH", "JP"]}}, {"terms": {"facet.language": ["de"]}}]}}),
    ({"exclusions": {"country": ["TR"]}}, "query",
     {"bool": {"must": [{"match_all": {}}], "filter": [], "must_not": [{"terms": {"facet.country": ["TR"]}}]}}),
    ({"date_from": "2024-01", "date_to": "2024-02"}, "query",
     {"bool": {"must": [{"match_all": {}}], "must_not": [], "filter": [
         {"range": {"search.date_desc": {"gte": 20240100}}}, {"range": {"search.date_asc": {"lte": 20240229}}}]}}),
    ({"date_to": "2023"}, "query",
     {"bool": {"must": [{"match_all": {}}], "must_not": [],
               "filter": [{"range": {"search.date_asc": {"lte": 20231299}}}]}}),
])
def test_body_parts(kw, key, expected):
    assert body(**kw)[key] == expected


def test_no_post_filter_without_filters():
    assert "post_filter" not in body(q="x", exclusions={"year": ["2024"]})


def test_each_facet_is_counted_with_every_filter_but_its_own():
    aggs = body(filters={"country": ["CH"], "language": ["de"]})["aggs"]
    assert list(aggs) == list(LISTED) + ["communiques"]  # days only when asked for
    assert aggs["country"]["filter"] == {"bool": {"filter": [{"terms": {"facet.language": ["de"]}}]}}
    assert aggs["language"]["filter"] == {"bool": {"filter": [{"terms": {"facet.country": ["CH"]}}]}}
    assert aggs["year"]["filter"] == {"bool": {"filter": [{"terms": {"facet.country": ["CH"]}},
                                                          {"terms": {"facet.language": ["de"]}}]}}
    groups = {"groups": {"cardinality": {"field": "search.group", "precision_threshold": 1_000}}}
    # Values counted: three times those shown, at least 50.
    assert aggs["place"]["aggs"] == {"values": {"terms": {"field": "facet.place", "size": 50}, "aggs": groups}}
    assert body(more=("place",))["aggs"]["place"]["aggs"]["values"]["terms"]["size"] == 300
    assert aggs["communiques"] == {"filter": {"bool": {"filter": [{"terms": {"facet.country": ["CH"]}},
                                                                  {"terms": {"facet.language": ["de"]}}]}},
                                   "aggs": {"count": {"cardinality": {"field": "search.group",
                                                                       "precision_threshold": 40_000}}}}
    by_version = body(versions=True)["aggs"]
    assert "communiques" not in by_version and "aggs" not in by_version["place"]["aggs"]["values"]
    assert body()["aggs"]["org"]["filter"] == {"match_all": {}}


def test_only_requested_facets_are_aggregated():
    assert list(body(facets=("year", "country"))["aggs"]) == ["country", "year", "communiques"]


def test_search_after_replaces_from():
    b = build_body(SearchRequest.create(page=600, per_page=20), search_after=[1.5, "doc-9"])
    assert b["search_after"] == [1.5, "doc-9"] and "from" not in b


def test_skip_body_fetches_only_sort_values():
    b = skip_body(SearchRequest.create(q="x", filters={"year": ["2024"]}), 10_000, None)
    assert b["size"] == 10_000 and b["_source"] is False and b["track_total_hits"] is False
    assert "aggs" not in b and "search_after" not in b and "post_filter" in b


def test_cross_language_expansion_widens_the_query():
    must = body(q="Turkey")["query"]["bool"]["must"][0]
    assert {"term": {"facet.country": "TR"}} in must["bool"]["should"]
    plain = build_body(SearchRequest.create(q="Turkey", expand=False))["query"]["bool"]["must"][0]
    assert plain == word("Turkey", ["turkey"])


def test_parse_facets_orders_like_every_engine():
    req = SearchRequest.create(filters={"country": ["JP"]}, exclusions={"language": ["ru"]}, facets=("country", "language", "year"))
    aggs = {
        "country": {"values": {"buckets": [{"key": "CH", "doc_count": 6}, {"key": "TR", "doc_count": 6},
                                           {"key": "DE", "doc_count": 1}]}},
        "language": {"values": {"buckets": [{"key": "de", "doc_count": 2}]}},
        "year": {"values": {"buckets": [{"key": "2023", "doc_count": 9}, {"key": "2025", "doc_count": 1}]}},
    }
    facets = parse_facets(aggs, req)
    assert [(v.value, v.count, v.selected) for v in facets["country"]] == [
        ("CH", 6, False), ("TR", 6, False), ("DE", 1, False), ("JP", 0, True)]
    assert [(v.value, v.excluded) for v in facets["language"]] == [("de", False), ("ru", True)]
    assert [v.value for v in facets["year"]] == ["2025", "2023"]


def test_source_keeps_the_communique_and_adds_index_fields():
    doc = Communique(source="a.txt", text="Die Zölle", title="Zölle", date="2024-03", language="de",
                     countries=["CH", "CH", "DE"], persons=["Işık"], id="x1")
    src = to_source(doc)
    assert Communique.from_dict(src) == doc
    assert src["search"]["title_de"] == "zoll" and src["search"]["text_folded"] == "die zolle"
    assert src["search"]["date_desc"] == 20240300 and src["search"]["date_asc"] == 20240300
    assert src["facet"]["country"] == ["CH", "DE"] and src["facet"]["month"] == ["2024-03"]
    assert src["key"]["person"] == ["isik"]
    other = to_source(Communique(source="b", text="t", language="xx", id="x2"))
    assert "title_other" in other["search"] and other["search"]["date_asc"] > 20991231


def test_template_maps_every_index_field():
    props = load_template()["template"]["mappings"]["properties"]
    src = to_source(Communique(source="a", text="t", title="T", language="de", id="x"))
    for group in ("search", "facet", "key"):
        assert set(src[group]) <= set(props[group]["properties"]), group
    for slot in ("de", "fr", "it", "en", "es", "pt", "nl", "tr", "ar", "ru", "other"):
        assert slot in LANG_SLOTS
