"""Replies whose answer turns on a word the other rules read the wrong way round.

Fifteenth round (b), tuning49 — replies typed tired, rushed or unsure:
- a gap counted as none (「未締結の委託先はゼロです」「未対応のものはありません」「棚卸し漏れは
  ゼロ」「抜けてるところはない」): the negative means done (``zero_gap_rewrite``);
- a bare 未 in a list or after a topic (「本番：MFA済、検証：未」「検証環境わ未」) and 済 right
  after a Latin name (「MFA済」): read as the words they stand for;
- background, then the state now, said last (「…指摘されて、台帳作り直しました。今は全社分
  そろってます」「以前は年1で診断してましたが、ここ2年はやれてません」): the now counts;
- still a draft or a trial, the real thing later (「規程はまだドラフト段階で、承認も施行も
  してません」「来月から本番運用、今はまだ検証中」): 未実施 more than a part — asked;
- no outsourcing because all is built in-house (「委託先がなく、開発も運用もすべて内製」): 該当なし;
- a total, then how many are done (「全部で8社あって…終わったのは3社」): a part;
- talk and budget, and in the end nothing started (「結局まだ何も始まってない」): 未実施.

``turn_rewrites`` runs on the folded reply before the other rewrites; ``turn_verdict``
adjusts the rules' verdict. Every pattern is bounded (no ``.*`` over the reply).
"""

from __future__ import annotations

import re

from interview.engine.answers import Status
from interview.engine.reply_patterns import (
    _CAVEAT,
    _NEGATIVE,
    _PARTIAL,
    _POS_TOKEN,
    _POSITIVE,
    _TELEGRAPHIC,
    _UNKNOWN,
)
from interview.engine.reply_plan import PLAN_WORDS
from interview.engine.reply_regex import fast_module, worded_module

