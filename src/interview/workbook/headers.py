"""Sheet names and column labels, and how to recognise them in a workbook filled by hand."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

COVER_SHEET = "表紙"
FORMAT_SHEET = "フォーマット"
GAPS_SHEET = "課題一覧"
DETAILS_SHEET = "回答詳細"

# The guide's header row, circled numbers included (FISC「API接続チェックリスト」(2) フォーマット).
FORMAT_LABELS: Mapping[str, str] = {
    "no": "①通番",
    "category": "②区分",
    "goal": "③セキュリティ対応目標",
    "party": "④対象者",
    "status": "⑤現在の対応状況",
    "issues": "⑥課題認識",
    "plan": "⑦課題への対応計画",
    "references": "⑧関連規定",
    "locations": "⑨関連規定箇所",
    "remarks": "備考",
}

GAP_LABELS: Mapping[str, str] = {
    "no": "通番",
    "goal": "セキュリティ対応目標",
    "question_id": "設問ID",
    "example": "手法例",
    "status": "回答",
    "detail": "詳細",
    "plan": "課題への対応計画",
    "due": "期限",
    "owner": "担当",
}

DETAIL_LABELS: Mapping[str, str] = {
    "no": "通番",
    "question_id": "設問ID",
    "kind": "種別",
    "question": "設問",
    "example": "手法例",
    "status": "回答",
    "detail": "詳細・理由",
    "checks": "該当",
    "due": "期限",
    "owner": "担当",
    "updated_at": "回答日時",
}

COVER_LABELS: Mapping[str, str] = {
    "organisation": "組織名",
    "party": "回答者の立場",
    "respondent": "回答者",
    "role": "役職",
    "counterparts": "接続の相手先",
    "interviewer": "聞き取り担当",
    "date": "作成日",
    "edition": "チェックリストの版",
    "progress": "回答の進捗",
    "profile": "プロファイル",
}

# Other spellings met in workbooks filled by hand (compared after normalise_label).
FORMAT_ALIASES: Mapping[str, tuple[str, ...]] = {
    "no": ("No", "No.", "NO.", "番号", "通し番号", "項番", "項目番号", "通番号", "#"),
    "category": ("分類", "カテゴリ", "カテゴリー", "区分名"),
    "goal": ("対応目標", "セキュリティ目標", "確認項目", "目標", "セキュリティ対策目標"),
    "party": ("対象", "対象先", "対象者区分"),
    "status": (
        "対応状況",
        "現在の状況",
        "現状",
        "現状の対応状況",
        "対応状況（現状）",
        "現在の対応",
        "対応内容",
        "回答",
        "回答内容",
    ),
    "issues": ("課題", "課題・問題点", "現状の課題", "課題の認識"),
    "plan": ("対応計画", "今後の対応計画", "今後の対応", "対応予定", "改善計画", "課題への対応"),
    "references": ("関連規程", "社内規程", "関連する規定", "関連する規程", "規程", "規定"),
    "locations": (
        "関連規定の箇所",
        "関連規程箇所",
        "関連規程の箇所",
        "該当箇所",
        "規程の箇所",
        "該当条項",
    ),
    "remarks": ("備考欄", "コメント", "補足", "特記事項", "摘要"),
}

# A row is the フォーマット header when it has all of these.
FORMAT_REQUIRED = ("no", "status")
GAP_REQUIRED = ("no", "question_id")
DETAIL_REQUIRED = ("question_id", "status")

_CIRCLED = re.compile("[\u2460-\u2473\u24eb-\u24ff\u2776-\u2793]")
_ASIDE = re.compile(r"[(（][^)）]*[)）]")
_NOISE = re.compile(r"[\s【】\[\]]")


def normalise_label(text: object) -> str:
    """A header cell reduced for comparison: no circled numbers, spaces, breaks or 【】."""
    if text is None:
        return ""
    plain = _CIRCLED.sub("", str(text))
    return _NOISE.sub("", unicodedata.normalize("NFKC", plain)).casefold()


def label_index(
    labels: Mapping[str, str], aliases: Mapping[str, tuple[str, ...]] | None = None
) -> dict[str, str]:
    """Normalised label (and alias) → field name."""
    index: dict[str, str] = {}
    for name, label in labels.items():
        index[normalise_label(label)] = name
        for alias in (aliases or {}).get(name, ()):
            index.setdefault(normalise_label(alias), name)
    return index


def match_header(cells: Iterable[object], index: Mapping[str, str]) -> dict[str, int]:
    """Field name → 0-based column for the cells of one row that are known labels."""
    found: dict[str, int] = {}
    for column, value in enumerate(cells):
        label = normalise_label(value)
        name = index.get(label)
        if name is None and label:
            # 「現在の対応状況（記入欄）」, 「※備考」: the label with a note around it.
            name = index.get(_ASIDE.sub("", label).strip("※*＊:："))
        if name is not None and name not in found:
            found[name] = column
    return found


def plain_label(label: str) -> str:
    """The label without its circled number: ``⑤現在の対応状況`` → ``現在の対応状況``."""
    return _CIRCLED.sub("", label)
