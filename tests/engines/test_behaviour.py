"""The engine behaviour suite: every case runs against tantivy and Elasticsearch alike."""
from __future__ import annotations

import dataclasses
from dataclasses import replace

import pytest

from archive.query import QuerySyntaxError
from archive.request import SearchRequest
from tests.engines.documents import _doc, sample_documents, translated_communiques

ALL = {d.id for d in sample_documents()}


def by_version(**kw) -> SearchRequest:
    """A request whose results are language versions (`versions=all`): what most cases check."""
    kw.setdefault("versions", True)
    return SearchRequest.create(**kw)


def ids(engine, q="", per_page=100, expand=False, **kw):
    result = engine.search(by_version(q=q, per_page=per_page, expand=expand, **kw))
    return {h.id for h in result.hits}


def facet(result, name):
    return {fv.value: fv.count for fv in result.facets[name]}


# -- storage, ids and updates -----------------------------------------------------------------

def test_count_and_get_round_trip(loaded):
    assert loaded.count() == len(ALL)
    doc = loaded.get("tr-ankara")
    assert doc.title == "Türkiye ve İsveç arasında görüşme"
    assert doc.countries == ["SE", "TR"] and doc.persons == ["Işık Yılmaz"]
    assert doc.date == "2023-05" and doc.date_precision == "month"
    assert loaded.get("no-such-id") is None


def test_a_paged_attachment_keeps_its_pages_and_links_and_says_its_snippets_page(engine):
    report = "Budget talks in Bern.\n\nThe delegation then discussed glaciers in Vienna.\n\nMore meetings."
    pdf = _doc("pdf-report", "Report", report, "en", "2025-05-05")
    pdf.pages, pdf.attached_to = [0, 23, 74], "mail-1"
    mail = _doc("mail-1", "Mail", "The report is attached.", "en", "2025-05-05")
    mail.attachments, mail.attachment_links = ["report.pdf", "old.doc"], {"report.pdf": "pdf-report"}
    engine.index([mail, pdf])
    stored = engine.get("pdf-report")
    assert (stored.pages, stored.attached_to) == ([0, 23, 74], "mail-1")
    assert engine.get("mail-1").attachment_links == {"report.pdf": "pdf-report"}
    hit, = engine.search(by_version(q="glaciers")).hits
    assert hit.id == "pdf-report" and hit.snippet_page == 2


def test_indexing_again_updates_instead_of_duplicating(loaded):
    doc = loaded.get("en-japan")
    changed = dataclasses.replace(doc, title="Switzerland and Japan sign a revised agreement")
    loaded.index([changed])
    assert loaded.count() == len(ALL)
    assert loaded.get("en-japan").title == "Switzerland and Japan sign a revised agreement"
    assert ids(loaded, "revised") == {"en-japan"}


def test_delete(loaded):
    loaded.delete(["en-japan", "unknown-id"])
    assert loaded.count() == len(ALL) - 1
    assert loaded.get("en-japan") is None
    assert "en-japan" not in ids(loaded, "Japan")


def test_iter_documents_returns_everything(loaded):
    assert {d.id for d in loaded.iter_documents()} == ALL


# -- query syntax -------------------------------------------------------------------------------

@pytest.mark.parametrize("q, expected", [
    ("", ALL),
    ("négociation", {"fr-otan"}),                    # French stemming: négociations
    ("negotiation", {"en-otan"}),                    # English stemming: Negotiations
    ("zolle", {"de-zoll"}),                          # folded: Zölle
    ("OTAN", {"fr-otan", "en-otan", "tr-ankara"}),    # a known acronym in capitals: the organisation
    ("otan", {"fr-otan"}),                           # a word: inside "l'OTAN"
    ("l'OTAN", {"fr-otan"}),
    ("ZÖLLE", {"de-zoll"}),
    ("turkiye", {"tr-ankara"}),                      # folded: Türkiye
    ("isik", {"tr-ankara"}),                         # Turkish dotless ı folded
    ('"digital trade"', {"en-japan"}),
    ('"trade digital"', set()),
    ("Turkey NATO", {"en-otan"}),                    # AND is implied
    ("Turkey AND NATO", {"en-otan"}),
    ("Japan OR Brasil", {"en-japan", "es-brasil"}),
    ("NATO NOT Turkey", {"fr-otan", "tr-ankara"}),   # NATO: the organisation; Turkey: the English word
    ("NATO -Turkey", {"fr-otan", "tr-ankara"}),
    ("(Japan OR Brasil) Madrid", {"es-brasil"}),
    ("country:JP", {"en-japan"}),
    ("country:jp", {"en-japan"}),
    ("country:Japan", {"en-japan"}),
    ("language:it", {"it-zoll", "it-germania"}),
    ("title:Japan", {"en-japan"}),
    ("title:Tokyo", set()),                          # Tokyo is only in the text
    ("text:Tokyo", {"en-japan"}),
    ('person:"ibrahim kalin"', {"fr-otan", "en-otan"}),
    ("org:nato", {"fr-otan", "en-otan", "tr-ankara"}),
    ('issuer:"Bundeskanzlei"', {"de-italien"}),
    ("issuer_country:tr", {"fr-otan", "en-otan"}),
    ("industri*", {"de-zoll", "fr-zoll", "it-zoll"}),
    ("Türk*", {"tr-ankara", "en-otan"}),  # Turkey, Turkish
    ("Украин*", {"ru-ukraine"}),
    ("أوكرانيا", {"ar-un"}),
    ("NOT country:CH", ALL - {"de-zoll", "fr-zoll", "it-zoll", "de-italien", "it-germania", "en-japan"}),
])
def test_query_syntax(loaded, q, expected):
    assert ids(loaded, q) == expected


