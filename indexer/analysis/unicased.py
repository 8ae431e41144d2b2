"""Person names in scripts without capital letters: Chinese, Japanese, Korean, Arabic, Hebrew.

The capitalised-sequence rules of `persons` cannot see where a name starts or
ends in these scripts, so each has its own cue, chosen for precision:

- Chinese: a transliterated name joined by a middle dot ("弗拉基米尔·泽连斯基"),
  cut at the word boundaries of `jieba`'s segmenter; a native name that
  jieba tags as a person, starts with a common surname and stands right
  before or after a role ("国家主席习近平", "李强总理").
- Japanese: surname and given name as Sudachi's dictionary tags them
  ("岸田文雄"); a name Sudachi knows but does not split, or a katakana name
  joined by "・", only with a role or honorific after it ("王毅外相",
  "ウォロディミル・ゼレンスキー大統領").
- Korean: three syllables starting with a common surname before a role
  ("조태열 외교부 장관").
- Arabic and Hebrew: a common given name followed by one or two surname words
  (with "bin", "abu" and the like), cut at function words, roles, verbs of
  saying and known entities ("إيمانويل ماكرون", "بنيامين نتنياهو").

Segmenters load lazily, once per process, and only for texts in their script.
"""
from __future__ import annotations

import functools
import re
from typing import Callable

from indexer.analysis.fold import fold

# (text, start, end) -> whether the span overlaps a known country, place or organisation
Known = Callable[[str, int, int], bool]

_HAN = "\u4e00-\u9fff\u3400-\u4dbf"
_KATAKANA = "\u30a1-\u30fa\u30fc"
_HAS_HAN = re.compile(f"[{_HAN}]")
_HAS_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")
_HAS_HANGUL = re.compile("[\uac00-\ud7a3]")
_HAS_ARABIC = re.compile("[\u0621-\u064a]")
_HAS_HEBREW = re.compile("[\u05d0-\u05ea]")

# --- Chinese -------------------------------------------------------------------------------------------

_ZH_SURNAMES = set("王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏"
                   "苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷黎史陶贺毛郝顾龚邵"
                   "万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄温蓝傅翟习")
_ZH_ROLES = ("主席", "总理", "总统", "外长", "部长", "发言人", "秘书长", "大使", "国务委员", "副总理", "委员长",
             "总书记", "首相", "议长", "主任", "董事长", "行长", "省长", "市长", "书记", "司令", "特使", "国王",
             "女王", "院长", "署长", "局长", "总干事", "代表", "副主席", "外交部长", "国防部长", "教授")
_ZH_DOT = "·•‧・"


@functools.lru_cache(maxsize=1)
def _jieba():
    import logging
    import warnings

    with warnings.catch_warnings():  # jieba imports pkg_resources where it can, which warns of its deprecation
        warnings.simplefilter("ignore", DeprecationWarning)
        import jieba
        import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def _zh_role(word: str) -> bool:
    return word.endswith(_ZH_ROLES)


def chinese_persons(text: str) -> list[tuple[int, int]]:
    tokens, at = [], 0
    for pair in _jieba().cut(text):
        tokens.append((at, at + len(pair.word), pair.word, pair.flag))
        at += len(pair.word)
    spans = []
    for i, (start, end, word, flag) in enumerate(tokens):
        if word in _ZH_DOT and 0 < i < len(tokens) - 1:
            first = i - 1
            while first > 0 and tokens[first - 1][3].startswith("nr") and not _zh_role(tokens[first - 1][2]):
                first -= 1
            last = i + 1
            while last + 1 < len(tokens) and (tokens[last + 1][3].startswith("nr") or tokens[last + 1][2] in _ZH_DOT):
                last += 1
            if re.fullmatch(f"[{_HAN}]+", tokens[i - 1][2]) and re.fullmatch(f"[{_HAN}]+", tokens[i + 1][2]) \
                    and not _zh_role(tokens[first][2]):
                spans.append((tokens[first][0], tokens[last][1]))
        elif (flag in ("nr", "nrfg") and word[0] in _ZH_SURNAMES or flag == "nrt") and 2 <= len(word) <= 4 \
                and re.fullmatch(f"[{_HAN}]+", word):
            before = tokens[i - 1][2] if i > 0 else ""
            after = tokens[i + 1] if i + 1 < len(tokens) else (end, end, "", "x")
            cut = len(after[2]) == 1 and after[3] in ("n", "ng", "nr", "nrt") and not _zh_role(after[2])
            if (_zh_role(before) or _zh_role(after[2])) and not cut \
                    and not any(a < end and start < b for a, b in spans):
                spans.append((start, end))  # "主席习近平", "李强总理"; not "总统马克" of 马克龙
    return sorted(set(spans))


# --- Japanese ------------------------------------------------------------------------------------------

