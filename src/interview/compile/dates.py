"""The month by which an unresolved answer will be answered: 「2027-01」 → 「2027年1月」."""

from __future__ import annotations

import re

from interview.errors import Message

_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*末?\s*(?:まで(?:に)?)?\s*$")


def parse_due_month(text: str) -> str:
    """「2027-01」「2027/1」「2027年1月」「2027年1月末」 → 「2027年1月」; ValueError otherwise."""
    folded = text.replace("　", " ").translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    match = _MONTH.match(folded)
    if not match:
        raise ValueError(Message("due_month_format", text=text))
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12 or not 2000 <= year <= 2099:
        raise ValueError(Message("due_month_invalid", text=text))
    return f"{year}年{month}月"
