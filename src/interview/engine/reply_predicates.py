"""Word classes of indirect predicates, folded to the plain words the rules read.

Respondents rarely say 実施済み or 未実施: they say a practice 「運用に乗っている」 or
「手付かず」, that a step is 「着手前」 or 「構想段階にとどまっている」. Each class below lists
such predicates once, with their conjugated frames (plain, polite, casual, after a topic or a
contrast), and rewrites them to a canonical wording: an indirect "not done" becomes 未着手, an
indirect "done" keeps its ending with a plain verb (運用に乗っています → 運用しています). The
rules then read the canonical words as usual, so a contrast (「Aは回っているが、Bは手付かず」)
still reads as a part done.
"""

from __future__ import annotations

from functools import lru_cache

from interview.engine.reply_regex import fast
from interview.engine.reply_steps import Rewrites

# Nouns and noun phrases that say nothing has started yet.
_NOT_STARTED_NOUNS = (
    r"着手前|着手以前|手付かず|手つかず|未着手|構想段階|構想中|企画段階|アイデア段階|検討段階|検討前"
    r"|計画段階|棚上げ|ノーマーク|のーまーく|ペンディング|pending|塩漬け|宿題|積み残し|白紙|机上の(議論|検討|空論)|絵に描いた(餅|もち)"
    r"|ゼロベース|ゼロから(のスタート|スタート)|手探り(の)?(段階|状態)"
)
# 「着手前の段階です」「構想段階にとどまっています」「宿題になっています」: not started.
_NOT_STARTED = fast(
    rf"(まだ|いまだ|未だ|現状|現在|正直)?[、,]?(?:{_NOT_STARTED_NOUNS})"
    r"(?:(?:のまま|の状態)?に(?:とどま|留ま|止ま)(?:って|り|る)(?:い|お)?(?:ます|る|ります|り)?"
    r"|(?:のまま|の状態)?[にと](?:なって|なり|して)(?:い|お)?(?:ます|る|ります|り)?(?:まま)?"
    r"|の(?:段階|状態|まま|ところ)|段階|状態|のまま|中)?"
    r"(?=です|でして|でござ|だ|で[、,]|。|、|$|ね|よ|な(?:ん|の)|か(?:な|も|と)|[!?！？ー〜~]|という|と(?:いう|言う|なって)|と認識)"
)
# 「人員も限られているため、…手付かずです」: a reason of scarcity before a gap is no part done.
_SCARCITY_REASON = fast(
    r"(?:^|(?<=[、。,]))[^。、]{0,30}?(限られて|少な|不足して|不足で|いない|おらず|足りず|足りない|乏し|ない)"
    r"[^。、]{0,8}?(ため|ので|から)[、,](?=[^。]{0,60}未着手)"
)
# 「手が回っていない」「追いついていない」「やれていない」: no capacity, not done.
_NO_CAPACITY = fast(
    r"(手が回って|手を付けられて|手をつけられて|やれて)(い|お)?(ない|ません|おらず|なく)"
)
# 「試行錯誤はありましたが」: a difficulty on the way, not a trial in place.
_TRIAL_AND_ERROR = fast(r"試行錯誤")
# 「担当者もいないため苦労してきましたが、…現在は運用が回っています」: a past hardship (and
# its reason) on the way to a done, no caveat.
_PAST_HARDSHIP = fast(
    r"(?:[^。、]{0,30}(?:ため|ので|から|不足で|がなく|がいなくて)[、,]?[^、。]{0,10}?)?(苦労|苦戦|難航)(し)?(て(き|い))?(まし)?た(が|けど|けれど)[、,]?(?=[^。]{0,40}(現在|今|いま)(は|では|で))"
)
# 「日常業務の一部になっています」「ルーティンになっています」: part of routine work is done.
_ROUTINE = fast(
    r"(日常業務|通常業務|日々の業務|業務|ルーティン|ルーチン|日常)(の一部|の一環)?(に|と)(なって|して|組み込まれて|組み込んで)"
)
# 「運用に乗っています」「軌道に乗っている」「運用が回っています」「毎年回しています」: in place.
_RUNNING = fast(
    r"(運用|軌道|ルーティン|ルーチン)(に|へ)(乗って|乗せて|のって|のせて)"
    r"|(運用|仕組み|サイクル|pdca|プロセス|手順|手順書|体制|ルール|業務)(は|が|も)(ちゃんと|きちんと|問題なく|うまく|回って)?"
    r"(回って)(?=い|る|ま|お)"
    r"|(?<![後手見気出])(?<!持ち)回して(?=い|る|ま|お)"
)
# 「意識はされていますが、具体的な取組みはまだ」: awareness beside a gap is no done part.
_AWARENESS = fast(
    r"(意識|問題視|重要視|必要性を感じ|必要だと感じ|必要と感じ)(は|も)?(され|し)て(い|お)(る|ます|ります|り)"
    r"(?=(が|けど|けれど|ものの)[、,]?[^。]{0,30}(まだ|ない|ません|未|これから))"
)
# 「証跡も見せてもらいましたが、きちんと実施されています」: the reviewer checked, then the verdict.
_EVIDENCE_SEEN = fast(
    r"(証跡|エビデンス|記録|ログ|資料|規程|手順書|報告書)(も|を|は)?(見せてもらい|見せていただき|拝見し|確認し|提出してもらい|提出いただき|受領し)"
    r"(まし)?た(が|けど|けれど)[、,]?"
)
# 「〜と見受けられます」「〜と思われます」: a reviewer's judgment, the verdict is before it.
_REVIEWER_JUDGMENT = fast(r"と(見受けられ|認められ)(ます|る)")
# 「全員に周知できていない」: not everyone reached, a part.
_NOT_EVERYONE = fast(
    r"全員(に|へ|まで|が|は)[^、。]{0,8}?(でき|し|行き届い|浸透し|徹底し|届い)て(い|お)?(ない|ません|おらず)"
)
# 「手順書はないが、チェックリストで同じことをやっています」: the same by other means.
_NEG_THEN_SAME = fast(
    r"((?:ない|ず|ません|なく|おらず)(?:て|が|けど|けれど|ものの)?[、,][^。]{0,40}?)同(?:じ|様の|等の)こと(?:を|は)?"
)
# 「後回しにしちゃってます」: casual forms of holding off.
_PUT_OFF = fast(r"後回し(に)?(しちゃっ|なっちゃっ|してしまっ|なってしまっ|しとっ|しちゃ)て?")
# 「予算要求はしているのですが、まだ承認が下りていません」: asked for, not granted — not started.
_NOT_GRANTED = fast(
    r"(予算(要求|申請|要望)|稟議(申請)?|起案|上申|承認申請)(は|を|も)?(して|出して|上げて|かけて|回して)(い|お)?(る|ます)(の|ん)?(です|だ)?(が|けど|けれど)[、,]?"
    r"(まだ)?(承認|予算|決裁|稟議|ゴーサイン|許可)(が|は)?(まだ)?(下りて|おりて|通って|付いて|ついて|出て)(い|お)?(ない|ません|おらず)"
)
# 「設計はしたけど実装はまだ」: a step before the core one, the core not started.
_CORE_NOT_STARTED = fast(
    r"(設計|要件定義|要件|計画|方針|準備)(は|を|も)?(した|しました|終わった|終わりました|済んだ|できた)"
    r"(けど|けれど|が|ものの)[、,]?(実装|導入|構築|運用|実施|実行|着手|開発)(は|が|に)?(まだ|これから)"
)
# 「運用に乗っているので心配ないです」: no worry is no gap.
_NO_WORRY = fast(r"心配(は|も)?(ない|ありません|いらない|いりません|ご無用|無用)")
# 「予算さえ付けば始めたい」「いつかはやらなきゃね」: a wish or a duty felt, not done.
_WISH = fast(
    r"(予算|人|人手|リソース|体制|時間|余裕)(さえ|が|も)?(付け|つけ|取れ|確保でき|下り|おり|出れ|あれ|でき|揃え|そろえ)(ば|たら)"
    r"[^。]{0,16}?(たい|始めたい|着手したい|取り組みたい|やりたい|進めたい)"
    r"|(いつか|いずれ|そのうち)(は)?[^。]{0,10}?(やらなきゃ|しなきゃ|やらないと|しないと|やらねば|せねば|しなければ|やらなければ)"
    r"(?=(ね|な|なあ|なぁ|とは|と思|です|。|$))"
)
# 「やれたらいいなとは思っています」: a wish.
_WOULD_BE_NICE = fast(
    r"(でき|やれ|し|入れ|導入でき|対応でき|整備でき)たら(いい|良い|よい)(な|なあ|なぁ)?(とは|と|って)(思|考)"
)
# 「過去の監査でも特に指摘は受けておりません」: an audit without findings is a done.
_NO_FINDINGS = fast(
    r"(監査|検査|点検|診断|レビュー|審査|考査)[^。、]{0,10}?(指摘|不備|問題点|問題)(は|も|を)?(特に|一度も|何も)?"
    r"(受けて(い|お)?(ない|ません|おりません|おらず)|されて(い|お)?(ない|ません|おりません|おらず)|ありません|ない|なし|なく|ゼロ|0件"
    r"|見つかって(い|お)?(ない|ません|おりません|おらず))"
)
# 「確認済みなので問題ないと思います」: confidence about no problem, not a hedge on the verdict.
_NO_PROBLEM_THINK = fast(
    r"(問題|支障|心配)(は)?(ない|ありません|ございません)(か)?と(思い|考え)(ます|ております|ています)"
)
# 「運用としては存在しません」: the topic particle, not a done 運用として.
_AS_TOPIC = fast(r"としては(?=(存在し|ない|ありません|ございません|なし))")
# 「その場その場で対応しています」: ad hoc, no practice in place.
_AD_HOC = fast(
    r"(その場その場|その場しのぎ|場当たり的?|行き当たりばったり|アドホック|ad ?hoc)(に|で|の対応で)?"
)
# 「やってるとこもある」: casual ところもある, some places.
_SOME_PLACES = fast(r"(?<![こ])とこ(も|は)(ある|あります|あり(?!ませ))")
# 「契約条項ではなく、覚書を別途締結することで対応しております」: another means, not a gap.
_INSTEAD = fast(
    r"(を|で)(準用|流用|援用|代用)(して|し)(?=[^、。]{0,6}(対応|い|お|ます))"
    r"|(?<=[るくすつぬぶむうぐ])代わり(に|として)"
    r"|(では|で)(なく|はなく)(て)?[、,]?[^。]{0,30}?(こと|の|形)?(で|により|によって)(対応|代替|カバー|担保|補完|やって|防いで|守って|補って|対策)"
    # 「ワンタイムパスワードではなく、生体認証で本人確認しています」: the control's function done
    # another way (not 「手動ではなく、自動で…」 nor 「環境変数ではなく、…で管理」: how, not instead)
    r"|(?<!手動)(?<!手作業)(?<!人手)(?<!目視)(?<!自動)(?<!紙)(では|で)(なく|はなく)(て)?[、,]?[^。]{0,30}?(で|により|によって)"
    r"(本人確認|認証|監視|検知|防御|保護|暗号化)(し|を)"
    r"|で代わり(に|と)(して|し)|を代わりに(して|使)"
)