# 「未締結の委託先はゼロです」「未対応のものはありません」「未適用のパッチは現在ゼロ」: the gap is
# counted and there is none — done (not 「…はゼロではない」, not 「…はないか確認」).
_ZERO_GAP = re.compile(
    r"未(?!然|満|来|定義|知)[一-龥]{1,3}し?((の|な)(まま(の)?)?(もの|ところ|とこ|箇所|[一-龥ァ-ヶーa-z0-9]{1,8})"
    r"|(者|先|分|件)?(?=(は|も|が)))"
    r"(は|も|が|[、,])((?!ゼロ|0|０|皆無)[一-龥ァ-ヶーa-z0-9]{1,6}(に|で)(は)?)?"
    r"(現在|今|いま|今のところ|現時点で|現状|もう|既に|すでに|毎朝|毎日|毎週|毎月|常に|常時|必ず)?[、,]?"
    r"(一(つ|件|社|人|台|名|枚|本|通|か所|箇所)も|ひとつも|1(つ|件|社|人|台|名|枚|本|通)も|誰も|どこも)?"
    r"(ゼロ|0|０|皆無|ない|無い|なし|無し|ありません|ございません|いない|いません|おりません"
    r"|存在しない|存在しません|残って(い|お)?(ない|ません))"
    r"(件|社|人|名|台|個|つ|枚|か所|箇所)?(状態|状況)?"
    r"(?!では|じゃ|わけ|訳|とは|か(どうか|を|、|確認|調べ|チェック|見|[?？]))"
    # 「パッチを当てていない端末はゼロです」: what is left undone counted, none
    r"|(て(い|お)?ない|でない|せず(に)?|なしの)(もの|ところ|[一-龥ァ-ヶーa-z0-9]{1,8})(は|が|も)(現在|今|いま|今のところ)?[、,]?"
    r"(ゼロ|0|０|皆無)(?!では|じゃ)"
    # 「対象外にしているシステムはありません」: nothing left out
    r"|(対象外|適用外|除外)(に|と)?(して(い|お)?る|した|の|扱いの?)[^、。]{0,8}?(は|も)(一つも|ひとつも|特に|一切)?"
    r"(ない|無い|ありません|ございません|ゼロ)(?!では|じゃ|わけ|訳|とは|か(どうか|を|、|確認|調べ|チェック|見|[?？]))"
    # 「ログの欠損はないです」: nothing lost
    r"|(欠損|欠落|取りこぼし|取り漏れ|紛失)(は|も)(特に|一切|今まで|これまで)?(ない|無い|ありません|ございません|なし)"
    r"(?!では|じゃ|わけ|訳|とは|か(どうか|を|、|確認|調べ|チェック|見|[?？]))"
    # 「棚卸し漏れはゼロです」「未提出はゼロ」: the misses counted, none
    r"|(漏れ|もれ|抜け|抜け漏れ|未済|未提出|未回収|未受講|未対応|未適用|未締結|違反|不備|残り|残件|積み残し)(は|も|が)?"
    r"(現在|今|いま|今のところ|現時点で|現状)?[、,]?(ゼロ|0件|０件|0社|0人|皆無)(?!では|じゃ)"
    r"|(残り|残件|積み残し)(は|も)?(なし|無し|ない|ありません|ございません)(?!では|じゃ|か)"
    # 「秘密保持が入ってないところはない」: no place without it
    r"|(て|で)(い|お)?ない(ところ|とこ|部分|委託先|会社|契約|部署|拠点)(は|も)(一つも|ひとつも|特に|一切)?"
    r"(ない|無い|ありません|ございません|ゼロ)(?!では|じゃ|わけ|訳|とは|か(どうか|を|、|確認|調べ|チェック|見|[?？]))"
    # 「抜けてるところはない」「漏れているアカウントはありません」: nothing missed
    r"|(抜けて|漏れて|もれて|欠けて|抜け落ちて)(い|お)?る(ところ|とこ|箇所|もの|部分|項目|人|アカウント|端末|拠点|委託先)"
    r"(は|も)(特に|一つも|ひとつも)?(ない|無い|ありません|ございません|いない|いません|ゼロ)"
    r"(?!では|じゃ|わけ|訳|とは|か(どうか|を|、|確認|調べ|チェック|見|[?？]))"
)
# 「未承認のSaaSがいくつか使われています」「未受講者がまだ数名います」: the gap is left.
_GAP_LEFT = re.compile(
    r"未(?!然|満|来|定義|知)[一-龥]{1,3}(者|先)?(の|な)?(まま(の)?)?[^、。]{0,12}?"
    r"((が|も)[、,]?((まだ|いくつか|[0-9]+|数)[^、。]{0,3})?|は[、,]?(まだ|いくつか|[0-9]+|数)[^、。]{0,3})"
    r"(ある|あります|あり(?!ませ)|残って(い|お)?(る|ます)|残る|存在(する|します)|使われて(い|お)?(る|ます)"
    r"|動いて(い|お)?(る|ます)|見つか(る|り|った)|いる|います|おります)"
)
# 「いま確認したら、バックアップは毎日とれてました」: looked, and here is what was found.
_CHECKED_AND_FOUND = re.compile(
    r"(確認|調査|チェック)(を)?(した|しました|してみた|してみました)(ら|ところ|が、|けど、)[、,]?"
    r"|(調べ|見)(た|てみた|ました|てみました)(ら|ところ)[、,]"
)
# 「MFA済」「WAF済」: 済 right after a Latin name is 済み.
_LATIN_DONE = re.compile(r"(?<=[a-z0-9])済(?![み])")
# 「検証：未」「検証環境わ未」: a bare 未 for a part (は typed わ).
_BARE_NOT_YET = re.compile(r"(?<=[はわ:一-龥ァ-ヶーa-z0-9])未(?=(です|だ)?([。、,/／\n]|$))")

