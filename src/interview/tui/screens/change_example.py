"""Pick one 手法例 of a group answered as a whole, to change it on its own (F12)."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from interview.textsafe import printable
from interview.tui import styles


class ChangeExampleScreen(ModalScreen[str | None]):
    """Dismisses with the chosen example id, or None."""

    CSS_PATH = styles.MODALS
    BINDINGS = [Binding("escape", "cancel", "閉じる", id="change.close")]

    def __init__(self, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="change-box"):
            yield Label(
                "まとめて回答した手法例から、個別に変えるものを選んでください", id="change-title"
            )
            yield OptionList(
                *(
                    Option(f"{n} {printable(label)}" if n <= 9 else printable(label), id=eid)
                    for n, (label, eid) in enumerate(self.choices, 1)
                ),
                id="change-list",
            )
            yield Label("数字キーか Enter で選択、esc で戻る", id="change-help")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character in "123456789":
            n = int(event.character)
            if n <= len(self.choices):
                event.stop()
                self.dismiss(self.choices[n - 1][1])

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
