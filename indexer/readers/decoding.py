"""Bytes to clean text, for every reader.

`decode` turns a file's bytes into text: BOM first, then the encoding the
file declares (XML prolog, HTML meta), then strict UTF-8, then detection by
charset-normalizer; the text is then cleaned as every text is (indexer.tidy).
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer

from indexer.model import ReadError
from indexer.tidy import clean_text

_BOMS = [  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_CHAOS_TOLERANCE = 0.06
# Most common first; used only to break ties between equally good guesses.
COMMON_ENCODINGS = [
    codecs.lookup(name).name for name in (
        "utf-8", "cp1252", "latin-1", "cp1250", "cp1251", "cp1254", "cp1253", "cp1256",
        "cp1255", "koi8-r", "gb18030", "big5", "shift_jis", "euc-jp", "euc-kr", "iso8859-15",
        "iso8859-2", "cp1257",
    )
]
_BINARY_SHARE = 0.10  # more control characters than this and it is not text
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")  # below " ", but for \t \n \r \f and ESC


def decode(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode a file's bytes to clean text or raise `ReadError` (empty, binary)."""
    if not data.strip():
        raise ReadError(path, "empty file")
    text = _decode_raw(data, path, declared)
    if _looks_binary(text):
        raise ReadError(path, "binary file, not text")
    text = clean_text(text)
    if not text.strip():
        raise ReadError(path, "empty file")
    return text


def _decode_raw(data: bytes, path: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise ReadError(path, f"not valid {encoding} after its byte-order mark") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    for encoding in (_known_codec(declared), "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass
    return _detect(data, path)


def _detect(data: bytes, path: str) -> str:
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise ReadError(path, "binary file, not text")
    # On a few sentences several code pages look equally clean (French
    # latin-1 reads as cp1257 too): among the cleanest, take the most
    # coherent, and on a tie the most common encoding.
    least_chaos = min(match.chaos for match in matches)
    close = [match for match in matches if match.chaos <= least_chaos + _CHAOS_TOLERANCE]
    best = max(close, key=lambda match: (round(match.coherence, 2), _preference(match.encoding)))
    encoding = codecs.lookup(best.encoding).name
    # As browsers do: text labelled latin-1 is nearly always windows-1252,
    # whose 0x80-0x9F are quotes and dashes rather than C1 controls.
    if encoding in ("latin-1", "iso8859-1", "iso8859-15"):
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return str(best)


def _preference(encoding: str) -> int:
    name = codecs.lookup(encoding).name
    return -COMMON_ENCODINGS.index(name) if name in COMMON_ENCODINGS else -len(COMMON_ENCODINGS)


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"-be" for text whose every other byte is NUL (Latin script in UTF-16), else None."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    odd_zeros = sample[1::2].count(0)
    even_zeros = sample[0::2].count(0)
    if odd_zeros > 0.6 * pairs and even_zeros < 0.1 * pairs:
        return "utf-16-le"
    if even_zeros > 0.6 * pairs and odd_zeros < 0.1 * pairs:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text (an archive, an image), judged on their start."""
    if _utf16_without_bom(data) or data[:4] in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE) \
            or data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return False
    return _looks_binary(data[:8192].decode("latin-1"))


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = len(_BINARY_CONTROLS.findall(sample))
    return controls > _BINARY_SHARE * max(len(sample), 1)
