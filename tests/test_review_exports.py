"""``review export --portfolio`` and ``--bank-session`` (one 44-row checklist).

Fixtures ``review_books`` and ``reviewer``: conftest.py (steps in review_helpers.py)."""

from __future__ import annotations

import os
import stat

import pytest
from python_calamine import CalamineWorkbook
from review_helpers import BETA, ORG

from interview.catalog import Party
from interview.compile.export import export_session
from interview.services.demo import build_demo_session
from interview.session.models import ItemText, ItemTexts, Respondent, Session
from interview.session.store import SessionStore


@pytest.fixture
def review(reviewer, review_books) -> str:
    """Two connectors (the demo and 株式会社ベータ) with three verdicts."""
    review_id = reviewer.new_review()
    assert reviewer.add(review_books["r1"], review_books["beta"])[0] == 0
    for org, item, result in (
        (ORG, "3", "要改善"),
        ("ベータ", "3", "要追加説明"),
        (ORG, "1", "確認済み"),
    ):
        code, _, err = reviewer.verdict(org, item, result, "@cmd 確認してください")
        assert code == 0, err
    return review_id


def test_portfolio(tmp_path, reviewer, review, catalog):
    out = tmp_path / "pf.xlsx"
    code, _, err = reviewer.export("--portfolio", "-o", str(out))
    assert code == 0, err
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == ["接続先一覧", "確認依頼一覧", "凡例"]
    rows = book.get_sheet_by_name("接続先一覧").to_python()
    header = [str(c) for c in rows[0]]
    items = [str(i.no) for i in catalog.items_for(Party.API_CONNECTOR)]
    assert header[9:] == items and "40" not in header
    first, second = rows[1], rows[2]
    assert first[0] == ORG and second[0] == BETA
    assert first[header.index("3")] == "回答・改善" and first[header.index("1")] == "回答・済"
    assert second[header.index("3")] == "回答・説明"
    assert int(first[header.index("要改善")]) == 1 and int(first[header.index("未確認")]) == 36
    totals = {r[0]: r for r in rows[3:]}
    assert int(totals["計（要改善）"][header.index("3")]) == 1
    assert int(totals["計（要追加説明）"][header.index("3")]) == 1
    assert int(totals["計（未確認）"][header.index("1")]) == 1
    requests = book.get_sheet_by_name("確認依頼一覧").to_python()
    assert [(r[0], str(r[1]), r[3]) for r in requests[1:]] == [
        (ORG, "3", "要改善"),
        (BETA, "3", "要追加説明"),
    ]
    import openpyxl

    wb = openpyxl.load_workbook(out)
    ws = wb["接続先一覧"]
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    cell = ws.cell(row=2, column=header.index("3") + 1)
    assert cell.fill.start_color.rgb.endswith("FFC7CE")  # 要改善 in red
    assert ws.row_dimensions[2].height >= 26  # two lines: 「回答・」 over 「改善」
    comment = wb["確認依頼一覧"]["E2"]
    assert comment.data_type == "s" and comment.quotePrefix


def bank_session() -> Session:
    texts = {
        "40": ItemTexts(
            status=ItemText(text="多層防御としてWAFとIPSを導入している。", state="edited")
        ),
        "9": ItemTexts(
            status=ItemText(text="銀行側の契約管理を年1回見直している。", state="edited")
        ),
    }
    return Session(
        id="bank",
        catalog_edition="2018-10+2019-09-27",
        respondent=Respondent(organisation="テスト銀行", party=Party.FINANCIAL_INSTITUTION),
        texts=texts,
    )


