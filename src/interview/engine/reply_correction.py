"""Self-corrections in a reply: 「はい、いや、まだです」 means 「まだです」.

A respondent who corrects themselves mid-reply means the words after the correction. The
reader reads the tail after the last correction marker; the reply itself is kept whole.
"""

from __future__ import annotations

import re

from interview.engine.reply_regex import fast_module

# Markers on a folded reply (reply_normalize.fold): a word that takes back what came
# before, between two clauses. 「ではなく」 alone is not one (「Aではなく、Bで代替」).
_P = "[、。…,.!?]"
_TAKE_BACK = (
    r"(?:いや|いやいや|いえいえ|違いました|ちがいました|違った|ちがった|違う|ちがう|間違えました"
    r"|間違い(?:です|でした)?|訂正(?:します|いたします|です|で)?|失礼(?:しました|いたしました)"
    # 「やってません。すみません、嘘です、やってます」
    r"|(?:すみません|すいません|ごめんなさい|ごめん)?[、。]?(?:嘘|うそ|ウソ|冗談)(?:です|でした|だよ|ですよ))"
)
_OOPS = r"(?:あ|あっ|あれ|おっと)"
_MARKER = re.compile(
    rf"(?<={_P})(?:{_OOPS}{_P}+)*{_TAKE_BACK}{_P}+"
    rf"|(?<={_P}){_OOPS}{_P}+"
    # 「済み、じゃなくて未実施」, 「実施済み…ではなかったです、未実施です」
    rf"|(?<=[ぁ-ゖ一-龥]){_P}*ではなくて{_P}*"
    rf"|(?<=[ぁ-ゖ一-龥]){_P}*ではなかった(?:です)?{_P}+"
    rf"|と思ったら{_P}*"
    # 「十分にできていないというより、ほぼ何もしていない」: rather
    rf"|というより(は|も|むしろ)?{_P}*"
    # 「たしかやってなかったと思う、というか、やってないです」: rather, after a clause
    rf"|(?<={_P})(?:というか|っていうか|ていうか|と言うか){_P}+"
    # 「はい…と言いたいところですがまだです」
    rf"|と(?:言|い)いたい(?:ところ(?:です|だ)?)?(?:が|けど|けれど|ですが){_P}*"
)
# After 「あ、」 these add to the reply rather than take it back (「済みです。あ、でも…」).
_ADDITION = re.compile(r"^(でも|ただ|しかし|それと|あと|なお|ちなみに|それから|加えて|ついでに)")
# A correction needs a verdict before it: 「はい」「済み」「やってます」, …
_VERDICT_BEFORE = re.compile(
    r"^(はい|いいえ|いえ|ええ|うん|済み|未|まだ)|済み|実施|対応|未|やって|して|でき|ない|ません|ます|です"
)


def corrected_tail(folded: str) -> str | None:
    """The words after the last self-correction, or None when there is none."""
    last = None
    for match in _MARKER.finditer(folded):
        if match.start() > 0 and match.end() < len(folded):
            last = match
    if last is None:
        return None
    head, tail = folded[: last.start()], folded[last.end() :]
    if not _VERDICT_BEFORE.search(head) or len(tail.strip("、。…,.!? ")) < 2:
        return None
    if _ADDITION.match(tail):
        return None
    return tail


# The remaining plain patterns behind their first-character look-ahead (reply_regex.fast).
fast_module(globals())
