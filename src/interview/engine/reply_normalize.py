"""Fold a typed reply into one spelling the reply reader can match.

Only for matching: the reply itself is kept as typed. Folds width (NFKC), case, emoji and
laughter, polite padding, kana spellings of the status words (じっしずみ → 実施済み),
casual contractions (やってる → やっている, じゃない → ではない), small kana and long
vowels (なーい, なぃ), common IME slips (実施住み, 見実施, 意外は) and romaji left
unconverted at the end (していまｓ).
"""

from __future__ import annotations

import re
import unicodedata

from interview.engine.reply_english import fold_english
from interview.engine.reply_regex import fast_module, first_character_set, literals
from interview.engine.reply_romaji import ROMAJI_REPLY, romaji_reply_as_kana
from interview.engine.reply_steps import Rewrites

# Polite padding that carries no verdict (and would otherwise look like one:
# 「申し訳ありません」 has ありません, 「お世話になっております」 has おります).
_PADDING = re.compile(
    r"お世話になっております|お疲れ様です|おつかれさまです|お疲れさまです"
    r"|(どうぞ)?よろしく(お願い)?(いた|致)?(します|いたします|お願いします)?"
    r"|申し訳(ありません|ございません|ない)(が|けど|けれど)?"
    r"|すみません(が|けど)?|すいません(が|けど)?|恐れ入りますが|失礼します"
    r"|ありがとうございま(す|した)|ありがとう"
)

_KATAKANA_WORD = re.compile(r"[ァ-ヶー]+")
# A katakana run is folded to hiragana only when it spells a verdict word or ending
# (ヤッテナイ, デキテマス, ナシ), never for loan words (サーバー, ログ).
_KANA_VERDICT = re.compile(
    r"^(やって|やってる|でき|わから|わかん|わかり|ない|なし|あり|ある|して|まだ|じっし|"
    r"たいおう|みじっし|がいとう|ひがいとう|ふめい|よてい|けんとう|いちぶ|かくにん|はい|"
    r"いいえ|ぜんぜん|ばっちり|だいじょうぶ|ずみ|すみ|むり|ます|です|ません|てる|てます|"
    r"てない|てません|おっけー|おーけー|うん|ええ|みたいおう|みちゃくしゅ|だめ)"
)

