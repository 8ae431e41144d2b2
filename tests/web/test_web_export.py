"""`/export` and `archive export`: every result of a search as CSV or JSON Lines."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from archive.cli import main
from archive.export import safe_cell
from archive.web.engine import close_engine, get_engine
from tests.accounts import session_cookie, signed_in_client
from tests.engines.test_export import ROWS, many_documents
from tests.web.documents import _doc, make_app, web_documents


def read_csv(data: bytes) -> list[dict]:
    assert data.startswith("\ufeff".encode("utf-8"))  # spreadsheets read it as UTF-8
    text = data.decode("utf-8")[1:]
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_the_fields_a_report_needs_for_every_filtered_result(client):
    answer = client.get("/export?q=Ankara&country=TR&not_language=de&format=csv")
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    assert answer.headers["Content-Disposition"].startswith('attachment; filename="communiques-')
    rows = read_csv(answer.get_data())
    assert sorted(r["id"] for r in rows) == ["en-nato", "fr-nato"]
    en = next(r for r in rows if r["id"] == "en-nato")
    assert en["title"] == "Turkey and the United Kingdom discuss NATO enlargement"
    assert (en["date"], en["issuer"], en["issuer_country"], en["language"]) == ("2025-07-03", "Turkish Presidency",
                                                                             "TR", "en")
    assert en["countries"] == "TR; GB; SE" and en["people"] == "Ibrahim Kalin; Tim Barrow"
    assert en["organisations"] == "NATO" and en["communique"] == "g-nato"
    assert en["link"] == "http://localhost/doc/en-nato"  # this site, as the browser reached it


def test_json_lines_keep_lists_and_follow_the_search(client):
    answer = client.get("/export?country=CH&not_country=JP&from=2024-01&to=2024-03&format=jsonl")
    assert answer.status_code == 200 and answer.mimetype == "application/jsonl"
    rows = [json.loads(line) for line in answer.get_data(as_text=True).splitlines()]
    assert [r["id"] for r in rows] == ["it-germania", "de-italien", "de-zoll", "it-zoll"] or \
        sorted(r["id"] for r in rows) == ["de-italien", "de-zoll", "it-germania", "it-zoll"]
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)  # newest first
    assert rows[0]["countries"] == ["DE", "CH"] and isinstance(rows[0]["people"], list)


@pytest.mark.parametrize("cell, shown", [("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
                                         ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
                                         ("\tx", "'\tx"), ("plain", "plain"), (None, ""), (["A", "=B"], "A; =B")])
def test_a_cell_never_becomes_a_formula(cell, shown):
    assert safe_cell(cell) == shown


def test_a_title_made_to_run_as_a_formula_is_shown_as_text(tmp_path):
    doc = _doc("en-evil", "=HYPERLINK(\"http://evil.example\",\"Click\")", "A harmless text about tariffs.",
               "en", "2024-02-02", issuer="@issuer")
    app = make_app(tmp_path, web_documents() + [doc])
    rows = read_csv(signed_in_client(app).get("/export?q=tariffs&format=csv").get_data())
    assert rows[0]["title"].startswith("'=HYPERLINK") and rows[0]["issuer"] == "'@issuer"
    close_engine(app)


def test_bad_exports_are_refused_with_a_reason(client, app):
    assert client.get("/export?q=nato&format=xlsx").status_code == 400
    bad = client.get("/export?q=%22unclosed&format=csv")
    assert bad.status_code == 400 and "never closed" in bad.get_data(as_text=True)
    assert client.get("/export?format=json").status_code == 400
    anonymous = app.test_client().get("/export?q=nato&format=csv", headers={"Accept": "application/json"})
    assert anonymous.status_code == 401


def test_an_export_past_ten_thousand_rows_streams_them_all(tmp_path):
    app = make_app(tmp_path, many_documents())
    client = signed_in_client(app)
    answer = client.get("/export?q=customs&country=CH&format=csv", buffered=False)
    pieces = list(answer.response)
    assert len(pieces) > 10  # sent as it is made, not built whole
    rows = read_csv(b"".join(piece if isinstance(piece, bytes) else piece.encode() for piece in pieces))
    assert len(rows) == len(range(0, ROWS, 3)) and len({r["id"] for r in rows}) == len(rows)
    everything = client.get("/export?q=customs&format=jsonl").get_data(as_text=True).splitlines()
    assert len(everything) == ROWS
    # served for real: while one export is half read, other pages are answered
    import http.client
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        cookie = {"Cookie": session_cookie(app)}
        exporting = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=30)
        exporting.request("GET", "/export?q=customs&format=csv", headers=cookie)
        stream = exporting.getresponse()
        head = stream.read(2000)
        other = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=30)
        other.request("GET", "/?q=customs&format=json", headers=cookie)
        answer = other.getresponse()
        assert answer.status == 200 and json.loads(answer.read())["total"] == ROWS
        rest = stream.read()
        assert len(read_csv(head + rest)) == ROWS
        other.close()
        exporting.close()
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
    close_engine(app)


def test_the_command_exports_a_search_given_as_a_url(tmp_path):
    app = make_app(tmp_path)
    with app.app_context():
        get_engine().close()  # the command opens the index itself
    close_engine(app)
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "export",
                                       "https://archive.example.org/?q=Ankara&country=TR&not_language=de",
                                       "--output", str(out)], env={"ARCHIVE_PUBLIC_URL": "https://archive.example.org"},
                                catch_exceptions=False)
    assert result.exit_code == 0 and "2 rows written" in result.output
    rows = read_csv(out.read_bytes())
    assert sorted(r["link"] for r in rows) == ["https://archive.example.org/doc/en-nato",
                                               "https://archive.example.org/doc/fr-nato"]
    lines = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "export", "q=Zölle", "--format",
                                      "jsonl"], catch_exceptions=False).output.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["de-italien", "de-zoll"]  # newest first
    bad = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "export", "q=%22open"])
    assert bad.exit_code != 0 and "cannot be run" in bad.output
