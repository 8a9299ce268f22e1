"""Find a plan or a date in a reply (「来年3月までに導入予定」 → due 2027-03).

Dates are resolved against *today* (injectable for tests). Japanese fiscal years start
in April: 今年度 ends in March of the next calendar year, 来年度 a year later.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from interview.engine.reply_normalize import fold, spelling_fold
from interview.engine.reply_regex import Alternation, fast_module

# Words that name an intention rather than a fact.
PLAN_WORDS = Alternation(
    r"予定(?!通り|どおり)|計画(し|中|です|であ|とな|があ|あり)|検討(中|して|し|段階|予定|を(始|開始|進|し))"
    r"|つもり|見込み|計画に(入れ|盛り込|組み込|含め)|方向で(動|検討|調整|進め)|見積(もり)?中|見積もって|に向けて|目途|目処|めど|目指|したい|やりたい|進める|着手予定|準備中|準備段階|準備を進め"
    r"|調整中|選定(を|は)?(して|し|進め)|(よ|ろ)うという(話|こと|方針|計画)|という話(に|で)(は|も)?(なって|まとま)|稟議|見積(もり)?(を)?(取得|依頼|取り|待ち)|予算待ち|交渉中|協議中|手配中|申請中|選定中|作成中|策定中|予算(化|申請|要求|確保|取り)|来期|来年度|次年度|来月|来年|来週"
    r"|今後|将来|これから|近日|いずれ(?!の|か)|までに|(月|年|週間|年度)以内に|中に(導入|対応|実施|整備)|年内|年度内"
    r"|期中|年度末|上期|下期|上半期|下半期|年明け|年度明け|秋ごろ|春ごろ|夏ごろ|冬ごろ"
    r"|(ろ|よ|お|こ|そ|と|も|ご|ぼ|の)う(と|とは|とも)(思|考え)"
    r"|(なきゃ|なければ|なくては|ねば)(と|とは|とも)?(思|考え)|構想|要件定義|企画段階|計画段階"
    r"|(計画|スケジュール|日程|工程)(を|は)?(立て|調整し|組ん)(て|で)(い|お)"
    r"|(ところ|所)から(です|だ|$)"
)

_ERA = {"令和": 2018, "r": 2018}


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _fiscal_end(today: date, offset: int) -> tuple[int, int]:
    """March that closes the fiscal year *offset* years from the current one."""
    fy = today.year if today.month >= 4 else today.year - 1
    return fy + 1 + offset, 3


def _future_month(today: date, month: int) -> tuple[int, int]:
    year = today.year if month >= today.month else today.year + 1
    return year, month


_HALF = re.compile(
    r"(?:(20\d\d)年(度)?|(再来年度|来年度|次年度|今年度|本年度|来期|今期)|(再来年|来年|今年|本年)の?)?"
    r"(上期|下期|上半期|下半期)"
)
_FISCAL_OFFSET = {
    "今年度": 0,
    "本年度": 0,
    "今期": 0,
    "来年度": 1,
    "次年度": 1,
    "来期": 1,
    "再来年度": 2,
}
_YEAR_OFFSET = {"今年": 0, "本年": 0, "来年": 1, "再来年": 2}


def _half_end(found: re.Match[str], today: date) -> tuple[int, int]:
    """The last month of a half year: 年度上期 → September, 年度下期 → March, 年上期 → June."""
    year, fiscal, fiscal_word, year_word, half = found.groups()
    first = half.startswith("上")
    current_fy = today.year if today.month >= 4 else today.year - 1
    if year and not fiscal:  # 2027年上期: the calendar year's half
        return int(year), 6 if first else 12
    if year_word:
        return today.year + _YEAR_OFFSET[year_word], 6 if first else 12
    if year:
        fy = int(year)
    elif fiscal_word:
        fy = current_fy + _FISCAL_OFFSET[fiscal_word]
    else:  # 上期 / 下期 alone: the next one that has not ended
        fy = current_fy
        if (fy, 9) < (today.year, today.month) and first:
            fy += 1
    return (fy, 9) if first else (fy + 1, 3)


# What resolve_due looks for, in this order (the first found names the month).
_ERA_FISCAL = re.compile(r"(令和|r)(\d{1,2}|元)年度(中|末|内)?(?!\d{1,2}月)")  # 令和8年度中
_ERA_MONTH = re.compile(r"(令和|r)(\d{1,2}|元)年度?(\d{1,2})月")  # 令和8年3月
_YEAR_MONTH = re.compile(r"(20\d\d)(?:年|[/\-.])(\d{1,2})(?:月|(?!\d))")  # 2027年3月, 2027/3
_SHORT_YEAR_MONTH = re.compile(r"(?<!\d)(\d\d)年(\d{1,2})月")  # 27年3月
_YEAR_FISCAL = re.compile(r"(20\d\d)年度(中|末|内)?")  # 2026年度中
_NEXT_YEAR_MONTH = re.compile(r"(来年|翌年)(\d{1,2})月")  # 来年3月
_THIS_YEAR_MONTH = re.compile(r"(今年|本年)(\d{1,2})月")  # 今年12月
# 来年度中
_FISCAL_WORD = re.compile(r"(再来年度|来年度|次年度|来期|今年度|本年度|今期|年度)(中|末|内)?")
_MONTH = re.compile(r"(?<![\d年])(\d{1,2})月")  # 3月
_MONTH_AFTER_NEXT = re.compile(r"再来月")
_NEXT_MONTH = re.compile(r"来月")
_IN_MONTHS = re.compile(r"(\d{1,2})(か|ヶ|ケ|カ|箇)?月(以内|後|内)")  # 3か月以内
_IN_HALF_YEAR = re.compile(r"半年(以内|後|内)")
_THIS_YEAR = re.compile(r"年内|今年中|年末")
_NEW_YEAR = re.compile(r"年明け")


def resolve_due(folded: str, today: date) -> str | None:
    """The month a (folded) reply names, as "YYYY-MM", or None."""
    y = m = None
    if found := _HALF.search(folded):
        y, m = _half_end(found, today)
    elif found := _ERA_FISCAL.search(folded):
        era = 1 if found.group(2) == "元" else int(found.group(2))
        y, m = _ERA[found.group(1)] + era + 1, 3
    elif found := _ERA_MONTH.search(folded):
        era = 1 if found.group(2) == "元" else int(found.group(2))
        y, m = _ERA[found.group(1)] + era, int(found.group(3))
    elif found := _YEAR_MONTH.search(folded):
        y, m = int(found.group(1)), int(found.group(2))
    elif found := _SHORT_YEAR_MONTH.search(folded):
        y, m = 2000 + int(found.group(1)), int(found.group(2))
    elif found := _YEAR_FISCAL.search(folded):
        y, m = int(found.group(1)) + 1, 3
    elif found := _NEXT_YEAR_MONTH.search(folded):
        y, m = today.year + 1, int(found.group(2))
    elif found := _THIS_YEAR_MONTH.search(folded):
        y, m = today.year, int(found.group(2))
    elif found := _FISCAL_WORD.search(folded):
        offset = {"再来年度": 2, "来年度": 1, "次年度": 1, "来期": 1}.get(found.group(1), 0)
        y, m = _fiscal_end(today, offset)
    elif found := _MONTH.search(folded):
        y, m = _future_month(today, int(found.group(1)))
    elif _MONTH_AFTER_NEXT.search(folded):
        y, m = _add_months(today.year, today.month, 2)
    elif _NEXT_MONTH.search(folded):
        y, m = _add_months(today.year, today.month, 1)
    elif found := _IN_MONTHS.search(folded):
        y, m = _add_months(today.year, today.month, int(found.group(1)))
    elif _IN_HALF_YEAR.search(folded):
        y, m = _add_months(today.year, today.month, 6)
    elif _THIS_YEAR.search(folded):
        y, m = today.year, 12
    elif _NEW_YEAR.search(folded):
        y, m = today.year + (1 if today.month > 1 else 0), 1
    if y is None or m is None or not 1 <= m <= 12 or not 2000 <= y <= 2100:
        return None
    if (y, m) < (today.year, today.month):  # a plan's date has not passed (予定だったが遅れている)
        return None
    return f"{y:04d}-{m:02d}"


def plan_text(raw: str) -> str:
    """The sentences of *raw* that name the plan or date, as typed."""
    pieces = [p for p in re.split(r"(?<=[。．!！?？\n；;])", raw) if p.strip()]
    if len(pieces) <= 1:  # one sentence (the rest blank): it is the reply, named or not
        return raw.strip()
    hits = [p.strip() for p in pieces if names_plan(p)]
    return "".join(hits) if hits else raw.strip()


_DATE_WORDS = re.compile(r"\d{1,2}月|20\d\d年|令和|来月|年内")
# English in a sentence: no Japanese at all, or two Latin words in a row (「on the roadmap」)
_ENGLISH = re.compile(r"^[^ぁ-ゖ一-龥ァ-ヶ]*$|[a-z][\s'’][a-z]|[a-z]{2,}[\s,][a-z]")


def _has_date(folded: str) -> bool:
    return bool(_DATE_WORDS.search(folded))


def names_plan(piece: str) -> bool:
    """Whether one sentence of a reply names a plan or a date. A Japanese sentence is read
    in its spelling fold (``spelling_fold``: width, case, blanks, kana spellings), not the
    whole ``fold``, which costs more than reading the reply when a long reply has dozens of
    sentences; a sentence in English (「Planned for Q2 next year」) is read by the whole fold,
    which alone reads English. Over every open table reply and 3,520 seeded long strings
    (31,460 sentences), the two folds name the same sentences."""
    plain = unicodedata.normalize("NFKC", piece).casefold()
    if not _ENGLISH.search(plain):
        folded = spelling_fold(plain, normalized=True)
    elif _KANA_KANJI.search(plain) or _ENGLISH_PLAN_CUE.search(plain):
        folded = fold(piece)
    else:  # English with none of the words that fold makes a plan or a date: no plan
        return False
    return bool(PLAN_WORDS.search(folded) or _has_date(folded))


_KANA_KANJI = re.compile(r"[ぁ-ゖ一-龥ァ-ヶ]")
# What fold can turn into a plan word or a date in English: the one rewrite to 予定
# (``reply_english``: planned, scheduled, on the roadmap, in the backlog, plan to, will …; no
# other rewrite of fold writes a plan word or a month, checked over every replacement of
# reply_normalize and reply_english), and a romaji spelling. Without any, the whole fold (most
# of a long English reply's cost) is not made: over 1,076 English sentences, the same 29 name
# a plan.
_ENGLISH_PLAN_CUE = re.compile(r"plan|schedul|roadmap|backlog|\bwill\b|yotei|keikaku|kent")


# The remaining plain patterns made fast (reply_regex.fast); a long reply that lacks a rare
# character one needs is not searched with it.
fast_module(globals(), rare=True)