# Eighth round (batch 35): more word classes, each folded to words the rules already read.
# 「先送りになっています」「先延ばしにしています」: holding off, like 後回し.
_POSTPONED = fast(
    r"(先送り|先延ばし)(に)?(しちゃっ|なっちゃっ|してしまっ|なってしまっ|しとっ|しちゃ|なっ|し)て"
)
# 「結局そのままになっています」「それきりです」: talk that came to nothing.
_FIZZLED = fast(
    r"(結局|けっきょく)[、,]?(そのまま|それきり|それっきり|うやむや)(に)?"
    r"(なって(い|お)?(ます|る|ります)?|なりました|なった|です|の状態です|だ)?"
)
# 「社長に相談したら、今はいいと言われました」: told it can wait, a decision not to act.
_TOLD_NOT_NOW = fast(
    r"(今は|いまは|当面は?|しばらくは|現時点では)(まだ)?(いい|よい|良い|不要|必要ない|いらない|やらなくていい|やらなくてよい|しなくていい)"
    r"(と|って)(言われ|いわれ|判断され|判断し|決ま|なり|の(判断|こと|結論))[^、。]{0,8}"
)
# 「形になっているものは何もないです」「決まっているルールは一つもありません」: nothing formed.
_NOTHING_FORMED = fast(
    r"(形になって|決まって|定まって|整って|整備して|整備されて|文書化して|文書化されて|明文化して|明文化されて"
    r"|用意して|用意されて|作って|作成して|作成されて)(い|お)?る(もの|こと|ルール|仕組み|手順|規程|文書)"
    r"(は|も)(何も|なにも|一つも|ひとつも|特に|まだ)?(ない|無い|ありません|ございません|なし)(です|んです|でした)?"
)
# 「導入したいツールの候補を挙げているところです」: choosing, not using (like 選定しています).
_SHORTLISTING = fast(
    r"候補(を|の)?(挙げ|あげ|出し|洗い出し|絞っ|絞り込ん|リストアップし|比較し|探し)(て|で)"
)
# 「議論にはなっていますが、結論は出ていません」: talk without a decision, nothing done.
_NO_CONCLUSION = fast(
    r"(結論|答え|方針)(は|が|も)?(まだ)?(出て|出せて|決まって)(い|お)?(ない|ません|おらず)"
)
# 「専用のシステムはないので、月ごとにエクスポートして保存しています」: no dedicated means, so
# another way (read like 〜できない代わりに).
_NO_DEDICATED_SO = fast(
    r"(システム|ツール|製品|仕組み|装置|機器|サービス|部署|部門|専任|拠点|設備)(は|が|も)"
    r"(ない|無い|ありません|ございません|持っていない|置いていない)(ので|ため|から)[、,]"
    r"(?=[^。]{0,50}?て(い|お)(ます|る|ります))(?![^。]{0,50}(のみ|だけ|一部|ない|ません|予定|検討))"
)
# 「ログイン失敗が5回続くとロックがかかります」: what happens automatically on a condition.
_AUTO_ACTION = fast(
    r"(?<=[とばらは])[、,]?(ロック|アラート|通知|警告|遮断)が(かかり|かかる|上がり|上がる|あがり|あがる|飛び|飛ぶ|出|送られ)(ます|る)?"
)
# 「承認されていない端末はつながらないようになっています」: prevented by design (not 「〜ないように
# しています」, an effort, which asks).
_DESIGNED_NOT = fast(
    r"(?<=[ぁ-ん])ない(よう|様)(に)?(なって|設定して|設定されて|制御して|制御されて)(い|お)(ます|る|ります)"
)
# 「声は上がっていますが、誰も動いていません」: talk, and nobody acting on it.
_NOBODY_MOVED = fast(
    r"誰も(動いて|手を付けて|手をつけて|着手して|やって|取り組んで|対応して)(い|お)?(ない|ません)"
)
_VOICES_RAISED = fast(r"声(は|が|も)(上が|あが)って(い|お)(ます|る)(の|ん)?(です)?(が|けど|けれど)")
# 「そこは完全に抜けてました」: overlooked, not done (not 「抜けている年もある」, a part).
_OVERLOOKED = fast(
    r"(完全に|すっかり|まるっと|うっかり)?(抜けて|抜け落ちて|見落として|失念して)(い|お)?(ました|た|ます|る)"
    r"(?![^。]{0,3}(年|月|部分|ところ|箇所|もの|こと|人|回))"
)
# 「今どうするか考えているところです」: deciding what to do, nothing done.
_DECIDING_HOW = fast(
    r"どう(する|対応する|やる|するの|対処する)か(を)?(考えて|検討して|相談して|悩んで|議論して|話し合って)"
    r"(い|お)?(る|ます)?(ところ|最中|段階)?"
)
# English inside a reply (the fold drops its blanks): 「We use IP allowlisting instead.」
_ENGLISH = (
    (fast(r"alternativecontrol|instead(?=$|[、。.,!])"), "で代替"),
    (fast(r"(doesn't|doesnot|does not)apply|notapplicable"), "該当しない"),
    (fast(r"nothinginplace|wedon'thave(that|it|this|one|any)?|(?<![a-z])notdone"), "未実施"),
    (fast(r"(?<!not)(?<!n't)(?<!never)(is|are)?(enforced|enabled)"), "実施済み"),
    (fast(r"^done(?=[、。,.])"), "実施済み"),
    (fast(r"(?<![a-z])unknown(?![a-z])"), "不明"),
    (fast(r"getbackto(you|u)(?![a-z])"), "後日回答"),
    (fast(r"(?<![a-z])checking(?![a-z])|要check"), "要確認"),
)
# 「【対応】済」: a bracketed label, read like 「対応: 済」.
_BRACKET_LABEL = fast(r"【([^】]{1,8})】")
# 「やってはります」: Kansai honorific, 〜ています.
_KANSAI_HONORIFIC = fast(r"(?<=[てで])はり(ます|まへん)|(?<=[てで])はる(?=[^一-龥ぁ-ん]|$|よ|ね)")
# 「聞いとくね」(folded 聞いておく): asking someone, as 聞いておきます.
_WILL_ASK = fast(r"(聞い|確認し|調べ|問い合わせ|見)ておく(?![^、。]{0,2}(べき|必要))")
# 「トークンじゃなくてスマホの生体認証でやってる」: casual 「ではなく、」.
_NOT_BUT_CASUAL = fast(r"(じゃ|では)(なくて|なくって)[、,]?")
# 「いったん保存して終了します」: a remark about the session.
_SAVE_AND_QUIT = fast(
    r"(いったん|一旦|一度)?(保存|セーブ)(して|し)[、,]?(終了|終わり|中断|閉じ|抜け)(します|ます|る|たい)"
)
# 「監査法人からも特に何も言われていません」: an audit without findings (like 指摘なし).
_NOT_TOLD_OFF = fast(
    r"(監査|検査|点検|診断|審査|考査)[^。、]{0,10}?(特に|一度も)?(何も)?(言われて|注意されて|指摘されて|咎められて)"
    r"(い|お)?(ない|ません|おりません)"
)
# 「人の手で取り出すことはできません」「誰も閲覧することはできない」: what a control prevents.
_CANNOT_ACCESS = fast(
    r"(取り出|持ち出|閲覧|参照|改ざん|改竄|書き換え|削除|コピー|ダウンロード|ログイン|アクセス|変更|持ち込)"
    r"(す|し|する)?(こと)(は|が|も)?(一切|絶対に)?(でき|出来)(ない|ません|ず|なく)"
    r"(?=[^、。]{0,4}($|[、。]))"
)
# 「物理的な分離は難しいので、VLANで論理的に分けています」「専任は置けないため、…で体制を作って
# います」: the asked-for means cannot be had, so another one is used — the 代わりに of 代替策.
_CANNOT_SO_OTHER = fast(
    r"(は|が)[^、。]{0,8}?(難しい|厳しい|困難な?|無理な?|できない|出来ない|置けない|持てない|入れられない)(ので|ため|から)[、,]"
    r"(?=[^。]{0,40}?(で|を使って|を活用して|によって|により|を用いて)[^。]{0,24}?て(い|お)?(ます|る|ります))"
    r"(?![^。]{0,40}(のみ|だけ|一部|ない|ません))"
)

