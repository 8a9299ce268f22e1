"""Large alternations read long replies one alternative at a time, with the same answers."""

from __future__ import annotations

import re

from interview.engine import reply_regex
from interview.engine.reply_regex import Alternation, _top_level
from interview.engine.reply_steps import Rewrites


def test_top_level_alternatives_respect_groups_and_classes():
    source = r"a(b|c)|[|x]d|e\|f|(?<!g)h"
    assert _top_level(source) == ["a(b|c)", "[|x]d", r"e\|f", "(?<!g)h"]


def test_short_and_long_text_give_the_same_answers(monkeypatch):
    pattern = re.compile(r"(?<!未)実施(済|中)|ていない|^はい|だけ(?!で)")
    rules = Alternation(pattern)
    texts = ["はい、本番だけ実施済み", "まだ実施していない", "未実施済", "それだけでなく"]
    short = [(bool(rules.search(t)), rules.sub("X", t)) for t in texts]
    monkeypatch.setattr(reply_regex, "_LONG", 0)  # every text counts as long
    assert [(bool(rules.search(t)), rules.sub("X", t)) for t in texts] == short


def test_the_alternatives_a_text_may_match_are_those_whose_every_need_it_meets():
    import random

    from interview.engine.reply_plan import PLAN_WORDS

    rng = random.Random(14)
    parts = PLAN_WORDS._alternatives()
    needed = sorted(PLAN_WORDS._needed)
    for size in (0, 1, 3, 10, 30, len(needed)):
        for _ in range(20):
            present = frozenset(rng.sample(needed, size)) | {"x"}
            PLAN_WORDS._viable.clear()
            assert PLAN_WORDS._candidates(present) == [
                (i, part)
                for i, (part, needs) in enumerate(parts)
                if all(not need.isdisjoint(present) for need in needs)
            ]


def test_a_long_reply_reads_like_its_short_self():
    from interview.engine.reply import parse_status_reply
    from interview.engine.reply_normalize import fold
    from interview.engine.reply_rules import read

    short = "手順書はありますが、訓練はしていません。"
    # the rules on long text (the fast alternations and guarded patterns) read as on short
    assert read(fold(short * 20)).status is read(fold(short)).status is not None
    # and the chat reads a long reply sentence by sentence: asked, its reading pre-selected
    long_reply = parse_status_reply(short * 20)
    assert long_reply.status is None
    assert long_reply.guess is parse_status_reply(short).status


def test_first_characters_of_a_pattern():
    assert reply_regex.first_characters(r"(?<!a)\d割|b(c|d)|[xy]?z") == (
        r"[\d\U00000062\U00000078-\U0000007a]"
    )
    assert reply_regex.first_characters(r"a|[^b]") is None  # anything may start
    assert reply_regex.first_characters(r"a?") is None  # may match empty


def test_fast_patterns_match_as_the_plain_ones():
    source = r"(?<!未)実施(済|中)|(?<=[ぁ-ゖ])(る|う)けど|^はい|\d+割|(ない|ません)(?=が)"
    texts = ["はい、実施済み", "未実施中", "やるけど", "8割です", "していませんが", "いいえ"]
    plain, quick = re.compile(source), reply_regex.fast(source)
    assert quick is not plain
    for text in texts:
        assert quick.sub("X", text) == plain.sub("X", text), text


def test_fast_leaves_patterns_re_already_skips_on():
    from interview.engine.reply_regex import fast

    # a literal prefix or alternatives that each start with a literal: re skips by itself
    for source in [r"(検討|予定)中", r"済み|完了", r"[はい]です"]:
        assert fast(source).pattern == source
    # alternatives led by groups or look-behinds get the look-ahead (compiled from the tree)
    assert fast(r"(?<!未)(実施|対応)済|(予定|計画)です").pattern is None


def test_fast_module_keeps_every_match():
    """fast_module swaps a module's plain patterns for their fast selves, same spans."""
    from interview.engine.reply_regex import fast_module

    sources = {
        "a": r"(?<!未)(実施|対応)(済|中)|ていない",
        "b": r"(ない|ません)(ので|ため)",
        "c": r"済み|完了",
        "d": r"\d+(件|社)",
    }
    namespace: dict[str, object] = {k: re.compile(v) for k, v in sources.items()}
    namespace["text"] = "not a pattern"
    fast_module(namespace)
    assert namespace["text"] == "not a pattern"
    assert namespace["a"].pattern is None  # type: ignore[union-attr]  # behind a look-ahead
    texts = ["実施済み、未実施中", "対応していないので", "3件中2件完了", "未対応済"]
    for key, source in sources.items():
        plain = re.compile(source)
        for text in texts:
            found = namespace[key].finditer(text)  # type: ignore[union-attr]
            assert [m.span() for m in found] == [m.span() for m in plain.finditer(text)]


