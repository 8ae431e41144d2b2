"""The fast paths of word splitting and snippet marking give what the plain definitions give."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.highlight import _Matcher
from archive.request import SearchRequest
from archive.terms import fold_word, word_pieces, word_spans, words

WORDS = ["Zoll", "Zölle", "İstanbul", "straße", "Bundesrat", "Conseil", "fédéral", "co-operation", "l'OTAN",
         "經濟協力", "経済協力を", "협력을", "การศึกษา", "x" * 45, "ÉTATS", "snake_case", "Ⅻ", "e\u0301te", "2024"]


def plain_word_spans(text: str) -> list[tuple[int, int, str]]:
    """word_spans as first written: `words` of every piece."""
    return [(a, b, words(piece)[0]) for a, b, piece in word_pieces(text) if len(words(piece)) == 1]


def plain_spans(matcher: _Matcher, text: str) -> list[tuple[int, int]]:
    """_Matcher.spans as first written: every word and phrase position tried in full."""
    from archive.highlight import _merge

    def matches(word, folded_word):
        if folded_word in matcher.folds or (matcher.stems and matcher._stem(word) in matcher.stems):
            return True
        return any(folded_word.startswith(p) for p in matcher.prefixes)
    tokens = [(s, e, w, fold_word(w)) for s, e, w in plain_word_spans(text)]
    spans = [(s, e) for s, e, w, f in tokens if matches(w, f)]
    for phrase in matcher.phrases:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if all(matcher._stem(tokens[i + k][2]) == phrase[k][0] or tokens[i + k][3] == phrase[k][1]
                   for k in range(n)):
                spans.append((tokens[i][0], tokens[i + n - 1][1]))
    return _merge(spans)


texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=30).map(" ".join)
queries = st.sampled_from(["Zoll", "zölle", '"Conseil fédéral"', "Bundesrat OR Zoll*", "istanbul", "協力",
                           '"co operation"', "straße", "NOT Zoll", '"Zoll Zoll"'])


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_word_spans_are_the_pieces_words(text):
    assert word_spans(text) == plain_word_spans(text)


@settings(max_examples=300, deadline=None)
@given(text=texts, q=queries, language=st.sampled_from(["de", "fr", "en", "ja", None]))
def test_marked_spans_are_those_every_word_and_position_would_give(text, q, language):
    matcher = _Matcher(SearchRequest.create(q=q, expand=False).query.highlight_for(language), language)
    assert matcher.spans(text) == plain_spans(matcher, text)


def split_pieces(text: str) -> list[tuple[int, int, str]]:
    """word_pieces as first written: the runs between the split characters `words` splits at."""
    from archive.terms import _BIGRAM_RUN, _SPLIT, _pieces

    out, pos = [], 0
    for m in _SPLIT.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    if _BIGRAM_RUN.search(text) is None:
        return [(start, end, text[start:end]) for start, end in out]
    return [piece for start, end in out for piece in _pieces(text[start:end], start)]


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(texts, st.text(max_size=60),
                      st.text(alphabet=st.sampled_from("a_Z é\u0301\u05b0\u0640\u064b\u0931\u0e31\u0e01-'’İ経x1"),
                              max_size=40)))
def test_word_pieces_are_the_runs_between_split_characters(text):
    from archive.terms import word_pieces

    assert word_pieces(text) == split_pieces(text)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(texts, st.text(max_size=60),
                      st.text(alphabet=st.sampled_from("a_Z é\u0301\u05b0\u0640\u064b\u0931\u0e31\u0e01-'’İ経x1"),
                              max_size=40)))
def test_words_are_the_runs_between_split_characters(text):
    from archive.terms import _BIGRAM_RUN, _SPLIT, MAX_TOKEN_BYTES, _pieces

    lowered = text.replace("İ", "i").lower()
    split = [w for w in _SPLIT.split(lowered) if w]
    if _BIGRAM_RUN.search(lowered):
        split = [token for w in split for _, _, token in _pieces(w)]
    assert words(text) == [w for w in split if len(w.encode("utf-8")) < MAX_TOKEN_BYTES]


TRICKY = ["ΟΔΟΣ", "Σύνοδος", "straße", "STRASSE", "Ｓｃｈｗｅｉｚ", "ﬁnance", "e\u0301conomie", "\u0301Etats", "İzmir",
          "Швейцария", "سويسرا", "Österreich", "Oesterreich", "Ærø", "Schweiz-Suisse", "Bundesräte", "conseils",
          "fédéraux", "Federal", "Council", "Svizzera", "Zürich", "Genève", "Ⅻ", "x" * 45, "États-Unis", "Unis",
          "\u0301Etats", "\u0301États"]
tricky_texts = st.lists(st.one_of(st.sampled_from(TRICKY), st.sampled_from(WORDS), st.text(max_size=8)),
                        max_size=40).map(lambda ws: " ".join(ws))
expanded = st.sampled_from(["Schweiz", "Bundesrat", '"Conseil fédéral"', "Österreich", "États-Unis", "Zürich",
                            "strasse", "Σύνοδος", "fin*", "econom*", '"Federal Council" Genève', "İzmir",
                            "Etats-Unis", '"etats unis"', "Osterreich", "zurich", "geneve"])


@settings(max_examples=400, deadline=None)
@given(text=tricky_texts, q=expanded, language=st.sampled_from(["de", "fr", "en", "it", "el", "tr", None]))
def test_reading_only_the_words_that_may_match_marks_what_reading_every_word_marks(text, q, language):
    matcher = _Matcher(SearchRequest.create(q=q).query.highlight_for(language), language)
    fast = matcher.spans(text)
    matcher.first_letters = None  # every word read
    assert fast == matcher.spans(text)


@pytest.mark.parametrize("text, q, language, marked", [
    ("Die Österreich-Reise", "Osterreich", "de", ["Österreich"]),  # found by its folded form only
    ("Les États-Unis et la Suisse", "Etats-Unis", "fr", ["États-Unis"]),
    ("Les \u0301Etats Unis", '"etats unis"', "fr", ["\u0301Etats Unis"]),  # a word beginning with a mark
    ("Die Schweiz und die Eidgenossenschaft", "Schweiz", "de", ["Schweiz"]),
])
def test_words_found_only_by_their_folded_form_are_marked(text, q, language, marked):
    matcher = _Matcher(SearchRequest.create(q=q, expand=False).query.highlight_for(language), language)
    assert [text[a:b] for a, b in matcher.spans(text)] == marked
