"""Replies whose answer turns on a word read the wrong way round (issue #14, fifteenth round
(b), tuning49: replies typed tired, rushed or unsure). Each case is our own wording for a
class of replies, not a table reply. Readings are the rules' own (the gate is trained
separately)."""

from __future__ import annotations

import pytest
from helpers import rules_reading

from interview.engine.answers import Status


@pytest.mark.parametrize(
    "text",
    [
        # a gap counted, and there is none
        "未回答の委託先はゼロになりました",
        "未適用の修正プログラムは1つもありません",
        "鍵の更新漏れはゼロです",
        "署名していない委託先はゼロです",
        "抜けているアカウントはありません",
        # background or a past state, then the state now, said last
        "以前は共有IDでしたが、今は一人一IDで運用しています",
        "昨年の指摘を受けて規程を作り直しました。今は全部署で運用しています",
        "以前は月次でしたが、今は毎週です",  # a frequency is the state now
        "さっき調べたら、証明書は自動更新になってました",  # looked, and found it done
        "残件はゼロです",
        "最初は嫌がられましたが、今は全員普通にパスワード管理ツールを使ってくれてます",
        "先ほど確認しましたが、ちゃんと暗号化されていました",  # looked, and found it done
        "除外しているサーバーは一つもありません",  # nothing left out
        "前回から特に変化はなく、対応済みです",
    ],
)
def test_a_gap_counted_as_none_or_the_state_now_is_done(text):
    assert rules_reading(text) == (Status.DONE, Status.DONE), text


@pytest.mark.parametrize(
    "text",
    [
        "未対応の項目はゼロではありません",  # not zero: the gap is there
        "前は年に一度やってましたが、ここ数年はやれていません",  # done before only
        "当初は外部の診断を受けていましたが、現在は実施しておりません",
        "手順書はまだ下書きで、承認はこれからです",  # a draft, the real thing still to come
        "予算も人もつけてもらったんですが、結局まだ何も進んでいません",
        "今は何もしてないです、昔のことは分かりません",  # only the past is unknown
        "一度は導入したんですけど、重すぎて結局今は外しています",  # done once, stopped now
        "以前は定期的に見ていましたが、担当が替わってからは見られていません",
    ],
)
def test_a_no_now_or_a_draft_is_not_done(text):
    assert rules_reading(text) == (Status.NOT_DONE, Status.NOT_DONE), text


@pytest.mark.parametrize(
    "text",
    [
        "本番：済、検証：未",  # a bare 未 for one part
        "監視：済／訓練：未",
        "全部で10社あって、評価が終わったのは4社です",  # done of a total
        "以前はやってなかったけど、今は本番だけやってる",  # the now is itself a part
    ],
)
def test_a_bare_not_yet_or_done_of_a_total_is_a_part(text):
    assert rules_reading(text) == (Status.PARTIAL, Status.PARTIAL), text


@pytest.mark.parametrize(
    "text",
    [
        "委託はしておらず、全部内製です",
        "外注先がないので、全て自社開発です",
        "連鎖接続先は特にありません",  # the whole reply: no such party
    ],
)
def test_nothing_outsourced_all_in_house_is_not_applicable(text):
    assert rules_reading(text) == (Status.NOT_APPLICABLE, Status.NOT_APPLICABLE), text


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("まだ試験導入の段階です", Status.NOT_DONE),  # a trial alone: a part to some writers
        ("未登録の端末がまだ3台あります", Status.PARTIAL),  # something left un-done
        ("未対応の項目がないか確認していません", Status.PARTIAL),
        ("委託先はありますが、開発は全部内製です", Status.DONE),  # outsourcing exists
        ("インフラは全部Azureなので、物理面はMicrosoft任せです", Status.NOT_APPLICABLE),
        ("3年前までは外部監査を受けてました", Status.NOT_DONE),  # done until then; and now?
        ("昨年度までは実施していませんでした", Status.DONE),  # not done until then; and now?
        ("正式リリースは来月で、今は検証環境でテスト中です", Status.NOT_DONE),
        ("要件定義まではやりましたが、本番適用はまだです", Status.NOT_DONE),  # a first step
        ("年明けから運用する予定で、今はルールを詰めているところです", Status.NOT_DONE),
    ],
)
def test_asked_with_a_guess(text, guess):
    assert rules_reading(text) == (None, guess), text


@pytest.mark.parametrize(
    "text",
    [
        "ドラフトは作ったものの、承認はこれからです",  # a first step, the real thing later
        "試験導入中で、全社展開は来期からの予定です",  # older tables read this a part
        "設計まではできましたが、実装はまだです",
    ],
)
def test_a_first_step_then_the_real_thing_later_is_asked(text):
    assert rules_reading(text) == (None, Status.NOT_DONE), text


def test_a_trial_with_a_scope_stays_a_part():
    assert rules_reading("試験運用中で、一部の部署だけ使っています")[0] is Status.PARTIAL
