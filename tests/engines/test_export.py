"""Every result of a search, past the 10,000 a page of results can reach, on every engine."""
from __future__ import annotations

import pytest

from archive.request import SearchRequest
from indexer.model import Communique

ROWS = 10_050


def many_documents() -> list[Communique]:
    """10,050 short communiqués about customs (every third about Switzerland) and 30 about something else."""
    docs = []
    for n in range(ROWS):
        day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
        docs.append(Communique(
            source=f"many/{n}.txt", id=f"doc-{n:05d}", title=f"Customs notice {n}", language="en",
            text=f"Customs tariffs notice number {n}.", date=day, date_precision="day",
            countries=["CH", "DE"] if n % 3 == 0 else ["DE"], content_hash=f"h{n}"))
    for n in range(30):
        docs.append(Communique(source=f"other/{n}.txt", id=f"other-{n}", title="Weather", language="en",
                               text="Rain and sun.", date="2024-05-05", date_precision="day", countries=["CH"],
                               content_hash=f"o{n}"))
    return docs


@pytest.fixture
def crowded(engine):
    for start in range(0, ROWS + 30, 2500):
        assert engine.index(many_documents()[start:start + 2500]).errors == []
    return engine


def test_every_match_past_ten_thousand_newest_first_once_each(crowded):
    found = list(crowded.iter_matching(SearchRequest.create(q="customs")))
    assert len(found) == ROWS and len({d.id for d in found}) == ROWS
    dates = [d.date for d in found]
    assert dates == sorted(dates, reverse=True)
    swiss = list(crowded.iter_matching(SearchRequest.create(q="customs", filters={"country": ["CH"]},
                                                            exclusions={"country": ["FR"]})))
    assert len(swiss) == len(range(0, ROWS, 3)) and all("CH" in d.countries for d in swiss)
    assert list(crowded.iter_matching(SearchRequest.create(q="customs", date_from="2024-03", date_to="2024-03"))) \
        and all(d.date.startswith("2024-03") for d in
                crowded.iter_matching(SearchRequest.create(q="customs", date_from="2024-03", date_to="2024-03")))
    assert list(crowded.iter_matching(SearchRequest.create(q="nothingmatchesthis"))) == []
