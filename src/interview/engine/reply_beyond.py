"""Nineteenth round (b), tuning64–67 — shapes beyond 代替策 that generalise over writers.

Rewrites (``beyond_rewrites``, after ``indirect_rewrites``, on the rules' text):
- a requirement told by what happens without it (「確認テストに受からないとPCを渡してもらえない」
  「approveないと無理な設定」): a control in force, as 「…なしでは…できない」 already was;
- so routine nobody notices (「誰も意識してないくらい」), a thing dealt with (「片付けた話です」): done;
- homework left over (「宿題として持ち帰ったまま」「まだ宿題として残ってます」): not done, not 不明;
- since the firm began (「会社ができてから一度も…」): no 〜できて of a control;
- a version floor is no scope (「TLS1.2以上 only」); 「…していないとは言えませんが」: some done;
- the step after the budget (「導入はその後です」), the bottom of a to-do list, talk that ended in
  a wish (「会議で「来期やろう」で話が終わりました」「「そのうちやろう」と言ってたレベル」), nothing
  done in fact (「実態としては何もしていません」「実質やってないです」), nobody to do it and so left
  (「担当者がいなくて、そのままになってます」): not done;
- 街頭なし typed for 該当なし (the IME's first choice for がいとう).

Verdicts (``beyond_verdict``, after ``indirect_verdict``, on the folded reply):
- hearsay, then nothing seen (「…と聞いた覚えはありますが、中身は見たことがありません」), should be,
  but we cannot see (「委託先のSOCが見てくれているはずなんですが、…こちらからは見えていません」),
  asking someone before answering, whether it still holds is not known, both feel true: 不明;
- a reason, then 「そこはなし」「スルーでOK」「…の話はないです」; all done in-house after no
  outsourcing; not one server kept; no server room, all cloud; a medium not used at all; 「うちには
  関係ない」: 該当なし;
- English scope 「on for admins, not yet for regular staff」; 「まだ3つ残ってる」 after a done: a part;
- a memo's 状況 line that says 未対応; nobody has touched it (when nothing else is read): not done.

Every pattern is bounded (no ``.*`` over the reply) and compiled once at module level.
"""

from __future__ import annotations

import re

from interview.engine.answers import Status
from interview.engine.reply_regex import fast_module, worded_module

