"""Indirect replies beyond 代替策: what the words imply about the state, without status words.

Sixteenth round (b), tuning52/53 — non-specialists and short chat replies:
- kept only, nobody looks (「ログは溜まってるだけで、誰も見てないです」): 未実施;
- in place but broken now (「カードリーダーは付いてるんですが、壊れてて今はドア開けっぱなし」):
  a gap more than a part — asked, 未実施 guessed;
- a rule on paper, never once done (「年1回見直すって書いてあるんですけど、3年一度も開いて
  ないです」): 未実施;
- half-remembered, and the person who knew has left (「たしか入ってたと思うんですけど、前の担当者が
  辞めて引き継ぎ資料にも書いてなくて」): 不明;
- done for some, the rest still as before (「大きい委託先3社とは契約に入れたけど、小さいところは
  まだ昔の契約のまま」): a part;
- out of our hands, so we cannot say (「保守範囲外なので、こちらでは分かりません」): 不明, not
  該当なし;
- not kept here, all held elsewhere (「サーバは置いてないです。全部データセンターです」): asked,
  該当なし guessed;
- no such business (「店舗がないので、店頭の本人確認はやりようがない」): 該当なし; one share not yet
  (「新しく入った人の分は、まだ手を付けてません」): asked, 一部実施 guessed;
- the business function itself absent (「送金の仕組みそのものを持ってない」): 該当なし; one secret for
  everyone (「みんな同じパスワードで入ってます」): 未実施;
- talk only, said last (「入れようって話は毎年出るんですけどね」): 未実施; only on request
  (「言われたら対応する感じです」): asked, 未実施 guessed; could find out but does not know now
  (「契約書を見ればわかると思うんですけど、今手元になくて」): 不明; only named holders (「鍵は私と課長
  しか持ってません」): done;
- not only (「保存するだけでなく、毎朝確認しています」): no limited scope (``indirect_rewrites``);
- nothing ever happened to act on (「重大な事故は起きたことがないので、振り返る対象がない」「お金を
  預からないので、…手続きはそもそも発生しません」): 該当なし.

Seventeenth round (b), tuning56/57 — what the words do, short chat replies:
- the new ones done, the old ones still as they were or later (「新システム側は対応、旧システムは
  残ったまま」「新規の委託先とは締結済み、既存の契約は次の更新時に切り替えます」): a part;
- a deadline met (「指摘の2件は8月までに修正を終えました」): done, not a plan
  (``indirect_rewrites``); what a previous employer did (「前職ではやっていたんですが、今の会社は
  …」): not this firm's state;
- a memo whose lines are marked done and not done (「・正社員：済\n・派遣：未」): a part;
- a product named where it is placed, nothing else (「ALBの前にAWS WAF、マネージドルール＋独自
  ルール」「全端末にCrowdStrike、定義は自動更新」): done.

``indirect_verdict`` adjusts the rules' verdict right after ``turn_verdict``; it reads the folded
reply (before the rules' rewrites). Every pattern is bounded (no ``.*`` over the reply).
"""

from __future__ import annotations

import re

from interview.engine.answers import Status
from interview.engine.reply_patterns import _BROKEN, _HEDGE, _NEGATIVE, _POSITIVE
from interview.engine.reply_regex import fast_module, worded_module

_SEEN_BY = r"(見|確認し|チェックし|読ん|開い|触っ|使っ|分析し|レビューし)"

# 「ログは溜まってるだけで、誰も見てないです」: kept, and nobody looks — nothing done (kept *only*;
# in place and nobody looks, without だけ, is asked: reply_shapes._IN_PLACE_NOBODY_LOOKS)
_KEPT_NOBODY_LOOKS = re.compile(
    r"(て(い)?る|てある|てあります|て(い)?ます|ており)だけ(で|です|。|、)[、,]?[^。]{0,8}?誰(も|一人)[^。、]{0,4}?"
    + _SEEN_BY
    + r"(て|で)(い|お)?(ない|ません|ず|なく)"
)

