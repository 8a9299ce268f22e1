"""Issue 11, one test (or a few) per numbered item, each showing the old failure.

Items 1, 7, 9 (locks, symlinked session files, ``unlock``) and 14 (quitting) are covered
with the lock and chat work; the hostile corpus (every source through every surface) is
in ``test_hostile_corpus.py``.
"""

from __future__ import annotations

import errno
import io
import os
import re
import stat
import sys
from pathlib import Path

import pytest
from helpers import new_session as create_in

from interview.cli.main import main
from interview.engine.answers import Answer, Status
from interview.session.errors import SessionError, SessionFileError
from interview.session.ids import MAX_ID_BYTES, is_valid_id, validate_id
from interview.session.store import SessionStore
from interview.textsafety import UNSAFE, clean_input, json_safe, printable

SRC = Path(__file__).resolve().parent.parent / "src" / "interview"


def run(capsys: pytest.CaptureFixture[str], directory: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--sessions-dir", str(directory), *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert not UNSAFE.search(out + err)
    return code, out, err


def new_session(directory: Path, session_id: str = "s") -> SessionStore:
    store = SessionStore(directory)
    create_in(store, "テスト株式会社", "api_connector", session_id=session_id)
    return store


# --- 11.2 one text-safety policy ------------------------------------------------------------


@pytest.mark.parametrize("char", ["\u200f", "\u2028", "\u061c", "\ufeff", "\u202e", "\x9b"])
def test_printable_marks_what_it_let_through_before(char: str) -> None:
    shown = printable(f"a{char}b")
    assert char not in shown and shown == f"a\\u{ord(char):04x}b".replace("\\u009b", "\\x9b")


def test_unsafe_characters_are_defined_once() -> None:
    """Before: eight regexes with five different sets. Now only textsafety.py has one."""
    definition = re.compile(r"\\x7f-\\x9f|\\u202a-|\\u2066-|\\u200b")  # class ranges
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.name != "textsafety.py" and definition.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_pasted_ansi_colour_codes_are_not_stored() -> None:
    pasted = "\x1b[1;31m重要\x1b[0m: \x1b]8;;https://x\x1b\\リンク\x1b]8;;\x1b\\\r\n次行\x9b0m"
    assert clean_input(pasted) == "重要: リンク\n次行"


def test_json_output_escapes_rather_than_drops() -> None:
    assert json_safe('"a\u202eb\x85"') == '"a\\u202eb\\u0085"'


def test_cli_error_with_an_escape_in_a_field_path(capsys, tmp_path: Path) -> None:
    store = new_session(tmp_path)
    path = store.path_for("s")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("[respondent]\n", '[respondent]\n"\\u001b]52;c;eA==\\u0007" = 1\n'),
        encoding="utf-8",
    )
    code, _, err = run(capsys, tmp_path, "show", "s")
    assert code == 1 and "respondent.\\x1b]52;c;eA==\\x07" in err  # shown, not acted on


# --- 11.4 a save error never crashes or loses the answer ------------------------------------


def _live(tmp_path: Path):
    from interview.services.live import LiveSession

    store = new_session(tmp_path)
    handle = store.open("s")
    return store, handle, LiveSession(handle.session, handle.save)


def test_a_failed_answer_save_is_undone_and_can_be_retried(tmp_path: Path, monkeypatch) -> None:
    store, handle, live = _live(tmp_path)
    question = live.interview.current()
    assert question is not None
    real_replace = os.replace

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(SessionError, match="ディスクの空きがありません"):
        live.answer(Answer(status=Status.DONE, detail="CISOを任命"))
    # As if never sent: the UI keeps the reply in its field and offers a retry.
    assert question.id not in live.session.answers
    assert live.interview.current() is question
    monkeypatch.setattr(os, "replace", real_replace)
    live.answer(Answer(status=Status.DONE, detail="CISOを任命"))
    handle.close()
    assert store.load("s").answers[question.id].detail == "CISOを任命"


def test_other_failed_saves_are_reported_and_kept(tmp_path: Path, monkeypatch) -> None:
    _store, _handle, live = _live(tmp_path)
    reported: list[str] = []
    live.on_save_error = reported.append

    def failing(session: object) -> None:
        raise SessionError("保存できません")

    live._save = failing
    live.toggle_follow_up()  # before: the exception ended the app
    assert reported == ["保存できません"] and live.unsaved and live.session.follow_ups


def test_app_tracebacks_never_show_locals() -> None:
    import inspect

    from interview.tui.app import InterviewApp

    source = inspect.getsource(InterviewApp._fatal_error)
    assert "show_locals=False" in source


