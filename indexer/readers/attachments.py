"""Attachments: files an e-mail carries, or a news-service message lists and that lie beside it.

Each attachment in a document format (PDF, Word, OpenDocument, RTF, text,
Markdown, HTML) is read by its own reader and becomes a document of its own,
keyed `<message key>att-<n>` (n: its place in the message's `attachments`
list) and linked to its message by `attached_to` (the message's source; the
pipeline turns it into the message's document id and gives the message
`attachment_links`). Images are left out: in e-mails they are logos and
signatures far more often than scans. An attachment that cannot be read is a
bad record of the message's file, with its name and reason; the message and
the other attachments are indexed.
"""
from __future__ import annotations

import os
import stat
from urllib.parse import unquote, urlparse

from indexer.limits import DEFAULT_LIMITS, Limits
from indexer.model import Communique, ReadError

DOCUMENT_EXTENSIONS = {".pdf", ".docx", ".odt", ".rtf", ".doc", ".txt", ".md", ".html", ".htm"}


def attached_documents(path: str, parent: Communique, files: list[tuple[int, str, bytes]],
                       limits: Limits = DEFAULT_LIMITS) -> tuple[list[Communique], list[tuple[str, str]]]:
    """The documents read from `files` ((place in parent.attachments, name, bytes)), and the bad ones
    as (record key, reason)."""
    from indexer.readers import read_bytes

    _, sep, parent_key = parent.source.partition("#")
    docs, bad = [], []
    for number, name, data in files:
        key = f"{parent_key}-att-{number}" if sep else f"att-{number}"
        try:
            for doc in read_bytes(f"{path}#{key}", name, data, limits):
                doc.source = f"{path}#{key}"
                doc.attached_to = parent.source
                doc.declared_language = doc.declared_language or parent.declared_language
                doc.translation_group = None
                docs.append(doc)
                break  # one document per attached file
        except ReadError as err:
            bad.append((key, f"attachment {name}: {err.reason}"))
        except (Exception, RecursionError) as err:  # noqa: BLE001 - one attachment never costs its message
            bad.append((key, f"attachment {name}: not readable ({type(err).__name__}: {err})"))
    return docs, bad


def is_document(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in DOCUMENT_EXTENSIONS


def beside(path: str, uri: str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, bytes] | None:
    """(name, bytes) of the file an attachment's URI names when a regular file of that name lies in the
    message file's folder (a name only: no other folder is looked into), else None."""
    name = os.path.basename(unquote(urlparse(uri).path))
    if not name or name.startswith(".") or not is_document(name):  # hidden files are never read
        return None
    local = os.path.join(os.path.dirname(path) or ".", name)
    try:
        info = os.lstat(local)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > limits.max_file_bytes:
        return None
    try:
        with open(local, "rb") as handle:
            return name, handle.read(limits.max_file_bytes + 1)
    except OSError:
        return None
