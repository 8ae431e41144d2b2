"""HTML to display text, with selectolax.

Used for HTML pages, HTML e-mail parts, feed descriptions, Markdown rendered
to HTML and the escaped markup inside NSB messages. Block elements become
paragraph breaks, `<br>` a line break, entities are decoded, and page
furniture (navigation, header, footer, asides, scripts, styles, forms) is
dropped.
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from indexer.tidy import tidy

DROPPED = "script, style, noscript, template, iframe, object, svg, canvas, form, button, nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]"
BLOCKS = (
    "p, div, section, article, main, h1, h2, h3, h4, h5, h6, li, dt, dd, ul, ol, dl, "
    "table, tr, blockquote, pre, figure, figcaption, address, hr, details, summary"
)
_PARAGRAPH = "\ue000"  # private-use markers survive text extraction and whitespace folding
_LINE = "\ue001"
# A DOCTYPE with an internal subset ("<!DOCTYPE html [ <!ENTITY …> ]>") is XML, not HTML:
# an HTML parser ends it at the first ">" and shows the rest ("]>") as text.
_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.IGNORECASE | re.DOTALL)


def parse(html: str) -> LexborHTMLParser:
    """Parse an HTML document or fragment."""
    head, rest = html[:65536], html[65536:]
    if "<!" in head:
        head = _DOCTYPE.sub("", head, count=1)
    return LexborHTMLParser((head + rest).replace(_PARAGRAPH, "").replace(_LINE, ""))


def html_to_text(html: str) -> str:
    """The readable text of an HTML document or fragment."""
    tree = parse(html)
    return node_text(tree.body or tree.root) if (tree.body or tree.root) else ""


def node_text(node) -> str:
    """The readable text under a selectolax node (the node is modified)."""
    for dropped in node.css(DROPPED):
        dropped.decompose()
    for block in node.css(BLOCKS):
        block.insert_before(_PARAGRAPH)
        block.insert_after(_PARAGRAPH)
    for br in node.css("br"):
        br.replace_with(_LINE)
    for cell in node.css("td, th"):
        cell.insert_after(" ")
    raw = node.text(deep=True, separator="")
    folded = " ".join(raw.split())
    return tidy(folded.replace(_PARAGRAPH, "\n\n").replace(_LINE, "\n"))
