"""The listing's cache of summaries and its quick scan: same listing as reading every file,
only changed files read, and a cache that is broken, old or missing costs only time."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from helpers import new_session

from interview.catalog import Party
from interview.engine.answers import Answer, Status
from interview.services.checklist import plain_checklist
from interview.services.sessions import list_sessions
from interview.session.store import SessionStore
from interview.session.summary import _quick_scan, _scan_body, read_summary
from interview.session.summary_cache import SummaryCache

PROGRESS = plain_checklist().progress_ids


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SessionStore:
    monkeypatch.setenv("INTERVIEW_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr("interview.session.summary_cache.SETTLE_NS", 0)
    store = SessionStore(tmp_path / "sessions")
    for n, party in enumerate(["api_connector", "financial_institution", "api_connector"]):
        session = new_session(store, f"組織{n}", party, session_id=f"s{n}")
        items = plain_checklist().items_for(Party(party))
        examples = [e.id for item in items for e in item.examples]
        for k, qid in enumerate(examples[: 10 * (n + 1)]):
            status = (Status.DONE, Status.PARTIAL, Status.NOT_DONE, Status.UNKNOWN)[k % 4]
            session.answers[qid] = Answer(status=status, detail=f"回答{k}")
        session.follow_ups = {qid: "" for qid in examples[:n]}
        store.save(session)
    return store


def _counting(calls: list[str]):
    def reader(path, question_ids):
        calls.append(path.name)
        return read_summary(path, question_ids)

    return reader


def _cache(store: SessionStore) -> SummaryCache:
    return SummaryCache.for_directory(store.directory, PROGRESS)


def _list(store: SessionStore, calls: list[str]):
    cache = _cache(store)
    summaries = []
    for path in store.session_files():
        summaries.append(cache.read(path, PROGRESS, _counting(calls)))
    cache.save()
    return summaries


def test_a_second_listing_reads_no_unchanged_file_and_shows_the_same(store: SessionStore) -> None:
    uncached, _ = store.list_summaries(PROGRESS)
    first, problems = list_sessions(store)
    assert first == uncached and not problems
    calls: list[str] = []
    assert _list(store, calls) == sorted(uncached, key=lambda s: s.id)
    assert calls == []
    assert {s.id for s in first} == {"s0", "s1", "s2"}
    assert len({s.progress for s in first}) == 3  # the progress is each file's own
    assert {s.id: s.unknown for s in first} == {"s0": 2, "s1": 5, "s2": 7}  # 不明, cached too


def test_a_changed_file_is_read_again(store: SessionStore) -> None:
    list_sessions(store)
    session = store.load("s1")
    session.answers.clear()
    store.save(session)  # a save replaces the file: another inode
    calls: list[str] = []
    listed = {s.id: s for s in _list(store, calls)}
    assert calls == ["s1.toml"]
    assert listed["s1"].progress == 0.0
    # A hand edit in place (same inode) is seen too.
    path = store.path_for("s2")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('organisation = "組織2"', 'organisation = "組織X"'), "utf-8")
    calls.clear()
    listed = {s.id: s for s in _list(store, calls)}
    assert calls == ["s2.toml"] and listed["s2"].organisation == "組織X"


def test_a_file_changed_just_now_is_read_but_not_remembered(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("interview.session.summary_cache.SETTLE_NS", 10**12)
    list_sessions(store)
    calls: list[str] = []
    _list(store, calls)
    assert sorted(calls) == ["s0.toml", "s1.toml", "s2.toml"]


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"format": 1, "files": "x"}',
        b"\xff\xfe",
        b"[" * 100_000,
    ],
    ids=["empty", "not-json", "list", "bad-files", "not-utf8", "deep"],
)
def test_a_broken_cache_file_only_costs_time(store: SessionStore, damage: bytes) -> None:
    expected, _ = store.list_summaries(PROGRESS)
    list_sessions(store)
    (file,) = (Path(os.environ["INTERVIEW_CACHE_DIR"])).glob("listing-*.json")
    file.write_bytes(damage)
    assert list_sessions(store) == (expected, [])
    assert json.loads(file.read_bytes())["files"]  # written anew


def test_hand_edited_entries_are_not_trusted(store: SessionStore) -> None:
    expected, _ = store.list_summaries(PROGRESS)
    list_sessions(store)
    (file,) = (Path(os.environ["INTERVIEW_CACHE_DIR"])).glob("listing-*.json")
    data = json.loads(file.read_bytes())
    bad = [
        ["組織", "bank", 50.0, "2026-01-01T00:00:00+00:00", 0, "e"],  # not a respondent party
        ["組織", "api_connector", 150.0, "2026-01-01T00:00:00+00:00", 0, "e"],
        ["組織", "api_connector", 5.0, "2026-01-01T00:00:00", 0, "e"],  # no offset
        [None, "api_connector", 5.0, "2026-01-01T00:00:00+00:00", 0, "e"],
        ["組織", "api_connector", 5.0, "2026-01-01T00:00:00+00:00", True, "e"],
    ]
    for entry, name in zip(
        bad, ["s0.toml", "s1.toml", "s2.toml", "s0.toml", "s1.toml"], strict=True
    ):
        data["files"][name] = data["files"][name][:4] + entry
        file.write_text(json.dumps(data))
        assert list_sessions(store) == (expected, [])


def test_the_cache_is_private_written_whole_and_optional(
    store: SessionStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    list_sessions(store)
    folder = tmp_path / "cache"
    (file,) = folder.glob("listing-*.json")
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert sorted(p.name for p in folder.iterdir()) == [file.name]  # no temp file left
    # Other progress ids (another question bank): nothing is reused.
    calls: list[str] = []
    cache = SummaryCache.for_directory(store.directory, {Party.API_CONNECTOR: frozenset()})
    cache.read(store.path_for("s0"), PROGRESS, _counting(calls))
    assert calls == ["s0.toml"]
    # Deleted, turned off, or impossible to write: the listing is the same.
    expected, _ = store.list_summaries(PROGRESS)
    file.unlink()
    assert list_sessions(store) == (expected, [])
    monkeypatch.setenv("INTERVIEW_CACHE_DIR", "off")
    assert list_sessions(store) == (expected, [])
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    monkeypatch.setenv("INTERVIEW_CACHE_DIR", str(blocker / "sub"))
    assert list_sessions(store) == (expected, [])


def test_the_quick_scan_reads_a_saved_session_and_gives_way_to_skips(
    store: SessionStore,
) -> None:
    raw = store.path_for("s2").read_bytes()
    start = raw.index(b"\n[answers") + 1
    quick = _quick_scan(raw, start)
    assert quick is not None and quick == _scan_body(raw[start:])
    answered, gaps = quick
    assert len(answered) == 30 and gaps  # 一部実施・未実施 among them
    session = store.load("s2")
    first = next(iter(session.answers))
    session.answers[first] = Answer(status=Status.DONE, skipped=True)
    store.save(session)
    raw = store.path_for("s2").read_bytes()
    start = raw.index(b"\n[answers") + 1
    assert _quick_scan(raw, start) is None
    assert first not in _scan_body(raw[start:])[0]
