"""Text tidied one way everywhere: by the readers as they build a document, and by analysis.

`clean_text` repairs what decoding leaves (mojibake, by ftfy), applies NFC,
normalises line endings and drops control and invisible characters (the BOM,
zero-width spaces, terminal escapes); `tidy` also collapses spaces inside
lines (no-break, thin and ideographic spaces included) and leaves exactly one
blank line between paragraphs; `tidy_line` makes one line of it (titles,
names).
"""
from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

# Markup and quotes are the readers' business: ftfy only repairs encodings.
_FTFY = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, fix_character_width=False, explain=False)
_TERMINAL_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff\ufffe]")
# Mojibake always pairs a Latin-1 letter with a symbol or another Latin-1
# letter ("Ã©", "â€™", "Ð¿", "ÔÇÖ"): a cheap test before ftfy's own.
_MOJIBAKE_HINT = re.compile(r"[\u00c0-\u00ff][\u0080-\u00ff\u0152-\u0192\u02c6\u02dc\u2013-\u2122\u2500-\u257f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # from JSON escapes; unencodable alone
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\x85]")
_SPACE_CHARS = "\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # besides " "
# What collapsing spaces changes: a run of two or more, or one space of another kind. (Matching every
# single space as well would make one match per word.)
_SPACES = re.compile(f"[ {_SPACE_CHARS}]{{2,}}|[{_SPACE_CHARS}]")
_BLANK_LINES = re.compile(r"\n{3,}")
# The last long texts `tidy` made: a document's text passes through it more than once (the reader, the
# record, the analysis stage), and a tidy text is its own `tidy`. Short ones cost little to tidy again.
_TIDY: set[str] = set()
_TIDY_KEPT = 32
_TIDY_LONG = 256


def clean_text(text: str | None) -> str:
    """Repair mojibake, NFC, drop control and invisible characters, normalise line endings."""
    if not text:
        return ""
    if "\r" in text or "\u2028" in text or "\x85" in text:
        text = _LINE_BREAKS.sub("\n", text)
    text = text.replace("\u2029", "\n\n")
    if "\x1b" in text:
        text = _TERMINAL_ESCAPE.sub("", text)
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    # Mojibake is looked for in what is left (an invisible character or a decomposed letter can hide
    # it), so that a text once cleaned is clean. ftfy is slow on long texts: run it only where mojibake could be.
    if _MOJIBAKE_HINT.search(text) and is_bad(text) or _SURROGATE.search(text):
        text = unicodedata.normalize("NFC", _CONTROL.sub("", _SURROGATE.sub("", ftfy.fix_text(text, _FTFY))))
    return text


def tidy(text: str | None) -> str:
    """`clean_text`, then trimmed lines, single spaces, at most one blank line between paragraphs."""
    if text in _TIDY:
        return text  # type: ignore[return-value]
    # no space class holds "\n": collapsing spaces in the whole text is collapsing them line by line
    lines = [line.strip() for line in _SPACES.sub(" ", clean_text(text)).split("\n")]
    tidied = "\n".join(lines)
    if "\n\n\n" in tidied:
        tidied = _BLANK_LINES.sub("\n\n", tidied)
    tidied = tidied.strip()
    if len(tidied) >= _TIDY_LONG:
        if len(_TIDY) >= _TIDY_KEPT:
            _TIDY.clear()  # one step, safe beside other threads
        _TIDY.add(tidied)
    return tidied


def tidy_line(text: str | None) -> str:
    """Like `tidy`, on one line (titles, names, single fields)."""
    return " ".join(tidy(text).split())