# The state now, said last: 「今は…」「今年の4月からは…」 at the start of a clause.
_NOW = re.compile(
    r"(?:^|(?<=[、。,\n])|(?<=(?:が|ど|し)[、,])|(?<=(?:が|ど)))"
    r"(今|いま|現在|今では|いまでは|現在では|最近|ここ[^、。]{0,4}?(年|か月|ヶ月|カ月|年間|期)"
    r"|(今年|今年度|今期|昨年|去年|昨年度|先月|先期)(の[0-9]{1,2}月)?|[0-9]{1,2}月)"
    r"(は|では|から(は)?|以降(は)?|より)(?![^、。]{0,3}(予定|から))"
    r"|(その後|あれから|それから|(今月|今週|先週|先月|先日|昨日)(頭|末|初め|中旬)?(に|は))(は)?[、,]?"
    r"|[一-龥ァ-ヶーa-z0-9]{1,8}(し|っ|ん|い)?(て|で)(から|以来)(は|も)?[、,]?"
)
# 「いまは四半期ごとです」: a frequency, said as the state now.
_EVERY = re.compile(
    r"毎日|毎週|毎月|毎年|毎朝|毎晩|日次|週次|月次|年次|四半期ごと|半年ごと"
    r"|[0-9一二三四五六]+(か月|ヶ月|カ月|年|週)(ごと|毎|に[0-9一1]回)"
)
_DIGIT = re.compile(r"[0-9]")  # a count in the now-clause: a part, maybe (「今のところ3社」)
# The clause before it is in the past (what was, not what is).
_PAST_BEFORE = re.compile(
    r"((た|ました|でした|だった|てた|ていた|なかった|ませんでした)(ん|の)?(です|だ)?(が|けど|けれど|けども|し)?"
    r"|の末|を経て)[、。,\n]?$"
)
# A past state, named as such: 「以前は」「最初は」「去年までは」.
_BEFORE = re.compile(
    r"(以前|(?<![一-龥ぁ-ゖ])前|前回|昔|かつて|当初|最初|はじめ|初め|もともと|元々|去年まで|昨年まで|先月まで"
    r"|これまで|従来)(は|まで(は)?)"
)
# The now-clause ends in a no: 「ここ2年はやれてません」「今はやってない」.
_ENDS_NO = re.compile(
    r"(ない|ません|なかった|ませんでした|なくなって(い|お)?(る|ます)|なくなっ(た|て)しまい?(ました|た)|なくなりました"
    r"|未着手|未実施|未対応|全然|ぜんぜん|さっぱり|止まって(い|お)?(る|ます)|停止(して|中)[^、。]{0,4}|やめ(て|ました|た))"
    r"(です|でして|んです|のです|ね|よ|w|笑)*[。!…]*$"
)

