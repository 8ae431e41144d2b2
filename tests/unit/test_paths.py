"""File names as the indexer shows them, and the links it follows."""
from __future__ import annotations

import os

import pytest

from indexer.paths import expand_paths, shown


@pytest.mark.parametrize("name, expected", [
    ("plain.txt", "plain.txt"),
    ("Genève/Zürich.txt", "Genève/Zürich.txt"),
    (os.fsdecode(b"bad-\xff.txt"), "bad-\\xff.txt"),  # not UTF-8: the byte, escaped
    ("two\nlines.txt", "two\\nlines.txt"),
    ("tab\there\x1b[31m.txt", "tab\\there\\x1b[31m.txt"),
    ("sep\u2028arator.txt", "sep\\u2028arator.txt"),
])
def test_shown_names_are_one_safe_line(name, expected):
    assert shown(name) == expected
    assert shown(name).encode("utf-8")  # always storable


def test_a_link_loop_is_walked_once_when_links_are_followed(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x")
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    assert [os.path.basename(p) for p in expand_paths([str(tmp_path)], follow_links=True)] == ["x.txt"]
