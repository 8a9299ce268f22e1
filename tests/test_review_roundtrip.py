"""Round trip: connector exports → bank adds → verdicts → feedback → connector imports and
sees the requests → round 2 → the bank sees the changes. Plus the feedback workbook's cells.

Fixtures ``review_books`` and ``reviewer``: conftest.py (steps in review_helpers.py)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook
from review_helpers import ORG

from interview.services.demo import DEMO_ID, write_demo
from interview.session.store import SessionStore


def test_round_trip(tmp_path: Path, reviewer) -> None:
    # The connector answers and exports.
    write_demo(reviewer.sessions / f"{DEMO_ID}.toml")
    book1 = tmp_path / "connector-r1.xlsx"
    assert reviewer.run("export", DEMO_ID, "-o", str(book1))[0] == 0
    # The bank adds it and gives verdicts.
    reviewer.new_review()
    assert reviewer.add(book1)[0] == 0
    for item, result, comment in (
        ("1", "確認済み", ""),
        ("3", "要改善", "=鍵の保管方法を\n具体的に記載してください"),
        ("7", "要追加説明", "監視の頻度は？"),
    ):
        code, _, err = reviewer.verdict(ORG, item, result, comment)
        assert code == 0, err
    feedback = tmp_path / "feedback.xlsx"
    code, _, err = reviewer.export("--feedback", ORG, "-o", str(feedback))
    assert code == 0, err
    assert stat.S_IMODE(os.stat(feedback).st_mode) == 0o600
    # Never over an existing file without --force.
    code, _, err = reviewer.export("--feedback", ORG, "-o", str(feedback))
    assert code != 0 and "上書き" in err

    book = CalamineWorkbook.from_path(str(feedback))
    assert "確認依頼" in book.sheet_names
    rows = book.get_sheet_by_name("フォーマット").to_python()
    header = [str(c) for c in rows[0]]
    assert header[-2:] == ["金融機関確認結果", "金融機関コメント"]
    by_no = {str(r[0]).removesuffix(".0"): r for r in rows[1:]}
    assert by_no["3"][-2] == "要改善"
    assert by_no["3"][-1] == "=鍵の保管方法を\n具体的に記載してください"
    assert by_no["1"][-2] == "確認済み" and by_no["2"][-2] == "未確認"
    assert by_no["40"][-2] == ""  # the bank's own item: no verdict
    requests = book.get_sheet_by_name("確認依頼").to_python()
    assert [str(r[0]) for r in requests[1:]] == ["3", "7"]
    # The comment is a literal string cell with quotePrefix, never a formula.
    ws = openpyxl.load_workbook(feedback)["フォーマット"]
    cell = next(c for c in ws["L"] if c.value and str(c.value).startswith("="))
    assert cell.data_type == "s" and cell.quotePrefix

    # The connector imports the feedback and sees the requests.
    code, out, err = reviewer.run("import", str(feedback), "-o", "round2")
    assert code == 0, err
    assert "確認依頼 2件" in out and "通番3: 要改善" in out and "鍵の保管方法を" in out
    assert "フィードバックのブック" in out and "読み込んでいないシート" not in out
    assert "金融機関確認結果」 はフォーマットの列ではない" not in out
    session = SessionStore(reviewer.sessions).load("round2")
    assert set(session.review_requests) == {"3", "7"}
    assert session.review_requests["7"].comment == "監視の頻度は？"
    assert len(session.answers) > 100  # 回答詳細 went back too
    code, out, _ = reviewer.run("show", "round2")
    assert "金融機関からの確認依頼: 2件" in out and "監視の頻度は？" in out

    # Round 2: the connector changes item 3 and exports again.
    session.texts["3"].status.text = "鍵はHSMで保管し、アクセスは二名承認としている。"
    session.texts["3"].status.state = "edited"
    SessionStore(reviewer.sessions).save(session)
    book2 = tmp_path / "connector-r2.xlsx"
    assert reviewer.run("export", "round2", "-o", str(book2))[0] == 0
    code, out, err = reviewer.run("review", "add", "rv", str(book2))
    assert code == 0, err
    assert "第2回" in out and "再提出で変更: 通番3" in out
    code, out, _ = reviewer.run("review", "status", "rv", "--json")
    import json

    (connector,) = json.loads(out)["connectors"]
    assert connector["round"] == 2
    assert connector["confirmed"] == 1  # item 1 unchanged: kept
    assert connector["needs_explanation"] == 1  # item 7 unchanged: kept
    assert connector["needs_improvement"] == 0 and connector["changed"] == 1
    feedback2 = tmp_path / "feedback2.xlsx"
    reviewer.export("--feedback", ORG, "-o", str(feedback2))
    rows = CalamineWorkbook.from_path(str(feedback2)).get_sheet_by_name("フォーマット").to_python()
    by_no = {str(r[0]).removesuffix(".0"): r for r in rows[1:]}
    assert by_no["3"][-2] == "再提出で変更"
    assert by_no["3"][4].startswith("鍵はHSMで保管し")


def test_import_into_keeps_the_session_and_adds_requests(tmp_path, reviewer, review_books) -> None:
    write_demo(reviewer.sessions / f"{DEMO_ID}.toml")  # the connector's session
    book = review_books["r1"]  # the same demo, as exported
    reviewer.new_review()
    reviewer.add(book)
    reviewer.verdict(ORG, "5", "要追加説明", "根拠資料を")
    feedback = tmp_path / "fb.xlsx"
    reviewer.export("--feedback", ORG, "-o", str(feedback))
    before = SessionStore(reviewer.sessions).load(DEMO_ID)
    code, out, err = reviewer.run("import", str(feedback), "--into", DEMO_ID)
    assert code == 0, err
    assert "確認依頼 1件" in out and "通番5: 要追加説明" in out
    after = SessionStore(reviewer.sessions).load(DEMO_ID)
    assert after.answers == before.answers and after.texts == before.texts
    assert after.review_requests["5"].comment == "根拠資料を"
    # A workbook without requests is refused with a message; the session is untouched.
    code, _, err = reviewer.run("import", str(book), "--into", DEMO_ID)
    assert code == 1 and "確認依頼" in err
