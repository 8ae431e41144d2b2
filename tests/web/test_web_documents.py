"""The document page and its JSON twin on a real tantivy index."""
from __future__ import annotations

import re


def test_document_page_shows_metadata_text_and_links(client):
    response = client.get("/doc/en-nato")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<h1 class=\"doc-title\" lang=\"en\">Turkey and the United Kingdom discuss NATO enlargement</h1>" in html
    assert "2025-07-03" in html and "Turkish Presidency" in html and "English" in html
    # Facet values link into searches by code.
    assert 'href="/?country=TR">Türkiye</a>' in html
    assert 'href="/?issuer=Turkish+Presidency">Turkish Presidency</a>' in html
    assert 'href="/?language=en">English</a>' in html


def test_document_page_shows_the_issuers_country_and_every_source(client):
    html = client.get("/doc/en-nato").get_data(as_text=True)
    assert "Issuer's country" in html and 'href="/?issuer_country=TR">Türkiye</a>' in html
    assert "2 source files" in html and "<code>web/copies/en-nato.txt</code>" in html
    single = client.get("/doc/fr-nato").get_data(as_text=True)
    assert "1 source file<" in single


def test_entities_are_marked_and_link_to_searches(client):
    html = client.get("/doc/en-nato").get_data(as_text=True)
    assert '<mark class="entity entity-person"><a href="/?person=Ibrahim+Kalin"' in html
    assert '<mark class="entity entity-org"><a href="/?org=NATO"' in html
    assert '<mark class="entity entity-place"><a href="/?place=Ankara"' in html
    assert '<mark class="entity entity-country"><a href="/?country=TR"' in html  # "Turkey" in the text
    # The text is escaped: markup in a document is shown, never run.
    assert "&lt;b&gt;Not bold&lt;/b&gt; &amp; friends" in html


def test_country_names_are_found_in_the_documents_language(client):
    html = client.get("/doc/it-zoll").get_data(as_text=True)
    assert re.search(r'<mark class="entity entity-country"><a href="/\?country=DE"[^>]*>Germania</a>', html)
    assert re.search(r'<mark class="entity entity-country"><a href="/\?country=CH"[^>]*>Svizzera</a>', html)


def test_translations_and_declared_language(client):
    html = client.get("/doc/de-nato").get_data(as_text=True)
    assert 'href="/doc/en-nato"' in html and 'href="/doc/fr-nato"' in html
    assert "English: Turkey and the United Kingdom" in html
    assert "(declared as English)" in html
    assert "declared language en differs from detected de" in html


def test_document_json_twin(client):
    data = client.get("/doc/fr-nato", headers={"Accept": "application/json"}).get_json()
    assert data["id"] == "fr-nato" and data["language"] == "fr"
    assert data["countries"] == ["TR", "GB", "SE"] and data["persons"] == ["Ibrahim Kalin", "Tim Barrow"]
    assert data["text"].startswith("Ibrahim Kalin s'est entretenu")
    assert sorted(data["translations"]) == ["de-nato", "en-nato"]
    # Its translations are listed as such, never again as similar documents.
    assert not set(data["more_like_this"]) & {"de-nato", "en-nato"}
    assert client.get("/doc/fr-nato?format=json").get_json()["id"] == "fr-nato"


def test_more_like_this_links_to_other_documents(client):
    data = client.get("/doc/de-zoll?format=json").get_json()
    # Another German text on tariffs ("Zölle"), not de-zoll itself nor its translation it-zoll.
    assert data["more_like_this"][0] == "de-italien"
    assert not set(data["more_like_this"]) & {"de-zoll", "it-zoll"}
    html = client.get("/doc/de-zoll").get_data(as_text=True)
    assert "More like this" in html
    for doc_id in data["more_like_this"]:
        assert f'href="/doc/{doc_id}"' in html


def test_unknown_document_is_a_404_page_and_json(client):
    response = client.get("/doc/no-such-id")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "Not found" in html and "no-such-id" in html
    response = client.get("/doc/no-such-id", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.get_json()["error"] == "There is no document with the id 'no-such-id'."


def test_unknown_route_is_a_404(client):
    assert client.get("/nope").status_code == 404
    assert client.get("/nope?format=json").get_json()["status"] == 404


def test_entities_are_found_under_their_names_in_other_languages(client):
    html = client.get("/doc/fr-nato").get_data(as_text=True)
    assert re.search(r'<mark class="entity entity-org"><a href="/\?org=NATO"[^>]*>OTAN</a>', html)
    assert re.search(r'<mark class="entity entity-country"><a href="/\?country=SE"[^>]*>Suède</a>', html)
    html = client.get("/doc/de-zoll").get_data(as_text=True)
    assert re.search(r'<mark class="entity entity-country"><a href="/\?country=DE"[^>]*>Deutschland</a>', html)


def test_a_document_opened_from_a_search_links_back_marks_its_words_and_steps_through_results(client):
    search = "q=Ankara&versions=all&sort=date"
    data = client.get(f"/?{search}&format=json").get_json()
    ids = [r["id"] for r in data["results"]]
    assert len(ids) == 3
    from urllib.parse import quote

    html = client.get(f"/doc/{ids[1]}?search={quote(search)}&hit=2").get_data(as_text=True)
    assert 'href="/?q=Ankara&amp;sort=date&amp;versions=all">← Back to the results</a>' in html
    assert "Result 2 of 3" in html
    assert f'href="/doc/{ids[0]}?search=' in html and f'href="/doc/{ids[2]}?search=' in html
    marked = client.get(f"/doc/en-nato?search={quote('q=spoke')}&hit=1").get_data(as_text=True)
    assert 'Kalin</a></mark> <mark class="match">spoke</mark> with' in marked  # the search's word, marked
    plain = client.get("/doc/en-nato").get_data(as_text=True)
    assert "Back to the results" not in plain and '<mark class="match">' not in plain


def test_a_broken_search_context_still_shows_the_document(client):
    response = client.get("/doc/en-nato?search=q%3D%2522unclosed&hit=x")
    assert response.status_code == 200 and "Back to the results" not in response.get_data(as_text=True)


def test_document_text_and_results_carry_their_language_for_screen_readers(client):
    page = client.get("/doc/de-zoll").get_data(as_text=True)
    assert '<h1 class="doc-title" lang="de">' in page and '<div class="doc-text" lang="de">' in page
    results = client.get("/?q=Zölle").get_data(as_text=True)
    assert 'lang="de">Schweizer' in results and '<p class="snippet" lang="de">' in results