# 「確認テストに受からないとPCを渡してもらえない」「レビュー1人以上approveないと無理な設定」
_REQUIRED_BEFORE = re.compile(
    r"(?:[ぁ-ゖ]|approve)ないと[^。、]{0,20}?"
    r"((もらえ|渡(さ|せ)|使え|使わせ|持ち出せ|貸(して)?もらえ|貸し出せ|借りられ|ログインでき|マージでき"
    r"|リリースでき|デプロイでき|入室でき|入館でき|アクセスでき|接続でき|通れ|発行され|付与され"
    r"|貸与され|配布され|渡され)(ない|ません)"
    r"|無理な(設定|仕組み|作り|ルール)|でき(ない|ません)(設定|仕組み|作り|ように)"
    r"|[せえれけ](ない|ません)(決まり|ルール|設定|仕組み|運用))"
)
# 「High 以上はマージ不可にしてる」: a block set, not a gap
_SET_TO_BLOCK = re.compile(
    r"(マージ|リリース|デプロイ|ログイン|接続|アクセス|持ち出し|書き込み|利用|送金)(を)?不可(に|と)"
    r"(して(い|お)?(る|ます)|設定して)"
)
# 「予算が通らないと導入できません」: held up — not a requirement in force
_HELD_UP = re.compile(
    r"(予算|稟議|決裁|人員|人)(が)?[^。、]{0,4}?(通ら|下り|つか|付か|増え|確保でき)ないと[^。、]{0,10}?"
    r"(導入|実施|対応|着手|整備)(でき|は(でき|無理))(ない|ません)"
)
# 「もう普通に回ってる、誰も意識してないくらい」: so routine that nobody notices it
_UNNOTICED_ROUTINE = re.compile(r"誰も意識(して|し)(い)?ない(くらい|ほど|レベル|ぐらい)")
# 「去年のうちに片付けた話です」: dealt with
_DEALT_WITH = re.compile(r"(片付け|片づけ|かたづけ)(まし)?た(?![いらく])(話|件|こと)?")
# 「昨年度中に」: within a past year — not 〜中 (in progress)
_WITHIN_PAST = re.compile(r"(昨年度|前年度|去年|昨年|先月|先期|前期|昨年度上期|昨年度下期)中に")
# 「既に昨年度中に対応を終えております」: finished
_FINISHED = re.compile(
    r"(対応|作業|移行|導入|整備|実施|修正|設定|切り替え|入れ替え)を(終え|終わらせ|済ませ)"
    r"(て(い|お)(ます|ります|る)|ました|た)"
)
# 「宿題として持ち帰ったまま」「OSの分がまだ宿題として残ってます」: homework left — not done
_HOMEWORK_LEFT = re.compile(
    r"宿題(として|に(して|なって|なった))?[^。、]{0,6}?(持ち帰っ|もらっ)(た|て)(まま|きり)"
)
_HOMEWORK_PENDING = re.compile(
    r"(まだ)?宿題(として|で|が|のまま|に)?(まだ)?(残って|止まって|なって)(い|お)?(ます|る|ります)?"
)
_HOMEWORK_STILL = re.compile(
    r"宿題(として|で|が|のまま|に)?(まだ)?(残っ|止まっ|なっ)(て|た)(まま|きり)"
)
# 「会社ができてから一度もやったことない」: since the firm began — no 〜できて of a control
_SINCE_FOUNDED = re.compile(r"(会社|設立|創業|法人)(が)?(でき|出来)て(から|以来)")
_NEGLECTED = re.compile(r"(放ったらかし|ほったらかし|放りっぱなし)")
# 「一度もやったことないです」: never done
_NEVER_DONE = re.compile(
    r"一度も(やった|した|実施した|受けた|行った|やってみた)こと(が|は)?(ない|ありません|無い|ございません)"
    r"|一度も(やれて|できて|やって|して|実施して|行って)(い|お)?(ない|ません|りません)"
)
# 「ほぼ手付かずです」「ほぼゼロ」「まだ手が回ってない」「予算の都合で後回しにしました」
_NEXT_TO_NOTHING = re.compile(
    r"(ほぼ|ほとんど)(手付かず|手つかず|ゼロ|0)(の状態)?"
    r"|手が(回って|まわって|付いて|ついて)(い|お)?(ない|ません|りません)"
)
# 「PoCの話が出てるだけ」「見積もりを取っただけで」: talk or a quote only
_TALK_OR_QUOTE_ONLY = re.compile(
    r"話が出て(い)?るだけ|見積(も)?り(を)?(取った|もらった|取って(い)?る|もらって(い)?る)(だけ|ところで止ま)"
)
# 「先月も一回戻してみて問題なかった」: tried and it worked — a test passed, not a trial
_TRIED_FINE = re.compile(
    r"(戻し|リストアし|復元し|復旧し|テストし|試し|検証し|切り替え|訓練し)て(み)?(て|たら|たところ)?[、,]?"
    r"(特に)?問題(は|も)?(なかった|なし|ありませんでした|なく)"
)
# 「TLS1.2以上 only」: a version floor, not a scope
_FLOOR_ONLY = re.compile(r"以上[、,]?(のみ|だけ)")
# 「教育を実施していないとは言えませんが」: something is done
_NOT_NONE_SAY = re.compile(
    r"((して|やって|実施して|行って)(い|お)?|(が|は))(ない|らない)とは言え(ない|ません)(が|けど|けれど)?"
)
# 「来期の予算に計上しました。導入はその後です」: the step itself comes later
_STEP_LATER = re.compile(
    r"(導入|実施|対応|開始|運用開始|着手|適用|設定|実行)は(その後|そのあと|それから"
    r"|予算(が)?(つい|付い|通っ|下り)てから)"
    r"(です|になります|の予定です|の予定|$)"
)
# 「ずっとToDoリストの一番下にいます」「やることリストに1行載ってるだけで」: listed, not started
_LISTED_ONLY = re.compile(
    r"(todo|未着手|やること|タスク|バックログ|課題)(リスト|一覧)?(に|の)[^。、]{0,8}?"
    r"(載って(い)?るだけ|載っているだけ|一番下|最後尾|底)"
)
# 「会議で「来期やろう」で話が終わりました」「「そのうちやろう」と言ってたレベル」: talk ended in a wish
_WISH_ENDED = re.compile(
    r"(よう|ろう|こう|ましょう|たい|べき)(ね|な|よ)?[」』]?(と|って|で)(いう)?(話|結論|ところ)?(で|に)?(話が|会議が)?"
    r"(終わ|止ま|終了し)(り|っ)"
    r"|(よう|ろう|こう|ましょう)[」』]?(と|って)(は)?言って(い)?た(レベル|だけ|程度|くらい)"
)
# 「実態としては何もしていません」「実質やってないです」: nothing done, in fact
_NOTHING_IN_FACT = re.compile(
    r"(実態|実際|実質)(として|のところ|的に)?(は)?[、,]?(何も|なにも)(して|やって)(い)?(ない|ません)"
)
_NOT_IN_FACT = re.compile(r"実質(的に)?(は)?[、,]?(やって|して|できて|機能して)(い)?(ない|ません)")
# 「担当者がいなくて、そのままになってます」: nobody to do it, so left
_NOBODY_TO_DO = re.compile(
    r"(担当|担当者|人|人手|やる人)(が|も)(いなくて|いないので|いないから|不在で|不在のため)[、,]?[^。]{0,6}?"
    r"(?=そのまま|手付かず|手つかず|止まって|放置)"
)
# 「今は一部しかできてない」: a part, not none
_ONLY_SOME = re.compile(
    r"一部(しか|だけしか)(できて|やれて|やって|対応して|実施して|入れて|導入して)(い|お)?(ない|ません|りません)"
)
# 「いずれも対応済みです」: each of them — not いずれ (some day)
_EACH_OF = re.compile(
    r"いずれも(?=[、,]?[^。、]{0,3}?(済|完了|対応|実施|導入|未|まだ|して|行って|ない|ありません))"
)
_MISTYPED_NA = re.compile(r"(?<![一-龥])(街頭|街灯|外灯|外套)(なし|無し)")
# 「…月に一回はほんまに戻せるかも、テスト用のサーバーで試しとります」: a restore test, not a trial
_TESTED_WORKS = re.compile(
    r"(戻せる|復元できる|リストアできる|復旧できる|切り替えられる|切り替わる)か(どうか)?(も|を)?[、,]?[^。]{0,16}?"
    r"(試して|試し|テストして)"
)


