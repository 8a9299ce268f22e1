"""A disk cache for the built search indexes of the shipped checklist.

Building the checklist index (folding and tokenising every item text, question and
hint) takes ~100 ms; loading it back takes a few. The cache file is named by a hash
of everything the index is built from (the shipped catalog and question bank files,
the synonym table, the search code) so a change to any of them builds anew. A cache
that cannot be read or written is ignored: search never fails because of it.

Where: ``$INTERVIEW_CACHE_DIR``, else ``$XDG_CACHE_HOME/interview``, else
``~/.cache/interview``. ``INTERVIEW_CACHE_DIR=off`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from interview.usercache import cache_dir

T = TypeVar("T")
FORMAT = 1


def fingerprint(paths: Iterable[Path]) -> str:
    """A hash of the names, sizes and modification times of *paths* (files, or folders
    of ``.toml`` files)."""
    digest = hashlib.sha256(f"{FORMAT}|{sys.version}".encode())
    for path in paths:
        files = sorted(path.rglob("*.toml")) if path.is_dir() else [path]
        for file in files:
            try:
                stat = file.stat()
            except OSError:
                continue
            if file.is_file():
                digest.update(f"{file}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """The object cached as *kind* under *key*, or *build*'s result (then cached)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{kind}-{key}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)  # our own file, named by a hash of its sources
    except Exception:  # missing, truncated, from another version: build anew
        pass
    value = build()
    _write(folder, kind, path, value)
    return value


def _write(folder: Path, kind: str, path: Path, value: object) -> None:
    temp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{kind}-", delete=False) as f:
            temp = Path(f.name)
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
        temp = None
        for old in folder.glob(f"{kind}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)
