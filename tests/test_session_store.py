"""The session store: create, save (atomic, backup, 0600), load errors, restore, listing."""

from __future__ import annotations

import os
import random
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from helpers import new_session

from interview.catalog import Catalog, Party
from interview.engine.answers import Answer, Status
from interview.engine.path import session_progress
from interview.questions.bank import load_questions
from interview.services.checklist import plain_checklist
from interview.services.sessions import edition_mismatch
from interview.session.atomic import atomic_write, stale_temp_files, temp_prefix
from interview.session.errors import (
    InvalidSessionIdError,
    SessionError,
    SessionExistsError,
    SessionFileError,
    SessionNotFoundError,
    SessionVersionError,
)
from interview.session.models import ItemText, ItemTexts, Position, Session
from interview.session.store import SessionStore
from interview.session.summary import question_ids_by_party, read_summary, scan_answered
from interview.session.toml_format import dumps, loads
from interview.wording import edition_warning

DAY = date(2026, 11, 25)
PROGRESS = plain_checklist().progress_ids


@pytest.fixture
def store(tmp_path: Path, catalog: Catalog) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _answer_all(session: Session, catalog: Catalog, share: float, seed: int) -> None:
    rng = random.Random(seed)
    questions = load_questions(catalog)
    for item in catalog.items_for(session.respondent.party):
        for question in questions.for_item(item.no):
            if rng.random() < share:
                session.answers[question.id] = Answer(
                    status=rng.choice(list(Status)) if question.has_status else None,
                    detail=rng.choice(["", "実施している", "'''", "a\nb"]),
                    skipped=rng.random() < 0.1,
                )


# --- creating ------------------------------------------------------------------------------


def test_create_writes_a_private_file_named_after_the_organisation(store: SessionStore) -> None:
    session = new_session(
        store,
        "株式会社サンプルペイ",
        "API接続先",
        name="山田 太郎",
        role="CISO",
        counterparts=["さくら銀行", " ", "みどり信用金庫"],
        interviewer="佐藤",
        certifications=["SOC2"],
        today=DAY,
    )
    assert session.id == "株式会社サンプルペイ-2026-11-25"
    path = store.path_for(session.id)
    assert path.exists() and _mode(path) == 0o600
    assert _mode(store.directory) == 0o700
    loaded = store.load(session.id)
    assert loaded == session
    assert loaded.respondent.party is Party.API_CONNECTOR
    assert loaded.respondent.counterparts == ["さくら銀行", "みどり信用金庫"]
    assert [c.name for c in loaded.certifications] == ["SOC2"]
    assert loaded.catalog_edition == plain_checklist().edition_id
    assert not list(store.directory.glob("*.lock")), "the lock is released after create"


def test_same_organisation_same_day_gets_a_counter(store: SessionStore) -> None:
    ids = [new_session(store, "Sample Pay", "api_connector", today=DAY).id for _ in range(3)]
    assert ids == ["sample-pay-2026-11-25", "sample-pay-2026-11-25-2", "sample-pay-2026-11-25-3"]


def test_create_with_an_existing_or_unsafe_id_is_refused(store: SessionStore) -> None:
    new_session(store, "A", "api_connector", session_id="client-a")
    with pytest.raises(SessionExistsError):
        new_session(store, "B", "api_connector", session_id="client-a")
    for bad in ("../escape", "a/b", "..", ".hidden", "a\x00b", "x" * 81):
        with pytest.raises(InvalidSessionIdError):
            new_session(store, "B", "api_connector", session_id=bad)
    parent = store.directory.parent
    assert sorted(p.name for p in parent.iterdir()) == ["sessions"]
    assert sorted(p.name for p in store.directory.iterdir()) == ["client-a.toml"]


@pytest.mark.parametrize("party", ["common", "銀行", ""])
def test_create_refuses_an_unknown_party(store: SessionStore, party: str) -> None:
    with pytest.raises(SessionError, match="API接続先"):
        new_session(store, "A", party)


def test_create_refuses_an_empty_organisation(store: SessionStore) -> None:
    with pytest.raises(SessionError, match="組織名"):
        new_session(store, "  ", "api_connector")


