"""Markdown communiqués (.md), parsed with markdown-it-py (CommonMark).

Optional front matter between `---` lines at the top, one `key: value` per
line: `title`, `date`, `lang`/`language`, `issuer`/`author`, `url`, `id`.
Without a front-matter title the first level-1 heading is the title and is
taken out of the text. The text is the rendered HTML turned back into plain
paragraphs, so all markup (emphasis, links, lists, raw HTML) is stripped.
"""
from __future__ import annotations

import re
from typing import Iterator

from markdown_it import MarkdownIt

from indexer.model import Communique
from indexer.readers.dates import source_date
from indexer.readers.decoding import decode
from indexer.readers.htmltext import html_to_text
from indexer.readers.records import make_communique

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
FRONT_MATTER_KEYS = {"title": "title", "date": "date", "lang": "declared_language",
                     "language": "declared_language", "issuer": "issuer", "author": "issuer",
                     "url": "url", "id": "source_id"}


def read(path: str, data: bytes) -> Iterator[Communique]:
    """Yield the one communiqué of a Markdown file."""
    yield parse_markdown(path, decode(data, path))


def parse_markdown(source: str, text: str) -> Communique:
    """Build a Communique from Markdown source text."""
    fields, body = split_front_matter(text)
    md = MarkdownIt("commonmark")
    tokens = md.parse(body)
    title = fields.pop("title", "")
    if not title:
        title, tokens = _take_first_h1(tokens)
    plain = html_to_text(md.renderer.render(tokens, md.options, {}))
    date, precision, warnings = source_date(fields.pop("date", None), "in front matter")
    if fields.get("declared_language"):
        fields["declared_language"] = fields["declared_language"].lower()
    return make_communique(source, plain, title, date=date, date_precision=precision,
                           warnings=warnings, **fields)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Known `key: value` pairs of the front matter, and the rest of the text."""
    match = _FRONT_MATTER.match(text.lstrip("\n"))
    if not match:
        return {}, text
    fields = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if sep and key in FRONT_MATTER_KEYS:
            fields[FRONT_MATTER_KEYS[key]] = value.strip().strip("\"'")
    return fields, text.lstrip("\n")[match.end():]


def _take_first_h1(tokens: list) -> tuple[str, list]:
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            inline = tokens[index + 1]
            title = "".join(child.content for child in inline.children or [] if child.type in ("text", "code_inline"))
            return title or inline.content, tokens[:index] + tokens[index + 3:]
    return "", tokens
