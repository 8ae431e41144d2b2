"""Browser fixtures: the real app on a real tantivy index, served on a free loopback port, and
Debian's chromium driven by Playwright's sync API.

Without /usr/bin/chromium the browser tests are skipped with a reason on a
developer's machine; in CI (CI=true) that is a failure.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from archive.web.engine import close_engine
from tests.conftest import IN_CI
from tests.accounts import PASSWORD, add_user
from tests.web.documents import make_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]


def _need_browser() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run browser tests"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@contextmanager
def served(app):
    """`app` served by werkzeug in a background thread; yields its URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="archive-test-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        close_engine(app)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    """URL of the app, served for the whole session."""
    app = make_app(tmp_path_factory.mktemp("browser-index"), TESTING=False)
    add_user(app, "reader", "admin")  # sees every page, the users page too
    with served(app) as url:
        yield url


def sign_in_page(page, base: str | None, name: str = "reader", password: str = PASSWORD) -> None:
    """Sign in through the form, as a person does (at /login, or on the sign-in page shown when `base` is None)."""
    if base is not None:
        page.goto(f"{base}/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)


@pytest.fixture(scope="session")
def signed_in_state(browser, base_url, tmp_path_factory):
    """The cookies of one sign-in through the form, reused by every test's browser context."""
    ctx = browser.new_context()
    sign_in_page(ctx.new_page(), base_url)
    path = tmp_path_factory.mktemp("browser-state") / "state.json"
    ctx.storage_state(path=str(path))
    ctx.close()
    return str(path)


@pytest.fixture
def context(browser, signed_in_state):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, storage_state=signed_in_state)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()