@pytest.mark.parametrize("q", ['"unclosed', "(Japan", "Japan)", "AND Japan", "Japan OR", "nosuchfield:x",
                               "country:Atlantis", "*", "ja*pan"])
def test_syntax_errors_are_typed_and_readable(loaded, q):
    with pytest.raises(QuerySyntaxError) as err:
        loaded.search(SearchRequest(q=q, expand=False))
    assert len(str(err.value)) > 10


# -- facets -------------------------------------------------------------------------------------

def test_facet_counts_over_everything(loaded):
    result = loaded.search(by_version())
    countries = facet(result, "country")
    assert countries["CH"] == 6 and countries["TR"] == 4 and countries["DE"] == 3
    assert [fv.value for fv in result.facets["country"]][:2] == ["CH", "TR"]
    assert facet(result, "language") == {"de": 2, "fr": 2, "it": 2, "en": 3, "es": 1, "tr": 1, "ar": 1, "ru": 1}
    assert facet(result, "year") == {"2025": 3, "2024": 7, "2023": 2}
    assert [fv.value for fv in result.facets["year"]] == ["2025", "2024", "2023"]
    assert facet(result, "month")["2024-01"] == 3
    assert facet(result, "org")["NATO"] == 3
    assert facet(result, "person")["Ibrahim Kalin"] == 2
    assert facet(result, "place")["Bern"] == 2
    assert facet(result, "issuer")["Bundeskanzlei"] == 1


def test_a_facet_declared_in_the_registry_is_indexed_counted_filtered_and_queried(loaded):
    # Topics (archive.facets) reach every engine from their declaration alone.
    result = loaded.search(by_version())
    assert facet(result, "topic") == {"Economic Affairs": 4, "Foreign Affairs": 2, "Mobility": 1}
    assert ids(loaded, filters={"topic": ["Mobility", "Foreign Affairs"]}) == {"en-japan", "de-italien"}
    assert ids(loaded, exclusions={"topic": ["Economic Affairs"]}) == ALL - {"de-zoll", "fr-zoll", "it-zoll", "en-japan"}
    assert ids(loaded, 'topic:"foreign affairs"') == {"en-japan", "de-italien"}  # folded like names


def test_the_issuers_country_is_a_facet_apart_from_the_countries_mentioned(loaded):
    result = loaded.search(by_version(filters={"issuer_country": ["CH"]}))
    assert result.total == 6
    assert facet(result, "issuer_country") == {"CH": 6, "TR": 2}  # own selection ignored
    assert facet(result, "country")["JP"] == 1 and "TR" not in facet(result, "country")
    mentions = loaded.search(by_version(filters={"country": ["TR"]}, exclusions={"issuer_country": ["TR"]}))
    assert {h.id for h in mentions.hits} == {"tr-ankara", "ru-ukraine"}


def test_values_of_one_facet_combine_with_or_and_keep_their_own_counts(loaded):
    req = by_version(filters={"country": ["CH", "JP"]})
    result = loaded.search(req)
    assert result.total == 6
    countries = facet(result, "country")
    assert countries["CH"] == 6 and countries["TR"] == 4  # own selection ignored
    selected = {fv.value for fv in result.facets["country"] if fv.selected}
    assert selected == {"CH", "JP"}
    assert facet(result, "language") == {"de": 2, "fr": 1, "it": 2, "en": 1}  # other facets filtered


def test_facets_combine_with_and(loaded):
    req = by_version(filters={"country": ["DE"], "language": ["it"]})
    result = loaded.search(req)
    assert {h.id for h in result.hits} == {"it-zoll", "it-germania"}
    assert facet(result, "language") == {"de": 1, "it": 2}  # counts ignore the language selection
    assert facet(result, "country")["CH"] == 2


def test_selected_value_stays_visible_at_zero(loaded):
    result = loaded.search(by_version(q="Madrid", filters={"language": ["de"]}))
    assert result.total == 0
    assert {(fv.value, fv.count, fv.selected) for fv in result.facets["language"]} >= {("de", 0, True)}


def test_exclusion(loaded):
    result = loaded.search(by_version(exclusions={"country": ["TR"]}))
    assert result.total == len(ALL) - 4
    assert all("TR" not in h.countries for h in result.hits)
    tr = [fv for fv in result.facets["country"] if fv.value == "TR"]
    assert len(tr) == 1 and tr[0].excluded and not tr[0].selected
    both = loaded.search(by_version(filters={"country": ["CH"]}, exclusions={"language": ["de"]}))
    assert {h.id for h in both.hits} == {"fr-zoll", "it-zoll", "it-germania", "en-japan"}


# -- dates, sorting, paging ---------------------------------------------------------------------

@pytest.mark.parametrize("date_from, date_to, expected", [
    ("2024-01", "2024-03", {"de-zoll", "fr-zoll", "it-zoll", "de-italien", "it-germania", "ar-un"}),
    ("2025", None, {"fr-otan", "en-otan", "ru-ukraine"}),
    (None, "2023", {"tr-ankara", "es-brasil"}),
    ("2025-07", "2025-07", {"fr-otan", "en-otan"}),           # month precision inside its month
    ("2024-03-16", "2024-03-31", {"it-germania"}),
])
def test_date_range(loaded, date_from, date_to, expected):
    assert ids(loaded, date_from=date_from, date_to=date_to) == expected


def test_sort_by_date_puts_undated_last_both_ways(loaded):
    newest = loaded.search(by_version(sort="date", per_page=100)).hits
    assert newest[0].date == "2025-07" and newest[-1].id == "undated"
    dates = [h.date for h in newest if h.date]
    assert dates == sorted(dates, reverse=True)
    oldest = loaded.search(by_version(sort="date_asc", per_page=100)).hits
    assert oldest[0].id == "tr-ankara" and oldest[-1].id == "undated"


