"""Errors that reach the user as a plain message (never a traceback)."""


class UserError(Exception):
    """A problem the user can fix: bad input, a missing file, a locked session."""

    exit_code = 1
