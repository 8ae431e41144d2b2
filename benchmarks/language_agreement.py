"""How the language detector of today compares with langdetect alone, and what each costs.

    python benchmarks/language_agreement.py [PATH] [--show 30]

Reads a corpus (default NSB) with the real readers, normalises each document
and, for every text long enough for the long-text path (short texts go to
py3langid either way), detects its language with langdetect alone (the
detector before fastText) and with `identify` (fastText, langdetect where
fastText is unsure). Prints how many agree, the milliseconds per text of each,
and the texts where they differ (source, declared language, langdetect, today)
so a reader can judge which is right.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NSB  # noqa: E402
from indexer.analysis import language, normalise  # noqa: E402
from indexer.paths import expand_paths  # noqa: E402
from indexer.readers import read_path  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=str(NSB))
    parser.add_argument("--show", type=int, default=30, help="print at most this many differences")
    args = parser.parse_args()
    language.identify("warm up " * 60)  # load the models before timing
    language._langdetect("warm up " * 60)
    long_texts = agree = 0
    old_seconds = new_seconds = 0.0
    differ = []
    for path in expand_paths([args.path]):
        for doc in read_path(path):
            normalise(doc)
            text, letters = language.detection_input(f"{doc.title}\n{doc.text}".strip())
            if letters < language.SHORT_TEXT_LETTERS:
                continue
            long_texts += 1
            started = time.perf_counter()
            old = language._langdetect(text)[0]
            middle = time.perf_counter()
            new = language.identify(text)[0]
            new_seconds += time.perf_counter() - middle
            old_seconds += middle - started
            if old == new:
                agree += 1
            else:
                differ.append((doc.source, doc.declared_language, old, new, " ".join(text[:100].split())))
    print(f"long texts: {long_texts}, same language: {agree}, different: {len(differ)}")
    print(f"langdetect alone: {1000 * old_seconds / max(long_texts, 1):.2f} ms per text; "
          f"today: {1000 * new_seconds / max(long_texts, 1):.2f} ms per text")
    for source, declared, old, new, start in differ[:args.show]:
        print(f"{source}: declared {declared}, langdetect {old}, today {new}: {start}")


if __name__ == "__main__":
    main()
