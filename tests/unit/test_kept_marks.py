"""A hit's snippet and marked title are kept per document and query: what is kept is what marking
afresh gives, and a document whose text or title changed under the same id is marked anew."""
from __future__ import annotations

from dataclasses import replace

from archive.engines.hits import Marks, hit_from_doc
from archive.highlight import highlight_title, make_snippet, snippet_page
from archive.request import SearchRequest
from indexer.model import Communique


def _doc(text: str, title: str = "Zölle und Grenzen", language: str = "de", pages=()) -> Communique:
    return Communique(source="x.txt", text=text, title=title, language=language, id="doc-1", pages=list(pages))


TEXT = ("Der Bundesrat hat heute die Aufhebung der Industriezölle beschlossen. " * 8
        + "Die Zölle auf Industrieprodukte fallen weg; der Zoll bleibt für Agrarprodukte. " * 8)


def _fresh(doc: Communique, node) -> tuple:
    return (make_snippet(doc.text, node, doc.language), snippet_page(doc.text, doc.pages, node, doc.language),
            highlight_title(doc.title, node, doc.language))


def test_kept_marks_are_the_marks_made_afresh():
    kept = Marks()
    for q in ("Zoll", "Bundesrat", '"Industrieprodukte fallen"', "Zölle NOT Agrar", "Conseil fédéral"):
        node = SearchRequest.create(q=q).query.highlight_for("de")
        for doc in (_doc(TEXT), _doc(TEXT, pages=(0, len(TEXT) // 2)), _doc(TEXT.upper(), language="fr")):
            first, again = hit_from_doc(doc, node, marks=kept), hit_from_doc(doc, node, marks=kept)
            expected = _fresh(doc, node)
            assert (first.snippet, first.snippet_page, first.title_html) == expected
            assert (again.snippet, again.snippet_page, again.title_html) == expected


def test_a_changed_text_or_title_under_the_same_id_is_marked_anew():
    kept = Marks()
    node = SearchRequest.create(q="zoll").query.highlight_for("de")
    before = hit_from_doc(_doc("Der Zoll fällt."), node, marks=kept)
    after = hit_from_doc(_doc("Der ZOLL fällt."), node, marks=kept)  # the same words to a duplicate check, not to a reader
    retitled = hit_from_doc(_doc("Der Zoll fällt.", title="Der Zoll"), node, marks=kept)
    assert "<mark>Zoll</mark>" in before.snippet and "<mark>ZOLL</mark>" in after.snippet
    assert retitled.title_html == "Der <mark>Zoll</mark>" and before.title_html == "Zölle und Grenzen"


def test_other_words_or_languages_are_marked_for_themselves():
    kept, doc = Marks(), _doc(TEXT)
    zoll = hit_from_doc(doc, SearchRequest.create(q="Zoll").query.highlight_for("de"), marks=kept)
    rat = hit_from_doc(doc, SearchRequest.create(q="Bundesrat").query.highlight_for("de"), marks=kept)
    italian = hit_from_doc(replace(doc, language="it"), SearchRequest.create(q="Zoll").query.highlight_for("it"),
                           marks=kept)
    assert "<mark>Bundesrat</mark>" in rat.snippet and "<mark>Bundesrat</mark>" not in zoll.snippet
    assert italian.snippet == _fresh(replace(doc, language="it"),
                                     SearchRequest.create(q="Zoll").query.highlight_for("it"))[0]


def test_at_most_max_are_kept():
    marks = Marks()
    node = SearchRequest.create(q="zoll").query.highlight_for("de")
    for n in range(marks.MAX + 10):
        marks.of(replace(_doc("Der Zoll fällt."), id=f"doc-{n}"), node)
    assert len(marks._made) == marks.MAX
    marks.clear()
    assert len(marks._made) == 0
