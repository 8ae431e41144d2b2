"""Plain-text communiqués (.txt).

Optional header lines of the shape `key value` at the top, each possibly
with one leading space: `date 2025-07` (YYYY-MM or YYYY-MM-DD; the body may
follow on the same line), `title ...`, `language fr` (or `lang`),
`issuer ...`, `issuer_country CH`, `url ...`. The header ends at the first other line. The body's
paragraphs are separated by blank lines; without a `title` line the first
sentence serves as one.
"""
from __future__ import annotations

import re
from typing import Iterator

from indexer.model import Communique
from indexer.readers.dates import date_header, source_date
from indexer.readers.decoding import decode
from indexer.readers.records import make_communique

_FIELD_LINE = re.compile(r" ?(title|language|lang|issuer_country|issuer|url)[ \t]+(\S.*)")
FIELD_NAMES = {"title": "title", "language": "declared_language", "lang": "declared_language",
               "issuer": "issuer", "issuer_country": "issuer_country", "url": "url"}


def read(path: str, data: bytes) -> Iterator[Communique]:
    """Yield the one communiqué of a plain-text file."""
    yield parse_text(path, decode(data, path))


def parse_text(source: str, text: str) -> Communique:
    """Split header lines from the body and build the Communique."""
    fields: dict[str, str] = {}
    lines = text.split("\n")
    body_start = len(lines)
    for number, line in enumerate(lines):
        header = date_header(line)
        field_match = _FIELD_LINE.fullmatch(line)
        if header and "date" not in fields:
            fields["date"], rest = header
            if rest:
                lines[number] = rest
                body_start = number
                break
        elif field_match and FIELD_NAMES[field_match.group(1)] not in fields:
            fields[FIELD_NAMES[field_match.group(1)]] = field_match.group(2).strip()
        elif not line.strip() and not fields:
            continue
        else:
            body_start = number
            break
    date, precision, warnings = source_date(fields.pop("date", None), "in header")
    fields.setdefault("declared_language", None)
    if fields["declared_language"]:
        fields["declared_language"] = fields["declared_language"].lower()
    return make_communique(
        source, "\n".join(lines[body_start:]), date=date, date_precision=precision,
        warnings=warnings, **fields,
    )
