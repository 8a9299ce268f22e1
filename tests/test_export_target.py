"""``interview export -o …``: where the workbook goes, and never over a file by surprise.

Also the import side of the command line: ``--party`` against the cover, and a
hand-filled form exported again."""

from __future__ import annotations

import fcntl
import os
import stat
from pathlib import Path

import pytest
from crafted_workbooks import answer_row, form
from python_calamine import CalamineWorkbook

from interview.cli.main import main
from interview.services.demo import DEMO_ID, write_demo
from interview.workbook import export_target
from interview.workbook.export_target import office_lock_files, resolve_target, write_failure


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return write_demo(tmp_path / f"{DEMO_ID}.toml")


def export(tmp_path: Path, session: Path, output: str, *more: str) -> int:
    return main(["--sessions-dir", str(tmp_path), "export", str(session), "-o", output, *more])


# -- 8. -o DIR ---------------------------------------------------------------------------


@pytest.mark.parametrize("slash", ["", "/"])
def test_output_folder_gets_the_default_name(tmp_path, demo, slash, capsys):
    """-o DIR wrote DIR.xlsx beside the folder."""
    folder = tmp_path / "out"
    folder.mkdir()
    assert export(tmp_path, demo, str(folder) + slash) == 0
    assert (folder / f"{DEMO_ID}.xlsx").is_file()
    assert not (tmp_path / "out.xlsx").exists()


def test_missing_folder_with_a_slash_is_refused(tmp_path, demo, capsys):
    assert export(tmp_path, demo, str(tmp_path / "nowhere") + "/") == 1
    assert "フォルダがありません" in capsys.readouterr().err
    assert not (tmp_path / "nowhere.xlsx").exists()


def test_a_bare_name_gets_the_suffix(tmp_path):
    assert resolve_target(tmp_path / "report", "x.xlsx") == tmp_path / "report.xlsx"
    assert resolve_target(tmp_path / "r.XLSX", "x.xlsx") == tmp_path / "r.XLSX"


# -- 9. Existing files -------------------------------------------------------------------


def test_existing_file_is_kept_without_force(tmp_path, demo, capsys):
    """An existing file was replaced silently."""
    target = tmp_path / "answer.xlsx"
    target.write_bytes(b"previous work")
    assert export(tmp_path, demo, str(target)) == 1
    err = capsys.readouterr().err
    assert "既にあります" in err and "--force" in err
    assert target.read_bytes() == b"previous work"
    assert export(tmp_path, demo, str(target), "--force") == 0
    assert target.read_bytes().startswith(b"PK")


@pytest.mark.parametrize("lock", [".~lock.answer.xlsx#", "~$answer.xlsx"])
def test_open_in_an_office_program_is_refused_even_with_force(tmp_path, demo, capsys, lock):
    target = tmp_path / "answer.xlsx"
    target.write_bytes(b"open in Excel")
    (tmp_path / lock).write_text("owner", encoding="utf-8")
    assert export(tmp_path, demo, str(target), "--force") == 1
    assert "開かれています" in capsys.readouterr().err
    assert target.read_bytes() == b"open in Excel"


def test_excel_owner_file_of_a_long_name(tmp_path):
    # Excel drops the first two characters of a long name: ~$swer2026.xlsx
    target = tmp_path / "answer2026.xlsx"
    assert office_lock_files(target) == []
    (tmp_path / "~$swer2026.xlsx").write_bytes(b"owner")
    assert office_lock_files(target) == [tmp_path / "~$swer2026.xlsx"]


def test_read_only_and_locked_files_are_not_replaced(tmp_path, demo, capsys):
    """A read-only file came back 0644; a file under a held flock was replaced."""
    target = tmp_path / "ro.xlsx"
    target.write_bytes(b"keep")
    target.chmod(0o444)
    assert export(tmp_path, demo, str(target), "--force") == 1
    assert "読み取り専用" in capsys.readouterr().err
    assert stat.S_IMODE(target.stat().st_mode) == 0o444 and target.read_bytes() == b"keep"

    held = tmp_path / "held.xlsx"
    held.write_bytes(b"in use")
    with held.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        assert export(tmp_path, demo, str(held), "--force") == 1
    assert "使用中" in capsys.readouterr().err
    assert held.read_bytes() == b"in use"


