"""``interview scan SESSION [--mask] [--json]`` end to end on real session files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import new_session

from interview.catalog import Catalog
from interview.cli.main import main
from interview.engine.answers import Answer, Status
from interview.secrets import placeholder
from interview.session.models import ItemText, ItemTexts
from interview.session.store import SessionStore
from interview.session.toml_format import load_bytes

PASSWORD = "Xy7#kP2q!"
CARD = "4111 1111 1111 1111"
KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
CLEAN_TEXT = "パスワードは12文字以上、90日ごとに変更。"


def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--sessions-dir", str(tmp_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _seed(tmp_path: Path, catalog: Catalog, *, secrets: bool) -> SessionStore:
    store = SessionStore(tmp_path)
    session = new_session(store, "株式会社A", "api_connector", session_id="a")
    session.answers["1.1.1"] = Answer(status=Status.DONE, detail=CLEAN_TEXT)
    session.answers["1.1.2"] = Answer(
        status=Status.PARTIAL,
        detail=f"検証環境の初期パスワード: {PASSWORD}（未変更）" if secrets else "未変更",
    )
    session.follow_ups["1.1.2"] = f"決済キー {KEY} の扱いを確認" if secrets else "確認"
    remarks = f"試験用カード {CARD} を利用。" if secrets else "特になし"
    session.texts["1"] = ItemTexts(
        status=ItemText(draft=CLEAN_TEXT, text=CLEAN_TEXT, state="confirmed"),
        remarks=ItemText(draft=remarks, text=remarks, state="confirmed"),
    )
    store.save(session)
    return store


def test_clean_session_exits_zero_with_a_kind_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog
) -> None:
    _seed(tmp_path, catalog, secrets=False)
    code, out, err = run(capsys, tmp_path, "scan", "a")
    assert code == 0, err
    assert "秘密情報らしき記述は見つかりませんでした" in out


def test_lists_each_finding_by_place_and_kind_without_the_secret(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog
) -> None:
    _seed(tmp_path, catalog, secrets=True)
    code, out, _ = run(capsys, tmp_path, "scan", "a")
    assert code == 3
    assert "4件" in out
    lines = out.splitlines()
    assert any("1.1.2 回答" in line and "パスワード" in line for line in lines)
    assert any("1.1.2 要確認メモ" in line and "APIキー" in line for line in lines)
    assert any("通番1 備考（本文）" in line and "末尾1111（16桁）" in line for line in lines)
    assert any("通番1 備考（下書き）" in line and "カード番号" in line for line in lines)
    assert "1.1.1" not in out  # the policy sentence is not a finding
    for secret in (PASSWORD, CARD, KEY):
        assert secret not in out
    assert "--mask" in out


def test_json_output(capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog) -> None:
    _seed(tmp_path, catalog, secrets=True)
    code, out, _ = run(capsys, tmp_path, "scan", "a", "--json")
    assert code == 3
    data = json.loads(out)
    assert data["session"] == "a" and data["masked"] is False
    places = {(f["section"], f["key"], f["part"], f["field"], f["kind"]) for f in data["findings"]}
    assert places == {
        ("answers", "1.1.2", "", "detail", "password"),
        ("follow_ups", "1.1.2", "", "follow_up", "api_key"),
        ("texts", "1", "remarks", "text", "card_number"),
        ("texts", "1", "remarks", "draft", "card_number"),
    }
    for secret in (PASSWORD, CARD, KEY):
        assert secret not in out


def test_mask_rewrites_the_session_and_keeps_the_sentences(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog
) -> None:
    store = _seed(tmp_path, catalog, secrets=True)
    code, out, _ = run(capsys, tmp_path, "scan", "a", "--mask")
    assert code == 0
    assert "置き換えて保存しました" in out
    raw = (tmp_path / "a.toml").read_text(encoding="utf-8")
    for secret in (PASSWORD, CARD, KEY):
        assert secret not in raw
    assert (tmp_path / "a.toml.bak").exists()  # the store kept the version before
    session = store.load("a")
    assert session.answers["1.1.2"].detail == (
        f"検証環境の初期パスワード: {placeholder('password')}（未変更）"
    )
    assert session.answers["1.1.2"].status is Status.PARTIAL
    assert session.answers["1.1.1"].detail == CLEAN_TEXT
    assert session.follow_ups["1.1.2"] == f"決済キー {placeholder('api_key')} の扱いを確認"
    remarks = session.texts["1"].remarks
    assert remarks.text == remarks.draft == f"試験用カード {placeholder('card_number')} を利用。"
    assert remarks.state == "confirmed"
    assert session.texts["1"].status.text == CLEAN_TEXT

    code, out, _ = run(capsys, tmp_path, "scan", "a")
    assert code == 0 and "見つかりませんでした" in out


def test_scan_and_mask_a_session_file_by_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog
) -> None:
    _seed(tmp_path / "store", catalog, secrets=True)
    elsewhere = tmp_path / "copy"
    elsewhere.mkdir()
    path = elsewhere / "from-client.toml"
    shutil.copy(tmp_path / "store" / "a.toml", path)

    code, out, _ = run(capsys, tmp_path / "store", "scan", str(path))
    assert code == 3 and "パスワード" in out

    code, _, err = run(capsys, tmp_path / "store", "scan", str(path), "--mask")
    assert code == 0, err
    session = load_bytes(path.read_bytes(), path)
    assert PASSWORD not in session.answers["1.1.2"].detail
    assert placeholder("password") in session.answers["1.1.2"].detail
    # The store's own copy is untouched.
    assert PASSWORD in (tmp_path / "store" / "a.toml").read_text(encoding="utf-8")


def test_mask_refuses_a_file_whose_name_is_not_a_session_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog
) -> None:
    _seed(tmp_path, catalog, secrets=True)
    odd = tmp_path / "x..y.toml"
    shutil.copy(tmp_path / "a.toml", odd)
    before = odd.read_bytes()
    code, _, err = run(capsys, tmp_path, "scan", str(odd), "--mask")
    assert code == 1
    assert err.startswith("エラー: このファイルは --mask で書き換えられません")
    assert odd.read_bytes() == before


@pytest.mark.parametrize("reference", ["missing", "nowhere/missing.toml"])
def test_missing_session_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, reference: str
) -> None:
    for extra in ([], ["--mask"]):
        code, out, err = run(capsys, tmp_path, "scan", reference, *extra)
        assert code == 1
        assert out == ""
        assert err.startswith("エラー: ") and "見つかりません" in err
        assert "Traceback" not in err


def test_broken_session_file_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('format_version = 1\nid = "x\n', encoding="utf-8")
    code, _, err = run(capsys, tmp_path, "scan", str(bad))
    assert code == 1
    assert err.startswith("エラー: ") and "bad.toml" in err
