"""Make untrusted text safe to show in a terminal (no escape sequences, no controls)."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def printable(text: str) -> str:
    """Replace control characters, bidi overrides and lone surrogates with visible marks."""
    text = _SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub(
        lambda m: f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 0x100 else "\ufffd", text
    )
