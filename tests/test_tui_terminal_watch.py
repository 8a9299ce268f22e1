"""The app leaves when its terminal is gone (a closed pane, a dropped SSH link), instead of
spinning on a dead terminal with its session locked."""

from __future__ import annotations

import os
import pty

import pytest

from interview.tui import terminal_watch
from interview.tui.terminal_watch import terminal_alive, watch_terminal


def test_a_hung_up_terminal_is_seen_as_gone():
    master, slave = pty.openpty()
    try:
        assert terminal_alive(slave)
        os.close(master)  # the terminal window closes
        assert not terminal_alive(slave)
    finally:
        os.close(slave)
    assert not terminal_alive(slave)  # nor a closed descriptor


class _StubApp:
    """What watch_terminal uses of an app: is_headless, set_interval, exit."""

    def __init__(self, headless: bool = False) -> None:
        self.is_headless = headless
        self.checks: list[object] = []
        self.exited = False

    def set_interval(self, interval: float, callback: object, name: str = "") -> None:
        assert name == "terminal-watch" and interval > 0
        self.checks.append(callback)

    def exit(self) -> None:
        self.exited = True


def test_the_app_exits_when_its_terminal_hangs_up(monkeypatch: pytest.MonkeyPatch):
    master, slave = pty.openpty()
    ended: list[bool] = []
    monkeypatch.setattr(terminal_watch, "_terminal_fd", lambda: slave)
    monkeypatch.setattr(terminal_watch, "end_process_later", lambda: ended.append(True))
    app = _StubApp()
    try:
        watch_terminal(app)  # type: ignore[arg-type]
        (check,) = app.checks
        check()  # type: ignore[operator]
        assert not app.exited and not ended  # the terminal is there: nothing happens
        os.close(master)
        check()  # type: ignore[operator]
        assert app.exited and ended == [True]
    finally:
        os.close(slave)


def test_a_headless_app_is_not_watched(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(terminal_watch, "_terminal_fd", lambda: 0)
    app = _StubApp(headless=True)
    watch_terminal(app)  # type: ignore[arg-type]
    assert app.checks == []
