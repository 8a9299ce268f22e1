"""The reply reader's shape detectors: whole-reply shapes (a negative then a means in force,
contrasts, 代替策, a measure owned but unused, past-only, ...) that ``_verdict`` and
``read`` test, with the patterns only they use.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from interview.engine import reply_patterns
from interview.engine.answers import Status
from interview.engine.reply_patterns import (
    _BROKEN,
    _CAVEAT,
    _HEDGE,
    _NEGATIVE,
    _NOT_APPLICABLE,
    _PARTIAL,
    _PASSIVE_HABIT,
    _PLAN_VERB,
    _POS_TOKEN,
    _POSITIVE,
    _TELEGRAPHIC,
    _TOPIC,
    _UNKNOWN,
)
from interview.engine.reply_plan import PLAN_WORDS
from interview.engine.reply_regex import fast, fast_module, worded_module

# The first clause negates the measure, then a break (。 、 が けど).
_NO_FIRST = re.compile(
    r"(ない|ません|なし|無し|未(導入|実施|対応|整備|設定|採用)|おらず|ないっす|ないです|ないんです|なくて|(?<=[てで])へん)"
    r"(です|っす|でして)?(ね|よ)?(が|けど|けれど|けども)?[、,。;]"
)
# Words that make the rest a part, a gap, a plan or an ad hoc practice, not another means.
_NOT_A_MEANS = re.compile(
    r"一部|以外|(本番|開発|検証|テスト)(環境|系)?(は|では|だけ|のみ)|社員|委託先|部署|支店|拠点|新規|既存|旧|主要|重要"
    r"|予定|まだ|これから|今後|来期|来年|検討|つもり|したい|たい(と|です)|予算"
    r"|判断|裁量|感覚|各自|個人|属人|経験|適当|なんとなく|その場|都度|気を(つけ|付け)|程度|たまに|ときどき|時々"
    r"|(注意|意識)して(い|お)?(る|ます)|心がけ|心掛け"
    r"|口頭|共有して|(?<![時間])だけ|しか(やって|して|でき)|自体は|課題|問題|リスクは|わから|不明|確認中"
    r"|任せ|頼み|頼り|依存|気づ|気付|実務|運用(で|と|上)|必要性|前は|昔|以前"
    # a topic of its own (「…ないけど、手順書はある」): another part of the same control, more often
    r"|(?<![にらまでてそ])(は|も)(?![^、。]{0,2}(ない|ません))"
)
_NIGHT_OR_HOLIDAY = re.compile(r"夜間|深夜|夜中|休日|土日|祝日|時間外|営業時間外|年末年始")
# What closes the risk in the clause after the negated measure: a rule, a block, a limit.
_CLOSING_MEANS = re.compile(
    r"義務付け|義務化|閉じ|止め|停止|固定|ロック|禁止|制限|限定|絞|遮断|させて|ように(して|し)|分けて|分離"
    r"|必須|経由|閉域|専用線|契約で|飛ぶ|(メール|通知|アラート)が(飛び|届き|来ます)|(から|で)しか|上限|入力させ|承認制|2名|二人|複数人"
    # English folded as it was typed: 「…needs two reviewers」「…is blocked」
    r"|review|approv|restrict|block|disabl|requir|need|limit|lock|allowlist|whitelist|via|possiblefrom"
    # by hand or by eye, every time: 「毎月…手で突き合わせてます」「毎朝わしが目で見とる」
    r"|手で|目で|目視|手作業|手動|突き合わせ|照合"
    # detection by another tool: 「クラウド側のGuardDutyとフローログの監視で拾ってます」
    r"|監視で|で拾|で検知|で検出|で気づ"
    # switched off until needed, copies kept elsewhere
    r"|無効化|承認を得て|複製|レプリケーション|冗長化|二重化|別リージョン|預け|しか(持|置|保持|保存|残)"
    r"|施錠|鍵付き|センサー|読み取り専用|再作成|作り直|初期化|使い捨て|イミュータブル"
    # every operation recorded (「操作は全部録画して翌日上長が確認」)
    r"|(全部|すべて|全て|毎回|都度)[^。、]{0,4}?(録画|録音)"
    r"|offline|asafe|twopeople|twopersons|manually|byhand|onpaper"
    # a log kept by hand: 「鍵は総務が管理して貸出簿に記入してます」
    r"|(貸出簿|台帳|記録簿|入室簿|管理簿|記帳簿)(に|へ|で|への)[^。、]{0,4}?(記入|記帳|記録|管理)"
)
# English 「No formal pen test yet, but we run a public bug bounty program.」 as folded.
_NO_NOUN_YET_BUT = re.compile(r"^[a-z0-9][a-z0-9+\-/]{2,60}はまだ[、,]*が[、,]")


def _no_then_in_force(text: str) -> bool:
    """A negated measure said first, and only then something in force (no negation, part,
    plan or ad hoc word of its own): 代替策 as often as a part or a gap."""
    yet_but = _NO_NOUN_YET_BUT.match(text)
    if yet_but:
        after = text[yet_but.end() :]
        return bool(_POSITIVE.search(after)) and not _NEGATIVE.search(after)
    found = _NO_FIRST.search(text)
    if found is None or found.end() >= len(text):
        return False
    before, after = text[: found.end()], text[found.end() :]
    closing = bool(_CLOSING_MEANS.search(after))
    if _POSITIVE.search(before) or PLAN_WORDS.search(before):
        return False
    if _PARTIAL.search(before) and not (
        # 「夜間の監視要員はいません。夜22時から朝7時まではAPIの更新系を閉じています」: the time
        # left out is itself closed — the means, not a part
        closing
        and _NIGHT_OR_HOLIDAY.search(before)
        and re.search(r"\d{1,2}(時|:)|夜|深夜|休日|土日|時間帯|その間", after)
    ):
        return False
    if not closing and _negative_then_elaboration(text):
        return False  # 「窓口は設けておらず、フォームで一律に受け付けています」: how things stand
    # a limit in force (「夜中の2時間しか起動してない」), not a part covered (「…しかカバーできていない」)
    rest = re.sub(
        r"しか(?:(?!でき|カバー|対応|実施|やれ|やって)[^、。]){0,12}?(ない|ません|なく)",
        "〔限〕",
        after,
    )
    rest = re.sub(
        r"(から|外部)(は|に)?(届き|入れ|入ら|繋がら|つながら)(ない|ません)", "〔限〕", rest
    )
    if closing:  # 「…domain-onlyに制限してるのでexternal shareはできない」: what the block prevents
        rest = re.sub(
            r"(ので|から)([^。、]{0,24}?)(でき|入れ|届か|見られ|使え|送れ|持ち出せ)(ない|ません)",
            r"\1〔限〕",
            rest,
        )
    not_means = _NOT_A_MEANS.search(after)
    if not_means and closing and not_means.group(0) in ("は", "も"):
        not_means = (
            None  # 「管理画面は社内IPからしか繋がらないようにしてます」: a block, topic or not
        )
    in_force = (
        _POSITIVE.search(rest)
        or _POS_TOKEN in rest
        or "〔限〕" in rest
        # 「サーバー室自体を生体認証にして、入れる人を2名に限定」: telegraphic, a block named
        or (closing and _TELEGRAPHIC.search(rest))
        or (
            closing
            and re.search(r"(限定|固定|必須|禁止|ロック|制限|遮断|停止)(済み?)?[。!]*$", rest)
        )
        # Kansai 〜とる: 「毎朝わしが目で見とるで」
        or re.search(r"[見しっ]とる", rest)
        # what happens, said in the plain present: 「GuardDutyのアラートがPagerDutyで二人に飛ぶ」
        or re.search(
            r"[一-龥ァ-ヶーa-z](が|で|に)[^。、]{0,12}?[一-龥](る|ぶ|く|む|す|つ|う)[。!]*$", rest
        )
        # English, folded: 「…、accessisviamtlsclientcerts…」
        or (closing and re.fullmatch(r"[a-z0-9、。,.+\-/ ]+", rest))
    )
    return (
        bool(in_force)
        and not _NEGATIVE.search(rest)
        and not not_means
        and not PLAN_WORDS.search(after)
    )


def _unread_contrast(text: str) -> bool:
    """Two topics (〜は), one of them with no predicate the rules can read.

    「新しい方は対応済み、古い方は様子見」 is a contrast the rules cannot read; 「権限は職務に
    応じて付与し、異動時には見直しています」 is a list of facts (each clause either reads as
    done, continues into the next one, or states a value such as 「有効期限は1時間」).
    """
    clauses = [c for c in re.split(r"[、。,]", text) if c]
    if sum(bool(_TOPIC.search(c)) for c in clauses) < 2:
        return False
    sentences = [t for t in text.split("。") if t]
    if (
        len(sentences) > 1
        and all(_POSITIVE.search(t) or _TELEGRAPHIC.search(t) for t in sentences)
        and not _NEGATIVE.search(text)
        and not _CAVEAT.search(text)
    ):
        return False  # every sentence reports something done: a list of facts
    for clause in clauses:
        if not _TOPIC.search(clause) or re.search(r"(は|には|では)$", clause):
            continue
        if _POSITIVE.search(clause) or _TELEGRAPHIC.search(clause) or _PASSIVE_HABIT.search(clause):
            continue
        if re.search(r"[しりきびみいえけせてでめれ]$", clause):  # 連用形: 〜を付与し、
            continue
        if re.search(r"\d", clause) and not _NEGATIVE.search(clause):  # 有効期限は1時間
            continue
        return True
    return False


def _done_elsewhere(text: str) -> bool:
    """A clause that reports something done, beside the not-applicable one."""
    found = _NOT_APPLICABLE.search(text)
    if found and (
        re.search(r"ため|ので|から|よって|以上", text[: found.start()])
        or re.search(r"(本|この|当該)(項目|設問|質問|件)|本件", text)
    ):  # 「参照系のみを利用しており、…ないため、本項目は該当しません」: all one reason
        return False
    for clause in re.split(r"[、。,.;；]", text):
        if _NOT_APPLICABLE.search(clause) or re.search(r"ため|ので|から|判断|考え|認識", clause):
            continue
        if _POSITIVE.search(_PLAN_VERB.sub("", clause)) or _TELEGRAPHIC.search(clause):
            return True
    return False


_SHARE = re.compile(r"(\d+)[^\d、。]{0,4}?(のうち|中|中の)、?(\d+)")
# 「全部で30項目あって、25項目まではクリア」: a total, then fewer of the same unit
_TOTAL_THEN_FEWER = re.compile(
    r"全(部|体)?で?(\d+)([^\d、。]{1,4}?)(あ|の|が|、)[^。]{0,30}?(\d+)\3"
)


def _count_share(text: str) -> bool:
    """「3拠点中2拠点」「10社のうち6社」: some of them."""
    if not re.search(r"\d", text):
        return False
    for found in _SHARE.finditer(text):
        if int(found.group(3)) < int(found.group(1)):
            return True
    for found in _TOTAL_THEN_FEWER.finditer(text):
        if int(found.group(5)) < int(found.group(2)):
            return True
    return False


def _limited_beside_not_applicable(text: str) -> bool:
    """A part is left out (〜は対象外) beside a clause that limits the scope (〜のみ対象)."""
    clauses = [c for c in _CLAUSE_OR_CONTRAST.split(text) if c]
    left_out = r"(は|も)([^、。]{0,12}?の)?(対象外|適用外|範囲外)"
    out = [c for c in clauses if re.search(left_out, c)]
    sentences = [t for t in text.split("。") if re.search(left_out, t)]
    if not out or any(re.search(r"ため|ので|から|判断|考え", t) for t in sentences):
        return False  # a reason for the whole (in the sentence that leaves the part out)
    return any(
        c not in out
        and (
            re.search(r"のみ|だけ|一部|限って|限定|以外|基本的に|原則", c)
            or re.search(r"(は|が)(対象|適用)(?!外)(です|だ|と(な|し)|$)", c)  # 「社員は対象」
            or (
                (_TOPIC.search(c) or re.search(r"(について|に関して)は", c))
                and _POSITIVE.search(c)
                and not _NEGATIVE.search(c)
            )
        )
        for c in clauses
    )


def _done_beside_unchecked(text: str) -> bool:
    """One part done (済み), another part not yet checked (〜はまだ確認できていない)."""
    clauses = [c for c in re.split(r"[、。,.;；]", text) if c]
    unchecked = [c for c in clauses if re.search(r"まだ確認(が)?(でき|とれ|取れ)", c)]
    if unchecked and any(
        c not in unchecked and _TOPIC.search(c) and re.search(r"済|完了", c) for c in clauses
    ):
        return True
    # 「主要な接続先は確認しておりますが、小規模な接続先までは確認できておりません」: the check
    # is the control, done for one part and not (yet) for another
    clauses = [c for c in _CLAUSE_OR_CONTRAST.split(text) if c]
    scoped = [
        c
        for c in clauses
        if re.search(
            r"(まで|まで(は|も)|[一-龥ァ-ヶー](は|も))確認(が)?(でき|とれ|取れ)て?(い|お)?(ない|ません|りません|ておらず)"
            # 「小規模な接続先については未確認の先がございます」「委託先は未確認です」
            r"|(まで|[一-龥ァ-ヶー](は|も))未確認(です|でございます|のまま|$)"
            r"|未確認の[^、。]{0,6}?(先|もの|ところ|会社|部分|案件)(が|も)(ある|あり|ござい|残)",
            c,
        )
    ]
    return bool(scoped) and any(
        c not in scoped
        and (_TOPIC.search(c) or re.search(r"(について|に関して)は", c))
        and re.search(r"確認(して|し)(い|お)(る|ます|ります|り)|確認済", c)
        and not _NEGATIVE.search(c)
        for c in clauses
    )


_PART_TOPIC = re.compile(
    r"[一-龥ァ-ヶーa-z0-9](は|には|では)|(向け|以外|の方|のほう|分)(は|には|では)"
)
_CLAUSE_OR_CONTRAST = re.compile(r"[、。,.;；]|(?<=[たるいすだ])が|けど|けれど|ものの")


def _unread_part(text: str) -> bool:
    """Two topics (〜は), one negated, the other with no negative, plan or reason: a part
    that may be done in words the rules do not read."""
    clauses = [
        c
        for c in _CLAUSE_OR_CONTRAST.split(text)
        if c and _PART_TOPIC.search(c) and not re.search(r"(は|には|では)$", c)
    ]
    if len(clauses) < 2:
        return False
    return any(
        not _NEGATIVE.search(c)
        and not PLAN_WORDS.search(c)
        and not _PLAN_VERB.search(c)
        and not re.search(r"ため|ので|から|予定|〔予〕|未|まだ", c)
        and not re.match(
            r"(弊社|当社|当行|当方|うち|我が社|わが社|自社|現状|今|現在|当面)(で|に)?は", c
        )
        for c in clauses
    )


def _done_beside_unknown(text: str) -> bool:
    """A clause with its own topic that reports a part done, beside the unknown one."""
    clauses = _clauses(text)
    return len(clauses) >= 2 and any(
        _TOPIC.search(c)
        and re.search(r"済|完了|(て|で)(い|お)(る|ます|ります)", c)
        and not re.search(
            r"ため|ので|から|任せ|確認|記憶|ような|と思|回答し|らしい|と言って|と聞いて", c
        )  # reason, memory
        and not _HEDGE.search(c)
        and not _NEGATIVE.search(c)
        and not _UNKNOWN.search(c)
        for c in clauses
    )


_CONTINUATIVE_NEGATIVE = re.compile(
    r"(なくて|なく|ておらず|でおらず|おらず|ず|ません|ない|なし|ていません|ていない)(です|でした)?[、。]"
)


def _negative_then_elaboration(text: str) -> bool:
    """「窓口は設けておらず、フォームで一律に受け付けています」: the second clause describes how
    things stand without the control, not a part that is done (no new topic, no contrast)."""
    found = _CONTINUATIVE_NEGATIVE.search(text)
    if found is None or not _NEGATIVE.search(text[: found.end()]):
        return False
    before, after = text[: found.end()], text[found.end() :]
    if (
        re.search(r"で(は)?なく[、。]$", before)
        or re.search(
            r"で(対応|カバー|管理|運用|実施|補)"
            r"|(報告書|レポート|証明書|登録証|認証書)[^。]{0,6}?(を|で)[^。]{0,8}?(提出|受領|取得|確認)"
            r"|^[a-z][a-z0-9.+\-]{2,24}(が|の|で)"
            r"|(チーム|会社|業者|部門|部署)が[^。]{0,16}?(診断|監査|確認|検査|点検|レビュー)",
            after,
        )
        # 「専門会社の診断は受けていません。社内のセキュリティチームが…診断しています」
        or re.search(r"(チーム|会社|業者|ベンダー|部門|部署)が", after)
        or _other_party_does_it(after)
    ):
        return False  # 「全件ではなく、サンプルで」「制御はなく、運用ルールで対応」: another way
    if _POSITIVE.search(before) or _TELEGRAPHIC.search(before) or _CAVEAT.search(text):
        return False
    if _POS_TOKEN in after and "〔" not in before:
        return False  # 「OTPはなし。接続元IPを社内VPNに絞ってる」: a control in force
    return not _TOPIC.search(after) and bool(_POSITIVE.search(after))


_CONTRAST = fast(
    r"けど|けれど|ものの|ただ|但し|しかし|でも|一方|(です|ます|た|る|い|だ|ある|ない|ず)が(、|$)"
    r"|(ている|てる|ある|ます|です|った|した|ない|だ)が|(は|も)[^、。]{0,20}(、|。)[^、。]{0,20}(は|も)"
    r"|以前|前は|昔|かつて|(ところ|とこ|部分|もの)(と|も|が)|混在|たり|で(は)?なく|・|:|いるが"
    r"|で(対応|カバー|管理|運用|実施|補)"
)
# A negated predicate (not a weakness word such as 形骸化 or 最低限).
_NEGATED_PREDICATE = re.compile(r"ない|ません|ず(?=[、。に]|$)|なく|おらず|未[一-龥]+|なし")


_MARK_END = re.compile(r"(済み|未実施)$")


def _mark_list(text: str) -> bool:
    """Parts each marked done or not done (済み / 未実施, from ○ × OK NG 済 未), some of each."""
    clauses = _clauses(text)
    if len(clauses) < 2:
        return False
    marks = set()
    for clause in clauses:  # every clause ends with a mark (the first without one decides)
        end = _MARK_END.search(clause)
        if end is None:
            return False
        marks.add(end.group(1))
    return marks == {"済み", "未実施"}


def _bare_mix(text: str) -> bool:
    """A fact and a negated predicate with no contrast between them and no second topic:
    a control that reads negative (「未使用のアカウントは停止しています」) or a gap? Ask."""
    if _CONTRAST.search(text) or sum(bool(_TOPIC.search(c)) for c in _clauses(text)) >= 2:
        return False
    return not _NEGATIVE.search(_NEGATED_PREDICATE.sub("", text))


_NEGATIVE_THEN = re.compile(
    r"(ません|ない|おらず|ず|なく|なし|無し)(です|でした)?(が|けど|けれど|けれども|ものの)?[、,]"
)
_MEANS = re.compile(
    r"(ことで|により|によって|で)(対応|カバー|担保|代替|補|実現|防|守|管理|制御|対策)"
    r"|組み込んで|同じ(チェック|確認|こと|管理|対策)"
    # 「専用線ではなく、VPNで暗号化した経路を使っています」: another means named
    r"|を(使って|使い|利用して|用いて|採用して|活用して)(い|お)|の組み合わせ(に|で)"
)


def _means_after_negative(text: str) -> bool:
    """A negated measure first, then what is done by other means, with no topic of its own
    (a part would be named: 「本番は…ませんが、開発では…」)."""
    found = _NEGATIVE_THEN.search(text)
    if found is None:
        return False
    after = text[found.end() :]
    means = _MEANS.search(after) or (
        # 「ワンタイムパスワードではなく、証明書で本人確認をしています」: not X but Y
        re.search(r"(では|じゃ)(なく|はなく)[、,]$", text[: found.end()])
        and _NOT_X_BUT_Y.search(after)
    )
    return bool(means) and not _NEGATIVE.search(after) and not _TOPIC.search(after)


_NO_THEN = re.compile(
    r"(ません|ない|おらず|ず|なく)(て)?(です|でした)?(が|けど|けれど|けれども|ものの)?[、,。]"
)
_BY_MEANS = re.compile(
    r"[一-龥ァ-ヶーa-z0-9](で|を使って|を用いて|により|によって)[^。、]{0,16}?(ように)?(して|やって|やっと)(い|お|ま|る)"
    # 「APIゲートウェイ側でレート制限をかけてる」: done on another layer
    r"|側で[^。、]{0,24}?(て|で)(い|お)(る|ます|り)"
    # 「雇用契約書の中に守秘義務の条文を入れてある」: folded into another document or process
    r"|(の中|の内|内|中)に[^。、]{0,20}?(入れ|盛り込|含め|組み込|書い|記載し|織り込)(ん)?(て|で)(あ|い|お)"
    # 「提携銀行のコールセンターで一次受けしてもらっています」: another party does it
    r"|[一-龥ァ-ヶーa-z0-9](で|に)[^。、]{0,16}?(て|で)(もらって|いただいて)(い|お)"
)


def _other_means_after_no(text: str) -> bool:
    """A negated measure, then a clause (no topic of its own, no limit) that says by what
    means things are done: another way, or elaboration of the gap?"""
    found = _NO_THEN.search(text)
    if found is None:
        return False
    before, after = text[: found.end()], text[found.end() :]
    if not _NEGATIVE.search(before) or _POSITIVE.search(before) or _PARTIAL.search(before):
        return False
    return (
        bool(_BY_MEANS.search(after))
        and not _NEGATIVE.search(after)
        and not _TOPIC.search(after)
        and not _PARTIAL.search(after)
        and not PLAN_WORDS.search(after)
        # 「規程はなく、担当者の判断でやっています」: ad hoc, not another measure
        and not re.search(r"判断|裁量|感覚|各自|個人|自己流|属人|適当|なんとなく|その場", after)
    )


_NOT_X_BUT_Y = re.compile(
    r"(で|を使って|を用いて|により|によって)[^。]{0,16}?(して|て)(い|お)"
    # 「第三者評価ではなく、親会社の内部監査部門に見てもらっています」: someone else does it
    r"|に[^。、]{0,8}?(て|で)(もらって|いただいて)(い|お)"
    # 「APIキーは環境変数ではなくSecrets Managerに入れてある」: kept somewhere else
    r"|(に|へ)[^。、]{0,4}?(入れて|置いて|保管して|保存して|格納して|預けて|移して)(い|お|あ)"
)


_OWN_MEANS = re.compile(
    r"[一-龥ァ-ヶーa-z0-9](で|を使って|を用いて|により|によって)(?!は|も)[^。]{0,30}?(て|で)(い|お|あ)"
)


def _means_with_own_topic(text: str) -> bool:
    """「手順書はないけど、作業は全部TerraformとCIで自動化してて…」: a negated measure (with
    its topic, and no part named), then a clause with a topic of its own saying by what means
    something is done. Another measure, or another part done? The shape cannot tell: ask."""
    found = _NO_THEN.search(text) or re.search(
        r"未[一-龥]{1,3}(です|で)?(が|けど|けれど)?[、,。]", text
    )
    if found is None:
        return False
    before, after = text[: found.end()], text[found.end() :]
    if (
        not _TOPIC.search(before)
        or not _NEGATIVE.search(before)
        or _POSITIVE.search(before)
        or _PARTIAL.search(before)
    ):
        return False
    return (
        bool(_TOPIC.search(after))
        and bool(_OWN_MEANS.search(after))
        and not _PARTIAL.search(after)
        and not PLAN_WORDS.search(after)
        and not re.search(
            r"実務|運用(上|では|で|面)|現場|判断|裁量|各自|個人|属人|本番|開発|検証|テスト|ステージング|stg|staging",
            after,
        )
    )


# The shape of 代替策 said without 代わり: the measure asked about, negated, comes first;
# then a positive clause naming a means (で, により, を使って, にして, 構成, ルール, 自動, 仕組み)
# with no scope (のみ, だけ, 一部, 以外, 本番, 支店, 部署 …) and no plan (予定, まだ, これから).
# A part of the same control would name its scope; a plan is a gap.
_MEASURE_NO = re.compile(
    r"(ない|ません|おらず|(?<![はわ])ず|(?<=[行使扱])わず|なく|なし|無し|ナシ)(て)?(です|でした|っす)?"
    r"((が|けど|けれど|けれども|ものの)?(w{1,3}|笑)?[、,。:]|(けど|けれど|ものの)(?=[一-龥ァ-ヶーa-z])|w{1,3}(?=[一-龥ァ-ヶーa-vx-z]))"
    r"|未[一-龥]{1,3}(です|で)?(が|けど|けれど)?[、,。]"
)
_SCOPE_OR_PLAN = re.compile(
    r"のみ|だけ|一部|以外|除(いて|き|く)|本番(?!作業|反映|リリース|適用|投入|デプロイ)|(検証|開発|テスト)(環境|機|用)|ステージング|stg|支店"
    # a department that does the work (「所管部署が確認しております」) is not a part
    r"|(?<!所管)(?<!担当)(部署|部門)(?!が)|拠点|子会社"
    r"|予定|まだ|これから|今後|検討|来期|来年|いずれ|つもり|準備(?!金)|自体は|そのものは"
)
_MEANS_CLAUSE = re.compile(
    r"[一-龥ァ-ヶーa-z0-9+](で|により|によって|による|を使って|を使い|を用いて|を利用して|を(もって|以て)"
    r"|として|とし[、,]|にして|経由)"
    r"|構成|ルール|自動|仕組み|体制|の組み合わせ|(にし|とし)て(い|お|る|ま)"
    # another party or another evidence does it: 「社内のセキュリティチームが…診断しています」
    r"|(チーム|会社|業者|ベンダー|警備員)が|(報告書|レポート)(を|で|の)|(報告書|レポート)(が)?(来て|届いて|届く|上がって)"
    r"|(\d+|二|複数)(名|人)(が|で)(?!は)"
    # a tool or service named by its product name: 「Snykが毎日回ってる」「Datadogのログ監視で」
    r"|(?<![^、。])[a-z][a-z0-9.+\-]{2,24}(が|の|で)"
    # an outside service named instead: 「CSIRTはないけど、外部のSOCと契約して監視してもらってる」
    r"|外部の[^、。]{0,12}?(と|に)(契約|委託|依頼|お願い)|(soc|mssp|専門業者|親会社|グループ会社)(と|に|が)"
    r"|(に|へ)(任せ|お任せ|委託し|依頼し|頼ん|お願いし)て(い|お)"
)


def _scope_or_plan(before: str, after: str) -> bool:
    """A scope or plan word, unless the same scope word sits on both sides (「本番作業の申請書は
    …、本番への変更は…」: one scope, not two parts)."""
    found = [m.group(0) for m in _SCOPE_OR_PLAN.finditer(_EXCEPT_BLOCKED.sub("", before + after))]
    return any(not (w in before and w in after and w in ("本番", "支店", "子会社")) for w in found)


# 「必要ポート以外全閉」「公式アカウント以外からの配布は」: 以外 that describes a control.
_EXCEPT_BLOCKED = re.compile(
    r"以外(から|は)?(全|すべて|全て)?(閉|遮断|拒否|禁止|ブロック|弾)|以外からの"
)
# Words that say the other means is enough: the reply settles it as 代替策.
_JUSTIFIES = re.compile(
    r"(?<=[るたいだすうく])(ので|から)(?!は|も)|なので|だから|(?<=[るた])んで(?![すいあお])|十分|足り|問題(は)?(ない|なし|ありません)|大丈夫"
    r"|防げ|防い|ふせい|ふせげ|(で|により)(守っ|まもっ)|に備え|防止|担保|補っ|補い|補完|カバー|むしろ|同等|確保|遮断|拒否|〔防〕|でき〔済〕"
)
# Ad hoc ways are not another measure (「規程はなく、担当者の判断でやっています」).
_AD_HOC = re.compile(
    r"判断|裁量|感覚|各自|個人|自己流|属人|適当|なんとなく|その場|経験|慣れ|気を(つけ|付け)|口頭|都度"
    r"|実務|現場|運用(上|では|で|面|として)"
)


# Who or what a part would be named by: 「教育は委託先にはしていないが、社員には…」.
_PART_NOUN = re.compile(
    r"社員|従業員|職員|委託先|顧客|利用者|ユーザー|新規|既存|新しい|古い|旧|新|主要|重要|社内|社外|個人|法人"
    r"|(\d+|数|何|いくつか)(台|件|社|個|箇所|拠点|システム)|(\d+|数|何|いくつか)(名|人)(?!が|で)|最初|初回|入社時"
)


def _negated_first_then_means(text: str) -> bool:
    """A negated measure first, then a clause in force that names a means (で, により,
    を使って, 構成, ルール, 自動 …) with no scope, part, plan, caveat or negation of its own,
    even with a topic of its own: a part of the same control, or another means? Ask."""
    found = _MEASURE_NO.search(text)
    if found is None or found.start() == 0:
        return False
    before, after = text[: found.end()], text[found.end() :]
    after = re.sub(r"^(でも|ただ|しかし)[、,]?", "", after)
    return not (
        "〔" in before
        or _POSITIVE.search(before)
        or _PARTIAL.search(before)
        or not after
        or _NEGATIVE.search(after)
        or _scope_or_plan(before, after)
        or _PART_NOUN.search(after)
        or _AD_HOC.search(after)
        or _UNKNOWN.search(after)
        or _CAVEAT.search(after)
        or not re.search(r"[一-龥ァ-ヶー]|[a-z]{2,}(は|を|の|も)", before)
        or not (_POSITIVE.search(after) or "〔済〕" in after)
        or not _MEANS_CLAUSE.search(after)
    )


_OUTSIDE_PARTY = re.compile(
    r"外部の[^、。]{0,12}?(と|に)[^、。]{0,12}?(契約|委託|依頼|お願い)|(soc|mssp|専門業者|親会社|グループ会社|外部業者)(と|に|が)"
    r"|(に|へ)(任せ|お任せ|委託し|依頼し|頼ん|お願いし)て(い|お)|(そちら|先方|向こう|業者|ベンダー)(に|で)(任せ|お任せ|対応し)"
    # 「独自の規程はなく、親会社の規程をそのまま適用しています」: the group's own instead
    r"|(親会社|グループ(会社)?|本社|ホールディングス|持株会社)(の|共通の|全体の|側の)[^、。]{0,12}?(を|に)(そのまま)?"
    r"(適用|準用|使用|使って|利用|流用|採用|準拠|従って|沿って|乗って)"
)


def _other_party_does_it(clause: str) -> bool:
    """An outside party (or the group) named as doing the work — but not 「各担当に任せています」
    (left to the staff: ad hoc, not another party's means)."""
    return bool(_OUTSIDE_PARTY.search(clause)) and not re.search(
        r"(各|個々の|それぞれの|現場|担当|個人|本人|社員|部署|部門)[^、。]{0,6}?(に|へ)(任せ|お任せ)",
        clause,
    )


def _outside_party_instead(text: str) -> bool:
    """「専任のCSIRTは置いていませんが、外部のSOCサービスと…契約を結んでいて、…そちらに任せ
    ています」: the measure is not held in-house; an outside party named does the job. 代替策,
    or a part of the control done by a contractor? Ask, with 代替策 guessed."""
    found = _MEASURE_NO.search(text)
    if found is None or found.start() == 0:
        return False
    before, after = text[: found.end()], text[found.end() :]
    return bool(
        _other_party_does_it(after)
        and not _POSITIVE.search(before)
        and not _PARTIAL.search(before + after)
        and not _NEGATIVE.search(after)
        and not _scope_or_plan(before, after)
        and not _UNKNOWN.search(after)
    )


def _negated_measure_then_means(text: str) -> Status | None:
    """「IPSは無し、SGで必要ポートを全閉」「カメラはないです、でもカードの入室ログは全部残って
    いるんで」: the asked-for measure negated first, then another means in force. With words
    that say it is enough (ので, 十分, 防げる, 担保 …) it is 代替策; otherwise the shape cannot
    tell 代替策 from a gap or a part, and the reader asks (see the caller)."""
    found = _MEASURE_NO.search(text)
    if found is None or found.start() == 0:
        return None
    before, after = text[: found.end()], text[found.end() :]
    after = re.sub(r"^(でも|ただ|しかし|その(かわり|代わり))[、,]?", "", after)
    if (
        "〔" in before
        or _POSITIVE.search(before)
        or _PARTIAL.search(before)
        or not after
        or _NEGATIVE.search(after)
        or _PARTIAL.search(after)
        or _scope_or_plan(before, after)
        or _AD_HOC.search(after)
        or _UNKNOWN.search(after)
        or not re.search(
            r"[一-龥ァ-ヶー]|[a-z]{2,}(は|を|の|も)|^(?!それ|これ|あれ|うち|そこ|ここ|まだ)[ぁ-ゖ]{2,4}は",
            before,
        )
    ):
        return None
    in_force = (
        _POSITIVE.search(after)
        or _TELEGRAPHIC.search(after)
        or "〔済〕" in after
        or re.search(r"むしろ|十分|大丈夫|防げ|担保|カバー|同等", after)
        # 「マルチリージョン構成なので片方落ちても動きます」: the risk met by how it is built
        or re.search(
            r"(て|で)も[^。]{0,8}?(動き|動く|動いて|使え|継続|止まらない|止まりません|影響(は|が)?(ない|ありません))",
            after,
        )
        # 「カメラなし、ICカードの入室ログで追跡」: a telegraphic means
        or re.search(r"[一-龥ァ-ヶーa-z](で|により)[^。]{0,30}[一-龥]$", after)
    )
    if not in_force:
        return None
    if not _MEANS_CLAUSE.search(after) and not _JUSTIFIES.search(after) and _POS_TOKEN not in after:
        return None
    if re.search(
        r"(けど|けれど|ものの|ですが|ますが|だが)[、,]|実質|事実上|無制限|形だけ|形骸", after
    ):
        # 「レート制限はかけてるけど、1分1000回なので実質無制限」: the means, then what undoes it
        return Status.UNKNOWN
    return Status.ALTERNATIVE if _JUSTIFIES.search(after) else Status.UNKNOWN


# What the system makes impossible: 「そもそも…落ちない」「システム上不可」「…以外ログインできない設定」.
_BY_DESIGN = re.compile(
    r"(そもそも|システム上|仕組み上|構成上|設計上|仕様上|物理的に)[^。]{0,30}?"
    r"(でき(ない|ません|ず)|不可|落ちない|落ちません|残らない|残りません|入れない|入れません|〔済〕|〔防〕)"
    # a time that is the means: 「夜間はAPIを止めています」「休日はログインできない」
    r"|(夜間|深夜|休日|土日|祝日|時間外|夜)(は|に|の間は|の間)[^。]{0,20}?"
    r"(〔時止〕|でき(ない|ません)|不可|使えない|使えません|受け付けない|受け付けていません|受け付けておりません)"
    # a limit that is the means: 「送金件数を1日100件に絞ってる」
    r"|(件数|金額|回数|上限|限度額|送金額|額|頻度)[^。]{0,6}?(を|は)[^。]{0,12}?(に|まで)(絞っ|絞り|制限し|抑え|限定し|設定し)"
    # 「SSOを止めれば全部入れなくなる」: one switch closes every door
    r"|(れば|すると|したら)[^。]{0,12}?(入れ|使え|アクセスでき|ログインでき|触れ)なくなる"
    # 「VPN必須なので外からは入れないです」: closed to the outside
    r"|(外から|外部から|社外から|インターネットから)(は)?[^。]{0,6}?(入れ|アクセスでき|接続でき|つながら|繋がら|ログインでき)(ない|ません)"
    # kept inside: 「鍵はHSMの中から出ない」
    r"|(の中|内部|内)から(出ない|出せない|出ません|出せません|出ることはない)"
)


def _closed_by_design(text: str) -> bool:
    """The asked measure negated in a sentence of its own, then a sentence saying the system
    is built so that the risk cannot arise (no positive or part in the first sentence)."""
    found = re.search(r"(ない|ません|おらず|なし)(です)?(ね|よ)?(が|けど|けれど)?[。、,]+", text)
    if found is None:  # 「ないですね。でも…外からは入れないです」: the bare no counts too
        return False
    before, after = text[: found.end()], text[found.end() :]
    return (
        "〔" not in before
        and not _POSITIVE.search(before)
        and not PLAN_WORDS.search(text)
        and not _UNKNOWN.search(text)
        and bool(_BY_DESIGN.search(after))
        and not re.search(r"(ない|ません)(が|けど)", after)
    )


def _negated_then_unread_means(text: str) -> bool:
    """The asked measure negated first, then a clause the rules cannot read that names a
    means (で, により, 構成 …) and no scope, part or plan."""
    found = _MEASURE_NO.search(text)
    if found is None or found.start() == 0:
        return False
    before, after = text[: found.end()], text[found.end() :]
    after = re.sub(r"^(でも|ただ|ただし|しかし)[、,]?", "", after)
    return (
        not _POSITIVE.search(before)
        and not _PARTIAL.search(before)
        and bool(_MEANS_CLAUSE.search(after))
        and not _scope_or_plan(before, after)
        and not _PART_NOUN.search(after)
        and not _PARTIAL.search(after)
        and not _AD_HOC.search(after)
    )


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r"[、。,.;；]", text) if c]


