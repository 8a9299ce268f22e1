"""The typo shortlist (interview.search.shortlist) only leaves out texts rapidfuzz would
not return: asking about the shortlist gives the results of asking about every text."""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process

from interview.search.normalize import normalize
from interview.search.shortlist import Shortlist

QUERIES = [
    "ばっくあっぷ", "バックアプ", "ふぁいあうぉーる", "ファイヤウォール", "暗号化", "暗合化",
    "パスワード", "パスワド", "tokne", "oauth2", "ログ管理", "脆弱性診断", "ぜいじゃくせい",
    "多要素認証", "委託先", "ワンタイムパスワード", "ウイルス対策ソフト", "アクセス権限",
]  # fmt: skip


def _texts(catalog) -> list[str]:
    texts = [normalize(t) for term in catalog.glossary for t in (term.term, *term.aliases)]
    texts += [normalize(item.goal) for item in catalog.items]
    texts += [
        normalize(e.text) for item in catalog.items for g in item.method_groups for e in g.examples
    ]
    return [t for t in texts if t]


def _queries(texts: list[str]) -> list[str]:
    rng = random.Random(7)
    queries = [normalize(q) for q in QUERIES]
    for text in rng.sample(texts, 40):  # pieces of the texts with one letter changed
        start = rng.randrange(max(1, len(text) - 8))
        piece = list(text[start : start + rng.randint(4, 10)])
        piece[rng.randrange(len(piece))] = rng.choice("アイウあい亜a")
        queries.append("".join(piece))
    return queries


def _extract(query: str, texts: list[str], scorer, cutoff: float) -> list[tuple[str, float, int]]:
    return process.extract(query, texts, scorer=scorer, score_cutoff=cutoff, limit=None)


def test_the_shortlist_loses_no_result(catalog):
    texts = _texts(catalog)
    shortlist = Shortlist(texts)
    for query in _queries(texts):
        for scorer, cutoff in (
            (fuzz.WRatio, 74.0),
            (fuzz.WRatio, 60.0),
            (fuzz.partial_ratio, 85.0),
        ):
            places = shortlist.candidates(query, cutoff)
            kept = [
                (t, s, places[i])
                for t, s, i in _extract(query, [texts[p] for p in places], scorer, cutoff)
            ]
            assert kept == _extract(query, texts, scorer, cutoff), (query, scorer)
        places = shortlist.longer_candidates(query, 85.0)
        kept = [
            (t, s, places[i])
            for t, s, i in _extract(query, [texts[p] for p in places], fuzz.partial_ratio, 85.0)
        ]
        every = [
            r for r in _extract(query, texts, fuzz.partial_ratio, 85.0) if len(r[0]) >= len(query)
        ]
        assert kept == every, query
        assert len(places) < len(texts) / 4  # and it is short
