"""``interview review``: new, add (rounds, refusals), verdict, status --json, file safety.

Fixtures ``review_books`` and ``reviewer``: conftest.py (steps in review_helpers.py)."""

from __future__ import annotations

import json
import os
import stat

import pytest
from review_helpers import BETA, ORG


@pytest.fixture
def review(reviewer) -> str:
    return reviewer.new_review()


def test_new_creates_a_private_toml_beside_the_sessions(tmp_path, reviewer, review):
    path = tmp_path / "s" / "reviews" / "rv.review.toml"
    assert path.is_file()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert reviewer.load().bank == "テスト銀行"
    code, _, err = reviewer.run("review", "new", "--bank", "別", "--id", "rv")
    assert code != 0 and "既にあります" in err


def test_add_records_org_hash_round_and_refuses_the_same_file(
    tmp_path, reviewer, review, review_books
):
    before = review_books["r1"].read_bytes()
    code, out, _ = reviewer.add(review_books["r1"])
    assert code == 0 and f"{ORG} 第1回（38項目）" in out
    assert review_books["r1"].read_bytes() == before  # the raw file is never modified
    sub = reviewer.load().connectors[0].submissions[0]
    assert sub.round == 1 and len(sub.sha256) == 64 and sub.file == "round1.xlsx"
    copy = tmp_path / "s" / "reviews" / "rv.files" / sub.archive
    assert copy.read_bytes() == before  # a private copy, kept for the feedback export
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    code, _, err = reviewer.add(review_books["r1"])
    assert code == 1 and "既に追加されています" in err
    assert len(reviewer.load().connectors[0].submissions) == 1


def test_resubmission_keeps_unchanged_verdicts_and_flags_changes(reviewer, review, review_books):
    reviewer.add(review_books["r1"])
    for item in ("1", "3"):
        code, _, _ = reviewer.verdict(ORG, item, "確認済み")
        assert code == 0
    code, out, _ = reviewer.add(review_books["r2"])
    assert code == 0 and "第2回" in out and "通番3" in out
    connector = reviewer.load().connectors[0]
    assert connector.round == 2
    assert connector.items["1"].verdict is not None  # unchanged: kept
    assert connector.items["3"].verdict is None and connector.items["3"].changed
    assert connector.submissions[-1].changed == [3]


def test_unknown_organisation_needs_org(tmp_path, reviewer, review, review_books):
    import openpyxl

    book = openpyxl.load_workbook(review_books["r1"])
    del book["表紙"]
    bare = tmp_path / "bare.xlsx"
    book.save(bare)
    code, _, err = reviewer.add(bare)
    assert code == 1 and "--org" in err
    code, out, _ = reviewer.run("review", "add", "rv", str(bare), "--org", "株式会社ガンマ")
    assert code == 0 and "株式会社ガンマ 第1回" in out


def test_other_edition_is_refused_with_a_clear_message(tmp_path, reviewer, review, review_books):
    import openpyxl

    book = openpyxl.load_workbook(review_books["r1"])
    cover = book["表紙"]
    for row in cover.iter_rows():
        if row[0].value == "チェックリストの版":
            row[1].value = "API接続チェックリスト 2017年3月版"
    old = tmp_path / "old.xlsx"
    book.save(old)
    code, _, err = reviewer.add(old)
    assert code == 1 and "別の版" in err and "2017年3月版" in err


def test_broken_and_missing_files_are_refused_others_still_added(
    tmp_path, reviewer, review, review_books
):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    code, _out, err = reviewer.add(broken, tmp_path / "none.xlsx", review_books["beta"])
    assert code == 1
    assert "broken.xlsx" in err and "none.xlsx" in err and "Traceback" not in err
    assert [c.organisation for c in reviewer.load().connectors] == [BETA]


def test_verdict_refuses_bank_items_naming_them(reviewer, review, review_books):
    reviewer.add(review_books["r1"])
    code, _, err = reviewer.verdict(ORG, "40", "要改善")
    assert code == 1 and "通番40" in err and "金融機関" in err
    code, _, err = reviewer.verdict("存在しない", "1", "要改善")
    assert code == 1 and "ありません" in err
    with pytest.raises(SystemExit) as exc:
        reviewer.verdict(ORG, "1", "OK")
    assert exc.value.code == 2


def test_status_json_shape(reviewer, review, review_books):
    reviewer.add(review_books["r1"], review_books["beta"])
    reviewer.verdict("サンプルペイ", "2", "要追加説明", "=SUM(A1)\\n二行目")
    reviewer.verdict(ORG, "5", "対象外を確認")
    code, out, _ = reviewer.run("review", "status", "rv", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["review"] == "rv" and data["bank"] == "テスト銀行"
    first, second = data["connectors"]
    assert first["organisation"] == ORG and second["organisation"] == BETA
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
    assert reviewer.load().connectors[0].items["2"].comment == "=SUM(A1)\n二行目"
    code, out, _ = reviewer.run("review", "status", "rv")
    assert "要追加説明 1" in out


def test_missing_review_and_locked_review(tmp_path, reviewer, review):
    code, _, err = reviewer.run("review", "status", "nope")
    assert code == 1 and "見つかりません" in err
    code, _, err = reviewer.run("review", "status", str(tmp_path))  # a folder, not a review
    assert code == 1 and "フォルダです" in err and "Traceback" not in err
    code, _, err = reviewer.run("review", "new", "--bank", "X", "--id", "../evil")
    assert code == 1 and "レビューIDが正しくありません" in err
    from interview.session.lock import SessionLock

    lock = SessionLock(tmp_path / "s" / "reviews" / "rv.review.toml")
    lock.acquire()
    try:
        code, _, err = reviewer.verdict(ORG, "1", "確認済み")
    finally:
        lock.release()
    assert code == 1 and "使用中" in err


def test_item_hashes_are_short_and_full_ones_from_older_files_still_compare(tmp_path, review_books):
    from interview.services.review.models import Review
    from interview.services.review.submissions import ITEM_HASH_CHARS, add_submission

    review = Review(id="rv", bank="テスト銀行")
    add_submission(review, review_books["r1"], archive_dir=tmp_path / "files")
    connector = review.connectors[0]
    assert {len(h) for h in connector.hashes.values()} == {ITEM_HASH_CHARS}
    # A file written before: full SHA-256 digests (their first 16 digits are the same).
    connector.hashes = {no: h + "0" * 48 for no, h in connector.hashes.items()}
    added = add_submission(review, review_books["r2"], archive_dir=tmp_path / "files")
    assert added.round == 2 and added.changed == [3]
