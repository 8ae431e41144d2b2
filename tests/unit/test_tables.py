"""Lint of the analysis's data tables (indexer/analysis/data/*.toml): parseable, shipped, no word with
two meanings unless the code resolves it on purpose."""
from __future__ import annotations

from collections import defaultdict
from importlib import resources

import pytest

from indexer.analysis import _country_words as words
from indexer.analysis._given_names import GIVEN_NAMES
from indexer.analysis._organisation_names import INTERNATIONAL, SWISS, WELL_KNOWN
from indexer.analysis.fold import fold
from indexer.analysis.places import CITIES
from indexer.analysis.roles import ROLES
from indexer.analysis.tables import load

pytestmark = pytest.mark.unit

TABLES = ("countries", "organisations", "given_names", "cities", "roles")
# Cities that are their own country or territory: the same place under both facets.
CITY_STATES = {"hong kong", "hongkong", "singapore", "singapur", "monaco", "macao", "macau", "vatican"}


def _keys(form: str) -> list[str]:
    return [phrase if options.get("case_sensitive") else fold(phrase) for phrase, options in words.expand(form)]


def _country_forms() -> dict[tuple, set[str]]:
    forms: dict[tuple, set[str]] = defaultdict(set)
    for table in (words.ALIASES, words.DEMONYMS, words.CAPITALS):
        for code, form, languages in words.rows(table):
            for key in _keys(form):
                forms[(key, frozenset(languages or ()))].add(code.rstrip("+"))
    return forms


def _organisation_forms() -> dict[str, set[str]]:
    forms: dict[str, set[str]] = defaultdict(set)
    for table in (INTERNATIONAL, SWISS, WELL_KNOWN):
        for canonical, aliases in table.items():
            for alias in aliases.split("|"):
                for key in _keys(alias):
                    forms[key].add(canonical)
    return forms


def _city_names() -> set[str]:
    return {fold(n.strip()) for city, others in CITIES.items() for n in [city, *others.split("|")] if n.strip()}


def test_every_table_is_package_data_and_parses():
    for name in TABLES:
        assert resources.files("indexer.analysis").joinpath("data", f"{name}.toml").is_file()
        assert load(name)  # tomllib refuses a key given twice


@pytest.mark.parametrize("table", ["aliases", "demonyms", "capitals"])
def test_no_country_row_repeats_a_form(table):
    for code, forms in load("countries")[table].items():
        items = [f.strip() for f in forms.split("|") if f.strip()]
        assert len(items) == len(set(items)), (table, code)


def test_no_organisation_row_repeats_an_alias():
    for table in ("international", "swiss", "well_known"):
        for canonical, aliases in load("organisations")[table].items():
            items = [a.strip() for a in aliases.split("|") if a.strip()]
            assert len(items) == len(set(items)), (table, canonical)


def test_no_form_names_two_countries_or_two_bodies():
    assert {k: v for k, v in _country_forms().items() if len(v) > 1} == {}
    assert {k: v for k, v in _organisation_forms().items() if len(v) > 1} == {}


def test_no_word_has_two_meanings_across_tables():
    country_words = {key for key, _ in _country_forms()}
    capitals = {key for _, form, _ in words.rows(words.CAPITALS) for key in _keys(form)}
    assert GIVEN_NAMES & ROLES == set()
    # a city that is also a given name is kept out of the given names and resolved in places.py
    assert GIVEN_NAMES & _city_names() == set()
    # a country word that is also a given name is declared so, and the country finder resolves it
    assert GIVEN_NAMES & country_words <= words.GIVEN_NAMES
    # a city that is also a country word is its capital or a city-state
    assert _city_names() & country_words <= capitals | CITY_STATES
    assert set(_organisation_forms()) & country_words == set()


def test_every_organisation_label_is_one_of_its_own_names():
    from indexer.analysis._organisation_names import LABELS
    from indexer.analysis.organisations import ORGANISATIONS, canonical

    assert resources.files("indexer.analysis").joinpath("data", "labels", "organisations.toml").is_file()
    wrong = [(name, language, written) for name, labels in LABELS.items() for language, written in labels.items()
             if name not in ORGANISATIONS or language not in ("de", "fr", "it", "en") or canonical(written) != name]
    assert not wrong
