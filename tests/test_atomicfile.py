"""The one atomic-write helper serves sessions (replace, with a backup) and exports (exclusive)."""

from __future__ import annotations

import pytest

from interview.atomicfile import atomic_write, stale_temp_files


def test_exclusive_never_replaces_a_file_that_is_there(tmp_path):
    target = tmp_path / "out.xlsx"
    atomic_write(target, b"first", keep_backup=False, exclusive=True)
    assert target.read_bytes() == b"first"
    with pytest.raises(FileExistsError):
        atomic_write(target, b"second", keep_backup=False, exclusive=True)
    assert target.read_bytes() == b"first"
    assert not stale_temp_files(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


def test_replace_keeps_the_previous_version_as_backup(tmp_path):
    target = tmp_path / "s.toml"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert (tmp_path / "s.toml.bak").read_bytes() == b"one"
    assert (target.stat().st_mode & 0o777) == 0o600
