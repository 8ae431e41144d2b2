"""Grow an archive for measuring at scale: an indexed data folder's documents written N times over.

    python benchmarks/grow_archive.py --from-data-dir DIR --to-data-dir BIG [--copies 20] [--batch 2000]
                                      [--new-entities 0.5] [--to-engine tantivy|elasticsearch|opensearch]
                                      [--untranslated LANGUAGE]

Copy k of a document gets the id `ID~k`, its translation group `GROUP~k`, and its
date moved k years back, so an archive of NSB's 2024 grows into twenty years
of communiqués (the date histogram and the year facet see a long archive, not
one year twenty times).

People, organisations and places grow as in a real archive: in each copy after
the first, a share of the values (`--new-entities`, half by default) is
replaced by a value of that copy's own ("Anna Muster" -> "Anna Muster 7"),
the same one in every document of the copy that names it, so those are new
people and bodies who recur within their year; the 100 most frequent values of
each facet are never replaced (the heads of government and the big offices
stay). NSB's 7,329 documents twenty times over then hold about ten times NSB's
distinct people and organisations, not the same number. Texts stay as they are
(snippets and the matched words do not change), so a replaced name is in the
facets and the result rows but not in the text. `--new-entities 0` writes exact
copies.

`--untranslated de` grows an archive without translations instead: of each
communiqué only its first version in that language is kept (communiqués
without one are left out), as a version of its own (no translation group).

`--to-engine elasticsearch` (or opensearch) writes the copies to that cluster
instead, configured as `archive` is (ARCHIVE_ELASTICSEARCH_URL, its index alias
ARCHIVE_ELASTICSEARCH_INDEX, credentials...); the source is always an embedded
engine's data folder.
"""
from __future__ import annotations

import argparse
import calendar
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.collapse import group_of  # noqa: E402
from archive.config import load_config  # noqa: E402
from archive.engines import open_engine  # noqa: E402
from archive.engines.tantivy_engine import TantivyEngine  # noqa: E402
from archive.terms import share_index_terms  # noqa: E402


def moved(date: str | None, years: int) -> str | None:
    if not date or not date[:4].isdigit():
        return date
    year = int(date[:4]) - years
    day = date[4:]
    if day.startswith("-02-29") and not calendar.isleap(year):
        day = "-02-28" + day[6:]
    return f"{year:04d}{day}"


ENTITY_FIELDS = ("persons", "organisations", "places")
KEPT_MOST_FREQUENT = 100


def renamer(docs, share: float):
    """A function (document, copy) -> the entity lists of that copy (see the module docstring)."""
    import collections
    import hashlib

    keep = set()
    for field in ENTITY_FIELDS:
        counts = collections.Counter(v for doc in docs for v in getattr(doc, field))
        keep |= {(field, v) for v, _ in counts.most_common(KEPT_MOST_FREQUENT)}

    def replaced(field: str, value: str, k: int) -> bool:
        digest = hashlib.blake2b(f"{field}\0{value}\0{k}".encode(), digest_size=4).digest()
        return (field, value) not in keep and int.from_bytes(digest, "big") / 2**32 < share

    def lists(doc, k: int) -> dict[str, list[str]]:
        if not k or not share:
            return {}
        return {field: list(dict.fromkeys(f"{v} {k}" if replaced(field, v, k) else v for v in getattr(doc, field)))
                for field in ENTITY_FIELDS}
    return lists


def untranslated(docs, language: str) -> list:
    """The first version in `language` of each communiqué that has one, as a communiqué of its own."""
    seen: set[str] = set()
    kept = []
    for doc in docs:
        group = group_of(doc)
        if doc.language == language and group not in seen:
            seen.add(group)
            kept.append(replace(doc, translation_group=None))
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--from-data-dir", required=True)
    parser.add_argument("--to-data-dir", required=True)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--new-entities", type=float, default=0.5,
                        help="share of people, organisations and places replaced by new ones in each copy")
    parser.add_argument("--to-engine", default="tantivy", help="the engine written to (default: the embedded one)")
    parser.add_argument("--untranslated", metavar="LANGUAGE",
                        help="one version of each communiqué, in this language, without translations")
    args = parser.parse_args()
    docs = list(TantivyEngine(Path(args.from_data_dir) / "tantivy").iter_documents())
    if args.untranslated:
        docs = untranslated(docs, args.untranslated)
    entities = renamer(docs, args.new_entities)
    distinct = {field: set() for field in ENTITY_FIELDS}
    target = open_engine(load_config(overrides={"DATA_DIR": args.to_data_dir, "ENGINE": args.to_engine}))
    started = time.perf_counter()
    batch = []
    for k in range(args.copies):
        for doc in docs:
            copy = replace(doc, id=f"{doc.id}~{k}" if k else doc.id, date=moved(doc.date, k),
                           translation_group=(f"{doc.translation_group}~{k}"
                                              if doc.translation_group and k else doc.translation_group),
                           **entities(doc, k))
            share_index_terms(doc, copy)  # made once per text: every copy has the same title, text and language
            for field in ENTITY_FIELDS:
                distinct[field].update(getattr(copy, field))
            batch.append(copy)
            if len(batch) >= args.batch:
                target.index(batch)
                batch = []
        print(f"copy {k + 1}/{args.copies}: {target.count():,} documents, {time.perf_counter() - started:.0f} s",
              flush=True)
    if batch:
        target.index(batch)
    print(f"{target.count():,} documents in {time.perf_counter() - started:.0f} s; distinct values: "
          + ", ".join(f"{field} {len(values):,}" for field, values in distinct.items()))
    target.close()


if __name__ == "__main__":
    main()
