"""The opening sentence of 現在の対応状況 when a certification covers the item.

The guide lets a bank accept 第三者認証・内部統制保証報告書等 in place of evidence (通番3,
8, 9, 13, 14, 21, 24, 27, 33). A reviewer needs, in one sentence: 認証名, 認証機関, 登録番号,
適用範囲, 有効期限 and whether the 適用宣言書 covers the controls; for SOC2, the Type,
対象期間 and whether there were exceptions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interview.compile.phrases import bracketed, first_sentence, said
from interview.engine.answers import Answer
from interview.questions.bank import Question
from interview.session.models import Certification

_SAYS_NONE = re.compile(r"^\s*(?:なし|無し|ない|ありません|特になし|該当なし|いいえ|未取得)")
_REPORT_WORDS = ("SOC", "保証報告書", "実務指針", "合意された手続", "監査報告書")


def is_report(name: str) -> bool:
    """An assurance report (SOC2 …) rather than a certificate (ISMS …)."""
    return any(word in name for word in _REPORT_WORDS)


def _base(name: str) -> str:
    return name.split("（", 1)[0].split("(", 1)[0].strip().casefold()


def matching(name: str, recorded: Sequence[Certification]) -> Certification | None:
    for cert in recorded:
        if cert.name == name:
            return cert
    base = _base(name)
    for cert in recorded:
        if _base(cert.name) == base:
            return cert
    return None


def _fields(pairs: Sequence[tuple[str, str]]) -> str:
    return "、".join(f"{label}：{bracketed(value)}" for label, value in pairs if value.strip())


def describe(name: str, cert: Certification | None) -> str:
    """「ISMS（認証機関：…、登録番号：…、適用範囲：…、有効期限：…）」 and so on."""
    if cert is None:
        return name
    if is_report(name):
        title = name + (f" {cert.report_type}" if cert.report_type else "")
        facts = _fields(
            [
                ("発行", cert.issuer),
                ("対象範囲", cert.scope),
                ("対象期間", cert.period or cert.date),
                ("例外事項", cert.exceptions),
            ]
        )
    else:
        title = name
        facts = _fields(
            [
                ("認証機関", cert.issuer),
                ("登録番号", cert.number),
                ("適用範囲", cert.scope),
                ("有効期限", cert.expires),
            ]
        )
    return f"{title}（{facts}）" if facts else title


_FIELD_NAMES = {
    "issuer": ("認証機関", "審査機関", "発行", "監査法人", "発行者"),
    "number": ("登録番号", "認証番号", "番号"),
    "scope": ("適用範囲", "対象範囲", "範囲"),
    "expires": ("有効期限", "期限"),
    "statement": ("適用宣言書",),
    "report_type": ("Type", "タイプ", "種類"),
    "period": ("対象期間", "期間"),
    "exceptions": ("例外事項", "例外", "除外事項"),
    "date": ("取得日", "初回取得", "取得"),
}
_LABEL = re.compile(
    r"("
    + "|".join(sorted((w for ws in _FIELD_NAMES.values() for w in ws), key=len, reverse=True))
    + r")\s*[:：=]\s*"
)


def fields_from_text(name: str, text: str) -> Certification | None:
    """「認証機関：…、登録番号：…」 in the answer's words, as a Certification (or None)."""
    found = list(_LABEL.finditer(text))
    if not found:
        return None
    values: dict[str, str] = {}
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        value = text[match.end() : end].strip().strip("、,，。 　\n").strip()
        field = next(f for f, words in _FIELD_NAMES.items() if match.group(1) in words)
        if value and field not in values:
            values[field] = value
    return Certification(name=name, **values) if values else None


def _segments(names: Sequence[str], text: str) -> dict[str, str]:
    """Which part of *text* speaks of which certification (by where each is named)."""
    if len(names) == 1:
        return {names[0]: text}
    folded = text.casefold()
    starts = sorted(
        (pos, name)
        for name in names
        if (pos := folded.find(name.split("（", 1)[0].split("(", 1)[0].strip().casefold())) >= 0
    )
    out = {}
    for index, (pos, name) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        out[name] = text[pos:end]
    return out


def _statement(text: str) -> str:
    """「適用宣言書は附属書Aの全管理策を対象に含みます」, or the respondent's own phrase."""
    for ending, polite in (("含む", "含みます"), ("含まれる", "含まれます"), ("対象", "対象です")):
        if text.endswith(ending):
            return f"適用宣言書は{text[: -len(ending)]}{polite}"
    if text.endswith(("ます", "です")):
        return f"適用宣言書は{text}"
    return f"適用宣言書は{text}を対象に含みます"


def certification_sentence(
    question: Question, answer: Answer, recorded: Sequence[Certification]
) -> str:
    """One sentence naming the certifications that cover the item, or ''."""
    names = [o.text for o in question.options if o.label in answer.checks]
    note = said(answer.detail)
    if not names and not note:
        return ""
    if not names:
        # 「なし（…）」: nothing to cite. Otherwise the respondent named one in words.
        if _SAYS_NONE.match(note):
            return ""
        return f"第三者認証等：{bracketed(first_sentence(note))}。"
    parts = _segments(names, note)
    found = {n: matching(n, recorded) or fields_from_text(n, parts.get(n, "")) for n in names}
    certificates = [n for n in names if not is_report(n)]
    reports = [n for n in names if is_report(n)]
    held = "、".join(describe(n, found[n]) for n in certificates)
    obtained = "、".join(describe(n, found[n]) for n in reports)
    statements = [c.statement for n in certificates if (c := found[n]) and c.statement]
    if held and obtained:
        body = f"{held}を取得し、{obtained}を入手しています"
    elif held:
        body = f"{held}を取得しています"
    else:
        body = f"{obtained}を入手しています"
    if statements:
        body = body[: -len("います")] + f"おり、{_statement(bracketed('、'.join(statements)))}"
    if note and not any(found[n] is not None for n in names):
        body += f"（{bracketed(first_sentence(note))}）"
    return f"第三者認証等：{body}。"
