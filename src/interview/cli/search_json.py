"""The JSON row of ``interview search --json`` (a pydantic model at the CLI's edge)."""

from __future__ import annotations

from pydantic import BaseModel


class SearchResult(BaseModel):
    """One row of ``interview search --json``: a checklist item found for the query.

    ``field`` names what matched best (``goal``, ``description``, ``heading``,
    ``example``, ``note``, ``question`` or ``hint``); ``ref`` is the 手法例 or question
    id (``"23.1.2"``), the 注記 label (``"注1"``) or ``""``.
    """

    item: int
    score: float
    field: str
    ref: str
    snippet: str
