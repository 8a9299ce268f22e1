"""The disk cache of the shipped checklist's index: used, rebuilt, or skipped."""

from __future__ import annotations

import pickle

from interview.search import store
from interview.search.checklist import ChecklistIndex
from interview.search.glossary import GlossaryIndex


def _build(catalog) -> ChecklistIndex:
    return ChecklistIndex.build(catalog, glossary=GlossaryIndex(catalog.glossary))


def test_cached_index_searches_like_a_fresh_one(catalog, tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEW_CACHE_DIR", str(tmp_path))
    first = _build(catalog)
    files = list(tmp_path.glob("checklist-*.pickle"))
    assert len(files) == 1
    again = _build(catalog)  # from the file
    for query in ("スタッフへの研修", "パッチ適用", "ログ", "ばなな"):
        assert again.search(query) == first.search(query)


def test_broken_cache_is_rebuilt(catalog, tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEW_CACHE_DIR", str(tmp_path))
    _build(catalog)
    (path,) = tmp_path.glob("checklist-*.pickle")
    path.write_bytes(b"\x80\x05garbage")
    index = _build(catalog)
    assert index.search("入館証")[0].item in (17, 18)
    with path.open("rb") as f:
        assert pickle.load(f).items == list(range(1, 45))


def test_cache_can_be_turned_off(catalog, tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEW_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert store.cache_dir() is None
    assert _build(catalog).search("パッチ適用")[0].item == 27
    assert not list(tmp_path.rglob("*.pickle"))


def test_unwritable_cache_is_ignored(catalog, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("INTERVIEW_CACHE_DIR", str(blocker / "sub"))
    assert _build(catalog).search("パッチ適用")[0].item == 27


def test_fingerprint_follows_the_sources(tmp_path):
    source = tmp_path / "a.toml"
    source.write_text("x = 1")
    before = store.fingerprint([tmp_path])
    source.write_text("x = 22")
    assert store.fingerprint([tmp_path]) != before
