"""End-to-end in chromium: search, facets (OR, NOT), the saved link, documents and entity links."""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import sign_in_page

pytestmark = pytest.mark.browser


def result_ids(page) -> list[str]:
    """Every language version a result list shows: each communiqué's and its other versions'."""
    hrefs = page.locator(".hit-title a, .hit .versions a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    return [href.split("?", 1)[0].rsplit("/", 1)[-1] for href in hrefs]


def facet_state(page) -> dict[str, list[str]]:
    """Selected and excluded values of every facet, as shown."""
    return {
        "selected": page.locator(".facet-value.is-selected .label").all_inner_texts(),
        "excluded": page.locator(".facet-value.is-excluded .label").all_inner_texts(),
        "chips": page.locator(".chip").all_inner_texts(),
    }


def country_value(page, label: str):
    return page.locator('.facet[data-facet="country"] .facet-value').filter(
        has=page.locator(".label", has_text=re.compile(f"^{re.escape(label)}$")))


def test_search_facets_exclusion_and_shared_link(browser, page, base_url):
    page.goto(base_url + "/")
    page.get_by_label("Search the archive").first.fill("Zölle OR dazi OR coopération OR Japan")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=Z%C3%B6lle"))
    assert set(result_ids(page)) == {"de-zoll", "it-zoll", "fr-france", "en-japan", "de-italien"}

    # Two values of one facet combine with OR.
    country_value(page, "Germany").locator("a.toggle").click()
    page.wait_for_url(re.compile(r"country=DE"))
    country_value(page, "Japan").locator("a.toggle").click()
    page.wait_for_url(re.compile(r"country=DE&country=JP"))
    assert set(result_ids(page)) == {"de-zoll", "it-zoll", "fr-france", "en-japan"}

    # Exclude a language: the value is struck through and can be undone.
    page.locator('.facet[data-facet="language"] .facet-value', has_text="Italian").locator("a.exclude").click()
    page.wait_for_url(re.compile(r"not_language=it"))
    assert set(result_ids(page)) == {"de-zoll", "fr-france", "en-japan"}
    assert page.locator(".facet-value.is-excluded s.label").inner_text() == "Italian"
    state = facet_state(page)
    assert state["selected"] == ["Germany", "Japan"]

    # Copy the link: the clipboard, or the selected text field as the fallback; the field holds it either way.
    page.get_by_role("button", name="Copy link").click()
    # (a locator, not wait_for_function: the page's Content-Security-Policy forbids evaluating strings)
    page.locator(".copy-status").filter(has_text=re.compile(r"\S")).wait_for()
    link = page.locator("#share-url").input_value()
    assert link.startswith(base_url + "/?")
    assert "country=DE&country=JP&not_language=it" in link

    # A colleague opens the link in a browser of their own: after signing in they see the same search.
    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(link)
        assert "/login" in other.url
        sign_in_page(other, None)
        assert other.url == link
        assert result_ids(other) == result_ids(page)
        assert facet_state(other) == state
        assert other.locator("#q").input_value() == "Zölle OR dazi OR coopération OR Japan"
    finally:
        fresh.close()

    # Undo the exclusion.
    page.locator("a.undo").click()
    page.wait_for_url(lambda url: "not_language" not in url)
    assert "it-zoll" in result_ids(page)


def test_document_page_and_entity_link(page, base_url):
    page.goto(base_url + "/?q=Ankara")
    page.locator(".hit-title a", has_text="Turkey and the United Kingdom").click()
    page.wait_for_url(re.compile(r"/doc/en-nato\?search=q%3DAnkara&hit=1$"))
    assert page.get_by_role("link", name="← Back to the results").get_attribute("href") == "/?q=Ankara"
    assert page.locator("h1").inner_text() == "Turkey and the United Kingdom discuss NATO enlargement"
    assert page.locator("mark.entity").count() >= 5
    page.locator("mark.entity-person a", has_text="Tim Barrow").first.click()
    page.wait_for_url(re.compile(r"/\?person=Tim\+Barrow$"))
    assert set(result_ids(page)) == {"en-nato", "fr-nato", "de-nato"}
    assert page.locator(".chip").inner_text().startswith("People: Tim Barrow")
    # Translations are one click away.
    page.goto(base_url + "/doc/en-nato")
    page.locator("a[hreflang=fr]").click()
    page.wait_for_url(re.compile(r"/doc/fr-nato$"))


def test_sort_select_submits_itself_and_facet_filter_box(page, base_url):
    page.goto(base_url + "/")
    page.get_by_label("Sort by").select_option("date_asc")
    page.wait_for_url(re.compile(r"/\?sort=date_asc$"))
    assert result_ids(page)[0] == "fr-france"

    box = page.get_by_label("Filter the country list")
    assert box.is_visible()
    box.fill("ger")
    visible = page.locator('.facet[data-facet="country"] .facet-value:visible .label').all_inner_texts()
    assert visible == ["Germany"]


def test_core_flow_works_without_javascript(browser, base_url, signed_in_state):
    ctx = browser.new_context(java_script_enabled=False, storage_state=signed_in_state)
    try:
        page = ctx.new_page()
        page.goto(base_url + "/?q=Ankara")
        assert page.locator("#share-url").is_visible()  # the link to copy by hand
        assert not page.get_by_role("button", name="Copy link").is_visible()
        country_value(page, "Sweden").locator("a.toggle").click()
        page.wait_for_url(re.compile(r"country=SE"))
        assert set(result_ids(page)) == {"en-nato", "fr-nato", "de-nato"}
        page.get_by_label("Sort by").select_option("date")
        page.get_by_role("button", name="Sort").click()
        page.wait_for_url(re.compile(r"sort=date"))
        assert result_ids(page)[0] == "en-nato"  # the newest communiqué, in the interface's language
        assert "country=SE" in page.url and "q=Ankara" in page.url
    finally:
        ctx.close()


def test_errors_render_as_pages(page, base_url):
    response = page.goto(base_url + '/?q=%22unclosed')
    assert response.status == 400
    assert "never closed" in page.locator("[role=alert]").inner_text()
    assert page.locator("#q").input_value() == '"unclosed'
    response = page.goto(base_url + "/doc/missing")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Not found"
