"""Readers: one file in, Communique records out (fixtures in tests/fixtures/readers)."""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.model import ReadError
from indexer.readers import SUPPORTED_EXTENSIONS, RecordError, read_path, sniff

FIXTURES = Path(__file__).parent.parent / "fixtures" / "readers"


def read_all(path) -> tuple[list, ReadError | None]:
    """Every document read from `path`, and the error raised after them (if any)."""
    docs = []
    try:
        for doc in read_path(str(path)):
            docs.append(doc)
    except ReadError as err:
        return docs, err
    return docs, None


def read_one(name: str):
    docs, error = read_all(FIXTURES / name)
    assert error is None and len(docs) == 1
    return docs[0]


def test_supported_extensions():
    assert {".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".eml", ".xml", ".rss", ".atom"} <= SUPPORTED_EXTENSIONS


@pytest.mark.parametrize(
    "name, field, expected",
    [
        ("inline-date.txt", "date", "2024-11"),
        ("inline-date.txt", "date_precision", "month"),
        ("inline-date.txt", "title", "Die Ministerin Anna K. Berger traf am 3. November in Helsinki ihren finnischen Amtskollegen."),
        ("header-lines.txt", "title", "Ministry welcomes new trade figures"),
        ("header-lines.txt", "declared_language", "en"),
        ("header-lines.txt", "issuer", "Ministry of Trade of Examplia"),
        ("header-lines.txt", "issuer_country", "PT"),
        ("header-lines.txt", "url", "https://example.org/press/42"),
        ("header-lines.txt", "date", "2023-09-14"),
        ("header-lines.txt", "date_precision", "day"),
        ("no-header.txt", "title", "Just a body."),
        ("no-header.txt", "date", None),
        ("press.md", "title", "Nuovo piano per le acque costiere"),
        ("press.md", "date", "2024-02-20"),
        ("press.md", "declared_language", "it"),
        ("press.md", "issuer", "Ministero dell'Ambiente"),
        ("press.html", "title", "España y Japón firman un acuerdo científico"),
        ("press.html", "date", "2024-05-17"),
        ("press.html", "declared_language", "es"),
        ("press.html", "issuer", "Ministerio de Ciencia"),
        ("press.eml", "title", "Vaccination campaign extended to all régions"),
        ("press.eml", "date", "2024-03-12"),
        ("press.eml", "date_precision", "day"),
        ("press.eml", "issuer", "Press Office, Ministry of Health"),
        ("press.eml", "source_id", "20240312.0815.press@health.example.org"),
        ("press.eml", "attachments", ["schedule.xlsx"]),  # listed; a spreadsheet is not read
        ("press.eml", "declared_language", "en"),
        ("html-only.eml", "text", "Die Behörde informiert.\n\nZweiter Absatz."),
        ("html-only.eml", "issuer", "info@agency.example.org"),
        ("single.json", "title", "Un seul objet"),
        ("single.json", "date_precision", "month"),
    ],
)
def test_single_document_fields(name, field, expected):
    assert getattr(read_one(name), field) == expected


def test_plain_text_keeps_paragraphs_and_drops_the_header():
    doc = read_one("inline-date.txt")
    assert doc.source == str(FIXTURES / "inline-date.txt")
    assert doc.text.startswith("Die Ministerin Anna K. Berger")
    assert doc.text.count("\n\n") == 2 and "date" not in doc.text
    assert doc.language is None and doc.id == "" and doc.countries == []


def test_markdown_markup_is_stripped():
    doc = read_one("press.md")
    assert doc.text == (
        "Il ministro ha presentato oggi a Roma il piano (testo completo).\n\n"
        "dieci porti coinvolti\n\n2 milioni di euro\n\nUna citazione importante."
    )


def test_html_drops_scripts_and_page_furniture():
    text = read_one("press.html").text
    for unwanted in ("tracking", "not indexed", "Inicio", "Menú", "relacionadas", "©", "color"):
        assert unwanted not in text
    assert "firmó hoy un acuerdo\ncon su homólogo" in text  # <br> is a line break, entities decoded
    assert "marina & climática" in text


def test_email_prefers_plain_text_and_decodes_quoted_printable():
    text = read_one("press.eml").text
    assert "HTML version" not in text
    assert "campaign will be extended to all régions" in text
    assert "JVBER" not in text


def test_jsonl_reads_good_lines_and_reports_bad_ones_with_line_numbers():
    docs, error = read_all(FIXTURES / "records.jsonl")
    assert [doc.source.rsplit("#", 1)[1] for doc in docs] == ["1", "3", "7"]
    assert docs[0].issuer == "Example Agency" and docs[0].source_id == "a1"
    assert docs[1].text == "HTML body\n\ntwo paragraphs" and docs[1].date_precision == "month"
    assert docs[2].attachments == ["a.pdf"] and docs[2].url == "https://example.org/last"
    assert isinstance(error, RecordError)
    assert [key for key, _ in error.bad] == ["4", "5", "6"]
    assert "not valid JSON" in error.bad[0][1] and "no text" in error.bad[2][1]


def test_json_list_keys_records_by_position():
    docs, error = read_all(FIXTURES / "records.json")
    assert error is None
    assert [d.source.rsplit("#", 1)[1] for d in docs] == ["1", "2"]
    assert (docs[1].title, docs[1].date, docs[1].declared_language) == ("Dos", "2024-03-05", "es")


def test_an_nsb_message_without_a_german_dateline_takes_the_first_given(tmp_path):
    xml = (FIXTURES / "nsb-message.xml").read_text(encoding="utf-8").replace("<city>Bern</city>", "<city></city>")
    (tmp_path / "m.xml").write_text(xml, encoding="utf-8")
    docs, _ = read_all(tmp_path / "m.xml")
    assert {d.dateline for d in docs} == {"Berne"}


def test_rss_with_one_broken_item_keeps_the_others():
    docs, error = read_all(FIXTURES / "feed.rss")
    keys = [doc.source.rsplit("#", 1)[1] for doc in docs]
    assert keys == ["agence-2024-001", "2", "agence-2024-004"]
    first, second, _ = docs
    assert first.text == "Paris et Rome ont signé un accord.\n\nDeuxième paragraphe."
    assert (first.date, first.url, first.declared_language) == ("2024-03-04", "https://example.org/1", "fr")
    assert first.issuer == "Agence fictive de presse"  # the feed title, without an author
    assert second.text == "Texte complet du communiqué." and second.issuer == "Marie Dupont"
    assert isinstance(error, RecordError) and [key for key, _ in error.bad] == ["3"]
    assert all("not well-formed" in warning for doc in docs for warning in doc.warnings)


def test_atom_entries():
    docs, error = read_all(FIXTURES / "feed.atom")
    first, second = docs
    assert first.title == "Neue Regeln ab Juli"
    assert first.text == "Ab Juli gelten neue Regeln.\n\nZweiter Absatz."
    assert (first.date, first.issuer, first.url) == ("2024-05-30", "Stefan Huber", "https://example.org/de/1")
    assert (first.declared_language, second.declared_language) == ("de", "en")
    assert second.issuer == "Fiktives Bundesamt"
    assert first.source.endswith("#urn:example:entry:1")
    assert error.bad == [("3", "item without title or text")]


def test_nsb_message():
    docs, error = read_all(FIXTURES / "nsb-message.xml")
    assert error is None
    de, fr, it = docs
    assert [d.declared_language for d in docs] == ["de", "fr", "it"]
    assert de.source.endswith("nsb-message.xml#de")
    assert de.text == (
        "Der Bundesrat hat heute entschieden.\n\n"
        "Erster Absatz & mehr.\n\nZwischentitel\nZweiter Absatz."
    )
    assert [d.dateline for d in docs] == ["Bern"] * 3  # a field of its own, not text; the German one in all
    assert (de.title, de.date, de.date_precision) == ("Beispielhafte Mitteilung", "2024-04-09", "day")
    # One issuer in every language version: its English name, else (as here) its German one.
    assert {de.issuer, fr.issuer, it.issuer} == {"Bundesamt für Beispiele"}
    assert {d.translation_group for d in docs} == {"nsb-12345"}
    assert {d.issuer_country for d in docs} == {"CH"}
    assert fr.source_id == "12345-fr"
    assert de.url == "https://example.admin.ch/dossier" and de.attachments == ["https://example.admin.ch/bericht.pdf"]
    assert fr.url is None
    assert it.warnings == ["text identical to the de version", "empty en version skipped"]
    assert de.warnings == ["empty en version skipped"]


@pytest.mark.parametrize(
    "content, kind",
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
        (b'<?xml version="1.0"?><!-- x --><messages xmlns="https://www.news.admin.ch/messages"/>', "nsb"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"<other/>", "xml"),
        (b'{"text": "x"}', "json"),
        (b'[{"text": "x"}]', "json"),
        (b'{"text": "x"}\n{"text": "y"}\n', "jsonl"),
        (b"From: a@example.org\nSubject: Hi\n\nBody", "email"),
        (b" date 2024-01 Body.", "text"),
        (b"\xef\xbb\xbf<rss><channel/></rss>", "feed"),
        ("<rss/>".encode("utf-16"), "feed"),
    ],
)
def test_sniff(content, kind):
    assert sniff(content) == kind


