"""Pydantic models of the question bank files (``question_banks/*.toml``).

See ``docs/question-banks.md`` for the format.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class QuestionKind(StrEnum):
    EXAMPLE = "example"  # one 手法例: status + detail (+ check-list)
    TEXT = "text"  # free text (other measures, 課題認識, 備考)
    PLAN = "plan"  # 課題への対応計画: what, by when, who
    CERTIFICATION = "certification"  # third-party certifications / assurance reports


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Checklist(_Strict):
    """Offer the points of a 注記 as a multi-select check-list."""

    note: int = Field(description="注 number in the same item")
    more: tuple[int, ...] = Field(default=(), description="further 注 offered in the same list")
    prompt: str = "当てはまるものをすべて選んでください。"


class BankQuestion(_Strict):
    """One guided question for one 手法例 (``id`` = the example id, e.g. ``"1.1.1"``)."""

    id: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    short: str = Field(min_length=2, max_length=40, description="short form of the 手法例")
    text: str = Field(min_length=5, max_length=200)
    detail_prompt: str = Field(min_length=5, max_length=200)
    hint: str = ""
    checklist: Checklist | None = None


class ClosingOverride(_Strict):
    """Per-item wording for a closing question (optional)."""

    text: str = Field(min_length=5, max_length=200)
    detail_prompt: str = ""


class ItemBank(_Strict):
    item: int = Field(ge=1)
    intro: str = Field(min_length=5, max_length=200, description="one-line plain explanation")
    questions: tuple[BankQuestion, ...]
    closing: dict[str, ClosingOverride] = {}


class ClosingQuestion(_Strict):
    suffix: str = Field(pattern=r"^[a-z]+$")
    kind: QuestionKind
    short: str
    text: str = Field(min_length=5, max_length=200)
    detail_prompt: str = Field(min_length=5, max_length=200)
    only_certification_items: bool = False


class ClosingBank(_Strict):
    closing: tuple[ClosingQuestion, ...]