def _negative_answer_first(text: str) -> bool:
    """A first sentence that answers no, then sentences with no part of their own done."""
    sentences = [s for s in text.split("。") if s]
    if len(sentences) < 2:
        return False
    first, rest = sentences[0], "。".join(sentences[1:])
    if not _NEGATIVE.search(first) or _POSITIVE.search(first) or _PARTIAL.search(first):
        return False
    if _PARTIAL.search(rest) or _CAVEAT.search(rest):
        return False
    return not any(
        _TOPIC.search(c) and (_POSITIVE.search(c) or _TELEGRAPHIC.search(c)) for c in _clauses(rest)
    )


def _headline_no(text: str) -> bool:
    """A short first sentence that answers no (「鍵の管理ルールはありません。」), then sentences
    that do not open with a contrast and name no limited part: the rest is likely context
    (what exists around the gap), not a part done. Ask, with 未実施 guessed."""
    sentences = [s for s in text.split("。") if s]
    if len(sentences) < 2 or len(sentences[0]) > 40:
        return False
    first, rest = sentences[0], "。".join(sentences[1:])
    if not _NEGATIVE.search(first) or _POSITIVE.search(first) or _PARTIAL.search(first):
        return False
    if re.match(
        r"(ただし|但し|ただ|でも|しかし|一方|なお|ですが|が、|とはいえ|けれど|けど|代わりに)", rest
    ):
        return False
    if any(  # 「訓練はしていません。手順書は整備しています。」: a part of its own is done
        _TOPIC.search(c)
        and (_POSITIVE.search(c) or _TELEGRAPHIC.search(c))
        and not re.search(r"自体|そのもの|一般的な|一応|程度|だけ|現状|それぞれ|ような|ように", c)
        and not _NEGATIVE.search(sentence)  # (a sentence that also says no is context)
        for sentence in sentences[1:]
        for c in _clauses(sentence)
    ):
        return False
    return not _PARTIAL.search(rest)


