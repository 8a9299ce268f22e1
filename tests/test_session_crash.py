"""kill -9 in the middle of a save loop, again and again: the file is always readable and
holds every answer whose save had returned."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers import new_session

from interview.catalog import Catalog
from interview.engine.answers import Answer, Status
from interview.session.atomic import stale_temp_files
from interview.session.store import SessionStore

KILLS = 55
PARALLEL = 5  # independent sessions killed side by side, to keep the test short

SERVER = Path(__file__).with_name("crash_saver.py")


def _seed(store: SessionStore, session_id: str) -> None:
    """A session with a realistic amount of text, so that each save takes a while."""
    session = new_session(store, "株式会社クラッシュ", "api_connector", session_id=session_id)
    for n in range(150):
        session.answers[f"{n // 5 + 1}.1.{n % 5 + 1}"] = Answer(
            status=Status.PARTIAL, detail="外部の専門業者による脆弱性診断を年1回実施。" * 3
        )
    store.save(session)


class ForkServer:
    """crash_saver.py as a child process: it forks the savers (see its docstring)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(SERVER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def _ask(self, *command: object) -> int:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        assert answer, f"the fork server died (exit {self.process.poll()})"
        return int(answer)

    def start(self, store: SessionStore, session_id: str, acks: Path) -> int:
        return self._ask("start", str(store.directory), session_id, str(acks))

    def reap(self, pid: int) -> int:
        return self._ask("reap", pid)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)


def _acknowledged(acks: Path) -> int:
    """The last count the saver wrote (a line cut short would not count)."""
    lines = acks.read_bytes().split(b"\n")[:-1] if acks.exists() else []
    for line in lines:
        assert not line.startswith(b"error"), line.decode()
    return int(lines[-1]) if lines else 0


def test_kill_9_during_saves_never_loses_an_acknowledged_answer(
    tmp_path: Path, catalog: Catalog
) -> None:
    rng = random.Random(20261125)
    store = SessionStore(tmp_path)
    ids = [f"crash-{n}" for n in range(PARALLEL)]
    for session_id in ids:
        _seed(store, session_id)
    acknowledged = dict.fromkeys(ids, 0)
    kills_mid_loop = 0
    mid_write = 0
    total = 0
    started = time.monotonic()
    server = ForkServer()
    while total < KILLS:
        ack_files = {sid: tmp_path / f"{sid}-{total}.acks" for sid in ids}
        pids = {sid: server.start(store, sid, ack_files[sid]) for sid in ids}
        # Each saver is killed at a random moment once its save loop is running.
        deadlines: dict[str, float | None] = dict.fromkeys(ids)
        give_up = time.monotonic() + 15
        alive = set(ids)
        while alive:
            time.sleep(0.002)
            for sid in list(alive):
                if deadlines[sid] is None and _acknowledged(ack_files[sid]):
                    deadlines[sid] = time.monotonic() + rng.uniform(0.0, 0.08)
                deadline = deadlines[sid]
                if (deadline is not None and time.monotonic() >= deadline) or (
                    time.monotonic() > give_up
                ):
                    os.kill(pids[sid], signal.SIGKILL)
                    alive.discard(sid)
        for sid in ids:
            status = server.reap(pids[sid])
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, sid
            last = _acknowledged(ack_files[sid])
            if last > acknowledged[sid]:
                kills_mid_loop += 1
            acknowledged[sid] = max(acknowledged[sid], last)
            # The file must parse and hold every acknowledged answer.
            session = store.load(sid)
            saved = {int(q[2:]) for q in session.answers if q.startswith("n.")}
            assert saved >= set(range(1, acknowledged[sid] + 1)), (sid, acknowledged[sid])
            assert len(session.answers) >= 150 + acknowledged[sid]
            store.load_backup(sid)  # the backup is a whole file too
            if stale_temp_files(store.path_for(sid)):
                mid_write += 1  # killed between creating the temp file and replacing
            total += 1
    server.close()
    assert total >= 50
    assert kills_mid_loop == total, "every kill lands while saves are running"
    assert mid_write >= 10, f"only {mid_write} kills landed in the middle of a write"
    assert time.monotonic() - started < 60