_JA_ROLES = ("首相", "大統領", "外相", "外務大臣", "大臣", "長官", "国務長官", "事務総長", "議長", "委員長", "報道官",
             "総裁", "主席", "国王", "女王", "氏", "さん", "知事", "市長", "議員", "総理", "副大統領", "首脳", "代表",
             "大使", "会長", "社長", "教授", "監督", "選手", "国防相", "財務相", "経済相", "相")
_JA_KATAKANA_NAME = re.compile(f"[{_KATAKANA}]{{2,}}(?:[・=＝][{_KATAKANA}]{{2,}})+")


@functools.lru_cache(maxsize=1)
def _sudachi():
    from sudachipy import Dictionary

    return Dictionary(dict="small").tokenizer()


def _ja_role_after(text: str, end: int) -> bool:
    return text.startswith(_JA_ROLES, end)


def japanese_persons(text: str) -> list[tuple[int, int]]:
    spans = []
    morphemes = list(_sudachi().tokenize(text))
    i = 0
    while i < len(morphemes):
        m = morphemes[i]
        pos = m.part_of_speech()
        if pos[2] == "人名":
            if pos[3] == "姓" and i + 1 < len(morphemes) and morphemes[i + 1].part_of_speech()[2:4] == ("人名", "名"):
                spans.append((m.begin(), morphemes[i + 1].end()))  # 岸田 + 文雄
                i += 2
                continue
            if pos[3] == "一般" and len(m.surface()) >= 2 and _ja_role_after(text, m.end()):
                spans.append((m.begin(), m.end()))  # 王毅外相
        i += 1
    for match in _JA_KATAKANA_NAME.finditer(text):
        if _ja_role_after(text, match.end()):
            spans.append(match.span())  # ウォロディミル・ゼレンスキー大統領
    return sorted(set(spans))


# --- Korean --------------------------------------------------------------------------------------------

_KO_SURNAMES = set("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천"
                   "방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉")
_KO_ROLES = ("대통령", "총리", "장관", "대변인", "의장", "대표", "위원장", "대사", "사무총장", "국무장관", "주석", "총재",
             "부총리", "차관", "의원", "회장", "시장", "지사", "국왕", "여왕", "특사", "교수", "감독", "선수", "씨")
# nouns of bodies and places end so: 외교부, 국무부, 백악관, 대통령실, 국회, 정부
_KO_BODY_ENDINGS = tuple("부청처원실관국회당군시도대청사단")
_KO_NAME_ROLE = re.compile(r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{3})\s+(?:[\uac00-\ud7a3]{1,4}부\s+)?"
                           r"(" + "|".join(_KO_ROLES) + r")")


# Common two-syllable words that start with a surname syllable, before a particle ("정부는 대통령", "이번에")
_KO_WORDS = set("정부 이번 이날 오늘 지난 한국 국가 국회 국민 양국 양측 전체 조선 중국 일본 미국 북한 남한 신임 현재 최근 "
                "당시 주요 고위 대표 기자 방문 회담 전임 차기 부대 우리 한편 이후 이어 유엔 정상 연방 임시".split())


