"""The ingest pipeline composed in one place: find files → read → analyse → dedupe → engine.

`index_paths` accounts for every file it is given (indexed, updated,
unchanged, moved, duplicate, rejected with a reason), and for the files
indexed before under the given paths that are gone (missing; removed with
`prune`), and writes in batches: the
engine first, then the ledger, so an interrupted run resumes cleanly. Files
are read and analysed by indexer.work (in worker processes; large JSON files
in parts, saved as they come); a file that fails is rejected with a reason in
the summary and its traceback in the error log, and the run goes on.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .fingerprint import analysis_fingerprint
from .ledger import Ledger
from .limits import DEFAULT_LIMITS, Limits
from .model import Communique, added_key, added_time
from .paths import expand_paths, shown
from .work import FILES_PER_WORKER, Prepared, check_file, content_hash, is_large_stream, prepare, prepared_in_order

FILE_STATUSES = ("indexed", "updated", "unchanged", "moved", "duplicate", "rejected")
__all__ = ["FILE_STATUSES", "IndexSummary", "Indexer", "content_hash", "document_id", "expand_paths",
           "index_paths", "prepare", "record_key"]


def utc_now() -> str:
    """Now, as documents' `added` times are written (UTC, to the millisecond)."""
    return added_time(int(time.time() * 1000))


BATCH_SIZE = 1000  # documents per engine write: the default of ARCHIVE_INDEX_BATCH_SIZE (archive.config)


@dataclass
class IndexSummary:
    files: dict[str, int] = field(default_factory=lambda: {s: 0 for s in FILE_STATUSES})
    new_documents: int = 0
    updated_documents: int = 0
    reanalysed_documents: int = 0  # the same text, analysed again by a newer analysis
    duplicate_records: int = 0
    removed_documents: int = 0
    withheld_records: int = 0  # records whose document was removed (archive remove): the same text stays out
    missing_sources: list[str] = field(default_factory=list)  # files indexed before, gone now, not pruned
    pruned_sources: list[str] = field(default_factory=list)  # such files whose documents were taken out (--prune)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (path as shown, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path as shown, reason): links not followed
    engine_errors: list[tuple[str, str]] = field(default_factory=list)  # (doc id, reason)
    interrupted: bool = False
    error_log: str | None = None  # where tracebacks of unexpected failures were written

    @property
    def total_files(self) -> int:
        return sum(self.files.values())

    def to_dict(self) -> dict:
        return {
            "files": dict(self.files, total=self.total_files),
            "documents": {"new": self.new_documents, "updated": self.updated_documents,
                          "analysed_again": self.reanalysed_documents,
                          "duplicates_merged": self.duplicate_records, "removed": self.removed_documents,
                          "withheld": self.withheld_records},
            "sources": {"missing": self.missing_sources, "pruned": self.pruned_sources},
            "rejected": [{"path": p, "reason": r} for p, r in self.rejected],
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "engine_errors": [{"id": i, "reason": r} for i, r in self.engine_errors],
            "interrupted": self.interrupted,
            "error_log": self.error_log,
        }


def document_id(record_key: str) -> str:
    """A stable id for the document first read from `record_key`."""
    return hashlib.sha256(record_key.encode("utf-8")).hexdigest()[:20]


def record_key(real_path: str, doc: Communique) -> str:
    """Where a record comes from: the file's real path, plus its key inside the file."""
    _, sep, key = doc.source.partition("#")
    return real_path + (sep + key if sep else "")


