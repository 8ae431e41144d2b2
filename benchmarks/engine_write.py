"""Engine write rate alone: analysed documents copied from a tantivy data folder into a fresh engine.

    python benchmarks/engine_write.py --from-data-dir DIR [--engine tantivy|elasticsearch] [--batch 200]

Reading and analysis are left out (see index_corpus.py for the whole pipeline):
this is what the engine itself takes to store and make searchable the documents.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.config import load_config  # noqa: E402
from archive.engines import open_engine  # noqa: E402
from archive.engines.tantivy_engine import TantivyEngine  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--from-data-dir", required=True)
    parser.add_argument("--engine", default="tantivy")
    parser.add_argument("--index", default="bench-write", help="Elasticsearch alias to write to")
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    docs = list(TantivyEngine(Path(args.from_data_dir) / "tantivy").iter_documents())
    target_dir = tempfile.mkdtemp(prefix="archive-write-")
    engine = open_engine(load_config(overrides={"DATA_DIR": target_dir, "ENGINE": args.engine,
                                                "ELASTICSEARCH_INDEX": args.index}))
    started = time.perf_counter()
    for i in range(0, len(docs), args.batch):
        report = engine.index(docs[i:i + args.batch])
        assert not report.errors, report.errors[:3]
    elapsed = time.perf_counter() - started
    print(f"engine: {args.engine}; {engine.count()} documents written in {elapsed:.1f} s "
          f"({len(docs) / elapsed:.0f} documents/s, batches of {args.batch}, searchable after each)")
    if args.engine == "elasticsearch":
        engine.drop()
    engine.close()


if __name__ == "__main__":
    main()
