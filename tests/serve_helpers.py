"""Start ``interview serve`` as a real process on a free port (for the serve tests)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

_SERVE = (sys.executable, "-m", "interview", "serve")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children_of(pid: int) -> set[int]:
    """Every live descendant of *pid* (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            stat = (entry / "stat").read_text()
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        for child, ppid in parents.items():
            if ppid == parent and child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


class Served:
    def __init__(self, process: subprocess.Popen[str], url: str, banner: str) -> None:
        self.process = process
        self.url = url
        self.banner = banner  # the line that gives the URL to open

    def stop(self) -> tuple[int, str]:
        """ctrl+c, as in the terminal; returns (exit status, everything printed)."""
        self.process.send_signal(signal.SIGINT)
        out, _ = self.process.communicate(timeout=15)
        return self.process.returncode, out


@contextlib.contextmanager
def serve(sessions_dir: Path, *extra: str) -> Iterator[Served]:
    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [*_SERVE, "--port", str(port), "--sessions-dir", str(sessions_dir), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 20
        line = ""
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line or line.startswith("ブラウザで開いてください: "):
                break
        assert line.startswith("ブラウザで開いてください: "), f"no URL printed: {line!r}"
        yield Served(process, f"http://127.0.0.1:{port}", line)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
