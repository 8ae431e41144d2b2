"""Each format gives what the same text gives as .txt: words, date, countries, people."""
from __future__ import annotations

import pytest

from indexer.analysis import analyze
from indexer.model import Communique, ReadError
from indexer.readers import read_path
from tests import documents_made as made
from tests.accounts import signed_in_client

pytestmark = pytest.mark.formats
LANGUAGES = ("de", "fr", "en", "ar")


def _one(path) -> Communique:
    docs = [analyze(doc) for doc in read_path(str(path))]
    assert len(docs) == 1
    return docs[0]


def _words(text: str) -> set[str]:
    return {w.strip(".,;:()«»\"'") for w in text.split()} - {""}


def _same_as_text(doc, language, tmp_path, ocr=False):
    plain = _one(made.write_txt(tmp_path, language))
    assert doc.language == plain.language == language
    assert doc.countries == plain.countries and doc.countries
    assert doc.persons == plain.persons and doc.persons
    # the text's own date, else the file's (said in a warning); an image has none
    assert doc.date == plain.date or plain.date is None and any(w.startswith("date from") for w in doc.warnings)
    wanted = _words(made.TEXTS[language][1])
    found = _words(doc.text)
    missing = wanted - found
    # OCR may misread a word; a text layer must give every one
    assert len(missing) <= (len(wanted) // 15 if ocr else 0), missing


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("write", [made.write_pdf, made.write_docx, made.write_odt, made.write_rtf],
                         ids=["pdf", "docx", "odt", "rtf"])
def test_a_format_gives_what_its_text_gives(write, language, tmp_path):
    doc = _one(write(tmp_path, language))
    _same_as_text(doc, language, tmp_path)
    if write is not made.write_rtf:
        assert doc.title == made.TEXTS[language][0]
        assert doc.issuer == "Testing Office"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_scanned_pdf_is_read_by_ocr_in_its_language(language, tmp_path, tesseract):
    doc = _one(made.write_scanned_pdf(tmp_path, language))
    assert "1 of 1 page(s) read by OCR" in doc.warnings
    _same_as_text(doc, language, tmp_path, ocr=True)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_scanned_image_is_read_by_ocr(language, tmp_path, tesseract):
    doc = _one(made.write_png(tmp_path, language))
    _same_as_text(doc, language, tmp_path, ocr=True)


def test_ocr_off_refuses_a_scan_and_says_why(tmp_path):
    from indexer.limits import Limits

    with pytest.raises(ReadError, match="ARCHIVE_OCR=false"):
        list(read_path(str(made.write_scanned_pdf(tmp_path, "de")), Limits(ocr=False)))
    assert _one(made.write_pdf(tmp_path, "de")).text  # a text layer needs no OCR


def test_pdf_pages_headers_footers_and_hyphens(tmp_path):
    doc = _one(made.write_pdf(tmp_path, "de", pages=3, running="Eidgenössisches Testdepartement – Mitteilung"))
    assert "Testdepartement" not in doc.text  # the running header, on every page, is left out
    assert len(doc.pages) == 3 and doc.pages[0] == 0
    body = made.TEXTS["de"][1]
    for start in doc.pages:
        assert doc.text[start:].startswith(body[:40])  # each page starts where its text does
    assert "\n3\n" not in doc.text and not doc.text.rstrip().endswith("3")  # page numbers left out
    assert "verstärken" in doc.text and "\x02" not in doc.text


# Hostile files are refused with a reason, before the work they would cost.
_JS_PDF = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R /Names << /JavaScript 4 0 R >> >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj
4 0 obj << /Names [(run) 5 0 R] >> endobj
5 0 obj << /S /JavaScript /JS (app.alert('hello');) >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""


def _png_header(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def _zip_bomb(path):
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (40 * 2**20))
    return path


def test_hostile_files_are_refused_with_a_reason(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Secret communiqué about Switzerland")
    pdf.set_encryption(owner_password="owner", user_password="user")
    pdf.output(str(tmp_path / "locked.pdf"))
    (tmp_path / "script.pdf").write_bytes(_JS_PDF)
    (tmp_path / "huge.png").write_bytes(_png_header(40_000, 40_000))
    _zip_bomb(tmp_path / "bomb.docx")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"garbage " * 100)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    (tmp_path / "fake.odt").write_bytes(b"PK\x03\x04 not really a zip")
    expected = {"locked.pdf": "needs a password", "script.pdf": "JavaScript", "huge.png": "larger than OCR reads",
                "bomb.docx": "zip bomb", "broken.pdf": "not a readable PDF", "old.doc": "save it as .docx",
                "fake.odt": "not a readable zip package"}
    for name, reason in expected.items():
        with pytest.raises(ReadError, match=reason):
            list(read_path(str(tmp_path / name)))


def test_a_search_hit_in_a_pdf_says_the_page_of_its_snippet(tmp_path):
    from tests.web.documents import make_app

    pages = ["The Federal Council met in Bern to discuss the budget for the coming year.",
             "The delegation then travelled to Vienna for talks on hydropower and glaciers.",
             "Further meetings are planned in the autumn with the cantons."]
    doc = _one(made.write_pdf(tmp_path, "en", page_texts=pages))
    doc.id = "pdf-pages"
    app = make_app(tmp_path, docs=[doc])
    client = signed_in_client(app)
    hit = client.get("/?q=glaciers&format=json").get_json()["results"][0]
    assert hit["snippet_page"] == 2 and "<mark>glaciers</mark>" in hit["snippet"]
    assert client.get("/?q=cantons&format=json").get_json()["results"][0]["snippet_page"] == 3
    assert "page 2:" in client.get("/?q=glaciers").get_data(as_text=True)


def test_a_file_without_extension_is_read_by_its_first_bytes(tmp_path):
    pdf = made.write_pdf(tmp_path, "fr")
    bare = tmp_path / "communique"
    bare.write_bytes(pdf.read_bytes())
    assert _one(bare).countries == _one(pdf).countries == ["CH", "DE"]


def _email_with_attachments(tmp_path):
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Press Office <press@example.org>"
    message["Subject"] = "Two documents on the talks with Japan"
    message["Date"] = "Mon, 05 May 2025 10:00:00 +0200"
    message.set_content("Please find the communiqué and the background note attached.")
    message.add_attachment(made.write_pdf(tmp_path, "en").read_bytes(), maintype="application", subtype="pdf",
                           filename="communique.pdf")
    message.add_attachment(made.write_docx(tmp_path, "fr").read_bytes(), maintype="application",
                           subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                           filename="note.docx")
    message.add_attachment(b"\xd0\xcf\x11\xe0" + b"\x00" * 64, maintype="application", subtype="msword",
                           filename="old.doc")
    message.add_attachment(b"\x89PNG\r\n\x1a\n", maintype="image", subtype="png", filename="logo.png")
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "talks.eml").write_bytes(bytes(message))
    return folder


