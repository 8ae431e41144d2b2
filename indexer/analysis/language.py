"""Language detection: sets `language` and `language_confidence`.

langdetect is good on long texts but weak on short ones (a headline, a
two-line lead): there the naive-Bayes model of py3langid, restricted to the
same language set, is far more accurate. Both are deterministic here:
langdetect gets a fresh detector with a fixed seed on every call, so results
never depend on call order, and py3langid has no randomness.
"""
from __future__ import annotations

import functools
import re

from indexer.model import Communique

SEED = 0
# Below this many letters langdetect's sampling is unreliable and the
# short-text model decides.
SHORT_TEXT_LETTERS = 300
# Enough of the beginning to decide: langdetect's cost grows linearly with
# length (n-gram extraction in pure Python) while accuracy saturates early.
MAX_CHARS = 800

_LETTER = re.compile(r"[^\W\d_]")
_URLS = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")


@functools.lru_cache(maxsize=1)
def _langdetect_factory():
    from langdetect import detector_factory

    detector_factory.init_factory()
    return detector_factory._factory


def supported_languages() -> list[str]:
    """ISO 639-1 codes the detector can return (langdetect's set, zh merged)."""
    langs = {lang.split("-")[0] for lang in _langdetect_factory().get_lang_list()}
    return sorted(langs)


@functools.lru_cache(maxsize=1)
def _short_text_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([lang for lang in supported_languages() if lang in identifier.nb_classes])
    return identifier


def _langdetect(text: str) -> tuple[str | None, float]:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _langdetect_factory().create()
    detector.seed = SEED  # per instance: independent of any earlier call
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None, 0.0
    return best.lang.split("-")[0], float(best.prob)


def _short_text(text: str) -> tuple[str | None, float]:
    lang, prob = _short_text_identifier().classify(text)
    return lang, float(prob)


def identify(text: str) -> tuple[str | None, float]:
    """Return (ISO 639-1 code or None, confidence 0..1) for `text`."""
    text = _URLS.sub(" ", text[:MAX_CHARS])
    letters = len(_LETTER.findall(text))
    if letters == 0:
        return None, 0.0
    if letters < SHORT_TEXT_LETTERS:
        return _short_text(text)
    lang, prob = _langdetect(text)
    if lang is None:
        return _short_text(text)
    return lang, prob


def detect_language(doc: Communique) -> Communique:
    """Detect the language of title + text; warn when it contradicts the declared one."""
    lang, confidence = identify(f"{doc.title}\n{doc.text}".strip())
    doc.language = lang
    doc.language_confidence = round(confidence, 4)
    declared = (doc.declared_language or "").split("-")[0].lower()
    if lang and declared and declared != lang:
        doc.warnings.append(f"declared {declared}, detected {lang} ({confidence:.2f})")
    return doc
