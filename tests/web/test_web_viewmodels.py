"""Pure view-model logic: facets, chips, pagination, sort links, JSON shape (no Flask, no engine)."""
from __future__ import annotations

import pytest

from archive.facets import display_values
from archive.request import SearchRequest
from archive.results import FacetValue, Hit, SearchResult
from archive.web.search_page import build_search_page, chips, error_page, facet_view, pagination, request_json
from archive.web.urls import query_string


def link(req: SearchRequest) -> str:
    qs = query_string(req)
    return f"/?{qs}" if qs else "/"


def doc_link(doc_id: str) -> str:
    return f"/doc/{doc_id}"


def req(**filters) -> SearchRequest:
    return SearchRequest.create(filters=filters)


def found(name: str, r: SearchRequest, counts: dict) -> list[FacetValue]:
    """A facet's values as every engine returns them for `r` (archive.facets.display_values)."""
    return display_values(name, counts, r)


def test_unselected_value_links_add_and_exclude():
    r = req()
    view = facet_view("country", r, found("country", r, {"TR": 4}), link)
    v = view.values[0]
    assert (v.label, v.count, v.selected, v.excluded) == ("Türkiye", 4, False, False)
    assert v.toggle_url == "/?country=TR"
    assert v.exclude_url == "/?not_country=TR"
    assert v.undo_url is None


def test_second_value_of_a_facet_is_ored_into_the_url():
    r = req(country=["TR"])
    view = facet_view("country", r, found("country", r, {"TR": 4, "GB": 3}), link)
    tr, gb = view.values
    assert tr.selected and tr.toggle_url == "/"  # deselect
    assert gb.toggle_url == "/?country=TR&country=GB"
    assert view.clear_url == "/"


def test_excluded_value_has_undo_and_no_exclude_link():
    r = SearchRequest.create(exclusions={"language": ["de"]})
    view = facet_view("language", r, found("language", r, {"en": 9}), link)
    de = [v for v in view.values if v.value == "de"][0]
    assert de.excluded and de.count == 0  # kept visible at 0
    assert de.undo_url == "/" and de.exclude_url is None
    assert de.label == "German"


def test_selected_value_missing_from_engine_stays_visible_at_zero():
    r = req(country=["FR"])
    view = facet_view("country", r, found("country", r, {"TR": 4}), link)
    assert [(v.value, v.count, v.selected) for v in view.values] == [("TR", 4, False), ("FR", 0, True)]


def test_more_link_enlarges_one_facet_and_fewer_resets_it():
    counts = {str(i): 1 for i in range(10)}
    view = facet_view("issuer", req(), found("issuer", req(), counts), link)
    assert view.more_url == "/?more=issuer" and view.fewer_url is None
    bigger = SearchRequest.create(more=("issuer",))
    view = facet_view("issuer", bigger, found("issuer", bigger, counts), link)
    assert view.more_url is None  # fewer values than asked: nothing more to show
    assert view.fewer_url == "/"
    few = {str(i): 1 for i in range(3)}
    assert facet_view("issuer", req(), found("issuer", req(), few), link).more_url is None


def test_date_facets_are_listed_newest_first():
    view = facet_view("year", req(), found("year", req(), {"2022": 9, "2024": 1, "2023": 5}), link)
    assert [v.value for v in view.values] == ["2024", "2023", "2022"]
    month = facet_view("month", req(), found("month", req(), {"2024-03": 1}), link)
    assert month.values[0].label == "March 2024"


def test_chips_remove_one_constraint_each():
    r = SearchRequest.create(q="otan", filters={"country": ["TR", "GB"]}, exclusions={"language": ["de"]},
                             date_from="2024", date_to="2024-06")
    got = [(c.label, c.negated, c.remove_url) for c in chips(r, link)]
    assert got == [
        ("Country: Türkiye", False, "/?q=otan&country=GB&not_language=de&from=2024&to=2024-06"),
        ("Country: United Kingdom", False, "/?q=otan&country=TR&not_language=de&from=2024&to=2024-06"),
        ("Language: German", True, "/?q=otan&country=TR&country=GB&from=2024&to=2024-06"),
        ("Date: 2024 – 2024-06", False, "/?q=otan&country=TR&country=GB&not_language=de"),
    ]


