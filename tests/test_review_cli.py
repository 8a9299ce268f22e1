"""``interview review``: new, add (rounds, refusals), verdict, status --json, file safety."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from interview.cli.main import main
from interview.compile.export import export_session
from interview.services.demo import build_demo_session
from interview.services.review.models import Review
from interview.services.review.store import ReviewStore

ORG = "株式会社サンプルペイ（デモ）"


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Round 1, a round 2 with item 3 changed, and one from another organisation."""
    folder = tmp_path_factory.mktemp("books")
    session = build_demo_session()
    first = export_session(session, folder / "round1.xlsx")
    changed = session.model_copy(deep=True)
    from interview.compile.readiness import item_draft
    from interview.services.checklist import plain_checklist
    from interview.session.models import ItemText, ItemTexts

    checklist = plain_checklist()
    item = checklist.catalog.item(3)
    draft = item_draft(changed, item, checklist.questions).field("status")
    texts = changed.texts.get("3") or ItemTexts()
    changed.texts["3"] = texts.model_copy(
        update={
            "status": ItemText(
                draft=draft, text="TLS1.3で暗号化し、鍵はHSMで管理している。", state="edited"
            )
        }
    )
    second = export_session(changed, folder / "round2.xlsx")
    other = session.model_copy(deep=True)
    other.respondent = other.respondent.model_copy(update={"organisation": "株式会社ベータ"})
    third = export_session(other, folder / "beta.xlsx")
    return {"r1": first, "r2": second, "beta": third}


