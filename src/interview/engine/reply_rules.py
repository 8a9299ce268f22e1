"""Hand-written rules that read a verdict from a folded Japanese reply.

The reader looks for five kinds of signal in the folded text (see reply_normalize):
positive predicates (〜している, 〜済み, 運用中), negative ones (〜ていない, 〜ません, 未〜),
plans (予定, 検討中, 来期), limited scope (〜のみ, 一部, 〜以外は) and the words of the two
"no verdict" statuses (該当しない…, 分からない…). Words that only look negative are
neutralised first: a double negative (しないわけではない), a control phrased as a
prohibition (平文では保存しない), an absence of problems (問題はない), a purpose
(漏れないように). Then the signals are combined; mixed or hedged signals give "not sure"
with a best guess rather than a confident wrong status.

The shared patterns sit in reply_patterns, the rewrites in reply_rewrites, the shape
detectors in reply_shapes; this module keeps ``Reading``, ``is_status_key``, ``read``
and ``_verdict``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interview.engine.answers import Status
from interview.engine.reply_beyond import asks_back, beyond_early, beyond_rewrites, beyond_verdict
from interview.engine.reply_correction import corrected_tail
from interview.engine.reply_english import UNREAD_NEGATION
from interview.engine.reply_indirect import indirect_rewrites, indirect_verdict
from interview.engine.reply_patterns import (
    _ACCOUNT_HALT,
    _ACCOUNT_STOP,
    _ALL_NEGATIVE,
    _ALTERNATIVE,
    _ANYONE,
    _ASIDE,
    _ATTACHING,
    _BECOME_STATE,
    _BUSINESS_FACT,
    _CANNOT_BY_DESIGN,
    _CANNOT_SAY_DONE,
    _CAVEAT,
    _CHASE_UP,
    _CHECK_FOR,
    _CONDITIONAL,
    _CONTROL_NEGATION,
    _CONTROL_ONLY,
    _COUNT_FACT,
    _DATE,
    _DECIDED_NOT,
    _DEGREE,
    _DELIBERATED,
    _DOUBLE_NEGATIVE,
    _EARLIER_UNKNOWN,
    _EARLY_STAGE,
    _ECHO_QUESTION,
    _ENABLING,
    _FELL_THROUGH,
    _FIRST_STEP_ONLY,
    _FOLLOW_UP,
    _FREE_FOR_ALL,
    _FREQUENCY,
    _GAP_THOUGHT,
    _GROUNDWORK,
    _HARDLY,
    _HEDGE,
    _HEDGED_CLAIM,
    _HOLDING_OFF,
    _IN_SCOPE,
    _INTENT_THOUGHT,
    _INTENTION_IS,
    _KEPT_OUT,
    _LEAD_YES_NO,
    _LEFT_AS_FOUND,
    _LEFT_TO_OTHERS,
    _MARK_PAIR,
    _NEARLY_ALL,
    _NEGATIVE,
    _NEVER_COUNT,
    _NEVER_HAPPENS,
    _NEW_BUSINESS,
    _NO_ALTERNATIVE,
    _NO_EVENT_TOKEN,
    _NO_EXCEPTION,
    _NO_MECHANISM,
    _NO_NOUN_THEN,
    _NO_SUCH_BUSINESS,
    _NO_SUCH_PRACTICE,
    _NO_TROUBLE,
    _NO_TROUBLE_TOKEN,
    _NOBODY_ACTS,
    _NOMINAL,
    _NONE_THEN_ONLY_THIS,
    _NOT_APPLICABLE,
    _NOT_BEFORE_NOW,
    _NOT_EVEN,
    _NOT_IMPLEMENTED,
    _NOT_NOTHING,
    _NOT_REALLY_NEGATIVE,
    _NOT_SWITCHED_OFF,
    _NOTHING_TO_ACT_ON,
    _ON_THE_LIST,
    _ONLY_NEEDED,
    _ONLY_THIS_THEN_NONE,
    _OPEN_TO,
    _OTHERS_STATE_UNKNOWN,
    _PARTIAL,
    _PASSIVE_HABIT,
    _PLAN_BEING_DRAWN,
    _PLAN_ONLY,
    _PLAN_THEN_ONLY_NOW,
    _PLAN_VERB,
    _POS_TOKEN,
    _POSITIVE,
    _PROBLEM_EXISTS,
    _QUESTION,
    _QUESTION_WORDS,
    _REASON_EXISTS,
    _REFUSAL,
    _RELIANCE,
    _REPORTING,
    _RESOLVED,
    _RISK_ACCEPTED,
    _RULE_DEADLINE,
    _RULE_HABIT,
    _RULE_IN_FORCE,
    _RUN_ON,
    _SCOPE_FACT,
    _SESSION_REMARK,
    _SLIPPED_SCHEDULE,
    _STANDPOINT,
    _STOPS_ATTACKS,
    _SWITCHED_OFF_OR_WEAK,
    _SYSTEM_ACTS,
    _TALK_OF_DOING,
    _TELEGRAPHIC,
    _TIME_STOP,
    _TOO_COSTLY_THEN_MEANS,
    _TOPIC,
    _TOTAL_NEGATIVE,
    _UNDISCLOSED,
    _UNKNOWN,
    _WAS_OUT_OF_SCOPE,
    _WEAK_EXTENT,
    _WHERE_UNKNOWN,
    _WILL,
    _WISH_BUT_SHORT,
    _WORKS_UNKNOWN,
    _no_trouble,
)
from interview.engine.reply_plan import PLAN_WORDS
from interview.engine.reply_predicates import fold_predicates
from interview.engine.reply_rewrites import _everyday_rewrites
from interview.engine.reply_shapes import (
    _absent_then_means,
    _available_unused,
    _bare_mix,
    _clauses,
    _closed_by_design,
    _count_share,
    _done_beside_unchecked,
    _done_beside_unknown,
    _done_elsewhere,
    _headline_no,
    _limited_beside_not_applicable,
    _look_alike,
    _mark_list,
    _means_after_negative,
    _means_then_no,
    _means_with_own_topic,
    _negated_first_then_means,
    _negated_measure_then_means,
    _negated_then_unread_means,
    _negative_answer_first,
    _negative_then_elaboration,
    _no_then_in_force,
    _no_then_weaker,
    _other_means_after_no,
    _outside_party_instead,
    _owned_unused,
    _past_only,
    _unread_contrast,
    _unread_part,
    _weaker_same_kind,
)
from interview.engine.reply_turns import turn_rewrites, turn_verdict

# English, folded (no blanks): a means that closes the risk by itself, or says it covers it.
_EN_COVERING = re.compile(
    r"coversit|coversthat|coversthis|covered|instead|ratelimit|rate-limit|twopeople|twopersons|tworeviewers"
    r"|foureyes|four-eyes|reconcil|allowlist|whitelist|mtls|viathevpn|viavpn|vpnonly|blocked|blocks|restricted"
    r"|のみreachable|clientcert|hardwarekey|securitykey|yubikey|just-in-time|justintime|auto-expire|autoexpire"
    r"|dedicatedline|closednetwork|privatenetwork|privatelink|righttoaudit|audit right"
)
# English, folded: a means given as the reason the measure is left out (「…privatelink、soweして
# いません、thepayload…」「weしていません、…sinceeverythingisbehind…」): 代替策 the other way round.
_EN_REASON_THEN_NO = re.compile(
    r"、so(we|i|they)?(していません|しません)|(していません|しません)、[a-z0-9]{0,40}?(since|because|aseverything|asall)"
)
# 「できているとは言い難いです、手順もないので」: the answer, then a lack of means as the reason
_ANSWER_THEN_LACK = re.compile(
    r"(です|ません|ない|未実施)[、。,][^。]{0,12}?(手順|仕組み|ルール|規程|体制|人|人手|予算|余裕|時間|設定|担当)?"
    r"(も|が|は)?[^。、]{0,6}?(ない|無い|して(い)?ない|いない)(ので|から)$"
)
# 「…、次の質問お願いします」: the request to go on, after an answer
_NEXT_PLEASE = re.compile(
    r"[^、。,]{2}[、。,](では|じゃあ|じゃ)?[、,]?(次|つぎ)(の質問|の項目|の設問)?(に|へ|を)?[^、。]{0,8}"
    r"(お願い|おねがい|どうぞ|進んで|進め|行って|いって|行きましょう)[^、。]{0,6}[。!！]*$"
)
# 「警備員なし、カメラあり」: a part, or another means?
_TERSE_NONE_SOME = re.compile(r"[^、。]{1,20}(なし|無し)[、,][^、。]{1,20}(あり|有り|済み?)[。!]*")
# A small firm, then 「…とかない」: no such thing here (a room, a department), said casually.
_SMALL_TEAM_NO_SUCH = re.compile(
    r"((社員|従業員|スタッフ|メンバー|全員|全社)[^。、]{0,3}?\d+(人|名)|\d+(人|名)(しか|だけ)(い|居))"
    r"[^。]{0,16}?(とか|なんて)(は|も)?(ない|ありません|ございません)"
)


@dataclass(frozen=True)
class Reading:
    status: Status | None
    guess: Status | None
    is_question: bool
    has_plan: bool


def _plan_only(text: str) -> bool:
    return bool(PLAN_WORDS.search(text))


def is_status_key(folded: str) -> bool:
    """A reply that is only a status key (1–5, or 1–6 with a sixth status)."""
    return len(folded) == 1 and "1" <= folded <= str(len(Status))


def read(folded: str) -> Reading:
    """The verdict of one folded reply."""
    if not folded:
        return Reading(None, None, False, False)
    if is_status_key(folded):
        keyed = list(Status)[int(folded) - 1]
        return Reading(keyed, keyed, False, False)
    tail = corrected_tail(folded)
    if tail is not None:  # 「はい、いや、まだです」: the words after the correction count
        corrected = read(tail)
        if corrected.status is not None or corrected.guess is not None:
            return corrected
    echo = _ECHO_QUESTION.match(folded) if "?" in folded or "？" in folded else None
    if echo:  # 「深夜のアクセス分析？全然やれてないっす」: the topic echoed, then the answer
        answered = read(folded[: echo.end()].rstrip("?？") + "、" + folded[echo.end() :])
        if answered.status is not None and not answered.is_question:
            return answered
    reported = _STANDPOINT.sub("", _REPORTING.sub("", _EARLIER_UNKNOWN.sub("", folded)))
    text = _INTENT_THOUGHT.sub("予定", reported or folded)
    text = _BECOME_STATE.sub(r"\1です", text)
    text = fold_predicates(turn_rewrites(beyond_early(text)))
    text = turn_rewrites(text)  # 「未締結の委託先はゼロ」「検証：未」「MFA済」
    text = indirect_rewrites(text)  # 「…だけでなく」: not a scope
    text = beyond_rewrites(text)  # 「受からないと…もらえない」「宿題として残って」
    text = re.sub(
        r"^(お|ご)(見込み|認識|理解|指摘)の(通り|とおり)", "その通り", text
    )  # 「お見込みのとおり」
    text = _NOMINAL.sub("名目上", text)  # before 〜ないよう reads as a purpose
    text = _IN_SCOPE.sub("〔対象〕", text)  # 「該当する業務はありますが」: scope, not a done part
    text = _RISK_ACCEPTED.sub("見送", text)  # 「リスク受容としています」: nothing done
    text = _GAP_THOUGHT.sub("課題", text)
    text = _CONDITIONAL.sub("〔条〕", text)
    text = _REFUSAL.sub(_POS_TOKEN, text)
    text = _NOT_NOTHING.sub("一部は実施", text)  # before the plain double negative
    text = _DOUBLE_NEGATIVE.sub(_POS_TOKEN, text)
    text = _ON_THE_LIST.sub("未着手です", text)
    text = _PLAN_BEING_DRAWN.sub("検討中", text)
    text = _EARLY_STAGE.sub("検討中", text)
    text = _ONLY_NEEDED.sub("〔穴〕", text)
    text = _NO_TROUBLE.sub(_no_trouble, text)
    text = _DECIDED_NOT.sub("見送", text)  # before 〜しないことにしている reads as a control
    text = _NOT_REALLY_NEGATIVE.sub(_POS_TOKEN, text)
    text = _CONTROL_ONLY.sub(_POS_TOKEN, text)
    text = _NO_SUCH_PRACTICE.sub("〔無〕なし", text)
    text = _RULE_DEADLINE.sub("〔則〕", text)
    text = _ANYONE.sub("〔穴〕", text)
    if _POSITIVE.search(text):
        text = _NO_EXCEPTION.sub("", text)
    text = _FREE_FOR_ALL.sub("〔穴〕", text)
    text = _NEVER_COUNT.sub("未実施", text)
    text = _NOT_SWITCHED_OFF.sub(_POS_TOKEN, text)
    text = _SWITCHED_OFF_OR_WEAK.sub("〔穴〕", text)
    text = _TALK_OF_DOING.sub("", text)
    text = _PLAN_ONLY.sub("予定です", text)
    text = _PROBLEM_EXISTS.sub("〔懸〕", text)
    text = _DELIBERATED.sub("", text)
    text = _WAS_OUT_OF_SCOPE.sub("未対応だが", text)
    text = _LEFT_AS_FOUND.sub("未対応", text)
    text = _everyday_rewrites(text)
    text = _CHECK_FOR.sub("〔査〕", text)
    text = _CHASE_UP.sub(r"〔督〕\3", text)
    text = _CANNOT_BY_DESIGN.sub("〔防〕", text)
    text = _OPEN_TO.sub("〔穴〕", text)
    if not _DEGREE.search(text):
        text = _CANNOT_SAY_DONE.sub("未実施", text)
    text = re.sub(r"(ほぼ|ほとんど)(何|なに)も", "何も", text)  # 「ほぼ何もしていない」: nothing
    text = _UNDISCLOSED.sub("〔秘〕", text)
    text = _WORKS_UNKNOWN.sub("〔効〕", text)
    text = _NEW_BUSINESS.sub("〔新〕", text)
    text = _REASON_EXISTS.sub(r"〔在〕\2", text)
    if "方針" in text and re.search(
        r"未着手|まだ|これから|手つかず|未(整備|対応|実施|導入|策定)", text
    ):
        # 「更改のタイミングで対応する方針ですが、現時点では未着手です」: a plan, not a rule in force
        text = re.sub(r"(する|行う|進める|入れる)方針(です|だ|で)?", r"\1予定\2", text)
    has_plan = bool(PLAN_WORDS.search(text))
    status, guess = _verdict(text, has_plan)
    status, guess = turn_verdict(
        text, status, guess, has_plan, folded
    )  # the now, a draft, in-house
    status, guess = indirect_verdict(folded, status, guess)  # kept only, broken, on paper
    status, guess = beyond_verdict(folded, status, guess)  # hearsay unseen, 「そこはなし」
    weaker = _no_then_weaker(text)
    if weaker and (
        status in (Status.PARTIAL, Status.DONE, Status.ALTERNATIVE)
        or (status is None and guess is not None and guess is not Status.UNKNOWN)
    ):
        # 「IP制限はかけてない。管理画面はBasic認証を挟んでるだけで、誰でも外から試せる状態」: the
        # measure is absent and what is named beside it does not cover the risk — a gap
        status, guess = Status.NOT_DONE, None
    elif (status or guess) in (Status.PARTIAL, Status.NOT_DONE, Status.DONE) and _means_then_no(
        text
    ):
        # 「専用線による閉域網で接続しているため、通信の暗号化は行っておりません」: a means that
        # closes the risk, given as the reason the measure is not taken — 代替策, or 該当なし as
        # some read it? Ask, with 代替策 guessed.
        status, guess = None, Status.ALTERNATIVE
    elif status in (Status.PARTIAL, Status.NOT_DONE) and _no_then_in_force(text):
        # 「通信の暗号化はしていない。専用線の閉域網で接続しているので…」「夜間の監視要員はいません。
        # 夜22時から朝7時まではAPIの更新系を閉じています」: the measure is absent, then something
        # else is in force with no part or gap of its own — 代替策, a part, or a gap? Ask.
        status, guess = None, Status.ALTERNATIVE
    elif (
        status is Status.PARTIAL
        and "のまま" in text
        and not _POSITIVE.search(text)
        and not _PARTIAL.search(re.sub(r"(未対応|未設定)のまま", "", text))
    ):
        # 「前回から進んでません、まだ未対応のままです」: nothing done, said twice — unless a part
        # is named (「開発環境は未対応のままです」: the others done?), which asks
        status, guess = (None, Status.NOT_DONE) if _TOPIC.search(text) else (Status.NOT_DONE, None)
    elif status is Status.PARTIAL and _ONLY_THIS_THEN_NONE.search(text):
        # 「各自がAPIキーを環境変数に設定しているだけで、専用の鍵管理サービスもルールもありません」:
        # what is done is the bare minimum, then what is missing — a gap more than a part. Ask.
        status, guess = None, Status.NOT_DONE
    elif status is Status.PARTIAL and re.search(
        r"(poc|検証|試験|テスト|トライアル|パイロット)(の)?(段階|中)[^。]{0,10}?本番(では|は|に(は)?|で(は)?)?(まだ|未)",
        text,
    ):
        # 「PoCの段階で本番ではまだです」: tried, not in force — 未実施 or a part? Ask.
        status, guess = None, Status.NOT_DONE
    elif status is Status.UNKNOWN and _OTHERS_STATE_UNKNOWN.search(text):
        # 「連鎖接続先の対策状況は把握できておりません」: not known — or no oversight of them
        # (the control itself)? The tables read both. Ask, with 不明 guessed.
        status, guess = None, Status.UNKNOWN
    elif status is Status.PARTIAL and (
        _NONE_THEN_ONLY_THIS.search(text) or _PLAN_THEN_ONLY_NOW.search(text)
    ):
        # 「NDAは結んでないですね、口頭で伝えてるだけ」「MFAは検討中で、今はパスワードだけです」:
        # the measure not done, then only the bare minimum — a gap more than a part. Ask.
        status, guess = None, Status.NOT_DONE
    elif status is Status.PARTIAL and _WISH_BUT_SHORT.search(text):
        # 「二人体制にしたいんですけど、人が足りなくて一人で全部やってます」: the control wished
        # for, and what is done without it — a gap more than a part. Ask, with 未実施 guessed.
        status, guess = None, Status.NOT_DONE
    absent_then = (
        _absent_then_means(text) if status is not Status.NOT_APPLICABLE and not weaker else ""
    )
    if absent_then != "cover" and "〔" in text and status is not Status.NOT_APPLICABLE:
        # read before the rewrites too: 「…接続元IPを本社に絞ってる」 became a token
        absent_then = _absent_then_means(reported or folded, families_only=True) or absent_then
    if absent_then == "cover":
        # 「警備員なし。ICカード入館のみ」「当行では回線の暗号化は行っておりませんが、接続先とは
        # 専用線による閉域網で接続しております」: the asked measure absent, then a means in force
        # that closes the same risk, with no gap, part, plan or scope after it — 代替策
        status, guess = Status.ALTERNATIVE, None
    elif (
        absent_then == "named"
        and status in (Status.NOT_DONE, Status.PARTIAL)
        and not _weaker_same_kind(text)
    ):
        # 「IDSなし、SOCに24h監視を委託」: the measure absent, then some other means in force —
        # 代替策, a part or a gap? The words do not say which. Ask, with 代替策 guessed.
        status, guess = None, Status.ALTERNATIVE
    elif (
        absent_then == "fact"
        and status is Status.NOT_DONE
        and not _weaker_same_kind(text)
        and not _TERSE_NONE_SOME.fullmatch(text)
        # 「窓口は設けておらず、フォームで一律に受け付けています」: how things stand, a gap
        and not _negative_then_elaboration(text)
    ):
        # 「専用の窓口は作っておらず、問い合わせは代表電話で受けています」: the measure absent,
        # then any other fact in force with no gap of its own — a gap described, or what is
        # done instead? Ask, with 未実施 guessed (the tables' reading of the shape so far).
        status, guess = None, Status.NOT_DONE
    if status in (None, Status.ALTERNATIVE) and _weaker_same_kind(text):
        status, guess = None, Status.NOT_DONE  # 「MFAはないけど、パスワードは12文字以上」: the gap
    elif status in (Status.PARTIAL, Status.DONE, Status.ALTERNATIVE) and _NOBODY_ACTS.search(text):
        # 「通知はどこにも飛ばしてない」「Snykは入れただけで誰も見てない」: in place, its output
        # goes nowhere or it was only installed — 未実施 more than a part. Ask, 未実施 guessed.
        status, guess = None, Status.NOT_DONE
    elif status is Status.ALTERNATIVE and _HEDGED_CLAIM.search(text):
        status, guess = None, Status.ALTERNATIVE  # 「…RAIDなので大丈夫かと」: covered, or hoped?
    elif status is Status.NOT_DONE and _TERSE_NONE_SOME.fullmatch(text):
        status, guess = (
            None,
            Status.PARTIAL,
        )  # 「警備員なし、カメラあり」: a part, or another means?
    look_alike = _look_alike(text, status)
    if look_alike is None and "〔" in text:  # the rewrites may have folded the shape into a token
        look_alike = _look_alike(reported or folded, status)
    if (
        look_alike is None
        and status is Status.NOT_DONE
        and _EN_REASON_THEN_NO.search(text)
        and _EN_COVERING.search(text)
    ):
        look_alike = (
            None,
            Status.ALTERNATIVE,
        )  # 「Everything is behind a private link, so we don't …」
    if look_alike is not None:
        # 「NDAのひな形はあるけど、まだどの委託先とも結んでない」「…という作りなので、検知
        # システムは持っていません」「…LBにだけ。内部APIには何も置いてない」: ask
        status, guess = look_alike
    if status is Status.NOT_DONE and _SMALL_TEAM_NO_SUCH.search(text):
        # 「社員5人でサーバ室とかないっすw」: no such thing in a small firm — 該当なし, or a gap? Ask.
        status, guess = None, Status.NOT_APPLICABLE
    if status in (Status.NOT_DONE, Status.PARTIAL, Status.DONE) and _BUSINESS_FACT.search(text):
        status, guess = None, Status.NOT_APPLICABLE  # 「委託はしていません」: why n/a, or a gap?
    elif (
        status is Status.DONE
        and re.search(r"(ので|ため|為|から)$", text)
        and not re.search(r"済|完了|実施|対応|導入|整備|運用|〔", text)
        and not _FREQUENCY.search(text)
    ):
        status, guess = None, Status.DONE  # 「個人でやってるので」: a reason, for what?
    if status is not Status.UNKNOWN and _SESSION_REMARK.search(text):  # 「前回の続きから…」
        return Reading(None, None, False, has_plan)
    if (
        (_ASIDE.search(text) or _ATTACHING.search(text))
        and status is not Status.UNKNOWN
        # 「実施済みです、次の質問お願いします」: an answer, then the request to go on
        and not (status is not None and _NEXT_PLEASE.search(text))
    ):  # 「ちょっと席を外します」
        # 「これ前にも似た質問なかった？」: a remark about the session, asked as a question
        asked = bool(re.search(r"[?]$", text))
        return Reading(None, None if asked else guess or status, asked, has_plan)
    if (
        _QUESTION_WORDS.search(text)
        or asks_back(text)
        or (status not in (Status.UNKNOWN, Status.NOT_APPLICABLE) and _QUESTION.search(text))
    ):
        return Reading(None, guess or status, True, has_plan)
    if status is Status.DONE and UNREAD_NEGATION in text:  # 「…, we haven't really X'd」
        return Reading(None, status, False, has_plan)
    polite_reason = status is Status.NOT_APPLICABLE and re.search(r"ため|ので|から", text)
    if status not in (None, Status.UNKNOWN) and _HEDGE.search(text) and not polite_reason:
        return Reading(None, status, False, has_plan)
    return Reading(status, guess or status, False, has_plan)


def _verdict(text: str, has_plan: bool) -> tuple[Status | None, Status | None]:
    """(status, guess): status None means not sure, with guess as the best bet."""
    lead = _LEAD_YES_NO.match(text)
    if lead and lead.end() < len(text):
        # 「はい、まだです」「いいえ、問題ありません」: a yes or no against the rest? Ask.
        reading, _ = _verdict(text[lead.end() :], has_plan)
        if lead.group("yes") and reading is Status.NOT_DONE:
            rest = text[lead.end() :]
            if re.match(
                r"(でも|ただ|ただし|但し|しかし|けど|けれど)[、,]?", rest
            ) and _TOPIC.search(rest):
                return Status.PARTIAL, None  # 「はい、でも委託先はまだです」: yes, but one part not
            return None, Status.NOT_DONE
        if (
            not lead.group("yes")
            and (
                reading in (Status.DONE, None)
                # 「No hardware tokens. Admin access is only possible from…」: English "only"
                or (reading is Status.PARTIAL and re.search(r"[a-z]のみ[a-z]", text))
            )
            and _NO_NOUN_THEN.match(text[lead.end() :])
        ):
            # 「No WAF. We run everything behind API Gateway…」: the measure is absent, then what
            # is done instead — 代替策, or a gap described? Ask, with 代替策 guessed.
            # 「No rate limiting. We do have CAPTCHA on signup, but the login endpoint is open.」:
            # the means named is said not to cover the risk — a gap more likely. Ask.
            after_means = text[lead.end() :].split("。", 1)[-1]
            if re.search(r"(が|けど)、[^。]{0,40}?は(未対策|未実施|まだ)", after_means):
                return None, Status.NOT_DONE
            if (
                "。" in text[lead.end() :]
                and _EN_COVERING.search(after_means)
                and not re.search(
                    r"[ぁ-ゖ一-龥]|but|some|except|notfor", after_means.replace("のみ", "")
                )
            ):
                # 「No lockout. We rate-limit login attempts to 10 per minute per account.」「No
                # tamper detection. Two people reconcile the ledger every day.」: 代替策
                return Status.ALTERNATIVE, None
            return None, Status.ALTERNATIVE
        if not lead.group("yes") and reading is Status.DONE:
            return None, Status.DONE
    text = _RELIANCE.sub("属人", text)
    text = re.sub(
        r"(と|とは)(思|考え)っ?て(い|お)?(た|ました)", "〔旧〕", text
    )  # a past belief: a reason
    text = re.sub(r"(と|とは)思って(い|お)(る|ます|ります|り)", "と思う", text)
    text = _ACCOUNT_STOP.sub(lambda m: m.group(0)[: -len(m.group(3))] + "無効化", text)
    text = _ACCOUNT_HALT.sub(r"\1無効化し", text)
    text = _STOPS_ATTACKS.sub(r"\1\2防いで", text)
    text = _TIME_STOP.sub(
        r"\1\2\3〔時止〕て", text
    )  # 「総当たりは止めてる」: blocked, not held off
    text = _FELL_THROUGH.sub("見送", text)
    text = _HOLDING_OFF.sub("見送", text)
    facts = _PLAN_VERB.sub("〔予〕", _INTENTION_IS.sub("予定", text))
    positive = bool(_POSITIVE.search(facts)) or bool(_RULE_IN_FORCE.search(facts))
    if not positive and _NO_TROUBLE_TOKEN in text and not _NEGATIVE.search(text):
        positive = True  # 「監査での指摘事項はありません」
    no_event_only = (
        not positive and _NO_EVENT_TOKEN in text and not _NEGATIVE.search(text)
    )  # 「特に問題は起きていません」: asked below, if nothing else gives a verdict
    if _ENABLING.search(text) or _INTENTION_IS.search(text):  # 「予算がついたら導入します」
        has_plan = True
    elif not positive and not has_plan and _RULE_HABIT.search(facts) and not _NEGATIVE.search(text):
        positive = True
    if not positive and not has_plan and _PASSIVE_HABIT.search(facts) and "誰でも" not in facts:
        positive = True
    if positive and _CONTROL_NEGATION.search(text):
        rest = _CONTROL_NEGATION.sub(_POS_TOKEN, text)
        if not _NEGATIVE.search(rest) and not _PARTIAL.search(rest):
            text = rest  # 「直接扱うことはなく、すべてHSM内で処理しています」
    telegraphic_date = False
    if not positive and _TELEGRAPHIC.search(facts):
        positive = True
        telegraphic_date = (
            bool(_DATE.search(text))
            and not re.search(r"済|完了", text)
            and not _FREQUENCY.search(text)
        )
    # whether the reply holds a no, and a part: looked for when first asked (many replies are
    # settled before either is)
    known: dict[str, bool] = {}

    def negative() -> bool:
        found = known.get("negative")
        if found is None:
            found = known["negative"] = bool(_NEGATIVE.search(text))
        return found

    def partial() -> bool:
        found = known.get("partial")
        if found is None:
            found = known["partial"] = bool(_PARTIAL.search(text)) or _count_share(text)
        return found

    if (
        _NOTHING_TO_ACT_ON.search(text)
        and re.search(r"ため|ので|から|為|内製|自社開発|自前", text)
        and not has_plan
    ):
        return Status.NOT_APPLICABLE, None  # 「自社開発のため、委託先は存在しません」
    if _NOT_APPLICABLE.search(text):
        if re.search(r"(対象外|範囲外|適用外)の[^、。]{0,8}(も|が)(ある|あります|あり|存在)", text):
            return Status.PARTIAL, None  # 「ISMSの範囲外の部署もあります」: a part left out
        if _limited_beside_not_applicable(text):  # 「社員のみ対象で、委託先社員は対象外」
            return Status.PARTIAL, None
        if re.search(
            r"まだ[^。、]{0,4}?(対象外|範囲外)|(対象外|範囲外)[^。]{0,24}?(予定|広げ|拡大|拡げ)",
            text,
        ):
            # 「…は予算の都合でまだ対象外です。来年度に範囲を広げる予定です」: a part left
            return (Status.PARTIAL, None) if positive else (None, Status.NOT_DONE)
        if _done_elsewhere(text):  # 「①は実施、③は該当なし」: which one?
            return None, Status.PARTIAL
        na_at = _NOT_APPLICABLE.search(text)
        if na_at and re.search(
            r"(状況|中身|実態|詳細)(は|が|も)?[^、。]{0,4}?(存じ|わから|分から|不明|把握して(い|お)?(ない|ません))",
            text[na_at.end() :],
        ):
            # 「弊社の範囲外で…管轄のため、状況は存じ上げません」: out of the answerer's hands,
            # and its state not known — 不明, or 該当なし? Ask, with 不明 guessed.
            return None, Status.UNKNOWN
        return Status.NOT_APPLICABLE, None
    if _UNKNOWN.search(text):
        if _done_beside_unchecked(text):  # 「社内は対応済みですが、委託先はまだ確認できていません」
            return Status.PARTIAL, None
        if _done_beside_unknown(text):  # 「本番は対応済みですが、委託先の状況はわかりません」
            return None, Status.PARTIAL
        if (
            _WHERE_UNKNOWN.search(text)
            and not _UNKNOWN.search(_WHERE_UNKNOWN.sub("", text))
            and re.search(
                r"(して|やって|でき)て?(い|お)?(ない|ません|おらず)", _WHERE_UNKNOWN.sub("", text)
            )
        ):
            # 「取得も保管もしていないです。どこに残っているかも把握できていない」: the gap, and
            # where things are is not known either. Ask, with 未実施 guessed.
            return None, Status.NOT_DONE
        sentences = [t for t in text.split("。") if t]
        if (
            len(sentences) >= 2
            and _NEGATIVE.search(sentences[0])
            and not _UNKNOWN.search(sentences[0])
            and not _POSITIVE.search(sentences[0])
            and re.search(r"(ので|ため|から)", text.split("。", 1)[1])
        ):
            # 「鍵の管理ルールはありません。…把握しきれていないので、…」: the no comes first; the
            # not-knowing is part of the gap. Ask, with 未実施 guessed.
            return None, Status.NOT_DONE
        unknown_at = _UNKNOWN.search(text)
        later = _clauses(text[unknown_at.end() :])[1:] if unknown_at else []
        if any(
            _NEGATIVE.search(c)
            and not _UNKNOWN.search(c)
            and not _POSITIVE.search(c)
            and not re.search(
                r"すみません|申し訳|すいません|(返事|回答|返答|連絡)(が|は)|不在|休み|出張|外出", c
            )
            for c in (sentences[1:] if len(sentences) >= 2 else later)
        ):
            # 「委託先の管理状況は把握できていません。報告も求めていないです」: not knowing, and
            # a no of its own — the gap, or not known? Ask, with 未実施 guessed.
            return None, Status.NOT_DONE
        return Status.UNKNOWN, None
    if _ALTERNATIVE.search(text):
        if (
            _NO_ALTERNATIVE.search(text)
            or (has_plan and not positive)
            or (_ALL_NEGATIVE.search(text) and not positive)
        ):
            return Status.NOT_DONE, None  # 代替策を検討中: nothing in place yet
        if re.search(r"一部(の)?[^、。]{0,10}?(だけ|のみ)", text):
            return Status.PARTIAL, None  # 「代わりの手段で対応しているのは一部のシステムだけ」
        if (
            (
                re.search(r"(で|により|によって)カバー済", text)
                # 「ISMSでカバーしています」「研修でカバーしてます」: the measure is part of a
                # programme or a document — done, or another means? Ask.
                or re.search(
                    r"(isms|iso|pマーク|規程|規定|研修|教育|ポリシー|方針|就業規則|契約|約款|ガイドライン|手順書|マニュアル)"
                    r"[^、。]{0,6}?(で|により|によって|の(中|なか|範囲)で)カバー(して|され|し)",
                    text,
                )
            )
            and not negative()
            and not re.search(r"代わり|代替|代え|別の?|他の|ほかの", text)
        ):
            return None, Status.DONE  # 「入社時と年1回の研修でカバー済みです」: the measure itself?
        return Status.ALTERNATIVE, None
    if _HEDGE.search(text) and re.search(
        r"確認|確かめ|不安|自信|見つか(ら|り)|見当たら|わから|不明", text
    ):
        return Status.UNKNOWN, None
    will = bool(_WILL.search(text))
    if will and not positive:
        if _FREQUENCY.search(text) and not has_plan:  # 「毎月確認します」, not 「今後は毎月…」
            positive = True
        elif _SYSTEM_ACTS.search(text) and not has_plan:
            positive = True  # 「セッションは15分で自動タイムアウトします」: what the system does
        else:
            has_plan = True
    if _SLIPPED_SCHEDULE.search(text):  # a rule in force that was missed, or a plan?
        return None, Status.PARTIAL
    if _past_only(text):
        return Status.NOT_DONE, None
    now = _NOT_BEFORE_NOW.search(text)
    if now:  # 「以前は未対応でしたが、昨年から実施しています」: the gap is past
        since = text[now.end() :]
        if (
            (_POSITIVE.search(since) or _TELEGRAPHIC.search(since))
            and not _NEGATIVE.search(since)
            and not _PARTIAL.search(since)
            and not PLAN_WORDS.search(since)
            and not _CAVEAT.search(since)
        ):
            return Status.DONE, None
    if _HARDLY.search(text):
        if positive:  # 「手順はあるものの、あまり守られていない」
            return Status.PARTIAL, None
        return None, Status.NOT_DONE
    if negative() and _RUN_ON.search(text):  # 「社員教育は実施委託先への教育は未実施」
        return Status.PARTIAL, None
    if _NOT_IMPLEMENTED.search(text) and _GROUNDWORK.search(text) and not _PARTIAL.search(text):
        return Status.NOT_DONE, None  # 「経営陣の理解は得られていますが、実行はこれからです」
    if (
        not positive
        and "〔予〕" in facts
        and re.search(r"(それ|これ)(だけ|くらい|ぐらい|程度)", text)
    ):
        return Status.NOT_DONE, None  # 「話題には上がっていますが、それだけです」
    if _NO_MECHANISM.search(text) and (_WEAK_EXTENT.search(text) or "属人" in text):
        return Status.NOT_DONE, None  # 「仕組みはなく、担当者がたまに見る程度です」
    if (_FIRST_STEP_ONLY.search(text) or _NOT_EVEN.search(text)) and not _PARTIAL.search(
        re.sub(r"[^。]{0,12}?(すら|さえ)", "", _FIRST_STEP_ONLY.sub("", text))
    ):
        return Status.NOT_DONE, None  # 「見積もりを取っただけで、導入はしていません」
    if positive and _owned_unused(text):
        return Status.NOT_DONE, None  # 「WAFは契約していますが、有効にしていません」
    if re.search(
        r"例外は[^。]{0,24}?(承認|許可|申請)[^。]{0,12}?(だけ|のみ|に限)", text
    ) and re.search(r"禁止|認めて(い|お)?(ない|らず|ません)", text):
        # 「持ち出しは禁止で、例外は上長の承認をとった場合だけです」: a rule with its exception
        # (done), or a limit? The tables read both ways: ask.
        return None, Status.DONE
    if re.search(
        r"(ない|ません|おらず)[、,。][^。]{0,16}?(した|された|済みの|済の)(もの|データ|端末|アカウント)(だけ|のみ)",
        text,
    ):
        # 「本番の個人情報は使わせていません、マスキングしたものだけです」: only the safe form is
        # allowed (a control), or only a part is done? Ask.
        return None, Status.DONE
    if re.fullmatch(
        r"[^。、]{1,20}(なし|無し|ない)[、,][^。、は]{1,20}で[。!]?", text
    ) and not _PARTIAL.search(text):
        # 「OTPなし、FIDO2で」: the measure absent, another named — 代替策, or how it is done? Ask.
        return None, Status.ALTERNATIVE
    if _LEFT_TO_OTHERS.search(text) and not _UNKNOWN.search(text) and not has_plan:
        # 「グループ会社の共通基盤を使っていて、設定は向こう任せです」: someone else holds it; its
        # state is not said — 不明, or a gap? Ask, with 不明 guessed.
        return None, Status.UNKNOWN
    if _closed_by_design(text):
        # 「USBの書き出し制限はしてない。…手元の端末にはそもそも落ちない」: the measure is not
        # done, the system is built so that the risk cannot arise — 代替策 or a gap? Ask.
        return None, Status.ALTERNATIVE
    shape = _negated_measure_then_means(text)
    if shape is Status.ALTERNATIVE:
        return Status.ALTERNATIVE, None
    if shape is not None and not _negative_then_elaboration(text):
        return None, Status.ALTERNATIVE  # the shape of 代替策, nothing settles it: ask
    if (
        partial()
        and not negative()
        and _NEARLY_ALL.search(text)
        and not _PARTIAL.search(_NEARLY_ALL.sub("", text))
    ):
        return None, Status.DONE  # 「研修の受講率は毎年ほぼ全員です」: all but a few — done?
    if partial():
        if _ALL_NEGATIVE.search(text) and not positive:
            return Status.NOT_DONE, None
        return Status.PARTIAL, None
    if negative():
        if _NO_SUCH_BUSINESS.search(text) and not positive and not has_plan:
            return Status.NOT_APPLICABLE, None  # 「そもそも当社はスマホアプリを出していません」
        if _SCOPE_FACT.search(text) and not positive:
            if _NO_SUCH_BUSINESS.search(text) and not has_plan:
                return Status.NOT_APPLICABLE, None
            return None, Status.NOT_APPLICABLE
        if positive:
            if _outside_party_instead(text):
                # 「専任のCSIRTは置いていませんが、外部のSOCサービスと…契約を結んでいて」「独自の
                # 規程はなく、親会社の規程をそのまま適用しています」: another party's means. Ask.
                return None, Status.ALTERNATIVE
            if _other_means_after_no(text):
                # 「トークンは配っていません。スマホアプリの生体認証で二要素にしています」: the
                # measure asked about is not used; another means does the job? Ask.
                return None, Status.ALTERNATIVE
            if _negative_then_elaboration(text):
                return Status.NOT_DONE, None
            if _TOTAL_NEGATIVE.search(text) and (
                sum(
                    bool(_TOPIC.search(re.sub(r"手は|実際(に)?は|結局(は)?|現実(に)?は", "", c)))
                    for c in _clauses(text)
                )
                < 2
            ):
                # 「backlogには積んでありますが手は付けてません」: is the done part a part?
                return None, Status.NOT_DONE
            if _means_after_negative(text):
                # 「分離はしていませんが、論理的に分けることで対応しています」: another way?
                return None, Status.ALTERNATIVE
            if _mark_list(text) or _MARK_PAIR.search(text):  # 「認証OK、認可OK、ログNG」
                return Status.PARTIAL, None
            if _NOT_IMPLEMENTED.search(text) and _GROUNDWORK.search(text):
                return Status.NOT_DONE, None  # groundwork done, nothing in place
            if _bare_mix(text):
                # a fact and a negative with no contrast between them: a control that
                # reads negative (「未使用のアカウントは停止しています」) or a gap? Ask.
                return None, Status.PARTIAL
            if _available_unused(text):
                # 「ログは出ていますが、誰も見ていません」「機能は用意されていますが、有効にしていません」:
                # something is there, but nothing is done with it. Ask, with 未実施 guessed.
                return None, Status.NOT_DONE
            if _negative_answer_first(text) or _headline_no(text):
                # 「…は送っておりません。利用者が自分で確認する形になっています。」: the answer
                # first, then how things stand; no part is named as done. Ask.
                return None, Status.NOT_DONE
            if (
                _means_with_own_topic(text)
                or _negated_first_then_means(text)
                or _outside_party_instead(text)
            ):
                # 「…はしていないが、…はXで…している」: another means, or another part? Ask.
                return None, Status.ALTERNATIVE
            return Status.PARTIAL, None
        if _unread_part(text):  # 「本番はMFA必須、開発は未導入」 with a fact the rules cannot read
            if _negated_then_unread_means(text):
                # 「鍵の定期更新はしていない。ただ、鍵はKMSで自動ローテーション」: another means
                # more likely than another part; still asked.
                return None, Status.ALTERNATIVE
            return None, Status.PARTIAL
        if re.search(r"(ので|ため|為|から)$", text) and not _ANSWER_THEN_LACK.search(text):
            # 「API連携はしていないので」: a reason, for what? (not after an answer, when the
            # reason is a lack of means: 「取ってないです、そもそも設定してないので」)
            return None, Status.NOT_APPLICABLE
        if (
            _NEVER_HAPPENS.search(text)
            and not has_plan
            and not _NEGATIVE.search(_NEVER_HAPPENS.sub("", text))
        ):
            # 「一人で本番作業をすることはない」「鍵を人が直接触ることはありません」: what never
            # happens is usually the control itself (the tables read it so); ask, done guessed.
            return None, Status.DONE
        if _KEPT_OUT.search(text) and not has_plan and not _ALL_NEGATIVE.search(text):
            return None, Status.DONE  # 「カード番号は保持しておりません」: a control, or n/a?
        return Status.NOT_DONE, None
    if has_plan:
        if positive:
            two_parts = _CAVEAT.search(text) and (
                sum(bool(re.search(r"[^てでとをがもの、]は(?!い)", c)) for c in _clauses(text)) >= 2
            )
            if _FOLLOW_UP.search(text) and not two_parts:  # 「済み。来年度に見直し予定」
                return Status.DONE, None
            return Status.PARTIAL, None  # 「認証は強化済みですが、認可の見直しはこれから」
        if _unread_part(text):  # 「設定は済ませたがテストはこれから」: a part done in other words?
            return None, Status.PARTIAL
        return Status.NOT_DONE, None
    if positive:
        if _WEAK_EXTENT.search(text):  # 「担当者が気を付けている程度です」: done, or only partly?
            return None, Status.PARTIAL
        if (
            _CAVEAT.search(text)
            and not _FOLLOW_UP.search(text)
            and not _RESOLVED.search(text)
            and "〔秘〕" not in text  # 「ただし詳細は社外秘のため書けません」: disclosure only
        ):
            return None, Status.DONE  # 「…しているけど、…」: a caveat the rules cannot read
        if _unread_contrast(text):  # 「新しい方は対応済み、古い方は…」
            return None, Status.DONE
        if telegraphic_date:  # 「12月に導入」: done in December, or planned for it?
            return None, Status.DONE
        if _COUNT_FACT.search(text):  # 「委託先は現在5社あります」: a fact, not a verdict
            return None, Status.DONE
        if _TOO_COSTLY_THEN_MEANS.search(text):
            return None, Status.ALTERNATIVE
        if re.search(r"〔旧〕[。!！…]*$", text):
            # 「そういうのは大企業がやることだと思ってました」: a past belief, said as the whole
            # answer — most likely nothing is done here. Ask, with 未実施 guessed.
            return None, Status.NOT_DONE
        return Status.DONE, None
    if no_event_only:
        return None, Status.DONE
    return None, None
