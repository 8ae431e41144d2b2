"""HTML to display text, with selectolax.

Used for HTML pages, HTML e-mail parts, feed descriptions, Markdown rendered
to HTML and the escaped markup inside NSB messages. Block elements become
paragraph breaks, `<br>` a line break, entities are decoded, and page
furniture (navigation, header, footer, asides, scripts, styles, forms) is
dropped.
"""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from indexer.tidy import tidy

DROPPED = "script, style, noscript, template, iframe, object, svg, canvas, form, button, nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]"
BLOCKS = (
    "p, div, section, article, main, h1, h2, h3, h4, h5, h6, li, dt, dd, ul, ol, dl, "
    "table, tr, blockquote, pre, figure, figcaption, address, hr, details, summary"
)
_PARAGRAPH = "\ue000"  # private-use markers survive text extraction and whitespace folding
_LINE = "\ue001"


def parse(html: str) -> LexborHTMLParser:
    """Parse an HTML document or fragment."""
    return LexborHTMLParser(html.replace(_PARAGRAPH, "").replace(_LINE, ""))


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
