"""The workbook a bank reviewer reads (issue 16): concise texts, rows that fit, pages that print.

Golden texts for a few demo items (read as a reviewer would), and properties over both demo
exports: no internal labels, no unexplained markers, no blank ⑥/⑦ on an answered row, ⑥ not
repeating ⑤, explicit row heights within 409 pt, ≥ 8 pt effective print size on A4.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from interview.catalog import Party
from interview.compile.export import ExportOptions, export_session
from interview.compile.item_text import compile_item
from interview.engine.answers import Answer, Status
from interview.questions.bank import load_questions
from interview.services.demo import build_demo_session
from interview.workbook.fit import MAX_ROW_PT, fit_scale, row_height
from interview.workbook.layout import (
    DETAIL_COLUMNS,
    FORMAT_COLUMNS,
    GAP_COLUMNS,
    printable_width_pt,
)

MADE_ON = date(2026, 11, 29)


@pytest.fixture(scope="module")
def questions(catalog):
    return load_questions(catalog)


@pytest.fixture(scope="module")
def exports(catalog, questions, tmp_path_factory) -> dict[Party, Path]:
    out = {}
    for party in (Party.API_CONNECTOR, Party.FINANCIAL_INSTITUTION):
        session = build_demo_session(catalog, questions, party=party)
        path = tmp_path_factory.mktemp("review") / f"{party.value}.xlsx"
        export_session(session, path, catalog, questions, ExportOptions(made_on=MADE_ON))
        out[party] = path
    return out


def sheet(path: Path, name: str) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def by_number(path: Path) -> dict[str, list]:
    return {str(int(r[0])): [str(c) for c in r] for r in sheet(path, "フォーマット")[1:]}


# --- golden texts ----------------------------------------------------------------------------

GOLDEN_1 = (
    "・責任者の設置：最高責任者の明確化、情報資産の安全管理の責任者は対応済み"
    "（根拠：情報セキュリティ基本規程）、部署ごとの情報資産管理責任者は一部対応です。\n"
    "・最高責任者・責任者の業務：最高責任者による情報管理の対策、"
    "サービス所管部署の責任者による対策は対応済み（根拠：委託先選定基準／頻度：月1回）です。\n"
    "・その他の対策：個人情報保護管理者として管理本部長を別途任命し、"
    "個人情報の取扱いはCISOと連携して管理している。\n"
    "詳細は回答詳細シート参照。"
)

GOLDEN_22_ALTERNATIVE = (
    "・証明書による認証：ワンタイムトークンによる多要素認証は対応済み、"
    "証明書による端末と担当者の認証は代替策で対応（代替策：Oktaの端末ポリシーで"
    "MDM登録済みの端末からのみ接続を許可し、端末と担当者を限定している）です。"
)

GOLDEN_3_CERT = (
    "第三者認証等：ISMS（JIS Q 27001等）（認証機関：デモ認証機構（架空）、"
    "登録番号：IS 000000（架空）、適用範囲：「サンプルペイ」サービスの企画・開発・運用及び"
    "カスタマーサポート、有効期限：2027年4月）を取得しており、"
    "適用宣言書は附属書Aの全管理策を対象に含みます。"
)


def test_golden_item_1(exports):
    row = by_number(exports[Party.API_CONNECTOR])["1"]
    assert row[4] == GOLDEN_1
    assert row[5] == (
        "開発チームと運用チームが同一部長の所管で、部門別の情報資産管理責任者が分かれていない。"
        "CISOがCTOを兼任しており、開発部門への牽制が効きにくい。"
    )
    assert row[6].endswith("（期限：2027年3月末、担当：管理本部長）")


def test_golden_alternative_control_is_named_and_not_a_gap(exports):
    path = exports[Party.API_CONNECTOR]
    assert GOLDEN_22_ALTERNATIVE in by_number(path)["22"][4].splitlines()
    gaps = {r[2] for r in sheet(path, "課題一覧")[1:]}
    assert "22.3.1" not in gaps and "22.4.1" in gaps


def test_golden_certification_opens_the_item_once(exports):
    rows = by_number(exports[Party.API_CONNECTOR])
    for number in ("3", "9", "21", "24", "27"):
        lines = rows[number][4].splitlines()
        assert lines[0] == GOLDEN_3_CERT, number
        assert rows[number][4].count("ISMS") == 1, number
    # item 3: the certification example (3.7.1) is not said a second time
    assert "第三者認証・内部統制保証報告書の活用" not in rows["3"][4]


def test_golden_unresolved_and_not_applicable(exports):
    rows = by_number(exports[Party.API_CONNECTOR])
    assert "拠点の所在地域の確認は確認中（2027年1月までに回答）" in rows["11"][4]
    assert "連鎖接続先への改善要求は該当なし（理由：当社は取得した口座情報等を" in rows["8"][4]
    assert rows["8"][5] == rows["8"][6] == "特になし"


def test_golden_bank_item(exports):
    rows = by_number(exports[Party.FINANCIAL_INSTITUTION])
    assert rows["41"][4].splitlines()[0] == (
        "・トークンの適切な管理：トークンの有効期限の設定、アクセス権限の速やかな制限・停止・取消"
        "は対応済み（根拠：API認可基準／頻度：年1回）、トークンの偽造・盗用対策は代替策で対応"
        "（代替策：更新系APIでは送信者制約付きトークン（mTLS）を用いて盗用を防いでいる）です。"
    )
    assert rows["15"][4].startswith(
        "・利用者への補償対応：補償・返金の方法と範囲の取決めは対応済み、"
        "クラウド事業者との責任範囲と損害賠償保険の確認は確認中（2027年1月までに回答）です。"
    )
    # the bank's own items are filled, the connector's left blank
    assert rows["38"][4] and rows["1"][4] == ""
    assert not any("第三者認証等" in r[4] for r in rows.values())  # asked of API接続先 only


# --- properties of both demo exports ---------------------------------------------------------


def ngrams(text: str, n: int = 6) -> set[str]:
    flat = re.sub(r"\s+", "", text)
    return {flat[i : i + n] for i in range(len(flat) - n + 1)}


@pytest.mark.parametrize("party", [Party.API_CONNECTOR, Party.FINANCIAL_INSTITUTION])
def test_reviewer_properties(exports, catalog, party):
    path = exports[party]
    mine = {str(i.no) for i in catalog.items_for(party)}
    rows = by_number(path)
    shared, total = 0, 0
    for number, row in rows.items():
        status, issues, plan = row[4], row[5], row[6]
        for text in row:
            assert " — " not in text and "。）" not in text, number
            assert "不明・要確認" not in text, number
            assert "［該当" not in text and not re.search("[①-⑳]{2,}", text), number
        if number in mine:
            assert status.endswith("詳細は回答詳細シート参照。"), number
            assert issues and plan, f"通番{number}: ⑥/⑦ が空欄"
            assert issues != "なし" and plan != "なし"
            if issues != "特になし":
                grams = ngrams(issues)
                shared += len(grams & ngrams(status))
                total += len(grams)
        else:
            assert status == issues == plan == ""
    assert total and shared / total <= 0.10, f"⑥が⑤を繰り返す割合 {shared / total:.0%}"
    for name in ("課題一覧", "回答詳細"):
        for row in sheet(path, name):
            assert not any("不明・要確認" in str(c) for c in row), name


@pytest.mark.parametrize("party", [Party.API_CONNECTOR, Party.FINANCIAL_INSTITUTION])
def test_every_row_has_an_explicit_height_that_fits(exports, party):
    book = openpyxl.load_workbook(exports[party])
    for name, columns in (
        ("フォーマット", FORMAT_COLUMNS),
        ("課題一覧", GAP_COLUMNS),
        ("回答詳細", DETAIL_COLUMNS),
    ):
        ws = book[name]
        widths = [c.width for c in columns.values()]
        assert [ws.column_dimensions[chr(65 + i)].width for i in range(len(widths))] == widths
        for row in ws.iter_rows(min_row=2):
            height = ws.row_dimensions[row[0].row].height
            assert height is not None, (name, row[0].row)
            need = row_height([c.value for c in row], widths)
            assert need <= height <= MAX_ROW_PT, (name, row[0].row, need, height)


def test_effective_print_size_on_a4_and_a3():
    for columns in (FORMAT_COLUMNS, GAP_COLUMNS, DETAIL_COLUMNS):
        widths = [c.width for c in columns.values()]
        assert 10 * fit_scale(widths, printable_width_pt("A4")) >= 8.4
        assert fit_scale(widths, printable_width_pt("A3")) == 1.0


def test_paper_a3_and_the_cover(exports, catalog, questions, tmp_path):
    session = build_demo_session(catalog, questions)
    a3 = tmp_path / "a3.xlsx"
    export_session(session, a3, catalog, questions, ExportOptions(paper="A3", made_on=MADE_ON))
    book = openpyxl.load_workbook(a3)
    assert {int(ws.page_setup.paperSize) for ws in book.worksheets} == {8}
    a4 = openpyxl.load_workbook(exports[Party.API_CONNECTOR])
    assert int(a4["フォーマット"].page_setup.paperSize) == 9
    assert a4["フォーマット"].sheet_properties.pageSetUpPr.fitToPage
    cover = a4["表紙"]
    labels = [cover.cell(r, 1).value for r in range(1, cover.max_row + 1)]
    assert "回答の進捗" not in labels and "聞き取り担当" not in labels
    values = {cover.cell(r, 1).value: cover.cell(r, 2).value for r in range(3, 12)}
    assert values["作成日"] == "2026年11月29日"  # the export date
    merged = {str(m) for m in cover.merged_cells.ranges}
    notes = [r for r in range(1, cover.max_row + 1) if str(cover.cell(r, 1).value).startswith("・")]
    assert notes and all(f"A{r}:B{r}" in merged for r in notes)


# --- compile rules ---------------------------------------------------------------------------


def test_an_unmet_example_is_not_automatically_a_gap(catalog, questions):
    item = catalog.item(22)
    base = {"22.4.1": Answer(status=Status.NOT_DONE, detail="はい、一部のみ")}
    said_none = {**base, "22.issues": Answer(detail="なし"), "22.plan": Answer(detail="なし")}
    draft = compile_item(item, questions, said_none)
    assert draft.issues == draft.plan == "特になし"  # the respondent says the 目標 is met
    untold = compile_item(item, questions, base)
    assert untold.issues == (
        "目標「システムアクセス時の認証を実施する」に対し、"
        "接続端末と接続元ネットワークの限定の整備が十分ではありません。"
    )
    assert untold.plan == "対応計画は検討中です。"
    optional = compile_item(catalog.item(3), questions, {"3.7.1": Answer(status=Status.NOT_DONE)})
    assert optional.issues == "特になし"  # 3.7.1: 取得していなければならない訳ではない


def test_a_detail_that_is_only_a_status_word_adds_nothing(catalog, questions):
    answers = {
        "14.1.1": Answer(status=Status.NOT_APPLICABLE, detail="該当なし"),
        "13.1.1": Answer(
            status=Status.ALTERNATIVE, detail="はい、代替策で対応。コールセンター委託先の手順で対応"
        ),
    }
    fourteen = compile_item(catalog.item(14), questions, answers).status
    assert "理由" not in fourteen and "該当なし。" not in fourteen
    thirteen = compile_item(catalog.item(13), questions, answers).status
    assert "代替策：コールセンター委託先の手順で対応" in thirteen


def test_certification_fields_from_the_answer(catalog, questions):
    cert = Answer(
        checks=("2", "4"),
        detail=(
            "ISMSは認証機関：BSI、登録番号：IS 1、適用範囲：本サービス、有効期限：2027年4月、"
            "適用宣言書：A.9を含む。SOC2はType：Type2、対象期間：2025年度、例外事項：なし"
        ),
    )
    status = compile_item(catalog.item(21), questions, {"21.cert": cert}).status
    assert status == (
        "第三者認証等：ISMS（JIS Q 27001等）（認証機関：BSI、登録番号：IS 1、適用範囲：本サービス、"
        "有効期限：2027年4月）を取得し、SOC2 Type2（対象期間：2025年度、例外事項：なし）を"
        "入手しており、適用宣言書はA.9を含みます。"
    )
    none = compile_item(catalog.item(13), questions, {"13.cert": Answer(detail="なし（該当なし）")})
    assert none.status == ""


def test_status_key_6_is_the_alternative(catalog):
    assert [s.key for s in Status] == ["1", "2", "3", "4", "5", "6"]
    assert Status("alternative").key == "6" and Status.ALTERNATIVE.label == "代替策で対応"
    assert Status.from_label("確認中（2027年1月までに回答）") is Status.UNKNOWN


# --- property: compiled rows fit at the chosen widths ------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from interview.compile.workbook_data import sheet_rows  # noqa: E402
from interview.workbook.headers import FORMAT_LABELS  # noqa: E402


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_compiled_rows_fit_whatever_the_statuses(catalog, questions, data):
    """Any mix of statuses (and 確認中 months) over the demo's answers gives rows within 409 pt."""
    party = data.draw(st.sampled_from([Party.API_CONNECTOR, Party.FINANCIAL_INSTITUTION]))
    session = build_demo_session(catalog, questions, party=party)
    session.texts = {}  # drafts: what the compiler writes
    for key, answer in list(session.answers.items()):
        if answer.status is not None:
            status = data.draw(st.sampled_from(list(Status)), label=key)
            due = "2027年1月" if status is Status.UNKNOWN else ""
            session.answers[key] = answer.model_copy(update={"status": status, "due": due})
    fields = list(FORMAT_LABELS)
    widths = [FORMAT_COLUMNS[f].width for f in fields]
    for row in sheet_rows(session, catalog, questions.for_party(party)):
        height = row_height([getattr(row, f) for f in fields], widths)
        assert height <= MAX_ROW_PT, (row.no, height)
        assert "。）" not in row.status and " — " not in row.status


def test_typed_replies_reach_the_alternative():
    from interview.engine.reply import parse_status_reply

    assert parse_status_reply("6 Okta端末ポリシー").status is Status.ALTERNATIVE
    reply = parse_status_reply("代替策で対応、Okta端末ポリシーで限定")
    assert reply.status is Status.ALTERNATIVE and "Okta端末ポリシー" in reply.detail
    assert parse_status_reply("5").status is Status.UNKNOWN  # keys 1–5 keep their meaning
