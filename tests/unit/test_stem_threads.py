"""Stemming from several threads at once (the web server's) gives every word its own stem."""
from __future__ import annotations

import random
import string
from concurrent.futures import ThreadPoolExecutor

from archive import terms


def test_threads_stemming_at_once_get_the_stems_one_thread_gets():
    chooser = random.Random(7)
    words = ["".join(chooser.choice("aeiouéèbcdfglmnrst") for _ in range(chooser.randint(3, 14))) + str(n)
             for n in range(2500)]
    words = [w.rstrip(string.digits) + chooser.choice(["ement", "ations", "issement", "euses", "er"]) + "x" * (n % 5)
             for n, w in enumerate(words)]
    expected = {w: terms.Stemmer.Stemmer("french").stemWord(w) for w in words}
    terms._STEMS.clear()  # every word stemmed afresh, on the threads

    def stem_all(offset: int) -> dict[str, str]:
        mine = words[offset::8] + words[:offset]
        return {w: terms.stem(w, "fr") for w in mine}

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(stem_all, range(8)))
    for result in results:
        assert result == {w: expected[w] for w in result}