# 「年1回見直すって書いてあるんですけど、作ってから3年一度も開いてないです」: on paper, never done
# (never *once*; on paper and hardly done, 全然 / ほとんど, is asked: reply_shapes._ON_PAPER_ONLY)
_ON_PAPER_NEVER = re.compile(
    r"(書いて(あ|あり)|書かれて|決まって|定めて|定められて|うたって|謳って|ルール(上|で)は|規程(上|で)は|建前(上|で)は)"
    r"[^。]{0,12}?(けど|が|ものの|けれど)[、,]?[^。]{0,24}?(一度も|一回も|1回も|一度として|いっぺんも)"
    r"[^。、]{0,10}?(て|で)?(い|お)?(ない|ません|ず|なく)"
)

# 「前の担当者が辞めて引き継ぎ資料にも書いてなくて」: the person who knew has gone
_HANDOVER_LOST = re.compile(
    r"(担当|担当者|前任|前任者|人|方)(が|は)[^。]{0,6}?(辞め|退職|異動|いなくな|抜け)[^。]{0,20}?"
    r"(引き継ぎ|引継ぎ|引継)[^。]{0,10}?(ない|なく|なし|無し|ません|されてな|書いてな|残ってな|もらってな)"
)

# 「小さいところはまだ昔の契約のまま」: the rest still as before
_REST_AS_BEFORE = re.compile(
    r"(けど|が|ものの|けれど)[、,]?[^。]{0,14}?(は|も)(まだ|いまだに|未だに)?[、,]?"
    r"(昔|古い|旧|以前|前|従来|元|手書き|紙)(の)?[^。、]{0,8}?(のまま|まま)"
)

# 「保守範囲外なので、こちらでは分かりません」: we cannot say — not a reason it does not apply
_CANNOT_SAY_HERE = re.compile(
    r"(こちら|こっち|当方|弊社|当社|私|自分|うち|我々)(では|で|には|じゃ|から)(は)?[、,]?"
    r"(わかりません|わからない|わかりかね|わかんない|把握して(い|お)?(ない|ません|りません)|把握でき|お答えでき|回答でき)"
)

# 「事故は起きたことがないので、振り返る対象がない」「…ので、手続きはそもそも発生しません」
_NOTHING_EVER_HAPPENED = re.compile(
    r"(起き|発生し|あっ|起こっ)たこと(が|は)(一度も|まだ)?(ない|ありません|無い)(ので|ため|から|し)[、,]?[^。]{0,16}?"
    r"(対象|もの|機会|場面|実績|記録)(自体|そのもの)?(が|は|も)(ない|無い|ありません|存在しない|存在しません)"
    r"|(ない|ません|せず)(ので|ため|から)[、,]?[^。]{0,24}?そもそも[^。、]{0,4}?"
    r"(発生し|生じ|起こら|起き|あり得|ありえ)(ない|ません|ず|ないです)"
)


# 「保存するだけでなく、毎朝確認しています」「本番だけじゃなく検証環境も」: not only — no scope
_NOT_ONLY = re.compile(r"(だけ|のみ)(で|じゃ|では)なく(て)?[、,]?|のみならず[、,]?")

# 「執務室にサーバは置いてないです。全部データセンターです」: not kept here, all held elsewhere
_HELD_ELSEWHERE = re.compile(
    r"(置いて|持って|設置して)(い|お)?(ない|ません|りません)(です)?[。、,]?[^。]{0,4}?(全部|すべて|全て|みんな|丸ごと)[^。]{0,10}?"
    r"(データセンター|dc|クラウド|aws|gcp|azure|外部|委託先|本社|親会社)(です|にある|にあります|に置|で(す|管理)|任せ|$)"
)

# 「店舗がないので、店頭の本人確認はやりようがない」: no such business, nothing to do
_NO_SUCH_OUTLET = re.compile(
    r"(店舗|店頭|窓口|支店|営業店|アプリ|現金|紙の?書類|海外取引|個人(の)?(顧客|お客様)|対面取引)"
    r"(が|は|も)?(一切)?(ない|無い|ありません|持って(い|お)?(ない|ません)|扱って(い|お)?(ない|ません))(ので|ため|から)[、,]?"
    r"[^。]{0,20}?(やりよう|しよう|余地|場面|機会|出番)(が|は|も)?(ない|無い|ありません)"
)

