"""The ingest pipeline composed in one place: find files → read → analyse → dedupe → engine.

`index_paths` accounts for every file it is given (indexed, updated,
unchanged, duplicate, rejected with a reason) and writes in batches: the
engine first, then the ledger, so an interrupted run resumes cleanly.
"""
from __future__ import annotations

import glob
import hashlib
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .ledger import Ledger
from .model import Communique, ReadError

FILE_STATUSES = ("indexed", "updated", "unchanged", "duplicate", "rejected")


@dataclass
class IndexSummary:
    files: dict[str, int] = field(default_factory=lambda: {s: 0 for s in FILE_STATUSES})
    new_documents: int = 0
    updated_documents: int = 0
    duplicate_records: int = 0
    removed_documents: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    engine_errors: list[tuple[str, str]] = field(default_factory=list)  # (doc id, reason)
    interrupted: bool = False

    @property
    def total_files(self) -> int:
        return sum(self.files.values())

    def to_dict(self) -> dict:
        return {
            "files": dict(self.files, total=self.total_files),
            "documents": {"new": self.new_documents, "updated": self.updated_documents,
                          "duplicates_merged": self.duplicate_records, "removed": self.removed_documents},
            "rejected": [{"path": p, "reason": r} for p, r in self.rejected],
            "engine_errors": [{"id": i, "reason": r} for i, r in self.engine_errors],
            "interrupted": self.interrupted,
        }


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files named by paths, folders (recursively, sorted) or glob patterns, each once.

    A path that names nothing is yielded as is, so the caller reports it.
    """
    seen: set[str] = set()
    for given in paths:
        matches = sorted(glob.glob(given, recursive=True)) if glob.has_magic(given) else [given]
        if not matches:
            matches = [given]
        for match in matches:
            if os.path.isdir(match):
                found = []
                for root, dirs, files in os.walk(match):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    found.extend(os.path.join(root, f) for f in files if not f.startswith("."))
                candidates = sorted(found)
            else:
                candidates = [match]
            for path in candidates:
                key = os.path.realpath(path)
                if key not in seen:
                    seen.add(key)
                    yield path


def content_hash(doc: Communique) -> str:
    """Hash of the normalised title and text: equal for exact duplicates."""
    text = unicodedata.normalize("NFC", " ".join((doc.title + "\n" + doc.text).split())).casefold()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id(record_key: str) -> str:
    """A stable id for the document first read from `record_key`."""
    return hashlib.sha256(record_key.encode("utf-8")).hexdigest()[:20]


def _record_key(real_path: str, doc: Communique) -> str:
    _, sep, key = doc.source.partition("#")
    return real_path + (sep + key if sep else "")


class Indexer:
    """Runs the pipeline against one engine and one ledger."""

    def __init__(self, engine, ledger: Ledger, batch_size: int = 200,
                 analyse: Callable[[Communique], Communique] | None = None):
        if analyse is None:
            from .analysis import analyze as analyse
        self.engine = engine
        self.ledger = ledger
        self.batch_size = batch_size
        self.analyse = analyse
        self.summary = IndexSummary()
        self._pending: dict[str, Communique] = {}
        self._deletes: set[str] = set()

    # -- batches -------------------------------------------------------------------------

    def flush(self) -> None:
        """Write pending documents to the engine, then commit the ledger."""
        try:
            if self._deletes:
                self.engine.delete(sorted(self._deletes - set(self._pending)))
            if self._pending:
                report = self.engine.index(list(self._pending.values()))
                self.summary.engine_errors.extend(report.errors)
            self.ledger.commit()
        except BaseException:
            self.ledger.rollback()
            raise
        finally:
            self._pending.clear()
            self._deletes.clear()

    def _stored(self, doc_id: str) -> Communique | None:
        return self._pending.get(doc_id) or self.engine.get(doc_id)

    def _put(self, doc: Communique) -> None:
        self._pending[doc.id] = doc
        self._deletes.discard(doc.id)

    # -- one file ------------------------------------------------------------------------

    def index_file(self, given: str) -> str:
        """Index one file; returns its status (one of FILE_STATUSES)."""
        real = os.path.realpath(given)
        status = self._index_file(given, real)
        self.summary.files[status] += 1
        if len(self._pending) + len(self._deletes) >= self.batch_size:
            self.flush()
        return status

    def _reject(self, given: str, real: str, sha: str, reason: str) -> str:
        self.summary.rejected.append((given, reason))
        self.ledger.set_file(real, given, sha, "rejected", reason, 0)
        return "rejected"

    def _index_file(self, given: str, real: str) -> str:
        from .readers import RecordError, read_path

        if not os.path.isfile(real):
            reason = "no such file" if not os.path.exists(real) else "not a regular file"
            self.summary.rejected.append((given, reason))
            return "rejected"
        try:
            data = Path(real).read_bytes()
        except OSError as exc:
            return self._reject(given, real, "", f"cannot open: {exc.strerror or exc}")
        sha = hashlib.sha256(data).hexdigest()
        before = self.ledger.file(real)
        if before and before[0] == sha and before[1] == "indexed":
            return "unchanged"
        docs: list[Communique] = []
        problem = None
        try:
            for doc in read_path(given):
                docs.append(doc)
        except RecordError as exc:
            # The good records of a multi-document file are kept; the bad ones are reported.
            problem = exc.reason
            self.summary.rejected.append((given, problem))
        except ReadError as exc:
            self._forget_records(real, keep=set())
            return self._reject(given, real, sha, exc.reason)
        outcomes = []
        keys = set()
        for doc in docs:
            key = _record_key(real, doc)
            keys.add(key)
            outcomes.append(self._index_record(self.analyse(doc), key, real))
        self._forget_records(real, keep=keys)
        self.ledger.set_file(real, given, sha, "indexed", problem, len(docs))
        if before and before[1] == "indexed":
            return "updated"
        if outcomes and all(o == "duplicate" for o in outcomes):
            return "duplicate"
        return "indexed"

    def _index_record(self, doc: Communique, key: str, real: str) -> str:
        doc.content_hash = content_hash(doc)
        previous = self.ledger.record(key)
        if previous and previous[1] == doc.content_hash:
            return "unchanged"
        # The record's old document can keep its id only if this record was its sole source.
        reuse_id = None
        if previous:
            known = self.ledger.doc(previous[0])
            if known and known[1] == [previous[2]]:
                reuse_id = previous[0]
            else:
                self._detach(previous[0], previous[2])
        owner = self.ledger.doc_by_hash(doc.content_hash)
        stored = self._stored(owner[0]) if owner else None
        if owner and stored is not None:
            if reuse_id:
                self._detach(reuse_id, previous[2])
            doc_id, sources = owner
            if doc.source not in sources:
                sources.append(doc.source)
            stored.sources = sources
            self.ledger.set_doc(doc_id, doc.content_hash, sources)
            self.ledger.set_record(key, real, doc_id, doc.content_hash, doc.source)
            self._put(stored)
            self.summary.duplicate_records += 1
            return "duplicate"
        doc.id = reuse_id or document_id(key)
        doc.sources = [doc.source]
        self.ledger.set_doc(doc.id, doc.content_hash, doc.sources)
        self.ledger.set_record(key, real, doc.id, doc.content_hash, doc.source)
        self._put(doc)
        if previous:
            self.summary.updated_documents += 1
            return "updated"
        self.summary.new_documents += 1
        return "indexed"

    def _detach(self, doc_id: str, source: str) -> None:
        """Remove `source` from a document; delete the document when no source is left."""
        known = self.ledger.doc(doc_id)
        if known is None:
            return
        content, sources = known
        sources = [s for s in sources if s != source]
        if sources:
            self.ledger.set_doc(doc_id, content, sources)
            stored = self._stored(doc_id)
            if stored is not None:
                stored.sources = sources
                self._put(stored)
        else:
            self.ledger.drop_doc(doc_id)
            self._pending.pop(doc_id, None)
            self._deletes.add(doc_id)
            self.summary.removed_documents += 1

    def _forget_records(self, real: str, keep: set[str]) -> None:
        """Records a file no longer holds (an item dropped from a feed, a file now unreadable)."""
        for key, doc_id, source in self.ledger.records_of(real):
            if key not in keep:
                self.ledger.drop_record(key)
                self._detach(doc_id, source)


def index_paths(paths: Iterable[str], engine, ledger: Ledger, batch_size: int = 200,
                progress: Callable[[Iterable[str], int], Iterable[str]] | None = None,
                analyse: Callable[[Communique], Communique] | None = None) -> IndexSummary:
    """Index every file named by `paths`; see the module docstring."""
    files = list(expand_paths(paths))
    indexer = Indexer(engine, ledger, batch_size=batch_size, analyse=analyse)
    iterable = progress(files, len(files)) if progress else files
    try:
        for path in iterable:
            indexer.index_file(path)
    except KeyboardInterrupt:
        indexer.summary.interrupted = True
    indexer.flush()
    return indexer.summary