# Kana spellings and IME slips of the words that carry a verdict.
_WORDS: list[tuple[str, str]] = [
    ("のみじっし", "のみ実施"),  # 「本番のみじっししてます」: のみ, not 未実施
    ("のみたいおう済", "のみ対応済"),  # 「本番のみたいおう済み」: のみ, not 未対応
    ("のみじっし", "のみ実施"),  # 「本番のみじっししてます」: のみ, not 未実施
    ("せいびずみ", "整備済み"),
    ("みどうにゅう", "未導入"),  # before どうにゅう: 「みどうにゅう」 is 未導入
    ("みせいび", "未整備"),
    ("みしょうにん", "未承認"),  # 「みしょうにんのアカウントはゼロです」
    ("みていしゅつ", "未提出"),
    ("みじゅこう", "未受講"),
    ("みちゃくしゅ", "未着手"),  # 「ﾐﾁｬｸｼｭ」: half-width kana, IME off
    ("見対応", "未対応"),  # 「開発は見対応」: み converted to 見
    ("見実施", "未実施"),
    ("見着手", "未着手"),
    ("かくにんちゅう", "確認中"),
    ("にきいてみ", "に聞いてみ"),  # 「担当にきいてみます」: 聞く typed in kana
    ("にきいておき", "に聞いておき"),
    ("にきいてから", "に聞いてから"),
    ("わかたない", "わからない"),
    ("わかならい", "わからない"),  # IME slip: ら and な swapped
    ("わかりまえん", "わかりません"),  # IME slip: せ dropped
    ("わかrません", "わかりません"),  # IME slip: an unconverted r
    ("わかりまsrん", "わかりません"),  # IME slip: s and r before ん
    ("てい増す", "ています"),  # 「保管してい増す」: ます converted to 増す
    ("わかrない", "わからない"),
    ("分かりまえん", "分かりません"),
    ("ていなです", "ていないです"),  # IME slip: 「できていなです」
    ("やってります", "やっております"),
    ("てまてん", "てません"),  # 「やってまてん」
    ("うんようちゅう", "運用中"),
    ("運用ちゅう", "運用中"),
    ("べつの方法", "別の方法"),
    ("べつの手段", "別の手段"),
    ("のみたいおうずみ", "のみ対応済み"),
    ("のみたいおうすみ", "のみ対応済み"),
    ("だいたいしゅだん", "代替手段"),
    ("だいたいさく", "代替策"),
    ("だいたいあん", "代替案"),
    ("だいがえ", "代替"),
    ("かんりょう", "完了"),
    ("てきようがい", "適用外"),
    ("たいしょうがい", "対象外"),
    ("せっちずみ", "設置済み"),
    ("かんけい", "関係"),
    ("ひがいとう", "非該当"),
    ("非該等", "非該当"),
    ("該等", "該当"),  # IME slip: 「該等なし」
    ("そのかわり", "その代わり"),
    ("外套なし", "該当なし"),
    ("害当", "該当"),  # IME slip: 「害当なしです」
    ("して升", "してます"),  # IME slip: 「導入して升」
    ("対象:なし", "該当なし"),  # 「・対象：なし（アプリ非提供）」: a memo's 該当 field
    ("ノーガード", "未対応"),  # 「開発環境はノーガードw」
    ("無縁", "関係ない"),  # 「それうちには無縁っすね」
    ("以外まだ", "以外は未実施"),  # 「本番以外まだ」: the named part done
    ("どうだっけ", "どうだったっけ"),
    (
        "やりかけ",
        "一部実施中",
    ),  # 「やりかけです」: started, not finished  # IME slip: 「外套なし」「外套しません」 (該当)
    ("外套しない", "該当しない"),
    ("外套しません", "該当しません"),
    ("外套外", "該当外"),
    ("はんぶん", "半分"),
    ("のみたいおう", "のみ対応"),  # 「本番のみたいおうしてまs」: のみ, not 未対応
    ("まえせん", "ません"),
    ("ほったらかし", "放置状態"),
    ("てきようがい", "適用外"),
    ("かんりょう", "完了"),
    ("だいたいしゅだん", "代替手段"),
    ("だいたいさく", "代替策"),
    ("だいたいあん", "代替案"),
    ("部分てき", "部分的"),
    ("がいとう", "該当"),
    ("みじっし", "未実施"),
    ("じっしちゅう", "実施中"),
    ("たいおうちゅう", "対応中"),
    ("対象がい", "対象外"),
    ("じっし", "実施"),
    ("みたいおう", "未対応"),
    ("たいおう", "対応"),
    ("ふめい", "不明"),
    ("よてい", "予定"),
    ("いちぶ", "一部"),
    ("ぶぶんてき", "部分的"),
    ("かくにん", "確認"),
    ("うんようちゅう", "運用中"),
    ("どうにゅう", "導入"),
    ("けんとうちゅう", "検討中"),
    ("未済", "未実施"),
    ("見実施", "未実施"),
    ("身実施", "未実施"),
    ("実地済", "実施済"),
    ("意外は", "以外は"),
    ("意外では", "以外では"),
    ("無い", "ない"),
    ("無し", "なし"),
    ("無く", "なく"),
    ("有り", "あり"),
    ("有る", "ある"),
    ("出来", "でき"),
    # 分か → わか for 分からない / 分かります, not 「新規契約分から」 (from that share)
    ("分からな", "わからな"),
    ("分からず", "わからず"),
    ("分からん", "わからん"),
    ("分からへん", "わからへん"),
    ("分からない", "わからない"),
    ("分かり", "わかり"),
    ("分かっ", "わかっ"),
    ("分かる", "わかる"),
    ("分かん", "わかん"),
    ("分かれ", "わかれ"),
    ("分かま", "わかま"),
    ("判ら", "わから"),
    ("解ら", "わから"),
    ("判り", "わかり"),
    ("解り", "わかり"),
    ("わかんない", "わからない"),
    ("わかんね", "わからない"),
    ("わからん", "わからない"),
    ("わかん", "わからない"),
    ("ましえん", "ません"),
    ("まっせん", "ません"),
    ("まっせ", "ます"),
    ("知らん", "知らない"),
    ("しらない", "知らない"),
    ("しらん", "知らない"),
    ("しりません", "知りません"),
    ("頂", "いただ"),
    ("致", "いた"),
    ("御座", "ござ"),
    ("下さ", "くださ"),
    ("居ます", "います"),
    ("居る", "いる"),
    ("居ない", "いない"),
    ("じゃ", "では"),
    ("でございます", "です"),  # 「未整備でございます」: not ございます (there is)
    ("でございました", "でした"),
    ("っす", "です"),
    ("やてる", "やってる"),
    ("やてない", "やってない"),
    ("やてます", "やってます"),
    ("未だ", "まだ"),
    ("全然", "ぜんぜん"),
    ("予定無", "予定な"),
]
_WORD_RE = re.compile(literals(a for a, _ in _WORDS))
_WORD_MAP = dict(_WORDS)

