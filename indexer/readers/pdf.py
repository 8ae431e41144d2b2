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
from indexer.readers.records import make_communique

MAX_PAGES = 5000
# A page that shows an image and whose text layer has fewer letters than this is read as a scan.
MIN_LETTERS = 20
MAX_RUNNING = 120  # a header or footer is a short line; a longer one repeated is the text's own
_PAGE_NUMBER = re.compile(r"(?:-\s*)?(?:(?:page|seite|pagina|página|p\.|s\.)\s*)?\d{1,4}"
                          r"(?:\s*(?:/|of|von|de|di|sur|из|من)\s*\d{1,4})?(?:\s*-)?", re.IGNORECASE)
_JUNK_TITLES = re.compile(r"^(?:untitled|unbenannt|sans titre|senza titolo|document\d*|microsoft word\b.*|"
                          r".*\.(?:docx?|odt|pdf|rtf|indd|qxd))$", re.IGNORECASE)
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")
_SENTENCE_END = (".", "!", "?", ":", ";", "。", "؟", "»", "”", '"', ")")


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
        pages, scanned = _read_pages(path, document, limits)
        meta = document.get_metadata_dict(skip_empty=True)
    finally:
        document.close()
    yield _communique(path, pages, meta, scanned)


def _read_pages(path: str, document, limits: Limits) -> tuple[list[list[str]], int]:
    """Each page's paragraphs, and how many pages were read by OCR."""
    texts: list[list[str] | None] = []
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        try:
            paragraphs = _paragraphs(textpage)
        finally:
            textpage.close()
        letters = sum(ch.isalpha() for p in paragraphs for ch in p)
        texts.append(None if letters < MIN_LETTERS and _has_image(page) else paragraphs)
        page.close()
    scans = [i for i, t in enumerate(texts) if t is None]
    if scans:
        packs = None
        for index in scans:
            image = _render(path, document[index])
            if packs is None:
                packs = ocr.choose_packs(image, path, limits)
            texts[index] = _ocr_paragraphs(ocr.read_image(image, packs, path, limits))
    pages = _drop_running_lines([t or [] for t in texts])
    return pages, len(scans)


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
        ended = paragraphs[-1].rstrip().endswith(_SENTENCE_END)
        # a wider gap; or a new column or block, unless the sentence goes on in it
        if step and (gap > step * 1.45 or gap < 0 and (ended or next_top <= 0)):
            paragraphs.append(line)
        else:
            paragraphs[-1] = _join(paragraphs[-1], line)
    return paragraphs


def _join(left: str, right: str) -> str:
    if left.endswith("-") and right[:1].islower() and left[-2:-1].isalpha():
        return left[:-1] + right  # a hyphen PDFium did not mark
    return f"{left} {right}"


def _ocr_paragraphs(text: str) -> list[str]:
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines:
            joined = lines[0]
            for line in lines[1:]:
                joined = _join(joined, line)
            paragraphs.append(joined)
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
    texts = ["\n\n".join(p) for p in pages]
    joined = ""
    for text in filter(None, texts):  # a sentence that goes on over a page break is one paragraph
        goes_on = joined and not joined.endswith(_SENTENCE_END) and text[:1].islower()
        joined += (" " if goes_on else "\n\n" if joined else "") + text
    doc = make_communique(path, joined, title or None,
                          issuer=meta.get("Author") or None, warnings=warnings)
    found = _PDF_DATE.match(meta.get("CreationDate", ""))
    if found and 1900 < int(found.group(1)) < 2200 and 1 <= int(found.group(2)) <= 12:
        created_date(doc, f"{found.group(1)}-{found.group(2)}-{found.group(3)}", "the PDF's creation date")
    doc.pages = page_starts(doc.text, texts)
    return doc


def created_date(doc: Communique, day: str, where: str) -> None:
    """A file's creation date as the communiqué's date, unless the text's head gives one (a file
    may be made long after the release it holds)."""
    from indexer.analysis.dates import find_date

    found = find_date(doc.title, doc.text)
    if found:
        doc.date, doc.date_precision = found
    else:
        doc.date, doc.date_precision = day, "day"
        doc.warnings.append(f"date from {where}")


def page_starts(text: str, pages: list[str]) -> list[int]:
    """Where each page's text starts in the document's (tidied) text; [] when they cannot be placed."""
    starts, at = [], 0
    for page in pages:
        head = page.strip()[:40]
        found = text.find(head, at) if head else at
        if found < 0:
            return []
        starts.append(found)
        at = found + len(head)
    return starts