def test_the_rules_large_alternations_match_as_their_plain_sources():
    """Each alternative's own look-ahead (fast) changes no match of the real rules."""
    import tomllib
    from pathlib import Path

    from interview.engine import (
        reply_normalize,
        reply_patterns,
        reply_rewrites,
        reply_rules,
        reply_shapes,
    )

    data = Path(__file__).parent / "data" / "replies.toml"
    texts = [
        reply_normalize.fold(text)
        for groups in tomllib.loads(data.read_text(encoding="utf-8")).values()
        for items in groups.values()
        for text in items
    ][::3]
    checked = 0
    modules = (reply_patterns, reply_rewrites, reply_shapes, reply_rules)
    values = {id(value): value for module in modules for value in vars(module).values()}
    for value in values.values():
        if isinstance(value, Alternation):
            plain = re.compile(value._source)
            for text in texts:
                assert [m.span() for m in value.pattern.finditer(text)] == [
                    m.span() for m in plain.finditer(text)
                ], text
            checked += 1
    assert checked >= 8


def test_what_a_match_needs_among_the_characters():
    def needs(source):
        return sorted("".join(sorted(n)) for n in reply_regex._needs(source))

    assert needs(r"ab(c|d)e") == ["a", "b", "cd", "e"]
    assert needs(r"x(?:|y)z") == ["x", "z"]  # an empty branch needs nothing
    assert needs(r"a{0,2}b") == ["ab", "b"]  # an optional part needs nothing
    assert needs(r"\d+分") == ["\\d", "分"]
    assert needs(r"(?i)ab") == []  # case ignored: nothing known
    assert needs(r"(?<!q)[^a]") == []  # negative look-behinds, negated classes: nothing
    assert needs(r"(?<=q)[^a](?=r|s)") == ["q", "rs"]  # what a look-around must match
    assert needs(r"(?<![a-z])[\s　]+") == ["\\s　"]  # \s as its mark


def test_skipping_by_characters_keeps_every_answer_and_replacement(monkeypatch):
    rules = Alternation(
        r"(?<!未)実施(済|中)|ていない|^はい|だけ(?!で)|\d{1,2}割|(全|一)部[^、]{0,5}?のみ"
    )
    texts = [
        "はい、本番だけ実施済み",
        "まだ実施していない",
        "未実施済",
        "それだけでなく",
        "3割",
        "全部の端末のみ",
    ]
    expected = [(bool(rules.pattern.search(t)), rules.pattern.sub("X", t)) for t in texts]
    monkeypatch.setattr(reply_regex, "_LONG", 0)  # every text counts as long
    assert [(bool(rules.search(t)), rules.sub("X", t)) for t in texts] == expected


def test_first_character_search_changes_only_where_re_starts_looking():
    """fast() compiles a pattern led by a look-behind or a group to re's own code, with an
    info block naming its first characters: same code after the block, same matches."""
    sources = [
        r"(?<!未)(実施|対応)済|(予定|計画)です",
        r"(?<![\d年])(\d{1,2})月",
        r"(?<=[すた])(ので|から)",
        r"((アカウント|id)(は|を|も)[^、。]{0,20}?)(止め|停止し)(?=て|ま)",
        r"(?:(?<=[^\x00-\x7f])[ \t]+|[ \t]+(?=[^\x00-\x7f]))",
    ]
    base = "手順書はありますが、訓練はしていません。未実施済、対応済。予定です12月 abc 2026年3月、"
    texts = [base, base * 30, "アカウントは退職時に止めています" * 12, "", "ので"]
    for source in sources:
        tree = reply_regex._P.parse(source)
        plain_code = reply_regex.program(tree)
        chars, _ = reply_regex._first_of_sequence(tree)
        info = reply_regex._first_characters_info(tree, chars)
        assert reply_regex.program(tree, info)[len(info) :] == plain_code[plain_code[1] + 1 :]
        plain, quick = re.compile(source), reply_regex.fast(source)
        for text in texts:
            assert [m.span() for m in quick.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], source
            assert quick.sub("X", text) == plain.sub("X", text)


