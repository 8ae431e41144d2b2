"""A country's name is matched by its stem unless, in that language, the stem is another country's."""
from __future__ import annotations

import pytest

from archive.names import stem_names_another_country


@pytest.mark.parametrize("word, slot, collides", [
    ("Niger", "it", True),  # Nigeria, nigeriano: "niger" in Italian
    ("Nigeria", "it", True),
    ("niger", "it", True),  # typed in lower case
    ("Niger", "en", False),  # English keeps Nigeria whole
    ("Mali", "it", True),  # Malavi (Malawi)
    ("Mali", "fr", True),  # "mal", a French word
    ("Cuba", "fr", True),  # "cub"
    ("Ukraine", "de", False),  # "ukrain": long enough to be the name's alone
    ("China", "de", False),  # Chinas
    ("Suisse", "fr", False),  # suisses
    ("Frankreich", "de", False),  # left whole: Frankreichs is found
    ("Deutschland", "de", False),  # Deutschlands still found by the stem
    ("Schweiz", "de", False),
    ("Austria", "it", False),
    ("lavoro", "it", False),  # not a country: words stem as always
    ("Niger", "other", False),  # no stemmer
    ("Niger", None, False),
])
def test_which_country_names_lose_their_stem(word, slot, collides):
    assert stem_names_another_country(word, slot) is collides
