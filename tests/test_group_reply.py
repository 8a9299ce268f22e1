"""A group reply that names which 手法例 differ (engine.group_reply, tui.steps)."""

from __future__ import annotations

import itertools

import pytest

from interview.engine.answers import Status
from interview.engine.group_reply import read_named_statuses
from interview.engine.replay import naming_reply
from interview.tui.reply_flow import GroupPending, GroupSave, PickedBy, decide_group

D, P, N, NA, U, A = (
    Status.DONE,
    Status.PARTIAL,
    Status.NOT_DONE,
    Status.NOT_APPLICABLE,
    Status.UNKNOWN,
    Status.ALTERNATIVE,
)


@pytest.mark.parametrize(
    ("text", "n", "expected"),
    [
        ("②は一部実施、ほかは実施済み", 3, (D, P, D)),
        ("②は一部実施、他は実施済みです。", 3, (D, P, D)),
        ("すべて実施済み。ただし③は未実施", 3, (D, D, N)),
        ("全部やっていますが、③だけまだ未対応です", 3, (D, D, N)),
        ("②③は該当なし、残りは実施済み", 4, (D, NA, NA, D)),
        ("②と③は対応していません。①は実施済み", 3, (D, N, N)),
        ("①実施済み ②一部実施 ③実施済み", 3, (D, P, D)),
        ("①済 ②一部 ③不明", 3, (D, P, U)),
        ("③だけ未実施", 3, (D, D, N)),
        ("④のみ該当なしで、それ以外は実施済み", 4, (D, D, D, NA)),
        ("③以外は実施済み、③は不明", 3, (D, D, U)),
        ("2番目は一部実施、他は実施済み", 3, (D, P, D)),
        ("２件目は代替策で対応、あとは実施済み", 2, (D, A)),
        ("②は他社に委託して実施、③は未実施、①は対応済み", 3, (D, D, N)),
        ("基本的に実施済みですが、⑤は分からないので確認します", 5, (D, D, D, D, U)),
        ("②：対応中、ほかは対応済み", 3, (D, P, D)),
        ("③は来年導入予定、他は実施しています", 3, (D, D, N)),
        ("②はまだ、残りはやっています", 2, (D, N)),
    ],
)
def test_replies_naming_the_examples_that_differ(text, n, expected):
    named = read_named_statuses(text, n)
    assert named is not None and named.complete == expected


@pytest.mark.parametrize(
    "text",
    [
        "規程で定めて運用しています",
        "すべて実施済み",
        "2023年4月に任命",
        "",
    ],
)
def test_replies_that_name_no_status_are_ordinary_replies(text):
    assert read_named_statuses(text, 3) is None