def beyond_early(text: str) -> str:
    """Rewrites needed before the predicates are folded: 「…していないとは言えませんが」."""
    if "言え" in text:
        text = _NOT_NONE_SAY.sub("一部は実施していますが", text)
    return text


def beyond_rewrites(text: str) -> str:
    """This round's rewrites of the rules' text (see the module docstring)."""
    if "ないと" in text:
        text = _REQUIRED_BEFORE.sub("必須としています", _HELD_UP.sub("未実施です", text))
    if "不可" in text:
        text = _SET_TO_BLOCK.sub("ブロックしています", text)
    if "意識" in text:
        text = _UNNOTICED_ROUTINE.sub("定着しています", text)
    if "付け" in text or "づけ" in text:
        text = _DEALT_WITH.sub("対応済み", text)
    if "中に" in text:
        text = _WITHIN_PAST.sub(r"\1に", text)
    if "を終" in text or "を済" in text:
        text = _FINISHED.sub("対応済みです", text)
    if "宿題" in text:
        text = _HOMEWORK_PENDING.sub("未対応です", _HOMEWORK_LEFT.sub("未対応のままです、", text))
    if "てから" in text or "て以来" in text:
        text = _SINCE_FOUNDED.sub("創業以来", text)
    if "らかし" in text or "ぱなし" in text:
        text = _NEGLECTED.sub("未対応", text)
    if "問題" in text:
        text = _TRIED_FINE.sub("確認済み", text)
    if "以上" in text:
        text = _FLOOR_ONLY.sub("以上", text)
    if "その" in text or "それから" in text or "てから" in text:
        text = _STEP_LATER.sub("未実施です、予定です", text)
    if "リスト" in text or "一覧" in text:
        text = _LISTED_ONLY.sub("未着手です", text)
    if "終わ" in text or "止ま" in text or "終了" in text or "言って" in text:
        text = _WISH_ENDED.sub("未実施です", text)
    if "何も" in text or "なにも" in text or "実質" in text:
        text = _NOT_IN_FACT.sub("未実施です", _NOTHING_IN_FACT.sub("未実施です", text))
    if "ほぼ" in text or "ほとんど" in text or "手が" in text:
        text = _NEXT_TO_NOTHING.sub("未着手です", text)
    if "だけ" in text or "止ま" in text:
        text = _TALK_OR_QUOTE_ONLY.sub("未実施です", text)
    if "いな" in text or "不在" in text:
        text = _NOBODY_TO_DO.sub("未対応で、", text)
    if "か" in text and ("試" in text or "テスト" in text):
        text = _TESTED_WORKS.sub("復元テストを実施して", text)
    if "いずれも" in text:
        text = _EACH_OF.sub("どれも", text)
    if "一部" in text:
        text = _ONLY_SOME.sub("一部のみ実施しています", text)
    if "街" in text or "外" in text:
        text = _MISTYPED_NA.sub("該当なし", text)
    return text


