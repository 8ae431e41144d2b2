"""What the date histogram and the world map add to a search page, measured in pairs.

    python benchmarks/page_parts.py --data-dir DIR [--engine tantivy] [--rounds 15]

The same URLs as benchmarks/search_page.py are rendered in this process
(Flask's test client: no HTTP, so the difference is not lost in the noise of
sockets), each round once with everything, once without the map (its shapes
neither drawn nor its countries counted in full) and once without the map and
the histogram, in turn, so that a slower moment of this shared machine hits
all three alike. Printed: the page time of each variant and the paired
differences (median and p95 over every URL and round).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import signed_in_client, summarise  # noqa: E402
from benchmarks.search_page import URLS  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--engine", default="tantivy")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()

    from archive.app import create_app
    from archive.web import search as search_view

    keep = (search_view.build_histogram, search_view._worldmap, search_view.MAP_FACETS,
            search_view.HISTOGRAM_FACETS)

    def variant(name: str) -> None:
        (search_view.build_histogram, search_view._worldmap, search_view.MAP_FACETS,
         search_view.HISTOGRAM_FACETS) = keep
        if name in ("no map", "neither"):
            search_view._worldmap, search_view.MAP_FACETS = (lambda *a: None), ()
        if name == "neither":
            search_view.build_histogram, search_view.HISTOGRAM_FACETS = (lambda *a, **k: None), ()

    app = create_app({"DATA_DIR": args.data_dir, "ENGINE": args.engine})
    client = signed_in_client(app)
    names = ("everything", "no map", "neither")
    times: dict[str, list[float]] = {n: [] for n in names}
    for url in URLS:  # warm up, and check every page answers 200
        for name in names:
            variant(name)
            assert client.get(url).status_code == 200, url
    for _ in range(args.rounds):
        for url in URLS:
            for name in names:
                variant(name)
                started = time.perf_counter()
                client.get(url).get_data()
                times[name].append((time.perf_counter() - started) * 1000)
    variant("everything")
    print(f"engine: {args.engine}; {len(URLS)} URLs x {args.rounds} rounds, in process")
    for name in names:
        print(f"{name:>10}: {summarise(times[name])}")

    def paired(a: str, b: str) -> str:
        diffs = sorted(x - y for x, y in zip(times[a], times[b]))
        p95 = diffs[max(0, int(round(0.95 * len(diffs))) - 1)]
        return f"median {statistics.median(diffs):+.1f} ms, p95 {p95:+.1f} ms"
    print(f"the map adds: {paired('everything', 'no map')}")
    print(f"the histogram adds: {paired('no map', 'neither')}")
    print(f"both add: {paired('everything', 'neither')}")


if __name__ == "__main__":
    main()
