"""Saved searches (private and shared, what is new since each user last opened them) and search history."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from archive import saved as store
from archive.db.models import SavedSearchView
from archive.web.auth import get_database
from archive.web.engine import get_engine
from indexer.ledger import Ledger
from indexer.pipeline import index_paths
from tests.accounts import sign_in


@pytest.fixture
def app(app_on_database):
    return app_on_database()


def client_of(app, name, role="staff"):
    return sign_in(app.test_client(), name, role)


def token(client, path="/?q=nato") -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True)).group(1)


def save(client, query, name, shared=False):
    form = {"csrf_token": token(client), "query": query, "name": name}
    if shared:
        form["shared"] = "1"
    return client.post("/saved", data=form)


def listed(client) -> list[dict]:
    return client.get("/saved?format=json").get_json()["saved"]


def add_communique(app, tmp_path, name, text):
    """`archive index` of one more file into the app's archive (its engine, its data folder's ledger)."""
    folder = tmp_path / "incoming"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    ledger = Ledger(tmp_path / "data" / "ledger.sqlite")
    try:
        with app.app_context():
            summary = index_paths([str(folder / name)], get_engine(), ledger)
    finally:
        ledger.close()
    assert summary.new_documents == 1


def test_save_a_search_then_it_is_recognised_listed_and_opened(app):
    alice = client_of(app, "alice")
    assert "Save this search" in alice.get("/?q=nato&country=TR").get_data(as_text=True)
    answer = save(alice, "q=nato&country=TR", "  NATO   and Türkiye ")
    assert answer.status_code == 302 and answer.headers["Location"] == "/?q=nato&country=TR"
    page = alice.get("/?q=nato&country=TR&page=1").get_data(as_text=True)  # the page is not part of it
    assert "Saved as <a href=\"/saved\">“NATO and Türkiye”</a>" in page and "Save this search" not in page
    (row,) = listed(alice)
    assert (row["name"], row["shared"], row["mine"], row["new"]) == ("NATO and Türkiye", False, True, 0)
    opened = alice.get(row["url"])
    assert opened.status_code == 302 and opened.headers["Location"] == "/?q=nato&country=TR"
    assert "Save this search" in alice.get("/?q=nato").get_data(as_text=True)  # another search


def test_private_searches_stay_private_and_shared_ones_show_who_saved_them(app):
    alice, bob = client_of(app, "alice"), client_of(app, "bob")
    save(alice, "q=nato", "Mine only")
    save(alice, "country=CH", "Switzerland", shared=True)
    assert [(r["name"], r["owner"], r["mine"]) for r in listed(bob)] == [("Switzerland", "alice", False)]
    private_id = next(r["id"] for r in listed(alice) if r["name"] == "Mine only")
    assert bob.get(f"/saved/{private_id}").status_code == 404
    page = bob.get("/?country=CH").get_data(as_text=True)
    assert "Saved as <a href=\"/saved\">“Switzerland”</a>, shared by alice" in page
    # only the owner renames, shares or deletes it
    shared_id = listed(bob)[0]["id"]
    for action, form in (("rename", {"name": "Mine now"}), ("share", {"shared": "0"}), ("delete", {})):
        refused = bob.post(f"/saved/{shared_id}/{action}", data={"csrf_token": token(bob), **form})
        assert refused.status_code == 403, action
    assert bob.post(f"/saved/{private_id}/delete", data={"csrf_token": token(bob)}).status_code == 404
    alice.post(f"/saved/{shared_id}/rename", data={"csrf_token": token(alice), "name": "CH"})
    alice.post(f"/saved/{shared_id}/share", data={"csrf_token": token(alice), "shared": "0"})
    assert listed(bob) == [] and {r["name"] for r in listed(alice)} == {"CH", "Mine only"}


def test_a_read_only_user_saves_for_themselves_but_cannot_share(app):
    reader = client_of(app, "rita", "read-only")
    assert "Share with the team" not in reader.get("/?q=nato").get_data(as_text=True)
    refused = save(reader, "q=nato", "Shared?", shared=True)
    assert refused.status_code == 403 and "read-only" in refused.get_data(as_text=True)
    assert listed(reader) == []
    assert save(reader, "q=nato", "Mine").status_code == 302
    (row,) = listed(reader)
    answer = reader.post(f"/saved/{row['id']}/share", data={"csrf_token": token(reader), "shared": "1"})
    assert answer.status_code == 403 and listed(reader)[0]["shared"] is False


def test_an_admin_may_delete_a_shared_search_of_someone_else(app):
    alice, admin = client_of(app, "alice"), client_of(app, "root", "admin")
    save(alice, "q=nato", "NATO", shared=True)
    (row,) = listed(admin)
    assert admin.post(f"/saved/{row['id']}/delete", data={"csrf_token": token(admin)}).status_code == 302
    assert listed(alice) == []


def test_bad_saves_are_refused_with_a_reason(app):
    alice = client_of(app, "alice")
    assert save(alice, "", "Everything").status_code == 400
    assert "Give the search a name" in save(alice, "q=nato", "   ").get_data(as_text=True)
    assert save(alice, "q=nato", "x" * 201).status_code == 400
    assert save(alice, "q=%22unclosed", "Broken").status_code == 400
    no_token = alice.post("/saved", data={"query": "q=nato", "name": "No token"})
    assert no_token.status_code == 400 and listed(alice) == []


def test_new_communiques_are_counted_marked_and_seen_once_opened(app, tmp_path):
    alice, bob = client_of(app, "alice"), client_of(app, "bob")
    save(alice, "q=Ankara", "Ankara", shared=True)
    bob.get("/?q=Ankara")  # bob opens it once: new for him counts from now
    assert [r["new"] for r in listed(alice)] == [0]
    add_communique(app, tmp_path, "ankara.txt", "date 2025-08-01\nTalks in Ankara on trade.\n\nThe ministers of "
                                                "Türkiye and Switzerland met in Ankara.")
    add_communique(app, tmp_path, "bern.txt", "date 2025-08-02\nTalks in Bern on trade.\n\nThe ministers met in Bern.")
    assert [r["new"] for r in listed(alice)] == [1] and [r["new"] for r in listed(bob)] == [1]
    new_url = listed(alice)[0]["new_url"]
    assert new_url.startswith("/?q=Ankara&added_after=")
    assert alice.get(new_url + "&format=json").get_json()["total"] == 1
    # opening it marks the new one and says how many there are, on every page of this visit
    data = alice.get("/?q=Ankara&format=json").get_json()
    assert [h["title"] for h in data["results"] if h.get("new")] == ["Talks in Ankara on trade."]
    assert data["saved_search"]["new"] == 1 and data["saved_search"]["new_on_this_page"] == 1
    html = alice.get("/?q=Ankara").get_data(as_text=True)
    assert html.count('class="badge-new"') == 1 and "1 new</strong> since you last opened it" in html
    assert alice.get("/?q=Ankara").get_data(as_text=True).count('class="badge-new"') == 1  # during the visit
    assert [r["new"] for r in listed(alice)] == [0]  # seen
    assert [r["new"] for r in listed(bob)] == [1]  # bob has not looked yet
    # after the visit, nothing is new any more
    with get_database(app).transaction() as session:
        for view in session.query(SavedSearchView).all():
            view.last_open_at -= store.VISIT + timedelta(minutes=1)
    data = alice.get("/?q=Ankara&format=json").get_json()
    assert not any(h.get("new") for h in data["results"]) and data["saved_search"]["new"] == 0
    # the same page of the same index state, drawn before with a mark: shown without it now
    assert 'class="badge-new"' not in alice.get("/?q=Ankara").get_data(as_text=True)


def test_history_keeps_the_newest_hundred_once_each_and_can_be_cleared(app):
    alice, bob = client_of(app, "alice"), client_of(app, "bob")
    alice.get("/?q=nato")
    alice.get("/?q=nato&page=2")  # the same search
    alice.get("/?country=CH")
    alice.get("/")  # no search: not remembered
    entries = alice.get("/history?format=json").get_json()["history"]
    assert [e["search"] for e in entries] == ["/?country=CH", "/?q=nato"]
    assert entries[1]["label"] == "“nato”" and entries[0]["label"] == "country: CH"
    assert bob.get("/history?format=json").get_json()["history"] == []
    database, user = get_database(app), _user(app, "alice")
    from archive.request import SearchRequest
    for n in range(store.HISTORY_SIZE + 5):
        store.remember(database, user.id, SearchRequest.create(q=f"word{n}"), n)
    entries = alice.get("/history?format=json").get_json()["history"]
    assert len(entries) == store.HISTORY_SIZE and entries[0]["search"] == f"/?q=word{store.HISTORY_SIZE + 4}"
    answer = alice.post("/history/clear", data={"csrf_token": token(alice, "/history")})
    assert answer.status_code == 302
    assert "history was cleared (100 searches)" in alice.get("/history").get_data(as_text=True)
    assert alice.get("/history?format=json").get_json()["history"] == []


def _user(app, name):
    from archive import users

    with get_database(app).session() as session:
        return users.find(session, name)