# --- saving --------------------------------------------------------------------------------


def test_save_after_each_answer_keeps_the_previous_version_as_backup(
    store: SessionStore,
) -> None:
    session = new_session(store, "A", "api_connector", session_id="a")
    with store.open("a") as handle:
        handle.session.answers["1.1.1"] = Answer(status=Status.DONE, detail="一回目")
        handle.save()
        handle.session.answers["1.1.2"] = Answer(status=Status.PARTIAL, detail="二回目")
        handle.save()
        path = handle.path
        assert _mode(path) == 0o600
        assert _mode(path.with_name("a.toml.bak")) == 0o600
        assert _mode(path.with_name("a.toml.lock")) == 0o600
    current = store.load("a")
    backup = store.load_backup("a")
    assert set(current.answers) == {"1.1.1", "1.1.2"}
    assert set(backup.answers) == {"1.1.1"}
    assert current.created_at == session.created_at
    assert not list(store.directory.glob(".*")), "no temp files are left behind"
    assert not (store.directory / "a.toml.lock").exists()


def test_saving_a_closed_handle_is_refused(store: SessionStore) -> None:
    new_session(store, "A", "api_connector", session_id="a")
    handle = store.open("a")
    handle.close()
    with pytest.raises(SessionError, match="閉じられています"):
        handle.save()


def test_store_save_without_a_handle_locks_briefly(store: SessionStore) -> None:
    session = new_session(store, "A", "api_connector", session_id="a")
    session.follow_ups["1.1.1"] = "確認"
    store.save(session)
    assert store.load("a").follow_ups == {"1.1.1": "確認"}
    assert not (store.directory / "a.toml.lock").exists()


def test_a_failed_check_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "x.toml"
    target.write_bytes(b"old")

    def refuse(raw: bytes) -> None:
        assert raw == b"new"
        raise ValueError("bad")

    with pytest.raises(ValueError):
        atomic_write(target, b"new", check=refuse)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.toml"]


def test_stale_temp_files_are_removed_on_open(store: SessionStore) -> None:
    new_session(store, "A", "api_connector", session_id="a")
    path = store.path_for("a")
    leftovers = [
        path.with_name(f"{temp_prefix(path)}abcd1234.tmp"),
        path.with_name(f"{temp_prefix(path)}bak.4242.tmp"),
    ]
    other = path.with_name(".a.toml.toml.abcd1234.tmp")  # belongs to session "a.toml"
    for p in [*leftovers, other]:
        p.write_text("partial")
    assert sorted(stale_temp_files(path)) == sorted(leftovers)
    store.open("a").close()
    assert not any(p.exists() for p in leftovers)
    assert other.exists()


# --- loading -------------------------------------------------------------------------------


def test_a_broken_file_is_never_overwritten_and_the_backup_is_offered(
    store: SessionStore,
) -> None:
    new_session(store, "A", "api_connector", session_id="a")
    with store.open("a") as handle:
        handle.session.answers["1.1.1"] = Answer(status=Status.DONE)
        handle.save()
    path = store.path_for("a")
    broken = path.read_bytes().replace(b'status = "done"', b'status = "done')
    path.write_bytes(broken)

    with pytest.raises(SessionFileError) as err:
        store.open("a")
    assert err.value.line is not None and err.value.column is not None
    assert err.value.backup == path.with_name("a.toml.bak")
    assert "interview restore a" in str(err.value)
    assert not path.with_name("a.toml.lock").exists(), "a failed open releases the lock"

    session = store.load_backup("a")
    with pytest.raises(SessionFileError):
        store.save(session)  # a save without an open handle must not replace it either
    with pytest.raises(SessionExistsError):
        new_session(store, "A", "api_connector", session_id="a")
    assert path.read_bytes() == broken

    kept = store.restore_backup("a")
    assert kept is not None and kept.read_bytes() == broken
    assert kept.name.startswith("a.toml.broken-")
    assert store.load("a") == session
    assert [s.id for s in store.list_summaries(PROGRESS)[0]] == ["a"]


