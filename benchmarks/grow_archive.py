"""Grow an archive for measuring at scale: an indexed data folder's documents written N times over.

    python benchmarks/grow_archive.py --from-data-dir DIR --to-data-dir BIG [--copies 20] [--batch 2000]

Copy k of a document gets the id `ID~k`, its translation group `GROUP~k`, and its
date moved k years back, so an archive of NSB's 2024 grows into twenty years
of communiqués (the date histogram and the year facet see a long archive, not
one year twenty times). Texts and entity values stay as they are: the number of
distinct people and organisations does not grow as in a real archive, so facet
aggregations over those are cheaper here than they would be.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.engines.tantivy_engine import TantivyEngine  # noqa: E402


def moved(date: str | None, years: int) -> str | None:
    if not date or not date[:4].isdigit():
        return date
    year = int(date[:4]) - years
    day = date[4:]
    if day.startswith("-02-29"):  # not every year has it
        day = "-02-28" + day[6:]
    return f"{year:04d}{day}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--from-data-dir", required=True)
    parser.add_argument("--to-data-dir", required=True)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--batch", type=int, default=2000)
    args = parser.parse_args()
    docs = list(TantivyEngine(Path(args.from_data_dir) / "tantivy").iter_documents())
    target = TantivyEngine(Path(args.to_data_dir) / "tantivy")
    started = time.perf_counter()
    batch = []
    for k in range(args.copies):
        for doc in docs:
            batch.append(replace(doc, id=f"{doc.id}~{k}" if k else doc.id, date=moved(doc.date, k),
                                 translation_group=(f"{doc.translation_group}~{k}"
                                                    if doc.translation_group and k else doc.translation_group)))
            if len(batch) >= args.batch:
                target.index(batch)
                batch = []
        print(f"copy {k + 1}/{args.copies}: {target.count():,} documents, {time.perf_counter() - started:.0f} s",
              flush=True)
    if batch:
        target.index(batch)
    print(f"{target.count():,} documents in {time.perf_counter() - started:.0f} s")
    target.close()


if __name__ == "__main__":
    main()