def test_relevance_puts_title_matches_first(loaded):
    hits = loaded.search(by_version(q="Japan")).hits
    assert hits[0].id == "en-japan"


def test_paging_covers_everything_once(loaded):
    seen = []
    for page in (1, 2, 3):
        result = loaded.search(by_version(sort="date", per_page=5, page=page))
        assert result.total == len(ALL) and result.pages == 3
        seen.extend(h.id for h in result.hits)
    assert len(seen) == len(ALL) and set(seen) == ALL
    assert loaded.search(by_version(per_page=5, page=4)).hits == []


# -- snippets, translations, similar documents --------------------------------------------------

def test_snippets_mark_matches_and_escape_text(loaded):
    hit = loaded.search(by_version(q="Zölle")).hits[0]
    assert "<mark>Zölle</mark>" in hit.snippet and "<mark>" in hit.title_html
    hit = loaded.search(by_version(q="escaping")).hits[0]
    assert "&lt;script&gt;" in hit.snippet and "<script>" not in hit.snippet
    assert "<mark>escaping</mark>" in hit.snippet
    stemmed = loaded.search(by_version(q="négociation")).hits[0]
    assert "<mark>négociations</mark>" in stemmed.snippet


def test_translations(loaded):
    doc = loaded.get("fr-zoll")
    assert [d.id for d in loaded.translations(doc)] == ["de-zoll", "it-zoll"]
    assert loaded.translations(loaded.get("undated")) == []


def _with_near_twin():
    return sample_documents() + [
        _doc("en-japan-2", "Japan and Switzerland digital trade agreement enters into force",
             "The digital trade agreement signed by Bern and Tokyo enters into force; the World Trade "
             "Organization welcomed the agreement on digital trade.", "en", "2025-01-01", countries=["CH", "JP"])]


def test_more_like_this_finds_the_near_twin(engine):
    engine.index(_with_near_twin())
    similar = engine.more_like_this("en-japan", limit=3)
    assert similar and similar[0].id == "en-japan-2"
    assert "en-japan" not in {h.id for h in similar}


def test_similar_documents_and_translations_after_updates_and_deletions(engine):
    # Replaced and deleted documents are the normal state of an archive that is updated.
    docs = _with_near_twin()
    engine.index(docs)
    engine.index([dataclasses.replace(d, title=d.title + " (update)") for d in docs[:5]])
    engine.delete(["es-brasil", "undated"])
    stored = list(engine.iter_documents())
    assert len(stored) == len(docs) - 2
    for doc in stored:
        similar = {h.id for h in engine.more_like_this(doc.id, limit=5)}
        assert doc.id not in similar and not similar & {"es-brasil", "undated"}
        # Its own language versions are listed as translations, not as similar documents.
        group = {t.id for t in engine.translations(doc)}
        assert not similar & group
        assert group == {d.id for d in docs if d.translation_group and d.translation_group == doc.translation_group
                         and d.id != doc.id}
    assert engine.more_like_this("en-japan", limit=3)[0].id == "en-japan-2"
    assert engine.more_like_this("es-brasil") == []


def test_similar_documents_when_statistics_still_count_replaced_documents(engine):
    # Index statistics count a replaced document until its segment is merged, so a word
    # can be "in" more documents than the index holds: tantivy's own similar-documents
    # query panicked on that (and the page never answered).
    engine.index(_with_near_twin())
    engine.index([dataclasses.replace(engine.get("en-japan"), title="Switzerland and Japan: digital trade")])
    engine.delete([d.id for d in sample_documents() if d.id != "en-japan"])
    assert engine.count() == 2
    assert [h.id for h in engine.more_like_this("en-japan")] == ["en-japan-2"]
    assert [h.id for h in engine.more_like_this("en-japan-2")] == ["en-japan"]


# -- cross-language search ----------------------------------------------------------------------

def test_a_country_name_finds_documents_in_other_languages(loaded):
    result = loaded.search(by_version(q="Turkey"))
    assert {h.id for h in result.hits} == {"fr-otan", "en-otan", "tr-ankara", "ru-ukraine"}
    assert "Turquie" in result.expansions and "Türkei" in result.expansions
    french = next(h for h in result.hits if h.id == "fr-otan")
    assert "<mark>Turquie</mark>" in french.title_html
    off = loaded.search(by_version(q="Turkey", expand=False))
    assert {h.id for h in off.hits} == {"en-otan"} and off.expansions == []


def test_an_organisation_alias_finds_the_canonical_organisation(loaded):
    result = loaded.search(by_version(q="OTAN"))
    assert {h.id for h in result.hits} == {"fr-otan", "en-otan", "tr-ankara"}
    assert "NATO" in result.expansions


def test_an_engine_runs_the_request_as_parsed_never_parsing_again(loaded, monkeypatch):
    import archive.plan
    import archive.query

    req = by_version(q='Turkey OR "mer Noire" -Sweden', filters={"country": ["TR"]})
    req.query  # parsed here, once

    def refuse(text):
        raise AssertionError(f"the engine parsed {text!r} again")

    monkeypatch.setattr(archive.plan, "parse_query", refuse)
    monkeypatch.setattr(archive.query, "parse_query", refuse)
    result = loaded.search(req)
    assert {h.id for h in result.hits} == {"fr-otan", "en-otan", "tr-ankara", "ru-ukraine"}


