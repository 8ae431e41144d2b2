"""Export every result of a search as CSV or JSON Lines, streamed (no Flask here; the web and the
command line both use it).

One row per matching language version, newest first (`Engine.iter_matching`):
the `communique` column groups the language versions of one communiqué, as the
result list does. CSV is what spreadsheet programs open as it is: UTF-8 with a
byte-order mark, CRLF line ends, lists joined by "; ", and every cell that a
spreadsheet would read as a formula (starting with = + - @, a tab or a carriage
return) starts with an apostrophe instead.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Callable, Iterable, Iterator
from urllib.parse import urlsplit

from indexer.model import Communique

from .collapse import group_of
from .request import SearchRequest

FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl; charset=utf-8"}
FIELDS = ("id", "date", "title", "issuer", "issuer_country", "language", "countries", "people", "organisations",
          "places", "communique", "added", "link")
LISTS = {"countries", "people", "organisations", "places"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ROWS_PER_CHUNK = 200


def request_from(text: str) -> SearchRequest:
    """A search from a search page's URL, its query string, or a query string with '?'."""
    text = text.strip()
    return SearchRequest.from_query(urlsplit(text).query if "?" in text or "://" in text else text)


def row(doc: Communique, link: Callable[[str], str]) -> dict:
    return {
        "id": doc.id, "date": doc.date, "title": doc.title, "issuer": doc.issuer,
        "issuer_country": doc.issuer_country, "language": doc.language, "countries": list(doc.countries),
        "people": list(doc.persons), "organisations": list(doc.organisations), "places": list(doc.places),
        "communique": group_of(doc), "added": doc.added, "link": link(doc.id),
    }


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    if value is None:
        return ""
    text = "; ".join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_chunks(rows: Iterable[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # CRLF line ends, as spreadsheets expect
    buffer.write("\ufeff")
    writer.writerow(FIELDS)
    count = 0
    for item in rows:
        writer.writerow([safe_cell(item[name]) for name in FIELDS])
        count += 1
        if count % ROWS_PER_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_chunks(rows: Iterable[dict]) -> Iterator[str]:
    lines = []
    for item in rows:
        lines.append(json.dumps(item, ensure_ascii=False) + "\n")
        if len(lines) == ROWS_PER_CHUNK:
            yield "".join(lines)
            lines = []
    yield "".join(lines)


def chunks(fmt: str, docs: Iterable[Communique], link: Callable[[str], str]) -> Iterator[str]:
    """The export of `docs` in `fmt` ('csv' or 'jsonl'), a few hundred rows per piece."""
    rows = (row(doc, link) for doc in docs)
    return csv_chunks(rows) if fmt == "csv" else jsonl_chunks(rows)
