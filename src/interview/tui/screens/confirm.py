"""A yes/no question in a dialog: the safe answer (いいえ) has the focus."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from interview.tui import styles
from interview.tui.widgets.jtext import JapaneseStatic


class ConfirmScreen(ModalScreen[bool]):
    """True when the respondent confirms (y or the button), False on esc / n."""

    CSS_PATH = styles.MODALS
    BINDINGS = [
        Binding("escape,n", "answer(False)", "やめる", id="confirm.no"),
        Binding("y", "answer(True)", "はい", id="confirm.yes"),
    ]

    def __init__(self, title: str, text: str, yes: str, no: str = "やめる (esc)") -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-box"):
            yield Label(self.title_text, id="quit-title")
            yield JapaneseStatic(self.text, id="quit-text")
            with Horizontal(id="quit-buttons"):
                yield Button(self.yes, id="confirm-yes", variant="primary", compact=True)
                yield Button(self.no, id="confirm-no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")