class Indexer:
    """Runs the pipeline against one engine and one ledger."""

    def __init__(self, engine, ledger: Ledger, batch_size: int = BATCH_SIZE,
                 analyse: Callable[[Communique], Communique] | None = None,
                 limits: Limits = DEFAULT_LIMITS, error_log: str | Path | None = None,
                 analysis_id: str | None = None):
        if analyse is None:
            from .analysis import analyze as analyse
        self.engine = engine
        # files analysed otherwise, or read with other JSON keys, are read and analysed again
        self.analysis_id = analysis_id or analysis_fingerprint() + (
            "+" + hashlib.sha256(repr(limits.json_fields).encode()).hexdigest()[:8] if limits.json_fields else "")
        self.ledger = ledger
        self.batch_size = batch_size
        self.analyse = analyse
        # the engine's work that workers can do for it (a module-level function, sent to them by name)
        self.finish = getattr(engine, "prepare_in_worker", None)
        self.limits = limits
        self.error_log = Path(error_log) if error_log else None
        self.summary = IndexSummary()
        self._pending: dict[str, Communique] = {}
        self._last_stamp = ledger.newest_added_key()
        self._deletes: set[str] = set()
        self._streaming: dict[str, tuple[set[str], tuple | None]] = {}  # file -> (its keys so far, ledger row before)

    # -- batches -------------------------------------------------------------------------

    def flush(self) -> None:
        """Write pending documents to the engine, then commit the ledger."""
        try:
            if self._deletes:
                self.engine.delete(sorted(self._deletes - set(self._pending)))
            if self._pending:
                now = self._stamp()
                for doc in self._pending.values():
                    doc.added = self.ledger.added_at(doc.id, now)
                report = self.engine.index(list(self._pending.values()))
                self.summary.engine_errors.extend(report.errors)
            self.ledger.commit()
        except BaseException:
            self.ledger.rollback()
            raise
        finally:
            self._pending.clear()
            self._deletes.clear()

    def _stamp(self) -> str:
        """The `added` time of the batch written now: later than every batch before, even within one
        millisecond or when the clock steps back, so a batch is never "as old" as one seen before it."""
        key = max(added_key(utc_now()), self._last_stamp + 1)
        self._last_stamp = key
        return added_time(key)

    def _stored(self, doc_id: str) -> Communique | None:
        return self._pending.get(doc_id) or self.engine.get(doc_id)

    def _put(self, doc: Communique) -> None:
        # one person, one facet value: every transliteration is shown as the archive first saw it
        doc.persons = list(dict.fromkeys(self.ledger.person_form(name) for name in doc.persons))
        self._pending[doc.id] = doc
        self._deletes.discard(doc.id)

    # -- one file ------------------------------------------------------------------------

    def index_file(self, given: str) -> str:
        """Index one whole file in this process; returns its status (one of FILE_STATUSES)."""
        checked = self.check(given)
        return self.apply(prepare(given, self.analyse, checked.sha, self.limits, self.finish) if checked.needs_reading else checked)

    def check(self, given: str) -> Prepared:
        """The outcome for a file that needs no reading (missing, unchanged, too large), else one that `needs_reading`."""
        checked = check_file(given, self.limits)
        if checked.status:
            return checked
        before = self.ledger.file(shown(checked.real))
        if before and before[0] == checked.sha and before[1] == "indexed" and before[3] == self.analysis_id:
            return Prepared(given, checked.real, checked.sha, status="unchanged")
        return checked

    def analysed_now(self, real: str) -> bool:
        """Whether the documents the ledger holds for file `real` were made by this analysis (so a
        record whose text has not changed can be skipped)."""
        row = self.ledger.file(real)
        return bool(row) and row[3] == self.analysis_id

    def apply(self, prepared: Prepared) -> str | None:
        """Record a prepared file (or part) in the engine (batched) and the ledger.

        Returns the file's status, or None for a part that is not its file's last.
        """
        status = self._apply(prepared)
        if status:
            self.summary.files[status] += 1
        if prepared.trace:
            self._log_failure(prepared)
        if status is None or len(self._pending) + len(self._deletes) >= self.batch_size:
            self.flush()  # a streamed file's part is saved at once: an interrupted file resumes from it
        return status

    def _log_failure(self, p: Prepared) -> None:
        if self.error_log is None:
            return
        self.error_log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.error_log, "a", encoding="utf-8") as log:
            log.write(f"== {time.strftime('%Y-%m-%d %H:%M:%S')} {p.shown}: {p.reason}\n{p.trace}\n")
        self.summary.error_log = str(self.error_log)

    def _apply(self, p: Prepared) -> str | None:
        if p.status == "unchanged":
            return "unchanged"
        real = shown(p.real)
        if p.docs is None and not p.part > 1:  # the file could not be read
            self.summary.rejected.append((p.shown, p.reason))
            self._streaming.pop(real, None)
            if p.sha:
                self._forget_records(real, keep=set())
                self.ledger.set_file(real, p.shown, p.sha, "rejected", p.reason, 0)
            return "rejected"
        moved = False
        if real not in self._streaming and self.ledger.file(real) is None and p.sha:
            old = self.ledger.vanished_file_with(p.sha)
            if old:  # the same file under a new name: its documents follow it
                self._move(old, real, p.shown)
                moved = True
        keys, before = self._streaming.pop(real, None) or (set(), self.ledger.file(real))
        current = not before or before[3] == self.analysis_id
        outcomes = []
        for doc in p.docs or []:
            doc.source = shown(doc.source)
            key = record_key(real, doc)
            keys.add(key)
            outcomes.append(self._index_record(doc, key, real, current))
        keys.update(p.unchanged)
        outcomes += ["unchanged"] * len(p.unchanged)
        if not p.last:
            self._streaming[real] = (keys, before)
            # Saved parts count as analysed now only if the file's other records were too: a run
            # that re-analyses an old file and is interrupted starts that file over.
            self.ledger.set_file(real, p.shown, p.sha, "partial", None, len(keys),
                                 self.analysis_id if current else before[3])
            return None
        if p.reason:  # some records were bad, or a streamed file stopped part way; the good ones stay
            self.summary.rejected.append((p.shown, p.reason))
        self._forget_records(real, keep=keys)
        self.ledger.set_file(real, p.shown, p.sha, "indexed", p.reason, len(keys), self.analysis_id)
        if moved:
            return "moved"
        if before and before[1] == "indexed":  # ("partial": a first run that was interrupted)
            return "updated"
        if outcomes and all(o == "duplicate" for o in outcomes):
            return "duplicate"
        return "indexed"

    def _index_record(self, doc: Communique, key: str, real: str, current: bool = True) -> str:
        """Record one document read from `key`; `current`: the file's documents were made by this
        analysis (else a record whose text has not changed is analysed again and replaced)."""
        parent = None
        if doc.attached_to:  # an attachment: linked to its message's document, read just before it
            parent = self.ledger.record(record_key(real, Communique(source=doc.attached_to, text="")))
            doc.attached_to = parent[0] if parent else None
        outcome = self._record(doc, key, real, current)
        if parent:
            self._link_attachment(parent[0], key, self.ledger.record(key))
        return outcome

    def _link_attachment(self, parent_id: str, key: str, record) -> None:
        """Give the message's document the id of the document its attachment became."""
        parent = self._stored(parent_id)
        number = key.rsplit("att-", 1)[-1]
        if parent is None or record is None or not number.isdigit() or not 0 < int(number) <= len(parent.attachments):
            return
        entry = parent.attachments[int(number) - 1]
        if parent.attachment_links.get(entry) != record[0]:
            parent.attachment_links = {**parent.attachment_links, entry: record[0]}
            self._put(parent)

    def _record(self, doc: Communique, key: str, real: str, current: bool = True) -> str:
        doc.content_hash = doc.content_hash or content_hash(doc)
        previous = self.ledger.record(key)
        if previous and previous[1] == doc.content_hash:
            return "unchanged" if current else self._analysed_again(doc, previous)
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
        if self.ledger.removed_text(doc.content_hash):  # a removed document read again, from any file
            if reuse_id:  # the record's old text goes; the removed one does not come back
                self._detach(reuse_id, previous[2])
            if previous:
                self.ledger.drop_record(key)
            self.summary.withheld_records += 1
            return "unchanged"
        doc.id = reuse_id or self._free_id(key, doc.content_hash)
        doc.sources = [doc.source]
        self.ledger.set_doc(doc.id, doc.content_hash, doc.sources)
        self.ledger.set_record(key, real, doc.id, doc.content_hash, doc.source)
        self._put(doc)
        if previous:
            self.summary.updated_documents += 1
            return "updated"
        self.summary.new_documents += 1
        return "indexed"

    def _free_id(self, key: str, text_hash: str) -> str:
        """The id a record's new document gets: made from its key, unless a live document (a file moved
        away, a duplicate that outlived this record) or a removed one holds it already."""
        doc_id = document_id(key)
        salt = 0
        while self.ledger.doc(doc_id) is not None or self.ledger.removed(doc_id) or doc_id in self._pending:
            salt += 1
            doc_id = document_id(f"{key}\n{text_hash}\n{salt}")
        return doc_id

    def _analysed_again(self, doc: Communique, previous: tuple[str, str, str]) -> str:
        """The same text, analysed by a newer analysis: it replaces the stored document (only from the
        document's first source, whose reading made it)."""
        doc_id, _, source = previous
        known = self.ledger.doc(doc_id)
        if not known or known[1][:1] != [source]:
            return "unchanged"
        doc.id, doc.sources = doc_id, known[1]
        self._put(doc)
        self.summary.reanalysed_documents += 1
        return "updated"

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

    def _move(self, old: str, new: str, new_shown: str) -> None:
        """A file renamed or moved: its records, documents' sources and ledger entry follow it."""
        renamed: dict[str, str] = {}
        for key, doc_id, source in self.ledger.records_of(old):
            _, sep, inner = source.partition("#")
            new_source = new_shown + sep + inner
            renamed[source] = new_source
            found = self.ledger.record(key)
            self.ledger.drop_record(key)
            self.ledger.set_record(new + key[len(old):], new, doc_id, found[1], new_source)
        for doc_id in {doc_id for _, doc_id, _ in self.ledger.records_of(new)}:
            known = self.ledger.doc(doc_id)
            if known is None:
                continue
            sources = [renamed.get(s, s) for s in known[1]]
            self.ledger.set_doc(doc_id, known[0], sources)
            stored = self._stored(doc_id)
            if stored is not None:
                stored.sources, stored.source = sources, renamed.get(stored.source, stored.source)
                self._put(stored)
        self.ledger.move_file(old, new, new_shown)

    def missing_sources(self, paths: Iterable[str], prune: bool) -> None:
        """Files recorded under `paths` (literal paths, not globs) that are gone: counted, or with
        `prune` forgotten, their documents removed (a document with another source only loses this one)."""
        import glob
        import os

        for given in paths:
            if glob.has_magic(given):
                if prune:
                    self.summary.skipped.append((shown(given), "a pattern: vanished files are pruned only under "
                                                              "a file or folder named as it is"))
                continue
            if not os.path.lexists(given):
                if prune and self.ledger.files_under(shown(os.path.realpath(given))):
                    self.summary.skipped.append((shown(given), "not found (a folder unmounted or renamed?): "
                                                              "its documents were not pruned"))
                continue
            for path in self.ledger.files_under(shown(os.path.realpath(given))):
                if "\\" in path or os.path.lexists(path):
                    continue  # (a name shown with escapes cannot be checked on disk: never pruned)
                if prune:
                    self._forget_records(path, keep=set())
                    self.ledger.drop_file(path)
                    self.summary.pruned_sources.append(path)
                else:
                    self.summary.missing_sources.append(path)

    def _forget_records(self, real: str, keep: set[str]) -> None:
        """Records a file no longer holds (an item dropped from a feed, a file now unreadable)."""
        for key, doc_id, source in self.ledger.records_of(real):
            if key not in keep:
                self.ledger.drop_record(key)
                self._detach(doc_id, source)


