"""The NSB 2024 corpus, read and analysed once per test session.

Analysis is the slow part of indexing (minutes on this machine), so the
corpus goes through the real pipeline into one tantivy index, and tests that
need the same documents in another engine copy them from there.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from archive.engines.tantivy_engine import TantivyEngine
from indexer.ledger import Ledger
from indexer.pipeline import IndexSummary, index_paths
from tests.conftest import corpus_path


@dataclass
class IndexedCorpus:
    path: object
    engine: TantivyEngine
    ledger: Ledger
    summary: IndexSummary
    seconds: float


@pytest.fixture(scope="session")
def nsb(tmp_path_factory) -> IndexedCorpus:
    import time

    path = corpus_path("nsb-2024")
    folder = tmp_path_factory.mktemp("nsb")
    engine = TantivyEngine(folder / "tantivy")
    ledger = Ledger(folder / "ledger.sqlite")
    started = time.perf_counter()
    summary = index_paths([str(path)], engine, ledger, workers=2)
    yield IndexedCorpus(path, engine, ledger, summary, time.perf_counter() - started)
    engine.close()
    ledger.close()
