"""How files are read: limits that keep one file from stopping or swamping a run, checked before the
work they guard, and the reading settings that go with them.

Each is a setting (README: ARCHIVE_MAX_FILE_MB, ARCHIVE_MAX_RECORDS,
ARCHIVE_MAX_DEPTH, ARCHIVE_MAX_TEXT_CHARS, ARCHIVE_OCR, ARCHIVE_OCR_TIMEOUT,
ARCHIVE_JSON_FIELDS); what exceeds a limit is rejected with a reason that
names it.
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
    ocr: bool = True  # scanned pages and images are read by Tesseract (off: such files are rejected, saying so)
    ocr_timeout: float = 120.0  # seconds of OCR per page
    # The user's JSON keys, tried before the built-in ones: (("text", ("story", "body_html")), ...)
    json_fields: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def from_config(cls, config: dict) -> "Limits":
        return cls(max_file_bytes=int(config["MAX_FILE_MB"] * 2**20), max_records=int(config["MAX_RECORDS"]),
                   max_depth=int(config["MAX_DEPTH"]), max_text_chars=int(config["MAX_TEXT_CHARS"]),
                   ocr=bool(config.get("OCR", True)), ocr_timeout=float(config.get("OCR_TIMEOUT") or 120.0),
                   json_fields=parse_json_fields(config.get("JSON_FIELDS") or ""))


def parse_json_fields(spec: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """"text=story|article_body, title=head" -> (("text", ("story", "article_body")), ("title", ("head",))).

    Raises ValueError naming the fields there are when a field is unknown or a pair is malformed.
    """
    from indexer.readers.json_records import FIELD_MAP

    out = []
    for pair in filter(None, (p.strip() for p in spec.split(","))):
        name, equals, keys = pair.partition("=")
        name = name.strip().lower()
        names = tuple(k.strip() for k in keys.split("|") if k.strip())
        if not equals or not names:
            raise ValueError(f"ARCHIVE_JSON_FIELDS: {pair!r} is not field=key (or field=key1|key2)")
        if name not in FIELD_MAP:
            raise ValueError(f"ARCHIVE_JSON_FIELDS: no field {name!r}; the fields are {', '.join(FIELD_MAP)}")
        out.append((name, names))
    return tuple(out)


DEFAULT_LIMITS = Limits()
