"""The Flask application factory (`create_app`), as in Flask's tutorial.

Settings come from `archive.config.load_config` (defaults, instance file,
`ARCHIVE_*` environment, then `test_config`). The engine is opened lazily on
the first request that needs it and shared by the app's requests.
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask

import archive

from .config import default_instance_path, load_config
from .web import admin, auth, documents, engine, errors, export, filters, i18n, negotiation, saved, search


def _asset_dir(name: str) -> str:
    """templates/ or static/ at the top of a source checkout, else the copy shipped in the package."""
    package = Path(archive.__file__).parent
    checkout = package.parent / name
    return str(checkout if checkout.is_dir() else package / f"_{name}")


def create_app(test_config: dict | None = None) -> Flask:
    """Build the web app. `test_config` overrides every other source of settings."""
    app = Flask(
        __name__,
        # The same instance folder as the `archive` command's, so both find one data folder.
        instance_path=str(default_instance_path().resolve()),
        instance_relative_config=True,
        template_folder=_asset_dir("templates"),
        static_folder=_asset_dir("static"),
        static_url_path="/static",  # the same URL whether the files come from a checkout or the package
    )
    app.config.update(load_config(app.instance_path, overrides=test_config))
    app.config["JSON_SORT_KEYS"] = False
    app.json.sort_keys = False

    i18n.init_app(app)  # the page's language, set before anything is said (the sign-in page too)
    auth.init_app(app)  # first check: no other work is done for a request without a sign-in
    engine.init_app(app)
    errors.init_app(app)
    filters.init_app(app)
    negotiation.init_app(app)
    app.register_blueprint(search.bp)
    app.register_blueprint(documents.bp)
    saved.init_app(app)
    app.register_blueprint(export.bp)
    admin.init_app(app)
    app.after_request(_safety_headers)
    return app


# Pages show text from documents (always escaped): should anything slip through, the
# browser still runs no script and loads nothing but the archive's own files. The default is
# the archive's own origin rather than nothing because some browsers (Firefox) load the world
# map's shapes (an SVG <use> of /map/world.svg) under default-src; plugins, frames, media and
# workers are still refused by name.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "font-src 'self'; connect-src 'self'; object-src 'none'; frame-src 'none'; "
                           "media-src 'none'; worker-src 'none'; form-action 'self'; base-uri 'none'; "
                           "frame-ancestors 'none'")


def _safety_headers(response):
    """Hardening headers on every response, error pages and static files included."""
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    return response
