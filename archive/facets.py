"""Facets, declared once: the request, every engine, the pages and the document page read them here.

A facet is one `Facet` declaration in `FACETS`: its name (the URL key, the
query field and the engine field), its label, the values a document
contributes, how typed values are spelled, matched and labelled, and how
values are ordered. Adding a facet is a declaration here plus the analysis
(or reader) that fills its `Communique` field; engines derive their fields and
the schema version from this table.

The rules every facet follows are also written here, once: several values of
one facet combine with OR, different facets with AND; a facet's counts ignore
its own selection (the engines do that); selected values stay visible (at 0
if nothing matches) and excluded values are listed as excluded
(`display_values`).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Collection, Iterable, Mapping, Sequence

import pycountry

from indexer.analysis.fold import fold
from indexer.memo import Memo
from indexer.model import Communique

from .i18n import N_
from .labels import as_written, country_name, day_name, language_name, month_name, organisation_name
from .results import FacetValue

if TYPE_CHECKING:  # pragma: no cover
    from .request import SearchRequest

AGG_SIZE = 500  # the most values an engine counts per facet (a facet search asks for this many)
COUNTED_MARGIN = 3  # an engine counts this many times the values shown, at least MIN_COUNTED
MIN_COUNTED = 50
BY_COUNT = "count"  # most frequent first
NEWEST_FIRST = "newest"  # periods: by value, newest first


class UnknownValue(ValueError):
    """A typed facet value that names nothing (`country:Atlantis`); the message is for the user."""


# The folded key of each facet value written to an index, kept: names, places and topics come back in
# document after document.
_VALUE_KEYS: Memo[str, str] = Memo(fold, 100_000)


def _unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _as_is(value: str) -> str:
    return " ".join(value.split())


def _year_or_month(value: str) -> str:
    return value.strip()


def _a_day(value: str) -> str:
    """A day as stored, YYYY-MM-DD; anything else names no day (`day:statement` is not a search)."""
    value = value.strip()
    try:
        if len(value) == 10 and datetime.date.fromisoformat(value):
            return value
    except ValueError:
        pass
    raise UnknownValue(f"{value!r} is not a day: days are written like 2024-03-15.")


def country_code(value: str) -> str:
    """An ISO code for a typed country: a code as is, or a country's name in any supported language."""
    from .names import country_for

    value = value.strip()
    if len(value) == 2 and value.isalpha() and value.isascii():
        return value.upper()
    code = country_for(value, any_case=True)
    if code:
        return code
    try:
        return pycountry.countries.lookup(value).alpha_2
    except LookupError:
        raise UnknownValue(f"Unknown country {value!r}: use an ISO code such as country:TR or a country's name.") \
            from None


def _language(value: str) -> str:
    from .names import language_for

    return language_for(value) or value.strip().lower()


def _organisation(value: str) -> str:
    from .names import organisation_for

    return organisation_for(_as_is(value), any_case=True) or _as_is(value)


def _place(value: str) -> str:
    from .names import place_for

    return place_for(_as_is(value)) or _as_is(value)


@dataclass(frozen=True)
class Facet:
    name: str  # URL key (`country=TR`), query field (`country:TR`) and engine field
    label: str  # heading on the page
    values: Callable[[Communique], list[str]]  # what a document contributes, in order, no repeats
    canonical: Callable[[str], str] = _as_is  # a typed value (URL or query) to the stored one: codes, aliases
    folded: bool = False  # matched ignoring case and accents (through a key field per engine)
    order: str = BY_COUNT
    value_label: Callable[..., str] = as_written  # (value, locale) -> what people read
    query_names: tuple[str, ...] = ()  # other names a query may use (`lang:`)
    on_document: bool = True  # listed in the document page's sidebar
    listed: bool = True  # counted for every search and shown in the sidebar (else only when asked for)

    def spell(self, typed: str) -> str:
        """The value a URL's `name=typed` stands for ("france" -> FR, "Genf" -> Geneva, "nato" -> NATO).

        A country that names nothing is kept as typed: the page then says that nothing has it.
        """
        try:
            return self.canonical(typed)
        except UnknownValue:
            return typed.strip()

    def key(self, value: str) -> str:
        return fold(value)

    def keys(self, values: Iterable[str]) -> list[str]:
        """The folded keys of values, for the engines' key field."""
        return _unique(map(_VALUE_KEYS.__getitem__, values))

    def terms(self, values: Sequence[str]) -> list[str]:
        """The terms a selection of `values` matches documents by: their folded keys (in the key field)
        for folded facets, else the values as stored."""
        return self.keys(values) if self.folded else list(values)

    def same(self, a: str, b: str) -> bool:
        """Whether two values are one for this facet (folded facets ignore case and accents)."""
        return fold(a) == fold(b) if self.folded else a == b

    def query_value(self, typed: str) -> tuple[str, str]:
        """(field kind, value) that `name:typed` in a query matches: ("key", folded) or ("value", stored)."""
        value = self.canonical(typed)
        return ("key", fold(value)) if self.folded else ("value", value)


