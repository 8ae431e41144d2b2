"""The suite runs against the package as users install it (scripts/test installs it plainly)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import archive
import indexer
from tests.conftest import IN_CI, ROOT


@pytest.mark.skipif(not IN_CI and os.environ.get("ARCHIVE_TEST_INSTALLED") != "1",
                    reason="a developer may test a checkout; CI and scripts/test test the installed package")
def test_the_code_under_test_is_the_installed_package_not_the_checkout():
    for package in (archive, indexer):
        where = Path(package.__file__).resolve()
        assert where.parent != ROOT / package.__name__, f"{package.__name__} was imported from the checkout"
        assert "site-packages" in where.parts, where
