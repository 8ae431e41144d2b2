"""Parsing XML without trusting it (defusedxml over the standard library).

Entity declarations (billion laughs, quadratic blow-up) and external
entities or DTDs are refused; the reason names the problem.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import defusedxml
import defusedxml.ElementTree

from indexer.model import ReadError

_XML_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)""")


def declared_encoding(data: bytes) -> str | None:
    """The encoding named in the XML declaration, if any."""
    match = _XML_ENCODING.match(data[:200])
    return match.group(1).decode("ascii") if match else None


def parse_xml(path: str, text: str) -> ET.Element:
    """The root element of decoded XML text, or `ReadError`."""
    try:
        return defusedxml.ElementTree.fromstring(text)
    except ET.ParseError as err:
        raise ReadError(path, f"XML not well-formed: {err}") from None
    except defusedxml.EntitiesForbidden:
        raise ReadError(path, "XML declares entities, refused (possible entity expansion attack)") from None
    except defusedxml.DefusedXmlException as err:
        raise ReadError(path, f"unsafe XML refused: {type(err).__name__}") from None


def local_name(tag: str) -> str:
    """A tag without its '{namespace}'."""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    """The namespace of a tag ('' when none)."""
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
