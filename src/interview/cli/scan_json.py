"""The JSON rows of ``interview scan --json`` (pydantic models at the CLI's edge)."""

from __future__ import annotations

from pydantic import BaseModel

from interview.services.scan import FieldName, Section


class FindingOut(BaseModel):
    """One finding in ``--json`` output (the secret itself is never printed)."""

    section: Section
    key: str  # question id, or item number for texts
    part: str = ""  # texts only: status / issues / plan / remarks
    field: FieldName
    where: str  # the same place in Japanese
    kind: str
    label: str
    preview: str
    start: int
    end: int


class ScanReport(BaseModel):
    session: str
    masked: bool
    findings: list[FindingOut]
