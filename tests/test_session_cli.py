"""``interview new``, ``sessions [--json]``, ``show ID``, ``restore ID``."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from helpers import new_session

from interview.catalog import Catalog
from interview.cli.main import main
from interview.engine.answers import Answer, Status
from interview.questions.bank import load_questions
from interview.session.models import Position
from interview.session.store import SessionStore

TODAY = date.today().isoformat()
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--sessions-dir", str(tmp_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_prints_the_id_and_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys,
        tmp_path,
        "new",
        "--org",
        "株式会社サンプルペイ",
        "--party",
        "API接続先",
        "--respondent",
        "山田",
        "--role",
        "CISO",
        "--counterpart",
        "さくら銀行",
        "--counterpart",
        "みどり信用金庫",
        "--interviewer",
        "佐藤",
    )
    assert code == 0
    session_id = f"株式会社サンプルペイ-{TODAY}"
    assert f"セッションを作成しました: {session_id}" in out
    assert str(tmp_path / f"{session_id}.toml") in out
    session = SessionStore(tmp_path).load(session_id)
    assert session.respondent.counterparts == ["さくら銀行", "みどり信用金庫"]
    assert (session.respondent.name, session.respondent.role) == ("山田", "CISO")
    assert session.respondent.interviewer == "佐藤"


def test_new_with_an_id_and_the_environment_variable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERVIEW_SESSIONS_DIR", str(tmp_path / "env"))
    code = main(["new", "--org", "Bank", "--party", "financial_institution", "--id", "bank-1"])
    assert code == 0
    assert (tmp_path / "env" / "bank-1.toml").exists()
    capsys.readouterr()


@pytest.mark.parametrize("bad_id", ["../escape", "a/b", ".hidden", "a\\b"])
def test_new_refuses_unsafe_ids(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bad_id: str
) -> None:
    code, _, err = run(
        capsys, tmp_path, "new", "--org", "A", "--party", "api_connector", "--id", bad_id
    )
    assert code == 1
    assert err.startswith("エラー: セッションIDが正しくありません")
    assert list(tmp_path.rglob("*.toml")) == []


def test_new_refuses_an_unknown_party(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--sessions-dir", str(tmp_path), "new", "--org", "A", "--party", "common"])
    assert exc.value.code == 2
    assert "financial_institution（金融機関）" in capsys.readouterr().err


def _seed(tmp_path: Path, catalog: Catalog) -> SessionStore:
    store = SessionStore(tmp_path)
    a = new_session(store, "株式会社A", "api_connector", session_id="a")
    questions = load_questions(catalog)
    first = catalog.items_for(a.respondent.party)[0]
    for n, q in enumerate(questions.for_item(first.no)[:2]):
        status = Status.UNKNOWN if n == 1 else Status.DONE  # one 不明 answer
        a.answers[q.id] = Answer(status=status) if q.has_status else Answer(detail="x")
    a.follow_ups = {questions.for_item(first.no)[0].id: "規程を確認"}
    a.position = Position(item=first.no, question=questions.for_item(first.no)[2].id)
    store.save(a)
    new_session(store, "B銀行", "financial_institution", session_id="b")
    return store


def test_sessions_lists_id_organisation_party_progress_updated_and_follow_ups(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog
) -> None:
    _seed(tmp_path, catalog)
    code, out, _ = run(capsys, tmp_path, "sessions")
    assert code == 0
    header, *rows = [line for line in out.splitlines() if line.strip()]
    # as the TUI's home list: 不明 (answers) and フォロー (F6 marks) named apart
    assert header.split() == ["ID", "組織", "対象者", "進捗", "更新日時", "不明", "フォロー"]
    row_a = next(r for r in rows if r.startswith("a "))
    assert "株式会社A" in row_a and "API接続先" in row_a
    assert row_a.split()[-2:] == ["1", "1"]  # 不明 1, フォロー 1
    assert "計 2 件" in out

    code, out, _ = run(capsys, tmp_path, "sessions", "--json")
    data = json.loads(out)
    assert {tuple(sorted(d)) for d in data} == {
        (
            "follow_ups",
            "id",
            "organisation",
            "party",
            "party_label",
            "progress",
            "unknown",
            "updated_at",
        )
    }
    by_id = {d["id"]: d for d in data}
    assert by_id["a"]["party"] == "api_connector" and by_id["a"]["follow_ups"] == 1
    assert by_id["a"]["unknown"] == 1 and by_id["b"]["unknown"] == 0
    assert by_id["a"]["party_label"] == "API接続先"  # ASCII code and Japanese label
    assert 0 < by_id["a"]["progress"] < 100
    assert by_id["b"]["progress"] == 0


def test_sessions_warns_about_unreadable_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "broken.toml").write_text('format_version = 1\nid = "x\n')
    code, out, err = run(capsys, tmp_path, "sessions")
    assert code == 0
    assert "保存されたセッションはありません" in out
    assert "警告:" in err and "broken.toml" in err and "2行目" in err


def test_show_prints_a_japanese_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog
) -> None:
    _seed(tmp_path, catalog)
    code, out, _ = run(capsys, tmp_path, "show", "a")
    assert code == 0
    assert "組織: 株式会社A" in out and "対象者: API接続先" in out
    assert re.search(r"進捗: \d+%（2/\d+問）", out)
    assert "区分1 " in out
    # named as the TUI names it: 不明 answers and フォロー marks apart
    assert "未解決: 不明 1問（「不明・要確認」の回答）・フォロー 1件（F6 の印）" in out
    assert "規程を確認" in out
    assert re.search(r"アプリの見出しでは: 通番 1/\d+・質問 \d+/\d+", out)
    questions = load_questions(catalog)
    third = questions.for_item(catalog.items_for(None)[0].no)[2]
    assert f"再開位置: 通番{third.item}「{third.short}」（質問 {third.id}）" in out


def test_show_reports_another_catalog_edition(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog
) -> None:
    store = _seed(tmp_path, catalog)
    session = store.load("a")
    session.catalog_edition = "fisc-api-checklist-2017"
    store.save(session)
    _, out, _ = run(capsys, tmp_path, "show", "a")
    assert "別の版（fisc-api-checklist-2017）" in out


def test_show_of_a_broken_file_names_the_line_and_offers_restore(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog
) -> None:
    store = _seed(tmp_path, catalog)
    store.save(store.load("a"))  # now a.toml.bak exists
    path = store.path_for("a")
    path.write_text(path.read_text().replace('party = "api_connector"', 'party = "api'))
    code, _, err = run(capsys, tmp_path, "show", "a")
    assert code == 1
    assert "エラー: セッションファイルを読み込めません" in err and "行目" in err
    assert "interview restore a" in err
    assert "Traceback" not in err

    code, out, _ = run(capsys, tmp_path, "show", "a", "--backup")
    assert code == 0 and "バックアップ" in out and "組織: 株式会社A" in out

    code, out, _ = run(capsys, tmp_path, "restore", "a")
    assert code == 0 and "復元しました" in out and "a.toml.broken-" in out
    code, out, _ = run(capsys, tmp_path, "show", "a")
    assert code == 0


def test_show_unknown_id(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, tmp_path, "show", "nobody")
    assert code == 1 and "見つかりません" in err


HOSTILE = "\x1b[31m悪意\x1b[0m\u202e\x07\x9b2J\r"


def test_hostile_strings_never_reach_the_terminal_raw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys,
        tmp_path,
        "new",
        "--org",
        HOSTILE,
        "--party",
        "api_connector",
        "--respondent",
        HOSTILE,
        "--counterpart",
        HOSTILE,
        "--id",
        "h",
    )
    assert code == 0 and not UNSAFE.search(out)
    store = SessionStore(tmp_path)
    session = store.load("h")
    assert session.respondent.organisation == HOSTILE.strip()  # stored exactly
    session.follow_ups = {HOSTILE: HOSTILE}
    store.save(session)
    for argv in (["sessions"], ["sessions", "--json"], ["show", "h"]):
        code, out, _ = run(capsys, tmp_path, *argv)
        assert code == 0
        assert not UNSAFE.search(out), (argv, out)
        assert "悪意" in out
    data = json.loads(run(capsys, tmp_path, "sessions", "--json")[1])
    assert data[0]["organisation"] == HOSTILE.strip()  # JSON escapes, nothing is lost


def test_an_unusable_sessions_dir_is_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    code, _, err = run(capsys, not_a_dir, "new", "--org", "A", "--party", "api_connector")
    assert code == 1 and err.startswith("エラー: セッションの保存先を作れません")