# 「規程はまだドラフト段階」「まだ検証中」「まだPoCです」: not yet in force.
_STILL_TRIAL = re.compile(
    r"まだ[^、。]{0,6}?(検証|試験|テスト|トライアル|パイロット|poc|ドラフト|草案|素案|下書き|たたき台)"
    r"(運用|導入|稼働|利用)?(の)?(段階|中|止まり|レベル|です|だ|で|[、。]|$)"
)
# 「今は何もしていません、前はやってたかどうかも知りません」: a no now, the past not known.
_NO_NOW_UNKNOWN_BEFORE = re.compile(
    r"^(今|現在|いま)(は|では|のところ)?[、,]?[^、。]{0,16}?(ない|ません|未着手|未実施)(です|ね|よ)?[、。,]"
    r"[^。]{0,6}?(前|以前|昔|当時|かつて)(は|の(こと|状況)は?)[^、。]{0,16}?"
    r"(知りません|知らない|分かりません|わかりません|分からない|わからない|不明)"
)
# 「前回から変わってないです、実施済みです」: unchanged, then the state said — not a no.
_UNCHANGED_THEN = re.compile(
    r"(変わって(い|お)?(ない|ません)|変わり(は)?(なく|ない|ありません)|変更(は)?(なく|ない|ありません|なし)"
    r"|変化(は)?(なく|ない|なし|ありません))(です)?"
    r"(?=[、。,][^。]{0,3}(実施|対応|導入|整備)?済)"
)
# 「連鎖接続先はありません」「再委託先はございません」: the whole reply says the party
# the item is about does not exist (not 「委託先、ないっす」, which earlier rounds ask about).
_NO_SUCH_PARTY = re.compile(
    r"(当社|弊社|うち|当行|弊行)?(には|では|は|に)?[、,]?(連鎖接続先|再委託先|再々委託先)(は|が|も)?[、,]?"
    r"(一切|特に|現在|今のところ|そもそも)?[、,]?"
    r"(ありません|ございません|ない|ないです|無いです|いません|おりません|存在しません|存在しない|なし|無し)"
    r"(ね|よ)?[。!]*$"
)
# 「AWSなので向こう任せ」「物理的なところはGoogle任せ」: a cloud provider holds that layer.
_CLOUD_HANDLES = re.compile(
    r"(aws|gcp|google|azure|クラウド|iaas|データセンター|dc事業者)[^。]{0,20}?"
    r"(任せ|お任せ|おまかせ|任せて|の責任|の管理|側(で|の)(管理|対応))"
)
# 「本番はこれから」「来月から本番運用」: the real thing still to come.
_REAL_LATER = re.compile(
    r"(本番|本格|正式|全社|施行|承認|展開)[^、。]{0,8}?(これから|予定|まだ|未)"
    r"|(来週|来月|来期|来年|年明け|[0-9]{1,2}月)(から|に)[^、。]{0,4}?(本番|本格|正式)"
    r"|(本番|本格|正式)[^、。]{0,6}?(来週|来月|来期|来年|年明け|[0-9]{1,2}月)(から|に|で|です|予定)"
)
# 「2年前まではやってました」: done until then, said last, nothing about now.
_UNTIL_THEN = re.compile(
    r"([0-9一二三四五]+(年|か月|ヶ月|カ月)前|去年|昨年|前年|前回|以前|先月|先期|前期|昨年度|前年度|当初)まで(は)?[、,]?"
    r"[^、。]{0,16}?((て|で)(い|お)?(ました|た|りました)|でした|だった)(けど|が|ね|よ)?[。!…]*$"
)
# 「去年まではやってなかった」: not done until then — and since? (most likely done now)
_UNTIL_THEN_NOT = re.compile(
    r"([0-9一二三四五]+(年|か月|ヶ月|カ月)前|去年|昨年|前年|前回|以前|先月|先期|前期|昨年度|前年度|当初)まで(は)?[、,]?"
    r"[^、。]{0,16}?(なかった|ませんでした|未着手でした|未実施でした|未対応でした)(けど|が|ね|よ)?[。!…]*$"
)
# 「ベンダーの選定まではしたんですけど、…導入はまだです」: a first step reached, not the goal.
_STEP_NOT_GOAL = re.compile(
    r"まで(は)?(した|しました|やった|やりました|できた|できました|終わった|進んだ|進みました|決めた|決まった)"
    r"[^。]{0,24}?(導入|実施|運用|本番|適用|契約|展開|施行|開始)(は|も)?[、,]?(まだ|未|して(い|お)?(ない|ません))"
)
# 「来期から本格的にやる予定で、今は手順書を作っているところです」: a plan, groundwork now.
_GROUNDWORK_NOW = re.compile(
    r"(今|いま|現在)(は)?[、,]?[^、。]{0,16}?(作って|作成して|準備して|整備して|詰めて|検討して|書いて)(い|お)?る"
    r"(ところ|最中|段階)"
)
# 「導入はしたんですが、色々トラブルがあって、結局今は止めています」: done once, stopped now.
_STOPPED_NOW = re.compile(
    r"(した|しました|入れた|入れました|始めた|始めました|導入した|作った|作りました)(ん|の)?(です)?(が|けど|けれど)[、,]"
    r"[^。]{0,30}?(今は|現在は|いまは|結局)[、,]?[^、。]{0,8}?"
    r"(止めて|やめて|停止して|外して|使わなくなって|使って(い|お)?(ない|ません))(い|お)?(る|ます|ます。|ません)?[。!…]*$"
)
# 「…コロナでリモートになってからはできてないです」: since something changed, a no.
_SINCE_CHANGE_NO = re.compile(r"(て|で)(から|以来)(は|も)?[、,]?[^、。]{0,16}?$")
# 「今はステージングで最終確認中」「今はパイロット期間中」: a trial, now.
_TRIAL_NOW = re.compile(
    r"(今|いま|現在)(は|のところ)?[、,]?[^、。]{0,10}?"
    r"(検証|試験|テスト|ステージング|stg|staging|poc|パイロット|トライアル|最終確認)"
    r"|(検証|テスト|ステージング|stg)(環境)?で[^、。]{0,8}?(確認|検証|テスト|試し|試験)(中|して)"
)
# A preparatory step or artefact (「ドラフトは作りました」「設計まではできてて」「PoC中」) ...
_PREP = re.compile(
    r"ドラフト|草案|素案|下書き|たたき台|(規程|規定|ポリシー|手順書?)案|設計|要件|見積|比較|選定|キックオフ|稟議"
    r"|(検証|テスト|試験)(?!環境|用|機|サーバ|データ)|poc|試行|β版|ベータ|パイロット|作成中|準備中|策定中"
)
# ... then the real thing not yet, or later (「施行前」「取締役会はこれから」「実装はまだ」).
_REAL_NOT_YET = re.compile(
    r"(承認|施行|公開|実装|導入|運用|本番|発注|契約|展開|リリース|作業|開発|反映|適用|取締役会|役員会)[^、。]{0,10}?"
    r"(まだ|未|これから|前(です|だ|$|[。、])|して(い|お)?(ない|ません)|されて(い|お)?(ない|ません)"
    r"|始まって(い|お)?(ない|ません)|予定|待ち|(来週|来月|来期|来年度?|年明け|[0-9]{1,2}月)(から|に))"
)
# A scope named: a part after all (「一部の部署だけ」「主要な2システム」).
_SCOPE_NAMED = re.compile(r"一部|のみ|だけ|以外|半分|主要な|[0-9]+(社|拠点|部署|システム|台|人)")
# 「本番は先月から、検証環境は来月から入れます」: one part since, the other still to come.
_SINCE_AND_LATER = re.compile(
    r"(は|が)(先月|先週|去年|昨年|今年|今月|[0-9]{1,2}月)から[、,][^。]{0,16}?(は|が)"
    r"(来月|来週|来期|来年|年明け|[0-9]{1,2}月)から"
)
# 「委託先がなく、開発も運用もすべて内製です」: nothing outsourced, all built in-house.
_ALL_IN_HOUSE = re.compile(
    r"(委託|外注|再委託)(先)?(は|が|も|を)?(一切|特に|そもそも)?"
    r"(ない|無い|なく(て)?|無く(て)?|なし(で)?|無し(で)?|ゼロ(で)?|ありません|ございません|おらず|持たず"
    r"|(して|使って|利用して|持って)(い|お)?(ない|なく(て)?|ません|らず))(ので|ため|です)?[、,。]?[^。]{0,12}?"
    r"(全て|すべて|全部|完全|全面的?|ともに)に?[^、。]{0,8}?(内製|自社開発|自前|自社内|社内で|自社で)"
)
# 「全部で8社あって…今のところ終わったのは3社です」: a total, then how many are done.
_TOTAL = re.compile(
    r"全(部|体)?で[^\d、。]{0,2}(\d+)(社|件|拠点|店|台|人|名|部署|システム|本|個|つ|アカウント|id|端末|か所|箇所)"
)
_DONE_COUNT = re.compile(
    r"(終わった|終わってる|終わっている|済んだ|済んでる|完了した|完了している|対応した|対応済み|実施した|実施済み"
    r"|できた|回った|回れた|行けた|行った|もらえた|取れた|集まった|回収できた|受けた)(の|ところ)(は|が)[^\d、。]{0,4}(\d+)"
)
# 「…話は出てて、予算も一応あるんですが、結局まだ何も始まってないです」: in the end, nothing.
_NOTHING_IN_THE_END = re.compile(
    r"(結局|実際|現実)(は|には|のところ)?[、,]?(まだ)?[、,]?(何も|なにも)"
    r"(始まって|進んで|動いて|やれて|できて|手を?(付けて|つけて)|着手して|決まって)(い|お)?(ない|ません)"
    r"(です|んです|のです|ね|よ|w|笑)*[。!…]*$"
)


