"""No file can stop a run: hostile names, depths, sizes and links, on the real pipeline and tantivy index."""
from __future__ import annotations

import json
import os

import pytest

from archive.engines.tantivy_engine import TantivyEngine
from indexer.limits import Limits
from indexer.pipeline import index_paths
from indexer.paths import shown

GOOD = "date 2024-03-01\nThe United Kingdom and Japan signed a trade agreement in London.\n\nThe ministers met."


@pytest.fixture
def tantivy(tmp_path):
    engine = TantivyEngine(tmp_path / "index")
    yield engine
    engine.close()


def folder_with(tmp_path, files: dict) -> str:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, content in files.items():
        path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
        with open(path, "wb") as handle:
            handle.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return str(folder)


def test_a_file_name_that_is_not_utf8_is_indexed_and_shown_escaped(tantivy, ledger, tmp_path):
    folder = folder_with(tmp_path, {b"bad-\xff.txt": "Bern. The Federal Council met today in Bern."})
    summary = index_paths([folder], tantivy, ledger)
    assert summary.files["indexed"] == 2 and summary.rejected == []
    sources = {d.source for d in tantivy.iter_documents()}
    assert any(s.endswith("bad-\\xff.txt") for s in sources)
    again = index_paths([folder], tantivy, ledger)  # the ledger remembers it
    assert again.files["unchanged"] == 2


def test_a_name_with_a_newline_cannot_forge_a_summary_line(tantivy, ledger, tmp_path):
    folder = folder_with(tmp_path, {"x\nrejected: forged.txt": ""})
    summary = index_paths([folder], tantivy, ledger)
    (path, reason), = summary.rejected
    assert "\n" not in path and path.endswith("x\\nrejected: forged.txt") and reason == "empty file"


@pytest.mark.parametrize("name, content", [
    ("deep.json", "[" * 100_000 + "]" * 100_000),
    ("deep-object.json", '{"a":' * 100_000 + "1" + "}" * 100_000),
])
def test_deep_json_is_rejected_and_the_run_goes_on(tantivy, ledger, tmp_path, name, content):
    folder = folder_with(tmp_path, {name: content})
    summary = index_paths([folder], tantivy, ledger)
    assert summary.files == {"indexed": 1, "updated": 0, "unchanged": 0, "moved": 0, "duplicate": 0,
                             "rejected": 1}
    (path, reason), = summary.rejected
    assert path.endswith(name) and "nested deeper than 64 levels" in reason
    assert tantivy.count() == 1
    assert index_paths([folder], tantivy, ledger).files["rejected"] == 1  # and again, no crash


def test_a_deep_record_among_good_ones_is_one_bad_record(tantivy, ledger, tmp_path):
    lines = [json.dumps({"title": f"T{i}", "text": f"Record number {i} about Japan."}) for i in range(3)]
    lines.insert(1, "[" * 50_000 + "]" * 50_000)
    folder = folder_with(tmp_path, {"mixed.jsonl": "\n".join(lines)})
    summary = index_paths([folder], tantivy, ledger)
    assert tantivy.count() == 4  # three records and good.txt
    (path, reason), = summary.rejected
    assert "record 2: nested deeper than 64 levels" in reason


def test_an_unexpected_failure_rejects_the_file_logs_its_traceback_and_the_run_goes_on(tantivy, ledger, tmp_path):
    folder = folder_with(tmp_path, {"b.txt": "Text about Bern that the analysis will choke on."})
    log = tmp_path / "data" / "index-errors.log"

    def analyse(doc):
        from indexer.analysis import analyze

        if "choke" in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        return analyze(doc)

    summary = index_paths([folder], tantivy, ledger, analyse=analyse, error_log=log)
    (path, reason), = summary.rejected
    assert path.endswith("b.txt") and reason == "the file could not be read (RecursionError: nested too deeply to read)"
    assert tantivy.count() == 1 and summary.error_log == str(log)
    assert "Traceback" in log.read_text() and "RecursionError" in log.read_text()


def test_a_file_too_large_is_refused_from_its_size_before_any_reading(tantivy, ledger, tmp_path, monkeypatch):
    import indexer.work

    folder = folder_with(tmp_path, {})
    big = os.path.join(folder, "huge.txt")
    with open(big, "wb") as handle:  # sparse: 2 GB on paper, nothing on disk
        handle.truncate(2 * 2**30)
    hashed = []
    real_hash = indexer.work.file_hash
    monkeypatch.setattr(indexer.work, "file_hash", lambda path: hashed.append(path) or real_hash(path))
    summary = index_paths([folder], tantivy, ledger)
    assert summary.rejected == [(big, "file larger than 50 MB (ARCHIVE_MAX_FILE_MB)")]
    assert hashed == [os.path.realpath(os.path.join(folder, "good.txt"))]


def _records(n, start=0):
    return "\n".join(json.dumps({"title": f"Release {i}", "text": f"Release {i} on trade with Japan and Brazil."})
                     for i in range(start, start + n))


