"""Workbooks edited by hand, read back: nothing dropped without a word, memory bounded.

Each test crafts its workbook (openpyxl, then zip edits where openpyxl cannot write what
Excel does) and shows a failure of the former reader: rows lost, text cut, a formula or
link imported as nothing, memory without bound.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from crafted_workbooks import (
    FORM_HEADER,
    add_rows_xml,
    answer_row,
    cache_formula,
    form,
    set_inline_text,
    with_shared_strings,
)
from openpyxl import Workbook

from interview.catalog import Party
from interview.compile.import_workbook import session_from_workbook
from interview.errors import UserError
from interview.questions.bank import load_questions
from interview.workbook import reader
from interview.workbook.reader import normalise_number, read_workbook, read_workbook_report
from interview.workbook.xlsx_stream import Limits

# -- 1. 通番 as people write it ------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("1", "1"),
        ("01", "1"),
        ("０１", "1"),
        ("１", "1"),
        ("1.0", "1"),
        ("通番1", "1"),
        ("通番 12", "12"),
        ("1.", "1"),
        ("１．", "1"),
        ("No.7", "7"),
        ("(3)", "3"),
        ("（３）", "3"),
        (" 44 ", "44"),
        ("①", "1"),
        ("追加1", "追加1"),
        ("追加１", "追加1"),
        ("1.1", "1.1"),
        ("", ""),
    ],
)
def test_item_numbers_are_normalised(written, read):
    assert normalise_number(written) == read


def test_zero_padded_full_width_numbers_keep_every_item(tmp_path, catalog):
    """「０１」…「０９」 stored as text were read as "01" and items 1–9 vanished."""
    rows = [answer_row(f"０{n}" if n < 10 else n, f"回答{n}") for n in range(1, 45)]
    result = read_workbook_report(form(tmp_path / "padded.xlsx", rows))
    assert [r.no for r in result.data.rows] == [str(n) for n in range(1, 45)]
    assert len(result.report.numbers) == 9  # each reinterpretation is reported
    notes: list[str] = []
    questions = load_questions(catalog)
    session = session_from_workbook(
        result.data, "s", catalog, questions, Party.API_CONNECTOR, "X社", notes
    )
    mine = catalog.items_for(Party.API_CONNECTOR)
    assert len(session.texts) == len(mine) == 38
    assert session.texts["1"].status.text == "回答1"
    assert notes[0] == "回答のある項目 44件のうち 38件を取り込みました。"


def test_numbers_stored_as_floats_and_formulas(tmp_path):
    path = form(tmp_path / "f.xlsx", [answer_row(1.0, "a"), answer_row("=1+1", "b")])
    cache_formula(path, "A3", "2", text=False)
    result = read_workbook_report(path)
    assert [r.no for r in result.data.rows] == ["1", "2"]
    assert [f.address for f in result.report.formulas] == ["A3"]


# -- 2. Memory bounded -------------------------------------------------------------------


def test_too_many_shared_strings_are_refused_early(tmp_path, monkeypatch):
    """A small file whose shared strings inflate used ~1 GB; now a limit stops it."""
    monkeypatch.setattr(reader, "LIMITS", Limits(max_shared_strings=1_000))
    path = form(tmp_path / "sst.xlsx", [answer_row(1, "a")])
    with_shared_strings(path, (f"s{n}" for n in range(50_000)))
    with pytest.raises(UserError, match="共有文字列が 1,000 個を超えています"):
        read_workbook(path)


def test_shared_strings_total_size_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "LIMITS", Limits(max_shared_chars=100_000))
    path = form(tmp_path / "big.xlsx", [answer_row(1, "a")])
    with_shared_strings(path, ["あ" * 30_000] * 5)
    with pytest.raises(UserError, match="合わせて 100,000 文字を超えています"):
        read_workbook(path)


def test_generated_bomb_is_refused_within_seconds(tmp_path):
    """A small file holding 36 MB of shared strings: refused from the zip directory."""
    path = form(tmp_path / "bomb.xlsx", [answer_row(1, "a")])
    with_shared_strings(path, ("あ" * 40 for _ in range(300_000)))
    assert path.stat().st_size < 1_000_000
    start = time.monotonic()
    with pytest.raises(UserError, match="読み込める上限"):
        read_workbook(path)
    assert time.monotonic() - start < 5


def test_shared_strings_within_the_limits_are_read(tmp_path):
    path = form(tmp_path / "ok.xlsx", [answer_row(1, "a")], edit=lambda ws: None)
    with_shared_strings(path, ["参照される文字列", "<b>"], use_index=0)
    result = read_workbook_report(path)
    assert result.data.rows[0].status == "a"
    assert [c.column for c in result.report.columns] == ["K"]  # reported, not read


def test_document_type_declarations_are_refused(tmp_path):
    path = form(tmp_path / "dtd.xlsx", [answer_row(1, "a")])
    from crafted_workbooks import patch_sheet

    patch_sheet(path, lambda xml: '<!DOCTYPE x [<!ENTITY a "aaaa">]>' + xml)
    with pytest.raises(UserError, match="DOCTYPE"):
        read_workbook(path)


# -- 3. Nothing dropped without a word ---------------------------------------------------


def test_extra_items_rows_and_sheets_are_reported(tmp_path, catalog):
    """A 通番 99 row and 99,956 extra rows vanished without a word (20,000 here: faster)."""

    def edit(ws):
        ws["K1"] = "担当者メモ"
        ws["K2"] = "田中さん確認済み"

    path = form(
        tmp_path / "extra.xlsx",
        [answer_row(1, "回答1"), answer_row(99, "独自項目の回答"), answer_row(38, "相手方")],
        edit=edit,
    )
    add_rows_xml(
        path,
        (
            f'<row r="{r}"><c r="B{r}" t="inlineStr"><is><t>x</t></is></c></row>'
            for r in range(10, 20_010)
        ),
    )
    result = read_workbook_report(path)
    report = result.report
    assert [no for no, _ in report.items] == ["1", "99", "38"]
    assert len(report.skipped) == 20_000
    text = "\n".join(report.lines())
    assert "10〜20009行目（20,000行）" in text
    assert "K列 「担当者メモ」" in text
    notes: list[str] = []
    session_from_workbook(
        result.data, "s", catalog, load_questions(catalog), Party.API_CONNECTOR, "X", notes
    )
    joined = "\n".join(notes)
    assert "チェックリストにない通番のため取り込んでいません: 通番99" in joined
    assert "通番38（金融機関）" in joined


def test_continuation_rows_under_a_merged_number_are_joined(tmp_path):
    def edit(ws):
        ws.merge_cells("A2:A3")

    path = form(
        tmp_path / "merged.xlsx",
        [
            answer_row(1, "一行目", plan="計画"),
            answer_row(None, "（続き）二行目", plan="計画の続き"),
            answer_row(2, "二つ目"),
            answer_row(None, "※ 表の下の注記"),
        ],
        edit=edit,
    )
    result = read_workbook_report(path)
    first = result.data.rows[0]
    assert first.status == "一行目\n（続き）二行目"
    assert first.plan == "計画\n計画の続き"
    assert result.report.joined == [(3, "1")]
    assert [(n.row, n.reason) for n in result.report.skipped] == [
        (5, "通番が空です（項目の行ではありません）")
    ]


def test_a_continuation_row_without_merge_is_joined_when_it_says_so(tmp_path):
    path = form(tmp_path / "cont.xlsx", [answer_row(5, "前半"), answer_row("", "(続き)後半")])
    assert read_workbook(path).rows[0].status == "前半\n(続き)後半"


def test_hidden_rows_extra_sheets_and_rich_text(tmp_path):
    def edit(ws):
        ws.row_dimensions[3].hidden = True

    path = form(tmp_path / "h.xlsx", [answer_row(1, "a"), answer_row(2, "隠れた回答")], edit=edit)
    set_inline_text(
        path,
        "E2",
        "</t></is><is><r><t>太字</t></r><r><t>と普通</t></r><rPh><t>フリガナ</t></rPh><t>",
    )
    result = read_workbook_report(path)
    assert result.data.rows[0].status == "太字と普通"
    assert result.data.rows[1].status == "隠れた回答"
    assert result.report.hidden == [3]


def test_added_items_are_kept_with_a_profile(tmp_path, catalog):
    from interview.profile.apply import profile_banks, tailor
    from interview.profile.loader import parse_profile

    profile = parse_profile(
        """