# --- 11.5 one bad file never hides the others -----------------------------------------------


def test_deeply_nested_file_is_a_clear_error_and_others_are_listed(capsys, tmp_path: Path) -> None:
    store = new_session(tmp_path, "good")
    deep = tmp_path / "deep.toml"
    deep.write_text(
        store.path_for("good").read_text(encoding="utf-8")
        + "\nx = "
        + "[" * 10_000
        + "]" * 10_000
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "deep.toml.bak").write_bytes(store.path_for("good").read_bytes())
    code, out, err = run(capsys, tmp_path, "sessions")  # before: RecursionError for all
    assert code == 0 and "good" in out
    assert "deep.toml" in err and "入れ子が深すぎます" in err
    assert "interview restore deep" in err
    for command in (["show", "deep"], ["scan", "deep"], ["export", "deep", "-o", "x.xlsx"]):
        code, _, err = run(capsys, tmp_path, *command)
        assert code == 1 and "deep.toml" in err and "入れ子" in err


def test_a_session_with_only_its_backup_is_listed_with_restore(capsys, tmp_path: Path) -> None:
    store = new_session(tmp_path, "gone")
    path = store.path_for("gone")
    os.replace(path, path.with_name("gone.toml.bak"))
    code, _, err = run(capsys, tmp_path, "sessions")  # before: not listed at all
    assert "gone" in err and "interview restore gone" in err
    code, out, _ = run(capsys, tmp_path, "restore", "gone")
    assert code == 0
    code, out, _ = run(capsys, tmp_path, "sessions")
    assert "gone" in out


# --- 11.6 ids and file names ----------------------------------------------------------------


