"""The guide's own text for one item, in a pane of its own (F3 in the review walk).

Shows the item's セキュリティ対応目標, its explanation, the 手法例 under their <headings>
(each with the 注記 it points to), the 注記 in full and the 関連規定: the guide's wording,
kept exactly, for the reviewer to read beside the connector's answers.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll

from interview.catalog import Item
from interview.textsafety import printable
from interview.tui.render import _note_lines
from interview.tui.widgets.jtext import JapaneseStatic


def guide_text(item: Item) -> Text:
    """The guide's text of *item* (目標, 説明, 手法例, 注記, 関連規定)."""
    text = Text()

    def head(label: str) -> None:
        text.append(f"{label}\n", style="bold")

    def body(line: str) -> None:
        text.append(printable(line) + "\n")

    text.append(
        f"ガイド（原文）通番{item.display_no}　対象者: {item.party.label}　F3 で閉じる\n",
        style="reverse",
    )
    head("【セキュリティ対応目標】")
    body(item.goal)
    if item.description:
        head("\n【セキュリティ対応目標の説明】")
        body(item.description)
        if item.description_footnote:
            text.append(printable(item.description_footnote) + "\n", style="dim")
    head("\n【手法例】")
    if item.method_intro:
        body(item.method_intro)
    for group in item.method_groups:
        if group.heading:
            text.append(printable(f"<{group.heading}>") + "\n", style="bold")
        for example in group.examples:
            body(f"（{example.no}）{example.text}")  # its （注N） is part of the text
    text.append("※手法例はあくまで例示です。\n", style="dim")
    if item.notes:
        head("\n【注記】")
        for note in item.notes:
            for line in _note_lines(note):
                body(line)
    if item.references.sections:
        head("\n【関連規定】")
        for section in item.references.sections:
            body(section.title)
            for line in section.lines:
                body(f"  {line}")
    text.rstrip()
    return text


class GuidePane(VerticalScroll):
    """A scrollable pane with the guide's text of one item."""

    DEFAULT_CSS = """
    GuidePane {
        border-left: tall $secondary;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    GuidePane > JapaneseStatic { width: 1fr; height: auto; }
    """

    def compose(self):
        yield JapaneseStatic("", id="guide-body")

    def show_item(self, item: Item) -> None:
        self.query_one("#guide-body", JapaneseStatic).update(guide_text(item))
        self.scroll_home(animate=False)
