"""The per-user cache folder: things worth keeping between runs that can be rebuilt.

``$INTERVIEW_CACHE_DIR``, else ``$XDG_CACHE_HOME/interview``, else ``~/.cache/interview``;
``INTERVIEW_CACHE_DIR=off`` turns every cache off. Each file in it can be deleted at any
time: whatever is missing, truncated or from another version is built anew.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """The cache folder (not created here), or None when caching is turned off."""
    configured = os.environ.get("INTERVIEW_CACHE_DIR", "")
    if configured.lower() == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "interview"
