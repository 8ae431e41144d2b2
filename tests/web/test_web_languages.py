"""The interface in English, French and German: from the browser, switched and remembered."""
from __future__ import annotations

import re


def test_the_browser_chooses_and_names_of_countries_and_months_follow(client):
    french = client.get("/?q=Ankara&country=TR", headers={"Accept-Language": "fr-CH, de;q=0.8"})
    html = french.get_data(as_text=True)
    assert '<html lang="fr"' in html and "Enregistrer cette recherche" in html
    assert "Pays : Turquie" in html or "Pays: Turquie" in html  # the chip: facet and country in French
    assert ">Les plus récents d’abord<" in html or ">Pertinence<" in html
    german = client.get("/?country=DE&from=2024-03&to=2024-03", headers={"Accept-Language": "de"})
    html = german.get_data(as_text=True)
    assert '<html lang="de"' in html and "Datum: 2024-03 – 2024-03" in html and "Deutschland" in html
    assert "März 2024" in html  # the month facet, from CLDR
    assert "Every language version" in client.get("/?q=Ankara", headers={"Accept-Language": "es"}).get_data(
        as_text=True)  # no Spanish catalogue: English


def test_a_chosen_language_is_remembered_over_the_browsers(client):
    page = client.get("/?q=Ankara", headers={"Accept-Language": "en"}).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    answer = client.post("/language", data={"csrf_token": token, "language": "de", "back": "/?q=Ankara"})
    assert answer.status_code == 302 and answer.headers["Location"] == "/?q=Ankara"
    assert "archive_language=de" in answer.headers["Set-Cookie"] and "Max-Age=31536000" in answer.headers["Set-Cookie"]
    html = client.get("/?q=Ankara", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="de"' in html and "Diese Suche speichern" in html
    # the switch names every language in itself and marks the current one
    assert 'value="fr" lang="fr"' in html and ">Français<" in html and 'aria-current="true"' in html
    unknown = client.post("/language", data={"csrf_token": token, "language": "xx", "back": "//evil.example/"})
    assert unknown.headers["Location"] == "/" and "archive_language" not in unknown.headers.get("Set-Cookie", "")


def test_the_sign_in_page_and_its_errors_speak_the_readers_language(app):
    anonymous = app.test_client()
    page = anonymous.get("/login", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Connexion à l’archive" in page and ">Nom d’utilisateur<" in page
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    wrong = anonymous.post("/login", data={"csrf_token": token, "username": "nobody", "password": "x" * 12},
                           headers={"Accept-Language": "fr"})
    assert wrong.status_code == 401
    assert "Ce nom d’utilisateur et ce mot de passe ne correspondent pas." in wrong.get_data(as_text=True)


def test_numbers_are_written_as_the_language_writes_them(app):
    from archive.i18n import reset_interface_language, set_interface_language
    from archive.web.filters import number

    for code, written in (("en", "12,345"), ("fr", "12\u202f345"), ("de", "12.345")):
        token = set_interface_language(code)
        try:
            assert number(12345) == written
        finally:
            reset_interface_language(token)


def test_the_quick_number_format_writes_what_babel_writes(app):
    from babel.numbers import format_decimal

    from archive.i18n import reset_interface_language, set_interface_language
    from archive.web.filters import number

    from archive.web.filters import _grouping

    for code in ("en", "fr", "de"):
        token = set_interface_language(code)
        try:
            for value in (0, 7, 999, 1000, 1001, 65536, 1234567, -45678, 10**12):
                assert number(value) == format_decimal(value, locale=code)
        finally:
            reset_interface_language(token)
    assert _grouping("hi") is None  # groups by two after the thousands: left to babel
