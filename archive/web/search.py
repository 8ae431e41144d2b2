"""The search page `/` and its JSON twin."""
from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from ..query import QuerySyntaxError, lowercase_operators
from ..request import DATE_ARGUMENTS, DEFAULT_PER_PAGE, RequestError, SearchRequest
from ..engines import EngineError
from .engine import get_engine
from . import fragments
from .negotiation import respond, wants_json
from .links import Link
from .saved import search_page_state
from .search_page import build_search_page, error_page
from .histogram import build_histogram
from .map_geometry import MapUnavailable, sprite
from .suggestions import did_you_mean, unmatched_values
from .urls import document_url, facet_links, public_url, search_url
from .worldmap import build_worldmap

bp = Blueprint("search", __name__)
MAP_FACETS = ("country",)  # counted in full with every search, for the world map
HISTOGRAM_FACETS = ("month",)  # counted in full when the search has no date range, for the histogram


def reader_languages(limit: int = 5) -> tuple[str, ...]:
    """The languages the browser says its reader reads (Accept-Language), best first, as base codes."""
    codes = []
    for value, quality in request.accept_languages:
        code = value.split("-")[0].split("_")[0].lower()
        if quality > 0 and code.isascii() and code.isalpha() and 2 <= len(code) <= 3:
            codes.append(code)
    return tuple(dict.fromkeys(codes))[:limit]


def parse_search(args) -> SearchRequest:
    """A search from URL arguments, for the reader of this request (its languages pick the version shown)."""
    per_page = current_app.config.get("PER_PAGE") or DEFAULT_PER_PAGE
    if "per_page" not in args and per_page != DEFAULT_PER_PAGE:
        args = args.copy()
        args["per_page"] = str(per_page)
    return replace(SearchRequest.from_args(args), prefer=reader_languages())


def _rest_of(args) -> SearchRequest | None:
    """The search state without the query, if that part is valid (kept when only q is bad)."""
    rest = args.copy()
    rest.pop("q", None)
    try:
        return parse_search(rest)
    except (QuerySyntaxError, RequestError):
        return None


@bp.get("/")
def search():
    """Parse the URL once, search, and hand the template a ready-made page."""
    notices = []
    try:
        req = parse_search(request.args)
        for word in dict.fromkeys(lowercase_operators(req.q)):
            notices.append(f"“{word}” was searched as a word: operators are written in capitals "
                           f"({word.upper()}) to combine words.")
        result = get_engine().search(_counting_whole(req))
        if result.total and req.page > result.pages:
            notices.append(f"There is no page {req.page:,} of this search: it has {result.pages:,}. "
                           "This is the last one.")
            req = req.with_page(result.pages)
            result = get_engine().search(_counting_whole(req))
        notices += unmatched_values(get_engine(), req, result)
        req = req.with_stored_values(result.facets)
        suggestion = did_you_mean(get_engine(), req, result)
    except RequestError as error:
        if error.argument in DATE_ARGUMENTS:
            return _without_dates(str(error))
        return _error_page(error)
    except QuerySyntaxError as error:
        return _error_page(error)
    html = not wants_json()
    saving = search_page_state(req, result.hits, result.total)
    key = fragments.key_of(req, result) if html else None
    kept = fragments.cache()
    drawn = kept.get(key)
    hits_key = fragments.hits_key(key, req, saving.new_hits)
    hits_drawn = kept.get(hits_key)
    page = build_search_page(req, result, link=search_url, doc_link=document_url,
                             share_url=public_url(search_url(req)), notices=notices, facet_links=facet_links,
                             with_facets=drawn is None, with_hits=hits_drawn is None)
    page.saving = saving
    for hit, new in zip(page.hits, saving.new_hits):
        hit.new = new
    if suggestion:
        page.suggestion = Link(suggestion.q, search_url(suggestion))
    if drawn is None:
        complete = _add_charts(page, req, result)
        if html:
            drawn = fragments.draw(page)
            if complete:
                kept.put(key, drawn)
    page.fragments = drawn
    if html and hits_drawn is None and page.hits:
        hits_drawn = fragments.draw_hits(page)
        kept.put(hits_key, hits_drawn)
    page.hits_html = hits_drawn
    return respond("search.html", page.to_json, page=page)


def _add_charts(page, req: SearchRequest, result) -> bool:
    """The page's histogram and map, where the search has them; False when one could not be made
    (said in the log: the results are served without it)."""
    complete = True
    if result.total or req.date_from or req.date_to:
        try:
            page.histogram = build_histogram(get_engine(), req, search_url,
                                             counted=(result.facets.get("month", []), result.total))
        except EngineError as exc:  # an optional part: the results are served without it
            current_app.logger.error("search page served without its histogram", exc_info=exc)
            complete = False
    if result.total or req.selected("country") or req.excluded("country"):
        page.worldmap = _worldmap(req, result.facets.get("country", []))
        complete = complete and page.worldmap is not None
    return complete


