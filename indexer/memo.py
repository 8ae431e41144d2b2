"""`Memo`: a one-argument function's results, kept in a dict that C code can read.

Words are folded and stemmed a few hundred times per document, almost always words seen
before. `functools.lru_cache` answers each with a Python-level call; a `Memo` is read with
`map(memo.__getitem__, words)`, one dictionary lookup per word from C, and computes a result
only for a word it does not hold (`__missing__`). It is bounded by emptying itself when full:
cheaper than keeping an order of use, and a full memo holds mostly words that come back.
Reads and writes are single dictionary operations, safe beside other threads.
"""
from __future__ import annotations

from typing import Callable, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict, Generic[K, V]):
    def __init__(self, function: Callable[[K], V], size: int):
        super().__init__()
        self.function = function
        self.size = size

    def __missing__(self, key: K) -> V:
        value = self.function(key)
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value

    def __repr__(self) -> str:
        return f"Memo({getattr(self.function, '__qualname__', self.function)}, {len(self)} of {self.size})"
