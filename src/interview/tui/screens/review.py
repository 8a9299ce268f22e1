"""Item review: the compiled texts of one item, shown for confirmation and editable in place."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

from interview.compile.item_text import TEXT_FIELDS, TEXT_LABELS
from interview.textsafety import printable, safe_text
from interview.tui import styles


@dataclass(frozen=True)
class ReviewResult:
    """Texts per field, and which of them the respondent changed."""

    texts: dict[str, str]
    edited: frozenset[str]


class ReviewScreen(ModalScreen[ReviewResult | None]):
    """Confirm (ctrl+s) or close without confirming (escape)."""

    CSS_PATH = styles.MODALS

    BINDINGS = [
        Binding("ctrl+s", "confirm", "確定", id="review.confirm"),
        Binding("escape", "cancel", "閉じる", id="review.cancel"),
    ]

    def __init__(self, title: str, texts: dict[str, str], drafts: dict[str, str]) -> None:
        super().__init__()
        self.review_title = title
        self.texts = texts
        self.drafts = drafts

    def compose(self) -> ComposeResult:
        with Vertical(id="review-box"):
            yield Label(safe_text(self.review_title), id="review-title")
            yield Label(
                "回答からまとめた文案です。必要なら直接書き換えて、ctrl+s で確定してください。",
                id="review-help",
            )
            with VerticalScroll(id="review-fields"):
                for field in TEXT_FIELDS:
                    yield Label(TEXT_LABELS[field], classes="review-label")
                    yield TextArea(
                        printable(self.texts.get(field, "")),
                        id=f"review-{field}",
                        classes="review-text",
                        soft_wrap=True,
                    )
            with Horizontal(id="review-buttons"):
                yield Button("確定 (ctrl+s)", id="review-ok", variant="primary", compact=True)
                yield Button("閉じる (esc)", id="review-close", compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#review-{TEXT_FIELDS[0]}", TextArea).focus()

    def action_confirm(self) -> None:
        texts = {f: self.query_one(f"#review-{f}", TextArea).text for f in TEXT_FIELDS}
        edited = frozenset(f for f in TEXT_FIELDS if texts[f] != self.drafts.get(f, ""))
        self.dismiss(ReviewResult(texts, edited))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "review-ok":
            self.action_confirm()
        else:
            self.action_cancel()
