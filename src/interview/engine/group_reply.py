"""A group reply that names which examples differ: 「②は一部実施、ほかは実施済み」.

At a method group's screen the respondent may give each 手法例 its status in one
reply, naming the examples by their circled number (①②…) or as 「2番目」「2件目」:

- 「②は一部実施、ほかは実施済み」, 「すべて実施済み。ただし③は未実施」;
- 「②③は該当なし、残りは実施済み」, 「①実施済み ②一部実施 ③実施済み」;
- 「③だけ未実施」 (the others are then 実施済み), 「③以外は実施済み、③は不明」.

``read_named_statuses`` returns one status per example, or ``None`` when the reply names
no example with a status (it is then an ordinary reply). Each example's words are read by
the reply reader (``engine.reply``: 「CISOを置いて規程で決めてます」, 「手が回ってない」),
then by status words (「①済 ②一部」). It never guesses: an example whose words state no
status, or left out, gives a ``NamedReply`` with ``missing`` set, so the chat asks.
The words are only read; the reply itself is kept whole as the detail.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from interview.engine.answers import Status
from interview.engine.groups import CIRCLED

# Status words, most specific first (未実施 before 実施, 該当なし before なし).
_WORDS: tuple[tuple[Status, re.Pattern[str]], ...] = (
    (Status.ALTERNATIVE, re.compile(r"代替")),
    (Status.NOT_APPLICABLE, re.compile(r"該当(なし|しない|しません|せず)|対象外|非該当|不要")),
    (Status.UNKNOWN, re.compile(r"不明|わから|分から|要確認|確認中")),
    (Status.PARTIAL, re.compile(r"一部|(対応|実施|導入|整備|構築|移行)(中|途中)|途中")),
    (
        Status.NOT_DONE,
        re.compile(
            r"未(実施|対応|整備|導入|着手)?|ない|ません|なし|いいえ|検討中|予定|準備中|まだ"
        ),
    ),
    (Status.DONE, re.compile(r"済|(し|行っ|やっ|でき)て(いる|います|おり)|実施|対応|あり|はい")),
)
# 「①〜③は実施済み」: every example from one number to the next
_RANGE = re.compile(r"\s*(〜|～|~|-|－|ー|から)\s*")
_MENTION = re.compile(r"[①-⑳]|(?<![0-9])([0-9]{1,2})\s*(?:番目|件目|つ目|番)")
_OTHERS = re.compile(r"(ほか|他|残り|あと|それ以外|その他)(の手法例|の項目|の[0-9]+件)?(は|も)")
_ALL = re.compile(r"全部|全て|すべて|いずれも|どれも|基本的に|基本は|原則")
_ONLY = re.compile(r"^\s*(だけ|のみ)")
_EXCEPT = re.compile(r"^\s*(以外|を除いて|を除き|を除く)")


# What joins two examples named together (「①と③は」「②・③」「①、②は」): no words of its own.
_JOINER = re.compile(r"[\s、,・/／&＆]*(と|や|及び|および|または|又は|も)?[\s、,・/／&＆]*")
# What comes between an example's number and its words (「②は…」「③：…」) and after them.
# (「③だけ未実施」: the example picked out, not a part of it)
_LEAD = re.compile(
    r"^[\s、,。.:：\-ー]*(だけ|のみ)?(は|も|が|については|に(つ|関し)いては|の方は)?[\s、,:：]*"
)
# … and the conjunction that leads on to the next example (「全部やってますけど、②は…」,
# 「すべて実施済み。ただし③は…」): not a contrast within these words
_TRAIL = re.compile(
    r"([\s、,。.!！]*(ただし|但し|しかし|でも|けれども|けれど|けど|ですが|が|ものの))?[\s、,。.!！]*$"
)


def _words_status(text: str) -> Status | None:
    for status, pattern in _WORDS:
        if pattern.search(text):
            return status
    return None


def _status_in(text: str) -> Status | None:
    """The status *text* (an example's part of the reply) says: the reply reader's
    confident reading (「CISOを置いて規程で決めてます」, 「運用中」, 「手が回ってない」), else
    the status words it holds (「①済 ②一部」: too short for the reader), else None."""
    from interview.engine.reply import parse_status_reply

    words = _TRAIL.sub("", _LEAD.sub("", text, count=1))
    if words:
        reply = parse_status_reply(words)
        if reply.status is not None and reply.request is None and not reply.is_question:
            return reply.status
    return _words_status(text)  # (「①はい ②いいえ」: the は not a particle)


@dataclass(frozen=True)
class NamedReply:
    statuses: tuple[Status | None, ...]  # one per example; None: not said
    out_of_range: tuple[int, ...] = ()  # numbers named that the group does not have

    @property
    def missing(self) -> tuple[int, ...]:
        """1-based numbers of the examples left without a status."""
        return tuple(k for k, s in enumerate(self.statuses, 1) if s is None)

    @property
    def complete(self) -> tuple[Status, ...] | None:
        if self.missing or self.out_of_range:
            return None
        return tuple(s for s in self.statuses if s is not None)


def _number(match: re.Match[str]) -> int:
    if match.group(1):
        return int(match.group(1))
    return CIRCLED.index(match.group(0)) + 1


def read_named_statuses(text: str, n: int) -> NamedReply | None:
    """One status per example of a group of *n*, from a reply that names examples."""
    # NFKC folds ① into 1, so fold everything but the circled numbers
    folded = "".join(
        c if c in CIRCLED else unicodedata.normalize("NFKC", c) for c in text
    ).casefold()
    mentions = list(_MENTION.finditer(folded))
    if not mentions:
        return None
    statuses: list[Status | None] = [None] * n
    out: list[int] = []
    default: Status | None = None
    excepted: set[int] = set()
    named_only: Status | None = None
    # before the first mention: 「すべて実施済み、ただし…」 gives the others' status
    head = folded[: mentions[0].start()]
    if _ALL.search(head) or _OTHERS.search(head):
        default = _status_in(head)
    pending: list[int] = []
    said_any = False
    range_from: int | None = None
    for k, match in enumerate(mentions):
        number = _number(match)
        if range_from is not None:
            pending.extend(range(range_from + 1, number))
            range_from = None
        pending.append(number)
        end = mentions[k + 1].start() if k + 1 < len(mentions) else len(folded)
        segment = folded[match.end() : end]
        if k + 1 < len(mentions) and _RANGE.fullmatch(segment):
            range_from = number
            continue
        if excepting := _EXCEPT.match(segment):
            excepted.update(pending)
            if (status := _status_in(segment[excepting.end() :])) is not None:
                default = status
            pending = []
            continue
        # 「②は一部実施、ほかは実施済み」: the words up to 「ほかは」 are ②'s
        others = _OTHERS.search(segment)
        own = segment[: others.start()] if others else segment
        status = _status_in(own)
        if status is None:
            if _JOINER.fullmatch(own):
                continue  # 「②③は…」, 「②と③は…」: the status comes after the next mention
            # words without a status read (「①は情報システム部長」): those examples are
            # asked, not given the status of the next one named
            pending = []
            continue
        said_any = True
        for number in pending:
            if 1 <= number <= n:
                statuses[number - 1] = status
            else:
                out.append(number)
        if _ONLY.match(own) and status is not Status.DONE:
            named_only = status
        pending = []
        if others is not None and (rest := _status_in(segment[others.end() :])) is not None:
            default = rest
    if not said_any and default is None:
        return None
    if default is None and named_only is not None:
        default = Status.DONE  # 「③だけ未実施」: the others are in place
    if default is not None:
        statuses = [
            s if s is not None or k + 1 in excepted else default for k, s in enumerate(statuses)
        ]
    return NamedReply(tuple(statuses), tuple(out))