# 「うちは送金の仕組みそのものを持ってないんです」: the business function itself is absent
_NO_SUCH_FUNCTION = re.compile(
    r"(送金|決済|振込|融資|預金|入出金|為替)(の)?(仕組み|機能|業務|サービス)?(そのもの|自体)(を|が|は|も)?(一切)?"
    r"(持って|扱って|やって|提供して|行って)?(い|お)?(ない|無い|ません|ありません|りません)"
)

# 「みんな同じパスワードで入ってます」: one secret for everyone — a gap, not a control
_SHARED_SECRET = re.compile(
    r"(みんな|全員|皆|各自|全社員|社員全員)(で)?(同じ|共通の?|一つの|1つの|ひとつの)[^。、]{0,4}?"
    r"(パスワード|id|アカウント|鍵|カード)(で|を|が)"
)

# 「共有アカウントで回してます」「本番DBにみんな直接つないでる」: a shared login, everyone straight
# in — the gap itself, said as what is done
_SHARED_OR_DIRECT = re.compile(
    r"共有(の)?(アカウント|id|パスワード|ユーザー)(で|を)[^。、]{0,6}?(回し|使っ|運用し|ログインし|入っ|使い回し)(て|てい|ています|てる|ます)"
    r"|(みんな|全員|誰でも|各自)[^。、]{0,4}?直接(つない|繋い|接続し|ログインし|触っ|入っ|アクセスし|触れ)"
)

# 「やろうやろうと言ってもう2年」: meant for years, never begun
_MEANT_FOR_YEARS = re.compile(
    r"(やろう|入れよう|作ろう|しよう)(と|って)(言って|話して|言い続けて|思って)[^。]{0,6}?(もう|すでに|かれこれ)?"
    r"(\d+|何|数|一|二|三)(年|か月|ヶ月|カ月)"
)

# 「現金は扱ってないです」: said alone, no such thing handled — 該当なし
_NOT_HANDLED = re.compile(
    r"^(うちは|当社は|弊社は)?[、,]?(現金|カード情報|クレジットカード情報|紙の書類|海外送金|外貨|暗号資産)(は|も)?(一切)?"
    r"(扱って|取り扱って|持って|保有して|預かって)(い|お)?(ない|ません|りません)(です)?[。!]*$"
)

# 「入れようって話は毎年出るんですけどね」: only talked about, said last — nothing done
_TALK_ONLY = re.compile(
    r"(よう|しよう)(って|という|との)話(は|が|も)[^。、]{0,6}?(出る|出て(い)?る|出ます|あがる|上がる|上がって(い)?る)"
    r"(ん|の)?(です|だ)?(けど|けれど|けども|が)(ね|な|なあ|ねえ)?[…。!]*$"
)

# 「話には出たことがあるけど、それっきり」: talked of once, nothing since
_TALK_THEN_NOTHING = re.compile(
    r"(話|議題|話題|案)(に|には|が|は|も)[^。]{0,10}?(出|上が|あが)[^。]{0,10}?(けど|が|ものの)[、,]?"
    r"(それっきり|それきり|そのまま|立ち消え|止まって)[^。、]{0,8}[…。!！]*$"
)

# 「…一度もしていません。APIキーは2022年に発行したものをずっと使っています」: the same thing
# kept in use since — the gap described, not a part done
_SAME_SINCE = re.compile(
    r"(発行|作成|設定|導入|購入|作っ|決め|配布)(した|された|て|た)(もの|まま|時のまま|ときのまま|キー|鍵|パスワード)?"
    r"[^。、]{0,8}?(ずっと|今も|いまだに|未だに|そのまま)[^。、]{0,6}?(使って|使い続けて|使用して|運用して)"
)

# 「なし（対象の業務がない）」: nothing of the kind to act on — 該当なし
_NO_SUBJECT = re.compile(
    r"(対象|該当)(の|する)?(業務|システム|取引|サービス|データ|事業|機能)(が|は|も)?(一切)?(ない|無い|ありません|存在しない|存在しません)"
)

