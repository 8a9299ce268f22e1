"""One app per session: a second open is refused naming the holder; stale locks recover."""

from __future__ import annotations

import errno
import os
import re
import signal
import socket
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers import new_session

from interview.catalog import Catalog
from interview.session import lock as lock_module
from interview.session.errors import SessionLockedError
from interview.session.lock import SessionLock, lock_path
from interview.session.store import SessionStore

HOLDER = textwrap.dedent(
    """
    import sys, time
    from interview.session.store import SessionStore
    handle = SessionStore(sys.argv[1]).open(sys.argv[2])
    print("ready", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def store(tmp_path: Path, catalog: Catalog) -> SessionStore:
    s = SessionStore(tmp_path)
    new_session(s, "株式会社ロック", "api_connector", session_id="a")
    return s


def _hold(store: SessionStore, session_id: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store.directory), session_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "ready", proc.stderr.read() if proc.stderr else ""
    return proc


def test_a_second_app_is_refused_with_pid_host_and_time(store: SessionStore) -> None:
    proc = _hold(store, "a")
    try:
        with pytest.raises(SessionLockedError) as err:
            store.open("a")
        message = str(err.value)
        assert f"PID {proc.pid}" in message
        assert socket.gethostname() in message
        assert "から使用中" in message and "そのアプリを閉じて" in message
        with pytest.raises(SessionLockedError):
            store.save(store.load("a"))  # a plain save is refused too
        store.load("a")  # reading (show, list) is still allowed
    finally:
        proc.kill()
        proc.wait()


def test_a_lock_left_by_a_killed_app_is_recovered(store: SessionStore) -> None:
    proc = _hold(store, "a")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert lock_path(store.path_for("a")).exists(), "kill -9 leaves the sidecar behind"
    with store.open("a") as handle:
        assert f"PID {proc.pid}" in handle.recovered_lock
        handle.save()
    assert not lock_path(store.path_for("a")).exists()


def test_the_same_process_cannot_open_twice(store: SessionStore) -> None:
    handle = store.open("a")
    with pytest.raises(SessionLockedError, match=f"PID {os.getpid()}"):
        SessionStore(store.directory).open("a")
    handle.close()
    store.open("a").close()  # released on close


def test_the_lock_file_is_private_and_names_the_holder(store: SessionStore) -> None:
    with store.open("a"):
        sidecar = lock_path(store.path_for("a"))
        assert oct(sidecar.stat().st_mode & 0o777) == "0o600"
        text = sidecar.read_text()
        assert f"pid = {os.getpid()}" in text and "host = " in text and "since = " in text


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.fixture
def no_flock(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system without flock (some network mounts): only the recorded pid counts."""

    def refuse(fd: int, op: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(lock_module.fcntl, "flock", refuse)


def _write_holder(path: Path, pid: int, host: str) -> None:
    lock_path(path).write_text(f'pid = {pid}\nhost = "{host}"\nsince = 2026-11-25T10:00:00+09:00\n')


@pytest.mark.usefixtures("no_flock")
def test_without_flock_a_dead_holder_on_this_host_is_stale(store: SessionStore) -> None:
    path = store.path_for("a")
    _write_holder(path, _dead_pid(), socket.gethostname())
    lock = SessionLock(path)
    lock.acquire()
    assert lock.recovered is not None
    assert f"pid = {os.getpid()}" in lock_path(path).read_text()
    lock.release()


@pytest.mark.usefixtures("no_flock")
def test_without_flock_a_live_or_remote_holder_is_respected(store: SessionStore) -> None:
    path = store.path_for("a")
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _write_holder(path, proc.pid, socket.gethostname())
        with pytest.raises(SessionLockedError, match=f"PID {proc.pid}"):
            store.open("a")
    finally:
        proc.kill()
        proc.wait()
    _write_holder(path, _dead_pid(), "other-host.example")
    with pytest.raises(SessionLockedError, match=re.escape("other-host.example")):
        store.open("a")
    since = datetime(2026, 11, 25, 10, 0, tzinfo=timezone(timedelta(hours=9))).astimezone()
    assert since.strftime("%Y-%m-%d %H:%M:%S") in _locked_message(store)


def _locked_message(store: SessionStore) -> str:
    try:
        store.open("a")
    except SessionLockedError as exc:
        return str(exc)
    raise AssertionError("expected the session to be locked")
