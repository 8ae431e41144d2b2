"""View-model of the search page: everything a template prints, links ready-made.

Pure: give it a `SearchRequest`, a `SearchResult` (or an error) and a function
that turns a request into a URL; no Flask needed, so it is unit-tested directly.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass, field, replace

from flask_babel import gettext

from ..facets import NAMES as FACETS
from ..facets import NEWEST_FIRST, display_values, facet, facet_label, value_label
from ..i18n import N_
from ..request import SORTS, RequestError, SearchRequest
from ..results import FacetValue, SearchResult
from .hits import DocLink, HitView, RequestLink, hit_view
from .links import Link, Option
from .urls import query_string

SORT_LABELS = {"relevance": N_("Relevance"), "date": N_("Newest first"), "date_asc": N_("Oldest first")}
SEARCHABLE_AT = 8  # facets with this many values get a filter box
MAX_FACET_SIZE = 500
DEFAULT_FACET_SIZE = 10



if TYPE_CHECKING:  # pragma: no cover
    from markupsafe import Markup

    from .fragments import Fragments
    from .histogram import Histogram
    from .saved import SavedState
    from .urls import FacetLinks
    from .worldmap import WorldMap

@dataclass
class FacetValueView:
    value: str
    label: str
    count: int
    selected: bool
    excluded: bool
    toggle_url: str | None  # select, or deselect when selected; None: the facet holds all it may
    exclude_url: str | None  # exclude (NOT); None when already excluded
    undo_url: str | None  # only for excluded values: drop the exclusion
    estimated: bool = False  # the count is an estimate (very large result sets)


@dataclass
class FacetView:
    kind = "facet"
    name: str
    label: str
    values: list[FacetValueView]
    more_url: str | None = None
    fewer_url: str | None = None
    clear_url: str | None = None  # drop every selection and exclusion of this facet

    @property
    def searchable(self) -> bool:
        return len(self.values) >= SEARCHABLE_AT

    @property
    def active(self) -> bool:
        return any(v.selected or v.excluded for v in self.values)


@dataclass
class DatesSection:
    """The from/to form in the sidebar, placed just before the year and month facets."""

    kind = "dates"
    date_from: str
    date_to: str
    hidden: list[tuple[str, str]]
    error: str | None = None


@dataclass
class Chip:
    label: str
    remove_url: str
    negated: bool = False


@dataclass
class PageLink:
    number: int | None  # None: a gap ("…")
    url: str = ""
    current: bool = False


@dataclass
class Pagination:
    page: int
    pages: int
    prev_url: str | None
    next_url: str | None
    links: list[PageLink]


@dataclass
class SearchPage:
    request: SearchRequest | None
    q: str
    error: str | None = None
    total: int = 0
    took_ms: float = 0.0
    hits: list[HitView] = field(default_factory=list)
    facets: list[FacetView] = field(default_factory=list)
    chips: list[Chip] = field(default_factory=list)
    clear_url: str | None = None
    sort_options: list[Option] = field(default_factory=list)
    pagination: Pagination | None = None
    expansions: list[str] = field(default_factory=list)
    expand_off_url: str | None = None  # search without cross-language expansion
    expand_on_url: str | None = None  # shown when expansion was switched off
    query_hidden: list[tuple[str, str]] = field(default_factory=list)  # state kept by the query form
    sort_hidden: list[tuple[str, str]] = field(default_factory=list)
    dates_hidden: list[tuple[str, str]] = field(default_factory=list)
    date_from: str = ""
    date_to: str = ""
    share_url: str = ""
    notices: list[str] = field(default_factory=list)  # what the reader should know about this search
    versions_total: int | None = None  # language versions, when `total` counts communiqués
    total_estimated: bool = False
    versions_url: str | None = None  # switch between one result per communiqué and every version
    suggestion: "Link | None" = None  # "did you mean": the search with the archive's nearest words
    date_error: str | None = None  # a date that could not be used: the rest of the search ran
    histogram: "Histogram | None" = None  # communiqués per month or year, the date range left out
    worldmap: "WorldMap | None" = None  # communiqués per country on a map, the country filter left out
    saving: "SavedState | None" = None  # the saved search this is (what is new in it), or the form to save it
    fragments: "Fragments | None" = None  # the sidebar, histogram and map as HTML (web.fragments), for HTML pages
    hits_html: "Markup | None" = None  # the list of results as HTML (web.fragments), for HTML pages
    hits_shown: int | None = None  # how many results the page shows, when `hits` are left out (drawn already)

    @property
    def shown(self) -> int:
        return len(self.hits) if self.hits_shown is None else self.hits_shown

    @property
    def first_shown(self) -> int:
        return self.request.offset + 1 if self.request and self.shown else 0

    @property
    def last_shown(self) -> int:
        return self.request.offset + self.shown if self.request else 0

    @property
    def sections(self) -> list:
        """The sidebar in order: facets, with the date-range form before the first date facet."""
        out: list = []
        dates = DatesSection(self.date_from, self.date_to, self.dates_hidden, self.date_error)
        placed = self.request is None  # no date form on an error page
        for view in self.facets:
            if facet(view.name).order == NEWEST_FIRST and not placed:
                out.append(dates)
                placed = True
            out.append(view)
        if not placed:
            out.append(dates)
        return out

    def to_json(self) -> dict:
        if self.error:
            return {"error": self.error, "status": 400, "query": {"q": self.q}}
        req = self.request
        data = {
            "query": request_json(req),
            "total": self.total,
            "versions": self.versions_total if self.versions_total is not None else self.total,
            "total_estimated": self.total_estimated,
            "page": req.page,
            "pages": self.pagination.pages if self.pagination else 1,
            "per_page": req.per_page,
            "took_ms": round(self.took_ms, 1),
            "expansions": self.expansions,
            "results": [h.to_json() for h in self.hits],
            "facets": {
                f.name: [
                    {"value": v.value, "label": v.label, "count": v.count,
                     "selected": v.selected, "excluded": v.excluded, **({"estimated": True} if v.estimated else {})}
                    for v in f.values
                ]
                for f in self.facets
            },
            "url": self.share_url,
            "notices": self.notices,
            "histogram": self.histogram.to_json() if self.histogram else None,
            "map": self.worldmap.to_json() if self.worldmap else None,
            "did_you_mean": {"q": self.suggestion.label, "url": self.suggestion.url} if self.suggestion else None,
            "links": {
                "prev": self.pagination.prev_url if self.pagination else None,
                "next": self.pagination.next_url if self.pagination else None,
            },
        }
        if self.saving is not None:
            data["saved_search"] = self.saving.to_json()
        if self.date_error:
            data.update(error=self.date_error, status=400)
        return data


def request_json(req: SearchRequest) -> dict:
    """The request's URL arguments as JSON: facet keys map to lists, the rest to strings."""
    multi = set(FACETS) | {"not_" + f for f in FACETS}
    out: dict = {}
    for key, value in req.to_args():
        if key in multi:
            out.setdefault(key, []).append(value)
        else:
            out[key] = value
    return out


