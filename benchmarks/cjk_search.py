"""Search in Chinese, Japanese, Korean and Thai: ten queries per language on communiqués written for it.

    python benchmarks/cjk_search.py

Indexes the twelve short communiqués below (three per language) into a
temporary tantivy index, then prints for each query the documents found and
the documents that contain the query's word (written down by hand), so a run
before and after a change of the search terms can be compared.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.engines.tantivy_engine import TantivyEngine  # noqa: E402
from archive.request import SearchRequest  # noqa: E402
from benchmarks.common import folder_bytes  # noqa: E402
from indexer.model import Communique  # noqa: E402

DOCS = {
    "zh1": ("zh", "瑞士联邦委员会今天宣布，瑞士与中国将在科学研究和职业教育领域加强合作。"),
    "zh2": ("zh", "外交部长在北京会见了日本代表团，双方讨论了气候变化和能源安全问题。"),
    "zh3": ("zh", "联邦统计局公布的数据显示，去年瑞士的出口增长了百分之三。"),
    "ja1": ("ja", "スイス連邦政府は本日、日本との経済協力を強化すると発表しました。"),
    "ja2": ("ja", "外務大臣は東京で記者会見を開き、気候変動への対策について説明した。"),
    "ja3": ("ja", "連邦統計局によると、昨年の輸出は三パーセント増加しました。"),
    "ko1": ("ko", "스위스 연방정부는 오늘 한국과의 경제 협력을 강화한다고 발표했다."),
    "ko2": ("ko", "외교부 장관은 서울에서 기자회견을 열고 기후 변화 대책을 설명했다."),
    "ko3": ("ko", "연방 통계청에 따르면 작년 수출이 3퍼센트 증가했다."),
    "th1": ("th", "รัฐบาลสวิตเซอร์แลนด์ประกาศว่าจะเพิ่มความร่วมมือด้านการศึกษากับประเทศไทย"),
    "th2": ("th", "รัฐมนตรีว่าการกระทรวงการต่างประเทศแถลงข่าวที่กรุงเทพฯเรื่องการเปลี่ยนแปลงสภาพภูมิอากาศ"),
    "th3": ("th", "สำนักงานสถิติรายงานว่าการส่งออกเพิ่มขึ้นร้อยละสามในปีที่แล้ว"),
}
# query -> the documents whose text holds it
QUERIES = {
    "zh": {"合作": {"zh1"}, "职业教育": {"zh1"}, "科学研究": {"zh1"}, "气候变化": {"zh2"}, "能源安全": {"zh2"},
           "代表团": {"zh2"}, "出口": {"zh3"}, "统计局": {"zh3"}, "联邦": {"zh1", "zh3"},
           "教育职业": set()},
    "ja": {"協力": {"ja1"}, "経済協力": {"ja1"}, "強化": {"ja1"}, "記者会見": {"ja2"}, "気候変動": {"ja2"},
           "東京": {"ja2"}, "輸出": {"ja3"}, "統計局": {"ja3"}, "連邦": {"ja1", "ja3"}, "協力経済": set()},
    "ko": {"협력": {"ko1"}, "경제 협력": {"ko1"}, "강화": {"ko1"}, "기자회견": {"ko2"}, "기후": {"ko2"},
           "서울": {"ko2"}, "수출": {"ko3"}, "통계청": {"ko3"}, "연방": {"ko1", "ko3"}, "협상": set()},
    "th": {"ความร่วมมือ": {"th1"}, "การศึกษา": {"th1"}, "ประเทศไทย": {"th1"}, "แถลงข่าว": {"th2"},
           "ภูมิอากาศ": {"th2"}, "กรุงเทพ": {"th2"}, "การส่งออก": {"th3"}, "สถิติ": {"th3"},
           "ต่างประเทศ": {"th2"}, "การเมือง": set()},
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        engine = TantivyEngine(Path(folder))
        engine.index([Communique(source=f"{i}.txt", text=text, title=text[:12], language=lang, declared_language=lang,
                                 id=i, date="2025-01-10", date_precision="day") for i, (lang, text) in DOCS.items()])
        total = right = 0
        for language, queries in QUERIES.items():
            print(f"== {language}")
            for query, wanted in queries.items():
                started = time.perf_counter()
                result = engine.search(SearchRequest.create(q=query, versions=True, per_page=20, facets=()))
                took = (time.perf_counter() - started) * 1000
                found = {h.id for h in result.hits}
                total += 1
                right += found == wanted
                print(f"  {query:<14} found {sorted(found) or '-'!s:<22} wanted {sorted(wanted) or '-'!s:<22}"
                      f"{'ok' if found == wanted else 'WRONG'}  {took:.1f} ms")
        print(f"{right} of {total} queries give exactly the documents that hold the words")
        engine.close()
    scale()


def scale(copies: int = 300) -> None:
    """Index size and write time of the twelve texts copied `copies` times (each copy a new document)."""
    with tempfile.TemporaryDirectory() as folder:
        engine = TantivyEngine(Path(folder))
        docs = [Communique(source=f"{i}-{n}.txt", text=f"{text} {n}", title=text[:12], language=lang,
                           declared_language=lang, id=f"{i}-{n}", date="2025-01-10", date_precision="day")
                for n in range(copies) for i, (lang, text) in DOCS.items()]
        started = time.perf_counter()
        engine.index(docs)
        took = time.perf_counter() - started
        engine.close()
        print(f"{len(docs)} documents in zh/ja/ko/th: written in {took:.2f} s ({len(docs) / took:.0f} documents/s), "
              f"index {folder_bytes(Path(folder)) / 2**20:.2f} MiB")


if __name__ == "__main__":
    main()
