"""Median and p95 time of the search page (HTML, all facets) over HTTP, on any engine.

    python benchmarks/search_page.py --data-dir DIR [--engine tantivy|elasticsearch|opensearch] [--rounds 10]
                                     [--leave-out histogram,map] [--new-states] [--browsing]

Serves the real app with waitress on a free loopback port in this process and
fetches a fixed set of search URLs (words, phrases, facet filters, exclusions,
dates, sorting, deep pages), timing each full response (`--browsing`: pages
without words instead: periods, dates, issuers, subjects). `--leave-out` serves
the pages without the date histogram or the world map, to measure what they
add.

The embedded engine keeps each search state's facet counts until the index
changes, so from the second round on the same URLs are answered without
counting. `--new-states` makes every request a state not seen before (a
distinct `added_after` time in 1971, before any document of an index built by
these benchmarks was added), timing what a search's first visit costs; the
server then keeps no results either (ARCHIVE_RESULT_CACHE off), so each page
loads and marks its documents as a new search's would.
"""
from __future__ import annotations

import argparse
import datetime
import itertools
import socket
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import session_cookie, summarise  # noqa: E402

URLS = [
    "/",
    "/?q=Schweiz",
    "/?q=Bundesrat+Ukraine",
    "/?q=%22Conseil+f%C3%A9d%C3%A9ral%22",
    "/?q=energia+OR+energie&sort=date",
    "/?q=sanctions&language=en&language=fr",
    "/?country=CH&country=DE&not_language=de",
    "/?q=migra*&from=2024-03&to=2024-09",
    "/?q=Ukraine&country=UA&year=2024&page=3",
    "/?q=Turkey",
    "/?q=NOT+Bundesrat&sort=date_asc",
    "/?q=otan&country=TR&country=GB&not_language=de",
]
# Browsing without words (`--browsing`): the landing page, periods, dates, issuers and subjects, as press
# officers page through what an office issued (NSB's values; at 147k each year holds NSB's dates a year back).
BROWSING_URLS = [
    "/",
    "/?year=2024",
    "/?month=2024-05",
    "/?from=2024-03&to=2024-06",
    "/?issuer=Federal+Council",
    "/?issuer=Federal+Statistical+Office&year=2024",
    "/?topic=Security",
    "/?issuer_country=CH&sort=date_asc",
    "/?not_issuer=Federal+Council&page=2",
]


def urls_of(args) -> list[str]:
    return BROWSING_URLS if args.browsing else URLS


_LONG_AGO = datetime.datetime(1971, 1, 1)
_STATES = itertools.count()  # next() is atomic under the GIL: the load generator's threads share it


def new_state(url: str) -> str:
    """`url` as a search state not asked for before, with the same results (every document was added later)."""
    added_after = _LONG_AGO + datetime.timedelta(seconds=next(_STATES))
    return f"{url}{'&' if '?' in url else '?'}added_after={added_after.isoformat()}Z"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--engine", default="tantivy")
    parser.add_argument("--index", default=None, help="cluster alias (default: the configured one)")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--leave-out", default="", help="comma-separated: histogram, map")
    parser.add_argument("--new-states", action="store_true", help="every request a search state not seen before")
    parser.add_argument("--browsing", action="store_true", help="browsing URLs (no words) instead of searches")
    args = parser.parse_args()
    fresh = new_state if args.new_states else (lambda url: url)
    left_out = {part.strip() for part in args.leave_out.split(",") if part.strip()}
    if left_out - {"histogram", "map"}:
        parser.error("--leave-out takes histogram and map")

    from archive.web import search as search_view

    if "histogram" in left_out:  # neither drawn nor its months counted in full
        search_view.build_histogram = lambda *a, **k: None
        search_view.HISTOGRAM_FACETS = ()
    if "map" in left_out:  # neither drawn nor counted in full
        search_view._worldmap = lambda *args: None
        search_view.MAP_FACETS = ()

    import waitress.server

    from archive.serving import served_app

    overrides = {"DATA_DIR": args.data_dir, "ENGINE": args.engine}
    if args.new_states:  # the same results under a new state: loaded and marked afresh, as a new search's
        overrides["RESULT_CACHE"] = False
    if args.index and args.engine != "tantivy":
        overrides[f"{args.engine.upper()}_INDEX"] = args.index
    app = served_app(overrides)  # as `archive serve` runs it
    port = free_port()
    server = waitress.server.create_server(app, host="127.0.0.1", port=port, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    signed_in = {"Cookie": session_cookie(app)}
    for url in urls_of(args):  # warm up, and check every page answers 200
        with urllib.request.urlopen(urllib.request.Request(base + url, headers=signed_in)) as resp:
            assert resp.status == 200, url
    times = []
    for _ in range(args.rounds):
        for url in urls_of(args):
            started = time.perf_counter()
            with urllib.request.urlopen(urllib.request.Request(base + fresh(url), headers=signed_in)) as resp:
                resp.read()
            times.append((time.perf_counter() - started) * 1000)
    print(f"engine: {args.engine}; search page (HTML, all facets), {len(urls_of(args))} "
          f"{'browsing ' if args.browsing else ''}URLs x {args.rounds} rounds; "
          f"left out: {', '.join(sorted(left_out)) or 'nothing'}; "
          f"{'every request a new search state' if args.new_states else 'the same states every round'}")
    print(summarise(times))
    # The server's thread ends with the process: closing its socket under it made it print an
    # OSError (a bad file descriptor) after the figures now and then.


if __name__ == "__main__":
    main()
