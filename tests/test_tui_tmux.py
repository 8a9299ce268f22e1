"""Smoke test in a real terminal: tmux runs the app at 80×24, keys go in, the screen is read."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


class Tmux:
    def __init__(self, tmp_path: Path) -> None:
        self.socket = f"interview-test-{uuid.uuid4().hex[:8]}"
        self.session = "t"
        self.tmp = tmp_path

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            [TMUX, "-L", self.socket, *args], check=True, capture_output=True, text=True
        ).stdout

    def start(self, *argv: str) -> None:
        env = f"TERM=xterm-256color LANG=C.UTF-8 INTERVIEW_SESSIONS_DIR={self.tmp}"
        command = f"{env} {sys.executable} -m interview {' '.join(argv)}"
        self.tmux("new-session", "-d", "-s", self.session, "-x", "80", "-y", "24", command)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def literal(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-t", self.session, "-p")

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear:\n{self.screen()}")

    def alive(self) -> bool:
        return (
            subprocess.run(
                [TMUX, "-L", self.socket, "has-session", "-t", self.session], capture_output=True
            ).returncode
            == 0
        )

    def kill(self) -> None:
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def term(tmp_path):
    t = Tmux(tmp_path)
    yield t
    t.kill()


def test_new_session_answer_quit_and_resume_in_tmux(term, tmp_path):
    term.start()
    term.wait_for("新しく始める")
    term.keys("n")
    term.wait_for("組織名")
    term.literal("端末テスト株式会社")
    term.keys("C-s")
    term.wait_for("［1.1］＜責任者の設置＞")  # the group screen
    term.keys("2")  # not all the same: one by one
    term.keys("Enter")
    term.wait_for("［1.1.1］")
    term.keys("1")
    term.literal("CISOを任命済み")
    term.keys("Enter")
    term.wait_for("［1.1.2］")
    term.literal("いいえ")
    term.keys("Enter")
    shown = term.wait_for("［1.1.3］")
    assert "【未実施】" in shown and "＜責任者の設置＞ 3/3件目" in shown
    term.keys("C-q")
    deadline = time.monotonic() + 10
    while term.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    files = list(tmp_path.glob("*.toml"))
    assert len(files) == 1
    text = files[0].read_text(encoding="utf-8")
    assert 'detail = "CISOを任命済み"' in text and 'status = "not_done"' in text
    assert oct(files[0].stat().st_mode & 0o777) == "0o600"
    # resume puts us back at the next question with the last exchange visible
    term.kill()
    term.start("resume", files[0].stem)
    shown = term.wait_for("［1.1.3］")
    assert "【未実施】" in shown  # the last exchange is on screen


def test_the_reply_field_stays_visible_on_the_longest_checklist_at_80x24(term, tmp_path):
    """Issue 12 item 6: on 1.2.2 (nine options) what you type is on screen, above the footer."""
    from interview.session.store import SessionStore

    SessionStore(tmp_path).create("端末テスト株式会社", "api_connector", session_id="t")
    term.start("resume", "t")
    term.wait_for("すべて実施済み")  # the group screen of 1.1
    # group 1.1 one by one (2), 1.1.1–1.1.3 by number key, group 1.2 one by one, 1.2.1
    for key in ("2", "1", "1", "1", "2", "1"):
        term.keys(key)
        term.keys("Enter")
        time.sleep(0.4)
    term.wait_for("1.2.2")
    term.literal("担当部署は情報システム部です")
    shown = term.wait_for("担当部署は情報システム部です")
    lines = shown.splitlines()
    typed = next(n for n, line in enumerate(lines) if "担当部署は情報システム部です" in line)
    footer = next(n for n, line in enumerate(lines) if "終了" in line and "f1" in line.lower())
    assert typed < footer
    assert any("1 実施済み" in line and "5 不明" in line for line in lines)  # status choices
    assert "⑧" in shown  # the check-list is there too (it scrolls for the rest)
    term.keys("Enter")
    shown = term.wait_for("保留中の回答")  # no status in the words: asked, field empty
    term.keys("1")
    term.wait_for("その他の対策")  # the closing step, no internal id (1.other)
    term.keys("C-q")
    deadline = time.monotonic() + 10
    while term.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    text = (tmp_path / "t.toml").read_text(encoding="utf-8")
    assert "担当部署は情報システム部です" in text
