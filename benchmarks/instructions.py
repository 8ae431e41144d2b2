"""Work per search page or per new search, counted in machine instructions: a figure the machine's noise
does not move.

    python benchmarks/instructions.py --data-dir DIR [--what pages|searches] [--rounds 3]

On a shared machine the same code's times move by a fifth or more from one run to the next, so a
change that saves a tenth cannot be told apart by timing it. This runs the work under valgrind's
callgrind (Debian's `valgrind` package), which counts the instructions executed, in every thread:
once with a warm-up only and once with the warm-up and `--rounds` rounds, and prints the
difference per page or per search.

- `pages`: the twelve search pages of benchmarks/search_page.py in process (Flask's test client,
  signed in), the same states every round (what a page costs when its parts are kept).
- `searches`: the ten searches of benchmarks/search_engine.py on the embedded engine, each a
  state's first search (its counts, pages and marks forgotten).

Under callgrind the work runs about fifty times slower: a run takes a few minutes on NSB.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def work(data_dir: str, what: str, rounds: int) -> None:
    """The measured work itself (run under callgrind by `main`)."""
    if what == "pages":
        from archive.app import create_app
        from benchmarks.common import signed_in_client
        from benchmarks.search_page import URLS

        client = signed_in_client(create_app({"DATA_DIR": data_dir, "ENGINE": "tantivy"}))
        for _ in range(2 + rounds):  # two rounds of warm-up: every part drawn and kept
            for url in URLS:
                response = client.get(url)
                if response.status_code != 200:
                    raise SystemExit(f"{url}: HTTP {response.status_code}")
    else:
        from archive.config import load_config
        from archive.engines import open_engine
        from benchmarks.search_engine import REQUESTS

        engine = open_engine(load_config(overrides={"DATA_DIR": data_dir, "ENGINE": "tantivy"}))
        for request in REQUESTS:  # warm-up: tables loaded, the index read once
            engine.search(request)
        for _ in range(rounds):
            for request in REQUESTS:
                engine.forget_counts()
                engine.search(request)
        engine.close()


def count(data_dir: str, what: str, rounds: int) -> int:
    """Instructions executed by `work` with `rounds` rounds, the interpreter's start included."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
               sys.executable, __file__, "--data-dir", data_dir, "--what", what, "--rounds", str(rounds), "--work"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if not found:
        raise SystemExit("callgrind printed no count:\n" + done.stderr[-2000:])
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--what", choices=("pages", "searches"), default="pages")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", action="store_true", help=argparse.SUPPRESS)  # the run under callgrind
    args = parser.parse_args()
    if args.work:
        work(args.data_dir, args.what, args.rounds)
        return
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    from benchmarks.search_engine import REQUESTS
    from benchmarks.search_page import URLS

    base = count(args.data_dir, args.what, 0)
    measured = count(args.data_dir, args.what, args.rounds)
    items = args.rounds * (len(URLS) if args.what == "pages" else len(REQUESTS))
    print(f"{args.what}: {items} measured, {(measured - base) / items / 1e6:.2f} million instructions each "
          f"(callgrind; {base / 1e9:.2f} billion for the start and warm-up)")


if __name__ == "__main__":
    main()
