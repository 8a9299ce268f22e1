"""The reply reader's rewrites of everyday and hearsay / memo phrasings
(``_hearsay_and_memo_rewrites``, ``_everyday_rewrites``) into the plain signals ``read``
looks for, with the patterns only they use.
"""

from __future__ import annotations

import re

from interview.engine.reply_patterns import _POS_TOKEN
from interview.engine.reply_regex import fast, fast_module, worded_module

# 「大げさなことはしていませんが、…」: modesty about the means, not a gap.
_MODEST = re.compile(
    r"(大げさな|大袈裟な|大がかりな|大掛かりな|特別な|大した|立派な|大層な|高度な|凝った)(こと|仕組み|もの|ツール|対策|体制)"
    r"(は|を|も)?(何も|特に)?(して|入れて|用意して|やって|導入して|作って)?(い|お)?(ない|ません|ありません|ないです)(です)?"
    r"(が|けど|けれど|けれども)?[、,]?"
)
# 「そこは完全に穴です」「正直ノーケアです」「抜け漏れてます」: the gap named, not a fact in force.
_GAP_STATE = fast(
    r"(?<![抜け落と])穴(です|だ|でして|でございます|に(なって|なっと)(い|お)?(る|ます|ります)|の(まま|状態)|状態|$|(?=[。!]))"
    r"|(?<![a-z])(ノーケア|のーけあ|ノーマーク|のーまーく|ノー(対策|対応)|ノールール|ノープラン|のーぷらん)"
    # 「何かあったらその時考える感じです」: nothing prepared, only a reaction
    r"|(その時|そのとき|その場で|起きてから|あってから|発生してから)[^。、]{0,4}?(考える|考えます|考えよう|決める|決めます)"
    r"|場当たり的?(に|な|で|です|だ)"
    # 「今回の質問で初めて知りました」: the item was news to them
    r"|(質問|これ|今回|言われ|聞かれ)[^。]{0,6}?(で|て)(初めて|はじめて)(知り|知っ|聞き|聞い|意識し)(ました|た)"
    # 「文書になっているものはありません」: nothing written down
    r"|(文書|書面|文章|紙|明文|ルール|規程|形)(に|と|化)(なって|して|されて)(い|お)る(もの|の)(は|が)(特に)?(ない|ありません|ございません)"
    r"|(?:^|(?<=[はがも、])|完全に|ほぼ)(ザル|ざる|野放し)(です|だ|でして|状態|のまま|$|(?=[。、!]))"
    r"|(抜け漏れ|漏れ抜け)て(い|お)?(る|ます|ります)"
    r"|(そこ|ここ|それ|その辺|そのへん|その点)(は|が)?(完全に|まるっと|丸ごと|すっぽり)?(抜けて|抜け落ちて|漏れて)(い|お)?(る|ます|ります)"
)
# 「共有アカウントを使っています」「私物端末も使えてしまう状態です」: a weak practice stated as
# a fact in force — the gap itself, not a control done.
_WEAK_PRACTICE = fast(
    r"(共有|共通)(の)?(アカウント|id|パスワード)を[^。、]{0,6}?(使って|使用して|利用して|使い回して)(い|お)(る|ます|ります)"
    r"|(パスワード|id|アカウント)を?[^。、]{0,6}?使い回して(い|お)(る|ます|ります)"
    # 「全員が管理者権限を持っています」「開発者全員が本番DBに直接アクセスできます」: everyone holds it
    r"|(全員|みんな|誰でも|全社員|社員全員|開発者全員)(が|に)?[^。、]{0,6}?(管理者|特権|root|admin|全)権限(を|が)?"
    r"(持って|付与して|付与され|与えて|与えられ|あ)(い|お)?(る|ます|ります)"
    r"|(全員|みんな|誰でも|全社員|社員全員|開発者全員)(が|から)?[^。、]{0,8}?本番[^。、]{0,6}?直接"
    r"(アクセス|ログイン|接続|触れ|入れ|操作)(でき|られ|れ)(る|ます)"
    # 「APIキーはソースコードに直書きしています」: a secret in the code
    r"|(ソースコード|コード|設定ファイル|リポジトリ|git)(の中)?に(直書き|ハードコード|べた書き|ベタ書き)(して|し|され)?て?(い|お)?(る|ます|ります)?"
    # 「バックアップは同じサーバー内に置いています」: no copy elsewhere
    r"|バックアップ(は|を|も)?[^。、]{0,4}?同じ(サーバー?|ディスク|筐体|環境|場所|アカウント|リージョン|建物)(内|の中)?(に|へ|で)"
    r"(置い|保存し|保管し|取っ|とっ)て?(い|お)?(る|ます|ります)?"
    r"|(本番と(開発|検証)|全環境|全部の?環境|全システム|全部)で(同じ|共通の)(パスワード|鍵|id|アカウント)"
    r"(を|に)?(使って|使用して|設定して|利用して)?(い|お)?(る|ます|ります)?"
    # 「手順はベテランの頭の中にあるだけです」: known to one person only
    r"|頭の中(に|だけ)(ある|あります|しか)(だけ)?"
    # 「管理者パスワードはチームで共有してます」: a secret shared among people
    r"|(パスワード|暗証番号|アカウント|id|秘密鍵|apiキー|api鍵)(は|を|も)[^。、]{0,10}?(で|と|間で|内で)共有(して|し)(い|お)(る|ます|ります)"
    r"|(パスワード|暗証番号)(は|が)(みんな|全員|全部|すべて|全て)(同じ|共通)"
    r"|(使え|見え|見れ|触れ|入れ|でき|通れ|送れ|持ち出せ|ログインでき|アクセスでき)て?しま(う|います|っている|ってる|って(い|お)ます)"
    r"(?![^。、]{0,4}(こと|の)(は|が|も)(ない|ありません))"
)
# 「前回の回答から変わってません」「以前ご回答したとおり、変更ありません」: someone resuming
# says nothing has changed since last time — no verdict of its own (the rest of the reply has it).
_UNCHANGED = fast(
    r"(前回|以前|前|この前|先日|先回)(の|に|ご)?(回答|答え|お答え|返答|入力|記入)?(し|いたし)?(た)?"
    r"(から|と|より|時点から|(とおり|通り)(で|、)?)[、,]?(特に|何も|なにも)?(は)?"
    r"(変わって|変わりは?|変化は?|変更(は|も)?|差分(は)?|更新(は)?)(い|お|あり|ござい)?"
    r"(ない|ません|ありません|ございません|なし|無し)(です)?"
)
# 「前回は未実施と答えましたが、その後導入しました」: the earlier answer, reported — the
# words after it are today's state.
_EARLIER_ANSWER = fast(
    r"(前回|以前|前|この前|先日|先回|最初)(は|に|の時は|のときは)?[、,]?[「『\"]?[^。、」』\"]{1,12}[」』\"]?(と|って)"
    r"(答え|回答し|ご回答し|書い|書き|入力し|記入し|お伝えし|言い|言っ)(まし|てい|ており|てました|ていましたが)?た?"
    r"(が|けど|けれど|件(は|ですが|ですけど)?)[、,]?"
)
# 「久しぶりに開きました」「数週間ぶりに戻ってきました」: back to the session, no verdict.
_RESUMED = fast(
    r"(久しぶり|ひさしぶり|久々|ひさびさ|(\d+|数|何)(週間|か月|ヶ月|カ月|日)ぶり)(に)?[^。、]{0,8}?"
    r"(開き|開い|戻って|戻り|ログイン|再開|続き)[^。、]{0,8}?(ました|た|ます)[。、!]?"
)
# 「【課題】特になし」「課題：なし」: the memo's issue field is empty, not a gap.
_NO_ISSUE_FIELD = fast(
    r"[【\[]?(課題|問題点|懸念|備考|特記事項|計画|対応計画|今後の予定|今後の対応)(:|は|】|\])[、 ]?(特に)?"
    r"(なし|無し|ありません|ない)(です)?(?=$|[。、【\[]|(課題|問題点|懸念|備考|特記事項|計画|対応計画|今後の)[^:]{0,3}:)"
)
# 「実施してます。ただ、記録の残し方はもう少し工夫したい」: a wish to do better, not a gap
# named (done, or only partly? asked — see the caveat in _verdict).
_WISH_BETTER = fast(
    r"(今後(は)?[、,]?|将来的に(は)?[、,]?)?(もう少し|もうちょっと|もっと|さらに|更に|より一層)[^。、]{0,12}?"
    r"(工夫|改善|強化|充実|効率化|自動化|整理|洗練|レベルアップ|ブラッシュアップ)(し|させ|でき)?たい"
    r"(と(思って|考えて)(い|お)(ます|る|ります))?(です|ところ|ところです)?"
)
# 「承認フローを通さないと本番に出せない」: a requirement that blocks — a control in force.
_BLOCKED_UNLESS = fast(
    r"(?:(?<=[さし得経])|(?<=受け)|(?<=もらわ)|(?<=取ら)|(?<=済ま)|(?<=通ら)|(?<=通さ)|(?<=揃わ)|(?<=押さ))"
    r"ないと[^。、]{0,12}?"
    r"(?<!答え)(?<!回答)(?<!判断)(?<!説明)(?<!返事)(?<!返答)(?<!断言)(?<!確認)(出せ|入れ|使え|通ら|開け|触れ|見られ|見れ|出られ|出れ|リリースでき|マージでき|デプロイでき|ログインでき"
    r"|アクセスでき|反映でき|変更でき|実行でき|出金でき|送金でき|登録でき|本番に出せ|入室でき)(ない|ません)"
)
# 「本番DBには踏み台サーバー経由でしか入れない」「データは国内リージョンにしか置いていません」:
# the only way in, or the only place kept — a control, not a limited scope.
_ONLY_WAY = fast(
    r"(経由|から|通して|通じて)(で)?しか[^、。]{0,4}?(入れ|アクセスでき|ログインでき|接続でき|つなげ|繋げ|使え|操作でき|触れ|入られ)(ない|ません)"
    r"|(国内|日本国内|社内|閉域|専用線|自社内|vpc|プライベート)[^、。]{0,10}?(に|で|内で|内に)しか"
    r"(置いて|保存して|保管して|持って|通信して|接続して|流して)(い|お)?(ない|ません|りません)"
    # 「本番の鍵は2人しか知らない」「2人1組でしか作業しない」: least privilege, four eyes (but
    # 「手順は1人しか知らない」 is knowledge held by one person, a gap: only secrets count)
    r"|(鍵|キー|パスワード|暗証番号|秘密|認証情報|シークレット)[^。]{0,12}?(\d+|一|二|三|数|限られた)(人|名)(しか|だけしか)"
    r"(知ら|知って)(ない|ません|て(い|お)?(ない|ません))"
    r"|(\d+|一|二|三|数|限られた)(人|名)(1組|一組|体制)?(で|に)?(しか|だけしか)[^、。]{0,4}?"
    r"(持って|触れ|触れられ|アクセスでき|入れ|入ら|見られ|見れ|扱え|使え|作業し|作業でき|入室し|入室でき|操作し|操作でき)"
    r"(ない|ません|て(い|お)?(ない|ません))"
)
# 「手作業はなく、全部自動」「人の手は入らない」: no manual step — automation, a control.
_NO_MANUAL_STEP = fast(
    r"(手作業|人の手|手動(での)?(操作|作業|デプロイ|リリース|変更)?|人の介在|人手による(作業|操作))(は|が|の余地は)?(一切|全く)?"
    r"(なく|ない(?!ので|ため|から)|入らない|入りません|入らず|介在しない|介在しません|ありません|ございません|ゼロ)"
)
# 「その業務自体やっていない」: the business is not done at all, so the item does not apply.
_NO_SUCH_LINE = fast(
    r"(その|この|該当の|当該|そういう|そのような|該当する)(業務|事業|サービス|取引|商売|ビジネス)(自体|そのもの)(を|が|は)?"
    r"(やって|して|行って|扱って|提供して|営んで)(い|お)?(ない|ません|おりません)"
)
# 「スマホアプリ出してないからパス」: a reason, then the item passed over.
_REASON_THEN_PASS = fast(
    r"(ので|から|ため|為)[、,]?(((この|本|その)(項目|質問|設問)|ここ|これ)(は)?(パス|スルー|スキップ|なし|無し)|(パス|スルー|スキップ))"
    r"(です|で|だ|!|$|(?=[。、]))"
)