def test_devices_pipes_and_links_are_refused(tmp_path, demo, capsys):
    """-o /dev/full became /dev/full.xlsx; as root a character device was replaced."""
    assert export(tmp_path, demo, "/dev/full") == 1
    assert "通常のファイルではありません" in capsys.readouterr().err
    assert not Path("/dev/full.xlsx").exists()
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    assert export(tmp_path, demo, str(fifo), "--force") == 1
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    real = tmp_path / "real.xlsx"
    real.write_bytes(b"x")
    link = tmp_path / "link.xlsx"
    link.symlink_to(real)
    assert export(tmp_path, demo, str(link), "--force") == 1
    assert "シンボリックリンク" in capsys.readouterr().err
    assert link.is_symlink() and real.read_bytes() == b"x"


def test_close_excel_hint_only_when_likely(tmp_path, monkeypatch):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"x")
    denied = PermissionError(13, "Permission denied")
    # Folder and file writable, yet denied: another program has it open.
    assert "Excel" in write_failure(target, denied)
    # A read-only folder, or a file that cannot be changed: not Excel's doing.
    monkeypatch.setattr(export_target.os, "access", lambda p, mode: Path(p) != tmp_path)
    assert "Excel" not in write_failure(target, denied)
    assert "フォルダ" in write_failure(target, denied)
    monkeypatch.setattr(export_target.os, "access", lambda p, mode: Path(p) != target)
    assert "Excel" not in write_failure(target, denied)


# -- 10. Permissions ---------------------------------------------------------------------


def test_exports_are_created_0600(tmp_path, demo):
    old = os.umask(0o022)
    try:
        assert export(tmp_path, demo, str(tmp_path / "private.xlsx")) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "private.xlsx").stat().st_mode) == 0o600


# -- 6. and 7. on the command line -------------------------------------------------------


def test_party_conflicting_with_the_cover_is_refused(tmp_path, demo, capsys):
    """--party silently overrode a cover that says API接続先."""
    book = tmp_path / "demo.xlsx"
    assert export(tmp_path, demo, str(book)) == 0
    code = main(["--sessions-dir", str(tmp_path / "s"), "import", str(book), "--party", "金融機関"])
    assert code == 1
    err = capsys.readouterr().err
    assert "--party の指定（金融機関）" in err and "（API接続先）" in err
    assert (
        main(["--sessions-dir", str(tmp_path / "s"), "import", str(book), "--party", "API接続先"])
        == 0
    )


def test_hand_filled_form_exported_again_says_where_answers_came_from(tmp_path, capsys):
    """The cover said 0/330 answered and 回答詳細 listed 330 unanswered questions."""
    path = form(tmp_path / "手入力.xlsx", [answer_row(n, f"回答{n}") for n in range(1, 45)])
    store = tmp_path / "s"
    args = ["--sessions-dir", str(store), "import", str(path), "--party", "API接続先"]
    assert main([*args, "--org", "手入力社", "-o", "hand"]) == 0
    out = capsys.readouterr().out
    assert "回答のある項目 44件のうち 38件を取り込みました" in out
    again = tmp_path / "again.xlsx"
    assert main(["--sessions-dir", str(store), "export", "hand", "-o", str(again)]) == 0
    book = CalamineWorkbook.from_path(str(again))
    cover = " ".join(str(c) for row in book.get_sheet_by_name("表紙").to_python() for c in row)
    assert "取り込んだフォーマット（手入力.xlsx）の回答です" in cover
    assert "0/330問回答" not in cover
    details = book.get_sheet_by_name("回答詳細").to_python()
    assert len(details) <= 1  # the header only: no 330 rows of 未回答
    rows = book.get_sheet_by_name("フォーマット").to_python()
    assert rows[1][4] == "回答1"


def test_every_workbook_write_refuses_devices(tmp_path):
    """diff --xlsx shares the writer: a device is never replaced, new files are 0600."""
    from interview.errors import UserError
    from interview.workbook.writer import replace_file

    with pytest.raises(UserError, match="通常のファイルではありません"):
        replace_file(Path("/dev/full"), b"x")
    replace_file(tmp_path / "d.xlsx", b"x")
    assert stat.S_IMODE((tmp_path / "d.xlsx").stat().st_mode) == 0o600