def test_ids_are_limited_in_bytes_so_derived_names_fit(capsys, tmp_path: Path) -> None:
    too_long = "あ" * 76  # passed before (80 characters), then restore hit ENAMETOOLONG
    assert not is_valid_id(too_long)
    code, _, err = run(
        capsys, tmp_path, "new", "--org", "A", "--party", "api_connector", "--id", too_long
    )
    assert code == 1 and "バイト" in err
    longest = "あ" * (MAX_ID_BYTES // 3)
    store = SessionStore(tmp_path)
    session = create_in(store, "A", "api_connector", session_id=longest)
    store.save(session)
    store.save(session)  # a .bak
    path = store.path_for(longest)
    path.write_text("broken", encoding="utf-8")
    kept = store.restore_backup(longest)  # names the broken file .broken-YYYYmmdd-HHMMSS
    assert kept is not None and len(kept.name.encode()) <= 255


@pytest.mark.parametrize(
    "bad",
    ["a\u202eb", "a\u200bb", "a\u200db", "a\u2066b", "\ufeffa", "COM¹", "lpt².txt", "com³", "a."],
)
def test_bidi_zero_width_and_reserved_ids_are_refused(bad: str) -> None:
    assert not is_valid_id(bad)
    with pytest.raises(SessionError) as err:
        validate_id(bad)
    assert not UNSAFE.search(str(err.value))


# --- 11.8 hand edits while open -------------------------------------------------------------


def test_a_hand_edit_is_set_aside_and_named(tmp_path: Path) -> None:
    store = new_session(tmp_path)
    handle = store.open("s")
    path = store.path_for("s")
    path.write_text(path.read_text(encoding="utf-8") + "\n# 手で編集\n", encoding="utf-8")
    handle.save()
    assert len(handle.set_aside) == 1 and "手で編集" in handle.set_aside[0].read_text("utf-8")
    handle.close()


# --- 11.10 masking everywhere; scan's status through a closed pipe ---------------------------


def _with_secret(tmp_path: Path) -> SessionStore:
    store = new_session(tmp_path)
    session = store.load("s")
    session.answers["1.1.1"] = Answer(status=Status.DONE, detail="パスワードは Xk9#mP2qL です")
    store.save(session)
    session.answers["1.1.2"] = Answer(status=Status.DONE, detail="任命済み")
    store.save(session)  # the .bak now holds the secret too
    return store


def test_scan_mask_masks_the_backup_too(capsys, tmp_path: Path) -> None:
    store = _with_secret(tmp_path)
    bak = tmp_path / "s.toml.bak"
    assert "Xk9#mP2qL" in bak.read_text(encoding="utf-8")
    code, out, _ = run(capsys, tmp_path, "scan", "s", "--mask")
    assert code == 0 and "バックアップ（s.toml.bak）も伏せ字にしました" in out
    assert "Xk9#mP2qL" not in store.path_for("s").read_text(encoding="utf-8")
    assert "Xk9#mP2qL" not in bak.read_text(encoding="utf-8")  # before: left in the .bak


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def test_scan_exits_non_zero_when_its_pipe_closes(tmp_path: Path, monkeypatch) -> None:
    _with_secret(tmp_path)
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    monkeypatch.setattr("interview.cli.main._silence_stdout", lambda: None)
    assert main(["--sessions-dir", str(tmp_path), "scan", "s"]) == 3  # before: 0


# --- 11.12 clear errors instead of tracebacks -----------------------------------------------


def test_unreadable_sessions_folder(capsys, tmp_path: Path, monkeypatch) -> None:
    new_session(tmp_path)

    real_listdir, real_stat = os.listdir, os.stat

    def guarded(real):  # what mode 000 does to the folder (the tests may run as root)
        def call(path=".", *args, **kwargs):
            if str(path).startswith(str(tmp_path)):
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real(path, *args, **kwargs)

        return call

    monkeypatch.setattr(os, "listdir", guarded(real_listdir))
    code, _, err = run(capsys, tmp_path, "sessions")
    assert code == 1 and "エラー" in err
    monkeypatch.setattr(os, "stat", guarded(real_stat))
    code, _, err = run(capsys, tmp_path, "show", "s")
    assert code == 1 and "アクセスが許可されていません" in err


def test_disk_full_during_new_leaves_no_empty_lock(capsys, tmp_path: Path, monkeypatch) -> None:
    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    from interview.session.lock import SessionLock

    monkeypatch.setattr(SessionLock, "_write_me", disk_full)
    code, _, err = run(
        capsys, tmp_path, "new", "--org", "A", "--party", "api_connector", "--id", "a"
    )
    assert code == 1 and "ディスクの空きがありません" in err
    assert not (tmp_path / "a.toml.lock").exists()  # before: a 0-byte lock stayed


def test_dangling_symlink_as_the_sessions_folder(capsys, tmp_path: Path) -> None:
    link = tmp_path / "sessions"
    link.symlink_to(tmp_path / "missing")
    code, _, err = run(capsys, link, "new", "--org", "A", "--party", "api_connector")
    assert code == 1 and "リンク切れ" in err  # before: 「File exists」


def test_an_empty_file_gives_the_same_message_everywhere(capsys, tmp_path: Path) -> None:
    (tmp_path / "empty.toml").write_bytes(b"")
    _, _, listed = run(capsys, tmp_path, "sessions")
    _, _, shown = run(capsys, tmp_path, "show", "empty")
    assert "ファイルが空です" in listed and "ファイルが空です" in shown


@pytest.mark.parametrize("version", ["0", '"999"', '"1"', "-1", "true"])
def test_format_versions_that_are_not_ours_are_refused(capsys, tmp_path: Path, version) -> None:
    store = new_session(tmp_path)
    path = store.path_for("s")
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "format_version = 1", f"format_version = {version}"
        ),
        encoding="utf-8",
    )
    for command in (["show", "s"], ["export", "s", "-o", str(tmp_path / "o.xlsx")]):
        code, _, err = run(capsys, tmp_path, *command)  # before: accepted
        assert code == 1 and "format_version" in err
    with pytest.raises(SessionFileError):
        store.open("s")  # so the app never saves it back (the old crash with locals)


# --- 11.13 permissions ----------------------------------------------------------------------


def test_an_existing_open_sessions_folder_is_tightened_once(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    os.chmod(folder, 0o755)  # as git checks it out
    code, _, err = run(capsys, folder, "sessions")
    assert code == 0 and "0755 → 0700" in err
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    _, _, err = run(capsys, folder, "sessions")
    assert "0700" not in err  # one time only


def test_parent_folders_are_private_under_umask_000(capsys, tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        folder = tmp_path / "a" / "b" / "sessions"
        code, _, _ = run(capsys, folder, "new", "--org", "A", "--party", "api_connector")
    finally:
        os.umask(old)
    assert code == 0
    for path in (tmp_path / "a", tmp_path / "a" / "b", folder):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path


def test_argparse_messages_repeat_arguments_inertly(capsys, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--sessions-dir", str(tmp_path), "\x1b]52;c;eA==\x07"])  # an unknown command
    err = capsys.readouterr().err
    assert "invalid choice" in err and "\\x1b]52" in err and not UNSAFE.search(err)
