"""The bank's verdict on one item: ASCII codes inside, Japanese labels at the edges."""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    CONFIRMED = "confirmed"
    NEEDS_EXPLANATION = "needs_explanation"
    NEEDS_IMPROVEMENT = "needs_improvement"
    NOT_APPLICABLE_CONFIRMED = "not_applicable_confirmed"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_request(self) -> bool:
        """A verdict that asks the connector for something (an open request)."""
        return self in (Verdict.NEEDS_EXPLANATION, Verdict.NEEDS_IMPROVEMENT)

    @classmethod
    def from_label(cls, text: str) -> Verdict:
        cleaned = "".join(text.split())
        for verdict in cls:
            if cleaned in (verdict.value, verdict.label):
                return verdict
        raise ValueError(
            f"確認結果が不明です: {text!r}（{'、'.join(v.label for v in cls)} のいずれか）"
        )


_LABELS = {
    Verdict.CONFIRMED: "確認済み",
    Verdict.NEEDS_EXPLANATION: "要追加説明",
    Verdict.NEEDS_IMPROVEMENT: "要改善",
    Verdict.NOT_APPLICABLE_CONFIRMED: "対象外を確認",
}

UNREVIEWED_LABEL = "未確認"
CHANGED_LABEL = "再提出で変更"
VERDICT_LABELS = tuple(v.label for v in Verdict)
