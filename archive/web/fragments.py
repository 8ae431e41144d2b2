"""The search page's parts drawn from the search state alone: the sidebar's facets, the histogram
and the map. Paging through a search, coming back to it or opening a colleague's link draws the
same ones again; each web process keeps the HTML it drew, per state of the index (the engine names
it), search, interface language and site path, so a repeated state is not drawn twice.

A page's list of results is kept the same way, per page of the search, reader's languages (they pick
the version shown) and which results are marked new for the reader (a saved search's visit).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, replace

from cachetools import LRUCache
from flask import current_app, render_template, request
from flask_babel import get_locale
from markupsafe import Markup

from ..request import SearchRequest
from ..results import SearchResult

MAX_BYTES = 32 * 2**20  # of HTML per web process: a page's parts are 10-200 KB


@dataclass(frozen=True)
class Fragments:
    sidebar: Markup  # the facets and the date form, empty when there are none
    histogram: Markup
    worldmap: Markup


def draw(page) -> Fragments:
    """The parts of `page` (a SearchPage whose facets, histogram and map are built), as HTML."""
    def part(template: str, shown) -> Markup:
        return Markup(render_template(template, page=page)) if shown else Markup("")

    return Fragments(part("_partials/sidebar.html", page.sections), part("_partials/histogram.html", page.histogram),
                     part("_partials/worldmap.html", page.worldmap))


def draw_hits(page) -> Markup:
    """The list of results of `page` (a SearchPage whose hits are built), as HTML."""
    return Markup(render_template("_partials/hits.html", page=page))


def _size(drawn: "Fragments | Markup") -> int:
    if isinstance(drawn, Fragments):
        return len(drawn.sidebar) + len(drawn.histogram) + len(drawn.worldmap) + 1
    return len(drawn) + 1


class FragmentCache:
    """Drawn parts (Fragments, or a list of results as Markup) by key, least recently used first out,
    at most `max_bytes` of HTML."""

    def __init__(self, max_bytes: int = MAX_BYTES):
        self._drawn: LRUCache = LRUCache(max_bytes, getsizeof=_size)
        self._lock = threading.Lock()

    def get(self, key) -> "Fragments | Markup | None":
        if key is None:
            return None
        with self._lock:
            return self._drawn.get(key)

    def put(self, key, fragments: "Fragments | Markup") -> None:
        if key is None:
            return
        with self._lock:
            try:
                self._drawn[key] = fragments
            except ValueError:  # larger than the whole cache: drawn each time
                pass


def cache() -> FragmentCache:
    """This app's cache (one per web process)."""
    return current_app.extensions.setdefault("archive.fragments", FragmentCache())


def key_of(req: SearchRequest, result: SearchResult):
    """What the parts are drawn from, or None when the engine does not name its state: the index's
    state, the search as its links carry it (any page: the parts link to first pages), the
    interface language (labels, numbers) and the site's path (every link starts with it)."""
    if result.state is None:
        return None
    return result.state, replace(req, page=1, prefer=()), str(get_locale()), request.script_root


def hits_key(key, req: SearchRequest, new_hits: tuple[bool, ...]):
    """What a page's list of results is drawn from, given `key_of` the search's (None: not kept, as
    when results are not kept at all: RESULT_CACHE off)."""
    if key is None or not current_app.config.get("RESULT_CACHE", True):
        return None
    return "hits", key, req.page, req.prefer, new_hits