_TURNED: dict[str, str] = {}  # the last few texts rewritten (the rules rewrite a reply twice)
_TURNED_KEPT = 8


def turn_rewrites(text: str) -> str:
    """The folded reply with the gaps counted as none made a done token, a bare 未 made
    未実施 and 「MFA済」 made 済み. The rules rewrite a reply before and after folding its
    predicates, most often unchanged between: the last few answers are kept."""
    turned = _TURNED.get(text)
    if turned is None:
        if len(_TURNED) >= _TURNED_KEPT:
            _TURNED.clear()
        turned = _TURNED[text] = _turn_rewrites(text)
    return turned


def _turn_rewrites(text: str) -> str:
    if "もれ" in text or "ないと" in text or any(c in text for c in "未漏抜欠ゼ0０残外損落"):
        text = _ZERO_GAP.sub(_POS_TOKEN, text)
    if "たら" in text or "ところ" in text or "たが" in text or "たけど" in text:
        text = _CHECKED_AND_FOUND.sub("", text)
    if "済" in text:
        if "変" in text:
            text = _UNCHANGED_THEN.sub("", text)
        text = _LATIN_DONE.sub("済み", text)
    if "未" in text:
        text = _BARE_NOT_YET.sub("未実施", text)
    return text


def _now_after_past(text: str) -> tuple[str, str] | None:
    """(before, now) when the reply's last clause that starts with the state now follows a
    clause in the past; None otherwise."""
    found = None
    for found in _NOW.finditer(text):  # noqa: B007 — the last one
        continue
    if found is None or found.start() == 0:
        return None
    before, now = text[: found.start()], text[found.end() :]
    if not now or not _PAST_BEFORE.search(before.rstrip("、,")):
        return None
    return before, now


