"""Typed replies, as in a chat: a free Japanese reply gives a status (or "not sure").

Also parses slash commands (``/用語 OAuth``, ``/戻る``, ``/スキップ``, ``/移動 23``) so the
UI and scripted use share one grammar.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from interview.engine.answers import Status


@dataclass(frozen=True)
class PlanHint:
    """A plan or date named in a reply (「来年3月までに導入予定」), to offer for 対応計画."""

    text: str  # the words naming the plan, as typed
    due: str | None = None  # "YYYY-MM" when a month could be resolved


@dataclass(frozen=True)
class StatusReply:
    """What the reader made of a reply.

    Contract (shared by the chat and the reply reader):
    - ``status``: the status the words clearly give, or None when not sure;
    - ``detail``: the reply as typed (the reader never cuts the status words away);
    - ``guess``: the best guess to pre-select when ``status`` is None;
    - ``is_question``: the reply asks something back (offer the glossary or hint);
    - ``plan``: a plan or date named in the reply, if any;
    - ``request``: the reply asks the chat to do something (``"skip"``, ``"back"``,
      ``"glossary"``, ``"hint"``, ``"wait"``, ``"quit"``; ``engine.reply_request``);
      ``status`` and ``guess`` are then None.
    """

    status: Status | None  # None: not sure (ask, with `guess` pre-selected)
    detail: str
    guess: Status | None = None
    is_question: bool = False
    plan: PlanHint | None = None
    request: str | None = None


# 「情シスに聞いてみます」「ネットワークの人に見てもらいます」: the person will ask someone.
_DEFERRAL = re.compile(
    r"(に|へ)[^。、]{0,8}?(聞いて|聞き|確認して|確認し|見て|調べて|問い合わせて|問い合わせ)"
    r"(もらい|み|おき)?ます(?:[。!]|$)"
)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def parse_status_reply(text: str, today: date | None = None) -> StatusReply:
    """Read a free Japanese reply: its status (or None when not sure) and the whole reply.

    *today* resolves relative dates (来年3月 → the next March); it defaults to the real date.
    A reply of several sentences and 160 characters or more is read whole under 300
    characters (a part or another means then asked about), and from 300 sentence by sentence,
    always asked about (``engine.reply_long``).
    """
    from interview.engine.reply_long import (
        ASKED_ACROSS_SENTENCES,
        BY_SENTENCE,
        LONG_REPLY,
        long_units,
        summed_up,
    )

    raw = text.strip()
    units = long_units(raw)  # (split once: None unless read as several sentences)
    if units is None:
        # the classifier reads a status of its own only in a chat-length reply: it learned
        # those, and is sure of itself past them (a run-on paragraph of background)
        return _read_one(raw, today, take=len(raw) < LONG_REPLY)
    if len(raw) >= BY_SENTENCE:
        return _read_long(raw, units, today)
    # several sentences, not yet long: read whole; the classifier may not read a status of
    # its own there (it learned chat replies, not paragraphs of background)
    whole = _read_one(raw, today, plan=False, take=False)
    if whole.request is not None:
        return whole
    # a part or another means read across sentences is asked: background beside the answer
    # reads as a contrast (「昨年指摘を受けました。…まだ何もしていません」)
    status = None if whole.status in ASKED_ACROSS_SENTENCES else whole.status
    guess = whole.status or whole.guess
    # a sentence that sums up the answer is the answer: its reading is the guess, and a
    # whole reading that says otherwise is asked about
    summary = summed_up(units, lambda unit: _answer(_read_one(unit, today, plan=False)))
    if summary is not None:
        status = status if status is summary else None
        guess = summary
    plan = _sentences_plan(units, guess, today)
    return StatusReply(status, raw, guess=guess, is_question=whole.is_question, plan=plan)


def _answer(reply: StatusReply) -> tuple[Status | None, Status | None]:
    """(status, guess) of a sentence read as a reply; a request to the chat answers nothing."""
    return (None, None) if reply.request is not None else (reply.status, reply.guess)


def _sentences_plan(units: list[str], guess: Status | None, today: date | None) -> PlanHint | None:
    """The plan a reply of several sentences names, when its guess is a gap (未実施, 一部実施):
    the sentences naming a plan or a date, background about what was done left out; the
    month named last (nearest the answer)."""
    if guess not in (Status.NOT_DONE, Status.PARTIAL):
        return None
    from interview.engine.reply_long import plan_sentences
    from interview.engine.reply_normalize import fold
    from interview.engine.reply_plan import resolve_due

    named = plan_sentences(units)
    if not named:
        return None
    dues = [resolve_due(fold(unit), today or date.today()) for unit in named]
    return PlanHint("".join(named), next((d for d in reversed(dues) if d), None))


def _read_long(raw: str, units: list[str], today: date | None) -> StatusReply:
    """A long reply (*units*: its sentences): its answering sentences read as replies; not
    sure, with their best guess pre-selected (``engine.reply_long``)."""
    from interview.engine.reply_long import best_guess, chosen, summaries, summed_up

    read: dict[str, StatusReply] = {}
    summing = summaries(units)  # (each sentence looked at once)

    def reading(unit: str) -> tuple[Status | None, Status | None]:
        if unit not in read:
            read[unit] = _read_one(unit, today, plan=False)
        return _answer(read[unit])

    # a sentence that sums up the answer gives the guess (``best_guess``): then the
    # sentences at the ends are not read
    guess = summed_up(units, reading, summing)
    picked = [unit for unit in units if unit in read]
    if guess is None:
        picked = [units[i] for i in chosen(units, reading, summing)]
        guess = best_guess(picked, [reading(unit) for unit in picked], summing)
    plan = _sentences_plan(units, guess, today)
    # a question back only when no chosen sentence answers and one asks
    asked = guess is None and any(read[unit].is_question for unit in picked)
    return StatusReply(None, raw, guess=guess, is_question=asked, plan=plan)


def _read_one(raw: str, today: date | None, plan: bool = True, take: bool = True) -> StatusReply:
    """One reply read whole; *plan* False leaves out the plan (a caller that finds it
    sentence by sentence); *take* False: the gate reads no status the rules did not guess
    (``reply_gate.review``)."""
    from interview.engine.reply_normalize import fold
    from interview.engine.reply_plan import plan_text, resolve_due
    from interview.engine.reply_request import asks, read_request
    from interview.engine.reply_rules import is_status_key, read

    folded = fold(raw)
    request = read_request(folded)
    if request is not None:  # 「後回しにして」「ちょっと待って」: no status; the chat answers
        return StatusReply(None, raw, is_question=asks(folded, request), request=request)
    reading = read(folded)
    detail = "" if is_status_key(folded) else raw
    hint = None
    # a plan belongs to a gap (未実施, 一部実施), not to 不明 (「確認予定」) or 該当なし
    if plan and (reading.status or reading.guess) in (Status.NOT_DONE, Status.PARTIAL):
        due = resolve_due(folded, today or date.today())
        if reading.has_plan or due is not None:
            hint = PlanHint(plan_text(raw), due)
    status, guess = reading.status, reading.guess
    deferred = status is Status.UNKNOWN and _DEFERRAL.search(folded) is not None
    # a second opinion on the rules' reading — not on 「ネットワークの人に見てもらいます」: a
    # deferral to someone states no status, and the classifier's n-grams cannot tell its tense
    # from 「…に見てもらっています」 (done by others)
    if detail and not reading.is_question and not deferred:
        from interview.engine.reply_gate import review

        status, guess = review(folded, status, guess, take=take)
    return StatusReply(
        status,
        detail,
        guess=guess,
        is_question=reading.is_question,
        plan=hint,
    )


def prepare_reader() -> None:
    """Load and compile what reading replies needs, short and long (the first reply would
    otherwise pay for it: the rules and the gate on the first, the long-text forms of the
    rules on the first reply of 160 characters or more). Safe in a thread."""
    import sys

    from interview.engine.reply_regex import compile_literals, prepare

    for sample in _SAMPLES:  # imports the rules, loads the gate, compiles what they reach
        parse_status_reply(sample, today=date(2026, 4, 1))
    prepare()  # the rules' alternations, now made
    # and the patterns the rules write in place, which the samples do not all reach
    compile_literals(
        module for name, module in list(sys.modules.items()) if name.startswith(__name__)
    )


# Replies of the shapes the rules branch on (contrast, plan, scope, reason, an unknown,
# another means, a memo, English), short and long: reading them once compiles what they reach.
_SAMPLES = (
    "はい、実施しています",
    "本番環境は多要素認証を必須にしていますが、検証環境はまだパスワードのみです。",
    "専用のツールはありませんが、担当者2名が毎朝ログを目視で確認しています。",
    "スマホアプリを提供していないので該当しません。来期に検討する予定はあります。",
    "ちょっと分からないので開発に聞いてみます。たぶん対応済みだと思うのですが。",
    "・規程：整備済み\n・訓練：未実施（2027年3月までに実施予定）\n・委託先：一部のみ確認",
    "We have a written policy and MFA for admins, but no training yet.",  # the English path
    (
        "昨年度の監査で指摘を受けて、今年度の上期に体制を見直しました。管理者権限は"
        "情報システム部の3名だけに絞っており、付与と削除は申請書で管理しています。"
        "ただし、委託先の作業者については棚卸しができておらず、年度内に対応する予定です。"
        "つまり、社内は対応済みで、委託先は未対応ということになります。"
    ),
)


@dataclass(frozen=True)
class Command:
    name: str  # glossary, back, skip, jump, follow, search, review, export, compare, help, quit
    argument: str = ""


_COMMANDS = {
    "用語": "glossary",
    "ようご": "glossary",
    "glossary": "glossary",
    "g": "glossary",
    "戻る": "back",
    "もどる": "back",
    "back": "back",
    "スキップ": "skip",
    "skip": "skip",
    "移動": "jump",
    "いどう": "jump",
    "jump": "jump",
    "要確認": "follow",
    "フォロー": "follow",
    "follow": "follow",
    "検索": "search",
    "search": "search",
    "確認": "review",
    "review": "review",
    "出力": "export",
    "比較": "compare",
    "compare": "compare",
    "export": "export",
    "個別": "change",
    "change": "change",
    "課題": "issues",
    "かだい": "issues",
    "issues": "issues",
    "ヘルプ": "help",
    "help": "help",
    "終了": "quit",
    "quit": "quit",
}


def parse_command(text: str) -> Command | None:
    """``/用語 OAuth`` → Command("glossary", "OAuth"); not a command → None."""
    stripped = text.strip()
    if not stripped.startswith(("/", "／")):
        return None
    body = stripped[1:].strip()
    parts = re.split(r"[ \u3000]+", body, maxsplit=1)
    head = parts[0]
    argument = parts[1] if len(parts) > 1 else ""
    name = _COMMANDS.get(_fold(head)) or _COMMANDS.get(head)
    if name is None:
        return Command("unknown", head)
    return Command(name, argument.strip())