# 「物理的な媒体チェックに代えて、…」「紙の台帳に代わり、…」: in place of, said formally.
_IN_PLACE_OF = fast(
    r"に(代え|替え|かえ)て|に(代わ|替わ|かわ)り(?=[、,]|[^ま])(?!ます)|に(代わ|替わ)る(?=措置|手段|方法|対策|策|仕組み|統制)"
)
# 「べつの方法で」: kana for 別.
_OTHER_KANA = fast(r"べつ(の|な)(?=[ぁ-ゖ一-龥ァ-ヶ])")


# Left as it was found: on a list and no further (「backlogに積んだまま」「TODOリストに入ったまま
# 半年」「Jiraに起票したまま止まってます」), a finding left alone (「指摘されて、そのままになって
# ます」), something overlooked (「完全に抜けてました」), left to lie (「ステージングは放置」).
_LEFT_PENDING = fast(
    r"(?:backlog|バックログ|todo|to ?do|未着手|チケット|課題|タスク|リスト|一覧|管理表|jira|issue|宿題)[^、。]{0,8}?"
    r"(?:に|へ|として|で)(?:入っ|入れ|積ん|積ま|載っ|載せ|起票し|登録し|残っ|残し|上がっ|挙がっ|上げ)"
    r"(?:た|だ|て(?:い|お)?る|で(?:い|お)?る)?(?:まま|きり|っきり)"
    r"|(?:起票|チケット化|登録|課題化)(?:し|され)た(?:まま|きり|っきり)"
    r"|(?:指摘|検出|発見|見つかっ|報告)(?:を受け|され|し)?(?:た|て)[、,]?(?:その)?まま"
    r"|(?:課題|問題|不備|脆弱性|指摘事項?)(?:が|は|も)(?:その)?まま(?=に|で|です|だ|[、。]|$)"
    r"|課題として残って(?:い|お)?(?:ます|る|て|り)?"
)
# 「…のまま半年経ってる」: how long it has been left says nothing more.
_LEFT_FOR = fast(
    r"(?<=未着手のまま)[、,]?(?:もう|既に|すでに)?[^、。]{0,8}?(?:経って|たって|経ち|過ぎて|経過して)(?:い|お)?(?:ます|る|ました|た)?"
)
_LEFT_OUT = fast(
    r"(?:完全に|すっかり|うっかり|まるっと|対応(?:が|から)|考慮(?:が|から)|検討(?:が|から)|^)(?:抜け|漏れ|抜け落ち)て(?:い|お)?(?:まし)?た"
)
_LEFT_ALONE = fast(
    r"(?<=[はがも])放置(?=$|[、。]|です|だ|状態|して|されて|のまま)"
    # 「言われて、そのまま放置されてます」: left as it was
    r"|(?<=そのまま)放置され(て|た)((い|お)(る|ます|ります))?"
)


