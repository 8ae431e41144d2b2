"""No request hangs on an engine fault: crashes become error pages, optional parts are left out.

pyo3's PanicException (what tantivy raises when its Rust code panics) derives
from BaseException, so it passes Flask's and the WSGI server's handlers and
used to end the server thread with the request unanswered.
"""
from __future__ import annotations

import logging
import threading
import urllib.error
import urllib.request

import pytest
import tantivy
import waitress

from archive.engines.tantivy_engine import TantivyEngine
from archive.web.engine import set_engine
from tests.web.documents import make_app
from tests.accounts import session_cookie, signed_in_client


def real_panic() -> BaseException:
    """A real PanicException: tantivy's own similar-documents query on an index with a replaced document."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("t", stored=True)
    schema = builder.build()
    index = tantivy.Index(schema)
    writer = index.writer(15_000_000, 1)
    for word in ("one", "two"):
        doc = tantivy.Document()
        doc.add_text("t", f"shared words {word}")
        writer.add_document(doc)
    writer.commit()
    writer.delete_documents_by_term("t", "one")
    writer.commit()
    index.reload()
    query = tantivy.Query.more_like_this_document_fields_query(
        schema, {"t": ["shared words"]}, min_doc_frequency=1, min_term_frequency=1, min_word_length=1)
    try:
        index.searcher().search(query, 1)
    except BaseException as exc:  # noqa: B036 - the point is to catch what is not an Exception
        return exc

    class PanicException(BaseException):
        """Stand-in of the same kind, should a tantivy release no longer panic here."""

    return PanicException("stand-in panic")


PANIC = real_panic()


class PanickingEngine(TantivyEngine):
    """The real embedded engine, except that the calls named in `failing` panic."""

    failing: set[str] = set()

    def search(self, request):
        if "search" in self.failing:
            raise PANIC
        return super().search(request)

    def more_like_this(self, doc_id, limit=5):
        if "more_like_this" in self.failing:
            raise PANIC
        return super().more_like_this(doc_id, limit)

    def translations(self, doc):
        if "translations" in self.failing:
            raise PANIC
        return super().translations(doc)


@pytest.fixture
def panicking(tmp_path):
    app = make_app(tmp_path)
    engine = PanickingEngine(tmp_path / "data" / "tantivy")
    set_engine(app, engine)
    yield app, engine
    set_engine(app, None)


def _fault_logs(caplog):
    return [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]


def test_the_panic_is_real_and_not_an_exception():
    assert not isinstance(PANIC, Exception)


def test_similar_documents_that_panic_are_left_out_of_a_served_page(panicking, caplog):
    app, engine = panicking
    engine.failing = {"more_like_this", "translations"}
    client = signed_in_client(app)
    response = client.get("/doc/fr-nato")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Similar documents could not be shown" in html and "Translations could not be shown" in html
    assert "La Turquie et le Royaume-Uni" in html  # the document itself is there
    data = client.get("/doc/fr-nato?format=json").get_json()
    assert data["id"] == "fr-nato" and data["more_like_this"] == [] and data["translations"] == []
    assert set(data["omitted"]) == {"more_like_this", "translations"}
    logs = _fault_logs(caplog)
    assert len(logs) == 4  # each left-out part of each of the two requests, once
    assert all(type(PANIC).__name__ in r.exc_text or type(PANIC).__name__ in str(r.exc_info[1]) for r in logs)


def test_a_search_that_panics_is_a_500_page_and_the_next_request_is_served(panicking, caplog):
    app, engine = panicking
    engine.failing = {"search"}
    client = signed_in_client(app)
    response = client.get("/?q=nato")
    assert response.status_code == 500
    assert "The search engine failed" in response.get_data(as_text=True)
    assert len(_fault_logs(caplog)) == 1
    data = client.get("/?q=nato", headers={"Accept": "application/json"})
    assert data.status_code == 500 and data.get_json()["status"] == 500
    engine.failing = set()
    assert client.get("/?q=nato").status_code == 200
    assert client.get("/doc/en-nato").status_code == 200


@pytest.fixture
def served(tmp_path):
    """The app behind a real waitress server in a thread (not in testing mode)."""
    app = make_app(tmp_path, TESTING=False)
    engine = PanickingEngine(tmp_path / "data" / "tantivy")
    set_engine(app, engine)

    def crash():
        raise PANIC  # straight out of a view, past every Flask handler

    app.add_url_rule("/crash", view_func=crash)
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    _COOKIE[0] = session_cookie(app)
    yield f"http://127.0.0.1:{server.effective_port}", engine
    # Closed from inside its own loop: closing it from here races with select() there.
    server.task_dispatcher.shutdown()
    server.trigger.pull_trigger(server.close)
    thread.join(timeout=10)
    assert not thread.is_alive()
    set_engine(app, None)


_COOKIE = [""]  # the signed-in session of the server running now


def _get(url):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": _COOKIE[0]}),
                                    timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_a_real_server_answers_every_fault_and_keeps_serving(served, caplog):
    base, engine = served
    engine.failing = {"more_like_this"}
    status, html = _get(base + "/doc/en-nato")
    assert status == 200 and "Similar documents could not be shown" in html
    engine.failing = {"search"}
    assert _get(base + "/?q=nato")[0] == 500
    status, html = _get(base + "/crash")
    assert status == 500 and "An unexpected error occurred" in html
    # Far more requests than the server has threads: none was lost.
    engine.failing = set()
    for _ in range(6):
        assert _get(base + "/crash")[0] == 500
    assert _get(base + "/?q=nato")[0] == 200
    assert any("crashed" in r.getMessage() for r in _fault_logs(caplog))
