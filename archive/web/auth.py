"""Sign-in: every page needs a signed-in user, except the sign-in page, static files and /health.

Sessions are Flask's signed cookies (HttpOnly, SameSite=Lax, Secure when the
request came over TLS, ending `SESSION_HOURS` after the last request) carrying
the user's id and session version: a new password, a new role or removing the
user ends every session of that user. Flask-Login keeps the signed-in user;
Flask-WTF's CSRF protection covers every form (POST). A request without a
session gets a redirect to /login (HTML) or 401 (JSON).

Optional single sign-on: with `SSO_HEADER` set (e.g. ``X-Remote-User``), a
request from one of `TRUSTED_PROXIES` that carries the header is signed in as
that user (made on first sight with `SSO_ROLE`). The header is ignored from
any other address, so only the proxy can name users.
"""
from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from flask import (Blueprint, Flask, current_app, flash, jsonify, redirect, render_template, request,
                   session, url_for)
from flask.sessions import SecureCookieSessionInterface
from flask_babel import gettext, ngettext
from flask_login import LoginManager, current_user, login_user, logout_user
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from .. import users
from ..db import Database
from ..db.models import RoleChecks
from .negotiation import wants_json
from .urls import local_path

bp = Blueprint("auth", __name__)
DATABASE = "archive.database"
PUBLIC_ENDPOINTS = {"auth.login", "static", "search.health", "saved.feed", "language"}  # feeds: their token
csrf = CSRFProtect()


@dataclass(frozen=True)
class SignedIn(RoleChecks):
    """The signed-in user as requests see it (not a database row: nothing to refresh or detach)."""
    id: int
    username: str
    role: str
    session_version: int
    is_authenticated: bool = True
    is_active: bool = True
    is_anonymous: bool = False

    @classmethod
    def of(cls, user) -> "SignedIn":
        return cls(user.id, user.username, user.role, user.session_version)

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"


def get_database(app: Flask | None = None) -> Database:
    return (app or current_app).extensions[DATABASE]