name = "銀行独自"
[[add]]
id = "追加1"
category = 1
party = "api_connector"
goal = "独自の管理を行うこと"
[[add.questions]]
text = "独自の管理を行っていますか？"
detail_prompt = "内容を書いてください。"
short = "独自管理"
""",
        Path("p.toml"),
        catalog,
    )
    tailored = tailor(catalog, profile)
    questions = load_questions(tailored, extra=profile_banks(profile, tailored))
    path = form(tmp_path / "add.xlsx", [answer_row(1, "a"), answer_row("追加１", "独自の回答")])
    data = read_workbook(path)
    notes: list[str] = []
    session = session_from_workbook(data, "s", tailored, questions, Party.API_CONNECTOR, "X", notes)
    assert session.texts["1001"].status.text == "独自の回答"
    assert notes == ["回答のある項目 2件のうち 2件を取り込みました。"]


def test_different_header_wording_and_two_row_headers(tmp_path):
    book = Workbook()
    ws = book.active
    ws.title = "API接続チェックリスト"
    ws.append(
        [
            "項番",
            "区分",
            "確認項目",
            "対象",
            "回答欄",
            None,
            None,
            "関連規程",
            "該当箇所",
            "コメント",
        ]
    )
    ws.append([None, None, None, None, "現在の対応状況（記入欄）", "課題", "今後の対応"])
    ws.merge_cells("A1:A2")
    ws.append(["1", "", "", "", "対応", "課題あり", "来年度"])
    path = tmp_path / "wording.xlsx"
    book.save(path)
    [row] = read_workbook(path).rows
    assert (row.status, row.issues, row.plan) == ("対応", "課題あり", "来年度")


def test_dates_and_numbers_as_cells(tmp_path):
    from datetime import datetime

    def edit(ws):
        ws["G2"] = datetime(2027, 3, 31)
        ws["G2"].number_format = "yyyy/m/d"
        ws["F2"] = 0.1 + 0.2

    path = form(tmp_path / "d.xlsx", [answer_row(1, "a")], edit=edit)
    [row] = read_workbook(path).rows
    assert row.plan == "2027-03-31"
    assert row.issues == "0.3"


# -- 4. Formulas -------------------------------------------------------------------------


def test_formula_without_a_cached_value_is_refused(tmp_path):
    """It imported as empty text."""
    path = form(tmp_path / "nocache.xlsx", [answer_row(1, '="対応"&"済み"')])
    with pytest.raises(UserError, match=r"計算結果が保存されていない数式.*E2"):
        read_workbook(path)


def test_formula_with_a_cached_value_is_read_and_reported(tmp_path):
    path = form(tmp_path / "cache.xlsx", [answer_row(1, '="対応"&"済み"')])
    cache_formula(path, "E2", "対応済み")
    result = read_workbook_report(path)
    assert result.data.rows[0].status == "対応済み"
    assert [(f.address, f.formula) for f in result.report.formulas] == [("E2", '"対応"&"済み"')]
    assert "数式のセル 1個" in "\n".join(result.report.lines())


def test_hyperlinks_keep_their_address(tmp_path):
    """=HYPERLINK(…) became 「クリック」 and the URL was lost."""

    def edit(ws):
        ws["J2"] = "規程集"
        ws["J2"].hyperlink = "https://example.jp/rules"

    path = form(
        tmp_path / "link.xlsx",
        [answer_row(1, '=HYPERLINK("https://example.jp/a","クリック")')],
        edit=edit,
    )
    cache_formula(path, "E2", "クリック")
    result = read_workbook_report(path)
    row = result.data.rows[0]
    assert row.status == "クリック（https://example.jp/a）"
    assert row.remarks == "規程集（https://example.jp/rules）"
    assert {link.url for link in result.report.links} == {
        "https://example.jp/a",
        "https://example.jp/rules",
    }


# -- 5. Over-long cells ------------------------------------------------------------------


def test_over_long_cells_are_refused_at_import_naming_the_cell(tmp_path):
    """A 40,000-character cell imported with exit 0; the refusal came only at export."""
    path = form(tmp_path / "long.xlsx", [answer_row(1, "short"), answer_row(2, "x")])
    set_inline_text(path, "E3", "長" * 40_000)
    with pytest.raises(UserError, match=r"E3 セルが 40,000 文字") as caught:
        read_workbook(path)
    assert "「フォーマット」シート" in str(caught.value)


def test_over_long_shared_string_is_refused_naming_the_cell(tmp_path):
    path = form(tmp_path / "long2.xlsx", [answer_row(1, "a")])
    with_shared_strings(path, ["x" * 33_000])
    # K2 is not a column of the form: the text there is not read, so it is not refused.
    assert read_workbook(path).rows[0].status == "a"
    header = [*FORM_HEADER[:9], "メモ", "備考"]  # 備考 in column K
    path2 = form(tmp_path / "long3.xlsx", [answer_row(1, "a")], header=header)
    with_shared_strings(path2, ["x" * 33_000])
    with pytest.raises(UserError, match=r"K2 セルが 33,000 文字"):
        read_workbook(path2)


def test_unpacked_part_over_the_limit_names_the_part(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "LIMITS", Limits(max_part_bytes=1_000))
    path = form(tmp_path / "part.xlsx", [answer_row(n, "回答" * 20) for n in range(1, 45)])
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > 1_000
    with pytest.raises(UserError, match=r"sheet1\.xml が展開後"):
        read_workbook(path)


def test_repeated_header_rows_and_percentages(tmp_path):
    def edit(ws):
        ws["F2"] = 0.5
        ws["F2"].number_format = "0%"

    rows = [answer_row(1, "a"), list(FORM_HEADER), answer_row(2, "b")]
    result = read_workbook_report(form(tmp_path / "rep.xlsx", rows, edit=edit))
    assert [r.no for r in result.data.rows] == ["1", "2"]
    assert result.data.rows[0].issues == "50%"
    assert [(n.row, n.reason) for n in result.report.skipped] == [(3, "表頭の繰り返しです")]


def test_a_decorated_bank_workbook_reads_like_a_plain_copy(tmp_path, catalog):
    """Title block, two-row header, merged 区分, rich text, comments, validation, styles,
    frozen panes, filters, hidden helper column and extra sheets: the same answers as a
    plain copy of the same cells."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    items = catalog.items
    answers = {item.no: f"通番{item.no}の対応状況。\n二行目" for item in items}

    plain = tmp_path / "plain.xlsx"
    form(plain, [answer_row(i.no, answers[i.no], plan=f"計画{i.no}") for i in items])

    book = Workbook()
    guide = book.active
    guide.title = "記入要領"
    guide["A1"] = "記入にあたって"
    ws = book.create_sheet("API接続チェックリスト（回答）")
    ws["A1"] = "API接続チェックリスト"
    ws["A1"].font = Font(size=16, bold=True)
    ws["A2"] = "株式会社サンプル銀行 御中"
    ws.append([])
    ws.append(
        [
            "①\n通番",
            "②区分",
            "③セキュリティ対応目標",
            "④対象者",
            "回答",
            None,
            None,
            "⑧関連規定",
            "⑨関連規定箇所",
            "備考",
            "社内用",
        ]
    )
    ws.append([None, None, None, None, "⑤現在の\n対応状況", "⑥課題認識", "⑦課題への\n対応計画"])
    ws.merge_cells("A4:A5")
    ws.merge_cells("E4:G4")
    row = 6
    start = {}
    for item in items:
        category = catalog.category(item.category).name
        ws.cell(row, 1, f"{item.no:02d}")
        if item.category not in start:
            start[item.category] = row
            ws.cell(row, 2, category)
        ws.cell(row, 3, item.goal)
        ws.cell(row, 4, item.party.label)
        first, second = answers[item.no].split("\n")
        ws.cell(row, 5, CellRichText([TextBlock(InlineFont(b=True), first), "\n" + second]))
        ws.cell(row, 7, f"計画{item.no}")
        ws.cell(row, 11, "")
        ws.cell(row, 5).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row, 5).fill = PatternFill("solid", fgColor="FFF2CC")
        row += 1
    for first in start.values():  # 区分 merged down over its items
        ends = [s for s in start.values() if s > first]
        end = (min(ends) - 1) if ends else row - 1
        if end > first:
            ws.merge_cells(start_row=first, start_column=2, end_row=end, end_column=2)
    ws["E6"].comment = Comment("確認済み", "監査")
    validation = DataValidation(type="list", formula1='"済,未"')
    ws.add_data_validation(validation)
    validation.add("K6:K49")
    ws.freeze_panes = "E6"
    ws.auto_filter.ref = f"A5:K{row - 1}"
    ws.column_dimensions["K"].hidden = True
    ws.print_title_rows = "4:5"
    book.create_sheet("集計")["A1"] = "=COUNTA('API接続チェックリスト（回答）'!E6:E49)"
    decorated = tmp_path / "decorated.xlsx"
    book.save(decorated)

    questions = load_questions(catalog)

    def texts(path):
        result = read_workbook_report(path)
        session = session_from_workbook(
            result.data, "s", catalog, questions, Party.API_CONNECTOR, "X"
        )
        return {no: (t.status.text, t.plan.text) for no, t in session.texts.items()}, result

    plain_texts, _ = texts(plain)
    decorated_texts, result = texts(decorated)
    assert decorated_texts == plain_texts
    assert len(plain_texts) == 38
    assert result.report.sheets == ["記入要領", "集計"]
    assert result.report.skipped == [] and result.report.merged == []