def turn_verdict(
    text: str, status: Status | None, guess: Status | None, has_plan: bool, folded: str = ""
) -> tuple[Status | None, Status | None]:
    """The rules' (status, guess) of the rewritten reply *text* (*folded*: before the
    rewrites), adjusted for the shapes of this module."""
    if (
        status not in (Status.UNKNOWN, Status.ALTERNATIVE)
        and not has_plan
        and (_ALL_IN_HOUSE.search(text) or _ALL_IN_HOUSE.search(folded))
    ):
        return Status.NOT_APPLICABLE, None
    if (
        (status is Status.DONE or (status is None and guess is Status.DONE))
        and "未" in folded
        and _GAP_LEFT.search(folded)
    ):
        # 「未承認のSaaSがいくつか使われています」: something is left un-done — a part or a gap
        return None, Status.PARTIAL
    if status in (None, Status.NOT_DONE) and _NO_SUCH_PARTY.match(text):
        # 「連鎖接続先はありません」: no such party to oversee — 該当なし
        return Status.NOT_APPLICABLE, None
    if status in (None, Status.PARTIAL, Status.DONE) and _STOPPED_NOW.search(text):
        return Status.NOT_DONE, None  # 「導入はしたんですが、…結局今は止めています」
    if (
        status in (None, Status.PARTIAL)
        and _BEFORE.search(text)
        and (since := _SINCE_CHANGE_NO.search(text)) is not None
        and _ENDS_NO.search(since.group(0))
        and not _PARTIAL.search(since.group(0))
        and (_POSITIVE.search(text[: since.start()]) or _TELEGRAPHIC.search(text[: since.start()]))
        and not _NEGATIVE.search(text[: since.start()])
    ):
        # 「昔はやってたんですが、コロナでリモートになってからはできてないです」: done before only
        return Status.NOT_DONE, None
    if status is Status.UNKNOWN and _NO_NOW_UNKNOWN_BEFORE.search(text):
        # 「今は何もしていません、前はやってたかどうかも知りません」: only the past is unknown
        return Status.NOT_DONE, None
    if status is Status.NOT_DONE and _CLOUD_HANDLES.search(text):
        # 「インフラは全部GCPなので、物理的なところはGoogle任せです」: the provider holds it —
        # 該当なし as most read it, or a gap? Ask, with 該当なし guessed.
        return None, Status.NOT_APPLICABLE
    if status in (None, Status.PARTIAL) and _NOTHING_IN_THE_END.search(text):
        return Status.NOT_DONE, None
    turned = _now_after_past(text)
    if turned is not None and status in (None, Status.PARTIAL, Status.DONE):
        before, now = turned
        now_clean = (
            not _NEGATIVE.search(now)
            and not _PARTIAL.search(now)
            and not PLAN_WORDS.search(now)
            and not _CAVEAT.search(now)
            and not _UNKNOWN.search(now)
            and not _DIGIT.search(now)
        )
        if (
            now_clean
            and not _ENDS_NO.search(now)
            and (_POSITIVE.search(now) or _TELEGRAPHIC.search(now) or _EVERY.search(now))
        ):
            # 「…指摘されて、台帳作り直して契約も巻き直しました。今は全社分そろってます」
            return Status.DONE, None
        if (
            _ENDS_NO.search(now)
            and not _PARTIAL.search(now)
            and _BEFORE.search(before)
            and (_POSITIVE.search(before) or _TELEGRAPHIC.search(before))
            and not _NEGATIVE.search(before)
        ):
            # 「以前は年1で診断してましたが、ここ2年は予算がなくてやれてません」: done before only
            return Status.NOT_DONE, None
    if status is Status.DONE and _UNTIL_THEN.search(text):
        # 「2年前まではやってました」: done until then; and now? Ask, with 未実施 guessed.
        return None, Status.NOT_DONE
    if status is Status.NOT_DONE and _UNTIL_THEN_NOT.search(text):
        return None, Status.DONE  # 「去年まではやってなかった」: and now? Ask, done guessed.
    if status is Status.PARTIAL and _STILL_TRIAL.search(text):
        # 「規程はまだドラフト段階で、承認も施行もしてません」「来月から本番運用、今はまだ検証中」:
        # not yet in force, and the real thing said not done or still to come — 未実施;
        # a trial alone (「まだ試験運用中です」) may be read as a part: ask
        if _NEGATIVE.search(text) or _REAL_LATER.search(text):
            return Status.NOT_DONE, None
        return None, Status.NOT_DONE
    if (
        status in (Status.UNKNOWN, Status.DONE, Status.PARTIAL)
        and _REAL_LATER.search(text)
        and _TRIAL_NOW.search(text)
    ):
        # 「本番は来週から。今はステージングで最終確認中」: the real thing still to come. Ask.
        return None, Status.NOT_DONE
    if status is Status.NOT_DONE and _SINCE_AND_LATER.search(text):
        return None, Status.PARTIAL  # 「本番は先月から、検証環境は来月から」: a part? Ask.
    if (
        (status is Status.PARTIAL or (status is None and guess is Status.PARTIAL))
        and not _SCOPE_NAMED.search(text)
        and _PREP.search(text)
        and _REAL_NOT_YET.search(text)
    ):
        # 「ドラフトは作りましたが、まだ承認されていないので施行前です」「設計まではできてて、実装は
        # まだです」: a first step, the real thing not yet — 未実施 to some writers, a part to
        # others (「試験運用中で、本格運用は来年4月から」). Ask, with 未実施 guessed.
        return None, Status.NOT_DONE
    if status is Status.PARTIAL and (
        _STEP_NOT_GOAL.search(text) or (has_plan and _GROUNDWORK_NOW.search(text))
    ):
        # a first step reached, or groundwork now for a plan — 未実施 more than a part. Ask.
        return None, Status.NOT_DONE
    if status in (None, Status.DONE) and "全" in text:
        total = _TOTAL.search(text)
        done = _DONE_COUNT.search(text, total.end()) if total else None
        if total and done and int(done.group(4)) < int(total.group(2)):
            return Status.PARTIAL, None  # 「全部で8社…終わったのは3社です」
    return status, guess


fast_module(globals())
# Patterns whose searches on mid-length replies mostly find nothing: their worded
# alternatives passed over where the reply lacks their words (``by_words``; measured)
worded_module(
    globals(),
    ("_NOW",),
)
