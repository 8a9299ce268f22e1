"""kill -9 in the middle of a save loop, again and again: the file is always readable and
holds every answer whose save had returned."""

from __future__ import annotations

import os
import random
import selectors
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from helpers import new_session

from interview.catalog import Catalog
from interview.engine.answers import Answer, Status
from interview.session.atomic import stale_temp_files
from interview.session.store import SessionStore

KILLS = 55
PARALLEL = 5  # independent sessions killed side by side, to keep the test short

SAVER = textwrap.dedent(
    """
    import sys
    from interview.engine.answers import Answer, Status
    from interview.session.store import SessionStore

    handle = SessionStore(sys.argv[1]).open(sys.argv[2])
    count = sum(1 for qid in handle.session.answers if qid.startswith("n."))
    while True:
        count += 1
        handle.session.answers[f"n.{count}"] = Answer(status=Status.DONE, detail=f"回答{count}")
        handle.save()
        print(count, flush=True)
    """
)


def _seed(store: SessionStore, session_id: str) -> None:
    """A session with a realistic amount of text, so that each save takes a while."""
    session = new_session(store, "株式会社クラッシュ", "api_connector", session_id=session_id)
    for n in range(150):
        session.answers[f"{n // 5 + 1}.1.{n % 5 + 1}"] = Answer(
            status=Status.PARTIAL, detail="外部の専門業者による脆弱性診断を年1回実施。" * 3
        )
    store.save(session)


def _start(store: SessionStore, session_id: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", SAVER, str(store.directory), session_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _acknowledged(output: bytes) -> int:
    """The last count the saver printed (a line cut by the kill does not count)."""
    lines = output.split(b"\n")
    complete = lines[:-1]  # the last element is '' or a partial line
    return int(complete[-1]) if complete else 0


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
    while total < KILLS:
        procs = {sid: _start(store, sid) for sid in ids}
        outputs = dict.fromkeys(ids, b"")
        # Each saver is killed at a random moment once its save loop is running.
        deadlines: dict[str, float | None] = dict.fromkeys(ids)
        give_up = time.monotonic() + 15
        selector = selectors.DefaultSelector()
        for sid, proc in procs.items():
            assert proc.stdout is not None
            os.set_blocking(proc.stdout.fileno(), False)
            selector.register(proc.stdout, selectors.EVENT_READ, sid)
        alive = set(ids)
        while alive:
            for key, _ in selector.select(timeout=0.005):
                chunk = key.fileobj.read()  # type: ignore[union-attr]
                if chunk:
                    outputs[key.data] += chunk
                    if deadlines[key.data] is None:
                        deadlines[key.data] = time.monotonic() + rng.uniform(0.0, 0.08)
            for sid in list(alive):
                deadline = deadlines[sid]
                if (deadline is not None and time.monotonic() >= deadline) or (
                    time.monotonic() > give_up
                ):
                    procs[sid].send_signal(signal.SIGKILL)
                    alive.discard(sid)
        for sid, proc in procs.items():
            proc.wait()
            assert proc.stdout is not None and proc.stderr is not None
            selector.unregister(proc.stdout)
            os.set_blocking(proc.stdout.fileno(), True)
            outputs[sid] += proc.stdout.read()
            errors = proc.stderr.read().decode()
            proc.stdout.close()
            proc.stderr.close()
            assert proc.returncode == -signal.SIGKILL, errors
            last = _acknowledged(outputs[sid])
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
        selector.close()
    assert total >= 50
    assert kills_mid_loop == total, "every kill lands while saves are running"
    assert mid_write >= 10, f"only {mid_write} kills landed in the middle of a write"
    assert time.monotonic() - started < 60