# Something incidental is there (not 「手順はある」, which is a part of the control itself).
_THERE = re.compile(
    r"(用意され|もらって(い|お)(る|ます)|もらいました|手元に|(ログ|通知|アラート)(は|が|も)?出て(い|お)(る|ます)"
    r"|備わって|搭載され|付いて(い|お)(る|ます)|説明は(しました|した)|機能(として|は|が|も)[^、。]{0,6}あり)"
)
_UNUSED = re.compile(
    r"(見て|読んで|使って|活用して|有効に(して|し)|有効化して|触って|直して|動かして|利用して|起動して|決めて)"
    r"(い|お)?(ない|ません|なかった)|手を付けて(い|お)?(ない|ません)"
    # 「ログは出てるけど、見る人がいない」
    r"|(見る|読む|使う|確認する|チェックする|対応する)(人|者|担当|担当者)(が|は|も)(い|お)(ない|ません|りません)"
)


def _available_unused(text: str) -> bool:
    """Something exists (ある, 入っている, 用意されている, もらった) and the rest says it is not
    used, read or switched on, with no part named as limited."""
    clauses = [c for c in _CLAUSE_OR_CONTRAST.split(text) if c]
    # (_THERE has no anchor or look-around, tested: no match in the text, none in its clauses)
    there = (
        [c for c in clauses if _THERE.search(c) and not _NEGATIVE.search(c)]
        if _THERE.search(text)
        else []
    )
    if not there and re.search(
        r"誰も[^、。]{0,6}?(見て|確認して|使って|読んで|対応して)(い|お)?(ない|ません)", text
    ):
        # 「仕組みはありますが、アラートは誰も見ていません」: there, and nobody looks
        there = [
            c
            for c in clauses
            if re.search(r"(ある|あり(?!ませ)|入って)", c) and not _NEGATIVE.search(c)
        ]
    if not there:
        return False
    unused = [c for c in clauses if _UNUSED.search(c)]
    if not unused or _PARTIAL.search(text):
        return False
    # the done clause must only say something is there (not 「確認しています」, 「運用しています」)
    return all(
        not re.search(r"(し|っ|行)て(い|お)(る|ます)|済|実施|完了", _THERE.sub("", c))
        for c in there
    )


# 「WAFは契約していますが、有効にしていません」「設定画面はありますが、初期設定のまま触って
# いません」: a tool or feature is owned, and the rest says it is not used at all.
_OWNED = re.compile(
    r"(ツール|機能|製品|ソフト|ソフトウェア|サービス|画面|オプション|ライセンス|アプリ|モジュール|プラグイン"
    r"|アドオン|エージェント|センサー|機器|装置|端末|waf|ファイアウォール|fw|ids|ips|edr|siem|mdm|utm|soc|vpn"
    r"|ウイルス対策|ウィルス対策|アンチウイルス|セキュリティソフト|バックアップ)"
    r"(自体|だけ)?(は|が|も|なら)[^、。]{0,8}?"
    r"(ある|あります|あり(?!ませ)|あって|あるけど|入って|入れて|導入(済|して|しました|した|は)|契約(済|して|しました|した)"
    r"|購入(済|して|しました|した)|買って|買いました|備わって|用意され|搭載され|付いて|ついて|インストール(済|して|しました|した)"
    r"|持って|保有して|揃って|そろって)"
)
_NOT_USED = re.compile(
    r"(使って|使用して|活用して|利用して|有効に(して|し)|有効化(して|し)|触って|稼働させて|動かして|起動して"
    r"|設定して|運用して|運用に乗せて|見て|開けて|開いて|オンにして|(箱|梱包)から出して)(も)?(い|お)?(ない|ません|なかった|おらず)"
    r"|(使わ|使え|活用せ|利用せ|有効化せ|設定せ)(ず|ないまま|ないで)"
    r"|(オフ|off|無効|未設定|未使用|未利用|未稼働|初期設定|初期状態|デフォルト|買った|入れた|導入した|契約した)(のまま|の状態|にしたまま|にして(い|お)(る|ます))"
    r"|眠って(い|お)(る|ます)|放置(して|され|状態|のまま)|宝の持ち腐れ|(使って|使われて)(い|お)?(ない|ません)"
)
# 「この項目の求める監視はしていません」: what the item asks for, said to be missing.
_ITEM_ASKS_NOT = re.compile(
    r"(この|本|当)(項目|設問|質問)(の|が|で)(求め|言|い|要求|想定し|求めら|問わ|聞か)[^、。]{0,16}?(ない|ません|おらず)"
)


# 「まだ」「実際は」「運用は」: a clause about using the same thing, not another part
_USE_LEAD = re.compile(
    r"(まだ|実際|実際に|現状|今|いま|現在|結局|正直)[、]?(は|には|では)?"
    r"|(運用|利用|活用|使用|設定|使い方|中身|画面|監視|チェック|確認|実際の運用|誰も)"
)


def _owned_unused(text: str) -> bool:
    """A tool or feature is there (owned, installed, bought) and the rest says it is not used
    (not switched on, left at its defaults, not looked at), with no other part named."""
    clauses = [c for c in _CLAUSE_OR_CONTRAST.split(text) if c]
    owned = [i for i, c in enumerate(clauses) if _OWNED.search(c) and not _NEGATIVE.search(c)]
    if not owned:
        return False
    rest = [c for i, c in enumerate(clauses) if i not in owned]
    if _ITEM_ASKS_NOT.search(text):
        return not any(_POSITIVE.search(c) or _TELEGRAPHIC.search(c) for c in rest)
    if not any(_NOT_USED.search(c) for c in rest):
        return False
    scrubbed = _NOT_USED.sub("", text)
    if _PARTIAL.search(scrubbed) or _count_share(text):
        return False
    # another part with a topic of its own (「本番では使っていません」) is a part, not the tool
    for c in rest:
        if _TOPIC.search(c) and not _USE_LEAD.match(c):
            return False
        if re.search(
            r"(部署|拠点|支店|本番|開発|検証|テスト環境|委託先|子会社|一部|社員|端末|システム)(では|には|は)",
            c,
        ):
            return False
    return not any(_POSITIVE.search(c) and not _NOT_USED.search(c) for c in rest)


def _past_only(text: str) -> bool:
    """Done before, not now: 「前はやってたけど今はやってない」."""
    return bool(
        re.search(
            r"(前|以前|昔|かつて|昨年まで|去年まで|前年まで|当初)(は|まで)?[^。]{0,24}?"
            r"((今|現在|今年|今期|最近|ここ[^、。]{0,4}?(年|か月|ヶ月|カ月|年間|期)|この[^、。]{0,4}?(年|か月|ヶ月|カ月|年間)"
            r"|近年|直近[^、。]{0,4}|ここしばらく)(は|では|ほどは|ほど|ぐらいは|くらいは)?[^、。]{0,12}(ない|ません|停止|中止|止め|やめ)"
            r"|止まっ|止めて|やめて|やめました|途絶え|ストップ|見送|(誰|だれ)も[^、。]{0,8}(ない|ません)"
            r"|(それ以来|それ以降|その後|以来|以降)[^、。]{0,12}(ない|ません)"
            # 「去年までは外部に頼んでたけど、契約が切れてからは何も」
            r"|(てから|以降|以来)(は)?[^、。]{0,4}?(何も|なにも)($|[。!…]|です|して|やって)"
            # 「前はやってたけど、担当が辞めてからやってない」
            r"|(辞め|やめ|退職し|抜け|いなくなっ|異動し|変わっ)て(から|以来)(は)?[^、。]{0,8}(ない|ません|止ま|途絶))",
            text,
        )
        # 「試しに一度やってみましたが、それきりです」「続きませんでした」: a one-off that stopped
        or re.search(
            r"(一度|一回|1回|試しに|試験的に)[^。]{0,20}?(ました|た)[^。]{0,8}"
            r"(それきり|それっきり|続か(なかった|ず)|続きませんでした|長続きし(なかった|ませんでした))"
            r"|(ろ|よ)うと(は|も)?(した|しました|してみた|してみました)[^。]{0,16}?(続か(なかった|ず)|続きませんでした|頓挫|挫折"
            # 「ルールを作ろうとはしたけど、まとまらなかった」: tried, nothing came of it
            r"|でき(て(い|お)?)?(ない|ません|なかった|ず)|まとまら(ない|なかった|ず)|実現して(い|お)?(ない|ません)"
            r"|至(ら|って(い|お)?)(ない|ず|なかった|ません))",
            text,
        )
        # 「今はやってないです。前はやってたんですけど」: the other way round
        or re.search(
            r"^(今|現在|いま)(は|では)?[^、。]{0,12}(ない|ません)[^。]{0,4}[。、][^。]{0,6}"
            r"(前|以前|昔|かつて|昨年|去年)(は|まで)?[^。]{0,16}(てた|ていた|ました|でした|だった)",
            text,
        )
    )


