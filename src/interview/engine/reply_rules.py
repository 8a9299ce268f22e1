"""Hand-written rules that read a verdict from a folded Japanese reply.

The reader looks for five kinds of signal in the folded text (see reply_normalize):
positive predicates (〜している, 〜済み, 運用中), negative ones (〜ていない, 〜ません, 未〜),
plans (予定, 検討中, 来期), limited scope (〜のみ, 一部, 〜以外は) and the words of the two
"no verdict" statuses (該当しない…, 分からない…). Words that only look negative are
neutralised first: a double negative (しないわけではない), a control phrased as a
prohibition (平文では保存しない), an absence of problems (問題はない), a purpose
(漏れないように). Then the signals are combined; mixed or hedged signals give "not sure"
with a best guess rather than a confident wrong status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interview.engine.answers import Status
from interview.engine.reply_correction import corrected_tail
from interview.engine.reply_plan import PLAN_WORDS
from interview.engine.reply_regex import Alternation

_POS_TOKEN = "〔済〕"

# --- rewrites before reading -------------------------------------------------------------

# Things a reply counts when it says which ones are (not) covered.
_UNITS = (
    r"(月|年|日|週|回|年度|期|時期|とき|時|ケース|案件|箇所|部分|もの|拠点|部署|部門|社員|職員|従業員"
    r"|人|者|端末|pc|サーバー?|システム|アカウント|通信|画面|委託先|取引先|api|データ|店舗|支店)"
)
_DOUBLE_NEGATIVE = re.compile(
    r"(ない|なかった|未(実施|対応|整備|導入))(という)?(わけ|訳)(で|では|では)?(は|も)?"
    r"(ない|ありません|ございません|なく)"
    r"|ない(という|なんて)?こと(は|も)(ない|なく|ありません|ございません)"
    r"|なくは(ない|ありません)|なくも(ない|ありません)"
    r"|未(実施|対応|整備|導入|着手)(で|では)?(は)?(ない|ありません|ございません)"
    r"|ないとは(いえ|言え|いわ|言わ|いい|言い)(ない|ません)"
    # 「報告していない月はありません」「受けていない社員はいません」「暗号化せずに流している箇所は
    # ありません」「未提出の月はない」: no exception, so always done
    r"|(ない|なかった|(?<![はが])(せず|しないで|なしで)に?[^、。]{0,12}?(ている|てる|た|る))"
    rf"{_UNITS}(は|も)(一度も|一つも|ひとつも|1つも|一件も|1件も|一人も|一台も|1台も|一切|これまで)?"
    r"(ない|なく|なし|ありません|ございません|いない|いません|おりません|存在しません|存在しない)"
)
# Negatives that describe the control itself, or an absence of problems.
_NOT_REALLY_NEGATIVE = Alternation(
    re.compile(
        r"(問題|事故|指摘|漏れ|漏えい|漏洩|抜け|不備|障害|違反|例外|懸念|支障|インシデント|被害|不正"
        r"|抜け漏れ|遅延|ミス|苦情|クレーム)[^、。]{0,4}?(は|も|が|等は)?(特に|一切|全く|まったく|これまで)?"
        r"(ない|ありません|ございません|なし|起きていない|起きていません|発生していない|発生していません"
        r"|出ていない|出ていません)"
        r"|ないよう|なくなるよう|ないか(どうか|を|、|毎|定期|確認|チェック|監視|点検|常時|日次|月次|自動|の確認)|(漏れ|もれ|例外|滞り|問題|抜け|間違い|遅滞|遅れ|欠かさず)なく"
        r"|ないこと(を|の)(確認|チェック|監視)"
        r"|(抜かり|ぬかり|手抜かり|怠り|不足|漏れ|もれ)(は|も)?(ない|なく|ありません|なし)"
        r"|(事故|漏えい|漏洩|インシデント|被害|障害|指摘|不正)[^、。]{0,8}ゼロ"
        r"|(指摘|問題|不備|事故|障害|インシデント)(事項)?(は|も)?(特に|一切)?なく(?!て)"
        r"|(ない|なければ)と?[^、。]{0,12}?(でき|られ)(ない|ません)(仕組み|設計|仕様|よう|ように|構成|設定)"
        # 「申請しないと使えません」「パスワードを知らないとログインできません」: a requirement
        r"|(?:知ら|揃わ)?(?<!い)(?<!確認し)(?<!調べ)(?<!聞か)(ない|なければ)と"
        r"(?:(?!答え|回答|判断|言え|わから|分から)[^、。]){0,14}?(でき|られ|使え|開け|入れ|見れ|開か|動か|通ら|進め)(ない|ません)"
        r"|(ない|ません|できない|させない|れない)(権限|設計|仕組み|仕様|構成|設定|運用|方針|ルール|決まり|こと(に|と)(して|し|な))"
        r"|(承認|申請|許可|認証|権限|本人確認|確認|同意|許諾|審査|レビュー)(なし|なく|がないと|がなければ|を経ず|を得ず)(で|に|では)?(は)?"
        r"[^、。]{0,12}?(できない|できません|できず|不可|られない|られません|ことはない|ことはありません|しない|しません|されない|されません)"
        r"|(接続|アクセス|ログイン|持ち出|閲覧|変更|削除|送信|ダウンロード|コピー|インストール|利用|使用)(する|す)"
        r"こと(は|も)?(一切|決して)?(でき|出来)(ない|ません)"
        r"|(後|経由|承認済み?の|登録済み?の)に限(って|り|定|られ)"
        # risky things a control keeps out: 「USBメモリは使わせていません」「退職者のIDは残っていません」
        r"|(usb|外部メディア|外部記憶|フリーメール|私用メール|初期パスワード|デフォルト(の)?(パスワード|管理者|アカウント|設定)"
        r"|不要な?(ポート|サービス|アカウント|権限|機能)|サポート(切れ|終了)|eol|個人の(端末|pc|スマホ|スマートフォン|携帯)"
        r"|私用(の)?(端末|pc|スマホ)|本番データを|パスワードを(メール|チャット|口頭|紙)|退職者の(id|アカウント)"
        r"|(のまま|そのまま)(運用|使用|利用))[^。]{0,20}?"
        r"(しない|しません|していない|していません|させていません|させていない|ない|ません|ありません)"
        r"|禁止[^。]{0,30}?(?<!該当し)(?<!関係し)(?<!適用さ)(て|で)(い|お)(ない|ません|らず)"
        r"|未(使用|承認|登録|許可|知|認証|署名|公開|成年|利用|ログイン|アクセス|更新)の"
        r"|(一般(社員|ユーザー|利用者|職員)|第三者|部外者|社外|他社|外部)(に|へ|から)(は|も|の)?[^、。]{0,12}?"
        r"(付与|提供|開示|共有|公開|送信|渡|漏|アクセス|接続|閲覧|持ち出)[^、。]{0,10}?(しない|しません|していない|していません|させない|させません"
        r"|ことはない|ことはありません|できない|できません|認めていない|認めていません)"
        r"|(平文|生のまま|共有(アカウント|id|ユーザー)|使い回|持ち出|私物|無断|許可なく|許可なし"
        r"|個人端末|ハードコード|ソースコードに|ログに(は)?(パスワード|秘密)|外部に(は)?公開)"
        r"(?:(?!制限|管理|対策|チェック|監視|ルール|規程|禁止)[^。、]){0,16}?"
        r"(しない|しません|していない|していません|させない|させていません|認めていない"
        r"|認めていません|できない|できません|ない|ません)"
        r"|以外(は|から(の)?(アクセス|接続|通信)?(は)?)?[^、。]{0,8}?"
        r"(でき|させ|許可(し|され)|認め(られ)?|られ|入れ|触れ|見れ)(ない|ません|ていない|ていません)"
        r"|(ログイン|アクセス|接続|閲覧|利用|使用|持ち出し|持ち込み|変更|削除|リリース|送金|出金|操作|インストール"
        r"|ダウンロード)(は|が|も)?(一切)?((でき|出来)(ない|ません)|不可)"
        r"|(退職者|不要な?|古い|使わない|未使用の?)[^、。]{0,10}(残して|残っ)(い|お)?(ない|ません)"
        # 「直接入る経路は残していません」「サポートが切れたOSは一台も残っていません」
        r"|(?<!記録)(?<!ログ)(?<!証跡)(?<!履歴)(?<!資料)(?<!記録が)(?<!記録は)(?<!ログが)(?<!ログは)"
        r"(経路|穴|アカウント|id|os|端末|サーバー|ポート|権限|脆弱性|リスク|課題)(は|も|が)?(一(台|つ|件|個)も)?"
        r"(残して|残っ)て?(い|お)?(ない|ません)"
    )
)

# 「問題は起きていない」「指摘事項はありません」: no trouble so far. It counts as done only
# when nothing else in the reply is negative (「やってないけど問題は起きてない」 is not done).
_NO_TROUBLE = re.compile(
    r"(問題|事故|指摘|漏えい|漏洩|障害|インシデント|被害|不正|苦情|クレーム|トラブル)(事項|等|など)?"
    r"(は|も|が|等は)?(特に|一切|全く|まったく|これまで|今まで|一度も)?"
    r"(ない|ありません|ございません|なし|起きていない|起きていません|発生していない|発生していません"
    r"|出ていない|出ていません)"
)
_NO_TROUBLE_TOKEN = "〔無事〕"

# --- signals -----------------------------------------------------------------------------

_NOT_APPLICABLE = re.compile(
    r"該当(しない|しません|せず|なし|外|しないと|しないため|しない為|しておりません|していません"
    r"|いたしません|いたさない|いたしておりません|しかねます|がない|がありません|がございません)"
    r"|非該当|対象外|適用外|範囲外|対象(では|で)?(ない|ありません|ございません)|対象にならない"
    r"|対象になりません|関係の(ない|無い)|関係(ない|なし|ありません|ございません|がない|がありません|ないです|しない|しません|しておりません)|無関係"
    r"|(該当(する|の)?|対象と(なる|する))(業務|サービス|取引|機能|ケース|もの|事象|データ|利用者|接続|api|システム|事業|委託先|取引先|顧客|アプリ|端末|商品)(は|が|も|を)?"
    r"(ない|ありません|なし|存在しない|存在しません|(行|扱|提供し|運営し)って(い|お)?(ない|ません|りません))"
    r"|当てはまら|あてはまら|当てはまりません|あてはまりません|不要(?!な)(?!だ?〔旧〕)"
    r"|必要(性)?(が|は|も)?(ない|ありません|なし)(?!と(思っ|考え)て(?![いお]))"
    r"|(やら|し|対応し|実施し)なくて(も)?(いい|よい|良い|構わない)(?![^、。]{0,4}と(言|い)われ)"
    r"|^n/?a(です)?($|[(、。:])|^na(です)?($|[(、。:])|(項目|本件|設問|質問|要件)[^、。]{0,8}適用され(ない|ません)|(この|本)(項目|質問|設問)は(スキップ|飛ばし|パス)|ここは(スキップ|飛ばし|パス)"
)
# Facts about the business that usually explain why a topic does not apply.
_SCOPE_FACT = re.compile(
    r"(提供|取り扱|扱|保有|持|運営|開発|委託|外部委託|接続|発行|保管|やって)(って|して|し)?"
    r"(い|お)?(ない|ません|ておりません|ず)(ので|ため|為|から)"
    r"|そもそも(?![^、。]*(手が回|でき|やっ|して))[^、。]{0,12}(持っ|提供|扱|保有|運営|存在|いない|ない)"
)
_UNKNOWN = Alternation(
    re.compile(
        r"^さっぱり|即答(でき|しかね|いたしかね)|(調べ|聞か|見|確かめ)ないと(なんとも|何とも|わから|分から|言え)|確認(し)?きれ|(お答え|回答|返答|答え)(でき|いたしかね|しかね|致しかね)(ない|ません|かね|ます)"
        r"|(判断|回答)の?(材料|根拠)(が|も)?(ない|ありません|不足)|保留(に|と)(させて|して(ください|おいて))|保留でお願い"
        r"|確認(が|は)?まだ(取れ|とれ|でき)|(見当たら|見つから)(ず|なく)、?[^。]{0,6}確認"
        r"|はっきり(した)?(こと)?(は|が)?(言え|いえ)|どう(だった|でした)(か|っけ)|(今(?!後|年|期|月|週|回|度)|いま|現在|ただいま|只今|目下)[、]?[^。]{0,10}?確認(して|し|中)|確認して(い|お)(る)?(ところ|最中)"
        r"|確かな(こと|ところ)は(言え|いえ|わから)|確か(では|で)?(ない|ありません)|確証(は|が)?(ない|ありません|持て)"
        r"|断言(でき|は)|調べて(い|お)(る|ます)|最中|忘れ(まし|てしまい|ちゃい)|忘れた(。|、|$|ので|から|けど|が)|失念|うろ覚え|(お答え|回答|判断)できる(だけの|ほどの)?(情報|材料)|かもしれないし|かもしれず|(探し|調べ|確認し|聞い|問い合わせ)てから(ご)?(回答|返答|お答え|連絡|報告|答え)|照会(中|して|します)|^要調査|次第(ご)?(回答|連絡|報告|お答え|返答)"
        r"|(?<![なの人元])確認(が)?(でき|とれ|取れ)て?い?(ない|ません|おりません|ず)"
        r"|(と|とは)聞いて(い|お)(る|ます|ります)?(が|けど|けれど)"
        r"|裏(付け)?(が|は)?(取れ|とれ)て?(い)?(ない|ません|おらず)"
        r"|(答え|回答し|お答えし)(られ|かね)(ない|ません|ます)"
        r"|存じ(上げ)?(ません|ない|ておりません|ていません|かねます)|承知して(い|お)(ない|ません|りません)"
        r"|わから|わかりかね|わかりません|わかってい(ない|ません)|不明|要確認|未確認|確認中|調査中"
        r"|後日(ご)?(回答|連絡|報告)|確認して[^、。]{0,8}(回答|連絡|報告|お答え|答え|返答|折り返|入力|記入|返事)"
        r"|(?:(?<![一-龥])|(?<=再)|(?<=後日)|(?<=要)|(?<=明日)|(?<=来週)|(?<=本日)|(?<=今日)|(?<=至急)|(?<=早急)|(?<=別途))確認(します|いたします|してみ|して(から|ご|お(?!り))|させて|を(とり|取り|し(?!て(い|お))|とっ|取っ)|が(必要|要)|必要)"
        r"|(つかめ|掴め)て?(い|お)?(ない|ません|ておらず)|実態(が|は)?(不明|わから|見えな)"
        r"|(見返|読み返|ひっくり返|さかのぼ|遡|掘り起こ|洗い出)(し|っ)て(み|おき|から)"
        r"|宿題(?!に(なって|なった))|持ち帰|調査(します|いたします|してみ|して(から|お))|(探して|当たって)(み|おき)"
        r"|確認しないと|聞いて(み|おき|から)|聞きます|問い?合わ?せ(中|ます|ている|ています|てい|てみ|ておき|する|します|を(して|し|行っ|かけ))|調べ(ます|てみ|て(から|お))"
        r"|把握(して|でき|しきれ)(てい|てお|い|お)?(ない|ません|おりません|りません|らず)|把握していない|知らない|知りません"
        r"|自信(が|は)?(ない|ありません)|定かでは?(ない|ありません)|はっきり(しない|しません|わから)"
        r"|覚えてい(ない|ません)|記憶(にない|にありません|が曖昧|があいまい)|詳しく(ない|ありません)"
        r"|(なんとも|何とも)(言え|いえ)|担当(者)?に(聞|確認)|見当がつか|^さあ($|、|。|…)|(判断|回答|お答え)(でき|いたし|し)?かね|(回答|返事|返答|確認|連絡)待ち|(^|まだ)確認(が)?(でき|とれ|取れ)てい?(ない|ません|おりません)|判断(が)?(つか|つき|でき)(ない|ません|きません)|(後ほど|あとで|後で|追って|改めて)(ご)?(回答|連絡|お答え|返答|報告)|不確か|あいまい|曖昧"
    )
)
_HEDGE = re.compile(
    r"たぶん|多分|おそらく|恐らく|たしか|確か(?![にめなで])|ような記憶|と記憶して|記憶では|(?<!たい)と思(う|い|われ)|はず|かもしれ|かも$|かも。|気(が|は|も)(する|します)"
    r"|みたい(です)?$|らしい|ようです|ような気"
)
_QUESTION = re.compile(
    r"[?？]|どういう(意味|こと)|とは(何|なん|なに)|って(何|なに|なん)|何(を|が)(聞|指|意味|求め)"
    r"|(意味|趣旨|意図|定義)が[^、。]{0,3}(わか|不明)|具体的に(どう|どんな|何)|教えて|(です|ます|でしょう)か$"
)
_QUESTION_WORDS = Alternation(
    re.compile(
        r"どういう(意味|こと)|とは(何|なん|なに)|って(何|なに|なん)|何(を|が)(聞|指|意味|求め)"
        r"|(意味|趣旨|意図|定義)が[^、。]{0,3}(わか|不明)|教えて"
        r"|(質問|設問|問い|項目|聞かれていること)(の(意味|内容|意図|趣旨))?が[^、。]{0,4}(わか|不明|理解でき|ピンとこ)"
        r"|(説明して|解説して)(ください|下さい|もらえ|いただけ|ほしい)|詳しく(教え|説明)"
        r"|(どっち|どちら|どれ)(に|を)?(すれば|したら|選べば|選んだら)|迷って(い|お)?(ます|る)"
        r"|用語集|用語(の)?(意味|説明)|ヒント|もう(一|1)(回|度)|(言|い)い直して|繰り返して"
        r"|(答え|書き|記入の仕)方が[^、。]{0,4}(わか|不明)|例を(ください|下さい|教え|見せ|挙げ)|例が(ほしい|欲しい)"
        r"|(何|なに|どう)(を|と)?(書け|書い(?!たか)|書く|書いたら|答え(?!たか)|記入)|(ば|たら)(いい|よい|良い)(ん|の)?(でしょう|ですか|か)(でしょう)?$"
        # a request to put the question another way: 「質問をもう少し具体的にお願いします」
        r"|(具体的に|詳しく|詳細に|わかりやすく|簡単に|噛み砕いて|かみくだいて|平易に)"
        r"(言って|いって|聞かせて|説明して|書いて|言い換えて|聞いて)?"
        r"(お願い|ください|くださ|もらえ|もらいたい|いただけ|いただきたい|ほしい|欲しい)"
        r"|具体例(を|が)?(お願い|ください|ほしい|欲しい|もらえ|いただけ)"
        r"|(質問|設問|項目)の(範囲|対象|意図|趣旨|定義)を[^、。]{0,8}(はっきり|明確に|説明)"
    )
)

_NEGATIVE = Alternation(
    re.compile(
        r"(?<![少危幼汚切])ない(?!よう)|ません|(?<![\d.])0(%|パーセント)|頓挫|立ち消え|お蔵入り|のーたっち|ノータッチ|のーちぇっく|ノーチェック|なし|なかった|(?<![はわ])ず(?=に|、|。|$|で|とも)"
        r"|未(?!然|満|来|定義)[\u4e00-\u9fff]|^いいえ|^いえ(?!す)|^no\b|ゼロ|皆無|手つかず|手付かず|白紙"
        r"|〔穴〕|課題が(残|あ)|残課題|任せ(です|だ|の|に|で|きり|っきり|$)|(漏れ|抜け|遅れ|滞り|形骸化し|後回しに?な?り)がち|(は|が)そのまま|に課題|課題(あり|がある|$)|乖離|困難|最低限|道半ば|発展途上|未成熟|(から|の)?順(に|次)|試行|トライアル|ばらつき|バラつき|むら(が|も)|ムラ|まちまち|(人|部署|担当者|部門|案件)(に)?よって(は|異な|違)|(漏れ|抜け|不備|ミス)(が|も)(ある|あります|あり|見つか)|任意|例外(も|が)(あ|残|多)|べき|必要があ|改善(が|の)余地|古いまま|形だけ|名ばかり|不実施|非実施|未了|^未$|(^|まだ)(まったく|全く|ぜんぜん)(です|だ)?$|止まったまま|途絶え|(^|、)ぜんぜん(です|だ)?$|^残念ながら$|^未(です|だ)$|後回し|ダメ|だめ|^まったく$|^全く$|廃止|延期|取りやめ|取り止め|やめ(ました|た|ている|ています|てしまっ)|^ng$|(が|は|も)(手薄|低い|少ない|弱い|甘い|乏しい|遅れている|短い|古い|遅い|狭い|粗い|不足)|未完了|積み残|見送|断念|中止|廃止|不在|形骸化|属人|まだ(です|でし|だ|。|、|$|でき|未)|^まだまだ|^ぜんぜん(です|だ)?$|まだ(何|なに)も|(何|なに)も$|(?<!漏れ)(?<!もれ)(?<!例外)なく(?!な)|できておらず|しておらず|行っておらず|整っておらず"
    )
)
_POSITIVE = Alternation(
    re.compile(
        r"済み|〔済〕|済ませ(た|まし|て)|運用中|実施中|稼働中|稼動中|完了|対応完了|運用(している|しています|です|として|にして)"
        r"|(て|で)い(る|ます|ました|た)(?!か)|てお(り|ります)(?!ません)|(て|で)は(いる|います|ある|あります)|(?<!検討し)(?<!見送り)(?<!断念し)(?<!中止し)(?<!廃止し)(?<!延期し)(?<!やめ)ました|あり(?!ません)|ある(?!いは)(?!人|者|方|社員|担当|場合|時|とき)|(?<!思)(?<!言)(?<!願)(?<!違)います"
        r"|(?<!た)(?<!ま)(?<!で)(?<!検討)(し|でき|やっ|行っ|作っ|決め|定め|設け|整え|導入し|取得し|締結し|入れ|置い)た(?!い|ら|の|もの|こと|ところ|方が|ほうが)"
        r"|^当然|^(その|おっしゃる)(通り|とおり)|^完璧|済ん(だ|で)"
        r"|(?<!思っ)(?<!言っ)(?<!なかっ)(?<!され)(?<!られ)(?<!われ)(?<=[っしいれえけせてめべみびきぎちにり])たものの"
        r"|(?<!思っ)(?<!言っ)(?<!なかっ)(?<!され)(?<!られ)(?<!われ)(?<=[っしれえけせめべみき])たけど|自動(的に|で)[^、。]{0,16}(され|ます)|できる|できます|必須|(ルール|決まり|規則|運用|方針|仕組み|建て付け)(です|にな(って|り)|とな(って|り)|にして|としてい)|(?<=[ぁ-ゖ一-龥])(?<!思)(る|う|く|つ)(ものの|けど|けれど|が、)|(年|月|週|日)(に)?(\d|一|二|何)+回(だ|です|で|は|、|実施|行)|して(から)?(\d+|数|何)(年|か月|ヶ月|カ月)|^はい|^ええ|^うん|^yes|^ok|^おk|^おけ|大丈夫|ばっちり|もちろん|万全|しっかり"
        r"|率(は|が)?100(%|パーセント)"
        r"|対応可|整備済|(?<!未)(実施|対応|整備|策定|締結|適用|構築|取得|設定|配置|任命)(し、|しており(?!ません))"
    )
)
# A bare verbal noun at the end (テストは実施、…) is a telegraphic "done".
_TELEGRAPHIC = re.compile(
    r"(?<!未)(?<!不)(?<!非)(?<!度に)(?<!期に)(?<!中に)(?<!までに)(?<!以内に)(?<!内に)(?<!めどに)(?<!目途に)(?<!目標に)(?<!来期)(?<!来年度)(?<!次年度)(?<!今後)(?<!来月)(実施|対応|導入|整備|設置|策定|締結|適用|構築|取得|設定|配置|任命|完了"
    r"|保管|管理|保存|監視|暗号化|制限|運用|記録|実装|採用|定義|明記|規定|周知|点検|検証|遮断|通知"
    r"|承認|契約|締結済|手配|登録|分離|冗長化|多重化|保護|認証|開催|実行|運営|配布|提出|報告|訓練|教育"
    r"|研修|点検|診断|監査|棚卸し?|受検|受講|受領|公開|整理|文書化|明文化|義務化|必須化|付与|見直し|発行|レビュー)(済|。|、|$|[(:]|(?=ただし|但し|しかし|一方))"
)
_DATE = re.compile(r"\d{1,2}月|20\d\d年|令和|来月|年内")
_RELIANCE = re.compile(
    r"(経験|記憶|個人|担当者|属人的な運用|各自|各自の判断|現場|現場の判断|個人の判断|(各)?担当者の判断|人|特定の(人|担当者|社員)|ベテラン)"
    r"に(頼っ|依存し|任せ)(て)?(い|お)?(る|ます|ります|り)?"
)
# Verbs of not doing, in the ている form, are still "not done" (見送っています).
_HOLDING_OFF = re.compile(
    r"(見送っ|断念し|中止し|廃止し|延期し|やめ|控え|保留し|止め|止まっ|(?<!自動)停止し|中断し|休止し|諦め|放置し|遅れ|滞っ)て(い|お)(る|ます|ります|り|た)"
    r"|後回しに(なっ|し)て(い|お)(る|ます|ります|り|た)?"
    r"|(見送り|中止|延期|取りやめ|白紙|立ち消え|お蔵入り)(に|と)(なり|なっ)(ました|た|て(い|お)(る|ます|ります))"
    r"|(した|やった|行った|実施した|受けた|受講した|導入した|使った)(こと|実績|経験|事例|前例|ためし|試し)(が|は|も)(一度も|まだ|特に)?"
    r"(ない|なく|ありません|ございません)"
    # 「実施実績はございません」「受講経験なし」: never done
    r"|(実施|導入|受講|受検|開催|訓練|診断|監査|運用|利用)(の)?(実績|経験|事例|前例)(は|が|も)?(一度も|まだ|特に)?"
    r"(ない|なく|なし|ありません|ございません)"
)
# 「します」 is a habit only with a frequency word; otherwise it is a plan (来月から実施します).
_WILL = re.compile(
    r"(?<!入力)(?<!記入)(?<!回答)(?<!返信)(?<!連絡)(?<!報告)(?<!失礼)"
    r"(?:(?<=[一-龥ァ-ヶー][一-龥ァ-ヶー])(?:を|は|も)?(?:し|いた)ます|(?<=[一-龥]し)します"
    r"|(?<=[一-龥ァ-ヶー][一-龥ァ-ヶー])する"
    r"|やります|やる|行います|行う|進めます|作ります|作る|決めます|定めます|整えます|始めます"
    r"|入れます|設けます|取り組みます|いたします)(。|、|$|よ|ね)"
)
# A contrast connector after a "done" announces a caveat.
_CAVEAT = re.compile(
    r"[、。]が、|けど|けれど|ものの|ただし|但し|しかし|でも、|(です|ます|た|る|い|だ|ある)が(、|$)|(ている|てる|ある|ます|です|った|した|ない|だ)が|一方"
)
_FREQUENCY = re.compile(
    r"毎|定期|ごと|都度|常時|常に|(年|月|週|日)(に)?(\d|一|二|何)+回|日次|週次|月次|年次|随時|必ず|その都度"
)
_FOLLOW_UP = re.compile(
    r"(も(予定|実施予定|継続)|引き続き|継続|強化|拡大|拡充|改善|自動化|高度化|見直し|見直す|更新|追加)(?!済)"
)
_PARTIAL = Alternation(
    re.compile(
        r"一部|部分的|一部分|半分|ほとんどの|(数|\d+)(台|件|社|名|人|個|箇所|拠点)(が|は|ほど|ほど)?残って|(\d|一|二|三|四|五)(つ目|番目)まで"
        r"|(ている|てる|になっている)こと(も|が)(多い|ある|あります)|バラバラ|ばらばら|いつも(では|で|じゃ)(は)?(ない|ありません|なく)|半々|五分五分|半数|大半|大部分|ほぼ|ほとんど(の|は|で)?(実施|対応|済|でき|整備)"
        r"|(?<!でき[るた])(?<!なる)(?<!話)だけ(?!で(は)?なく|ど|れど|でも|じゃ)|しか|のみ(?!ならず)"
        r"|以外(は|では|なら)|に限って|に限り|に限定(して)?(実施|対応|導入|適用)|限定的|段階的|順次"
        r"|(不十分|十分(では|で)?(ない|ありません)|完全(では|で)?(ない|ありません)|万全(では|で)?(ない|ありません)"
        r"|完璧(では|で)?(ない|ありません)|徹底でき(てい)?(ない|ません)|まだ足りない)"
        r"|(全て|すべて|全部|ぜんぶ|全体|全件|100%)(で|では|は|に|が)?(は)?[^、。]{0,8}(ない|ません)"
        r"|全[一-龥ァ-ヶー]{1,4}(で|に|と)?(は|も)(ない|ありません|ございません)"  # 全拠点ではない
        # 「やっていない部署もあります」「未対応の端末が残っています」
        rf"|(ない|未[一-龥]{{1,4}}の){_UNITS}(も|が)(ある|あり(?!ませ)|残っ|いる|います|存在)|おおむね|概ね|大体|だいたい|絞って|絞り込んで"
        r"|(ところ|もの|部分|ケース|場合|箇所|年|月|回|時期|とき|時)(も|は)(ある|あります|あり)(?!ませ)"
        r"|(完全|十分|全部|すべて|全て|完璧|万全)(に)?(は|とは)[^、。]{0,8}(ない|ません|言え|いえ)|必ずしも"
        r"|不定期|不完全|不徹底|(\d|一|二|三|四|五|六|七|八|九)割|(?<!100)(?<![\d.])(?!0(%|パーセント))\d{1,2}(%|パーセント)"
        r"|ドラフト|草案|素案|試行段階|テスト段階|口頭(ベース|のみ|だけ|で(の|は)?(伝え|共有|周知|指示))"
        r"|(夜間|休日|土日|週末|深夜|時間外|海外|支店|子会社|グループ会社|一部)(は|の|に|では)[^、。]{0,10}(ない|ません)"
        r"|(遅れる|漏れる|もれる|抜ける|忘れる|できない|しない|省略する|滞る|済ませる|間に合わない|後回しになる)(こと|場合|ケース)(も|が)(ある|あります|あり(?!ませ))"
        r"|あと(\d+|数|一|二|三)(件|社|台|か所|箇所|日|拠点|システム)|残り(\d+|数)(件|社|台|か所|箇所|拠点)"
        r"|(る|す|く|ぐ|つ|ぬ|ぶ|む|う|ない)こと(も)(ある|あります|あり(?!ませ))"
        r"|(できる|可能な|手が回る|対応できる)範囲|\d分の\d|(二|三|四|五)分の(一|二|三)"
        r"|省略(して|し|する)|割愛して|(平文|未対応|未設定|初期設定|デフォルト|手作業)のまま"
        r"|有名無実|名目上|建前上|表向き|形の上では|例外(あり|有り)(?!ませ)|例外(が|も)(ある|あり(?!ませ))"
        r"|最低限|にとどま(っ|る|り)|止まり|どまり|精一杯|形式上|形式的に|簡易的"
        r"|を?除(いて|き|く)|例外的|道半ば|途上|網羅(でき|し)て?い?(ない|ません|おらず)|一応[^、。]{0,10}(て|で)は(い|お)|試行中|^まあまあ|作成中|策定中|実装中|開発中|パイロット|poc|試験(導入|運用|的)"
        r"|(?<![がも])残り(を|は|の|も)|ケースバイケース|(人|担当者?|部署|部門|案件|拠点|チーム|時期)(に)?(よります|よる(?!と)|次第)"
        r"|先行(導入|実施|運用)|試して(い|お)(る|ます|ります)|試しているところ|実証|ほとんど[^、。]{0,4}(終わ|済|完了)|あと(少し|もう少し|わずか)|残り(わずか|少し)"
        r"|主要な(部分|もの|システム|箇所|拠点|委託先|api)|(全て|すべて|全部|全)の[^、。]{0,10}(には|では|は)[^、。]{0,10}(ない|ません)"
        r"|ときどき|時々|たまに|気(づ|付)いた(とき|時|ら)|思い出した(とき|時|ら)|気が向いた"
        r"|途中(まで|です|段階|の段階|だ|$|。|、)|移行中|対応中|整備中|導入中|構築中|進めて|進行中|一方|ぼちぼち|ある程度|それなりに"
    )
)
# のみ / だけ that describe the control itself (管理者のみアクセス可能) are not a limit.
_CONTROL_ONLY = re.compile(
    r"(のみ|だけ)(が|に|を|から|で)?[^、。]{0,6}?(アクセス|接続|閲覧|操作|許可|可能|でき|権限|利用|ログイン"
    r"|使用|通信|保存|参照|実行|承認)"
    # 「承認を得た先とのみ契約しております」: whom the control lets in
    r"|(と|先と|相手と)(のみ|だけ)[^、。]{0,4}?(契約|取引|接続|連携|通信)"
    # 「本番に入れるのは管理者2名だけです」: who may do it
    r"|(れる|える|せる|できる|可能な|許される)(の|人|者)は[^。]{0,24}?(だけ|のみ|に限)"
    # 「踏み台経由のみにしています」「登録済みIPからのみ受け付けています」: the only way in
    r"|(経由|を通(じ|し)て)(のみ|だけ|に限)|(のみ|だけ)(から|で)?[^、。]{0,4}?(受け付け|受付|許容|通し|通す)"
    # 「持ち出しは申請した人だけです」: only what was approved
    r"|(申請|承認|許可|登録)(した|された|済みの|を受けた|を得た|のある)[^、。]{0,6}?"
    r"(人|者|端末|ユーザー|利用者|アカウント|ip|機器|デバイス|社員|pc|アプリ|先)(のみ|だけ|に限)"
)
# Plan verbs in the ている form are intentions, not facts (検討しています).
_PLAN_VERB = re.compile(
    r"(?:(検討|相談|議論|話し合い?)(を)?(した|し)こと(が|は|も)?(ある|あります|あり)|(見積もり|見積|検討|相談|情報収集|比較検討|ヒアリング|調査)(は|を|も)?(取り|し|行い|実施し)(ました|た)"
    r"|(目標|目途|めど|目処)(に|と)(して|し)(い|お)?(る|ます|ります|り)?"
    r"|(計画|スケジュール|日程|工程)(を|は)?(立て|調整し|検討し|組ん)(て|で)(い|お)?(る|ます|ります|り)?"
    r"|話(だけ)?(は|が|も)?(出て|あって|上がって)(い|お)?(る|ます|ります|り)?)|"
    # 「製品のデモは見ましたが」「見積もりを依頼しているところです」: steps before doing it
    # 「今期の目標には入れたものの」「重点課題として挙げています」: on the list, not done
    r"(目標|計画|予算|ロードマップ|課題|検討課題|タスク|バックログ|backlog|todo)(に|には|へ)(入れ|入っ|盛り込ん?|組み込ん?|載せ|挙げ|上げ)"
    r"(て|で)?(い|お)?(る|ます|ました|ります|り|た)?"
    r"|(課題|目標|テーマ|検討事項)(として|に)(挙げ|あげ|掲げ|設定し|位置づけ|位置付け|認識し)"
    r"(て|で)?(い|お)?(る|ます|ました|ります|り|た)?"
    r"|(デモ|説明|提案|プレゼン|紹介|資料|カタログ|話)(は|を|も)?(見|聞|聞い|受け|もらい|取り寄せ|いただき)(ました|た|て(い|お)(る|ます|ります))"
    r"|(見積|見積もり|提案|相談|検討|試算)(を|は|も)?(依頼|お願い|打診|申請)(して|し)(い|お)?(る|ます|ります|り|ました|た)?"
    r"|(予約|申し込み|申込み?|日程調整)済み|(日程|日取り|枠)(は|を|も)?(押さえ|確保し|決ま|決め)(て|っ)(い|お)?(る|ます|ります|た|ました)?|"
    r"(検討|予定|計画|準備|調整|目指|考え|見積|選定|相談|予算化|予算申請|認識|理解|承知|感じ|自覚|痛感|わかっ"
    r"|議論|協議|話し合い|打ち合わせ|想定)(は|を|も)?(して|し|て|中で)?(い|お)?"
    r"(る|ます|ります|り|ました)?"
)
# 「予定ではあります」「つもりはある」: an intention, not a fact.
_INTENTION_IS = Alternation(
    re.compile(
        r"(予定|計画|つもり|見込み|意向|構想|案|アイデア|話|気持ち|意欲|やる気|思い)(で)?(は|も)?(あります|ある|あり|です)"
        r"|計画に(入れ|入っ|盛り込ん|組み込ん|含め|含まれ)で?て?(い|お)?(る|ます|ります|り)?"
        r"|(つもり|方向|予定|計画)(で)?(は|も)?(い|お)(ます|る|ります)"
        r"|(予定|計画|見込み|方向|つもり)(に|と)(なって|して)(い|お)(る|ます|ります)"
        r"|方向で(動い|検討し|調整し|進め)て(い|お)?(る|ます|ります|り)?"
        r"|必要(性)?(が|は|も)?(ある|あります|あり)"
    )
)
_ALL_NEGATIVE = re.compile(
    r"(1|一)割も|ぜんぜん|全く|まったく|一切|何も|なにも|特に何|何一つ|すべて未|全て未"
)
_HARDLY = re.compile(r"ほとんど[^、。]{0,10}(ない|ません)|あまり[^、。]{0,10}(ない|ません)")


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


# Another measure meets the purpose (代替策で対応).
_ALTERNATIVE = Alternation(
    re.compile(
        r"代替|^代わりに|、代わりに|(ない|せず|ず|なく|ません|ていない)(その)?代わりに|別途(講じ|実施|対応|行っ|整備)|同(じ|様の)(目的|効果)"
        r"|(では|で)(ありません|ない|なく)[^。]{0,20}目的(は|を)(満たし|達成|果たし)"
        r"|別の?(手段|方法|方策|方式)|別の(ツール|製品|システム|サービス)で|別の(仕組み|対策|やり方|形|措置)|他(手段|方法)|(他|ほか)の(手段|方法|方策|仕組み|対策|やり方|措置)"
        r"|補完(的|統制)|の代わりに|の代わりとして|代わりの|(で|によって|により)(補っ|補い|補う|補完|カバー|担保)"
        r"|同(じ|等の|様の)(こと|機能|効果)を?(実現|達成|確保|担保)|同(じ|等の|程度の)(レベル|水準)|同等(以上)?の(対策|効果|措置|管理|統制|手段|水準|安全性|防御|保護|機能|仕組み|レベル|セキュリティ)|独自の(方法|方式|やり方|仕組み)"
        r"|(手法例|例示|例)(の方法|の手法|のやり方)?(と|とは)(違|異な|別)|(手法例|例示)(の(方法|手法|やり方))?(では|で)(なく|はなく)"
    )
)
# 「代替策もない」「代替手段は特にない」: nothing in place.
_NO_ALTERNATIVE = re.compile(
    r"代替(策|手段|措置)?(も|は)?(特に)?(ない|なし|ありません|ございません)"
)


# 「やろうと思っている」「やらなきゃとは思ってる」: an intention, not a hedge.
_INTENT_THOUGHT = re.compile(
    r"((ろ|よ|お|こ|そ|と|も|ご|ぼ|の)う|(なきゃ|なければ|なくては|ないと|ねば)(いけない|ならない)?)"
    r"(と|とは|とも)(思|考え|し)(っ)?て?(い|お)?(る|ます|ります|う|り)?"
)
# 「課題だと思っています」「必要だと考えています」: a gap, not a hedge.
_GAP_THOUGHT = re.compile(
    r"(課題|問題|必要|べき)(だ|である|です)?(と|とは)(思|考え|認識|感じ)(し|っ)?て?(い|お)?(る|ます|ります|う|り)?"
)


# 「異常がなければ」「退職者が出ないときも」: a condition, not a negation.
_CONDITIONAL = re.compile(
    r"(なければ|なかったら|なかった場合|ない場合|ないとき|ない時|ない限り)(?!(も|が)(ある|あり|多))"
    # 「送金が完了した際の」「不正送金が発生した場合の」: when it happens, not a done fact
    r"|(完了|終了|発生|検知|発覚|成立|失敗|変更|漏えい|漏洩)?(し|さ|され|でき)?(?<!気づい)(?<!気付い)(?<!思い出し)(?<!気が向い)た(際|場合|とき|時|折)(?!(も|が)(ある|あり|多))"
)
# Negated risky actions that describe the control (「鍵を人が扱うことはなく」「受け付けず」):
# a control only beside a clause that reports what is done instead.
_CONTROL_NEGATION = re.compile(
    r"(?<![たっ])(こと|事)(は|も)(一切|決して|絶対に|まず|ほぼ)?(なく|ない|ありません|ございません)"
)
# 「直接接続は受け付けず」「原則認めておらず」: a refusal is the control itself.
_REFUSAL = re.compile(
    r"(受け付け|受付|認め|許可し|許さ|許容し)(ず|ない|ません|ておらず|ていない|ていません|ておりません)"
)
# 「事前承認制です」: a rule in force.
_RULE_IN_FORCE = re.compile(
    r"(承認|許可|届出|申請|登録|予約|審査)制(です|だ|と|に|を|で|$)|に限定(です|だ|され|して(い|お))"
    r"|(承認|許可|届出|申請|認証)が(必要|必須)"
)
# 「自動で無効化されます」: a process that runs, unless a plan is named.
_PASSIVE_HABIT = re.compile(r"(さ|ら)れ(ます|る)(?!予定|見込|方向|ように|よう|こと)")


# Deadlines that belong to a rule, not to a plan: 「30日前までに通知しています」,
# 「2週間以内に修正するルールで回しています」.
_RULE_DEADLINE = re.compile(
    r"(\d+|数|一|二|三)(日|営業日|週間|か月|ヶ月|カ月|時間|分)前までに"
    r"|(\d+|数|一|二|三)(日|営業日|週間|か月|ヶ月|カ月|時間|分)以内に(?=[^。]{0,30}"
    r"(ルール|決まり|規程|規定|手順|運用|しています|しております|ています|ております|こと(に|と)(して|なって)))"
)
# 「異常を検知したら、自動で取引を止めます」「リリースのたびにレビューします」: a standing rule.
_RULE_HABIT = re.compile(
    r"(たら|れば|場合は|際は|際には|時は|ときは|〔条〕は|〔条〕には|たびに|度に|都度|ごとに|毎)[^。]{0,30}?(します|ます|する)(。|、|$)"
)
# Conditions that enable a plan rather than trigger a routine.
_ENABLING = re.compile(
    r"(予算|人|人員|余裕|時間|リソース|体制|承認|決裁|稟議|落ち着|目処|めど|目途|準備|方針|計画|更改|移行|次期|来期|来年)"
    r"[^。]{0,10}?(たら|れば|次第)"
    r"|(たら|れば)[、]?[^。]{0,12}?(着手|開始|始め|導入|検討|取り組|整備|構築|やり)(します|する|ます|たい|予定)"
)
# 「該当する業務はあります」: the topic applies; says nothing about what is done.
_IN_SCOPE = re.compile(
    r"(該当する|該当の|対象となる|対象の)[^、。]{0,10}?(は|が|も)(あります|ある|あり(?!ませ)|存在します|存在する)"
)
# 「リスクは受容しています」: a decision to do nothing.
_RISK_ACCEPTED = re.compile(r"リスク(を|は|として)?(受容|許容|受け入れ)[^、。]*")
# 「あってないようなもの」: there in name only.
_NOMINAL = re.compile(r"あって(い)?ない(ような|よう|も同然)")
# 「サーバ室の鍵は誰でも借りられます」「誰でも見られる状態」: left open, a gap.
_ANYONE = re.compile(
    r"(誰|だれ)でも[^、。]{0,8}?(借り|入れ|見られ|見れ|閲覧|アクセス|持ち出|触れ|操作|変更|ログイン|使え|開け|開か)"
    r"(られ|れ|でき|せ|さ)?(る|ます|て(しまい|しまう|しまって|い|お)?(ます|る)?|ちゃい?(ます)?)?"
)
# 「うちのサービスは去年リリースしたばかりです」: how young the business is, no verdict.
_NEW_BUSINESS = re.compile(
    r"(サービス|アプリ|会社|当社|弊社|うち|事業|プロダクト)(は|が|も|を)?[^、。]{0,10}?"
    r"(リリース|ローンチ|開始|設立|創業|立ち上げ|開業|サービスイン|公開|スタート)(し|させ)?(た|て)"
    r"(ばかり|間もな|まだ日が浅|から(まだ|日が浅|間もな))(です|で|だ|な|の)?"
)
# 「システムはクラウド上にあるので」: where something is, as a reason, is no done part.
_REASON_EXISTS = re.compile(
    r"(?<=[上内中外側下先元に])(ある|あります|あって)(ので|ため|から(?!は))"
)
# Asides that carry no verdict (and would otherwise look like a plan or a fact).
_ASIDE = re.compile(
    r"読み直|見直してから|席を外|^ちょっと(待|考え)|考え(中|させて)|お待ち"
    r"|(間違え|誤っ)て(送信|送っ|押し|入力)|誤(送信|入力)(しました|です|でした|してしま)"
    r"|今の(は)?(取り消|無し|なし|なかったこと)|(話題|話|質問|その件|この件)(は|も)?、?(前|以前|さっき|先ほど)(に)?も?(出|聞|話|あり|し)"
    r"|^(?P<nod>はい|うん|ええ|へえ|ほう)、?(?P=nod)$"  # a doubled backchannel alone: listening
    r"|(今|いま|さっき|先ほど|前)の(回答|答え)を?(修正|訂正|変更|直し|取り消|やり直)"
    r"|(電話|来客|会議|呼び出し)(が|に)(入|来|呼ばれ)|(電話|会議)(に|で)(出|呼ばれ|抜け)"
    r"|休憩|(別の|他の|ほかの|次の|前の)(項目|質問|設問)(を|に|へ|から)?(やり|進み|行き|移り|戻り|回答し|答え)たい"
)


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
    text = _INTENT_THOUGHT.sub("予定", folded)
    text = _NOMINAL.sub("名目上", text)  # before 〜ないよう reads as a purpose
    text = _IN_SCOPE.sub("〔対象〕", text)  # 「該当する業務はありますが」: scope, not a done part
    text = _RISK_ACCEPTED.sub("見送", text)  # 「リスク受容としています」: nothing done
    text = _GAP_THOUGHT.sub("課題", text)
    text = _CONDITIONAL.sub("〔条〕", text)
    text = _REFUSAL.sub(_POS_TOKEN, text)
    text = _DOUBLE_NEGATIVE.sub(_POS_TOKEN, text)
    text = _NO_TROUBLE.sub(_NO_TROUBLE_TOKEN, text)
    text = _NOT_REALLY_NEGATIVE.sub(_POS_TOKEN, text)
    text = _CONTROL_ONLY.sub(_POS_TOKEN, text)
    text = _RULE_DEADLINE.sub("〔則〕", text)
    text = _ANYONE.sub("〔穴〕", text)
    text = _NEW_BUSINESS.sub("〔新〕", text)
    text = _REASON_EXISTS.sub(r"〔在〕\2", text)
    has_plan = bool(PLAN_WORDS.search(text))
    status, guess = _verdict(text, has_plan)
    if _ASIDE.search(text) and status is not Status.UNKNOWN:  # 「ちょっと席を外します」
        return Reading(None, guess or status, False, has_plan)
    if _QUESTION_WORDS.search(text) or (
        _QUESTION.search(text) and status not in (Status.UNKNOWN, Status.NOT_APPLICABLE)
    ):
        return Reading(None, guess or status, True, has_plan)
    polite_reason = status is Status.NOT_APPLICABLE and re.search(r"ため|ので|から", text)
    if status not in (None, Status.UNKNOWN) and _HEDGE.search(text) and not polite_reason:
        return Reading(None, status, False, has_plan)
    return Reading(status, guess or status, False, has_plan)


_TOPIC = re.compile(r"[一-龥ァ-ヶーa-z0-9](は|には|では)|[一-龥ァ-ヶーa-z0-9](について|に関して)は")


def _unread_contrast(text: str) -> bool:
    """Two topics (〜は), one of them with no predicate the rules can read.

    「新しい方は対応済み、古い方は様子見」 is a contrast the rules cannot read; 「権限は職務に
    応じて付与し、異動時には見直しています」 is a list of facts (each clause either reads as
    done, continues into the next one, or states a value such as 「有効期限は1時間」).
    """
    clauses = [c for c in re.split(r"[、。,]", text) if c]
    if sum(bool(_TOPIC.search(c)) for c in clauses) < 2:
        return False
    for clause in clauses:
        if not _TOPIC.search(clause) or re.search(r"(は|には|では)$", clause):
            continue
        if _POSITIVE.search(clause) or _TELEGRAPHIC.search(clause):
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


# 「そもそもその機能がない」: the business the topic is about does not exist here.
_NO_SUCH_BUSINESS = re.compile(
    r"そもそも[^、。]{0,12}(機能|サービス|アプリ|業務|取引|事業|システム|api|接続|商品)(自体)?(が|は|も)?"
    r"(ない|ありません|存在しない|存在しません|提供していない|提供していません)"
)


_SHARE = re.compile(r"(\d+)[^\d、。]{0,4}?(のうち|中|中の)(\d+)")
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
    clauses = [c for c in re.split(r"[、。,.;；]", text) if c]
    out = [c for c in clauses if re.search(r"(は|も)(対象外|適用外|範囲外)", c)]
    if not out or re.search(r"ため|ので|から|判断|考え", text):
        return False
    return any(
        c not in out
        and (
            re.search(r"のみ|だけ|一部|限って|限定|以外|基本的に|原則", c)
            or re.search(r"(は|が)(対象|適用)(?!外)(です|だ|と(な|し)|$)", c)  # 「社員は対象」
            or (_TOPIC.search(c) and _POSITIVE.search(c) and not _NEGATIVE.search(c))
        )
        for c in clauses
    )


def _done_beside_unchecked(text: str) -> bool:
    """One part done (済み), another part not yet checked (〜はまだ確認できていない)."""
    clauses = [c for c in re.split(r"[、。,.;；]", text) if c]
    unchecked = [c for c in clauses if re.search(r"まだ確認(が)?(でき|とれ|取れ)", c)]
    return bool(unchecked) and any(
        c not in unchecked and _TOPIC.search(c) and re.search(r"済|完了", c) for c in clauses
    )


_PART_TOPIC = re.compile(
    r"[一-龥ァ-ヶーa-z0-9](は|には|では)|(向け|以外|の方|のほう|分)(は|には|では)"
)


_WEAK_EXTENT = re.compile(
    r"(ている|てる|する|した|やる|る)(程度|くらい|ぐらい)(です|だ|$|で|の|に|。|、)"
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
        and not re.search(r"ため|ので|から|任せ|確認", c)  # a reason, not a part
        and not _HEDGE.search(c)
        and not _NEGATIVE.search(c)
        and not _UNKNOWN.search(c)
        for c in clauses
    )


_CONTINUATIVE_NEGATIVE = re.compile(
    r"(なく|ておらず|でおらず|おらず|ず|ません|ない|なし|ていません|ていない)(です|でした)?[、。]"
)


def _negative_then_elaboration(text: str) -> bool:
    """「窓口は設けておらず、フォームで一律に受け付けています」: the second clause describes how
    things stand without the control, not a part that is done (no new topic, no contrast)."""
    found = _CONTINUATIVE_NEGATIVE.search(text)
    if found is None or not _NEGATIVE.search(text[: found.end()]):
        return False
    before, after = text[: found.end()], text[found.end() :]
    if re.search(r"で(は)?なく[、。]$", before) or re.search(
        r"で(対応|カバー|管理|運用|実施|補)", after
    ):
        return False  # 「全件ではなく、サンプルで」「制御はなく、運用ルールで対応」: another way
    if _POSITIVE.search(before) or _TELEGRAPHIC.search(before) or _CAVEAT.search(text):
        return False
    return not _TOPIC.search(after) and bool(_POSITIVE.search(after))


_CONTRAST = re.compile(
    r"けど|けれど|ものの|ただ|但し|しかし|でも|一方|(です|ます|た|る|い|だ|ある|ない|ず)が(、|$)"
    r"|(ている|てる|ある|ます|です|った|した|ない|だ)が|(は|も)[^、。]{0,20}(、|。)[^、。]{0,20}(は|も)"
    r"|以前|前は|昔|かつて|(ところ|とこ|部分|もの)(と|も|が)|混在|たり|で(は)?なく|・|:|いるが"
    r"|で(対応|カバー|管理|運用|実施|補)"
)
# A negated predicate (not a weakness word such as 形骸化 or 最低限).
_NEGATED_PREDICATE = re.compile(r"ない|ません|ず(?=[、。に]|$)|なく|おらず|未[一-龥]+|なし")


def _mark_list(text: str) -> bool:
    """Parts each marked done or not done (済み / 未実施, from ○ × OK NG 済 未), some of each."""
    ends = [re.search(r"(済み|未実施)$", c) for c in _clauses(text)]
    if len(ends) < 2 or not all(ends):
        return False
    marks = {m.group(1) for m in ends if m}
    return marks == {"済み", "未実施"}


def _bare_mix(text: str) -> bool:
    """A fact and a negated predicate with no contrast between them and no second topic:
    a control that reads negative (「未使用のアカウントは停止しています」) or a gap? Ask."""
    if _CONTRAST.search(text) or sum(bool(_TOPIC.search(c)) for c in _clauses(text)) >= 2:
        return False
    return not _NEGATIVE.search(_NEGATED_PREDICATE.sub("", text))


# Two parts typed with no punctuation between them, the first done, the second not:
# 「社員教育は実施委託先への教育は未実施」「東京は済大阪は未」「ログは取得分析はしていない」.
_RUN_ON = re.compile(
    r"(?:は|も)[^、。]{0,16}?(?<!未)(?<!不)(?<!非)"
    r"(実施|対応|導入|整備|取得|作成|策定|設置|完了|周知|暗号化|済み|済|ている|てる|ある|あり)"
    r"(?=[一-龥ァ-ヶーa-z][^、。]{0,16}?(?:は|も)[^、。]{0,12}?(未|ない|ません|まだ|任意|なし))"
)
# Nothing started at all: a positive beside it is unlikely to be a part that is done.
_TOTAL_NEGATIVE = re.compile(
    r"頓挫|立ち消え|お蔵入り|手(は|を|も)?(付け|つけ)て?(い|お)?(ない|ません|ておらず|ず)|(何|なに)も(して|でき|やって|進んで)"
    r"|(全く|まったく|一切|全然|ぜんぜん)[^、。]{0,10}(ない|ません|ず)|着手(して|でき)(い|お)?(ない|ません)"
)
_NEGATIVE_THEN = re.compile(
    r"(ません|ない|おらず|ず|なく)(です|でした)?(が|けど|けれど|けれども|ものの)?[、,]"
)
_MEANS = re.compile(
    r"(ことで|により|によって|で)(対応|カバー|担保|代替|補|実現|防|守|管理|制御|対策)"
    r"|組み込んで|同じ(チェック|確認|こと|管理|対策)"
)


def _means_after_negative(text: str) -> bool:
    """A negated measure first, then what is done by other means, with no topic of its own
    (a part would be named: 「本番は…ませんが、開発では…」)."""
    found = _NEGATIVE_THEN.search(text)
    if found is None:
        return False
    after = text[found.end() :]
    return bool(_MEANS.search(after)) and not _NEGATIVE.search(after) and not _TOPIC.search(after)


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r"[、。,.;；]", text) if c]


def _past_only(text: str) -> bool:
    """Done before, not now: 「前はやってたけど今はやってない」."""
    return bool(
        re.search(
            r"(前|以前|昔|かつて|昨年まで|去年まで|前年まで|当初)(は|まで)?[^。]{0,24}?"
            r"((今|現在|今年|今期|最近|ここ[^、。]{0,4}?(年|か月|ヶ月|カ月|年間|期)|この[^、。]{0,4}?(年|か月|ヶ月|カ月|年間)"
            r"|近年|直近[^、。]{0,4}|ここしばらく)(は|では|ほどは|ほど|ぐらいは|くらいは)?[^、。]{0,12}(ない|ません|停止|中止|止め|やめ)"
            r"|止まっ|止めて|やめて|やめました|途絶え|ストップ|見送|(誰|だれ)も[^、。]{0,8}(ない|ません))",
            text,
        )
    )


# 「年1回の予定ですが、昨年はできませんでした」: a schedule (in force?) that slipped once.
_SLIPPED_SCHEDULE = re.compile(
    r"予定(です|だ|でした|だった)?(が|けど|けれど)、?[^。]{0,16}(でき|やれ|実施でき|行え)(ませんでした|なかった)"
)


# 「カード番号は保持しておりません」「個人情報はログに出力していません」「外部とは接続して
# いません」: sensitive data or a network kept out. A control, or a reason the topic does
# not apply; either way not a gap to record confidently.
_KEPT_OUT = re.compile(
    r"(個人情報|パスワード|カード番号|カード情報|暗証番号|口座番号|秘密鍵|暗号鍵|機密情報|認証情報|トークン"
    r"|apiキー|マイナンバー|本番データ|顧客情報|顧客データ|生データ|クレジットカード)"
    r"(は|を|も|などは|等は)[^、。]{0,12}?"
    r"(保持|保存|保管|表示|出力|記録|書き出|残し|送信|送ら|渡し|渡さ|共有|持っ|持た|扱っ|扱わ|取得|収集|載せ|埋め込"
    r"|含め|含ま|出さ|出し|見せ|キャッシュ|印字|印刷|預か)[^、。]{0,8}?(ない|ません|ず(?=[、。]|$))"
    r"|(外部|インターネット|社外|外)(の)?(ネットワーク|網|回線)?(と|とは|に|には|へ|へは)(一切|直接)?"
    r"(接続|通信|つなが|繋が|つない|繋い|出て)[^、。]{0,6}?(ない|ません|ず(?=[、。]|$))"
)


# 「最初は抜けていましたが、指摘を受けて先月対応を完了しました」「作成に時間がかかりましたが、
# 今年から正式に運用しています」: a difficulty in the past, then done now (nothing negative).
_RESOLVED = re.compile(
    r"(が|けど|けれど|ものの)、?[^、。]{0,12}?"
    r"(今(?![後回])|現在|今年|今期|今月|先月|先週|昨年|去年|その後|以降|それ以来|すでに|既に|指摘を受けて|改善して|見直して)"
    r"[^。]{0,30}?(完了|済み|(て|で)(い|お)(る|ます|ります)|ました)(です|でございます)?[。]?$"
)


_LEAD_YES_NO = re.compile(
    r"(?:(?P<yes>はい|ええ|うん)|いいえ|いえ(?!す)(?:いえ)?)[、。,!]*(?=[^、。,!])"
)


def _verdict(text: str, has_plan: bool) -> tuple[Status | None, Status | None]:
    """(status, guess): status None means not sure, with guess as the best bet."""
    lead = _LEAD_YES_NO.match(text)
    if lead and lead.end() < len(text):
        # 「はい、まだです」「いいえ、問題ありません」: a yes or no against the rest? Ask.
        after, _ = _verdict(text[lead.end() :], has_plan)
        if lead.group("yes") and after is Status.NOT_DONE:
            return None, Status.NOT_DONE
        if not lead.group("yes") and after is Status.DONE:
            return None, Status.DONE
    text = _RELIANCE.sub("属人", text)
    text = re.sub(
        r"(と|とは)(思|考え)っ?て(い|お)(た|ました)", "〔旧〕", text
    )  # a past belief: a reason
    text = re.sub(r"(と|とは)思って(い|お)(る|ます|ります|り)", "と思う", text)
    text = _HOLDING_OFF.sub("見送", text)
    facts = _PLAN_VERB.sub("〔予〕", _INTENTION_IS.sub("予定", text))
    positive = bool(_POSITIVE.search(facts)) or bool(_RULE_IN_FORCE.search(facts))
    if not positive and _NO_TROUBLE_TOKEN in text and not _NEGATIVE.search(text):
        positive = True  # 「監査での指摘事項はありません」
    if _ENABLING.search(text) or _INTENTION_IS.search(text):  # 「予算がついたら導入します」
        has_plan = True
    elif not positive and not has_plan and _RULE_HABIT.search(facts) and not _NEGATIVE.search(text):
        positive = True
    if not positive and not has_plan and _PASSIVE_HABIT.search(facts):
        positive = True
    if positive and _CONTROL_NEGATION.search(text):
        rest = _CONTROL_NEGATION.sub(_POS_TOKEN, text)
        if not _NEGATIVE.search(rest) and not _PARTIAL.search(rest):
            text = rest  # 「直接扱うことはなく、すべてHSM内で処理しています」
    telegraphic_date = False
    if not positive and _TELEGRAPHIC.search(text):
        positive = True
        telegraphic_date = (
            bool(_DATE.search(text))
            and not re.search(r"済|完了", text)
            and not _FREQUENCY.search(text)
        )
    negative = bool(_NEGATIVE.search(text))
    partial = bool(_PARTIAL.search(text)) or _count_share(text)
    if _NOT_APPLICABLE.search(text):
        if _limited_beside_not_applicable(text):  # 「社員のみ対象で、委託先社員は対象外」
            return Status.PARTIAL, None
        if _done_elsewhere(text):  # 「①は実施、③は該当なし」: which one?
            return None, Status.PARTIAL
        return Status.NOT_APPLICABLE, None
    if _UNKNOWN.search(text):
        if _done_beside_unchecked(text):  # 「社内は対応済みですが、委託先はまだ確認できていません」
            return Status.PARTIAL, None
        if _done_beside_unknown(text):  # 「本番は対応済みですが、委託先の状況はわかりません」
            return None, Status.PARTIAL
        return Status.UNKNOWN, None
    if _ALTERNATIVE.search(text):
        if (
            _NO_ALTERNATIVE.search(text)
            or (has_plan and not positive)
            or (_ALL_NEGATIVE.search(text) and not positive)
        ):
            return Status.NOT_DONE, None  # 代替策を検討中: nothing in place yet
        return Status.ALTERNATIVE, None
    if _HEDGE.search(text) and re.search(
        r"確認|不安|自信|見つか(ら|り)|見当たら|わから|不明", text
    ):
        return Status.UNKNOWN, None
    will = bool(_WILL.search(text))
    if will and not positive:
        if _FREQUENCY.search(text) and not has_plan:  # 「毎月確認します」, not 「今後は毎月…」
            positive = True
        else:
            has_plan = True
    if _SLIPPED_SCHEDULE.search(text):  # a rule in force that was missed, or a plan?
        return None, Status.PARTIAL
    if _past_only(text):
        return Status.NOT_DONE, None
    if _HARDLY.search(text):
        if positive:  # 「手順はあるものの、あまり守られていない」
            return Status.PARTIAL, None
        return None, Status.NOT_DONE
    if negative and _RUN_ON.search(text):  # 「社員教育は実施委託先への教育は未実施」
        return Status.PARTIAL, None
    if partial:
        if _ALL_NEGATIVE.search(text) and not positive:
            return Status.NOT_DONE, None
        return Status.PARTIAL, None
    if negative:
        if _SCOPE_FACT.search(text) and not positive:
            if _NO_SUCH_BUSINESS.search(text) and not has_plan:
                return Status.NOT_APPLICABLE, None
            return None, Status.NOT_APPLICABLE
        if positive:
            if _negative_then_elaboration(text):
                return Status.NOT_DONE, None
            if _TOTAL_NEGATIVE.search(text) and (
                sum(bool(_TOPIC.search(c.replace("手は", ""))) for c in _clauses(text)) < 2
            ):
                # 「backlogには積んでありますが手は付けてません」: is the done part a part?
                return None, Status.NOT_DONE
            if _means_after_negative(text):
                # 「分離はしていませんが、論理的に分けることで対応しています」: another way?
                return None, Status.ALTERNATIVE
            if _mark_list(text):  # 「認証OK、認可OK、ログNG」
                return Status.PARTIAL, None
            if _bare_mix(text):
                # a fact and a negative with no contrast between them: a control that
                # reads negative (「未使用のアカウントは停止しています」) or a gap? Ask.
                return None, Status.PARTIAL
            return Status.PARTIAL, None
        if _unread_part(text):  # 「本番はMFA必須、開発は未導入」 with a fact the rules cannot read
            return None, Status.PARTIAL
        if re.search(
            r"(ので|ため|為|から)$", text
        ):  # 「API連携はしていないので」: a reason, for what?
            return None, Status.NOT_APPLICABLE
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
        if _CAVEAT.search(text) and not _FOLLOW_UP.search(text) and not _RESOLVED.search(text):
            return None, Status.DONE  # 「…しているけど、…」: a caveat the rules cannot read
        if _unread_contrast(text):  # 「新しい方は対応済み、古い方は…」
            return None, Status.DONE
        if telegraphic_date:  # 「12月に導入」: done in December, or planned for it?
            return None, Status.DONE
        return Status.DONE, None
    return None, None