def index_paths(paths: Iterable[str], engine, ledger: Ledger, batch_size: int = BATCH_SIZE,
                progress: Callable[[Iterable[str], int], object] | None = None,
                analyse: Callable[[Communique], Communique] | None = None,
                workers: int = 1, limits: Limits = DEFAULT_LIMITS, error_log: str | Path | None = None,
                follow_links: bool = False, analysis_id: str | None = None, prune: bool = False) -> IndexSummary:
    """Index every file named by `paths`; see the module docstring.

    `workers` > 1 reads and analyses files in that many processes (only with the
    standard analysis: a custom `analyse` runs in this process). Unexpected
    failures are logged with their traceback in `error_log`.
    """
    paths = list(paths)
    skipped: list[tuple[str, str]] = []
    files = list(expand_paths(paths, follow_links=follow_links, skipped=skipped))
    indexer = Indexer(engine, ledger, batch_size=batch_size, analyse=analyse, limits=limits, error_log=error_log,
                      analysis_id=analysis_id)
    indexer.summary.skipped = [(shown(p), reason) for p, reason in skipped]
    if analyse is not None:
        workers = 1
    # A worker loads the language models and gazetteers (seconds) before its first
    # file: only worth it for larger runs (many files, or a file large enough to be read in parts).
    if workers > 1 and len(files) < workers * FILES_PER_WORKER and not any(is_large_stream(f, limits) for f in files):
        workers = max(1, min(workers, len(files) // FILES_PER_WORKER))
    bar = progress(files, len(files)) if progress else None
    try:
        for prepared in prepared_in_order(indexer, files, workers):
            status = indexer.apply(prepared)
            if bar is not None:
                if status:
                    bar.update(1)
                elif hasattr(bar, "set_postfix_str"):
                    bar.set_postfix_str(f"{prepared.shown}: part {prepared.part} saved", refresh=True)
        indexer.missing_sources(paths, prune)
    except KeyboardInterrupt:
        indexer.summary.interrupted = True
    finally:
        if bar is not None:
            bar.close()
    indexer.flush()
    return indexer.summary