def test_an_emails_attachments_are_documents_linked_to_it(tmp_path):
    import json

    from click.testing import CliRunner

    from archive.app import create_app
    from archive.cli import main

    folder = _email_with_attachments(tmp_path)
    data = tmp_path / "data"
    result = CliRunner().invoke(main, ["--data-dir", str(data), "index", "--json", str(folder)],
                                catch_exceptions=False)
    summary = json.loads(result.output)
    assert summary["documents"]["new"] == 3  # the message, its PDF and its Word file (not the logo)
    assert "attachment old.doc: Word 97-2003 .doc is not read" in summary["rejected"][0]["reason"]
    client = signed_in_client(create_app({"TESTING": True, "ENGINE": "tantivy", "DATA_DIR": str(data)}))
    found = client.get("/?q=Ishiba&format=json").get_json()["results"]
    assert [hit["title"] for hit in found] == [made.TEXTS["en"][0]]
    attachment = client.get(found[0]["url"] + "?format=json").get_json()
    message = client.get(f"/doc/{attachment['attached_to']}?format=json").get_json()
    assert message["title"] == "Two documents on the talks with Japan"
    assert message["attachment_links"]["communique.pdf"] == attachment["id"]
    assert set(message["attachments"]) == {"communique.pdf", "note.docx", "old.doc", "logo.png"}
    page = client.get(f"/doc/{message['id']}").get_data(as_text=True)
    assert f'<a href="/doc/{attachment["id"]}">communique.pdf</a>' in page and "old.doc <span" in page
    assert "Attached to the message" in client.get(found[0]["url"]).get_data(as_text=True)
    again = json.loads(CliRunner().invoke(main, ["--data-dir", str(data), "index", "--json", str(folder)]).output)
    assert again["documents"]["new"] == 0  # indexing again duplicates nothing, and keeps the links
    client = signed_in_client(create_app({"TESTING": True, "ENGINE": "tantivy", "DATA_DIR": str(data)}))
    assert client.get(f"/doc/{message['id']}?format=json").get_json()["attachment_links"] == message["attachment_links"]


def test_a_news_service_attachment_beside_its_message_is_read_once(tmp_path):
    from pathlib import Path

    fixture = Path(__file__).parent.parent / "fixtures" / "readers" / "nsb-message.xml"
    folder = tmp_path / "nsb"
    folder.mkdir()
    (folder / "message.xml").write_bytes(fixture.read_bytes())
    docs = list(read_path(str(folder / "message.xml")))
    assert not any(d.attached_to for d in docs)  # no file beside it: listed, not read
    made.write_pdf(tmp_path, "de").rename(folder / "bericht.pdf")
    docs = list(read_path(str(folder / "message.xml")))
    attached = [d for d in docs if d.attached_to]
    assert len(attached) == 1 and attached[0].attached_to == docs[0].source
    assert attached[0].source.endswith("#de-att-1") and "Amherd" in attached[0].text