# Kansai forms: やってへん → やっていない, あらへん → ない, やっとる → やっている.
_DIALECT = [
    (re.compile(r"あらへん|あらひん|おまへん"), "ない"),
    (
        re.compile(
            r"(?<=[ぁ-ゖ])(へん|ひん)(?=$|[、。わでよね!?]|の(?=$|[、。!?])|かった|けど|けれど|から|ので|し[、。]|が[、。])"
        ),
        "ない",
    ),
    (
        re.compile(
            r"(?<=[っんきけめれせえしちにみり])と(る|ります|った)(?=$|[、。!?]|けど|けれど|が|し|よ|ね|わ|で|から|ので|ん|ばい|たい|けん|けえ|さかい)"
        ),
        "ている",
    ),
    (re.compile(r"(?<=[っんきけめれせえしちにみり])とら(ん|へん|ない)"), "ていない"),
    # 〜んどる after a nasal stem (「もう済んどる」「読んどる」) is 〜んでいる
    (
        re.compile(
            r"(?<=[一-龥]ん)ど(る|ります|った)(?=$|[、。!?]|けど|けれど|が|し|よ|ね|わ|で|から|ので|ん|ばい|たい|けん|けえ)"
        ),
        "でいる",
    ),
    (re.compile(r"(?<=[一-龥]ん)どら(ん|へん|ない)"), "でいない"),
    # Kyushu / Chugoku けん (から): a reason mid-sentence, a bare particle at the end
    (re.compile(r"(?<=[るたいすだ])けん(?=[、,])"), "から"),
    (re.compile(r"(?<=[るたいすだ])けん(?=$|[。!?！？])"), ""),
    # 「スマホはまだかな」: still not, said casually — not a hedge on the state
    (re.compile(r"(?<=[はも])まだ(かな|かなぁ|かなあ|かもです|かも)(?=$|[。!?…])"), "まだです"),
    # Kyushu 〜なか (ない) after a noun of need: 「関係なかよ」「必要なか」
    (re.compile(r"(?<=関係|必要|意味|問題|心配)なか(?=$|[、。!?よね])"), "ない"),
    # 「毎月見とるよ」「出とる」: a one-kanji verb stem before 〜とる
    (
        re.compile(
            r"(?<=[見出寝着居])と(る|ります)(?=$|[、。!?]|けど|が|よ|ね|わ|で|から|ので|ん|けん)"
        ),
        "ている",
    ),
    # Western Japan 〜ちょる: 「やっちょらんです」「ちゃんとやっちょります」
    (re.compile(r"(?<=[っんきけめれせえしちにみり見出])ちょら(ん|へん|ない)"), "ていない"),
    (
        re.compile(
            r"(?<=[っんきけめれせえしちにみり見出])ちょ(る|ります)(?=$|[、。!?]|けど|が|よ|ね|わ|で|から|ので|ん|けん)"
        ),
        "ている",
    ),
    # 「なんもしとらん」「全然あかん」「まだやねん」
    (re.compile(r"なんも(?=[ぁ-ゖ])"), "何も"),
    (re.compile(r"あかん(?![ぁ-ゖ])|あかん(?=わ|で|な|ね|よ)"), "ダメ"),
    (re.compile(r"(?<=まだ)やねん|(?<=まだ)や(?=[、。!?]|$|で|な|ね|けど)"), "です"),
    # IME slips: 「まだでう」 (です), 「して内です」 (いない)
    (re.compile(r"(?<=まだ)でう(?=$|[。!、])"), "です"),
    (re.compile(r"(?<=[しっ]て)内(?=です|$|[。、!])"), "いない"),
    # 「ワンタイムパスワードやのうて、生体認証で」: ではなく
    (
        re.compile(r"(?<=[一-龥ァ-ヶーa-z0-9])(や|じゃ)(のうて|のーて)(?=[、,]|[一-龥ァ-ヶ])"),
        "ではなく",
    ),
    # IME picked the wrong kanji: 「一分対応済み」 (一部)
    (re.compile(r"一分(?=(対応|実施|導入|整備|済|の|だけ|のみ|は|で|未))"), "一部"),
    # 「ステージングいがいは対応ずみ」: 以外 left in kana
    (re.compile(r"(?<=[ァ-ヶー一-龥a-z])いがい(?=は|では|なら|の)"), "以外"),
    # IME slips: 「実施してまえん」「わかりまさん」 (ません), 「監視しておます」 (おります),
    # 「不名です」 (不明), 「要確人」 (要確認), 「しらべます」 (調べます)
    (re.compile(r"(?<=[てしりき]ま)(え|さ)ん(?=$|[、。でよねわけが!?])"), "せん"),
    (re.compile(r"(?<=[てで])おます(?=$|[、。がけよね!?])"), "おります"),
    (re.compile(r"不名(?=$|です|でした|[、。!?])"), "不明"),
    (re.compile(r"要確人"), "要確認"),
    (re.compile(r"^しらべ(?=ます|てみます|ておきます|とき)"), "調べ"),
    # Kyoto honorific 〜はる: 「やってはります」 → やっています
    (re.compile(r"(?<=[てで])はり(?=ます|ました)"), "い"),
    (re.compile(r"(?<=[てで])はる(?=$|[、。よねわで]|けど)"), "いる"),
    # IME slips: 「やってまてん」 (ません), 「運用ちゅう」 (中), 「かんりずみ」 (済み)
    (re.compile(r"(?<=[てしきりいえけれめち]ま)てん(?=$|[、。でよねわ!?])"), "せん"),
    (re.compile(r"(?<=[一-龥])ちゅう(?=$|[、。でだよねの!?])"), "中"),
    (re.compile(r"(?<=[ぁ-ゖ]{3})ずみ(?=$|[、。でだよねの!?])"), "済み"),
    # IME left a letter: 「わかりまsん」「やってまsねん」「実施してまsえん」「確認しまsう」
    (re.compile(r"ま(s|ｓ)(え|ね)?ん"), "ません"),
    (re.compile(r"ま(s|ｓ)う(?=$|[、。!?])"), "ます"),
    # 「導入しtます」「やってなかtt」: a letter typed for っ / て
    (re.compile(r"(?<=[ぁ-ゖ一-龥]し)t(?=ます|ました|る|い)"), "てい"),
    # 「調べときます」「聞いとく」: 〜ておきます, 〜ておく
    (
        re.compile(
            r"(?:(?<=[べせけげてめれえきしちにひみりぎじびぴっ])|(?<=[^な]い))とき(?=ます|ましょう)"
        ),
        "ておき",
    ),
    (
        re.compile(
            r"(?:(?<=[べせけげてめれえきしちにひみりぎじびぴっ])|(?<=[^な]い))とく(?=$|[。、ねよ!])"
        ),
        "ておく",
    ),
]
# A bare 済 / 未 closing a clause: 「AとBは済、Cは未」.
_BARE_MARK = re.compile(r"(?<=[はがも:)])(済|未)(?=$|[、。,!?])|(?<=[はがも:)、])(済|未)(?=\()")
_SMALL_KANA = "ぁぃぅぇぉ"
_SMALL = str.maketrans(_SMALL_KANA, "あいうえお")
# 済 → 済み; ずみ/すみ/住み after a verbal noun → 済み (対応ずみ, 実施住み, 対応すみ)
# 的 typed in kana after a noun: 部分てきに, 基本てきには, 段階てき
_TEKI = re.compile(r"(?<=[\u4e00-\u9fff])てき(?=に|な|で|$|[、。])")
_ZUMI = re.compile(
    r"(?<=[\u4e00-\u9fff])(ずみ|すみ(?!ませ)|住み|(?<![山下上野])積み|(?<![決返経救弁共完皆])済(?![みまむ]))"
)  # not 決済, 返済, 経済 (a payment is not "done")
# Casual ている forms: やってる → やっている, できてない → できていない. The て or で itself
# is matched (and い put after it), so the search only stops at those two characters.
_TEIRU = re.compile(
    r"(?:て|(?<=[んい])で)(?=る|ます|ない|ません|た(?!い)|なかった)"
    r"|(?<=[っしいきけめれせえ])て(?=て(?:[、,。]|$|[一-龥ァ-ヶーa-z]))"  # やってて → やっていて
)
# Romaji left unconverted after kana: していまｓ → していま + す.
# Not after a particle: 「通信はTLS、保存時は…」 names a word, it is no tail.
_ROMAJI_TAIL = re.compile(r"(?<=[ぁ-ゖ])(?<![はがをもやのに])([a-z]{1,3})(?=$|[。、.,!?！？\s])")
# A memo line whose state is a bare mark after a blank (「■サーバ 済\n■ネットワーク機器 未」)
_SPACED_LINE_MARK = re.compile(
    r"(?<=[一-龥ァ-ヶーa-z0-9])[ \u3000]+(済み?|未実施|未対応|未着手|未|完了)(?![ \u3000]*[一-龥ぁ-ゖァ-ヶーa-z0-9])"
)
# 「確認しまう」: す dropped before う in a verbal noun's します
_SHIMAU = re.compile(r"(?<=[一-龥])しまう(?=$|[。、!?！？])")
# 「担当にきいてみまふ」: す typed as ふ (the keys sit side by side on a kana keyboard)
_MAFU = re.compile(r"(?<=[みりしきいえけせてねめれ])まふ(?=$|[。、!?！？])")
_ROMAJI = {
    "sen": "せん",
    "masen": "ません",
    "s": "す",
    "su": "す",
    "n": "ん",
    "nn": "ん",
    "ta": "た",
    "ru": "る",
    "i": "い",
    "tt": "った",  # 「やってなかtt」
    "tta": "った",
}