def test_group_label_over_the_column_labels(tmp_path):
    """「回答」 over three columns on the 通番 row, the column labels on the next row."""
    book = Workbook()
    ws = book.active
    ws.append(["通番", "区分", "セキュリティ対応目標", "対象者", "回答", None, None, "備考"])
    ws.append([None, None, None, None, "現在の対応状況", "課題認識", "課題への対応計画"])
    ws.merge_cells("E1:G1")
    ws.append([1, "", "", "", "対応", "課題", "計画"])
    path = tmp_path / "group.xlsx"
    book.save(path)
    result = read_workbook_report(path)
    [row] = result.data.rows
    assert (row.status, row.issues, row.plan) == ("対応", "課題", "計画")
    assert result.report.header_row == 2


def test_an_answer_merged_over_two_items_is_reported(tmp_path):
    def edit(ws):
        ws.merge_cells("E2:E3")

    path = form(tmp_path / "m.xlsx", [answer_row(5, "共通の回答"), answer_row(6, "")], edit=edit)
    result = read_workbook_report(path)
    assert [r.status for r in result.data.rows] == ["共通の回答", ""]
    assert result.report.merged == [("E2:E3", "5", ["6"])]
    assert "結合セル E2:E3" in "\n".join(result.report.lines())


def test_a_zip_of_many_entries_is_refused_before_listing_them(tmp_path):
    path = form(tmp_path / "entries.xlsx", [answer_row(1, "a")])
    with zipfile.ZipFile(path, "a") as archive:
        for n in range(10_001):
            archive.writestr(f"junk/{n}", b"")
    start = time.monotonic()
    with pytest.raises(UserError, match="ファイルが多すぎる"):
        read_workbook(path)
    assert time.monotonic() - start < 5
