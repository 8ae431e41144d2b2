"""How near the embedded engine's estimated facet counts come to the exact ones, and what they cost.

    python benchmarks/facet_estimates.py --data-dir DIR [--rounds 2]

For searches matching many versions (past EXACT_FACETS, where every facet count
is an estimate), each shown value's communiqués are counted exactly (the
distinct group numbers of what the search and the value match, up to 64,000)
and compared with what the engine shows, estimated in two ways: over
everything the search matches (HyperLogLog per value) and from a sample of
whole communiqués (`facets.SAMPLED_VERSIONS`, the default past 100,000 matching
versions). Prints the time of a state's first search each way (the best of
`--rounds`) and the relative error of the shown counts (values of 20
communiqués and more): median, p90, p99 and the largest, with the worst values.
Run it on an archive of 147k or 1M documents (`grow_archive.py`).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import tantivy  # noqa: E402

import archive.facets as facets  # noqa: E402
from archive.config import load_config  # noqa: E402
from archive.engines import open_engine  # noqa: E402
from archive.request import SearchRequest  # noqa: E402

REQUESTS = [
    SearchRequest.create(q="Schweiz"),
    SearchRequest.create(q='"Conseil fédéral"'),
    SearchRequest.create(q="NOT Bundesrat"),
    SearchRequest.create(q="energia OR energie"),
    SearchRequest.create(q="Bundesrat"),
    SearchRequest.create(q="Schweiz", filters={"country": ["DE"]}),
]
MOST_EXACT = 64_000  # tantivy refuses an aggregation of more buckets


def exact_count(engine, searcher, request: SearchRequest, facet: str, value: str) -> int | None:
    """The communiqués `request` matches under `value` of `facet` (counted without the facet's own filter),
    None past MOST_EXACT."""
    main = engine.compiler.main(request)
    query = engine.compiler.narrow(main, request, skip=facet) if request.selected(facet) else \
        engine.compiler.narrow(main, request)
    value_query = tantivy.Query.term_set_query(engine.schema, facet, [value])
    holding = tantivy.Query.boolean_query([(tantivy.Occur.Must, query), (tantivy.Occur.Must, value_query)])
    found = searcher.aggregate(holding, {"g": {"terms": {"field": "group_key", "size": MOST_EXACT}}})["g"]["buckets"]
    return None if len(found) >= MOST_EXACT else len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    engine = open_engine(load_config(overrides={"DATA_DIR": args.data_dir, "ENGINE": "tantivy"}))
    engine.keep_results(False)
    searcher, _ = engine._snapshot()
    print(f"documents: {engine.count()}; sample of {facets.SAMPLED_VERSIONS:,} versions past "
          f"{facets.SAMPLED_VERSIONS / facets.SAMPLED_AT_MOST:,.0f} matching")
    sampling = facets.SAMPLED_AT_MOST
    errors: dict[str, list[tuple]] = {"over everything": [], "sampled": []}
    for request in REQUESTS:
        shown, took = {}, {}
        for way, at_most in (("over everything", 0.0), ("sampled", sampling)):
            facets.SAMPLED_AT_MOST = at_most
            best = None
            for _ in range(max(1, args.rounds)):
                engine.forget_counts()
                started = time.perf_counter()
                result = engine.search(request)
                spent = (time.perf_counter() - started) * 1000
                best = spent if best is None else min(best, spent)
            shown[way], took[way] = result, best
        facets.SAMPLED_AT_MOST = sampling
        print(f"{request.q or '(everything)'!s:24} {shown['sampled'].versions_total:>9,} versions: "
              f"over everything {took['over everything']:7.1f} ms, sampled {took['sampled']:7.1f} ms")
        for facet in shown["sampled"].facets:
            values = {v.value for way in shown for v in shown[way].facets[facet]}
            for value in sorted(values):
                exact = exact_count(engine, searcher, request, facet, value)
                if exact is None or exact < 20:
                    continue
                for way, result in shown.items():
                    count = next((v.count for v in result.facets[facet] if v.value == value), None)
                    if count is not None:
                        errors[way].append((abs(count - exact) / exact, request.q, facet, value, exact, count))
    for way, found in errors.items():
        found.sort()
        ratios = [e[0] for e in found]
        print(f"{way}: {len(found)} shown counts against exact, relative error median "
              f"{100 * statistics.median(ratios):.1f} %, p90 {100 * ratios[int(0.9 * len(ratios))]:.1f} %, "
              f"p99 {100 * ratios[int(0.99 * len(ratios))]:.1f} %, largest {100 * ratios[-1]:.1f} %")
        for error, q, facet, value, exact, count in found[-3:]:
            print(f"    {q!s:20} {facet}={value}: {count:,} shown, {exact:,} exact ({100 * error:.1f} %)")


if __name__ == "__main__":
    main()
