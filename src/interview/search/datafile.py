"""Reading the search's own data files (``outside.toml``, ``generic.toml`` …)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def read_data(path: Path) -> dict[str, Any]:
    """The file's tables, or {} when the file is missing (the search then works without it)."""
    import tomllib

    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        return {}
