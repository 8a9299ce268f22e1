"""The JSON row of ``interview glossary --json`` (a pydantic model at the CLI's edge)."""

from __future__ import annotations

from pydantic import BaseModel


class GlossaryResult(BaseModel):
    """One row of ``interview glossary --json``."""

    term: str
    score: float
    description: str
    pages: list[int]
