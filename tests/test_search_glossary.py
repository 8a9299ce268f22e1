"""Glossary search: names first, ranking bands, determinism, cache, hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview.search import GlossaryHit, normalize, search_glossary
from interview.search.glossary import FIELD_LABELS, GlossaryIndex, glossary_index


@pytest.fixture(scope="module")
def index(catalog) -> GlossaryIndex:
    return GlossaryIndex(catalog.glossary)


def _keys(term) -> set[str]:
    return {normalize(t) for t in (term.term, term.yomi, *term.aliases)}


def test_each_term_name_ranks_itself_first(index, catalog):
    for term in catalog.glossary:
        hits = index.search(term.term)
        assert hits[0].term == term, term.term
        assert hits[0].score == 100 and hits[0].field == "term"


def test_each_alias_and_reading_ranks_an_owner_first(index, catalog):
    """A query equal to an alias or reading puts a term with that name first, at 100,
    however many descriptions mention the word; a term's own name beats an alias."""
    for term in catalog.glossary:
        for name in (*term.aliases, term.yomi):
            hits = index.search(name)
            assert normalize(name) in _keys(hits[0].term), (term.term, name)
            assert hits[0].score == 100
            owners = [t for t in catalog.glossary if normalize(t.term) == normalize(name)]
            if owners:
                assert hits[0].term == owners[0]


def test_exact_before_prefix_before_substring(index):
    names = [h.term.term for h in index.search("マウント")]
    assert names[:2] == ["マウント", "アンマウント"]
    hits = index.search("インジェクション")
    assert all(h.score >= 80 for h in hits[:2])
    assert {h.term.term for h in hits[:2]} == {
        "SQLインジェクション",
        "OSコマンド・インジェクション",
    }


def test_prefix_queries_score_in_prefix_band(index, catalog):
    for term in catalog.glossary:
        folded = normalize(term.term)
        if len(folded) < 5:
            continue
        prefix = term.term[:3]
        hits = index.search(prefix)
        mine = next(h for h in hits if h.term == term)
        assert mine.score >= 90, term.term
        assert any(k.startswith(normalize(prefix)) for k in _keys(hits[0].term))


def test_scores_are_sorted_and_in_range(index):
    for query in ("認証", "報告書", "OAtuh", "ログ", "API", "セキュリティ", "a"):
        hits = index.search(query, limit=64)
        scores = [h.score for h in hits]
        assert scores == sorted(scores, reverse=True)
        assert all(0 < s <= 100 for s in scores)
        assert all(isinstance(h, GlossaryHit) and h.field in FIELD_LABELS for h in hits)


def test_ties_are_broken_the_same_way_whatever_the_glossary_order(catalog, index):
    backwards = GlossaryIndex(tuple(reversed(catalog.glossary)))
    for query in ("SOC1", "報告書", "ログ", "マーク", "インジェクション", "リスト", "api"):
        forward = [(h.term.term, h.score) for h in index.search(query, limit=20)]
        assert forward == [(h.term.term, h.score) for h in backwards.search(query, limit=20)]
    tied = index.search("SOC1")
    assert tied[0].score == tied[1].score == 100


def test_description_match_reports_the_field(index):
    hit = index.search("指紋")[0]
    assert hit.term.term == "多要素認証"
    assert hit.field == "description" and hit.field_label == "説明"
    assert hit.score < 65


def test_alias_match_reports_what_matched(index):
    hit = index.search("2fa")[0]
    assert hit.field == "alias" and hit.matched == "2FA"


def test_limit(index):
    assert len(index.search("報告書", limit=2)) == 2
    assert index.search("報告書", limit=0) == []


@pytest.mark.parametrize("query", ["", "   ", "\u3000\t\n", "🙂", "\x00\x1b"])
def test_empty_queries_return_nothing(query):
    assert search_glossary(query) == []


def test_module_search_uses_one_cached_index(catalog):
    assert glossary_index() is glossary_index(catalog)
    assert search_glossary("とーくん")[0].term.term == "トークン"


@pytest.mark.parametrize(
    "query",
    [
        "x" * 1_000_000,
        "トークン" * 50_000,
        "\x1b[2J\x1b]0;title\x07",
        "\ud800\udfff",
        "👩‍💻🔥" * 100,
        "‮OAuth‬",
        "\x00" * 1000,
        "%s%n{0}",
    ],
)
def test_hostile_queries_do_not_raise(index, query):
    hits = index.search(query)
    assert all(0 < h.score <= 100 for h in hits)


@settings(deadline=None)
@given(st.text(max_size=80), st.integers(min_value=-3, max_value=70))
def test_any_text_any_limit(index, query, limit):
    hits = index.search(query, limit)
    assert len(hits) <= max(limit, 0)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