# 「…受けたことはないと聞いております」「…と伺っており、」: the auditor's hearsay frame around
# a connector's fact (its own verdict word ております is no fact); not before が/けど (a doubt).
_HEARSAY_FRAME = fast(
    r"(?<=[いるたしずく〕一-龥])(と|とは)(聞いて|伺って|うかがって|お聞きして)(お|い)?(ります|ます|る|り|て)(?=$|[。!]|、)"
)
# 「監査で確認した範囲では」「ヒアリングした限りでは」: where the look reached, not a limited scope.
_CHECKED_SCOPE = fast(
    r"(監査|ヒアリング|点検|調査|閲覧|往査|拝見)?(で|を|の中で)?(確認|ヒアリング|点検|調査|拝見|閲覧)(いた)?し(た|ました)"
    r"(範囲|限り)(では|で(は)?|において(は)?|内では)[、,]?"
)
# 「前回は保留にしましたが、」「前回保留にしていた件、」: an earlier non-answer, no verdict.
_EARLIER_PENDING = fast(
    r"(前回|以前|前|この前|先日|先回|最初)(は|に)?[、,]?(保留|後回し|スキップ|パス|未回答|空欄)(に|と)"
    r"(しました|した|して(い|お)?(た|ました|ります|る))(が|けど|けれど|件(は|ですが|ですけど|で)?)[、,]?"
)
# 「・委託先管理：…」: a memo line's heading names the topic; it is no done part.
_MEMO_HEADING = re.compile(
    r"(?:^|(?<=[\n・■]))(?![^:\n]*代替)[一-龥ァ-ヶーa-z]{0,10}(管理|運用|整備|体制|状況):(?=[^\s])"
)
# 「対応済みとのことですが、エビデンスは未受領」: said done, the proof not yet in hand (asks);
# only after a first clause (「報告書は受領しておりませんが、…」 is the control missing).
_EVIDENCE_PENDING = fast(
    r"(?<=が|ど|も|、)(?<!ません)(?<!ない)(?<!なし)(エビデンス|証跡|証憑|根拠資料|資料|報告書|写し|結果)(は|が|も)?(まだ)?"
    r"(未受領|未入手|受領して(い|お)?(ない|ません|りません)|入手して(い|お)?(ない|ません)|もらって(い|お)?(ない|ません)|届いて(い|お)?(ない|ません)"
    r"|の?(提示|提出|共有)(は|が)?(なし|無し|ない|ありません|されていない|されて(い|お)?りません|を受けていない|を受けておりません))"
)
# 「私は関与していません」: not the speaker's area — an unknown held by others, not a gap.
_NOT_MY_AREA = fast(
    r"(私|自分|わたし|僕|当部|当部署|うちの部署)(は|自身は|では)?(その件|そこ|本件|この件)?(に|には)?(は)?"
    r"(関与|タッチ|ノータッチ)(して|し)?(い|お)?(ない|ません|おりません|です)"
)
# 「そもそも委託してないっす」: nothing outsourced at all — the item does not apply.
_NOT_OUTSOURCED_AT_ALL = fast(
    r"(そもそも|もともと|元々)[、,]?[^。、]{0,8}?(委託|外注|再委託)(は|を|も)?(一切)?(して|し)(い|お)?(ない|ません|ないです|ないっす|ておりません|ません)"
)
# 「一部の社員から不満も出ていますが」: 一部 names who complains, not a part of the control;
# 「手間はかかりますが、」: the cost of a control, no gap.
_SOME_PEOPLE_REMARK = fast(
    r"一部(の)?(社員|従業員|職員|利用者|ユーザー|顧客|お客様|部署|現場|人|方)(から|より|の間で)(は|も)?"
    r"(反対|否定的な|慎重な)?(不満|反発|苦情|要望|意見|声|クレーム|不評)"
    r"(も|が|は)?(出て(い|お)?(ます|る|ました)|あり(ました|ます)|上がって(い)?(ます|る|ました)|ある)?(が|けど|けれど)?[、,]?"
    r"|(手間|時間|工数|コスト|負担|手数)(は|が|も)(かなり|相当|結構)?(かかり|かかって|掛かり|掛かって|大きい|あり)"
    r"(ます|ますが|いますが|いるけど|ますけど|ますけれど|けど|が)?[、,]?(?=[^。]{0,4}?(全件|全て|すべて|毎回|必ず|全員))"
)
# 「担当者不在のため後日」: the one who knows is away — unknown for now, not a plan for a gap.
_PERSON_AWAY = fast(
    r"(担当者?|担当の者|担当部署|詳しい者|詳しい人|分かる人|わかる人|分かる者|わかる者|責任者|情シス)(様)?(が|は)?(今日|本日|今週|現在)?"
    r"(不在|休み|お休み|外出中|出張中|休暇中|離席中)(の|な|で)?(ため|ので|につき)[、,]?"
)
# 「委託先は1社のみで、」: how many there are, not a limited scope of the control.
_HOW_MANY = fast(
    r"(委託先|再委託先|外部委託先|接続先|取引先|提携先|連携先|ベンダー|拠点)(は|が)(\d+|一|二|三|数)(社|先|か所|箇所|ヶ所|拠点)"
    r"(のみ|だけ)(で|です|であり|となって(おり|い)?)[、,。]?"
)
# 「ログ保存1年」「・ログ：保存1年」 in a memo: a practice with its period is a part in force.
_MEMO_PERIOD_FACT = fast(
    r"(?:^|(?<=[、/:・\n]))([一-龥ァ-ヶーa-z]{0,8}(保存|保管|取得|更新|点検|診断|訓練|研修|教育|棚卸し?|バックアップ))"
    r"(\d+(年|か月|ヶ月|カ月|日|回)(間|分)?|年\d+回|毎(日|週|月|年|晩|朝)|月次|年次|週次|日次)(?=$|[、/\n])"
)
# 「セッションは15分で自動タイムアウトします」「5回失敗でロックします」: what the system does
# at a threshold — a control in force, not an intention.
_SYSTEM_DOES = fast(
    r"(\d+|一|二|三|五|十)(分|秒|時間|日|回|か月|ヶ月)(間)?(の)?(連続)?(失敗|間違い|誤り|無操作|放置|経過)?(で|後に?|以上で|すると|したら|経つと)[、,]?"
    r"(自動(的)?(に|で)?)?(タイムアウト|ロック|失効|ログアウト|切断|無効化|無効に|停止|遮断|破棄|期限切れに)"
    r"(し|され|な|になり|に)?(ます|る|ります)(?=$|[。、!])"
)
# 「PoCの段階で本番ではまだです」: a trial stage — the tables read it 一部実施 and 未実施 alike (asks).
_TRIAL_STAGE = fast(
    r"(poc|検証|試験|実証|トライアル|パイロット)(の)?(段階|フェーズ)(で|であり|です|でして|なので)[、,]?"
    r"(?=[^。]{0,6}?本番[^。]{0,6}?(まだ|未|入れて(い|お)?(ない|ません)|出して(い|お)?(ない|ません)))"
)
# 「該当するデータを一切持っていません」「・個人情報：取扱いなし」: nothing the item acts on.
_NOTHING_HELD = fast(
    r"(該当する|対象となる|対象の)(データ|情報|業務|取引|機能|システム|サービス|資産)(を|は|が|も)?(一切|特に)?"
    r"(持って|保有して|扱って|取り扱って|取扱って)(い|お)?(ない|ません|ないです|おりません)"
    r"|(?<=:)(取扱い|取り扱い|取扱|保有)(は)?(なし|無し)(?=$|[、。(\n])"
)
# 「…定められていないことを確認いたしました」: the check found a gap — the finding is the fact.
_FOUND_MISSING = fast(
    r"(?:(?<=ない)|(?<=なく)|(?<=ず)|(?<=未了)|(?<=不備)|(?<=なかった))(こと|点|旨)(を|が)(確認|把握|検出|発見)(いた|致)?し(ました|た|て(お|い)ります|ている|てる)"
    r"|(?:(?<=ない)|(?<=ず)|(?<=なかった))(こと|点|旨)が(判明|分かり|わかり)(いた)?(しました|ました)"
)
# 「接続先に確認を依頼しております」: asked, no answer yet; 「確かめようがない」: cannot be checked.
_ASKED_OTHERS = fast(
    r"(確認|照会|回答|調査)(を)?(依頼|お願い|要請)(して|し|いたして|致して)(お|い)?(ります|ます|る|り)"
    r"|(確認|照会|回答|調査)(を)?(依頼|要請)中"
)
_CANNOT_CHECK = fast(
    r"(確かめ|確認し|検証し|確認の(仕|し)|確かめる術|確認する術|確認する手段)(よう)?(が|も)(ない|ありません|ございません|なく)"
)
# 「クライアントは「やってない」と言っていますが、実際は…」: the quoted claim gives way to what is
# actually so.
_CLAIM_THEN_ACTUAL = fast(
    r"^[^。]{0,40}?(と|って)(言って|おっしゃって|話して|回答して|主張して)(い|お)?(ます|る|ました|た)(が|けど|けれど)[、,]?"
    r"(?=(実際は|実際には|実態は|実態としては|本当は))"
)
# 「…ですが、API連携があるので対象になると思います」: the item applies after all — not 該当なし.
_APPLIES_AFTER_ALL = fast(
    r"(対象に(なる|なります)|対象(です|だ)|該当(する|します)|関係(ある|あります))(と思います|と思う|と考えます|と考えております|はず|かと)"
)
# 「しばらく離れてましたが、」「だいぶ空いちゃいましたが、」: back to the session, no verdict.
_AWAY_A_WHILE = fast(
    r"(しばらく|だいぶ|少し|かなり|長らく|間が)(離れて|空いて|空いちゃ|空い|あいて|あいちゃ|空け|あけ|見て(い)?なかった|触って(い)?なかった|放置して)"
    r"[^。、]{0,6}?(が|けど|けれど)[、,]?"
)
# 「今年入った人はまだ研修を受けてません」: the newcomers are a part, the others done.
_NEWCOMERS = fast(
    r"(今年|今年度|最近|新しく|新規に|春に|4月に|途中で|中途で)(入った|入社した|採用した|加わった|入ってきた|配属された)(人|社員|メンバー|方|職員)(たち)?(は|だけ)"
    r"(?=[^。]{0,12}?(まだ|ない|ません|未))"
)
# 「放置されてることが多い」: the gap is the usual case.
_GAP_USUALLY = fast(
    r"未対応(されて|して|になって)?(い)?る(ことが|ケースが|場合が|ものが)(多い|ほとんど|大半)"
)


