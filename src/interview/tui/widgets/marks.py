"""Check-lists and radio buttons whose state shows without colour (NO_COLOR, monochrome).

Textual draws the same mark for on and off and tells them apart by colour only. Here an
unticked box is blank and a ticked one shows X; an unpicked radio button is blank.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import RadioButton, SelectionList
from textual.widgets._toggle_button import ToggleButton

OFF = " "


class MarkedSelectionList(SelectionList[str]):
    """A SelectionList whose boxes read X (ticked) or blank (not ticked)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        _, scroll_y = self.scroll_offset
        try:
            option = self.get_option_at_index(scroll_y + y)
        except Exception:  # past the last option: leave the line alone
            return strip
        mark = ToggleButton.BUTTON_INNER if option.value in self._selected else OFF
        segments[1] = Segment(mark, segments[1].style, segments[1].control)
        return Strip(segments, strip.cell_length)


class MarkedRadioButton(RadioButton):
    """A radio button that reads ● when picked and blank when not."""

    @property
    def _button(self):
        self.BUTTON_INNER = RadioButton.BUTTON_INNER if self.value else OFF
        return super()._button
