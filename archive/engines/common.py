"""What both engines share: facet field mapping, date keys, facet ordering, hits from documents.

Keeping these in one place is what makes the two engines answer the same
request with the same facet values, dates and snippets.
"""
from __future__ import annotations

import calendar

import pycountry

from indexer.model import Communique

from ..highlight import highlight_title, make_snippet
from ..query import Node, Or, Phrase, QuerySyntaxError, parse_query
from ..request import SearchRequest
from ..results import FacetValue, Hit

# facet name (URL key) -> engine field name
FACET_FIELDS = {
    "country": "country", "language": "language", "year": "year", "month": "month",
    "issuer": "issuer", "issuer_country": "issuer_country", "person": "person", "org": "org",
    "place": "place",
}
CHRONOLOGICAL = ("year", "month")
FOLDED_KEYS = ("issuer", "person", "org", "place")  # facets also matched case- and accent-insensitively
TITLE_BOOST = 2.0  # a word in the title weighs twice a word in the text
AGG_SIZE = 500  # facet values counted per facet; beyond that they are not counted  # ordered by value, newest first, not by count
MISSING_LAST = 99_999_999


def facet_values(doc: Communique, facet: str) -> list[str]:
    """The values a document contributes to a facet."""
    if facet == "country":
        return list(dict.fromkeys(doc.countries))
    if facet == "language":
        return [doc.language] if doc.language else []
    if facet == "year":
        return [doc.date[:4]] if doc.date else []
    if facet == "month":
        return [doc.date[:7]] if doc.date and len(doc.date) >= 7 else []
    if facet == "issuer":
        return [doc.issuer] if doc.issuer else []
    if facet == "issuer_country":
        return [doc.issuer_country] if doc.issuer_country else []
    if facet == "person":
        return list(dict.fromkeys(doc.persons))
    if facet == "org":
        return list(dict.fromkeys(doc.organisations))
    if facet == "place":
        return list(dict.fromkeys(doc.places))
    raise KeyError(facet)


def _key(date: str) -> int:
    parts = date.split("-")
    year, month, day = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0, int(parts[2]) if len(parts) > 2 else 0
    return year * 10000 + month * 100 + day


def date_keys(date: str | None) -> tuple[int, int]:
    """Integer sort keys (descending, ascending) that put undated documents last either way.

    A month-precision date sorts as day 00 of its month, before its dated days.
    """
    if not date:
        return 0, MISSING_LAST
    key = _key(date)
    return key, key


def date_bounds(date_from: str | None, date_to: str | None) -> tuple[int | None, int | None]:
    """Inclusive integer bounds for a from/to range given as YYYY[-MM[-DD]]."""
    low = high = None
    if date_from:
        low = _key(date_from)
    if date_to:
        parts = [int(p) for p in date_to.split("-")]
        if len(parts) == 1:
            high = parts[0] * 10000 + 1299
        elif len(parts) == 2:
            high = parts[0] * 10000 + parts[1] * 100 + calendar.monthrange(parts[0], parts[1])[1]
        else:
            high = _key(date_to)
    return low, high


def sort_facet_values(facet: str, counts: dict[str, int], request: SearchRequest) -> list[FacetValue]:
    """Facet values in display order, cut to the request's facet size.

    Selected values stay visible (at 0 if nothing matches) and excluded values
    are listed as excluded, so a user can always undo what they clicked.
    """
    selected = set(request.selected(facet))
    excluded = set(request.excluded(facet))
    values = [FacetValue(v, c, v in selected, False) for v, c in counts.items() if c > 0 and v not in excluded]
    if facet in CHRONOLOGICAL:
        values.sort(key=lambda fv: fv.value, reverse=True)
    else:
        values.sort(key=lambda fv: (-fv.count, fv.value))
    top = values[: request.facet_size]
    shown = {fv.value for fv in top}
    top += [fv for fv in values[request.facet_size:] if fv.selected]
    top += [FacetValue(v, 0, True, False) for v in request.selected(facet) if v not in counts]
    top += [FacetValue(v, 0, False, True) for v in request.excluded(facet) if v not in shown]
    return top


def resolve_country(value: str) -> str:
    """An ISO code for `country:` in a query: a code as is, or a country name."""
    value = value.strip()
    if len(value) == 2 and value.isalpha():
        return value.upper()
    try:
        return pycountry.countries.lookup(value).alpha_2
    except LookupError:
        raise QuerySyntaxError(
            f"Unknown country {value!r}: use an ISO code such as country:TR or an English name.") from None


def prepare_query(request: SearchRequest) -> tuple[Node, Node, list[str]]:
    """(tree to match, tree to highlight, names added by cross-language expansion)."""
    node = parse_query(request.q)
    if not request.expand:
        return node, node, []
    from ..expansion import expand

    expanded, names = expand(node)
    highlight = Or((expanded, *[Phrase(n) for n in names])) if names else expanded
    return expanded, highlight, names


def hit_from_doc(doc: Communique, node: Node, score: float | None = None) -> Hit:
    return Hit(
        id=doc.id,
        title=doc.title,
        date=doc.date,
        language=doc.language,
        countries=list(doc.countries),
        issuer=doc.issuer,
        persons=list(doc.persons),
        organisations=list(doc.organisations),
        places=list(doc.places),
        snippet=make_snippet(doc.text, node, doc.language),
        title_html=highlight_title(doc.title, node, doc.language),
        score=score,
        translation_group=doc.translation_group,
        declared_language=doc.declared_language,
    )
