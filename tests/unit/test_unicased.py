"""People in scripts without capital letters, and country names in more scripts (own examples)."""
from __future__ import annotations

import pytest

from indexer.analysis.countries import find_countries
from indexer.analysis.persons import find_persons

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("language, text, expected", [
    # Chinese: a transliterated name with a middle dot; a native name next to a role
    ("zh", "乌克兰总统弗拉基米尔·泽连斯基表示，谈判将继续。", ["弗拉基米尔·泽连斯基"]),
    ("zh", "国家主席习近平在北京会见了来访的客人。", ["习近平"]),
    ("zh", "总理李强和外长王毅出席了会议。", ["李强", "王毅"]),
    ("zh", "外交部发言人毛宁说，中方欢迎此举。", ["毛宁"]),
    # Japanese: surname and given name from the dictionary; a katakana name before a role
    ("ja", "岸田文雄首相は記者会見で述べた。", ["岸田文雄"]),
    ("ja", "ウクライナのウォロディミル・ゼレンスキー大統領は声明を出した。", ["ウォロディミル・ゼレンスキー"]),
    # Korean: three syllables with a common surname before a role, a ministry between them allowed
    ("ko", "윤석열 대통령은 기자회견에서 밝혔다.", ["윤석열"]),
    ("ko", "조태열 외교부 장관이 회담했다.", ["조태열"]),
    # Arabic and Hebrew: a given name and a surname, cut at function words and verbs of saying
    ("ar", "قال الرئيس الفرنسي إيمانويل ماكرون إن فرنسا ستدعم الاتفاق.", ["إيمانويل ماكرون"]),
    ("ar", "التقى وزير الخارجية السعودي الأمير فيصل بن فرحان بنظيره.", ["فيصل بن فرحان"]),
    ("ar", "واستقبل الرئيس عبد الفتاح السيسي الوفد.", ["عبد الفتاح السيسي"]),
    ("he", "ראש הממשלה בנימין נתניהו אמר כי ישראל תמשיך.", ["בנימין נתניהו"]),
    # Greek, Bulgarian, Serbian: capitals, with roles and given names of their own
    ("el", "Ο πρωθυπουργός Κυριάκος Μητσοτάκης δήλωσε ότι η χώρα θα στηρίξει.", ["Κυριάκος Μητσοτάκης"]),
    ("bg", "Премиерът Димитър Главчев заяви, че страната ще подкрепи решението.", ["Димитър Главчев"]),
    ("sr", "Председник Србије Александар Вучић је изјавио да ће учествовати.", ["Александар Вучић"]),
])
def test_people_in_every_script(language, text, expected):
    assert find_persons(text, language) == expected


@pytest.mark.parametrize("language, text", [
    # words and bodies that only look like names
    ("zh", "中华人民共和国外交部发言人表示，会议将在北京举行。"),
    ("zh", "法国总统马克龙表示欢迎。"),  # the segmenter cuts this name short: better none than half
    ("zh", "张家口市政府发布通知。"),
    ("ja", "日本の外務省報道官が述べた。"),
    ("ja", "ビッグ・データとソーシャル・メディアの時代。"),
    ("ko", "정부 대변인은 오늘 발표했다."),
    ("ko", "국무부 대변인이 밝혔다."),
    ("ko", "정부는 대통령 직속 위원회를 만들었다."),
    ("ar", "أعلنت وزارة الخارجية الأمريكية عن عقوبات جديدة على روسيا."),
    ("ar", "وقال محمد إن الاجتماع سيعقد غدا."),  # a given name alone
    ("ar", "أكد الجانبان على حسن الجوار وحسن النية في المفاوضات."),  # good neighbourliness, good faith
    ("ar", "وصل وفد تركي رفيع إلى العاصمة لبحث الحكم راشد."),  # a Turkish delegation
    ("he", "משרד החוץ הודיע היום על צעדים חדשים."),
    ("el", "Η Ευρωπαϊκή Επιτροπή ανακοίνωσε νέα μέτρα."),
    ("ru", "Совет Федерации одобрил закон о Чёрном море."),
])
def test_no_people_in_words_that_only_look_like_names(language, text):
    assert find_persons(text, language) == []


@pytest.mark.parametrize("language, text, expected", [
    ("sr", "Председник Србије је изјавио да ће Србија сарађивати са Немачком.", ["DE", "RS"]),
    ("bg", "Премиерът заяви, че България ще подкрепи решението на Германия.", ["BG", "DE"]),
    ("el", "Η Ελλάδα θα στηρίξει την Κύπρο και τις θέσεις της Γαλλίας.", ["CY", "FR", "GR"]),
    ("he", "ראש הממשלה אמר כי ישראל תמשיך לשתף פעולה עם צרפת ובגרמניה.", ["DE", "FR", "IL"]),
    ("sr", "Мали деца играју у парку.", []),  # "small", at a sentence's start
    ("ar", "تعهد البلدان بتقديم دعم مالي واقتصادي ومالي للمشروع.", []),  # "financial"
    ("ar", "وصل الوزير إلى مالي أمس، ثم زار جمهورية مالي والتقى رئيس مالي.", ["ML"]),
    ("ar", "أعلنت الحكومة دعمها لمالي.", ["ML"]),
    ("he", "הוא בעד, פרו וקונטרה.", []),  # "pro", not Peru
])
def test_country_names_in_more_scripts(language, text, expected):
    assert find_countries(text, language) == expected


@pytest.mark.parametrize("names", [
    ["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Wolodymyr Selenskyj", "Володимир Зеленський"],
    ["Andriy Sybiha", "Andrii Sybiha", "Андрій Сибіга"],
    ["Kyriakos Mitsotakis", "Κυριάκος Μητσοτάκης"],
    ["KALIN, Ibrahim", "İbrahim Kalın", "Ibrahim Kalin"],
    ["Joaquín Jiménez-Martínez", "Joaquin Jimenez-Martinez"],
    ["Andriy Yermak", "Andrij Jermak", "Андрій Єрмак"],
])
def test_transliterations_of_one_name_share_a_match_key(names):
    from indexer.analysis.names import person_match_key

    assert len({person_match_key(n) for n in names}) == 1


@pytest.mark.parametrize("a, b", [("Jan Muster", "Ian Muster"), ("Hans Maier", "Hans Meyer"),
                                  ("Anna Muster", "Hanna Muster"), ("习近平", "李强")])
def test_other_names_keep_other_match_keys(a, b):
    from indexer.analysis.names import person_match_key

    assert person_match_key(a) != person_match_key(b)
