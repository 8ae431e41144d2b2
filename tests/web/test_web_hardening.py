"""What a document or a request could do to a reader's browser or the server: safe links, headers,
bounded pages, the shared link, limits of a search."""
from __future__ import annotations

import pytest

from tests.web.documents import _doc, make_app, web_documents
from tests.accounts import session_cookie, signed_in_client

UNSAFE = ["javascript:alert(document.domain)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
          "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd"]
SAFE = ["https://www.admin.ch/gov/en/start.html", "http://example.org/a?b=c", "mailto:press@example.org"]


@pytest.fixture
def linked(tmp_path):
    docs = web_documents()
    for n, url in enumerate(UNSAFE + SAFE):
        doc = _doc(f"link-{n}", f"Link test {n}", f"A text about Bern, number {n}.", "en", "2024-05-01")
        doc.url = url
        docs.append(doc)
    app = make_app(tmp_path, docs)
    yield signed_in_client(app)


@pytest.mark.parametrize("n", range(len(UNSAFE)))
def test_a_source_url_that_could_run_script_is_shown_as_text_never_as_a_link(linked, n):
    html = linked.get(f"/doc/link-{n}").get_data(as_text=True)
    assert 'class="source-url"' in html and "not a web address: shown, not linked" in html
    assert not any(f'href="{u}' in html or f"href=\"{u.strip()}" in html for u in UNSAFE)
    assert 'href="javascript' not in html.lower() and 'href="data:' not in html.lower()


@pytest.mark.parametrize("n", range(len(SAFE)))
def test_web_and_mail_addresses_are_links(linked, n):
    url = SAFE[n]
    html = linked.get(f"/doc/link-{len(UNSAFE) + n}").get_data(as_text=True)
    assert f'<a class="source-url" href="{url.replace("&", "&amp;")}" rel="noopener noreferrer">' in html


@pytest.mark.parametrize("path", ["/", "/?q=nato", "/?q=%22unclosed", "/doc/en-nato", "/doc/no-such-id",
                                  "/nope", "/static/archive.css", "/?format=json", "/doc/en-nato?format=json"])
def test_every_answer_carries_a_strict_content_security_policy(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "default-src 'self'" in csp and "object-src 'none'" in csp
    assert "frame-src 'none'" in csp and "*" not in csp
    assert response.headers["X-Frame-Options"] == "DENY" and response.headers["X-Content-Type-Options"] == "nosniff"
    response.close()


@pytest.mark.parametrize("path", ["/", "/?q=nato&country=TR", "/doc/en-nato", "/nope"])
def test_pages_hold_no_inline_script_or_style(client, path):
    html = client.get(path).get_data(as_text=True)
    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert " onclick=" not in html and " onload=" not in html
    assert '<script src="/static/early.js"></script>' in html


def test_the_shared_link_never_comes_from_the_host_header(client):
    # (the session cookie given by hand: the test client keeps cookies per host)
    headers = {"Host": "evil.example", "Cookie": session_cookie(client.application)}
    client = client.application.test_client(use_cookies=False)
    response = client.get("/?q=nato", headers=headers)
    assert response.status_code == 200 and "evil.example" not in response.get_data(as_text=True)
    data = client.get("/?q=nato&format=json", headers=headers).get_json()
    assert data["url"] == "/?q=nato"


def test_the_shared_link_starts_with_the_public_address_when_one_is_set(tmp_path):
    app = make_app(tmp_path, PUBLIC_URL="https://archive.example.org")
    data = app.test_client(use_cookies=False).get("/?q=nato&format=json",
                                 headers={"Host": "evil.example", "Cookie": session_cookie(app)}).get_json()
    assert data["url"] == "https://archive.example.org/?q=nato"


def test_a_facet_full_of_selections_still_gives_a_page(client):
    from archive.request import MAX_VALUES_PER_FACET

    selected = "&".join(f"person=P{i}" for i in range(MAX_VALUES_PER_FACET - 1)) + "&person=Ibrahim+Kalin"
    response = client.get("/?" + selected)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'class="toggle is-full"' in html  # "Tim Barrow" cannot be added: no 51st value
    assert client.get("/?" + selected + "&person=Tim+Barrow").status_code == 400


@pytest.mark.parametrize("value", ["2024-02-30", "2023-02-29", "2024-04-31", "٢٠٢٤", "２０２４-03", "2024-03-0１"])
def test_dates_that_do_not_exist_or_are_not_ascii_are_refused(client, value):
    response = client.get("/?from=" + value)
    assert response.status_code == 400


def test_leap_days_and_month_ends_are_dates(client):
    for value in ("2024-02-29", "2024-04-30", "2024-12-31"):
        assert client.get("/?from=" + value).status_code == 200


@pytest.fixture
def long_doc(tmp_path):
    paragraphs = [f"Paragraph {n} of a very long report on customs duties between Switzerland and Germany."
                  for n in range(6000)]
    paragraphs[5500] += " The Zollabkommen was signed in Bern."
    doc = _doc("long", "A very long report", "\n\n".join(paragraphs), "en", "2024-06-01",
               countries=["CH", "DE"], places=["Bern"])
    app = make_app(tmp_path, web_documents() + [doc])
    return signed_in_client(app), doc


def test_a_very_long_document_is_read_in_parts(long_doc):
    client, doc = long_doc
    assert len(doc.text) > 500_000
    first = client.get("/doc/long")
    html = first.get_data(as_text=True)
    assert len(html) < 200_000  # bounded, whatever the document's length
    assert "part 1 of" in html and 'href="/doc/long?part=2"' in html
    assert "Paragraph 0 of" in html and "Paragraph 5999 of" not in html
    last = client.get("/doc/long?format=json").get_json()
    parts = last["parts"]
    tail = client.get(f"/doc/long?part={parts}&format=json").get_json()
    assert "Paragraph 5999 of" in tail["text"] and tail["next"] is None and tail["part"] == parts
    assert tail["text_length"] == len(doc.text)
    assert client.get("/doc/long?part=two").status_code == 400


def test_a_snippet_of_a_very_long_document_marks_a_match_deep_inside(long_doc):
    client, _ = long_doc
    data = client.get("/?q=Zollabkommen&format=json").get_json()
    (hit,) = [h for h in data["results"] if h["id"] == "long"]
    assert "<mark>Zollabkommen</mark>" in hit["snippet"] and hit["snippet"].startswith("…")
