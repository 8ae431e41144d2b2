"""Keeping Python's cycle collector off what a long-running process holds for good.

A process that analyses texts or serves pages loads large tables once (language
profiles, gazetteers, translations, the engine's handles): some 200,000 objects.
Every full pass of the cycle collector walks all of them, 100-170 ms on this
project's benchmark machine, and such a pass falls on a request or a file now
and then: on a search page it was the slowest request of every run.

`Settler` moves everything the process holds out of the collector's sight
(`gc.freeze`) after the process's 1st, 10th, 100th and 1,000th unit of work, by
which time the tables that load on first use have loaded. Objects made later
are collected as before. What was frozen is still freed when nothing refers
to it; only a reference cycle among frozen objects would stay, so this is
for processes that do one job until they end (`archive serve`'s processes,
the indexing workers), not for a library caller's process.
"""
from __future__ import annotations

import gc
import itertools

SETTLE_AFTER = frozenset({1, 10, 100, 1000})


class Settler:
    """Call it after each unit of work (any arguments are ignored, so it can be a teardown hook)."""

    def __init__(self, after: frozenset[int] = SETTLE_AFTER):
        self._after = after
        self._done = itertools.count(1)  # next() is atomic under the GIL: threads may share it

    def __call__(self, *_ignored) -> None:
        if next(self._done) in self._after:
            gc.freeze()
