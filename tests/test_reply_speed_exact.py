"""The reply reader's speed paths give exactly what the plain paths give (issue 14)."""

from __future__ import annotations

from interview.engine.reply_long import long_units, sentences, summaries, sums_up
from interview.engine.reply_normalize import _MAYBE_SYMBOL, _drop_symbols, _SymbolTable


def test_characters_never_looked_up_as_symbols_are_not_symbols():
    # _drop_symbols looks up only what _MAYBE_SYMBOL finds: every other character (ASCII,
    # kana, kanji, CJK punctuation) must be one the symbol table keeps
    table = _SymbolTable()
    kept = [code for code in range(0x10000) if not _MAYBE_SYMBOL.match(chr(code))]
    assert len(kept) > 21_000
    assert all(table.__missing__(code) == code for code in kept)


def test_symbols_are_dropped_wherever_they_stand():
    assert _drop_symbols("対応済み😀です♪^`〄") == "対応済みです"
    assert _drop_symbols("本番は実施、開発は未実施") == "本番は実施、開発は未実施"


def test_a_long_reply_is_split_once_and_its_summaries_found_once():
    text = "背景です。本番は対応済みです。つまり一部だけということになります。" * 6
    assert long_units(text) == sentences(text)
    assert long_units(text[:40]) is None
    assert long_units("一文だけの長い返答" * 30) is None
    assert summaries(sentences(text)) == {"つまり一部だけということになります。"}
    assert not sums_up("本番は対応済みです。")


def _plain(steps, text):
    for pattern, replacement in steps:
        text = pattern.sub(replacement, text)
    return text


def test_rewrites_pass_over_only_steps_that_would_change_nothing():
    import tomllib
    from pathlib import Path

    from interview.engine import reply_normalize, reply_predicates

    data = Path(__file__).parent / "data"
    texts = []
    for name in ("replies.toml", "long_replies_tuning1.toml", "mid_replies_tuning1.toml"):
        table = tomllib.loads((data / name).read_text(encoding="utf-8"))
        texts += [x for groups in table.values() for xs in groups.values() for x in xs][:100]
    texts += [
        "やっとらんけん、まだ手付かずやねん。予算さえ付けば来期にやりたい",
        "ログは取ってるが、誰も見てないと見受けられます。2027年3月 までに対応",
        "We don't have that; not applicable here.\tスマホはまだかな",
    ]
    for rewrites in (reply_normalize._TAIL, reply_predicates._STEPS):
        steps = rewrites.steps
        for text in texts:
            folded = reply_normalize.fold(text)
            for sample in (folded, text.casefold()):
                assert rewrites(sample) == _plain(steps, sample), sample


def test_the_marks_of_any_digit_and_any_blank_are_what_re_matches():
    from interview.engine.reply_steps import _MARKS

    chars = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    assert set(_MARKS["\\d"].findall(chars)) == {c for c in chars if c.isdecimal()}
    assert set(_MARKS["\\s"].findall(chars)) == {c for c in chars if c.isspace()}


def test_the_gate_scores_each_kind_of_feature_as_one_set_would():
    from interview.engine.reply_gate import _known_features, load_model
    from interview.engine.reply_normalize import fold

    model = load_model()
    assert model is not None and model.exact is not None and model.exact.kinds
    exact = model.exact
    texts = [
        "手付かずのままです。本番環境だけは対応済みで、開発環境は来年3月までに導入予定。",
        "§wあ§p未着手 — 記号の§を含む返答",
        "まだ何もしていません\n\nよく分かりません",
        "we don't store any customer passwords; SSO only",
        "",
    ]
    for text in texts:
        folded = fold(text)
        assert exact.scores_of(folded) == exact.scores(_known_features(folded, exact.predicates))
