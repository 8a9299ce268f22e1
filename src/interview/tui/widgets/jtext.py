"""A Static that breaks Japanese lines properly (禁則処理) and shows its text literally."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content
from textual.visual import Visual
from textual.widgets import Static

from interview.textsafety import printable
from interview.tui import kinsoku

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.geometry import Size
    from textual.selection import Selection
    from textual.strip import Strip
    from textual.style import Style
    from textual.visual import RenderOptions
    from textual.widget import Widget


class KinsokuText(Visual):
    """*source* broken into lines with kinsoku at the width it is measured and drawn at.

    What it draws at a width is exactly the text ``kinsoku.wrap`` gives for that width, as
    Textual would draw that text.
    """

    def __init__(self, widget: Widget, source: Text) -> None:
        self._widget = widget
        self.source = source
        self._width = -1
        self._content: Content | None = None

    def at(self, width: int) -> Content:
        """The text as drawn *width* cells wide (the last width's is kept)."""
        content = self._content
        if content is None or width != self._width:
            text = kinsoku.wrap(self.source, width) if width > 0 else self.source
            content = Content.from_rich_text(text, console=self._widget.app.console)
            self._content, self._width = content, width
        return content

    @property
    def drawn(self) -> Content:
        """The text as last measured or drawn (before that, as given)."""
        return self.at(self._width if self._width >= 0 else 0)

    def __str__(self) -> str:
        return str(self.drawn)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self.at(width).render_strips(width, height, style, options)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.at(width).get_height(rules, width)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.drawn.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.drawn.get_minimal_width(rules)


class JapaneseStatic(Static):
    """Literal text (never markup), re-broken with kinsoku for the width it gets.

    ``source`` keeps the text as given, without the line breaks.
    """

    WRAP_WHEN_LAID_OUT: bool = False
    """True where the width never depends on the text (not ``width: auto``): the lines are
    broken while the widget is laid out and drawn, at the width it gets. Otherwise they are
    broken again after it is resized, which lays the screen out a second time."""

    def __init__(
        self, content: str | Text = "", *, wrap_when_laid_out: bool | None = None, **kwargs: object
    ) -> None:
        if isinstance(content, str):
            content = Text(printable(content))
        if wrap_when_laid_out is not None:
            self.WRAP_WHEN_LAID_OUT = wrap_when_laid_out
        shown: Text | KinsokuText = (
            KinsokuText(self, content) if self.WRAP_WHEN_LAID_OUT else content
        )
        super().__init__(shown, markup=False, **kwargs)  # type: ignore[arg-type]
        self.source = content
        self._wrapped_at = 0

    def update(self, content: object = "", *, layout: bool = True) -> None:
        """Replace the text (the line breaks are worked out again)."""
        if isinstance(content, str):
            content = Text(printable(content))
        if isinstance(content, Text):
            self.source = content
            if self.WRAP_WHEN_LAID_OUT:
                super().update(KinsokuText(self, content), layout=layout)
                return
            self._wrapped_at = 0
            width = self.content_region.width
            if width > 0:
                self._wrapped_at = width
                content = kinsoku.wrap(content, width)
        super().update(content, layout=layout)  # type: ignore[arg-type]

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Textual sets a laid-out widget's virtual size as a layout reactive: a new widget
        # asks for a second layout of the screen, and a second frame, right after its
        # first. Text that is broken while laid out has nothing to lay out again (a widget
        # that scrolls would: this one never does).
        return super()._size_updated(
            size, virtual_size, container_size, layout=layout and not self.WRAP_WHEN_LAID_OUT
        )

    def on_resize(self) -> None:
        if self.WRAP_WHEN_LAID_OUT:
            return
        width = self.content_region.width
        if width > 0 and width != self._wrapped_at:
            self._wrapped_at = width
            super().update(kinsoku.wrap(self.source, width))

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        visual = self._render()
        if isinstance(visual, KinsokuText):  # the lines as drawn, as a selection sees them
            return selection.extract(str(visual.drawn)), "\n"
        return super().get_selection(selection)