# What follows a negated measure and says the thing named does not cover the risk: the bare
# minimum (「パスワードを12文字以上にはしてるけど、それだけ」), a door left open (「昼間は開けっ放し」
# 「誰でも外から試せる状態」), an alert nobody acts on (「アラートは来てるけど、誰も見てない」).
_WEAKER_AFTER = re.compile(
    r"それだけ(です|だ|で|。|、|$|w|笑)|それ以上(は|の)(何も|なにも|特に|ことは)|(以外|ほか|他)(は|に)(何も|なにも)"
    r"|開けっ?(放し|ぱなし)|(開放|放置)(されて|して|状態|のまま)"
    r"|(誰|だれ)でも[^、。]{0,8}?(試せ|試す|叩け|入れ|触れ|見られ|見れ|アクセスでき|使え|ログインでき)"
    r"|素通し|丸見え|筒抜け|ノーガード|野放し|無防備|未対策"
    r"|(誰|だれ)も(見て|確認して|チェックして|対応して|気にして|読んで)(い|お)?(ない|ません|なくて)"
    # what is named does not reach the risk: 「…けど、なりすましは防げない」「ログインAPIは対象外」
    r"|(けど|が|ものの|ですが|ますが)、?[^。]{0,30}?((防げ|防止でき|検知でき|止められ|気づけ|気付け|効か|効き)(ない|ません)"
    r"|対象外|対象に(は)?(入って|含まれて|含めて)(い|お)?(ない|ません)|カバー(して|でき)(い|お)?(ない|ません))"
    r"|気休め|ザル|ざる(です|だ|状態|$)|名ばかり|形だけ|実質(何も|なにも|ノーガード|無防備|無制限|誰でも)"
    # the asked function said absent again: 「ファイアウォールはあるけど、侵入されても気付ける仕組みはない」
    r"|(けど|が|ものの)、?[^。]{0,24}?(仕組み|手段|すべ)(は|が|も)(ない|ありません|ございません)"
    # only people taking care: 「診断はしてないけど、開発者が気をつけてる」
    r"|^[^。、]{0,12}?(が|は|で|も)?(各自|みんな|それぞれ)?[^。、]{0,4}?(気を(つけ|付け)|注意し|意識し|心がけ|心掛け)て(い|お)?(る|ます)(くらい|ぐらい|程度)?(です|だ|よ|っす|w|笑)?[。!]*$"
)
# The first clause negates the asked measure (its own sentence or clause).
_NO_LEAD = re.compile(
    r"(ない|ません|なし|無し|ナシ|おらず|(?<![はわ])ず|無理|まだ|未(導入|実施|対応|整備|設定|採用))"
    r"(です|っす|でして|ね|よ|で|(?<=まだ)だ)?(が|けど|けれど|けども|んやけど|んだけど|ですが)?(w{1,3}|笑)?[、,。;]"
)


def _no_then_weaker(text: str) -> bool:
    """「MFAはまだ。パスワードを12文字以上にはしてるけど、それだけ」「IP制限はかけてない。管理画面は
    Basic認証を挟んでるだけで、誰でも外から試せる状態」: the asked measure is absent, and what is
    named beside it is said not to cover the risk — a gap (or asked), never 代替策 or a part."""
    found = _NO_LEAD.search(text)
    if found is None or found.end() >= len(text):
        return False
    before, after = text[: found.end()], text[found.end() :]
    weaker = _WEAKER_AFTER.search(after)
    if (
        weaker is None
        and _SECOND_FACTOR.search(before)
        and re.search(r"パスワード(は|を|のみ|だけ|が)", after)
        and not _STRONGER_FACTOR.search(after)
    ):
        # 「多要素認証は導入しておりませんが、パスワードは8桁以上としております」: the factor it
        # was to add to, made longer — a gap, not another means
        weaker = re.search(r"パスワード", after)
    # a part of the same control named (「MFAはまだ。管理者だけは入れてるけど、それだけ」): a part
    rest = after[: weaker.start()] + after[weaker.end() :] if weaker else after
    return (
        weaker is not None
        and not _POSITIVE.search(before)
        and not _PARTIAL.search(before)
        and not _PARTIAL.search(re.sub(r"(て|で)(い)?る(だけ|のみ)", "", rest))
        and not _TOPIC_PART.search(rest)
    )


_SCOPE_NOUN = re.compile(
    r"大手|小規模|本番|開発|検証|社員|委託先|支店|本店|拠点|店舗|部署|事務所|オフィス|一部|残り|(?<![a-z])他|ほか|それ以外"
)
_TOPIC_MARK = re.compile(r"(?<=[一-龥ァ-ヶーa-z0-9ろのとき])(には|では|は)(?![ずない])")
_SECOND_FACTOR = re.compile(r"多要素|二要素|2要素|二段階|2段階|mfa|2fa|ワンタイム|otp|トークン")
_STRONGER_FACTOR = re.compile(
    r"証明書|生体|指紋|顔認証|webauthn|パスキー|passkey|fido|sso|ip制限|vpn|ハードウェア|漏洩済み|漏えい済み|照合"
)
# A part named by who or where (「管理者は」「本番では」): a part of the same control.
_TOPIC_PART = re.compile(
    r"(管理者|本番|開発|検証|社員|正社員|委託先|一部|主要|重要|新規|既存|支店|本店|部署|拠点)(環境|系|アカウント)?(だけ|のみ|は|では|には)"
)


# A means in force that closes the risk by itself: a block or a limit, two people, a contract,
# a design in which the risk cannot arise, another factor of authentication.
_COVERING = re.compile(
    r"(から|で|経由|に)?しか[^。、]{0,16}?(でき|入れ|入ら|表示でき|使え|アクセスでき|ログインでき|接続でき|繋が|つなが|繋げ|つなげ|触れ|置|持)(ない|ません|ず)"
    # any 「…しか〜できない」 said of what may happen (「本人以外しか押せない」「登録済みの口座にしか
    # 送れない」), not of what was done (「一部しかやれていない」)
    r"|(?<=[にでらか外])しか(?:(?!でき|カバー|対応|実施|やれ|やって|して)[^、。]){0,12}?(?<=[^っ])[せれけめえげべ](ない|ません|ず)"
    r"|(から|で|経由|に)のみ[^。、]{0,12}?(アクセス|接続|ログイン|許可|利用|可能|受け付け|受付|通信|通し|入れ)"
    r"|に限定(して|し|と|され)|に絞(って|り|っ)|(から|経由|経由で)〔済〕"
    # no other way in: 「VDI経由のみ」 (a condition: `_CONDITIONAL_BLOCK`)
    r"|(経由|越し)(のみ|だけ|限定)"
    # kept where it cannot be changed: 「ログは追記専用のストレージに保管」
    r"|追記専用|書き換え(でき|られ)ない|(変更|削除|改ざん|改竄)(でき|され)ない|消せない|読み取り専用|イミュータブル|worm|オブジェクトロック"
    # required or enforced, when what is required is a way in or a second pair of eyes
    r"|(証明書|認証|vpn|mfa|多要素|二要素|2要素|承認|立会|立ち会|レビュー|webauthn|passkey|パスキー|fido|sso|ip制限"
    r"|文字以上|長さ)[^。、]{0,12}?(必須|強制)"
    r"|ip(アドレス)?(制限|で制限|を制限|で絞|を絞)|(接続元|アクセス元|送信元)(の)?(制限|を制限|で制限)"
    # one choke point every session goes through: 「本番DBへの接続は踏み台1台に集約して」
    r"|(踏み台|ふみだい|bastion|ジャンプ(サーバ|ホスト))[^。、]{0,8}?(に集約|に一本化|経由(で|に)?(限定|のみ|だけ|しか))"
    r"|禁止|拒否|遮断|弾(く|い|き)|ブロック|上限|レート制限|レートリミット|回数制限|閉域|専用線|経由じゃないと"
    r"|(二|2|複数)(名|人)(で|による|が|体制|一組|1組|〔済〕)|もう(一人|1人|ひとり)|ダブルチェック|デュアルコントロール|突合|突き合わせ|照合"
    r"|施錠|金庫|入館証|生体認証|(クライアント|端末|電子)証明書|証明書(で|方式)|webauthn|パスキー|passkey|fido"
    r"|契約(条件|上の|で義務)|契約(で|により|上)[^。、]{0,16}?義務(付け|づけ)|監査権|(写し|報告書|証明書)を[^。、]{0,6}?(提出|出して|受領|もら)"
    r"|(残らない|残りません|落ちない|落ちません)|(経路|手段)が(ない|なく|ありません|ございません)"
    r"|無効化|払い出|申請制|承認制|承認を経|自動で[^。、]{0,6}?(止ま|失効|無効|ロック|削除|剥が|はが)|自動失効"
    r"|ratelimit|rate-limit|allowlist|whitelist|mtls|just-in-time|justintime|auto-expire|autoexpire"
    r"|(貸出簿|台帳|記録簿|入室簿|管理簿|記帳簿)(に|へ|で|への)[^。、]{0,4}?(記入|記帳|記録|管理)"
    # a count that is the limit: 「ログインAPIはWAFで5分100回まで」
    r"|\d+(回|件)(まで|を上限|に制限)"
    # who may do it is one person or a few: 「本番にマージできるのは私だけ」
    r"|(でき|れ|せ|け|え)るのは[^。、]{1,10}?(だけ|のみ)(?=[でだ、。]|$)|弾かれ"
    # the sign-off is the gate: 「部長が承認してからじゃないとやらない」「上長承認がないと付かない」
    r"|((承認|確認|押印)(して|を得て|を受けて|が済んで)から(じゃ|では|で)ないと|(承認|押印)(が|を)?(ない|なし|無し)(と|では|には))"
    r"[^。、]{0,10}?(ない|ません)"
    # a second person signs off each time: 「次の日に課長がそれを見てハンコを押します」
    r"|(上長|上司|課長|部長|役席|責任者|管理者)が[^。、]{0,10}?(見て|確認して)[^。、]{0,4}?(ハンコ|はんこ|判子|押印|検印|承認|サイン)"
    r"([^。、]{0,4}?から(じゃ|では|で)ないと[^。、]{0,10}?(ない|ません))?"
)
# No other way in, said as a condition: 「VPN張らないと見えないようにしてる」 (apart from
# `_COVERING`: led by common kana, it would make every search of it slower).
_CONDITIONAL_BLOCK = re.compile(
    r"(見え|入れ|入ら|繋が|つなが|アクセスでき|ログインでき|接続でき|開け|開か)(ない|ません|〔済〕)"
)
_IF_NOT_THEN = re.compile(r"(ないと|なければ|なきゃ|じゃないと|でないと)[^。、]{0,6}?$")


def _may_be_conditional(text: str) -> bool:
    return "ないと" in text or "なけれ" in text or "なきゃ" in text


def _conditional_block(text: str) -> bool:
    """「…を張らないと見えない」「2人揃わないと開かない」: the only way in, said as a condition."""
    return _may_be_conditional(text) and any(
        _IF_NOT_THEN.search(text, max(0, found.start() - 11), found.start())
        for found in _CONDITIONAL_BLOCK.finditer(text)
    )


def _mark_conditional_blocks(text: str) -> str:
    """*text* with each conditional block marked 〔限〕."""
    if not _may_be_conditional(text):
        return text
    out, last = [], 0
    for found in _CONDITIONAL_BLOCK.finditer(text):
        lead = _IF_NOT_THEN.search(text, max(last, found.start() - 11), found.start())
        if lead:
            out.append(text[last : lead.start()] + "〔限〕")
            last = found.end()
    return "".join(out) + text[last:] if out else text


# Gap, scope, ad hoc or plan words that keep the means from settling the answer.
_NOT_SETTLED = re.compile(
    r"一部|以外(?!(から|は)?(全|すべて|全て)?(閉|遮断|拒否|禁止|ブロック|弾))|(?<!から)(?<!で)(?<!経由)(?<!に)(?<!しか)だけ|(?<!から)(?<!で)(?<!経由)(?<!に)のみ"
    r"|本番(環境)?(は|では|だけ|のみ)|(開発|検証|テスト)(環境|系)(は|では)|社員|委託先(は|では)|部署|支店|拠点|新規|既存"
    r"|予定|これから|今後|来期|来年|検討|つもり|したい|予算|課題|リスクは|問題(は|が)(ある|あり)"
    r"|判断|裁量|感覚|各自|個人|属人|適当|なんとなく|その場|都度|気を(つけ|付け)|程度|たまに|ときどき|時々|口頭|任せ|頼み|頼り"
    r"|わから|分から|不明|確認中|前は|昔|以前|いずれ|but|however"
    # a contrast inside the means (「レート制限はかけてるけど、1分1000回なので実質無制限」)
    r"|(けど|けれど|ものの|ですが|ますが|だが)[、,]|実質|事実上|無制限|形だけ|形骸"
    # the weaker thing the measure asked for builds on (「MFAはまだですが、パスワードは必須」)
    r"|(?<![済み])(パスワード|ファイアウォール|basic認証|ベーシック認証)(は|を|だけ|のみ)"
)


def _scoped_no_then_other_scope(before: str, after: str) -> bool:
    """A scoped no, then the other scope: 「入退室の記録は執務室は取ってない。サーバ室は生体認証で
    記録してる」 is a part of the same control, not another means."""
    frame = re.sub(r"^(当行|当社|弊社|弊行|うち|自社|ご質問の|本件)(では|は|の)?[、,]?", "", before)
    topics = [m.start() for m in _TOPIC_MARK.finditer(frame)]
    other = re.match(r"([^。、は]{1,8})は", after)
    return (
        len(topics) >= 2
        and other is not None
        and bool(
            _SCOPE_NOUN.search(other.group(1))
            or other.group(1)[-1] == frame[topics[1] - 1]  # 執務室は … サーバ室は
        )
    )


_REASON_BREAK = re.compile(r"(ので|ため|から|なので|んで)[、,]")


def _means_then_no(text: str) -> bool:
    """「専用線による閉域網で接続しているため、通信の暗号化は行っておりません」「レート制限を
    かけてるので、ロックアウトは入れてない」: a means in force that closes the risk, given as
    the reason the asked measure is not taken — 代替策 (the covering rule, the other way round)."""
    found = _REASON_BREAK.search(text)
    if found is None or found.start() == 0:
        return False
    reason, rest = text[: found.start()], text[found.end() :]
    if not _COVERING.search(reason) or "。" in reason:
        return False
    closed = _COVERING.sub("〔限〕", reason)
    closed = re.sub(r"(応答し|受け付け|通さ|通れ|入れ|入ら|読め)(ない|ません)", "〔限〕", closed)
    return (
        not _NEGATIVE.search(closed)
        and not _NOT_SETTLED.search(reason)
        and not _WEAKER_AFTER.search(text)
        and not PLAN_WORDS.search(text)
        and not _UNKNOWN.search(text)
        and bool(
            _POSITIVE.search(closed)
            or "〔限〕" in closed
            or re.search(r"(だけ|のみ|しか)$", reason)
        )
        # the rest only negates the measure asked about
        and bool(
            re.fullmatch(
                r"[^。、]{2,40}?(ない|ません|おりません|ないです|ないっす|なし)(です|ね|よ|w)?[。!]*",
                rest,
            )
        )
        and not _POSITIVE.search(rest)
        and not _PARTIAL.search(rest)
    )