_NOT_SEEN = (
    r"(見たこと(が|は)?(ない|ありません)|見当た(ら|り)|見つか(ら|り)|確認でき(て)?(い)?(ない|ません)|わから|分から"
    r"|把握して(い)?(ない|ません)|知ら(ない|ず|ん))"
)
# 「グループ共通の規程に入っていると聞いた覚えはありますが、中身は見たことがありません」
_HEARSAY_UNSEEN = re.compile(
    r"(聞いた(覚え|こと|気)(は|が|も)?(あり|ある|し|する)|(話|の)(は|を)聞い(た|ている|ています)|と聞いて(い|お)?(ます|る))"
    r"[^。]{0,6}?(が|けど|けれど|ものの)[、,]?[^。]{0,30}?" + _NOT_SEEN
)
# 「委託先のSOCが見てくれているはずなんですが、何を監視しているのかはこちらからは見えていません」
_SHOULD_BUT_UNSEEN = re.compile(
    r"(はず|と思う|と思います)[^。]{0,8}?(が|けど)[、,]?[^。]{0,30}?(こちら|うち|当社|弊社|自社|我々)"
    r"(から|で|に|側)?(は|から)?(は)?[^。、]{0,4}?(見えて|わかって|分かって|把握して|把握でき)(い)?(ない|ません)"
)
# 「管理会社に問い合わせてから回答します」: someone else holds it — asked first
_ASK_FIRST = re.compile(
    r"(問い合わせ|確認し|調べ|聞い|照会し)て(から|みてから)[、,]?(回答|お答え|返答|ご連絡|ご回答|連絡)"
)
# 「昔は入れてたけど、今も有効かは不明」: whether it still holds is not known
_STILL_UNKNOWN = re.compile(
    r"(今も|現在も|今でも|いまも|今は|現在は)[^。、]{0,10}?(か|かどうか)(は|が)?(不明|わから|分から|未確認)"
)
# 「やってた気もするし、やってない気もする」
_BOTH_FEEL = re.compile(r"気も(する|します)し[、,]?[^。]{0,20}?気も(する|します)")
# 「現行の運用状況は確認が必要でございます」
_STATE_TO_CHECK = re.compile(r"(運用状況|状況|実態|現状)[^。、]{0,8}?確認(が|を)?(必要|要)")
_WILL_LOOK = re.compile(
    r"(ちょっと|一度|いったん|一旦)?(調べ|探し)(る|ます|てみる|てみます)$"
    r"|調べるのに[^。]{0,8}?時間を?(ください|下さい|いただけ)"
    # 「クライアントに確認して後日埋めます」「回答は後日でお願いします」
    r"|(確認|問い合わせ)して(後日|あとで|後で|改めて)(埋め|回答|記入|ご回答|お答え)"
    r"|^回答は(後日|あとで|後ほど)"
)

