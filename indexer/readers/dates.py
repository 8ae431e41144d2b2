"""Dates as sources write them, to ('YYYY-MM-DD', 'day') or ('YYYY-MM', 'month').

Accepts ISO 8601 (date, year-month, date-time with zone), RFC 2822 (e-mail
and RSS), and other unambiguous forms python-dateutil reads ("March 2024",
"5 March 2024"). A time zone never shifts the day: the date is the one the
source wrote. Anything else gives (None, None). `source_date` also gives the
warning every reader attaches to a date it cannot read; `date_header`
recognises the plain-text header line `date 2025-07`.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import re

from dateutil import parser as dateutil_parser

_ISO = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))
# `date 2025-07` or `date 2025-07-03`, with at most one leading space; the body may follow on the line.
_DATE_HEADER = re.compile(r" ?date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*(.*)", re.IGNORECASE)


def date_header(line: str) -> tuple[str, str] | None:
    """(date as written, rest of the line) for a `date YYYY-MM[-DD]` header line, else None."""
    match = _DATE_HEADER.fullmatch(line)
    return (match.group(1), match.group(2)) if match else None


def source_date(raw: str | None, where: str = "") -> tuple[str | None, str | None, list[str]]:
    """(date, precision, warnings) for a date as a source wrote it; `where` says where it stood."""
    date, precision = parse_date(raw)
    if date or not (raw or "").strip():
        return date, precision, []
    return None, None, [f"invalid date {raw.strip()!r}" + (f" {where}" if where else "")]


def parse_date(value: str | None) -> tuple[str | None, str | None]:
    """Return (date, precision) for a date string, or (None, None)."""
    value = (value or "").strip()
    if not value:
        return None, None
    match = _ISO.fullmatch(value)
    if match:
        return _checked(*match.groups())
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat(), "day"
    except (TypeError, ValueError, IndexError):
        pass
    return _dateutil(value)


def _checked(year: str, month: str, day: str | None) -> tuple[str | None, str | None]:
    try:
        date = dt.date(int(year), int(month), int(day or 1))
    except ValueError:
        return None, None
    return (date.isoformat(), "day") if day else (date.isoformat()[:7], "month")


def _dateutil(value: str) -> tuple[str | None, str | None]:
    # Parsing with two different defaults shows which parts the text gave.
    try:
        first, second = (dateutil_parser.parse(value, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None, None
    if first.year != second.year or first.month != second.month:
        return None, None  # year or month missing: too vague to file
    if first.day != second.day:
        return first.date().isoformat()[:7], "month"
    return first.date().isoformat(), "day"


_FILE_DAY = re.compile(r"(?:D:)?(\d{4})-?(\d{2})-?(\d{2})")


def file_day(value) -> str | None:
    """The ISO day a file's own date property gives (a datetime, "2024-05-02T…", or a PDF's
    "D:20240502…"), when it is a real day of a plausible year."""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value or "")
    found = _FILE_DAY.match(text)
    if not found or not 1900 < int(found.group(1)) < 2200:
        return None
    return _checked(*found.groups())[0]


def created_date(doc, day: str, where: str) -> None:
    """A file's creation date as the communiqué's date, unless the text's head gives one (a file
    may be made long after the release it holds)."""
    from indexer.analysis.dates import find_date

    found = find_date(doc.title, doc.text)
    if found:
        doc.date, doc.date_precision = found
    else:
        doc.date, doc.date_precision = day, "day"
        doc.warnings.append(f"date from {where}")
