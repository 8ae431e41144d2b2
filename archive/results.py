"""What a search returns, the same dataclasses from every engine."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FacetValue:
    value: str
    count: int
    selected: bool = False
    excluded: bool = False
    estimated: bool = False  # a HyperLogLog estimate of communiqués, not an exact count


@dataclass
class Hit:
    id: str
    title: str
    date: str | None
    language: str | None
    countries: list[str]
    issuer: str | None = None
    persons: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    snippet: str = ""  # HTML: escaped text, only <mark> elements as markup
    snippet_page: int | None = None  # the page the snippet is from, in a paged document (PDF)
    title_html: str = ""  # the title, HTML-escaped, with query matches in <mark>
    score: float | None = None
    translation_group: str | None = None
    declared_language: str | None = None
    group: str | None = None  # the communiqué this language version belongs to
    versions: list[tuple[str, str]] = field(default_factory=list)  # (language, id) of its other matching versions
    added: str | None = None  # when the archive first indexed it (UTC, ISO 8601)


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]  # facet name -> values, most frequent first
    page: int = 1
    per_page: int = 20
    took_ms: float = 0.0
    expansions: list[str] = field(default_factory=list)  # cross-language names also searched
    versions_total: int | None = None  # language versions matched, when `total` counts communiqués
    total_estimated: bool = False  # `total` is an estimate (very large result sets)
    # The state of the index searched, when the engine can name it: the same request in the same state
    # has the same counts (the web page keeps what it drew from them). None: not known.
    state: int | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page)) if self.per_page > 0 else 1
