"""Plain data of one workbook, independent of sessions: what each sheet shows, as text."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One row of the official フォーマット sheet (one 確認項目)."""

    no: str  # 通番: "1".."44"; tailored checklists may add "追加1"
    category: str  # 区分
    goal: str  # セキュリティ対応目標
    party: str  # 対象者: API接続先 / 金融機関 / 共通
    status: str  # 現在の対応状況
    issues: str  # 課題認識
    plan: str  # 課題への対応計画
    references: str  # 関連規定 (one source per line)
    locations: str  # 関連規定箇所 (lined up with the sources)
    remarks: str  # 備考


@dataclass(frozen=True, slots=True)
class Cover:
    """The 表紙 sheet: who answered, when, against which edition, and how far."""

    organisation: str
    party: str
    respondent: str
    role: str
    counterparts: str
    interviewer: str
    date: str
    edition: str
    progress: str
    profile: str = ""


@dataclass(frozen=True, slots=True)
class GapRow:
    """One row of 課題一覧: a 手法例 answered 一部実施 / 未実施 / 不明, with the item's plan."""

    no: str
    goal: str
    question_id: str
    example: str
    status: str
    detail: str
    plan: str
    due: str
    owner: str


@dataclass(frozen=True, slots=True)
class DetailRow:
    """One row of 回答詳細: one guided question and its answer, for reviewers."""

    no: str
    question_id: str
    kind: str
    question: str
    example: str
    status: str
    detail: str
    checks: str
    due: str
    owner: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class WorkbookData:
    """Everything one workbook holds. ``cover`` is None for a workbook without a 表紙 sheet."""

    cover: Cover | None
    rows: list[SheetRow]
    gaps: list[GapRow] = field(default_factory=list)
    details: list[DetailRow] = field(default_factory=list)
