"""``interview diff``: the item-by-item comparison, its text/JSON output and the 変更点 sheet."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from interview.catalog import Party
from interview.cli.main import main
from interview.compile.diff import (
    ItemChangeKind,
    SessionDiff,
    Trend,
    diff_sessions,
    trend,
)
from interview.compile.diff_rows import diff_rows
from interview.compile.workbook_data import effective_texts
from interview.diff_text import report_text
from interview.engine.answers import Answer, Status
from interview.errors import UserError
from interview.questions.bank import load_questions
from interview.services.demo import build_demo_session
from interview.session.models import ItemText, Session
from interview.session.tailoring import session_checklist
from interview.session.toml_format import dump_bytes
from interview.workbook.diff_sheet import DIFF_LABELS, DIFF_SHEET

HOSTILE = "=SUM(1,2)\x07\x1b]0;pwned\x07 監視\x1b[2J"
EDITED_REMARKS = "+台帳は2027年版に更新（社外秘）"
NEW_DETAIL = "点検チェックシートを全部署に展開済み（2027年1月）"


@pytest.fixture(scope="module")
def questions(catalog):
    return load_questions(catalog)


def _set(session: Session, qid: str, **update: object) -> None:
    session.answers[qid] = session.answers[qid].model_copy(update=update)


def _drop_item(session: Session, no: int) -> None:
    for qid in [q for q in session.answers if q.split(".")[0] == str(no)]:
        del session.answers[qid]


@pytest.fixture(scope="module")
def pair(catalog, questions) -> tuple[Session, Session]:
    """Last year's demo (A) and this year's copy (B) with known changes."""
    older = build_demo_session(catalog, questions)
    newer = older.model_copy(deep=True)
    newer.id = "demo-next"
    # 1: a regression and a smaller check-list
    _set(newer, "1.1.1", status=Status.NOT_DONE)
    _set(newer, "1.2.1", checks=("①", "②", "③", "④"))
    # 2: an improvement with a new detail
    _set(newer, "2.2.1", status=Status.DONE, detail=NEW_DETAIL)
    # 3: 未実施 → 該当なし is neither 改善 nor 後退; the plan's due date moves
    _set(newer, "3.4.2", status=Status.NOT_APPLICABLE)
    _set(newer, "3.plan", due="2028年3月末")
    # 4: the respondent edited 備考
    remarks = newer.texts["4"].remarks
    newer.texts["4"].remarks = ItemText(draft=remarks.draft, text=EDITED_REMARKS, state="edited")
    # 5: a detail change in an item whose texts are still drafts (the draft follows)
    _set(newer, "5.1.2", detail=NEW_DETAIL)
    # 6: a hostile detail
    _set(newer, "6.1.1", detail=HOSTILE)
    # 7: not answered last time at all
    _drop_item(older, 7)
    # 8: answered last time, not yet this time
    _drop_item(newer, 8)
    # 9: skipped this time (a skip is no answer)
    _set(newer, "9.1.1", skipped=True)
    # 10: skipped last time, missing this time: both are no answer, so no change
    _set(older, "10.other", skipped=True)
    del newer.answers["10.other"]
    return older, newer


@pytest.fixture(scope="module")
def diff(pair, catalog, questions) -> SessionDiff:
    return diff_sessions(*pair, catalog, questions)


def _fields(diff: SessionDiff, no: int) -> dict[str, list[tuple[str, str, str]]]:
    item = next(i for i in diff.items if i.no == no)
    return {q.question_id: [(c.label, c.before, c.after) for c in q.fields] for q in item.questions}


def test_items_follow_the_party_in_number_order(diff, catalog, questions):
    assert [i.no for i in diff.items] == [i.no for i in catalog.items_for(Party.API_CONNECTOR)]
    for item in diff.items:
        order = [q.id for q in questions.for_item(item.no)]
        ids = [q.question_id for q in item.questions]
        assert ids == sorted(ids, key=order.index)


def test_each_item_is_classified(diff, pair, questions):
    kinds = {i.no: i.kind for i in diff.changed_items}
    assert kinds == {
        1: ItemChangeKind.CHANGED,
        2: ItemChangeKind.CHANGED,
        3: ItemChangeKind.CHANGED,
        4: ItemChangeKind.CHANGED,
        5: ItemChangeKind.CHANGED,
        6: ItemChangeKind.CHANGED,
        7: ItemChangeKind.NEW,
        8: ItemChangeKind.UNANSWERED,
        9: ItemChangeKind.CHANGED,
    }
    unchanged = [i for i in diff.items if i.kind is ItemChangeKind.UNCHANGED]
    assert len(unchanged) == len(diff.items) - 9
    assert all(not i.questions and not i.texts for i in unchanged)
    assert 10 in {i.no for i in unchanged}


def test_status_changes_are_marked_improved_or_regressed(diff):
    one = next(i for i in diff.items if i.no == 1)
    assert [(q.question_id, q.trend) for q in one.questions] == [
        ("1.1.1", Trend.REGRESSED),
        ("1.2.1", Trend.NONE),
    ]
    assert one.questions[0].status_before is Status.DONE
    assert one.questions[0].status_after is Status.NOT_DONE
    assert (one.improved, one.regressed) == (0, 1)
    two = next(i for i in diff.items if i.no == 2)
    assert [(q.question_id, q.trend) for q in two.questions] == [("2.2.1", Trend.IMPROVED)]
    three = next(i for i in diff.items if i.no == 3)
    assert [(q.question_id, q.trend) for q in three.questions] == [
        ("3.4.2", Trend.NONE),
        ("3.plan", Trend.NONE),
    ]
    summary = diff.summary()
    assert (summary.improved, summary.regressed) == (1, 1)
    assert (summary.changed, summary.new, summary.unanswered) == (7, 1, 1)


def test_trend_order():
    assert trend(Status.NOT_DONE, Status.PARTIAL) is Trend.IMPROVED
    assert trend(Status.PARTIAL, Status.DONE) is Trend.IMPROVED
    assert trend(Status.DONE, Status.PARTIAL) is Trend.REGRESSED
    assert trend(Status.PARTIAL, Status.NOT_DONE) is Trend.REGRESSED
    for neutral in (Status.NOT_APPLICABLE, Status.UNKNOWN, None):
        assert trend(neutral, Status.DONE) is Trend.NONE
        assert trend(Status.NOT_DONE, neutral) is Trend.NONE
    assert trend(Status.DONE, Status.DONE) is Trend.NONE


def test_question_fields_are_exact(diff, pair):
    older, _ = pair
    assert _fields(diff, 1) == {
        "1.1.1": [("回答", "実施済み", "未実施")],
        "1.2.1": [("チェック", "①②③④⑤", "①②③④")],
    }
    assert _fields(diff, 2) == {
        "2.2.1": [
            ("回答", "一部実施", "実施済み"),
            ("詳細", older.answers["2.2.1"].detail.strip(), NEW_DETAIL),
        ]
    }
    assert _fields(diff, 3) == {
        "3.4.2": [("回答", "未実施", "該当なし")],
        "3.plan": [("期限", older.answers["3.plan"].due, "2028年3月末")],
    }
    assert _fields(diff, 6) == {
        "6.1.1": [("詳細", older.answers["6.1.1"].detail.strip(), HOSTILE.strip())]
    }
    skipped = older.answers["9.1.1"]
    assert skipped.checks, "the demo's 9.1.1 has a check-list"
    assert _fields(diff, 9) == {
        "9.1.1": [
            ("回答", skipped.status.label, "未回答"),
            ("詳細", skipped.detail.strip(), ""),
            ("チェック", "".join(skipped.checks), ""),
        ]
    }


def test_new_and_unanswered_items_list_every_question(diff, pair, questions):
    newer = pair[1]
    seven = next(i for i in diff.items if i.no == 7)
    asked = [q.id for q in questions.for_item(7) if newer.answers[q.id].is_answered]
    assert [q.question_id for q in seven.questions] == asked
    assert all(q.before.state == "未回答" for q in seven.questions)
    eight = next(i for i in diff.items if i.no == 8)
    assert [q.question_id for q in eight.questions] == [q.id for q in questions.for_item(8)]
    assert all(q.after.state == "未回答" and q.after.detail == "" for q in eight.questions)


def test_item_texts_use_the_kept_text_over_the_draft(diff, pair, catalog, questions):
    older, newer = pair
    four = next(i for i in diff.items if i.no == 4)
    assert [(t.label, t.before, t.after) for t in four.texts] == [
        ("備考", older.texts["4"].remarks.text, EDITED_REMARKS)
    ]
    assert four.questions == []
    # Item 5's texts are drafts: the new detail shows in 現在の対応状況.
    five = next(i for i in diff.items if i.no == 5)
    assert [t.label for t in five.texts] == ["現在の対応状況"]
    expected = effective_texts(newer, catalog.item(5), questions)["status"]
    assert five.texts[0].after == expected and five.texts[0].before != expected
    # Item 1's texts were confirmed last year and stay as kept.
    assert next(i for i in diff.items if i.no == 1).texts == []


def test_same_session_has_no_changes(pair, catalog, questions):
    older, _ = pair
    same = diff_sessions(older, older, catalog, questions)
    assert same.changed_items == []
    assert "変わった項目はありません。" in report_text(same)


def test_different_parties_are_refused(pair, catalog, questions):
    older, newer = pair
    bank = newer.model_copy(deep=True)
    bank.respondent = bank.respondent.model_copy(update={"party": Party.FINANCIAL_INSTITUTION})
    with pytest.raises(UserError, match="立場が異なる"):
        diff_sessions(older, bank, catalog, questions)


# --- the command ---------------------------------------------------------------------


@pytest.fixture
def files(pair, tmp_path: Path) -> tuple[Path, Path]:
    older, newer = pair
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_bytes(dump_bytes(older))
    b.write_bytes(dump_bytes(newer))
    return a, b


def _run(tmp_path: Path, *args: str) -> int:
    return main(["--sessions-dir", str(tmp_path), "diff", *args])


def test_cli_text_lists_changed_items_and_summary(files, tmp_path, capsys, diff):
    assert _run(tmp_path, *map(str, files)) == 0
    out = capsys.readouterr().out
    heads = [line for line in out.splitlines() if line.startswith("通番")]
    assert [h.split("［")[0] for h in heads] == [f"通番{i.no}" for i in diff.changed_items]
    assert heads[0].startswith("通番1［変更あり］（後退 1）")
    assert heads[1].startswith("通番2［変更あり］（改善 1）")
    assert any(h.startswith("通番7［新規回答］") for h in heads)
    assert any(h.startswith("通番8［未回答］") for h in heads)
    assert "    回答: 実施済み → 未実施" in out
    assert "  設問 1.1.1 最高責任者の明確化【後退】" in out
    assert f"    期限: {diff.items[2].questions[1].before.due} → 2028年3月末" in out
    s = diff.summary()
    assert out.rstrip().splitlines()[-1] == (
        f"変更あり 7件、新規回答 1件、未回答 1件、変更なし {s.unchanged}件"
        "（手法例の改善 1件、後退 1件）"
    )
    # Control characters in answers never reach the terminal.
    assert "\x1b" not in out and "\x07" not in out
    assert "=SUM(1,2)\\x07\\x1b]0;pwned\\x07" in out


def test_cli_all_includes_unchanged_items(files, tmp_path, capsys, diff):
    assert _run(tmp_path, *map(str, files), "--all") == 0
    out = capsys.readouterr().out
    heads = [line for line in out.splitlines() if line.startswith("通番")]
    assert len(heads) == len(diff.items)
    assert any(h.startswith("通番10［変更なし］") for h in heads)


def test_cli_accepts_store_ids(pair, tmp_path, capsys):
    older, newer = pair
    for session in pair:
        (tmp_path / f"{session.id}.toml").write_bytes(dump_bytes(session))
    assert _run(tmp_path, older.id, newer.id) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"前回: {older.id}　今回: {newer.id}"


def test_cli_json(files, tmp_path, capsys, diff):
    assert _run(tmp_path, *map(str, files), "--json") == 0
    raw = capsys.readouterr().out
    assert "\x1b" not in raw and "\x07" not in raw
    data = json.loads(raw)
    assert data["before"] == "demo-sample-pay" and data["after"] == "demo-next"
    assert data["summary"] == {
        "changed": 7,
        "new": 1,
        "unanswered": 1,
        "unchanged": diff.summary().unchanged,
        "improved": 1,
        "regressed": 1,
        "unreviewed": 0,
    }
    assert [i["no"] for i in data["items"]] == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    first = data["items"][0]["questions"][0]
    assert first["id"] == "1.1.1" and first["trend"] == "regressed"
    assert first["trend_label"] == "後退"  # ASCII code for scripts, the label for people
    assert data["items"][0]["kind"] == "changed" and data["items"][0]["kind_label"] == "変更あり"
    assert data["items"][6]["kind"] == "new" and data["items"][7]["kind"] == "unanswered"
    assert (first["status_before"], first["status_after"]) == ("done", "not_done")
    six = data["items"][5]["questions"][0]["changes"][0]
    assert six["after"] == HOSTILE.strip()  # the JSON value itself is exact
    four = data["items"][3]["texts"]
    assert (
        four
        == [
            {
                "field": "remarks",
                "label": "備考",
                "before": four[0]["before"],
                "after": EDITED_REMARKS,
            }
        ]
        and four[0]["before"]
    )


def test_cli_different_parties_exit_1(pair, tmp_path, capsys):
    older, newer = pair
    bank = newer.model_copy(deep=True)
    bank.respondent = bank.respondent.model_copy(update={"party": Party.FINANCIAL_INSTITUTION})
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_bytes(dump_bytes(older))
    b.write_bytes(dump_bytes(bank))
    assert _run(tmp_path, str(a), str(b)) == 1
    captured = capsys.readouterr()
    assert "立場が異なるセッションは比較できません" in captured.err
    assert "Traceback" not in captured.err and captured.out == ""


def test_cli_missing_file_exit_1(files, tmp_path, capsys):
    assert _run(tmp_path, str(files[0]), str(tmp_path / "none.toml")) == 1
    assert "セッションファイルが見つかりません" in capsys.readouterr().err


# --- the 変更点 workbook ---------------------------------------------------------------


def test_xlsx_sheet_reads_back(files, tmp_path, capsys, diff):
    out = tmp_path / "changes.xlsx"
    assert _run(tmp_path, *map(str, files), "--xlsx", str(out)) == 0
    assert f"出力しました: {out}" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.toml", "b.toml", "changes.xlsx"]
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name(DIFF_SHEET).to_python()
    assert rows[0] == [
        "通番",
        "区分",
        "セキュリティ対応目標",
        "変更の種類",
        "設問ID",
        "項目",
        "前回",
        "今回",
    ]
    expected = diff_rows(diff)
    assert len(rows) - 1 == len(expected)
    for row, record in zip(rows[1:], expected, strict=True):
        assert str(int(row[0])) == record.no
        assert row[1:6] == [
            record.category,
            record.goal,
            record.kind,
            record.question_id,
            record.field,
        ]
    assert rows[1][3:] == [
        "変更あり（後退）",
        "1.1.1",
        "最高責任者の明確化／回答",
        "実施済み",
        "未実施",
    ]
    hostile = next(r for r in rows if r[4] == "6.1.1")
    assert hostile[7] == "=SUM(1,2)]0;pwned 監視[2J"  # literal text, control characters removed
    remarks = next(r for r in rows if r[0] == 4 or r[0] == 4.0)
    assert remarks[5] == "備考" and remarks[7] == EDITED_REMARKS


def test_xlsx_never_replaces_a_file_unless_forced(files, tmp_path, capsys):
    out = tmp_path / "changes.xlsx"
    out.write_bytes(b"someone else's workbook")
    assert _run(tmp_path, *map(str, files), "--xlsx", str(out)) == 1
    assert "上書きしませんでした" in capsys.readouterr().err
    assert out.read_bytes() == b"someone else's workbook"  # untouched
    assert _run(tmp_path, *map(str, files), "--xlsx", str(out), "--force") == 0
    assert CalamineWorkbook.from_path(str(out)).get_sheet_by_name(DIFF_SHEET).to_python()
    # A folder gets a default name: both session ids in it.
    folder = tmp_path / "out"
    folder.mkdir()
    assert _run(tmp_path, *map(str, files), "--xlsx", f"{folder}/") == 0
    (written,) = folder.iterdir()
    assert written.name.startswith("変更点_") and written.suffix == ".xlsx"


def test_xlsx_cells_are_literal_text_and_page_is_set_up(files, tmp_path):
    out = tmp_path / "changes.xlsx"
    assert _run(tmp_path, *map(str, files), "--xlsx", str(out), "--json") == 0
    ws = openpyxl.load_workbook(out)[DIFF_SHEET]
    assert ws.freeze_panes == "B2"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ws.page_setup.fitToWidth) == 1
    assert ws.max_column == len(DIFF_LABELS)
    formulas = 0
    for row in ws.iter_rows(min_row=1):
        for cell in row:
            if cell.value is None:
                continue
            if cell.column == 1 and cell.row > 1:
                assert cell.data_type == "n"
                continue
            assert cell.data_type == "s", cell.coordinate
            assert cell.alignment.wrap_text
            if str(cell.value).startswith(("=", "+")):
                assert cell.quotePrefix, cell.coordinate
                formulas += 1
    assert formulas >= 2  # the hostile detail and the edited 備考


def test_xlsx_all_adds_unchanged_rows(pair, catalog, questions, diff):
    rows = diff_rows(diff, include_unchanged=True)
    unchanged = [r for r in rows if r.kind == "変更なし"]
    assert len(unchanged) == diff.summary().unchanged
    assert all((r.question_id, r.field, r.before, r.after) == ("", "", "", "") for r in unchanged)
    assert list(dict.fromkeys(r.no for r in rows)) == [i.label for i in diff.items]


def test_xlsx_too_long_text_is_refused_without_a_file(pair, tmp_path, capsys):
    older, newer = pair
    long = newer.model_copy(deep=True)
    _set(long, "2.2.1", detail="長" * 40_000)
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_bytes(dump_bytes(older))
    b.write_bytes(dump_bytes(long))
    out = tmp_path / "changes.xlsx"
    assert _run(tmp_path, str(a), str(b), "--xlsx", str(out)) == 1
    err = capsys.readouterr().err
    assert "「変更点」シートの通番2（設問 2.2.1）の「今回」" in err
    assert "32,767" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.toml", "b.toml"]


def test_xlsx_is_deterministic(files, tmp_path):
    first, second = tmp_path / "one.xlsx", tmp_path / "two.xlsx"
    assert _run(tmp_path, *map(str, files), "--xlsx", str(first)) == 0
    assert _run(tmp_path, *map(str, files), "--xlsx", str(second)) == 0
    assert first.read_bytes() == second.read_bytes()


# --- tailored checklists ---------------------------------------------------------------

SAMPLE_PROFILE = (
    Path(__file__).resolve().parent.parent / "docs" / "examples" / "profile-sample.toml"
)


def test_tailored_newer_session_uses_its_items_in_effect(pair, tmp_path, capsys):
    older, newer = pair
    tailored = newer.model_copy(deep=True)
    tailored.profile_name = "さくら銀行 API接続先向け 2027年版"
    tailored.profile_text = SAMPLE_PROFILE.read_text(encoding="utf-8")
    catalog, questions = session_checklist(tailored)
    added = next(i for i in catalog.items if i.display_no == "追加1")
    first = questions.for_item(added.no)[0]
    tailored.answers[first.id] = Answer(status=Status.DONE, detail="毎月5営業日以内に報告")
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_bytes(dump_bytes(older))
    b.write_bytes(dump_bytes(tailored))
    out = tmp_path / "changes.xlsx"
    assert _run(tmp_path, str(a), str(b), "--xlsx", str(out)) == 0
    text = capsys.readouterr().out
    heads = [line for line in text.splitlines() if line.startswith("通番")]
    assert not any(h.startswith(("通番8［", "通番17［")) for h in heads)  # excluded in B
    assert any(h.startswith("通番追加1［新規回答］") for h in heads)
    assert f"  設問 {first.id} {first.short}" in text
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name(DIFF_SHEET).to_python()
    added_rows = [r for r in rows if r[0] == "追加1"]
    assert [r[4:6] for r in added_rows] == [
        [first.id, f"{first.short}／回答"],
        [first.id, f"{first.short}／詳細"],
        ["", "現在の対応状況"],
        ["", "課題認識"],
        ["", "課題への対応計画"],
    ]
    assert [r[6:] for r in added_rows[:2]] == [
        ["未回答", "実施済み"],
        ["", "毎月5営業日以内に報告"],
    ]
    # ⑤ summarises (what, how often); an answered row never leaves ⑥/⑦ blank
    assert added_rows[2][6] == "" and f"{first.short}は対応済み" in added_rows[2][7]
    assert "頻度：月1回" in added_rows[2][7]  # 「毎月」, in one wording
    assert added_rows[3][7] == added_rows[4][7] == "特になし"
    ws = openpyxl.load_workbook(out)[DIFF_SHEET]
    cells = [row[0] for row in ws.iter_rows(min_row=2) if row[0].value == "追加1"]
    assert cells and all(c.data_type == "s" for c in cells)