def _romaji(match: re.Match[str]) -> str:
    """The kana of a romaji tail; after ま, s with a stray letter is す (してまsy, してまsh)."""
    letters = match.group(1)
    if letters in _ROMAJI:
        return _ROMAJI[letters]
    before = match.string[match.start() - 1]
    return "す" if before == "ま" and letters[0] == "s" and letters[:2] != "se" else ""


# Emoji, symbols and laughter carry no verdict.
_LAUGH = re.compile(r"(\(笑\)|（笑）|笑+|w{2,}|(?<=[ぁ-ゖ一-龥ァ-ヶー。、!?])w)(?=$|[。、!?\s])")
_LONG = re.compile(r"(?<=[ぁ-ゖ])[ー〜~]+")
_SPACE = re.compile(r"[\s\u3000]+")
_SPACED_LETTERS = re.compile(r"(?:[^\s\u3000][\s\u3000]+){2,}[^\s\u3000]")


# katakana ァ–ヶ to their hiragana ぁ–ゖ (ー and the rest unchanged)
_TO_HIRAGANA = {code: code - 0x60 for code in range(ord("ァ"), ord("ヶ") + 1)}


def _verdict_runs() -> re.Pattern[str]:
    """The katakana runs ``_kana`` may change: those led by the katakana of a character that
    can start ``_KANA_VERDICT`` (any other run is left as it is, so it is not looked at)."""
    initials = first_character_set(_KANA_VERDICT.pattern)
    if initials is None:
        return _KATAKANA_WORD
    katakana = {chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in initials}
    lead = "".join(sorted(c for c in katakana if "ァ" <= c <= "ヶ" or c == "ー"))
    return re.compile(f"(?<![ァ-ヶー])[{lead}][ァ-ヶー]*") if lead else re.compile(r"(?!)")