# 「WAFはdisabledのままです」: switched off and left so.
_LEFT_OFF = fast(r"無効(の|に(した|なった|なって(い|お)?る))まま")
# 「該当ないです」: 該当なし, casually.
_NA_CASUAL = fast(r"該当(ない|無い|ありません|ございません)(?=$|[、。!?]|です|っす|ね|よ|でした)")
# 「店頭での本人確認は要りません」: not needed (with a reason, n/a).
_NOT_NEEDED = fast(
    r"(?:要|い)り(?:ません|ませんでした)|(?:(?<=[はもが、])|(?<=要))"
    # 「繋がらない」「上がらない」: a verb ending in が, not 要らない
    r"(?<!繋が)(?<!つなが)(?<!上が)(?<!あが)(?<!下が)(?<!さが)(?<!広が)(?<!ひろが)(?<!塞が)(?<!ふさが)(?<!曲が)(?<!まが)(?<!防が)(?<!ふせが)"
    r"らない|(?<=[はもが、])いらない"
)
# 「関係ないとは言い切れないので、確認させてください」: n/a cannot be said — not known.
_NA_NOT_SURE = fast(
    r"(関係(ない|ある)|該当(しない|する)|対象外|不要|非該当|該当なし|やっていない|していない|未実施)"
    r"(と|とは|とも)(言い切れ|いいきれ|断言でき|断定でき|言え|いえ)(ない|ません|ず)"
)
# 「私の担当範囲外なので分かりかねます」: outside the person's role, not the item's scope.
_NOT_MY_ROLE = fast(r"(担当|所管|管轄|専門)(範囲|領域)?外")
# 「パスワードをソースコードに書かず、環境変数から読み込んでいます」: what is avoided, then
# what is done instead — the avoidance is the control.
_AVOIDED = fast(
    r"(書か|含め|出さ|開示せ|記録せ|埋め込ま|ハードコードせ|記載せ|持た|保持せ|保存せ|残さ|置か|渡さ|晒さ|公開せ|共有せ|直書きせ|平文で(保存|保管)せ)"
    r"(ず|ずに|ないで)[、,](?=[^。]{0,50}((て|で)(い|お)(ます|る|ります)|済み))"
)
# 「手動での変更経路はありません」: no way round the control.
_NO_WAY_ROUND = fast(
    r"(経路|抜け道|裏口|ルート|迂回路)(は|が|も)(一切|特に)?(ない|ありません|ございません|存在しません|なし)"
    # 「外部に公開しているポートはなく」: nothing exposed
    r"|(公開|開放|露出)(して(い|お)る|された|している|しっぱなしの)[^、。]{0,8}(は|が|も)(一切|特に)?(なく|ない|ありません|ございません|なし)"
)
# 「台帳はあるけど、更新が止まってます」: in place but no longer kept up.
_STALE = fast(
    r"(更新|メンテナンス|メンテ|見直し|棚卸し?|運用|レビュー)(が|は|も)[^、。]{0,8}?(止まって|ストップして|滞って|途絶えて|止まった(まま|きり))"
)
# 「年明けにPoCを始める予定です」: a pilot that is only planned is no part done.
_PILOT_PLANNED = fast(
    r"(poc|試験導入|試験運用|トライアル|パイロット|試行)(を|は|の)?[^。、]{0,6}?(始める|開始する|実施する|行う|やる|する|着手する)(予定|つもり|方向|見込み)"
)
# 「必要ないとは思っていませんが、まだ何も…」: awareness, no done part.
_NOT_UNNEEDED = fast(
    r"(必要|重要|大事)(が)?(ない|なくは|ではない|じゃない)とは(思って|考えて)(い|お)?(ない|ません|おりません)(です)?(が|けど|けれど)"
)
# 「まだ途中って感じです」「代わりにやってる感じ」: a casual softener, no hedge.
_FEELS_LIKE = fast(r"(って|てる|ている|な)感じ(です|だ|ですね|かな|っす)?(?=$|[。!?])")


