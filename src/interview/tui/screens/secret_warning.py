"""Warn before saving an answer that looks like a password, key, token or card number,
or that names IP addresses or host names (the workbook goes to several banks)."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from interview.disclosure import NetworkFinding
from interview.secrets import SecretFinding
from interview.textsafe import printable
from interview.tui import styles
from interview.tui.widgets.jtext import JapaneseStatic

MASK, KEEP, BACK = "mask", "keep", "back"


class SecretWarningScreen(ModalScreen[str]):
    """Dismisses with ``"mask"``, ``"keep"`` or ``"back"``."""

    CSS_PATH = styles.MODALS
    BINDINGS = [
        Binding("m", "choose('mask')", "マスクして保存", id="secret.mask"),
        Binding("k", "choose('keep')", "そのまま保存", id="secret.keep"),
        Binding("escape", "choose('back')", "戻って直す", id="secret.back"),
    ]

    def __init__(self, findings: Sequence[SecretFinding | NetworkFinding]) -> None:
        super().__init__()
        self.findings = findings

    def compose(self) -> ComposeResult:
        lines = [f"・{f.label}: {printable(f.preview)}" for f in self.findings]
        advice = "パスワードや鍵そのものではなく、管理の方法を書いてください。"
        if any(isinstance(f, NetworkFinding) for f in self.findings):
            advice += (
                "\nIPアドレスやホスト名は書かず、制御があること（接続元の限定など）と、"
                "その管理の方法（規程・承認・見直しの頻度）を書いてください。"
            )
        with Vertical(id="secret-box"):
            yield Label("機密情報が含まれているかもしれません", id="secret-title")
            yield JapaneseStatic(
                "この回答は Excel ブックとして相手先の会社に渡ります。次のものが見つかりました。\n"
                + "\n".join(lines)
                + "\n\n"
                + advice,
                id="secret-text",
            )
            with Horizontal(id="secret-buttons"):
                yield Button(
                    "マスクして保存 (m)", id="secret-mask", variant="primary", compact=True
                )
                yield Button("そのまま保存 (k)", id="secret-keep", compact=True)
                yield Button("戻って直す (esc)", id="secret-back", compact=True)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "secret-back").removeprefix("secret-"))