_VERDICT_RUN = _verdict_runs()


def _kana(match: re.Match[str]) -> str:
    run = match.group(0)
    hira = run.translate(_TO_HIRAGANA)
    return hira if _KANA_VERDICT.match(hira) else run


_HALF_KANA = re.compile(r"[ｦ-ﾝ]")
# A reply typed all in katakana (half-width IME mode: 「ﾎﾝﾊﾞﾝﾀﾞｹﾔｯﾃﾏｽ」「ﾀﾞｲﾀｲｻｸｱﾘ」) has no
# kanji or hiragana to read: it is read as kana, loan words included.
_KATAKANA_ONLY = re.compile(r"[^ぁ-ゖ一-龥]*[ァ-ヶ][^ぁ-ゖ一-龥]*")


def _all_kana(text: str) -> str:
    if sum("ァ" <= c <= "ヶ" for c in text) < 3 or not _KATAKANA_ONLY.fullmatch(text):
        return text
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


class _SymbolTable(dict[int, int | None]):
    """A str.translate table that drops symbols, filled per character on first sight."""

    def __missing__(self, code: int) -> int | None:
        ch = chr(code)
        drop = unicodedata.category(ch) in _SYMBOL_CATEGORIES or ch in "♪☆★※♡"
        value = None if drop else code
        if len(self) < 20_000:  # a hostile reply cannot grow the table without bound
            self[code] = value
        return value


_SYMBOL_CATEGORIES = frozenset(("So", "Sk", "Cs", "Co", "Cn", "Cf", "Mn"))
_SYMBOLS = _SymbolTable()


# Characters that may be symbols: all but ASCII (^ and ` are symbols), kana, kanji and the
# CJK punctuation, none of which ``_SymbolTable`` drops (tests check every one of them).
_MAYBE_SYMBOL = re.compile(
    r"[^\x00-\x5d\x5f\x61-\x7f\u3000-\u3003\u3005-\u3011\u3014-\u301f\u3021-\u3029"
    r"\u302e-\u3035\u3038-\u303d\u3041-\u3096\u309d-\u30ff\u4e00-\u9fff]"
)


def _drop_symbols(text: str) -> str:
    # text.translate(_SYMBOLS), looking each distinct character that may be a symbol up
    # once: a long reply holds few such characters, and most often none to drop
    dropped = [ch for ch in set(_MAYBE_SYMBOL.findall(text)) if _SYMBOLS[ord(ch)] is None]
    if not dropped:
        return text
    return text.translate(dict.fromkeys(map(ord, dropped)))


# Checklist marks, as in a paper form: ○ done, △ partly, × not done.
_MARKS = {
    **dict.fromkeys("○◯〇◎●", "実施済み、"),
    **dict.fromkeys("△▲", "一部実施、"),
    **dict.fromkeys("×✕✖", "未実施、"),
}


# Marks after a part (本番〇、開発×) and ok/ng after a topic (本番はok、開発はng).
_INLINE_MARKS = {
    **dict.fromkeys("○◯〇◎", "は済み"),
    **dict.fromkeys("△▲", "は一部"),
    **dict.fromkeys("×✕✖", "は未実施"),
    "ok": "済み",
    "ng": "未実施",
}
_INLINE_MARK = re.compile(
    r"(?<=[ぁ-ゖァ-ヶ一-龥a-z])[○◯〇◎△▲×✕✖](?!\d)|(?<=[は:：])(ok|ng)(?![a-z])"
    r"|(?<=[ァ-ヶー一-龥])(ok|ng)(?![a-z0-9])"
)


# Marks after a colon or an arrow (「ログ：○、監視：△」「MFA → 未」): the colon is the topic.
_ARROW = re.compile(r"[\s\u3000、]*(→|⇒|->|=>)[\s\u3000、]*")
_COLON_MARK = re.compile(r"(?<=:)[\s\u3000、]*([○◯〇◎△▲×✕✖])(?!\d)")
_COLON_MARKS = {
    **dict.fromkeys("○◯〇◎", "済み"),
    **dict.fromkeys("△▲", "一部"),
    **dict.fromkeys("×✕✖", "未実施"),
}
# 「対応済み (prod only)」: only, in English, limits the scope (read only does not).
_ONLY = re.compile(r"(?<![a-z])(?<!read)(?<!read )(?<!read-)only(?![a-z])")


