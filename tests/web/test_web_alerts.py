"""Feeds with a token, e-mail digests through a real SMTP server, signed webhooks; each communiqué once."""
from __future__ import annotations

import hashlib
import hmac
import json
import email
import re
import uuid
import xml.etree.ElementTree as ET
from email import policy

import pytest

from archive import alerts
from archive.web.auth import get_database
from archive.web.engine import get_engine
from tests.conftest import Receiver, smtp_server
from tests.web.test_web_saved import add_communique, client_of, listed, save, token

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def app(app_on_database):
    return app_on_database(PUBLIC_URL="https://archive.example.org")


def flashed(client) -> str:
    return " ".join(re.findall(r'<div class="flashes" role="status">(.*?)</div>',
                               client.get("/saved").get_data(as_text=True), re.S))


def feed_url(client, saved_id) -> str:
    client.post(f"/saved/{saved_id}/feed", data={"csrf_token": token(client)})
    url = re.search(r"(https://archive\.example\.org/saved/\d+/feed\.atom\?token=[\w-]+)", flashed(client)).group(1)
    return url.removeprefix("https://archive.example.org")


def test_a_feed_is_read_with_its_token_only(app, tmp_path):
    alice = client_of(app, "alice")
    save(alice, "q=Ankara", "Ankara", shared=True)
    save(alice, "q=Bern", "Bern")
    ankara, bern = sorted(listed(alice), key=lambda r: r["name"])
    add_communique(app, tmp_path, "ankara.txt", "date 2025-08-01\nNew talks in Ankara\n\nThey met in Ankara.")
    url = feed_url(alice, ankara["id"])
    anonymous = app.test_client()
    answer = anonymous.get(url)
    assert answer.status_code == 200 and answer.mimetype == "application/atom+xml"
    feed = ET.fromstring(answer.data)
    assert feed.find(f"{ATOM}title").text == "Ankara — Communiqué archive"
    entries = feed.findall(f"{ATOM}entry")
    assert entries[0].find(f"{ATOM}title").text == "New talks in Ankara"  # the newest first
    assert entries[0].find(f"{ATOM}link").get("href").startswith("https://archive.example.org/doc/")
    # without the token, with a wrong one, for another search, or anywhere else: nothing
    path, key = url.split("?token=")
    assert anonymous.get(path).status_code == 401
    assert anonymous.get(path + "?token=" + key[:-2] + "xx").status_code == 403
    assert anonymous.get(f"/saved/{bern['id']}/feed.atom?token={key}").status_code == 403
    assert anonymous.get(f"/?q=Ankara&token={key}").status_code == 302
    # a new address ends the old one; revoking ends both
    newer = feed_url(alice, ankara["id"])
    assert anonymous.get(url).status_code == 403 and anonymous.get(newer).status_code == 200
    alice.post(f"/saved/{ankara['id']}/feed/revoke", data={"csrf_token": token(alice)})
    assert anonymous.get(newer).status_code == 403
    # a colleague's token for a shared search stops when it is no longer shared
    bob = client_of(app, "bob")
    bobs = feed_url(bob, ankara["id"])
    assert anonymous.get(bobs).status_code == 200
    alice.post(f"/saved/{ankara['id']}/share", data={"csrf_token": token(alice), "shared": "0"})
    assert anonymous.get(bobs).status_code == 403


def received(maildir, to: str) -> list:
    """The messages the SMTP server kept for `to`, headers decoded."""
    out = []
    for path in sorted((maildir / "new").glob("*")):
        with open(path, "rb") as handle:
            message = email.message_from_binary_file(handle, policy=policy.default)
        if message["To"] == to:
            out.append(message)
    return out


def settings_for(app, host, port) -> alerts.Settings:
    return alerts.Settings.from_config({**app.config, "SMTP_HOST": host, "SMTP_PORT": port})


