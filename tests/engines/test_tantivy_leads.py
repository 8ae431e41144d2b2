"""The embedded engine counts searches that match whole communiqués through each group's lead version.

Each group's lead (its smallest id) holds the group's facet values, the facet terms only some of its
versions hold, and the lowest and highest of its versions' dates and `added` times (`archive.engines.leads`).
A search with no words whose selections, exclusions and bounds split no group is counted over the
matching leads; every other search as before. Both ways must show the same results and counts, while
versions arrive in any order, are written again, change group and are deleted.
"""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from archive.engines.tantivy_engine import TantivyEngine
from archive.request import SearchRequest
from indexer.model import added_time
from tests.engines.documents import _doc

COUNTRIES = ["CH", "DE", "FR", "IT", "AT", "UA", "US", "JP"]
PEOPLE = ["Viola Amherd", "Karin Keller-Sutter", "Ignazio Cassis", "Élisabeth Baume-Schneider"]
ORGS = ["NATO", "European Union", "World Health Organization"]
ISSUERS = ["Federal Council", "Federal Office of Energy", "Conseil fédéral"]
LANGUAGES = ["de", "fr", "it", "en"]
STAMPS = [added_time(1_700_000_000_000 + step * 60_000) for step in range(4)]


def archive(seed: int = 7, groups: int = 40) -> list:
    """Communiqués in one to four language versions. Most versions of a group share date, issuer and
    `added`; some differ in each, and each version names its own countries, people and organisations."""
    rng = random.Random(seed)
    docs = []
    for g in range(groups):
        date = f"2024-{1 + g % 12:02d}-{1 + g % 27:02d}"
        issuer = rng.choice(ISSUERS)
        common = rng.sample(COUNTRIES, 2)
        for lang in rng.sample(LANGUAGES, rng.randint(1, 4)):
            doc = _doc(f"{lang}-{g:03d}", f"Mitteilung {g} ({lang})", f"Text {g} in {lang}.", lang,
                       date if rng.random() > 0.03 else f"2024-{1 + (g + 5) % 12:02d}",
                       countries=common + (rng.sample(COUNTRIES, 1) if rng.random() < 0.2 else []),
                       persons=rng.sample(PEOPLE, rng.randint(0, 2)),
                       orgs=rng.sample(ORGS, rng.randint(0, 1)),
                       issuer=issuer if rng.random() > 0.05 else rng.choice(ISSUERS),
                       group=f"g{g}" if rng.random() > 0.05 else None)
            doc.added = STAMPS[0] if rng.random() > 0.05 else STAMPS[2]
            docs.append(doc)
    return docs


def requests() -> list[SearchRequest]:
    made = [SearchRequest.create(), SearchRequest.create(more=("country", "person", "org")),
            SearchRequest.create(sort="date_asc", page=2, per_page=5),
            SearchRequest.create(facets=("day", "country"), date_from="2024-03", date_to="2024-05")]
    made += [SearchRequest.create(filters={"country": [c]}) for c in COUNTRIES[:5]]
    made += [SearchRequest.create(exclusions={"country": [c]}) for c in COUNTRIES[:3]]
    made += [SearchRequest.create(filters={"issuer": [i]}) for i in ISSUERS]
    made += [SearchRequest.create(filters={"person": ["viola amherd"]}),
             SearchRequest.create(filters={"org": ["NATO", "European Union"]}),
             SearchRequest.create(filters={"language": ["de"]}),
             SearchRequest.create(filters={"year": ["2024"], "month": ["2024-04", "2024-06"]}),
             SearchRequest.create(exclusions={"month": ["2024-02"]})]
    made += [SearchRequest.create(date_from=f"2024-{m:02d}") for m in (2, 6, 11)]
    made += [SearchRequest.create(date_to=f"2024-{m:02d}-15") for m in (3, 8)]
    made += [SearchRequest.create(added_after=stamp) for stamp in ("1971-01-01T00:00:00Z", *STAMPS)]
    made += [SearchRequest.create(q="Mitteilung"), SearchRequest.create(q="NOT Text")]
    return made


def shown(engine: TantivyEngine, request: SearchRequest) -> tuple:
    engine.forget_counts()
    result = engine.search(request)
    return (result.total, result.versions_total, result.total_estimated,
            [(hit.id, hit.versions) for hit in result.hits],
            {f: [(v.value, v.count, v.selected, v.excluded, v.estimated) for v in values]
             for f, values in result.facets.items()})


def by_groups(engine: TantivyEngine, request: SearchRequest) -> tuple:
    """What `engine` shows for `request` when it counts every search by group."""
    whole = engine._whole
    engine._whole = lambda searcher, request: False
    try:
        return shown(engine, request)
    finally:
        engine._whole = whole


def check(engine: TantivyEngine) -> int:
    """Every request shows the same through leads as by group; how many were counted through leads."""
    searcher = engine._searcher()
    through_leads = 0
    for request in requests():
        through_leads += engine._whole(searcher, request)
        assert shown(engine, request) == by_groups(engine, request), request
    return through_leads


