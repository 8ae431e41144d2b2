"""The ingest pipeline against real engines: ids, updates, duplicates, rejects, resuming."""
from __future__ import annotations

import os

from archive.request import SearchRequest
from indexer.pipeline import Indexer, expand_paths, index_paths


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


FR = " date 2025-07 La Turquie et la Suède ont discuté de l'adhésion à l'OTAN à Ankara.\n\nLes ministres se sont entretenus."
EN = "date 2024-03-01\nThe United Kingdom and Japan signed a trade agreement in London.\n\nThe ministers met."


def test_every_file_is_accounted_for(engine, ledger, tmp_path):
    src = tmp_path / "in"
    write(src, "a.txt", FR)
    write(src, "sub/b.txt", EN)
    write(src, "empty.txt", "")
    write(src, "notes.pdf", "%PDF-1.4 not a communiqué")
    summary = index_paths([str(src), str(tmp_path / "missing.txt")], engine, ledger)
    assert summary.total_files == 5
    assert summary.files["indexed"] == 2 and summary.files["rejected"] == 3
    reasons = dict(summary.rejected)
    assert "missing.txt" in " ".join(reasons) and all(reasons.values())
    assert engine.count() == 2
    assert {p for p, _ in ledger.rejected()} >= {os.path.join(str(src), "empty.txt")}


def test_indexing_again_is_unchanged_then_updated(engine, ledger, tmp_path):
    path = write(tmp_path, "a.txt", FR)
    first = index_paths([path], engine, ledger)
    doc_id = next(iter(engine.iter_documents())).id
    again = index_paths([path], engine, ledger)
    assert again.files["unchanged"] == 1 and engine.count() == 1
    write(tmp_path, "a.txt", FR.replace("Ankara", "Stockholm"))
    changed = index_paths([path], engine, ledger)
    assert changed.files["updated"] == 1 and changed.updated_documents == 1
    assert engine.count() == 1
    doc = engine.get(doc_id)
    assert "Stockholm" in doc.text and first.new_documents == 1


def test_a_new_analysis_analyses_unchanged_files_again_once(engine, ledger, tmp_path):
    from indexer.analysis import analyze

    write(tmp_path, "in/a.txt", FR)
    write(tmp_path, "in/b.txt", EN)
    write(tmp_path, "in/copy.txt", EN)  # a duplicate: one document, two sources

    def newer(doc):
        analyze(doc)
        doc.places = [*doc.places, "Newtown"]
        return doc

    first = index_paths([str(tmp_path / "in")], engine, ledger, analysis_id="v1")
    assert first.new_documents == 2 and first.duplicate_records == 1
    ids = sorted(d.id for d in engine.iter_documents())
    again = index_paths([str(tmp_path / "in")], engine, ledger, analyse=newer, analysis_id="v2")
    assert again.files["updated"] == 3 and again.reanalysed_documents == 2 and again.new_documents == 0
    assert sorted(d.id for d in engine.iter_documents()) == ids  # the same documents, nothing duplicated
    assert all("Newtown" in d.places for d in engine.iter_documents())
    assert len(engine.get(ids[0]).sources) + len(engine.get(ids[1]).sources) == 3
    third = index_paths([str(tmp_path / "in")], engine, ledger, analyse=newer, analysis_id="v2")
    assert third.files["unchanged"] == 3 and third.reanalysed_documents == 0


def test_exact_duplicates_become_one_document_with_all_sources(engine, ledger, tmp_path):
    a = write(tmp_path, "a.txt", FR)
    b = write(tmp_path, "copy/a-copy.txt", FR.replace("\n\n", "\n\n  "))  # same text once normalised
    summary = index_paths([a, b], engine, ledger)
    assert summary.files["duplicate"] == 1 and summary.duplicate_records == 1
    assert engine.count() == 1
    (doc,) = list(engine.iter_documents())
    assert doc.sources == [a, b]
    # the copy changes: it becomes its own document, and the original loses that source
    write(tmp_path, "copy/a-copy.txt", EN)
    index_paths([a, b], engine, ledger)
    assert engine.count() == 2
    assert engine.get(doc.id).sources == [a]


