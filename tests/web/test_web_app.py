"""The factory: where templates and static files come from, and the expansion line's rendering."""
from __future__ import annotations

from pathlib import Path

import archive
from archive import app as app_module
from archive.app import create_app
from archive.results import FacetValue, Hit, SearchResult
from archive.web.engine import set_engine
from tests.accounts import signed_in_client


def test_assets_come_from_the_checkout_when_present(tmp_path, monkeypatch):
    package = tmp_path / "checkout" / "archive"
    package.mkdir(parents=True)
    for name in ("templates", "static"):
        (tmp_path / "checkout" / name).mkdir()
    monkeypatch.setattr(archive, "__file__", str(package / "__init__.py"))
    app = create_app({"TESTING": True})
    assert Path(app.template_folder) == tmp_path / "checkout" / "templates"
    assert Path(app.static_folder) == tmp_path / "checkout" / "static"
    assert app.static_url_path == "/static"


def test_assets_come_from_the_package_when_installed(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "archive"
    package.mkdir(parents=True)
    monkeypatch.setattr(archive, "__file__", str(package / "__init__.py"))
    assert app_module._asset_dir("templates") == str(package / "_templates")
    assert app_module._asset_dir("static") == str(package / "_static")
    assert create_app({"TESTING": True}).static_url_path == "/static"  # the URL does not follow the folder


class ExpandingEngine:
    """Returns one fixed result that says which cross-language names were added."""

    def search(self, request):
        hit = Hit("d1", "Sommet de l'OTAN", "2024-07-01", "fr", ["TR"], snippet="<mark>OTAN</mark>")
        return SearchResult(5, [hit], {"country": [FacetValue("TR", 1)]}, expansions=["OTAN", "NAVO"] if request.expand else [])

    def close(self):
        pass


def test_expansion_line_links_to_a_search_without_expansion(tmp_path):
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path)})
    set_engine(app, ExpandingEngine())
    html = signed_in_client(app).get("/?q=nato").get_data(as_text=True)
    assert "Also matching: <q>OTAN</q>, <q>NAVO</q>" in html
    assert 'href="/?q=nato&amp;expand=0">search only what I typed</a>' in html
    html = signed_in_client(app).get("/?q=nato&expand=0").get_data(as_text=True)
    assert "Also matching" not in html
    assert 'href="/?q=nato">Also search translated names</a>' in html
