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
FILES_PER_WORKER = 50


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


def record_key(real_path: str, doc: Communique) -> str:
    """Where a record comes from: the file's real path, plus its key inside the file."""
    _, sep, key = doc.source.partition("#")
    return real_path + (sep + key if sep else "")


@dataclass
class Prepared:
    """A file read and analysed (possibly in a worker process), ready to be applied."""

    given: str
    real: str
    sha: str
    docs: list[Communique] | None = None  # None: unreadable
    reason: str | None = None  # why it was rejected, or which of its records were
    status: str | None = None  # set when no reading was needed

    @property
    def needs_reading(self) -> bool:
        return self.status is None and self.docs is None and self.reason is None


def prepare(given: str, analyse: Callable[[Communique], Communique] | None = None,
            sha: str | None = None) -> Prepared:
    """Read and analyse one file. Pure: touches neither ledger nor engine, so it runs in workers.

    `sha` is the file's hash when the caller has already computed it.
    """
    from .readers import RecordError, read_path

    if analyse is None:
        from .analysis import analyze as analyse
    real = os.path.realpath(given)
    if sha is None:
        try:
            sha = hashlib.sha256(Path(real).read_bytes()).hexdigest()
        except OSError as exc:
            return Prepared(given, real, "", reason=f"cannot open: {exc.strerror or exc}")
    docs: list[Communique] = []
    reason = None
    try:
        for doc in read_path(given):
            docs.append(doc)
    except RecordError as exc:
        reason = exc.reason
    except ReadError as exc:
        return Prepared(given, real, sha, reason=exc.reason)
    for doc in docs:
        analyse(doc)
        doc.content_hash = content_hash(doc)
    return Prepared(given, real, sha, docs=docs, reason=reason)


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
        """Index one file in this process; returns its status (one of FILE_STATUSES)."""
        checked = self.check(given)
        return self.apply(prepare(given, self.analyse, checked.sha) if checked.needs_reading else checked)

    def check(self, given: str) -> Prepared:
        """The outcome for a file that needs no reading (missing, unchanged), else one that `needs_reading`."""
        real = os.path.realpath(given)
        if not os.path.isfile(real):
            reason = "no such file" if not os.path.exists(real) else "not a regular file"
            return Prepared(given, real, "", reason=reason, status="rejected")
        try:
            sha = hashlib.sha256(Path(real).read_bytes()).hexdigest()
        except OSError as exc:
            return Prepared(given, real, "", reason=f"cannot open: {exc.strerror or exc}", status="rejected")
        before = self.ledger.file(real)
        if before and before[0] == sha and before[1] == "indexed":
            return Prepared(given, real, sha, status="unchanged")
        return Prepared(given, real, sha)

    def apply(self, prepared: "Prepared") -> str:
        """Record a prepared file in the engine (batched) and the ledger."""
        status = self._apply(prepared)
        self.summary.files[status] += 1
        if len(self._pending) + len(self._deletes) >= self.batch_size:
            self.flush()
        return status

    def _apply(self, p: "Prepared") -> str:
        if p.status == "unchanged":
            return "unchanged"
        if p.docs is None:  # the file could not be read
            self.summary.rejected.append((p.given, p.reason))
            if p.sha:
                self._forget_records(p.real, keep=set())
                self.ledger.set_file(p.real, p.given, p.sha, "rejected", p.reason, 0)
            return "rejected"
        if p.reason:  # some records of a multi-document file were bad; the good ones go on
            self.summary.rejected.append((p.given, p.reason))
        before = self.ledger.file(p.real)
        outcomes = []
        keys = set()
        for doc in p.docs:
            key = record_key(p.real, doc)
            keys.add(key)
            outcomes.append(self._index_record(doc, key, p.real))
        self._forget_records(p.real, keep=keys)
        self.ledger.set_file(p.real, p.given, p.sha, "indexed", p.reason, len(p.docs))
        if before and before[1] == "indexed":
            return "updated"
        if outcomes and all(o == "duplicate" for o in outcomes):
            return "duplicate"
        return "indexed"

    def _index_record(self, doc: Communique, key: str, real: str) -> str:
        doc.content_hash = doc.content_hash or content_hash(doc)
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


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which stops cleanly and says how to resume."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _prepared_in_order(indexer: Indexer, files: list[str], workers: int) -> Iterator[Prepared]:
    """Prepared files in input order; reading and analysis run in `workers` processes.

    At most a few files per worker are in flight, so memory stays flat however
    many files a run has.
    """
    if workers <= 1:
        for given in files:
            checked = indexer.check(given)
            yield prepare(given, indexer.analyse, checked.sha) if checked.needs_reading else checked
        return
    import collections
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    window: collections.deque = collections.deque()
    context = multiprocessing.get_context("spawn")  # no fork of a process holding index files
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_ignore_interrupts) as pool:
        try:
            for given in files:
                checked = indexer.check(given)
                window.append(pool.submit(prepare, given, None, checked.sha) if checked.needs_reading else checked)
                while len(window) > workers * 4:
                    item = window.popleft()
                    yield item if isinstance(item, Prepared) else item.result()
            while window:
                item = window.popleft()
                yield item if isinstance(item, Prepared) else item.result()
        except BaseException:
            for item in window:
                if not isinstance(item, Prepared):
                    item.cancel()
            raise


def index_paths(paths: Iterable[str], engine, ledger: Ledger, batch_size: int = 200,
                progress: Callable[[Iterable[str], int], Iterable[str]] | None = None,
                analyse: Callable[[Communique], Communique] | None = None,
                workers: int = 1) -> IndexSummary:
    """Index every file named by `paths`; see the module docstring.

    `workers` > 1 reads and analyses files in that many processes (only with the
    standard analysis: a custom `analyse` runs in this process).
    """
    files = list(expand_paths(paths))
    indexer = Indexer(engine, ledger, batch_size=batch_size, analyse=analyse)
    if analyse is not None:
        workers = 1
    # A worker loads the language models and gazetteers (seconds) before its first
    # file: only worth it for larger runs.
    workers = max(1, min(workers, len(files) // FILES_PER_WORKER))
    bar = progress(files, len(files)) if progress else None
    try:
        for prepared in _prepared_in_order(indexer, files, workers):
            indexer.apply(prepared)
            if bar is not None:
                bar.update(1)
    except KeyboardInterrupt:
        indexer.summary.interrupted = True
    finally:
        if bar is not None:
            bar.close()
    indexer.flush()
    return indexer.summary
