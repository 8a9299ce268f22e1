"""A Static that breaks Japanese lines properly (禁則処理) and shows its text literally."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from interview.textsafety import printable
from interview.tui import kinsoku


class JapaneseStatic(Static):
    """Literal text (never markup), re-broken with kinsoku for the width it gets.

    ``source`` keeps the text as given, without the line breaks.
    """

    def __init__(self, content: str | Text = "", **kwargs: object) -> None:
        if isinstance(content, str):
            content = Text(printable(content))
        super().__init__(content, markup=False, **kwargs)  # type: ignore[arg-type]
        self.source = content
        self._wrapped_at = 0

    def update(self, content: object = "", *, layout: bool = True) -> None:
        """Replace the text (the line breaks are worked out again)."""
        if isinstance(content, str):
            content = Text(printable(content))
        if isinstance(content, Text):
            self.source = content
            self._wrapped_at = 0
            width = self.content_region.width
            if width > 0:
                self._wrapped_at = width
                content = kinsoku.wrap(content, width)
        super().update(content, layout=layout)  # type: ignore[arg-type]

    def on_resize(self) -> None:
        width = self.content_region.width
        if width > 0 and width != self._wrapped_at:
            self._wrapped_at = width
            super().update(kinsoku.wrap(self.source, width))
