"""Communiqués, not language versions, as the unit of a result list: what every engine shares.

The language versions of one communiqué share a group (its translation group,
else the document alone). A collapsed result list shows each group once, in
the version of the preferred language: one the search is filtered to, else one
the reader's browser asks for, else the interface language, else the version
with the smallest id (the same on every engine); the group's other
matching versions are listed with it. Engines find the groups (Elasticsearch
and OpenSearch with `collapse`, tantivy by walking the ranked hits); the
choice of the version shown is written here once.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Sequence, TypeVar

from indexer.model import Communique

from .labels import UI_LOCALE
from .request import SearchRequest

T = TypeVar("T")


def group_of(doc: Communique) -> str:
    """The communiqué a document belongs to: its translation group, else itself."""
    return doc.translation_group or f"doc:{doc.id}"


def group_key(group: str) -> int:
    """A signed 64-bit number for a group (a hash: every engine's sample of communiqués takes those whose
    number falls in the first part of the range, see facets.sample_bounds)."""
    return int.from_bytes(hashlib.blake2b(group.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def preferred_languages(request: SearchRequest) -> list[str]:
    """Languages in the order a group's version is chosen: the filter's, the reader's, the interface's."""
    return list(dict.fromkeys([*request.selected("language"), *request.prefer, UI_LOCALE]))


def choose(versions: Sequence[tuple[Communique, T]], request: SearchRequest) -> tuple[int, list[tuple[str, str]]]:
    """(index of the version to show, (language, id) of the others) among a group's matching versions."""
    preferred = preferred_languages(request)
    shown = next((i for lang in preferred for i, (doc, _) in enumerate(versions) if doc.language == lang), None)
    if shown is None:  # not by rank: engines break ties differently, and must show the same version
        shown = min(range(len(versions)), key=lambda i: versions[i][0].id)
    others = [(doc.language or "", doc.id) for i, (doc, _) in enumerate(versions) if i != shown]
    return shown, sorted(others)


def first_groups(keys: Iterable[T], offset: int, count: int) -> tuple[list[T], bool]:
    """The distinct keys number offset..offset+count in order of first appearance, and whether
    `keys` held that many distinct keys."""
    seen: dict = {}
    for key in keys:
        if key not in seen:
            seen[key] = None
            if len(seen) >= offset + count:
                break
    groups = list(seen)
    return groups[offset:offset + count], len(groups) >= offset + count