def test_pdf_columns_and_page_breaks_keep_sentences_whole(tmp_path):
    from fpdf import FPDF

    sentences = [f"Sentence {i}: the Federal Council decided to deepen its cooperation with France in field {i}."
                 for i in range(45)]
    pdf = FPDF()
    pdf.add_font("dejavu", fname=made.FONT)
    pdf.set_font("dejavu", size=11)
    pdf.add_page()
    with pdf.text_columns(ncols=2, gutter=8) as columns:  # flows down the left column, then the right one
        columns.write(text=" ".join(sentences))
    pdf.add_page()
    pdf.multi_cell(w=170, h=6, text="The talks went on for two days and the delegations agreed to meet again")
    pdf.add_page()
    pdf.multi_cell(w=170, h=6, text="in the spring, in Geneva.")
    pdf.output(str(tmp_path / "columns.pdf"))
    doc = _one(tmp_path / "columns.pdf")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == " ".join(sentences)  # the column break is inside a sentence: joined
    assert paragraphs[1] == "The talks went on for two days and the delegations agreed to meet again in the spring, " \
                            "in Geneva."  # so is the page break
    assert len(doc.pages) == 3


def test_a_bad_attachment_costs_only_itself(tmp_path):
    import zipfile
    from email.message import EmailMessage

    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")  # not XML
        archive.writestr("word/document.xml", "<w:document")
    message = EmailMessage()
    message["From"], message["Subject"] = "press@example.org", "Two attachments"
    message["Date"] = "Mon, 05 May 2025 10:00:00 +0200"
    message.set_content("Switzerland and Japan signed an agreement.")
    message.add_attachment(broken.read_bytes(), maintype="application", subtype="octet-stream", filename="a.docx")
    message.add_attachment(made.write_odt(tmp_path, "en").read_bytes(), maintype="application",
                           subtype="vnd.oasis.opendocument.text", filename="b.odt")
    (tmp_path / "mail.eml").write_bytes(bytes(message))
    docs, error = [], None
    try:
        for doc in read_path(str(tmp_path / "mail.eml")):
            docs.append(doc)
    except ReadError as err:
        error = err
    assert [d.source.rsplit("#", 1)[-1] for d in docs] == [str(tmp_path / "mail.eml").rsplit("#", 1)[-1], "att-2"]
    assert "attachment a.docx" in error.reason


def test_odf_space_runs_and_tiff_pages_are_bounded(tmp_path):
    import zipfile

    from PIL import Image

    odt = tmp_path / "spaces.odt"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
                         'xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
                         '<office:text><text:p>Bern<text:s text:c="300000000"/>and Geneva met.</text:p>'
                         '<text:p>Zurich<text:s text:c="x"/>too.</text:p></office:text></office:body>'
                         '</office:document-content>')
    doc = _one(odt)
    assert len(doc.text) < 400 and "Geneva" in doc.text
    small, big = Image.new("L", (100, 100), 255), Image.new("1", (12_000, 12_000), 1)
    small.convert("1").save(tmp_path / "pages.tif", save_all=True, append_images=[big], compression="group4")
    with pytest.raises(ReadError, match="larger than OCR reads"):
        list(read_path(str(tmp_path / "pages.tif")))


def test_chinese_and_japanese_lines_join_without_a_space():
    from indexer.readers.textlayout import join_lines

    assert join_lines("スイス政府は経済協", "力を強化する") == "スイス政府は経済協力を強化する"
    assert join_lines("瑞士与中国加强", "合作。") == "瑞士与中国加强合作。"
    assert join_lines("스위스 연방정부는", "협력을") == "스위스 연방정부는 협력을"
    assert join_lines("The Federal", "Council") == "The Federal Council"


def test_a_cover_with_a_logo_and_a_short_title_keeps_its_text(tmp_path):
    from fpdf import FPDF
    from PIL import Image

    from indexer.limits import Limits

    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 80), (180, 30, 30)).save(logo)
    pdf = FPDF()
    pdf.add_font("dejavu", fname=made.FONT)
    pdf.set_font("dejavu", size=20)
    pdf.add_page()
    pdf.image(str(logo), x=20, y=20, w=60)
    pdf.set_xy(20, 80)
    pdf.cell(text="Jahresbericht 2024")
    pdf.add_page()
    pdf.set_font("dejavu", size=12)
    pdf.multi_cell(w=170, h=7, text=made.TEXTS["de"][1])
    pdf.output(str(tmp_path / "report.pdf"))
    without_ocr, = read_path(str(tmp_path / "report.pdf"), Limits(ocr=False))
    assert without_ocr.text.startswith("Jahresbericht 2024") and "Amherd" in without_ocr.text
    assert any("not read by OCR" in w for w in without_ocr.warnings)


def test_the_page_of_a_snippet_in_a_long_document():
    from archive.highlight import LONG_TEXT, snippet_page
    from archive.query import parse_query

    pages = [f"Page {n}. " + "The delegation met the council to discuss budgets and roads. " * 60 for n in range(12)]
    pages[6] += "Glaciers were the subject of a special session."
    text = "\n\n".join(pages)
    starts = [text.index(f"Page {n}.") for n in range(12)]
    assert len(text) > LONG_TEXT
    assert snippet_page(text, starts, parse_query("glaciers"), "en") == 7