@pytest.mark.parametrize(
    ("text", "n", "expected"),
    [
        # casual and indirect wording, read by the reply reader (not only status words)
        ("②は担当者を決めていないけど、それ以外はCISOを置いて規程で決めてます", 3, (D, N, D)),
        ("②は決めてない、ほかはやってます", 3, (D, N, D)),
        ("①と③はやってる。②はまだです", 3, (D, N, D)),
        ("③はうちには関係ないです、他は全部対応済", 3, (D, D, NA)),
        ("②だけ手が回ってない", 3, (D, N, D)),
        ("①は運用中、②は検討中、③は未着手", 3, (D, N, N)),
        ("②は外部に任せてるのでよく分からない、残りはできてます", 3, (D, U, D)),
        ("③以外はちゃんとやってます。③は来期から", 3, (D, D, N)),
        ("①は社長が兼務してます、②③は決まってません", 3, (D, N, N)),
        ("②は閉域網で代用してる、ほかは実施", 3, (D, A, D)),
        ("①OK ②NG ③OK", 3, (D, N, D)),
        ("①はできてる、②もできてる、③はできてない", 3, (D, D, N)),
        ("②は担当がいないので空席です。他はOK", 3, (D, N, D)),
        ("②は半分くらい、ほかは問題なく運用しています", 3, (D, P, D)),
        ("①は置いてます。②と③は今のところ置いていません", 3, (D, N, N)),
        ("②は知らない、他は大丈夫です", 3, (D, U, D)),
        ("③は年1回やってます、①②もやってます", 3, (D, D, D)),
        ("①〜③すべて実施済み", 3, (D, D, D)),  # a range
        ("②〜④は該当なし、①は実施済み", 4, (D, NA, NA, NA)),
        ("①はい ②いいえ ③はい", 3, (D, N, D)),  # the は of はい is no particle
    ],
)
def test_casual_replies_naming_the_examples(text, n, expected):
    named = read_named_statuses(text, n)
    assert named is not None and named.complete == expected


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        # words about an example that state no status: it is asked, never given the status
        # of the next example named, nor the reply's overall reading
        ("①②は規程第5条で定めています", (3,)),
        ("①は取締役会で決めています、②は情報システム部長、③は各部長", (2, 3)),
        ("全部やってるつもりだけど、②は自信ない、確認します", (1, 3)),
        ("②は一部のシステムのみ、それ以外は全部", (1, 3)),
    ],
)
def test_an_example_whose_words_state_no_status_is_asked(text, missing):
    named = read_named_statuses(text, 3)
    assert named is not None and named.missing == missing


def test_an_example_left_out_or_a_number_the_group_lacks_is_not_guessed():
    named = read_named_statuses("①は該当なし", 3)
    assert named is not None and named.missing == (2, 3) and named.complete is None
    named = read_named_statuses("⑤は未実施、ほかは実施済み", 3)
    assert named is not None and named.out_of_range == (5,) and named.complete is None
    named = read_named_statuses("③以外は実施済み", 3)  # ③ itself not said
    assert named is not None and named.missing == (3,)


def test_every_reply_the_replay_types_reads_back():
    """The bench types 「②は一部実施、ほかは実施済み」-style replies: all read back."""
    for n in range(2, 6):
        for combo in itertools.product(list(Status), repeat=n):
            if len(set(combo)) == 1:
                continue
            named = read_named_statuses(naming_reply(list(combo)), n)
            assert named is not None and named.complete == combo


def test_the_group_screen_reads_the_named_statuses_and_keeps_the_reply():
    me = PickedBy.RESPONDENT
    said = "②は一部実施、ほかは実施済み。規程第5条"
    assert decide_group(said, None, None, (), 3) == GroupSave((D, P, D), said)  # kept whole
    # words naming each example are more precise than one key for the group
    assert decide_group("③だけ未実施", D, me, (D,), 3).statuses == (D, D, N)
    # one key per example wins over the words
    assert decide_group("③だけ未実施", D, me, (D, P, D), 3).statuses == (D, P, D)
    # all the same: the group answer it is
    assert decide_group("①②③とも該当なし", None, None, (), 3).statuses == NA
    # a left-out example is asked (the reply kept pending), not guessed; a key gives it
    left = decide_group("①は該当なし", None, None, (), 3)
    assert isinstance(left, GroupPending) and "②・③" in left.reason
    assert left.text == "①は該当なし" and left.statuses(D) == (NA, D, D)
    wrong = decide_group("⑤は未実施", None, None, (), 3)
    assert isinstance(wrong, GroupPending) and "⑤" in wrong.reason and "③まで" in wrong.reason
    # 1 pressed for the group: the examples the words leave out take it
    said = "①は規程第5条、②は任命書で実施"
    assert decide_group(said, D, me, (D,), 3) == GroupSave(D, said)
    assert decide_group("②は一部実施", D, me, (D,), 3).statuses == (D, P, D)
    # a key shown as last year's answer (not pressed) gives nothing
    assert isinstance(decide_group("②は一部実施", D, PickedBy.PREFILL, (), 3), GroupPending)