def test_a_file_that_disappears_from_a_batch_keeps_the_rest(engine, ledger, tmp_path):
    good = write(tmp_path, "good.txt", EN)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    summary = index_paths([str(bad), good], engine, ledger)
    assert summary.files == {"indexed": 1, "updated": 0, "unchanged": 0, "moved": 0, "duplicate": 0,
                             "rejected": 1}
    assert summary.rejected[0][0] == str(bad)
    assert engine.count() == 1


def test_an_interrupted_run_resumes_without_duplicates(engine, ledger, tmp_path):
    src = tmp_path / "in"
    paths = [write(src, f"doc{i}.txt", EN.replace("Japan", f"Japan {i}")) for i in range(7)]
    indexer = Indexer(engine, ledger, batch_size=3)
    for path in paths[:5]:
        indexer.index_file(path)
    # the process dies here: the engine has what was flushed (two batches of 3 would be 6;
    # 5 files means one flush of 3 happened), the ledger only what was committed with it
    assert engine.count() == 3
    # a crash between the engine write and the ledger commit: the engine holds a
    # document the ledger does not know; the rerun must overwrite, not duplicate, it
    pending = list(indexer._pending.values())
    engine.index(pending)
    ledger.rollback()
    summary = index_paths([str(src)], engine, ledger)
    assert summary.files["indexed"] == 4 and summary.files["unchanged"] == 3
    assert engine.count() == 7
    assert engine.search(SearchRequest.create(q="Japan")).total == 7


def test_expand_paths_handles_globs_folders_and_repeats(tmp_path):
    a = write(tmp_path, "x/a.txt", EN)
    b = write(tmp_path, "x/y/b.md", EN)
    write(tmp_path, "x/.hidden", EN)
    found = list(expand_paths([str(tmp_path / "x"), str(tmp_path / "x" / "*.txt"), a]))
    assert found == [a, b]
    assert list(expand_paths([str(tmp_path / "nothing-*.txt")])) == [str(tmp_path / "nothing-*.txt")]


def test_one_person_is_one_facet_value_across_transliterations(engine, ledger, tmp_path):
    src = tmp_path / "in"
    write(src, "en.txt", "date 2024-03-01\nPresident Volodymyr Zelensky met the delegation in Kyiv.\n")
    write(src, "de.txt", "date 2024-03-02\nPräsident Wolodymyr Selenskyj traf die Delegation in Kiew.\n")
    write(src, "uk.txt", "date 2024-03-03\nПрезидент України Володимир Зеленський зустрівся з делегацією у Києві.\n")
    write(src, "other.txt", "date 2024-03-04\nPresident Volodymyr Zelenskyy, Hans Maier and Hans Meyer met.\n")
    index_paths([str(src)], engine, ledger)
    result = engine.search(SearchRequest.create(facets=("person",), versions=True))
    people = {fv.value: fv.count for fv in result.facets["person"]}
    assert sum(count for name, count in people.items() if "Zelensk" in name or "Зеленськ" in name
               or "Selenskyj" in name) == 4
    assert len([name for name in people if "Hans" not in name]) == 1
    assert {"Hans Maier", "Hans Meyer"} <= set(people)  # a near spelling of another name is another person
    chosen = next(name for name in people if "Hans" not in name)
    filtered = engine.search(SearchRequest.create(filters={"person": [chosen]}, versions=True))
    assert filtered.total == 4


def test_a_longer_or_shorter_name_of_one_person_is_one_facet_value(engine, ledger, tmp_path):
    src = tmp_path / "in"
    write(src, "a.txt", "date 2024-03-01\nState Secretary Helene Beispiel spoke to the press.\n")
    write(src, "b.txt", "date 2024-03-02\nState Secretary Helene Beispiel Artieda met the delegation.\n")
    write(src, "c.txt", "date 2024-03-03\nThe motion 21.1234 Artieda asks for a report.\n")  # a surname alone
    write(src, "d1.txt", "date 2024-03-04\nAnna Muster Meier spoke to the press.\n")
    write(src, "d2.txt", "date 2024-03-05\nAnna Muster Keller spoke to the press.\n")
    write(src, "d3.txt", "date 2024-03-06\nAnna Muster spoke to the press.\n")  # shorter after longer: apart
    index_paths([str(src)], engine, ledger)
    result = engine.search(SearchRequest.create(facets=("person",), versions=True))
    people = {fv.value: fv.count for fv in result.facets["person"]}
    assert people["Helene Beispiel"] == 2 and "Helene Beispiel Artieda" not in people
    assert people["Artieda"] == 1
    assert {"Anna Muster", "Anna Muster Meier", "Anna Muster Keller"} <= set(people)