# 「派遣社員は受け入れていないので、そこはなし」「自前DCなんで、そこはスルーでOKっす」
_SO_NOT_HERE = re.compile(
    r"(ので|なので|なんで|だから|ため|し)[、,]?[^。]{0,12}?(そこ|そこら|その辺|そのへん|ここ|この項目|この件|この辺)"
    r"(は|も)[、,]?(なし|無し|スルー|関係な|対象外|飛ばし|不要|いらない)"
    r"|スルーで(ok|いい|大丈夫|お願い|構いません)"
    r"|(ので|なので|ため)[、,]?[^。]{0,16}?の話(は|も)(ない|ありません|無い)(です)?$"
    # 「利用者のデータを預かってないので、返却もなにもないです」「その話はうちには来ないです」
    r"|(ので|から|ため)[、,]?[^。]{0,16}?も(なに|何)も(ない|ありません|無い)"
    r"|(その|この)話は(うち|当社|弊社)(に|には|では)?(来ない|来ません|関係な)"
    r"|^該当性?[:：](なし|無し)"
    # 「うち委託先ゼロなんで関係ないっすね」「決済まわりはStripeなので、カード情報はうちでは持ってません」
    r"|(ので|なので|なんで|ため)[、,]?[^。、]{0,6}?関係(ない|なし|ありません|ございません)"
    r"|(ので|なので|なんで|ため)[、,]?[^。]{0,16}?(うち|当社|弊社|自社)(では|で|は|に)(は)?"
    r"(持って|保持して|保有して|扱って|置いて|預かって)(い|お)?(ない|ません)"
    # 「紙の申込書は受け付けておらず、保管するものがそもそもありません」
    r"|(保管|保存|廃棄|管理|返却|提出)する(もの|対象|書類|データ)(が|は|も)?そもそも(ない|無い|ありません|存在しません)"
    # 「…PaaSのみのため、物理的な入退室管理の対象設備がありません」
    r"|対象(の|となる)?(設備|機器|施設|部屋|業務)(が|は|も)(ない|ありません|存在しません|無い)"
)
# 「外部委託してないです、開発も運用もサポートも全部社内のメンバーでやってるので」
_ALL_IN_HOUSE = re.compile(
    r"(委託|外注|アウトソース)(は|を)?(一切|特に|まったく|全く)?(して|しては|使って)(い|お)?(ない|ません|らず)"
    r"[^。]{0,30}?。?[^。]{0,30}?"
    r"(全部|すべて|全て|全員|全業務|全部署|いずれも)[^。、]{0,16}?(社内|自社|うち|当社|弊社)(の)?"
    r"(メンバー|社員|職員|人間|エンジニア|スタッフ|人)?(だけ|のみ)?で(やって|回して|対応して|運用して|行って"
    r"|実施して|担って|完結)"
)
# 「執務室にはサーバやネットワーク機器を一台も置いていません」「…コンピュータ室自体がありません」
_NO_SUCH_ASSET = re.compile(
    r"(サーバ|サーバー|機器|物理サーバ|ラック)[^。、]{0,8}?(を|は)?(一台|1台|ひとつ|一つ)も(置いて|持って|設置して)"
    r"(い|お)?(ない|ません|らず)"
    r"|(室|ルーム)(自体|そのもの)(が|は|も)?(ない|ありません|存在しません|無い)"
    r"|(サーバ|サーバー|機器|設備)[^。、]{0,6}?(を|は)?(持って|置いて)(い|お)?(ない|ません)(ので|から|ため)[、,]?"
    r"[^。]{0,16}?(室|ルーム)[^。、]{0,4}?(は|も|が)?(ない|ありません|無い)"
    r"|(サーバ室|サーバー室|サーバルーム|サーバールーム|マシン室|コンピュータ室|コンピューター室)(は|も)?"
    r"(なし|無し|ない|ありません)[、。,]?[^。]{0,6}?(フルクラウド|全部クラウド|全てクラウド|すべてクラウド|クラウドのみ|クラウドだけ)"
    r"|(フルクラウド|全部クラウド|クラウドのみ|クラウドだけ)(なので|なんで|だから|のため|ので)[、,]?[^。]{0,8}?"
    r"(サーバ室|サーバー室|サーバルーム|サーバールーム|マシン室|コンピュータ室|コンピューター室)(は|も)?"
    r"(なし|無し|ない|ありません)"
    r"|(媒体|テープ|サーバ|サーバー|機器|設備|紙|現金|店舗|拠点|オンプレ|データセンター|磁気)[^。、]{0,6}?(は|を|も)?"
    r"そもそも(使って|持って|置いて|扱って|保有して|利用して)(い|お)?(ない|ません)"
    r"|^(うち|当社|弊社|自社)(に|で)?(は|には)?[、,]?関係(ない|なし|ありません|ございません|無い)"
)
# "MFA on for admins, not yet for regular staff" (folded: 「…foradmins、まだ、forregularstaff」)
_EN_FOR_NOT_YET = re.compile(r"^[a-z0-9.]{3,40}、(まだ|未)、for[a-z]{3,24}$")
# 「共有アカウント、まだ3つ残ってる（他は個人ID化した）」: some left — a part
_SOME_LEFT = re.compile(
    r"まだ[^。、]{0,6}?\d+(つ|件|個|台|社|人|名|本)(ほど|くらい|ぐらい|程度)?残って"
    r"|\d+(つ|件|個|台|社|人|名|本)(ほど|くらい|ぐらい|程度)?(が|は)?まだ残って"
)
# 「■状況：未対応」
_MEMO_STATE_NOT = re.compile(
    r"(状況|ステータス|現状|対応状況)[:：]?(未対応|未実施|未着手)"
    r"|^(未対応|未実施|未着手|未)[、,](理由|予定|計画)[:：]"
)
_MEMO_STATE_DONE = re.compile(r"^(実施済み?|対応済み?|完了)[、,](内容|対象|方法|頻度)[:：]")
# 「先月の時点で未対応でしたが、今月リリースで対応完了しました」: not then, done now
_WAS_NOT_NOW_DONE = re.compile(
    r"(未対応|未実施|未導入|まだ)(でした|だった)(が|けど|けれど)[、,]?[^。]{0,20}?"
    r"(完了しました|対応しました|導入しました|実施しました|対応済み|完了済み|完了です)"
)
# 「本番環境の診断は実施済みだが、スマホアプリは対象外だったと聞いております」: a part
_DONE_BUT_LEFT_OUT = re.compile(
    r"(済み?|実施し(まし)?た|対応し(まし)?た|して(い|お)(ます|る))(だ|です)?(が|けど|けれど)[、,]?[^。]{0,20}?"
    r"(対象外だった|対象外でした|対象外になっ|スコープ外だった|スコープ外でした|から外れ)"
)
# 「主要な委託先…年1回の監査を行っておりますが、再委託先までは確認できておりません」: a part
_DONE_THEN_UNREACHED = re.compile(
    r"((行って|実施して|導入して|やって|して|入れて)(い|お)(ます|る|ります)|(し|済ませ|終え)(まし)?た|済み?)"
    r"(が|けど|けれど)[、,][^。]{0,24}?までは確認でき(て)?(い|お)?(ない|ません|りません)"
)
# 「インフラは委託先任せなので、確認してから後で入れます」: someone else holds it
# 「東京のオフィスは入退室カードがあるけど、大阪の拠点はまだ普通の鍵で、誰が入ったかは分からない」
_THERE_BUT_STILL = re.compile(
    r"(ある|あります|して(い|お)(る|ます)|てる|てます)(が|けど|けれど)[、,][^。]{0,20}?(は|も)[、,]?まだ"
)
# 「…SSO化しました。ただ旧決済管理画面だけは独自ログインのまま残っています」: one left as it was
_ONE_LEFT_AS_WAS = re.compile(
    r"(だけ|のみ)(は|が)[、,]?[^。、]{0,16}?のまま(残って|になって|です|だ)"
)
# 「平日日中だけ受付に警備員がいます」「東京オフィスのみカード入館」: a time or a place as the scope
_TIME_PLACE_ONLY = re.compile(
    r"^[^。、]{0,8}?(オフィス|拠点|本社|本店|支店|工場|事務所|平日|日中|夜間|営業時間"
    r"|(主要な|大手の|重要な|一部の)[^。、]{0,6}?)"
    r"と?(だけ|のみ)"
)
_ACCESS_WORDS = re.compile(
    r"アクセス|権限|許可|可能|でき|限定|制限|ログイン|接続|使え|入れる|入れない"
)
# 「CrowdStrike は Windows 端末だけ。Mac はまだ何も入ってない」: one scope done, another not yet
_SCOPE_THEN_NOT_YET = re.compile(
    r"^[^。]{1,30}?[一-龥ァ-ヶーa-z](だけ|のみ)(です)?[。、,][^。]{1,16}?(は|も)[、,]?まだ"
)
_HELD_ASK_FIRST = re.compile(
    r"(任せ|丸投げ)[^。]{0,6}?(ので|から|ため)[、,]?[^。]{0,8}?(確認|問い合わせ|聞い)(して|て)?(から|みて)"
    r"[^。]{0,6}?(回答|記入|入れ|お答え|ご連絡)"
)
# 「この質問はあとで答えます、先に進めてください」: the answer deferred — no verdict (a request)
_DEFER_THIS = re.compile(
    r"^(この|その)(質問|項目|設問|件)は[、,]?(あとで|後で|後ほど|のちほど)(答え|回答|お答え|ご回答)"
)
_NOBODY_TOUCHED = re.compile(r"誰も(手を)?(つけて|付けて|触って|着手して)(い)?(ない|ません)")

