"""`/admin/users`: admins add, change and remove users (what `archive users` does, on a page)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext
from flask_login import current_user

from .. import users
from ..db.models import ROLES
from .auth import get_database
from .negotiation import respond

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
def admins_only():
    if not current_user.is_authenticated or not current_user.is_admin:
        abort(403, description=gettext("Only administrators manage users."))


def _done(message: str):
    flash(message)
    return redirect(url_for("admin.list_users"))


def _refused(error: users.UserError):
    from .errors import error_response

    return error_response(400, str(error))


@bp.get("/users")
def list_users():
    rows = [{"username": u.username, "role": u.role, "password": u.password_hash is not None,
             "last_sign_in": u.last_sign_in_at.isoformat(timespec="seconds") + "Z" if u.last_sign_in_at else None}
            for u in users.list_users(get_database())]
    return respond("admin_users.html", {"users": rows}, rows=rows, roles=ROLES)


@bp.post("/users")
def add_user():
    user = users.add(get_database(), request.form.get("username", ""), request.form.get("password", ""),
                     request.form.get("role", "staff"))
    return _done(gettext("Added %(name)s (%(role)s).", name=user.username, role=user.role))


@bp.post("/users/<name>/role")
def change_role(name: str):
    user = users.set_role(get_database(), name, request.form.get("role", ""))
    return _done(gettext("%(name)s is now %(role)s.", name=user.username, role=user.role))


@bp.post("/users/<name>/password")
def change_password(name: str):
    users.set_password(get_database(), name, request.form.get("password", ""))
    return _done(gettext("The password of %(name)s was changed; their sessions ended.", name=name))


@bp.post("/users/<name>/remove")
def remove_user(name: str):
    if users.username_key(name) == users.username_key(current_user.username):
        raise users.UserError(gettext("You cannot remove yourself."))
    users.remove(get_database(), name)
    return _done(gettext("Removed %(name)s.", name=name))


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.register_error_handler(users.UserError, _refused)