def _year(doc: Communique) -> list[str]:
    return [doc.date[:4]] if doc.date else []


def _month(doc: Communique) -> list[str]:
    return [doc.date[:7]] if doc.date and len(doc.date) >= 7 else []


def _day(doc: Communique) -> list[str]:
    return [doc.date[:10]] if doc.date and len(doc.date) >= 10 else []


# Display order: country first, as staff filter by it most.
FACETS: tuple[Facet, ...] = (
    Facet("country", N_("Country"), lambda d: _unique(d.countries), canonical=country_code, value_label=country_name),
    Facet("language", N_("Language"), lambda d: _unique([d.language]), canonical=_language, value_label=language_name,
          query_names=("lang",), on_document=False),
    Facet("year", N_("Year"), _year, canonical=_year_or_month, order=NEWEST_FIRST),
    Facet("month", N_("Month"), _month, canonical=_year_or_month, order=NEWEST_FIRST, value_label=month_name,
          on_document=False),
    # Days feed the date histogram of a short span; a sidebar of days would be too long to read.
    Facet("day", N_("Day"), _day, canonical=_a_day, order=NEWEST_FIRST, value_label=day_name,
          on_document=False, listed=False),
    Facet("issuer", N_("Issuer"), lambda d: _unique([d.issuer]), folded=True, on_document=False),
    Facet("issuer_country", N_("Issuer's country"), lambda d: _unique([d.issuer_country]), canonical=country_code,
          value_label=country_name, on_document=False),
    Facet("topic", N_("Topic"), lambda d: _unique(d.topics), folded=True),
    Facet("person", N_("People"), lambda d: _unique(d.persons), folded=True),
    Facet("org", N_("Organisations"), lambda d: _unique(d.organisations), canonical=_organisation, folded=True,
          value_label=organisation_name, query_names=("organisation", "organization")),
    Facet("place", N_("Places"), lambda d: _unique(d.places), canonical=_place, folded=True),
    Facet("dateline", N_("Dateline"), lambda d: _unique([d.dateline]), canonical=_place, folded=True, on_document=False),
)
BY_NAME: Mapping[str, Facet] = {f.name: f for f in FACETS}
NAMES: tuple[str, ...] = tuple(BY_NAME)
LISTED: tuple[str, ...] = tuple(f.name for f in FACETS if f.listed)  # what a search counts unless told
# Every name a query may put before a colon, mapped to its facet.
QUERY_NAMES: Mapping[str, str] = {alias: f.name for f in FACETS for alias in (f.name, *f.query_names)}
FOLDED: tuple[str, ...] = tuple(f.name for f in FACETS if f.folded)


def facet(name: str) -> Facet:
    return BY_NAME[name]


def facet_label(name: str) -> str:
    return BY_NAME[name].label if name in BY_NAME else name.capitalize()


def value_label(name: str, value: str, locale: str | None = None) -> str:
    label = BY_NAME[name].value_label
    return label(value, locale) if locale else label(value)


# The interface languages whose labels a value is also found by (the facet filter box).
LABEL_LOCALES = ("en", "de", "fr", "it")


def value_names(name: str, value: str) -> list[str]:
    """Every name a value is shown under: as stored and its label in each interface language, so that
    "Schweiz" finds CH and "Bundesamt für Umwelt" finds FOEN whatever language the page is in."""
    return _unique([value, *(value_label(name, value, locale) for locale in LABEL_LOCALES)])


def counted(request: "SearchRequest", name: str) -> int:
    """How many values of a facet an engine counts: a margin over those shown (values are counted
    by language version and shown by communiqué, so the order may shift at the edge)."""
    return min(AGG_SIZE, max(MIN_COUNTED, COUNTED_MARGIN * request.size_of(name)))


