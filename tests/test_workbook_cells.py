"""Safe text cells: sanitising, quote prefixes, the length limit and OOXML escapes."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook

from interview.workbook.cells import (
    MAX_CELL_CHARS,
    CellPlace,
    TextTooLongError,
    cell_text,
    cell_value,
    excel_length,
    needs_quote_prefix,
    put_text,
    sanitize,
    unescape,
)
from interview.workbook.headers import (
    FORMAT_ALIASES,
    FORMAT_LABELS,
    label_index,
    match_header,
    normalise_label,
)

PLACE = CellPlace("フォーマット", "備考", item="12")
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\x00a\x08b\x0bc\x0cd\x1fe\x7ff\x85g", "abcdefg"),
        ("行1\r\n行2\r行3\n行4", "行1\n行2\n行3\n行4"),
        ("\ud83d\ude00", "😀"),  # a surrogate pair becomes its character
        ("\udc00x\ud800", "\ufffdx\ufffd"),
        ("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069文", "文"),
        ("\ufffe\uffff残る", "残る"),
        ("タブ\tと改行\nは残る\u200d\u200f", "タブ\tと改行\nは残る\u200d\u200f"),
    ],
)
def test_sanitize(raw, clean):
    assert sanitize(raw) == clean


@given(st.text())
def test_sanitize_leaves_nothing_unsafe_and_is_idempotent(text):
    once = sanitize(text)
    assert not UNSAFE.search(once)
    assert "\r" not in once
    assert sanitize(once) == once


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("=A1", True),
        ("+1", True),
        ("-1", True),
        ("@x", True),
        ("＝全角", True),
        ("＋81", True),
        ("#N/A", False),
        ("a=b", False),
        (" =1", False),
        ("", False),
    ],
)
def test_quote_prefix(text, quoted):
    assert needs_quote_prefix(text) is quoted


def test_excel_counts_utf16_units():
    assert excel_length("あいう") == 3
    assert excel_length("😀a") == 3
    cell_value("😀" * (MAX_CELL_CHARS // 2), PLACE)  # 32,766 units: fits
    with pytest.raises(TextTooLongError) as caught:
        cell_value("😀" * (MAX_CELL_CHARS // 2) + "ab", PLACE)
    assert caught.value.length == MAX_CELL_CHARS + 1
    assert "「フォーマット」シートの通番12の「備考」" in str(caught.value)


def test_control_characters_do_not_count_against_the_limit():
    assert cell_value("\x00" * 10 + "あ" * MAX_CELL_CHARS, PLACE) == "あ" * MAX_CELL_CHARS


def test_message_names_the_question_when_there_is_one():
    place = CellPlace("回答詳細", "詳細・理由", item="3", question="3.1.2")
    with pytest.raises(TextTooLongError, match=r"通番3（設問 3\.1\.2）の「詳細・理由」"):
        cell_value("x" * (MAX_CELL_CHARS + 1), place)


def test_literal_escape_sequences_stay_literal():
    stored = cell_value("_x0041__x000D_", PLACE)
    assert stored == "_x005F_x0041__x005F_x000D_"
    assert unescape(stored) == "_x0041__x000D_"
    assert cell_text("a_x000D_\nb") == "a\nb"  # Excel stores CRLF as _x000D_ + LF


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (7, "7"),
        (7.0, "7"),
        (7.5, "7.5"),
        (True, "TRUE"),
        ("=1+1", "=1+1"),
        ("\x01x", "x"),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_header_labels_are_recognised_loosely():
    index = label_index(FORMAT_LABELS, FORMAT_ALIASES)
    row = ["", "③セキュリティ\n対応目標", "① 通番", "⑤現在の　対応状況", "【備考】", "ＮＯ．", None]
    assert match_header(row, index) == {"goal": 1, "no": 2, "status": 3, "remarks": 4}
    assert normalise_label("⑨関連規定\n箇所") == normalise_label("関連規定箇所")
    assert normalise_label("⑧関連規定") != normalise_label("⑨関連規定箇所")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_any_text_survives_a_real_file(tmp_path, text):
    path = tmp_path / "one.xlsx"
    book = Workbook()
    put_text(book.active["A1"], text, PLACE)
    book.save(path)
    clean = sanitize(text) if sanitize(text).strip() else ""  # whitespace only: empty cell
    stored = load_workbook(path)["Sheet"]["A1"]
    assert (unescape(stored.value) if stored.value is not None else "") == clean
    assert stored.value is None or stored.data_type == "s"
    assert stored.quotePrefix == needs_quote_prefix(clean)
    [[shown]] = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python() or [[""]]
    assert shown == clean
