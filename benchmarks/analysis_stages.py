"""Documents/s of each analysis stage and of the whole analysis, over a corpus.

    python benchmarks/analysis_stages.py [PATH] [--limit N]

Reads the files with the real readers (reading time reported apart), then runs
every stage of indexer.analysis.STAGES in order, timing each.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NSB  # noqa: E402
from indexer.analysis import STAGES  # noqa: E402
from indexer.pipeline import expand_paths  # noqa: E402
from indexer.readers import read_path  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=str(NSB))
    parser.add_argument("--limit", type=int, default=0, help="stop after this many files")
    args = parser.parse_args()
    files = list(expand_paths([args.path]))
    if args.limit:
        files = files[: args.limit]
    started = time.perf_counter()
    docs = [doc for path in files for doc in read_path(path)]
    read_s = time.perf_counter() - started
    print(f"read {len(files)} files, {len(docs)} documents in {read_s:.1f} s ({len(docs) / read_s:.0f} docs/s)")
    # warm the lazily built tables on one document so their load time is reported apart
    started = time.perf_counter()
    for _, stage in STAGES:
        stage(docs[0])
    print(f"loading models and gazetteers: {time.perf_counter() - started:.2f} s")
    total = 0.0
    for name, stage in STAGES:
        started = time.perf_counter()
        for doc in docs:
            stage(doc)
        elapsed = time.perf_counter() - started
        total += elapsed
        print(f"{name:<24} {elapsed:7.2f} s  {len(docs) / elapsed:9.0f} docs/s")
    print(f"{'whole analysis':<24} {total:7.2f} s  {len(docs) / total:9.0f} docs/s")


if __name__ == "__main__":
    main()
