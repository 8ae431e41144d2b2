"""Communiqués written by the tests themselves as PDF (text and scanned), .docx, .odt, .rtf and images.

The same short text per language goes into every format, so a test can check
that a format gives what the `.txt` of that text gives. Text PDFs are laid
out by fpdf2 (with HarfBuzz shaping, so Arabic is joined and right to left),
scans are drawn by Pillow (Raqm shaping) at 300 dpi and saved as images or
as an image-only PDF, Word files by python-docx, OpenDocument by odfpy.
"""
from __future__ import annotations

import datetime
import textwrap
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # Debian's fonts-dejavu-core (Latin and Arabic)

TEXTS = {
    "de": ("Zusammenarbeit mit Frankreich",
           "Bern, 3. Juli 2025. Bundesrätin Viola Amherd traf in Paris den französischen Präsidenten "
           "Emmanuel Macron. Die Schweiz und Frankreich wollen ihre Zusammenarbeit bei der Verteidigung "
           "und bei der Forschung verstärken. Die Verhandlungen werden im Herbst in Genf fortgesetzt."),
    "fr": ("Rencontre avec l'Allemagne",
           "Berne, le 12 mars 2025. Le conseiller fédéral Ignazio Cassis a rencontré à Berlin la ministre "
           "allemande Annalena Baerbock. La Suisse et l'Allemagne veulent renforcer leur coopération dans "
           "le domaine de l'énergie et de la recherche."),
    "en": ("Trade agreement with Japan",
           "Bern, 5 May 2025. Federal Councillor Guy Parmelin met the Japanese Prime Minister Shigeru Ishiba "
           "in Tokyo. Switzerland and Japan signed a new agreement on trade and investment, which both "
           "parliaments still have to approve."),
    "ar": ("لقاء في القاهرة",
           "والتقى الرئيس المصري عبد الفتاح السيسي بوفد سويسري في القاهرة. "
           "وناقش الجانبان الوضع في السودان وليبيا والتعاون بين سويسرا ومصر في مجال الطاقة والبحث العلمي."),
}


def write_txt(folder: Path, language: str) -> Path:
    title, body = TEXTS[language]
    path = folder / f"{language}.txt"
    path.write_text(f"title {title}\nlanguage {language}\n\n{body}\n", encoding="utf-8")
    return path


def write_pdf(folder: Path, language: str, pages: int = 1, running: str | None = None,
              page_texts: list[str] | None = None) -> Path:
    """A text PDF: the title as metadata, the body (or each of `page_texts`) on `pages` pages, with a
    running header and page numbers when `running` is given."""
    from fpdf import FPDF

    title, body = TEXTS[language]
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_font("dejavu", fname=FONT)
    pdf.set_text_shaping(True)
    pdf.set_title(title)
    pdf.set_author("Testing Office")
    pdf.set_creation_date(datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc))
    for number in range(1, (len(page_texts) if page_texts else pages) + 1):
        pdf.add_page()
        if running:
            pdf.set_font("dejavu", size=8)
            pdf.cell(text=running)
            pdf.ln(14)
        pdf.set_font("dejavu", size=12)
        text = page_texts[number - 1] if page_texts else body
        pdf.multi_cell(w=170, h=7, text=text, align="R" if language == "ar" else "L")
        if running:
            pdf.set_xy(100, 285)
            pdf.set_font("dejavu", size=8)
            pdf.cell(text=f"{number}")
    path = folder / f"{language}.pdf"
    pdf.output(str(path))
    return path


def scan_image(language: str, pages: int = 1):
    """The text drawn on white A4 pages at 300 dpi, as Pillow images."""
    from PIL import Image, ImageDraw, ImageFont

    title, body = TEXTS[language]
    font = ImageFont.truetype(FONT, 44)
    images = []
    for _ in range(pages):
        image = Image.new("L", (2480, 3508), 255)
        draw = ImageDraw.Draw(image)
        y = 240
        for line in [title, ""] + textwrap.wrap(body, 55):
            if language == "ar":
                draw.text((2300, y), line, font=font, fill=0, anchor="ra", direction="rtl", language="ar")
            else:
                draw.text((180, y), line, font=font, fill=0)
            y += 70
        images.append(image)
    return images


def write_scanned_pdf(folder: Path, language: str, pages: int = 1) -> Path:
    images = scan_image(language, pages)
    path = folder / f"{language}-scan.pdf"
    images[0].save(path, save_all=True, append_images=images[1:], resolution=300)
    return path


def write_png(folder: Path, language: str) -> Path:
    path = folder / f"{language}-scan.png"
    scan_image(language)[0].save(path)
    return path


def write_docx(folder: Path, language: str) -> Path:
    import docx

    title, body = TEXTS[language]
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Testing Office"
    document.core_properties.created = datetime.datetime(2020, 1, 1)
    document.add_paragraph(title, style="Title")
    document.sections[0].header.paragraphs[0].text = "Header on every page"
    for sentence_group in _halves(body):
        document.add_paragraph(sentence_group)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Kontakt", "info@example.org"
    path = folder / f"{language}.docx"
    document.save(path)
    return path


def write_odt(folder: Path, language: str) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    title, body = TEXTS[language]
    document = OpenDocumentText()
    from odf import dc, meta

    document.meta.addElement(dc.Title(text=title))
    document.meta.addElement(meta.InitialCreator(text="Testing Office"))
    document.meta.addElement(meta.CreationDate(text="2020-01-01T00:00:00"))
    document.text.addElement(H(outlinelevel=1, text=title))
    for sentence_group in _halves(body):
        document.text.addElement(P(text=sentence_group))
    path = folder / f"{language}.odt"
    document.save(str(path))
    return path


def write_rtf(folder: Path, language: str) -> Path:
    title, body = TEXTS[language]

    def escape(text: str) -> str:
        return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?"
                       for ch in text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"))

    path = folder / f"{language}.rtf"
    path.write_text("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\n{\\b " + escape(title) + "}\\par\\par\n"
                    + escape(body) + "\\par\n}", encoding="ascii")
    return path


def _halves(body: str) -> list[str]:
    sentences = body.split(". ")
    middle = len(sentences) // 2
    return [". ".join(sentences[:middle]) + ".", ". ".join(sentences[middle:])]
