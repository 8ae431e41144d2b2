"""Readers: files in, `Communique` records out.

`read_path(path)` picks a reader by extension and, for `.xml`, `.txt`,
`.json` or no known extension, by sniffing the content (see `sniff`). Each
reader module owns one format and documents its field mapping:

    plaintext       .txt           ` date 2025-07` style header lines, then the body
    markdown        .md            front matter or first `# heading` as the title
    html_page       .html .htm     meta tags, <html lang>, main text
    json_records    .json .jsonl   `FIELD_MAP`
    email_message   .eml           Subject, Date, From, Message-ID, attachments listed
    feeds           .rss .atom     one communiqué per item or entry
    nsb             .xml           Swiss news-service messages, one per language version
    pdf             .pdf           text layer by page, scanned pages by OCR; Title, Author, CreationDate
    office          .docx .odt .rtf  paragraphs and tables; title, author, created properties
    ocr             .png .jpg .jpeg .tif .tiff  scanned communiqués, read by Tesseract

Errors: a file that cannot be read raises `ReadError(path, reason)`. In a
multi-document file the good records are yielded first and the bad ones are
then reported together by a `RecordError` (a `ReadError` with `.bad`, a
list of (record key, reason)), so a consumer that handles documents while
iterating loses none of the good ones.

Limits (indexer.limits) are checked before the work they guard: only regular
files are opened, their size is checked from `stat` before reading (JSON and
JSON Lines, read as streams, may be larger), and a file's records and a
document's text have caps.
"""
from __future__ import annotations

import os
import re
import stat
from typing import BinaryIO, Callable, Iterator

from indexer.limits import DEFAULT_LIMITS, Limits
from indexer.model import Communique, ReadError
from indexer.readers import email_message, feeds, html_page, json_records, markdown, nsb, ocr, office, pdf, plaintext
from indexer.readers.records import RecordError

__all__ = ["SUPPORTED_EXTENSIONS", "ReadError", "RecordError", "read_path", "read_bytes", "sniff", "STREAMED"]

Reader = Callable[[str, bytes], Iterator[Communique]]
StreamReader = Callable[[str, BinaryIO, Limits], Iterator[Communique]]

READERS: dict[str, Reader] = {
    "text": plaintext.read,
    "markdown": markdown.read,
    "html": html_page.read,
    "email": email_message.read,
    "feed": feeds.read,
    "nsb": nsb.read,
    "pdf": pdf.read,
    "docx": office.read_docx,
    "odt": office.read_odt,
    "rtf": office.read_rtf,
    "doc": office.read_doc,
    "image": ocr.read,
}
# Readers that take the reading settings (OCR on or off, its time limit).
_WITH_SETTINGS = {"pdf", "image", "email", "nsb"}
# Formats read as a stream of records: any size, flat memory.
STREAMED: dict[str, StreamReader] = {
    "json": json_records.read_json,
    "jsonl": json_records.read_jsonl,
}
BY_EXTENSION = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".eml": "email",
    ".rss": "feed", ".atom": "feed", ".xml": None,
    ".pdf": "pdf", ".docx": "docx", ".odt": "odt", ".rtf": "rtf", ".doc": "doc",
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image", ".tiff": "image",
}
# Binary formats: a file without an extension is recognised by its first bytes.
_MAGIC = ((b"%PDF-", "pdf"), (b"{\\rtf", "rtf"), (b"\x89PNG\r\n", "image"), (b"\xff\xd8\xff", "image"),
          (b"II*\x00", "image"), (b"MM\x00*", "image"))
SUPPORTED_EXTENSIONS = frozenset(BY_EXTENSION)

_XML_ROOT = re.compile(r"<([\w.-]+:)?([\w.-]+)[\s>/]")
_EMAIL_HEADER = re.compile(r"(?:[\w-]+:[^\n]*\n(?:[ \t][^\n]*\n)*){2,}", re.I)