# Controls that meet the same risk (the asked measure, then what covers its risk): a negated
# measure of the first kind, then a means of the second kind in force, is 代替策 — not a part
# of the same control (「暗号化は未実施ですが、アクセス制限はかけています」 names two risks and
# stays asked). Folded spellings: lower case, no blanks.
_RISK_FAMILIES = (
    # who logs in: a second factor, or where and from what one can log in at all
    (
        re.compile(
            r"mfa|2fa|二要素|二段階|2段階|多要素|ワンタイム|otp|ハードウェアトークン|にだんかい|にようそ|たようそ"
        ),
        re.compile(
            r"ip制限|接続元|ipアドレス|社内ip|ipから|踏み台|専用端末|専用回線|閉域|vpn"
            r"|クライアント証明書|証明書認証|(端末|デバイス)証明書|devicecert|鍵認証|公開鍵|passkey|パスキー|fido|mtls"
            r"|端末認証|デバイス認証|専用線|しゃない(ねっと|から)|ふみだい"
        ),
    ),
    # who walks in: a guard, a camera or an entry log, or a gate that lets only some in
    (
        re.compile(
            r"警備員|けいびいん|ガードマン|守衛|(監視)?カメラ|かめら|入退室(の)?(ログ|記録|管理装置|装置)"
            r"|入室(の)?(ログ|記録)|入館証|入退室管理装置"
        ),
        re.compile(
            r"icカード|顔認証|生体認証|静脈|指紋|機械警備|警備システム|警備会社|セコム|alsok|施錠|(?<!暗号)鍵|ゲート"
            r"|入館(証|カード|管理)|共連れ防止|カード(入館|認証)|スマートロック|有人|同伴|付き添|立会い|立ち会い"
        ),
    ),
    # guessing passwords: a lockout, or nobody outside can reach the login at all, or tries are capped
    (
        re.compile(r"(アカウント|ログイン)(の)?ロック|ロックアウト|lockout|試行回数(の)?制限"),
        re.compile(
            r"(社内|社内ネットワーク|社内nw|オフィス|vpn|踏み台|特定の?ip|固定ip)(から|経由)(しか|のみ|だけ)"
            r"|ip制限|レート制限|レートリミット|ratelimit|回数制限|mfa|多要素|二要素|2要素|二段階|ワンタイム"
        ),
    ),
    # who walked in, seen afterwards: a camera, or an entry log — each the other's means (a guard
    # then a camera stays asked: 「警備員なし、カメラあり」)
    (
        re.compile(r"(監視|防犯)?カメラ|かめら"),
        re.compile(
            r"入退室(の)?(ログ|記録)|入室(の)?(ログ|記録)|にゅうたいしつ(の)?(きろく|ろぐ|記録|ログ)"
        ),
    ),
    (
        re.compile(r"入退室(の)?(ログ|記録)|入室(の)?(ログ|記録)"),
        re.compile(r"(監視|防犯)?カメラ|かめら"),
    ),
    # malware: an antivirus product, or endpoints that cannot run it or are watched otherwise
    (
        re.compile(r"ウイルス対策|ウィルス対策|アンチウイルス|アンチウィルス|antivirus"),
        re.compile(
            r"edr|crowdstrike|chromebook|defender|読み取り専用|再作成|作り直|初期化|os(側)?の(保護|標準)"
        ),
    ),
    # watching for attacks: a SIEM, IDS or monitoring product, or a cloud detector or alerts
    (
        re.compile(
            r"siem|(?<![a-z])ids(?![a-z])|(監視|ログ監視|ログ分析|検知)(の)?(ツール|製品|システム|仕組み)|不正検知"
        ),
        re.compile(
            r"guardduty|securityhub|datadog|cloudwatch|sentinel|ログ基盤|脅威検知|アラート|slackに飛"
            r"|socサービス|目視|目で|手動で確認|flowlog|フローログ|ログを[^、。]{0,10}?(チェック|確認|分析)"
        ),
    ),
    # checking a vendor: an audit on site, or the vendor's own assurance report
    (
        re.compile(
            r"(外部|実地|立入|現地|第三者)(の)?(監査|確認|検査|評価)|isms認証|げんち(かんさ|かくにん|確認|監査)"
        ),
        re.compile(
            r"soc2|soc 2|保証型監査報告書|内部統制保証報告書|監査法人|自己点検|内部監査"
            r"|(報告書|ほうこくしょ|レポート)(で|を)[^、。]{0,6}?(確認|かくにん|受領|もら|提出)"
        ),
    ),
    # handling incidents: a team of one's own, or a managed service on call
    (
        re.compile(
            r"csirt|sirt|インシデント対応(チーム|体制|要員)|専任(の)?(セキュリティ)?(担当|チーム|要員)"
        ),
        re.compile(
            r"mssp|socサービス|(?<![a-z])soc(?![a-z])|マネージド(サービス|soc)|managedservice|24/7|24時間"
        ),
    ),
    # one person acting alone: four eyes, or every change reviewed or gated by tests
    (
        re.compile(
            r"二人体制|2人体制|二名体制|相互牽制|ダブルチェック|他者承認|承認(フロー|ステップ|ツール)|changeapproval"
        ),
        re.compile(r"2名|二名|二人|2人|reviewer|レビュー|自動テスト|静的解析|ワークフロー"),
    ),
    # stored data read by others: a cipher, or the data never kept in clear
    (
        re.compile(
            r"(保存|保管)?データ(の)?暗号化|db(の)?暗号化|ディスク(の)?暗号化|暗号化(は|を)?(して|し|未)"
        ),
        re.compile(
            r"トークナイ|トークン化|トークンしか|マスキング|仮名化"
            r"|閉域|閉じた(ネットワーク|環境)"
        ),
    ),
    # a session left open: a timeout, or a second check before anything that matters
    (
        re.compile(r"セッションタイムアウト|タイムアウト|自動ログアウト|画面ロック"),
        re.compile(r"再認証|再入力|ワンタイム|otp|パスコード|生体認証"),
    ),
    # telling the customer: a mail, or a push or a history they can see
    (
        re.compile(
            r"(ログイン|取引|利用者への|お客様への)?通知メール|メール(での)?通知|ログイン通知"
        ),
        re.compile(
            r"プッシュ通知|push通知|sms|アプリ内(の)?(通知|お知らせ)|履歴(を|が)[^、。]{0,6}?見(られ|れ)"
        ),
    ),
    # logs altered: a tamper check, or logs written where nobody can change them
    (
        re.compile(r"改ざん(防止|検知)|改竄(防止|検知)|ログ(の)?(保全|完全性)"),
        re.compile(r"objectlock|worm|別アカウント|追記専用|書き込み専用|読み取り専用|ハッシュ"),
    ),
    # fraudulent transfers: a detection system, or limits and a call on anything unusual
    (
        re.compile(r"不正(送金|取引|利用|出金)(の)?(検知|監視|モニタリング)|取引モニタリング"),
        re.compile(r"上限|限度額|件数を|プッシュ通知|取引通知|電話で(本人)?確認|折り返し"),
    ),
    # losing a site: a DR site, or a cloud spread over zones or regions
    (
        re.compile(r"(?<![a-z])dr(?![a-z])|災害対策|バックアップ(センター|サイト)|冗長化"),
        re.compile(r"マルチaz|マルチリージョン|別リージョン|複数(の)?(az|リージョン|拠点)"),
    ),
    # unpatched software: a patch procedure, or nothing left to patch by hand
    (
        re.compile(r"パッチ(適用)?(の)?(管理|手順|運用)|脆弱性管理"),
        re.compile(r"自動(更新|アップデート|適用)|マネージド|サーバーレス|(再作成|作り直)"),
    ),
    # staff who fall for phishing: a course, or drills that test them
    (
        re.compile(r"(セキュリティ)?(研修|教育|eラーニング)"),
        re.compile(r"標的型|訓練メール|フィッシング訓練"),
    ),
    # a key that leaks: rotation, or keys that expire or are made for each use
    (
        re.compile(r"(鍵|キー)(の)?(ローテ|定期(的な)?(更新|変更)|更新)"),
        re.compile(
            r"自動(で|的に)?(ローテ|更新)|有効期限(を|が)?[^、。]{0,4}短|使い捨て|一時(的な)?(鍵|トークン|認証情報)"
        ),
    ),
    # keeping secrets: a signed pledge, or the duty written into the employment terms
    (
        re.compile(r"誓約書|(?<![a-z])nda(?![a-z])|秘密保持契約"),
        re.compile(r"就業規則|雇用契約|守秘義務(の)?(条項|条文)|秘密保持(の)?(条項|条文)"),
    ),
    # stale accounts: a periodic review, or rights that expire by themselves
    (
        re.compile(r"棚卸し?|アクセスレビュー|accessreview|権限(の)?(見直し|レビュー)"),
        re.compile(
            r"自動(で|的に)?[^、。]{0,6}?(剥が|削除|無効|失効)|autoexpire|auto-expire|突き合わせ"
        ),
    ),
    # attacks on the web front: a WAF or IPS, or a front service that filters
    (
        re.compile(r"waf|(?<![a-z])(ips|ids)(?![a-z])|ファイアウォール"),
        re.compile(
            r"cloudflare|cdn(側)?(の|で)(ルール|waf|防御|保護|遮断|ブロック)|レート制限|ratelimit|apigateway|セキュリティグループ|securitygroup|(?<![a-z])sg(?![a-z])"
            r"|ボット対策|botprotection|shield|akamai"
        ),
    ),
    # where the keys live: an HSM, or a managed key service
    (
        re.compile(r"hsm|鍵管理(の)?(専用)?(製品|ツール|システム)"),
        re.compile(r"kms|keyvault|secretsmanager|vault|金庫"),
    ),
    # data carried out: DLP or blocked ports, or data that never reaches the device
    (
        re.compile(r"dlp|usb|持ち出し制限|書き出し制限|外部送信(の)?(制限|チェック)"),
        re.compile(r"vdi|シンクライアント|承認制|上長承認|(落と|持ち出|書き出)せ(ない|ません)"),
    ),
    # finding holes: an outside test, or continuous scans and a bounty
    (
        re.compile(
            r"ペネトレ|ペンテスト|pentest|penetration|侵入テスト|外部診断|脆弱性診断|第三者(の)?診断"
            r"|(外部|専門会社)の診断"
        ),
        re.compile(
            r"バグバウンティ|bugbounty|snyk|zap|dast|sast|脆弱性スキャン|スキャナ|自社で診断|内部診断"
        ),
    ),
    # losing data: a backup job, or storage that keeps every version
    (
        re.compile(r"バックアップ|backup"),
        re.compile(
            r"バージョニング|versioning|objectlock|スナップショット|snapshot|レプリケーション|世代管理"
            r"|別リージョン|(戻|復元|復旧)せ(る|ます)|(戻|復元|復旧)でき(る|ます)"
        ),
    ),
    # reading data in transit: a message-level cipher, or a channel already closed
    (
        re.compile(r"jwe|(メッセージ|ペイロード|電文|通信)(の)?暗号化"),
        re.compile(r"tls|https|専用線|閉域|ipsec|mtls"),
    ),
)
# Any asked measure of the families, searched first: most replies name none.
_ANY_ASKED = re.compile("|".join(f"(?:{asked.pattern})" for asked, _ in _RISK_FAMILIES))
# The first clause's negation and its break (「…ない、」「…ませんが、」「…なし。」「…おらんけど、」).
_COVER_NO = re.compile(
    r"(ない|ません|なし|無し|未(導入|実施|対応|整備|設定|採用|契約)|おらず|おらん|(?<=[てで])へん)"
    r"(との(こと|話)|そう|らしい)?(です|っす|でして|ですね|んです|んだ|だ)?(が|けど|けれど|けども|ものの)?[、,。;]+"
    # English as folded: 「…していません、awaf、が、…」
    r"([a-z0-9]{2,30}[、,](が[、,])?)?"
    # English 「No pen test this year. We run …」, folded: 「いいえ、pentestthisyear。…」
    r"|^いいえ[、,][a-z0-9一-龥ァ-ヶー]{2,40}[。;、,]+"
)
# 「何もしてないわけではないです。MFAこそないですが、…」: the concession starts the answer.
_CONCEDED = re.compile(r"(?:^|。)(?=[^。]{0,30}?こそ[^。]{0,6}?(ない|ありません|ません|なし))")
# After the means: a block stated as a negative is the means itself (「手元には落とせません」).
_COVER_BLOCK = re.compile(
    r"(落とせ|落ち|持ち出せ|書き出せ|入れ|使え|繋がら|つながら|届か|届き|残ら|ログインでき|アクセスでき|接続でき"
    r"|(保持|保存|保管)(して|し)?(い|お)?|持って(い|お)?|持た)(ない|ません|ず)"
    # a limit that is the means: 「…閉じたネットワーク内のサーバにしか置いていない」
    r"|しか(?:(?!でき|カバー|対応|実施|やれ|やって)[^、。]){0,12}?(ない|ません|なく|ず)"
    # no way to try at all: 「外からは試しようがない」
    r"|(試し|入り|破り|盗み|持ち出し|やり)(よう|ようも)(が|は)?(ない|ありません|なく)"
)
# Words that make the means weaker, partial, ad hoc or not yet in force.
_COVER_GAP = re.compile(
    r"(て|で)(い)?る?だけ|程度|対象外|一部|以外(?!(は|を)?(全閉|閉じ|遮断|ブロック|禁止|拒否|通さ|弾))|予定|検討|まだ|これから|誰も|見てない|形だけ|口頭|各自|都度"
    r"|たまに|時々|ときどき|気が向|余裕があれば|だと思|はず|かも|不十分|弱い|甘い|平文|共通|使い回|共有(アカウント|パスワード|id)|同じ(アカウント|パスワード|id)"
    # switched off, open to all, only in some cases, or said negative in English
    r"|無効(?!化)|オフ(?!ィ)|(?<![a-z])off(?!ic|er|se|li|bo|sh)|切って|止めて|止まって|(とき|時|場合|ケース)(だけ|のみ|に限)"
    r"|(全員|誰でも|だれでも|みんな)(が|で)?[^、。]{0,6}?(触れ|触|見れ|見られ|使え|アクセスでき|知って|共有)"
    r"|〔否〕|〔穴〕|either|neither|andno|butno|some(?![a-z]*(thing|how|one))|planned|notyet"
    # a means limited in time or to some people: 「警備員は平日日中だけ」
    r"|(日中|平日|昼間|営業時間|管理者|本番|特権|一部)[^、。]{0,4}(だけ|のみ|しか)"
)
# A scope named on either side (「本番はWAFなし、検証はCloudflare経由」): two parts of the same
# control, 一部実施 more often than another means.
_COVER_SCOPE = re.compile(
    r"(?:^|[、。,;]|(?<=[でに])も?|(?<=の))"
    r"(本番|開発|検証|ステージング|テスト|社員|一般|管理者|特権|委託先|新規|既存|東京|大阪|名古屋|福岡"
    r"|本社|支店|部署|部門|子会社|グループ会社|海外|国内)"
    r"[一-龥ァ-ヶー]{0,6}?(は|では|には|だけ|のみ)"
)
# A limit that is the means itself: 「ICカードのみ」「接続元IPを本社に絞ってる」「必要なポート以外閉じて」.
_COVER_LIMIT = re.compile(
    r"のみ|だけ|しか|に限定|限定|に絞|以外(は|を)?(?=全閉|閉じ|遮断|ブロック|禁止|拒否|通さ|弾)"
)