# 「お客さんから言われたら対応する感じです」: only on request — a gap more than a control
_ON_REQUEST_ONLY = re.compile(
    r"(言われ|頼まれ|求められ|聞かれ|指摘され)たら[^。、]{0,6}?(対応|やる|出す|する)[^。、]{0,4}?(感じ|程度|くらい|ぐらい)"
)

# 「契約書を見ればわかると思うんですけど、今手元になくて」: could find out, does not know now
_WOULD_KNOW_IF = re.compile(
    r"(見れば|調べれば|確認すれば|聞けば|開けば)[^。、]{0,3}?(わかる|分かる)(?!よう|状態|仕組み)"
    r"(と思|はず|かも|ん(です|だ)?(けど|が)|けど|が[、,])"
)

# 「鍵は私と課長しか持ってません」: only named holders — the restriction is the control
_ONLY_HOLDERS = re.compile(
    r"(私|自分|課長|部長|社長|管理者|担当者|役員|システム管理者|情シス|責任者)[^。、]{0,8}?しか"
    r"(持って|知って|入れ|触れ|開けられ|使え|ログインでき|アクセスでき)(い|お)?(ない|ません|りません)"
)

# 「新しく入った人の分は、まだ手を付けてません」: one share not yet — the rest done? Ask.
_SHARE_NOT_YET = re.compile(r"の分(は|だけ)[、,]?(まだ|未)")


# 「8月までに修正を終えました」: a deadline already met — done, not a plan
_DEADLINE_MET = re.compile(
    r"[一-龥0-9]{0,6}までに([^。、]{0,16}?(終え|済ませ|完了し|終了し|修正し|是正し|対応し|実施し|終わっ|直し|片付け)"
    r"(ました|た(?![いらり])|ている|ています))"
)
# 「前職ではやっていたんですが、」: a previous employer's practice — not this firm's state
_PREVIOUS_EMPLOYER = re.compile(
    r"(前職|前の(会社|職場)|以前(の|いた)(会社|職場)|前に(いた|勤めていた)(会社|職場))"
    r"(では|で|の(時|とき)は|にいた(時|とき)は)[^。]{0,30}?"
    r"(ていた|ていました|でした|だった|ていなかった|ていませんでした|なかった)"
    r"(ん(です|だ)|の(です|だ))?((が|けど|けれど)|(ので|から)[^。、]{0,16}?(が|けど|けれど))[、,]?"
)


# 「課題は山積みで、この項目は手付かずです」: the item itself as the topic is no part of it
_THIS_ITEM = re.compile(
    r"(?<=[、,])(この|本|当該)(項目|件|質問|設問|確認項目)(は|も|について(は)?)[、,]?"
    r"(?=[^。、]{0,4}(手付かず|手つかず|未着手|未実施|未対応|まだ|できて(い)?ない|やれて(い)?ない|進んで(い)?ない))"
)
# 「できていると言える状態ではないです」: not in a state to call done — not done
_NOT_FIT_TO_CALL = re.compile(
    r"(でき|やれ|やっ|し|回っ)て(い)?る(と|とは)(言える|いえる|呼べる)(状態|レベル|段階|ほど|もの)?"
    r"(では|で|じゃ)(は)?(ない|ありません|ございません|なく)"
    r"|(でき|やれ|やっ|し|回っ)て(い)?る(と|とは)(言えない|いえない|言えません|呼べない|言い難い|言いがたい)"
)


# 「MFAなしではログインできないようにしてる」: without it, no way in — it is required
_NONE_WITHOUT = re.compile(
    r"(なし|無し|抜き)(では|だと|じゃ)[^。、]{0,12}?(ログイン|接続|アクセス|利用|操作|送金|入館|入室)?"
    r"(でき|出来|入れ|使え|通ら|通れ|繋がら|つながら)(ない|ません)(よう(に|な)(して|なって|設定))?"
)
# 「委託先20社のうち、評価が終わったのは12社です」: m of n done — a part
_M_OF_N = re.compile(
    r"(\d+)(社|件|台|拠点|名|人|部署|システム|本|個|箇所)(中|のうち|の内)[、,]?[^。]{0,20}?"
    r"(終わっ|済|完了|実施し|対応し|入れ|導入し|受け)[^。]{0,8}?(\d+)(社|件|台|拠点|名|人|部署|システム|本|個|箇所)"
)


