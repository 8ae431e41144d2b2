"""Feeds, alerts and a large export in a real browser."""
from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import re
import uuid

import pytest

from archive import alerts
from archive.web.auth import get_database
from archive.web.engine import get_engine
from tests.accounts import add_user
from tests.browser.conftest import served, sign_in_page
from tests.browser.test_browser_staff import index_more
from tests.conftest import Receiver, smtp_server
from tests.engines.test_export import ROWS, many_documents
from tests.web.documents import make_app
from tests.web.test_web_alerts import received


@pytest.fixture
def office(tmp_path):
    app = make_app(tmp_path, TESTING=False)
    add_user(app, "reader", "staff")
    with served(app) as url:
        yield app, url, tmp_path


def saved_search(page, base, q, name):
    page.goto(f"{base}/?q={q}")
    page.get_by_text("Save this search").click()
    page.get_by_label("Name").fill(name)
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text(f"Saved “{name}”.").wait_for()
    page.goto(base + "/saved")
    page.get_by_text("Set up").click()


def test_a_feed_read_with_its_token_and_refused_without_or_revoked(browser, office):
    app, base, tmp_path = office
    ctx = browser.new_context()
    page = ctx.new_page()
    sign_in_page(page, base)
    saved_search(page, base, "Ankara", "Ankara")
    page.get_by_role("button", name="Atom feed address").click()
    url = re.search(r"(http://\S+/feed\.atom\?token=[\w-]+)", page.locator(".flashes").inner_text()).group(1)
    reader = browser.new_context()  # a feed reader: no session
    try:
        answer = reader.request.get(url)
        assert answer.status == 200 and "application/atom+xml" in answer.headers["content-type"]
        assert "<title>Ankara — Communiqué archive</title>" in answer.text()
        assert reader.request.get(url.split("?")[0]).status == 401
        page.get_by_text("1 active").click()
        page.get_by_role("button", name="Revoke the feed address").click()
        page.get_by_text("The feed's address no longer works.").wait_for()
        assert reader.request.get(url).status == 403
    finally:
        reader.close()
        ctx.close()


def test_an_email_digest_and_a_webhook_set_up_on_the_page_are_received(browser, office, receiver):
    host, port, maildir = smtp_server()
    app, base, tmp_path = office
    ctx = browser.new_context()
    page = ctx.new_page()
    sign_in_page(page, base)
    saved_search(page, base, "Ankara", "Ankara")
    address = f"reader-{uuid.uuid4().hex[:8]}@example.org"
    page.get_by_label("E-mail new ones to").fill(address)
    page.get_by_label("E-mail new ones to").press("Enter")
    page.get_by_text(f"will be e-mailed to {address}").wait_for()
    page.get_by_text("1 active").click()
    page.get_by_label("Webhook").fill(receiver)
    page.get_by_label("Webhook").press("Enter")
    secret = re.search(r"shown only once\): ([0-9a-f]{64})", page.locator(".flashes").inner_text()).group(1)
    settings = alerts.Settings.from_config({**app.config, "SMTP_HOST": host, "SMTP_PORT": port})
    with app.app_context():
        engine = get_engine()
    alerts.run(get_database(app), engine, settings)  # from now on
    index_more(app, tmp_path / "incoming", "ankara.txt",
               "date 2025-08-01\nNew talks in Ankara\n\nThe ministers met in Ankara about trade.")
    report = alerts.run(get_database(app), engine, settings)
    assert sorted(report.sent.values()) == [1, 1] and report.failed == {}
    (message,) = received(maildir, address)
    assert "New talks in Ankara" in message.get_content()
    headers, body = Receiver.calls[-1]
    assert headers["X-Archive-Signature"] == "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    assert [c["title"] for c in json.loads(body)["communiques"]] == ["New talks in Ankara"]
    ctx.close()


def test_a_filtered_csv_export_past_ten_thousand_rows_downloads_whole(browser, tmp_path):
    app = make_app(tmp_path, many_documents(), TESTING=False)
    add_user(app, "reader", "staff")
    with served(app) as base:
        ctx = browser.new_context(accept_downloads=True)
        page = ctx.new_page()
        sign_in_page(page, base)
        page.goto(base + "/?q=customs&country=DE&not_country=FR")
        with page.expect_download() as download:
            page.get_by_role("link", name="CSV").click()
        with open(download.value.path(), encoding="utf-8-sig", newline="") as saved:
            rows = list(csv.DictReader(io.StringIO(saved.read())))
        assert len(rows) == ROWS > 10_000
        assert all("DE" in r["countries"].split("; ") for r in rows) and len({r["id"] for r in rows}) == len(rows)
        ctx.close()
