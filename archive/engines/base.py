"""The engine interface every search backend implements, and its errors.

Callers (CLI, web views, the indexing pipeline) only see this: documents in as
`Communique`, a `SearchRequest` in, a `SearchResult` out.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from indexer.model import Communique

from ..request import SearchRequest
from ..results import Hit, SearchResult


class EngineError(RuntimeError):
    """The engine failed for a reason that is not the user's query."""


class EngineUnavailable(EngineError):
    """The engine cannot be reached (shown to users as a 503 page)."""


@dataclass
class IndexReport:
    indexed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (doc id, reason)


class Engine(ABC):
    name = "engine"

    @abstractmethod
    def index(self, docs: Iterable[Communique]) -> IndexReport:
        """Add or replace documents by id; visible to searches once this returns."""

    @abstractmethod
    def delete(self, ids: Iterable[str]) -> None:
        """Remove documents by id; unknown ids are ignored."""

    @abstractmethod
    def get(self, doc_id: str) -> Communique | None:
        """The stored document, or None."""

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchResult:
        """Run a search; raises QuerySyntaxError for a bad query, EngineUnavailable on outage."""

    @abstractmethod
    def translations(self, doc: Communique) -> list[Communique]:
        """The other language versions of `doc` (same translation group), by language."""

    @abstractmethod
    def more_like_this(self, doc_id: str, limit: int = 5) -> list[Hit]:
        """Documents similar to `doc_id`, most similar first, excluding itself."""

    @abstractmethod
    def iter_documents(self) -> Iterator[Communique]:
        """Every stored document (for reindexing and export)."""

    @abstractmethod
    def count(self) -> int:
        """Number of documents."""

    def clear(self) -> None:
        """Remove every document."""
        self.delete([d.id for d in self.iter_documents()])

    def close(self) -> None:
        """Release files or connections."""
