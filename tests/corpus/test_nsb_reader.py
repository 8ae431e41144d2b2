"""The news-service reader on the real 2024 corpus (../shared/corpus/nsb-2024)."""
from __future__ import annotations

import collections

import pytest

from indexer.readers import read_path
from tests.conftest import corpus_path


@pytest.fixture(scope="module")
def nsb_folder():
    return corpus_path("nsb-2024")


def test_a_few_real_messages(nsb_folder):
    files = sorted(nsb_folder.rglob("*.xml"))[:20]
    for path in files:
        docs = list(read_path(str(path)))
        assert docs, path
        message_id = path.stem.split(".")[1]  # <date>.<message-id>.xml
        for doc in docs:
            assert doc.title and doc.text, doc.source
            assert doc.date == path.stem.split(".")[0] and doc.date_precision == "day"
            assert doc.translation_group == f"nsb-{message_id}"
            assert doc.source_id == f"{message_id}-{doc.declared_language}"
            assert doc.source == f"{path}#{doc.declared_language}"
            assert doc.issuer
            assert "&lt;" not in doc.text and "<br" not in doc.text


def test_all_messages_give_7394_language_versions(nsb_folder):
    # 2,210 files (the corpus README's number; not 2,233). No slot in 2024 is
    # empty, so every <content> becomes a document. Three revoked messages
    # hold only a title ("Diese Mitteilung wurde zurückgezogen"): their text
    # is the title.
    files = sorted(nsb_folder.rglob("*.xml"))
    counts = collections.Counter()
    for path in files:
        for doc in read_path(str(path)):
            counts[doc.declared_language] += 1
    assert len(files) == 2210
    assert counts == {"de": 2210, "fr": 2193, "it": 2101, "en": 890}
    assert sum(counts.values()) == 7394
