"""Links from search state: a `SearchRequest` becomes a short, readable URL and back.

Templates never build URLs; view-models call these.
"""
from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from flask import current_app, g, url_for

from indexer.memo import Memo

from ..facets import NAMES
from ..request import MAX_VALUES_PER_FACET, RequestError, SearchRequest, normalise_value


# `key=value` URL-encoded, as urlencode writes one argument, kept across requests: the same facet values,
# languages and countries come back on every page, a few hundred of them a page.
_ARGUMENTS: Memo[tuple[str, str], str] = Memo(lambda arg: urlencode([arg]), 20_000)


def query_string(req: SearchRequest) -> str:
    """`q=otan&country=TR&country=GB&not_language=de` (no leading '?'), as urlencode writes it."""
    return "&".join(map(_ARGUMENTS.__getitem__, req.to_args()))


def _search_path() -> str:
    """The search page's path, found once per request: a page makes hundreds of links to it."""
    base = g.get("search_base")
    if base is None:
        base = g.search_base = url_for("search.search")
    return base


def search_url(req: SearchRequest) -> str:
    """The search page for `req`, relative to the site."""
    qs = query_string(req)
    return f"{_search_path()}?{qs}" if qs else _search_path()


class FacetLinks:
    """Links that change one facet's selection or exclusions of a search, as `search_url` of
    `req.with_filter(facet, value)` and its siblings would make them, but by putting the facet's
    arguments between the search's other arguments, encoded once: the world map makes two links
    for each of some 200 countries, the sidebar a few hundred. The facet's values go through the
    same steps as in those methods; a request that could not be made (too many values) raises
    RequestError, as it would.
    """

    def __init__(self, req: SearchRequest, facet: str, path: str | None = None):
        self.facet, self.path = facet, path if path is not None else _search_path()
        self.selected, self.excluded = req.selected(facet), req.excluded(facet)
        rest = req.without_filter(facet).without_exclusion(facet)
        encoded = list(map(_ARGUMENTS.__getitem__, rest.to_args()))
        place = NAMES.index(facet)
        lead = 1 if rest.q else 0  # to_args: the query, every facet's values, every exclusion, the rest
        filters = sum(len(values) for _, values in rest.filters)
        filters_before = sum(len(values) for name, values in rest.filters if NAMES.index(name) < place)
        exclusions_before = sum(len(values) for name, values in rest.exclusions if NAMES.index(name) < place)
        self.head = encoded[:lead + filters_before]
        self.middle = encoded[lead + filters_before:lead + filters + exclusions_before]
        self.tail = encoded[lead + filters + exclusions_before:]
        # A value neither selected nor excluded (most of a page's links) goes between two strings
        # joined once: [head, selected…] value [middle, excluded…, tail], or the same with value
        # after the excluded ones.
        selected = [self._argument(facet, v) for v in self._spelled(self.selected)]
        excluded = [self._argument("not_" + facet, v) for v in self._spelled(self.excluded)]
        self._shown = set(self._spelled(self.selected)) | set(self._spelled(self.excluded))
        self._may_select = len(selected) < MAX_VALUES_PER_FACET
        self._may_exclude = len(excluded) < MAX_VALUES_PER_FACET
        self._around_selected = ("&".join(self.head + selected), "&".join(self.middle + excluded + self.tail))
        self._around_excluded = ("&".join(self.head + selected + self.middle + excluded), "&".join(self.tail))

    def _spelled(self, values: tuple[str, ...]) -> tuple[str, ...]:
        """As `SearchRequest` keeps a facet's values: spelled (normalise_value), repeats dropped."""
        spelled = tuple(dict.fromkeys(v for v in (normalise_value(self.facet, v) for v in values) if v))
        if len(spelled) > MAX_VALUES_PER_FACET:
            raise RequestError(f"At most {MAX_VALUES_PER_FACET} values of {self.facet} can be selected.")
        return spelled

    @staticmethod
    def _argument(key: str, value: str) -> str:
        """`key=value` URL-encoded (kept: every value's link repeats the selected ones)."""
        return _ARGUMENTS[key, value]

    def url(self, selected: tuple[str, ...], excluded: tuple[str, ...]) -> str:
        parts = (self.head + [self._argument(self.facet, v) for v in self._spelled(selected)] + self.middle
                 + [self._argument("not_" + self.facet, v) for v in self._spelled(excluded)] + self.tail)
        qs = "&".join(parts)
        return f"{self.path}?{qs}" if qs else self.path

    def _between(self, around: tuple[str, str], argument: str) -> str:
        qs = "&".join(part for part in (around[0], argument, around[1]) if part)
        return f"{self.path}?{qs}"

    # The steps of SearchRequest.with_filter and its siblings, on this facet's values alone.
    def with_filter(self, value: str) -> str:
        value = normalise_value(self.facet, value)
        if value and value not in self._shown and self._may_select:
            return self._between(self._around_selected, self._argument(self.facet, value))
        return self.url(self.selected + (value,), tuple(v for v in self.excluded if v != value))

    def without_filter(self, value: str) -> str:
        return self.url(tuple(v for v in self.selected if v != value), self.excluded)

    def with_exclusion(self, value: str) -> str:
        value = normalise_value(self.facet, value)
        if value and value not in self._shown and self._may_exclude:
            return self._between(self._around_excluded, self._argument("not_" + self.facet, value))
        return self.url(tuple(v for v in self.selected if v != value), self.excluded + (value,))

    def without_exclusion(self, value: str) -> str:
        return self.url(self.selected, tuple(v for v in self.excluded if v != value))


def facet_links(req: SearchRequest, facet: str) -> FacetLinks:
    """`FacetLinks(req, facet)`, made once per request: the sidebar, the map and the hits share the
    country's, each value's arguments encoded once."""
    made = g.setdefault("facet_links", {})
    links = made.get((req, facet))
    if links is None:
        links = made[req, facet] = FacetLinks(req, facet)
    return links


def public_url(path: str) -> str:
    """`path` under ARCHIVE_PUBLIC_URL, the address colleagues open; without it the path itself.

    The request's Host header is never used: anyone can send any Host, and a
    shared link must not lead elsewhere. The page's script completes a relative
    link from the address in the browser.
    """
    base = (current_app.config.get("PUBLIC_URL") or "").rstrip("/")
    return f"{base}{path}" if base else path


def absolute_url(path: str) -> str:
    """`path` as a whole address, for what leaves the page as text (a feed reader's address, an export's
    links): under ARCHIVE_PUBLIC_URL, else the address the browser used for this request."""
    from flask import request

    return (current_app.config.get("PUBLIC_URL") or request.host_url).rstrip("/") + path


def local_path(target: str | None) -> str | None:
    """`target` if it is a path on this site (where a form may send the reader back), else None: never
    another host (`//host`, `https://…`, `/\\host`) nor a script."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return None


def facet_search_url(facet: str, value: str) -> str:
    """A search for one facet value, e.g. from a document page."""
    return search_url(SearchRequest.create(filters={facet: (value,)}))


def document_url(doc_id: str) -> str:
    """`url_for("documents.document", doc_id=doc_id)`, its path and converter found once per request: a
    search page links each hit's page, its language versions and its place in the search."""
    made = g.get("document_link")
    if made is None:
        url_map = current_app.url_map
        made = g.document_link = (url_for("documents.document", doc_id="_")[:-1],
                                  url_map.converters["path"](url_map).to_url)
    base, to_url = made
    return base + to_url(doc_id)
