"""A read-only text in a modal (e.g. what changed since last year)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from interview.textsafety import printable, safe_text
from interview.tui import styles


class TextScreen(ModalScreen[None]):
    CSS_PATH = styles.MODALS
    BINDINGS = [Binding("escape", "close", "閉じる", id="text.close")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.view_title = title
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Label(safe_text(self.view_title), id="text-title")
            yield Static(printable(self.text), markup=False, id="text-body")

    def action_close(self) -> None:
        self.dismiss(None)