# One mechanism for "the asked measure absent, then a means" (fifteenth round: the two readers of
# the fourteenth round, `_no_then_covering_means` and `_same_risk_cover`, merged with one guard
# list). The first clause or sentence only negates; what follows is read once:
# - "cover": a means in force that closes the same risk — a block, a limit, two people, a
#   contract, a design in which the risk cannot arise (`_COVERING`), or a means of the same
#   `_RISK_FAMILIES` pair — 代替策, read outright;
# - "named": some other means in force that closes something (`_CLOSING_MEANS`, an outside
#   party doing the watching) — 代替策, a part or a gap? The words do not say: a confident
#   reading asks, 代替策 guessed;
# - "fact": any other fact in force (no gap of its own) — a confident 未実施 of it asks;
# - "": not that shape, or a guard holds.
# 「トークンはないねん。」「…あらへんけど、」: Kansai negations end the first clause too.
# 「HSMは使ってないけど鍵はKMSで管理」: けど typed without a comma.
_NO_BUT_RUN_ON = re.compile(r"(ない|ません|なし)(けど|けれど|けども|が(?!し))(?=[^、,。])")
_KANSAI_NO = re.compile(
    r"(ない|へん|あらへん|ありまへん)(ねん|んや|んよ|わ|で)(けど|が)?(w{1,3}|笑)?[、,。]+"
)
# The rest opens with a turn: 「でも、」「ただ、」「その代わり」「せやけど」.
_TURN = re.compile(
    r"^(でも|ただ|ただし|しかし|せやけど|そやけど|その(かわり|代わり)|代わりに|かわりに|その分|そのぶん)[、,]?"
)
# 「自動テストはほぼ無いっす」: next to nothing is none, not a part.
_NEARLY_NONE = re.compile(
    r"(ほぼ|ほとんど)(?=(ない|無い|ありません|なし|無し)(です|っす)?[。、,]|(ない|無い)(けど|が))"
)
# A small team is the reason, not a part: 「二人しかいないんで職務分離は無理っす」.
_FEW_PEOPLE = re.compile(r"(\d+|[一二三四五]|数)(人|名)しか(い|居)(ない|ません)")
# The one list of words that keep a means from settling the answer (the gap list of both
# fourteenth-round readers): weaker, partial, switched off, ad hoc, left to people, planned,
# doubted, in the past, or with a contrast of its own.
_ABSENT_GAP = re.compile(
    _COVER_GAP.pattern
    + r"|これから|今後|来期|来年|つもり|したい|予算|課題|リスクは|問題(は|が)(ある|あり)"
    r"|判断(で|次第|に任せ)|裁量|感覚|個人|属人|適当|なんとなく|その場|気を(つけ|付け)|依存|頼み|頼り|記憶|ずっと"
    r"|(各自|各担当|担当者?|現場|本人|個人|個々|みんな|それぞれ)(の)?(判断)?(に|へ)任せ|任せ(きり|っきり)"
    r"|わから|分から|不明|確認中|前は|昔|以前|いずれ|but|however"
    # aware only: 「やっていません。必要性は感じています」
    r"|必要性|必要だと|認識して|感じて(い|お)|思って(い|お)"
    r"|(けど|けれど|ものの|ですが|ますが|だが)[、,]|実質|事実上|無制限|形骸"
    # the weaker thing the measure asked for builds on (「MFAはまだですが、パスワードは必須」)
    r"|(?<![済み])(?<!ワンタイム)(パスワード|ファイアウォール|basic認証|ベーシック認証)(は|を|だけ|のみ)"
)
# 「…のみ」「…だけ」 not after から / で / 経由 / に / しか (「社内からのみ接続可」 is a block).
# 「…でofficeのみにしている」: made the only one, a limit (not bare).
_BARE_ONLY = re.compile(
    r"(?<!から)(?<!で)(?<!経由)(?<!に)(?<!しか)(だけ|のみ)(?!に(して|し|限|絞))"
)
# Handed to an outside party that does the watching or the checking: 「SOCに24h監視を委託」.
_HANDED_OUT = re.compile(
    r"(soc|mssp|外部|専門(の)?(会社|業者|ベンダー)|委託先|ベンダー)[^。、]{0,12}?(委託|外注|監視して|見てもら)"
    r"|(監視|診断|確認|検査|チェック)[^。、]{0,6}?(委託|外注)"
    # another team or party does it (nineteenth round): 「…外部のSOCサービスが初動から対応する」
    # 「リリースのたびに社内のセキュリティ担当が診断してる」
    r"|(担当|チーム|部門|部署|会社|業者|ベンダー|サービス|soc|mssp)が[^。、]{0,10}?"
    r"(対応|監視|診断|検査|レビュー)(する|します|して)"
)
# A work step named with 本番 is no scope: 「本番作業は必ず2名で」.
_WORK_STEP = re.compile(r"本番(作業|リリース|デプロイ|反映|変更|操作|適用)")
# Negations that are the means itself (「…でしか入れない」「応答しない」).
_BLOCK_VERB = re.compile(r"(応答し|受け付け|通さ|通れ|入れ|入ら|読め)(ない|ません)")
# 「窓なしで二人一組」: a property of the means, not a gap.
_PROPERTY_NONE = re.compile(r"(?<=[一-龥ァ-ヶー])(なし|無し)(?=(で|の)[一-龥ァ-ヶーa-z〔])")
_RULE_END = re.compile(
    r"(決まり|ルール|構成|作り|設定|運用|方式|仕組み)(です|だ|になって|にして|としております)?[。!]*$"
)


# The measure implied absent, the team too small for it: 「職務分離できるほど人いないんで、…」.
_NOT_ENOUGH_FOR = re.compile(
    r"(できる|やれる|回せる|分けられる|置ける)ほど(の)?(人|人数|人手|人員|要員)(が|は)?(い|お|居)(ない|ません)"
    r"(ん|の)?(で|から|ため)[、,]"
)
# 「本番反映は必ずCTO以外のもう一人が立ち会ってる」: someone other than the doer — the second pair
# of eyes, not a part left out.
_OTHER_THAN_DOER = re.compile(
    r"[^。、]{1,8}?以外の(?=(もう|別の|他の|ほかの)(一人|1人|ひとり|人|メンバー|担当))"
)


_SPLITS: dict[str, tuple[str, str] | None] = {}  # the last few texts' splits (read twice)
_UNSPLIT = ("", "")  # not in the cache (no real split has an empty first clause)


def _absent_split(text: str) -> tuple[str, str] | None:
    """(the negated first clause, the rest), or None."""
    cached = _SPLITS.get(text, _UNSPLIT)  # (one lookup: another thread may clear it meanwhile)
    if cached != _UNSPLIT:
        return cached
    if len(_SPLITS) >= 16:
        _SPLITS.clear()
    split = _SPLITS[text] = _absent_split_uncached(text)
    return split


def _absent_split_uncached(text: str) -> tuple[str, str] | None:
    conceded = _CONCEDED.search(text)
    if conceded:
        text = text[conceded.end() :]
    leads = (_COVER_NO, _NO_LEAD, _KANSAI_NO, _NO_BUT_RUN_ON)
    found = [m for m in (lead.search(text) for lead in leads) if m]
    if "ほど" in text:
        enough = _NOT_ENOUGH_FOR.search(text)
        if enough:
            found.append(enough)
    if not found:
        return None
    end = min(found, key=lambda m: (m.start(), -m.end())).end()
    if end >= len(text):
        return None
    before = _NOT_ENOUGH_FOR.sub("体制がない、", text[:end]) if "ほど" in text else text[:end]
    # 「…できるほど人いないんで、」 read as the bare absence it implies (no 「できる」 in force)
    return before, _TURN.sub("", text[end:])


def _scope_after(after: str) -> bool:
    """A scope named after the negated measure (「検証はCloudflare経由」), not a work step
    (「本番作業は必ず2名で」)."""
    scope = _COVER_SCOPE.search(after)
    return scope is not None and not _WORK_STEP.search(scope.group(0))


# A limit said not set (「接続元のネットワークは絞ってない」): the measure absent, not a part.
_LIMIT_NEGATED = re.compile(r"(絞っ|限定し|限っ|制限し)て(い|お)?(ない|ません)")


def _absent_unsettled(text: str, before: str, after: str, rest_of: Callable[[], str]) -> bool:
    """The one guard list: a fact in force, a part, a plan or an unknown in the first clause; a
    scope on either side; a gap, caveat, ad hoc practice, part or negation of its own after.
    *rest_of* gives the rest with its means marked (``_means_rest``), made when first needed."""
    lead = _NEARLY_NONE.sub("", _FEW_PEOPLE.sub("", before))
    if "て" in lead:
        lead = _LIMIT_NEGATED.sub("ない", lead)  # 「接続元は絞ってない」: no limit, not a part
    return bool(
        "〔" in before
        or _POSITIVE.search(before)
        or (
            _PARTIAL.search(lead)
            # the night or holiday left out is itself closed: 「休日の分析はしてない。土日は…拒否」
            and not (_NIGHT_OR_HOLIDAY.search(lead) and _NIGHT_OR_HOLIDAY.search(after))
        )
        or PLAN_WORDS.search(text)
        or _UNKNOWN.search(before + rest_of())
        or len(after) < 4
        or _scoped_no_then_other_scope(before, after)
        or _COVER_SCOPE.search(before)
        or _scope_after(after)
        or _ABSENT_GAP.search(after)
        or _WEAKER_AFTER.search(after)
        or _CAVEAT.search(after)
        or _NEGATIVE.search(rest_of())
        or re.search(r"(ない|ません|なく|ず)(が|けど|けれど)", rest_of())
    )


def _same_risk(asked: re.Match[str] | None, means: re.Match[str] | None, after: str) -> bool:
    """The asked measure and a means of its family, the measure itself not named again after
    (「秘密保持契約は締結しておりませんが、入行時の誓約書および就業規則にて…」: another of the
    family's measures may be the means)."""
    return asked is not None and means is not None and asked.group(0) not in after


# A block made by design, said as a negative (nineteenth round): 「休日夜間は…ログオン自体ができない
# 設定としております」「USB自体をMDMで使えなくしてる」「証明書がないと繋がらないようにしています」
# — the negation is the means itself, not a gap.
_MADE_IMPOSSIBLE = re.compile(
    r"((が|を)?(ないと|なければ|無いと|なしでは|無しでは))?"
    r"(でき|使え|入れ|入ら|繋がら|つながら|繋げ|つなげ|開け|開か|書き込め|持ち出せ|落とせ|送れ|通ら|見られ|見れ|読め)"
    r"(ない|なく)(?=よう(に|な)|設定|構成|仕組み|作り|して|し|なって)"
)


def _means_rest(after: str, blocks: bool) -> str:
    """The rest with the means marked 〔限〕 (a negation that is the block itself is no gap)."""
    if "ない" in after or "なく" in after:
        after = _MADE_IMPOSSIBLE.sub("〔限〕", after)
    rest = _COVER_BLOCK.sub("〔限〕", after) if blocks else after
    rest = _COVERING.sub("〔限〕", _mark_conditional_blocks(rest)).replace("試行〔限〕", "〔限〕")
    return _PROPERTY_NONE.sub("〔限〕", _BLOCK_VERB.sub("〔限〕", rest))


# Someone does it, said as a noun (「…翌日上長が確認」「…担当者が照合」): in force.
_DOER_NOUN_END = re.compile(r"(?<=[一-龥ァ-ヶー])が[一-龥]{2,4}[。!]*$")


def _absent_then_means(text: str, families_only: bool = False) -> str:
    """「警備員なし。ICカード入館のみ」「当行では回線の暗号化は行っておりませんが、接続先とは専用線
    による閉域網で接続しております」 → "cover"; 「IDSなし、SOCに24h監視を委託」 → "named";
    「専用の窓口は作っておらず、問い合わせは代表電話で受けています」 → "fact"; else ""."""
    split = _absent_split(text)
    if split is None:
        return ""
    before, after = split
    if "以外の" in after:
        after = _OTHER_THAN_DOER.sub("", after)
    made: list[str] = []  # the rest with its means marked, made when first needed

    def rest_of() -> str:
        if not made:
            made.append(_means_rest(after, blocks=True))
        return made[0]

    if _absent_unsettled(text, before, after, rest_of):
        return ""
    rest = rest_of()
    if _ANY_ASKED.search(before) and any(
        _same_risk(absent.search(before), means.search(after), after)
        for absent, means in _RISK_FAMILIES
    ):
        return "cover"
    # a bare 「…のみ」「…だけ」 is a limit that is the means only for a same-risk pair above;
    # else it names the weaker part that is done (「入退室管理システムはない。サーバ室は施錠のみ」)
    if families_only or _BARE_ONLY.search(after):
        return ""
    in_force = bool(
        _POSITIVE.search(rest)
        or "〔限〕" in rest
        or _TELEGRAPHIC.search(rest)
        or _RULE_END.search(rest)
        or _DOER_NOUN_END.search(rest)
    )
    # a block said only as a negative (「…でしか繋いでいないので外からは届きません」) is read
    # outright for a same-risk pair only; otherwise it asks
    said_positively = not _NEGATIVE.search(_means_rest(after, blocks=False))
    if (_COVERING.search(after) or _conditional_block(after)) and in_force and said_positively:
        return "cover"
    if (
        _CLOSING_MEANS.search(after) or _HANDED_OUT.search(after) or _MADE_IMPOSSIBLE.search(after)
    ) and (in_force or _CLOSING_MEANS.search(rest) or _HANDED_OUT.search(rest)):
        return "named"
    return "fact" if in_force else ""


# A weaker thing of the same kind named after the negated measure: 「MFAはないけど、パスワードは
# 12文字以上にしてます」 — the gap described, not another means.
_WEAKER_SAME_KIND = re.compile(
    r"(mfa|2fa|二要素|二段階|2段階|多要素|ワンタイム|otp)[^。]{0,30}?(ない|ません|なし|無し|未導入)"
    r"[^。]{0,6}?[、,。][^。]{0,30}?(パスワード|pw|暗証番号|パスフレーズ)"
)


# The means named, but switched off, open to everyone or kept in clear: 「ウイルス対策ソフトは入れて
# ないけど、Defenderは無効にしてます」「HSMは使ってないけど、KMSの鍵は全員が触れる」.
_WEAK_MEANS = re.compile(
    r"無効|オフ(?!ィ)|(?<![a-z])off(?!ic|er|se|li|bo|sh)|切って|止めて|止まって|平文|共通|使い回|同じ(アカウント|パスワード|id)"
    r"|(全員|誰でも|だれでも|みんな)(が|で)?[^、。]{0,6}?(触れ|触|見れ|見られ|使え|アクセスでき|知って|共有)"
)


_ATTACK_STOPPED = re.compile(
    r"(総当たり|攻撃|不正(アクセス|ログイン)?|侵入|なりすまし)(は|を)(止めて|止め)"
)


def _weaker_same_kind(text: str) -> bool:
    """A weaker thing of the same kind, or the same-risk means made weak, after the negated
    measure: the gap described, not another means."""
    if _WEAKER_SAME_KIND.search(text):
        return _absent_then_means(text) != "cover"
    found = _COVER_NO.search(text) if _ANY_ASKED.search(text) else None
    if found is None:
        return False
    before, after = text[: found.end()], text[found.end() :]
    after = _ATTACK_STOPPED.sub("〔限〕", after)  # 「総当たりは止めてる」: the means, not off
    return bool(_WEAK_MEANS.search(after)) and any(
        asked.search(before) and means.search(after) for asked, means in _RISK_FAMILIES
    )


