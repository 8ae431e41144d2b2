"""Search answers in chromium: one result per communiqué, forgiving URLs, names across languages,
acronyms as typed, a date error that keeps the search, and the document page on a phone."""
from __future__ import annotations

import re

import pytest

from tests.browser.test_browser_search import result_ids

pytestmark = pytest.mark.browser


def test_a_communique_is_listed_once_with_its_versions_one_click_away(page, base_url):
    page.goto(base_url + "/?q=Ankara")
    hits = page.locator(".hit")
    assert hits.count() == 1  # one communiqué in three languages
    assert re.sub(r"\s+", " ", page.locator("p.count").inner_text()).startswith("1 communiqué, 3 language versions")
    assert hits.first.locator(".hit-title a").inner_text() == "Turkey and the United Kingdom discuss NATO enlargement"
    versions = hits.first.locator(".versions a")
    assert versions.all_inner_texts() == ["DE", "FR"]
    versions.filter(has_text="FR").click()
    page.wait_for_url(re.compile(r"/doc/fr-nato$"))
    # The language filter picks the version shown.
    page.goto(base_url + "/?q=Ankara&language=de")
    assert result_ids(page) == ["de-nato"]
    # Every version on its own, on request.
    page.goto(base_url + "/?q=Ankara")
    page.get_by_role("link", name="Every language version").click()
    page.wait_for_url(re.compile(r"versions=all"))
    assert sorted(result_ids(page)) == ["de-nato", "en-nato", "fr-nato"]


def test_a_hand_edited_facet_url_in_the_wrong_case_is_understood(page, base_url):
    page.goto(base_url + "/?person=tim+BARROW&org=nato")
    assert page.locator(".chip").all_inner_texts()[0].startswith("People: Tim Barrow")
    assert result_ids(page)[0] == "en-nato"
    assert page.locator(".notices").count() == 0


def test_a_place_name_in_another_language_finds_the_place(page, base_url):
    page.goto(base_url + "/?q=Berlino")  # Italian for Berlin: the French text about Berlin is found too
    ids = set(result_ids(page))
    assert {"fr-france", "it-germania"} <= ids
    assert "Berlin" in page.locator(".expansions").inner_text()


def test_an_acronym_typed_in_capitals_is_not_a_word_of_another_language(page, base_url):
    page.goto(base_url + "/?q=un")
    assert "fr-france" in result_ids(page)  # "un accord": the French article
    page.goto(base_url + "/?q=UN")
    assert "fr-france" not in result_ids(page)  # the United Nations, which no document names


def test_a_date_error_keeps_the_query_the_filters_and_the_results(page, base_url):
    page.goto(base_url + "/?q=Ankara&country=TR")
    dates = page.locator(".date-range")
    dates.get_by_label("From").fill("2025-08")
    dates.get_by_label("To").fill("2025-01")
    dates.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"from=2025-08"))
    assert "The date range is empty" in page.locator("#date-error").inner_text()
    assert dates.get_by_label("From").get_attribute("aria-invalid") == "true"
    assert page.locator("#q").input_value() == "Ankara"
    assert any(c.startswith("Country: Türkiye") for c in page.locator(".chip").all_inner_texts())
    assert result_ids(page)  # the rest of the search ran


def test_the_document_page_fits_a_phone(browser, base_url):
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = phone.new_page()
        page.goto(base_url + "/doc/en-japan")
        assert page.locator(".source-url").is_visible()
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390
    finally:
        phone.close()