def _hearsay_and_memo_rewrites(text: str) -> str:
    """Rewrites for an auditor's hearsay, resumed sessions and memo lines (tuning45)."""
    if "聞" in text or "伺" in text or "うかが" in text:
        # 「保存しない設計と聞いており、暗号化は該当しない」: the hearsay is the reason
        text = re.sub(
            r"(?<=[いるたしずく〕])(と|とは)(聞いて|伺って|うかがって)(おり|い)、(?=[^。]{0,30}?(該当し|対象外|非該当|不要))",
            "ので、",
            text,
        )
        text = _HEARSAY_FRAME.sub("", text)
    if "範囲" in text or "限り" in text:
        text = _CHECKED_SCOPE.sub("", text)
    if (
        "保留" in text
        or "後回し" in text
        or "スキップ" in text
        or "パス" in text
        or "回答" in text
        or "空欄" in text
    ):
        text = _EARLIER_PENDING.sub("", text)
    if ":" in text:
        text = _MEMO_HEADING.sub("", text)
    if "関与" in text or "タッチ" in text:
        text = _NOT_MY_AREA.sub("担当外で不明", text)
    if "そもそも" in text or "もともと" in text or "元々" in text:
        text = _NOT_OUTSOURCED_AT_ALL.sub("非該当", text)
    if (
        "受領" in text
        or "入手" in text
        or "もらって" in text
        or "届いて" in text
        or "提" in text
        or "共有" in text
    ):
        text = _EVIDENCE_PENDING.sub("〔疑〕", text)
    if "未対応" in text:
        text = _GAP_USUALLY.sub("未対応です", text)
    if "ます" in text or "る" in text:
        text = _SYSTEM_DOES.sub(_POS_TOKEN, text)
    if "段階" in text or "フェーズ" in text:
        text = _TRIAL_STAGE.sub(r"\g<0>〔疑〕", text)
    if "該当" in text or "対象" in text or "取扱" in text or "取り扱" in text or "保有" in text:
        text = _NOTHING_HELD.sub("非該当", text)
    if "こと" in text or "点" in text or "旨" in text:
        text = _FOUND_MISSING.sub("", text)
    if "実際" in text or "実態" in text or "本当" in text:
        text = _CLAIM_THEN_ACTUAL.sub("", text)
    if ("思" in text or "考え" in text or "はず" in text or "かと" in text) and (
        _APPLIES_AFTER_ALL.search(text)
    ):  # an earlier 「該当なし」 is the claim being doubted
        text = re.sub(r"該当なし|非該当|対象外|該当しない", "〔説〕", text)
        text = _APPLIES_AFTER_ALL.sub("要確認", text)
    if (
        "しばらく" in text
        or "だいぶ" in text
        or "間が" in text
        or "長らく" in text
        or "少し" in text
        or "かなり" in text
    ):
        text = _AWAY_A_WHILE.sub("", text)
    if "入" in text or "採用" in text or "加わ" in text or "配属" in text:
        text = _NEWCOMERS.sub("一部の社員は", text)
    if "依頼" in text or "お願い" in text or "要請" in text:
        text = _ASKED_OTHERS.sub("確認中", text)
    if "よう" in text or "術" in text or "手段" in text:
        text = _CANNOT_CHECK.sub("確認できていない", text)
    if "不在" in text or "休" in text or "外出" in text or "出張" in text or "離席" in text:
        text = _PERSON_AWAY.sub("不明なため", text)
    if "のみ" in text or "だけ" in text:
        text = _HOW_MANY.sub("〔数〕", text)
    if "、" in text or "/" in text or ":" in text:
        text = _MEMO_PERIOD_FACT.sub(r"\g<0>実施済", text)
    if (
        "一部" in text
        or "手間" in text
        or "時間" in text
        or "工数" in text
        or "コスト" in text
        or "負担" in text
    ):
        text = _SOME_PEOPLE_REMARK.sub("〔言〕", text)
    return text


