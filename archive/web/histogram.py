"""The date histogram above the results: matching communiqués per day, week, month or year.

It follows the query and every filter except the date range itself (like a
facet's counts), so it shows where the search's communiqués lie in time and
each bar is a link that sets the range to its period (the URL's `from`/`to`,
so the link is still the saved search). The bars are days over a span of up
to 62 days, weeks (Monday to Sunday) up to 27 weeks, months up to 60 months,
years beyond. The counts come from the engines' month and day facets,
computed the same way on every engine. Undated communiqués are counted and
said, and so are those dated only to their month when the bars are days or
weeks.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Callable

from ..dates import date_bounds, date_key
from ..facets import AGG_SIZE
from ..request import SearchRequest
from ..results import FacetValue

_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
MAX_DAY_BARS = 62  # a span of up to two months is shown per day
MAX_WEEK_BARS = 27  # up to about six months per week
MAX_MONTH_BARS = 60  # a longer span is shown per year
BAR_WIDTH, GAP, HEIGHT = 12, 2, 60  # SVG units


@dataclass
class Bar:
    start: str  # YYYY-MM or YYYY
    end: str
    label: str
    count: int
    url: str
    selected: bool = False
    x: int = 0
    y: int = 0
    height: int = 0


@dataclass
class Histogram:
    interval: str  # "day" | "week" | "month" | "year"
    bars: list[Bar] = field(default_factory=list)
    undated: int = 0
    month_only: int = 0  # dated to their month only: not on day or week bars
    width: int = 0
    height: int = HEIGHT

    def to_json(self) -> dict:
        return {"interval": self.interval, "undated": self.undated, "month_only": self.month_only,
                "buckets": [{"start": b.start, "end": b.end, "count": b.count, "url": b.url} for b in self.bars]}


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out


def _month_label(month: str) -> str:
    return f"{calendar.month_abbr[int(month[5:7])]} {month[:4]}"


def _day_label(day: date) -> str:
    return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"


def _short_span(engine, wide: SearchRequest) -> tuple[str, list[tuple[str, str, str, int]], int] | None:
    """Day or week buckets when the dated days span at most MAX_WEEK_BARS weeks, with the number of
    communiqués dated to their month only; None when the span is longer or no day is known."""
    result = engine.search(replace(wide, facets=("day",)))
    days = {date.fromisoformat(fv.value): fv.count for fv in result.facets.get("day", [])
            if len(fv.value) == 10 and fv.count}
    if not days:
        return None
    first, last = min(days), max(days)
    if (last - first).days < MAX_DAY_BARS:
        span = [first + timedelta(n) for n in range((last - first).days + 1)]
        return "day", [(d.isoformat(), d.isoformat(), _day_label(d), days.get(d, 0)) for d in span], sum(days.values())
    monday = first - timedelta(first.weekday())
    weeks = (last - monday).days // 7 + 1
    if weeks > MAX_WEEK_BARS:
        return None
    buckets = []
    for n in range(weeks):
        start = monday + timedelta(7 * n)
        count = sum(days.get(start + timedelta(k), 0) for k in range(7))
        buckets.append((start.isoformat(), (start + timedelta(6)).isoformat(), f"Week of {_day_label(start)}", count))
    return "week", buckets, sum(days.values())


def _selected(start: str, end: str, low: str, high: str) -> bool:
    """Whether a bar's period overlaps the chosen range (either end may be open)."""
    if not (low or high):
        return False
    low_key, high_key = date_bounds(low or None, high or None)
    return (low_key is None or date_bounds(None, end)[1] >= low_key) and (high_key is None or date_key(start) <= high_key)


def build_histogram(engine, req: SearchRequest, link: Callable[[SearchRequest], str],
                    counted: tuple[list[FacetValue], int] | None = None) -> Histogram | None:
    """The histogram of `req`'s communiqués, or None when none of them is dated.

    `counted`: every month's count and the total from the page's own search, when it has no date
    range (a search with `whole` months): the months are then not asked for again.
    """
    wide = replace(req, date_from=None, date_to=None, facets=("month",), page=1, per_page=0,
                   facet_size=AGG_SIZE, more=())
    if counted is None or req.date_from or req.date_to:
        result = engine.search(wide)
        counted = result.facets.get("month", []), result.total
    found, total = counted
    # counted months only: a selected or excluded value comes back at 0 however it was typed
    months = {fv.value: fv.count for fv in found if fv.count > 0 and _MONTH.fullmatch(fv.value)}
    if not months:
        return None
    undated = max(0, total - sum(months.values()))
    span = _months_between(min(months), max(months))
    month_only = 0
    short = _short_span(engine, wide) if len(span) <= 7 else None  # 27 weeks reach into a 7th month
    if short:
        interval, buckets, on_days = short
        month_only = max(0, sum(months.values()) - on_days)
    elif len(span) <= MAX_MONTH_BARS:
        interval = "month"
        buckets = [(m, m, _month_label(m), months.get(m, 0)) for m in span]
    else:
        interval = "year"
        years: dict[str, int] = {}
        for m in span:
            years[m[:4]] = years.get(m[:4], 0) + months.get(m, 0)
        buckets = [(y, y, y, n) for y, n in years.items()]
    low, high = req.date_from or "", req.date_to or ""
    top = max(n for *_, n in buckets) or 1
    bars = []
    for i, (start, end, label, count) in enumerate(buckets):
        height = round(count / top * (HEIGHT - 2)) if count else 0
        bars.append(Bar(start, end, label, count, link(replace(req, date_from=start, date_to=end, page=1)),
                        _selected(start, end, low, high),
                        x=i * (BAR_WIDTH + GAP), y=HEIGHT - max(height, 1 if count else 0),
                        height=max(height, 1 if count else 0)))
    return Histogram(interval, bars, undated, month_only, width=len(bars) * (BAR_WIDTH + GAP))