# Look-alikes of 一部実施 that are gaps, and 代替策 given the other way round (fifteenth round).
# The measure exists only as a draft or a template, the act itself not yet: 「NDAのひな形はある
# けど、まだどの委託先とも結んでない」「規程のドラフトはあるが、まだ承認されていない」.
_DRAFT_ONLY = re.compile(
    r"(ひな形|雛形|ひながた|テンプレート|テンプレ|ドラフト|草案|素案|原案|たたき台|叩き台|draft|template"
    r"|(?<![提答法名図方腹思])案)"
    r"(は|だけ|のみ|自体は|なら)?[^。]{0,6}?(ある|あり|でき|作っ|作成|用意|ダウンロード|入手|もらっ|取り寄せ)[^。]{0,40}?(まだ|未|ない|ません)"
)
# In effect none: 「上限はあるにはあるけど1日1000万円なので、実質ないのと同じ」.
_IN_EFFECT_NONE = re.compile(
    r"実質(的に)?(ない|無い|なし|ゼロ|無意味|意味(が|は)?(ない|無い))|ないのと(同じ|一緒|変わらない)"
    r"|ないも同然|ないに等しい|あって(ない|無い)ような|意味をなして(い|お)?(ない|ません)"
)
# Only the bare minimum, then the asked measure absent: 「パスワードだけです。ワンタイムとかはないです」.
_ONLY_THEN_NONE = re.compile(
    r"^[^。、]{1,20}?(だけ|のみ)(です|だ|っす|で)?[。、,]+[^。、]{0,20}?(とか|など|なんか|なんて)(は|も)?"
    r"(ない|無い|ありません|なし|無し|入れて(い|お)?(ない|ません)|やって(い|お)?(ない|ません))"
)
# One place only, then nothing elsewhere: 「Cloud ArmorはフロントのLBにだけ。内部APIには何も置いてない」.
_HERE_ONLY_NOTHING_THERE = re.compile(
    r"(?<![るたす])(だけ|のみ)[^。、]{0,10}?[。、,][^。、]{1,20}?(には|では|は)(何も|なにも|まだ|特に|一切)"
)
# In place, but nobody looks at it (no time or scope named): the tables label it 一部実施 and
# 未実施 alike (「ログは取ってるけど、誰も見てない」「ログは出ていますが、誰も見ていません」). Ask.
# (Kept *only*, 「溜まってるだけで、誰も見てない」, is read 未実施: reply_indirect._KEPT_NOBODY_LOOKS.)
_IN_PLACE_NOBODY_LOOKS = re.compile(
    r"(けど|けれど|ものの|ますが|ですが|たが|るが|いが|(?<=[、,])ただ)[、,]?[^。、]{0,10}?"
    r"((誰|だれ)も(見て|確認して|チェックして|読んで|対応して)(い|お)?(ない|ません)"
    # not even someone to look (「ただ見る人も仕組みもない」; 「見る人がいません」 stays a part), or it reaches nobody (「誰にも届いていません」)
    r"|(見る|確認する|チェックする|対応する)(人|担当|者)も[^。]{0,8}?(い|お|ない|ありません)(ない|ません)?"
    r"|(誰|だれ)にも(届|飛|通知さ)[^。]{0,4}?(ない|ません))"
)
_WHEN_OR_WHERE = re.compile(r"夜|休日|土日|祝日|時間外|週末|深夜|一部|以外|だけ(?!ど|れど)|のみ")
# A fact in force given as the reason the asked measure is not taken, the reason first
# (「…という作りなので、不正送金の検知システムは持っていません」「…社内システムに入れない。なので
# 証明書認証までは入れてない」): 代替策 given the other way round, or a part? Ask.
_REASON_LINK = re.compile(
    r"(?:(?:という|って)(?:作り|構成|仕組み|設計|運用|形|体制)(?:なので|だから|のため)|(?<=[るたいす])ので|(?<=[るたい])から|なので|ため)[、,]"
    r"|[。、,](?:なので|だから|そのため|それで|その分|そのぶん)[、,]?"
)
_IF_NOT = re.compile(r"(ない|なけれ)(と(?!の(こと|話))|ば)|なくては|なきゃ|ずに")
_NEGATED_END = re.compile(
    r"[^。、]{2,40}?((ない|ません|おりません|なし|無し)(です|っす|ね|よ|w)?"
    r"|未(導入|実施|対応|整備|設定|採用)(です|だ|っす)?)"
    # reported: 「…していないとのことです」「…してないそうです」
    r"((との(こと|話)|そう|らしい)(です|でした|だ)?)?[。!]*$"
)


# 「社内VPNからしか入れないようにしてる」 after the rewrites: 「…からしか入れ〔済〕」, a block.
_ONLY_WAY_IN = re.compile(r"(から|で|経由|に)しか[^。、]{0,12}?〔済〕")
# 「…だけに絞っている」: the limit itself, not a bare 「だけ」.
_NARROWED_TO = re.compile(r"(だけ|のみ)((に|へ)(絞|限定|限))")
# A measure not taken (「…はしていません」), not a thing absent (「…は一切ない」).
_NOT_TAKEN = re.compile(
    r"(て|で)(い|お)?(ない|ません)|未(導入|実施|対応|整備|設定|採用)|(し|行わ|やら)(ない|ません)"
)
# What does not arise is no measure: 「…持っていないので、媒体の廃棄は発生しない」.
_NEVER_ARISES = re.compile(r"(発生し|生じ|起き|起こら|存在し)(ない|ません|ず)")


def _reason_then_no(text: str) -> bool:
    """A reason in force, then only the measure negated (see `_REASON_LINK`)."""
    return bool(_reason_then_no_grade(text))


def _reason_then_no_grade(text: str) -> str:
    """The grade of the shape: "block" when the reason is a means that closes the risk by its function (a block, a
    limit, two people, a contract: 〔限〕), said positively; "fact" for any other reason in
    force; "" when not the shape."""
    found = None
    for link in _REASON_LINK.finditer(text):  # the last link: the measure left out ends the reply
        found = link
    if found is None or found.start() == 0:
        return ""
    reason, rest = text[: found.start()], text[found.end() :]
    closed = _ONLY_WAY_IN.sub("〔限〕", _means_rest(reason, blocks=True))
    designed = found.group(0)[0] in "とっ"  # 「…という作りなので」: a design said to be in force
    shaped = bool(
        _NEGATED_END.fullmatch(rest)
        and not _NEVER_ARISES.search(rest)
        # what the block makes happen, not a measure left out: 「設定しないと先に進めません」
        and not _IF_NOT.search(rest)
        and not _POSITIVE.search(rest)
        and not _PARTIAL.search(rest)
        and (
            _POSITIVE.search(closed)
            or "〔限〕" in closed
            or _TELEGRAPHIC.search(closed)
            or designed
        )
        and (designed or not _NEGATIVE.search(closed))
        and not _CAVEAT.search(reason)
        and not PLAN_WORDS.search(text)
        and not _UNKNOWN.search(text)
        and not _NOT_APPLICABLE.search(text)
        and not _WEAKER_AFTER.search(text)
    )
    if not shaped:
        return ""
    settled = _NARROWED_TO.sub(r"\2", reason)  # 「…だけに絞っている」: the limit itself
    blocks = (
        "〔限〕" in closed
        # a measure not taken (「…はしていません」「…は付けてない」), not a thing absent (「コードに
        # パスワードは一切ない」: the risk itself gone — the control, or 代替策?)
        and _NOT_TAKEN.search(rest) is not None
        and not _NEGATIVE.search(_means_rest(reason, blocks=False))
        and not _NOT_SETTLED.search(settled)
        # a scope in the measure left out (「本番は…していません」) is a part; the block's own
        # topic (「本番環境には踏み台経由でしか入れない」「委託先とは契約で…」) is not
        and not _scope_after(rest)
        and not _ABSENT_GAP.search(settled)
    )
    return "block" if blocks else "fact"


# On paper only, hardly done: 「規程には書いてあるけど、全然やってない」 — a gap more than a part.
# Ask, 未実施 guessed. (Never *once* done is read 未実施 before this: reply_indirect._ON_PAPER_NEVER.)
_ON_PAPER_ONLY = re.compile(
    r"(書いて|決めて|定めて|決まって|謳って|うたって)(は)?(ある|あり|い|お)[^。]{0,8}?(けど|けれど|が|ものの)[、,]?"
    r"[^。]{0,30}?(一度も|一回も|1回も|いちども|全然|まったく|全く|ほとんど)[^。]{0,16}?(ない|ません)"
)
# 代替策 said the other way round with no reason word: a means in force that closes the risk by
# its function, then a sentence that only negates the asked measure (「main にマージできるのは
# 私だけで、…全部通らないと弾かれる…。別の人のレビューはしてないです」). Ask, 代替策 guessed.
_LAST_SENTENCE = re.compile(r"。(?=[^。]{2,40}[。!]*$)")
# Nothing can be kept where the risk would be: 「MDMとかないよ。…なにも保存できない」「ウイルス
# 対策ソフト入れてないっす、端末ぜんぶChromebookなんでファイル置けないっす」 — a design that closes
# the risk, or a gap? Ask, 代替策 guessed (after a measure said absent first).
_NOTHING_KEPT = re.compile(
    r"(何も|なにも|データ(は|を|も)?|ファイル(は|を|も)?)[^。、]{0,6}?"
    r"(保存|保管|置け|置か|残せ|残ら|落とせ|持ち出せ)(でき)?(ない|ません|ず)"
)
# 「決まった周期で見直すというより、異動のたびに…外してます」: rather than the measure, another
# practice. Ask, 代替策 guessed.
_RATHER_THAN = re.compile(r"(?<=[るすうくつぶむぐ])というより(は|も)?[、,]")


# No guard, then a camera or an entry log: another watcher of the door, or a part of the watching?
# Ask (「警備員なし、カメラあり」 asks too, fourteenth round).
_GUARD_NO = re.compile(
    r"(警備員|けいびいん|ガードマン|守衛)[^。、]{0,10}?(ない|ません|なし|無し|おらず)"
)
_OTHER_WATCHER = re.compile(
    r"(監視|防犯)?カメラ|かめら|入退室(の)?(ログ|記録)|入室(の)?(ログ|記録)"
)


# 「権限はJIT方式で都度付与して、1時間で自動失効」: a grant made for each use is the means (just in
# time), not a practice left to the moment (「都度」 alone is ad hoc: `_NOT_SETTLED`).
_PER_USE_GRANT = re.compile(r"(その)?都度(の)?(付与|払い出|発行|払出)")
# The hours a service is open: 「9時〜17時だけ」「9:00-18:00のみ」.
_TIME_WINDOW = re.compile(
    r"\d{1,2}(時|:\d\d)\s*(〜|~|-|ー|－|から)\s*\d{1,2}(時|:\d\d)(まで)?(の間)?(だけ|のみ)"
)
_HANDLED_BY = re.compile(r"(で|により|によって)(対応|カバー|担保|代替|補っ|補完)(して|し)(い|お)")
_LAST_CONTINUATIVE = re.compile(r"(?:(てお|でお)り|ていて|でいて)[、,](?=[^。、]{2,40}[。!]*$)")


def _means_first_then_no(text: str) -> bool:
    """A covering means in force, then a last sentence that only negates."""
    last = None
    for found in _LAST_SENTENCE.finditer(text):
        last = found
    if last is None:
        # 「…システム側で接続そのものを遮断しており、個別のアクセス分析は実施しておりません」
        for found in _LAST_CONTINUATIVE.finditer(text):
            last = found
    if last is None:
        return False
    means, rest = text[: last.end() - 1], text[last.end() :]  # the break (。 or 、) left out
    if not _NEGATED_END.fullmatch(rest):  # cheap first: most replies end otherwise
        return False
    windowed = False
    if _NIGHT_OR_HOLIDAY.search(rest) and _TIME_WINDOW.search(means):
        # 「出金は営業日の9時〜17時だけ受け付けて…。夜間の自動アラートは作ってない」: the hours
        # open are the block, and the night left out is closed by it
        means, windowed = _TIME_WINDOW.sub("〔限〕", means), True
    closed = _means_rest(_PER_USE_GRANT.sub("〔限〕", means), blocks=True)
    return bool(
        # a block, or a means said to handle it (「IP制限で対応しています。MFAはなし」)
        ("〔限〕" in closed or _HANDLED_BY.search(means))
        and not _IF_NOT.search(rest)
        and not _POSITIVE.search(rest)
        # the night left out is itself closed: 「営業時間外は…遮断しており、夜間の監視要員は置いて
        # いません」
        and not (
            _PARTIAL.search(rest)
            and not (
                _NIGHT_OR_HOLIDAY.search(rest) and (windowed or _NIGHT_OR_HOLIDAY.search(means))
            )
        )
        and not _NOT_SETTLED.search(closed)
        and not _COVER_SCOPE.search(text)
        and not _CAVEAT.search(means)
        and not PLAN_WORDS.search(text)
        and not _UNKNOWN.search(text)
        and not _NOT_APPLICABLE.search(text)
        and not _WEAKER_AFTER.search(text)
    )


# Not the measure, but another means (「HSMじゃなくてAWS KMSで鍵管理」, folded 「hsmではなく、
# awskmsで鍵管理」): the first words name what is not used, the rest by what the job is done.
_NOT_THIS_BY_THAT = re.compile(
    r"^[^。、]{1,24}?ではなく[、,][^。、]{1,24}?((?<=[一-龥ァ-ヶーa-z0-9])で(?!す|し|は)|により|を使って|に(?=[^。、]{0,8}?(入れ|置い|保管|格納)))"
    r"(?![^。、]{0,12}?(だけ|のみ|一部|以外|予定|検討))"
)
# 「全件ではなく、サンプルで」「手動ではなく自動で」: how much or how, not another means.
_HOW_NOT_WHAT = re.compile(
    r"(全件|全部|すべて|全て|全員|毎回|毎日|毎月|常時|手動|手作業|人手|目視|自動|紙|口頭|定期)ではなく"
)
# The measure said absent or not yet, then a sentence or clause naming a means in force:
# 「停止しての打鍵確認はやってないっす。カナリアで1%ずつ流して、…自動ロールバック」「MFAはnot
# yetだけど、admin consoleはIP allowlistでoffice onlyにしてる」 — read 一部実施 before.
_NOT_YET_BUT = re.compile(r"^[^。、]{2,30}?まだ(です|だ|っす)?(が|けど|けれど)([、,]|(?=[^、,。]))")
# A rule in place but not in practice: 「規程はあるけど形だけで、実際は運用されてない」.
_FORM_NOT_PRACTICE = re.compile(
    r"(形だけ|名ばかり|形式的|形骸化|有名無実)[^。]{0,12}?(実際|実態|現場|運用上)(として|と)?(は|には|で(は)?)[、,]?"
    r"[^。]{0,16}?(運用され|守られ|使われ|行われ|実施され|守っ|従っ|やっ|回っ|動い)(て|で)?(い|お)?(ない|ません)"
)
# 「…エラー率見て自動ロールバック」: a means that runs by itself, said as a noun.
_AUTOMATIC_END = re.compile(r"自動[一-龥ァ-ヶー]{2,12}(です|っす|してる|している)?[。!]*$")
_IN_PRACTICE = re.compile(r"実務|運用(上|では|で|面)|現場|実際")
_MEANS_VERB = re.compile(r"自動|(で|により|を使って)[^。、]{0,12}?(管理|制御|確認|検知|監視|防)")


_WEAKER_WORD = re.compile(r"パスワード|ファイアウォール|fw|basic認証|ベーシック認証|ウイルス対策")
_WEAKER_THING = re.compile(
    r"[^。、]{0,10}?(?<![済み])(パスワード|ファイアウォール|fw|basic認証|ベーシック認証|ウイルス対策(ソフト)?)(は|だけ|のみ)"
    r"[^。、]{0,8}?(ある|あり|入って|入れて|かけて|設定して|使って|有効に(して|し))[^。、]{0,6}?[。!]*"
    # said bare: 「MFAなし、パスワードのみ」
    r"|(?<![済み])(パスワード|ファイアウォール|fw|basic認証|ベーシック認証|ウイルス対策(ソフト)?)(だけ|のみ)(です|だ|っす)?[。!]*"
)
# The substitute itself denied: 「代わりになるようなこともしてない」「代替策も特にありません」.
_NO_SUBSTITUTE = re.compile(
    r"(代わり|かわり|代替|補完)[^。、]{0,12}?(も|は)[^。、]{0,6}?(ない|ありません|なし|無し|して(い|お)?(ない|ません))"
    # said last (not 「代わりというわけではないですが、…」)
    r"(?=(です|っす|ね|よ|w)*([。!]|$))"
)
_NOT_ALLOWED = re.compile(r"原則|(認め|許可し|許し|許さ|させ)(て|で)?(い|お)?(ない|ません|ず|らず)")


