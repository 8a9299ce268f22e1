"""The side panel: the 区分 and their items, with status marks and progress."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Label, OptionList, ProgressBar
from textual.widgets.option_list import Option

from interview.engine.interview import Interview
from interview.textsafety import printable_line

MARK_DONE = "✓"
MARK_STARTED = "◐"
MARK_TODO = "・"
MARK_FOLLOW = "⚑"
MARK_RECHECK = "↻"  # 要再確認: suggested answers (last year's, or reused) still to confirm


def bar(percent: float, width: int = 8) -> str:
    filled = round(width * percent / 100)
    return "█" * filled + "░" * (width - filled)


class SidePanel(Vertical):
    """Jump to any item; shows ✓ complete, ◐ started, ・ not started, ⚑ follow-up."""

    DEFAULT_CSS = """
    SidePanel {
        width: 34;
        border-right: vkey $primary 40%;
        padding: 0 1;
    }
    SidePanel #items {
        height: 1fr;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        border: none;
        padding: 0;
    }
    SidePanel ProgressBar {
        height: 1;
    }
    """

    @dataclass
    class JumpRequested(Message):
        item: int

    built: reactive[bool] = reactive(False, init=False)
    """False until every line is drawn; set back to False when hidden (rebuilt when shown)."""

    answered: reactive[int] = reactive(0, init=False)
    total: reactive[int] = reactive(0, init=False)

    def compose(self) -> ComposeResult:
        yield Label("進捗", id="overall-label")
        yield ProgressBar(total=100, show_eta=False, id="overall")
        yield OptionList(id="items")

    def refresh_from(self, interview: Interview, current_item: int | None) -> None:
        """Rebuild every line (on mount, or when the panel is shown again)."""
        options = self.query_one("#items", OptionList)
        entries: list[Option | None] = []
        highlighted = None
        for category in interview.categories():
            entries.append(
                Option(
                    self._category_line(interview, category.no),
                    id=f"cat-{category.no}",
                    disabled=True,
                )
            )
            for item in interview.items:
                if item.category != category.no:
                    continue
                entries.append(Option(self._item_line(interview, item.no), id=f"item-{item.no}"))
                if item.no == current_item:
                    highlighted = len(entries) - 1
        options.clear_options()
        options.add_options(entries)
        if highlighted is not None:
            options.highlighted = highlighted
        self._update_overall(interview)
        self.built = True

    def mark_stale(self) -> None:
        """The panel is hidden: skip updates now, rebuild in full when shown again."""
        self.built = False

    def update_item(self, interview: Interview, item_no: int, current_item: int | None) -> None:
        """Cheap update after one answer: that item's line, its 区分 and the overall bar."""
        if not self.built:
            self.refresh_from(interview, current_item)
            return
        options = self.query_one("#items", OptionList)
        item = interview.catalog.item(item_no)
        options.replace_option_prompt(f"item-{item_no}", self._item_line(interview, item_no))
        options.replace_option_prompt(
            f"cat-{item.category}", self._category_line(interview, item.category)
        )
        if current_item is not None:
            options.highlighted = options.get_option_index(f"item-{current_item}")
        self._update_overall(interview)

    def _category_line(self, interview: Interview, category_no: int) -> Text:
        category = interview.catalog.category(category_no)
        progress = interview.category_progress(category)
        head = Text(f"区分{category.no} {category.name}\n", style="bold")
        head.append(f"{bar(progress.percent)} {progress.percent:3.0f}%", style="dim")
        return head

    def _item_line(self, interview: Interview, item_no: int) -> Text:
        item = interview.catalog.item(item_no)
        p = interview.item_progress(item_no)
        mark = MARK_DONE if p.complete else MARK_STARTED if p.started else MARK_TODO
        if not p.complete and interview.needs_recheck(item_no):
            mark = MARK_RECHECK
        followed = any(key.split(".", 1)[0] == str(item_no) for key in interview.follow_ups)
        flag = MARK_FOLLOW if followed else " "
        # the option list itself cuts long goals with … (text-wrap: nowrap in app.tcss)
        line = Text(f"{mark}{flag}{item.display_no:>2} {printable_line(item.goal)}")
        if p.complete:
            line.stylize("green", 0, 1)
        return line

    def _update_overall(self, interview: Interview) -> None:
        overall = interview.overall_progress()
        self.total = overall.total
        self.answered = overall.answered

    def watch_answered(self) -> None:
        self._show_progress()

    def watch_total(self) -> None:
        self._show_progress()

    def _show_progress(self) -> None:
        percent = 100.0 * self.answered / self.total if self.total else 100.0
        self.query_one("#overall", ProgressBar).update(progress=percent)
        self.query_one("#overall-label", Label).update(f"進捗 {self.answered}/{self.total}問")

    @on(OptionList.OptionSelected, "#items")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("item-"):
            self.post_message(self.JumpRequested(int(option_id.removeprefix("item-"))))
