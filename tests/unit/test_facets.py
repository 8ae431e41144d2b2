"""The facet registry: one declaration per facet, and the display rules every engine follows."""
from __future__ import annotations

import pytest

from archive.facets import FACETS, NAMES, QUERY_NAMES, UnknownValue, display_values, facet, facet_label, value_label
from archive.request import SearchRequest
from indexer.model import Communique


def test_every_name_a_query_may_use_means_one_facet():
    aliases = [alias for f in FACETS for alias in (f.name, *f.query_names)]
    assert len(aliases) == len(set(aliases)) and set(QUERY_NAMES) == set(aliases)
    assert not {"title", "text", "body"} & set(aliases)  # those are text fields
    assert NAMES[0] == "country"  # staff filter by country first


def test_every_facet_reads_a_document():
    doc = Communique(source="s", text="t", date="2024-03-05", language="de", issuer="SECO", issuer_country="CH",
                     countries=["CH", "DE", "CH"], persons=["Anna Muster"], organisations=["NATO"],
                     places=["Bern"], topics=["Economic Affairs"], dateline="Geneva")
    assert {f.name: f.values(doc) for f in FACETS} == {
        "country": ["CH", "DE"], "language": ["de"], "year": ["2024"], "month": ["2024-03"], "day": ["2024-03-05"],
        "issuer": ["SECO"],
        "issuer_country": ["CH"], "topic": ["Economic Affairs"], "person": ["Anna Muster"], "org": ["NATO"],
        "place": ["Bern"], "dateline": ["Geneva"]}
    assert all(f.values(Communique(source="s", text="")) == [] for f in FACETS)


@pytest.mark.parametrize("name, typed, expected", [
    ("country", "jp", ("value", "JP")),
    ("country", "Japan", ("value", "JP")),
    ("issuer_country", "switzerland", ("value", "CH")),
    ("language", "IT", ("value", "it")),
    ("year", "2024", ("value", "2024")),
    ("org", "Nato", ("key", "nato")),
    ("person", "İbrahim Kalın", ("key", "ibrahim kalin")),
    ("topic", "Économie", ("key", "economie")),
])
def test_a_typed_value_is_matched_as_its_facet_declares(name, typed, expected):
    assert facet(name).query_value(typed) == expected


def test_a_country_that_does_not_exist_is_refused():
    with pytest.raises(UnknownValue, match="Atlantis"):
        facet("country").query_value("Atlantis")


def test_labels():
    assert facet_label("org") == "Organisations" and facet_label("topic") == "Topic"
    assert value_label("country", "FR") == "France" and value_label("month", "2024-03") == "March 2024"
    assert value_label("issuer", "FR") == "FR"


def rows(values):
    return [(v.value, v.count, v.selected, v.excluded) for v in values]


@pytest.mark.parametrize("name, counts, request_kw, expected", [
    # most frequent first, ties by value, cut to the facet size
    ("country", {"TR": 2, "CH": 5, "DE": 2}, {"facet_size": 2}, [("CH", 5, False, False), ("DE", 2, False, False)]),
    # a selected value beyond the cut stays, one with no match stays at 0
    ("country", {"TR": 2, "CH": 5, "DE": 1}, {"facet_size": 1, "filters": {"country": ["DE", "FR"]}},
     [("CH", 5, False, False), ("DE", 1, True, False), ("FR", 0, True, False)]),
    # an excluded value is listed as excluded, even when counts still had it
    ("language", {"de": 3, "fr": 1}, {"exclusions": {"language": ["fr", "it"]}},
     [("de", 3, False, False), ("fr", 0, False, True), ("it", 0, False, True)]),
    # periods newest first, selected ones in their place
    ("year", {"2022": 9, "2024": 1}, {"filters": {"year": ["2023"]}},
     [("2024", 1, False, False), ("2023", 0, True, False), ("2022", 9, False, False)]),
    ("month", {"2024-01": 0}, {}, []),
])
def test_display_values(name, counts, request_kw, expected):
    assert rows(display_values(name, counts, SearchRequest.create(**request_kw))) == expected


@pytest.mark.parametrize("value, locale, shown", [
    ("FOEN", "de", "Bundesamt für Umwelt"),
    ("FOEN", "fr", "Office fédéral de l'environnement"),
    ("FOEN", "it_CH", "Ufficio federale dell'ambiente"),
    ("FOEN", "en", "FOEN"),
    ("University of Bern", "fr", "Université de Berne"),
    ("FDFA", "de", "EDA"),
    ("Tesla", "de", "Tesla"),  # no label: the value as stored
])
def test_an_organisation_is_shown_by_its_name_in_the_interface_language(value, locale, shown):
    assert value_label("org", value, locale) == shown


