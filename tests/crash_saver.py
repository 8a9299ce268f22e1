"""A fork server for tests/test_session_crash.py: savers that start in milliseconds.

Run as a script, it imports the session store once, then serves commands on stdin, one JSON
list per line, answering each on stdout:

- ``["start", DIRECTORY, SESSION_ID, ACK_FILE]`` forks a saver and answers its pid. The saver adds
  an answer and saves, again and again; after each save returns it appends the count to
  ACK_FILE with one small ``write`` (whole or not at all).
- ``["reap", PID]`` waits for that saver (the test has killed it) and answers its wait status.

The server itself is single-threaded, so forking from it is safe.
"""

from __future__ import annotations

import json
import os
import sys

from interview.engine.answers import Answer, Status
from interview.session.store import SessionStore


def save_forever(directory: str, session_id: str, ack_file: str) -> None:
    acks = os.open(ack_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        handle = SessionStore(directory).open(session_id)
        count = sum(1 for qid in handle.session.answers if qid.startswith("n."))
        while True:
            count += 1
            handle.session.answers[f"n.{count}"] = Answer(status=Status.DONE, detail=f"回答{count}")
            handle.save()
            os.write(acks, f"{count}\n".encode())
    except BaseException as error:  # the test fails on this line
        os.write(acks, f"error: {error!r}\n".encode())
        os._exit(1)


def serve() -> None:
    for line in sys.stdin:
        command, *args = json.loads(line)
        if command == "start":
            pid = os.fork()
            if pid == 0:
                save_forever(*args)
                os._exit(0)
            print(pid, flush=True)
        elif command == "reap":
            _, status = os.waitpid(args[0], 0)
            print(status, flush=True)


if __name__ == "__main__":
    serve()
