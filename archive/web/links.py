"""Small link records that view-models hand to templates (label + ready-made URL)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    value: str = ""  # the code behind the label (country code, language code...)
    current: bool = False


@dataclass(frozen=True)
class Option:
    """One choice of a select (sort order): also a plain link for no-JS use."""

    value: str
    label: str
    url: str
    selected: bool = False
