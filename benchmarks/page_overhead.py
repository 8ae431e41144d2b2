"""What the search page costs over its engine's searches, in this process.

    python benchmarks/page_overhead.py --data-dir DIR [--engine tantivy] [--rounds 20] [--new-states]

The URLs of benchmarks/search_page.py are asked of the app through Flask's
test client (no HTTP, whose cost depends on the server and the client), signed
in as a benchmark user. For each page it times the whole request and, apart,
the engine's searches made for it (`Engine.search`, every call of the
request); the page overhead is the difference: parsing the URL, the session
and user, history and saved searches, building the page's views, rendering
and the response. Printed: the median and p95 of the page, of its engine time
and of the overhead. `--new-states` makes every request a state not seen
before (see search_page.py), with results not kept (ARCHIVE_RESULT_CACHE off).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import signed_in_client, summarise  # noqa: E402
from benchmarks.search_page import URLS, new_state  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--engine", default="tantivy")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--new-states", action="store_true", help="every request a search state not seen before")
    args = parser.parse_args()
    fresh = new_state if args.new_states else (lambda url: url)

    from archive.app import create_app
    from archive.web.engine import get_engine

    config = {"DATA_DIR": args.data_dir, "ENGINE": args.engine}
    if args.new_states:
        config["RESULT_CACHE"] = False
    app = create_app(config)
    client = signed_in_client(app)
    with app.app_context():
        engine = get_engine()
    searching = [0.0]
    search = engine.search

    def timed_search(request):
        started = time.perf_counter()
        try:
            return search(request)
        finally:
            searching[0] += time.perf_counter() - started
    engine.search = timed_search

    for url in URLS:  # warm up, and check every page answers 200
        assert client.get(fresh(url)).status_code == 200, url
    pages, engine_times, overheads = [], [], []
    for _ in range(args.rounds):
        for url in URLS:
            searching[0] = 0.0
            started = time.perf_counter()
            client.get(fresh(url)).get_data()
            page = (time.perf_counter() - started) * 1000
            pages.append(page)
            engine_times.append(searching[0] * 1000)
            overheads.append(page - searching[0] * 1000)
    print(f"engine: {args.engine}; {len(URLS)} URLs x {args.rounds} rounds, in process; "
          f"{'every request a new search state' if args.new_states else 'the same states every round'}")
    print(f"page:     {summarise(pages)}")
    print(f"engine:   {summarise(engine_times)}")
    print(f"overhead: {summarise(overheads)}")


if __name__ == "__main__":
    main()
