"""PDF communiqués (.pdf), read with PDFium through `pypdfium2`.

PDFium is the PDF engine of Chromium: fast (C++), permissively licensed
(Apache-2.0/BSD), and its text extraction puts right-to-left scripts in
reading order and marks hyphens at line ends. One PDF is one communiqué:

    title      the document's Title metadata, else the first line
    date       CreationDate metadata (day precision; a warning says where it came from)
    issuer     Author metadata
    text       the text layer, page after page; `pages` holds where each page starts

Layout: lines are joined into paragraphs by the gaps between them, a hyphen
PDFium marks at a line end is dropped ("Verhand-/lung" → "Verhandlung"),
and headers, footers and page numbers that repeat at the top or bottom of
the pages are left out. Pages without a text layer (scans) are read by OCR
(`ocr`), pages with one are not.

Refused with a reason: a PDF that needs a password, one with JavaScript,
more than `MAX_PAGES` pages, and what PDFium cannot open.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from typing import Iterator

from indexer.limits import DEFAULT_LIMITS, Limits
from indexer.model import Communique, ReadError
from indexer.readers import ocr
from indexer.readers.dates import created_date, file_day
from indexer.readers.records import make_communique
from indexer.readers.textlayout import SENTENCE_END, join_lines, join_pages, line_paragraphs

MAX_PAGES = 5000
# A page that shows an image and whose text layer has fewer letters than this is read as a scan.
MIN_LETTERS = 20
MAX_RUNNING = 120  # a header or footer is a short line; a longer one repeated is the text's own
_PAGE_NUMBER = re.compile(r"(?:-\s*)?(?:(?:page|seite|pagina|página|p\.|s\.)\s*)?\d{1,4}"
                          r"(?:\s*(?:/|of|von|de|di|sur|из|من)\s*\d{1,4})?(?:\s*-)?", re.IGNORECASE)
_JUNK_TITLES = re.compile(r"^(?:untitled|unbenannt|sans titre|senza titolo|document\d*|microsoft word\b.*|"
                          r".*\.(?:docx?|odt|pdf|rtf|indd|qxd))$", re.IGNORECASE)



def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Iterator[Communique]:
    """Yield the one communiqué of a PDF file."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        message = str(err)
        if "password" in message.lower():
            raise ReadError(path, "encrypted PDF: it needs a password") from None
        found = re.search(r"PDFium: ([^)]+)", message)
        raise ReadError(path, f"not a readable PDF ({found.group(1) if found else message})") from None
    try:
        if pdfium_c.FPDFDoc_GetJavaScriptActionCount(document.raw) > 0:
            raise ReadError(path, "PDF with JavaScript: refused (scripts in a communiqué are a warning sign)")
        if len(document) > MAX_PAGES:
            raise ReadError(path, f"PDF of {len(document)} pages, more than {MAX_PAGES}")
        pages, scanned, warnings = _read_pages(path, document, limits)
        meta = document.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError as err:
        raise ReadError(path, f"the PDF cannot be read ({err})") from None
    finally:
        document.close()
    doc = _communique(path, pages, meta, scanned)
    doc.warnings.extend(warnings)
    yield doc


def _read_pages(path: str, document, limits: Limits) -> tuple[list[list[str]], int, list[str]]:
    """Each page's paragraphs, how many pages were read by OCR, and warnings."""
    import pypdfium2 as pdfium

    texts: list[list[str]] = []
    scans: list[int] = []
    for index in range(len(document)):
        try:
            page = document[index]
        except pdfium.PdfiumError as err:
            raise ReadError(path, f"page {index + 1} of the PDF cannot be read ({err})") from None
        try:
            textpage = page.get_textpage()
            try:
                paragraphs = _paragraphs(textpage)
            finally:
                textpage.close()
            letters = sum(ch.isalpha() for p in paragraphs for ch in p)
            if letters < MIN_LETTERS and _has_image(page):
                scans.append(index)
        finally:
            page.close()
        texts.append(paragraphs)
    warnings: list[str] = []
    read = 0
    if scans:
        try:
            packs = None
            for index in scans:
                page = document[index]
                try:
                    image = _render(path, page)
                finally:
                    page.close()
                if packs is None:
                    packs = ocr.choose_packs(image, path, limits)
                found = line_paragraphs(ocr.read_image(image, packs, path, limits))
                # a cover with a logo and a short title: OCR of the logo is no better than the title
                if sum(ch.isalpha() for p in found for ch in p) > sum(ch.isalpha() for p in texts[index] for ch in p):
                    texts[index] = found
                    read += 1
        except ocr.OcrUnavailable as err:
            if not any(texts):
                raise
            warnings.append(f"{len(scans)} page(s) look scanned and were not read by OCR: {err.reason}")
    return _drop_running_lines(texts), read, warnings


