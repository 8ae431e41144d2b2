"""The app's search engine: opened on first use, shared by every request, closed with the app.

Opening an index is costly and tantivy readers are safe to share, so one engine
lives per app (in `app.extensions`), not one per request.
"""
from __future__ import annotations

import threading

from flask import Flask, current_app

from ..engines import Engine, open_engine

EXTENSION = "archive.engine"


class EngineHolder:
    def __init__(self, config: dict, engine: Engine | None = None):
        self._config = config
        self._engine = engine
        self._lock = threading.Lock()

    def get(self) -> Engine:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = open_engine(self._config)
        return self._engine

    def set(self, engine: Engine | None) -> None:
        """Use `engine` from now on (tests, or an embedding application); the old one is closed."""
        with self._lock:
            old, self._engine = self._engine, engine
        if old is not None and old is not engine:
            old.close()

    def close(self) -> None:
        self.set(None)


def init_app(app: Flask, engine: Engine | None = None) -> None:
    app.extensions[EXTENSION] = EngineHolder(app.config, engine)


def get_engine() -> Engine:
    """The current app's engine (opened now if this is the first use)."""
    return current_app.extensions[EXTENSION].get()


def set_engine(app: Flask, engine: Engine | None) -> None:
    app.extensions[EXTENSION].set(engine)


def close_engine(app: Flask) -> None:
    """Release the index (call when the app is done, e.g. at the end of a test or server)."""
    app.extensions[EXTENSION].close()