# One-word answers, as in a form or in English.
_ONE_WORD = {
    "有": "あり",
    "ノー": "いいえ",
    "ノーです": "いいえ",
    "nope": "いいえ",
    "nah": "いいえ",
    "イエス": "はい",
    "いえす": "はい",
    "イエスです": "はい",
    "無": "なし",
    "done": "実施済み",
    "completed": "実施済み",
    "implemented": "実施済み",
    "not yet": "まだです",
    "not done": "未実施",
    "none": "なし",
    "wip": "一部実施",
    "in progress": "一部実施",
    "partial": "一部実施",
    "partially": "一部実施",
    "tbd": "要確認",
    "tbc": "要確認",
    "unknown": "不明",
    "not sure": "不明",
    "i'm not sure": "不明",
    "im not sure": "不明",
    "i don't know": "わからない",
    "i dont know": "わからない",
    "idk": "わからない",
    "unsure": "不明",
    "not implemented": "未実施",
    "not started": "未実施",
    "no": "いいえ",
    "not applicable": "該当なし",
    "already done": "実施済み",
    "done already": "実施済み",
    "todo": "未着手",
    "to do": "未着手",
    "もち": "もちろん",
    "もちです": "もちろん",
}


# English status phrases inside a longer reply (blanks already removed):
# 「not applicable、うちはアプリなしです」「まだnot startedです」.
_EMBEDDED = {
    "notapplicable": "該当なし",
    "notstarted": "未着手",
    "notyet": "まだ",
    "notsure": "不明",
    "don'tknow": "わからない",
    "dontknow": "わからない",
    "notimplemented": "未実施",
    "alreadydone": "実施済み",
    "notdoneyet": "まだ",
    "inprogress": "対応中",
    "halfwaythere": "一部実施",
    "halfway": "一部実施",
    "encryptedatrest": "保存時も暗号化済み",  # 「全部 encrypted at rest だよ」
    "encryptedintransit": "通信も暗号化済み",
}
_EMBEDDED_ENGLISH = re.compile(literals(_EMBEDDED))
# A status word in English beside Japanese: 「done です」「prod は done、stg は TODO」.
_ENGLISH_MARKS = {
    "partially implemented": "一部実施",
    "partially done": "一部実施",
    "partially": "一部実施",
    "done": "実施済み",
    "todo": "未着手",
}
_ENGLISH_MARK = re.compile(
    r"(?<![a-z])(" + "|".join(re.escape(k) for k in _ENGLISH_MARKS) + r")(?![a-z])"
)
_JAPANESE = re.compile(r"[ぁ-ゖ一-龥]")
# 「AndroidはWIP」「stgはTBD」: a part's state after its topic (not 「WIPで、まだ何も…」).
_TOPIC_STATE = re.compile(r"(?<=[はがも])(wip|tbd)(?![a-z])")
_TOPIC_STATES = {"wip": "対応中", "tbd": "未定"}


