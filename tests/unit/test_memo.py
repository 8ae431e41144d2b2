"""`Memo`: results computed once per argument, read from C, bounded."""
from concurrent.futures import ThreadPoolExecutor

from archive import terms
from indexer.analysis.fold import FOLDED_WORDS, fold, fold_word
from indexer.memo import Memo


def test_a_result_is_computed_once_and_read_back():
    calls = []
    memo = Memo(lambda w: calls.append(w) or w.upper(), 10)
    assert list(map(memo.__getitem__, ["a", "b", "a", "a"])) == ["A", "B", "A", "A"]
    assert calls == ["a", "b"]


def test_a_full_memo_empties_itself_and_goes_on():
    memo = Memo(len, 3)
    for word in ["a", "bb", "ccc", "dddd", "eeeee"]:
        assert memo[word] == len(word)
        assert len(memo) <= 3
    assert "eeeee" in memo and "a" not in memo


def test_threads_reading_and_filling_one_memo_get_every_result_right():
    memo = Memo(lambda n: n * n, 500)  # small: it is emptied again and again meanwhile
    numbers = list(range(5000))
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda k: list(map(memo.__getitem__, numbers[k::8] + numbers)), range(8)))
    for k, result in enumerate(results):
        assert result == [n * n for n in numbers[k::8] + numbers]


def test_the_memoised_word_forms_are_the_plain_ones():
    for word in ["Über", "STRASSE", "Straße", "İstanbul", "Çağrı", "naïve", "l’État", "日本", "½", "Ёлка"]:
        assert fold_word(word) == fold(word)
        assert FOLDED_WORDS[word] == fold(word)
    assert terms.folded("Straße ½ l’État") == ["strasse", "1", "2", "l", "etat"]
    assert terms.stemmed("les maisons", "fr") == ["le", "maison"]
    assert terms.stem("maisons", "fr") == terms._stemmer("fr").stemWord("maisons")
    assert terms.stem("maisons", None) == "maisons"


def test_a_document_as_a_dict_is_dataclasses_asdict_and_a_copy():
    import dataclasses

    from indexer.model import Communique

    doc = Communique(source="s.xml#de", text="Text", title="Titel", date="2024-01-02", date_precision="day",
                     declared_language="de", language="de", language_confidence=0.99, issuer="BAG",
                     issuer_country="CH", countries=["CH", "DE"], persons=["Anna Muster"], organisations=["BAG"],
                     places=["Bern"], topics=["Gesundheit"], dateline="Bern", translation_group="nsb-1",
                     source_id="1-de", url="https://example.org/1", attachments=["a.pdf"], attached_to=None,
                     attachment_links={"a.pdf": "doc-2"}, pages=[0, 10], warnings=["w"], id="doc-1",
                     added="2024-01-02T00:00:00Z", sources=["s.xml#de"], content_hash="abc")
    doc.__dict__["_index_terms"] = ("kept apart", ())
    as_dict = doc.to_dict()
    assert as_dict == dataclasses.asdict(doc) and list(as_dict) == list(dataclasses.asdict(doc))
    as_dict["countries"].append("FR")
    as_dict["attachment_links"]["b.pdf"] = "doc-3"
    assert doc.countries == ["CH", "DE"] and doc.attachment_links == {"a.pdf": "doc-2"}
    assert Communique.from_dict(doc.to_dict()) == doc
