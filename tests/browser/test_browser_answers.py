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


def test_the_document_page_fits_a_phone(browser, base_url, signed_in_state):
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                storage_state=signed_in_state)
    try:
        page = phone.new_page()
        page.goto(base_url + "/doc/en-japan")
        assert page.locator(".source-url").is_visible()
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390
    finally:
        phone.close()


def test_a_bar_of_the_date_histogram_searches_its_period(browser, page, base_url, signed_in_state):
    page.goto(base_url + "/?language=en&language=fr")
    bar = page.locator('.histogram-bars a[aria-label^="Jul 2025"]')  # over years: a bar per month
    bar.click()
    page.wait_for_url(re.compile(r"from=2025-07&to=2025-07"))
    assert "language=en" in page.url and set(result_ids(page)) <= {"en-nato", "fr-nato", "de-nato"} and result_ids(page)
    assert page.locator('.histogram-bars a.bar-selected').get_attribute("aria-label").startswith("Jul 2025")
    # a short span: a bar per day
    page.goto(base_url + "/?q=Ankara")
    assert page.locator(".histogram-caption").inner_text().startswith("Communiqués per day")
    page.locator('.histogram-bars a[aria-label^="4 Jul 2025"]').click()
    page.wait_for_url(re.compile(r"from=2025-07-04&to=2025-07-04"))
    assert "q=Ankara" in page.url and result_ids(page)
    # by keyboard: the bars are links in the tab order
    page.goto(base_url + "/?q=Ankara")
    page.locator('.histogram-bars a').first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}"))
    # without JavaScript, on a phone: the bars are still links, and the page does not scroll sideways
    phone = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844}, is_mobile=True,
                                storage_state=signed_in_state)
    try:
        plain = phone.new_page()
        plain.goto(base_url + "/")
        assert plain.locator(".histogram-bars a").count() >= 1
        assert plain.evaluate("() => document.documentElement.scrollWidth") <= 390
        plain.locator(".histogram-table summary").click()
        plain.locator(".histogram-table a", has_text="Jul 2025").click()
        plain.wait_for_url(re.compile(r"from=2025-07"))
    finally:
        phone.close()


def test_dragging_across_the_histogram_searches_the_range(page, base_url):
    page.goto(base_url + "/?q=Ankara")
    bars = page.locator(".histogram-bars a.bar")
    first, last = bars.first.bounding_box(), bars.last.bounding_box()
    page.mouse.move(first["x"] + first["width"] / 2, first["y"] + first["height"] - 2)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] / 2, last["y"] + last["height"] - 2, steps=8)
    page.mouse.up()
    start, end = bars.first.get_attribute("data-end"), bars.last.get_attribute("data-end")
    page.wait_for_url(re.compile(rf"from={start}&to={end}"))
    assert "q=Ankara" in page.url and result_ids(page)
    assert page.locator(".histogram-bars a.bar-selected").count() == bars.count()


def _map_country(page, code):
    return page.locator(f'.worldmap a.map-country[data-code="{code}"]')


def _name(country) -> str:
    """What a map country says on hover and to a screen reader: its SVG title."""
    return country.locator("title").text_content()


def test_a_country_clicked_on_the_map_becomes_a_filter_and_the_counts_follow(page, base_url):
    page.goto(base_url + "/")
    germany = _map_country(page, "DE")
    assert _name(germany) == "Germany: 3"
    germany.hover()
    assert page.locator(".map-readout").inner_text() == "Germany: 3"  # what the pointer is on, said
    germany.click()
    page.wait_for_url(re.compile(r"\?country=DE$"))
    assert page.locator(".chip").first.inner_text().startswith("Country: Germany")
    assert page.locator("p.count strong").inner_text() == "3"
    assert "is-selected" in _map_country(page, "DE").get_attribute("class")
    assert page.locator(".map-list tr.is-selected").inner_text().startswith("Germany")
    assert page.locator(".worldmap summary").inner_text().endswith("1 selected")
    # like the facet list, the map counts every country as if Germany were not chosen (countries combine
    # with OR: Japan would add its communiqué), while the other filters narrow it
    assert _name(_map_country(page, "JP")) == "Japan: 1"
    page.goto(base_url + "/?country=DE&language=de")
    assert _map_country(page, "JP").count() == 0 and page.locator(".map-list tr").count() < 9
    # clicking it again takes it out
    _map_country(page, "DE").click()
    page.wait_for_url(re.compile(r"/\?language=de$"))
    assert page.locator(".chip").all_inner_texts() == [page.locator(".chip").first.inner_text()]


