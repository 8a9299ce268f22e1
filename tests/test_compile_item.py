"""Compiling one item's answers into the workbook's texts."""

from __future__ import annotations

import pytest

from interview.compile.item_text import compile_item
from interview.compile.references import reference_columns
from interview.engine.answers import Answer, Status
from interview.questions.bank import load_questions


@pytest.fixture(scope="module")
def questions(catalog):
    return load_questions(catalog)


def test_status_lines_grouped_under_headings(catalog, questions):
    item = catalog.item(22)
    qs = questions.for_item(22)
    answers = {
        qs[0].id: Answer(status=Status.DONE, detail="ID管理規程 第3版"),
        qs[1].id: Answer(status=Status.PARTIAL, detail="本番のみ", checks=("①", "③")),
        qs[2].id: Answer(status=Status.NOT_APPLICABLE, detail="パスワード認証なし"),
        qs[3].id: Answer(status=Status.NOT_DONE),
        "22.other": Answer(detail="SSO（Okta）で一元管理"),
        "22.issues": Answer(detail="証明書認証の導入が遅れている"),
        "22.plan": Answer(
            detail="クライアント証明書を導入", due="2027年3月", owner="情報システム部"
        ),
        "22.remarks": Answer(detail="なし"),
    }
    draft = compile_item(item, questions, answers)
    lines = draft.status.splitlines()
    first, second = item.method_groups[0].heading, item.method_groups[1].heading
    # one sentence per method group: what is in place (and under which rule), what is not
    assert lines[0] == (
        f"・{first}：{qs[0].short}は対応済み（根拠：ID管理規程）、{qs[1].short}は一部対応です。"
    )
    assert lines[1] == (  # in place first, then what is not, then what does not apply
        f"・{second}：{qs[3].short}は未対応、{qs[2].short}は該当なし（理由：パスワード認証なし）です。"
    )
    assert lines[-2:] == ["・その他の対策：SSO（Okta）で一元管理。", "詳細は回答詳細シート参照。"]
    assert "［該当" not in draft.status and " — " not in draft.status
    # 課題認識 is the respondent's statement of the gap, not a copy of ⑤
    assert draft.issues == "証明書認証の導入が遅れている"
    assert draft.plan == "クライアント証明書を導入（期限：2027年3月、担当：情報システム部）"
    assert draft.remarks == ""  # 「なし」 means nothing to say


def test_skipped_and_unanswered_are_left_out(catalog, questions):
    qs = questions.for_item(7)
    draft = compile_item(catalog.item(7), questions, {qs[0].id: Answer(skipped=True)})
    assert draft.status == "" and draft.issues == "" and draft.plan == ""


def test_certifications_cited(catalog, questions):
    cert = next(q for q in questions.for_item(3) if q.id == "3.cert")
    answers = {"3.cert": Answer(checks=("2", "4"), detail="対象範囲: 本サービス")}
    draft = compile_item(catalog.item(3), questions, answers)
    first = draft.status.splitlines()[0]
    assert first == (
        f"第三者認証等：{cert.options[1].text}を取得し、{cert.options[3].text}を入手しています"
        "（対象範囲: 本サービス）。"
    )


def test_compile_is_deterministic(catalog, questions):
    qs = questions.for_item(30)
    answers = {
        q.id: Answer(status=Status.DONE, detail=f"詳細{n}") for n, q in enumerate(qs) if q.example
    }
    assert compile_item(catalog.item(30), questions, answers) == compile_item(
        catalog.item(30), questions, dict(answers)
    )


def test_reference_columns_line_up(catalog):
    sources, locations = reference_columns(catalog.item(3).references)
    s, loc = sources.split("\n"), locations.split("\n")
    assert s[0] == "全銀協「オープンAPI検討会報告書」"
    assert loc[0] == "3.3 セキュリティ原則"
    fisc_row = s.index("FISC「安全対策基準」")
    assert loc[fisc_row] == "統制基準1 内部の統制"
    assert len(loc) == 7
    assert reference_columns(catalog.item(8).references) == ("", "")
