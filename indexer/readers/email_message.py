"""E-mailed communiqués (.eml), read with the standard library's `email` package.

The body is the text/plain part, else the text/html part converted to text
(multipart, quoted-printable, base64 and declared charsets are handled by
`email`; an unknown or wrong charset falls back to detection). Title from
Subject, date from Date (day precision, the sender's own date), issuer from
the From display name (else the address), source_id from Message-ID,
language from Content-Language. Attachments are listed by file name; those
in a document format are read and indexed as documents linked to the
message (`attachments`).
"""
from __future__ import annotations

import email
import email.policy
import email.utils
from email.message import EmailMessage
from typing import Iterator

from indexer.limits import DEFAULT_LIMITS, Limits
from indexer.model import Communique, ReadError
from indexer.readers.attachments import attached_documents, is_document
from indexer.readers.dates import source_date
from indexer.readers.decoding import decode
from indexer.tidy import clean_text
from indexer.readers.htmltext import html_to_text
from indexer.readers.records import RecordError, make_communique


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Iterator[Communique]:
    """Yield the communiqué of an e-mail file, then the documents attached to it."""
    if not data.strip():
        raise ReadError(path, "empty file")
    if b"\x00" in data:
        raise ReadError(path, "binary file, not text")
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not (message["From"] or message["Subject"] or message["Date"]):
        raise ReadError(path, "no e-mail headers (From, Subject, Date)")
    parent = parse_message(path, message)
    yield parent
    files = []
    for number, part in enumerate(message.iter_attachments(), 1):
        name = part.get_filename() or ""
        if is_document(name):
            try:
                files.append((number, name, part.get_payload(decode=True) or b""))
            except (ValueError, LookupError):
                continue
    docs, bad = attached_documents(path, parent, files, limits)
    yield from docs
    if bad:
        raise RecordError(path, bad)


def parse_message(source: str, message: EmailMessage) -> Communique:
    """Build a Communique from a parsed e-mail message."""
    date, precision, warnings = source_date(_header(message, "Date"), "in the Date header")
    text = body_text(source, message)
    if not text.strip():
        warnings.append("e-mail without a text body")
    name, address = email.utils.parseaddr(_header(message, "From"))
    attachments = [part.get_filename() or part.get_content_type() for part in message.iter_attachments()]
    language = _header(message, "Content-Language").split(",")[0].split("-")[0].strip().lower()
    return make_communique(
        source, text, _header(message, "Subject"), date=date, date_precision=precision,
        declared_language=language or None, issuer=name or address or None,
        source_id=_header(message, "Message-ID").strip("<> ") or None,
        attachments=[clean_text(a) for a in attachments], warnings=warnings,
    )


def body_text(source: str, message: EmailMessage) -> str:
    """The plain text of the preferred body part ('' when there is none)."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):  # unknown or lying charset
        payload = part.get_payload(decode=True) or b""
        content = decode(payload, source) if payload.strip() else ""
    if isinstance(content, bytes):
        content = decode(content, source)
    return html_to_text(content) if part.get_content_type() == "text/html" else content


def _header(message: EmailMessage, name: str) -> str:
    try:
        return str(message[name] or "")
    except (ValueError, IndexError):  # a malformed header the policy cannot parse
        return str(message.get_all(name, [""])[0] if hasattr(message, "get_all") else "")
