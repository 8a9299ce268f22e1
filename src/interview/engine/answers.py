"""Answers to guided questions (shared by the engine, sessions and the compiler)."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from interview.errors import Message


class Status(StrEnum):
    """The respondent's verdict on one 手法例."""

    DONE = "done"
    PARTIAL = "partial"
    NOT_DONE = "not_done"
    NOT_APPLICABLE = "not_applicable"
    UNKNOWN = "unknown"
    # Added last so that the keys 1–5 keep their meaning (key 6).
    ALTERNATIVE = "alternative"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def short_label(self) -> str:
        """The label on a narrow button (「代替策」 for 代替策で対応)."""
        return "代替策" if self is Status.ALTERNATIVE else self.label

    @property
    def key(self) -> str:
        """The number key (1–6) that picks this status in the UI."""
        return str(list(Status).index(self) + 1)

    @property
    def is_gap(self) -> bool:
        """一部実施, 未実施 and 不明 answers are candidates for 課題認識.

        A candidate only: 手法例 are examples, so an unmet one is a 課題 only when the
        item's 目標 is not met otherwise (see ``interview.compile.gaps``).
        """
        return self in (Status.PARTIAL, Status.NOT_DONE, Status.UNKNOWN)

    @property
    def is_met(self) -> bool:
        """The example is in place, or its purpose is met by another control."""
        return self in (Status.DONE, Status.ALTERNATIVE)

    @classmethod
    def from_label(cls, text: str) -> Status:
        cleaned = text.strip()
        for status in cls:
            if cleaned in (status.value, status.label, status.key):
                return status
        # the exported wording of an unresolved answer: 確認中 / 確認中（2027年1月までに回答）
        if cleaned.startswith(UNRESOLVED_WORD):
            return cls.UNKNOWN
        raise ValueError(Message("unknown_status", text=text))


STATUS_LABELS = {
    Status.DONE: "実施済み",
    Status.PARTIAL: "一部実施",
    Status.NOT_DONE: "未実施",
    Status.NOT_APPLICABLE: "該当なし",
    Status.UNKNOWN: "不明・要確認",
    Status.ALTERNATIVE: "代替策で対応",
}

UNRESOLVED_WORD = "確認中"  # what the workbook says for 不明・要確認 (never the internal label)


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
