"""The composed pipeline, plus checks on the shared development corpus."""
import json
from pathlib import Path

import pytest

from indexer.analysis import STAGES, analyze
from indexer.model import Communique

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"development corpus not found at {CORPUS}")


def test_stages_are_in_contract_order():
    assert [name for name, _ in STAGES] == ["normalise", "detect_language", "extract_date", "tag_countries",
                                            "tag_places", "extract_organisations", "extract_persons"]
    assert all(callable(fn) for _, fn in STAGES)


def test_analyze_small_document():
    doc = analyze(Communique(source="s", title="  Accord   avec la Suède ",
                             text="Berne, 2 mai 2024 - Le Conseil fédéral et l'OTAN ont discuté à Genève.",
                             declared_language="fr"))
    assert doc.title == "Accord avec la Suède"
    assert doc.language == "fr" and doc.warnings == []
    assert (doc.date, doc.date_precision) == ("2024-05-02", "day")
    assert doc.countries == ["CH", "SE"]
    assert doc.places == ["Bern", "Geneva"]
    assert doc.organisations == ["Federal Council", "NATO"]


@pytest.mark.parametrize("text", ["", " ", "0123456789 " * 100, "Ω≈ç√∫ 日本 مرحبا Привет Hello",
                                  "\x00\x01\x02", "a" * 200000])
def test_analyze_hostile_inputs(text):
    doc = analyze(Communique(source="s", text=text))
    assert isinstance(doc.countries, list) and 0.0 <= doc.language_confidence <= 1.0


@needs_corpus
@pytest.mark.corpus
def test_seed_communique():
    path = CORPUS / "seed" / "communique-2025-07-fr.txt"
    doc = analyze(Communique(source=str(path), text=path.read_text(encoding="utf-8")))
    assert doc.language == "fr"
    assert (doc.date, doc.date_precision) == ("2025-07", "month")
    assert doc.countries == ["FI", "GB", "RU", "SE", "TR", "UA"]
    assert "Istanbul" in doc.places and doc.organisations == ["NATO"]
    assert {"Ibrahim Kalin", "Tim Barrow"} <= set(doc.persons)


def _gold():
    with open(CORPUS / "dev-gold" / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            gold = json.loads(line)
            yield gold, (CORPUS / "dev-gold" / gold["file"]).read_text(encoding="utf-8")


@needs_corpus
@pytest.mark.corpus
def test_dev_gold_languages_and_countries():
    tp = fp = fn = lang_ok = n = 0
    for gold, text in _gold():
        doc = analyze(Communique(source=gold["file"], text=text))
        n += 1
        lang_ok += doc.language == gold["lang"]
        got = set(doc.countries) - (set(gold["uncertain"]) - set(gold["countries"]))
        tp += len(got & set(gold["countries"]))
        fp += len(got - set(gold["countries"]))
        fn += len(set(gold["countries"]) - got)
    assert lang_ok / n >= 0.97
    assert tp / (tp + fp) >= 0.93 and tp / (tp + fn) >= 0.90


@needs_corpus
@pytest.mark.corpus
def test_dev_lang_accuracy():
    from indexer.analysis.language import identify

    with open(CORPUS / "dev-lang" / "tatoeba-sample.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    ok = sum(identify(row["text"])[0] == row["lang"] for row in rows)
    assert ok / len(rows) >= 0.96
