"""URL ⇄ SearchRequest: every state survives the round trip, links stay short and readable."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from werkzeug.datastructures import MultiDict

from archive.request import SearchRequest
from archive.web.urls import query_string

R = SearchRequest.create

REQUESTS = [
    R(),
    R(q="otan"),
    R(q='"central bank" OR ecb'),
    R(q="Zölle Schweiz"),
    R(q="a&b=c d#e + 100%"),
    R(q="country:TR title:\"swiss francs\""),
    R(filters={"country": ["TR", "GB"]}),
    R(filters={"country": ["tr"]}),  # normalised to TR
    R(exclusions={"language": ["de"]}),
    R(q="otan", filters={"country": ["TR", "GB"]}, exclusions={"language": ["de"]}),
    R(filters={"issuer": ["Ministère de l'Europe & des Affaires étrangères"]}),
    R(filters={"person": ["Recep Tayyip Erdoğan"], "org": ["NATO", "OTAN"], "place": ["Zürich"]}),
    R(filters={"year": ["2024"], "month": ["2024-03", "2024-04"]}),
    R(exclusions={"country": ["US", "RU"], "org": ["EU"]}),
    R(date_from="2024"),
    R(date_to="2024-06-30"),
    R(date_from="2024-01", date_to="2024-12"),
    R(sort="date"),
    R(sort="date_asc", page=3),
    R(per_page=50),
    R(facet_size=50),
    R(expand=False, q="nato"),
    R(q="x", filters={"country": ["DE"]}, exclusions={"country": ["FR"]}, date_from="2023",
      sort="date", page=2, per_page=10, facet_size=100, expand=False),
]


@pytest.mark.parametrize("req", REQUESTS, ids=lambda r: query_string(r) or "empty")
def test_round_trip_through_args(req):
    assert SearchRequest.from_args(MultiDict(req.to_args())) == req


@pytest.mark.parametrize("req", REQUESTS, ids=lambda r: query_string(r) or "empty")
def test_round_trip_through_the_query_string(req):
    parsed = parse_qs(query_string(req), keep_blank_values=True)
    assert SearchRequest.from_args(parsed) == req


@pytest.mark.parametrize("req", REQUESTS, ids=lambda r: query_string(r) or "empty")
def test_derived_links_round_trip(req):
    for derived in (req.with_filter("country", "IT"), req.with_exclusion("language", "fr"),
                    req.without_filter("country"), req.with_page(4), req.with_sort("date"),
                    req.with_expand(not req.expand)):
        assert SearchRequest.from_args(MultiDict(derived.to_args())) == derived


@pytest.mark.parametrize("req, expected", [
    (R(), ""),
    (R(q="otan", filters={"country": ["TR", "GB"]}, exclusions={"language": ["de"]}),
     "q=otan&country=TR&country=GB&not_language=de"),
    (R(q="Zölle", page=2), "q=Z%C3%B6lle&page=2"),
    (R(sort=None, page=1, per_page=20, facet_size=10, expand=True), ""),  # defaults left out
    (R(q="nato", sort="relevance"), "q=nato"),  # relevance is the default for words
    (R(sort="date"), ""),  # and newest first without them
    (R(sort="relevance"), "sort=relevance"),
])
def test_urls_are_short_and_readable(req, expected):
    assert query_string(req) == expected


def test_search_url_in_a_request(app):
    from archive.web.urls import search_url

    with app.test_request_context("/"):
        assert search_url(R(q="otan", filters={"country": ["TR"]})) == "/?q=otan&country=TR"
        assert search_url(R()) == "/"
    from archive.web.urls import public_url

    with app.test_request_context("/", headers={"Host": "evil.example"}):
        assert public_url(search_url(R(q="a b"))) == "/?q=a+b"  # never from the Host header
    app.config["PUBLIC_URL"] = "https://archive.example.org/"
    with app.test_request_context("/", headers={"Host": "evil.example"}):
        assert public_url(search_url(R(q="a b"))) == "https://archive.example.org/?q=a+b"


def test_the_page_reads_the_same_state_from_a_messy_url(client):
    messy = client.get("/?country=gb&q=otan&country=TR&country=GB&page=1&sort=relevance&format=json").get_json()
    clean = client.get("/?q=otan&country=GB&country=TR&format=json").get_json()
    assert messy["query"] == clean["query"] == {"q": "otan", "country": ["GB", "TR"]}
    assert messy["url"] == clean["url"] == "/?q=otan&country=GB&country=TR"
    assert urlsplit(messy["url"]).path == "/"
