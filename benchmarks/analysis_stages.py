"""Documents/s of each analysis stage and of the whole analysis, over a corpus.

    python benchmarks/analysis_stages.py [PATH] [--limit N]

The same figures as `archive evaluate --throughput PATH`: reads the files with
the real readers (reading time reported apart), then runs every stage of
indexer.analysis.STAGES in order, timing each.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.evaluate import format_stage_times, time_stages  # noqa: E402
from benchmarks.common import NSB  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=str(NSB))
    parser.add_argument("--limit", type=int, default=0, help="stop after this many files")
    args = parser.parse_args()
    print(format_stage_times(time_stages([args.path], args.limit)))


if __name__ == "__main__":
    main()
