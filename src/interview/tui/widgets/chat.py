"""The chat log: one bubble per message, anchored to the bottom."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from interview.textsafe import printable


class Bubble(Static):
    """One message. Text is never parsed as markup: answers are shown literally."""

    def __init__(self, content: str | Text, role: str) -> None:
        if isinstance(content, str):
            content = Text(printable(content))
        super().__init__(content, markup=False, classes=f"bubble {role}")
        self.role = role


class ChatLog(VerticalScroll):
    """A scrolling conversation, newest at the bottom.

    Only the last ``MAX_BUBBLES`` messages stay mounted: everything said is saved in
    the session anyway, and a long interview must stay as quick as its first question.
    """

    MAX_BUBBLES = 40
    can_focus = True

    def on_mount(self) -> None:
        self.anchor()

    def say(self, content: str | Text, role: str = "assistant") -> Bubble:
        bubble = Bubble(content, role)
        self.mount(bubble)
        excess = len(self.children) - self.MAX_BUBBLES
        if excess > 0:
            self.remove_children(list(self.children[:excess]))
        self.anchor()
        return bubble

    def clear(self) -> None:
        self.remove_children()
