"""A communiqué's lead version and what it holds for its whole group (the embedded engine's writer).

Counting communiqués rather than language versions is the dearest part of a
new search over translated communiqués: each facet value's versions have to be
told apart by group. For a search that can only match whole communiqués
(browsing, date ranges, the issuer: filters every version of a group passes or
fails together) there is a cheaper count. One version of each group, its
*lead* (the smallest id), also holds:

- every facet's values of the whole group (the union over its versions):
  counting them over the matching leads counts each communiqué once;
- the *mixed* terms: facet terms (as a selection matches them) held by some of
  the group's versions and not others. A selection of such a term can split
  the group, so a search selecting or excluding one is not counted this way;
- the lowest and highest of each version's date and `added` keys: a date or
  `added_after` bound that falls between them splits the group.

The writer recomputes a group's summary whenever one of its versions is
written or deleted, and rewrites the old and the new lead.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from indexer.model import Communique, added_key

from ..dates import date_keys
from ..facets import FACETS, document_values

MIXED_SEPARATOR = "\t"  # between a facet's name and a term in the mixed field


def mixed_term(facet_name: str, term: str) -> str:
    return f"{facet_name}{MIXED_SEPARATOR}{term}"


@dataclass
class GroupSummary:
    """What a group's lead holds for the group."""

    lead: str  # the id of the lead version
    values: dict[str, list[str]]  # facet -> every value of the group's versions, in first-seen order
    mixed: list[str]  # mixed_term(facet, term) for terms on some versions only
    bounds: dict[str, tuple[int, int]]  # "desc", "asc", "added" -> (lowest, highest) key of the versions


def summarise(versions: Sequence[Communique], values_of=document_values) -> GroupSummary:
    """The summary of one group from all its versions (at least one); `values_of(doc)`: a version's
    facet values (`facets.document_values`, or where the caller keeps them)."""
    ordered = sorted(versions, key=lambda doc: doc.id)
    per_version = [values_of(doc) for doc in ordered]
    values: dict[str, list[str]] = {}
    mixed: list[str] = []
    for f in FACETS:
        union = list(dict.fromkeys(v for held in per_version for v in held[f.name]))
        values[f.name] = union
        term_sets = [set(f.terms(held[f.name])) for held in per_version]
        everywhere = set.intersection(*term_sets)
        somewhere = set.union(*term_sets)
        mixed += [mixed_term(f.name, term) for term in sorted(somewhere - everywhere)]
    keys = [date_keys(doc.date) for doc in ordered]
    added = [added_key(doc.added) for doc in ordered]
    bounds = {"desc": (min(k[0] for k in keys), max(k[0] for k in keys)),
              "asc": (min(k[1] for k in keys), max(k[1] for k in keys)),
              "added": (min(added), max(added))}
    return GroupSummary(ordered[0].id, values, mixed, bounds)
