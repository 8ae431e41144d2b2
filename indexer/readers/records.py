"""What every reader hands back: `make_communique` and `RecordError`.

`make_communique` gives all readers the same finishing: tidied text, a title
taken from the first sentence when the source has none, capped titles.

Bad records of a multi-document file. Design: a reader yields every good record first and, only after the last one,
raises `RecordError` naming the bad records (key and reason). A consumer that
handles documents while iterating loses no good record, and a whole-file
failure and a partial failure are caught the same way::

    try:
        for doc in read_path(path):
            handle(doc)
    except ReadError as err:  # RecordError is a ReadError
        report(err)
"""
from __future__ import annotations

from indexer.model import Communique, ReadError
from indexer.readers.textlayout import cap_title, title_from_text
from indexer.tidy import tidy, tidy_line


def make_communique(source: str, text: str, title: str | None = None, **fields) -> Communique:
    """A Communique with tidied text and title; `fields` are other Communique fields.

    String fields are cleaned (mojibake, NFC, controls) and empty ones become
    None. A source with a title but no body gets the title as its text, so
    no document is empty.
    """
    text = tidy(text)
    title = cap_title(tidy_line(title)) or title_from_text(text)
    text = text or title
    for name, value in fields.items():
        if isinstance(value, str):
            fields[name] = tidy_line(value) or None
    if fields.get("issuer_country"):
        fields["issuer_country"] = fields["issuer_country"].upper()
    return Communique(source=source, text=text, title=title, **fields)


class RecordError(ReadError):
    """Some records of a file could not be read; the good ones were yielded before.

    `bad` lists `(key, reason)` pairs, the key being the record's key in the
    file (JSONL line number, JSON list index, feed item number).
    """

    def __init__(self, path: str, bad: list[tuple[str, str]]):
        self.bad = list(bad)
        shown = "; ".join(f"record {key}: {reason}" for key, reason in self.bad[:5])
        more = f"; and {len(self.bad) - 5} more" if len(self.bad) > 5 else ""
        super().__init__(path, f"{len(self.bad)} bad record(s): {shown}{more}")
