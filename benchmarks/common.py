"""Helpers the benchmark scripts share: where the corpus is, timing summaries."""
from __future__ import annotations

import statistics
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NSB = ROOT.parent / "shared" / "corpus" / "nsb-2024"


def children(pid: int) -> list[int]:
    """The processes `pid` started that still run."""
    return [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()]


def resident_kib(pid: int) -> int:
    """A process's resident memory, from /proc (0 once it has ended)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def folder_bytes(folder: Path) -> int:
    """What the files under `folder` take on disk (their sizes)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def summarise(times_ms: list[float]) -> str:
    ordered = sorted(times_ms)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    return (f"n={len(ordered)} median={statistics.median(ordered):.1f} ms "
            f"p95={p95:.1f} ms min={ordered[0]:.1f} ms max={ordered[-1]:.1f} ms")


def session_cookie(app, name: str = "benchmark") -> str:
    """A `Cookie` header value signing a user in to `app` (made, single sign-on only, if missing): every
    page needs a signed-in user, and a benchmark measures pages, not the sign-in form."""
    from archive import users
    from archive.web.auth import cookie_for, get_database

    return cookie_for(app, users.single_sign_on(get_database(app), name, "read-only"))


def signed_in_client(app):
    """Flask's test client of `app`, signed in as `session_cookie`'s user (pages in process)."""
    client = app.test_client()
    client.set_cookie(*session_cookie(app).split("=", 1))
    return client