def _link_if_allowed(make) -> str | None:
    """The link to a derived request, or None where the request would be refused (too many values)."""
    try:
        return make()
    except RequestError:
        return None


class DerivedLinks:
    """A facet value's links from derived requests (`req.with_filter(facet, value)`…): any link
    function; `urls.FacetLinks` makes the same search-page links faster."""

    def __init__(self, req: SearchRequest, facet: str, link: RequestLink):
        self.req, self.facet, self.link = req, facet, link

    def with_filter(self, value: str) -> str:
        return self.link(self.req.with_filter(self.facet, value))

    def without_filter(self, value: str) -> str:
        return self.link(self.req.without_filter(self.facet, value))

    def with_exclusion(self, value: str) -> str:
        return self.link(self.req.with_exclusion(self.facet, value))

    def without_exclusion(self, value: str) -> str:
        return self.link(self.req.without_exclusion(self.facet, value))


def as_shown(name: str, found: list[FacetValue], req: SearchRequest) -> list[FacetValue]:
    """A facet's values cut to what the sidebar shows for `req`, from a search that may have
    counted more of them (`SearchRequest.whole`); estimates stay marked."""
    if len(found) <= req.size_of(name):
        return found
    estimated = {fv.value for fv in found if fv.estimated}
    shown = display_values(name, {fv.value: fv.count for fv in found if not fv.excluded}, req)
    for fv in shown:
        fv.estimated = fv.value in estimated
    return shown


def facet_view(name: str, req: SearchRequest, found: list[FacetValue], link: RequestLink,
               links: "DerivedLinks | FacetLinks | None" = None) -> FacetView:
    """`found`: the engine's values (archive.facets.display_values: selected and excluded kept);
    `links`: what makes each value's links (derived requests through `link` unless given).

    When a facet already has as many values selected (or excluded) as a search
    may hold, the others are shown without a link to add them.
    """
    ops = links or DerivedLinks(req, name, link)
    values = []
    for v in found:
        if v.excluded:
            toggle = ops.without_exclusion(v.value)
            exclude, undo = None, toggle
        elif v.selected:
            toggle = ops.without_filter(v.value)
            exclude, undo = _link_if_allowed(lambda: ops.with_exclusion(v.value)), None
        else:
            toggle = _link_if_allowed(lambda: ops.with_filter(v.value))
            exclude, undo = _link_if_allowed(lambda: ops.with_exclusion(v.value)), None
        values.append(FacetValueView(v.value, value_label(name, v.value), v.count, v.selected,
                                     v.excluded, toggle, exclude, undo, v.estimated))
    view = FacetView(name, gettext(facet_label(name)), values)
    unselected = [v for v in found if not v.selected and not v.excluded]
    if name not in req.more and len(unselected) >= req.size_of(name):
        view.more_url = link(req.with_more(name))
    if name in req.more:
        view.fewer_url = link(req.with_more(name, False))
    if view.active:
        view.clear_url = link(req.without_filter(name).without_exclusion(name))
    return view


