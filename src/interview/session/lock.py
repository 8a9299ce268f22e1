"""A sidecar lock (``<id>.toml.lock``) so that only one app at a time edits a session.

The data file itself is never locked: every save replaces it with a new inode. The lock
is an OS lock on the sidecar, taken through portalocker (``flock`` on Linux and macOS,
``msvcrt.locking`` on Windows), which the OS drops when the holder dies, so a lock left
behind by a killed app is recovered simply by taking it. The sidecar also records who
holds it (pid, host, time) for the refusal message and for ``interview unlock``.

Where no OS lock is available (some network file systems, or a Python without
``fcntl``/``msvcrt``) the recorded holder decides: the sidecar is created exclusively,
and a holder whose pid is dead on this host is stale and taken over.

The sidecar never follows a link: it is created with ``O_CREAT|O_EXCL|O_NOFOLLOW``,
an existing one must be a regular file (checked with ``lstat`` and ``fstat``), and
anything else is refused with :class:`UnsafeLockError`, so a planted symlink can never
make the app truncate or write the file it points to.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import stat
import sys
import time
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import ModuleType

import tomli_w

from interview.atomicfile import FILE_MODE
from interview.engine.answers import now
from interview.errors import Message


def _load_locker() -> ModuleType | None:
    try:
        import portalocker
    except ImportError:  # no fcntl / msvcrt here: fall back on the recorded holder
        return None
    return portalocker


_locker = _load_locker()

_OPEN_FLAGS = (
    os.O_RDWR
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    since: datetime | None

    def describe(self) -> str:
        when = self.since.astimezone().strftime("%Y-%m-%d %H:%M:%S") if self.since else None
        return str(Message("lock_holder", pid=self.pid, host=self.host, since=when))

    def is_dead_here(self) -> bool:
        """True when the holder ran on this host and its process no longer exists."""
        return self.host == socket.gethostname() and not pid_alive(self.pid)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return True  # cannot tell (e.g. Windows without the right): assume alive
    return True


def _windows_pid_alive(pid: int) -> bool:
    """On Windows os.kill(pid, 0) would terminate the process: ask the kernel instead."""
    import ctypes

    if sys.platform != "win32":
        raise OSError("Windows only")
    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # ERROR_ACCESS_DENIED: exists, someone else's
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def parse_holder(raw: bytes) -> LockHolder | None:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
        since = data.get("since")
        return LockHolder(
            pid=int(data["pid"]),
            host=str(data.get("host", "")),
            since=since if isinstance(since, datetime) else None,
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None


def read_holder(fd: int) -> LockHolder | None:
    """The holder recorded in the open lock file *fd* (None if empty or unreadable)."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 4096)
    except OSError:
        return None
    return parse_holder(raw)


class LockBusyError(Exception):
    """Raised by :meth:`SessionLock.acquire` when another live process holds the lock."""

    def __init__(self, holder: LockHolder | None) -> None:
        self.holder = holder
        super().__init__(holder.describe() if holder else str(Message("lock_holder_unknown")))