def _has_image(page) -> bool:
    """Whether the page shows an image (a scan is one; a page of a few words without one is not)."""
    import pypdfium2.raw as pdfium_c

    return next(iter(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)), None) is not None


def _render(path: str, page):
    width, height = page.get_size()  # points
    scale = ocr.RENDER_DPI / 72
    pixels = width * height * scale * scale
    if pixels > ocr.MAX_PIXELS:
        scale *= (ocr.MAX_PIXELS / pixels) ** 0.5
    if scale * min(width, height) < 50:
        raise ReadError(path, "a scanned page too large to read by OCR")
    return page.render(scale=scale, grayscale=True).to_pil()


def _lines(textpage) -> list[tuple[str, float, float]]:
    """(text, top, bottom) of each line PDFium found, in its reading order."""
    text = textpage.get_text_range()
    out = []
    at = 0
    for line in re.split(r"\r\n|\r|\n", text):
        start = at
        at += len(line) + 2 if text[start + len(line):start + len(line) + 2] == "\r\n" else len(line) + 1
        line = line.replace("\x02", "").replace("\ufffe", "")
        if not line.strip():
            continue
        top, bottom = _line_box(textpage, start, len(line))
        out.append((line.strip(), top, bottom))
    return out


def _line_box(textpage, start: int, length: int) -> tuple[float, float]:
    """The top of a line's tallest letters and the bottom of its lowest, from up to 40 of its letters."""
    tops, bottoms = [], []
    count = textpage.count_chars()
    for index in range(start, min(start + length, count), max(1, length // 40)):
        try:
            left, bottom, right, top = textpage.get_charbox(index)
        except Exception:  # a character PDFium cannot place
            continue
        if top > bottom:
            tops.append(top)
            bottoms.append(bottom)
    return (max(tops), min(bottoms)) if tops else (0.0, 0.0)


def _paragraphs(textpage) -> list[str]:
    """The page's lines joined into paragraphs where the gap to the next line is small."""
    lines = _lines(textpage)
    if not lines:
        return []
    # the line pitch: the smaller steps from line to line (a paragraph's gap is a larger one)
    steps = sorted(prev[1] - cur[1] for prev, cur in zip(lines, lines[1:]) if 0 < prev[1] - cur[1] < 200)
    step = statistics.median(steps[:max(1, (len(steps) + 1) // 2)]) if steps else 0.0
    paragraphs = [lines[0][0]]
    for (_, top, _), (line, next_top, _) in zip(lines, lines[1:]):
        gap = top - next_top
        ended = paragraphs[-1].rstrip().endswith(SENTENCE_END)
        # a wider gap; or a new column or block, unless the sentence goes on in it
        if step and (gap > step * 1.45 or gap < 0 and (ended or next_top <= 0)):
            paragraphs.append(line)
        else:
            paragraphs[-1] = join_lines(paragraphs[-1], line)
    return paragraphs


def _running_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Without the headers and footers repeated on most pages, and page numbers at a page's edge."""
    edges = Counter()
    for paragraphs in pages:
        edges.update({_running_key(p) for p in paragraphs[:2] + paragraphs[-2:] if len(p) <= MAX_RUNNING})
    running = {key for key, n in edges.items() if len(pages) >= 3 and n >= max(3, 0.6 * len(pages))}
    out = []
    for paragraphs in pages:
        kept = list(paragraphs)
        for edge in (0, -1, 0, -1):
            if kept and (len(kept[edge]) <= MAX_RUNNING and _running_key(kept[edge]) in running or _PAGE_NUMBER.fullmatch(kept[edge].strip())):
                kept.pop(edge)
        out.append(kept)
    return out


def _communique(path: str, pages: list[list[str]], meta: dict, scanned: int) -> Communique:
    warnings = []
    if scanned:
        warnings.append(f"{scanned} of {len(pages)} page(s) read by OCR")
    title = meta.get("Title", "").strip()
    if _JUNK_TITLES.match(title):
        title = ""
    text, starts = join_pages(["\n\n".join(p) for p in pages])
    doc = make_communique(path, text, title or None, issuer=meta.get("Author") or None, warnings=warnings)
    day = file_day(meta.get("CreationDate", ""))
    if day:
        created_date(doc, day, "the PDF's creation date")
    doc.pages = starts if doc.text == text else []
    return doc