def read_path(path: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Communique]:
    """Yield the communiqués in the file at `path`; raise `ReadError` for what cannot be read."""
    extension = os.path.splitext(path)[1].lower()
    if extension not in BY_EXTENSION and extension:
        raise ReadError(path, f"unsupported file type {extension}")
    try:
        info = os.stat(path)
    except OSError as err:
        raise ReadError(path, f"cannot open: {err.strerror or err}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(path, "not a regular file" if not stat.S_ISDIR(info.st_mode) else "a folder, not a file")
    try:
        handle = open(path, "rb")
    except OSError as err:
        raise ReadError(path, f"cannot open: {err.strerror or err}") from None
    with handle:
        head = handle.read(8192)
        kind = _kind(extension, head)
        if kind in STREAMED:
            handle.seek(0)
            yield from _capped(path, STREAMED[kind](path, handle, limits), limits)
            return
        if info.st_size > limits.max_file_bytes:
            raise ReadError(path, f"file larger than {limits.max_file_bytes // 2**20} MB (ARCHIVE_MAX_FILE_MB)")
        data = head + handle.read(limits.max_file_bytes + 1 - len(head))
        if len(data) > limits.max_file_bytes:  # it grew while being read
            raise ReadError(path, f"file larger than {limits.max_file_bytes // 2**20} MB (ARCHIVE_MAX_FILE_MB)")
        docs = READERS[kind](path, data, limits) if kind in _WITH_SETTINGS else READERS[kind](path, data)
        yield from _capped(path, docs, limits)


def read_bytes(path: str, name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[Communique]:
    """The communiqués of a file's content that did not come from a file of its own (an e-mail's
    attachment): its reader from `name`'s extension, or its first bytes. `ReadError` names `path`."""
    extension = os.path.splitext(name)[1].lower()
    if extension not in BY_EXTENSION and extension:
        raise ReadError(path, f"unsupported file type {extension}")
    if len(data) > limits.max_file_bytes:
        raise ReadError(path, f"larger than {limits.max_file_bytes // 2**20} MB (ARCHIVE_MAX_FILE_MB)")
    kind = _kind(extension, data[:8192])
    if kind in STREAMED:
        import io

        return list(_capped(path, STREAMED[kind](path, io.BytesIO(data), limits), limits))
    docs = READERS[kind](path, data, limits) if kind in _WITH_SETTINGS else READERS[kind](path, data)
    return list(_capped(path, docs, limits))


def _kind(extension: str, head: bytes) -> str:
    kind = BY_EXTENSION.get(extension)
    if not extension:  # binary formats by their first bytes; a ".txt" that is binary is an error, not a guess
        kind = next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)
        if kind:
            return kind
    if extension in (".json", ".txt", ""):
        sniffed = sniff(head)
        if extension != ".json" or sniffed == "jsonl":
            kind = sniffed if sniffed != "xml" else "text"
    elif extension == ".xml":
        kind = sniff(head)
        if kind not in ("feed", "nsb", "html"):
            kind = "feed"  # the feed reader names what it found in its error
    return kind


def _capped(path: str, docs: Iterator[Communique], limits: Limits) -> Iterator[Communique]:
    """`docs` within the per-file limits: too long a text is a bad record, too many records end the file."""
    bad: list[tuple[str, str]] = []
    yielded = 0
    try:
        for number, doc in enumerate(docs, 1):
            _, record, key = doc.source.partition("#")
            reason = None
            if not doc.text.strip():
                reason = "no text and no title"
            elif len(doc.text) > limits.max_text_chars:
                reason = f"text longer than {limits.max_text_chars:,} characters (ARCHIVE_MAX_TEXT_CHARS)"
            if reason:
                if not record:  # the file's one document
                    raise ReadError(path, reason)
                bad.append((key, reason))
                continue
            if yielded == limits.max_records:
                bad.append((key, f"more than {limits.max_records:,} records in one file: this one and the rest "
                                 "were not read (ARCHIVE_MAX_RECORDS)"))
                break
            yielded += 1
            yield doc
    except RecordError as err:
        bad = err.bad + bad
    if bad:
        raise RecordError(path, bad)


def sniff(data: bytes) -> str:
    """The reader kind for content whose extension does not settle it.

    Looks at the start of the text (BOMs and UTF-16 tolerated): HTML; XML
    told apart by its root element ("feed", "nsb", else "xml"); JSON (one
    document) or JSON Lines; e-mail headers; otherwise "text".
    """
    head = _head_text(data)
    start = head.lstrip()
    if start.startswith("<"):
        lowered = start[:1024].lower()
        if lowered.startswith(("<!doctype html", "<html")) or "<body" in lowered or "<head" in lowered:
            return "html"
        root = _xml_root(start)
        if root in feeds.FEED_ROOTS:
            return "feed"
        if root in ("messages", "message") and nsb.NSB_NAMESPACE in start[:2048]:
            return "nsb"
        return "xml"
    if start.startswith(("{", "[")):
        first_line = start.split("\n", 1)[0].strip()
        return "jsonl" if start.startswith("{") and first_line.endswith("}") and "\n{" in start else "json"
    if _EMAIL_HEADER.match(head.replace("\r\n", "\n")) and re.search(r"^(from|subject|message-id):", head, re.I | re.M):
        return "email"
    return "text"


def _head_text(data: bytes) -> str:
    head = data[:8192]
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, errors="ignore")
    return head.decode("utf-8", errors="ignore")


def _xml_root(text: str) -> str | None:
    """The local name of the first element, skipping the prolog, comments and DOCTYPE."""
    text = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", "", text[:8192], flags=re.S)
    match = _XML_ROOT.search(text)
    return match.group(2) if match else None
