"""Which files a run reads, and how their names are shown.

`expand_paths` turns the paths a user gives (files, folders walked
recursively, glob patterns) into files, each once. Links found inside a
folder are followed only when they stay inside the paths given (or with
`follow_links`); the others are reported, never read silently: a link to
/etc/passwd in a dropped folder is not a communiqué.

`shown(path)` is a file name as text that can be stored, printed and put in
a page: bytes that are not UTF-8 (a name from another system) become \\xNN,
and control characters are escaped, so a name with a newline cannot forge a
line of a summary.
"""
from __future__ import annotations

import glob
import os
import re
from typing import Iterable, Iterator

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(path: str) -> str:
    """`path` as safe text: undecodable bytes as \\xNN, control characters as \\n, \\xNN."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def _inside(real: str, roots: list[str]) -> bool:
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def expand_paths(paths: Iterable[str], follow_links: bool = False,
                 skipped: list[tuple[str, str]] | None = None) -> Iterator[str]:
    """Files named by paths, folders (recursively, sorted) or glob patterns, each once.

    A path that names nothing is yielded as is, so the caller reports it.
    Links inside a folder that lead outside every path given are left out and
    added to `skipped` as (path, reason), unless `follow_links`.
    """
    skipped = skipped if skipped is not None else []
    given = list(paths)
    matched: list[str] = []
    for path in given:
        found = sorted(glob.glob(path, recursive=True)) if glob.has_magic(path) else [path]
        matched.extend(found or [path])
    roots = [os.path.realpath(m) for m in matched]
    seen: set[str] = set()
    for match in matched:
        candidates = _walk(match, roots, follow_links, skipped) if os.path.isdir(match) else [match]
        for path in candidates:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield path


def _walk(folder: str, roots: list[str], follow_links: bool, skipped: list[tuple[str, str]]) -> list[str]:
    found: list[str] = []
    visited: set[str] = set()
    for root, dirs, files in os.walk(folder, followlinks=follow_links):
        real_root = os.path.realpath(root)
        if real_root in visited:  # a link loop, when links are followed
            dirs[:] = []
            continue
        visited.add(real_root)
        kept_dirs = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            path = os.path.join(root, name)
            if os.path.islink(path) and not follow_links:
                _skip_link(path, roots, skipped, folder=True)
            else:
                kept_dirs.append(name)
        dirs[:] = kept_dirs
        for name in sorted(f for f in files if not f.startswith(".")):
            path = os.path.join(root, name)
            if os.path.islink(path) and not follow_links and not _inside(os.path.realpath(path), roots):
                _skip_link(path, roots, skipped)
                continue
            found.append(path)
    return sorted(found)


def _skip_link(path: str, roots: list[str], skipped: list[tuple[str, str]], folder: bool = False) -> None:
    target = os.path.realpath(path)
    if folder and _inside(target, roots):
        return  # its files are read where the link points, inside the paths given
    skipped.append((path, f"a link to {shown(target)}, outside the paths given: not followed "
                          "(use --follow-links to read it)"))
