"""Documents in binary formats, written per test run into a temporary folder (tests/documents_made.py)."""
from __future__ import annotations

import shutil

import pytest

from tests.conftest import IN_CI


@pytest.fixture(scope="session")
def tesseract():
    """OCR needs Tesseract (scripts/test installs it); without it, skip here and fail in CI."""
    from indexer.readers import ocr

    if shutil.which("tesseract") is None or not {"deu", "fra", "ara", "eng"} <= ocr.installed_packs():
        message = "Tesseract with the deu, fra, ara and eng packs is not installed (apt-get install tesseract-ocr-…)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
