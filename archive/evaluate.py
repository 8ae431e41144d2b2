"""`archive evaluate`: measure entity and language quality against a labelled set.

Two kinds of file are understood:
- gold sets (dev-gold/gold.jsonl): one line per text with `file`, `lang`,
  `countries`, `persons`, `organisations`, `uncertain`; scored as the corpus
  README says: true and false positives and misses counted per document and
  summed over documents, predictions listed in `uncertain` ignored;
- language sets (dev-lang/*.jsonl): lines with `lang` and `text`; scored as
  accuracy per language.
Names are compared as entities, the same mapping applied to gold and
predicted names: organisations through `organisations.canonical` ("OTAN" and
"NATO" are one; "Long Form (ACR)" and "Long Form" are one), persons through
`names.person_key` (folded, name order ignored).
"""
from __future__ import annotations

import json
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from indexer.analysis import analyze
from indexer.analysis.names import person_key
from indexer.analysis.organisations import canonical
from indexer.model import Communique

ENTITY_TYPES = ("countries", "persons", "organisations")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[str], gold: set[str], ignore: set[str] = frozenset()) -> None:
        predicted = predicted - (ignore - gold)
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, dict[str, Score]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Score)))
    language_hits: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    errors: list[str] = field(default_factory=list)  # one line per wrong prediction, for reading

    def language_accuracy(self) -> float:
        right = sum(r for r, _ in self.language_hits.values())
        total = sum(t for _, t in self.language_hits.values())
        return right / total if total else 0.0


def _names(values, key) -> set[str]:
    return {key(v) for v in values}


def _org_key(name: str) -> str:
    return canonical(name).lower()


def evaluate_gold(path: Path) -> Report:
    report = Report()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        text = (path.parent / gold["file"]).read_text(encoding="utf-8")
        doc = analyze(Communique(source=gold["file"], text=text))
        lang = gold["lang"]
        predicted = {"countries": set(doc.countries), "persons": _names(doc.persons, person_key),
                     "organisations": _names(doc.organisations, _org_key)}
        expected = {"countries": set(gold["countries"]), "persons": _names(gold["persons"], person_key),
                    "organisations": _names(gold["organisations"], _org_key)}
        ignore = {"countries": set(gold.get("uncertain", []))}
        for kind in ENTITY_TYPES:
            for bucket in (lang, SCRIPT_PREFIX + script_of(text), "all"):
                report.scores[kind][bucket].add(predicted[kind], expected[kind], ignore.get(kind, set()))
            wrong_p = predicted[kind] - expected[kind] - ignore.get(kind, set())
            missed = expected[kind] - predicted[kind]
            if wrong_p or missed:
                report.errors.append(f"{gold['id']} {kind}: extra {sorted(wrong_p)} missed {sorted(missed)}")
        _count_language(report, lang, doc.language, gold["id"])
    return report


SCRIPT_PREFIX = "script "
# Unicode letter-name prefixes and the script they are counted under (kana and Han are one: Japanese
# texts mix them)
_SCRIPTS = {"LATIN": "Latin", "CYRILLIC": "Cyrillic", "GREEK": "Greek", "ARABIC": "Arabic", "HEBREW": "Hebrew",
            "CJK": "Han/kana", "HIRAGANA": "Han/kana", "KATAKANA": "Han/kana", "HANGUL": "Hangul", "THAI": "Thai",
            "DEVANAGARI": "Devanagari", "ARMENIAN": "Armenian", "GEORGIAN": "Georgian"}


def script_of(text: str) -> str:
    """The script most of the letters of `text` are written in ("Latin", "Cyrillic", "Han/kana", …)."""
    counts: Counter = Counter()
    for ch in text:
        if ch.isalpha():
            first = unicodedata.name(ch, "OTHER").split(" ")[0]
            counts[_SCRIPTS.get(first, "other")] += 1
    return counts.most_common(1)[0][0] if counts else "other"


def evaluate_languages(path: Path) -> Report:
    from indexer.analysis.language import identify

    report = Report()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            item = json.loads(line)
            _count_language(report, item["lang"], identify(item["text"])[0], f"line {number}")
    return report


def _count_language(report: Report, expected: str, found: str | None, where: str) -> None:
    hits = report.language_hits[expected]
    hits[1] += 1
    if found == expected:
        hits[0] += 1
    else:
        report.errors.append(f"{where} language: expected {expected}, found {found}")


def is_gold_file(path: Path) -> bool:
    with path.open(encoding="utf-8") as handle:
        first = json.loads(handle.readline())
    return "countries" in first and "file" in first


def format_report(report: Report) -> str:
    lines = []
    for kind in ENTITY_TYPES:
        if kind not in report.scores:
            continue
        width = max(5, *(len(b) for b in report.scores[kind]))
        lines.append(f"{kind:<14} {'lang':<{width}} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        buckets = sorted(b for b in report.scores[kind] if b != "all" and not b.startswith(SCRIPT_PREFIX))
        buckets += sorted(b for b in report.scores[kind] if b.startswith(SCRIPT_PREFIX)) + ["all"]
        for bucket in buckets:
            s = report.scores[kind][bucket]
            lines.append(f"{'':<14} {bucket:<{width}} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                         f"{s.tp:5d} {s.fp:5d} {s.fn:5d}")
        lines.append("")
    lines.append("language accuracy per language:")
    for lang, (right, total) in sorted(report.language_hits.items()):
        lines.append(f"  {lang:<5} {right / total:6.3f} ({right}/{total})")
    lines.append(f"language accuracy: {report.language_accuracy():.4f}")
    return "\n".join(lines)


@dataclass
class StageTimes:
    files: int
    documents: int
    read_seconds: float
    load_seconds: float
    seconds: dict[str, float]  # per stage, in order

    @property
    def total(self) -> float:
        return sum(self.seconds.values())


def time_stages(paths: list[str], limit: int = 0) -> StageTimes:
    """Read the files under `paths` with the real readers, then time each analysis stage over all
    their documents (stage by stage, in the order `analyze` runs them)."""
    from indexer.analysis import STAGES
    from indexer.pipeline import expand_paths
    from indexer.readers import read_path

    files = list(expand_paths(paths))
    if limit:
        files = files[:limit]
    started = time.perf_counter()
    docs = [doc for path in files for doc in read_path(path)]
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    if docs:
        for _, stage in STAGES:  # lazily built tables and models load here, reported apart
            stage(Communique(source=docs[0].source, text=docs[0].text))
    load_s = time.perf_counter() - started
    seconds = {}
    for name, stage in STAGES:
        started = time.perf_counter()
        for doc in docs:
            stage(doc)
        seconds[name] = time.perf_counter() - started
    return StageTimes(len(files), len(docs), read_s, load_s, seconds)


def format_stage_times(t: StageTimes) -> str:
    def rate(seconds: float) -> str:
        return f"{t.documents / seconds:9.0f} docs/s" if seconds > 0 else f"{'-':>9} docs/s"

    lines = [f"read {t.files} files, {t.documents} documents in {t.read_seconds:.1f} s",
             f"loading models and tables: {t.load_seconds:.2f} s"]
    for name, seconds in t.seconds.items():
        lines.append(f"{name:<24} {seconds:7.2f} s  {rate(seconds)}  {100 * seconds / (t.total or 1):5.1f}%")
    lines.append(f"{'whole analysis':<24} {t.total:7.2f} s  {rate(t.total)}")
    return "\n".join(lines)