@pytest.mark.parametrize("filters, expected", [
    ({"person": ["işik yilmaz"]}, {"tr-ankara"}),                  # case and accents
    ({"org": ["nato"]}, {"fr-otan", "en-otan", "tr-ankara"}),       # an acronym in lower case
    ({"org": ["OTAN"]}, {"fr-otan", "en-otan", "tr-ankara"}),       # another language's name
    ({"country": ["Türkei"]}, {"fr-otan", "en-otan", "tr-ankara", "ru-ukraine"}),
    ({"country": ["japan"]}, {"en-japan"}),
    ({"language": ["French"]}, {"fr-otan", "fr-zoll"}),
    ({"place": ["bern"]}, {"de-zoll", "en-japan"}),
    ({"issuer": ["BUNDESKANZLEI"]}, {"de-italien"}),
])
def test_facet_values_forgive_case_accents_and_other_names(loaded, filters, expected):
    request = by_version(filters=filters)
    assert ids(loaded, filters=filters) == expected
    name = next(iter(filters))
    selected = [fv for fv in loaded.search(request).facets[name] if fv.selected]
    assert len(selected) == 1 and selected[0].count == len(expected)  # shown once, under the stored value


def test_a_known_acronym_typed_in_capitals_is_not_a_word_of_another_language(loaded):
    # "un" is a Spanish article in es-brasil; "UN" is the United Nations (ar-un is tagged with it).
    assert ids(loaded, "UN") == {"ar-un"}
    assert ids(loaded, "un") == {"es-brasil"}
    assert ids(loaded, "UN", expand=True) == {"ar-un"}


def test_place_names_and_names_of_several_words_cross_languages(engine):
    docs = [_doc(f"{lang}-conf", title, text, lang, "2024-05-02", places=["Geneva"], countries=countries)
            for lang, title, text, countries in (
                ("de", "Konferenz in Genf", "Die Konferenz in Genf mit den Vereinigten Staaten beginnt.", ["US"]),
                ("fr", "Conférence à Genève", "La conférence à Genève avec les États-Unis commence.", ["US"]),
                ("en", "Conference in Geneva", "The conference in Geneva with the United States begins.", ["US"]))]
    engine.index(docs)
    assert ids(engine, "Genf", expand=True) == {"de-conf", "fr-conf", "en-conf"}
    assert ids(engine, "Genf") == {"de-conf"}  # as typed when expansion is off
    result = engine.search(by_version(q="United States", expand=True))
    assert {h.id for h in result.hits} == {"de-conf", "fr-conf", "en-conf"}
    assert "États-Unis" in result.expansions
    german = next(h for h in result.hits if h.id == "de-conf")
    assert "<mark>Vereinigten Staaten</mark>" in german.snippet and "États-Unis" not in german.snippet


# -- communiqués, not language versions ---------------------------------------------------------

GROUPS = {"g-otan": {"fr-otan", "en-otan"}, "g-zoll": {"de-zoll", "fr-zoll", "it-zoll"}}
COMMUNIQUES = len(ALL) - 3  # the two groups hold five versions


def test_a_communique_is_one_result_shown_in_the_preferred_language(loaded):
    result = loaded.search(SearchRequest.create(per_page=100))
    assert result.total == COMMUNIQUES and result.versions_total == len(ALL)
    assert len(result.hits) == COMMUNIQUES and len({h.group for h in result.hits}) == COMMUNIQUES
    by_group = {h.group: h for h in result.hits}
    otan = by_group["g-otan"]
    assert otan.id == "en-otan" and otan.versions == [("fr", "fr-otan")]  # the interface's language, English
    zoll = by_group["g-zoll"]
    assert {zoll.id, *(i for _, i in zoll.versions)} == GROUPS["g-zoll"]


def test_the_language_filter_picks_the_version_shown(loaded):
    result = loaded.search(SearchRequest.create(filters={"language": ["fr"]}))
    assert {h.id for h in result.hits} == {"fr-otan", "fr-zoll"} and result.total == 2
    both = loaded.search(SearchRequest.create(filters={"language": ["it", "de"]}, per_page=100))
    zoll = next(h for h in both.hits if h.group == "g-zoll")
    assert zoll.id == "it-zoll" and zoll.versions == [("de", "de-zoll")]  # the filter's first language


def test_the_readers_languages_pick_the_version_shown_after_the_filter(loaded):
    def shown(**kw) -> dict:
        return {h.group: h.id for h in loaded.search(SearchRequest.create(per_page=100, **kw)).hits if h.group in GROUPS}
    assert shown(prefer=("it", "fr")) == {"g-otan": "fr-otan", "g-zoll": "it-zoll"}
    assert shown(prefer=("es",)) == {"g-otan": "en-otan", "g-zoll": "de-zoll"}  # interface's, then smallest id
    assert shown(prefer=("it",), filters={"language": ["de", "fr"]}) == {"g-otan": "fr-otan", "g-zoll": "de-zoll"}


def test_facets_count_communiques(loaded):
    result = loaded.search(SearchRequest.create())
    countries = facet(result, "country")
    assert countries["CH"] == 4 and countries["TR"] == 3  # versions: 6 and 4
    assert facet(result, "language") == {"de": 2, "fr": 2, "it": 2, "en": 3, "es": 1, "tr": 1, "ar": 1, "ru": 1}
    assert facet(result, "topic")["Economic Affairs"] == 2
    assert facet(loaded.search(SearchRequest.create(versions=True)), "country")["CH"] == 6


def test_paging_through_communiques_shows_each_once(loaded):
    seen = []
    for page in range(1, 5):
        result = loaded.search(SearchRequest.create(per_page=3, page=page, sort="date"))
        seen += [h.group for h in result.hits]
    assert len(seen) == COMMUNIQUES == len(set(seen))


