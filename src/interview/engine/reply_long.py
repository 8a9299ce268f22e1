"""Long replies: a pasted memo or a paragraph of explanation, read sentence by sentence.

The reply reader's rules and its gate were built and measured on chat replies (the longest
in the tables has 150 characters). A reply of several hundred characters carries background,
evidence and asides around the sentences that answer, and read whole it was asked about four
times in five, with a pre-selection right one time in three (docs/japanese-text.md, "Long
replies"). From 300 characters a reply of several sentences is read one sentence at a time,
the sentences' readings combined into a best guess, and always asked about; from 160, it is
read whole, but a part (一部実施) or another means (代替策) read across its sentences is asked
about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence

from interview.engine.answers import Status
from interview.engine.reply_plan import names_plan

LONG_REPLY = 160  # characters from which a reply of several sentences is read as such
MIN_SENTENCES = 3
# From this many characters it is read sentence by sentence and always asked about; under
# it, read whole. On the tuning tables, replies of 160–300 characters were guessed right as
# often read whole as by their sentences (48 of 79 against 38–47), longer ones less often
# (37 of 75 against 45).
BY_SENTENCE = 300
# Read whole, a reply of several sentences keeps a confident 実施済み, 未実施, 該当なし or 不明
# (on the tuning tables 18 right, none wrong); 一部実施 and 代替策 are asked about (9 right and
# 7 wrong, and 4 right and 1 wrong): background beside the answer reads as a contrast.
ASKED_ACROSS_SENTENCES = frozenset({Status.PARTIAL, Status.ALTERNATIVE})

# A sentence ends at 。 ！ ？ (full or half width) or a line break, and in English at a full
# stop followed by a blank (「…in the console. We also…」; not 「v2.1」).
_SENTENCE_END = re.compile(
    r"(?<=[。．!！?？\n])|(?<=[A-Za-z0-9)][.])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bvs\.) +(?=\S)"
)

# A sentence that sums up the answer (「媒体は制御済み、テザリングは未対応、ということになります」,
# 「以上のとおり、本項目は対応に至っておりません」) or a memo's status line (「状況：一部実施」):
# its reading is the answer.
SUMMARY = re.compile(
    r"ということ(になり|にな|で)|という整理|整理(になり|とな|しており|しています)|以上の(とおり|通り)"
    r"|結論|まとめると|総じて|要するに|つまり|結果として|結果的に|状況[:：]|in short|overall|to summari[sz]e|all in all"
)


def sentences(text: str) -> list[str]:
    """The sentences and lines of *text*, as typed, blank ones left out."""
    return [piece for piece in map(str.strip, _SENTENCE_END.split(text)) if piece]


def sums_up(unit: str) -> bool:
    """Whether a sentence sums up the answer (``SUMMARY``)."""
    return SUMMARY.search(unit.casefold()) is not None


def summaries(units: Sequence[str]) -> frozenset[str]:
    """The sentences of *units* that sum up the answer, each looked at once (``summed_up``,
    ``chosen`` and ``best_guess`` ask again and again)."""
    return frozenset(filter(sums_up, units))


# A sentence about what was done (「今年度の上期に体制を整理しました」) is background, not a
# plan, unless it says one (「来月導入する予定でしたが…」 keeps its 予定).
_PAST = re.compile(r"(ました|した|でした|だった)[。．!！\s]*$")
_INTENT = re.compile(r"予定|計画|検討|つもり|見込み|目指|目処|目途|めど")


def plan_sentences(units: Sequence[str]) -> list[str]:
    """The sentences of a long reply that name a plan or a date, as typed."""
    # (the cheap test of the tense first: a sentence about what was done is not looked at)
    return [
        unit
        for unit in units
        if not (_PAST.search(unit) and not _INTENT.search(unit)) and names_plan(unit)
    ]


def is_long(text: str) -> bool:
    """Whether *text* is read as a reply of several sentences."""
    return long_units(text) is not None


def long_units(text: str) -> list[str] | None:
    """The sentences of *text* when it is read as a reply of several sentences (``is_long``),
    else None; a shorter text is not split."""
    if len(text) < LONG_REPLY:
        return None
    units = sentences(text)
    return units if len(units) >= MIN_SENTENCES else None


Reading = tuple[Status | None, Status | None]  # (status, guess) of one sentence
_EDGE = 2  # sentences read at most from each end, until one has a reading


def chosen(
    units: Sequence[str],
    read: Callable[[str], Reading],
    summing: Collection[str] | None = None,
) -> list[int]:
    """Which sentences of a long reply to read: those that sum up the answer, and at each
    end the first one (of at most two) that has a reading. People answer first, last, or in a
    summing-up sentence; the middle of a long reply is background and evidence (measured in
    docs/japanese-text.md, "Long replies": reading every sentence picked no better).
    *summing*: the sentences that sum up (``summaries``), if known."""
    summing = summaries(units) if summing is None else summing
    picked = [i for i, unit in enumerate(units) if unit in summing]
    for ends in (range(len(units)), range(len(units) - 1, -1, -1)):
        for step, i in enumerate(ends):
            if step >= _EDGE:
                break
            if i not in picked:
                picked.append(i)
            if any(read(units[i])):
                break
    return sorted(picked)


def summed_up(
    units: Sequence[str],
    read: Callable[[str], Reading],
    summing: Collection[str] | None = None,
) -> Status | None:
    """The reading of the last sentence that sums up the answer (「つまり…ということになります」),
    if one has a reading. *summing*: the sentences that sum up (``summaries``), if known."""
    sums = sums_up if summing is None else summing.__contains__
    for unit in reversed(units):
        if sums(unit):
            status, guess = read(unit)
            if status or guess:
                return status or guess
    return None


def best_guess(
    units: Sequence[str],
    readings: Sequence[Reading],
    summing: Collection[str] | None = None,
) -> Status | None:
    """The status to pre-select for a long reply, from the readings of its chosen sentences.

    - The last sentence that sums up the answer and has a reading, if any.
    - Otherwise a vote: a sentence read with a status counts twice, a guess once, a tie
      going to the later sentence (the answer comes last more often than first). A reply
      whose sentences say both 実施済み and 未実施 (and no 代替策) is 一部実施: part done,
      part not.

    *summing*: the sentences that sum up (``summaries``), if known.
    """
    summary = summed_up(units, dict(zip(units, readings, strict=True)).__getitem__, summing)
    if summary is not None:
        return summary
    votes: Counter[Status] = Counter()
    for status, guess in reversed(readings):  # a tie goes to the later sentence
        if status is not None:
            votes[status] += 2
        elif guess is not None:
            votes[guess] += 1
    if votes[Status.DONE] and votes[Status.NOT_DONE] and not votes[Status.ALTERNATIVE]:
        return Status.PARTIAL
    return votes.most_common(1)[0][0] if votes else None
