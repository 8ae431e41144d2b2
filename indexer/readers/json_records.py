"""JSON (.json) and JSON Lines (.jsonl) communiqués.

A .json file holds one object or a list of objects; a .jsonl file one object
per line (blank lines ignored). Each object is mapped by `FIELD_MAP`: the
first listed key present with a non-empty value wins.

    text               text, body, content, description
    title              title, headline
    date               date, published, pubdate, published_at, datetime
    declared_language  lang, language
    issuer             issuer, source, publisher, author (a string, or an object's "name")
    issuer_country     issuer_country (ISO 3166-1 alpha-2)
    url                url, link
    source_id          id, guid
    translation_group  translation_group
    attachments        attachments (a list of strings)

Text holding HTML markup (a tag like `<p>` or `<br>`) is converted to plain
paragraphs. Sources: a lone object is `path`; a list element `path#<n>`
(1-based index); a JSONL record `path#<line number>`. A bad record (invalid
JSON, not an object, no text) does not stop the others: it is reported in a
`RecordError` raised after the good records.
"""
from __future__ import annotations

import json
import re
from typing import Iterator

from indexer.model import Communique, ReadError
from indexer.readers.dates import source_date
from indexer.readers.decoding import decode
from indexer.readers.htmltext import html_to_text
from indexer.readers.records import RecordError, make_communique

FIELD_MAP: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "description"),
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "published_at", "datetime"),
    "declared_language": ("lang", "language"),
    "issuer": ("issuer", "source", "publisher", "author"),
    "issuer_country": ("issuer_country",),
    "url": ("url", "link"),
    "source_id": ("id", "guid"),
    "translation_group": ("translation_group",),
    "attachments": ("attachments",),
}
_HTML_TAG = re.compile(r"<(p|br|div|h[1-6]|ul|li|b|i|em|strong|a)\b[^>]*>", re.I)


class BadRecord(ValueError):
    """One record that cannot become a Communique."""


def read_json(path: str, data: bytes) -> Iterator[Communique]:
    """Yield the communiqués of a .json file (one object or a list)."""
    text = decode(data, path)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise ReadError(path, f"not valid JSON at line {err.lineno}: {err.msg}") from None
    if isinstance(value, dict):
        try:
            yield record_to_communique(path, value)
        except BadRecord as err:
            raise ReadError(path, str(err)) from None
        return
    if not isinstance(value, list):
        raise ReadError(path, f"JSON holds a {type(value).__name__}, not an object or a list")
    yield from _read_records(path, ((str(n), item) for n, item in enumerate(value, 1)))


def read_jsonl(path: str, data: bytes) -> Iterator[Communique]:
    """Yield the communiqués of a .jsonl file, one per non-blank line."""
    yield from _read_records(path, _jsonl_items(decode(data, path)))


def _jsonl_items(text: str) -> Iterator[tuple[str, object]]:
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            try:
                yield str(number), json.loads(line)
            except json.JSONDecodeError as err:
                yield str(number), BadRecord(f"not valid JSON: {err.msg} (column {err.colno})")


def _read_records(path: str, items) -> Iterator[Communique]:
    bad = []
    for key, item in items:
        try:
            if isinstance(item, BadRecord):
                raise item
            yield record_to_communique(f"{path}#{key}", item)
        except BadRecord as err:
            bad.append((key, str(err)))
    if bad:
        raise RecordError(path, bad)


def record_to_communique(source: str, record: object) -> Communique:
    """Map one JSON object to a Communique by `FIELD_MAP`, or raise `BadRecord`."""
    if not isinstance(record, dict):
        raise BadRecord(f"a {type(record).__name__}, not an object")
    values = {name: _first(record, keys) for name, keys in FIELD_MAP.items()}
    text = values.pop("text")
    if not isinstance(text, str) or not text.strip():
        raise BadRecord("no text (expected one of: " + ", ".join(FIELD_MAP["text"]) + ")")
    if _HTML_TAG.search(text):
        text = html_to_text(text)
    fields = {name: _as_string(value) for name, value in values.items() if name != "attachments"}
    attachments = values["attachments"]
    fields["attachments"] = [str(a) for a in attachments] if isinstance(attachments, list) else []
    fields["date"], fields["date_precision"], fields["warnings"] = source_date(fields.pop("date"))
    if fields["declared_language"]:
        fields["declared_language"] = fields["declared_language"].lower()
    return make_communique(source, text, **fields)


def _first(record: dict, keys: tuple[str, ...]):
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_string(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if value is None or isinstance(value, (list, dict, bool)):
        return None
    return str(value)
