"""A country's name is matched by its stem unless, in that language, the stem is another country's
(then as written) or a stub common words share (then the stem of a word that begins with the name)."""
from __future__ import annotations

import pytest

from archive.highlight import _Matcher
from archive.names import AS_WRITTEN, BY_STEM, STEM_AND_NAME, country_name_match
from archive.request import SearchRequest


@pytest.mark.parametrize("word, slot, rule", [
    ("Niger", "it", AS_WRITTEN),  # Nigeria, nigeriano: "niger" in Italian
    ("Nigeria", "it", AS_WRITTEN),
    ("niger", "it", AS_WRITTEN),  # typed in lower case
    ("Niger", "en", BY_STEM),  # English keeps Nigeria whole
    ("Mali", "it", AS_WRITTEN),  # Malavi (Malawi)
    ("Mali", "fr", STEM_AND_NAME),  # "mal", a French word
    ("Polen", "de", STEM_AND_NAME),  # "pol": Polens still found, Pole and Politik not
    ("Cuba", "fr", STEM_AND_NAME),  # "cub"
    ("Ukraine", "de", BY_STEM),  # "ukrain": long enough to be the name's alone
    ("China", "de", BY_STEM),  # Chinas
    ("Suisse", "fr", BY_STEM),  # suisses
    ("Deutschland", "de", BY_STEM),  # Deutschlands
    ("Austria", "it", BY_STEM),
    ("lavoro", "it", BY_STEM),  # not a country: words stem as always
    ("Niger", "other", BY_STEM),  # no stemmer
    ("Niger", None, BY_STEM),
])
def test_how_country_names_are_matched(word, slot, rule):
    assert country_name_match(word, slot) == rule


@pytest.mark.parametrize("q, language, text, marked", [
    ("Polen", "de", "Die Regierung Polens und der Pole aus Polen sprachen über Politik.", ["Polens", "Polen"]),
    ("Mali", "fr", "Le Mali a eu du mal, mais les Maliens et Malis…", ["Mali", "Malis"]),
    ("Niger", "it", "Dal Niger alla Nigeria, il governo nigeriano.", ["Niger"]),
])
def test_snippet_marks_follow_the_same_rule(q, language, text, marked):
    matcher = _Matcher(SearchRequest.create(q=q, expand=False).query.highlight_for(language), language)
    assert [text[s:e] for s, e in matcher.spans(text)] == marked
