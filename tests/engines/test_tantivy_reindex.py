"""`archive reindex` on the embedded engine rebuilds the index in few segments and changes no answer.

An index written by many commits (every `archive index` run, every thousand documents) is in many
segments, and every search visits each. The rebuild writes the stored documents again, the versions of
each group together, with one commit at the end: one segment per `rebuild_heap` of memory.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from archive.engines.tantivy_engine import TantivyEngine
from tests.engines.test_tantivy_leads import archive, expected_leads, leads, requests


def answers(engine: TantivyEngine) -> list[tuple]:
    """What every request shows, with all its communiqués on one page (their order among equals, which
    follows where documents lie in the index, aside)."""
    shown = []
    for request in requests():
        engine.forget_counts()
        result = engine.search(replace(request, page=1, per_page=100))
        shown.append((result.total, result.versions_total, result.total_estimated,
                       sorted((hit.id, tuple(sorted(hit.versions))) for hit in result.hits),
                       {f: [(v.value, v.count, v.selected, v.excluded, v.estimated) for v in values]
                        for f, values in result.facets.items()}))
    return shown


@pytest.fixture()
def written(tmp_path):
    """An index written in twelve commits, with versions written again, moved and deleted."""
    engine = TantivyEngine(tmp_path / "tantivy")
    docs = archive(seed=11, groups=60)
    for start in range(0, len(docs), 12):
        engine.index(docs[start:start + 12])
    changed = [replace(docs[5], countries=["LI"]), replace(docs[6], translation_group=docs[40].translation_group)]
    engine.index(changed)
    engine.delete([docs[7].id, docs[30].id])
    current = {doc.id: doc for doc in docs} | {doc.id: doc for doc in changed}
    for gone in (docs[7].id, docs[30].id):
        current.pop(gone)
    yield engine, current
    engine.close()


def test_reindex_rebuilds_in_one_segment_with_the_same_answers(written, monkeypatch):
    engine, current = written
    assert engine._searcher().num_segments > 1
    before = answers(engine)
    serving = TantivyEngine(engine.path)  # as a web process holds it
    assert answers(serving) == before
    monkeypatch.setattr(TantivyEngine, "REBUILD_BATCH", 7)  # many batches, each cut where a group ends
    engine.reindex()
    assert engine._searcher().num_segments == 1
    assert answers(serving) == before and serving._searcher().num_segments == 1  # its next search reads it
    serving.close()
    assert engine.count() == len(current)
    assert leads(engine) == expected_leads(current.values())
    assert answers(engine) == before
    for doc_id, doc in current.items():
        assert engine.get(doc_id) == doc


def test_reindex_reads_the_groups_from_the_documents_where_the_index_has_no_numbers(written, monkeypatch):
    """An index written by an older version may lack the groups' numbers: they are read from its documents."""
    engine, current = written
    before = answers(engine)

    class WithoutNumbers:
        def __init__(self, searcher):
            self.searcher = searcher

        def __getattr__(self, name):
            return getattr(self.searcher, name)

        def fast_field_values(self, field, addresses):
            raise ValueError(f"no fast field {field}")
    monkeypatch.setattr(TantivyEngine, "REBUILD_BATCH", 7)
    by_group = TantivyEngine._by_group
    monkeypatch.setattr(TantivyEngine, "_by_group", staticmethod(lambda searcher: by_group(WithoutNumbers(searcher))))
    engine.reindex()
    assert leads(engine) == expected_leads(current.values())
    assert answers(engine) == before


def test_an_interrupted_reindex_leaves_the_index_as_it_was(written, monkeypatch):
    engine, current = written
    before = answers(engine)
    index = TantivyEngine.index
    calls = []

    def failing(self, docs, commit=True):
        calls.append(len(docs))
        if len(calls) == 3:
            raise OSError("disk full")
        return index(self, docs, commit)
    monkeypatch.setattr(TantivyEngine, "REBUILD_BATCH", 10)
    monkeypatch.setattr(TantivyEngine, "index", failing)
    with pytest.raises(OSError, match="disk full"):
        engine.reindex()
    monkeypatch.setattr(TantivyEngine, "index", index)
    engine._open()
    assert engine.count() == len(current)
    assert answers(engine) == before
    engine.reindex()  # what the interrupted one left is cleared
    assert engine._searcher().num_segments == 1 and answers(engine) == before
    assert not engine.path.with_name(engine.path.name + ".rebuild").exists()
