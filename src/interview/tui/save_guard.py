"""What the app does around every save: report failures plainly, announce hand edits.

* A failed save never ends the app: the message is shown in Japanese with a retry;
  an answer that could not be saved stays in the reply field (see ``InterviewScreen``),
  any other change stays in memory and is written by the retry or the next save.
* When the session file was changed behind the app's back (a hand edit), the store
  keeps that version as ``<id>.toml.edited-<time>``; the app says so, naming the file,
  and offers to compare the two versions or to load the hand-edited one
  (like vim's "file changed" prompt).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from interview.errors import UserError, describe_os_error
from interview.session.errors import SessionError

if TYPE_CHECKING:
    from interview.services.live import LiveSession
    from interview.session.models import Session
    from interview.session.store import SessionHandle
    from interview.tui.app import InterviewApp

SAVE_FAILED_TITLE = "保存できませんでした"
RETRY, CLOSE = "retry", "close"
COMPARE, RELOAD, KEEP = "compare", "reload", "keep"


class SaveGuard:
    """The save function given to the live session."""

    def __init__(self, app: InterviewApp, handle: SessionHandle) -> None:
        self.app = app
        self.handle = handle
        self._announced = len(handle.set_aside)

    def __call__(self, session: Session) -> None:
        try:
            self.handle.save(session)
        except OSError as exc:  # anything the store did not word itself
            raise SessionError(f"セッションを保存できません: {describe_os_error(exc)}") from None
        if len(self.handle.set_aside) > self._announced:
            kept = self.handle.set_aside[-1]
            self._announced = len(self.handle.set_aside)
            self.app.call_later(announce_hand_edit, self.app, self.handle.path, kept)


def save_failed_text(message: str, answer_kept: bool) -> str:
    kept = (
        "入力した回答は入力欄に残してあります。"
        if answer_kept
        else "変更はアプリの中に残っています（次に保存できたときに書き込まれます）。"
    )
    return (
        f"{message}\n\n{kept}\n"
        "ディスクの空き容量や保存先の書き込み権限を確認してから「再試行」を押してください。"
    )


def report_save_failure(app: InterviewApp, live: LiveSession, message: str) -> None:
    """A change other than an answer was not saved: show why, offer retry (live.save)."""
    from interview.tui.screens.notice import NoticeScreen

    def chosen(choice: str | None) -> None:
        if choice != RETRY:
            return
        try:
            live.save()
        except UserError as exc:
            report_save_failure(app, live, str(exc))
            return
        app.notify("保存しました。")

    app.push_screen(
        NoticeScreen(
            SAVE_FAILED_TITLE,
            save_failed_text(message, answer_kept=False),
            [(RETRY, "再試行", "r"), (CLOSE, "閉じる", "escape")],
            error=True,
        ),
        chosen,
    )


def announce_hand_edit(app: InterviewApp, path: Path, kept: Path) -> None:
    from interview.tui.screens.notice import NoticeScreen

    text = (
        f"開いている間に、セッションのファイル（{path.name}）が別のプログラムや手作業で"
        f"書き換えられていました。\n書き換えられた版は {kept} に残し、"
        "アプリで回答した内容を保存しました。どちらも失われていません。"
    )

    def chosen(choice: str | None) -> None:
        if choice == COMPARE:
            compare_hand_edit(app, kept)
        elif choice == RELOAD:
            reload_hand_edit(app, kept)

    app.push_screen(
        NoticeScreen(
            "ファイルが外部で変更されていました",
            text,
            [
                (COMPARE, "違いを見る", "c"),
                (RELOAD, "書き換えられた版を読み込む", "l"),
                (KEEP, "このまま続ける", "escape"),
            ],
        ),
        chosen,
    )


def _load_kept(app: InterviewApp, kept: Path) -> Session | None:
    from interview.session.toml_format import load_bytes

    try:
        return load_bytes(kept.read_bytes(), kept)
    except UserError as exc:
        app.notify(str(exc), severity="error", timeout=10)
    except OSError as exc:
        app.notify(f"読み込めません: {describe_os_error(exc)}", severity="error", timeout=10)
    return None


def compare_hand_edit(app: InterviewApp, kept: Path) -> None:
    """Show what the app's version changes relative to the hand-edited one."""
    from interview.diff_text import report_text
    from interview.services.diffs import diff
    from interview.tui.screens.text_view import TextScreen

    live = app.live
    edited = _load_kept(app, kept)
    if edited is None or live is None:
        return
    changes = diff(edited, live.session)
    app.push_screen(
        TextScreen(f"書き換えられた版（{kept.name}）→ アプリの内容", report_text(changes))
    )


def reload_hand_edit(app: InterviewApp, kept: Path) -> None:
    """Make the hand-edited version current (the app's version stays as the .bak)."""
    handle = app.handle
    edited = _load_kept(app, kept)
    if edited is None or handle is None:
        return
    edited.id = handle.session_id
    try:
        handle.save(edited)
    except UserError as exc:
        app.notify(str(exc), severity="error", timeout=10)
        return
    session_id = handle.session_id
    while len(app.screen_stack) > 1:
        app.pop_screen()
    app.open_session(session_id)
    app.notify(f"書き換えられた版（{kept.name}）を読み込みました。直前の版は .bak に残っています。")
