"""Median and p95 engine time of faceted searches over an indexed data folder, beside the raw floor.

    python benchmarks/search_engine.py --data-dir DIR [--engine tantivy|elasticsearch] [--rounds 20]

Index first with benchmarks/index_corpus.py --data-dir DIR. Every search asks
for all facets; the set mixes words, phrases, filters, exclusions and sorting.

On the embedded engine it also times the floor: the fewest tantivy calls that
could answer the same request with the same query (one search for the page's
hits with the total, one aggregation of every facet's values counted by
language version, the page's stored documents read), in turn with the real
search. The ratio of the two is the figure to watch: what grouping versions
into communiqués, counting communiqués, snippets and the rest cost.

Every engine keeps each search state's counts until the index changes (the
embedded engine in its process, the clusters in their shard request cache):
every search is timed first with those counts forgotten (a state searched for
the first time) and then again (the same state: another page, another order,
a user coming back to it).
"""
from __future__ import annotations

import argparse
import statistics
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
    floor = raw_floor(engine) if args.engine == "tantivy" else None
    if args.engine == "tantivy":
        forget = engine.forget_counts
    else:  # the cluster's shard request cache, emptied (needs `manage` on the index)
        def forget():
            engine.api.indices.clear_cache(index=engine.alias, request=True)
    times, repeated, floors = [], [], []
    for _ in range(args.rounds):
        for req in REQUESTS:
            if forget:
                forget()
            started = time.perf_counter()
            engine.search(req)
            times.append((time.perf_counter() - started) * 1000)
            if forget:
                started = time.perf_counter()
                engine.search(req)
                repeated.append((time.perf_counter() - started) * 1000)
            if floor:
                started = time.perf_counter()
                floor(req)
                floors.append((time.perf_counter() - started) * 1000)
    print("faceted search, all facets:", summarise(times))
    if repeated:
        print("the same state again:      ", summarise(repeated))
    if floors:
        print("raw tantivy floor:         ", summarise(floors))
        print(f"ratio: median {statistics.median(times) / statistics.median(floors):.1f}x, "
              f"p95 {percentile(times, 95) / percentile(floors, 95):.1f}x")
        if repeated:
            again = statistics.median(repeated) / statistics.median(floors)
            print(f"ratio, the same state again: median {again:.1f}x, "
                  f"p95 {percentile(repeated, 95) / percentile(floors, 95):.1f}x")
    engine.close()


def percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(p / 100 * len(ordered))) - 1)]


def raw_floor(engine):
    """The request answered with the fewest tantivy calls (see the module docstring)."""
    from archive.facets import NAMES, counted

    def answer(request: SearchRequest) -> None:
        query = engine.compiler.narrow(engine.compiler.main(request), request)
        searcher = engine._searcher()
        found = searcher.search(query, request.per_page, count=True, offset=request.offset)
        searcher.aggregate(query, {f: {"terms": {"field": f, "size": counted(request, f)}}
                                   for f in NAMES if f in request.facets})
        for _, address in found.hits:
            searcher.doc(address)
    return answer


if __name__ == "__main__":
    main()
