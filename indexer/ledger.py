"""The ingest ledger: what was read from where, so runs can be repeated and resumed.

A small SQLite file beside the index remembers, per input file, its content
hash and outcome (or the reason it was rejected), per record the document it
became, and per document its content hash and every source it came from.
Engine writes happen before the ledger commits, and document ids are derived
from the record, so a run interrupted anywhere can simply be started again:
nothing is lost and nothing is duplicated.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,       -- resolved absolute path
    given TEXT NOT NULL,         -- the path as the user gave it
    sha256 TEXT NOT NULL,
    status TEXT NOT NULL,        -- indexed | partial | rejected
    reason TEXT,
    records INTEGER NOT NULL DEFAULT 0,
    updated_at REAL NOT NULL,
    analysis TEXT                -- fingerprint of the analysis that made its documents (indexer.fingerprint)
);
CREATE TABLE IF NOT EXISTS records (
    record_key TEXT PRIMARY KEY, -- resolved path + '#' + key within the file
    path TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source TEXT NOT NULL         -- the source as given when it was read
);
CREATE INDEX IF NOT EXISTS records_path ON records(path);
CREATE INDEX IF NOT EXISTS records_doc ON records(doc_id);
CREATE INDEX IF NOT EXISTS files_sha ON files(sha256);
CREATE TABLE IF NOT EXISTS person_forms (
    match_key TEXT PRIMARY KEY,  -- names.person_match_key
    form TEXT NOT NULL           -- the written form the archive shows for every spelling with this key
);
CREATE TABLE IF NOT EXISTS removed (
    doc_id TEXT PRIMARY KEY,     -- a document taken out of the archive (archive remove): never reused
    content_hash TEXT NOT NULL,  -- the text it had: the same text read again stays out
    title TEXT NOT NULL,
    removed_at REAL NOT NULL,
    removed_by TEXT NOT NULL,
    reason TEXT
);
CREATE TABLE IF NOT EXISTS added (
    doc_id TEXT PRIMARY KEY,     -- a document id, and when it was first written to the engine:
    at TEXT NOT NULL             -- updates keep it, so "new since" means a communiqué new to the archive
);
CREATE TABLE IF NOT EXISTS docs (
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    sources TEXT NOT NULL        -- JSON list of sources as given
);
CREATE INDEX IF NOT EXISTS removed_hash ON removed(content_hash);
"""


UNKNOWN_ADDED = "1970-01-01T00:00:00.000Z"  # documents indexed before the archive kept this: never "new"


