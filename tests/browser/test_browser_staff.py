"""A staff member's day in a real browser: save and share a search, see what is new after indexing,
export the results, look back at the history."""
from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import time

import pytest

from archive.web.engine import get_engine
from tests.accounts import add_user
from tests.browser.conftest import served, sign_in_page
from tests.web.documents import make_app


@pytest.fixture
def office(tmp_path):
    """An archive of its own (this test adds communiqués to it), with two colleagues."""
    app = make_app(tmp_path, TESTING=False)
    add_user(app, "reader", "staff")
    add_user(app, "colleague", "read-only")
    with served(app) as url:
        yield app, url, tmp_path


def index_more(app, folder, name, text):
    """`archive index` of one new communiqué into the served archive, in a process of its own (the web app
    only reads: its writer is let go first, as `archive serve` never holds one)."""
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    with app.app_context():
        engine = get_engine()
        engine.close()
        before = engine.count()
    # (-P: the installed package, not the checkout the tests run from)
    done = subprocess.run([sys.executable, "-P", "-c", "from archive.cli import main; main()", "--data-dir",
                           app.config["DATA_DIR"], "index", str(folder / name)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0 and "1 new" in done.stdout, done.stdout + done.stderr
    for _ in range(100):  # the server's reader sees a commit of another process within a moment
        if engine.count() > before:
            return
        time.sleep(0.1)
    raise AssertionError("the served archive never saw the new communiqué")


def test_save_share_see_what_is_new_export_and_look_back(browser, office):
    app, base, tmp_path = office
    ctx = browser.new_context(accept_downloads=True)
    page = ctx.new_page()
    sign_in_page(page, base)
    page.goto(base + "/?q=Ankara")
    page.get_by_text("Save this search").click()
    page.get_by_label("Name").fill("Ankara talks")
    page.get_by_label("Share with the team").check()
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Saved “Ankara talks” and shared with the team.").wait_for()
    assert "Nothing new since you last opened it" in page.locator(".saved-as").inner_text()

    # a colleague (read-only) sees it in the list, saved by "reader"
    other = browser.new_context().new_page()
    sign_in_page(other, base, "colleague")
    other.goto(base + "/saved")
    row = other.get_by_role("row", name=re.compile("Ankara talks"))
    assert "reader" in row.inner_text() and "none" in row.inner_text()

    # a matching communiqué arrives; the list says so, and opening the search marks it
    index_more(app, tmp_path / "incoming", "ankara.txt",
               "date 2025-08-01\nNew talks in Ankara\n\nThe ministers met in Ankara about trade.")
    page.goto(base + "/saved")
    assert page.get_by_role("link", name="1 new").is_visible()
    page.get_by_role("link", name="Ankara talks").click()
    page.wait_for_url(re.compile(r"/\?q=Ankara$"))
    assert page.locator(".badge-new").count() == 1
    assert "New talks in Ankara" in page.locator(".hit", has=page.locator(".badge-new")).inner_text()
    assert "1 new since you last opened it" in page.locator(".saved-as").inner_text()
    other.goto(base + "/saved")
    assert other.get_by_role("link", name="1 new").is_visible()  # still new for the colleague

    # export every result of a filtered search
    page.goto(base + "/?q=Ankara&not_language=de")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    with open(download.value.path(), encoding="utf-8-sig", newline="") as saved_file:
        content = saved_file.read()
    rows = list(csv.DictReader(io.StringIO(content)))
    assert {r["id"] for r in rows} >= {"en-nato", "fr-nato"} and all(r["language"] != "de" for r in rows)
    assert any(r["title"] == "New talks in Ankara" for r in rows)

    # the history has the searches, and clears
    page.goto(base + "/history")
    assert page.get_by_role("link", name="“Ankara”").count() >= 1
    page.get_by_role("button", name="Clear my history").click()
    page.get_by_text("No searches yet").wait_for()
    ctx.close()
    other.context.close()
