"""Reading speed of the binary formats, and the word accuracy of OCR on scans of known text.

    python benchmarks/formats.py [--pages N] [--scans N]

Writes its documents with the tests' generators (tests/documents_made.py: fpdf2,
python-docx, odfpy, Pillow; `pip install '.[test]'`), in German, French,
English and Arabic, into a temporary folder, then prints per format the pages
(or files) read per second, and for OCR the seconds per page and the share of
the known text's words that OCR gave back in order (difflib's longest matching
blocks over the word sequences), on clean scans at 300 dpi and on degraded ones
(turned by 1.2°, blurred, specked, 150 dpi).
"""
from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.readers import read_path  # noqa: E402
from tests import documents_made as made  # noqa: E402

LANGUAGES = ("de", "fr", "en", "ar")


def _words(text: str) -> list[str]:
    return [w.strip(".,;:()«»\"'").lower() for w in text.split() if w.strip(".,;:()«»\"'")]


def word_accuracy(known: str, found: str) -> float:
    wanted, got = _words(known), _words(found)
    matcher = difflib.SequenceMatcher(a=wanted, b=got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(1, len(wanted))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=25, help="pages of each text PDF")
    parser.add_argument("--scans", type=int, default=2, help="scanned pages per language")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        print(f"{'format':<22}{'language':<10}{'units':>7}{'seconds':>10}{'per second':>12}{'word accuracy':>15}")
        for language in LANGUAGES:
            path = made.write_pdf(root, language, pages=args.pages, running="Running header – page")
            started = time.perf_counter()
            doc, = read_path(str(path))
            took = time.perf_counter() - started
            print(f"{'PDF text layer':<22}{language:<10}{args.pages:>7}{took:>10.3f}{args.pages / took:>12.1f}")
        for write, label in ((made.write_docx, "Word .docx"), (made.write_odt, "OpenDocument .odt")):
            paths = [write(root, language) for language in LANGUAGES]
            started = time.perf_counter()
            for _ in range(10):
                for path in paths:
                    list(read_path(str(path)))
            took = time.perf_counter() - started
            units = 10 * len(paths)
            print(f"{label:<22}{'all':<10}{units:>7}{took:>10.3f}{units / took:>12.1f}")
        for degraded in (False, True):
            for language in LANGUAGES:
                images = made.scan_image(language, args.scans)
                if degraded:
                    images = [degrade(image) for image in images]
                path = root / f"{language}-scan.pdf"
                images[0].save(path, save_all=True, append_images=images[1:], resolution=300)
                started = time.perf_counter()
                doc, = read_path(str(path))
                took = time.perf_counter() - started
                known = "\n".join(f"{made.TEXTS[language][0]}\n{made.TEXTS[language][1]}" for _ in range(args.scans))
                label = "PDF scan, degraded" if degraded else "PDF scan, clean"
                print(f"{label:<22}{language:<10}{args.scans:>7}{took:>10.3f}{args.scans / took:>12.2f}"
                      f"{word_accuracy(known, doc.text):>15.3f}")


def degrade(image):
    """A photocopy's faults: a page turned by a degree, blurred, with specks, at 150 dpi."""
    import random

    from PIL import ImageFilter

    rng = random.Random(7)
    turned = image.rotate(1.2, fillcolor=255, expand=False).filter(ImageFilter.GaussianBlur(1.6))
    small = turned.resize((turned.width // 2, turned.height // 2))
    pixels = small.load()
    for _ in range(small.width * small.height // 200):
        pixels[rng.randrange(small.width), rng.randrange(small.height)] = rng.choice((0, 90, 160))
    return small


if __name__ == "__main__":
    main()