def test_a_word_in_one_version_finds_its_communique_in_that_version(loaded):
    result = loaded.search(SearchRequest.create(q="Zölle"))
    assert [(h.id, h.versions) for h in result.hits] == [("de-zoll", [])]
    assert result.total == 1 and result.versions_total == 1


def test_every_engine_finds_the_archives_word_near_a_misspelled_one(loaded):
    from archive.spelling import closest_word

    assert closest_word("Negotiatons", loaded.near_word("negotiatons")) == "negotiations"
    assert closest_word("Bresil", loaded.near_word("bresil")) == "brasil"
    assert closest_word("zzzzqqqq", loaded.near_word("zzzzqqqq")) is None


# -- scripts without spaces between words ---------------------------------------------------------------

CJK_THAI = {
    "zh-coop": ("zh", "瑞士与中国加强合作", "瑞士联邦委员会今天宣布，瑞士与中国将在科学研究和职业教育领域加强合作。"),
    "ja-coop": ("ja", "スイスと日本の協力", "スイス連邦政府は本日、日本との経済協力を強化すると発表しました。"),
    "ko-coop": ("ko", "스위스와 한국의 협력", "스위스 연방정부는 오늘 한국과의 경제 협력을 강화한다고 발표했다."),
    "th-coop": ("th", "ความร่วมมือระหว่างไทยและสวิตเซอร์แลนด์", "รัฐบาลสวิตเซอร์แลนด์ประกาศว่าจะเพิ่มความร่วมมือด้านการศึกษากับประเทศไทย"),
}


@pytest.fixture
def cjk(engine):
    engine.index([_doc(doc_id, title, text, language, "2025-01-10") for doc_id, (language, title, text)
                  in CJK_THAI.items()])
    return engine


@pytest.mark.parametrize("query, found", [
    ("合作", {"zh-coop"}),  # a word inside a Chinese sentence
    ("职业教育", {"zh-coop"}),  # a longer one: its bigrams in order
    ("教育职业", set()),  # the same characters in another order are not there
    ("协力", set()),  # a word that is not in the text
    ("経済協力", {"ja-coop"}),
    ("協力", {"ja-coop"}),
    ("협력", {"ko-coop"}),  # written 협력을 (with its particle) in the text
    ("경제 협력", {"ko-coop"}),
    ("한국어", set()),
    ("ความร่วมมือ", {"th-coop"}),  # Thai: a word inside a run without spaces
    ("การศึกษา", {"th-coop"}),
    ("การเมือง", set()),
    ('"เพิ่มความร่วมมือ"', {"th-coop"}),
])
def test_words_inside_sentences_without_spaces_are_found(cjk, query, found):
    assert ids(cjk, query) == found


@pytest.mark.parametrize("query, doc_id, marked", [
    ("合作", "zh-coop", "<mark>合作</mark>"),
    ("职业教育", "zh-coop", "<mark>职业教育</mark>"),
    ("협력", "ko-coop", "<mark>협력</mark>을"),
    ("การศึกษา", "th-coop", "<mark>การศึกษา</mark>"),
])
def test_their_snippets_mark_the_characters_matched(cjk, query, doc_id, marked):
    hit, = cjk.search(by_version(q=query)).hits
    assert hit.id == doc_id and marked in hit.snippet


def test_the_date_histogram_is_the_same_on_every_engine(loaded):
    from archive.web.histogram import build_histogram

    request = SearchRequest.create(q="", date_from="2024-01", date_to="2024-02")  # its own range is left out
    histogram = build_histogram(loaded, request, lambda r: f"{r.date_from}/{r.date_to}")
    counts = {b.start: b.count for b in histogram.bars}
    assert histogram.interval == "month" and list(counts) == sorted(counts)  # every month, gaps too
    assert {m: n for m, n in counts.items() if n} == {"2023-05": 1, "2023-06": 1, "2024-01": 1, "2024-02": 1,
                                                        "2024-03": 2, "2024-11": 1, "2025-05": 1, "2025-07": 1}
    assert histogram.undated == 1  # the undated communiqué: counted and said
    assert [b.start for b in histogram.bars if b.selected] == ["2024-01", "2024-02"]
    assert all(b.url == f"{b.start}/{b.end}" for b in histogram.bars)
    plain = SearchRequest.create(q="")
    whole = loaded.search(replace(plain, whole=("month",), facet_size=1))  # the page's search, months in full
    from_page = build_histogram(loaded, plain, lambda r: "", counted=(whole.facets["month"], whole.total))
    assert [(b.start, b.count) for b in from_page.bars] == [(b.start, b.count) for b in histogram.bars]
    assert from_page.undated == 1
    japan = build_histogram(loaded, SearchRequest.create(q="country:JP"), lambda r: "")
    assert 0 < sum(b.count for b in japan.bars) < sum(counts.values())  # it follows the query


