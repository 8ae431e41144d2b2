"""The analysis fingerprint: any change to what turns files into documents changes it."""
from __future__ import annotations

import shutil

import indexer.fingerprint as fingerprint


def test_the_fingerprint_follows_the_analysis_code_and_tables(tmp_path, monkeypatch):
    copy = tmp_path / "indexer"
    shutil.copytree(fingerprint._ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "_ROOT", copy)

    def fresh() -> str:
        fingerprint.analysis_fingerprint.cache_clear()
        return fingerprint.analysis_fingerprint()

    try:
        original = fresh()
        assert len(original) == 16 and original == fresh()
        (copy / "ledger.py").write_text("# not part of the analysis\n", encoding="utf-8")
        assert fresh() == original
        table = copy / "analysis" / "_organisation_names.py"
        table.write_text(table.read_text(encoding="utf-8") + "\n# a new alias\n", encoding="utf-8")
        changed = fresh()
        assert changed != original
        (copy / "readers" / "nsb.py").unlink()
        assert fresh() not in (original, changed)
    finally:
        fingerprint.analysis_fingerprint.cache_clear()
