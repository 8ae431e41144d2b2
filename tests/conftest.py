"""Fixtures shared by every test layer."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
IN_CI = os.environ.get("CI", "").lower() == "true"


def corpus_path(*parts: str) -> Path:
    """A path under ../shared/corpus, skipping the test with a clear reason when it is absent."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (the shared development corpus lives in ../shared/corpus)")
    return path
