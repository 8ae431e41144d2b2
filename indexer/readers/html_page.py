"""HTML pages (.html, .htm).

Title: `og:title`, else `<title>`, else the first `<h1>`. Date from the first
of the meta tags in `DATE_META` or a `<time datetime>`. Language from
`<html lang>` (primary subtag, lower case). Text from `<article>`, else
`<main>`, else `<body>`, without navigation, header, footer, asides, scripts
and styles. The encoding is the one the page declares in a `<meta>` tag when
there is one.
"""
from __future__ import annotations

import re
from typing import Iterator

from indexer.model import Communique
from indexer.readers.dates import source_date
from indexer.readers.decoding import decode
from indexer.readers.htmltext import node_text, parse
from indexer.readers.records import make_communique

DATE_META = (
    "article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.date",
    "dcterms.issued", "pubdate", "publication_date",
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def read(path: str, data: bytes) -> Iterator[Communique]:
    """Yield the one communiqué of an HTML page."""
    declared = _META_CHARSET.search(data[:4096])
    yield parse_html(path, decode(data, path, declared.group(1).decode("ascii") if declared else None))


def parse_html(source: str, html: str) -> Communique:
    """Build a Communique from an HTML page."""
    tree = parse(html)
    metas = _meta_values(tree)
    title = metas.get("og:title") or _first_text(tree, "title") or _first_text(tree, "h1")
    raw_date = next((metas[name] for name in DATE_META if metas.get(name)), None)
    if not raw_date:
        time = tree.css_first("time[datetime]")
        raw_date = time.attributes.get("datetime") if time else None
    date, precision, warnings = source_date(raw_date)
    html_node = tree.css_first("html")
    lang = (html_node.attributes.get("lang") or "") if html_node else ""
    canonical = tree.css_first("link[rel=canonical]")
    url = metas.get("og:url") or (canonical.attributes.get("href") if canonical else None)
    main = tree.css_first("article") or tree.css_first("main") or tree.body
    text = node_text(main) if main else ""
    issuer = metas.get("og:site_name") or metas.get("author") or metas.get("dc.publisher")
    return make_communique(
        source, text, title, date=date, date_precision=precision,
        declared_language=lang.split("-")[0].split("_")[0].lower() or None,
        issuer=issuer, url=url, warnings=warnings,
    )


def _meta_values(tree) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in tree.css("meta[content]"):
        name = meta.attributes.get("property") or meta.attributes.get("name") or meta.attributes.get("itemprop")
        content = (meta.attributes.get("content") or "").strip()
        if name and content:
            values.setdefault(name.strip().lower(), content)
    return values


def _first_text(tree, selector: str) -> str:
    node = tree.css_first(selector)
    return " ".join(node.text(deep=True).split()) if node else ""
