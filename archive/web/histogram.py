"""The date histogram above the results: matching communiqués per month (per year over long spans).

It follows the query and every filter except the date range itself (like a
facet's counts), so it shows where the search's communiqués lie in time and
each bar is a link that sets the range to its month or year (the URL's
`from`/`to`, so the link is still the saved search). The counts come from the
engines' month facet, computed the same way on every engine. Undated
communiqués are counted and said.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from typing import Callable

from ..facets import AGG_SIZE
from ..request import SearchRequest

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
    interval: str  # "month" | "year"
    bars: list[Bar] = field(default_factory=list)
    undated: int = 0
    width: int = 0
    height: int = HEIGHT

    def to_json(self) -> dict:
        return {"interval": self.interval, "undated": self.undated,
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


def build_histogram(engine, req: SearchRequest, link: Callable[[SearchRequest], str]) -> Histogram | None:
    """The histogram of `req`'s communiqués, or None when none of them is dated."""
    wide = replace(req, date_from=None, date_to=None, facets=("month",), page=1, per_page=1,
                   facet_size=AGG_SIZE, more=())
    result = engine.search(wide)
    months = {fv.value: fv.count for fv in result.facets.get("month", []) if len(fv.value) == 7}
    if not months:
        return None
    undated = max(0, result.total - sum(months.values()))
    span = _months_between(min(months), max(months))
    if len(span) <= MAX_MONTH_BARS:
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
        selected = bool(low or high) and (not low or end >= low[:len(end)]) and (not high or start <= high[:len(start)])
        bars.append(Bar(start, end, label, count, link(replace(req, date_from=start, date_to=end, page=1)), selected,
                        x=i * (BAR_WIDTH + GAP), y=HEIGHT - max(height, 1 if count else 0),
                        height=max(height, 1 if count else 0)))
    return Histogram(interval, bars, undated, width=len(bars) * (BAR_WIDTH + GAP))
