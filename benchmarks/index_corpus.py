"""Index a corpus (default: the NSB 2024 corpus) into a fresh data folder and print the rate.

    python benchmarks/index_corpus.py [PATH] [--engine tantivy|elasticsearch|opensearch] [--data-dir DIR]

Prints files, documents, seconds, documents/s and peak memory (max RSS).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.config import load_config  # noqa: E402
from archive.engines import open_engine  # noqa: E402
from benchmarks.common import NSB  # noqa: E402
from indexer.ledger import Ledger  # noqa: E402
from indexer.pipeline import index_paths  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=str(NSB))
    parser.add_argument("--engine", default="tantivy")
    parser.add_argument("--data-dir", default=None, help="keep the index here (default: a temporary folder)")
    parser.add_argument("--workers", type=int, default=os.cpu_count(), help="reading/analysis processes")
    args = parser.parse_args()
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="archive-bench-")
    config = load_config(overrides={"DATA_DIR": data_dir, "ENGINE": args.engine})
    engine = open_engine(config)
    if args.engine != "tantivy":
        engine.clear()  # a fresh index behind the alias (the template set up if needed)
    ledger = Ledger(Path(data_dir) / "ledger.sqlite")
    started = time.perf_counter()
    summary = index_paths([args.path], engine, ledger, batch_size=config["INDEX_BATCH_SIZE"],
                          workers=args.workers)
    elapsed = time.perf_counter() - started
    documents = engine.count()
    engine.close()
    ledger.close()
    records = summary.new_documents + summary.updated_documents + summary.duplicate_records
    print(f"engine: {args.engine}, workers: {args.workers}")
    print(f"files: {summary.total_files} {summary.files}")
    print(f"records read: {records}, documents in the index: {documents}, "
          f"duplicates merged: {summary.duplicate_records}")
    print(f"time: {elapsed:.1f} s, {records / elapsed:.1f} records/s, {documents / elapsed:.1f} documents/s")
    mine, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"CPU time: main process (finding files, ledger, engine) {mine.ru_utime + mine.ru_stime:.1f} s, "
          f"worker processes (reading, analysis, terms) {workers.ru_utime + workers.ru_stime:.1f} s")
    print(f"peak memory (max RSS): main process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB, "
          f"largest worker {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB")
    print(f"data folder: {data_dir}")


if __name__ == "__main__":
    main()
