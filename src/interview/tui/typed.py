"""A typed way for screens and widgets to reach the application (no ``type: ignore``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from interview.tui.app import InterviewApp


def interview_app(node: DOMNode) -> InterviewApp:
    """The running :class:`InterviewApp` of *node*."""
    return cast("InterviewApp", node.app)