_SO_NOT_HERE_KEYS = re.compile(
    r"そもそも|そこ|その辺|そのへん|ここ|この|スルー|の話|も何も|もなにも|関係|該当|持って|保持|保有|扱って|置いて"
    r"|預かって|対象"
)
_NO_SUCH_ASSET_KEYS = re.compile(r"一台|1台|ひとつ|一つ|室|ルーム|そもそも|関係")
_LISTED_KEYS = re.compile(r"todo|未着手|やること|タスク|バックログ|課題")
_CONTRAST = re.compile(r"けど|けれど|が[、,]|ただ|ものの|一方|。")

# 「補足説明をいただけますでしょうか」「…の範囲を確認したく存じます」: a question back
_ASK_BACK = re.compile(
    r"補足(の)?(説明|のご説明|ご説明)?(を)?(いただけ|頂け|もらえ|願え)"
    r"|確認(させて|し)たく存じます|ご教示(いただけ|頂け|ください|願)"
)


def asks_back(text: str) -> bool:
    """A formal question back (``_ASK_BACK``), looked for only where one of its words stands."""
    return ("補足" in text or "存じます" in text or "ご教示" in text) and bool(
        _ASK_BACK.search(text)
    )


def _unknown_shape(f: str, status: Status | None) -> bool:
    """Hearsay unseen, should be but unseen, held by others and asked first, both feel true;
    whether it still holds; asked to look or to answer later (only where nothing was read)."""
    return bool(
        (("任せ" in f or "丸投げ" in f) and _HELD_ASK_FIRST.search(f))
        or ("聞い" in f and _HEARSAY_UNSEEN.search(f))
        or (("はず" in f or "と思" in f) and _SHOULD_BUT_UNSEEN.search(f))
        or ("気も" in f and _BOTH_FEEL.search(f))
        or (
            status in (None, Status.DONE, Status.PARTIAL)
            and ("今" in f or "現在" in f or "いまも" in f)
            and _STILL_UNKNOWN.search(f)
        )
        or (
            status is None
            and (
                ("てから" in f and _ASK_FIRST.search(f))
                or ("確認" in f and _STATE_TO_CHECK.search(f))
                or (
                    ("調べ" in f or "探し" in f or "後" in f or "あとで" in f or "改めて" in f)
                    and _WILL_LOOK.search(f)
                )
            )
        )
    )


