import pytest

from indexer.analysis import fold


@pytest.mark.parametrize("text, expected", [
    ("", ""),
    ("Café", "cafe"),
    ("Zürich Straße", "zurich strasse"),
    ("Ærø Øst", "aero ost"),
    ("Çok güzel", "cok guzel"),
    ("İstanbul ılık", "istanbul ilik"),
    ("ＡＢＣ１２３", "abc123"),
    ("ﬁnance", "finance"),
    ("Ёлка и йогурт", "елка и йогурт"),
    ("Київ", "київ"),
    ("أحمد إلى آخر", "احمد الى اخر"),
    ("مُحَمَّد", "محمد"),
    ("عـــربي", "عربي"),
    ("Ἀθῆναι", "αθηναι"),
    ("हिन्दी", "हिन्दी"),
    ("12345", "12345"),
    ("Ł ł Đ", "l l d"),
    ("l’Ukraine", "l'ukraine"),
])
def test_fold(text, expected):
    assert fold(text) == expected


def test_fold_is_idempotent():
    text = "Ça, İSTANBUL, ﬀ, Ёж, إِسْلَام"
    assert fold(fold(text)) == fold(text)
