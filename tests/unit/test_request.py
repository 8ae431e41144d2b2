"""SearchRequest: URL arguments ⇄ request, validation, derived links."""
import pytest
from werkzeug.datastructures import MultiDict

from archive.query import QuerySyntaxError
from archive.request import MAX_PER_PAGE, RequestError, SearchRequest

ROUND_TRIPS = [
    SearchRequest.create(),
    SearchRequest.create(q="otan"),
    SearchRequest.create(q="otan", filters={"country": ["TR", "GB"]}, exclusions={"language": ["de"]}),
    SearchRequest.create(filters={"year": ["2024"], "month": ["2024-03"], "org": ["NATO"]}),
    SearchRequest.create(filters={"person": ["İbrahim Kalın"], "issuer": ["Secrétariat d'Etat à l'économie"]}),
    SearchRequest.create(q='"mer Noire" OR title:kalin', date_from="2024-01", date_to="2024-03-31"),
    SearchRequest.create(sort="date", page=3, per_page=50),
    SearchRequest.create(sort="date_asc", facet_size=40, expand=False),
    SearchRequest.create(exclusions={"country": ["RU", "UA"], "place": ["Istanbul"]}),
]


@pytest.mark.parametrize("request_", ROUND_TRIPS)
def test_round_trip(request_):
    assert SearchRequest.from_args(MultiDict(request_.to_args())) == request_


@pytest.mark.parametrize("args, expected", [
    ("q=otan&country=TR&country=GB&not_language=de",
     [("q", "otan"), ("country", "TR"), ("country", "GB"), ("not_language", "de")]),
    ("country=tr&country=TR&language=DE", [("country", "TR"), ("language", "de")]),
    ("q=+otan+&page=1&sort=relevance&per_page=20", [("q", "otan")]),
    ("page=0", []),
    ("page=2&country=FR", [("country", "FR"), ("page", "2")]),
    ("from=&to=&q=", []),
])
def test_urls_stay_short_and_canonical(args, expected):
    req = SearchRequest.from_args(MultiDict([tuple(p.split("=", 1)) for p in args.split("&")]))
    assert [(k, v.replace("+", " ").strip()) for k, v in req.to_args()] == expected or req.to_args() == expected


def test_plain_dict_arguments_are_accepted():
    req = SearchRequest.from_args({"q": "x", "country": ["TR", "GB"]})
    assert req.selected("country") == ("TR", "GB")


@pytest.mark.parametrize("args, error", [
    ({"page": "two"}, RequestError),
    ({"sort": "random"}, RequestError),
    ({"from": "March 2024"}, RequestError),
    ({"from": "2024-13"}, RequestError),
    ({"from": "2024-05", "to": "2024-01"}, RequestError),
    ({"q": '"open'}, QuerySyntaxError),
    ({"country": [f"C{i}" for i in range(60)]}, RequestError),
])
def test_bad_arguments_raise_readable_errors(args, error):
    with pytest.raises(error) as err:
        SearchRequest.from_args(args)
    assert str(err.value)


def test_clamping():
    req = SearchRequest.from_args({"per_page": "100000", "page": "-4"})
    assert req.per_page == MAX_PER_PAGE and req.page == 1


def test_links_are_derived_not_pasted():
    base = SearchRequest.create(q="otan", page=4)
    two = base.with_filter("country", "tr").with_filter("country", "GB")
    assert two.selected("country") == ("TR", "GB") and two.page == 1
    excluded = two.with_exclusion("country", "GB")
    assert excluded.selected("country") == ("TR",) and excluded.excluded("country") == ("GB",)
    assert excluded.with_filter("country", "GB").excluded("country") == ()
    assert excluded.without_filter("country").selected("country") == ()
    assert excluded.without_exclusion("country", "GB").excluded("country") == ()
    assert base.with_page(9).page == 9 and base.with_sort("date").sort == "date"
    assert list(excluded.filter_items()) == [("country", "TR", False), ("country", "GB", True)]
    assert SearchRequest.create().is_empty() and not base.is_empty()
    assert base.with_page(2).offset == 20


def test_the_query_is_parsed_and_expanded_once(monkeypatch):
    import archive.plan

    archive.plan.plan_query.cache_clear()
    calls = []
    real = archive.plan.parse_query
    monkeypatch.setattr(archive.plan, "parse_query", lambda q: calls.append(q) or real(q))
    req = SearchRequest.create(q="Turkey -Sweden")
    assert req.query is req.query and calls == ["Turkey -Sweden"]
    assert "Turquie" in req.query.expansions and req.query.tree != req.query.match
    # another request of the same query (its next page, a link) shares the plan; another query is planned
    assert req.with_page(2).query is req.query and calls == ["Turkey -Sweden"]
    assert SearchRequest.create(q="Turkey -Sweden", expand=False).query.match == req.query.tree
    assert "Turquie" not in SearchRequest.create(q="Turkey -Sweden", expand=False).query.expansions
    assert SearchRequest.create(q="Turkey").query.tree != req.query.tree and calls[-1] == "Turkey"
    archive.plan.plan_query.cache_clear()


def test_an_unknown_country_in_the_query_is_refused_when_the_request_is_made():
    with pytest.raises(QuerySyntaxError, match="Atlantis"):
        SearchRequest.create(q="country:Atlantis nato")