def test_bank_session_merges_both_parties_into_44_rows(tmp_path, reviewer, review, catalog):
    store = SessionStore(tmp_path / "s")
    session = bank_session()
    session.catalog_edition = catalog.edition.id
    store.save(session)
    out = tmp_path / "merged.xlsx"
    code, _, err = reviewer.export(
        "--bank-session",
        "bank",
        "--org",
        ORG,
        "-o",
        str(out),
    )
    assert code == 0, err
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("フォーマット").to_python()[1:]
    assert len(rows) == 44
    by_no = {str(r[0]).removesuffix(".0"): r for r in rows}
    assert by_no["40"][4] == "多層防御としてWAFとIPSを導入している。"
    assert (
        by_no["9"][4].startswith("【API接続先】\n")
        and "【金融機関】\n銀行側の契約管理" in by_no["9"][4]
    )
    demo = build_demo_session()
    assert by_no["1"][4] and "【金融機関】" not in by_no["1"][4]
    assert demo.respondent.organisation == ORG
    # Without --org, or with a connector's session, a clear message.
    code, _, err = reviewer.export(
        "--bank-session",
        "bank",
        "-o",
        str(tmp_path / "x.xlsx"),
    )
    assert code == 1 and "--org" in err
    wrong = session.model_copy(deep=True)
    wrong.id = "conn"
    wrong.respondent = wrong.respondent.model_copy(update={"party": Party.API_CONNECTOR})
    store.save(wrong)
    code, _, err = reviewer.export(
        "--bank-session",
        "conn",
        "--org",
        ORG,
        "-o",
        str(tmp_path / "y.xlsx"),
    )
    assert code == 1 and "金融機関として回答したセッション" in err


def test_merged_checklist_has_both_parties_texts_in_the_right_rows(tmp_path, review_books, catalog):
    """The demo bank (its own interview session) and the demo connector (its workbook):
    every one of the 44 rows holds the right party's ⑤⑥⑦ and 備考."""
    from interview.services.review.export import export_merged
    from interview.services.review.models import Review
    from interview.services.review.submissions import add_submission

    review = Review(id="rv", bank="さくら銀行")
    archive = tmp_path / "files"
    add_submission(review, review_books["r1"], archive_dir=archive)
    bank = build_demo_session(party=Party.FINANCIAL_INSTITUTION)
    bank_book = export_session(bank, tmp_path / "bank.xlsx")
    out = export_merged(review, "サンプルペイ", bank, tmp_path / "merged.xlsx", False, archive)

    def sheet(path, name="フォーマット"):
        return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()

    def by_no(path):
        return {str(r[0]).removesuffix(".0"): r for r in sheet(path)[1:]}

    merged, theirs, ours = by_no(out), by_no(review_books["r1"]), by_no(bank_book)
    assert sorted(merged, key=int) == [str(n) for n in range(1, 45)]
    for no, row in merged.items():
        party = catalog.item(int(no)).party
        assert row[3] == party.label  # ④対象者
        for column in (4, 5, 6, 9):  # ⑤⑥⑦, 備考
            connector, bank_text = theirs[no][column], ours[no][column]
            if party is Party.API_CONNECTOR:
                assert row[column] == connector, (no, column)
            elif party is Party.FINANCIAL_INSTITUTION:
                assert row[column] == bank_text and bank_text, (no, column)
            else:
                parts = [
                    f"{mark}\n{text}"
                    for mark, text in (("【API接続先】", connector), ("【金融機関】", bank_text))
                    if text.strip()
                ]
                assert row[column] == "\n\n".join(parts), (no, column)
    assert merged["40"][4] and merged["9"][4].count("【金融機関】") == 1
    # 回答詳細 and 課題一覧: each party's rows on its own items, both (marked) on 共通 items.
    details = sheet(out, "回答詳細")[1:]
    numbers = {str(r[0]).removesuffix(".0") for r in details}
    assert {"1", "9", "40"} <= numbers
    for row in details:
        no = str(row[0]).removesuffix(".0")
        common = catalog.item(int(no)).party is Party.COMMON
        assert str(row[1]).startswith(("【API接続先】", "【金融機関】")) == common, row[:2]
    marks = {str(r[1]).split("】")[0] + "】" for r in details if str(r[0]) in ("9", "9.0")}
    assert marks == {"【API接続先】", "【金融機関】"}
    gaps = sheet(out, "課題一覧")[1:]
    assert {str(r[0]).removesuffix(".0") for r in gaps} >= {"42"}  # the bank's own 課題
