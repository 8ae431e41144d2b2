"""Property-based fuzzing (hypothesis) of what takes untrusted input: readers, the decoder, the query
parser and planner, URL arguments and snippets.

Every target may only fail the documented way (ReadError, QuerySyntaxError, RequestError). The budget
is ARCHIVE_FUZZ_EXAMPLES examples per target (default 200, about a minute in all on CI's machine); a
longer hunt is `ARCHIVE_FUZZ_EXAMPLES=20000 python -P -m pytest tests/unit/test_fuzz.py`. In CI the
examples are derandomised, so a run is repeatable; elsewhere each run tries new ones. A crash found
becomes a case of its own in the test files of its module.
"""
from __future__ import annotations

import os
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.highlight import make_snippet
from archive.query import QuerySyntaxError, parse_query
from archive.request import RequestError, SearchRequest
from indexer.model import ReadError
from indexer.readers import read_path
from indexer.readers.decoding import decode

EXAMPLES = int(os.environ.get("ARCHIVE_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=os.environ.get("CI") == "true",
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Starts that steer the bytes towards each reader's format.
PREFIXES = {
    ".txt": [b"", b" date 2025-07 ", b"title ", b"\xef\xbb\xbf", b"\xff\xfe"],
    ".md": [b"", b"---\ntitle: ", b"# "],
    ".html": [b"", b"<!doctype html><html lang=", b"<!DOCTYPE x [", b"<html><body><article>"],
    ".json": [b"", b"{\"text\": ", b"[{\"text\": \"a\", \"date\": ", b"[" * 70, b"\xef\xbb\xbf{"],
    ".jsonl": [b"", b"{\"text\": \"a\"}\n", b"{\"title\": "],
    ".eml": [b"", b"From: a@b.c\nSubject: ", b"Content-Type: multipart/mixed; boundary=x\n\n--x\n"],
    ".rss": [b"", b"<rss version=\"2.0\"><channel><item><title>", b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"],
    ".xml": [b"", b"<messages xmlns=\"https://www.news.admin.ch/messages\"><message id=\"1\"><content lang=\"de\">"],
}
TEXTY = st.text(alphabet=st.characters(codec="utf-8"), max_size=300).map(lambda s: s.encode("utf-8"))


@pytest.mark.parametrize("extension", sorted(PREFIXES))
@FUZZ
@given(data=st.data())
def test_readers_fail_only_with_a_reason(tmp_path, extension, data):
    prefix = data.draw(st.sampled_from(PREFIXES[extension]))
    body = data.draw(st.one_of(st.binary(max_size=400), TEXTY))
    path = tmp_path / f"fuzz{extension}"
    path.write_bytes(prefix + body)
    try:
        for doc in read_path(str(path)):
            assert isinstance(doc.text, str) and doc.text.strip()
            assert "\x00" not in doc.text and "\ufeff" not in doc.text
    except ReadError as err:
        assert err.reason and "\n" not in err.reason.strip()


@FUZZ
@given(st.binary(max_size=600), st.sampled_from([None, "utf-8", "latin-1", "cp1252", "shift_jis", "bogus"]))
def test_decode_gives_clean_text_or_a_reason(data, declared):
    try:
        text = decode(data, "x.txt", declared)
    except ReadError as err:
        assert err.reason
        return
    assert text.strip() and "\x00" not in text and "\r" not in text


QUERY_ALPHABET = string.ascii_letters + string.digits + " \"()-*:?&|_/.,'" + "äéİıß日本Джاب"
QUERIES = st.one_of(
    st.text(alphabet=QUERY_ALPHABET, max_size=80),
    st.lists(st.sampled_from(["AND", "OR", "NOT", "-", "(", ")", '"', "nato", "Turkey", "country:", "TR",
                              "title:", "pref*", "lang:de", "person:", "x", "*"]), max_size=12).map(" ".join),
)


@FUZZ
@given(QUERIES)
def test_the_query_parser_and_planner_fail_only_with_a_message(q):
    try:
        parse_query(q)
        request = SearchRequest.create(q=q)
    except QuerySyntaxError as err:
        assert str(err)
        return
    assert request.query.tree is not None and request.query.highlight is not None


ARG_KEYS = ["q", "country", "not_country", "language", "person", "from", "to", "sort", "page", "per_page",
            "facet_size", "expand", "year", "org", "topic"]


@FUZZ
@given(st.dictionaries(st.sampled_from(ARG_KEYS), st.lists(st.text(max_size=20), max_size=3), max_size=8))
def test_url_arguments_give_a_request_that_round_trips_or_a_message(args):
    try:
        request = SearchRequest.from_args(args)
    except (RequestError, QuerySyntaxError) as err:
        assert str(err)
        return
    again = SearchRequest.from_args({k: [v for kk, v in request.to_args() if kk == k] for k, _ in request.to_args()})
    assert again == request


@FUZZ
@given(st.text(max_size=3000), QUERIES, st.sampled_from([None, "de", "fr", "en", "tr", "xx"]))
def test_snippets_are_escaped_text_with_only_marks(text, q, language):
    try:
        node = SearchRequest.create(q=q).query.highlight
    except QuerySyntaxError:
        return
    html = make_snippet(text, node, language)
    assert "<" not in html.replace("<mark>", "").replace("</mark>", "")
