"""Jinja filters: formatting stays out of templates' logic and out of view-models' data."""
from __future__ import annotations

from flask import Flask

from ..labels import country_name, language_name


def number(value) -> str:
    """1234567 -> '1,234,567'."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return singular if count == 1 else (plural_form or singular + "s")


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(number=number, plural=plural, country=country_name, language=language_name)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
