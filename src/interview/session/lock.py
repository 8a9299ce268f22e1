"""A sidecar lock (``<id>.toml.lock``) so that only one app at a time edits a session.

The data file itself is never locked: every save replaces it with a new inode. The lock
is ``fcntl.flock`` on the sidecar, which the kernel drops when the holder dies, so a lock
left behind by a killed app is recovered simply by taking it. The sidecar also records
who holds it (pid, host, time) for the refusal message. Where ``flock`` is not supported
(some network file systems) the recorded pid decides: a lock whose holder pid is dead
on this host is stale and taken over.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import socket
import time
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import tomli_w

from interview.engine.answers import now
from interview.session.atomic import FILE_MODE


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    since: datetime | None

    def describe(self) -> str:
        when = self.since.astimezone().strftime("%Y-%m-%d %H:%M:%S") if self.since else "不明"
        return f"PID {self.pid}、ホスト {self.host}、{when}から使用中"

    def is_dead_here(self) -> bool:
        """True when the holder ran on this host and its process no longer exists."""
        return self.host == socket.gethostname() and not pid_alive(self.pid)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def read_holder(fd: int) -> LockHolder | None:
    """The holder recorded in the open lock file *fd* (None if empty or unreadable)."""
    try:
        raw = os.pread(fd, 4096, 0)
        data = tomllib.loads(raw.decode("utf-8"))
        since = data.get("since")
        return LockHolder(
            pid=int(data["pid"]),
            host=str(data.get("host", "")),
            since=since if isinstance(since, datetime) else None,
        )
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None


class LockBusyError(Exception):
    """Raised by :meth:`SessionLock.acquire` when another live process holds the lock."""

    def __init__(self, holder: LockHolder | None) -> None:
        self.holder = holder
        super().__init__(holder.describe() if holder else "使用中（保持者は不明）")


class SessionLock:
    """Exclusive, non-blocking lock of one session file."""

    def __init__(self, path: Path) -> None:
        self.path = lock_path(path)
        self._fd: int | None = None
        self.recovered: LockHolder | None = None  # a stale holder taken over, if any

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            raise LockBusyError(self._me())
        for _ in range(20):  # retry only if the sidecar was swapped under us
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
            try:
                if self._try_lock(fd) and self._still_current(fd):
                    self.recovered = read_holder(fd)
                    try:
                        self._write_me(fd)
                    except OSError:  # e.g. disk full: leave no empty lock file behind
                        with contextlib.suppress(OSError):
                            os.unlink(self.path)
                        raise
                    self._fd = fd
                    return
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)
        raise LockBusyError(None)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)  # while still locked: a waiter then sees a swapped file
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    # --- internals ------------------------------------------------------------------------

    def _try_lock(self, fd: int) -> bool:
        """True when locked; False when the sidecar changed; LockBusyError when held."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            holder = read_holder(fd)
            if holder is None or holder.is_dead_here():
                # The new holder may not have written its name yet: look once more.
                time.sleep(0.02)
                holder = read_holder(fd)
            raise LockBusyError(holder) from None
        except OSError as exc:
            if exc.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
                raise
        # flock is not available here: trust the recorded holder.
        holder = read_holder(fd)
        if holder is not None and holder.pid != os.getpid() and not holder.is_dead_here():
            raise LockBusyError(holder)
        return True

    def _still_current(self, fd: int) -> bool:
        """False when the sidecar was unlinked/replaced after we opened it (a release raced)."""
        try:
            return os.stat(self.path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    @staticmethod
    def _me() -> LockHolder:
        return LockHolder(pid=os.getpid(), host=socket.gethostname(), since=now())

    def _write_me(self, fd: int) -> None:
        me = self._me()
        text = tomli_w.dumps({"pid": me.pid, "host": me.host, "since": me.since})
        os.ftruncate(fd, 0)
        os.pwrite(fd, text.encode("utf-8"), 0)
