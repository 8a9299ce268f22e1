"""``interview export`` / ``interview import`` end to end, read back with calamine."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from interview.catalog import Party
from interview.cli.main import main
from interview.services.demo import DEMO_ID, write_demo

HEADER = [
    "通番",
    "区分",
    "セキュリティ対応目標",
    "対象者",
    "現在の対応状況",
    "課題認識",
    "課題への対応計画",
    "関連規定",
    "関連規定箇所",
    "備考",
]


def strip_circled(text: str) -> str:
    return "".join(ch for ch in str(text) if not "①" <= ch <= "⑳").replace("\n", "")


@pytest.fixture
def demo_export(tmp_path: Path) -> Path:
    session = write_demo(tmp_path / f"{DEMO_ID}.toml")
    out = tmp_path / "demo.xlsx"
    assert main(["--sessions-dir", str(tmp_path), "export", str(session), "-o", str(out)]) == 0
    return out


def format_rows(path: Path) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name("フォーマット").to_python()


def test_demo_export_matches_the_official_format(demo_export, catalog):
    rows = format_rows(demo_export)
    assert [strip_circled(c) for c in rows[0]] == HEADER
    body = rows[1:]
    assert [int(r[0]) for r in body] == list(range(1, 45))
    mine = {i.no for i in catalog.items_for(Party.API_CONNECTOR)}
    for row in body:
        item = catalog.item(int(row[0]))
        assert row[2] == item.goal
        assert row[3] == item.party.label
        assert all(isinstance(c, str) for c in row[1:])
        if item.no in mine:
            assert row[4], f"通番{item.no} の現在の対応状況が空です"
        else:
            assert row[4:7] == ["", "", ""] and row[9] == "", "相手方の項目は空欄のまま"
        if item.references.is_empty:
            assert row[7] == row[8] == ""
        else:
            assert row[7].split("\n")[0] in (
                "全銀協「オープンAPI検討会報告書」",
                "FISC「安全対策基準」",
            )
            assert len(row[7].split("\n")) <= len(row[8].split("\n"))
    item3 = body[2]
    # the certification opens ⑤ in one sentence, stated once
    assert item3[4].startswith("第三者認証等：ISMS")
    assert item3[4].count("ISMS（JIS Q 27001等）") == 1


def test_demo_export_has_cover_gaps_and_details(demo_export):
    book = CalamineWorkbook.from_path(str(demo_export))
    assert book.sheet_names[:4] == ["表紙", "フォーマット", "課題一覧", "回答詳細"]
    cover = book.get_sheet_by_name("表紙").to_python()
    flat = " ".join(str(c) for row in cover for c in row)
    assert "株式会社サンプルペイ（デモ）" in flat and "2018年10月版" in flat
    assert "回答の進捗" not in flat and "聞き取り担当" not in flat  # not for the bank
    gaps = book.get_sheet_by_name("課題一覧").to_python()
    # the unmet examples of items whose 課題認識 names a gap (not 不明, not 代替策)
    assert len(gaps) - 1 >= 30
    assert not any(row[4] in ("不明・要確認", "代替策で対応") for row in gaps[1:])
    details = book.get_sheet_by_name("回答詳細").to_python()
    assert len(details) - 1 == 330


def test_export_import_export_gives_the_same_cells(demo_export, tmp_path):
    store = tmp_path / "store"
    assert main(["--sessions-dir", str(store), "import", str(demo_export), "-o", "roundtrip"]) == 0
    again = tmp_path / "again.xlsx"
    assert main(["--sessions-dir", str(store), "export", "roundtrip", "-o", str(again)]) == 0
    first = CalamineWorkbook.from_path(str(demo_export))
    second = CalamineWorkbook.from_path(str(again))
    for name in first.sheet_names:
        assert (
            first.get_sheet_by_name(name).to_python() == second.get_sheet_by_name(name).to_python()
        ), name


def test_import_a_hand_filled_workbook(tmp_path, catalog, capsys):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "チェックリスト"
    sheet.append(["API接続チェックリスト（手入力）"])
    sheet.append([])
    sheet.append(["備考", "⑤現在の\n対応状況", "①通番", "⑥課題認識", "⑦課題への\n対応計画"])
    sheet.append(["", "ISMS取得済み。規程あり。", 1, "", ""])
    sheet.append(["要確認", "一部のみ", "2", "規程の改訂が遅れている", "2027年3月までに改訂"])
    sheet.append(["", "金融機関側の項目", 38, "", ""])
    path = tmp_path / "hand.xlsx"
    book.save(path)
    store = tmp_path / "store"
    code = main(
        [
            "--sessions-dir",
            str(store),
            "import",
            str(path),
            "--party",
            "API接続先",
            "--org",
            "手入力株式会社",
            "-o",
            "hand",
        ]
    )
    assert code == 0
    from interview.session.store import SessionStore

    session = SessionStore(store).load("hand")
    assert session.respondent.organisation == "手入力株式会社"
    assert session.texts["1"].status.text == "ISMS取得済み。規程あり。"
    assert session.texts["2"].plan.text == "2027年3月までに改訂"
    assert session.texts["2"].remarks.text == "要確認"
    assert "38" not in session.texts  # a 金融機関 item is not the API接続先's to answer


def test_import_without_cover_needs_the_party(tmp_path, capsys):
    book = openpyxl.Workbook()
    book.active.append(["通番", "現在の対応状況", "課題認識", "課題への対応計画"])
    book.active.append([1, "あり", "", ""])
    path = tmp_path / "bare.xlsx"
    book.save(path)
    code = main(["--sessions-dir", str(tmp_path / "s"), "import", str(path), "--org", "X社"])
    assert code == 1
    assert "--party" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["missing.xlsx", "notes.txt"])
def test_import_bad_files_give_a_message(tmp_path, capsys, bad):
    path = tmp_path / bad
    if bad.endswith(".txt"):
        path.write_text("not a workbook", encoding="utf-8")
    code = main(["--sessions-dir", str(tmp_path / "s"), "import", str(path)])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("エラー:") and "Traceback" not in err


def test_export_unknown_session_gives_a_message(tmp_path, capsys):
    code = main(
        ["--sessions-dir", str(tmp_path), "export", "nothing-here", "-o", str(tmp_path / "x.xlsx")]
    )
    assert code == 1
    assert "nothing-here" in capsys.readouterr().err


def test_two_imports_never_overwrite_each_other(
    demo_export: Path, tmp_path: Path, monkeypatch
) -> None:
    """Exclusive create: even when the existence check is passed by both at once."""
    from interview.services.workbooks import import_workbook
    from interview.session.errors import SessionExistsError
    from interview.session.store import SessionStore

    book = demo_export
    store = SessionStore(tmp_path / "sessions")
    first = import_workbook(store, book, session_id="x").session
    written = store.path_for("x").read_bytes()
    # the other import checked a moment before the first one wrote
    monkeypatch.setattr(SessionStore, "exists", lambda self, session_id: False)
    with pytest.raises(SessionExistsError):
        import_workbook(store, book, session_id="x")
    assert store.path_for("x").read_bytes() == written
    monkeypatch.undo()
    # without an id, the second import takes the next free one
    a = import_workbook(store, book).session
    b = import_workbook(store, book).session
    assert a.id != b.id and b.id.startswith(a.id)
    assert {first.id, a.id, b.id} == {p.stem for p in store.session_files()}
