"""The glossary modal: live fuzzy results as you type, the description beside them."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from interview.catalog import load_catalog
from interview.search import search_glossary
from interview.textsafety import safe_text
from interview.tui import styles


class GlossaryScreen(ModalScreen[None]):
    CSS_PATH = styles.MODALS
    BINDINGS = [
        Binding("escape", "close", "閉じる", id="glossary.close"),
        Binding("down", "focus_results", "結果へ", show=False, id="glossary.down"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial_query = query

    def compose(self) -> ComposeResult:
        with Vertical(id="glossary-box"):
            yield Label(
                "用語集（ひらがな・英語・略語・うろ覚えでも探せます。esc で閉じる）",
                id="glossary-title",
            )
            yield Input(
                value=self.initial_query,
                placeholder="例: とーくん、reverse proxy、多要素",
                id="glossary-query",
            )
            with Horizontal(id="glossary-body"):
                yield OptionList(id="glossary-results")
                with VerticalScroll(id="glossary-detail-box"):
                    yield Static("", id="glossary-detail", markup=False)

    def on_mount(self) -> None:
        self.query_one("#glossary-query", Input).focus()
        self._search(self.initial_query)

    @on(Input.Changed, "#glossary-query")
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted, "#glossary-query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.action_focus_results()

    def _search(self, query: str) -> None:
        results = self.query_one("#glossary-results", OptionList)
        results.clear_options()
        hits = search_glossary(query, limit=12) if query.strip() else []
        if not query.strip():
            terms = load_catalog().glossary
            results.add_options([Option(safe_text(t.term), id=t.term) for t in terms])
        else:
            results.add_options([Option(safe_text(h.term.term), id=h.term.term) for h in hits])
        if results.option_count:
            results.highlighted = 0
            self._show(results.get_option_at_index(0).id or "")
        else:
            self.query_one("#glossary-detail", Static).update(
                "該当する用語が見つかりませんでした。別の言い方（ひらがな、英語、略語）でも試してみてください。"
            )

    @on(OptionList.OptionHighlighted, "#glossary-results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option.id or "")

    def _show(self, term_name: str) -> None:
        term = next((t for t in load_catalog().glossary if t.term == term_name), None)
        if term is None:
            return
        text = Text()
        text.append(term.term + "\n", style="bold")
        if term.aliases:
            text.append("（" + "、".join(term.aliases[:4]) + "）\n", style="dim")
        text.append(term.description + "\n")
        text.append("記載頁: " + ", ".join(str(p) for p in term.pages), style="dim")
        self.query_one("#glossary-detail", Static).update(text)

    def action_focus_results(self) -> None:
        self.query_one("#glossary-results", OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)
