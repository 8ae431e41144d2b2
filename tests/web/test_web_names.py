"""Country, language and month display names (codes stay in URLs)."""
import pytest

from archive.facets import facet_label, value_label
from archive.labels import country_name, language_name, local_country_names, month_name


@pytest.mark.parametrize("code, name", [
    ("DE", "Germany"), ("de", "Germany"), ("TR", "Türkiye"), ("GB", "United Kingdom"), ("XX", "XX"), ("", ""),
])
def test_country_names(code, name):
    assert country_name(code) == name


@pytest.mark.parametrize("code, name", [
    ("de", "German"), ("it", "Italian"), ("tr", "Turkish"), ("zz", "zz"), (None, ""),
])
def test_language_names(code, name):
    assert language_name(code) == name


@pytest.mark.parametrize("value, label", [("2024-03", "March 2024"), ("2024", "2024"), ("2024-13", "2024-13"), ("x", "x")])
def test_month_names(value, label):
    assert month_name(value) == label


def test_value_label_by_facet():
    assert value_label("country", "FR") == "France"
    assert value_label("language", "fr") == "French"
    assert value_label("issuer", "FR") == "FR"
    assert facet_label("org") == "Organisations" and facet_label("person") == "People"


def test_local_country_names_in_document_language():
    assert local_country_names("DE", "de") == ["Germany", "Deutschland"]
    assert local_country_names("DE", "en") == ["Germany"]
    assert local_country_names("DE", "xx-unknown") == ["Germany"]
