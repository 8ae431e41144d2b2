"""The entity-facet audit on the whole NSB 2024 archive, as staff would read the facets.

`archive audit` reads the top values of country, people, organisations and
places in context. Here it runs on the shared NSB index: no top value may be
flagged as a common word, as mostly lower-case or as never seen, and the
values a press officer called wrong before (a given name read as a country, a
German preposition read as a company, ticker lines read as outlets, things
named after people read as people) must not come back. The report is written
to the test's temporary folder and printed with `pytest -s`.
"""
from __future__ import annotations

import pytest

from archive.audit import audit, report
from archive.request import SearchRequest

pytestmark = pytest.mark.corpus

# (facet, value) pairs that were wrong on NSB, each for a cause fixed in the analysis.
WRONG_BEFORE = [
    ("country", "DM"),  # the given name Dominik
    ("country", "RE"),  # French "réunion", a meeting
    ("org", "Uber"),  # German "über"
    ("org", "Visa"),  # Schengen visas
    ("org", "Bloomberg"),  # ticker lines (Reuters stays: NSB also names the agency in running text)
    ("org", "Landesindex der Konsumentenpreise"), ("org", "Schweizer Botschaft"),
    ("person", "Confederazione Amherd"), ("person", "Paul Scherrer Instituts"), ("person", "Horizon Europe"),
    ("person", "Paul Klee"), ("person", "Foreign Affairs"),
    ("person", "Human Rights"), ("person", "Middle East"),
]
STRONG_FLAGS = ("mostly lower-case", "also a common word", "no mention found")


@pytest.fixture(scope="module")
def audited(nsb, tmp_path_factory):
    values = audit(nsb.engine, top=50, min_documents=5, sample=25)
    out = tmp_path_factory.mktemp("audit") / "nsb-audit.txt"
    out.write_text(report(values, examples=2) + "\n", encoding="utf-8")
    print(f"\naudit of the NSB archive: {out}")
    return values


def test_every_entity_facet_is_audited(audited):
    facets = {v.facet for v in audited}
    assert facets == {"country", "person", "org", "place"}
    assert all(v.documents >= 5 and v.sampled > 0 for v in audited)


def test_no_top_value_is_a_common_word_or_unseen(audited):
    strong = [(v.facet, v.value, flag) for v in audited for flag in v.flags if flag.startswith(STRONG_FLAGS)]
    assert strong == []


def test_values_called_wrong_before_stay_gone(nsb):
    facets = ("country", "person", "org")
    result = nsb.engine.search(SearchRequest.create(facets=facets, facet_size=10_000, versions=True, per_page=1))
    present = {(name, fv.value) for name in facets for fv in result.facets.get(name, [])}
    assert [pair for pair in WRONG_BEFORE if pair in present] == []
    # the right values are still there
    assert {("country", "CH"), ("org", "armasuisse"), ("person", "Viola Amherd")} <= present