# 「eラーニングを受けるのが決まり」「朝会で10分やるのが恒例」: a practice in force.
_CUSTOM = fast(
    r"(?<=[るくうすつぶむぬぐ])のが(決まり|ルール|恒例|慣例|習慣|原則|通例|お約束|習わし|日課|ルーティン|ルーチン)"
    r"(?=$|[。、!]|です|だ|に(なって|して)|と(なって|して)|ね|よ)"
)
# 「指摘されて、そのまま残ってる」: left as it was (after the 未着手 folds).
_LEFT_REMAINING = fast(
    r"(未着手|未対応)のまま(残って|になって|放置されて|止まって)(い|お)?(る|ます|ります)"
)
# 「費用感を調べている段階」「製品を比較しているところ」: an early step, nothing in place.
_SHOPPING = fast(
    r"(費用感?|価格|相場|製品|ベンダー|業者|ツール|サービス|発注先|委託先候補)(を|の|について)?[^。、]{0,6}?"
    r"(調べ|比較し|探し|当たっ|洗い出し)て(い)?る(段階|ところ)"
)
# 「雛形をダウンロードしただけの段階」: a first step only.
_FIRST_STEP_STAGE = fast(
    r"(ダウンロード|入手|取り寄せ|購入|見積もりを取っ|見積りを取っ|資料を集め|買っ)(し)?ただけの(段階|状態|状況)"
)
# 「インフラの人に見てもらいます」: someone else will check (not 〜もらっています, done).
_HAVE_CHECKED = fast(
    r"(?<=[一-龥ァ-ヶーa-z])(に|へ)(見て|確認して|調べて|聞いて|チェックして|確かめて)"
    r"(もら|いただ)(います|う|おう|いましょう|きます|く)(?=$|[。、!]|ね|よ|わ)"
)
# 「前の担当が作ったものなので、中身を見てないです」「外注先に任せきりで、どうなってるか
# 聞いたことがない」: the work sits with someone else, and its state is not known.
_NOT_SEEN_INSIDE = fast(
    r"(前の担当|前任|先代|ベンダー|外注|委託先|親会社|本社|グループ会社|業者|前の会社|情シス)[^。]{0,20}?"
    r"(ので|ため|から|で|きりで|っきりで)[、,]?[^。]{0,10}?(中身|内容|詳細|実態|中)(は|を|も)?"
    r"(見て|確認して|把握して|聞いて|知って)(い|お)?(ない|ません)"
    r"|どうなって(い)?るか(は|も)?[^。、]{0,4}?(聞いた|見た|確認した|知った|調べた)こと(が|は|も)?(ない|ありません)"
)
# 「今どうなってるか見てみないと」: must look before answering.
_MUST_LOOK = fast(
    r"どうなって(い)?るか(は)?[^。、]{0,4}?(見て|確認して|調べて|聞いて)(み)?ないと"
    r"(わから(ない|ん)|なんとも|何とも)?"
)