def korean_persons(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _KO_NAME_ROLE.finditer(text):
        name = m.group(1)
        if name[0] in _KO_SURNAMES and not name.endswith(_KO_BODY_ENDINGS) and name[:2] not in _KO_WORDS:
            spans.append(m.span(1))
    return spans


# --- Arabic and Hebrew ---------------------------------------------------------------------------------

# Common given names, native and as the news writes foreign ones. Left out because they are also
# common words or names of other things: علي (also "on" in everyday spelling), نور, جمال, عادل, سعيد,
# كريم, أمل, هند, جو, تركي (Turkish), راشد (rational: "حكم راشد"), وليد (newborn); Hebrew בני, דוד, אלי,
# אבי, שלי, מרב, ישראל. Names that are also nouns are names only before a word without the article:
# "حسن النية" is good faith, "عمر المشروع" a project's age, "رجب" a month.
_AR_NOUN_NAMES = {fold(w) for w in "حسن عمر رجب منصور ناصر حمد سامي".split()}
_AR_GIVEN = set(fold(w) for w in """
    محمد أحمد محمود مصطفى حسن حسين خالد عمر عمرو يوسف إبراهيم سامي سمير طارق نبيل فيصل سلمان تميم بشار
    ناصر أنور رامي زياد عماد منير هاني فاطمة عائشة ليلى مريم رانيا ياسمين سلمى أمينة زينب سميرة رجب نجيب حمد
    حمدان منصور سعود فهد نايف بندر زايد نبيه وائل هشام أيمن أسامة إسماعيل يحيى جبران ميشال نواف
    دونالد إيمانويل فلاديمير أولاف أنطونيو ريشي كير جورجيا بنيامين يائير فولوديمير أنتوني ماركو كامالا
    أنالينا شارل إيغناتسيو فيولا أورسولا جوزيب كايا سيرغي أندريه ريجيب بيدرو لويس خافيير مارك ستيفان
""".split())
_AR_LINKS = {fold(w) for w in "بن بنت ابن أبو أبي آل".split()}
_AR_COMPOUND_FIRST = {fold(w) for w in "عبد أبو".split()}  # "عبد الفتاح", "أبو بكر": one given name
_AR_STOP = {fold(w) for w in """
    في من على إلى الى عن مع إن أن أنه انه قال وقال قالت وقالت يوم خلال بعد قبل الذي التي الذين هذا هذه ذلك تلك
    كما حيث بين لدى عند منذ حتى ثم أو و رئيس الرئيس وزير الوزير ملك الملك أمير الأمير ولي العهد الخارجية اليوم
    أمس غدا صباح مساء يوم الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت بأن لأن كان كانت يكون أكد أكدت
    أعلن أعلنت صرح صرحت أشار أشارت بحث التقى استقبل دعا دعت ووزير والرئيس
""".split()}
_HE_GIVEN = set("""
    בנימין יצחק יאיר נפתלי גדעון אביגדור משה אהוד יואב שאול אריה עמיר מירי איילת גולדה ציפי יולי אביגיל
    דונלד עמנואל ולדימיר אנטוני אולף יוסי רון גלעד אורנה איתמר בצלאל
""".split())
_HE_STOP = set("""
    אמר אמרה אמרו כי של את על עם הוא היא הם זה זו גם לא אך אבל או ראש הממשלה שר שרת נשיא נשיאת יום היום אתמול
    הודיע הודיעה הצהיר הצהירה נפגש נפגשה בירך בירכה ביקר ביקרה מסר מסרה
""".split())
_WORDS_RTL = re.compile(r"[\u0621-\u064a\u0660-\u0669\u064b-\u065f\u05d0-\u05ea'׳\"]+")


def _rtl_persons(text: str, known: Known, given: set[str], links: set[str], stop: set[str], compound: set[str],
                 noun_names: set[str] = frozenset()) -> list[tuple[int, int]]:
    words = [(m.start(), m.end(), fold(m.group())) for m in _WORDS_RTL.finditer(text)]

    def joined(a: int, b: int) -> bool:  # only spaces between words a and b
        return text[words[a][1]:words[b][0]].strip(" ") == ""

    def usable(k: int) -> bool:
        return k < len(words) and words[k][2] not in stop and words[k][2] not in given \
            and not known(text, words[k][0], words[k][1])

    spans, i = [], 0
    while i < len(words):
        first, word = i, words[i][2]
        is_given = word in given or len(word) > 2 and word[0] == "و" and word[1:] in given  # "ومحمد": and Muhammad
        if word in compound and i + 1 < len(words) and joined(i, i + 1):
            is_given, i = True, i + 1  # "عبد الفتاح"
        bare = word[1:] if word not in given and word[1:] in given else word
        if bare in noun_names and i + 1 < len(words) and words[i + 1][2].startswith("ال"):
            is_given = False  # "حسن الجوار": good neighbourliness
        if is_given and i + 1 < len(words) and joined(i, i + 1) and usable(i + 1):
            last = i + 1
            if words[last][2] in links and last + 1 < len(words) and joined(last, last + 1) and usable(last + 1):
                last += 1  # "فيصل بن فرحان"
            if words[last][2] not in links:
                start = words[first][0] + (1 if words[first][2][0] == "و" and words[first][2] not in given
                                           and words[first][2] not in compound else 0)
                spans.append((start, words[last][1]))
                i = last + 1
                continue
        i = first + 1
    return spans


def arabic_persons(text: str, known: Known) -> list[tuple[int, int]]:
    return _rtl_persons(text, known, _AR_GIVEN, _AR_LINKS, _AR_STOP, _AR_COMPOUND_FIRST, _AR_NOUN_NAMES)


def hebrew_persons(text: str, known: Known) -> list[tuple[int, int]]:
    return _rtl_persons(text, known, _HE_GIVEN, set(), _HE_STOP, set())


def unicased_person_spans(text: str, language: str | None, known: Known) -> list[tuple[int, int]]:
    """(start, end) of person names in the parts of `text` written in scripts without capitals; `known`
    says whether a span overlaps a known entity (an Arabic or Hebrew surname stops before one)."""
    spans: list[tuple[int, int]] = []
    if _HAS_KANA.search(text) or language == "ja" and _HAS_HAN.search(text):
        spans += japanese_persons(text)
    elif _HAS_HAN.search(text):
        spans += chinese_persons(text)
    if _HAS_HANGUL.search(text):
        spans += korean_persons(text)
    if _HAS_ARABIC.search(text):
        spans += arabic_persons(text, known)
    if _HAS_HEBREW.search(text):
        spans += hebrew_persons(text, known)
    return sorted(set(spans))
