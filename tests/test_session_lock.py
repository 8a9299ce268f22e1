"""One app per session: a second open is refused naming the holder; stale locks recover."""

from __future__ import annotations

import errno
import io
import os
import re
import signal
import socket
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import portalocker
import pytest
from helpers import new_session

from interview.catalog import Catalog
from interview.session import lock as lock_module
from interview.session.errors import (
    SessionError,
    SessionFileError,
    SessionLockedError,
    UnsafeLockPathError,
)
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

    class NoLocks:
        LOCK_EX = LOCK_NB = 0
        AlreadyLocked = LockException = portalocker.LockException

        @staticmethod
        def lock(fd: int, flags: int) -> None:
            raise portalocker.LockException(OSError(errno.ENOLCK, "No locks available"))

        @staticmethod
        def unlock(fd: int) -> None:
            pass

    class AlreadyLockedNever(Exception):
        pass

    NoLocks.AlreadyLocked = AlreadyLockedNever
    monkeypatch.setattr(lock_module, "_locker", NoLocks)


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


# --- links and non-regular lock paths never act (issue 11.1, 11.7) ------------------------


def test_a_symlinked_lock_is_refused_and_its_target_untouched(
    store: SessionStore, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch\n")
    sidecar = lock_path(store.path_for("a"))
    sidecar.symlink_to(victim)
    session = store.load("a")
    attempts = [
        lambda: store.open("a"),
        lambda: store.save(session),
        lambda: store.restore_backup("a"),
        lambda: new_session(store, "株式会社ロック", "api_connector", session_id="a"),
    ]
    for attempt in attempts:
        with pytest.raises(UnsafeLockPathError) as err:
            attempt()
        assert "シンボリックリンク" in str(err.value) and str(sidecar) in str(err.value)
        assert (err.value.code, err.value.kind) == ("unsafe_lock_path", "symlink")
    assert victim.read_text() == "do not touch\n"
    assert sidecar.is_symlink()
    # a dangling link is refused too (O_EXCL never creates through it)
    victim.unlink()
    with pytest.raises(UnsafeLockPathError):
        store.open("a")
    assert not victim.exists()


def test_a_lock_path_that_is_a_folder_is_refused(store: SessionStore) -> None:
    lock_path(store.path_for("a")).mkdir()
    with pytest.raises(UnsafeLockPathError, match="フォルダ"):
        store.open("a")


def test_a_symlinked_session_file_is_refused_not_detached(
    store: SessionStore, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    real = store.path_for("a")
    target = shared / "b.toml"
    real.rename(target)
    link = store.path_for("b")
    link.symlink_to(target)
    before = target.read_bytes()
    with pytest.raises(SessionFileError, match="シンボリックリンク"):
        store.open("b")
    with pytest.raises(SessionFileError, match="シンボリックリンク"):
        store.load("b")
    assert link.is_symlink() and target.read_bytes() == before
    summaries, problems = store.list_summaries({})
    assert [s.id for s in summaries] == [] and "シンボリックリンク" in problems[0]


# --- interview unlock (issue 11.9) ---------------------------------------------------------


def _cli(store: SessionStore, *args: str) -> int:
    from interview.cli.main import main

    return main(["--sessions-dir", str(store.directory), *args])


@pytest.mark.usefixtures("no_flock")
def test_the_locked_message_names_interview_unlock(store: SessionStore) -> None:
    path = store.path_for("a")
    lock_path(path).write_text('pid = 1\nhost = "other-host.example"\n')
    os.chmod(lock_path(path), 0o600)
    assert "interview unlock a" in _locked_message(store)


def test_unlock_shows_the_holder_and_needs_yes_without_a_terminal(
    store: SessionStore, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sidecar = lock_path(store.path_for("a"))
    sidecar.write_text(
        'pid = 4242\nhost = "other-host.example"\nsince = 2026-11-25T10:00:00+09:00\n'
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal
    assert _cli(store, "unlock", "a") == 1
    captured = capsys.readouterr()
    assert "PID 4242" in captured.out and "other-host.example" in captured.out
    assert "--yes" in captured.err
    assert sidecar.exists()
    assert _cli(store, "unlock", "a", "--yes") == 0
    assert "解除しました" in capsys.readouterr().out
    assert not sidecar.exists()
    store.open("a").close()  # usable again
    assert _cli(store, "unlock", "a") == 0
    assert "ロックされていません" in capsys.readouterr().out


def test_unlock_asks_on_a_terminal(
    store: SessionStore, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sidecar = lock_path(store.path_for("a"))
    sidecar.write_text('pid = 4242\nhost = "other-host.example"\n')

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Tty())
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert _cli(store, "unlock", "a") == 1 and sidecar.exists()
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert _cli(store, "unlock", "a") == 0 and not sidecar.exists()


def test_unlock_warns_when_the_holder_is_still_running(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    proc = _hold(store, "a")
    try:
        assert _cli(store, "unlock", "a", "--yes") == 0
        assert "まだ使われている" in capsys.readouterr().out
    finally:
        proc.kill()
        proc.wait()


# --- no fcntl (Windows-like): new and save still work ---------------------------------------

NO_FCNTL = textwrap.dedent(
    """
    import sys
    sys.modules["fcntl"] = None  # as on Windows: importing fcntl fails
    from interview.cli.main import main
    from interview.session import lock
    from interview.session.errors import SessionLockedError
    from interview.session.store import SessionStore
    assert lock._locker is None, "portalocker should be unusable without fcntl"
    code = main(["--sessions-dir", sys.argv[1], "new", "--org", "窓株式会社",
                 "--party", "api_connector", "--id", "w"])
    assert code == 0
    store = SessionStore(sys.argv[1])
    with store.open("w") as handle:
        try:
            SessionStore(sys.argv[1]).open("w")
        except SessionLockedError:
            pass
        else:
            raise SystemExit("a second open was not refused")
        handle.session.follow_ups["1"] = "確認"
        handle.save()
    assert store.load("w").follow_ups == {"1": "確認"}
    print("ok")
    """
)


def test_new_and_save_work_without_fcntl(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", NO_FCNTL, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("ok")
    assert not any(p.name.endswith(".lock") for p in tmp_path.iterdir())


def test_a_failed_lock_write_leaves_no_empty_sidecar(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(self: SessionLock, fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SessionLock, "_write_me", disk_full)
    with pytest.raises(SessionError, match="ロックファイルを作れません"):
        store.open("a")
    assert not lock_path(store.path_for("a")).exists()
