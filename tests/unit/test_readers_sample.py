"""The shipped sample collection (archive/sample) reads cleanly and stays varied."""
from __future__ import annotations

import collections
from pathlib import Path

from indexer.readers import SUPPORTED_EXTENSIONS, read_path

SAMPLE = Path(__file__).resolve().parents[2] / "archive" / "sample"


def sample_docs():
    paths = [p for p in sorted(SAMPLE.rglob("*")) if p.is_file() and p.name != "README.md"]
    return paths, [doc for path in paths for doc in read_path(str(path))]


def test_sample_collection_reads_without_errors_or_warnings():
    paths, docs = sample_docs()
    assert len(docs) == 37  # 36 communiqués and the PDF report attached to an e-mail
    assert all(path.suffix in SUPPORTED_EXTENSIONS for path in paths)
    assert all(path.parent == SAMPLE or path.parent.parent == SAMPLE for path in paths)  # package_data: */*
    assert all(doc.text and doc.title and not doc.warnings for doc in docs)


def test_sample_collection_is_varied():
    paths, docs = sample_docs()
    assert {".txt", ".md", ".html", ".json", ".jsonl", ".eml", ".rss", ".atom", ".xml"} <= {p.suffix for p in paths}
    years = collections.Counter((doc.date or "")[:4] for doc in docs)
    assert {"2023", "2024", "2025"} <= set(years)
    groups = collections.Counter(doc.translation_group for doc in docs if doc.translation_group)
    assert sorted(groups.values()) == [3, 3]
    texts = collections.Counter(doc.text for doc in docs)
    assert sorted(texts.values())[-1] == 2  # exactly one exact duplicate
    assert any(doc.attachments for doc in docs) and any(doc.attached_to for doc in docs)
