"""The key footer, rebuilt only when the keys it shows change.

Textual's ``Footer`` recomposes (about fifteen child widgets, each styled anew) every time a
screen's bindings are refreshed: on each focus change and each ``refresh_bindings``. In the
chat that happens after almost every reply, although the keys shown rarely change. This
footer compares what it would show with what it shows and recomposes only on a difference.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# A key's own setting until bound (read from the class: reading a key's would set it up).
KEY_COMPACT_DEFAULT = bool(getattr(FooterKey.compact, "_default", True))

_Shown = tuple[tuple[str, str, str, bool, str], ...]


def shown_keys(screen: Screen) -> _Shown:
    """What the footer would draw for *screen*: key, label, action, enabled, tooltip."""
    return tuple(
        (binding.key, binding.description, binding.action, enabled, tooltip)
        for (_, binding, enabled, tooltip) in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """A ``Footer`` that skips recomposing when the shown keys are the same."""

    _shown: _Shown | None = None
    _recompose_due = False  # a recompose is scheduled: it will show the keys as they are then

    def compose(self) -> ComposeResult:
        self._recompose_due = False
        if self._bindings_ready:
            self._shown = shown_keys(self.screen)
        compact = self.compact
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # A key starts compact (its class set, restyling it) and most are then bound
                # to the footer's setting (set again, restyled again), for every key of every
                # footer composed. Given its final setting up front, it mounts styled once.
                bound = "compact" in (getattr(widget, "_reactive_connect", None) or {})
                final = compact if bound else KEY_COMPACT_DEFAULT
                widget.set_reactive(FooterKey.compact, final)
                widget.set_class(final, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            if self._recompose_due:
                return  # the recompose already scheduled reads the keys when it runs
            if self._shown is not None and shown_keys(screen) == self._shown:
                return  # the same keys: nothing to redraw
            self._recompose_due = screen.app.app_focus  # Footer schedules one only then
        super().bindings_changed(screen)
