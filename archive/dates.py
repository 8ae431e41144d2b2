"""Dates as engines index and filter them: integer keys and inclusive bounds.

A document's date is `YYYY-MM-DD` or `YYYY-MM`; engines store it as two
integer keys (YYYYMMDD, day 00 for a month) that put undated documents last
in either sort order, and filter ranges given as `YYYY[-MM[-DD]]`.
"""
from __future__ import annotations

import calendar
import time

from indexer.model import added_time

MISSING_LAST = 99_999_999  # the ascending key of an undated document


def date_key(date: str) -> int:
    """'2024-03-15' -> 20240315; '2024-03' -> 20240300; '2024' -> 20240000."""
    parts = [int(p) for p in date.split("-")] + [0, 0]
    return parts[0] * 10000 + parts[1] * 100 + parts[2]


def date_keys(date: str | None) -> tuple[int, int]:
    """Integer sort keys (descending, ascending) that put undated documents last either way.

    A month-precision date sorts as day 00 of its month, before its dated days.
    """
    if not date:
        return 0, MISSING_LAST
    key = date_key(date)
    return key, key


def date_bounds(date_from: str | None, date_to: str | None) -> tuple[int | None, int | None]:
    """Inclusive integer bounds for a from/to range given as YYYY[-MM[-DD]]."""
    low = date_key(date_from) if date_from else None
    high = None
    if date_to:
        parts = [int(p) for p in date_to.split("-")]
        if len(parts) == 1:
            high = parts[0] * 10000 + 1299
        elif len(parts) == 2:
            high = parts[0] * 10000 + parts[1] * 100 + calendar.monthrange(parts[0], parts[1])[1]
        else:
            high = date_key(date_to)
    return low, high


def check_added_after(value: str | None) -> str | None:
    """`added_after` of a URL in `added_time`'s spelling (a date alone is its midnight, UTC; a fraction of a
    second is kept to the millisecond); ValueError if it is not a time."""
    if not value:
        return None
    text = value.strip().removesuffix("Z").removesuffix("z").replace(" ", "T")
    whole, _, fraction = text.partition(".")
    if fraction and not (fraction.isdigit() and len(fraction) <= 9):
        raise ValueError(value)
    for pattern in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            parsed = time.strptime(whole, pattern)
        except ValueError:
            continue
        return added_time(calendar.timegm(parsed) * 1000 + (int(fraction[:3].ljust(3, "0")) if fraction else 0))
    raise ValueError(value)