def test_a_document_keeps_the_time_it_was_first_added_and_only_new_ones_are_after_it(engine, ledger, tmp_path,
                                                                                        monkeypatch):
    from indexer import pipeline

    times = iter(["2026-11-30T08:00:00.000Z", "2026-12-01T08:00:00.000Z", "2026-12-02T08:00:00.000Z"])
    monkeypatch.setattr(pipeline, "utc_now", lambda: next(times))
    path = write(tmp_path, "in/a.txt", FR)
    index_paths([path], engine, ledger)  # 30 Nov
    (first,) = engine.iter_documents()
    assert first.added == "2026-11-30T08:00:00.000Z"
    write(tmp_path, "in/a.txt", FR.replace("Ankara", "Stockholm"))  # changed text: the same communiqué
    write(tmp_path, "in/copy.txt", FR.replace("Ankara", "Stockholm"))  # and an exact copy of it
    index_paths([str(tmp_path / "in")], engine, ledger, analysis_id="v2")  # 1 Dec
    assert [(d.id, d.added) for d in engine.iter_documents()] == [(first.id, "2026-11-30T08:00:00.000Z")]
    write(tmp_path, "in/b.txt", EN)
    index_paths([str(tmp_path / "in")], engine, ledger, analysis_id="v2")  # 2 Dec: only b.txt is written
    added = {d.source.rsplit("/", 1)[-1]: d.added for d in engine.iter_documents()}
    assert added == {"a.txt": "2026-11-30T08:00:00.000Z", "b.txt": "2026-12-02T08:00:00.000Z"}
    new = engine.search(SearchRequest.create(added_after="2026-12-01T00:00:00Z"))
    assert [h.added for h in new.hits] == ["2026-12-02T08:00:00.000Z"] and new.total == 1
    assert engine.search(SearchRequest.create(added_after="2026-12-02T08:00:00.000Z")).total == 0  # strictly after
    assert engine.search(SearchRequest.create(added_after="2026-11-01")).total == 2


def test_documents_of_a_ledger_from_before_added_times_are_never_new(engine, tmp_path):
    import sqlite3

    from indexer.ledger import UNKNOWN_ADDED, Ledger

    path = write(tmp_path, "in/a.txt", FR)
    ledger = Ledger(tmp_path / "ledger.sqlite")
    index_paths([path], engine, ledger)
    ledger.close()
    db = sqlite3.connect(tmp_path / "ledger.sqlite")  # as a ledger written before this version
    db.execute("DROP TABLE added")
    db.commit()
    db.close()
    ledger = Ledger(tmp_path / "ledger.sqlite")
    (doc,) = engine.iter_documents()
    assert ledger.added_at(doc.id, "2026-12-02T08:00:00.000Z") == UNKNOWN_ADDED
    ledger.close()


def test_each_batch_is_stamped_later_than_the_one_before_even_when_the_clock_is_not(engine, ledger, tmp_path,
                                                                                   monkeypatch):
    from indexer import pipeline

    monkeypatch.setattr(pipeline, "utc_now", lambda: "2026-12-02T08:00:00.000Z")  # a clock that stands still
    write(tmp_path, "in/a.txt", FR)
    write(tmp_path, "in/b.txt", EN)
    index_paths([str(tmp_path / "in")], engine, ledger, batch_size=1)
    write(tmp_path, "in2/c.txt", EN.replace("London", "Tokyo"))
    index_paths([str(tmp_path / "in2")], engine, ledger)  # a later run, in the same millisecond
    stamps = sorted(d.added for d in engine.iter_documents())
    assert stamps == ["2026-12-02T08:00:00.000Z", "2026-12-02T08:00:00.001Z", "2026-12-02T08:00:00.002Z"]
    assert engine.newest_added() == "2026-12-02T08:00:00.002Z"