def _not_here_shape(f: str) -> bool:
    """A reason, then 「そこはなし」 and the like; all in-house; no such asset here."""
    return bool(
        (_SO_NOT_HERE_KEYS.search(f) and _SO_NOT_HERE.search(f))
        or (("委託" in f or "外注" in f or "アウトソース" in f) and _ALL_IN_HOUSE.search(f))
        or (_NO_SUCH_ASSET_KEYS.search(f) and _NO_SUCH_ASSET.search(f))
    )


def _whole_not_done(f: str) -> bool:
    return bool(
        ("一度も" in f and _NEVER_DONE.search(f))
        or ("実質" in f and _NOT_IN_FACT.search(f))
        or (("ほぼ" in f or "ほとんど" in f or "手が" in f) and _NEXT_TO_NOTHING.search(f))
        or ("宿題" in f and _HOMEWORK_STILL.search(f))
    )


def _not_yet_shape(f: str) -> bool:
    return bool(
        ("宿題" in f and _HOMEWORK_LEFT.search(f))
        or (("いな" in f or "不在" in f) and _NOBODY_TO_DO.search(f))
        or (("終わ" in f or "止ま" in f or "終了" in f or "言って" in f) and _WISH_ENDED.search(f))
        or (_LISTED_KEYS.search(f) and _LISTED_ONLY.search(f))
        or (("その" in f or "それから" in f or "てから" in f) and _STEP_LATER.search(f))
        or (("何も" in f or "なにも" in f) and _NOTHING_IN_FACT.search(f))
    )


