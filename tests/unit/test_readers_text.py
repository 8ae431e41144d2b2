"""Shared reader helpers: dates, titles, text layout, HTML to text."""
from __future__ import annotations

import pytest

from indexer.readers.dates import parse_date
from indexer.readers.htmltext import html_to_text
from indexer.readers.textlayout import cap_title, title_from_text
from indexer.tidy import tidy


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03", ("2024-03", "month")),
        ("2024-03-05", ("2024-03-05", "day")),
        ("2024-03-05T23:30:00-05:00", ("2024-03-05", "day")),  # the source's own day, not UTC's
        ("2023-11-07T10:00:00Z", ("2023-11-07", "day")),
        ("Tue, 05 Mar 2024 09:00:00 +0100", ("2024-03-05", "day")),
        ("5 March 2024", ("2024-03-05", "day")),
        ("March 2024", ("2024-03", "month")),
        ("2024-02-30", (None, None)),
        ("2024", (None, None)),
        ("soon", (None, None)),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "text, title",
    [
        ("First sentence. Second one.", "First sentence."),
        ("Dr. Jane Smith met Mr. J. R. Ewing today. Then more.", "Dr. Jane Smith met Mr. J. R. Ewing today."),
        ("Am 1. Januar 2024 tritt z. B. das Gesetz in Kraft. Weiter.", "Am 1. Januar 2024 tritt z. B. das Gesetz in Kraft."),
        ("M. Dupont a parlé. Puis Mme Durand.", "M. Dupont a parlé."),
        ("Growth reached 3.5 percent in 2024. Next.", "Growth reached 3.5 percent in 2024."),
        ("Is it true? Yes.", "Is it true?"),
        ("The U.S. Government agreed. Next.", "The U.S. Government agreed."),
        ("Heading without stop\nFirst sentence. Second.", "Heading without stop"),
        ("a hard-wrapped sentence that goes\non and on. Next.", "a hard-wrapped sentence that goes on and on."),
        ("No sentence end at all", "No sentence end at all"),
        ("", ""),
    ],
)
def test_title_from_text(text, title):
    assert title_from_text(text) == title


def test_cap_title_cuts_at_a_word_boundary():
    title = cap_title("word " * 100, limit=50)
    assert len(title) <= 50 and title.endswith("word…")


def test_tidy():
    assert tidy("  a \t b  \n\n\n\n c\u00a0 d \n") == "a b\n\nc d"


@pytest.mark.parametrize(
    "html, text",
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("<div>x &amp; y &eacute;</div>", "x & y é"),
        ("<h2>Head</h2>text <b>bold</b> <i>it</i>", "Head\n\ntext bold it"),
        ("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"),
        ("<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
        ("<nav>menu</nav><p>body</p><footer>foot</footer>", "body"),
        ("", ""),
    ],
)
def test_html_to_text(html, text):
    assert html_to_text(html) == text