def counted_order(name: str) -> dict:
    """How an engine's terms aggregation orders a facet's values, of which it counts only some: periods are
    shown newest first, so the newest are counted; other facets' most frequent (the engines' default)."""
    return {"order": {"_key": "desc"}} if BY_NAME[name].order == NEWEST_FIRST else {}


EXACT_FACETS = 10_000  # up to this many matching versions, facets count communiqués exactly
EXACT_MARGIN = 5  # values counted exactly beyond those shown, so that the order at the edge is right
MAX_EXACT_VALUES = 60  # at most this many values of a facet are counted exactly (the map asks for all)
# Below this, a value's estimated communiqués (HyperLogLog) are exact in practice: on 146,580 documents
# tantivy's first wrong estimate was at 208 communiqués; clusters estimate with a precision threshold
# of 1,000. Estimates from here up are marked as estimates.
SURELY_EXACT_BELOW = 100


def to_count_exactly(name: str, estimates: Mapping[str, int], request: "SearchRequest") -> list[str]:
    """The values whose communiqués are counted exactly: the likely shown ones (the most frequent by the
    estimates; the newest periods) and the selected ones."""
    if BY_NAME[name].order == NEWEST_FIRST:  # the periods shown are the newest
        ranked = sorted((v for v, c in estimates.items() if c > 0), reverse=True)
    else:
        ranked = sorted((v for v, c in estimates.items() if c > 0), key=lambda v: (-estimates[v], v))
    chosen = ranked[:min(request.size_of(name) + EXACT_MARGIN, MAX_EXACT_VALUES)]
    return list(dict.fromkeys(chosen + [v for v in request.selected(name) if v in estimates]))


# Past EXACT_FACETS matching versions a facet value's communiqués are estimated. Where a search matches more
# than SAMPLED_VERSIONS / SAMPLED_AT_MOST versions, every engine estimates them from a sample of the
# communiqués (those whose group number, `collapse.group_key`, a hash, falls in the first part of its range:
# a fair draw, the same for every search, each communiqué in or out with all its versions): a value's
# versions are counted over everything matching, its communiqués per version read in the sample. A value
# likely shown of which the sample holds fewer than SAMPLE_SUPPORT versions is estimated over everything
# that holds it. 1M documents, "Schweiz" (963,795 versions), every facet on one thread: 2,100 ms
# estimated over everything, 226 + 120 ms so; as near the exact counts (BENCHMARKS.md).
# A cluster counts each facet's versions at a higher cost beside its estimates than tantivy does
# (Elasticsearch, 1M documents: a sample of 46 % made "energia OR energie" slower, 306 -> 382 ms; one of
# 11 % made "Bundesrat" faster, 703 -> 578 ms), so it samples only where a fifth of the communiqués or less
# makes the sample.
SAMPLED_VERSIONS = 50_000
SAMPLED_AT_MOST = 0.5
SAMPLED_AT_MOST_CLUSTER = 0.2
SAMPLE_SUPPORT = 1_000


def sample_share(matched: int, cluster: bool = False) -> float | None:
    """The share of the communiqués to sample for a search matching `matched` versions; None where the
    sample would hold more than SAMPLED_AT_MOST of them (SAMPLED_AT_MOST_CLUSTER on a cluster): estimating
    over everything costs less then."""
    share = SAMPLED_VERSIONS / matched if matched else 1.0
    return share if share <= (SAMPLED_AT_MOST_CLUSTER if cluster else SAMPLED_AT_MOST) else None


def sample_bounds(share: float) -> tuple[int, int]:
    """The group numbers of a sample of `share` of the communiqués (inclusive bounds)."""
    lowest = -(1 << 63)
    return lowest, lowest + int(share * (1 << 64))


def from_sample(name: str, versions: Mapping[str, int], sampled: Mapping[str, tuple[int, int]],
                request: "SearchRequest") -> tuple[dict[str, int], list[str]]:
    """A facet's communiqués estimated from a sample: `versions` of each value over everything matching,
    (communiqués, versions) of each in the sample. Returns the estimates and the values likely shown that
    the sample says too little of (to be estimated over everything that holds them)."""
    # Communiqués per version over the whole sample, for values too rare in it to say their own.
    ratio = sum(c for c, _ in sampled.values()) / max(1, sum(n for _, n in sampled.values())) or 1.0
    estimates = {}
    for value, count in versions.items():
        communiques, support = sampled.get(value, (0, 0))
        per_version = (communiques + ratio * 10) / (support + 10)  # ten versions' worth of the average
        estimates[value] = min(count, max(1, round(count * per_version)))
    weak = [v for v in to_count_exactly(name, estimates, request) if sampled.get(v, (0, 0))[1] < SAMPLE_SUPPORT]
    return estimates, weak