def test_an_alternation_keeps_its_answers_while_it_remembers_character_sets(monkeypatch):
    rules = Alternation(
        r"(?<!未)実施(済|中)|ていない|だけ(?!で)|\d{1,2}割|(全|一)部[^、]{0,5}?のみ"
    )
    texts = ["本番だけ実施済み", "まだ実施していない", "未実施済", "3割", "全部の端末のみ", "なし"]
    expected = [(bool(rules.pattern.search(t)), rules.pattern.sub("X", t)) for t in texts]
    monkeypatch.setattr(reply_regex, "_LONG", 0)
    monkeypatch.setattr(reply_regex, "_VIABLE_KEPT", 2)  # forget often
    for _ in range(3):  # asked again: the remembered alternatives give the same answers
        assert [(bool(rules.search(t)), rules.sub("X", t)) for t in texts] == expected


def test_literals_grouped_by_first_character_match_as_the_plain_join():
    import random

    rng = random.Random(5)
    alphabet = "あいうa.|"  # a few characters, so words share first characters and prefixes
    for _ in range(200):
        words = [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 8))
        ]
        plain = re.compile("|".join(map(re.escape, words)))
        grouped = re.compile(reply_regex.literals(words))
        for _ in range(5):
            text = "".join(rng.choice(alphabet + "え") for _ in range(rng.randint(0, 30)))
            assert [m.group(0) for m in grouped.finditer(text)] == [
                m.group(0) for m in plain.finditer(text)
            ], (words, text)
            assert [m.span() for m in grouped.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]


