"""The saved state of one interview (pydantic): respondent, answers, texts, marks, position.

The TOML layout of these models is described in ``docs/session-format.md``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from interview.catalog.party import RESPONDENT_PARTIES, Party
from interview.engine.answers import Answer, Status, now
from interview.errors import Message

FORMAT_VERSION = 1
"""The session file format this code writes; files with a higher number are refused."""


TextState = Literal["draft", "confirmed", "edited"]


def aware(value: datetime) -> datetime:
    """A hand-written TOML local datetime (no offset) is taken as this machine's local time."""
    return value.astimezone() if value.tzinfo is None else value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Respondent(_Model):
    organisation: str = Field(min_length=1)
    party: Party
    name: str = ""
    role: str = ""
    counterparts: list[str] = []
    interviewer: str = Field(default="", description="the consultant running the session, if any")

    @field_validator("party")
    @classmethod
    def _respondent_party(cls, value: Party) -> Party:
        if value not in RESPONDENT_PARTIES:
            raise ValueError(Message("respondent_party"))
        return value


class Certification(_Model):
    """A third-party certification or report the respondent holds (recorded once).

    What a bank reviewer needs to accept it in place of evidence (ガイドの「第三者認証等を
    もってエビデンス等の提出に代え」): who issued it, its number, scope and expiry, whether
    the 適用宣言書 covers the controls; for an assurance report (SOC2), its Type, period
    and whether there were exceptions.
    """

    name: str = Field(min_length=1)  # 認証名・報告書名
    scope: str = ""  # 適用範囲
    date: str = ""  # 取得日（初回）
    issuer: str = ""  # 認証機関・監査法人
    number: str = ""  # 登録番号
    expires: str = ""  # 有効期限
    statement: str = ""  # 適用宣言書が対象とする管理策（ISMS）
    report_type: str = ""  # SOC2: Type1 / Type2
    period: str = ""  # SOC2: 対象期間
    exceptions: str = ""  # SOC2: 例外事項（「なし」または内容）


CERTIFICATION_FIELDS = (
    "name",
    "scope",
    "date",
    "issuer",
    "number",
    "expires",
    "statement",
    "report_type",
    "period",
    "exceptions",
)


class ItemText(_Model):
    """One of an item's four texts: the compiled draft and what the respondent kept."""

    draft: str = ""
    text: str = ""
    state: TextState = "draft"


class ItemTexts(_Model):
    status: ItemText = ItemText()  # 現在の対応状況
    issues: ItemText = ItemText()  # 課題認識
    plan: ItemText = ItemText()  # 課題への対応計画
    remarks: ItemText = ItemText()  # 備考


class ReviewRequest(_Model):
    """A bank's request on one item, read from its feedback workbook (``review export``)."""

    verdict: str = Field(min_length=1)  # 要追加説明 / 要改善 (the label, as in the workbook)
    comment: str = ""
    bank: str = ""
    reviewed: str = ""  # 確認日
    round: str = ""  # the round the bank reviewed


class Position(_Model):
    """Where the respondent was: the item worked on and the question shown."""

    item: int = Field(ge=1)
    question: str = ""


class Session(_Model):
    format_version: int = FORMAT_VERSION
    id: str = Field(min_length=1)
    catalog_edition: str
    respondent: Respondent
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)
    certifications: list[Certification] = []
    answers: dict[str, Answer] = {}
    texts: dict[str, ItemTexts] = {}
    follow_ups: dict[str, str] = {}
    # Statuses given for a method group's examples that are still to be asked one by one
    # (「②は一部実施、ほかは実施済み」: ② waits here until it is answered).
    pending: dict[str, Status] = {}
    # Words the respondent sent that wait in a question's reply field: a group reply taken
    # one by one, words typed at a yearly confirmation, a reply whose status is still to
    # be given. Key = the step's first question id. Restored into the field on resume;
    # dropped once that question is answered (not when it is skipped).
    typed: dict[str, str] = {}
    position: Position | None = None
    # Suggested answers to confirm: last year's answers (``new --from``) or another
    # session's (``new --reuse``). An item whose suggestions are still open is 要再確認.
    suggestions: dict[str, Answer] = {}
    suggestion_source: str = ""
    derived_from: str = ""  # the id of last year's session (``new --from``), for the diff
    # A tailored checklist (``new --profile``): its name and full TOML text, kept here
    # so that the session stays readable without the profile file.
    profile_name: str = ""
    profile_text: str = ""
    # The file name of a hand-filled フォーマット this session was imported from (it had no
    # per-question answers); the export says so instead of listing empty questions.
    imported_form: str = ""
    # The bank's open requests per item (通番), from a feedback workbook read by ``import``.
    review_requests: dict[str, ReviewRequest] = {}

    @field_validator("created_at", "updated_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return aware(value)

    @field_validator("answers", "suggestions")
    @classmethod
    def _aware_answers(cls, value: dict[str, Answer]) -> dict[str, Answer]:
        for key, answer in value.items():
            if answer.updated_at.tzinfo is None:
                value[key] = answer.model_copy(update={"updated_at": aware(answer.updated_at)})
        return value