def indirect_rewrites(text: str) -> str:
    """「…だけでなく」 (not only) read as 「…に加え、」, not as a limited scope; a deadline met is
    no plan; a previous employer's practice is left out."""
    if "までに" in text:
        text = _DEADLINE_MET.sub(r"\1", text)
    if "前" in text:
        text = _PREVIOUS_EMPLOYER.sub("", text)
    if "なし" in text or "無し" in text or "抜き" in text:
        text = _NONE_WITHOUT.sub("必須としています", text)
    if "項目" in text or "件" in text or "問" in text:
        text = _THIS_ITEM.sub("", text)
    if "言" in text or "いえる" in text or "呼べる" in text:
        text = _NOT_FIT_TO_CALL.sub("できていない", text)
    if "なく" not in text and "ならず" not in text:
        return text
    return _NOT_ONLY.sub("に加え、", text)


# 「新システム側は対応、旧システムは残ったまま」「新規の委託先とは締結済み、既存の契約は次の
# 更新時に切り替えます」: the new ones done, the old ones as they were or later — a part
_NEW_DONE = re.compile(
    r"(新規|新しい|新しく|(?<![一-龥])新[一-龥ァ-ヶー]|今後の|これからの)[^。、]{0,16}?"
    r"(済|対応(?!中|予定)|実施(?!中|予定)|導入(?!中|予定)|適用(?!中|予定)|締結(?!中|予定)|して(い|お)|やって(い|お)|入れて(い|お)"
    r"|(入れ|付け|設定し|導入し|適用し|追加し|実装し|盛り込み)(まし)?た)"
)
_NEW_WORD = re.compile(r"新規|新しい|新しく|(?<![一-龥])新[一-龥ァ-ヶー]|今後の|これからの")
_OLD_LATER = re.compile(
    r"(既存|古い|旧[一-龥ァ-ヶー]|従来|今まで|これまで|昔)[^。、]{0,16}?(は|も)[、,]?[^。、]{0,24}?"
    r"(まだ|未|ない|ません|まま|予定|次の|次回|更新時|更改時|タイミング|これから|今後|順次)"
)
_NOT_NOW = re.compile(r"まだ|未|ない|ません|予定|検討|これから")

# 「・誓約書：正社員 済\n・派遣/業務委託：未」: memo lines marked done and not done — a part
_MEMO_LINE = re.compile(r"(?:^|[、。])[・●■◆*\-]")
_LINE_DONE = re.compile(r"(済み?|完了|実施済み?|対応済み?|ok|あり|有り)(です)?$")
_LINE_NOT = re.compile(r"(未実施|未対応|未着手|未|なし|無し|ng|まだ)(です)?$")

# 「ALBの前にAWS WAF、マネージドルール＋独自ルール」「全端末にCrowdStrike」: a product named where
# it is placed, nothing else said — done
_PLACED_PRODUCT = re.compile(
    r"^(全|すべての|全ての|各)?[一-龥ァ-ヶーa-z0-9]{1,12}(の前|の手前|の前段|の後ろ|の上)?(に|へ)"
    r"[a-z][a-z0-9.+\-]{2,24}(?=[、。]|$)"
)
# 「EDRはCrowdStrike、全端末」: a measure answered by the product that does it
_TOPIC_PRODUCT = re.compile(
    r"^[一-龥ァ-ヶーa-z0-9]{2,12}(は|も)(?!(none|nothing|nope|pending|planned|wip|tbd|todo|unknown|off|disabled"
    r"|manual|later|soon|maybe|partial|partly|some|only|yes|yet)(?![a-z]))[a-z][a-z0-9.+\-]{2,24}"
    r"(、(全[一-龥ァ-ヶー]{1,6}|全社|全員|全台))?$"
)
_PLACED_TAIL = re.compile(
    r"未|まだ|ない|なし|無し|ません|予定|検討|だけ|のみ|一部|\?|？|かも|たぶん|多分|はず"
)