def chips(req: SearchRequest, link: RequestLink) -> list[Chip]:
    """The active filters, each with a link that removes it."""
    out = []
    for name, value, negated in req.filter_items():
        remove = req.without_exclusion(name, value) if negated else req.without_filter(name, value)
        out.append(Chip(f"{gettext(facet_label(name))}: {value_label(name, value)}", link(remove), negated))
    if req.date_from or req.date_to:
        if req.date_from and req.date_to:
            label = gettext("Date: %(start)s – %(end)s", start=req.date_from, end=req.date_to)
        elif req.date_from:
            label = gettext("Date: from %(start)s", start=req.date_from)
        else:
            label = gettext("Date: until %(end)s", end=req.date_to)
        out.append(Chip(label, link(req.with_dates(None, None))))
    if req.added_after:
        shown = req.added_after.replace("T", " ").removesuffix("Z")
        out.append(Chip(gettext("Added to the archive after %(time)s UTC", time=shown),
                        link(req.with_added_after(None))))
    return out


def pagination(req: SearchRequest, pages: int, link: RequestLink, window: int = 2) -> Pagination:
    page = req.page
    numbers = sorted({1, pages, *range(max(1, page - window), min(pages, page + window) + 1)})
    links: list[PageLink] = []
    for n in numbers:
        if links and links[-1].number is not None and n - links[-1].number > 1:
            links.append(PageLink(None))
        links.append(PageLink(n, link(req.with_page(n)), n == page))
    return Pagination(
        page=page,
        pages=pages,
        prev_url=link(req.with_page(page - 1)) if page > 1 else None,
        next_url=link(req.with_page(page + 1)) if page < pages else None,
        links=links,
    )


def _hidden(req: SearchRequest) -> list[tuple[str, str]]:
    return list(req.to_args())


def build_search_page(req: SearchRequest, result: SearchResult, link: RequestLink,
                      doc_link: DocLink, share_url: str = "", notices: list[str] | None = None,
                      facet_links=None, with_facets: bool = True, with_hits: bool = True) -> SearchPage:
    """The whole page for a successful search. `facet_links(req, facet)`: a faster maker of the
    facet values' links (urls.FacetLinks), as the web page uses; derived requests otherwise.
    `with_facets=False`: the facets' views are left out (the page has them drawn already);
    `with_hits=False`: so are the results' (the page says how many there are)."""
    def filter_link(facet: str, value: str) -> str | None:  # None: the facet holds all the values it may
        links = facet_links(req, facet) if facet_links else DerivedLinks(req, facet, link)
        return _link_if_allowed(lambda: links.with_filter(value))

    facets = [facet_view(name, req, as_shown(name, result.facets[name], req), link,
                         facet_links(req, name) if facet_links else None)
              for name in FACETS if with_facets and result.facets.get(name)]
    searched = query_string(req)
    page = SearchPage(
        request=req,
        q=req.q,
        total=result.total,
        took_ms=result.took_ms,
        hits=[hit_view(h, doc_link, filter_link, req.selected("country"),
                       context=(searched, req.offset + n + 1)) for n, h in enumerate(result.hits)] if with_hits else [],
        hits_shown=None if with_hits else len(result.hits),
        facets=facets,
        chips=chips(req, link),
        sort_options=[Option(s, gettext(SORT_LABELS[s]), link(req.with_sort(s)), s == req.effective_sort)
                      for s in SORTS],
        pagination=pagination(req, result.pages, link),
        expansions=list(result.expansions),
        query_hidden=_hidden(replace(req, q="", page=1)),
        sort_hidden=_hidden(replace(req, sort=None, page=1)),
        dates_hidden=_hidden(replace(req, date_from=None, date_to=None, page=1)),
        date_from=req.date_from or "",
        date_to=req.date_to or "",
        share_url=share_url,
        notices=list(notices or []),
        versions_total=result.versions_total,
        total_estimated=result.total_estimated,
        versions_url=link(req.with_versions(not req.versions)),
    )
    if page.chips:
        page.clear_url = link(replace(req, filters=(), exclusions=(), date_from=None, date_to=None,
                                      added_after=None, page=1))
    if result.expansions and req.expand:
        page.expand_off_url = link(req.with_expand(False))
    if not req.expand:
        page.expand_on_url = link(req.with_expand(True))
    return page


def error_page(q: str, message: str, kept: SearchRequest | None = None) -> SearchPage:
    """The search page for a query or argument that cannot be used: message shown, query kept.

    `kept` is the rest of the search state when it is usable, so that fixing
    the query keeps the filters.
    """
    hidden = _hidden(replace(kept, q="", page=1)) if kept is not None else []
    return SearchPage(request=None, q=q, error=message, query_hidden=hidden)