# What fold_predicates rewrites, in order (pattern, replacement).
_STEPS = Rewrites(
    [
        (_TRIAL_AND_ERROR, "苦労"),
        (_CUSTOM, "ことになっています"),
        (_SHOPPING, "検討中"),
        (_FIRST_STEP_STAGE, "段階で未着手"),
        (_HAVE_CHECKED, "に確認します"),
        (_NOT_SEEN_INSIDE, "把握していない"),
        (_MUST_LOOK, "確認しないとわからない"),
        (_LEFT_OFF, "オフのまま"),  # the words 「オフのまま」 the rules know
        (_NA_CASUAL, "該当なし"),
        (_NOT_NEEDED, "不要です"),
        (_NA_NOT_SURE, "不明で"),
        (_NOT_MY_ROLE, "担当ではない"),
        (_AVOIDED, "〔避〕、"),
        (_NO_WAY_ROUND, "〔防〕"),
        (_STALE, "形骸化して"),
        (_PILOT_PLANNED, "着手予定"),
        (_NOT_UNNEEDED, "〔意〕が"),
        (_FEELS_LIKE, "です"),
        (_PAST_HARDSHIP, "苦労の末、"),
        (_LEFT_PENDING, "未着手のまま"),
        (_LEFT_FOR, ""),
        (_LEFT_OUT, "未対応です"),
        (_LEFT_ALONE, "未対応"),
        (_LEFT_REMAINING, "未着手のままです"),
        (_NOT_STARTED, "未着手"),
        (_NO_CAPACITY, "未着手"),
        (_SCARCITY_REASON, ""),
        (_ROUTINE, "定着して"),
        (_RUNNING, "運用して"),
        (_AWARENESS, "〔意〕"),
        (_EVIDENCE_SEEN, ""),
        (_REVIEWER_JUDGMENT, ""),
        (_NOT_EVERYONE, "一部未対応"),
        (_WISH, "予定"),
        (_WOULD_BE_NICE, "予定と思"),
        (_NO_FINDINGS, "監査で指摘なし"),
        (_NO_PROBLEM_THINK, "問題ありません"),
        (_AS_TOPIC, "は"),
        (_AD_HOC, "各自の判断で"),
        (_NO_WORRY, "問題ありません"),
        (_SOME_PLACES, "ところもある"),
        (_IN_PLACE_OF, "の代わりに"),
        (_OTHER_KANA, "別の"),
        (_INSTEAD, "で代替"),
        (_NEG_THEN_SAME, r"\1同等の対策を"),
        (_PUT_OFF, "後回しにして"),
        (_NOT_GRANTED, "予算待ちで未着手"),
        (_CORE_NOT_STARTED, "未着手"),
        (_POSTPONED, "後回しにして"),
        (_FIZZLED, "立ち消えになっています"),
        (_TOLD_NOT_NOW, "見送りになりました"),
        (_NOTHING_FORMED, "何もしていません"),
        (_SHORTLISTING, "選定して"),
        (_NO_CONCLUSION, "まだ何も決まっていません"),
        (_NOT_TOLD_OFF, "監査で指摘なし"),
        (_CANNOT_ACCESS, "できない仕組みです"),
        (_CANNOT_SO_OTHER, r"\1できない代わりに、"),
        (_NO_DEDICATED_SO, r"\1\2できない代わりに、"),
        (_AUTO_ACTION, r"自動で\1されます"),
        (_DESIGNED_NOT, "ない仕組みです"),
        (_NOBODY_MOVED, "何もしていません"),
        (_VOICES_RAISED, "話は出たが"),
        (_OVERLOOKED, "未対応でした"),
        (_DECIDING_HOW, "検討中"),
        (_NOT_BUT_CASUAL, "ではなく、"),
        (_SAVE_AND_QUIT, "今日はここまで"),
        *_ENGLISH,
        (_BRACKET_LABEL, r"\1:"),
        (
            _KANSAI_HONORIFIC,
            lambda m: "います" if m.group(1) == "ます" else "いません" if m.group(1) else "いる",
        ),
        (_WILL_ASK, r"\1ておきます"),
    ]
)


@lru_cache(maxsize=256)
def fold_predicates(text: str) -> str:
    """Rewrite indirect predicates to the canonical words the rules read.

    Cached: the rules and the statistical gate both fold the same reply. Steps whose patterns
    need characters or words the reply lacks are passed over (``reply_steps.Rewrites``)."""
    return _STEPS(text)


__all__ = ["fold_predicates"]
