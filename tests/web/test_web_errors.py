"""Bad input is a 400 with the query kept; an engine outage is a 503; never a 500 for user input."""
from __future__ import annotations

import pytest

from archive.app import create_app
from archive.engines import EngineUnavailable
from archive.web.engine import set_engine
from tests.accounts import signed_in_client


@pytest.mark.parametrize("query, message", [
    ("q=%22unclosed", "never closed"),
    ("q=a+OR", "needs a term"),
    ("q=(nato", "never closed"),
    ("q=colour:red", "Unknown field"),
    ("q=*x", "Wildcards"),
    ("page=two", "page must be a whole number"),
    ("from=2024-13", "no month 13"),
    ("from=2025&to=2024", "date range is empty"),
    ("sort=random", "sort must be one of"),
    ("per_page=lots", "per_page must be a whole number"),
])
def test_bad_input_is_a_400_with_a_readable_message(client, query, message):
    response = client.get("/?" + query)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    assert 'role="alert"' in html
    data = client.get("/?" + query, headers={"Accept": "application/json"})
    assert data.status_code == 400 and message in data.get_json()["error"]


def test_syntax_error_keeps_the_query_and_filters(client):
    html = client.get('/?q=%22otan&country=TR').get_data(as_text=True)
    assert 'value="&#34;otan"' in html
    form = html.split('<form class="searchbar"')[1].split("</form>")[0]
    assert '<input type="hidden" name="country" value="TR">' in form


def test_many_bad_inputs_never_give_a_500(client):
    for query in ["q=)", "q=NOT", "q=-", 'q="', "q=" + "a+" * 100, "q=" + "x" * 3000, "facet_size=-5",
                  "page=-1", "page=99999999", "country=" + "&country=".join(str(i) for i in range(60)),
                  "q=%00", "q=title:", "to=abcd", "expand=maybe", "q=\\"]:
        response = client.get("/?" + query)
        assert response.status_code in (200, 400), query


class DownEngine:
    """An engine whose every call fails the way a lost Elasticsearch node does."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise EngineUnavailable("connection refused")
        return fail

    def close(self):
        pass


@pytest.fixture
def down_client(tmp_path):
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path)})
    set_engine(app, DownEngine())
    return signed_in_client(app)


@pytest.mark.parametrize("path", ["/", "/?q=nato&country=TR", "/doc/en-nato", "/health"])
def test_engine_outage_is_a_503(down_client, path):
    response = down_client.get(path)
    assert response.status_code == 503
    assert "The search engine is unavailable" in response.get_data(as_text=True)
    assert response.headers["Retry-After"] == "60"
    data = down_client.get(path, headers={"Accept": "application/json"})
    assert data.status_code == 503 and "cannot search" in data.get_json()["error"]


def test_an_index_from_another_version_gives_a_503_that_says_what_to_do(tmp_path):
    (tmp_path / "tantivy").mkdir()
    (tmp_path / "tantivy" / "archive-schema-version").write_text("0")
    client = signed_in_client(create_app({"TESTING": True, "DATA_DIR": str(tmp_path)}))
    response = client.get("/?q=nato")
    assert response.status_code == 503
    assert "archive reindex" in response.get_data(as_text=True)


def test_engine_is_opened_lazily_and_once(tmp_path, monkeypatch):
    import archive.web.engine as engine_module

    opened = []

    def fake_open(config):
        opened.append(config["DATA_DIR"])
        return DownEngine()

    monkeypatch.setattr(engine_module, "open_engine", fake_open)
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path)})
    assert opened == []
    client = signed_in_client(app)
    client.get("/")
    client.get("/")
    assert opened == [str(tmp_path)]


def test_the_app_and_the_command_share_one_instance_folder(tmp_path, monkeypatch):
    from archive.config import load_config

    monkeypatch.setenv("ARCHIVE_INSTANCE_PATH", str(tmp_path / "inst"))
    app = create_app()
    assert app.instance_path == str(tmp_path / "inst")
    assert app.config["DATA_DIR"] == load_config()["DATA_DIR"] == str(tmp_path / "inst" / "data")


@pytest.mark.parametrize("path", ["/?q=nato&format=csv", "/doc/en-nato?format=xml"])
def test_an_unknown_format_is_a_400_that_names_the_formats(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "format must be one of html, json, not" in response.get_data(as_text=True)


@pytest.mark.parametrize("path, status", [("/?q=%22unclosed&format=json", 400), ("/doc/nope?format=json", 404),
                                          ("/nope?format=json", 404), ("/?from=2024-13&format=json", 400)])
def test_every_json_error_has_the_same_shape(client, path, status):
    data = client.get(path).get_json()
    assert data["status"] == status and data["error"] and isinstance(data["query"], dict)


def test_a_date_error_keeps_the_query_the_filters_and_the_facets(client):
    response = client.get("/?q=nato&country=TR&from=2024-06&to=2024-03")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'id="date-error" role="alert">The date range is empty' in html and 'aria-invalid="true"' in html
    assert 'value="2024-06"' in html and 'value="2024-03"' in html  # what was typed stays to be fixed
    assert 'value="nato"' in html and "Country: Türkiye" in html  # the rest of the search ran
    assert 'class="hits"' in html and 'data-facet="language"' in html
    data = client.get("/?q=nato&country=TR&from=2024-06&to=2024-03&format=json").get_json()
    assert data["status"] == 400 and "date range is empty" in data["error"] and data["total"] > 0


def test_a_page_past_the_last_shows_the_last_page_and_says_so(client):
    data = client.get("/?per_page=2&page=999&format=json").get_json()
    assert data["page"] == data["pages"] and data["results"]
    assert "There is no page 999 of this search" in data["notices"][0]


def test_an_unknown_document_is_404_with_a_relative_data_folder(tmp_path, monkeypatch):
    from archive.web.engine import close_engine
    from tests.web.documents import make_app

    monkeypatch.chdir(tmp_path)
    app = make_app(tmp_path, DATA_DIR="data")
    try:
        (tmp_path / "data" / "ledger.sqlite").write_bytes(b"")  # a ledger file there, as after `archive index`
        assert signed_in_client(app).get("/doc/no-such-id").status_code == 404
    finally:
        close_engine(app)
