"""Messages both front ends show for what the application layer returns (Japanese UI).

The core and the application layer return data (codes, ids, labels); the words a person
reads are chosen here or in ``tui/`` and ``cli/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interview.errors import CoreError
from interview.messages import word

if TYPE_CHECKING:
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
