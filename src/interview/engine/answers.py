"""Answers to guided questions (shared by the engine, sessions and the compiler)."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Status(StrEnum):
    """The respondent's verdict on one 手法例."""

    DONE = "done"
    PARTIAL = "partial"
    NOT_DONE = "not_done"
    NOT_APPLICABLE = "not_applicable"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def key(self) -> str:
        """The number key (1–5) that picks this status in the UI."""
        return str(list(Status).index(self) + 1)

    @property
    def is_gap(self) -> bool:
        """一部実施, 未実施 and 不明 answers feed 課題認識."""
        return self in (Status.PARTIAL, Status.NOT_DONE, Status.UNKNOWN)

    @classmethod
    def from_label(cls, text: str) -> Status:
        cleaned = text.strip()
        for status in cls:
            if cleaned in (status.value, status.label, status.key):
                return status
        raise ValueError(f"回答の状態が不明です: {text!r}")


STATUS_LABELS = {
    Status.DONE: "実施済み",
    Status.PARTIAL: "一部実施",
    Status.NOT_DONE: "未実施",
    Status.NOT_APPLICABLE: "該当なし",
    Status.UNKNOWN: "不明・要確認",
}


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Answer(BaseModel):
    """One answer. Which fields matter depends on the question's kind.

    - ``example`` questions: ``status`` (required), ``detail``, ``checks`` (picked ①② labels);
    - ``text`` questions (other measures, 課題認識, 備考): ``detail``;
    - ``plan`` questions: ``detail`` (what), ``due`` (by when), ``owner`` (who);
    - ``certification`` questions: ``checks`` (certification names) and ``detail``.

    ``skipped`` records a deliberate skip: the question stays open for later.
    ``shared`` marks a 手法例 answered for its whole method group at once: its ``detail``
    is the one detail (or reason) given for every example of the group.
    """

    model_config = ConfigDict(extra="forbid")

    status: Status | None = None
    detail: str = ""
    checks: tuple[str, ...] = ()
    due: str = ""
    owner: str = ""
    skipped: bool = False
    shared: bool = False
    updated_at: datetime = Field(default_factory=now)

    @property
    def is_answered(self) -> bool:
        return not self.skipped
