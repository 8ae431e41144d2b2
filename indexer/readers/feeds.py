"""RSS (0.9x, 1.0, 2.0) and Atom feeds: one communiqué per item or entry.

Elements are looked up by local name, so namespaced variants count too
(`content:encoded`, `dc:date`, `dc:creator`, `dc:language`).

    title              item title (HTML stripped)
    text               content:encoded / Atom content, else description / summary (HTML stripped)
    date               pubDate, dc:date, published, updated (day precision)
    url                link (Atom: rel="alternate" or no rel)
    source_id          guid / id
    declared_language  item or entry xml:lang or dc:language, else the channel's
    issuer             item author (dc:creator, Atom author name), else the feed title

Source: `path#<guid or id>`, or `path#<n>` (1-based position) without one.
An item with neither title nor text is a bad record. A feed that is not
well-formed XML is read item by item so one broken item does not lose the
others; the broken ones are reported in a `RecordError` after the good ones.
"""
from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET
from typing import Iterator

from indexer.model import Communique, ReadError
from indexer.readers.dates import source_date
from indexer.readers.decoding import decode
from indexer.readers.htmltext import html_to_text
from indexer.readers.records import RecordError, make_communique
from indexer.readers.safexml import declared_encoding, local_name, parse_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_ROOTS = {"rss", "feed", "RDF"}
_ROOT_TAG = re.compile(r"<((?:\w+:)?(?:rss|feed|RDF))\b[^>]*>")


class BadItem(ValueError):
    """One item that cannot become a Communique."""


def read(path: str, data: bytes) -> Iterator[Communique]:
    """Yield one communiqué per feed item; bad items are raised at the end."""
    text = decode(data, path, declared_encoding(data))
    try:
        root = parse_xml(path, text)
    except ReadError as err:
        if "entities" in err.reason:
            raise
        yield from _salvage(path, text, err)
        return
    if local_name(root.tag) not in FEED_ROOTS:
        raise ReadError(path, f"not an RSS or Atom feed (root element <{local_name(root.tag)}>)")
    yield from read_items(path, _feed_info(root), _items(root), warnings=[])


def read_items(path: str, feed: dict, items: list, warnings: list[str], bad=None) -> Iterator[Communique]:
    """Yield the good items as communiqués, then raise `RecordError` for the bad ones."""
    bad = list(bad or [])
    for number, item in items:
        try:
            yield item_to_communique(path, number, item, feed, warnings)
        except BadItem as err:
            bad.append((str(number), str(err)))
    if bad:
        raise RecordError(path, sorted(bad, key=lambda pair: int(pair[0])))


def item_to_communique(path: str, number: int, item: ET.Element, feed: dict, warnings: list[str]) -> Communique:
    """Map one RSS item or Atom entry to a Communique, or raise `BadItem`."""
    title = _markup_text(_child(item, "title"))
    content = _child(item, "encoded", "content")
    if content is None or not "".join(content.itertext()).strip():
        content = _child(item, "description", "summary")
    text = _markup_text(content)
    item_warnings = list(warnings)
    if not title and not text:
        raise BadItem("item without title or text")
    if not text:
        text = title
        item_warnings.append("item without text: the title is the text")
    raw_date = next((_text(_child(item, name)) for name in ("pubDate", "date", "published", "updated")
                     if _text(_child(item, name))), "")
    date, precision, date_warnings = source_date(raw_date)
    item_warnings += date_warnings
    guid = _text(_child(item, "guid", "id"))
    author = _child(item, "creator", "author")
    author_name = _text(_child(author, "name")) if author is not None and len(author) else _text(author)
    language = item.get(XML_LANG) or _text(_child(item, "language")) or feed["language"]
    return make_communique(
        f"{path}#{guid or number}", text, title, date=date, date_precision=precision,
        declared_language=(language or "").split("-")[0].lower() or None,
        issuer=author_name or feed["title"] or None, source_id=guid or None,
        url=_link(item), warnings=item_warnings,
    )


def _feed_info(root: ET.Element) -> dict:
    channel = _child(root, "channel")
    head = channel if channel is not None else root
    language = root.get(XML_LANG) or head.get(XML_LANG) or _text(_child(head, "language"))
    return {"title": _markup_text(_child(head, "title")), "language": language}


def _items(root: ET.Element) -> list[tuple[int, ET.Element]]:
    items = [el for el in root.iter() if local_name(el.tag) in ("item", "entry")]
    return list(enumerate(items, 1))


def _salvage(path: str, text: str, error: ReadError) -> Iterator[Communique]:
    """Read a broken feed item by item, each wrapped in the feed's own root tag."""
    root_tag = _ROOT_TAG.search(text)
    if not root_tag:
        raise error
    root_name = root_tag.group(1)
    item_name = "entry" if root_name.endswith("feed") else "item"
    wrapper_open = root_tag.group(0) + ("<channel>" if root_name == "rss" else "")
    wrapper_close = ("</channel>" if root_name == "rss" else "") + f"</{root_name}>"
    starts = [m.start() for m in re.finditer(rf"<{item_name}[\s>]", text)]
    if not starts:
        raise error
    try:
        head_root = parse_xml(path, text[: starts[0]] + wrapper_close)
        feed = _feed_info(head_root)
    except ReadError:
        feed = {"title": "", "language": None}
    items, bad = [], []
    for number, (start, end) in enumerate(zip(starts, starts[1:] + [len(text)]), 1):
        chunk = text[start:end]
        close = chunk.find(f"</{item_name}>")
        try:
            if close < 0:
                raise ReadError(path, "truncated")
            wrapped = parse_xml(path, wrapper_open + chunk[: close + len(item_name) + 3] + wrapper_close)
            items.append((number, _items(wrapped)[0][1]))
        except ReadError as err:  # positions inside the wrapper would mislead: drop them
            bad.append((str(number), re.sub(r":? line \d+, column \d+", "", err.reason)))
    if not items:
        raise error
    warnings = [f"feed is not well-formed XML ({error.reason}); items were read one by one"]
    yield from read_items(path, feed, items, warnings, bad)


def _child(element: ET.Element | None, *names: str) -> ET.Element | None:
    if element is None:
        return None
    for name in names:
        for child in element:
            if local_name(child.tag) == name:
                return child
    return None


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _markup_text(element: ET.Element | None) -> str:
    """Text of an element whose content may be escaped HTML or inline XHTML."""
    if element is None:
        return ""
    if element.get("type") == "xhtml" or len(element):
        plain = copy.deepcopy(element)
        for node in plain.iter():  # "{http://www.w3.org/1999/xhtml}p" -> "p", so HTML blocks are seen
            node.tag = local_name(node.tag)
        inner = "".join(ET.tostring(child, encoding="unicode") for child in plain)
        return html_to_text((plain.text or "") + inner)
    raw = element.text or ""
    if element.get("type") == "text":
        return raw.strip()
    return html_to_text(raw) if ("<" in raw or "&" in raw) else raw.strip()


def _link(item: ET.Element) -> str | None:
    for child in item:
        if local_name(child.tag) != "link":
            continue
        if child.get("href"):
            if child.get("rel", "alternate") == "alternate":
                return child.get("href")
        elif (child.text or "").strip():
            return child.text.strip()
    return None
