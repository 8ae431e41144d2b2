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
_UNCLEAN_CHARS = r"\r\u2028\u2029\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff\ufffe\ud800-\udfff"
# What `clean_text` changes besides mojibake (line breaks, escapes, controls, invisible characters,
# surrogates), and what `tidy` also changes (spaces of other kinds), looked for in one pass: one
# character class reads a text several times faster than the substitutions (most texts need none).
_UNCLEAN = re.compile(f"[{_UNCLEAN_CHARS}]")
_SPACE_CHARS = "\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # besides " "
_UNTIDY = re.compile(f"[{_UNCLEAN_CHARS}{_SPACE_CHARS}]")
_SPACES = re.compile(f"[ {_SPACE_CHARS}]+")
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
    return _cleaned(text)[0]


def _cleaned(text: str) -> tuple[str, bool]:
    """`clean_text` of a non-empty text, and whether ftfy ran."""
    return _clean(text) if _UNCLEAN.search(text) else _repaired(text)


def _clean(text: str) -> tuple[str, bool]:
    text = _LINE_BREAKS.sub("\n", text).replace("\u2029", "\n\n")
    if "\x1b" in text:
        text = _TERMINAL_ESCAPE.sub("", text)
    return _repaired(_CONTROL.sub("", text), _SURROGATE.search(text) is not None)


def _repaired(text: str, surrogates: bool = False) -> tuple[str, bool]:
    """`text` (no line breaks but "\n", no controls) in NFC, mojibake repaired, and whether ftfy ran.
    Mojibake is looked for once invisible characters and decomposed letters are gone (they can hide
    it). ftfy is slow on long texts: it runs only where mojibake could be."""
    text = unicodedata.normalize("NFC", text)
    if _MOJIBAKE_HINT.search(text) and is_bad(text) or surrogates:
        return unicodedata.normalize("NFC", _CONTROL.sub("", _SURROGATE.sub("", ftfy.fix_text(text, _FTFY)))), True
    return text, False


def tidy(text: str | None) -> str:
    """`clean_text`, then trimmed lines, single spaces, at most one blank line between paragraphs.

    A tidy text is its own `tidy`: where ftfy repaired mojibake or may find some (mojibake can read
    differently once spaces are collapsed), the text is tidied again until it stays the same."""
    if text in _TIDY:
        return text  # type: ignore[return-value]
    if not text:
        return ""
    tidied, repaired, spaced = _tidy(text)
    for _ in range(3):  # rarely more than one pass: where ftfy repaired, or where spaces or invisible
        # characters that were taken out stood between the letters of mojibake
        if not (repaired or spaced and _MOJIBAKE_HINT.search(tidied) and is_bad(tidied)):
            break
        again, repaired, spaced = _tidy(tidied)
        if again == tidied:
            break
        tidied = again
    if len(tidied) >= _TIDY_LONG:
        if len(_TIDY) >= _TIDY_KEPT:
            _TIDY.clear()  # one step, safe beside other threads
        _TIDY.add(tidied)
    return tidied


def _tidy(text: str) -> tuple[str, bool, bool]:
    """One pass of `tidy`: the text, whether ftfy ran, whether characters were taken out or spaces
    collapsed after mojibake was looked for."""
    untidy = _UNTIDY.search(text) is not None
    text, repaired = _cleaned(text) if untidy else _repaired(text)
    spaced = untidy or "  " in text
    if spaced:  # no space class holds "\n": collapsing spaces in the whole text is collapsing them line by line
        text = _SPACES.sub(" ", text)
    tidied = "\n".join([line.strip() for line in text.split("\n")])
    if "\n\n\n" in tidied:
        tidied = _BLANK_LINES.sub("\n\n", tidied)
    return tidied.strip(), repaired, spaced


def tidy_line(text: str | None) -> str:
    """Like `tidy`, on one line (titles, names, single fields)."""
    return " ".join(tidy(text).split())
