"""Readers on hostile and broken input: every failure is a ReadError with a short reason."""
from __future__ import annotations

import time

import pytest

from indexer.model import ReadError
from indexer.readers import read_path

FRENCH = "Le ministre a présenté à Genève un été de réformes, déjà très discutées. Ça commence en août."
GERMAN = "Die Behörde prüft die Änderungen für größere Städte. Übermorgen folgt der Bericht."

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<rss version="2.0"><channel><item><title>&lol9;</title></item></channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&secret;</title></item></channel></rss>"""


def write(tmp_path, name: str, content: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n\t \n", "empty file"),
        ("empty.json", b"", "empty file"),
        ("empty.eml", b"", "empty file"),
        ("bom-only.txt", b"\xef\xbb\xbf", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
        ("zip.json", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary file, not text"),
        ("bin.eml", b"From: x\x00\x01\x02", "binary file, not text"),
        ("truncated.xml", b'<?xml version="1.0"?><messages xmlns="https://www.news.admin.ch/messages"><message id="1"><content lang="de"><title>Abge', "XML not well-formed"),
        ("truncated.rss", b'<rss version="2.0"><channel><title>T</title><item><title>Half', "XML not well-formed"),
        ("bad.json", b'{"title": "x",\n "text": "y",\n oops}', "not valid JSON at line 3"),
        ("scalar.json", b"42", "not an object or a list"),
        ("notext.json", b'{"title": "only a title"}', "no text"),
        ("bomb.xml", BILLION_LAUGHS, "entities, refused"),
        ("bomb.rss", BILLION_LAUGHS, "entities, refused"),
        ("external.rss", EXTERNAL_ENTITY, "entities, refused"),
        ("not-mail.eml", b"just some words\nand more\n", "no e-mail headers"),
    ],
)
def test_unreadable_files_raise_read_error(tmp_path, name, content, reason):
    path = write(tmp_path, name, content)
    with pytest.raises(ReadError) as caught:
        list(read_path(path))
    assert reason in caught.value.reason
    assert caught.value.path == path


@pytest.mark.parametrize(
    "content, expected",
    [
        (FRENCH.encode("latin-1"), FRENCH),
        (GERMAN.encode("latin-1"), GERMAN),
        (("« Le prix – 5 € – reste stable », a déclaré le ministre. " * 3).encode("cp1252"), "« Le prix – 5 € – reste stable », a déclaré le ministre."),
        (FRENCH.encode("utf-16"), FRENCH),  # with BOM
        (FRENCH.encode("utf-16-be").join([b"\xfe\xff", b""]), FRENCH),
        (b"\xef\xbb\xbf" + FRENCH.encode("utf-8"), FRENCH),
        ("L'Ã©tÃ© Ã  GenÃ¨ve sera chaud.".encode("utf-8"), "L'été à Genève sera chaud."),
        ("Cafe\u0301 cre\u0300me.".encode("utf-8"), "Café crème."),  # NFC
        (b"Line one.\r\nLine two.\rLine three.\x07\x1b[0m", "Line one.\nLine two.\nLine three."),
        ("Zero\u200b width \ufeffand BOM.".encode("utf-8"), "Zero width and BOM."),
    ],
)
def test_decoding(tmp_path, content, expected):
    docs = list(read_path(write(tmp_path, "dispatch.txt", content)))
    assert docs[0].text.startswith(expected)
    assert "\r" not in docs[0].text and "\ufeff" not in docs[0].text


def test_latin1_html_with_meta_charset(tmp_path):
    html = '<html lang="fr"><head><meta charset="iso-8859-1"><title>Été</title></head><body><p>Déjà vu.</p></body></html>'
    doc = next(read_path(write(tmp_path, "page.html", html.encode("latin-1"))))
    assert (doc.title, doc.text) == ("Été", "Déjà vu.")


def test_latin1_xml_with_declaration(tmp_path):
    xml = '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><item><title>Été</title><description>Année.</description></item></channel></rss>'
    doc = next(read_path(write(tmp_path, "feed.rss", xml.encode("latin-1"))))
    assert (doc.title, doc.text) == ("Été", "Année.")


def test_mojibake_inside_json_values(tmp_path):
    path = write(tmp_path, "m.json", '{"title": "Ã‰tÃ©", "text": "Ã©tÃ©"}'.encode("utf-8"))
    doc = next(read_path(path))
    assert (doc.title, doc.text) == ("Été", "été")


def test_huge_single_line_is_read_quickly_with_a_capped_title(tmp_path):
    line = "word " * 400_000  # 2 MB, no newline, no sentence end
    start = time.perf_counter()
    doc = next(read_path(write(tmp_path, "huge.txt", line.encode())))
    assert time.perf_counter() - start < 10
    assert len(doc.text) == len(line.strip())
    assert len(doc.title) <= 200 and doc.title.endswith("…")


def test_html_scripts_and_styles_never_reach_the_text(tmp_path):
    html = b"""<html><head><script>alert('x')</script><style>.a{}</style></head>
    <body><p onclick="evil()">Visible &lt;script&gt; text.</p><script>document.cookie</script>
    <noscript>enable js</noscript><iframe src="x">frame</iframe></body></html>"""
    doc = next(read_path(write(tmp_path, "s.html", html)))
    assert doc.text == "Visible <script> text."


def test_eml_with_unknown_charset_falls_back_to_detection(tmp_path):
    mail = ("From: A <a@example.org>\nSubject: Test\nContent-Type: text/plain; charset=x-unknown\n"
            "Content-Transfer-Encoding: 8bit\n\nLa réunion a eu lieu à Genève, déjà en été.\n").encode("utf-8")
    doc = next(read_path(write(tmp_path, "m.eml", mail)))
    assert doc.text == "La réunion a eu lieu à Genève, déjà en été."
    assert doc.issuer == "A"


def test_nsb_with_only_empty_slots(tmp_path):
    xml = b'<messages xmlns="https://www.news.admin.ch/messages"><message id="1"><pubdate>2024-01-01</pubdate><content lang="de"><title/><text/></content></message></messages>'
    with pytest.raises(ReadError, match="every language version is empty"):
        list(read_path(write(tmp_path, "e.xml", xml)))


@pytest.mark.parametrize("content, expected", [
    (FRENCH.encode("utf-16-le"), FRENCH),  # UTF-16 without a byte-order mark
    (GERMAN.encode("utf-16-be"), GERMAN),
    (("Bern, 2 May 2024. " + GERMAN).encode("utf-8").replace(b"Bern", b"Be\x00rn"), "Bern, 2 May 2024. " + GERMAN),
])
def test_text_that_looks_binary_only_at_first_sight(tmp_path, content, expected):
    (doc,) = read_path(write(tmp_path, "odd.txt", content))
    assert doc.text == expected


def test_an_inline_doctype_subset_is_not_taken_for_text(tmp_path):
    page = b'<!DOCTYPE html [ <!ENTITY x "boom"> ]>\n<html><body><p>Der Bundesrat hat heute entschieden.</p></body></html>'
    (doc,) = read_path(write(tmp_path, "subset.html", page))
    assert doc.title == "Der Bundesrat hat heute entschieden." and "]>" not in doc.text


def test_a_folder_given_as_a_file_is_a_clear_error(tmp_path):
    (tmp_path / "x.txt").mkdir()
    with pytest.raises(ReadError, match="a folder, not a file"):
        list(read_path(str(tmp_path / "x.txt")))
