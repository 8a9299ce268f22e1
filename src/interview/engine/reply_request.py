"""Replies that ask the chat to do something: 「後回しにして」「前の質問に戻って」「用語集見せて」.

A request gives no status. :func:`read_request` names it (``skip``, ``back``, ``glossary``,
``hint``, ``wait``, ``quit``) so the chat can say which key does it, instead of reading
「この項目は後回しにして次へ」 as 未実施 or 「ちょっと待って、資料探してる」 as 不明.

Only a reply made of requests counts: every clause must be a request (or a neutral lead
such as 「この項目は」「いったん」「後で答えるので」). So statements about the work keep
their reading — 「対応を後回しにしています」「スキップしている」「次年度に後回し」 are not
imperatives — and a reply that answers and asks (「未実施です。次へ」) keeps its answer.

Works on the folded reply (``reply_normalize.fold``: width, case, padding and fillers
already gone, English words run together: 「go back」 → ``goback``). One precompiled
pattern per clause; a few microseconds a reply.
"""

from __future__ import annotations

import re

REQUESTS = ("skip", "back", "glossary", "hint", "wait", "quit")

# Polite or casual tails of a request: 「〜てください」「〜でお願いします」「〜てほしい」「〜ていい？」.
_TAIL = (
    r"(?:(?:て|で)?(?:ください|下さい|くださ|くらさい|くだしい|くれ|くれる|くれますか|くれませんか"
    r"|もらえ(?:ます|ません)?か?|もらっていい(?:です)?か?|いただけ(?:ます|ません)?か?|いただきたい(?:です)?"
    r"|ほしい(?:です)?|欲しい(?:です)?|ちょうだい|頂戴|お願い(?:します|いたします|できますか)?"
    r"|おねがい(?:します|いたします)?|願います|よろしく|plz|please|pls)"
    r"|(?:て|で)?(?:も)?(?:いい|良い|ok|おk|おっけー|大丈夫)(?:です)?(?:か|よ|ね)?"
    r"|ね|よ|な|か|かな|です|でお願いします|で)*+"
    r"[?？!！w]*"
)
# Words that point at the question itself: 「この項目は」「これは」「いったん」.
_LEAD = (
    r"(?:(?:この|こちらの|今の|いまの|その)(?:項目|質問|設問|問い|問題|件|手法例)(?:は|も|について(?:は)?)?"
    r"|これ(?:は|も)?(?!まで)|ここ(?:は|も)|それ(?:は|も)?|こちら(?:は)?"
    r"|いったん|一旦|ひとまず|とりあえず|ここで|今は|いまは|すみません|ごめんなさい|ごめん|悪いけど|あの|えっと"
    r"|やっぱり|やっぱ|やはり|じゃあ|ではあ|じゃ|では|それでは|それじゃ"
    r"|(?:後で|あとで|後ほど|のちほど)(?:答え|こたえ|回答し|記入し)(?:る|ます)(?:ので|から)"
    r"|(?:資料|書類|規程|ドキュメント)を?(?:探す|さがす|探します)(?:ので|から)"
    r")[、,]?"
)
_QUESTION_WORD = r"(?:質問|しつもん|項目|設問|問い|問題|画面)"
_SKIP = (
    r"(?:後回し|あとまわし|後まわし|あと回し|跡回し)(?:に)?(?:して|で|させて|しといて|しておいて"
    r"|しましょう|しよう|したい(?:です)?|します|する|しても)"
    r"|(?:スキップ|すきっぷ|スキプ)(?:して|で|させて|します|しましょう|しよう|したい(?:です)?|する|しても|できる|できます|可能です)?"
    r"|(?:飛ばし|とばし|飛ばさせ)(?:て|ます|ましょう|たい(?:です)?)|(?:飛ばそう|とばそう)|(?:飛ばせ|とばせ)(?:ます|る|ません)"
    r"|(?:パス|ぱす)(?:で|します|させて|したい(?:です)?|しても)?"
    # 「あとで答えます」「この項目は後で回答します」: the answer deferred by the person, not
    # 「別途ご回答いたします」 (someone else is asked: 不明)
    r"|(?:後で|あとで)(?:答え|こたえ)(?:ます|る)"
    r"|(?:次|つぎ)(?:の" + _QUESTION_WORD + r")?(?:へ|に|を)?"
    r"(?:進んで|すすんで|進みたい(?:です)?|進みます|進む|進もう|いって|行って|いきたい(?:です)?|行きたい(?:です)?"
    r"|いきます|行きます|いこう|行こう|行け(?:ます|る)|いけ(?:ます|る)|移って|移りたい(?:です)?|どうぞ)?"
    r"|skip(?:this|it)?(?:one|question|item)?(?:fornow)?|(?:canwe|cani|let'?s|letme)skip(?:this|it)?(?:one|question)?(?:fornow)?"
    r"|next(?:one|question|item)?|pass"
)
_BACK = (
    r"(?:(?:ひとつ|一つ|1つ|１つ)?(?:前|まえ)|さっき|先ほど|さきほど)(?:の"
    + _QUESTION_WORD
    + r"?)?(?:に|へ)?"
    r"(?:戻って|もどって|戻りたい(?:です)?|もどりたい(?:です)?|戻る|もどる|戻ります|戻ろう|戻して|もどして"
    r"|戻れますか|戻れる|を?もう(?:一度|いちど|一回|いっかい))"
    r"|(?:戻って|もどって|戻りたい(?:です)?|もどりたい(?:です)?|戻る|もどる|戻ります|戻ろう|戻れ(?:ます|る|ません)|もどれ(?:ます|る))"
    r"|(?:goback|back|previous|goto(?=the|previous|last))(?:to)?(?:the)?(?:previous|last)?(?:question|item|one)?(?:please)?"
)
_GLOSSARY = (
    r"(?:用語集|ようごしゅう|用語週|用語一覧|用語の一覧|用語解説|用語の解説|glossary)(?:を|は)?"
    r"(?:見せて|みせて|見たい(?:です)?|みたい(?:です)?|見れますか|見られますか|開いて|ひらいて|開きたい(?:です)?"
    r"|出して|だして|表示して|ありますか|ある|どこ(?:ですか)?|引きたい(?:です)?|調べたい(?:です)?)?"
    r"|用語(?:を)?(?:調べたい(?:です)?|検索したい(?:です)?|引きたい(?:です)?)"
    r"|[^、。,]{1,30}?の(?:意味|定義|解説)(?:を)?(?:見せて|みせて|表示して|出して|用語集で(?:見せて|調べて)?)"
    r"|(?:show|open)(?:the|me)?(?:the)?glossary"
)
_HINT = (
    r"(?:ヒント|ひんと|原文|げんぶん|手法例|注記|ガイドの原文|チェックリストの原文|元の文|元の文章|hint)(?:を|は)?"
    r"(?:見せて|みせて|見たい(?:です)?|みたい(?:です)?|見れますか|見られますか|開いて|出して|だして|表示して"
    r"|ありますか|ある|ください)?"
    r"|(?:show|open)(?:me)?(?:the|a)?(?:hint|original|originaltext|source)|(?:original|originaltext)"
)
_WAIT = (
    r"(?:ちょっと|ちょと|ちょっ|ちょい|少し|すこし|少々|しょうしょう|しばらく|一旦|いったん|もう少し|もうちょっと)?"
    r"(?:待って|まって|待った|待ち|まち|お待ちを|お待ち|おまち|お待ちいただけますか|待ってて|待っていて|待てますか)"
    r"|(?:少し|すこし|ちょっと|もう少し)?時間(?:を)?(?:ください|下さい|もらえますか|ほしい(?:です)?|いただけますか)"
    r"|(?:少し|すこし|ちょっと)?考えさせて|考え中|(?:資料|書類|規程|ドキュメント)を?(?:探して(?:い)?(?:る|ます)|探します|さがしてる|さがします)"
    r"|wait(?:a)?(?:sec|second|minute|moment|bit)?|holdon|hangon|justa(?:sec|second|moment|minute)"
    r"|one(?:moment|sec|second|minute)|givemea(?:sec|second|minute|moment)"
)
_QUIT = (
    r"(?:今日|本日|きょう)は(?:ここ|これ)まで(?:に(?:します|しましょう|したい(?:です)?|して|させて)|で|です)?"
    r"|(?:ここ|これ)まで(?:に(?:します|しましょう)|で(?:終わり|終了))"
    r"|(?:いったん|一旦)?(?:保存|セーブ)(?:して)?(?:終わる|終わり(?:ます|たい(?:です)?)?|終了(?:して|します|したい(?:です)?)?"
    r"|閉じ(?:て|る|ます|たい(?:です)?)|抜け(?:て|る|ます|たい(?:です)?)|中断(?:して|します|したい(?:です)?)?)"
    r"|(?:いったん|一旦)?(?:保存|セーブ)して(?:おいて)?|(?:(?<=いったん)|(?<=一旦)|(?<=とりあえず)|(?<=ここで))(?:保存|セーブ)"
    r"|続きは(?:また(?:明日|あした|後日|今度|来週|週明け)?|明日|あした|後日|今度|来週|週明け)(?:に)?(?:します|で|やります)?"
    r"|終了(?:します|して|したい(?:です)?|でお願いします)|終わり(?:にします|にしたい(?:です)?|にしましょう|にして|ます)"
    r"|中断(?:します|して|したい(?:です)?|させて)"
    r"|quit|exit|save(?:now)?|saveand(?:quit|exit|close)|(?:let'?s)?stop(?:here)?(?:for)?(?:today|now)?"
    r"|that'?sallfortoday"
)
_CLAUSE = re.compile(
    f"(?:{_LEAD})*+"
    f"(?:(?P<skip>{_SKIP})|(?P<back>{_BACK})|(?P<glossary>{_GLOSSARY})|(?P<hint>{_HINT})"
    f"|(?P<wait>{_WAIT})|(?P<quit>{_QUIT})){_TAIL}(?:(?:して|で)?(?:{_SKIP}){_TAIL})?"
)
_LEAD_ONLY = re.compile(f"(?:{_LEAD})++{_TAIL}|{_TAIL}")
_SPLIT = re.compile(r"[、。,.!！?？\s…]+")


# A request put as a question: 「前の質問に戻れますか？」「飛ばしてもいいですか」.
_ASKED = re.compile(r"(?:か|かな|かね|\?|？)[!！w]*$")


def asks(folded: str, request: str) -> bool:
    """The request asks something back: help (glossary, hint) or a question form."""
    return request in ("glossary", "hint") or _ASKED.search(folded) is not None


def read_request(folded: str) -> str | None:
    """The request a reply makes of the chat (``"skip"``, ``"back"``, …), or None.

    *folded* is the reply as ``reply_normalize.fold`` gives it. None unless every clause
    is a request or a neutral lead; when clauses ask different things, the last wins
    (「ちょっと待って、やっぱり次へ」 → skip).
    """
    if not folded or len(folded) > 60:
        return None
    name = None
    for clause in _SPLIT.split(folded):
        if not clause:
            continue
        match = _CLAUSE.fullmatch(clause)
        if match is not None:
            name = next(k for k, v in match.groupdict().items() if v is not None)
        elif _LEAD_ONLY.fullmatch(clause) is None:
            return None
    return name


def request_in(text: str) -> str | None:
    """:func:`read_request` on a reply as typed (folded here)."""
    from interview.engine.reply_normalize import fold

    return read_request(fold(text.strip()))
