"""The analysis's hand-made vocabulary, kept as data: TOML files under `indexer/analysis/data/`.

`load(name)` reads `data/<name>.toml` once per process. The files are package
data (shipped in the wheel); `tests/unit/test_tables.py` lints them: no
duplicate keys or forms, and no word with two meanings across tables unless
the code that reads them resolves it on purpose.
"""
from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


@functools.lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The parsed table file `data/<name>.toml`."""
    with resources.files("indexer.analysis").joinpath("data", f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)
