"""The chat log: one bubble per message, anchored to the bottom."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.containers import VerticalScroll
from textual.message import Message

from interview.tui.widgets.jtext import JapaneseStatic


class Bubble(JapaneseStatic):
    """One message. Text is never parsed as markup: answers are shown literally.

    A question bubble that mentions glossary terms opens the glossary when clicked.
    """

    WRAP_WHEN_LAID_OUT = True  # width 1fr: broken into lines as the chat is laid out

    DEFAULT_CSS = """
    Bubble {
        width: 1fr;
        height: auto;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    Bubble.assistant {
        margin: 0 4 1 0;
        background: $boost;
        border-left: tall $accent;
    }
    Bubble.intro {
        border-left: tall $primary;
    }
    Bubble.original {
        border-left: tall $secondary;
        color: $text-muted;
    }
    Bubble.followup {
        border-left: tall $warning;
    }
    Bubble.user {
        margin: 0 0 1 6;
        background: $primary 15%;
        border-right: tall $primary;
    }
    Bubble.system {
        color: $text-muted;
        text-style: italic;
        margin: 0 0 1 2;
    }
    """

    @dataclass
    class GlossaryRequested(Message):
        term: str

    def __init__(self, content: str | Text, role: str, terms: tuple[str, ...] = ()) -> None:
        super().__init__(content, classes=f"bubble {role}")
        self.role = role
        self.terms = terms
        if terms:
            self.tooltip = "クリックで用語解説: " + "、".join(terms)

    def on_click(self) -> None:
        if self.terms:
            self.post_message(self.GlossaryRequested(self.terms[0]))


class ChatLog(VerticalScroll):
    """A scrolling conversation, newest at the bottom.

    Only the last ``MAX_BUBBLES`` messages stay mounted: everything said is saved in
    the session anyway, and a long interview must stay as quick as its first question.
    """

    DEFAULT_CSS = """
    ChatLog {
        height: 1fr;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    """

    MAX_BUBBLES = 40
    can_focus = True

    def on_mount(self) -> None:
        self.anchor()

    def say(
        self, content: str | Text, role: str = "assistant", terms: tuple[str, ...] = ()
    ) -> Bubble:
        bubble = Bubble(content, role, terms)
        self.mount(bubble)
        excess = len(self.children) - self.MAX_BUBBLES
        if excess > 0:
            self.remove_children(list(self.children[:excess]))
        if self.scroll_y < self.max_scroll_y - 1:
            self.anchor()  # the user had scrolled up: bring the new message into view
        return bubble

    def clear(self) -> None:
        self.remove_children()