def beyond_verdict(
    folded: str, status: Status | None, guess: Status | None
) -> tuple[Status | None, Status | None]:
    """The rules' (status, guess) for the *folded* reply, adjusted for this module's shapes."""
    f = folded
    if status is Status.ALTERNATIVE:
        return status, guess
    if (status is Status.UNKNOWN and "まだ" in f and _THERE_BUT_STILL.search(f)) or (
        status in (None, Status.UNKNOWN) and "までは確認" in f and _DONE_THEN_UNREACHED.search(f)
    ):
        return Status.PARTIAL, None
    if status is not Status.UNKNOWN and _unknown_shape(f, status):
        return Status.UNKNOWN, None
    if status in (None, Status.PARTIAL, Status.UNKNOWN) and "未" in f and _MEMO_STATE_NOT.search(f):
        return Status.NOT_DONE, None
    if status is Status.UNKNOWN:
        if ("あとで" in f or "後" in f or "のちほど" in f) and _DEFER_THIS.search(f):
            return None, None
        if ("いな" in f or "不在" in f) and _NOBODY_TO_DO.search(f):
            # 「担当が不在のため、手付かずです」: nobody to do it — not 不明
            return (Status.NOT_DONE, None) if not _CONTRAST.search(f) else (None, Status.NOT_DONE)
        return status, guess
    if status is Status.NOT_APPLICABLE:
        if ("外" in f) and _DONE_BUT_LEFT_OUT.search(f):
            return Status.PARTIAL, None
        return status, guess
    if (status is Status.PARTIAL or (status is None and guess is Status.DONE)) and (
        ((":" in f or "：" in f) and _MEMO_STATE_DONE.search(f))
        or (("でした" in f or "だった" in f) and _WAS_NOT_NOW_DONE.search(f))
    ):
        return Status.DONE, None
    if _not_here_shape(f):
        return Status.NOT_APPLICABLE, None
    if status is Status.NOT_DONE:
        if "for" in f and _EN_FOR_NOT_YET.search(f):
            return Status.PARTIAL, None
        if "まだ" in f and _SCOPE_THEN_NOT_YET.search(f):
            # 「Windows端末だけ。Macはまだ」 — or 「パスワードだけ。MFAはまだ」? Ask
            return None, Status.PARTIAL
        return status, guess
    if status is Status.DONE and (
        ("残" in f and _SOME_LEFT.search(f))
        or ("のまま" in f and _ONE_LEFT_AS_WAS.search(f))
        or (
            ("だけ" in f or "のみ" in f)
            and _TIME_PLACE_ONLY.search(f)
            and not _ACCESS_WORDS.search(f)
        )
    ):
        return Status.PARTIAL, None
    if status is None and "誰も" in f and _NOBODY_TOUCHED.search(f):
        return Status.NOT_DONE, None
    whole = _whole_not_done(f)
    not_yet = _not_yet_shape(f)
    if not (whole or not_yet):
        return status, guess
    alone = status is None or not _CONTRAST.search(f)
    if (alone and whole) or not_yet:
        # 「会議で「来期やろう」で話が終わりました」「担当者がいなくて、そのままになってます。…」:
        # the whole item left undone; a done word elsewhere (「…ました」) read as a part is asked
        # about when another part is set against it
        return (Status.NOT_DONE, None) if alone else (None, Status.NOT_DONE)
    return status, guess


fast_module(globals())
# Patterns whose searches on mid-length replies mostly find nothing: their worded
# alternatives passed over where the reply lacks their words (``by_words``; measured)
worded_module(
    globals(),
    ("_SO_NOT_HERE",),
)
