"""Paragraphs and titles shared by the readers (text itself is tidied by indexer.tidy).

`title_from_text`
takes the first sentence when a source has no title, taking care not to cut at
abbreviations ("Dr.", "z. B.", "U.S."), initials ("J. Smith") or ordinals
("1. Januar").
"""
from __future__ import annotations

import re

from indexer.tidy import tidy

TITLE_MAX = 200

# A sentence end: terminal punctuation, optional closing quotes or brackets,
# whitespace, then something that can start a sentence (not a lowercase letter).
_BOUNDARY = re.compile(r"([.!?…。！？])[\"'”’»)\]]*\s+(?=[^\s\w]*[^\W\d_a-zß-ÿ]|[\"'“‘«(\[\d])")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt no nr vs etc e.g i.e cf approx ca incl excl
    gen col lt maj capt sgt gov sen rep pres amb hon rev inc ltd co corp dept
    fig art para jan feb apr jun jul aug sep sept oct nov dec
    mm mme mmes mlle dres vol pp env cie av bd
    z.b bzw vgl usw ggf evtl inkl sog hr fr dipl ing abs
    sig sigg dott avv
    sra srta dña lic
    u.s u.k u.n e.u
    """.split()
)


def paragraphs(text: str) -> list[str]:
    """The non-empty paragraphs of tidied text."""
    return [p for p in tidy(text).split("\n\n") if p]


def title_from_text(text: str) -> str:
    """The first sentence of the text (or its first line if that is a heading), capped."""
    first = next(iter(paragraphs(text[: TITLE_MAX * 20])), "")
    line, _, rest = first.partition("\n")
    if rest and not rest[0].islower() and len(line) <= TITLE_MAX and not _BOUNDARY.search(line + " X"):
        return line  # a heading-like first line: no sentence end, next line not a continuation
    return cap_title(first_sentence(first.replace("\n", " ")))


def first_sentence(text: str) -> str:
    """Text up to the first real sentence end."""
    for match in _BOUNDARY.finditer(text):
        end = match.start(1) + 1
        if match.group(1) != "." or not _is_abbreviation(text[: match.start(1)]):
            return text[: match.end()].strip()
        if end > TITLE_MAX * 5:
            break
    return text.strip()


def cap_title(title: str, limit: int = TITLE_MAX) -> str:
    """Shorten a title to `limit` characters at a word boundary, marking the cut with '…'."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def _is_abbreviation(before: str) -> bool:
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).strip(".'’-")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith", "M. Macron"
    if word.isdigit() and len(word) <= 2:
        return True  # an ordinal: "am 1. Januar"
    if re.fullmatch(r"(?:\w\.)+\w", word):
        return True  # "U.S", "z.B", "e.g"
    return word.lower() in ABBREVIATIONS


# -- text laid out in lines and pages (PDF text layers, OCR) ----------------------------------------

SENTENCE_END = (".", "!", "?", ":", ";", "。", "؟", "»", "”", '"', ")")
# Scripts written without spaces between words: Thai, kana, Han (Korean puts spaces between words).
_UNSPACED = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                       "\u3001\u3002\uff0c]")


def _no_space(left: str, right: str) -> bool:
    """Chinese, Japanese and Thai lines are joined without a space (a space would split a word)."""
    return bool(left and right and _UNSPACED.match(left) and _UNSPACED.match(right))


def join_lines(left: str, right: str) -> str:
    """Two lines of one paragraph as one: a hyphen at the line end before a lower-case letter dropped,
    no space between lines in a script without spaces."""
    if left.endswith("-") and right[:1].islower() and left[-2:-1].isalpha():
        return left[:-1] + right  # a hyphen PDFium did not mark
    return left + ("" if _no_space(left[-1:], right[:1]) else " ") + right


def line_paragraphs(text: str) -> list[str]:
    """Paragraphs (blank-line separated) of text given line by line, as OCR gives it."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines:
            joined = lines[0]
            for line in lines[1:]:
                joined = join_lines(joined, line)
            paragraphs.append(joined)
    return paragraphs


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """The pages' text as one (each tidied; a sentence that goes on over a page break stays one
    paragraph), and where each page starts in it (an empty page where the next one starts)."""
    text, starts = "", []
    for page in pages:
        page = tidy(page)
        if not page:
            starts.append(-1)
            continue
        goes_on = text and not text.endswith(SENTENCE_END) and page[:1].islower()
        text += (("" if _no_space(text[-1:], page[:1]) else " ") if goes_on else "\n\n" if text else "")
        starts.append(len(text))
        text += page
    # an empty page starts where the next page does (or at the end)
    following = len(text)
    for i in range(len(starts) - 1, -1, -1):
        if starts[i] < 0:
            starts[i] = following
        following = starts[i]
    return text, starts
