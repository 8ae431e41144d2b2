"""The analysis stage that tidies a document's title and text (indexer.tidy, as readers do).

Readers already tidy what they read; documents that reach analysis another
way (JSON from other tools, tests, reindexing) get the same shape here.
"""
from __future__ import annotations

from indexer.model import Communique
from indexer.tidy import tidy, tidy_line


def normalise(doc: Communique) -> Communique:
    """Tidy `doc.title` and `doc.text` in place and return the document."""
    doc.text = tidy(doc.text)
    doc.title = tidy_line(doc.title)
    return doc