def leads(engine: TantivyEngine) -> list[str]:
    import tantivy

    searcher = engine._searcher()
    found = searcher.search(tantivy.Query.term_query(engine.schema, "lead", 1), 10_000)
    return sorted(searcher.doc(address).to_dict()["id"][0] for _, address in found.hits)


def expected_leads(docs) -> list[str]:
    first: dict[str, str] = {}
    for doc in docs:
        group = doc.translation_group or f"doc:{doc.id}"
        first[group] = min(first.get(group, doc.id), doc.id)
    return sorted(first.values())


@pytest.fixture()
def engine(tmp_path):
    engine = TantivyEngine(tmp_path / "tantivy")
    yield engine
    engine.close()


def test_leads_count_as_groups_do_while_versions_arrive_change_and_leave(engine):
    docs = archive()
    rng = random.Random(3)
    rng.shuffle(docs)
    # In three batches, so that groups' versions arrive apart and leads change (a smaller id arrives later).
    for part in (docs[:50], docs[50:80], docs[80:]):
        engine.index(part)
    assert leads(engine) == expected_leads(docs)
    assert check(engine) >= 12  # browsing, dates, months, some countries, most `added` bounds

    # Versions written again with other countries, one moved to another group, one to no group.
    changed = [replace(docs[0], countries=["LI"]), replace(docs[1], translation_group=docs[2].translation_group),
               replace(docs[3], translation_group=None, added=STAMPS[3])]
    engine.index(changed)
    current = {doc.id: doc for doc in docs} | {doc.id: doc for doc in changed}
    assert leads(engine) == expected_leads(current.values())
    check(engine)

    # Leads deleted and other versions deleted.
    gone = leads(engine)[:5] + [doc.id for doc in docs[20:25]]
    engine.delete(gone)
    for doc_id in gone:
        current.pop(doc_id, None)
    assert leads(engine) == expected_leads(current.values())
    assert engine.count() == len(current)
    assert check(engine) >= 12
    for doc_id, doc in current.items():  # a lead written again keeps what it stores
        assert engine.get(doc_id) == doc


def test_what_splits_a_group_is_counted_by_group(engine):
    """A selection of a value some versions hold and others not, a date or `added` bound between a group's
    versions: such searches may match part of a communiqué and are not counted through leads."""
    versions = [_doc("de-1", "Mitteilung", "Text.", "de", "2024-05-02", countries=["CH", "UA"], group="g1"),
                _doc("fr-1", "Communiqué", "Texte.", "fr", "2024-05-03", countries=["CH"], group="g1")]
    versions[0].added, versions[1].added = STAMPS[0], STAMPS[2]
    engine.index(versions)
    searcher = engine._searcher()
    whole = {request: engine._whole(searcher, request) for request in [
        SearchRequest.create(), SearchRequest.create(filters={"country": ["CH"]}),
        SearchRequest.create(filters={"country": ["UA"]}), SearchRequest.create(exclusions={"country": ["UA"]}),
        SearchRequest.create(filters={"language": ["de"]}), SearchRequest.create(date_from="2024-05-03"),
        SearchRequest.create(date_from="2024-05-02"), SearchRequest.create(date_to="2024-05-02"),
        SearchRequest.create(added_after=STAMPS[1]), SearchRequest.create(added_after=STAMPS[2]),
        SearchRequest.create(q="Text")]}
    assert list(whole.values()) == [True, True, False, False, False, False, True, False, False, True, False]
    for request in whole:
        assert shown(engine, request) == by_groups(engine, request)
    ukraine = engine.search(SearchRequest.create(filters={"country": ["UA"]}))
    assert (ukraine.total, ukraine.versions_total) == (1, 1)
    everything = engine.search(SearchRequest.create())
    assert (everything.total, everything.versions_total) == (1, 2)
    assert {v.value: v.count for v in everything.facets["country"]} == {"CH": 1, "UA": 1}
    assert {v.value: v.count for v in everything.facets["language"]} == {"de": 1, "fr": 1}


def test_browsing_shows_the_newest_periods_however_many(engine):
    """Months are shown newest first: browsing counts the newest, not the most frequent (here the oldest of
    72 months hold the most communiqués, more months than are counted at once), and a month selected
    however far back."""
    docs = []
    for m in range(72):
        year, month = 2019 + m // 12, 1 + m % 12
        for n in range(1 + (72 - m) // 10):
            docs += [_doc(f"{lang}-{m:02d}-{n}", "Mitteilung", "Text.", lang, f"{year}-{month:02d}-0{1 + n}",
                          group=f"m{m}-{n}") for lang in ("de", "fr")]
    engine.index(docs)
    months = engine.search(SearchRequest.create()).facets["month"]
    assert [(v.value, v.count) for v in months] == [(f"2024-{month:02d}", 1 + (72 - 59 - month) // 10)
                                                    for month in range(12, 2, -1)]
    chosen = SearchRequest.create(filters={"month": ["2019-02"]})
    assert engine._whole(engine._searcher(), chosen)
    months = engine.search(chosen).facets["month"]
    assert ("2019-02", 8, True) in [(v.value, v.count, v.selected) for v in months]
    assert [v.value for v in months][:10] == [f"2024-{month:02d}" for month in range(12, 2, -1)]