# A topic announced before the answer (「この項目ですが、」「API接続の件について、」): its
# 「ですが」 is not a contrast.
_LEAD_IN = re.compile(
    # 「年1回の予定ですが、」 is content, not a topic
    r"^(?![^、,]{0,24}?(予定|済|未)[^、,]{0,2}(ですが|ですけ))"
    # 「一部の接続先については、」 names the scope: it stays
    r"(?![^、,]{0,20}?(一部|大半|大部分|主要|以外|のみ|だけ|半分|残り|一部分))"
    r"(この|本|当該|こちらの|その|ご質問の)?[一-龥ァ-ヶーa-z0-9・の]{0,20}?(の件|の点)?"
    r"(について(は)?|に関して(は)?|ですが|ですけど|ですけれど)[、,\s\u3000]"
)
# A consultant quoting the client (「社長いわく「主要な取引先とだけ契約結んだ」」): the
# quoted words are the answer; the quoting frame carries no verdict.
_QUOTING = re.compile(
    r"^[^、。「」]{1,12}?(いわく|曰く|が言うには|によると|によれば)[、,]?「([^「」]+)」[。]?$"
)
# 「…。以上です」 closes the reply; left alone after an acknowledgement (「なるほど。以上です。」)
# it says nothing either.
_CLOSING = re.compile(r"(?:(?<=[、。.!?])|^)以上(です|となります|になります)?[。.!]*$")
_FILLER = re.compile(
    r"^(えー*と|えっと|ええと|えー+|あー+|あのー*|うー+ん|んー+|そうですね[ーえ〜]*|正直(なところ|言って|に言うと|に申し上げると)?|まあ(?!まあ)|ま、)[、,。\s…]*"
)
# An acknowledgement or an announcement before the answer carries no verdict
# (「分かりました、」 has ました; 「長くなりますが説明します」 would read as a plan).
_ACK = re.compile(
    r"^[、。,.!\s]*(はい[、。\s]*)?(わかりました|分かりました|解りました|判りました|了解(です|しました|いたしました)?|承知(です|しました|いたしました)"
    r"|かしこまりました|なるほど(です)?|は[ー〜~]+い|(少し|ちょっと)?長く(なります|なる|なりそうです)(が|けど|けれど))[、。!]*"
    r"((状況|現状|経緯|背景)を)?(ご)?(説明|補足)?(します|いたします|させてください|させていただきます)?[、。:]*"
)
# A line break after a sentence ending (です, ました, ません, だ) ends the sentence, like 。
_LINE_END = re.compile(r"(?:(?<=[すただ])|(?<=せん)|(?<=ない))[ \t\u3000]*[\r\n]+\s*(?=\S)")
# Memo forms: a label in brackets is a label before a colon (【対応】済 → 対応:済), and the
# status field's own label carries no verdict (「対応：未」 is 未, not 対応 beside 未).
_MEMO_LABEL = re.compile(
    r"(?:^|(?<=[、。\n]))([・■□◆◇▪\-*]?[^\S\n]*)[【\[［]([^】\]］、。\n]{1,10})[】\]］][^\S\n]*"
)
_MEMO_STATUS = re.compile(
    r"(?:^|(?<=[、。\n]))[・■□◆◇▪\-*]?[^\S\n]*(?:現在の)?(状況|対応|実施状況|対応状況|現状|判定|ステータス|status|該当)"
    r"[^\S\n]*[:：][^\S\n]*(?=\S)"
)
# An item of a memo list: 「・訓練：未実施」 (a short label, then its state).
_MEMO_ITEM = re.compile(
    r"((?:^|(?<=[、。\n]))[・■□◆◇▪\-*]?[^\S\n]*[^\s、。:：はがも]{1,15}?)[^\S\n]*[:：]"
    r"(?=[^\S\n]*(なし|無し|無$|無[、。\n]|未|×|済|あり|有り|一部|実施|対応済|導入済|整備済|不明|確認中))"
)
# A blank between Japanese words marks a clause, like 、 (本番は実施 開発は未実施).
_JA_SPACE = re.compile(r"(?<=[^\x00-\x7f])[\s\u3000]+|[\s\u3000]+(?=[^\x00-\x7f])")
# 「①規程 ○ ②教育 ×」: a mark typed after a blank still marks the word before it.
_SPACED_MARK = re.compile(r"(?<=[ぁ-ゖァ-ヶ一-龥])[^\S\n]+(?=[○◯〇◎△▲×✕✖](?!\d)(?:$|[\s、。,]))")
_MARK_CHARS = re.compile(r"[○◯〇◎△▲×✕✖]")
# 「社員は実施／委託先：未実施」: a slash between Japanese words separates memo items, like 、.
_JA_SLASH = re.compile(
    r"(?<=[ぁ-ゖァ-ヶー一-龥、])(?:[^\S\n]|、)*/(?:[^\S\n]|、)*(?=[ぁ-ゖァ-ヶー一-龥])"
)
# Sentence-final particles carry no verdict (保護ね, やってますよ).
_PARTICLE_END = re.compile(r"(?<=[ぁ-ゖ一-龥])(よね|よ|ね|わ|ぞ)+(?=$|[。、!?])")
_ENDS = "、。.,!！ ~〜ー…"


_COPULAS = ("でお願いいたします", "でお願いします", "でおねがいします", "です", "で")


def _one_word_with_copula(word: str) -> str:
    """The one-word answer before a copula (「TBDです」, 「N/Aでお願いします」), or ""."""
    for copula in _COPULAS:
        if word.endswith(copula) and word.removesuffix(copula) in _ONE_WORD:
            return word.removesuffix(copula)
    return ""