def _counting_whole(req: SearchRequest) -> SearchRequest:
    """The page's search, counting every country for the map and, without a date range (which the
    histogram leaves out), every month for the histogram: one search instead of three."""
    months = () if req.date_from or req.date_to else HISTOGRAM_FACETS
    return replace(req, whole=MAP_FACETS + months)


def _worldmap(req: SearchRequest, countries):
    """The map of countries, or None (said in the log) when its shapes cannot be read: the results
    are served without it."""
    try:
        shapes = sprite()
    except MapUnavailable as exc:
        current_app.logger.error("search page served without its map", exc_info=exc)
        return None
    return build_worldmap(countries, req, search_url, shapes, url_for("search.world_map", v=shapes.version),
                          links=facet_links(req, "country"))


@bp.get("/map/world.svg")
def world_map():
    """The countries' shapes the map draws: the same for every search, so cached for good (its URL
    carries the version), compressed for browsers that accept it."""
    try:
        shapes = sprite()
    except MapUnavailable as exc:
        current_app.logger.error("the world map is unavailable", exc_info=exc)
        return Response("The world map is not available on this server.", 404, mimetype="text/plain")
    gzip_ok = request.accept_encodings.quality("gzip") > 0
    response = Response(shapes.gzipped if gzip_ok else shapes.svg, mimetype="image/svg+xml")
    if gzip_ok:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    response.set_etag(f"{shapes.version}-gzip" if gzip_ok else shapes.version)  # two bodies, two tags
    if request.args.get("v") == shapes.version:
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    else:
        response.headers["Cache-Control"] = "no-cache"
    return response.make_conditional(request)


def _error_page(error: Exception):
    page = error_page(request.args.get("q", ""), str(error), kept=_rest_of(request.args))
    return _respond_drawn(page, 400)


def _respond_drawn(page, code: int):
    """A search page whose parts are drawn for this request alone (an error's: not kept)."""
    if not wants_json():
        page.fragments = fragments.draw(page)
    return respond("search.html", page.to_json, code, page=page)


def _without_dates(message: str):
    """A date that cannot be used: the rest of the search runs, the date fields keep what was typed
    and say what is wrong (400, so scripts see the argument was refused)."""
    rest = request.args.copy()
    for name in DATE_ARGUMENTS:
        rest.pop(name, None)
    try:
        req = parse_search(rest)
        result = get_engine().search(req)
    except (QuerySyntaxError, RequestError) as error:
        return _error_page(error)
    page = build_search_page(req, result, link=search_url, doc_link=document_url,
                             share_url=public_url(search_url(req)))
    page.date_error = message
    page.date_from, page.date_to = request.args.get("from", ""), request.args.get("to", "")
    return _respond_drawn(page, 400)


FACET_MATCHES = 50  # values a facet search returns


@bp.get("/facets/<name>")
def facet_values(name: str):
    """Values of one facet for the current search whose name contains `contains` (all the engine
    counted, not only the ten shown): the facet filter box asks here."""
    from indexer.analysis.fold import fold

    from ..facets import AGG_SIZE, NAMES, value_names
    from .search_page import facet_view

    if name not in NAMES:
        raise RequestError(f"Unknown facet {name!r}.")
    args = request.args.copy()
    needle = fold(args.pop("contains", "") or "")
    req = parse_search(args)
    wide = replace(req, facets=(name,), per_page=1, facet_size=AGG_SIZE, more=())  # every value counted
    found = get_engine().search(wide).facets.get(name, [])
    matching = [v for v in found if any(needle in fold(n) for n in value_names(name, v.value))]
    view = facet_view(name, req, matching[:FACET_MATCHES], link=search_url)
    data = {"facet": name, "contains": request.args.get("contains", ""), "total": len(matching),
            "values": [{"value": v.value, "label": v.label, "count": v.count, "selected": v.selected,
                        "excluded": v.excluded, "url": v.toggle_url, "exclude_url": v.exclude_url}
                       for v in view.values]}
    return respond("facet_values.html", data, facet=view, contains=data["contains"], total=len(matching),
                   back_url=search_url(req))


@bp.get("/health")
def health():
    """For load balancers and process managers: 200 with the number of documents while the engine
    answers, 503 (the error handler's) when it does not."""
    return jsonify(status="ok", documents=get_engine().count())