def test_an_email_digest_sends_each_new_communique_once_and_retries_a_failed_send(app, tmp_path):
    host, port, maildir = smtp_server()
    alice = client_of(app, "alice")
    save(alice, "q=Ankara", "Ankara")
    (row,) = listed(alice)
    address = f"alice-{uuid.uuid4().hex[:8]}@example.org"
    alice.post(f"/saved/{row['id']}/alerts", data={"csrf_token": token(alice), "channel": "email",
                                                    "target": address})
    database, engine = get_database(app), None
    with app.app_context():
        engine = get_engine()
        first = alerts.run(database, engine, settings_for(app, host, port))
    assert list(first.sent.values()) == [0]  # a new alert counts from now
    add_communique(app, tmp_path, "a.txt", "date 2025-08-01\nTalks in Ankara on trade\n\nMet in Ankara.")
    closed = alerts.run(database, engine, settings_for(app, "127.0.0.1", 9))  # no server there
    assert list(closed.failed) and received(maildir, address) == []
    assert "failed" in alice.get("/saved").get_data(as_text=True)  # the list says so
    sent = alerts.run(database, engine, settings_for(app, host, port))
    assert list(sent.sent.values()) == [1]
    (message,) = received(maildir, address)
    assert message["Subject"] == "1 new in “Ankara” — Communiqué archive"
    body = message.get_content()
    assert "Talks in Ankara on trade" in body and "https://archive.example.org/doc/" in body
    again = alerts.run(database, engine, settings_for(app, host, port))
    assert list(again.sent.values()) == [0] and len(received(maildir, address)) == 1
    add_communique(app, tmp_path, "b.txt", "date 2025-08-02\nAnkara again\n\nAnother meeting in Ankara.")
    alerts.run(database, engine, settings_for(app, host, port))
    subjects = sorted(m["Subject"] for m in received(maildir, address))
    assert len(subjects) == 2 and all(s.startswith("1 new") for s in subjects)


def test_a_webhook_is_signed_retried_after_a_failure_and_never_repeats(app, tmp_path, receiver):
    alice = client_of(app, "alice")
    save(alice, "q=Ankara", "Ankara")
    (row,) = listed(alice)
    alice.post(f"/saved/{row['id']}/alerts", data={"csrf_token": token(alice), "channel": "webhook",
                                                    "target": receiver})
    secret = re.search(r"shown only once\): ([0-9a-f]{64})", flashed(alice)).group(1)
    database = get_database(app)
    with app.app_context():
        engine = get_engine()
    settings = alerts.Settings.from_config(app.config)
    alerts.run(database, engine, settings)
    add_communique(app, tmp_path, "a.txt", "date 2025-08-01\nTalks in Ankara on trade\n\nMet in Ankara.")
    Receiver.fail = True
    failed = alerts.run(database, engine, settings)
    assert "500" in next(iter(failed.failed.values()))
    Receiver.fail = False
    assert list(alerts.run(database, engine, settings).sent.values()) == [1]
    headers, body = Receiver.calls[-1]
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Archive-Signature"] == expected and headers["Content-Type"] == "application/json"
    payload = json.loads(body)
    assert payload["saved_search"]["name"] == "Ankara"
    assert [c["title"] for c in payload["communiques"]] == ["Talks in Ankara on trade"]
    assert len(Receiver.calls) == 2  # the failed call and the good one
    alerts.run(database, engine, settings)
    assert len(Receiver.calls) == 2  # nothing new: nothing sent


def test_runs_at_once_never_work_on_one_alert_together(app):
    alice = client_of(app, "alice")
    save(alice, "q=Ankara", "Ankara")
    (row,) = listed(alice)
    alice.post(f"/saved/{row['id']}/alerts", data={"csrf_token": token(alice), "channel": "email",
                                                    "target": "a@example.org"})
    database = get_database(app)
    (sub,) = alerts.subscriptions_of(database, _id(app, "alice"))
    from archive.db import utcnow
    assert alerts._claim(database, sub.id, utcnow())  # a run is working on it
    with app.app_context():
        report = alerts.run(database, get_engine(), alerts.Settings.from_config(app.config))
    assert report.busy == [sub.id] and report.sent == {}


def test_a_read_only_user_may_have_e_mail_alerts_but_no_webhooks(app):
    reader = client_of(app, "rita", "read-only")
    save(reader, "q=Ankara", "Mine")
    (row,) = listed(reader)
    refused = reader.post(f"/saved/{row['id']}/alerts", data={"csrf_token": token(reader), "channel": "webhook",
                                                              "target": "https://hooks.example.org/x"})
    assert refused.status_code == 403
    ok = reader.post(f"/saved/{row['id']}/alerts", data={"csrf_token": token(reader), "channel": "email",
                                                         "target": "rita@example.org"})
    assert ok.status_code == 302 and [a["target"] for a in listed(reader)[0]["alerts"]] == ["rita@example.org"]
    bad = reader.post(f"/saved/{row['id']}/alerts", data={"csrf_token": token(reader), "channel": "email",
                                                          "target": "not an address"})
    assert bad.status_code == 400


def _id(app, name):
    from archive import users

    with get_database(app).session() as session:
        return users.find(session, name).id


