"""The world map above the results: every country shaded by its matching communiqués.

Like the country facet (and from the same count: the page's search counts
every country, `SearchRequest.whole`), the counts follow the query and every
filter except the country selection itself, and a country is a link that adds it to the
filter (or takes it out when selected, or undoes its exclusion), so the map
only writes the `country` and `not_country` arguments the facet list writes
and a link is still the saved search. Every country the engine counted is also
in a list beside the map, with its NOT link: the text alternative, and the way
to small states and to countries the map does not draw.

Shades: five classes on a logarithmic scale (a few countries have thousands of
communiqués, most have a handful), darker for more; the legend gives each
class's range, and selected and excluded countries are outlined (solid or
dashed), not told by colour alone.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..request import SearchRequest
from ..results import FacetValue
from .hits import RequestLink
from .map_geometry import Sprite
from .search_page import facet_view

LEVELS = 5


@dataclass
class Level:
    number: int  # 1 (fewest) to LEVELS (most)
    low: int
    high: int

    @property
    def label(self) -> str:
        return f"{self.low:,}" if self.low == self.high else f"{self.low:,}–{self.high:,}"


@dataclass
class MapCountry:
    code: str
    label: str
    count: int
    level: int  # 0: none matching
    selected: bool
    excluded: bool
    url: str | None  # select; deselect when selected; undo when excluded; None: the filter is full
    exclude_url: str | None  # NOT; None when excluded or when no more exclusions fit
    on_map: bool  # drawn on the map (else only in the list)
    estimated: bool = False


@dataclass
class WorldMap:
    view_box: str
    sprite_url: str
    countries: list[MapCountry] = field(default_factory=list)  # by count, then name
    levels: list[Level] = field(default_factory=list)

    @property
    def drawn(self) -> list[MapCountry]:
        """The countries to draw over the grey world, the marked ones last so their outline is on top."""
        return sorted((c for c in self.countries if c.on_map),
                      key=lambda c: (c.selected or c.excluded, c.level))

    @property
    def selected_count(self) -> int:
        return sum(1 for c in self.countries if c.selected)

    def to_json(self) -> dict:
        return {
            "levels": [{"level": lv.number, "low": lv.low, "high": lv.high} for lv in self.levels],
            "countries": [{"value": c.code, "label": c.label, "count": c.count, "level": c.level,
                           "selected": c.selected, "excluded": c.excluded, "on_map": c.on_map,
                           "url": c.url, "exclude_url": c.exclude_url,
                           **({"estimated": True} if c.estimated else {})} for c in self.countries],
        }


def levels_for(top: int, count: int = LEVELS) -> list[Level]:
    """Classes for counts 1..top, on a log scale: for 7,027, 1–5, 6–34, 35–203, 204–1,195, 1,196–7,027.
    Fewer classes when there are fewer distinct counts than classes."""
    if top < 1:
        return []
    lows = sorted({1, *(math.ceil(top ** (k / count)) for k in range(1, count))})
    lows = [low for low in lows if low <= top]
    highs = [nxt - 1 for nxt in lows[1:]] + [top]
    return [Level(i + 1 + count - len(lows), low, high) for i, (low, high) in enumerate(zip(lows, highs))]


def level_of(count_: int, levels: list[Level]) -> int:
    for level in reversed(levels):
        if count_ >= level.low:
            return level.number
    return 0


def build_worldmap(found: list[FacetValue], req: SearchRequest, link: RequestLink, sprite: Sprite,
                   sprite_url: str, links=None) -> WorldMap | None:
    """The map of `req`'s communiqués by country from every value of the country facet the engine
    counted (a search with `whole=("country",)`), or None when no communiqué names a country.
    `links`: a faster maker of the same links (urls.FacetLinks), as the web page uses."""
    if not any(v.count for v in found) and not any(v.selected or v.excluded for v in found):
        return None
    view = facet_view("country", req, found, link, links)
    levels = levels_for(max((v.count for v in view.values), default=0))
    countries = [
        MapCountry(code=v.value, label=v.label, count=v.count, level=level_of(v.count, levels),
                   selected=v.selected, excluded=v.excluded,
                   url=v.undo_url if v.excluded else v.toggle_url, exclude_url=v.exclude_url,
                   on_map=v.value.upper() in sprite.codes, estimated=v.estimated)
        for v in view.values
    ]
    countries.sort(key=lambda c: (c.excluded, -c.count, c.label))
    return WorldMap(sprite.view_box, sprite_url, countries, levels)
