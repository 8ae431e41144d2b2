"""Every engine gives the same answers over the whole NSB 2024 corpus.

The documents the session analysed into tantivy are copied into Elasticsearch
and OpenSearch (the single nodes of ARCHIVE_ELASTICSEARCH_URL and
ARCHIVE_OPENSEARCH_URL, under throw-away aliases), and varied searches must
give the same totals and the same values and counts in every facet;
date-sorted searches must give the same first page. Relevance order is not
compared: the engines score differently by design.

The engines ship different Snowball versions (tantivy's German stemmer strips
-et, Lucene's does not; for English -ational it is the other way round), which
once made them disagree on words like "markets", "Test" and "international".
Both now index and query the tokens of archive.terms, stemmed once in Python;
those words are kept here as cases.
"""
from __future__ import annotations

import dataclasses
import os
import time

import pytest

from archive.request import SearchRequest
from tests.conftest import CLUSTERS, IN_CI, make_cluster_engine

pytestmark = pytest.mark.corpus

FACET_SIZE = 25  # more than the page shows, so that differences in the tail show up too

CASES = {
    "everything": SearchRequest.create(),
    "words": SearchRequest.create(q="Ukraine Wiederaufbau"),
    "phrase de": SearchRequest.create(q='"Zölle auf Industrieprodukte"'),
    "phrase fr, accents": SearchRequest.create(q='"Conseil fédéral" sécurité'),
    "or and not": SearchRequest.create(q="(Gaza OR Israel) NOT Hamas"),
    "fields": SearchRequest.create(q="country:UA title:Ukraine"),
    "prefix": SearchRequest.create(q="klima*"),
    "accents folded": SearchRequest.create(q="Zurich OR Geneve"),
    "facet filters": SearchRequest.create(q="Sanktionen OR sanctions",
                                          filters={"country": ["RU", "BY"], "language": ["de", "fr"]}),
    "exclusions": SearchRequest.create(filters={"year": ["2024"]}, exclusions={"language": ["it"], "country": ["CH"]}),
    "date range": SearchRequest.create(q="Energie", date_from="2024-02-15", date_to="2024-04"),
    "keywords": SearchRequest.create(q="org:NATO OR org:OSZE"),
    "by date": SearchRequest.create(q="Bundesrat", filters={"language": ["de"]}, sort="date", per_page=50),
    "by date, oldest first": SearchRequest.create(filters={"country": ["UA"]}, sort="date_asc", per_page=50),
    "every version": SearchRequest.create(q="Ukraine", versions=True),
    "every version, facets": SearchRequest.create(filters={"language": ["fr", "it"]}, versions=True),
    "names and places across languages": SearchRequest.create(q="Genf United States"),
    "acronym": SearchRequest.create(q="UN OR EU"),
    "forgiving facet values": SearchRequest.create(filters={"person": ["ignazio cassis"], "place": ["genf"]}),
}


# Words the engines' own Snowball versions stem differently (see the module docstring).
STEMMER_CASES = {
    "stemmed de: markets": SearchRequest.create(q="markets"),
    "stemmed de: Test": SearchRequest.create(q="Test"),
    "stemmed en: international": SearchRequest.create(q="international"),
}


@pytest.fixture(scope="module", params=[pytest.param(p, marks=getattr(pytest.mark, p)) for p in CLUSTERS])
def engines(request):
    """(tantivy, a cluster engine), both holding the NSB documents."""
    variable, script = CLUSTERS[request.param]
    # Checked before the corpus fixture, so that a skip does not first wait for the corpus to be analysed.
    if not os.environ.get(variable) and not IN_CI:
        pytest.skip(f"{variable} is not set: start a node with `{script}`")
    nsb = request.getfixturevalue("nsb")
    cluster = make_cluster_engine(request.param)
    started = time.perf_counter()
    try:
        report = cluster.index(nsb.engine.iter_documents())
        assert report.errors == []
        assert cluster.count() == nsb.engine.count()
        print(f"\n[agree] {cluster.count()} documents copied into {request.param} in {time.perf_counter() - started:.0f}s")
        yield nsb.engine, cluster
    finally:
        cluster.drop()
        cluster.close()


def facet_table(result) -> dict:
    return {f: [(v.value, v.count, v.selected, v.excluded) for v in values] for f, values in result.facets.items()}


def first_page_by_date(result) -> tuple[list, set]:
    """(dates in order, ids of every date wholly on the page): ties at the page's last date may be cut anywhere."""
    dates = [h.date for h in result.hits]
    last = dates[-1] if dates else None
    return dates, {h.id for h in result.hits if h.date != last}


@pytest.mark.parametrize("case", [*CASES, *STEMMER_CASES])
def test_the_engines_agree(engines, case):
    tantivy, es = engines
    request = dataclasses.replace({**CASES, **STEMMER_CASES}[case], facet_size=FACET_SIZE)
    ours, theirs = tantivy.search(request), es.search(request)
    assert ours.total > 0, "a case that finds nothing compares nothing"
    assert (case, theirs.total, theirs.versions_total) == (case, ours.total, ours.versions_total)
    for facet in request.facets:
        assert (facet, facet_table(theirs).get(facet)) == (facet, facet_table(ours).get(facet))
    if request.effective_sort != "relevance":
        assert first_page_by_date(theirs) == first_page_by_date(ours)
