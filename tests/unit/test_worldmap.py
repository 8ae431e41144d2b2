"""The world map's pure parts: the packaged shapes made into a sprite, and the shading classes."""
from __future__ import annotations

import pytest

from archive.web.map_geometry import (MapUnavailable, build_sprite, outline, parse_transform, path_points,
                                      sprite)
from archive.web.worldmap import level_of, levels_for


@pytest.mark.parametrize("d, points", [
    ("M 10,20 L 30,20 L 30,40 Z", [[(10, 20), (30, 20), (30, 40)]]),
    ("m 10,20 l 20,0 0,20 z", [[(10, 20), (30, 20), (30, 40)]]),  # pairs after l repeat it
    ("m 10,20 20,0 0,20 z", [[(10, 20), (30, 20), (30, 40)]]),  # pairs after a moveto are lines
    ("m 0,0 h 5 v 5 H 0 z m 10,0 l 1,1", [[(0, 0), (5, 0), (5, 5), (0, 5)], [(10, 0), (11, 1)]]),  # m after z
    ("M0 0c1 1 2 2 3 3 1 1 2 2 3 3", [[(0, 0), (3, 3), (6, 6)]]),  # a curve is its end point
    ("M1e1,-2.5.5.5", [[(10, -2.5), (0.5, 0.5)]]),  # exponents, signs and run-together decimals
])
def test_path_data_becomes_absolute_points(d, points):
    assert path_points(d) == points


@pytest.mark.parametrize("d", ["10,20 L 30,20", "M 10", "M 10,20 L 30 Z"])
def test_broken_path_data_is_refused_with_a_reason(d):
    with pytest.raises(MapUnavailable):
        path_points(d)


def test_transforms_compose_left_to_right():
    assert parse_transform("translate(10,20) scale(2)") == (2.0, 0.0, 0.0, 2.0, 10.0, 20.0)
    assert parse_transform("matrix(1,0,0,1,5,6)") == (1.0, 0.0, 0.0, 1.0, 5.0, 6.0)
    assert parse_transform(None) == (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    with pytest.raises(MapUnavailable):
        parse_transform("rotate(45)")


def test_outlines_are_rounded_to_tenths_without_drift_and_slivers_are_dropped():
    square = [[(0.04, 0.0), (100.0, 0.0), (100.0, 100.02), (0.0, 100.0), (0.0, 0.0)]]
    assert outline(square) == "M0 0l100 0 0 100-100 0z"
    many = [[(i * 0.3333, 0.0) for i in range(301)] + [(100.0, 50.0)]]
    data = outline(many, tolerance=0.0)
    x = sum(float(n) for n in data[1:].split("l")[1].rstrip("z").replace("-", " -").split()[0::2])
    assert x == pytest.approx(100.0, abs=0.05)  # steps differ from the rounded points, so they add up
    assert outline([[(0, 0), (0.1, 0.1), (0.2, 0)]]) == ""  # a speck under the tolerance: left out


def _country(code: str, body: str) -> str:
    return f'<g class="{code} country map-element">{body}</g>'


def test_a_sprite_has_every_country_by_code_with_its_dot_and_transforms_applied():
    countries = "".join(_country(f"{a}{b}", '<path d="M0 0 L10 0 L10 10 Z"/>')
                        for a in "abcdefghijklm" for b in "abcdefghijklm")
    source = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><g>' + countries
              + _country("zz", '<g transform="translate(5,5)"><path d="M0 0 L10 0 L10 10 Z"/></g>'
                         '<circle cx="1" cy="2" r="3"/>') + "</g></svg>")
    made = build_sprite(source)
    svg = made.svg.decode()
    assert made.view_box == "0 0 100 50" and len(made.codes) == 13 * 13 + 1 and made.dots == {"ZZ"}
    assert '<g id="ZZ"><path vector-effect="non-scaling-stroke" d="M5 5l10 0 0 10z"/><circle' in svg
    assert 'id="AA"' in svg and svg.startswith("<svg") and 'id="world"' in svg
    assert build_sprite(source).version == made.version  # the same shapes, the same cache key
    with pytest.raises(MapUnavailable):
        build_sprite(source.replace(countries, ""))  # a map of one country is not a world map
    with pytest.raises(MapUnavailable):
        build_sprite("<svg")


def test_the_packaged_world_map_is_read_with_small_states_as_dots():
    shapes = sprite()
    assert {"CH", "US", "CN", "BR", "NE", "UA", "LI", "MC", "VA", "SG"} <= shapes.codes
    assert {"LI", "MC", "VA", "SG"} <= shapes.dots and "US" not in shapes.dots
    assert len(shapes.codes) >= 240 and len(shapes.svg) < 400_000  # simplified: the package's file is 1 MB


@pytest.mark.parametrize("top, classes", [
    (0, []),
    (1, [(5, 1, 1)]),
    (3, [(3, 1, 1), (4, 2, 2), (5, 3, 3)]),  # as many classes as counts
    (7027, [(1, 1, 5), (2, 6, 34), (3, 35, 203), (4, 204, 1195), (5, 1196, 7027)]),
])
def test_counts_are_shaded_in_classes_on_a_log_scale(top, classes):
    levels = levels_for(top)
    assert [(lv.number, lv.low, lv.high) for lv in levels] == classes
    if levels:
        assert level_of(top, levels) == 5 and level_of(0, levels) == 0 and level_of(1, levels) == levels[0].number
    assert levels_for(7027)[-1].label == "1,196–7,027" and levels_for(1)[0].label == "1"
