"""Signing in and out in a real browser, by keyboard."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.accounts import PASSWORD


def test_sign_in_by_keyboard_reach_the_search_and_sign_out(browser, base_url):
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        page.goto(base_url + "/?q=Ankara")
        assert "/login" in page.url
        # a wrong password: the form says so and keeps the name
        # the name field takes the focus (autofocus lands at the browser's next rendering, which
        # may come after the load event: typing before it lost the first letter once)
        expect(page.get_by_label("User name")).to_be_focused()
        page.keyboard.type("reader")
        page.keyboard.press("Tab")
        page.keyboard.type("not the password")
        page.keyboard.press("Enter")
        page.get_by_role("alert").filter(has_text="do not match").wait_for()
        assert page.get_by_label("User name").input_value() == "reader"
        assert page.evaluate("document.activeElement.id") == "password"
        page.keyboard.type(PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(base_url + "/?q=Ankara")
        assert page.locator(".hit-title a").count() >= 1
        cookie = next(c for c in ctx.cookies() if c["name"] == "archive_session")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
        page.get_by_role("button", name="Sign out").click()
        page.get_by_text("You have signed out.").wait_for()
        page.goto(base_url + "/?q=Ankara")
        assert "/login" in page.url
    finally:
        ctx.close()
