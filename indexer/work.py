"""Reading and analysing files for the pipeline: one file's failure never stops the others.

`prepare(given)` reads and analyses one file; it touches neither ledger nor
engine, so it runs in worker processes. Anything that goes wrong inside it
(a reader's bug, RecursionError, MemoryError, a decoding error) rejects that
file with a one-line reason and a traceback for the log. Large JSON and JSON
Lines files are not prepared whole: `prepared_in_order` reads them here as a
stream and sends their records to the workers in parts, which the pipeline
saves as they come, so a file of any size shows progress and an interrupted
one resumes where it stopped.
"""
from __future__ import annotations

import collections
import hashlib
import os
import stat
import traceback
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator

from .limits import DEFAULT_LIMITS, Limits
from .model import Communique, ReadError
from .paths import shown

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Indexer

PART_RECORDS = 500  # records of a streamed file analysed and saved together
STREAMED_EXTENSIONS = (".json", ".jsonl", ".ndjson")
FILES_PER_WORKER = 50


@dataclass
class Prepared:
    """A file (or a part of a streamed file) read and analysed, ready to be applied."""

    given: str
    real: str
    sha: str
    docs: list[Communique] | None = None  # None: unreadable
    reason: str | None = None  # why it was rejected, or which of its records were
    status: str | None = None  # set when no reading was needed
    trace: str | None = None  # the traceback of an unexpected failure, for the log
    part: int = 0  # the part of a streamed file (0: a whole file)
    last: bool = True  # the file's last part
    unchanged: list[str] = field(default_factory=list)  # record keys already stored as they are

    @property
    def needs_reading(self) -> bool:
        return self.status is None and self.docs is None and self.reason is None

    @property
    def shown(self) -> str:
        return shown(self.given)


def content_hash(doc: Communique) -> str:
    """Hash of the normalised title and text: equal for exact duplicates."""
    import unicodedata

    text = unicodedata.normalize("NFC", " ".join((doc.title + "\n" + doc.text).split())).casefold()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_hash(real: str) -> str:
    """SHA-256 of a file, read in pieces (never whole)."""
    digest = hashlib.sha256()
    with open(real, "rb") as handle:
        while chunk := handle.read(2**20):
            digest.update(chunk)
    return digest.hexdigest()


def check_file(given: str, limits: Limits) -> Prepared:
    """What can be known before reading: a rejection (not a regular file, too large) or the file's hash."""
    real = os.path.realpath(given)
    try:
        info = os.stat(real)
    except OSError as exc:
        reason = "no such file" if not os.path.lexists(given) else f"cannot open: {exc.strerror or exc}"
        return Prepared(given, real, "", reason=reason, status="rejected")
    if stat.S_ISDIR(info.st_mode):
        return Prepared(given, real, "", reason="a folder, not a file", status="rejected")
    if not stat.S_ISREG(info.st_mode):
        return Prepared(given, real, "", reason="not a regular file", status="rejected")
    if info.st_size > limits.max_file_bytes and not is_streamed(given):
        return Prepared(given, real, "", status="rejected", reason=(
            f"file larger than {limits.max_file_bytes // 2**20} MB (ARCHIVE_MAX_FILE_MB)"))
    try:
        return Prepared(given, real, file_hash(real))
    except OSError as exc:
        return Prepared(given, real, "", reason=f"cannot open: {exc.strerror or exc}", status="rejected")


def is_streamed(given: str) -> bool:
    return os.path.splitext(given)[1].lower() in STREAMED_EXTENSIONS


def is_large_stream(given: str, limits: Limits) -> bool:
    """A JSON or JSON Lines file large enough to be read and saved in parts."""
    try:
        return is_streamed(given) and os.path.getsize(given) > limits.stream_bytes
    except OSError:
        return False


def _failure(exc: BaseException) -> tuple[str, str]:
    """(one-line reason, traceback) for an unexpected failure while preparing a file."""
    message = " ".join(str(exc).split())[:200]
    kind = type(exc).__name__
    if isinstance(exc, RecursionError):
        message = "nested too deeply to read"
    elif isinstance(exc, MemoryError):
        message = "too large to read in memory"
    reason = f"the file could not be read ({kind}: {message})" if message else f"the file could not be read ({kind})"
    return reason, "".join(traceback.format_exception(exc))


