"""Analysis stages: plain functions over a `Communique`, composed in `analyze`.

`STAGES` lists them in order as (name, function) so callers can time each
one; heavy tables (language models, gazetteer automata) load lazily once
per process.
"""
from __future__ import annotations

from indexer.analysis.countries import tag_countries
from indexer.analysis.dates import extract_date
from indexer.analysis.fold import fold
from indexer.analysis.language import detect_language
from indexer.analysis.normalise import normalise
from indexer.analysis.organisations import extract_organisations, name_issuer
from indexer.analysis.persons import extract_persons
from indexer.analysis.places import tag_places
from indexer.model import Communique

STAGES = [
    ("normalise", normalise),
    ("name_issuer", name_issuer),
    ("detect_language", detect_language),
    ("extract_date", extract_date),
    ("tag_countries", tag_countries),
    ("tag_places", tag_places),
    ("extract_organisations", extract_organisations),
    ("extract_persons", extract_persons),
]


def analyze(doc: Communique) -> Communique:
    """Run every stage in order on `doc` and return it."""
    for _, stage in STAGES:
        doc = stage(doc)
    return doc


__all__ = ["STAGES", "analyze", "fold", "normalise", "name_issuer", "detect_language", "extract_date", "tag_countries",
           "tag_places", "extract_organisations", "extract_persons"]
