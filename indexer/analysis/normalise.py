"""Whitespace and Unicode tidy-up of a document's title and text.

Readers decode bytes and repair mojibake; this stage makes sure both fields
are NFC, drops control characters, collapses runs of spaces and tabs inside
lines, keeps paragraph breaks (at most one blank line) and trims.
"""
from __future__ import annotations

import re
import unicodedata

from indexer.model import Communique

# Horizontal whitespace, including no-break, thin and ideographic spaces.
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_BLANK_LINES = re.compile(r"\n{3,}")


def tidy_text(text: str | None) -> str:
    """NFC, no control characters, single spaces, at most one blank line, trimmed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROLS.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def tidy_title(title: str | None) -> str:
    """Like `tidy_text`, but a title is one line."""
    return " ".join(tidy_text(title).split())


def normalise(doc: Communique) -> Communique:
    """Tidy `doc.title` and `doc.text` in place and return the document."""
    doc.text = tidy_text(doc.text)
    doc.title = tidy_title(doc.title)
    return doc
