"""Search the checklist (goal, description, 手法例) and jump to an item."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from interview.catalog import Catalog, Party
from interview.search import ChecklistIndex, ItemHit, checklist_index
from interview.services.checklist import named_item
from interview.textsafe import printable
from interview.tui import styles

if TYPE_CHECKING:
    from interview.questions.bank import QuestionSet


class ItemSearchScreen(ModalScreen[int | None]):
    CSS_PATH = styles.MODALS
    BINDINGS = [Binding("escape", "close", "閉じる", id="search.close")]

    def __init__(
        self,
        query: str,
        party: Party,
        catalog: Catalog | None = None,
        questions: QuestionSet | None = None,
        index: ChecklistIndex | None = None,
    ) -> None:
        """*catalog*, *questions*: the session's checklist (a tailored one holds its
        追加N items and lacks the removed ones) and question set; *index*: a search
        index already built for them. By default the shipped checklist."""
        super().__init__()
        self.initial_query = query
        self.party = party
        if catalog is None:  # the shipped checklist, from the application layer
            from interview.services.checklist import plain_checklist

            catalog = plain_checklist().catalog
        self.catalog = catalog
        self.questions = questions
        self._index = index

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
        if results.highlighted is None:
            return
        option = results.get_option_at_index(results.highlighted)
        if not option.disabled and option.id:
            self.dismiss(int(option.id))

    @property
    def index(self) -> ChecklistIndex:
        if self._index is None:
            self._index = checklist_index(self.catalog, self.questions)
        return self._index

    def _search(self, query: str) -> None:
        catalog = self.catalog
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        if not query.strip():
            return
        hits = self.index.search(query, limit=15, party=self.party)
        named = named_item(catalog, query, self.party)  # 「追加1」「通番8」: that item first
        if named is not None:
            first = ItemHit(named.no, 100.0, "goal", "")
            hits = [first, *(h for h in hits if h.item != named.no)][:15]
        width = max(20, results.size.width - 6)
        for hit in hits:
            item = catalog.item(hit.item)
            line = Text(f"{item.display_no:>2} {_cut(item.goal, width - 3)}", no_wrap=True)
            if hit.snippet:
                line.append("\n   " + _cut(printable(hit.snippet), width - 3), style="dim")
            results.add_option(Option(line, id=str(item.no)))
        if results.option_count:
            results.highlighted = 0
            return
        shown = printable(" ".join(query.split()))
        if len(shown) > 30:
            shown = shown[:30] + "…"
        results.add_option(
            Option(f"「{shown}」に一致する確認項目は見つかりませんでした。", disabled=True)
        )
        for no in self.index.suggest(query, limit=3, party=self.party):
            item = catalog.item(no)
            label = f"もしかして: {item.display_no:>2} "
            line = Text(label + _cut(item.goal, width - len(label) - 2), no_wrap=True)
            results.add_option(Option(line, id=str(item.no)))
        results.highlighted = None

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_close(self) -> None:
        self.dismiss(None)


def _cut(text: str, width: int) -> str:
    """*text* cut to *width* terminal columns (wide characters count two), with …."""
    used = 0
    for at, char in enumerate(text):
        used += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used > width:
            return text[: max(0, at - 1)] + "…"
    return text
