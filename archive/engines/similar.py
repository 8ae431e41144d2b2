"""Which words of a document make a "more like this" query (pure: the engine supplies statistics).

The words are the document's own folded tokens (archive.terms), weighted by
tf·idf as Lucene's MoreLikeThis does: frequent in this document, rare in the
archive. Engines ask for document frequencies through a callback, so the
choice does not depend on an engine's own similar-documents code (tantivy's
panics on an index holding deleted documents).
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Callable, Iterable

MAX_TERMS = 25  # words in the query
MIN_WORD_LENGTH = 4  # shorter tokens are mostly function words
MIN_DOC_FREQ = 2  # a word only this document has finds nothing else


def similar_terms(tokens: Iterable[str], doc_freq: Callable[[str], int], num_docs: int,
                  max_terms: int = MAX_TERMS) -> list[tuple[str, float]]:
    """(term, weight) pairs, best first, the best weighing 1.0.

    `doc_freq` may count deleted documents (index statistics usually do), so it
    is never trusted to stay below `num_docs`.
    """
    counts = Counter(t for t in tokens if len(t) >= MIN_WORD_LENGTH and not t.isdigit())
    scored = []
    for term, tf in counts.items():
        df = doc_freq(term)
        if df < MIN_DOC_FREQ:
            continue
        # BM25's idf: a word in nearly every document weighs almost nothing.
        idf = math.log(1 + (max(num_docs, df) - df + 0.5) / (df + 0.5))
        scored.append((tf * idf, term))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    best = scored[:max_terms]
    if not best:
        return []
    top = best[0][0]
    return [(term, score / top) for score, term in best]
