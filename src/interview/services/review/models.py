"""The review workspace file (pydantic at the file edge). Layout: docs/review.md."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from interview.engine.answers import now
from interview.services.review.verdicts import Verdict
from interview.session.models import aware

REVIEW_FORMAT_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SubmittedRow(_Model):
    """The connector's texts of one item as submitted (⑤⑥⑦ and 備考)."""

    status: str = ""
    issues: str = ""
    plan: str = ""
    remarks: str = ""


class Submission(_Model):
    """One workbook received from a connector."""

    round: int = Field(ge=1)
    file: str  # the file name as added (the file itself is never modified)
    archive: str = ""  # the private copy kept in ``<id>.files/`` (``<sha256>.xlsx``)
    sha256: str = Field(min_length=64, max_length=64)
    added_at: datetime = Field(default_factory=now)
    date: str = ""  # 作成日 on the cover
    changed: list[int] = []  # items whose texts differ from the previous round

    @field_validator("added_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return aware(value)


class ItemReview(_Model):
    """The bank's verdict on one item of one connector."""

    verdict: Verdict | None = None  # None: 未確認
    comment: str = ""
    round: int = 1  # the round the verdict was given in
    reviewed_at: datetime | None = None
    changed: bool = False  # 再提出で変更: the texts changed since the last round
    previous: Verdict | None = None  # the verdict before the change, for reference

    @field_validator("reviewed_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        return aware(value) if value is not None else None


class Connector(_Model):
    organisation: str = Field(min_length=1)
    submissions: list[Submission] = []
    # 通番 → SHA-256 of the item's four texts in the latest round (the texts themselves
    # stay in the archived workbook, so that this file stays small and quick to read)
    hashes: dict[str, str] = {}
    answered: list[int] = []  # items with text in the latest round
    items: dict[str, ItemReview] = {}  # 通番 → the bank's verdict
    position: int | None = None  # the item the reviewer was on (TUI resume)

    @property
    def round(self) -> int:
        return self.submissions[-1].round if self.submissions else 0


class Review(_Model):
    format_version: int = REVIEW_FORMAT_VERSION
    id: str = Field(min_length=1)
    bank: str = Field(min_length=1)
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)
    bank_session: str = ""  # the bank's own interview session (for the merged checklist)
    connectors: list[Connector] = []

    @field_validator("created_at", "updated_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return aware(value)

    @field_validator("format_version")
    @classmethod
    def _known(cls, value: int) -> int:
        if value > REVIEW_FORMAT_VERSION:
            raise ValueError(f"このレビューは新しい版の interview で作られています（形式 {value}）")
        return value

    def connector(self, organisation: str) -> Connector | None:
        key = _key(organisation)
        for connector in self.connectors:
            if _key(connector.organisation) == key:
                return connector
        return None


def _key(organisation: str) -> str:
    return "".join(organisation.split()).casefold()