@pytest.mark.parametrize("page, pages, numbers", [
    (1, 1, [1]),
    (1, 3, [1, 2, 3]),
    (1, 10, [1, 2, 3, None, 10]),
    (5, 10, [1, None, 3, 4, 5, 6, 7, None, 10]),
    (10, 10, [1, None, 8, 9, 10]),
    (4, 10, [1, 2, 3, 4, 5, 6, None, 10]),
])
def test_pagination_window(page, pages, numbers):
    p = pagination(SearchRequest.create(page=page), pages, link)
    assert [l.number for l in p.links] == numbers
    assert [l.number for l in p.links if l.current] == [page]
    assert (p.prev_url is None) == (page == 1)
    assert (p.next_url is None) == (page == pages)


def test_page_links_keep_the_search_and_page_one_is_implicit():
    p = pagination(SearchRequest.create(q="nato", page=2), 3, link)
    assert p.prev_url == "/?q=nato"
    assert p.next_url == "/?q=nato&page=3"


def _result(r: SearchRequest, **kw) -> SearchResult:
    hits = [Hit("a1", "NATO summit", "2024-03-01", "fr", ["TR", "GB"], issuer="MFA",
                snippet="le <mark>sommet</mark> &lt;b&gt;", declared_language="en")]
    facets = {"country": found("country", r, {"TR": 1, "GB": 1}), "language": found("language", r, {"fr": 1})}
    return SearchResult(total=41, hits=hits, facets=facets, page=1, per_page=20, took_ms=2.5, **kw)


def test_search_page_json_shape():
    r = SearchRequest.create(q="otan", filters={"country": ["TR"]}, exclusions={"language": ["de"]})
    page = build_search_page(r, _result(r, expansions=["NATO"]), link, doc_link, share_url="http://x/?q=otan")
    data = page.to_json()
    assert data["total"] == 41 and data["page"] == 1 and data["pages"] == 3
    assert data["query"] == {"q": "otan", "country": ["TR"], "not_language": ["de"]}
    assert data["results"] == [{
        "id": "a1", "title": "NATO summit", "url": "/doc/a1", "date": "2024-03-01", "issuer": "MFA",
        "language": "fr", "countries": ["TR", "GB"], "snippet": "le <mark>sommet</mark> &lt;b&gt;",
        "snippet_page": None, "group": None, "languages": ["fr"], "versions": [], "added": None,
    }]
    assert {"value": "TR", "label": "Türkiye", "count": 1, "selected": True,
            "excluded": False} in data["facets"]["country"]
    assert {"value": "de", "label": "German", "count": 0, "selected": False, "excluded": True} in data["facets"]["language"]
    assert data["expansions"] == ["NATO"]


def test_search_page_links():
    r = SearchRequest.create(q="otan", sort="date")
    page = build_search_page(r, _result(r, expansions=["NATO"]), link, doc_link)
    assert page.expand_off_url == "/?q=otan&sort=date&expand=0"
    assert [(o.value, o.selected, o.url) for o in page.sort_options] == [
        ("relevance", False, "/?q=otan"), ("date", True, "/?q=otan&sort=date"),
        ("date_asc", False, "/?q=otan&sort=date_asc")]
    assert page.query_hidden == [("sort", "date")]
    assert page.hits[0].declared_language_label == "English"
    assert page.hits[0].countries[0].url == "/?q=otan&country=TR&sort=date"
    assert [s.kind for s in page.sections] == ["facet", "facet", "dates"]
    assert page.clear_url is None  # nothing to clear
    assert (page.first_shown, page.last_shown) == (1, 1)


def test_expansion_off_offers_to_switch_it_back_on():
    r = SearchRequest.create(q="otan", expand=False)
    page = build_search_page(r, _result(r), link, doc_link)
    assert page.expand_off_url is None and page.expand_on_url == "/?q=otan"


def test_error_page_keeps_query_and_the_rest_of_the_state():
    page = error_page('"unclosed', "The quotation mark…", kept=req(country=["TR"]))
    assert page.q == '"unclosed' and page.query_hidden == [("country", "TR")]
    assert page.to_json() == {"error": "The quotation mark…", "status": 400, "query": {"q": '"unclosed'}}
    assert page.sections == []


def test_request_json_lists_only_facet_keys():
    r = SearchRequest.create(q="x", filters={"year": ["2024"]}, page=2, sort="date_asc")
    assert request_json(r) == {"q": "x", "year": ["2024"], "sort": "date_asc", "page": "2"}
