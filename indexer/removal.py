"""Taking documents out of the archive: `archive remove` (by id or by source file).

A removed document leaves the engine and the ledger's records; the ledger
keeps a tombstone (id, text hash, title, when, by whom, why), so that its
page answers 410 Gone, reading the same text again keeps it out, and its id
is never given to another text (indexer.pipeline). Each removal is a JSON
line in `removals.log` in the data folder.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

from .ledger import Ledger
from .model import Communique
from .paths import shown


class NothingToRemove(LookupError):
    """An id or a source that names no document in the archive."""


def documents_to_remove(engine, ledger: Ledger, ids=(), sources=(), translations: bool = False) -> list[Communique]:
    """The stored documents named by `ids` and read from the files `sources` (with their other language
    versions when `translations`), each once; `NothingToRemove` names what matched nothing."""
    wanted = list(dict.fromkeys(ids))
    for path in sources:
        found = {doc_id for _, doc_id, _ in ledger.records_of(shown(os.path.realpath(path)))}
        if not found:
            raise NothingToRemove(f"no document was read from {path}")
        wanted += sorted(found - set(wanted))
    docs: dict[str, Communique] = {}
    for doc_id in wanted:
        doc = engine.get(doc_id)
        if doc is None:
            raise NothingToRemove(f"{doc_id}: " + ("removed already" if ledger.removed(doc_id) else "no such document"))
        docs[doc.id] = doc
    if translations:
        for doc in list(docs.values()):
            for other in engine.translations(doc):
                docs.setdefault(other.id, other)
    return list(docs.values())


def remove_documents(engine, ledger: Ledger, docs: list[Communique], by: str, reason: str | None = None,
                     log: str | Path | None = None) -> None:
    """Take `docs` out of the engine and the ledger, keep their tombstones, and log the removal.

    The tombstones are saved first: if the engine fails after them, the same command removes the
    documents still in the engine when run again."""
    for doc in docs:
        ledger.remove_doc(doc.id, doc.content_hash, doc.title or "(untitled)", by, reason)
    ledger.commit()
    engine.delete([doc.id for doc in docs])
    if log is not None:
        with open(log, "a", encoding="utf-8") as handle:
            for doc in docs:
                handle.write(json.dumps({"at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "by": by, "id": doc.id,
                                         "title": doc.title, "sources": doc.sources, "reason": reason},
                                        ensure_ascii=False) + "\n")