def test_at_most_sixty_values_are_counted_exactly_and_big_estimates_beyond_are_marked():
    from archive.facets import MAX_EXACT_VALUES, SURELY_EXACT_BELOW, to_count_exactly

    estimates = {f"V{n:03d}": 1000 - n for n in range(200)}
    wide = SearchRequest.create(facet_size=500, filters={"org": ["V150"]})
    chosen = to_count_exactly("org", estimates, wide)
    assert len(chosen) == MAX_EXACT_VALUES + 1 and chosen[:2] == ["V000", "V001"] and chosen[-1] == "V150"
    assert len(to_count_exactly("org", estimates, SearchRequest.create())) == 15  # ten shown and a margin
    counts = {"A": 5000, "B": SURELY_EXACT_BELOW, "C": SURELY_EXACT_BELOW - 1}
    shown = display_values("org", counts, SearchRequest.create(), uncounted={"B", "C"})
    assert [(fv.value, fv.estimated) for fv in shown] == [("A", False), ("B", True), ("C", False)]


def test_the_periods_counted_exactly_are_the_newest_shown():
    """Periods are shown newest first, so those are the ones counted exactly (not the most frequent)."""
    from archive.facets import to_count_exactly

    estimates = {str(year): 500 + (year % 3) * 100 for year in range(2000, 2025)}
    chosen = to_count_exactly("year", estimates, SearchRequest.create())
    assert chosen == [str(year) for year in range(2024, 2009, -1)]  # the ten shown and a margin
    shown = display_values("year", estimates, SearchRequest.create())
    assert {fv.value for fv in shown} <= set(chosen)


def test_values_counted_exactly_go_in_parts_of_bounded_buckets():
    from archive.facets import in_chunks

    chosen = {"country": ["CH", "DE", "FR"], "language": ["de", "fr"], "org": ["NATO"]}
    estimates = {"country": {"CH": 40, "DE": 30, "FR": 25}, "language": {"de": 60, "fr": 10}, "org": {"NATO": 5}}
    parts = in_chunks(chosen, estimates, 70)
    assert parts == [{"country": ["CH", "DE"]}, {"country": ["FR"]}, {"language": ["de", "fr"]}, {"org": ["NATO"]}]
    assert all(sum(estimates[f][v] for f, vs in part.items() for v in vs) <= 70 for part in parts)
    assert [(f, v) for part in parts for f, vs in part.items() for v in vs] == \
        [(f, v) for f, vs in chosen.items() for v in vs]  # each value once, in order
    assert in_chunks({"country": ["CH", "DE"]}, {"country": {"CH": 500, "DE": 1}}, 70) == \
        [{"country": ["CH"]}, {"country": ["DE"]}]  # a value past the bound alone
    assert in_chunks({}, {}, 70) == []


def test_sample_share_and_bounds(monkeypatch):
    """A sample of about SAMPLED_VERSIONS versions' communiqués, taken only where it is a small enough share
    of what matches (a smaller one on clusters); its group numbers are the first `share` of their range."""
    import archive.facets as facets
    from archive.collapse import group_key

    monkeypatch.setattr(facets, "SAMPLED_VERSIONS", 50_000)
    monkeypatch.setattr(facets, "SAMPLED_AT_MOST", 0.5)
    monkeypatch.setattr(facets, "SAMPLED_AT_MOST_CLUSTER", 0.2)
    assert facets.sample_share(1_000_000) == 0.05
    assert facets.sample_share(100_000) == 0.5 and facets.sample_share(99_999) is None
    assert facets.sample_share(200_000, cluster=True) is None and facets.sample_share(250_000, cluster=True) == 0.2
    assert facets.sample_share(0) is None
    low, high = facets.sample_bounds(0.25)
    assert (low, high) == (-(1 << 63), -(1 << 62))
    keys = [group_key(f"g-{i}") for i in range(20_000)]
    inside = sum(low <= k <= high for k in keys)
    assert 4_600 < inside < 5_400  # a fair draw: about a quarter of the groups


def test_from_sample_estimates_per_value_and_names_the_weak():
    """Each value's communiqués: its versions times its communiqués per version in the sample (pulled a
    little towards the sample's average); the likely shown values with little support are named."""
    from archive.facets import SAMPLE_SUPPORT, from_sample
    from archive.request import SearchRequest

    request = SearchRequest.create()
    versions = {"CH": 9_000, "DE": 1_500, "AT": 40}
    sampled = {"CH": (1_000, 3_000), "DE": (1_500, 1_500), "AT": (3, 4)}  # CH in three versions, DE in one
    estimates, weak = from_sample("country", versions, sampled, request)
    assert abs(estimates["CH"] - 3_000) < 30 and abs(estimates["DE"] - 1_500) < 15
    assert estimates["AT"] <= 40
    assert weak == [v for v in ("CH", "DE", "AT") if sampled[v][1] < SAMPLE_SUPPORT]
