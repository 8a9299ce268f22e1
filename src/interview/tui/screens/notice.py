"""A modal that tells something went wrong or changed, and offers what to do about it.

Used when a save fails (retry) and when the session file was edited by hand while the
app had it open (compare, reload, continue). The text is untrusted (paths, file names,
OS messages): it is shown literally through the text-safety policy.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from interview.textsafety import printable, safe_text
from interview.tui import styles


class NoticeScreen(ModalScreen[str]):
    """Dismisses with the id of the choice made (``choices``: (id, label, key)); escape
    picks the last choice."""

    CSS_PATH = styles.MODALS
    BINDINGS = [Binding("escape", "choose_last", "閉じる", id="notice.close")]

    def __init__(
        self, title: str, text: str, choices: list[tuple[str, str, str]], error: bool = False
    ) -> None:
        super().__init__(classes="notice-error" if error else "")
        self.notice_title = title
        self.text = text
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="notice-box"):
            yield Label(safe_text(self.notice_title), id="notice-title")
            yield Static(printable(self.text), markup=False, id="notice-text")
            with Horizontal(id="notice-buttons"):
                for n, (choice, label, key) in enumerate(self.choices):
                    yield Button(
                        f"{label} ({'esc' if key == 'escape' else key})",
                        id=f"notice-{choice}",
                        variant="primary" if n == 0 else "default",
                        compact=True,
                    )

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_key(self, event: events.Key) -> None:
        for choice, _label, shortcut in self.choices:
            if event.key == shortcut:
                event.stop()
                self.dismiss(choice)
                return

    def action_choose_last(self) -> None:
        self.dismiss(self.choices[-1][0])

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("notice-"))