def fold(text: str) -> str:
    """The reply in one spelling, for matching only."""
    s = unicodedata.normalize("NFKC", text).casefold().strip()
    s = _FILLER.sub("", _FILLER.sub("", s))
    s = _PADDING.sub("、", s)
    s = _FILLER.sub("", _FILLER.sub("", s.lstrip(_ENDS)))  # 「お世話になっております。えーと、…」
    s = _FILLER.sub("", _LEAD_IN.sub("", s))
    s = _FILLER.sub("", _LEAD_IN.sub("", s.lstrip(_ENDS + "\n\r\t\u3000")))  # 2nd lead-in
    s = _ACK.sub("", s)
    s = _QUOTING.sub(r"\2", s)
    s = _CLOSING.sub("", s)
    if _HALF_KANA.search(text):  # 「ﾎﾝﾊﾞﾝﾀﾞｹﾔｯﾃﾏｽ」, once padding around it is gone
        s = _all_kana(s)
    if _SPACED_LETTERS.fullmatch(s):  # 「実 施 済 み」
        s = _SPACE.sub("", s)
    if " " in s or "\u3000" in s:  # 「・社員教育 済\n・委託先教育 未」: each line's mark
        s = _SPACED_LINE_MARK.sub(r"は\1", s)
    s = _LINE_END.sub("。", s)  # a line break after a sentence ending is a full stop
    if _MARK_CHARS.search(s):
        s = _SPACED_MARK.sub("", s)
    s = _JA_SPACE.sub("、", s)
    if "/" in s:
        s = _JA_SLASH.sub("、", s)
    if "】" in s or "]" in s or ":" in s or "：" in s:  # memo forms: 「【対応】済」「・該当：なし」
        s = _MEMO_STATUS.sub(
            lambda m: "該当" if m.group(1) == "該当" else "", _MEMO_LABEL.sub(r"\1\2:", s)
        )
        if len(_MEMO_ITEM.findall(s)) >= 2:  # 「・規程：なし\n・運用：なし」: each label is a topic
            s = _MEMO_ITEM.sub(r"\1は", s)
    core = s.strip(_ENDS)
    word = _drop_symbols(core).strip(_ENDS) if len(core) <= 24 else ""
    if word in _ONE_WORD:
        s = _ONE_WORD[word]
    elif _one_word_with_copula(word):  # 「WIPです」「TBDでお願いします」
        s = _ONE_WORD[_one_word_with_copula(word)]
    elif core[:1] in _MARKS and (len(core) == 1 or core[1] in " 、(" or not core[1].isascii()):
        s = _MARKS[core[0]] + core[1:]
    if ":" in s or "→" in s or "⇒" in s or ">" in s:
        s = _ARROW.sub(":", s)
        s = _COLON_MARK.sub(lambda m: _COLON_MARKS[m.group(1)], s)
    s = _INLINE_MARK.sub(lambda m: _INLINE_MARKS[m.group(0)], s)
    if "only" in s:
        s = _ONLY.sub("のみ", s)
    s = _drop_symbols(s)
    if ("done" in s or "todo" in s or "partial" in s) and _JAPANESE.search(s):
        s = _ENGLISH_MARK.sub(lambda m: _ENGLISH_MARKS[m.group(0)], s)
        s = _TOPIC_STATE.sub(lambda m: _TOPIC_STATES[m.group(0)], s)
        # a blank that now follows a Japanese word breaks the clause: 「prodはdone\nstgはTODO」
        # must not run 「実施済みstg」 together (its stg would be dropped as a romaji tail)
        s = _JA_SPACE.sub("、", s)
    if ROMAJI_REPLY.fullmatch(s):  # 「jisshi zumi desu」「mada desu」: Japanese typed in romaji
        s = romaji_reply_as_kana(s)
    s = fold_english(s)  # 「MFA is enforced for all users」「WAFはenabledです」
    s = _SPACE.sub("", s)
    s = _EMBEDDED_ENGLISH.sub(lambda m: _EMBEDDED[m.group(0)], s)
    s = _VERDICT_RUN.sub(_kana, s)
    if any(small in s for small in _SMALL_KANA):
        s = s.translate(_SMALL)
    # long vowels, laughter, final particles, romaji tails, dialect forms, bare marks, kana
    # spellings and IME slips, 〜てき, 〜ずみ (``_TAIL``)
    s = _TAIL(s).strip(_ENDS)
    if s == "済" or s.startswith(
        ("済(", "済です", "済でした", "済でござ", "済だ", "済、", "済。")
    ):  # 「済です」
        s = "済み" + s[1:]
    elif s.startswith("未("):  # 「未（2027年度対応）」
        s = "未実施" + s[1:]
    s = _TEIRU.sub(r"\g<0>い", s)
    return s


def spelling_fold(text: str, normalized: bool = False) -> str:
    """A cheap first look at a short text: width and case (NFKC), blanks (a clause break
    between Japanese words, as in ``fold``), long vowels and
    small kana, and the kana spellings and IME slips of the verdict words (じっし → 実施,
    よてい → 予定). A superset check for words that ``fold`` would show: a text that lacks a
    word here lacks it after ``fold`` too, unless it is English (``fold_english`` reads it).
    *normalized*: *text* is already NFKC and casefolded."""
    if not normalized:
        text = unicodedata.normalize("NFKC", text).casefold()
    s = _SPACE.sub("", _JA_SPACE.sub("、", text))
    s = _VERDICT_RUN.sub(_kana, s)
    if any(small in s for small in _SMALL_KANA):
        s = s.translate(_SMALL)
    return _WORD_RE.sub(_word, _LONG.sub("", s))


# The remaining plain patterns behind their first-character look-ahead (reply_regex.fast).
fast_module(globals())


def _bare_mark(match: re.Match[str]) -> str:
    return "済み" if (match.group(1) or match.group(2)) == "済" else "未実施"


def _word(match: re.Match[str]) -> str:
    return _WORD_MAP[match.group(0)]


# The last rewrites of fold, in order (a step is passed over when the text lacks what it needs).
_TAIL = Rewrites(
    [
        (_LONG, ""),
        (_LAUGH, ""),
        (_PARTICLE_END, ""),
        (_ROMAJI_TAIL, _romaji),
        (_MAFU, "ます"),
        *_DIALECT,
        (_BARE_MARK, _bare_mark),
        (_WORD_RE, _word),
        (_SHIMAU, "します"),
        (_TEKI, "的"),
        (_ZUMI, "済み"),
    ]
)