def test_a_missing_file_with_a_backup_offers_it(store: SessionStore) -> None:
    new_session(store, "A", "api_connector", session_id="a")
    with store.open("a") as handle:
        handle.save()
    store.path_for("a").unlink()
    with pytest.raises(SessionFileError) as err:
        store.load("a")
    assert err.value.backup is not None
    assert store.restore_backup("a") is None
    assert store.load("a").id == "a"


def test_unknown_session(store: SessionStore) -> None:
    with pytest.raises(SessionNotFoundError, match="見つかりません"):
        store.open("nobody")


def test_newer_format_is_refused_and_not_touched(store: SessionStore) -> None:
    new_session(store, "A", "api_connector", session_id="a")
    path = store.path_for("a")
    newer = path.read_text().replace("format_version = 1", "format_version = 7")
    path.write_text(newer)
    with pytest.raises(SessionVersionError, match="アプリを更新"):
        store.open("a")
    summaries, problems = store.list_summaries(PROGRESS)
    assert summaries == [] and "format_version = 7" in problems[0]
    assert path.read_text() == newer


def test_the_file_name_is_the_id_after_a_copy(store: SessionStore) -> None:
    new_session(store, "A", "api_connector", session_id="a")
    copy = store.path_for("b")
    copy.write_bytes(store.path_for("a").read_bytes())
    os.chmod(copy, 0o600)
    with store.open("b") as handle:
        assert handle.session.id == "b"
        handle.save()
    assert 'id = "b"' in copy.read_text()


def test_another_catalog_edition_is_reported(store: SessionStore) -> None:
    session = new_session(store, "A", "api_connector", session_id="a")
    checklist = plain_checklist()
    assert edition_mismatch(session, checklist) is None
    old = session.model_copy(update={"catalog_edition": "fisc-api-checklist-2017"})
    mismatch = edition_mismatch(old, checklist)
    assert mismatch is not None
    warning = edition_warning(mismatch)
    assert "fisc-api-checklist-2017" in warning
    assert checklist.catalog.edition.label in warning


# --- listing -------------------------------------------------------------------------------


def test_listing_summarises_every_session_newest_first(
    store: SessionStore, catalog: Catalog
) -> None:
    questions = load_questions(catalog)
    expected = {}
    for n, party in enumerate([Party.API_CONNECTOR, Party.FINANCIAL_INSTITUTION] * 3):
        session = new_session(store, f"組織{n}", party, session_id=f"s{n}")
        _answer_all(session, catalog, share=n / 6, seed=n)
        session.follow_ups = {f"{k}.1.1": "" for k in range(1, n + 1)}
        session.updated_at = datetime(2026, 11, 1 + n, tzinfo=UTC)
        store.save(session)
        expected[session.id] = session_progress(catalog, questions, party, session.answers)
    (store.directory / "broken.toml").write_text('format_version = 1\nid = "x\n')
    (store.directory / "notes.txt").write_text("ignored")
    (store.directory / ".hidden.toml").write_text("ignored")

    summaries, problems = store.list_summaries(PROGRESS)
    assert [s.id for s in summaries] == ["s5", "s4", "s3", "s2", "s1", "s0"]
    for s in summaries:
        assert s.progress == pytest.approx(expected[s.id])
        assert s.follow_ups == int(s.id[1:])
        assert s.organisation == f"組織{s.id[1:]}"
    assert len(problems) == 1 and "broken.toml" in problems[0] and "2行目" in problems[0]


HAND_EDITS = [
    # multi-line strings, multi-line arrays, inline tables, indented headers, odd skipped
    ('detail = "実施している"', 'detail = """\n[answers."9.9.9"]\nskipped = true\n"""'),
    ("detail = \"'''\"", "detail = '''\n[answers.\"9.9.8\"]\n'''"),
    ('detail = ""', 'detail = ""\nchecks = [\n  "①",\n]'),
    ("skipped = true", "skipped=true"),
    ('[answers."1.1.1"]', '  [answers."1.1.1"]'),
    ('[answers."1.1.1"]', '[answers."1.1.1"] # 手で追加'),
    (
        '[answers."1.1.2"]',
        '[answers]\n"9.9.7" = { detail = "x", updated_at = 2026-01-01T00:00:00Z }\n\n[answers."1.1.2"]',
    ),
    ("\n[", "\r\n["),
]


