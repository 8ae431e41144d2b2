"""The search page `/` and its JSON twin."""
from __future__ import annotations

from flask import Blueprint, current_app, request

from ..query import QuerySyntaxError
from ..request import DEFAULT_PER_PAGE, RequestError, SearchRequest
from .engine import get_engine
from .negotiation import respond
from .search_page import build_search_page, error_page
from .urls import document_url, public_url, search_url

bp = Blueprint("search", __name__)


def _parse(args) -> SearchRequest:
    per_page = current_app.config.get("PER_PAGE") or DEFAULT_PER_PAGE
    if "per_page" not in args and per_page != DEFAULT_PER_PAGE:
        args = args.copy()
        args["per_page"] = str(per_page)
    return SearchRequest.from_args(args)


def _rest_of(args) -> SearchRequest | None:
    """The search state without the query, if that part is valid (kept when only q is bad)."""
    rest = args.copy()
    rest.pop("q", None)
    try:
        return _parse(rest)
    except (QuerySyntaxError, RequestError):
        return None


@bp.get("/")
def search():
    """Parse the URL once, search, and hand the template a ready-made page."""
    try:
        req = _parse(request.args)
        result = get_engine().search(req)
    except (QuerySyntaxError, RequestError) as error:
        page = error_page(request.args.get("q", ""), str(error), kept=_rest_of(request.args))
        return respond("search.html", page.to_json(), 400, page=page)
    page = build_search_page(req, result, link=search_url, doc_link=document_url,
                             share_url=public_url(search_url(req)))
    return respond("search.html", page.to_json(), page=page)
