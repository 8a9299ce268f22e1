"""Kept for existing imports: the text-safety policy lives in :mod:`interview.textsafety`."""

from __future__ import annotations

from interview.textsafety import printable

__all__ = ["printable"]