@pytest.mark.parametrize(("old", "new"), HAND_EDITS)
def test_listing_matches_a_full_parse_on_hand_edited_files(
    store: SessionStore, catalog: Catalog, old: str, new: str
) -> None:
    session = new_session(store, "A", "api_connector", session_id="a")
    _answer_all(session, catalog, share=0.7, seed=3)
    store.save(session)
    path = store.path_for("a")
    text = path.read_text()
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode())
    full = loads(path.read_bytes().decode(), path)  # the edit is still a valid session
    raw = path.read_bytes()
    assert scan_answered(raw[raw.index(b"[answers") :]) is None  # so the listing reads it all
    summary = read_summary(path, PROGRESS)
    questions = load_questions(catalog)
    assert summary.progress == pytest.approx(
        session_progress(catalog, questions, Party.API_CONNECTOR, full.answers)
    )


def test_listing_does_not_need_the_question_banks(store: SessionStore, catalog: Catalog) -> None:
    session = new_session(store, "A", "api_connector", session_id="a")
    examples = [e.id for item in catalog.items_for(Party.API_CONNECTOR) for e in item.examples]
    for qid in examples[: len(examples) // 2]:
        session.answers[qid] = Answer(status=Status.DONE)
    store.save(session)
    # as if the banks could not be read: progress over the 手法例 only
    (summary,), _ = store.list_summaries(question_ids_by_party(catalog, None))
    assert summary.progress == pytest.approx(100 * (len(examples) // 2) / len(examples))


def test_texts_and_position_survive_a_save(store: SessionStore) -> None:
    new_session(store, "A", "api_connector", session_id="a")
    with store.open("a") as handle:
        handle.session.texts["1"] = ItemTexts(
            status=ItemText(draft="下書き", text="確定した文", state="edited")
        )
        handle.session.position = Position(item=1, question="1.2.1")
        handle.session.answers["1.1.1"] = Answer(status=Status.DONE)
        handle.session.answers["1.2.1"] = Answer(skipped=True)
        handle.save()
    loaded = store.load("a")
    assert loaded.texts["1"].status.text == "確定した文"
    assert loaded.position == Position(item=1, question="1.2.1")
    raw = store.path_for("a").read_bytes()
    assert dumps(loaded) == raw.decode()
    assert scan_answered(raw[raw.index(b"[answers") :]) == {"1.1.1"}  # the app's own layout


def test_a_hand_edit_while_open_is_set_aside_not_lost(store: SessionStore) -> None:
    new_session(store, "A", "api_connector", session_id="a")
    with store.open("a") as handle:
        handle.session.answers["1.1.1"] = Answer(status=Status.DONE)
        handle.save()
        path = handle.path
        edited = path.read_text().replace('status = "done"', 'status = "partial"')
        path.write_text(edited)  # someone edits the file in an editor meanwhile
        handle.session.answers["1.1.2"] = Answer(status=Status.NOT_DONE)
        handle.save()
        handle.save()  # an unchanged file is not set aside again
        assert len(handle.set_aside) == 1
        kept = handle.set_aside[0]
    assert kept.name.startswith("a.toml.edited-") and kept.read_text() == edited
    assert set(store.load("a").answers) == {"1.1.1", "1.1.2"}
    assert [s.id for s in store.list_summaries(PROGRESS)[0]] == ["a"]


def test_restoring_over_a_readable_file_keeps_it_as_replaced(store: SessionStore) -> None:
    new_session(store, "A", "api_connector", session_id="a")
    with store.open("a") as handle:
        handle.session.answers["1.1.1"] = Answer(status=Status.DONE)
        handle.save()
    kept = store.restore_backup("a")
    assert kept is not None and kept.name.startswith("a.toml.replaced-")
    assert "1.1.1" in loads(kept.read_text(), kept).answers
    assert store.load("a").answers == {}
