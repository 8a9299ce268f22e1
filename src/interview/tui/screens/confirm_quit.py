"""Asked on ctrl+q when something typed or ticked was not sent yet."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from interview.tui import styles
from interview.tui.widgets.jtext import JapaneseStatic


class ConfirmQuitScreen(ModalScreen[bool]):
    """True: quit anyway; False: back to the unsent input (the default)."""

    CSS_PATH = styles.MODALS
    BINDINGS = [
        Binding("escape,n", "stay", "入力に戻る", id="quit.stay"),
        Binding("y,ctrl+q", "leave", "終了する", id="quit.leave", priority=True),
    ]

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-box"):
            yield Label("送信していない入力があります", id="quit-title")
            yield JapaneseStatic(
                f"{self.what}は、まだ保存されていません。終了すると失われます。"
                "送信済みの回答はすべて保存されています。",
                id="quit-text",
            )
            with Horizontal(id="quit-buttons"):
                yield Button("入力に戻る (esc)", id="quit-stay", variant="primary", compact=True)
                yield Button("保存せず終了 (y)", id="quit-leave", variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#quit-stay", Button).focus()

    def action_stay(self) -> None:
        self.dismiss(False)

    def action_leave(self) -> None:
        self.dismiss(True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "quit-leave")