@pytest.mark.parametrize(
    "name, content, reader_hint",
    [
        ("feed.xml", b'<rss version="2.0"><channel><title>F</title><item><title>T</title><description>D</description></item></channel></rss>', "T"),
        ("page.txt", b"<!DOCTYPE html><html><head><title>T</title></head><body><p>D</p></body></html>", "T"),
        ("noext", b'{"title": "T", "text": "D"}', "T"),
        ("lines.json", b'{"title": "T", "text": "D"}\n{"title": "U", "text": "E"}\n', "T"),
    ],
)
def test_read_path_sniffs_ambiguous_extensions(tmp_path, name, content, reader_hint):
    path = tmp_path / name
    path.write_bytes(content)
    docs, error = read_all(path)
    assert error is None and docs[0].title == reader_hint


def test_unsupported_extension_and_missing_file(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(b"PK\x03\x04")
    with pytest.raises(ReadError, match="unsupported file type .xlsx"):
        list(read_path(str(tmp_path / "a.xlsx")))
    with pytest.raises(ReadError, match="cannot open"):
        list(read_path(str(tmp_path / "missing.txt")))


def test_xml_that_is_no_known_format(tmp_path):
    path = tmp_path / "other.xml"
    path.write_bytes(b"<catalogue><book/></catalogue>")
    with pytest.raises(ReadError, match="not an RSS or Atom feed"):
        list(read_path(str(path)))


def test_json_keys_match_in_any_case(tmp_path):
    path = tmp_path / "caps.json"
    path.write_text('[{"Title": "Meeting", "CONTENT": "Switzerland and France met in Bern.", "Date": "2024-03-01"}]',
                    encoding="utf-8")
    doc, = read_path(str(path))
    assert (doc.title, doc.text, doc.date) == ("Meeting", "Switzerland and France met in Bern.", "2024-03-01")


def test_json_keys_of_ones_own_are_mapped_by_a_setting(tmp_path):
    from indexer.limits import Limits, parse_json_fields

    path = tmp_path / "own.jsonl"
    path.write_text('{"head": "A", "story": "Japan and Brazil signed.", "released": "2024-05-02", "text": ""}\n'
                    '{"head": "B", "body": "Only the built-in key."}\n', encoding="utf-8")
    limits = Limits(json_fields=parse_json_fields("text=story|article, title=head,date=released"))
    first, second = read_path(str(path), limits)
    assert (first.title, first.text, first.date) == ("A", "Japan and Brazil signed.", "2024-05-02")
    assert (second.title, second.text) == ("B", "Only the built-in key.")  # the built-in keys still count
    with pytest.raises(RecordError, match="ARCHIVE_JSON_FIELDS"):
        list(read_path(str(path)))  # without the setting the first record has no text, and says how to map it
    for bad, reason in [("txt=story", "no field 'txt'"), ("text", "not field=key"), ("text=", "not field=key")]:
        with pytest.raises(ValueError, match=reason):
            parse_json_fields(bad)
