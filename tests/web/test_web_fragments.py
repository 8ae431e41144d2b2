"""The sidebar, histogram and map are drawn once per search state and kept: a repeated state, another
page of it, shows what a fresh drawing would, and anything that changes them draws them anew."""
from __future__ import annotations

import re

import pytest

from archive.web import fragments
from archive.web.engine import get_engine
from tests.accounts import signed_in_client
from tests.web.documents import _doc, make_app


@pytest.fixture
def drawings(monkeypatch):
    """The searches whose parts were drawn, in order."""
    drawn = []
    real = fragments.draw

    def counting(page):
        drawn.append(page.request.q if page.request else None)
        return real(page)
    monkeypatch.setattr(fragments, "draw", counting)
    return drawn


@pytest.fixture
def hit_drawings(monkeypatch):
    """(search, page) of each list of results drawn, in order."""
    drawn = []
    real = fragments.draw_hits

    def counting(page):
        drawn.append((page.request.q, page.request.page))
        return real(page)
    monkeypatch.setattr(fragments, "draw_hits", counting)
    return drawn


def _masked(html: str) -> str:
    html = re.sub(r'name="csrf_token" value="[^"]*"', "csrf", html)
    return re.sub(r"[0-9.]+ ?ms\b", "X ms", html)


def _sidebar(html: str) -> str:
    return html[html.index('<aside class="sidebar"'):html.index("</aside>")]


def _country_count(html: str, code: str) -> str:
    section = _sidebar(html)
    section = section[section.index('data-facet="country"'):]
    item = section[section.index(f'data-value="{code}"'):]
    return re.search(r'<span class="count"[^>]*>([^<]+)</span>', item).group(1)


def test_a_repeated_search_is_drawn_once_and_shown_the_same(client, drawings):
    first = client.get("/?q=Zölle").get_data(as_text=True)
    again = client.get("/?q=Zölle").get_data(as_text=True)
    assert drawings == ["Zölle"]
    assert _masked(again) == _masked(first)
    assert 'data-facet="country"' in again and 'class="worldmap"' in again and 'class="histogram"' in again
    # a JSON twin still carries every facet, without drawing anything
    data = client.get("/?q=Zölle&format=json").get_json()
    assert {v["value"] for v in data["facets"]["country"]} == {"CH", "DE", "IT"} and drawings == ["Zölle"]
    client.get("/?q=Bern")
    assert drawings == ["Zölle", "Bern"]


def test_another_page_of_a_search_shows_the_same_parts_without_drawing_them(client, drawings):
    first = client.get("/?per_page=2").get_data(as_text=True)
    second = client.get("/?per_page=2&page=2").get_data(as_text=True)
    assert drawings == [""]
    assert _sidebar(second) == _sidebar(first) and 'href="/?country=CH&amp;per_page=2"' in _sidebar(second)
    assert 'start="3"' in second  # the hits are page 2's


def _results(html: str) -> str:
    return html[html.index('<ol class="hits"'):html.index("</ol>", html.index('<ol class="hits"'))]


def test_each_page_of_results_is_drawn_once_and_shown_the_same(client, hit_drawings):
    first = client.get("/?per_page=2").get_data(as_text=True)
    second = client.get("/?per_page=2&page=2").get_data(as_text=True)
    first_again = client.get("/?per_page=2").get_data(as_text=True)
    second_again = client.get("/?per_page=2&page=2").get_data(as_text=True)
    assert hit_drawings == [("", 1), ("", 2)]
    assert (_masked(first_again), _masked(second_again)) == (_masked(first), _masked(second))
    assert _results(first) != _results(second) and _results(first).count('<li class="hit">') == 2
    assert re.search(r"showing 3(–|&ndash;)4", second_again) and 'start="3"' in second_again
    # another order, another reader's languages: other lists; the JSON twin draws none
    client.get("/?per_page=2&sort=date_asc")
    client.get("/?per_page=2", headers={"Accept-Language": "fr"})
    data = client.get("/?per_page=2&format=json").get_json()
    assert len(data["results"]) == 2 and len(hit_drawings) == 4


def test_new_documents_are_counted_at_the_next_view_of_the_same_search(app, drawings):
    client = signed_in_client(app)
    assert _country_count(client.get("/").get_data(as_text=True), "JP") == "1"
    with app.app_context():
        report = get_engine().index([_doc("en-osaka", "Japan and Switzerland meet in Osaka",
                                          "Delegations from Japan and Switzerland met in Osaka.", "en", "2025-02-03",
                                          countries=["JP", "CH"], places=["Osaka"])])
        assert report.errors == []
    assert _country_count(client.get("/").get_data(as_text=True), "JP") == "2"
    assert drawings == ["", ""]


def test_each_interface_language_has_its_own_drawing(client, drawings):
    english = client.get("/?q=Ankara", headers={"Accept-Language": "en"}).get_data(as_text=True)
    french = client.get("/?q=Ankara", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    english_again = client.get("/?q=Ankara", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert ">Sweden<" in _sidebar(english) and ">Suède<" in _sidebar(french) and ">Suède<" not in english_again
    assert _masked(english_again) == _masked(english)
    assert drawings == ["Ankara", "Ankara"]


def test_links_follow_the_path_the_site_is_served_under(tmp_path, drawings):
    app = make_app(tmp_path, TRUSTED_PROXIES="127.0.0.1")
    client = signed_in_client(app)
    under = client.get("/?q=Bern", headers={"X-Forwarded-Prefix": "/archive"}).get_data(as_text=True)
    plain = client.get("/?q=Bern").get_data(as_text=True)
    assert 'href="/archive/?q=Bern&amp;country=JP"' in _sidebar(under)
    assert 'href="/?q=Bern&amp;country=JP"' in _sidebar(plain) and "/archive/" not in plain
    assert drawings == ["Bern", "Bern"]
    assert 'href="/archive/doc/' in _results(under) and 'href="/doc/' in _results(plain)


def test_results_not_kept_are_drawn_each_time(tmp_path, hit_drawings):
    client = signed_in_client(make_app(tmp_path, RESULT_CACHE=False))
    first, again = (client.get("/?q=Bern").get_data(as_text=True) for _ in range(2))
    assert hit_drawings == [("Bern", 1), ("Bern", 1)] and _results(first) == _results(again)


def test_a_search_the_page_could_not_fully_draw_is_drawn_again(client, drawings, monkeypatch):
    from archive.web import search

    def unavailable(*args, **kwargs):
        from archive.engines import EngineError
        raise EngineError("the histogram's search failed")
    with monkeypatch.context() as patched:
        patched.setattr(search, "build_histogram", unavailable)
        without = client.get("/?q=Bern&from=2024").get_data(as_text=True)
    assert 'class="histogram"' not in without
    with_it = client.get("/?q=Bern&from=2024").get_data(as_text=True)
    assert 'class="histogram"' in with_it and drawings == ["Bern", "Bern"]


def test_the_kept_drawings_stay_within_their_size():
    cache = fragments.FragmentCache(max_bytes=1000)
    part = fragments.Fragments(fragments.Markup("x" * 300), fragments.Markup(""), fragments.Markup(""))
    for n in range(10):
        cache.put(n, part)
    assert [n for n in range(10) if cache.get(n) is not None] == [7, 8, 9]  # the newest three
    cache.put("huge", fragments.Fragments(fragments.Markup("x" * 2000), fragments.Markup(""), fragments.Markup("")))
    assert cache.get("huge") is None and cache.get(None) is None
