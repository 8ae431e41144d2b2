"""The engine interface every search backend implements, and its errors.

Callers (CLI, web views, the indexing pipeline) only see this: documents in as
`Communique`, a `SearchRequest` in, a `SearchResult` out.
"""
from __future__ import annotations

import functools
import inspect
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from indexer.model import Communique

from ..request import SearchRequest
from ..terms import index_terms
from ..results import Hit, SearchResult


class EngineError(RuntimeError):
    """The engine failed for a reason that is not the user's query."""


class EngineUnavailable(EngineError):
    """The engine cannot be reached (shown to users as a 503 page)."""


class EngineFault(EngineError):
    """The engine crashed inside a call (a bug, ours or the engine's): a 500 page, logged."""


# Signals that must stop the process, never be turned into an error page.
_PASS_THROUGH = (KeyboardInterrupt, SystemExit, GeneratorExit)


def _fault(method: str, exc: BaseException) -> EngineFault:
    return EngineFault(f"the search engine crashed in {method} ({type(exc).__name__}: {exc})")


def _guarded(method):
    """`method` with any BaseException that is not an exit signal turned into EngineFault.

    Native engines can raise exceptions that are not `Exception`s (pyo3's
    PanicException derives from BaseException): they would pass every handler
    and kill the server thread that serves the request, which then never answers.
    """
    name = method.__name__
    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def generate(self, *args, **kwargs):
            try:
                yield from method(self, *args, **kwargs)
            except (Exception, *_PASS_THROUGH):
                raise
            except BaseException as exc:
                raise _fault(name, exc) from exc
        return generate

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (Exception, *_PASS_THROUGH):
            raise
        except BaseException as exc:
            raise _fault(name, exc) from exc
    return call


@dataclass
class EngineStats:
    engine: str  # "tantivy", "elasticsearch", ...
    location: str  # the folder, or the cluster and alias
    documents: int | None  # None when the index cannot be read
    problem: str | None = None  # what keeps it from serving, and what to run
    details: dict = field(default_factory=dict)


@dataclass
class IndexReport:
    indexed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (doc id, reason)


class Engine(ABC):
    """Every engine's public calls are guarded (see `_guarded`) as the subclass is defined."""

    name = "engine"
    # Work on a document an indexing run may do in its worker processes, ahead of `index`: a
    # module-level function (it travels to the workers by name). Every engine indexes these terms.
    prepare_in_worker = staticmethod(index_terms)
    GUARDED = ("index", "delete", "get", "search", "translations", "more_like_this", "iter_documents",
               "count", "clear", "reindex", "drop", "stats", "near_word", "newest_added", "iter_matching")

    # Marked snippets and titles of result pages, kept for searches shown again (keep_results).
    marks = None

    def keep_results(self, keep: bool = True) -> "Engine":
        """Keep what result pages are made of for the searches shown again (paging back, searching
        again, narrowing by a facet): marked snippets and titles, and on the embedded engine the
        documents loaded. Engines made by `open_engine` keep them unless RESULT_CACHE is off."""
        from .hits import Marks

        self.marks = Marks() if keep else None
        return self

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for attr in cls.GUARDED:
            if attr in cls.__dict__:
                setattr(cls, attr, _guarded(cls.__dict__[attr]))

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
    def near_word(self, folded_word: str, limit: int = 20) -> list[Communique]:
        """Documents holding words within two edits of a folded word (for "did you mean")."""

    @abstractmethod
    def iter_documents(self) -> Iterator[Communique]:
        """Every stored document (for reindexing and export)."""

    @abstractmethod
    def iter_matching(self, request: SearchRequest) -> Iterator[Communique]:
        """Every language version `request` matches (its query and every filter; not its page), newest
        first, read a page at a time from one snapshot of the index (for export: any number)."""

    @abstractmethod
    def count(self) -> int:
        """Number of documents."""

    @abstractmethod
    def newest_added(self) -> str | None:
        """The `added` time of the document the archive indexed last (None: none has one): everything
        a search can find now was added at or before it, everything indexed later after it."""

    @abstractmethod
    def reindex(self, force: bool = False) -> str:
        """Rebuild the index from its stored documents with this version's fields; says where to.

        Searches keep working meanwhile. `force` clears what a crashed rebuild left.
        """

    @abstractmethod
    def drop(self) -> None:
        """Remove the index and everything the engine created for it (tests, uninstalling)."""

    @abstractmethod
    def stats(self) -> EngineStats:
        """Where the index is, how many documents it holds, and any problem that stops it serving."""

    def clear(self) -> None:
        """Remove every document."""
        self.delete([d.id for d in self.iter_documents()])

    def close(self) -> None:
        """Release files or connections."""
