"""Errors that reach the user as a plain message (never a traceback).

The core words nothing: it raises with a :class:`Message` (an ASCII code and its data).
The sentences live at the edge (``interview.messages``), which the package installs with
:func:`install_wording`; ``str()`` of a message, or of an error carrying one, asks it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Wording = Callable[[str, Mapping[str, Any]], "str | None"]
_wordings: list[Wording] = []


def install_wording(wording: Wording) -> None:
    """Use *wording* (code, data → sentence, or None when it has none) for every message."""
    _wordings[:] = [wording]


def worded(code: str, data: Mapping[str, Any]) -> str:
    """The installed sentence for *code*; ``code(key=value, …)`` when none is installed."""
    for wording in _wordings:
        text = wording(code, data)
        if text is not None:
            return text
    details = ", ".join(f"{k}={v!r}" for k, v in data.items())
    return f"{code}({details})"


class Message:
    """A sentence for a person, kept as a code and its data until someone reads it."""

    __slots__ = ("code", "data")

    def __init__(self, code: str, /, **data: Any) -> None:
        self.code = code
        self.data = data

    def __str__(self) -> str:
        return worded(self.code, self.data)

    def __repr__(self) -> str:
        details = "".join(f", {k}={v!r}" for k, v in self.data.items())
        return f"Message({self.code!r}{details})"


class UserError(Exception):
    """A problem the user can fix: bad input, a missing file, a locked session.

    ``code`` names the kind of problem in ASCII (for scripts and for front ends that
    word it themselves); ``str()`` is the Japanese message. The core raises with a
    :class:`Message` (its code becomes the error's ``code``); the front ends may pass
    a sentence of their own.
    """

    exit_code = 1
    code = "user_error"
    data: Mapping[str, Any] = {}

    def __init__(self, message: str | Message = "", /) -> None:
        if isinstance(message, Message):
            self.code = message.code
            self.data = message.data
        super().__init__(message)


class CoreError(Exception):
    """A problem found by the core, as a code and its data; the front ends word it.

    ``code`` is a stable ASCII name (``"item_not_for_party"``), ``data`` what a message
    needs (``{"item": 8, "party": "api_connector"}``). ``str()`` is for logs, not people:
    :func:`interview.wording.core_message` gives the Japanese sentence.
    """

    def __init__(self, code: str, **data: object) -> None:
        self.code = code
        self.data = data
        super().__init__(code, data)

    def __str__(self) -> str:
        details = ", ".join(f"{k}={v!r}" for k, v in self.data.items())
        return f"{self.code}({details})"


def os_error_message(exc: OSError) -> Message:
    """An OS error as a message: its errno name, the OS's own text and the file."""
    import errno

    return Message(
        "os_error",
        errno=errno.errorcode.get(exc.errno or 0, ""),
        strerror=exc.strerror or type(exc).__name__,
        filename=exc.filename,
    )


def describe_os_error(exc: OSError) -> str:
    """A plain sentence for an OS error (no traceback, no Python repr)."""
    return str(os_error_message(exc))
