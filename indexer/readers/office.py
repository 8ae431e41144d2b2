"""Word (.docx), OpenDocument (.odt) and RTF (.rtf) communiqués.

.docx is read with `python-docx` (paragraphs and tables in document order;
page headers and footers are separate parts and stay out); .odt's
`content.xml` and `meta.xml` are parsed with defusedxml (`safexml`); .rtf
with `striprtf`. One file is one communiqué:

    title      the document's title property, else a paragraph styled Title, else the first line
    date       the created date property (day precision; a warning says where it came from)
    issuer     the author property

Both .docx and .odt are zip files: before anything is unpacked, the archive's
listing is checked (`check_zip`), so a zip bomb is refused from its declared
sizes and ratio. Legacy Word .doc is refused with a reason: no maintained
converter is bundled (save it as .docx).
"""
from __future__ import annotations

import io
import re
import zipfile
from typing import Iterator

from indexer.model import Communique, ReadError
from indexer.readers.dates import created_date, file_day
from indexer.readers.decoding import decode
from indexer.readers.records import make_communique
from indexer.readers.safexml import local_name, parse_xml

MAX_UNPACKED = 200 * 2**20  # bytes a .docx or .odt may unpack to
MAX_RATIO = 200  # unpacked/packed size of one member above which it is a bomb, not a document
MAX_MEMBERS = 10_000


def check_zip(path: str, data: bytes) -> zipfile.ZipFile:
    """The opened zip archive, refused when it is not one or unpacks too large."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as err:
        raise ReadError(path, f"not a readable zip package ({err})") from None
    if len(members) > MAX_MEMBERS:
        raise ReadError(path, f"zip package of {len(members)} parts, more than {MAX_MEMBERS}")
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED:
        raise ReadError(path, f"unpacks to {total // 2**20} MB, more than {MAX_UNPACKED // 2**20} MB (zip bomb?)")
    for m in members:
        if m.file_size > 2**20 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise ReadError(path, f"part {m.filename} is compressed {m.file_size // max(m.compress_size, 1)}:1 "
                                  "(zip bomb?)")
    if any(m.flag_bits & 0x1 for m in members):
        raise ReadError(path, "encrypted document: it needs a password")
    return archive


def _finish(path: str, paragraphs: list[str], title: str | None, created, author: str | None) -> Communique:
    doc = make_communique(path, "\n\n".join(p for p in paragraphs if p.strip()), title or None,
                          issuer=author or None)
    day = file_day(created)
    if day:
        created_date(doc, day, "the document's created date")
    return doc


def read_docx(path: str, data: bytes) -> Iterator[Communique]:
    """Yield the one communiqué of a Word .docx file."""
    check_zip(path, data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    from lxml.etree import LxmlError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, LxmlError) as err:
        raise ReadError(path, f"not a readable Word document ({err})") from None
    paragraphs: list[str] = []
    styled_title = None
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
                if cells:
                    paragraphs.append(" | ".join(cells))
            continue
        text = block.text.strip()
        style = (block.style.name if block.style is not None else "") or ""
        if text and styled_title is None and style.lower() == "title":
            styled_title = text
            continue
        paragraphs.append(text)
    props = document.core_properties
    return iter([_finish(path, paragraphs, (props.title or "").strip() or styled_title, props.created,
                         (props.author or "").strip())])


_ODF_BREAKS = {"line-break": "\n", "tab": "\t"}


def _odf_text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        name = local_name(child.tag)
        if name == "s":  # a run of spaces: "c" says how many (bounded: a number is no reason to fill memory)
            count = child.get("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}c", "1")
            parts.append(" " * min(int(count) if count.isdigit() else 1, 100))
        elif name in _ODF_BREAKS:
            parts.append(_ODF_BREAKS[name])
        elif name not in ("note", "annotation", "tracked-changes"):
            parts.append(_odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odf_blocks(element, out: list[str]) -> None:
    for child in element:
        name = local_name(child.tag)
        if name in ("p", "h"):
            out.append(_odf_text(child).strip())
        elif name == "table-row":
            cells = [" ".join(filter(None, (_odf_text(p).strip() for p in cell.iter() if local_name(p.tag) in ("p", "h"))))
                     for cell in child if local_name(cell.tag) == "table-cell"]
            out.append(" | ".join(c for c in cells if c))
        elif name not in ("tracked-changes", "sequence-decls", "variable-decls", "annotation"):
            _odf_blocks(child, out)


def read_odt(path: str, data: bytes) -> Iterator[Communique]:
    """Yield the one communiqué of an OpenDocument text (.odt)."""
    archive = check_zip(path, data)
    try:
        mimetype = archive.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in archive.namelist() else ""
        content = archive.read("content.xml")
        meta = archive.read("meta.xml") if "meta.xml" in archive.namelist() else b""
    except KeyError:
        raise ReadError(path, "not an OpenDocument file (no content.xml)") from None
    if mimetype and mimetype != "application/vnd.oasis.opendocument.text":
        raise ReadError(path, f"OpenDocument of another kind ({mimetype}), not a text")
    root = parse_xml(path, content.decode("utf-8", "replace"))
    body = next((e for e in root.iter() if local_name(e.tag) == "text"), None)
    if body is None:
        raise ReadError(path, "OpenDocument without a text body")
    paragraphs: list[str] = []
    _odf_blocks(body, paragraphs)
    fields: dict[str, str] = {}
    if meta:
        for element in parse_xml(path, meta.decode("utf-8", "replace")).iter():
            name = local_name(element.tag)
            if name in ("title", "initial-creator", "creator", "creation-date", "date") and element.text:
                fields.setdefault(name, element.text.strip())
    return iter([_finish(path, paragraphs, fields.get("title"), fields.get("creation-date") or fields.get("date"),
                         fields.get("initial-creator") or fields.get("creator"))])


def read_rtf(path: str, data: bytes) -> Iterator[Communique]:
    """Yield the one communiqué of an RTF file."""
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        raise ReadError(path, "not an RTF file (no {\\rtf header)")
    text = decode(data, path)
    try:
        plain = rtf_to_text(text, errors="replace")
    except (ValueError, IndexError, RecursionError) as err:
        raise ReadError(path, f"RTF not readable: {err}") from None
    return iter([_finish(path, [p.strip() for p in re.split(r"\n\s*\n", plain)], None, None, None)])


def read_doc(path: str, data: bytes) -> Iterator[Communique]:
    """Legacy Word .doc: refused with what to do."""
    raise ReadError(path, "Word 97-2003 .doc is not read: save it as .docx or .odt")