def run(tmp: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--sessions-dir", str(tmp / "s"), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, _ = run(tmp_path, capsys, "review", "new", "--bank", "テスト銀行", "--id", "rv")
    assert code == 0 and "rv" in out
    return "rv"


def load(tmp: Path) -> Review:
    return ReviewStore(tmp / "s").load("rv")


def test_new_creates_a_private_toml_beside_the_sessions(tmp_path, capsys, review):
    path = tmp_path / "s" / "reviews" / "rv.review.toml"
    assert path.is_file()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load(tmp_path).bank == "テスト銀行"
    code, _, err = run(tmp_path, capsys, "review", "new", "--bank", "別", "--id", "rv")
    assert code != 0 and "既にあります" in err


def test_add_records_org_hash_round_and_refuses_the_same_file(tmp_path, capsys, review, workbooks):
    before = workbooks["r1"].read_bytes()
    code, out, _ = run(tmp_path, capsys, "review", "add", "rv", str(workbooks["r1"]))
    assert code == 0 and f"{ORG} 第1回（38項目）" in out
    assert workbooks["r1"].read_bytes() == before  # the raw file is never modified
    sub = load(tmp_path).connectors[0].submissions[0]
    assert sub.round == 1 and len(sub.sha256) == 64 and sub.file == "round1.xlsx"
    copy = tmp_path / "s" / "reviews" / "rv.files" / sub.archive
    assert copy.read_bytes() == before  # a private copy, kept for the feedback export
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    code, _, err = run(tmp_path, capsys, "review", "add", "rv", str(workbooks["r1"]))
    assert code == 1 and "既に追加されています" in err
    assert len(load(tmp_path).connectors[0].submissions) == 1


def test_resubmission_keeps_unchanged_verdicts_and_flags_changes(
    tmp_path, capsys, review, workbooks
):
    run(tmp_path, capsys, "review", "add", "rv", str(workbooks["r1"]))
    for item in ("1", "3"):
        code, _, _ = run(
            tmp_path,
            capsys,
            "review",
            "verdict",
            "rv",
            "--org",
            ORG,
            "--item",
            item,
            "--result",
            "確認済み",
        )
        assert code == 0
    code, out, _ = run(tmp_path, capsys, "review", "add", "rv", str(workbooks["r2"]))
    assert code == 0 and "第2回" in out and "通番3" in out
    connector = load(tmp_path).connectors[0]
    assert connector.round == 2
    assert connector.items["1"].verdict is not None  # unchanged: kept
    assert connector.items["3"].verdict is None and connector.items["3"].changed
    assert connector.submissions[-1].changed == [3]


def test_unknown_organisation_needs_org(tmp_path, capsys, review, workbooks):
    import openpyxl

    book = openpyxl.load_workbook(workbooks["r1"])
    del book["表紙"]
    bare = tmp_path / "bare.xlsx"
    book.save(bare)
    code, _, err = run(tmp_path, capsys, "review", "add", "rv", str(bare))
    assert code == 1 and "--org" in err
    code, out, _ = run(
        tmp_path, capsys, "review", "add", "rv", str(bare), "--org", "株式会社ガンマ"
    )
    assert code == 0 and "株式会社ガンマ 第1回" in out


def test_other_edition_is_refused_with_a_clear_message(tmp_path, capsys, review, workbooks):
    import openpyxl

    book = openpyxl.load_workbook(workbooks["r1"])
    cover = book["表紙"]
    for row in cover.iter_rows():
        if row[0].value == "チェックリストの版":
            row[1].value = "API接続チェックリスト 2017年3月版"
    old = tmp_path / "old.xlsx"
    book.save(old)
    code, _, err = run(tmp_path, capsys, "review", "add", "rv", str(old))
    assert code == 1 and "別の版" in err and "2017年3月版" in err


def test_broken_and_missing_files_are_refused_others_still_added(
    tmp_path, capsys, review, workbooks
):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    code, _out, err = run(
        tmp_path,
        capsys,
        "review",
        "add",
        "rv",
        str(broken),
        str(tmp_path / "none.xlsx"),
        str(workbooks["beta"]),
    )
    assert code == 1
    assert "broken.xlsx" in err and "none.xlsx" in err and "Traceback" not in err
    assert [c.organisation for c in load(tmp_path).connectors] == ["株式会社ベータ"]


def test_verdict_refuses_bank_items_naming_them(tmp_path, capsys, review, workbooks):
    run(tmp_path, capsys, "review", "add", "rv", str(workbooks["r1"]))
    code, _, err = run(
        tmp_path,
        capsys,
        "review",
        "verdict",
        "rv",
        "--org",
        ORG,
        "--item",
        "40",
        "--result",
        "要改善",
    )
    assert code == 1 and "通番40" in err and "金融機関" in err
    code, _, err = run(
        tmp_path,
        capsys,
        "review",
        "verdict",
        "rv",
        "--org",
        "存在しない",
        "--item",
        "1",
        "--result",
        "要改善",
    )
    assert code == 1 and "ありません" in err
    with pytest.raises(SystemExit) as exc:
        run(
            tmp_path,
            capsys,
            "review",
            "verdict",
            "rv",
            "--org",
            ORG,
            "--item",
            "1",
            "--result",
            "OK",
        )
    assert exc.value.code == 2


def test_status_json_shape(tmp_path, capsys, review, workbooks):
    run(tmp_path, capsys, "review", "add", "rv", str(workbooks["r1"]), str(workbooks["beta"]))
    run(
        tmp_path,
        capsys,
        "review",
        "verdict",
        "rv",
        "--org",
        "サンプルペイ",
        "--item",
        "2",
        "--result",
        "要追加説明",
        "--comment",
        "=SUM(A1)\\n二行目",
    )
    run(
        tmp_path,
        capsys,
        "review",
        "verdict",
        "rv",
        "--org",
        ORG,
        "--item",
        "5",
        "--result",
        "対象外を確認",
    )
    code, out, _ = run(tmp_path, capsys, "review", "status", "rv", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["review"] == "rv" and data["bank"] == "テスト銀行"
    first, second = data["connectors"]
    assert first["organisation"] == ORG and second["organisation"] == "株式会社ベータ"
    assert first["round"] == 1 and first["items_total"] == 38
    assert first["unreviewed"] == 36
    assert first["needs_explanation"] == 1 and first["not_applicable_confirmed"] == 1
    assert first["confirmed"] == 0 and first["needs_improvement"] == 0
    assert first["verdicts"] == {
        "未確認": 36,
        "確認済み": 0,
        "要追加説明": 1,
        "要改善": 0,
        "対象外を確認": 1,
    }
    assert second["unreviewed"] == 38
    assert load(tmp_path).connectors[0].items["2"].comment == "=SUM(A1)\n二行目"
    code, out, _ = run(tmp_path, capsys, "review", "status", "rv")
    assert "要追加説明 1" in out


def test_missing_review_and_locked_review(tmp_path, capsys, review):
    code, _, err = run(tmp_path, capsys, "review", "status", "nope")
    assert code == 1 and "見つかりません" in err
    from interview.session.lock import SessionLock

    lock = SessionLock(tmp_path / "s" / "reviews" / "rv.review.toml")
    lock.acquire()
    try:
        code, _, err = run(
            tmp_path,
            capsys,
            "review",
            "verdict",
            "rv",
            "--org",
            ORG,
            "--item",
            "1",
            "--result",
            "確認済み",
        )
    finally:
        lock.release()
    assert code == 1 and "使用中" in err
