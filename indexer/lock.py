"""One indexing run per data folder.

`IndexLock(folder)` holds an exclusive `flock` on `<folder>/index.lock` for
the length of a run, and writes who holds it (pid, host, start time) into the
file, so a second run is refused with a message that says which run holds
the folder. The kernel releases the lock when its process ends, however it
ends, so the lock of a crashed run is stale by construction: the file stays,
but nobody holds it, and the next run simply takes it.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from pathlib import Path


class FolderLocked(RuntimeError):
    """Another run holds the data folder; `str(error)` says which."""


class IndexLock:
    def __init__(self, folder: str | Path):
        self.path = Path(folder) / "index.lock"
        self._handle = None

    def acquire(self) -> "IndexLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = _holder(handle.read())
            handle.close()
            raise FolderLocked(f"another `archive index` is running on {self.path.parent}{holder}; "
                               "wait for it to finish (or stop it) and run this again") from None
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                 "started": time.strftime("%Y-%m-%d %H:%M:%S")}))
        handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is not None:
            self._handle.seek(0)
            self._handle.truncate()
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None

    def __enter__(self) -> "IndexLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _holder(text: str) -> str:
    try:
        info = json.loads(text)
        return f", started at {info['started']}, pid {info['pid']} on {info['host']}"
    except (ValueError, KeyError, TypeError):
        return ""
