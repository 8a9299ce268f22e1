"""Short chat replies on the 一部実施 / 代替策 / 未実施 boundary (issue #14, fourteenth round (b),
tuning47). Each case is our own wording for a class of replies, not a table reply. Readings
are the rules' own (the gate is trained separately)."""

from __future__ import annotations

import pytest

from interview.engine.answers import Status
from tests.helpers import rules_reading


@pytest.mark.parametrize(
    "text",
    [
        # the asked measure absent, then a means that meets the same risk, nothing weaker
        "守衛さんはいないけど、入口は顔認証ゲートです",
        "監視カメラなし。サーバールームは静脈認証",
        "二段階認証は入れてない、接続元IPを本社に絞ってる",
        "OTPは使っていませんが、クライアント証明書がないと接続できません",
        "バックアップは取ってないけど、スナップショットを毎日とってます",
        "ペンテストは受けてないですが、社内でZAPを毎週回してます",
        "IPSは未導入ですが、セキュリティグループで必要なポート以外閉じています",
        "DLPは未導入ですが、VDI環境なので端末にはデータが落ちません",
        "メッセージの暗号化はしていませんが、通信は専用線のみです",
        "先方曰く、外部診断は受けていないとのこと。ただ、バグバウンティは常設しているそうです",
        "No MFA. Access is only via the corporate VPN with device certificates.",
        "We don't use an HSM; keys live in AWS KMS.",
        "二要素認証こそありませんが、ログインは専用端末からだけです",
        # asked in earlier rounds, read outright now (the same risk family)
        "ワンタイムパスワードはなし。接続元IPを本社のVPNに絞ってる",
        "脆弱性診断は外部に頼んでないけど、Snykが毎日回ってる",
        "OTPなし、パスキーで",
        "No IDS. Every request goes through the API gateway with strict validation.",
        "サーバー室のカメラは無し。入口を生体認証にして、入れる人を3名に限定",
        "SIEMは入れていませんが、クラウド側でアラートを出しています",
        "誓約書はもらっていないけど、就業規則の中に守秘義務を盛り込んである",
        "侵入テストは頼んでないけど、バグバウンティ回してて毎月レポート来てる",
        "ウイルス対策ソフト？入れてないっす。PCは全部Chromebookにしてます",
        "棚卸しツールはないです。毎月、人事の名簿とアカウントを手で突き合わせています",
        "We don't run a SIEM, but Datadog alerts us on anything odd.",
        "画面ロックは設定していないが、振込時は毎回ワンタイムパスワードを入力させています",
        "DBの暗号化はしてないけど、カード番号はトークン化して持ってない",
        "ログイン通知メールは送ってないけど、アプリのプッシュ通知は出してる",
        "二人体制ではないけど、作業ログは翌日上長がレビューしてる",
        "改ざん検知は入れてないけど、ログはObject Lockで書き出してます",
        "DRサイトはないけど、マルチAZで動いてます",
        "鍵のローテはしてないけど、有効期限を1時間と短くしてる",
        "不正利用の検知はしていないが、1日の送金上限を5万円に設定している",
        "鍵の定期更新はしていない。ただ、鍵はKMSで自動ローテーション",
        "二要素はまだ入れられていません。ただ、管理画面には専用線経由でしか入れず、端末証明書も必須です",
        "先方によると、DBの暗号化は未実施だが、データは閉じたネットワークにしか置いていないとのこと",
        "IDSはないです。フローログを毎朝クエリして怪しい通信をチェックしてます",
        "専任のCSIRTは置いていませんが、外部のSOCサービスと24時間監視の契約を結んでいて、"
        "インシデント発生時の一次対応はそちらに任せています。",
        "げんちかくにんはしてないけど、ほうこくしょで毎年かくにんしてます",
    ],
)
def test_a_means_of_the_same_risk_is_alternative(text):
    assert rules_reading(text) == (Status.ALTERNATIVE, Status.ALTERNATIVE), text


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # a weaker or partial thing named: a gap or a part, never 代替策
        ("12文字パスワードのみでMFAなし", (Status.PARTIAL, Status.PARTIAL)),
        ("WAFはあるがログインAPIは対象外", (Status.PARTIAL, Status.PARTIAL)),
        ("カメラはないけど、警備員は平日日中だけいます", (Status.PARTIAL, Status.PARTIAL)),
        # the gap described (read 未実施 outright since the two fourteenth rounds were merged)
        ("MFAはないけど、パスワードは12文字以上にしてます", (Status.NOT_DONE, Status.NOT_DONE)),
        ("MFAはないです。IP制限も検討中です", (Status.NOT_DONE, Status.NOT_DONE)),
        (
            "HSMは使ってないです。鍵は設定ファイルに平文で置いてます",
            (Status.NOT_DONE, Status.NOT_DONE),
        ),
        ("MFAはないですが、VPNは全員同じアカウントです", (None, Status.NOT_DONE)),
        ("ウイルス対策ソフトは入れてないけど、Defenderは無効にしてます", (None, Status.NOT_DONE)),
        ("HSMは使ってないけど、KMSの鍵は全員が触れる", (None, Status.NOT_DONE)),
        (
            "タイムアウトは設定してないけど、再認証は高額送金のときだけ",
            (Status.PARTIAL, Status.PARTIAL),
        ),
        ("No pen test, but Snyk runs on some repos only.", (Status.PARTIAL, Status.PARTIAL)),
        ("研修はしてないけど、標的型訓練は一部の部署だけ", (Status.PARTIAL, Status.PARTIAL)),
        ("バックアップは取ってないです、RAIDなので大丈夫かと", (None, Status.ALTERNATIVE)),
        ("警備員なし、カメラあり", (None, Status.PARTIAL)),
        # two parts of the same control, by scope: never 代替策
        ("本番はWAFなし、検証はCloudflare経由", (None, Status.PARTIAL)),
        ("東京オフィスは警備員なし、大阪はICカードゲート", (None, Status.PARTIAL)),
        ("MFAは一般ユーザーは未導入、管理者はFIDOキー", (None, Status.PARTIAL)),
        # in place, but its output goes nowhere or it was only installed
        ("GuardDutyは有効にしてるけど、通知はどこにも飛ばしてない", (None, Status.NOT_DONE)),
        ("ペンテストはやってないけど、Snykは入れただけで誰も見てない", (None, Status.NOT_DONE)),
        # the measure not done, then only the bare minimum; a plan, then only what was there
        ("秘密保持の誓約書はもらってない、口頭で注意してるだけ", (None, Status.NOT_DONE)),
        ("EDRは検討中で、今はWindows標準のDefenderだけです", (None, Status.NOT_DONE)),
        # open to everyone, one secret for all
        ("外付けHDDは全員自由に使えます", (Status.NOT_DONE, Status.NOT_DONE)),
        ("各自好きにクラウドストレージ使ってます", (Status.NOT_DONE, Status.NOT_DONE)),
        ("Wi-Fiのパスワードはみんな共通のを使ってます", (Status.NOT_DONE, Status.NOT_DONE)),
        ("USBメモリは自由に使えないように制限しています", (Status.DONE, Status.DONE)),
        ("USBポートは塞いでないです", (Status.NOT_DONE, Status.NOT_DONE)),
        # a control switched off, or kept on; secrets in a spreadsheet; removed at the source
        ("GuardDutyはもう切ってます", (Status.NOT_DONE, Status.NOT_DONE)),
        ("証跡は一度も止めていません", (Status.DONE, Status.DONE)),
        ("APIキーはスプレッドシートで管理してます", (Status.NOT_DONE, Status.NOT_DONE)),
        ("紙の申請書自体をなくしました", (Status.DONE, Status.DONE)),
        ("接続用の秘密鍵はサーバーに平文で置いてます", (Status.NOT_DONE, Status.NOT_DONE)),
        (
            "前回分からないと答えた件ですが、ログは1年分保管されていました",
            (Status.DONE, Status.DONE),
        ),
        ("構想だけあって中身はこれから", (Status.NOT_DONE, Status.NOT_DONE)),
        # the topic echoed as a question, then the answer; a real question stays a question
        ("監査ログ？取ってないです", (Status.NOT_DONE, Status.NOT_DONE)),
        ("ISMS？取ってます", (Status.DONE, Status.DONE)),
        ("これって必須？うちはやってないです", (None, Status.PARTIAL)),
        # a control in force with no exception; 以外 typed in kana; English two parts
        ("全員SSO経由で多要素が必須です。例外のユーザーはいません", (Status.DONE, Status.DONE)),
        ("本番いがいは対応ずみです", (Status.PARTIAL, Status.PARTIAL)),
        # aware of the gap, a finding left as it was, never done by count
        ("必要性は感じてます", (Status.NOT_DONE, Status.NOT_DONE)),
        ("前回の検査で指摘されて、まだそのまま", (Status.NOT_DONE, Status.NOT_DONE)),
        ("訓練の実施回数は0回です", (Status.NOT_DONE, Status.NOT_DONE)),
        # IME slips typed in a hurry
        ("二要素はやってまさんけど", (Status.NOT_DONE, Status.NOT_DONE)),
        ("導入してまえん", (Status.NOT_DONE, Status.NOT_DONE)),
        ("ログは毎日確認しておます", (Status.DONE, Status.DONE)),
        ("いまのところ不名です", (Status.UNKNOWN, Status.UNKNOWN)),
        ("しらべてみます", (Status.UNKNOWN, Status.UNKNOWN)),
        (
            "MFA is on for the admin console, not for the customer portal.",
            (Status.PARTIAL, Status.PARTIAL),
        ),
    ],
)
def test_look_alikes_are_not_alternative(text, reading):
    assert rules_reading(text) == reading, text
