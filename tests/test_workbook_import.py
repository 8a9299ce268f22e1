"""Reading workbooks back: our own exports, hand-filled ones, and files that are not fit."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from test_workbook_samples import expected, sample_data

from interview.compile.workbook_data import build_workbook_data
from interview.errors import UserError
from interview.questions.bank import load_questions
from interview.services.demo import build_demo_session
from interview.workbook.model import SheetRow, WorkbookData
from interview.workbook.reader import read_workbook
from interview.workbook.writer import write_workbook


def _cells(path: Path) -> dict[str, list[tuple]]:
    book = load_workbook(path, read_only=True)
    try:
        return {ws.title: list(ws.values) for ws in book.worksheets}
    finally:
        book.close()


def _cleaned(data: WorkbookData) -> WorkbookData:
    """The sample as it must read back: hostile strings in their stored form."""

    def clean(record):
        values = {k: expected(v) for k, v in vars_of(record).items()}
        return type(record)(**values)

    return WorkbookData(
        cover=data.cover,
        rows=[clean(r) for r in data.rows],
        gaps=[clean(g) for g in data.gaps],
        details=[clean(d) for d in data.details],
    )


def vars_of(record) -> dict[str, str]:
    return {name: getattr(record, name) for name in record.__slots__}


def test_export_import_export_gives_the_same_cells(catalog, tmp_path):
    data = sample_data(catalog)
    first, second = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    write_workbook(data, first)
    back = read_workbook(first)
    assert back == _cleaned(data)
    write_workbook(back, second)
    assert _cells(second) == _cells(first)
    assert second.read_bytes() == first.read_bytes()


def test_demo_session_round_trip(catalog, tmp_path):
    questions = load_questions(catalog)
    data = build_workbook_data(build_demo_session(catalog, questions), catalog, questions)
    first, second = tmp_path / "demo.xlsx", tmp_path / "again.xlsx"
    write_workbook(data, first)
    back = read_workbook(first)
    assert back == data
    assert len(back.rows) == 44 and back.details and back.gaps
    write_workbook(back, second)
    assert second.read_bytes() == first.read_bytes()


def test_per_question_answers_come_back(catalog, tmp_path):
    data = sample_data(catalog)
    path = tmp_path / "d.xlsx"
    write_workbook(data, path)
    details = read_workbook(path).details
    assert [d.question_id for d in details] == [d.question_id for d in data.details]
    first = next(d for d in details if d.question_id == "1.1.1")
    assert first.detail == "#N/A" and first.status == "実施済み"
    assert first.updated_at == "2026-04-06 10:02"


HAND_HEADER = [
    "⑥課題認識",
    "①\n通番",
    "⑤ 現在の\n対応状況",
    "③セキュリティ\n対応目標",
    "②区分",
    "④対象者",
    "⑦課題への\n対応計画",
    "備 考",
    "⑨関連規定\n箇所",
    "⑧関連\n規定",
]


def _hand_made(path: Path, rows: list[list[object]], header=HAND_HEADER, first_row=3) -> None:
    book = Workbook()
    notes = book.active
    notes.title = "記入要領"
    notes["A1"] = "このブックの使い方"
    ws = book.create_sheet("チェックリスト")
    ws["A1"] = "API接続チェックリスト（フォーマット）"
    ws["A2"] = "記入者：株式会社テスト"
    for column, label in enumerate(header, start=1):
        ws.cell(row=first_row, column=column, value=label)
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            ws.cell(row=first_row + offset, column=column, value=value)
    book.save(path)


def test_hand_filled_workbook_with_shuffled_columns(tmp_path):
    path = tmp_path / "hand.xlsx"
    _hand_made(
        path,
        [
            [
                "課題A",
                1,
                "対応A",
                "目標A",
                "区分A",
                "API接続先",
                "計画A",
                "備考A",
                "箇所A",
                "規定A",
            ],
            [None] * 10,
            ["", 2.0, "対応B\n二行目", "目標B", "区分A", "共通", "", "", "", ""],
            ["", "１０", "全角の通番", "", "", "", "", "", "", ""],
            ["", None, "※ 表の下の注記", "", "", "", "", "", "", ""],
        ],
    )
    data = read_workbook(path)
    assert data.cover is None and data.gaps == [] and data.details == []
    assert [r.no for r in data.rows] == ["1", "2", "10"]
    assert data.rows[0] == SheetRow(
        no="1",
        category="区分A",
        goal="目標A",
        party="API接続先",
        status="対応A",
        issues="課題A",
        plan="計画A",
        references="規定A",
        locations="箇所A",
        remarks="備考A",
    )
    assert data.rows[1].status == "対応B\n二行目"


def test_plain_labels_and_missing_optional_columns(tmp_path):
    path = tmp_path / "plain.xlsx"
    _hand_made(path, [[1, "対応のみ"]], header=["通番", "現在の対応状況", "区分"], first_row=1)
    [row] = read_workbook(path).rows
    assert row.no == "1" and row.status == "対応のみ"
    assert row.issues == row.plan == row.remarks == ""


def test_cells_typed_by_hand_are_read_as_text(tmp_path):
    path = tmp_path / "typed.xlsx"
    _hand_made(path, [["", 3, 12345, "", "", "", datetime(2027, 3, 31), True, "", ""]], first_row=1)
    [row] = read_workbook(path).rows
    assert (row.status, row.plan, row.remarks) == ("12345", "2027-03-31", "TRUE")


def test_duplicate_item_numbers_are_refused(tmp_path):
    path = tmp_path / "dup.xlsx"
    _hand_made(path, [["", 5, "a"] + [""] * 7, ["", 5, "b"] + [""] * 7])
    with pytest.raises(UserError, match="通番5が2回") as caught:
        read_workbook(path)
    assert "4行目と5行目" in str(caught.value)


def test_workbook_without_the_header(tmp_path):
    path = tmp_path / "other.xlsx"
    book = Workbook()
    book.active.append(["氏名", "住所"])
    book.save(path)
    with pytest.raises(UserError, match="表頭が見つかりません"):
        read_workbook(path)


def test_header_too_far_down_is_not_guessed(tmp_path):
    path = tmp_path / "far.xlsx"
    _hand_made(path, [[""] * 10], first_row=40)
    with pytest.raises(UserError, match="表頭"):
        read_workbook(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空のファイル"),
        ("通番,区分\n1,管理\n".encode(), "Excel ブック（.xlsx）ではありません"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "古い Excel 形式"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 600
            + "EncryptedPackage".encode("utf-16-le"),
            "パスワードで保護",
        ),
        (b"PK\x03\x04broken", "壊れている"),
    ],
)
def test_files_that_are_not_fit_give_a_message(tmp_path, content, message):
    path = tmp_path / "input.xlsx"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        read_workbook(path)


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    with pytest.raises(UserError, match="壊れているか"):
        read_workbook(path)


def test_truncated_export(catalog, tmp_path):
    path = tmp_path / "cut.xlsx"
    write_workbook(sample_data(catalog), path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(UserError, match="壊れている"):
        read_workbook(path)


def test_damaged_sheet_xml(catalog, tmp_path):
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    write_workbook(sample_data(catalog), good)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = data[: len(data) // 2]
            dst.writestr(info, data)
    with pytest.raises(UserError, match="壊れている"):
        read_workbook(bad)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UserError, match="見つかりません"):
        read_workbook(tmp_path / "none.xlsx")
    with pytest.raises(UserError, match="フォルダです"):
        read_workbook(tmp_path)


def test_any_file_name_is_accepted_when_the_content_is_a_workbook(catalog, tmp_path):
    path = tmp_path / "回答（最終版）.xlsx.bak"
    data = replace(sample_data(catalog, hostile=False), gaps=[], details=[])
    write_workbook(data, path)
    assert read_workbook(path) == data


def test_the_sheet_named_format_wins(tmp_path):
    path = tmp_path / "two.xlsx"
    book = Workbook()
    draft = book.active
    draft.title = "下書き"
    draft.append(["通番", "区分", "現在の対応状況"])
    draft.append([1, "", "下書きの回答"])
    final = book.create_sheet("フォーマット ")
    final.append(["①通番", "②区分", "⑤現在の対応状況"])
    final.append([1, "", "提出する回答"])
    book.save(path)
    assert [r.status for r in read_workbook(path).rows] == ["提出する回答"]


def test_oversized_files_are_refused_before_parsing(catalog, tmp_path, monkeypatch):
    from interview.workbook import reader

    path = tmp_path / "big.xlsx"
    write_workbook(sample_data(catalog), path)
    monkeypatch.setattr(reader, "MAX_UNPACKED_BYTES", 100_000)
    with pytest.raises(UserError, match="展開後の大きさ"):
        read_workbook(path)
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 1_000)
    with pytest.raises(UserError, match="大きすぎます"):
        read_workbook(path)
