"""The real indexer over an archive that grows to a million documents: time, memory and disk as it goes.

    python benchmarks/index_growth.py --copies N --corpus-dir SRC --data-dir DIR [--every 60] [--workers 2]

Writes N copies of the NSB corpus under SRC (once; kept for later runs), each a
year earlier than the one before and under other message ids, with "[k] " before
every title so that no copy is a duplicate of another (the indexer merges
communiqués of equal title and text), then indexes SRC the way `archive index
SRC` does: one run of the pipeline over every file, the worker processes reading
and analysing, the engine writing in this process. 137 copies are 302,770 files
and about 1,004,000 documents (5.4 GB of XML).

Every `--every` seconds it prints the documents written so far, the rate over
the last interval, the resident memory of this process and of each worker
process (read from /proc: Linux only) and the data folder's size on disk, so
that memory can be seen to stay flat (or not) while the archive grows. Unlike
benchmarks/grow_archive.py, which writes analysed documents again, every
document goes through reading, language detection, entity extraction and terms.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.config import load_config  # noqa: E402
from archive.engines import open_engine  # noqa: E402
from benchmarks.common import NSB, children, folder_bytes, resident_kib  # noqa: E402
from indexer.ledger import Ledger  # noqa: E402
from indexer.pipeline import index_paths  # noqa: E402

_MESSAGE_ID = re.compile(r'(<message\b[^>]*\bid=")(\d+)(")')
_PUBDATE = re.compile(r"(<pubdate>)(\d{4})(-)")
_TITLE = re.compile(r"(<title\b[^>]*>)")


def copy_of(xml: str, k: int) -> str:
    """Copy `k` (0: the original) of an NSB file: message ids moved by k million, dates k years earlier,
    "[k] " before each title."""
    if k == 0:
        return xml
    xml = _MESSAGE_ID.sub(lambda m: f"{m[1]}{int(m[2]) + k * 1_000_000}{m[3]}", xml)
    xml = _PUBDATE.sub(lambda m: f"{m[1]}{int(m[2]) - k:04d}{m[3]}", xml)
    return _TITLE.sub(lambda m: f"{m[1]}[{k}] ", xml)


def write_copies(source: Path, target: Path, copies: int) -> int:
    """The corpus's copies under `target` (copy-000, copy-001, …); those written before are kept."""
    files = sorted(source.rglob("*.xml"))
    written = 0
    for k in range(copies):
        folder = target / f"copy-{k:03d}"
        done = folder / ".complete"
        if done.exists():
            continue
        for path in files:
            out = folder / path.relative_to(source)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(copy_of(path.read_text(encoding="utf-8"), k), encoding="utf-8")
            written += 1
        done.write_text("")
    return written


def _disk_mib(folder: Path) -> float:
    return folder_bytes(folder) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=137)
    parser.add_argument("--corpus-dir", required=True, help="where the copies are written (kept)")
    parser.add_argument("--data-dir", required=True, help="a new data folder")
    parser.add_argument("--source", default=str(NSB))
    parser.add_argument("--every", type=float, default=60.0, help="seconds between lines")
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    args = parser.parse_args()

    source, corpus = Path(args.source), Path(args.corpus_dir)
    started = time.perf_counter()
    written = write_copies(source, corpus, args.copies)
    print(f"copies: {args.copies} under {corpus} ({written} files written in {time.perf_counter() - started:.0f} s)",
          flush=True)

    config = load_config(overrides={"DATA_DIR": args.data_dir, "ENGINE": "tantivy"})
    engine = open_engine(config)
    ledger = Ledger(Path(args.data_dir) / "ledger.sqlite")
    documents = [0]  # written so far (each batch the pipeline hands the engine)
    write = engine.index

    def counted(docs, *rest, **kw):
        docs = list(docs)
        documents[0] += len(docs)
        return write(docs, *rest, **kw)
    engine.index = counted

    finished = threading.Event()
    me = os.getpid()
    peak = {"main": 0.0, "worker": 0.0}

    def report():
        last_time, last_docs = time.perf_counter(), 0
        print("minutes  documents  docs/s  main MiB  workers MiB  disk MiB", flush=True)
        while not finished.wait(args.every):
            now, docs = time.perf_counter(), documents[0]
            main_rss = resident_kib(me) / 1024
            workers = [r / 1024 for r in map(resident_kib, children(me)) if r]
            peak["main"] = max(peak["main"], main_rss)
            peak["worker"] = max([peak["worker"], *workers])
            print(f"{(now - begun) / 60:7.1f}  {docs:9,}  {(docs - last_docs) / (now - last_time):6.1f}  "
                  f"{main_rss:8.0f}  {' '.join(f'{r:.0f}' for r in workers):>11}  {_disk_mib(Path(args.data_dir)):8.0f}",
                  flush=True)
            last_time, last_docs = now, docs

    begun = time.perf_counter()
    reporter = threading.Thread(target=report, daemon=True)
    reporter.start()
    try:
        summary = index_paths([str(corpus)], engine, ledger, batch_size=config["INDEX_BATCH_SIZE"],
                              workers=args.workers)
    finally:
        finished.set()
        reporter.join()
    elapsed = time.perf_counter() - begun
    count = engine.count()
    engine.close()
    ledger.close()
    print(f"files: {summary.total_files} {summary.files}")
    print(f"documents in the index: {count:,}; {elapsed / 60:.1f} minutes, {count / elapsed:.1f} documents/s")
    print(f"largest resident memory seen: main process {peak['main']:.0f} MiB, a worker {peak['worker']:.0f} MiB")
    print(f"data folder: {_disk_mib(Path(args.data_dir)):.0f} MiB")


if __name__ == "__main__":
    main()
