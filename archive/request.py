"""`SearchRequest`: one search state, parsed from URL arguments once and turned back into them.

The URL is the saved search: `from_args(r.to_args()) == r` for every request,
and links are made by the pure methods here, never by pasting strings.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Iterable, Mapping
from urllib.parse import parse_qs

from .dates import check_added_after
from .facets import AGG_SIZE, LISTED
from .facets import NAMES as FACETS
from .facets import facet
from .plan import QueryPlan, plan_query
from .query import positive_terms

SORTS = ("relevance", "date", "date_asc")
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 10_000
MAX_VALUES_PER_FACET = 50
MORE_SIZE = 100  # values of a facet whose "show more" was clicked

_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")  # ASCII digits only


class RequestError(ValueError):
    """A URL argument that cannot be used; `str(error)` is shown to the user, `argument` names it."""

    def __init__(self, message: str, argument: str | None = None):
        super().__init__(message)
        self.argument = argument


DATE_ARGUMENTS = ("from", "to")


@lru_cache(maxsize=8192)
def normalise_value(name: str, value: str) -> str:
    """The canonical spelling of a facet value (codes upper- or lower-case as stored); kept, as every
    link on a page re-spells the values of the search it changes."""
    return facet(name).spell(value)


def _check_date(name: str, value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if not _DATE.match(value):
        raise RequestError(f"{name} must be a date like 2024, 2024-03 or 2024-03-15, not {value!r}.", name)
    parts = [int(p) for p in value.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise RequestError(f"{name}: {value!r} has no month {parts[1]}.", name)
    if len(parts) > 2:
        try:
            datetime.date(*parts)
        except ValueError:
            raise RequestError(f"{name}: {value!r} is not a date (there is no day {parts[2]} in that month).",
                               name) from None
    return value


def _values(pairs: Mapping[str, tuple[str, ...]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A canonical, hashable form of facet selections: facet order fixed, values deduplicated."""
    out = []
    for name in FACETS:
        vals = pairs.get(name) or ()
        seen: list[str] = []
        for v in vals:
            v = normalise_value(name, v)
            if v and v not in seen:
                seen.append(v)
        if len(seen) > MAX_VALUES_PER_FACET:
            raise RequestError(f"At most {MAX_VALUES_PER_FACET} values of {name} can be selected.")
        if seen:
            out.append((name, tuple(seen)))
    return tuple(out)


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()  # facet -> values (OR within, AND across)
    exclusions: tuple[tuple[str, tuple[str, ...]], ...] = ()  # facet -> values that must not occur
    date_from: str | None = None  # inclusive, YYYY[-MM[-DD]]
    date_to: str | None = None  # inclusive, YYYY[-MM[-DD]]
    added_after: str | None = None  # only documents the archive first indexed after this time (UTC, ISO 8601)
    sort: str | None = None  # None: by relevance when the query has words, else newest first
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE  # 1 to MAX_PER_PAGE from a URL; 0 (set in code) counts without hits
    facets: tuple[str, ...] = LISTED  # which facets to count (days only when asked for)
    facet_size: int = 10
    more: tuple[str, ...] = ()  # facets shown at MORE_SIZE values ("show more" on one facet only)
    expand: bool = True  # cross-language expansion of country/organisation names
    versions: bool = False  # every language version as a result of its own (`versions=all`), not one per communiqué
    prefer: tuple[str, ...] = ()  # languages the reader reads, best first (the browser's): not part of the URL
    whole: tuple[str, ...] = ()  # facets whose every value is counted (the page's map): set in code, not in URLs

    @property
    def effective_sort(self) -> str:
        """The order results come in: the one asked for, else relevance for words and newest first
        for everything else (browsing, facet filters, keyword queries: relevance says nothing there)."""
        return self.sort or self._default_sort()

    def _default_sort(self) -> str:
        return "relevance" if positive_terms(self.query.tree) else "date"

    @cached_property
    def query(self) -> QueryPlan:
        """`q` parsed, checked and expanded: made once per query (`plan_query`), then read by engines and snippets."""
        return plan_query(self.q, self.expand)

    @classmethod
    def create(cls, q: str = "", filters: Mapping | None = None, exclusions: Mapping | None = None,
               **kw) -> "SearchRequest":
        """Build a validated request from plain dicts (for code and tests)."""
        req = cls(q=q, filters=_values(filters or {}), exclusions=_values(exclusions or {}), **kw)
        return req.validated()

    def validated(self) -> "SearchRequest":
        if self.sort is not None and self.sort not in SORTS:
            raise RequestError(f"sort must be one of {', '.join(SORTS)}, not {self.sort!r}.")
        for name in (*self.facets, *self.more):
            if name not in FACETS:
                raise RequestError(f"Unknown facet {name!r}.", "more")
        date_from = _check_date("from", self.date_from)
        date_to = _check_date("to", self.date_to)
        if date_from and date_to and date_from > date_to and not date_to.startswith(date_from):
            raise RequestError(f"The date range is empty: from {date_from} is after to {date_to}.", "to")
        try:
            added_after = check_added_after(self.added_after)
        except ValueError:
            raise RequestError(f"added_after must be a time such as 2026-12-01T09:30:00Z, not "
                               f"{self.added_after!r}.", "added_after") from None
        page = min(max(int(self.page), 1), MAX_PAGE)
        per_page = min(max(int(self.per_page), 1), MAX_PER_PAGE)
        request = replace(self, date_from=date_from, date_to=date_to, added_after=added_after, page=page,
                          per_page=per_page,
                          facet_size=min(max(int(self.facet_size), 1), 500),
                          more=tuple(n for n in FACETS if n in self.more))
        request.query  # parsed now: raises QuerySyntaxError with a readable message
        if request.sort and request.sort == request._default_sort():
            request = replace(request, sort=None)  # the URL stays canonical: the default is left out
        return request

    # -- URL arguments -------------------------------------------------------------------

    @classmethod
    def from_args(cls, args) -> "SearchRequest":
        """Parse URL arguments (a werkzeug MultiDict or any mapping of lists/strings)."""
        def getlist(key: str) -> list[str]:
            if hasattr(args, "getlist"):
                return args.getlist(key)
            v = args.get(key)
            if v is None:
                return []
            return list(v) if isinstance(v, (list, tuple)) else [v]

        def get(key: str) -> str | None:
            vals = getlist(key)
            return vals[-1] if vals else None

        def number(key: str, default: int) -> int:
            raw = get(key)
            if raw in (None, ""):
                return default
            try:
                return int(raw)
            except ValueError:
                raise RequestError(f"{key} must be a whole number, not {raw!r}.") from None

        filters = {name: tuple(getlist(name)) for name in FACETS}
        exclusions = {name: tuple(getlist("not_" + name)) for name in FACETS}
        return cls.create(
            q=(get("q") or "").strip(),
            filters=filters,
            exclusions=exclusions,
            date_from=get("from") or None,
            date_to=get("to") or None,
            added_after=get("added_after") or None,
            sort=get("sort") or None,
            page=number("page", 1),
            per_page=number("per_page", DEFAULT_PER_PAGE),
            facet_size=number("facet_size", 10),
            expand=(get("expand") or "1") not in ("0", "off", "false", "no"),
            versions=(get("versions") or "") == "all",
            more=tuple(getlist("more")),
        )

    @classmethod
    def from_query(cls, query: str) -> "SearchRequest":
        """Parse a URL's query string (`q=otan&country=TR`, as `to_args` makes it: saved searches, history)."""
        return cls.from_args(parse_qs(query, keep_blank_values=False))

    def to_args(self) -> list[tuple[str, str]]:
        """URL arguments in a stable, readable order; defaults are left out."""
        args: list[tuple[str, str]] = []
        if self.q:
            args.append(("q", self.q))
        for name, values in self.filters:
            args.extend((name, v) for v in values)
        for name, values in self.exclusions:
            args.extend(("not_" + name, v) for v in values)
        if self.date_from:
            args.append(("from", self.date_from))
        if self.date_to:
            args.append(("to", self.date_to))
        if self.added_after:
            args.append(("added_after", self.added_after))
        if self.sort:
            args.append(("sort", self.sort))
        if self.per_page != DEFAULT_PER_PAGE:
            args.append(("per_page", str(self.per_page)))
        if self.facet_size != 10:
            args.append(("facet_size", str(self.facet_size)))
        args.extend(("more", name) for name in self.more)
        if not self.expand:
            args.append(("expand", "0"))
        if self.versions:
            args.append(("versions", "all"))
        if self.page != 1:
            args.append(("page", str(self.page)))
        return args

    # -- accessors and derived requests ----------------------------------------------------

    def selected(self, facet: str) -> tuple[str, ...]:
        return dict(self.filters).get(facet, ())

    def excluded(self, facet: str) -> tuple[str, ...]:
        return dict(self.exclusions).get(facet, ())

    def _with(self, filters: dict, exclusions: dict) -> "SearchRequest":
        return replace(self, filters=_values(filters), exclusions=_values(exclusions), page=1)

    def with_filter(self, facet: str, value: str) -> "SearchRequest":
        """Add a value to a facet's selection (and drop it from the exclusions)."""
        value = normalise_value(facet, value)
        f, x = dict(self.filters), dict(self.exclusions)
        f[facet] = tuple(f.get(facet, ())) + (value,)
        x[facet] = tuple(v for v in x.get(facet, ()) if v != value)
        return self._with(f, x)

    def without_filter(self, facet: str, value: str | None = None) -> "SearchRequest":
        """Drop one selected value, or the whole facet's selection."""
        f = dict(self.filters)
        f[facet] = () if value is None else tuple(v for v in f.get(facet, ()) if v != value)
        return self._with(f, dict(self.exclusions))

    def with_exclusion(self, facet: str, value: str) -> "SearchRequest":
        value = normalise_value(facet, value)
        f, x = dict(self.filters), dict(self.exclusions)
        x[facet] = tuple(x.get(facet, ())) + (value,)
        f[facet] = tuple(v for v in f.get(facet, ()) if v != value)
        return self._with(f, x)

    def without_exclusion(self, facet: str, value: str | None = None) -> "SearchRequest":
        x = dict(self.exclusions)
        x[facet] = () if value is None else tuple(v for v in x.get(facet, ()) if v != value)
        return self._with(dict(self.filters), x)

    def with_stored_values(self, facets: Mapping[str, Iterable]) -> "SearchRequest":
        """This request with typed values of folded facets replaced by the stored values they match
        ("ignazio cassis" -> "Ignazio Cassis"), from the values a search returned."""
        def stored(name: str, values: tuple[str, ...]) -> tuple[str, ...]:
            declared = facet(name)
            found = [fv.value for fv in facets.get(name, ())]
            return tuple(next((f for f in found if declared.same(v, f)), v) for v in values) if declared.folded \
                else values
        return replace(self, filters=tuple((n, stored(n, v)) for n, v in self.filters),
                       exclusions=tuple((n, stored(n, v)) for n, v in self.exclusions))

    def with_query(self, q: str) -> "SearchRequest":
        return replace(self, q=q, page=1)

    def with_dates(self, date_from: str | None, date_to: str | None) -> "SearchRequest":
        return replace(self, date_from=date_from or None, date_to=date_to or None, page=1).validated()

    def with_sort(self, sort: str | None) -> "SearchRequest":
        changed = replace(self, sort=sort, page=1)
        return replace(changed, sort=None) if sort == changed._default_sort() else changed

    def with_added_after(self, added_after: str | None) -> "SearchRequest":
        return replace(self, added_after=added_after, page=1)

    def with_page(self, page: int) -> "SearchRequest":
        return replace(self, page=min(max(page, 1), MAX_PAGE))

    def with_expand(self, expand: bool) -> "SearchRequest":
        return replace(self, expand=expand, page=1)

    def size_of(self, facet_name: str) -> int:
        """How many values of a facet are shown (all that are counted for a `whole` facet)."""
        if facet_name in self.whole:
            return AGG_SIZE
        return max(MORE_SIZE, self.facet_size) if facet_name in self.more else self.facet_size

    def with_more(self, facet_name: str, more: bool = True) -> "SearchRequest":
        names = set(self.more) | {facet_name} if more else set(self.more) - {facet_name}
        return replace(self, more=tuple(n for n in FACETS if n in names))

    def with_versions(self, versions: bool) -> "SearchRequest":
        return replace(self, versions=versions, page=1)

    def is_empty(self) -> bool:
        return not (self.q or self.filters or self.exclusions or self.date_from or self.date_to or self.added_after)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def filter_items(self) -> Iterable[tuple[str, str, bool]]:
        """(facet, value, excluded) for every active facet constraint, for 'remove' chips."""
        for name, values in self.filters:
            for v in values:
                yield name, v, False
        for name, values in self.exclusions:
            for v in values:
                yield name, v, True