def prepare(given: str, analyse: Callable[[Communique], Communique] | None = None,
            sha: str | None = None, limits: Limits = DEFAULT_LIMITS,
            finish: Callable[[Communique], object] | None = None) -> Prepared:
    """Read and analyse one whole file. Pure (no ledger, no engine), so it runs in workers.

    `finish` is the engine's own work on each analysed document that can be done here (its terms,
    see `Engine.prepare_in_worker`), so the process writing the index has less to do."""
    from .readers import RecordError, read_path

    if analyse is None:
        from .analysis import analyze as analyse
    real = os.path.realpath(given)
    if sha is None:
        checked = check_file(given, limits)
        if checked.status:
            return checked
        sha = checked.sha
    docs: list[Communique] = []
    reason = None
    try:
        try:
            docs.extend(read_path(given, limits))
        except RecordError as exc:
            reason = exc.reason
        _analyse_all(docs, analyse, finish)
    except ReadError as exc:
        return Prepared(given, real, sha, reason=exc.reason)
    except Exception as exc:  # noqa: BLE001 - the file boundary: nothing in one file stops the run
        reason, trace = _failure(exc)
        return Prepared(given, real, sha, reason=reason, trace=trace)
    if not docs and reason:
        return Prepared(given, real, sha, reason=reason)
    return Prepared(given, real, sha, docs=docs, reason=reason)


def _analyse_all(docs: list[Communique], analyse: Callable[[Communique], Communique],
                 finish: Callable[[Communique], object] | None) -> None:
    """Analyse each document, hash its text for duplicates, and do the engine's part (`finish`)."""
    for doc in docs:
        analyse(doc)
        doc.content_hash = content_hash(doc)
        if finish is not None:
            finish(doc)
    if _settle is not None:
        _settle()


def analyse_part(docs: list[Communique], analyse: Callable[[Communique], Communique] | None = None,
                 finish: Callable[[Communique], object] | None = None) -> list[Communique] | tuple[str, str]:
    """Analyse records of a streamed file (in a worker); (reason, traceback) if that fails."""
    if analyse is None:
        from .analysis import analyze as analyse
    try:
        _analyse_all(docs, analyse, finish)
        return docs
    except Exception as exc:  # noqa: BLE001 - the file boundary
        return _failure(exc)


def _parts(indexer: "Indexer", checked: Prepared, submit) -> Iterator[Prepared | Future]:
    """The parts of a streamed file: records read here, analysed by `submit`, unchanged ones skipped."""
    from .pipeline import record_key
    from .readers import RecordError, read_path

    given, real, sha = checked.given, checked.real, checked.sha
    number, batch, unchanged, reason = 0, [], [], None
    current = indexer.analysed_now(shown(real))
    records = read_path(given, indexer.limits)
    try:
        while True:
            try:
                doc = next(records, None)
            except RecordError as exc:
                doc, reason = None, exc.reason
            if doc is not None:
                doc.content_hash = content_hash(doc)  # the same before and after analysis
                doc.source = shown(doc.source)
                key = record_key(shown(real), doc)
                previous = indexer.ledger.record(key) if current else None
                if previous and previous[1] == doc.content_hash:
                    unchanged.append(key)
                else:
                    batch.append(doc)
            if doc is None or len(batch) + len(unchanged) >= PART_RECORDS:
                number += 1
                last = doc is None
                part = Prepared(given, real, sha, part=number, last=last, unchanged=unchanged,
                                reason=reason if last else None)
                yield _Pending(part, submit(batch)) if batch else Prepared(**{**part.__dict__, "docs": []})
                batch, unchanged = [], []
                if last:
                    return
    except Exception as exc:  # noqa: BLE001 - the file boundary
        reason, trace = (exc.reason, None) if isinstance(exc, ReadError) else _failure(exc)
        # What was read before the failure is kept; a file that failed before its first record is rejected.
        part = Prepared(given, real, sha, part=number + 1, reason=reason, trace=trace, unchanged=unchanged)
        if batch:
            yield _Pending(part, submit(batch))
        else:
            yield Prepared(**{**part.__dict__, "docs": [] if number or unchanged else None})


