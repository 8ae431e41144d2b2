"""FacetLinks makes exactly the links that derived requests make, whatever else the search holds."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from urllib.parse import urlencode

from archive.request import MAX_VALUES_PER_FACET, RequestError, SearchRequest
from archive.web.urls import FacetLinks, query_string


def derived(req: SearchRequest) -> str:
    qs = query_string(req)
    return f"/?{qs}" if qs else "/"


REQUESTS = [
    SearchRequest.create(),
    SearchRequest.create(q="Zoll & Grenze / \"Bern\""),
    SearchRequest.create(q="otan", filters={"country": ["TR", "GB"], "language": ["fr"]}),
    SearchRequest.create(filters={"language": ["de"], "org": ["NATO"]}, exclusions={"country": ["CH"]}),
    SearchRequest.create(q="x", exclusions={"language": ["de"], "person": ["Anna Muster"]},
                         filters={"year": ["2024"]}, date_from="2024-01", date_to="2024-03-15", sort="date",
                         page=3, per_page=50, more=("org",), versions=True, expand=False),
    SearchRequest.create(filters={"org": ["SECO"], "place": ["Genève"]}, exclusions={"country": ["DE", "FR"]}),
    SearchRequest.from_args({"country": "france", "org": "nato", "not_person": "anna muster"}),  # as typed
]


@pytest.mark.parametrize("req", REQUESTS)
@pytest.mark.parametrize("facet, values", [("country", ["FR", "CH", "TR", "DE", "fr", "Schweiz"]),
                                           ("language", ["de", "it", "DE"]), ("org", ["NATO", "SECO", "nato"]),
                                           ("person", ["Anna Muster", "anna muster"])])
def test_facet_links_are_the_derived_requests_links(req, facet, values):
    links = FacetLinks(req, facet, path="/")
    for value in values:
        assert links.with_filter(value) == derived(req.with_filter(facet, value))
        assert links.without_filter(value) == derived(req.without_filter(facet, value))
        assert links.with_exclusion(value) == derived(req.with_exclusion(facet, value))
        assert links.without_exclusion(value) == derived(req.without_exclusion(facet, value))


@pytest.mark.parametrize("facet, kind, adding, other, value", [
    ("person", "filters", "with_filter", "without_filter", "Value 3"),
    ("org", "exclusions", "with_exclusion", "with_filter", "One More")])
def test_a_link_the_request_would_refuse_is_refused(facet, kind, adding, other, value):
    """A facet holding as many selected (or excluded) values as a search may: one more is refused, as
    the request refuses it; another link is made."""
    full = SearchRequest.create(**{kind: {facet: [f"Value {n}" for n in range(MAX_VALUES_PER_FACET)]}})
    links = FacetLinks(full, facet, path="/")
    with pytest.raises(RequestError):
        getattr(full, adding)(facet, "One More")
    with pytest.raises(RequestError):
        getattr(links, adding)("One More")
    assert getattr(links, other)(value) == derived(getattr(full, other)(facet, value))


_VALUES = {"country": ["FR", "CH", "de", "Schweiz", "Türkei", "XX"], "language": ["de", "FR", "it", "rm"],
           "org": ["NATO", "nato", "SECO", "Conseil fédéral", " WHO "], "person": ["Anna Muster", "anna muster", "Jo"]}


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_facet_links_match_derived_requests_on_random_searches(data):
    """Values selected, excluded or neither, in any facet and number (up to the limit), typed as users type."""
    def some(facet):
        return data.draw(st.lists(st.sampled_from(_VALUES[facet]), max_size=3))

    req = SearchRequest.create(q=data.draw(st.sampled_from(["", "otan", "a & b"])),
                               filters={f: some(f) for f in data.draw(st.sets(st.sampled_from(sorted(_VALUES))))},
                               exclusions={f: some(f) for f in data.draw(st.sets(st.sampled_from(sorted(_VALUES))))})
    facet = data.draw(st.sampled_from(sorted(_VALUES)))
    links = FacetLinks(req, facet, path="/")
    for value in _VALUES[facet]:
        for made, derive in ((links.with_filter, req.with_filter), (links.with_exclusion, req.with_exclusion),
                             (links.without_filter, req.without_filter),
                             (links.without_exclusion, req.without_exclusion)):
            try:
                expected = derived(derive(facet, value))
            except RequestError:
                with pytest.raises(RequestError):
                    made(value)
            else:
                assert made(value) == expected


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_query_string_is_what_urlencode_writes(data):
    """Arguments encoded once and kept are the arguments urlencode would write now."""
    text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
    words = st.text(alphabet="abzéßİ経 &+=%/#", max_size=12).filter(lambda q: q.strip(" &+") == q.strip())
    req = SearchRequest.create(q=data.draw(st.sampled_from(["", "Zoll & Grenze / \"Bern\"", "a+b=c%"]) | words),
                               filters={"person": data.draw(st.lists(text.filter(str.strip), max_size=3))},
                               exclusions={"org": data.draw(st.lists(text.filter(str.strip), max_size=2))},
                               page=data.draw(st.integers(1, 30)))
    assert query_string(req) == urlencode(req.to_args())
    assert query_string(req) == query_string(req)  # and again, from what was kept