def _everyday_rewrites(text: str) -> str:
    """Rewrites for everyday phrasing (tuning43): gaps named in words, what is unchanged since
    last time, modesty, weak practices, controls said as a block, earlier answers reported,
    wishes to do better, empty memo fields, a business not run at all. Each pattern runs only
    when a word it needs is present, so long replies pay little."""
    text = _GAP_STATE.sub("未対応", text)
    if "状" in text or "実態" in text:  # 「現在、状況を調査しています」: finding out, not done
        text = re.sub(
            r"(^|現在[、,]?|今[、,]?|いま[、,]?|ただいま[、,]?)(状況|現状|実態)(を|は)(調査|調べ|ヒアリング|照会)"
            r"(して(い|お)(る|ます|ります)|中)",
            "確認中",
            text,
        )
    if (
        "ないと" in text
    ):  # 「二人承認じゃないと触れないようにしてます」: a condition that gates, a control
        # 「10分操作がないと自動でログアウトします」: idle, the trigger of a mechanism
        text = re.sub(
            r"(操作|入力|通信|アクセス|利用)(が|の)?(ない|なければ|無い)と", r"無\1で", text
        )
        text = re.sub(
            r"(承認|許可|申請|認証|mfa|2名|二人|複数人|立会い|立ち会い)[^、。]{0,4}?"
            r"((じゃ|で)(ない|なけれ(ば)?)|(が|を)?(ない|なけれ(ば)?|得ない|通さない|経ない))と?"
            r"[^、。]{0,10}?(でき|触れ|入れ|使え|見られ|見れ|ログインでき|操作でき|出せ|取り出せ)((ない|ません)|〔済〕)",
            _POS_TOKEN,
            text,
        )
    if ":" in text and "未" in text:  # a memo 「■済：本番DBの暗号化 ■未：バックアップの暗号化」
        text = re.sub(
            r"(^|[、。])(済|済み|完了|実施済み?|対応済み?):([^、。:]{1,30})(?=[、。]|$)",
            r"\1\3は済み",
            text,
        )
        text = re.sub(
            r"(^|[、。])(未|未実施|未対応|未済):([^、。:]{1,30})(?=[、。]|$)", r"\1\3は未実施", text
        )
    text = _hearsay_and_memo_rewrites(text)
    if "気" in text:  # 「言われて気づきました、やってないです」: the noticing is no fact in force
        text = re.sub(
            r"(言われて|聞かれて|指摘されて)(初めて|はじめて)?(気づき|気付き|気がつき)(ました|た)",
            "",
            text,
        )
    if "変" in text:
        text = _UNCHANGED.sub("", text)
    if "な" in text:
        text = _MODEST.sub("", text)
    if (
        "使" in text
        or "同じ" in text
        or "共通" in text
        or "しま" in text
        or "共有し" in text
        or "権限" in text
        or "直" in text
        or "頭の中" in text
        or "書き" in text
    ):
        text = _WEAK_PRACTICE.sub("〔穴〕", text)
    if "に" in text and ("ござ" in text or "あります" in text):
        # 「未だ検討段階にございます」: keigo for 段階です, not a fact in force
        text = re.sub(
            r"(段階|状況|状態|途中|最中|方向|見込み)に(ございます|ござります|あります)",
            r"\1です",
            text,
        )
    if "ないと" in text:
        text = _BLOCKED_UNLESS.sub(_POS_TOKEN, text)
    if "から" in text or "より" in text:  # 「去年から始めた」: started, and running since
        text = re.sub(
            r"(?<=[年月期度前])(から|より)(始め|はじめ|開始し|スタートし)(た|ました)(?=$|[。、!])",
            "から実施済み",
            text,
        )
    if "しか" in text:
        text = _ONLY_WAY.sub(_POS_TOKEN, text)
    if "手" in text or "人の介在" in text:
        text = _NO_MANUAL_STEP.sub(_POS_TOKEN, text)
    if "ではなく" in text:
        # 「環境変数ではなくSecrets Managerに入れてある」: read as with its comma
        text = re.sub(
            r"(?<=[一-龥ァ-ヶーa-z0-9])ではなく(?=[一-龥ァ-ヶーa-z0-9])", "ではなく、", text
        )
    if "前" in text or "最初" in text:
        text = _EARLIER_ANSWER.sub("", text)
    if "ぶり" in text or "久" in text or "ひさ" in text:
        text = _RESUMED.sub("", text)
    if "たい" in text:
        text = _WISH_BETTER.sub("〔願〕", text)
    if ":" in text or "は" in text or "】" in text or "]" in text:
        text = _NO_ISSUE_FIELD.sub("", text)
    if "自体" in text or "そのもの" in text:
        text = _NO_SUCH_LINE.sub("非該当", text)
    if "ので" in text or "から" in text or "ため" in text or "為" in text:
        text = _REASON_THEN_PASS.sub(r"\1、非該当", text)
    return text


fast_module(globals(), rare=True)
# Patterns whose searches on mid-length replies mostly find nothing: their worded
# alternatives passed over where the reply lacks their words (``by_words``; measured)
worded_module(
    globals(),
    (
        "_MEMO_PERIOD_FACT",
        "_SYSTEM_DOES",
        "_WEAK_PRACTICE",
    ),
)
