"""The cost of finding people in scripts without capitals (Chinese, Japanese, Arabic).

    python benchmarks/persons_scripts.py [--repeat N]

Prints, per script, the first call (which loads the segmenter: jieba's dictionary
for Chinese, Sudachi's for Japanese) and the mean time per text afterwards, on
texts written for this benchmark (each example sentence repeated ten times).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.analysis.persons import find_persons  # noqa: E402

TEXTS = {
    "zh": "乌克兰总统弗拉基米尔·泽连斯基表示，谈判将继续。国家主席习近平在北京会见了来访的客人。总理李强和外长王毅出席了会议。",
    "ja": "岸田文雄首相は記者会見で述べた。ウクライナのウォロディミル・ゼレンスキー大統領は声明を出した。",
    "ko": "윤석열 대통령은 기자회견에서 밝혔다. 조태열 외교부 장관이 회담했다. ",
    "ar": "قال الرئيس الفرنسي إيمانويل ماكرون إن فرنسا ستدعم الاتفاق. ",
    "he": "ראש הממשלה בנימין נתניהו אמר כי ישראל תמשיך. ",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    for language, sentence in TEXTS.items():
        text = sentence * 10
        started = time.perf_counter()
        found = find_persons(text, language)
        first = time.perf_counter() - started
        started = time.perf_counter()
        for i in range(args.repeat):
            find_persons(f"{text} {i}", language)
        each = (time.perf_counter() - started) / args.repeat
        print(f"{language}: first call {first * 1000:7.0f} ms, then {each * 1000:6.1f} ms per {len(text)}-character "
              f"text; found {len(found)} people")


if __name__ == "__main__":
    main()
