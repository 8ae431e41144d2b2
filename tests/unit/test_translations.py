"""The interface's catalogues: every text translated, placeholders and markup kept, .mo files up to date."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

import archive
from archive.i18n import LANGUAGES

CATALOGUES = Path(archive.__file__).parent / "translations"
TRANSLATED = [code for code in LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
TAG = re.compile(r"</?\w+[^>]*>")


def catalogue(code: str):
    with open(CATALOGUES / code / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=code)


def texts(message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


def translations(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_text_is_translated_with_its_placeholders_and_markup(code):
    messages = [m for m in catalogue(code) if m.id]
    assert len(messages) > 200
    for message in messages:
        english = texts(message)
        for translated in translations(message):
            assert translated, f"{code}: {english[0]!r} is not translated"
            assert set(PLACEHOLDER.findall(translated)) <= set(PLACEHOLDER.findall(" ".join(english))), translated
            # links and emphasis keep their markup (attributes included), in any order of words
            assert sorted(TAG.findall(translated)) == sorted(TAG.findall(english[0])), translated


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_catalogue_holds_every_text_of_the_template(code):
    with open(CATALOGUES / "messages.pot", "rb") as handle:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    have = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue(code) if m.id}
    assert wanted == have, "run scripts/translations extract, translate, then compile"


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_catalogue_is_the_one_the_po_file_makes(code):
    made = io.BytesIO()
    write_mo(made, catalogue(code))
    with open(CATALOGUES / code / "LC_MESSAGES" / "messages.mo", "rb") as handle:
        shipped = read_mo(handle)
    made.seek(0)
    expected = read_mo(made)
    def table(messages):
        def frozen(value):
            return tuple(value) if isinstance(value, (list, tuple)) else value

        return {frozen(m.id): frozen(m.string) for m in messages if m.id}

    assert table(shipped) == table(expected), \
        "run scripts/translations compile"


def test_the_template_of_texts_holds_what_the_code_and_pages_say():
    from babel.messages.extract import extract_from_dir

    from tests.conftest import ROOT

    if not (ROOT / "templates").is_dir():
        pytest.skip("needs the source checkout (templates/)")
    keywords = {"N_": None, "Np_": (1, 2), "_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None,
                "pattern": None}
    found = set()
    for folder, pattern, method in (("archive", "**.py", "python"), ("templates", "**.html", "jinja2")):
        for _, _, message, _, _ in extract_from_dir(str(ROOT / folder), [(pattern, method)], keywords=keywords,
                                                    directory_filter=lambda path: True):
            found.add(message if isinstance(message, str) else message[0])
    with open(CATALOGUES / "messages.pot", "rb") as handle:
        listed = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert found == listed, "run scripts/translations extract, translate, then compile"
