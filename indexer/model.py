"""The `Communique` record that flows from readers through analysis to an engine.

Readers fill what the source says (text, title, declared language, date,
issuer, translation group); analysis stages fill what is derived (language,
entities, folded text, id). Engines store and return the same fields.
"""
from __future__ import annotations

import calendar
import dataclasses
import functools
import time
from dataclasses import dataclass, field


class ReadError(Exception):
    """A file (or one record in it) that cannot be read; carries path and reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class Communique:
    """One document: one language version of one communiqué."""

    source: str  # the input path as given (plus '#n' for the n-th record of a multi-document file)
    text: str  # body for display, normalised (NFC, mojibake repaired)
    title: str = ""
    date: str | None = None  # ISO 'YYYY-MM-DD' or 'YYYY-MM'
    date_precision: str | None = None  # 'day' | 'month' | None
    declared_language: str | None = None  # what the source claims
    language: str | None = None  # what detection found
    language_confidence: float = 0.0
    issuer: str | None = None  # the originating office or organisation
    issuer_country: str | None = None  # ISO code of the issuer, kept apart from mentions
    countries: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2 codes mentioned
    persons: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)  # subject headings the source gives (NSB topics)
    dateline: str | None = None  # the city a release is datelined from: a field, not part of its text
    # Language versions of one message share a translation_group; the engine
    # resolves the group to the ids of the sibling documents.
    translation_group: str | None = None
    source_id: str | None = None  # an id the source itself gives (message id, guid, Message-ID)
    url: str | None = None
    attachments: list[str] = field(default_factory=list)
    attached_to: str | None = None  # an attachment's message: its source when read, its document id when indexed
    attachment_links: dict[str, str] = field(default_factory=dict)  # attachments entry -> document id, if indexed
    pages: list[int] = field(default_factory=list)  # where each page starts in `text` (paged formats: PDF)
    warnings: list[str] = field(default_factory=list)
    id: str = ""  # stable id, set by the pipeline
    added: str | None = None  # when the archive first indexed it (UTC, 'YYYY-MM-DDTHH:MM:SSZ'), set by the pipeline
    sources: list[str] = field(default_factory=list)  # every source of an exact duplicate
    content_hash: str = ""  # hash of the normalised text, for duplicate detection

    def to_dict(self) -> dict:
        """Every field, the lists and the dict copied (what `dataclasses.asdict` gives: the fields hold
        strings and numbers, and lists and dicts of them, so a copy one level down is a whole copy)."""
        out = {}
        for name in _field_order(type(self)):
            value = self.__dict__[name]
            out[name] = value.copy() if isinstance(value, (list, dict)) else value
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Communique":
        names = _field_names(cls)
        return cls(**{k: v for k, v in data.items() if k in names})


@functools.cache
def _field_order(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    """Found once per class: a search page reads some forty stored documents."""
    return frozenset(_field_order(cls))


@functools.lru_cache(maxsize=4096)  # the documents of one indexing run share a few times
def added_key(added: str | None) -> int:
    """Milliseconds since 1970 (UTC) of a document's `added` time; 0 when it is unknown (never "new")."""
    if not added:
        return 0
    seconds = calendar.timegm(time.strptime(added[:19], "%Y-%m-%dT%H:%M:%S"))
    fraction = added[19:].removesuffix("Z").removeprefix(".")
    return seconds * 1000 + (int(fraction[:3].ljust(3, "0")) if fraction.isdigit() else 0)


def added_time(key: int) -> str:
    """The `added` spelling of a key: 'YYYY-MM-DDTHH:MM:SS.mmmZ' (so spellings sort as times do)."""
    seconds, millis = divmod(key, 1000)
    return f"{time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(seconds))}.{millis:03d}Z"
