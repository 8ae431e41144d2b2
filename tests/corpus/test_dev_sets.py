"""Entity and language quality on the labelled development sets (../shared/corpus: seed, dev-gold, dev-lang)."""
from __future__ import annotations

import json

import pytest

from indexer.analysis import analyze
from indexer.model import Communique
from tests.conftest import corpus_path


@pytest.fixture(scope="module")
def gold_report():
    from archive.evaluate import evaluate_gold

    return evaluate_gold(corpus_path("dev-gold", "gold.jsonl"))


def test_seed_communique():
    path = corpus_path("seed", "communique-2025-07-fr.txt")
    doc = analyze(Communique(source=str(path), text=path.read_text(encoding="utf-8")))
    assert doc.language == "fr"
    assert (doc.date, doc.date_precision) == ("2025-07", "month")
    assert doc.countries == ["FI", "GB", "RU", "SE", "TR", "UA"]
    assert "Istanbul" in doc.places and doc.organisations == ["NATO"]
    assert {"Ibrahim Kalin", "Tim Barrow"} <= set(doc.persons)


def test_dev_gold_floors(gold_report):
    assert gold_report.scores["countries"]["all"].f1 == 1.0
    assert gold_report.scores["organisations"]["all"].precision >= 0.95
    persons = gold_report.scores["persons"]["all"]
    assert persons.precision >= 0.95 and persons.f1 >= 0.85
    assert gold_report.language_accuracy() == 1.0


def test_dev_lang_accuracy():
    from indexer.analysis.language import identify

    with open(corpus_path("dev-lang", "tatoeba-sample.jsonl"), encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    ok = sum(identify(row["text"])[0] == row["lang"] for row in rows)
    assert ok / len(rows) >= 0.96