# 「本番DBの鍵はVaultに入れた。他のサービスは.envにまだ直書き」「…インフラの設定はまだ一人で直接
# マージしちゃってます」: one part done, another still the old way (まだ without a negation) — a part
_STILL_OLD_WAY = re.compile(r"^[^。、]{1,24}?(は|も)[、,]?[^。、]{0,16}?まだ(?!まだ)[^。、]{1,24}$")
_DONE_END = re.compile(r"(た|ている|ています|ております|済み?)$")
_STILL_NOT_OLD = re.compile(
    r"ない|ません|なく|なし|無し|未|予定|検討|これから|途中|中$|確認|わから|分から|\?|？"
)

# 「連鎖接続先はありません。自社だけで完結しています」: no such party, all done in-house — 該当なし
_SELF_CONTAINED = re.compile(
    r"(ない|ありません|いません|存在しません)(です)?[。、,][^。]{0,6}?(自社|社内|当社|弊社|うち|自前|グループ内)"
    r"(だけ|のみ|内|の中)?で完結"
)

# 「規程はあるんですけど、正直誰も守ってないです」: there, and nobody follows it — a gap? Ask.
_NOBODY_FOLLOWS = re.compile(
    r"(ある|あります|作っ(た|て)|作りました|定めて|決めて)[^。]{0,8}?(けど|が|ものの)[、,]?[^。]{0,8}?"
    r"誰(も|一人)[^。、]{0,4}?(守っ|従っ)(て|で)(い|お)?(ない|ません)"
)


def _still_old_way(folded: str) -> bool:
    clauses = [c for c in re.split(r"[、。]", folded) if c]
    if len(clauses) < 2 or len(clauses) > 5:
        return False
    for i, c in enumerate(clauses[1:], 1):
        if _STILL_OLD_WAY.search(c) and not _STILL_NOT_OLD.search(c):
            return any(
                (_POSITIVE.search(b) or _DONE_END.search(b)) and not _STILL_NOT_OLD.search(b)
                for b in clauses[:i]
            )
    return False


def _new_done_old_later(folded: str) -> bool:
    clauses = [c for c in re.split(r"[、。,]", folded) if c]
    if len(clauses) < 2 or len(clauses) > 6:
        return False
    new = [
        i
        for i, c in enumerate(clauses)
        if (_NEW_DONE.search(c) or (_NEW_WORD.search(c) and _DONE_END.search(c)))
        and not _NOT_NOW.search(c)
    ]
    old = [i for i, c in enumerate(clauses) if _OLD_LATER.search(c)]
    return bool(new and old and set(new).isdisjoint(old))


def _memo_done_and_not(folded: str) -> bool:
    if len(_MEMO_LINE.findall(folded)) < 2:
        return False
    lines = [x.strip("、。 ") for x in _MEMO_LINE.split(folded)]
    done = sum(bool(_LINE_DONE.search(x)) and not _LINE_NOT.search(x) for x in lines)
    gap = sum(bool(_LINE_NOT.search(x)) for x in lines)
    return done > 0 and gap > 0