def test_the_world_map_is_the_same_on_every_engine(loaded):
    from archive.web.map_geometry import sprite
    from archive.web.worldmap import build_worldmap

    def link(r):
        return "&".join(f"{k}={v}" for k, v in r.to_args())
    request = by_version(filters={"country": ["JP"]}, exclusions={"country": ["TR"]}, date_from="2024")
    found = loaded.search(replace(request, whole=("country",), facet_size=2)).facets["country"]
    assert len(found) == 7  # every country counted, whatever the facet's size
    worldmap = build_worldmap(found, request, link, sprite(), "/map.svg")
    shown = {c.code: (c.count, c.level, c.selected, c.excluded) for c in worldmap.countries}
    # 2024 on: the countries' own selection (JP) and exclusion (TR) left out of their counts, like the facet
    assert shown == {"CH": (6, 5, False, False), "DE": (3, 4, False, False), "IT": (1, 2, False, False),
                     "JP": (1, 2, True, False), "RU": (1, 2, False, False), "UA": (1, 2, False, False),
                     "TR": (0, 0, False, True)}
    assert [(lv.low, lv.high) for lv in worldmap.levels] == [(1, 1), (2, 2), (3, 4), (5, 6)]
    links = {c.code: (c.url, c.exclude_url) for c in worldmap.countries}
    assert links["JP"] == ("not_country=TR&from=2024&versions=all",
                           "not_country=TR&not_country=JP&from=2024&versions=all")  # selected: the link takes it out
    assert links["DE"][0] == "country=JP&country=DE&not_country=TR&from=2024&versions=all"
    assert links["TR"] == ("country=JP&from=2024&versions=all", None)  # excluded: the link undoes it
    assert [c.code for c in worldmap.countries][-1] == "TR"  # the excluded country ends the list
    nothing = by_version(q="nothingmatchesthis", whole=("country",))
    assert build_worldmap(loaded.search(nothing).facets["country"], nothing, link, sprite(), "/map.svg") is None


def test_a_short_span_is_shown_per_day_or_per_week_on_every_engine(loaded):
    from archive.web.histogram import build_histogram

    def link(r):
        return f"{r.date_from}/{r.date_to}"
    people = {"person": ["Giorgia Meloni", "Olaf Scholz"]}  # two communiqués five days apart
    march = build_histogram(loaded, SearchRequest.create(filters=people, date_from="2024-03-16"), link)
    assert march.interval == "day" and [b.start for b in march.bars][0::5] == ["2024-03-15", "2024-03-20"]
    assert {b.start: b.count for b in march.bars if b.count} == {"2024-03-15": 1, "2024-03-20": 1}
    assert len(march.bars) == 6 and march.bars[0].url == "2024-03-15/2024-03-15" and march.bars[0].label == "15 Mar 2024"
    assert [b.start for b in march.bars if b.selected] == ["2024-03-16", "2024-03-17", "2024-03-18", "2024-03-19",
                                                           "2024-03-20"]
    quarter = build_histogram(loaded, SearchRequest.create(filters={"country": ["DE"]}), link)  # 2 Jan to 20 Mar
    assert quarter.interval == "week" and quarter.bars[0].start == "2024-01-01" and quarter.bars[0].end == "2024-01-07"
    assert {b.start: b.count for b in quarter.bars if b.count} == {
        "2024-01-01": 1, "2024-03-18": 1}  # the customs communiqué once, not once per language
    assert len(quarter.bars) == 12 and quarter.bars[-1].end == "2024-03-24"
    assert quarter.bars[0].label == "Week of 1 Jan 2024" and quarter.bars[0].url == "2024-01-01/2024-01-07"
    year = build_histogram(loaded, SearchRequest.create(filters={"year": ["2023"]}), link)
    assert year.interval == "day" and [(b.start, b.count) for b in year.bars] == [("2023-06-12", 1)]
    assert year.month_only == 1 and year.undated == 0  # the Turkish communiqué is dated May 2023, no day
    assert build_histogram(loaded, SearchRequest.create(filters={"year": ["2024"]}), link).interval == "month"


@pytest.mark.parametrize("versions", [False, True])
def test_a_search_for_counts_only_has_no_hits_and_the_same_counts(loaded, versions):
    request = SearchRequest.create(q="Zoll OR nato", versions=versions)
    full = loaded.search(request)
    counts = loaded.search(replace(request, per_page=0))  # what the histogram and the map ask for
    assert counts.hits == [] and counts.total == full.total and full.hits
    assert counts.facets["country"] == full.facets["country"] and counts.pages == 1


def test_a_country_is_not_found_by_a_neighbours_stem(engine):
    """Italian stems Niger, Nigeria and nigeriano alike: a search for Niger must not find Nigeria."""
    engine.index([
        _doc("it-nigeria", "Visita in Nigeria", "Il governo nigeriano ha ricevuto la delegazione in Nigeria.",
             "it", "2024-05-02", countries=["NG"]),
        _doc("it-niger", "Aiuti al Niger", "La Svizzera sostiene il Niger e i suoi vicini.", "it", "2024-05-03",
             countries=["NE"]),
        _doc("it-both", "Sahel", "Dal Niger alla Nigeria: la cooperazione regionale.", "it", "2024-05-04",
             countries=["NE", "NG"]),
        _doc("it-lavoro", "Lavori", "I lavoratori e il lavoro.", "it", "2024-05-05"),
        _doc("de-polens", "Besuch", "Die Regierung Polens empfing die Delegation.", "de", "2024-05-06",
             countries=["PL"]),
        _doc("de-pole", "Politik", "Ein Pole sprach über Politik.", "de", "2024-05-07"),
        _doc("fr-mal", "Recrutement", "Les entreprises ont eu du mal à recruter.", "fr", "2024-05-08"),
        _doc("fr-mali", "Sahel", "La Suisse soutient le Mali.", "fr", "2024-05-09", countries=["ML"]),
    ])
    # German stems Polen to "pol", French Mali to "mal": the stem counts only in a word that begins
    # with the name (Polens), so Pole, Politik and "du mal" are not found
    assert ids(engine, "Polen") == {"de-polens"} and ids(engine, "Mali") == {"fr-mali"}
    assert ids(engine, "Niger") == {"it-niger", "it-both"}
    assert ids(engine, "Nigeria") == {"it-nigeria", "it-both"}
    assert ids(engine, "lavoro") == {"it-lavoro"} and ids(engine, "lavori") == {"it-lavoro"}  # words still stem
    both, = engine.search(by_version(q="Niger", expand=False, filters={"country": ["NG"]})).hits
    assert "<mark>Niger</mark>" in both.snippet and "<mark>Nigeria</mark>" not in both.snippet


