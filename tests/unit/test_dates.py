import pytest

from indexer.analysis import extract_date
from indexer.analysis.dates import find_date
from indexer.model import Communique
from indexer.readers import read_path
from indexer.readers.dates import date_header, source_date


@pytest.mark.parametrize("text, expected", [
    (" date 2025-07 The first sentence.", ("2025-07", "month")),
    ("date 2025-07\n\nBody.", ("2025-07", "month")),
    ("date 2024-02-29 Body.", ("2024-02-29", "day")),
    ("Bern, 2 January 2024 - The office said.", ("2024-01-02", "day")),
    ("PARIS, le 3 mars 2024 — Le ministère indique.", ("2024-03-03", "day")),
    ("Paris, le 1er février 2024", ("2024-02-01", "day")),
    ("Berlin, 3. März 2024 – Das Amt teilt mit.", ("2024-03-03", "day")),
    ("Roma, 3 marzo 2024 - L'ufficio comunica.", ("2024-03-03", "day")),
    ("Madrid, 3 de marzo de 2024. El ministerio.", ("2024-03-03", "day")),
    ("Lisboa, 5 de setembro de 2023", ("2023-09-05", "day")),
    ("WASHINGTON, March 3, 2024 — The agency.", ("2024-03-03", "day")),
    ("2024-05-06: release", ("2024-05-06", "day")),
    ("Bern, 12.03.2024 - Text", ("2024-03-12", "day")),
    ("Bern, 31 February 2024", None),
    ("No date here at all.", None),
    ("", None),
    ("1234567890 2024", None),
    # month names from CLDR in the other languages (and their genitive forms)
    ("Москва, 3 марта 2025 года. Министерство сообщает.", ("2025-03-03", "day")),
    ("القاهرة، 10 يونيو 2025 — أعلنت الوزارة", ("2025-06-10", "day")),
    ("Warszawa, 5 maja 2024 r. Ministerstwo informuje.", ("2024-05-05", "day")),
    ("Ankara, 7 Ekim 2024 - Bakanlık açıkladı.", ("2024-10-07", "day")),
    ("Αθήνα, 4 Μαΐου 2024. Το υπουργείο ανακοίνωσε.", ("2024-05-04", "day")),
    ("Київ, 12 листопада 2024 року", ("2024-11-12", "day")),
])
def test_find_date(text, expected):
    assert find_date("", text) == expected


def test_date_deep_in_the_text_is_ignored():
    text = "The office published a report. " * 20 + "It refers to the meeting of 2 January 2024."
    assert find_date("", text) is None


def test_date_in_the_title():
    assert find_date("Bern, 4 April 2024", "Body") == ("2024-04-04", "day")


def test_extract_date_keeps_a_date_the_reader_found():
    doc = extract_date(Communique(source="s", text="Bern, 2 January 2024", date="2023-12-01"))
    assert (doc.date, doc.date_precision) == ("2023-12-01", "day")


def test_extract_date_fills_an_empty_date():
    doc = extract_date(Communique(source="s", text="Roma, 3 marzo 2024 - Testo"))
    assert (doc.date, doc.date_precision) == ("2024-03-03", "day")


@pytest.mark.parametrize("line, expected", [
    ("date 2025-07", ("2025-07", "")),
    (" date 2025-07-03 The body follows.", ("2025-07-03", "The body follows.")),
    ("Date 2025-07", ("2025-07", "")),
    ("  date 2025-07", None),        # two leading spaces: body text, not a header
    ("dated 2025-07", None),
    ("date 25-07", None),
])
def test_date_header(line, expected):
    assert date_header(line) == expected


@pytest.mark.parametrize("raw, where, expected", [
    ("2024-03", "", ("2024-03", "month", [])),
    (None, "", (None, None, [])),
    ("  ", "", (None, None, [])),
    ("soon", "", (None, None, ["invalid date 'soon'"])),
    ("2024-02-30", "in header", (None, None, ["invalid date '2024-02-30' in header"])),
])
def test_source_date_warns_once_for_what_it_cannot_read(raw, where, expected):
    assert source_date(raw, where) == expected


@pytest.mark.parametrize("name, content, warning", [
    ("a.txt", "date 2024-13\n\nBern. Body text.", "invalid date '2024-13' in header"),
    ("a.md", "---\ndate: someday\n---\n# Title\n\nBody.", "invalid date 'someday' in front matter"),
    ("a.json", '{"title": "T", "text": "Body.", "date": "someday"}', "invalid date 'someday'"),
    ("a.html", '<html><head><meta name="date" content="someday"></head><body><p>Body.</p></body></html>',
     "invalid date 'someday'"),
    ("a.eml", "From: a@b.ch\nSubject: S\nDate: someday\n\nBody.", "invalid date 'someday' in the Date header"),
    ("a.rss", '<rss><channel><title>F</title><item><title>T</title><description>Body.</description>'
              '<pubDate>someday</pubDate></item></channel></rss>', "invalid date 'someday'"),
])
def test_every_reader_warns_of_a_date_it_cannot_read(tmp_path, name, content, warning):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    (doc,) = read_path(str(path))
    assert doc.date is None and warning in doc.warnings