class UnsafeLockError(Exception):
    """The sidecar path is a link, a folder or another non-regular file: never used."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.kind = kind
        super().__init__(f"{path} is a {kind}, not a regular file")


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "symlink"
    if stat.S_ISDIR(mode):
        return "directory"
    return "special file"


def open_sidecar(path: Path, create: bool = True) -> tuple[int, bool]:
    """Open the sidecar *path* without following links: (fd, created by this call)."""
    for _ in range(20):
        if create:
            try:
                return os.open(path, _OPEN_FLAGS | os.O_CREAT | os.O_EXCL, FILE_MODE), True
            except FileExistsError:
                pass
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            if not create:
                raise
            continue  # removed between the two calls: create it
        if not stat.S_ISREG(st.st_mode):
            raise UnsafeLockError(path, _kind(st.st_mode))
        try:
            fd = os.open(path, _OPEN_FLAGS)
        except FileNotFoundError:
            if not create:
                raise
            continue
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # a link swapped in after the lstat
                raise UnsafeLockError(path, "symlink") from None
            raise
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise UnsafeLockError(path, "special file")
        return fd, False
    raise LockBusyError(None)


def os_lock(fd: int) -> bool | None:
    """Take the OS lock on *fd*: True when taken, None when this system has none.

    Raises LockBusyError (without a holder) when another process holds it.
    """
    if _locker is None:
        return None
    try:
        _locker.lock(fd, _locker.LOCK_EX | _locker.LOCK_NB)
    except _locker.AlreadyLocked:
        raise LockBusyError(None) from None
    except _locker.LockException:
        return None  # e.g. ENOLCK on a network mount: trust the recorded holder
    return True


def os_unlock(fd: int) -> None:
    if _locker is not None:
        with contextlib.suppress(Exception):
            _locker.unlock(fd)


class SessionLock:
    """Exclusive, non-blocking lock of one session file."""

    def __init__(self, path: Path) -> None:
        self.path = lock_path(path)
        self._fd: int | None = None
        self._os_locked = False
        self.recovered: LockHolder | None = None  # a stale holder taken over, if any

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            raise LockBusyError(self._me())
        self.recovered = None
        for _ in range(20):  # retry only if the sidecar was swapped under us
            fd, created = open_sidecar(self.path)
            try:
                taken = self._try_lock(fd, created)
                if taken and self._still_current(fd):
                    if not created:
                        self.recovered = read_holder(fd)
                    self._write_me(fd)
                    self._fd = fd
                    return
            except BaseException:
                if created and self._still_current(fd):
                    with contextlib.suppress(OSError):
                        os.unlink(self.path)  # e.g. disk full: leave no empty sidecar
                if self._os_locked:
                    os_unlock(fd)
                    self._os_locked = False
                os.close(fd)
                raise
            if self._os_locked:
                os_unlock(fd)
                self._os_locked = False
            os.close(fd)
        raise LockBusyError(None)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        # Unlink while still locked (a waiter then sees a swapped file), and only if the
        # sidecar is still ours: after `interview unlock` it may be another app's. Emptied
        # first: where an open file cannot be removed (Windows) no stale holder is left.
        if self._still_current(fd):
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        if self._os_locked:
            os_unlock(fd)
            self._os_locked = False
        os.close(fd)

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    # --- internals ------------------------------------------------------------------------

    def _try_lock(self, fd: int, created: bool) -> bool:
        """True when locked; False when the sidecar changed; LockBusyError when held."""
        try:
            locked = os_lock(fd)
        except LockBusyError:
            holder = read_holder(fd)
            if holder is None or holder.is_dead_here():
                # The new holder may not have written its name yet: look once more.
                time.sleep(0.02)
                holder = read_holder(fd)
            raise LockBusyError(holder) from None
        if locked:
            self._os_locked = True
            return True
        # No OS lock here: the exclusive create decides, then the recorded holder.
        if created:
            return True
        holder = read_holder(fd)
        if holder is None:
            # Being written by its creator right now, or left empty by a crash.
            time.sleep(0.02)
            holder = read_holder(fd)
        if holder is not None and (holder.pid == os.getpid() or not holder.is_dead_here()):
            raise LockBusyError(holder)
        # Stale: take it over by replacing the file, so that only one taker wins.
        self.recovered = holder
        with contextlib.suppress(FileNotFoundError):
            if self._still_current(fd):
                os.unlink(self.path)
        return False  # retry: the exclusive create decides between racing takers

    def _still_current(self, fd: int) -> bool:
        """False when the sidecar was unlinked/replaced after we opened it (a release raced)."""
        try:
            return os.lstat(self.path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    @staticmethod
    def _me() -> LockHolder:
        return LockHolder(pid=os.getpid(), host=socket.gethostname(), since=now())

    def _write_me(self, fd: int) -> None:
        me = self._me()
        text = tomli_w.dumps({"pid": me.pid, "host": me.host, "since": me.since})
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text.encode("utf-8"))


@dataclass(frozen=True)
class LockState:
    """What ``interview unlock`` shows before removing a lock."""

    path: Path
    holder: LockHolder | None
    in_use: bool | None  # True: the OS says a process holds it; None: cannot tell


def inspect_lock(path: Path) -> LockState | None:
    """The lock of the session file *path*, None when there is none."""
    sidecar = lock_path(path)
    try:
        fd, _ = open_sidecar(sidecar, create=False)
    except FileNotFoundError:
        return None
    try:
        holder = read_holder(fd)
        try:
            locked = os_lock(fd)
        except LockBusyError:
            return LockState(sidecar, holder, True)
        if locked:
            os_unlock(fd)
            return LockState(sidecar, holder, False)
        return LockState(sidecar, holder, None)
    finally:
        os.close(fd)


def break_lock(path: Path) -> None:
    """Remove the sidecar of the session file *path* (``interview unlock``)."""
    sidecar = lock_path(path)
    st = os.lstat(sidecar)
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeLockError(sidecar, _kind(st.st_mode))
    os.unlink(sidecar)