def _long(text: str) -> str:
    return (text + "、") * (reply_regex._LONG // (len(text) + 1) + 1)


def test_guarded_patterns_answer_as_the_plain_ones_on_long_text():
    """A pattern re tries everywhere (or guarded by its rare needs) gives the same answers
    whether its needs are there or not."""
    sources = [
        r"(?:[^。、]{0,30}(?:ため|ので)[、,]?)?(苦労|難航)した(が|けど)",  # no first characters
        r"(?:(?<=て)|(?<=[んい]で))(?=る|ます|ない)",  # can match empty
        r"(?<![\d年])(\d{1,2})月",  # first characters known; \d is a rare need
    ]
    texts = [
        _long("手順書はありますが訓練はしていません"),
        _long("人手不足のため苦労したが今はやってる"),
    ]
    texts += [_long("3月に導入、やってる"), "苦労したが", "12月"]
    for source in sources:
        plain = re.compile(source)
        namespace: dict[str, object] = {"p": re.compile(source)}
        reply_regex.fast_module(namespace, rare=True)
        for quick in (reply_regex.fast(source), namespace["p"]):
            for text in texts:
                assert bool(quick.search(text)) == bool(plain.search(text)), (source, text)
                assert quick.sub("X", text) == plain.sub("X", text)  # type: ignore[union-attr]
                assert quick.findall(text) == plain.findall(text)  # type: ignore[union-attr]
                assert quick.split(text) == plain.split(text)  # type: ignore[union-attr]
    assert isinstance(reply_regex.fast(sources[0]), reply_regex.Guarded)


def test_steps_skip_only_those_that_cannot_match():
    steps = [
        (re.compile(r"なし"), "ない"),
        (reply_regex.fast(r"(?<=[ぁ-ゖ])月"), "X"),  # needs 月
        (reply_regex.fast(r"ない(?=です)"), "未実施"),
        (re.compile(r"(\d+)件"), r"\1個"),
    ]
    for text in [_long("該当なしです"), _long("3件あり、なしです"), "なしです", _long("やっ月")]:
        expected = text
        for pattern, replacement in steps:
            expected = pattern.sub(replacement, expected)
        assert Rewrites(steps)(text) == expected
    assert reply_regex.needs_of(steps[1][0]) == (frozenset("月"),)


def test_the_rules_clause_precheck_pattern_has_no_anchor_or_look_around():
    """_available_unused searches _THERE in the whole reply before its clauses: no match in the
    text means none in a clause only while the pattern looks at nothing outside its match."""
    from interview.engine import reply_shapes

    source = reply_regex.source_of(reply_shapes._THERE)
    assert source is not None
    constants = reply_regex._C
    context = {constants.AT, constants.ASSERT, constants.ASSERT_NOT, constants.GROUPREF}

    def ops(items):
        for op, av in items:
            yield op
            for value in av if isinstance(av, (list, tuple)) else [av]:
                if isinstance(value, reply_regex._P.SubPattern):
                    yield from ops(value)
                elif isinstance(value, list):  # a branch's alternatives
                    for branch in value:
                        if isinstance(branch, reply_regex._P.SubPattern):
                            yield from ops(branch)

    found = set(ops(reply_regex._P.parse(source)))
    assert constants.BRANCH in found and constants.LITERAL in found  # the walk looks inside
    assert not found & context


def test_long_replies_read_in_two_threads_read_as_alone():
    """The reader's caches (last text searched, characters of recent texts) are shared:
    two threads reading different long replies get what each reads alone."""
    import threading

    from interview.engine.reply import parse_status_reply

    texts = [
        "手順書はありますが、訓練はしていません。" * 12,
        "本番は対応済みです。開発環境は来年3月までに導入予定です。" * 8,
    ]
    alone = [parse_status_reply(text) for text in texts]
    seen: list[list[object]] = [[], []]

    def read(index: int) -> None:
        for _ in range(15):
            seen[index].append(parse_status_reply(texts[index]))

    threads = [threading.Thread(target=read, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(reply == alone[i] for i in range(2) for reply in seen[i])


def test_word_needs_list_the_words_every_match_holds():
    assert reply_regex.word_needs(r"(検討|協議)(した|の)結果") == (
        ("検討した結果", "検討の結果", "協議した結果", "協議の結果"),
    )
    # alternatives: one word of each; a look-ahead's words are needed too
    assert reply_regex.word_needs(r"予定(だけ|のみ)|計画中(?=です)") == (
        ("予定だけ", "予定のみ", "計画中"),
    )
    assert reply_regex.word_needs(r"(?i)abc") == ()
    assert reply_regex.word_needs(r"[^あ]+") == ()


def test_patterns_guarded_by_words_answer_as_the_plain_ones_on_long_text():
    sources = [r"(検討|協議)(した|の)結果[、,]?", r"\s+(?=予定)", r"(だけ|のみ)(は|が)?(ある|です)"]
    texts = [
        _long("検討の結果、見送りました"),
        _long("予定のみです"),
        _long("予定 あり"),
        "検討の結果",
    ]
    for source in sources:
        plain = re.compile(source)
        namespace: dict[str, object] = {"p": re.compile(source)}
        reply_regex.fast_module(namespace, rare=True)
        quick = namespace["p"]
        for text in texts:
            assert bool(quick.search(text)) == bool(plain.search(text)), (source, text)  # type: ignore[union-attr]
            assert quick.sub("X", text) == plain.sub("X", text)  # type: ignore[union-attr]


def test_prepare_compiles_every_alternation_ahead():
    from interview.engine.reply import prepare_reader

    prepare_reader()
    made = list(reply_regex._ALTERNATIONS)
    assert len(made) >= 10  # the rules' and the plan reader's
    assert all(alternation._parts is not None for alternation in made)


def test_the_patterns_written_in_place_are_found_and_compiled_ahead():
    import sys
    import types

    from interview.engine import reply_rules
    from interview.engine.reply_regex import compile_literals, literal_patterns

    module = types.ModuleType("written_in_place")
    exec(  # a module of our own text, to read its bytecode
        "import re\n"
        "def f(text):\n"
        "    label = 'not a pattern'\n"
        "    if re.search(r'予定(です)?$', text):\n"
        "        return re.sub('x+', 'y', text), label\n"
        "    return [m for m in re.finditer(r'\\d+', text)]\n",
        module.__dict__,
    )
    assert literal_patterns(module) == {r"予定(です)?$", "x+", r"\d+"}
    # the rules write patterns in place (「(ほぼ|ほとんど)(何|なに)も」): all found, all compiled
    assert r"(ほぼ|ほとんど)(何|なに)も" in literal_patterns(reply_rules)
    reply_modules = [m for n, m in sys.modules.items() if n.startswith("interview.engine.reply")]
    assert compile_literals(reply_modules) >= 100


def test_look_behinds_after_the_first_character_match_as_before():
    """An alternative led by look-behinds and a character leads with the character
    (``_rotated``): the same matches, groups included, at the start of the text too."""
    source = r"(?<!未)(?<=[^x])実施(済|中)|(?<![\d.])[0０](%|割)|(?<=で)(あり|ある)|^はい|(a|b)c"
    texts = [
        "未実施済、実施中",
        "実施済",
        "10%と0割、０％",
        "であり、ある",
        "はい",
        "bc",
        "。0%",
        "",
    ]
    plain, quick = re.compile(source), reply_regex.quick(source)
    for text in texts:
        assert [(m.span(), m.groups()) for m in quick.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ], text


def test_an_alternation_finds_the_first_match_where_its_pattern_does(monkeypatch):
    """A pattern led by its finder (a look-ahead on where an alternative may match) finds
    the same matches, spans and groups, asked once or again."""
    import random

    source = (
        r"(?<!未)実施(済|中)|ていない|だけ(?!で)|(\d{1,2})割|(全|一)部[^、]{0,5}?のみ|^はい"
        r"|(?:(?<=[、,])|(?<=ので))(なんとも)$|(て|で)(い)?たっけ|[^、。]{0,3}(なし|無し)$"
    )
    monkeypatch.setattr(reply_regex, "_FINDER_MIN", 2)  # this one led by its finder
    rules = Alternation(source)
    assert reply_regex._finder(reply_regex._P.parse(source)) is not None
    plain = re.compile(source)
    rng = random.Random(19)
    words = [
        "実施済",
        "未",
        "実施中",
        "ていない",
        "だけで",
        "だけ",
        "3割",
        "全部の端末のみ",
        "はい",
    ]
    words += ["、", "ので", "なんとも", "てたっけ", "でいたっけ", "なし", "。", "x"]
    for _ in range(300):
        text = "".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        for _ in range(2):
            found, expected = rules.search(text), plain.search(text)
            assert (found and (found.span(), found.groups())) == (
                expected and (expected.span(), expected.groups())
            ), text
            assert rules.sub("X", text) == plain.sub("X", text)


def test_an_alternative_that_refers_to_its_groups_stands_as_its_first_characters(monkeypatch):
    def finder(source: str) -> object:
        return reply_regex._finder(reply_regex._P.parse(source))

    assert finder(r"^(?P<nod>はい|うん)、?(?P=nod)$|いいえ") is not None
    assert finder(r"(a)\1|b") is not None
    assert finder(r"(.)\1|b") is None  # any character may start it: no finder
    monkeypatch.setattr(reply_regex, "_FINDER_MIN", 2)
    source = r"^(?P<nod>はい|うん)、?(?P=nod)$|(a)\2|いいえ|" + "|".join("xyzwvuts")
    plain, quick = re.compile(source), reply_regex.quick(source)
    for text in ["はいはい", "はい、はい", "うんうん", "はいうん", "aa", "いいえ", "ab", "xtz", ""]:
        assert [(m.span(), m.groups()) for m in quick.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ], text


def test_kept_character_classes_compile_as_re_does():
    """Classes optimized once and kept (``_optimized_charset``) give re's own code, and
    re's compiler is left as it was."""
    sources = [
        r"[一-龥ァ-ヶー]+|(?<=[^、。])x",
        r"[^\s、]{2}|[\d０-９]割",
        r"(?<![a-z])[ァ-ヶ]{2,}です",
    ]
    for source in sources:
        tree = reply_regex._P.parse(source)
        plain = reply_regex.program(tree)
        with reply_regex._charsets_kept():
            kept = reply_regex.program(reply_regex._P.parse(source))
            again = reply_regex.program(reply_regex._P.parse(source))
        assert plain == kept == again
    assert reply_regex._CO._optimize_charset is reply_regex._OPTIMIZE_CHARSET


def test_only_katakana_runs_that_may_spell_a_verdict_are_looked_at():
    """fold's katakana runs: those led by another character are left as they are anyway."""
    import random

    from interview.engine import reply_normalize as normalize

    rng = random.Random(14)
    alphabet = (
        "ヤッテルデキワカラナイシアマダジタオウミガトヒフメヨケンチブクニハエゼバリョスムーァ漢あ、"
    )
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert normalize._VERDICT_RUN.sub(normalize._kana, text) == normalize._KATAKANA_WORD.sub(
            normalize._kana, text
        ), text


def _mid(text: str) -> str:
    """*text* made a mid-length reply (``_MID`` to ``_LONG`` characters), padded with words
    none of the patterns below look for."""
    padded = text + "。" + "担当の者が毎朝確かめる。" * 30
    return padded[: reply_regex._MID + 40]


def test_a_split_keeps_the_group_numbers_of_the_alternatives_left():
    split = reply_regex._split_by_words(r"(ab|cd)x|\d+(件)|(?:ef)+")
    assert split.finder is not None and split.rest is not None
    assert split.finder.search("zzcdxzz") and not split.finder.search("zzcdzz")
    found = split.rest.search("あ3件")
    assert found and found.group(2) == "件" and found.group(1) is None and found.span() == (1, 3)
    assert split.rest.groups == 2 and not split.rest.search("abx")
    everything = reply_regex._split_by_words(r"(ab|cd)x|ef")  # no alternative left
    assert everything.finder is not None and everything.rest is None
    assert reply_regex._split_by_words(r"\d+件|[あ-ん]").finder is None  # no words at all
    # a pattern compiled with flags its source does not carry stays as it is
    ignoring_case = re.compile(r"abc|de", re.IGNORECASE)
    assert reply_regex.by_words(ignoring_case) is ignoring_case


def test_worded_patterns_answer_as_the_plain_ones_on_mid_length_text():
    sources = [
        r"(?:^|(?<=[、。]))(今|いま)(は|では)(?!予定)|[一-龥]{1,8}(て|で)(から|以来)|(\d+)件",
        r"(けど|が)、?[^。]{0,30}?(防げ|検知でき)(ない|ません)|^[^。、]{0,12}?気を(つけ|付け)て(い|お)?(る|ます)",
        r"(?<![少危])ない(?!よう)|(.)\1件",
    ]
    texts = [
        "今は毎月確認しています",
        "導入してから3件対応しました",
        "WAFはあるけど、攻撃は防げないです",
        "各自が気をつけてます",
        "そういう仕組みは少ないです、7件",
        "手順書はありません",
        "",
    ]
    for source in sources:
        plain = re.compile(source)
        worded = reply_regex.by_words(re.compile(source))
        alternation = reply_regex.by_words(Alternation(source))
        assert isinstance(worded, reply_regex.Worded)
        for text in [*texts, *map(_mid, texts)]:
            expected = plain.search(text)
            for found in (worded.search(text), alternation.search(text)):
                assert (found and (found.span(), found.groups(), found.lastindex)) == (
                    expected and (expected.span(), expected.groups(), expected.lastindex)
                ), (source, text)
            assert worded.sub("X", text) == alternation.sub("X", text) == plain.sub("X", text)
            assert worded.findall(text) == plain.findall(text)
            assert [m.span() for m in worded.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]
            assert worded.split(text) == plain.split(text)
            assert bool(worded.match(text)) == bool(plain.match(text))
            assert bool(worded.fullmatch(text)) == bool(plain.fullmatch(text))


def test_steps_skip_only_those_that_cannot_match_at_any_length():
    steps = [
        (re.compile(r"(検討|協議)(した|の)結果[、,]?"), ""),  # every alternative needs words
        (reply_regex.fast(r"(?<=[ぁ-ゖ])月"), "X"),
        (re.compile(r"ない(?=です)|(\d+)件"), r"未実施\1"),  # one alternative without words
        (re.compile(r"担当の者"), "担当者"),
        (re.compile(r"(abc|xyz)です", re.IGNORECASE), "Y"),  # its flags not in its source
        (reply_regex.fast(re.compile(r"(def|uvw)だ", re.IGNORECASE)), "Z"),  # nor here
    ]
    for text in ["協議の結果、見送りです", "3件ないです", "やっ月", "ABCです", "DEFだ"]:
        for typed in (text, _mid(text), _long(text)):
            expected = typed
            for pattern, replacement in steps:
                expected = pattern.sub(replacement, expected)
            assert Rewrites(steps)(typed) == expected, typed


def test_prepare_parts_the_worded_patterns_ahead():
    from interview.engine.reply import prepare_reader

    prepare_reader()
    assert reply_regex._WORDED and all(worded._split is not None for worded in reply_regex._WORDED)