def test_a_large_json_lines_file_is_saved_in_parts_and_resumes_where_it_stopped(tantivy, ledger, tmp_path):
    folder = folder_with(tmp_path, {"big.jsonl": _records(1200)})
    limits = Limits(stream_bytes=1000)  # "large": read and saved in parts of 500 records
    analysed, interrupt = [], [700]

    def analyse(doc):
        from indexer.analysis import analyze

        analysed.append(doc.source)
        if len(analysed) in interrupt:
            interrupt.clear()
            raise KeyboardInterrupt  # Ctrl-C in the middle of the second part
        return analyze(doc)

    summary = index_paths([folder], tantivy, ledger, analyse=analyse, limits=limits)
    assert summary.interrupted and tantivy.count() == 500  # the first part was saved
    big = shown(os.path.realpath(os.path.join(folder, "big.jsonl")))
    assert ledger.file(big)[1] == "partial"

    analysed.clear()
    resumed = index_paths([folder], tantivy, ledger, analyse=analyse, limits=limits)
    assert not resumed.interrupted and resumed.files["indexed"] == 2
    assert len(analysed) == 700 + 1  # only the records not saved before (and good.txt)
    assert tantivy.count() == 1201 and ledger.file(big)[1] == "indexed"
    assert index_paths([folder], tantivy, ledger, limits=limits).files["unchanged"] == 2


def test_a_large_file_analysed_again_by_a_new_version_starts_over_when_interrupted(tantivy, ledger, tmp_path):
    folder = folder_with(tmp_path, {"big.jsonl": _records(1200)})
    limits = Limits(stream_bytes=1000)
    index_paths([folder], tantivy, ledger, limits=limits, analysis_id="v1")
    analysed, interrupt = [], [700]

    def newer(doc):
        from indexer.analysis import analyze

        analysed.append(doc.source)
        if len(analysed) in interrupt:
            interrupt.clear()
            raise KeyboardInterrupt
        analyze(doc)
        doc.places = ["Newtown"]
        return doc

    assert index_paths([folder], tantivy, ledger, analyse=newer, limits=limits, analysis_id="v2").interrupted
    analysed.clear()
    resumed = index_paths([folder], tantivy, ledger, analyse=newer, limits=limits, analysis_id="v2")
    assert not resumed.interrupted and len(analysed) == 1201  # every record: the old ones were made by v1
    docs = list(tantivy.iter_documents())
    assert len(docs) == 1201 and all(d.places == ["Newtown"] for d in docs)


def test_caps_on_records_and_text_length(tantivy, ledger, tmp_path):
    long_text = json.dumps({"title": "Long", "text": "word " * 3000})
    folder = folder_with(tmp_path, {"many.jsonl": _records(30), "long.jsonl": long_text + "\n" + _records(1, start=100)})
    summary = index_paths([folder], tantivy, ledger, limits=Limits(max_records=20, max_text_chars=10_000))
    reasons = dict(summary.rejected)
    assert "record 21: more than 20 records in one file" in reasons[os.path.join(folder, "many.jsonl")]
    assert "record 1: text longer than 10,000 characters" in reasons[os.path.join(folder, "long.jsonl")]
    assert tantivy.count() == 20 + 1 + 1


def test_links_that_lead_outside_the_folders_given_are_not_followed(tantivy, ledger, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret text about Paris and Berlin, not a communiqué.", encoding="utf-8")
    folder = folder_with(tmp_path, {})
    os.symlink(outside / "secret.txt", os.path.join(folder, "link.txt"))
    os.symlink(outside, os.path.join(folder, "linked-folder"))
    os.symlink(os.path.join(folder, "good.txt"), os.path.join(folder, "inside-link.txt"))
    summary = index_paths([folder], tantivy, ledger)
    assert tantivy.count() == 1 and summary.files["indexed"] == 1
    skipped = dict(summary.skipped)
    assert set(skipped) == {os.path.join(folder, "link.txt"), os.path.join(folder, "linked-folder")}
    assert all("outside the paths given" in reason for reason in skipped.values())
    followed = index_paths([folder], tantivy, ledger, follow_links=True)
    assert followed.skipped == [] and tantivy.count() == 2


def test_a_folder_named_like_a_file_is_walked(tantivy, ledger, tmp_path):
    folder = tmp_path / "x.txt"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    summary = index_paths([str(folder)], tantivy, ledger)
    assert summary.files["indexed"] == 1 and tantivy.count() == 1


def test_worker_processes_read_small_files_and_analyse_parts_of_a_large_one(tantivy, ledger, tmp_path):
    files = {f"n{i:03d}.txt": f"date 2024-01-{i % 28 + 1:02d}\nNote {i} on the trade talks with Japan." for i in range(99)}
    files["big.jsonl"] = _records(1200)
    folder = folder_with(tmp_path, files)
    summary = index_paths([folder], tantivy, ledger, workers=2, limits=Limits(stream_bytes=1000))
    assert summary.files["indexed"] == 101 and summary.rejected == []
    assert tantivy.count() == 99 + 1200 + 1
