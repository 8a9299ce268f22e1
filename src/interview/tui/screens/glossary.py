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

from interview.search import suggest_glossary
from interview.services.checklist import Checklist, plain_checklist
from interview.textsafety import printable, safe_text
from interview.tui import styles


class GlossaryScreen(ModalScreen[None]):
    CSS_PATH = styles.MODALS
    BINDINGS = [
        Binding("escape", "close", "閉じる", id="glossary.close"),
        Binding("down", "focus_results", "結果へ", show=False, id="glossary.down"),
    ]

    def __init__(self, query: str = "", checklist: Checklist | None = None) -> None:
        super().__init__()
        self.checklist = checklist or plain_checklist()  # the session's, when it has one
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
        if not query.strip():
            terms = self.checklist.catalog.glossary
            results.add_options([Option(safe_text(t.term), id=t.term) for t in terms])
        else:
            hits = self.checklist.search_glossary(query)
            results.add_options([Option(safe_text(h.term.term), id=h.term.term) for h in hits])
        if results.option_count:
            results.highlighted = 0
            self._show(results.get_option_at_index(0).id or "")
            return
        # Nothing close enough: say so, and offer what the query may have meant
        # (listed, not shown: the pane never holds a definition that was not asked for).
        maybe = suggest_glossary(query, limit=3)
        results.add_options(
            [Option(safe_text("もしかして: " + printable(name)), id=name) for name in maybe]
        )
        results.highlighted = None
        shown = printable(" ".join(query.split()))
        if len(shown) > 30:
            shown = shown[:30] + "…"
        text = Text()
        text.append(f"「{shown}」に一致する用語は見つかりませんでした。\n", style="bold")
        if maybe:
            text.append("もしかして: " + "、".join(printable(n) for n in maybe) + "\n")
            text.append("↓ で候補を選ぶと説明を表示します。\n", style="dim")
        text.append("ひらがな、英語、略語など別の言い方でも探せます。", style="dim")
        self.query_one("#glossary-detail", Static).update(text)

    @on(OptionList.OptionHighlighted, "#glossary-results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # A highlight from an earlier list may arrive after the list changed (typing
        # fast): show only what is highlighted now, never a stale definition.
        results = self.query_one("#glossary-results", OptionList)
        if results.highlighted is None:
            return
        if results.get_option_at_index(results.highlighted).id != event.option.id:
            return
        self._show(event.option.id or "")

    def _show(self, term_name: str) -> None:
        term = self.checklist.term(term_name)
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
        results = self.query_one("#glossary-results", OptionList)
        results.focus()
        if results.highlighted is None and results.option_count:
            results.highlighted = 0  # a suggestion, chosen: now its definition shows

    def action_close(self) -> None:
        self.dismiss(None)
