"""Shapes beyond 代替策 (issue #14, nineteenth round (b), tuning64–67: engine/reply_beyond.py).
Each case is our own wording for a class of replies, not a table reply. Readings are the
rules' own (the gate is trained separately)."""

from __future__ import annotations

import pytest
from helpers import rules_reading

from interview.engine.answers import Status
from interview.engine.reply_normalize import fold
from interview.engine.reply_rules import read


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # done told by what happens without it, by routine, by a test that passed
        ("e-learningに合格しないと本番の権限が付与されない", Status.DONE),
        ("二人が承認しないとマージできない設定です", Status.DONE),
        ("今ではすっかり回っていて、誰も意識してないほどです", Status.DONE),
        ("それはもう3年前に片付けました", Status.DONE),
        ("去年中に移行を終えています", Status.DONE),  # 〜中に of a past year: not in progress
        ("WAF、IPS、EDR、いずれも導入済みです", Status.DONE),  # いずれも: each, not some day
        ("先週も待機系に切り替えてみて、問題なかった", Status.DONE),
        ("年2回、本当に戻せるかを別環境で試しています", Status.DONE),
        ("■ステータス：完了\n■内容：全拠点でWAF導入", Status.DONE),
        ("前回までは未対応でしたが、今期の改修で対応しました", Status.DONE),
        # not done told indirectly
        ("前回の指摘は宿題として持ち帰ったまま、半年経ちました", Status.NOT_DONE),
        ("定例で「そろそろやろう」で話が終わってます", Status.NOT_DONE),
        ("課題リストの一番下にずっと残ってます", Status.NOT_DONE),
        ("稟議は出しました。導入は予算が通ってからです", Status.NOT_DONE),
        ("設立してから一度も訓練はやったことないです", Status.NOT_DONE),
        ("実態としては何もしていません", Status.NOT_DONE),
        ("■対応状況：未着手\n■理由：要員不足", Status.NOT_DONE),
        ("見積もりをもらっただけで止まっています", Status.NOT_DONE),
        # 該当なし: a reason, then 「そこはなし」; all in-house; no server kept; IME slips
        ("海外送金はやってないので、そこは対象外です", Status.NOT_APPLICABLE),
        ("オンプレ環境を持ってないので、そこはスルーで大丈夫です", Status.NOT_APPLICABLE),
        (
            "外注はしていません。設計も保守も全部社内のエンジニアだけで回しています",
            Status.NOT_APPLICABLE,
        ),
        ("支店にはサーバを1台も置いていません", Status.NOT_APPLICABLE),
        ("全部クラウドなのでサーバールームはないです", Status.NOT_APPLICABLE),
        ("磁気媒体はそもそも使っていません", Status.NOT_APPLICABLE),
        ("外灯なし", Status.NOT_APPLICABLE),
        ("口座を持たないので、凍結もなにもないです", Status.NOT_APPLICABLE),
        ("紙の原本は受け取っておらず、廃棄する書類がそもそもありません", Status.NOT_APPLICABLE),
        # 不明: hearsay and nothing seen; should be, but not visible from here; ask first
        ("本部の規程にあると聞いたことはありますが、実物は見当たりません", Status.UNKNOWN),
        ("保守業者が見ているはずですが、こちらからは把握できていません", Status.UNKNOWN),
        ("ビルの管理会社に問い合わせてからご回答します", Status.UNKNOWN),
        ("昔は有効にしていたが、現在も有効かどうかは分からない", Status.UNKNOWN),
        ("やってた気もするし、やってない気もします", Status.UNKNOWN),
        # 一部実施 by scope
        ("Logging is on for production, not yet for staging", Status.PARTIAL),
        # English: a requirement with 「nobody can … without」, hearsay then nothing found
        ("No one can deploy to prod without a second approval", Status.DONE),
        ("I was told the vendor handles it, but I can't find any report", Status.UNKNOWN),
        ("不要なIDがまだ4件残ってます(ほかは削除済み)", Status.PARTIAL),
        (
            "移行は終えました。ただ古い帳票サーバだけは共有パスワードのまま残っています",
            Status.PARTIAL,
        ),
        ("夜間だけ警備員がいます", Status.PARTIAL),
        ("全部とはいかず、一部しかできていません", Status.PARTIAL),
        ("本店の点検は行っておりますが、出張所までは確認できておりません", Status.PARTIAL),
    ],
)
def test_nineteenth_round_b_shapes(text, want):
    assert rules_reading(text)[0] is want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # look-alikes the new shapes must leave alone
        ("予算が通らないと導入できません", Status.NOT_DONE),  # a plan held up, no control
        ("管理者のみアクセスできるようにしています", Status.DONE),  # a restriction, not a scope
        ("バックアップは取ってるけど、復元テストは一度もやったことない", Status.PARTIAL),
        ("委託先の管理はしていません", Status.NOT_DONE),
        ("Nobody owns it yet", Status.NOT_DONE),
    ],
)
def test_look_alikes_keep_their_reading(text, want):
    assert rules_reading(text)[0] is want


def test_asked_not_read():
    # the whole item left undone, and a done word beside it: asked, 未実施 guessed
    assert rules_reading(
        "人がいなくて、そのままになってます。いつかはやらなきゃと分かってはいるんですけど"
    ) == (None, Status.NOT_DONE)
    # one scope only, another not yet — or the weaker measure only? Asked, 一部実施 guessed
    assert rules_reading("EDRはLinuxサーバだけ。Windowsはまだ何も入っていない") == (
        None,
        Status.PARTIAL,
    )


def test_deferred_answer_is_no_verdict():
    assert rules_reading("この設問は後ほど回答します") == (None, None)


def test_question_back_and_folds():
    assert read(fold("対象の範囲について、補足説明をいただけますか")).is_question
    assert fold("ﾐﾁｬｸｼｭです") == "未着手です"
    assert rules_reading("本番は対応済、検証は見対応")[0] is Status.PARTIAL
