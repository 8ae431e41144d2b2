"""JSON (.json) and JSON Lines (.jsonl) communiqués.

A .json file holds one object or a list of objects; a .jsonl file one object
per line (blank lines ignored). Each object is mapped by `FIELD_MAP`: the
first listed key present with a non-empty value wins; keys match in any case
("Title", "CONTENT"), and a user's own keys are added in front with the
setting ARCHIVE_JSON_FIELDS ("text=story|article_body,title=head").

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
    dateline           dateline, city (the city a release is datelined from)

Text holding HTML markup (a tag like `<p>` or `<br>`) is converted to plain
paragraphs. Sources: a lone object is `path`; a list element `path#<n>`
(1-based index); a JSONL record `path#<line number>`. A bad record (invalid
JSON, not an object, no text, nested deeper than `Limits.max_depth`) does not
stop the others: it is reported in a `RecordError` raised after the good records.

Both formats are read as a stream (ijson for lists, a line at a time for JSON
Lines), so a file of any size is read with flat memory and its records reach
the pipeline while the rest is still being read.
"""
from __future__ import annotations

import functools
import io
import json
import re
from typing import BinaryIO, Iterator

import ijson

from indexer.limits import Limits
from indexer.model import Communique, ReadError
from indexer.readers.dates import source_date
from indexer.readers.decoding import decode, looks_binary
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
    "dateline": ("dateline", "city"),
}
_HTML_TAG = re.compile(r"<(p|br|div|h[1-6]|ul|li|b|i|em|strong|a)\b[^>]*>", re.I)


class BadRecord(ValueError):
    """One record that cannot become a Communique."""


def read_json(path: str, handle: BinaryIO, limits: Limits) -> Iterator[Communique]:
    """Yield the communiqués of a .json file (one object or a list), reading it as a stream."""
    handle = _utf8(path, handle, limits)
    # basic_parse: no dotted prefixes, whose length grows with the depth (quadratic on deep input).
    events = ijson.basic_parse(handle, use_float=True)
    try:
        first = next(events, None)
        if first is None:
            raise ReadError(path, "empty file")
        kind, _ = first
        if kind == "start_map":
            try:
                yield record_to_communique(path, _build(first, events, limits.max_depth), limits.max_text_chars,
                                           limits.json_fields)
            except BadRecord as err:
                raise ReadError(path, str(err)) from None
            return
        if kind != "start_array":
            raise ReadError(path, f"JSON holds a {_KINDS.get(kind, kind)}, not an object or a list")
        yield from _read_records(path, _array_items(events, limits.max_depth), limits.max_text_chars,
                                 limits.json_fields)
    except ijson.JSONError as err:
        raise ReadError(path, _where(handle, err, limits)) from None


def _where(handle: BinaryIO, err: Exception, limits: Limits) -> str:
    """The reason for invalid JSON, with its line when the file is small enough to parse again."""
    handle.seek(0)
    data = handle.read(limits.max_file_bytes + 1)
    if len(data) <= limits.max_file_bytes:
        try:
            json.loads(data.decode("utf-8-sig", errors="replace"))
        except json.JSONDecodeError as exact:
            return f"not valid JSON at line {exact.lineno}: {exact.msg}"
        except RecursionError:
            pass
    return f"not valid JSON: {str(err).strip().splitlines()[0]}"


_KINDS = {"string": "str", "number": "number", "boolean": "bool", "null": "null"}


def _utf8(path: str, handle: BinaryIO, limits: Limits) -> BinaryIO:
    """The file as UTF-8 bytes: as it is (BOM skipped), or decoded whole when it has another encoding."""
    _refuse_empty(path, handle)
    head = handle.read(8192)
    handle.seek(0)
    if looks_binary(head):
        raise ReadError(path, "binary file, not text")
    if head.startswith(b"\xef\xbb\xbf"):
        handle.read(3)
        return handle
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:4]:
        data = handle.read(limits.max_file_bytes + 1)
        if len(data) > limits.max_file_bytes:
            raise ReadError(path, f"JSON that is not UTF-8 is read whole, and this is larger than "
                                  f"{limits.max_file_bytes // 2**20} MB")
        return io.BytesIO(decode(data, path).encode("utf-8"))
    return handle


def _refuse_empty(path: str, handle: BinaryIO) -> None:
    while True:
        chunk = handle.read(2**16)
        if not chunk:
            raise ReadError(path, "empty file")
        if chunk.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
            handle.seek(0)
            return


def _build(first, events, max_depth: int):
    """The value that starts with event `first`; BadRecord when nested deeper than `max_depth`."""
    builder = ijson.ObjectBuilder()
    depth = 0
    event = first
    while True:
        kind, value = event
        if kind in ("start_map", "start_array"):
            depth += 1
            if depth > max_depth:
                _skip(events, depth)
                raise BadRecord(f"nested deeper than {max_depth} levels")
        elif kind in ("end_map", "end_array"):
            depth -= 1
        builder.event(kind, value)
        if depth == 0:
            return builder.value
        event = next(events)


