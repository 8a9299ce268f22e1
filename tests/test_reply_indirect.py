"""Indirect replies beyond 代替策 (issue #14, sixteenth round (b), tuning52/53: non-specialists
and short chat replies). Each case is our own wording for a class of replies, not a table
reply. Readings are the rules' own (the gate is trained separately)."""

from __future__ import annotations

import pytest
from helpers import rules_reading

from interview.engine.answers import Status
from interview.engine.reply import parse_status_reply


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # kept only, nobody looks
        ("監視ログは保存してるだけで、誰もチェックしてないです", Status.NOT_DONE),
        # a rule on paper, never once done
        (
            "マニュアルには毎月点検と書いてありますが、一度も点検したことはありません",
            Status.NOT_DONE,
        ),
        # Western-Japan 〜ちょる, one-kanji 〜とる
        ("点検はしちょらん", Status.NOT_DONE),
        ("毎週見とるけん", Status.DONE),
        # done for some, the rest still as before
        ("本店は電子錠に替えたけど、出張所はまだ昔の鍵のままです", Status.PARTIAL),
        # half-remembered, the person who knew has left
        ("たしか設定してたはずですが、担当者が退職して引き継ぎもなくて", Status.UNKNOWN),
        # out of our hands, so we cannot say
        ("親会社の管轄なので、こちらではわかりません", Status.UNKNOWN),
        ("委託先の話は結局どうなったのか…", Status.UNKNOWN),
        # nothing ever happened to act on
        ("障害が発生したことがないので、報告の対象がありません", Status.NOT_APPLICABLE),
        ("法人取引しかないので、個人向けの補償はそもそも発生しません", Status.NOT_APPLICABLE),
        # no such business, the business function itself absent
        ("店舗がないので、対面の本人確認はやりようがないです", Status.NOT_APPLICABLE),
        ("当社は決済の機能自体を持っていません", Status.NOT_APPLICABLE),
        # one secret for everyone
        ("全員共通のIDでログインしています", Status.NOT_DONE),
        # talk only, said last; could find out, does not know now; only named holders
        ("MFAを入れようという話は何度も上がってるんですけどね", Status.NOT_DONE),
        ("台帳を見ればわかるはずですが、いま出先でして", Status.UNKNOWN),
        ("サーバ室の鍵は部長しか持っていません", Status.DONE),
        # not only: no scope
        ("保存するだけでなく、毎週レビューもしています", Status.DONE),
    ],
)
def test_indirect_replies_read(text, want):
    assert rules_reading(text) == (want, want), text


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        # in place, but broken now: a gap more than a part — asked
        ("入退室のカードリーダーはあるけど、故障中でずっと開けっぱなし", Status.NOT_DONE),
        # the person who knew has gone, no hedge: asked, 不明 guessed
        ("前任者が異動して、引き継ぎ資料が残ってないんです", Status.UNKNOWN),
        # one share not yet: the rest done?
        ("派遣さんの分は、まだもらってないです", Status.PARTIAL),
        # not kept here, all held elsewhere: asked, 該当なし guessed
        ("事務所にサーバは置いてません。全部クラウドです", Status.NOT_APPLICABLE),
    ],
)
def test_indirect_replies_asked(text, guess):
    assert rules_reading(text) == (None, guess), text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # look-alikes that keep their reading
        ("規程に年1回と書いてあって、毎年ちゃんと見直しています", Status.DONE),
        ("管理画面を見ればわかるようになっています", Status.DONE),
        ("アクセスログは取ってるけど、夜間は誰も見てない", Status.PARTIAL),
        ("カードリーダーは付いてるけど、裏口にはありません", Status.PARTIAL),
    ],
)
def test_look_alikes_keep_their_reading(text, want):
    assert rules_reading(text)[0] is want, text


def test_resuming_the_session_is_no_answer():
    assert parse_status_reply("では、続きからお願いします").status is None
    assert rules_reading("続きからやります") == (None, None)
