"""The exported workbook, read back with openpyxl and with python-calamine."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook
from test_workbook_samples import COVER, HOSTILE, ORGANISATION, QUOTED, expected, sample_data

from interview.errors import UserError
from interview.workbook.cells import MAX_CELL_CHARS, TextTooLongError, unescape
from interview.workbook.headers import (
    COVER_LABELS,
    DETAIL_LABELS,
    FORMAT_LABELS,
    GAP_LABELS,
    plain_label,
)
from interview.workbook.model import SheetRow, WorkbookData
from interview.workbook.styles import BAND_FILL, FONT_NAME
from interview.workbook.writer import write_workbook

OFFICIAL = [
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
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
SHEETS = ["表紙", "フォーマット", "課題一覧", "回答詳細"]


@pytest.fixture(scope="module")
def data(catalog):
    return sample_data(catalog)


@pytest.fixture(scope="module")
def path(data, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "回答.xlsx"
    write_workbook(data, out)
    return out


@pytest.fixture(scope="module")
def book(path):
    return load_workbook(path)  # full mode: styles, print settings, data types


@pytest.fixture(scope="module")
def calamine(path):
    workbook = CalamineWorkbook.from_path(str(path))
    return {name: workbook.get_sheet_by_name(name).to_python() for name in workbook.sheet_names}


def test_sheets_in_order(book, calamine):
    assert book.sheetnames == SHEETS
    assert list(calamine) == SHEETS
    assert book.active.title == "表紙"


def test_header_row_is_the_official_one(book, calamine):
    header = [c.value for c in book["フォーマット"][1]]
    assert header == list(FORMAT_LABELS.values())
    assert [plain_label(h) for h in header] == OFFICIAL
    assert header[:9] == [f"{n}{label}" for n, label in zip("①②③④⑤⑥⑦⑧⑨", OFFICIAL, strict=False)]
    assert calamine["フォーマット"][0] == header


def test_one_row_per_item_in_order(book, calamine, catalog):
    ws = book["フォーマット"]
    numbers = [row[0].value for row in ws.iter_rows(min_row=2)]
    assert numbers == [item.no for item in catalog.items] == list(range(1, 45))
    assert [row[0] for row in calamine["フォーマット"][1:]] == list(range(1, 45))
    assert ws.max_row == 45


def test_item_columns_match_the_catalog(book, catalog):
    ws = book["フォーマット"]
    for item, row in zip(catalog.items, ws.iter_rows(min_row=2, values_only=True), strict=True):
        assert row[1] == catalog.category(item.category).name
        assert row[2] == item.goal
        assert row[3] == item.party.label
        assert row[3] in ("API接続先", "金融機関", "共通")
        if item.references.sections:
            assert row[7].splitlines() == [s.title for s in item.references.sections]


def test_counterpart_items_stay_blank(book, catalog):
    ws = book["フォーマット"]
    bank_rows = [r for r in ws.iter_rows(min_row=2) if r[3].value == "金融機関"]
    assert len(bank_rows) == sum(1 for i in catalog.items if i.party.label == "金融機関") > 0
    for row in bank_rows:
        assert [c.value for c in row[4:7]] + [row[9].value] == [None] * 4


def test_every_text_cell_is_a_literal_string(book):
    seen = 0
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                assert cell.data_type != "f", cell.coordinate
                assert cell.data_type != "e", cell.coordinate
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (ws.title, cell.coordinate)
                    seen += 1
                else:  # only 通番 is a number
                    assert cell.column == 1 and isinstance(cell.value, int), cell.coordinate
    assert seen > 1500


def test_calamine_reads_every_text_as_str(calamine, data):
    for name, rows in calamine.items():
        for row in rows:
            for column, value in enumerate(row):
                if value == "":
                    continue
                if name != "表紙" and column == 0 and not isinstance(value, str):
                    assert float(value).is_integer()  # 通番
                    continue
                assert isinstance(value, str), (name, value)
    remarks = [row[9] for row in calamine["フォーマット"][1:] if row[9]]
    assert remarks == [expected(raw) for raw, _ in HOSTILE]


def test_hostile_strings_read_back_as_plain_text(book):
    remarks = [c.value for c in book["フォーマット"]["J"][1:] if c.value is not None]
    # openpyxl shows the stored form; Excel (and calamine) undo the _xHHHH_ escape.
    assert "_x005F_x0041_ はそのまま" in remarks
    assert [unescape(r) for r in remarks] == [clean for _, clean in HOSTILE]


def test_quote_prefix_where_excel_would_compute(book):
    checked = 0
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.quotePrefix == cell.value.startswith(QUOTED), cell.coordinate
                    checked += cell.quotePrefix
    assert checked >= 8  # the hostile remarks, gap details and an owner


def test_no_control_characters_anywhere(calamine):
    for rows in calamine.values():
        for row in rows:
            for value in row:
                if isinstance(value, str):
                    assert not CONTROL.search(value.replace("\n", "").replace("\t", "")), value


def test_long_texts_are_whole_and_wrapped(book, data):
    ws = book["フォーマット"]
    assert ws["E2"].value == data.rows[0].status
    assert ws["E2"].alignment.wrap_text
    assert ws["I2"].alignment.wrap_text and "\n" in ws["I2"].value


def test_print_setup(book):
    for name in SHEETS[1:]:
        ws = book[name]
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert int(ws.page_setup.fitToWidth) == 1
        assert int(ws.page_setup.fitToHeight) == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows.replace("$", "") == "1:1"
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
        assert ws.oddHeader.right.text.startswith(ORGANISATION.replace("&", "&&"))
    assert book["フォーマット"].freeze_panes == "D2"
    assert book["課題一覧"].freeze_panes == "B2"
    assert book["回答詳細"].freeze_panes == "B2"
    cover = book["表紙"]
    assert cover.page_setup.orientation == "portrait" and int(cover.page_setup.paperSize) == 9
    assert "&P" in cover.oddFooter.center.text


def test_japanese_font_and_widths(book):
    ws = book["フォーマット"]
    assert {c.font.name for c in ws[2]} == {FONT_NAME}
    assert ws["A1"].font.b
    widths = [ws.column_dimensions[letter].width for letter in "ABCDEFGHIJ"]
    assert all(w >= 4 for w in widths)
    assert widths[4] == max(widths)  # 現在の対応状況 gets the most room
    assert 150 <= sum(widths) <= 172  # ≥ 8 pt when fitted to A4 landscape


def _fill(cell) -> str:
    return cell.fill.fgColor.rgb[-6:] if cell.fill.fill_type == "solid" else "none"


def test_category_bands_alternate(book, catalog):
    ws = book["フォーマット"]
    fills: dict[int, set[str]] = {}
    for item, row in zip(catalog.items, ws.iter_rows(min_row=2), strict=True):
        fills.setdefault(item.category, set()).update(_fill(c) for c in row)
    assert all(len(f) == 1 for f in fills.values())  # one tint per 区分, every column
    tints = [fills[c.no].pop() for c in catalog.categories]
    assert tints[::2] == ["none"] * len(tints[::2])
    assert tints[1::2] == [BAND_FILL] * len(tints[1::2])


def test_cover_sheet(book, calamine):
    pairs = {row[0]: row[1] for row in calamine["表紙"] if row[0] in COVER_LABELS.values()}
    assert pairs == {
        label: getattr(COVER, name) for name, label in COVER_LABELS.items() if name != "profile"
    }
    assert book["表紙"]["B3"].value == ORGANISATION


def test_gaps_and_details_sheets(calamine, data):
    gaps = calamine["課題一覧"]
    assert gaps[0] == list(GAP_LABELS.values())
    assert len(gaps) == len(data.gaps) + 1
    assert gaps[1][2] == data.gaps[0].question_id and gaps[1][6] == data.gaps[0].plan
    details = calamine["回答詳細"]
    assert details[0] == list(DETAIL_LABELS.values())
    assert len(details) == len(data.details) + 1
    assert [row[1] for row in details[1:]] == [d.question_id for d in data.details]


def test_same_data_same_bytes(data, path, tmp_path):
    again = tmp_path / "again.xlsx"
    write_workbook(data, again)
    assert again.read_bytes() == path.read_bytes()


def test_document_dates_come_from_the_cover(book):
    assert book.properties.created.date().isoformat() == "2026-04-06"
    assert book.properties.modified == book.properties.created
    assert book.properties.creator == "interview"


def _with_status(data: WorkbookData, no: int, text: str) -> WorkbookData:
    rows = [replace(r, status=text) if r.no == str(no) else r for r in data.rows]
    return replace(data, rows=rows)


def test_too_long_text_is_refused_naming_the_item(data, tmp_path):
    out = tmp_path / "long.xlsx"
    out.write_bytes(b"previous export")
    with pytest.raises(TextTooLongError) as caught:
        write_workbook(_with_status(data, 7, "あ" * (MAX_CELL_CHARS + 1)), out)
    assert caught.value.item == "7"
    assert caught.value.column == "現在の対応状況"
    message = str(caught.value)
    assert "通番7" in message and "現在の対応状況" in message and "32,768" in message
    assert isinstance(caught.value, UserError)
    assert out.read_bytes() == b"previous export"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["long.xlsx"]


def test_emoji_count_twice_against_the_limit(data, tmp_path):
    with pytest.raises(TextTooLongError):
        write_workbook(_with_status(data, 3, "😀" * (MAX_CELL_CHARS // 2 + 1)), tmp_path / "e.xlsx")


def test_text_at_the_limit_is_kept_whole(data, tmp_path):
    out = tmp_path / "limit.xlsx"
    text = ("長文" * MAX_CELL_CHARS)[:MAX_CELL_CHARS]
    write_workbook(_with_status(data, 1, text), out)
    cell = load_workbook(out, read_only=True)["フォーマット"]["E2"].value
    assert cell == text and len(cell) == MAX_CELL_CHARS


def test_too_long_detail_names_the_question(data, tmp_path):
    details = [replace(data.details[4], detail="x" * 40_000), *data.details[5:]]
    with pytest.raises(TextTooLongError) as caught:
        write_workbook(replace(data, details=details), tmp_path / "d.xlsx")
    assert data.details[4].question_id in str(caught.value)
    assert caught.value.item == data.details[4].no


def test_without_cover_the_format_comes_first(data, tmp_path):
    out = tmp_path / "nocover.xlsx"
    write_workbook(replace(data, cover=None), out)
    assert load_workbook(out, read_only=True).sheetnames == SHEETS[1:]


def test_extra_rows_from_a_tailored_checklist(data, tmp_path):
    extra = SheetRow(
        "追加1", "独自項目", "独自の目標", "API接続先", "=対応済み", "", "", "", "", ""
    )
    out = tmp_path / "extra.xlsx"
    write_workbook(replace(data, rows=[*data.rows, extra]), out)
    ws = load_workbook(out)["フォーマット"]
    assert ws["A46"].value == "追加1" and ws["A46"].data_type == "s"
    assert ws["E46"].value == "=対応済み" and ws["E46"].data_type == "s"


def test_overwrites_atomically_and_leaves_no_temp_files(data, tmp_path):
    out = tmp_path / "回答.xlsx"
    out.write_bytes(b"old")
    write_workbook(data, out)
    assert load_workbook(out, read_only=True).sheetnames == SHEETS
    assert [p.name for p in tmp_path.iterdir()] == ["回答.xlsx"]


def test_bad_destinations_give_a_japanese_message(data, tmp_path):
    with pytest.raises(UserError, match="フォルダがありません"):
        write_workbook(data, tmp_path / "missing" / "x.xlsx")
    with pytest.raises(UserError, match="フォルダです"):
        write_workbook(data, tmp_path)


def test_ampersand_in_the_page_header_is_escaped(book):
    assert "&&" in book["フォーマット"].oddHeader.right.text
    assert book.properties.title == f"API接続チェックリスト（{ORGANISATION}）"


def test_readers_agree_on_every_cell(path):
    full = load_workbook(path, read_only=True)
    calamine = CalamineWorkbook.from_path(str(path))
    for name in SHEETS:
        ours = [
            ["" if v is None else unescape(v) if isinstance(v, str) else v for v in row]
            for row in full[name].values
        ]
        theirs = calamine.get_sheet_by_name(name).to_python()
        width = max(len(r) for r in ours)
        assert [r + [""] * (width - len(r)) for r in ours] == [
            [int(v) if isinstance(v, float) else v for v in r] + [""] * (width - len(r))
            for r in theirs
        ], name


def test_hostile_organisation_name_keeps_the_file_valid(data, tmp_path):
    out = tmp_path / "org.xlsx"
    cover = replace(COVER, organisation="悪意\x01の\ud800会社\n=1+1&")
    write_workbook(replace(data, cover=cover), out)
    book = load_workbook(out)
    assert book.properties.title == "API接続チェックリスト（悪意の\ufffd会社 =1+1&）"
    assert book["表紙"]["B3"].value == "悪意の\ufffd会社\n=1+1&"
    assert book["表紙"]["B3"].quotePrefix is False
    assert book["フォーマット"].oddHeader.right.text.startswith("悪意の\ufffd会社 =1+1&&")
    assert CalamineWorkbook.from_path(str(out)).get_sheet_by_name("表紙").to_python()[2][1] == (
        "悪意の\ufffd会社\n=1+1&"
    )