def _skip(events, depth: int) -> None:
    """Consume events until the value open at `depth` is closed."""
    for kind, _ in events:
        if kind in ("start_map", "start_array"):
            depth += 1
        elif kind in ("end_map", "end_array"):
            depth -= 1
            if depth == 0:
                return


def _array_items(events, max_depth: int) -> Iterator[tuple[str, object]]:
    number = 0
    for event in events:
        if event[0] == "end_array":
            return
        number += 1
        try:
            yield str(number), _build(event, events, max_depth)
        except BadRecord as err:
            yield str(number), err


def read_jsonl(path: str, handle: BinaryIO, limits: Limits) -> Iterator[Communique]:
    """Yield the communiqués of a .jsonl file, one per non-blank line, a line at a time."""
    yield from _read_records(path, _jsonl_items(_utf8(path, handle, limits), limits), limits.max_text_chars,
                             limits.json_fields)


def _jsonl_items(handle: BinaryIO, limits: Limits) -> Iterator[tuple[str, object]]:
    number = 0
    while True:
        raw = handle.readline(limits.max_file_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limits.max_file_bytes:
            while raw and not raw.endswith(b"\n"):  # the rest of an endless line
                raw = handle.readline(2**20)
            yield str(number), BadRecord(f"a line longer than {limits.max_file_bytes // 2**20} MB")
            continue
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield str(number), BadRecord("not UTF-8")
            continue
        try:
            yield str(number), _checked_depth(json.loads(line), limits.max_depth)
        except json.JSONDecodeError as err:
            yield str(number), BadRecord(f"not valid JSON: {err.msg} (column {err.colno})")
        except (RecursionError, BadRecord):
            yield str(number), BadRecord(f"nested deeper than {limits.max_depth} levels")


def _checked_depth(value, max_depth: int):
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > max_depth:
                raise BadRecord(f"nested deeper than {max_depth} levels")
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return value


def _read_records(path: str, items, max_text_chars: int | None = None,
                  fields: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Iterator[Communique]:
    bad = []
    for key, item in items:
        try:
            if isinstance(item, BadRecord):
                raise item
            yield record_to_communique(f"{path}#{key}", item, max_text_chars, fields)
        except BadRecord as err:
            bad.append((key, str(err)))
    if bad:
        raise RecordError(path, bad)


def record_to_communique(source: str, record: object, max_text_chars: int | None = None,
                         fields: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Communique:
    """Map one JSON object to a Communique by `FIELD_MAP` (keys in any case; `fields`, the user's
    keys, first), or raise `BadRecord`."""
    if not isinstance(record, dict):
        raise BadRecord(f"a {type(record).__name__}, not an object")
    mapping = field_map(fields)
    folded = {}
    for key, value in record.items():  # "Title", "TITLE" and "title" are one key; the first written wins
        if isinstance(key, str):
            folded.setdefault(key.casefold(), value)
    values = {name: _first(record, folded, keys) for name, keys in mapping.items()}
    text = values.pop("text")
    if not isinstance(text, str) or not text.strip():
        raise BadRecord("no text (expected one of: " + ", ".join(mapping["text"]) + "; other keys are mapped "
                        "with ARCHIVE_JSON_FIELDS)")
    if max_text_chars is not None and len(text) > max_text_chars:  # refused before any work on it
        raise BadRecord(f"text longer than {max_text_chars:,} characters (ARCHIVE_MAX_TEXT_CHARS)")
    if _HTML_TAG.search(text):
        text = html_to_text(text)
    fields = {name: _as_string(value) for name, value in values.items() if name != "attachments"}
    attachments = values["attachments"]
    fields["attachments"] = [str(a) for a in attachments] if isinstance(attachments, list) else []
    fields["date"], fields["date_precision"], fields["warnings"] = source_date(fields.pop("date"))
    if fields["declared_language"]:
        fields["declared_language"] = fields["declared_language"].lower()
    return make_communique(source, text, **fields)


@functools.lru_cache(maxsize=8)
def field_map(user: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> dict[str, tuple[str, ...]]:
    """`FIELD_MAP` with the user's keys (ARCHIVE_JSON_FIELDS) tried first (made once per setting, not
    per record; callers do not change it)."""
    mapping = dict(FIELD_MAP)
    for name, keys in user:
        mapping[name] = tuple(dict.fromkeys(keys + mapping[name]))
    return mapping


def _first(record: dict, folded: dict, keys: tuple[str, ...]):
    for key in keys:
        value = record.get(key)
        if value in (None, "", [], {}):
            value = folded.get(key.casefold())
        if value not in (None, "", [], {}):
            return value
    return None


def _as_string(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if value is None or isinstance(value, (list, dict, bool)):
        return None
    return str(value)
