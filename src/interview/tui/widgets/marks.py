"""Check-lists and radio buttons whose state shows without colour (NO_COLOR, monochrome).

Textual draws the same mark for on and off and tells them apart by colour only. Here an
unticked box is blank and a ticked one shows X; an unpicked radio button is blank.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList

OFF = " "
TICK = Checkbox.BUTTON_INNER  # the toggle buttons' own mark (SelectionList draws it too)


class MarkedSelectionList(SelectionList[str]):
    """A SelectionList whose boxes read X (ticked) or blank (not ticked)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != TICK:
            return strip
        _, scroll_y = self.scroll_offset
        try:
            option = self.get_option_at_index(scroll_y + y)
        except Exception:  # past the last option: leave the line alone
            return strip
        mark = TICK if option.value in self.selected else OFF
        segments[1] = Segment(mark, segments[1].style, segments[1].control)
        return Strip(segments, strip.cell_length)


class MarkedRadioButton(RadioButton):
    """A radio button that reads ● when picked and blank when not."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.BUTTON_INNER = RadioButton.BUTTON_INNER if self.value else OFF

    def watch_value(self) -> None:
        self.BUTTON_INNER = RadioButton.BUTTON_INNER if self.value else OFF
        super().watch_value()
