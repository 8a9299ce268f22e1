"""Long replies (a pasted memo, a paragraph of explanation) are read sentence by sentence,
always asked about, with the best guess pre-selected (engine.reply_long)."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from interview.engine.answers import Status
from interview.engine.reply import parse_status_reply
from interview.engine.reply_long import BY_SENTENCE, LONG_REPLY, best_guess, is_long, sentences

TODAY = date(2026, 11, 29)
BACKGROUND = (
    "昨年度の内部監査で指摘を受けたため、今年度の上期に情報システム部と総務部で現状を整理しました。"
    "対象は本社とデータセンターの二拠点で、委託先の作業員も含めて洗い出しています。"
    "資料は別途共有フォルダに置いてありますので、必要であればご覧ください。"
    "なお、前回の回答から担当者が替わっておりますので、経緯の説明が重複していたらご容赦ください。"
    "整理の過程では、各部署の担当者へのヒアリングと、過去三年分の点検記録の確認も行いました。"
    "以下、現在の状況をまとめます。\n"
)


def test_a_summing_up_sentence_gives_the_guess_and_the_whole_reply_is_the_detail():
    text = (
        BACKGROUND
        + "本社は入退室をICカードで記録していますが、データセンターはまだ紙の台帳です。" * 2
    )
    text += "つまり、一部だけ対応済みということになります。"
    reply = parse_status_reply(text, today=TODAY)
    assert is_long(text.strip())
    assert reply.status is None  # a long reply is always asked about
    assert reply.guess is Status.PARTIAL
    assert reply.detail == text.strip()  # nothing cut


def test_the_answer_at_the_end_after_background():
    text = (
        BACKGROUND
        + "結果として、多要素認証は全社員のアカウントで必須にしており、例外はありません。"
    )
    reply = parse_status_reply(text, today=TODAY)
    assert (reply.status, reply.guess) == (None, Status.DONE)


def test_a_plan_at_the_end_is_offered_with_its_month():
    text = BACKGROUND + "現時点では何も導入していません。来年3月までに導入する予定です。"
    reply = parse_status_reply(text, today=TODAY)
    assert reply.guess is Status.NOT_DONE
    assert reply.plan is not None and reply.plan.due == "2027-03"
    assert "来年3月までに導入する予定です" in reply.plan.text


def test_done_and_not_done_sentences_make_a_partial_guess():
    units = ["本番環境はWAFを入れています。", "背景の説明です。", "検証環境には入れていません。"]
    readings = [(Status.DONE, Status.DONE), (None, None), (Status.NOT_DONE, Status.NOT_DONE)]
    assert best_guess(units, readings) is Status.PARTIAL
    # an alternative among them is not a part done: the vote decides
    readings[1] = (Status.ALTERNATIVE, Status.ALTERNATIVE)
    assert best_guess(units, readings) is not Status.PARTIAL


def test_short_or_few_sentences_are_read_whole():
    one_sentence = "対応済みです、" + "あ" * LONG_REPLY
    assert not is_long(one_sentence)  # one sentence, however long
    two = "対応済みです。" + "詳細は別紙のとおりです" * 30 + "。"
    assert not is_long(two)
    assert parse_status_reply("対応済みです").status is Status.DONE
    three_short = "対応済みです。手順書もあります。訓練もしています。"
    assert len(three_short) < LONG_REPLY and not is_long(three_short)
    assert sentences("A。\n\nB！  C？") == ["A。", "B！", "C？"]


@pytest.mark.parametrize(
    "text",
    ["。" * 500, "\n" * 300 + "あ", "🙏。" * 200, "<b>x</b>。" * 100, "\x1b[31m赤\x1b[0m。" * 80],
)
def test_hostile_long_text_is_read_without_error(text):
    reply = parse_status_reply(text)
    assert reply.status is None or not is_long(text.strip())
    assert reply.detail == text.strip() or reply.detail == ""


def test_a_request_inside_a_long_reply_is_not_an_answer():
    text = BACKGROUND + "ちょっと待ってください。" + "いま担当者に確認中です。"
    reply = parse_status_reply(text, today=TODAY)
    # not a request to the chat; 「確認中」 may read 不明, nothing else
    assert reply.request is None and reply.status in (None, Status.UNKNOWN)


DATA = Path(__file__).parent / "data" / "long_replies_tuning1.toml"
MID = Path(__file__).parent / "data" / "mid_replies_tuning1.toml"


def _table(path: Path) -> list[tuple[Status, str]]:
    return [
        (Status(label), text)
        for label, kinds in tomllib.loads(path.read_text(encoding="utf-8")).items()
        for texts in kinds.values()
        for text in texts
    ]


def test_mid_length_replies_are_seldom_read_wrong():
    """92 replies of 140–260 characters and 2–5 sentences: read whole, 9 were given a wrong
    status (34 right, 21 asked with the right guess); now 2 (23 right, 32 asked right)."""
    readings = [(s, parse_status_reply(t, today=TODAY)) for s, t in _table(MID)]
    wrong = sum(r.status is not None and r.status is not s for s, r in readings)
    ready = sum((r.status or r.guess) is s and (r.status in (None, s)) for s, r in readings)
    assert wrong <= 3
    assert ready / len(readings) >= 0.55


def test_the_long_reply_table_is_asked_with_a_useful_guess():
    """On the long tuning table (84 replies, 250–1,200 characters), read whole the reader
    gave 14 right and 3 wrong statuses and asked 67 times, its guess right 24 times; read
    sentence by sentence it asks, its guess right 46 times (1 more read right)."""
    rows = _table(DATA)
    long_rows = [(s, t) for s, t in rows if is_long(t.strip())]
    readings = [(s, parse_status_reply(t, today=TODAY)) for s, t in long_rows]
    assert len(long_rows) >= 70
    # from 300 characters a reply is read sentence by sentence and always asked about
    assert all(r.status is None for s, r in readings if len(r.detail) >= BY_SENTENCE)
    assert sum(r.status is not None and r.status is not s for s, r in readings) <= 1
    right = sum(r.guess is s for s, r in readings)
    assert right / len(readings) >= 0.55


def test_a_plan_in_the_middle_is_offered_and_background_is_not_a_plan():
    text = (
        BACKGROUND
        + "最高責任者は管理本部長が兼務していますが、本人が職務範囲を認識しているかは確認していません。"
        + "来年3月までに本人向けの説明会を開く予定です。"
        + "つまり、責任者は決まっているが認識の確認はまだ、ということになります。"
    )
    reply = parse_status_reply(text, today=TODAY)
    assert reply.guess is Status.PARTIAL
    assert reply.plan is not None and reply.plan.due == "2027-03"
    assert (
        reply.plan.text == "来年3月までに本人向けの説明会を開く予定です。"
    )  # not 「今年度の上期に…しました」


def test_a_summing_up_sentence_under_300_characters_gives_the_guess():
    text = (
        "昨年度の内部監査で「責任者の所在があいまい」と指摘を受けたため、体制を整理しました。\n"
        "取締役会で議論した結果、管理本部長がセキュリティの最高責任者を兼ねる形になっています。\n"
        "職務の範囲は規程の第4条に書かれていますが、本人と読み合わせをしたことはありません。\n"
        "つまり、責任者は決まっているが認識の確認はまだ、ということになります。"
    )
    assert LONG_REPLY <= len(text) < BY_SENTENCE
    reply = parse_status_reply(text, today=TODAY)
    assert (reply.status, reply.guess) == (None, Status.PARTIAL)


def test_an_english_reply_is_read_sentence_by_sentence():
    text = (
        "No WAF on our side, and I know that is what the item asks about. "
        "Our public surface is a single REST API used by our own app and two partner banks. "
        "Every request is signed, and the gateway drops anything without a valid client "
        "certificate. Rate limits are set per client, e.g. 50 requests a second. "
        "We have not deployed any intrusion detection either."
    )
    assert sentences(text)[:2] == [
        "No WAF on our side, and I know that is what the item asks about.",
        "Our public surface is a single REST API used by our own app and two partner banks.",
    ]
    assert "Rate limits are set per client, e.g. 50 requests a second." in sentences(text)
    assert sentences("Version 2.1 is live. OK") == ["Version 2.1 is live.", "OK"]
    reply = parse_status_reply(text, today=TODAY)
    assert is_long(text) and reply.status is None and reply.detail == text


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Planned for Q2 next year.", True),
        ("It is on our roadmap.", True),
        ("We will roll out MFA for the admin console.", True),
        ("Every request is signed by the client.", False),
        ("No WAF here, and I know what the item asks about.", False),
        ("来年3月までに導入予定です。", True),
        ("ログは毎日見ています。", False),
    ],
)
def test_a_sentence_names_a_plan_in_english_or_japanese(sentence, named):
    from interview.engine.reply_plan import names_plan

    assert names_plan(sentence) is named
