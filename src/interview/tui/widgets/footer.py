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

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = shown_keys(self.screen)
        compact = self.compact
        for widget in super().compose():
            if isinstance(widget, FooterKey) and "compact" in (
                getattr(widget, "_reactive_connect", None) or {}
            ):
                # A key starts compact and is then bound to the footer's setting: two class
                # changes, each restyling the key, for every key of every footer composed.
                # Given the footer's setting up front, it mounts styled once, as it ends up.
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        if (
            self._shown is not None
            and self.is_attached
            and screen is self.screen
            and shown_keys(screen) == self._shown
        ):
            return  # the same keys: nothing to redraw
        super().bindings_changed(screen)