class _SessionInterface(SecureCookieSessionInterface):
    """Secure cookies whenever the request came over TLS (directly or through a trusted proxy)."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config.get("SESSION_COOKIE_SECURE")) or (request and request.is_secure)


class TrustedProxies:
    """WSGI middleware: X-Forwarded-* headers count only when the request comes from a trusted proxy."""

    def __init__(self, wsgi_app, networks: list):
        self.wsgi_app = wsgi_app
        self.networks = networks
        self.fixed = ProxyFix(wsgi_app, x_for=1, x_proto=1, x_host=1, x_port=1, x_prefix=1)

    @staticmethod
    def parse(text: str | None) -> list:
        networks = []
        for part in (text or "").replace(";", ",").split(","):
            if part.strip():
                try:
                    networks.append(ipaddress.ip_network(part.strip(), strict=False))
                except ValueError:
                    raise ValueError(f"ARCHIVE_TRUSTED_PROXIES: {part.strip()!r} is not an address or "
                                     "network") from None
        return networks

    def trusts(self, address: str | None) -> bool:
        try:
            ip = ipaddress.ip_address(address or "")
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def __call__(self, environ, start_response):
        trusted = self.trusts(environ.get("REMOTE_ADDR"))
        environ["archive.trusted_proxy"] = trusted
        return (self.fixed if trusted else self.wsgi_app)(environ, start_response)


def _secret_key(app: Flask) -> str:
    """The configured key, else one made once and kept in the instance folder (shared by every process)."""
    if app.config.get("SECRET_KEY"):
        return app.config["SECRET_KEY"]
    path = Path(app.config["INSTANCE_PATH"]) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it meanwhile
        else:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32))
    return path.read_text().strip()


def _address() -> str:
    return request.remote_addr or "unknown"


def _single_sign_on() -> None:
    header = current_app.config.get("SSO_HEADER")
    if not header or not request.environ.get("archive.trusted_proxy"):
        return
    name = (request.headers.get(header) or "").strip()
    if not name:
        return
    if current_user.is_authenticated and users.username_key(current_user.username) == users.username_key(name):
        return
    try:
        user = users.single_sign_on(get_database(), name, current_app.config["SSO_ROLE"])
    except users.UserError as exc:
        current_app.logger.warning("single sign-on refused %r: %s", name, exc)
        return
    session.clear()
    session.permanent = True
    login_user(SignedIn.of(user))


def _require_sign_in():
    _single_sign_on()
    if request.endpoint in PUBLIC_ENDPOINTS or current_user.is_authenticated:
        return None
    if wants_json():
        response = jsonify({"error": "Sign in first.", "status": 401, "login": url_for("auth.login")})
        response.status_code = 401
        response.headers["WWW-Authenticate"] = 'Cookie realm="archive", form="/login"'
        return response
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def session_data(user) -> dict:
    """What a signed-in session holds (Flask-Login's keys) for `user`."""
    return {"_user_id": SignedIn.of(user).get_id(), "_fresh": True, "_permanent": True}


def cookie_for(app: Flask, user) -> str:
    """A `Cookie` header value signing `user` in: for tools that use the archive over HTTP as a user
    (benchmarks, tests of a real server) without going through the sign-in form."""
    value = app.session_interface.get_signing_serializer(app).dumps(session_data(user))
    return f"{app.config['SESSION_COOKIE_NAME']}={value}"


@bp.route("/login", methods=["GET", "POST"])
def login():
    target = local_path(request.values.get("next")) or url_for("search.search")
    if request.method == "GET":
        if current_user.is_authenticated:
            return redirect(target)
        return render_template("login.html", next=target, username="", error=None)
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    if not username or not password:
        return render_template("login.html", next=target, username=username,
                               error=gettext("Give your user name and password.")), 400
    attempt = users.authenticate(get_database(), username, password, _address())
    if attempt.throttled:
        minutes = max(1, round(attempt.retry_after / 60))
        response = current_app.make_response((render_template(
            "login.html", next=target, username=username,
            error=ngettext("Too many failed sign-ins. Try again in %(num)d minute.",
                           "Too many failed sign-ins. Try again in %(num)d minutes.", minutes)), 429))
        response.headers["Retry-After"] = str(attempt.retry_after)
        return response
    if attempt.user is None:
        return render_template("login.html", next=target, username=username,
                               error=gettext("That user name and password do not match.")), 401
    session.clear()  # nothing from before the sign-in carries over
    session.permanent = True
    login_user(SignedIn.of(attempt.user))
    return redirect(target)


@bp.post("/logout")
def logout():
    logout_user()
    session.clear()
    flash(gettext("You have signed out."))
    return redirect(url_for("auth.login"))


def _csrf_error(error: CSRFError):
    from .errors import error_response

    return error_response(400, f"The form was not accepted ({error.description}). Reload the page and try again.")


def init_app(app: Flask, database: Database | None = None) -> None:
    app.config["SECRET_KEY"] = _secret_key(app)
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # the token lives as long as the session
    app.config["SESSION_COOKIE_NAME"] = "archive_session"
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=app.config["SESSION_HOURS"])
    app.config["REMEMBER_COOKIE_HTTPONLY"] = True
    app.session_interface = _SessionInterface()

    database = database or Database.from_config(app.config)
    database.upgrade()
    app.extensions[DATABASE] = database

    manager = LoginManager()
    manager.session_protection = "basic"
    manager.init_app(app)

    @manager.user_loader
    def load_user(user_id: str):
        try:
            ident, version = (int(part) for part in user_id.split(":"))
        except ValueError:
            return None
        user = users.load(database, ident, version)
        return SignedIn.of(user) if user is not None else None

    csrf.init_app(app)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_blueprint(bp)
    app.before_request(_require_sign_in)
    app.wsgi_app = TrustedProxies(app.wsgi_app, TrustedProxies.parse(app.config.get("TRUSTED_PROXIES")))

    @app.context_processor
    def signed_in_user():
        return {"signed_in": current_user if current_user.is_authenticated else None}

