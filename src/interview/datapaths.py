"""Where the shipped data (catalog, question banks) lives.

In a wheel the data is packed under ``interview/_data``; in a source checkout
(editable install) it sits at the repository's top level.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_ROOT = _PACKAGE_DIR.parent.parent


def data_dir(name: str) -> Path:
    """Return the folder of shipped data called *name* (``catalog`` or ``question_banks``)."""
    packed = _PACKAGE_DIR / "_data" / name
    if packed.is_dir():
        return packed
    return _REPO_ROOT / name


def catalog_dir() -> Path:
    return data_dir("catalog")


def question_banks_dir() -> Path:
    return data_dir("question_banks")
