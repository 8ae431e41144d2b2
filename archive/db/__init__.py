"""The archive's own state (users, sign-in failures, later saved searches) in a relational database.

SQLAlchemy 2 over SQLite by default (``<instance>/archive.sqlite3``) or any URL
in ``ARCHIVE_DATABASE_URL`` (PostgreSQL is tested: ``postgresql+psycopg://…``).
The schema is made and upgraded by Alembic migrations shipped in this package
(``archive/db/migrations``); `Database.upgrade` runs them and is safe to call at
every start: at head it only reads the version.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine as SqlEngine
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"


def utcnow() -> datetime:
    """Now in UTC without a zone, as every timestamp is stored (SQLite keeps no zone)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def database_url(config: dict) -> str:
    if config.get("DATABASE_URL"):
        return config["DATABASE_URL"]
    return "sqlite:///" + str(Path(config["INSTANCE_PATH"]) / "archive.sqlite3")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")  # first: the next pragma may wait for another process
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not wait for a writer (several web processes)
    # In WAL mode a commit needs no flush to disk to keep the file whole: only a power cut (not a crash of
    # the process) can lose the last commits. Every search page writes the reader's history, and a flush
    # per commit cost it 1-5 ms.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Database:
    """One SQLAlchemy engine and session factory per process (and per app)."""

    def __init__(self, url: str):
        self.url = url
        sqlite = url.startswith("sqlite")
        if sqlite:
            path = url.split("///", 1)[1] if "///" in url else ""
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
        # A server's connection can be closed under the pool (a restart, a timeout): tested before use.
        # A file opened by this process cannot, and testing it cost every page a query.
        self.engine: SqlEngine = create_engine(url, pool_pre_ping=not sqlite)
        if sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._upgrade_lock = threading.Lock()

    @classmethod
    def from_config(cls, config: dict) -> "Database":
        return cls(database_url(config))

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back on an error."""
        with self._sessions() as session, session.begin():
            yield session

    def _alembic_config(self, connection):
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = connection
        return cfg

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def head_revision(self) -> str:
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(self._alembic_config(None)).get_current_head()

    def upgrade(self) -> bool:
        """Bring the schema to the newest migration; True when something was done."""
        from alembic import command

        with self._upgrade_lock:
            if self.current_revision() == self.head_revision():
                return False
            with self.engine.begin() as connection:
                if connection.dialect.name == "postgresql":
                    # Several processes starting at once: one migrates, the others wait for it.
                    connection.exec_driver_sql("SELECT pg_advisory_xact_lock(727001)")
                command.upgrade(self._alembic_config(connection), "head")
            return True

    def dispose(self) -> None:
        self.engine.dispose()