@dataclass
class _Pending:
    """A part whose records are being analysed."""

    part: Prepared
    future: Future | list

    def result(self) -> Prepared:
        outcome = self.future.result() if isinstance(self.future, Future) else self.future
        if isinstance(outcome, tuple):
            reason, trace = outcome
            return Prepared(**{**self.part.__dict__, "reason": reason, "trace": trace, "last": True})
        return Prepared(**{**self.part.__dict__, "docs": outcome})


_settle: Callable[[], None] | None = None  # set in worker processes (see indexer.settle)


def _start_worker() -> None:
    """Workers leave Ctrl-C to the main process, which stops cleanly and says how to resume; each
    keeps the cycle collector off its tables once they have loaded."""
    import signal

    from .settle import Settler

    global _settle
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _settle = Settler()


def prepared_in_order(indexer: "Indexer", files: list[str], workers: int) -> Iterator[Prepared]:
    """Prepared files (and parts of streamed ones) in input order.

    Reading and analysis run in `workers` processes; at most a few items per
    worker are in flight, so memory stays flat however many files a run has.
    A worker that dies (killed for memory, say) rejects the files it held, and
    the run goes on in a fresh pool.
    """
    if workers <= 1:
        for given in files:
            checked = indexer.check(given)
            if not checked.needs_reading:
                yield checked
            elif is_large_stream(checked.real, indexer.limits):
                for item in _parts(indexer, checked, lambda docs: analyse_part(docs, indexer.analyse, indexer.finish)):
                    yield item.result() if isinstance(item, _Pending) else item
            else:
                yield prepare(given, indexer.analyse, checked.sha, indexer.limits, indexer.finish)
        return
    yield from _pooled(indexer, files, workers)


def _pooled(indexer: "Indexer", files: list[str], workers: int) -> Iterator[Prepared]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # no fork of a process holding index files
    queue = collections.deque(files)
    while queue:
        window: collections.deque = collections.deque()
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker)
        try:
            broken = False
            for item in _submitted(indexer, queue, pool, window, workers):
                try:
                    yield _result(item)
                except BrokenProcessPool:
                    broken = True
                    yield from _lost(item, window)
                    break
            if not broken:
                return
        except BaseException:
            for item in window:
                future = item.future if isinstance(item, _Pending) else item
                if isinstance(future, Future):
                    future.cancel()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _submitted(indexer: "Indexer", queue: collections.deque, pool, window: collections.deque, workers: int):
    """Submit files from `queue` to `pool`, yielding items in order as the window fills."""
    while queue:
        given = queue.popleft()
        checked = indexer.check(given)
        if not checked.needs_reading:
            window.append(checked)
        elif is_large_stream(checked.real, indexer.limits):
            for item in _parts(indexer, checked, lambda docs: pool.submit(analyse_part, docs, None, indexer.finish)):
                window.append(item)
                while len(window) > workers * 4:
                    yield window.popleft()
        else:
            window.append((given, pool.submit(prepare, given, None, checked.sha, indexer.limits, indexer.finish), checked))
        while len(window) > workers * 4:
            yield window.popleft()
    while window:
        yield window.popleft()


def _result(item) -> Prepared:
    if isinstance(item, Prepared):
        return item
    if isinstance(item, _Pending):
        return item.result()
    given, future, checked = item
    return future.result()


def _lost(item, window: collections.deque) -> Iterator[Prepared]:
    """The items a dead worker pool held: rejected, to be tried again by the next run."""
    reason = "the worker process reading it died (out of memory?); run again to retry"
    for lost in [item, *window]:
        if isinstance(lost, Prepared):
            yield lost
        elif isinstance(lost, _Pending):
            yield Prepared(**{**lost.part.__dict__, "reason": reason, "last": True})
        else:
            _, _, checked = lost
            yield Prepared(checked.given, checked.real, checked.sha, reason=reason)
    window.clear()
