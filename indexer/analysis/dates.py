"""Find a communiqué's own date near its start when the reader found none.

Looks only at the head of the document (title and first lines): a
`date YYYY-MM[-DD]` header, a dateline such as "Bern, 2 January 2024",
"PARIS, le 3 mars 2024", "Berlin, 3. März 2024", "Madrid, 3 de marzo de
2024", or an ISO date. A date deep in the body is about something else.
"""
from __future__ import annotations

import datetime
import re

from indexer.analysis.fold import fold
from indexer.model import Communique
from indexer.readers.dates import date_header, parse_date

HEAD_CHARS = 300  # how far into the text a dateline may start

# Month names from CLDR (babel), in every form a date may use (format: "3 марта", stand-alone:
# "март"), folded; a name that meant two months in two languages would be left out (none does).
MONTH_LOCALES = ("en", "de", "fr", "it", "es", "pt", "nl", "pl", "tr", "ru", "uk", "sv", "da", "nb", "fi", "cs",
                 "ro", "hu", "el", "bg", "sr", "ar", "he", "id")


def _month_names() -> dict[str, int]:
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    ambiguous: set[str] = set()
    for locale in MONTH_LOCALES:
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context=context, locale=locale).items():
                key = fold(name)
                if names.setdefault(key, number) != number:
                    ambiguous.add(key)
    return {name: number for name, number in names.items() if name not in ambiguous}


MONTHS: dict[str, int] = _month_names()
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12, "janner": 1, "setiembre": 9})
_MONTH_RE = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# day [.|º|er] [de|di] month [,] [de|del] year   (texts folded: no accents, lower case)
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:\.|er|o|º|°)?\s+(?:de\s+|di\s+)?({_MONTH_RE})\.?,?\s+(?:de\s+|del\s+)?(\d{{4}})(?!\d)")
# month day, year (English)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)")
# dd.mm.yyyy, dd/mm/yyyy
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)")


def _valid(year: int, month: int, day: int | None = None) -> bool:
    if not 1900 <= year <= 2100:
        return False
    try:
        datetime.date(year, month, day or 1)
    except ValueError:
        return False
    return True


def _first_date(head: str) -> tuple[str, str] | None:
    """Earliest full date in `head` (already folded) as (iso, 'day')."""
    found: list[tuple[int, int, int, int]] = []  # (position, y, m, d)
    for m in _ISO.finditer(head):
        found.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    for m in _DAY_MONTH_YEAR.finditer(head):
        found.append((m.start(), int(m[3]), MONTHS[m[2]], int(m[1])))
    for m in _MONTH_DAY_YEAR.finditer(head):
        found.append((m.start(), int(m[3]), MONTHS[m[1]], int(m[2])))
    for m in _NUMERIC.finditer(head):
        found.append((m.start(), int(m[3]), int(m[2]), int(m[1])))
    for _, year, month, day in sorted(found):
        if _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}", "day"
    return None


def find_date(title: str, text: str) -> tuple[str, str] | None:
    """Return (date, precision) from a header or dateline at the start, or None."""
    header = date_header((text or "").lstrip("\n").split("\n", 1)[0])
    if header:
        date, precision = parse_date(header[0])
        if date and _valid(int(date[:4]), int(date[5:7])):
            return date, precision
    head = fold(f"{title or ''}\n{(text or '')[:HEAD_CHARS]}")
    return _first_date(head)


def extract_date(doc: Communique) -> Communique:
    """Fill `date`/`date_precision` from the document's head when the reader left them empty."""
    if doc.date:
        if not doc.date_precision:
            doc.date_precision = "day" if len(doc.date) == 10 else "month"
        return doc
    found = find_date(doc.title, doc.text)
    if found:
        doc.date, doc.date_precision = found
    return doc
