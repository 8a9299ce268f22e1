"""Messages both front ends show for what the application layer returns (Japanese UI).

The core and the application layer return data (codes, ids, labels); the words a person
reads are chosen here or in ``tui/`` and ``cli/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interview.errors import CoreError
from interview.messages import word

if TYPE_CHECKING:
    from interview.services.progress import OpenMarks
    from interview.services.sessions import EditionMismatch


def edition_warning(mismatch: EditionMismatch) -> str:
    return (
        f"このセッションは別の版（{mismatch.session_edition}）で回答されています。"
        f"現在の版: {mismatch.current_label}。項目や手法例が変わっている可能性があります。"
    )


def core_message(error: CoreError) -> str:
    """The Japanese sentence for a core error (a generic one for an unknown code)."""
    sentence = word(error.code, error.data)
    if sentence is None:
        return f"処理できませんでした（{error.code}）"
    return sentence


def open_marks_lines(marks: OpenMarks) -> list[str]:
    """What is unresolved, 不明 answers and フォロー marks named apart (TUI and ``show``)."""
    if not marks:
        return []
    lines = [
        f"未解決: 不明 {marks.unknown_count}問（「不明・要確認」の回答）・"
        f"フォロー {marks.follow_count}件（F6 の印）"
    ]
    unresolved = marks.items
    parts = []
    for no in unresolved[:12]:
        kinds = [
            f"不明{marks.unknown[no]}" if no in marks.unknown else "",
            f"フォロー{marks.follow[no]}" if no in marks.follow else "",
        ]
        parts.append(f"通番{no}（{'・'.join(k for k in kinds if k)}）")
    lines.append("未解決の項目: " + "、".join(parts) + (" …" if len(unresolved) > 12 else ""))
    return lines
