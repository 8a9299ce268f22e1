"""The side panel: the 区分 and their items, with status marks and progress."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList, ProgressBar
from textual.widgets.option_list import Option

from interview.engine.interview import Interview

MARK_DONE = "✓"
MARK_STARTED = "◐"
MARK_TODO = "・"
MARK_FOLLOW = "⚑"


def clip(text: str, cells: int) -> str:
    """Cut *text* to at most *cells* terminal cells (wide characters count two), with …."""
    if cell_len(text) <= cells:
        return text
    out = ""
    for char in text:
        if cell_len(out + char) > cells - 1:
            break
        out += char
    return out + "…"


def bar(percent: float, width: int = 8) -> str:
    filled = round(width * percent / 100)
    return "█" * filled + "░" * (width - filled)


class SidePanel(Vertical):
    """Jump to any item; shows ✓ complete, ◐ started, ・ not started, ⚑ follow-up."""

    @dataclass
    class JumpRequested(Message):
        item: int

    def compose(self) -> ComposeResult:
        yield Label("進捗", id="overall-label")
        yield ProgressBar(total=100, show_eta=False, id="overall")
        yield OptionList(id="items")

    def refresh_from(self, interview: Interview, current_item: int | None) -> None:
        options = self.query_one("#items", OptionList)
        highlighted = None
        entries: list[Option | None] = []
        width = max(16, (options.size.width or 30) - 3)
        follow_items = {key.split(".", 1)[0] for key in interview.follow_ups}
        for category in interview.categories():
            progress = interview.category_progress(category)
            head = Text(clip(f"区分{category.no} {category.name}", width) + "\n", style="bold")
            head.append(f"{bar(progress.percent)} {progress.percent:3.0f}%", style="dim")
            entries.append(Option(head, id=f"cat-{category.no}", disabled=True))
            for item in interview.items:
                if item.category != category.no:
                    continue
                p = interview.item_progress(item.no)
                mark = MARK_DONE if p.complete else MARK_STARTED if p.started else MARK_TODO
                flag = MARK_FOLLOW if str(item.no) in follow_items else " "
                line = Text(
                    f"{mark}{flag}{item.no:>2} {item.goal}", no_wrap=True, overflow="ellipsis"
                )
                if p.complete:
                    line.stylize("green", 0, 1)
                entries.append(Option(line, id=f"item-{item.no}"))
                if item.no == current_item:
                    highlighted = len(entries) - 1
        options.clear_options()
        options.add_options(entries)
        if highlighted is not None:
            options.highlighted = highlighted
        overall = interview.overall_progress()
        self.query_one("#overall", ProgressBar).update(progress=overall.percent)
        self.query_one("#overall-label", Label).update(f"進捗 {overall.answered}/{overall.total}問")

    @on(OptionList.OptionSelected, "#items")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("item-"):
            self.post_message(self.JumpRequested(int(option_id.removeprefix("item-"))))
