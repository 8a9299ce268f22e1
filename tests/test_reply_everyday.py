"""Everyday replies from a new writer's cross-section (issue #14, twelfth round (b),
tuning43): first-time respondents, consultants quoting clients, people resuming weeks later,
bank staff; memo forms and typos. Each case stands for a class of replies, not one wording.
Readings are the rules' own (the gate is trained separately)."""

from __future__ import annotations

import pytest

from interview.engine.answers import Status
from interview.engine.reply_normalize import fold
from interview.engine.reply_rules import read


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("そこは完全に穴です", Status.NOT_DONE),
        ("正直ノーケアです", Status.NOT_DONE),
        ("今のところノープランです", Status.NOT_DONE),
        ("何かあったらその時考える感じです", Status.NOT_DONE),
        ("会議で何度か話題になったものの、具体的な対応はできていません", Status.NOT_DONE),
        ("前はやってたけど、担当が辞めてからやってない", Status.NOT_DONE),
        ("稟議を回しているところ", Status.NOT_DONE),
        ("社内で議論中です", Status.NOT_DONE),
        ("当該対応については、未だ検討段階にございます。", Status.NOT_DONE),
        (
            "この件は以前から課題として挙がっていたのですが、担当者が兼務で手が回らず、具体的な対策は何も打てていないのが正直なところです。",
            Status.NOT_DONE,
        ),
        ("共有アカウントを使っています", Status.NOT_DONE),
        ("私物端末も使えてしまう状態です", Status.NOT_DONE),
        ("契約書に書いてあった気がする…あとで見ておきます", Status.UNKNOWN),
        ("人事がやってると思うけど、確かめてない", Status.UNKNOWN),
        ("情シスに投げときます", Status.UNKNOWN),
        ("親会社の方針次第なので、なんとも", Status.UNKNOWN),
        ("委託先の中までは見えてないです", Status.UNKNOWN),
        ("やってるって聞いてはいるけど、見たことはない", Status.UNKNOWN),
        ("本件は複数部署にまたがるため、取りまとめのうえ別途ご回答いたします。", Status.UNKNOWN),
        ("所管部に確認しておりますので、回答まで今しばらくお待ちください。", Status.UNKNOWN),
        (
            "当行では、主要な接続先については年次で対策状況を確認しておりますが、小規模な接続先については未確認の先がございます。",
            Status.PARTIAL,
        ),
        ("社内は確認済みですが、委託先は未確認です", Status.PARTIAL),
        ("毎回ではないです", Status.PARTIAL),
        ("現状：社員向け研修は実施／委託先：未実施／予定：来期検討", Status.PARTIAL),
        ("①規程 ○ ②教育 × ③監査 ○", Status.PARTIAL),
        ("本番：対応済 ／ 検証：未対応", Status.PARTIAL),
        ("前回は未実施と答えましたが、その後導入しました", Status.DONE),
        ("この前は検討中って書いたけど、もう運用始まってます", Status.DONE),
        ("久しぶりに開きました。ここはまだです", Status.NOT_DONE),
        ("対応済みです、前回の回答から変わってません", Status.DONE),
        ("以前ご回答したとおり、変更ありません（実施済み）", Status.DONE),
        ("【現状】委託先管理規程あり。年1回評価実施。【課題】特になし", Status.DONE),
        ("実施してます。ただ、記録の残し方はもう少し工夫したい", Status.DONE),
        ("運用中です。今後さらに自動化したいと考えています", Status.DONE),
        ("承認フローを通さないと本番に出せない", Status.DONE),
        ("本番DBには踏み台サーバー経由でしか入れない", Status.DONE),
        ("データは国内リージョンにしか置いていません", Status.DONE),
        (
            "うちは社員10人の小さな会社なので大げさな仕組みはないですが、入退社のたびにアカウントの作成と削除をチェックリストで管理していて、月末に私が全アカウントを見直しています。",
            Status.DONE,
        ),
        ("スマホアプリ出してないからパス", Status.NOT_APPLICABLE),
        ("その業務自体やってないです", Status.NOT_APPLICABLE),
        ("クライアントは法人向けのみなので、この項目はなし", Status.NOT_APPLICABLE),
        ("外部委託なし（全て内製）", Status.NOT_APPLICABLE),
        ("C社はまだ全然とのことです", Status.NOT_DONE),
        # a reason, then なし without the item named, is the gap's reason, not 該当なし
        ("人手不足のため、なし", Status.NOT_DONE),
        ("今回の質問で初めて知りました", Status.NOT_DONE),
        ("言われて気づきました、やってないです", Status.NOT_DONE),
        ("文書になっているものはありません", Status.NOT_DONE),
        ("本番の鍵は2人しか知らない", Status.DONE),
        ("2人1組でしか作業しない", Status.DONE),
        ("手作業はなく、全部自動", Status.DONE),
        ("朝イチで前日のログを見るのが日課です", Status.DONE),
        ("え、どうなってたっけ", Status.UNKNOWN),
        ("先方からの回答がまだ来ていません", Status.UNKNOWN),
        ("Will get back to you.", Status.UNKNOWN),
        ("ルールを作ろうとはしたけど、まとまらなかった", Status.NOT_DONE),
        ("やろうとはしたんですが、結局できていません", Status.NOT_DONE),
        (
            "2024年以降の契約には条項を盛り込んでおりますが、それ以前の契約は未改定です",
            Status.PARTIAL,
        ),
        ("全接続先と契約を結んでおります", Status.DONE),
        ("みどうにゅう", Status.NOT_DONE),
        ("できていなです", Status.NOT_DONE),
        ("本番は対応済みだが、開発はしていない", Status.PARTIAL),
        ("ログは保存してない、でもアラートは設定してる", Status.PARTIAL),
        ("共有アカウントは使っていません", Status.DONE),
        ("確認しないとお答えできません", Status.UNKNOWN),
    ],
)
def test_everyday_replies_are_read(text, status):
    reading = read(fold(text))
    assert (reading.status, reading.guess) == (status, status), text


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        # (「専任のCSIRTは置いていませんが、外部のSOCサービスと…」 is read as 代替策 since the
        # fourteenth round (b): a means of the same risk family, tests/test_reply_same_risk.py)
        ("APIキーは環境変数ではなくSecrets Managerに入れてある", Status.ALTERNATIVE),
        ("一人で本番作業をすることはない", Status.DONE),
        ("去年は実施したけど今年はまだ", Status.PARTIAL),
        ("海外拠点なし", Status.NOT_APPLICABLE),
        (
            "独自のポリシーは作っていなくて、グループ共通のポリシーに準拠しています",
            Status.ALTERNATIVE,
        ),
        ("ISMSでカバーしています", Status.DONE),
        ("ほぼやってない", Status.NOT_DONE),
    ],
)
def test_shapes_the_words_do_not_settle_are_asked(text, guess):
    # a confident reading here would contradict some of the replies of the same shape
    reading = read(fold(text))
    assert (reading.status, reading.guess) == (None, guess), text


def test_a_remark_about_the_session_gets_no_status_and_no_guess():
    reading = read(fold("前回の続きからやりたいんですが"))
    assert (reading.status, reading.guess) == (None, None)


def test_a_question_about_the_session_is_a_question_back():
    reading = read(fold("あれ、これ前にも答えませんでしたっけ"))
    assert reading.status is None and reading.is_question
