"""Optical character recognition of scanned pages and images, with Tesseract.

Tesseract is a program (Debian: `tesseract-ocr` and one `tesseract-ocr-<lang>`
pack per language), called through `pytesseract`. Which language pack reads
a page: the language the source declares when its pack is installed; else
Tesseract's script detection (OSD) picks the script, a sample page is read
with the packs of that script, the language of what came out is detected,
and the pages are read again with that language's pack (when it is not the
sample's own). Settings (`Limits`, from the configuration):

    ARCHIVE_OCR          true (default) | false: false rejects files that need OCR, saying so
    ARCHIVE_OCR_TIMEOUT  seconds per page (default 120)

Images are opened with Pillow under a pixel cap (`MAX_PIXELS`), so a
decompression bomb is refused before it is decoded.
"""
from __future__ import annotations

import functools
import shutil

from indexer.limits import DEFAULT_LIMITS, Limits
from indexer.model import ReadError

MAX_PIXELS = 120_000_000  # ~ an A0 page at 300 dpi; more is refused, not decoded
RENDER_DPI = 300
# Packs read together for a first sample of a script whose language is unknown.
_SAMPLE_PACKS = {"Latin": ("eng", "deu", "fra", "ita", "spa", "por", "nld"), "Arabic": ("ara",),
                 "Cyrillic": ("rus", "ukr", "bul", "srp"), "Greek": ("ell",), "Hebrew": ("heb",),
                 "Han": ("chi_sim", "chi_tra"), "Japanese": ("jpn",), "Hangul": ("kor",)}
# Languages whose Tesseract pack is not named by the ISO 639-2 code.
_PACK_NAMES = {"zh": "chi_sim", "sr": "srp", "el": "ell", "fa": "fas"}


class OcrUnavailable(ReadError):
    """The file needs OCR, and OCR is off or Tesseract is missing."""


@functools.lru_cache(maxsize=1)
def installed_packs() -> frozenset[str]:
    """The language packs Tesseract has here (empty when Tesseract is not installed)."""
    if shutil.which("tesseract") is None:
        return frozenset()
    import pytesseract

    try:
        return frozenset(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractError, OSError):
        return frozenset()


def pack_for(language: str | None) -> str | None:
    """The installed pack for an ISO 639-1 code ("de" -> "deu"), or None."""
    if not language:
        return None
    code = language.split("-")[0].split("_")[0].lower()
    name = _PACK_NAMES.get(code)
    if name is None:
        import pycountry

        found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
        name = getattr(found, "alpha_3", None)
    return name if name in installed_packs() else None


def require(path: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise `OcrUnavailable` unless OCR can run."""
    if not limits.ocr:
        raise OcrUnavailable(path, "scanned pages need OCR, which is off (ARCHIVE_OCR=false)")
    if not installed_packs():
        raise OcrUnavailable(path, "scanned pages need OCR: Tesseract is not installed (see README)")


def _run(image, packs: str, path: str, limits: Limits) -> str:
    import pytesseract

    try:
        return pytesseract.image_to_string(image, lang=packs, timeout=limits.ocr_timeout)
    except RuntimeError as err:  # pytesseract's timeout
        raise ReadError(path, f"OCR took longer than {limits.ocr_timeout:.0f} s on a page (ARCHIVE_OCR_TIMEOUT)") \
            from err
    except pytesseract.TesseractError as err:
        raise ReadError(path, f"OCR failed: {err.message or err}") from None


def _script(image, limits: Limits) -> str | None:
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT, timeout=limits.ocr_timeout)
    except (pytesseract.TesseractError, RuntimeError):
        return None  # too little text to tell
    return osd.get("script")


def choose_packs(sample, path: str, limits: Limits = DEFAULT_LIMITS, declared: str | None = None) -> str:
    """The `lang` argument for Tesseract for pages like `sample` (a PIL image)."""
    require(path, limits)
    pack = pack_for(declared)
    if pack:
        return pack
    script = _script(sample, limits) or "Latin"
    if script in ("Han", "Hiragana", "Katakana") and "jpn" in installed_packs():
        script = "Japanese"
    packs = [p for p in _SAMPLE_PACKS.get(script, ()) if p in installed_packs()] or \
        [p for p in _SAMPLE_PACKS["Latin"] if p in installed_packs()] or sorted(installed_packs() - {"osd"})[:1]
    if len(packs) == 1:
        return packs[0]
    from indexer.analysis.language import identify

    language, _ = identify(_run(sample, "+".join(packs), path, limits))
    return pack_for(language) or "+".join(packs)


def read_image(image, packs: str, path: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """The text of one page image."""
    return _run(image.convert("L") if image.mode not in ("L", "RGB") else image, packs, path, limits)


def open_image(path: str, data: bytes):
    """A Pillow image from bytes, refused when it is too large to decode safely."""
    import io

    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise ReadError(path, f"image of {width}×{height} pixels is larger than OCR reads ({MAX_PIXELS:,} pixels)")
        image.load()
    except Image.DecompressionBombError:
        raise ReadError(path, f"image larger than OCR reads ({MAX_PIXELS:,} pixels)") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as err:
        raise ReadError(path, f"not a readable image: {err}") from None
    return image


MAX_FRAMES = 500  # pages of one image file (a multi-page TIFF)


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS):
    """Yield the one communiqué of a scanned page image (.png, .jpg, .tif; a TIFF's pages in order)."""
    import itertools

    from PIL import ImageSequence

    from indexer.readers.textlayout import join_pages, line_paragraphs
    from indexer.readers.records import make_communique

    image = open_image(path, data)  # its size first: a bomb is refused whether or not OCR is on
    require(path, limits)
    frames = []
    for frame in itertools.islice(ImageSequence.Iterator(image), MAX_FRAMES):
        width, height = frame.size  # each page of a TIFF is checked before it is decoded
        if width * height > MAX_PIXELS:
            raise ReadError(path, f"a page of {width}×{height} pixels is larger than OCR reads ({MAX_PIXELS:,} pixels)")
        frames.append(frame.copy())
    packs = choose_packs(frames[0], path, limits)
    text, starts = join_pages(["\n\n".join(line_paragraphs(read_image(frame, packs, path, limits)))
                               for frame in frames])
    doc = make_communique(path, text, None, warnings=[f"{len(frames)} page(s) read by OCR"])
    if not doc.text.strip():
        raise ReadError(path, "OCR found no text in the image")
    if len(frames) > 1 and doc.text == text:
        doc.pages = starts
    return iter([doc])