class Ledger:
    def __init__(self, path: str | Path):
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), isolation_level="DEFERRED")
        had_added = self.db.execute("SELECT 1 FROM sqlite_master WHERE name='added'").fetchone() is not None
        self.db.executescript(SCHEMA)
        if not had_added:  # a ledger from before: its documents were there already, they are not new
            self.db.execute("INSERT OR IGNORE INTO added(doc_id, at) SELECT doc_id, ? FROM docs", (UNKNOWN_ADDED,))
        self._people: tuple[dict[str, str], dict[str, set[str]]] | None = None
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(files)")}
        if "analysis" not in columns:  # a ledger from before fingerprints: its files are analysed again
            self.db.execute("ALTER TABLE files ADD COLUMN analysis TEXT")
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    def commit(self) -> None:
        self.db.commit()

    def rollback(self) -> None:
        self.db.rollback()
        self._people = None  # forms read again from what was committed

    def newest_added_key(self) -> int:
        """The newest `added` time written so far, as `archive.dates.added_key` (0: none)."""
        from .model import added_key

        return max((added_key(at) for (at,) in self.db.execute("SELECT at FROM added ORDER BY at DESC LIMIT 1")),
                   default=0)

    def added_at(self, doc_id: str, now: str) -> str:
        """When `doc_id` was first written (`now` if this is the first time)."""
        self.db.execute("INSERT OR IGNORE INTO added(doc_id, at) VALUES (?, ?)", (doc_id, now))
        return self.db.execute("SELECT at FROM added WHERE doc_id=?", (doc_id,)).fetchone()[0]

    # people
    def person_form(self, name: str) -> str:
        """The form the archive shows for this person: the first spelling indexed. A later spelling
        shows it too when it is a transliteration of it (same `person_match_key`), or when it holds all
        the words of one shorter name seen before, two at least, and no other ("Anna Muster Beispiel"
        after "Anna Muster"; also "Oberst Anna Muster", a role the finder failed to cut). A shorter
        name after a longer one stays apart (the longer may carry a wrong word), and a surname alone
        is never joined: it could be anyone's."""
        from indexer.analysis.names import person_match_key

        forms, by_word = self._person_forms()
        key = person_match_key(name)
        if key in forms:
            return forms[key]
        words = set(key.split())
        form = name
        if len(words) >= 2:
            candidates = set().union(*(by_word.get(w, set()) for w in words))
            related = {forms[k] for k in candidates if len(set(k.split())) >= 2 and set(k.split()) < words}
            if len(related) == 1:
                form = related.pop()
        forms[key] = form
        for word in words:
            by_word.setdefault(word, set()).add(key)
        self.db.execute("INSERT OR REPLACE INTO person_forms(match_key, form) VALUES (?, ?)", (key, form))
        return form

    def _person_forms(self) -> tuple[dict[str, str], dict[str, set[str]]]:
        if self._people is None:
            forms = dict(self.db.execute("SELECT match_key, form FROM person_forms").fetchall())
            by_word: dict[str, set[str]] = {}
            for key in forms:
                for word in key.split():
                    by_word.setdefault(word, set()).add(key)
            self._people = (forms, by_word)
        return self._people

    # files
    def file(self, path: str) -> tuple[str, str, str | None, str | None] | None:
        """(sha256, status, reason, analysis fingerprint) of a file seen before."""
        return self.db.execute("SELECT sha256, status, reason, analysis FROM files WHERE path=?", (path,)).fetchone()

    def set_file(self, path: str, given: str, sha256: str, status: str, reason: str | None, records: int,
                 analysis: str | None = None) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO files(path, given, sha256, status, reason, records, updated_at, analysis)"
            " VALUES (?,?,?,?,?,?,?,?)", (path, given, sha256, status, reason, records, time.time(), analysis))

    def rejected(self) -> list[tuple[str, str]]:
        return self.db.execute(
            "SELECT given, reason FROM files WHERE reason IS NOT NULL ORDER BY given").fetchall()

    def file_counts(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT status, COUNT(*) FROM files GROUP BY status").fetchall())

    def vanished_file_with(self, sha256: str) -> str | None:
        """The path of an indexed file with this content that no longer exists (a file renamed or moved)."""
        for (path,) in self.db.execute("SELECT path FROM files WHERE sha256=? AND status='indexed'", (sha256,)):
            if "\\" not in path and not os.path.lexists(path):  # (escaped names cannot be checked on disk)
                return path
        return None

    def files_under(self, folder: str) -> list[str]:
        """The paths of the files recorded at or under `folder` (a range of the path index, not a scan)."""
        prefix = folder.rstrip("/") + "/"
        return [path for (path,) in self.db.execute(
            "SELECT path FROM files WHERE path = ? OR (path >= ? AND path < ?)", (folder, prefix, prefix[:-1] + "0"))]

    def move_file(self, old: str, new: str, given: str) -> None:
        self.db.execute("UPDATE files SET path=?, given=? WHERE path=?", (new, given, old))

    def drop_file(self, path: str) -> None:
        self.db.execute("DELETE FROM files WHERE path=?", (path,))

    # records
    def records_of_doc(self, doc_id: str) -> list[tuple[str, str, str]]:
        """(record_key, path, source) of every record that made a document."""
        return self.db.execute("SELECT record_key, path, source FROM records WHERE doc_id=?", (doc_id,)).fetchall()

    def record(self, record_key: str) -> tuple[str, str, str] | None:
        """(doc_id, content_hash, source) of a record seen before."""
        return self.db.execute(
            "SELECT doc_id, content_hash, source FROM records WHERE record_key=?", (record_key,)).fetchone()

    def records_of(self, path: str) -> list[tuple[str, str, str]]:
        """(record_key, doc_id, source) of every record read from a file."""
        return self.db.execute(
            "SELECT record_key, doc_id, source FROM records WHERE path=?", (path,)).fetchall()

    def set_record(self, record_key: str, path: str, doc_id: str, content_hash: str, source: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO records VALUES (?,?,?,?,?)",
                        (record_key, path, doc_id, content_hash, source))

    def drop_record(self, record_key: str) -> None:
        self.db.execute("DELETE FROM records WHERE record_key=?", (record_key,))

    # docs
    def doc_by_hash(self, content_hash: str) -> tuple[str, list[str]] | None:
        row = self.db.execute("SELECT doc_id, sources FROM docs WHERE content_hash=?", (content_hash,)).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def doc(self, doc_id: str) -> tuple[str, list[str]] | None:
        """(content_hash, sources) of a document."""
        row = self.db.execute("SELECT content_hash, sources FROM docs WHERE doc_id=?", (doc_id,)).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def set_doc(self, doc_id: str, content_hash: str, sources: list[str]) -> None:
        self.db.execute("DELETE FROM docs WHERE content_hash=? AND doc_id<>?", (content_hash, doc_id))
        self.db.execute("INSERT OR REPLACE INTO docs VALUES (?,?,?)", (doc_id, content_hash, json.dumps(sources)))

    def drop_doc(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM docs WHERE doc_id=?", (doc_id,))

    # removed documents
    def remove_doc(self, doc_id: str, content_hash: str, title: str, by: str, reason: str | None) -> None:
        """Take a document out: its records and entry go, a tombstone stays."""
        self.db.execute("DELETE FROM records WHERE doc_id=?", (doc_id,))
        self.drop_doc(doc_id)
        self.db.execute("INSERT OR REPLACE INTO removed VALUES (?,?,?,?,?,?)",
                        (doc_id, content_hash, title, time.time(), by, reason))

    def removed_text(self, content_hash: str) -> bool:
        """Whether a document with this text was removed (read again from any file, it stays out)."""
        return self.db.execute("SELECT 1 FROM removed WHERE content_hash=?", (content_hash,)).fetchone() is not None

    @staticmethod
    def removal_of(path: str | Path, doc_id: str) -> tuple[str, float, str | None] | None:
        """(title, removed_at, reason) of a removed document, read without writing (the web app reads
        the ledger an indexer may be writing); None when it is not known or cannot be read."""
        try:
            db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
            try:
                return db.execute("SELECT title, removed_at, reason FROM removed WHERE doc_id=?", (doc_id,)).fetchone()
            finally:
                db.close()
        except (sqlite3.Error, ValueError):  # no ledger, one from before removals, or one being written
            return None

    def removed(self, doc_id: str) -> tuple[str, str, float, str, str | None] | None:
        """(content_hash, title, removed_at, removed_by, reason) of a removed document."""
        return self.db.execute("SELECT content_hash, title, removed_at, removed_by, reason FROM removed "
                               "WHERE doc_id=?", (doc_id,)).fetchone()

    def sources_by_folder(self) -> dict[str, int]:
        """Documents per folder of their first source."""
        counts: dict[str, int] = {}
        for (sources,) in self.db.execute("SELECT sources FROM docs"):
            first = json.loads(sources)[0].split("#", 1)[0]
            folder = str(Path(first).parent)
            counts[folder] = counts.get(folder, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