def test_added_after_keeps_documents_first_indexed_after_a_time(engine):
    from dataclasses import replace

    docs = sample_documents()[:3]
    engine.index([docs[2]])  # indexed before the archive kept the time
    assert engine.newest_added() is None
    times = ["2026-12-01T09:00:00.000Z", "2026-12-01T09:00:00.001Z"]
    engine.index([replace(doc, added=at) for doc, at in zip(docs, times)])
    request = SearchRequest.create(added_after="2026-12-01T09:00:00Z", versions=True)
    assert [h.id for h in engine.search(request).hits] == [docs[1].id]  # one millisecond later is after
    everything = engine.search(SearchRequest.create(added_after="1970-01-01", versions=True))
    assert {h.id for h in everything.hits} == {docs[0].id, docs[1].id}
    assert engine.get(docs[1].id).added == "2026-12-01T09:00:00.001Z"
    assert engine.newest_added() == "2026-12-01T09:00:00.001Z"


def test_values_past_those_counted_exactly_are_still_shown(loaded, monkeypatch):
    """A facet shown at length (the map's countries, "show more") lists every value counted: those past the
    ones counted exactly keep their estimates (every engine)."""
    import archive.facets
    from archive.collapse import group_of

    monkeypatch.setattr(archive.facets, "MAX_EXACT_VALUES", 2)
    groups: dict[str, set[str]] = {}
    for doc in sample_documents():
        groups.setdefault(group_of(doc), set()).update(doc.countries)
    expected: dict[str, int] = {}
    for countries in groups.values():
        for code in countries:
            expected[code] = expected.get(code, 0) + 1
    result = loaded.search(SearchRequest.create(more=("country",)))
    assert len(expected) > 2 and facet(result, "country") == expected
    assert not any(v.estimated for v in result.facets["country"])  # small counts: the estimates are exact


def test_communiques_without_translations_are_counted_exactly_however_many_match(engine, monkeypatch):
    """Where no matching version has a translation, each communiqué is one version and every engine counts
    them exactly, past EXACT_FACETS matching versions too (lowered here); translations added later are
    counted by communiqué again."""
    import archive.engines.cluster
    import archive.engines.tantivy_engine

    for module in (archive.engines.cluster, archive.engines.tantivy_engine):
        monkeypatch.setattr(module, "EXACT_FACETS", 3)
    docs = [_doc(f"n{i}", f"Mitteilung {i}", f"Text der Mitteilung {i}.", "de", f"2024-01-{10 + i}",
                 countries=["CH", "DE", "AT", "IT"][:1 + i % 4]) for i in range(12)]
    assert engine.index(docs).errors == []
    result = engine.search(SearchRequest.create(more=("country",)))
    assert (result.total, result.versions_total, result.total_estimated) == (12, 12, False)
    assert facet(result, "country") == {"CH": 12, "DE": 9, "AT": 6, "IT": 3}
    assert facet(result, "language") == {"de": 12}
    assert not any(v.estimated for values in result.facets.values() for v in values)
    assert engine.index(sample_documents()).errors == []
    # (A search that may match some versions of a communiqué and not others: browsing matches whole
    # communiqués, which the embedded engine counts exactly at any size.)
    mixed = engine.search(SearchRequest.create(q="NOT Zyxwvu"))
    assert (mixed.total, mixed.versions_total) == (22, 25)  # the 13 documents are 10 communiqués
    languages: dict[str, set[str]] = {}
    for doc in docs + sample_documents():
        languages.setdefault(doc.language, set()).add(doc.translation_group or doc.id)
    assert facet(mixed, "language") == {language: len(groups) for language, groups in languages.items()}
    assert all(v.estimated for v in mixed.facets["language"])  # past EXACT_FACETS: estimates again


