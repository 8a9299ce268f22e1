"""Messages both front ends show for what the application layer returns (Japanese UI).

The core and the application layer return data (codes, ids, labels); the words a person
reads are chosen here or in ``tui/`` and ``cli/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interview.catalog.party import Party
from interview.errors import CoreError

if TYPE_CHECKING:
    from interview.services.sessions import EditionMismatch


def edition_warning(mismatch: EditionMismatch) -> str:
    return (
        f"このセッションは別の版（{mismatch.session_edition}）で回答されています。"
        f"現在の版: {mismatch.current_label}。項目や手法例が変わっている可能性があります。"
    )


def _party_label(value: object) -> str:
    try:
        return Party(str(value)).label
    except ValueError:
        return str(value)


_CORE_MESSAGES = {
    "item_not_for_party": lambda d: (
        f"通番{d.get('item')}は{_party_label(d.get('party'))}の確認項目ではありません"
    ),
    "question_not_for_respondent": lambda d: (
        f"質問 {d.get('question')} はこの回答者の質問ではありません"
    ),
    "all_answered": lambda d: "すべての質問に回答済みです",
    "not_a_group": lambda d: "いまはまとめて答える手法例のグループではありません",
    "question_not_current": lambda d: f"質問 {d.get('question')} はいまの質問にありません",
    "status_required": lambda d: (
        "状態（実施済み・一部実施・未実施・該当なし・不明）を選んでください"
    ),
    "unknown_checks": lambda d: (
        "チェックリストにない選択肢です: " + ", ".join(map(str, d.get("checks") or ()))
    ),
}


def core_message(error: CoreError) -> str:
    """The Japanese sentence for a core error (a generic one for an unknown code)."""
    word = _CORE_MESSAGES.get(error.code)
    if word is None:
        return f"処理できませんでした（{error.code}）"
    return word(error.data)
