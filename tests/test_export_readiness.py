"""Nothing unresolved, stale or too tall goes to the bank silently (``interview export``)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from interview.cli.main import main
from interview.compile.dates import parse_due_month
from interview.compile.readiness import STALE_MARK
from interview.disclosure import find_network_details, mask_network_details
from interview.engine.answers import Status
from interview.services.demo import BANK_DEMO_ID, build_demo_session
from interview.session.models import ItemText
from interview.session.toml_format import dump_bytes, load_bytes
from interview.workbook.fit import MAX_ROW_PT


def _write(session, path: Path) -> Path:
    path.write_bytes(dump_bytes(session))
    return path


def _export(tmp_path: Path, session_file: Path, *extra: str) -> int:
    out = tmp_path / "out.xlsx"
    return main(
        ["--sessions-dir", str(tmp_path), "export", str(session_file), "-o", str(out), *extra]
    )


def _status_of(path: Path, number: int) -> str:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("フォーマット").to_python()
    return next(str(r[4]) for r in rows[1:] if int(r[0]) == number)


@pytest.fixture
def demo():
    return build_demo_session()


def test_a_changed_answer_stops_export_until_redrafted(demo, tmp_path, capsys):
    demo.answers["1.1.1"] = demo.answers["1.1.1"].model_copy(update={"status": Status.NOT_DONE})
    path = _write(demo, tmp_path / "s.toml")
    assert _export(tmp_path, path) == 1
    err = capsys.readouterr().err
    assert STALE_MARK in err and "通番1（現在の対応状況）" in err and "--redraft" in err
    assert not (tmp_path / "out.xlsx").exists()
    assert _export(tmp_path, path, "--redraft", "--force") == 0
    assert "最高責任者の明確化は未対応" in _status_of(tmp_path / "out.xlsx", 1)
    assert "通番1" in capsys.readouterr().err  # says which texts were re-drafted


def test_show_marks_stale_texts(demo, tmp_path, capsys):
    demo.answers["2.2.1"] = demo.answers["2.2.1"].model_copy(update={"status": Status.DONE})
    demo.id = "stale-demo"
    _write(demo, tmp_path / "stale-demo.toml")
    assert main(["--sessions-dir", str(tmp_path), "show", "stale-demo"]) == 0
    out = capsys.readouterr().out
    assert f"{STALE_MARK}: 1項目" in out and "通番2（現在の対応状況）" in out


def test_an_edited_text_is_kept_and_a_reconfirmed_one_is_not_stale(demo, tmp_path):
    texts = demo.texts["4"]
    texts.status = ItemText(
        draft=texts.status.draft, text="台帳は整備済み（手で直した文）", state="edited"
    )
    path = _write(demo, tmp_path / "s.toml")
    assert _export(tmp_path, path) == 0
    assert _status_of(tmp_path / "out.xlsx", 4) == "台帳は整備済み（手で直した文）"


def test_unresolved_answers_need_a_month_or_permission(demo, tmp_path, capsys):
    demo.answers["11.1.2"] = demo.answers["11.1.2"].model_copy(update={"due": ""})
    del demo.texts["11"]  # not reviewed yet: the draft is written
    path = _write(demo, tmp_path / "s.toml")
    assert _export(tmp_path, path) == 1  # no terminal to ask on: refused
    err = capsys.readouterr().err
    assert "通番11 11.1.2 拠点の所在地域の確認" in err and "--allow-unresolved" in err
    assert _export(tmp_path, path, "--unresolved-by", "2027-03", "--force") == 0
    assert "拠点の所在地域の確認は確認中（2027年3月までに回答）" in _status_of(
        tmp_path / "out.xlsx", 11
    )
    assert _export(tmp_path, path, "--allow-unresolved", "--force") == 0
    out = tmp_path / "out.xlsx"
    assert "拠点の所在地域の確認は確認中です" in _status_of(out, 11)
    details = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("回答詳細").to_python()
    assert next(r[5] for r in details if r[1] == "11.1.2") == "確認中"
    assert _export(tmp_path, path, "--unresolved-by", "来年") == 1
    assert "2027-01" in capsys.readouterr().err


def test_due_months():
    assert parse_due_month("2027-01") == "2027年1月"
    assert parse_due_month("２０２７年３月末") == "2027年3月"
    assert parse_due_month("2027/12") == "2027年12月"
    for bad in ("2027-13", "来月", "1999-01", ""):
        with pytest.raises(ValueError):
            parse_due_month(bad)


def test_a_row_too_tall_is_named_and_its_detail_can_move(demo, tmp_path, capsys):
    long = "\n".join(
        f"・対策{n}：" + "規程に基づき毎月点検し記録を保管している。" * 3 for n in range(40)
    )
    texts = demo.texts["5"]
    texts.status = ItemText(draft=texts.status.draft, text=long, state="edited")
    path = _write(demo, tmp_path / "s.toml")
    assert _export(tmp_path, path) == 1
    err = capsys.readouterr().err
    assert "通番5" in err and "409pt" in err and "--move-detail" in err
    assert _export(tmp_path, path, "--move-detail", "--force") == 0
    out = tmp_path / "out.xlsx"
    status = _status_of(out, 5)
    assert status.startswith("・対策0：") and status.endswith("（以降は回答詳細シート参照）")
    ws = openpyxl.load_workbook(out)["フォーマット"]
    assert ws.row_dimensions[6].height <= MAX_ROW_PT


def test_bank_demo(tmp_path, capsys):
    target = tmp_path / "bank.toml"
    assert (
        main(
            [
                "--sessions-dir",
                str(tmp_path),
                "demo",
                "--party",
                "financial_institution",
                "--out",
                str(target),
            ]
        )
        == 0
    )
    session = load_bytes(target.read_bytes(), target)
    assert session.id == BANK_DEMO_ID and session.respondent.party.value == "financial_institution"
    assert not any(key.endswith(".cert") for key in session.answers)
    assert _export(tmp_path, target) == 0
    assert "トークンの偽造・盗用対策は代替策で対応" in _status_of(tmp_path / "out.xlsx", 41)
    assert (
        main(["--sessions-dir", str(tmp_path), "demo", "--party", "bank?", "--out", str(target)])
        == 1
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("接続元は10.0.0.0/16と203.0.113.5に限定", ["10.0.0.0/16", "203.0.113.5"]),
        ("2001:db8::/32 からのみ許可", ["2001:db8::/32"]),
        ("db01.internal.sample.co.jp へ接続", ["db01.internal.sample.co.jp"]),
        ("https://api.example.com/v1 を監視", ["api.example.com"]),
        ("TLS1.2以上、v1.2.3、2026.4.1、10:30:00に実施", []),
        ("3.3.1 API接続先の適格性、ISO/IEC 27001", []),
        ("連絡は security@sample.co.jp まで", []),
        ("VPN経由に限定し、接続元の許可は四半期ごとに見直す", []),
    ],
)
def test_network_details_are_found(text, found):
    assert [f.preview for f in find_network_details(text)] == found


def test_network_details_are_masked():
    masked = mask_network_details("接続元は10.0.0.0/16に限定")
    assert masked == "接続元は［マスク済み: IPアドレス］に限定"


def test_certification_fields_from_the_command_line(tmp_path, catalog):
    from interview.compile.item_text import compile_item
    from interview.engine.answers import Answer
    from interview.questions.bank import load_questions
    from interview.session.store import SessionStore

    spec = "ISMS（JIS Q 27001等）|本サービス|2024-04|認証機関=BSI|登録番号=IS 1|有効期限=2027年4月"
    assert (
        main(
            [
                "--sessions-dir",
                str(tmp_path),
                "new",
                "--org",
                "認証社",
                "--party",
                "api_connector",
                "--id",
                "c1",
                "--certification",
                spec,
            ]
        )
        == 0
    )
    session = SessionStore(tmp_path).load("c1")
    cert = session.certifications[0]
    assert (cert.issuer, cert.number, cert.expires, cert.scope) == (
        "BSI",
        "IS 1",
        "2027年4月",
        "本サービス",
    )
    questions = load_questions(catalog)
    status = compile_item(
        catalog.item(9),
        questions,
        {"9.cert": Answer(checks=("2",))},
        certifications=session.certifications,
    ).status
    assert status == (
        "第三者認証等：ISMS（JIS Q 27001等）（認証機関：BSI、登録番号：IS 1、適用範囲：本サービス、"
        "有効期限：2027年4月）を取得しています。"
    )


def test_an_answer_changed_in_the_app_after_its_text_was_confirmed_marks_it_stale(demo):
    """Re-answering a question whose item text was confirmed (the chat, F7) marks that text
    文章を更新: the review shows the fresh draft and export stops until it is confirmed
    again or re-drafted; the old confirmed text never goes to the workbook unseen."""
    from interview.services.live import LiveSession
    from interview.session.models import Answer

    live = LiveSession(demo, lambda s: None)
    old = demo.texts["43"].issues
    assert old.state == "confirmed" and live.stale_fields(43) == ()
    live.answer(Answer(detail="新しい課題です"), question_id="43.issues")
    assert live.stale_fields(43) == ("issues",)
    shown, drafts = live.item_texts(43)
    assert shown["issues"] == drafts["issues"] == "新しい課題です"
    assert live.session.texts["43"].issues.text == old.text  # kept until confirmed again
    live.confirm_texts(43, shown, frozenset())
    assert live.stale_fields(43) == () and live.session.texts["43"].issues.text == "新しい課題です"
