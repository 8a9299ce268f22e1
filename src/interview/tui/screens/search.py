"""Search the checklist (goal, description, 手法例) and jump to an item."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from interview.catalog import Party
from interview.services.checklist import Checklist
from interview.textsafe import printable
from interview.tui import styles


class ItemSearchScreen(ModalScreen[int | None]):
    CSS_PATH = styles.MODALS
    BINDINGS = [Binding("escape", "close", "閉じる", id="search.close")]

    def __init__(self, query: str, party: Party, checklist: Checklist) -> None:
        super().__init__()
        self.initial_query = query
        self.party = party
        self.checklist = checklist  # the session's (tailored) checklist, never a global one

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Label("確認項目を検索（Enter で移動、esc で閉じる）", id="search-title")
            yield Input(
                value=self.initial_query, placeholder="例: ログ、トークン、委託", id="search-query"
            )
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one("#search-query", Input).focus()
        self._search(self.initial_query)

    @on(Input.Changed, "#search-query")
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted, "#search-query")
    def _submitted(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            option = results.get_option_at_index(results.highlighted or 0)
            self.dismiss(int(option.id or 0))

    def _search(self, query: str) -> None:
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        hits = self.checklist.search(query, party=self.party) if query.strip() else []
        for hit in hits:
            item = self.checklist.item(hit.item)
            line = Text(f"{item.display_no:>2} {item.goal}", no_wrap=True, overflow="ellipsis")
            if hit.snippet:
                line.append("\n   " + printable(hit.snippet), style="dim")
            results.add_option(Option(line, id=str(item.no)))
        if results.option_count:
            results.highlighted = 0

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_close(self) -> None:
        self.dismiss(None)
