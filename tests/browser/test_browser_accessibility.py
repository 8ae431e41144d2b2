"""axe-core (the axe-playwright-python package's copy) finds no serious or critical problem on the pages
staff use, signed in or not; and the search works by keyboard alone."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe


SERIOUS = {"serious", "critical"}


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:5])
            for v in results.response["violations"] if v["impact"] in SERIOUS]


@pytest.fixture
def checked(browser, signed_in_state):
    # (axe is injected as a script: the page's Content-Security-Policy would refuse it)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, storage_state=signed_in_state,
                              bypass_csp=True)
    yield ctx
    ctx.close()


PAGES = ["/?q=Ankara", "/admin/users", "/?q=Zölle&country=CH&not_language=it&from=2024-01&to=2024-12", "/?country=DE",
         "/doc/en-nato", "/doc/de-zoll?search=q%3DZ%C3%B6lle&hit=1", "/saved", "/history", "/facet/person",
         "/?q=%22unclosed"]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_problem(checked, base_url, path):
    page = checked.new_page()
    page.goto(base_url + path)
    assert serious_violations(page) == []


def test_the_sign_in_page_has_no_serious_accessibility_problem(browser, base_url):
    ctx = browser.new_context(bypass_csp=True)
    page = ctx.new_page()
    page.goto(base_url + "/login")
    assert serious_violations(page) == []
    page.get_by_label("User name").fill("reader")
    page.get_by_label("Password").fill("wrong password!")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("alert").wait_for()
    assert serious_violations(page) == []
    ctx.close()


def test_phone_pages_have_no_serious_accessibility_problem(browser, base_url, signed_in_state):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, bypass_csp=True,
                              storage_state=signed_in_state)
    page = ctx.new_page()
    page.goto(base_url + "/?q=Ankara")
    assert serious_violations(page) == []
    ctx.close()




def test_keyboard_shortcuts_and_their_help(page, base_url):
    page.goto(base_url + "/?country=CH&per_page=2")
    page.locator("body").click(position={"x": 5, "y": 5})  # nothing focused
    page.keyboard.press("j")
    titles = page.locator(".hit-title a")
    assert page.evaluate("document.activeElement.closest('.hit-title') !== null")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    assert first == titles.nth(0).get_attribute("href")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.getAttribute('href')") == titles.nth(1).get_attribute("href")
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    page.keyboard.press("]")
    page.wait_for_url(lambda url: url.endswith("&page=2"))
    page.keyboard.press("[")
    page.wait_for_url(lambda url: not url.endswith("&page=2"))
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("j")  # typing in the box is typing, not a shortcut
    assert page.locator("#q").input_value() == "j"
    page.locator("#q").press("Escape")
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="Keyboard shortcuts")
    dialog.wait_for()
    assert "Next / previous result" in dialog.inner_text()
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")


def test_switching_the_interface_language_by_keyboard_is_remembered(page, base_url):
    page.goto(base_url + "/?q=Ankara&country=TR")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("button", name="Français").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    page.get_by_text("Enregistrer cette recherche").wait_for()
    assert page.url.endswith("/?q=Ankara&country=TR") and page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("button", name="Français").is_disabled()  # the current one
    page.goto(base_url + "/doc/de-zoll")  # another page: still French
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_text("Langue de l’interface :").is_visible()
    page.get_by_role("button", name="Deutsch").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "de"
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
