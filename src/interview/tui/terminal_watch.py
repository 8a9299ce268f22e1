"""Leave when the terminal is gone (a closed tmux pane or terminal window, a dropped SSH link).

A hang-up normally ends the process (SIGHUP), but not always: started through ``make run``,
the app was left running after its tmux pane was closed, reading end-of-file from the dead
terminal in a loop (a whole core) and holding its session's lock, so the session could not
be opened again. The app now checks its terminal once a second and exits when it is gone.
Nothing is lost: every answer is saved when it is given.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any

from textual.app import App

INTERVAL = 1.0  # seconds between checks
GRACE = 3.0  # seconds the app has to exit by itself before the process ends anyway


def terminal_alive(fd: int) -> bool:
    """Whether *fd* is still a terminal that answers (a hung-up one fails with EIO)."""
    try:
        os.get_terminal_size(fd)
    except OSError:
        return False
    return True


def _terminal_fd() -> int | None:
    """The descriptor the app reads its keys from, if it is a live terminal."""
    stdin = sys.__stdin__
    if stdin is None:
        return None
    try:
        fd = stdin.fileno()
    except (AttributeError, ValueError, OSError):
        return None
    return fd if os.isatty(fd) and terminal_alive(fd) else None


def end_process_later() -> None:
    """End the process after GRACE seconds, however the exit is going (a daemon thread)."""
    timer = threading.Timer(GRACE, os._exit, args=(0,))
    timer.daemon = True
    timer.start()


def watch_terminal(app: App[Any]) -> None:
    """Check *app*'s terminal every second; when it is gone, exit (and end the process if
    the exit cannot finish, as writing to a dead terminal may block). Not for a headless
    app or one served to a browser (its keys do not come from a terminal)."""
    if app.is_headless:
        return
    fd = _terminal_fd()
    if fd is None:
        return

    def check() -> None:
        if terminal_alive(fd):
            return
        # the process ends even if Textual cannot restore a terminal that is no longer there
        end_process_later()
        app.exit()

    app.set_interval(INTERVAL, check, name="terminal-watch")
