"""Documents that leave the archive, on every engine: remove by id and by source, prune, renames."""
from __future__ import annotations

import os

import pytest

from archive.request import SearchRequest
from indexer.pipeline import index_paths
from indexer.removal import NothingToRemove, documents_to_remove, remove_documents

TEXTS = {
    "a.txt": "date 2024-03-01\nJapan and Brazil signed a trade agreement in Tokyo.\n\nThe ministers met.",
    "b.txt": "date 2024-04-02\nSweden and Finland discussed energy prices in Helsinki.\n\nTalks go on.",
    "c.txt": "date 2024-05-03\nChile and Peru agreed on fishing quotas in Lima.\n\nA joint statement followed.",
}


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in TEXTS.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def _search(engine, q="", **kw):
    result = engine.search(SearchRequest.create(q=q, per_page=50, versions=True, facets=("country",), **kw))
    return {h.title for h in result.hits}, {fv.value: fv.count for fv in result.facets["country"]}


def _id_of(engine, title_word):
    return next(d.id for d in engine.iter_documents() if title_word in d.title)


def test_remove_by_id_and_by_source_and_the_same_text_stays_out(engine, ledger, folder, tmp_path):
    index_paths([str(folder)], engine, ledger)
    japan = _id_of(engine, "Japan")
    docs = documents_to_remove(engine, ledger, ids=[japan])
    remove_documents(engine, ledger, docs, by="tester", reason="withdrawn by its issuer", log=tmp_path / "removals.log")
    titles, countries = _search(engine)
    assert not any("Japan" in t for t in titles) and "JP" not in countries and "BR" not in countries
    assert engine.get(japan) is None and ledger.removed(japan)[3] == "tester"
    assert engine.count() == 2
    by_source = documents_to_remove(engine, ledger, sources=[str(folder / "b.txt")])
    remove_documents(engine, ledger, by_source, by="tester")
    assert engine.count() == 1 and "SE" not in _search(engine)[1]
    with pytest.raises(NothingToRemove, match="removed already"):
        documents_to_remove(engine, ledger, ids=[japan])
    with pytest.raises(NothingToRemove, match="no document was read from"):
        documents_to_remove(engine, ledger, sources=[str(folder / "nothing.txt")])
    # the same text read again, from its file or a copy elsewhere, stays out
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "japan.txt").write_text(TEXTS["a.txt"], encoding="utf-8")
    (folder / "b.txt").write_text(TEXTS["b.txt"] + "\n", encoding="utf-8")  # touched: read again
    again = index_paths([str(folder), str(tmp_path / "copy")], engine, ledger)
    assert again.withheld_records == 2 and engine.count() == 1
    # another text from the removed document's file gets a new id
    (folder / "a.txt").write_text(TEXTS["a.txt"].replace("Tokyo", "Osaka"), encoding="utf-8")
    index_paths([str(folder)], engine, ledger)
    osaka = _id_of(engine, "Japan")
    assert osaka != japan and "Osaka" in engine.get(osaka).text
    log = (tmp_path / "removals.log").read_text(encoding="utf-8")
    assert japan in log and "withdrawn by its issuer" in log


def test_deleted_files_are_reported_then_pruned(engine, ledger, folder):
    index_paths([str(folder)], engine, ledger)
    copy = folder / "sub" / "c-copy.txt"
    copy.parent.mkdir()
    copy.write_text(TEXTS["c.txt"], encoding="utf-8")  # the same text from a second source
    index_paths([str(folder)], engine, ledger)
    os.remove(folder / "a.txt")
    os.remove(folder / "c.txt")
    report = index_paths([str(folder)], engine, ledger)
    assert len(report.missing_sources) == 2 and report.removed_documents == 0 and engine.count() == 3
    pruned = index_paths([str(folder)], engine, ledger, prune=True)
    assert len(pruned.pruned_sources) == 2 and pruned.removed_documents == 1  # Japan; Chile keeps its copy
    assert engine.count() == 2
    chile = engine.get(_id_of(engine, "Chile"))
    assert chile.sources == [str(copy)]
    assert "JP" not in _search(engine)[1]
    assert index_paths([str(folder)], engine, ledger).missing_sources == []


def test_a_renamed_file_moves_its_documents(engine, ledger, folder):
    index_paths([str(folder)], engine, ledger)
    japan = _id_of(engine, "Japan")
    (folder / "archive").mkdir()
    os.rename(folder / "a.txt", folder / "archive" / "2024-03-japan.txt")
    summary = index_paths([str(folder)], engine, ledger)
    assert summary.files["moved"] == 1 and summary.files["duplicate"] == 0 and summary.new_documents == 0
    assert summary.missing_sources == [] and engine.count() == 3
    doc = engine.get(japan)
    assert doc.sources == [str(folder / "archive" / "2024-03-japan.txt")]
    assert index_paths([str(folder)], engine, ledger).files["unchanged"] == 3


def test_a_new_file_where_one_moved_away_gets_its_own_id(engine, ledger, folder):
    index_paths([str(folder)], engine, ledger)
    japan = _id_of(engine, "Japan")
    os.rename(folder / "a.txt", folder / "0-japan.txt")  # read before the new a.txt: it moves first
    (folder / "a.txt").write_text(TEXTS["a.txt"].replace("Japan and Brazil", "Kenya and Ghana"), encoding="utf-8")
    index_paths([str(folder)], engine, ledger)
    assert engine.count() == 4 and "Japan" in engine.get(japan).text  # the moved document is still there
    assert "Kenya" in engine.get(_id_of(engine, "Kenya")).text


def test_editing_one_of_two_copies_keeps_the_other(engine, ledger, folder):
    (folder / "a-copy.txt").write_text(TEXTS["a.txt"], encoding="utf-8")
    index_paths([str(folder)], engine, ledger)
    (folder / "a.txt").write_text(TEXTS["a.txt"].replace("Tokyo", "Osaka"), encoding="utf-8")
    index_paths([str(folder)], engine, ledger)
    texts = sorted(d.text for d in engine.iter_documents() if "Japan" in d.text)
    assert len(texts) == 2 and "Osaka" in texts[0] + texts[1] and "Tokyo" in texts[0] + texts[1]


def test_a_text_changed_into_a_removed_one_takes_its_old_document_out(engine, ledger, folder):
    index_paths([str(folder)], engine, ledger)
    remove_documents(engine, ledger, documents_to_remove(engine, ledger, ids=[_id_of(engine, "Japan")]), by="t")
    (folder / "b.txt").write_text(TEXTS["a.txt"], encoding="utf-8")  # b now holds the removed text
    summary = index_paths([str(folder)], engine, ledger)
    assert summary.withheld_records == 1 and engine.count() == 1  # Sweden's old text is gone too
    assert not any("Japan" in d.text or "Sweden" in d.text for d in engine.iter_documents())


def test_prune_leaves_a_folder_that_is_not_there(engine, ledger, folder, tmp_path):
    index_paths([str(folder)], engine, ledger)
    os.rename(folder, tmp_path / "elsewhere")  # unmounted or renamed
    summary = index_paths([str(folder)], engine, ledger, prune=True)
    assert summary.pruned_sources == [] and engine.count() == 3
    assert "not pruned" in dict(summary.skipped)[str(folder)]