def indirect_verdict(
    folded: str, status: Status | None, guess: Status | None
) -> tuple[Status | None, Status | None]:
    """The rules' (status, guess) for the *folded* reply, adjusted for this module's shapes."""
    if status is Status.UNKNOWN or status is Status.ALTERNATIVE:
        return status, guess
    if status in (None, Status.DONE, Status.NOT_DONE) and _new_done_old_later(folded):
        return Status.PARTIAL, None
    if status is Status.DONE and "まだ" in folded and _still_old_way(folded):
        return Status.PARTIAL, None
    if status is not Status.NOT_APPLICABLE and "完結" in folded and _SELF_CONTAINED.search(folded):
        return Status.NOT_APPLICABLE, None
    if status is Status.PARTIAL and _NOBODY_FOLLOWS.search(folded):
        return None, Status.NOT_DONE
    if status in (None, Status.NOT_DONE) and "未" in folded and _memo_done_and_not(folded):
        return Status.PARTIAL, None
    if (
        status is None
        and guess in (None, Status.DONE)
        and (_PLACED_PRODUCT.match(folded) or _TOPIC_PRODUCT.match(folded)) is not None
        and not _PLACED_TAIL.search(folded)
        and len(folded) <= 40
    ):
        return Status.DONE, None
    if (
        _NOTHING_EVER_HAPPENED.search(folded)
        or _NO_SUCH_OUTLET.search(folded)
        or _NO_SUCH_FUNCTION.search(folded)
    ):
        return Status.NOT_APPLICABLE, None
    if status in (Status.DONE, Status.PARTIAL) and _SHARED_SECRET.search(folded):
        return Status.NOT_DONE, None
    if status is Status.NOT_DONE and _SHARE_NOT_YET.search(folded):
        return None, Status.PARTIAL
    if status is Status.PARTIAL and "。" in folded and _SAME_SINCE.search(folded):
        first = folded.split("。", 1)[0]
        if _NEGATIVE.search(first) and not _POSITIVE.search(first):
            return Status.NOT_DONE, None
    if (
        status in (None, Status.DONE)
        and ("うち" in folded or "の内" in folded or "中" in folded)
        and (share := _M_OF_N.search(folded)) is not None
    ):
        done, total = int(share.group(5)), int(share.group(1))
        if 0 < done < total and not _NEGATIVE.search(folded):
            return Status.PARTIAL, None
    if (
        status in (Status.DONE, Status.PARTIAL)
        and ("共有" in folded or "直接" in folded)
        and _SHARED_OR_DIRECT.search(folded)
    ):
        return Status.NOT_DONE, None
    if (
        status in (None, Status.DONE, Status.PARTIAL)
        and ("よう" in folded or "ろう" in folded)
        and _MEANT_FOR_YEARS.search(folded)
    ):
        return Status.NOT_DONE, None
    if status is Status.NOT_DONE and _NOT_HANDLED.search(folded):
        return Status.NOT_APPLICABLE, None
    if (
        status is Status.NOT_DONE
        and ("対象" in folded or "該当" in folded)
        and _NO_SUBJECT.search(folded)
    ):
        return Status.NOT_APPLICABLE, None
    if status is Status.NOT_DONE and _HELD_ELSEWHERE.search(folded):
        return None, Status.NOT_APPLICABLE  # nothing here to protect — or a gap? Ask.
    if status in (None, Status.NOT_DONE) and _WOULD_KNOW_IF.search(folded):
        return Status.UNKNOWN, None
    if status in (None, Status.PARTIAL, Status.DONE) and (
        _TALK_ONLY.search(folded)
        or (
            (
                "っきり" in folded
                or "そのまま" in folded
                or "立ち消え" in folded
                or "止まって" in folded
            )
            and _TALK_THEN_NOTHING.search(folded)
        )
    ):
        return Status.NOT_DONE, None
    if status is None and guess is None and _ON_REQUEST_ONLY.search(folded):
        return None, Status.NOT_DONE
    if (
        status is Status.PARTIAL
        and (held := _ONLY_HOLDERS.search(folded)) is not None
        and not _NEGATIVE.search(folded[: held.start()] + folded[held.end() :])
    ):
        return Status.DONE, None
    if status is Status.NOT_APPLICABLE and _CANNOT_SAY_HERE.search(folded):
        return Status.UNKNOWN, None
    if _HANDOVER_LOST.search(folded):
        return (Status.UNKNOWN, None) if _HEDGE.search(folded) else (None, Status.UNKNOWN)
    if status is not Status.NOT_DONE and _KEPT_NOBODY_LOOKS.search(folded):
        return Status.NOT_DONE, None
    if status in (None, Status.PARTIAL, Status.DONE) and _ON_PAPER_NEVER.search(folded):
        return Status.NOT_DONE, None
    if status in (Status.PARTIAL, Status.DONE) and _BROKEN.search(folded):
        return None, Status.NOT_DONE
    if (
        status in (None, Status.DONE)
        and (rest := _REST_AS_BEFORE.search(folded)) is not None
        and _POSITIVE.search(folded[: rest.start() + 4])
    ):
        return Status.PARTIAL, None
    return status, guess


fast_module(globals())
# Patterns whose searches on mid-length replies mostly find nothing: their worded
# alternatives passed over where the reply lacks their words (``by_words``; measured)
worded_module(
    globals(),
    ("_KEPT_NOBODY_LOOKS",),
)