# Who gets in: a measure that controls access (the asked one), and a block on getting in.
_ACCESS_ASKED = re.compile(
    r"mfa|2fa|多要素|二要素|2要素|二段階|2段階|ワンタイム|otp|トークン|証明書|認証|ロック|入退室|入館|生体|ip制限|vpn"
    r"|にだんかい|にようそ|たようそ|にんしょう"
)
_ACCESS_BLOCK = re.compile(
    r"(ログインでき|アクセスでき|接続でき|入れ|入ら|開か|開け|繋が|つなが|繋げ|つなげ|通れ|通さ|使え)(ない|ません|ず)"
)


# A sign-off or two people as the gate, said as a negative: 「二人の承認がないとできない」「2人
# 同時にカードかざさないと開かない」.
_GATE_SAID_NEGATIVE = re.compile(
    r"((承認|押印|レビュー)(が|を)?(ない|なし|無し|なければ|得ないと)|(二|2|ふた)(人|名|り)(同時に|揃って|で)?[^。、]{0,12}?(ないと|なければ))"
    r"[^。、]{0,10}?(ない|ません)"
)
# The weaker part that is done, said last: 「サーバ室は施錠のみ」 (not 「その鍵だけを即時失効」).
_BARE_ONLY_SAID = re.compile(
    r"(?<!から)(?<!で)(?<!経由)(?<!に)(?<!しか)(だけ|のみ)(です|だ|っす|で)?([、。,!]|$)"
)


def _said_as_block(text: str) -> bool:
    """The means after the absent measure said positively, or, for an access measure, a block
    on getting in said as a negative (「MFAは入れてないけど、社内ネットワークからしかログイン
    できない」); a block said as a negative after another measure asks (「ログの分析はしていません
    が、管理画面は社内IPからしか開けません」: another risk, as in the rules)."""
    before, after = _absent_split(text) or ("", "")
    if not _NEGATIVE.search(after):
        return True
    after = _GATE_SAID_NEGATIVE.sub("", after)
    if _ACCESS_ASKED.search(before):
        after = _ACCESS_BLOCK.sub("", after)
    return not _NEGATIVE.search(after)


# Scope words that name the same people (「管理者権限の申請書フローはない…特権は必要な時に…」).
_SAME_PEOPLE = {"管理者": "特権", "特権": "管理者"}


def _scope_is_the_topic(before: str, after: str) -> bool:
    """The scope named after the absent measure is that measure's own topic (named in the
    first clause too, or by a word for the same people): no part left out."""
    scope = _COVER_SCOPE.search(after)
    if scope is None:
        return False
    word = scope.group(1)
    return word in before or _SAME_PEOPLE.get(word, "\0") in before


def _absent_then_other(text: str) -> bool:
    """The asked measure said absent (or not yet) with no scope, then a means in force with no
    scope, gap or negation of its own: 代替策 or a part? Ask (for a confident 一部実施)."""
    split = _absent_split(text)
    if split is None:
        found = _NOT_YET_BUT.search(text)
        if found is None or PLAN_WORDS.search(text):
            return False
        split = text[: found.end()], text[found.end() :]
    before, after = split
    if (
        "〔" in before
        or len(after) < 6
        or _POSITIVE.search(before)
        or (
            _PARTIAL.search(_LIMIT_NEGATED.sub("ない", before))
            # the night or holiday left out is itself closed (as in `_absent_unsettled`)
            and not (_NIGHT_OR_HOLIDAY.search(before) and _NIGHT_OR_HOLIDAY.search(after))
        )
        or _COVER_SCOPE.search(before)
    ):
        return False
    rest = _means_rest(after, blocks=True)
    return bool(
        (not _scope_after(after) or _scope_is_the_topic(before, after))
        and not _NEGATIVE.search(rest)
        and not _ABSENT_GAP.search(after.replace("まだ", ""))
        and not _WEAKER_AFTER.search(after)
        and not _CAVEAT.search(after)
        and not _UNKNOWN.search(text)
        and not _no_then_weaker(text)
        and not _weaker_same_kind(text)
        # 「入退室管理システムはない。サーバ室は施錠のみ」: the weaker part that is done
        and not _BARE_ONLY_SAID.search(after)
        # 「規程はないけど、実務ではやっている」: the practice without its paper, a part
        and not _IN_PRACTICE.search(after)
        and (
            _POSITIVE.search(rest)
            or "〔限〕" in rest
            or _TELEGRAPHIC.search(rest)
            or _AUTOMATIC_END.search(rest)
        )
        and (
            _COVERING.search(after)
            or _conditional_block(after)
            or _CLOSING_MEANS.search(after)
            or _BY_MEANS.search(after)
            or _MEANS_VERB.search(after)
            or "〔限〕" in after
            or _MADE_IMPOSSIBLE.search(after)
        )
    )


# Nineteenth round (i19a). A terse reply: the measure absent, then one short phrase naming what
# stands in its place, with no verb of its own (「暗号化なし、閉域網のみ」「カメラ無し、警備員常駐」
# 「破壊対策ドアはないです、ビルの夜間シャッターと機械警備で」). The tables read such phrases as
# 代替策 (tuning57 and later) and as the weaker part that is done (「…サーバ室は施錠のみ」, a
# topic named): a confident 一部実施 or 未実施 asks, 代替策 guessed.
_TERSE_PHRASE = re.compile(r"[^。、,.;；!?？！]{2,24}")
_NAMED_NOUN = re.compile(r"[一-龥ァ-ヶーa-z0-9]{3,}")
_LATIN_WORD = re.compile(r"[a-z]{4,}")
_NONE_DOT = re.compile(r"(なし|無し|ない|ナシ)・")
# What makes the phrase weaker or a part: a topic (a scope), a degree, a doubt, a person's habit.
_TERSE_WEAK = re.compile(
    r"(?<=[一-龥ァ-ヶーa-z0-9])(は|には|では)|くらい|ぐらい|程度|一部|以外|たまに|時々|口頭|各自|標準|デフォルト"
    r"|そのまま|自分で|手元|個人|予定|検討|まだ|つもり|とか|考え|要望"
)


def _terse_absent_then_means(text: str, status: Status | None) -> bool:
    """The measure absent in a first short clause, then one verbless phrase (see above)."""
    if len(text) > 48:
        return False
    if "・" in text:  # 「暗号化なし・専用線のみ」: the dot breaks the two like a comma
        text = _NONE_DOT.sub(r"\1、", text)
    split = _absent_split(text)
    if split is None:
        return False
    before, after = split
    after = after.rstrip("。!！ ")
    if (
        not _TERSE_PHRASE.fullmatch(after)
        or len(before) > 24
        # the measure named, and a thing named after it (not 「今のところ」「いつかやる」, English)
        or not _NAMED_NOUN.search(before)
        or not _NAMED_NOUN.search(after)
        or _LATIN_WORD.search(after)
        or "〔" in text
        or _POSITIVE.search(before)
        or _PARTIAL.search(before)
        or _COVER_SCOPE.search(before)
        or _NEGATIVE.search(after)
        or _POSITIVE.search(after)
        or _TERSE_WEAK.search(after)
        or _ABSENT_GAP.search(after)
        or _WEAKER_AFTER.search(after)
        or _WEAKER_WORD.search(after)
        or _CAVEAT.search(after)
        or _UNKNOWN.search(text)
        or PLAN_WORDS.search(text)
        or _NOT_APPLICABLE.search(text)
    ):
        return False
    if status is Status.PARTIAL:
        # a bare 「…のみ」 names the means only when it closes something (「閉域網のみ」)
        return bool(_COVERING.search(after) or _CLOSING_MEANS.search(after))
    return True


# Equipped, not used: 「ラックに鍵はついてますが、施錠はしていません」「IDSのアラートはメールで来る
# けど、…対応はしてないです」 — the means is there and nobody uses it: 未実施 more than a part
# (tuning65 labels these 未実施; older tables label 「ログは取ってるけど見てない」 一部実施, which
# is left alone: a log kept is a part of logging). Ask, 未実施 guessed.
_EQUIPPED_UNUSED = re.compile(
    r"(ついて|付いて|備わって|搭載されて|含まれて|入って|来る|来ます|届く|届きます|飛ぶ|飛びます)(い|お)?(る|ます)?"
    r"(けど|けれど|ものの|が)[、,]?[^。]{0,16}?"
    r"(施錠|対応|有効化|使用|利用)(は|も)?(して|し|されて|され)(い|お)?(ない|ません)"
)


# English, folded: the measure negated, then the only way in (「MFA is not enforced, but they can
# only log in from the bastion host」 → 「mfa未実施、、が、theycanのみloginfromthebastionhost」): a
# block, or a part? Ask, 代替策 guessed.
_EN_NEGATED_THEN_ONLY_WAY = re.compile(
    r"(未実施|未導入|していません|しません|ない|なし|いいえ)[^。]{0,40}?"
    r"(can|could|may|are|is)(be)?のみ(log|login|signin|connect|access|reach|ssh|get|be)"
    r"[a-z]{0,20}?(from|via|through|over|behind|in)"
)


# English, folded: 「We don't run an IDS. VPC Flow Logs feed into Datadog with anomaly monitors that
# page on-call.」 → 「weしていません、anids。vpcflowlogs…monitorsthatpageon-call」: the measure said not
# run, then a sentence naming a means in force, nothing negated or planned in it. Ask, 代替策 guessed.
_EN_NOT_RUN_THEN = re.compile(r"^(we|they|i)?(していません|しません)、[a-z0-9\-]{2,30}。")
_EN_MEANS = re.compile(
    r"monitor|alert|page(s|d)?on-?call|oncall|review|reconcil|restrict|block|allowlist|whitelist"
    r"|rate-?limit|approv|encrypt|vpn|privatelink|clientcert|certificate|scan|bugbounty|mssp|soc(?![a-z])"
    r"|twopeople|twopersons|foureyes|immutable|rebuil|wiped|snapshot|replicat"
)
_EN_NOT_SETTLED = re.compile(
    r"[ぁ-ゖ一-龥]|but|some|except|notfor|yet|plan|nobody|never|sometimes|manual|adhoc|ad-hoc"
)


def _en_not_run_then_means(text: str) -> bool:
    found = _EN_NOT_RUN_THEN.match(text)
    if found is None:
        return False
    rest = text[found.end() :].replace("実施しています", "")
    return bool(_EN_MEANS.search(rest)) and not _EN_NOT_SETTLED.search(rest)


def _look_alike(text: str, status: Status | None) -> tuple[Status | None, Status | None] | None:
    """A confident reading the words do not settle, asked: (None, guess); or None."""
    if (
        status in (Status.PARTIAL, Status.DONE)
        # asked already: the guess only (「…故障してて誰でも通れます」 guessed 実施済み before)
        or (status is None and not _UNKNOWN.search(text))
    ) and (_BROKEN.search(text) or _ON_PAPER_ONLY.search(text)):
        return None, Status.NOT_DONE
    if (
        status is None
        and "〔" not in text
        and _absent_split(text) is not None  # (read by the rules already: cached)
        # a cover needs a same-risk pair or a covering means
        and (_ANY_ASKED.search(text) or _COVERING.search(text) or _conditional_block(text))
        # 「再委託は原則認めておらず、例外は事前承認制です」: a prohibition is the control itself
        and not _NOT_ALLOWED.search(text)
        and _absent_then_means(text) == "cover"
        and _said_as_block(text)
    ):
        # read before the rewrites (「専用端末なし、VDI経由のみ」 became 「…vdi〔済〕」): the
        # measure absent, then the only way in — 代替策
        return Status.ALTERNATIVE, None
    if status in (Status.PARTIAL, Status.NOT_DONE) and _terse_absent_then_means(text, status):
        return None, Status.ALTERNATIVE
    if (
        status is Status.PARTIAL
        and _EQUIPPED_UNUSED.search(text)
        and not _WHEN_OR_WHERE.search(text)
    ):
        return None, Status.NOT_DONE
    if (
        status is Status.NOT_DONE
        and text.startswith(("we", "they", "i", "して"))
        and _en_not_run_then_means(text)
    ):
        return None, Status.ALTERNATIVE
    if status is Status.PARTIAL and "のみ" in text and _EN_NEGATED_THEN_ONLY_WAY.search(text):
        return None, Status.ALTERNATIVE
    if status in (Status.DONE, Status.PARTIAL) and _RATHER_THAN.search(text):
        return None, Status.ALTERNATIVE
    if status is Status.PARTIAL and _FORM_NOT_PRACTICE.search(text):
        return None, Status.NOT_DONE  # a rule on paper, not run: 未実施 more than a part
    not_this = _NOT_THIS_BY_THAT.search(text) if status is Status.PARTIAL else None
    if (
        not_this
        and not _HOW_NOT_WHAT.search(text)
        # nothing negated after 「ではなく」 (「devはN/Aじゃなくて単に未対応です」)
        and not _NEGATIVE.search(text[text.index("ではなく") + 4 :])
    ):
        return None, Status.ALTERNATIVE
    if status is Status.PARTIAL and _absent_then_other(text):
        return None, Status.ALTERNATIVE
    if status is Status.ALTERNATIVE and _NO_SUBSTITUTE.search(text):
        # 「特に代わりになるようなこともしてないです」: the substitute itself denied — a gap
        return None, Status.NOT_DONE
    split = (
        _absent_split(text)
        if status in (None, Status.PARTIAL) and _WEAKER_WORD.search(text)
        else None
    )
    if split and _WEAKER_THING.fullmatch(split[1]) and not _COVER_SCOPE.search(text):
        # 「WAFはないけど、ファイアウォールはある」: the measure absent, then only the weaker
        # thing it builds on — a gap more than a part. Ask, 未実施 guessed.
        return None, Status.NOT_DONE
    if (
        status is Status.NOT_DONE
        and _NOTHING_KEPT.search(text)
        and _absent_split(text) is not None
        and not _WEAKER_AFTER.search(text)
        and not PLAN_WORDS.search(text)
    ):
        return None, Status.ALTERNATIVE
    split = _absent_split(text) if status is Status.PARTIAL and _GUARD_NO.search(text) else None
    if split and _GUARD_NO.search(split[0]) and _OTHER_WATCHER.search(split[1]):
        return None, Status.ALTERNATIVE
    if status in (None, Status.PARTIAL, Status.NOT_DONE) and _means_first_then_no(text):
        return None, Status.ALTERNATIVE
    if status is Status.PARTIAL and (
        _DRAFT_ONLY.search(text) or _IN_EFFECT_NONE.search(text) or _ONLY_THEN_NONE.search(text)
    ):
        return None, Status.NOT_DONE
    if status in (None, Status.PARTIAL, Status.DONE, Status.NOT_DONE) and _REASON_LINK.search(text):
        grade = _reason_then_no_grade(text)
        if grade == "block":
            # 「接続元は本社の固定IPだけに絞っているので、端末ごとの証明書は発行していません」:
            # a means that closes the risk by its function, given as the reason the measure
            # is not taken — 代替策, the covering rule the other way round (seventeenth round)
            return Status.ALTERNATIVE, None
        if grade == "fact" and status is not Status.NOT_DONE:
            return None, Status.ALTERNATIVE
    if status is Status.NOT_DONE and _HERE_ONLY_NOTHING_THERE.search(text):
        return None, Status.PARTIAL
    if (
        status in (None, Status.PARTIAL, Status.NOT_DONE)
        and _IN_PLACE_NOBODY_LOOKS.search(text)
        and not _WHEN_OR_WHERE.search(text)
        # 「SIEMはない。ログは溜まってるけど誰も見てない」: the measure said absent first — a gap
        and not _no_then_weaker(text)
    ):
        return None, Status.NOT_DONE
    return None


# Only this module's own patterns: those imported from reply_patterns were made fast there
# (made fast again, they would be compiled anew).
_OWN = {name: value for name, value in globals().items() if name not in vars(reply_patterns)}
fast_module(_OWN, rare=True)
globals().update(_OWN)
del _OWN
# Patterns whose searches on mid-length replies mostly find nothing: their worded
# alternatives passed over where the reply lacks their words (``by_words``; measured)
worded_module(
    globals(),
    (
        "_CONCEDED",
        "_RATHER_THAN",
        "_WEAKER_AFTER",
    ),
)