# Counting communiqués exactly makes one bucket per value and communiqué: an engine's request makes at most
# this many (both engines refuse past 65,000 or so: tantivy's bucket limit, Elasticsearch's
# search.max_buckets), with room for estimates that are a few percent short.
EXACT_BUCKETS = 30_000


def in_chunks(chosen: Mapping[str, Sequence[str]], estimates: Mapping[str, Mapping[str, int]],
              most: int = EXACT_BUCKETS) -> list[dict[str, list[str]]]:
    """The values to count exactly (`chosen`, by facet) in parts of at most `most` communiqués by their
    `estimates` (a value estimated above it is a part of its own), in order: each part one request."""
    parts: list[dict[str, list[str]]] = []
    part: dict[str, list[str]] = {}
    load = 0
    for name, values in chosen.items():
        for value in values:
            weight = max(1, estimates[name].get(value, 0))
            if part and load + weight > most:
                parts.append(part)
                part, load = {}, 0
            part.setdefault(name, []).append(value)
            load += weight
    if part:
        parts.append(part)
    return parts


def document_values(doc: Communique) -> dict[str, list[str]]:
    """Every facet's values of a document, for the engines' writers."""
    return {f.name: f.values(doc) for f in FACETS}


def display_values(name: str, counts: Mapping[str, int], request: "SearchRequest",
                   size: int | None = None, estimated: bool = False,
                   uncounted: Collection[str] = ()) -> list[FacetValue]:
    """A facet's values as every engine returns them: ordered, cut to size, nothing clicked ever lost.

    Values are ordered by count (periods newest first) and cut to the request's
    facet size; selected values stay (at 0 if nothing matches) and excluded
    values are listed as excluded, so a user can always undo what they clicked.
    `estimated`: every count is an estimate; `uncounted`: these values' counts
    are estimates (marked where they may be wrong, from SURELY_EXACT_BELOW up).
    """
    size = request.size_of(name) if size is None else size
    facet_ = BY_NAME[name]
    selected, excluded = request.selected(name), request.excluded(name)
    # A value selected in other case or accents is the stored one it folds to.
    if facet_.folded and (selected or excluded):
        by_key = {fold(v): v for v, c in counts.items() if c > 0}
        selected = tuple(by_key.get(fold(v), v) for v in selected)
        excluded = tuple(by_key.get(fold(v), v) for v in excluded)
    values = [FacetValue(v, c, v in selected) for v, c in counts.items() if c > 0 and v not in excluded]
    if BY_NAME[name].order == NEWEST_FIRST:
        values.sort(key=lambda fv: fv.value, reverse=True)
    else:
        values.sort(key=lambda fv: (-fv.count, fv.value))
    top = values[:size] + [fv for fv in values[size:] if fv.selected]
    top += [FacetValue(v, 0, True) for v in selected if not counts.get(v)]
    top += [FacetValue(v, 0, False, True) for v in excluded]
    if BY_NAME[name].order == NEWEST_FIRST:
        top.sort(key=lambda fv: fv.value, reverse=True)
    if estimated:
        for fv in top:
            fv.estimated = fv.count > 0
    elif uncounted:
        for fv in top:
            fv.estimated = fv.value in uncounted and fv.count >= SURELY_EXACT_BELOW
    return top


__all__ = ["AGG_SIZE", "counted", "counted_order", "EXACT_BUCKETS", "EXACT_FACETS", "from_sample", "in_chunks",
           "sample_bounds", "sample_share", "SAMPLE_SUPPORT", "SAMPLED_AT_MOST", "SAMPLED_AT_MOST_CLUSTER", "SAMPLED_VERSIONS", "to_count_exactly", "Facet", "FACETS", "NAMES", "LISTED", "QUERY_NAMES", "FOLDED", "UnknownValue", "facet", "facet_label",
           "value_label", "value_names", "document_values", "display_values", "country_code"]