def test_the_newest_periods_are_shown_however_many_there_are(engine):
    """Periods are shown newest first: every engine counts the newest months, not the most frequent (the
    oldest of 72 months hold the most communiqués here, more months than are counted at once), for a
    search with words and for browsing."""
    docs = []
    for m in range(72):
        year, month = 2019 + m // 12, 1 + m % 12
        for n in range(1 + (72 - m) // 10):
            docs += [_doc(f"{lang}-{m:02d}-{n}", "Mitteilung", "Text der Mitteilung.", lang,
                          f"{year}-{month:02d}-0{1 + n}", group=f"m{m}-{n}") for lang in ("de", "fr")]
    assert engine.index(docs).errors == []
    newest = [(f"2024-{month:02d}", 1 + (72 - 59 - month) // 10) for month in range(12, 2, -1)]
    for request in (SearchRequest.create(q="Mitteilung"), SearchRequest.create()):
        assert [(v.value, v.count) for v in engine.search(request).facets["month"]] == newest


def test_exact_counts_past_the_engines_bucket_limits(engine):
    """Counting communiqués exactly makes a bucket per value and communiqué: 4,500 communiqués in two languages,
    each naming 29 countries, make 130,500, past what one request may make on either engine (tantivy's
    65,000, Elasticsearch's search.max_buckets of 65,536). They are counted in parts."""
    countries = ["CH", "DE", "FR", "IT", "AT", "LI", "GB", "US", "UA", "PL", "ES", "PT", "NL", "BE", "LU",
                 "DK", "SE", "NO", "FI", "IE", "CZ", "SK", "HU", "SI", "HR", "RO", "BG", "GR", "CY", "MT"]
    # Each communiqué names all but one (a value on every version would need no counting).
    docs = [_doc(f"{lang}-{n}", f"Mitteilung {n}", "Kurz.", lang, "2024-05-01",
                 countries=countries[:n % 30] + countries[n % 30 + 1:], group=f"g{n}")
            for n in range(4500) for lang in ("de", "fr")]
    for start in range(0, len(docs), 1500):  # in several commits, as an archive grows (several segments)
        assert engine.index(docs[start:start + 1500]).errors == []
    result = engine.search(SearchRequest.create(more=("country",)))
    assert (result.total, result.versions_total) == (4500, 9000)
    assert facet(result, "country") == dict.fromkeys(countries, 4500 - 150)
    assert not any(v.estimated for v in result.facets["country"])


def test_a_selected_facet_is_counted_by_communique_where_the_rest_has_no_translations(engine):
    """A selected facet is counted without its own selection: where that wider set holds translations, its
    values count communiqués, even though what the search matches has none (every engine)."""
    from archive.collapse import group_of

    docs = [_doc(f"n{i}", f"Mitteilung {i}", f"Text der Mitteilung {i}.", "de", f"2024-01-{10 + i}",
                 countries=["CH", "DE", "AT", "IT"][:1 + i % 4]) for i in range(12)]
    assert engine.index(docs + sample_documents()).errors == []
    result = engine.search(SearchRequest.create(filters={"country": ["AT"]}))
    assert (result.total, result.versions_total) == (6, 6)  # only untranslated communiqués name Austria
    with_ch = {group_of(d) for d in docs + sample_documents() if "CH" in d.countries}
    assert facet(result, "country")["CH"] == len(with_ch)  # 12 + 4 communiqués, 3 of them in 2-3 versions


def test_values_of_many_communiques_are_counted_exactly(engine):
    """Above a hundred communiqués an estimate may be off: counts there are made exact (every engine,
    as long as the search matches at most EXACT_FACETS versions)."""
    docs = []
    for n in range(230):  # 230 communiqués in two or three languages; every 3rd names Germany too
        languages = ("de", "fr", "it") if n % 2 else ("de", "fr")
        countries = ["CH", "DE"] if n % 3 == 0 else ["CH"]
        docs += [_doc(f"{lang}-{n:03d}", f"Mitteilung {n}", f"Der Bundesrat hat heute das Geschäft {n} behandelt.",
                      lang, f"2024-{n % 12 + 1:02d}-01", countries=countries, orgs=["SECO"] if n % 5 else [],
                      group=f"g-{n:03d}") for lang in languages]
    assert engine.index(docs).errors == []
    result = engine.search(SearchRequest.create())
    assert result.total == 230 and result.versions_total == 575
    assert facet(result, "country") == {"CH": 230, "DE": 77}
    assert facet(result, "language") == {"de": 230, "fr": 230, "it": 115}
    assert facet(result, "org") == {"SECO": 184}
    narrowed = engine.search(SearchRequest.create(filters={"language": ["it"]}))
    assert facet(narrowed, "country") == {"CH": 115, "DE": 38}


def test_large_searches_estimate_communiques_from_a_sample_alike(engine, monkeypatch):
    """Past SAMPLED_VERSIONS / SAMPLED_AT_MOST matching versions (lowered here) every engine counts each
    value's versions over everything and reads its communiqués per version in a sample of whole
    communiqués: Switzerland on the three versions of 300 communiqués and Germany on one version of 150
    are both estimated near their communiqués (by versions they would be 900 and 150), marked as
    estimates; the values likely shown the sample says too little of are estimated over everything
    holding them, which is exact at these numbers (cardinality of a few hundred)."""
    import archive.engines.cluster
    import archive.engines.tantivy_engine
    import archive.facets

    assert engine.index(translated_communiques()).errors == []
    truth = {"CH": 300, "DE": 150, "AT": 60}
    for module in (archive.engines.cluster, archive.engines.tantivy_engine):
        monkeypatch.setattr(module, "EXACT_FACETS", 10)
    monkeypatch.setattr(archive.facets, "SAMPLED_VERSIONS", 400)  # about 44 % of the 900 versions
    monkeypatch.setattr(archive.facets, "SAMPLED_AT_MOST_CLUSTER", 0.5)
    monkeypatch.setattr(archive.facets, "SAMPLE_SUPPORT", 0)
    request = SearchRequest.create(q="Zoll OR douane OR dazio")
    result = engine.search(request)
    assert result.versions_total == 900
    found = facet(result, "country")
    for country, communiques in truth.items():
        assert abs(found[country] - communiques) <= 0.15 * communiques, (country, found)
    assert all(v.estimated for v in result.facets["country"])
    # The values likely shown the sample says too little of (here all): estimated over everything that
    # holds them, as without a sample (the same groups, the same estimate).
    forget = getattr(engine, "forget_counts", lambda: None)
    for share in ("SAMPLED_AT_MOST", "SAMPLED_AT_MOST_CLUSTER"):
        monkeypatch.setattr(archive.facets, share, 0.0)
    forget()
    unsampled = facet(engine.search(request), "country")
    assert all(abs(unsampled[c] - n) <= 0.02 * n for c, n in truth.items()), unsampled
    for share in ("SAMPLED_AT_MOST", "SAMPLED_AT_MOST_CLUSTER"):
        monkeypatch.setattr(archive.facets, share, 0.5)
    monkeypatch.setattr(archive.facets, "SAMPLE_SUPPORT", 1_000)
    deep = replace(request, per_page=100, page=101)  # past the clusters' result window: counted apart
    for shown in (request, replace(request, filters=(("country", ("AT",)),)), deep):
        forget()
        assert facet(engine.search(shown), "country") == unsampled, shown
