"""Limits that keep one file from stopping or swamping a run, checked before the work they guard.

Each is a setting (README: ARCHIVE_MAX_FILE_MB, ARCHIVE_MAX_RECORDS,
ARCHIVE_MAX_DEPTH, ARCHIVE_MAX_TEXT_CHARS); what exceeds one is rejected
with a reason that names it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 50 * 2**20  # larger files are refused from their size, before any reading
    max_records: int = 1_000_000  # records read from one file; the rest are reported, not read
    max_depth: int = 64  # nesting of a JSON record
    max_text_chars: int = 5_000_000  # characters of one document's text
    stream_bytes: int = 4 * 2**20  # JSON and JSON Lines files larger than this are read and saved in parts

    @classmethod
    def from_config(cls, config: dict) -> "Limits":
        return cls(max_file_bytes=int(config["MAX_FILE_MB"] * 2**20), max_records=int(config["MAX_RECORDS"]),
                   max_depth=int(config["MAX_DEPTH"]), max_text_chars=int(config["MAX_TEXT_CHARS"]))


DEFAULT_LIMITS = Limits()