def test_shift_click_on_the_map_excludes_a_country(page, base_url):
    page.goto(base_url + "/?q=Ankara")
    _map_country(page, "TR").click(modifiers=["Shift"])
    page.wait_for_url(re.compile(r"not_country=TR"))
    assert "q=Ankara" in page.url and "Country: Türkiye" in page.locator(".chip.chip-not").inner_text()
    assert "is-excluded" in _map_country(page, "TR").get_attribute("class")
    assert _name(_map_country(page, "TR")).endswith("excluded")
    assert page.locator(".map-list tr.is-excluded").inner_text().startswith("Türkiye")
    assert result_ids(page) == []  # the only communiqué about Ankara names Türkiye


def test_the_map_by_keyboard_alone(page, base_url):
    page.goto(base_url + "/")
    first = page.locator('.worldmap a.map-country[tabindex="0"]')
    assert first.count() == 1 and first.get_attribute("data-code") == "CH"  # one tab stop: the most counted
    assert page.locator('.worldmap a.map-country[tabindex="-1"]').count() == _count(page) - 1
    assert page.locator(".worldmap").get_by_role("link", name="Switzerland: 4").count() == 1  # its title names it
    first.focus()
    assert page.locator(".map-readout").inner_text() == "Switzerland: 4"
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.dataset.code") == "DE"
    assert page.locator(".map-readout").inner_text() == "Germany: 3"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?country=DE$"))
    page.locator('.worldmap a.map-country[tabindex="0"]').focus()  # the selected country holds the tab stop
    assert page.evaluate("document.activeElement.dataset.code") == "DE"
    page.keyboard.press("ArrowLeft")  # to Switzerland, the one counted more
    page.keyboard.press("Shift+Enter")
    page.wait_for_url(re.compile(r"country=DE&not_country=CH"))
    assert " ".join(page.locator(".chip.chip-not").inner_text().split()).startswith("NOT Country: Switzerland")
    assert "is-excluded" in _map_country(page, "CH").get_attribute("class")
    # the list beside the map: the way to exclude without a modifier key, and to small states
    page.locator(".map-list").get_by_role("link", name="Exclude France").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?country=DE&not_country=CH&not_country=FR$"))


def _count(page):
    return page.locator(".worldmap a.map-country").count()


def test_the_map_without_javascript_on_a_phone(browser, base_url, signed_in_state):
    phone = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844}, is_mobile=True,
                                storage_state=signed_in_state)
    try:
        plain = phone.new_page()
        plain.goto(base_url + "/")
        assert plain.locator(".worldmap").get_attribute("open") is not None  # open: no script folds it
        assert plain.evaluate("() => document.documentElement.scrollWidth") <= 390
        assert plain.locator(".worldmap svg.map").bounding_box()["width"] <= 390
        assert plain.locator(".js-only").first.is_hidden()
        plain.locator(".map-list a", has_text="Japan").click()
        plain.wait_for_url(re.compile(r"\?country=JP$"))
        assert result_ids(plain) and plain.locator(".chip").first.inner_text().startswith("Country: Japan")
        plain.locator(".map-list a.exclude").first.click()
        plain.wait_for_url(re.compile(r"country=JP&not_country="))
    finally:
        phone.close()
