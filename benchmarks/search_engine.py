"""Median and p95 engine time of faceted searches over an indexed data folder.

    python benchmarks/search_engine.py --data-dir DIR [--engine tantivy|elasticsearch] [--rounds 20]

Index first with benchmarks/index_corpus.py --data-dir DIR. Every search asks
for all facets; the set mixes words, phrases, filters, exclusions and sorting.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.config import load_config  # noqa: E402
from archive.engines import open_engine  # noqa: E402
from archive.request import SearchRequest  # noqa: E402
from benchmarks.common import summarise  # noqa: E402

REQUESTS = [
    SearchRequest.create(),
    SearchRequest.create(q="Schweiz"),
    SearchRequest.create(q="Bundesrat Ukraine"),
    SearchRequest.create(q='"Conseil fédéral"'),
    SearchRequest.create(q="energia OR energie", sort="date"),
    SearchRequest.create(q="sanctions", filters={"language": ["en", "fr"]}),
    SearchRequest.create(filters={"country": ["CH", "DE"]}, exclusions={"language": ["de"]}),
    SearchRequest.create(q="migra*", date_from="2024-03", date_to="2024-09"),
    SearchRequest.create(q="Ukraine", filters={"country": ["UA"], "year": ["2024"]}, page=3),
    SearchRequest.create(q="NOT Bundesrat", sort="date_asc"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--engine", default="tantivy")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    engine = open_engine(load_config(overrides={"DATA_DIR": args.data_dir, "ENGINE": args.engine}))
    print(f"engine: {args.engine}, documents: {engine.count()}")
    for req in REQUESTS:  # warm caches once
        engine.search(req)
    times = []
    for _ in range(args.rounds):
        for req in REQUESTS:
            started = time.perf_counter()
            engine.search(req)
            times.append((time.perf_counter() - started) * 1000)
    print("faceted search, all facets:", summarise(times))
    engine.close()


if __name__ == "__main__":
    main()
