"""Textual CSS files, one per screen family, loaded when that screen is first shown."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent

APP = _HERE / "app.tcss"
HOME = _HERE / "home.tcss"
INTERVIEW = _HERE / "interview.tcss"
MODALS = _HERE / "modals.tcss"
