"""Small link records that view-models hand to templates (label + ready-made URL), and which URLs are safe."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

SAFE_SCHEMES = ("http", "https", "mailto")


def safe_url(url: str | None) -> str | None:
    """`url` if it may be a link on a page (http, https, mailto), else None: a document's own
    URL comes from the document, and `javascript:` or `data:` there would run in the reader's browser."""
    if not url:
        return None
    cleaned = "".join(ch for ch in url.strip() if ch >= " " and ch != "\x7f")
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return None
    return cleaned if scheme in SAFE_SCHEMES and cleaned == url.strip() else None


@dataclass(frozen=True)
class Link:
    label: str
    url: str | None  # None: shown without a link
    value: str = ""  # the code behind the label (country code, language code...)
    current: bool = False


@dataclass(frozen=True)
class Option:
    """One choice of a select (sort order): also a plain link for no-JS use."""

    value: str
    label: str
    url: str
    selected: bool = False
