"""Small text helpers for the compiled texts: rule names, frequencies, first sentences.

The compiled 現在の対応状況 is a summary the respondent reviews (F9); the words they typed
stay whole in 回答詳細. These helpers only pick out what a reviewer looks for first —
under which rule, how often — and never rewrite what was said.
"""

from __future__ import annotations

import re

from interview.engine.answers import Status

NONE_WORDS = frozenset(
    {
        "",
        "なし",
        "無し",
        "特になし",
        "特に無し",
        "ありません",
        "特にありません",
        "ない",
        "特にない",
        "-",
        "ー",
        "―",
        "なし。",
        "特になし。",
        "いいえ",
        "いいえ、ありません",
        "いいえ、なし",
    }
)

NOTHING = "特になし"

# Status words a reply may open with (the reply reader keeps them in the detail, #14).
_LEADING_STATUS = re.compile(
    r"^(?:はい|ええ|いいえ|いえ|実施済み|実施済|実施している|対応済み|済み|一部実施|一部対応|一部|"
    r"未実施|未対応|該当なし|該当しない|該当しません|対象外|非該当|不明・要確認|不明|要確認|"
    r"わからない|分からない|わかりません|分かりません|確認中|代替策で対応|代替策|代替手段|"
    r"している|していない|していません|あります|ありません|できています)"
    r"[ 　、,。.:：;；!！ー—/]*"
)

_QUOTED = re.compile(r"「([^「」]{2,40})」")
_RULE_SUFFIX = (
    "規程",
    "規定集",
    "細則",
    "基準",
    "手順書",
    "方針",
    "要領",
    "マニュアル",
    "規則",
    "ポリシー",
    "要綱",
    "ガイドライン",
    "手順",
    "計画",
    "台帳",
    "契約書",
)
_BARE_RULE = re.compile(
    r"([一-龥ァ-ヶＡ-Ｚａ-ｚA-Za-z0-9・ー]{2,24}?(?:規程|細則|基準|手順書|方針|要領|マニュアル|規則|要綱))"
)
_NOT_A_RULE = re.compile(
    r"^(?:同|当該|各|本|この|その|社内|関連|上記|下記|的な|[0-9０-９]|年|月|週|日|毎|半期|四半期)"
)
# Outside standards are references, not the respondent's own rules.
_OUTSIDE = re.compile(
    r"^(?:FISC|金融情報システムセンター|安全対策基準|全銀協|ISO|JIS|PCI|NIST|CRYPTREC)"
)

_FREQUENCY = re.compile(
    r"(?:(?:年|半期|四半期|月|週|日)(?:[0-9０-９]+|[一二三四五六])回(?:以上)?|"
    r"(?:毎年|毎月|毎週|毎日|毎営業日|日次|週次|月次|年次|常時|随時|都度|四半期ごと|半期ごと|"
    r"四半期毎|半期毎|年度ごと|リアルタイム))"
)


def said(text: str) -> str:
    """The respondent's words, or '' when they only said there is nothing."""
    cleaned = "".join(text.split())
    return "" if cleaned in NONE_WORDS else text.strip()


def without_status_words(text: str) -> str:
    """The detail without a leading 「はい、」「いいえ。」 (kept whole in 回答詳細)."""
    stripped = text.strip()
    rest = _LEADING_STATUS.sub("", stripped, count=1).strip()
    return rest if rest else ("" if _LEADING_STATUS.match(stripped) else stripped)


def one_line(text: str) -> str:
    """Lines joined by Japanese punctuation (a cell line that wraps, not a list)."""
    parts = [line.strip() for line in text.strip().splitlines() if line.strip()]
    out = ""
    for part in parts:
        if out and out[-1] not in "。．.！!？?、，,：:":
            out += "。"
        out += part
    return out


def sentence(text: str) -> str:
    """*text* as one sentence ending with 「。」 (no 「。。」, no 「。）」 chain)."""
    body = text.strip().rstrip("。．. 　")
    return f"{body}。" if body else ""


def bracketed(text: str) -> str:
    """*text* for use inside 「（…）」: its final 「。」 dropped so no 「。）」 appears."""
    return one_line(text).rstrip("。．. 　").replace("。）", "）")


def first_sentence(text: str, limit: int = 90) -> str:
    """The first sentence of what was said (whole, never cut mid-sentence)."""
    body = one_line(without_status_words(text))
    if not body:
        return ""
    depth = 0
    for index, char in enumerate(body):
        if char in "（(「『":
            depth += 1
        elif char in "）)」』":
            depth = max(0, depth - 1)
        elif char == "。" and depth == 0:
            head = body[:index]
            # a very short opening (「導入済み。」) says little: take the next one too
            if len(head) < 12 and index + 1 < len(body):
                return first_sentence(body[index + 1 :], limit) or head
            return head
    return body.rstrip("。")


def rule_names(text: str) -> list[str]:
    """Named rules and documents (「情報セキュリティ基本規程」, アクセス管理規程 …)."""
    found: list[str] = []
    for name in _QUOTED.findall(text):
        if name.endswith(_RULE_SUFFIX) and name not in found and not _OUTSIDE.match(name):
            found.append(name)
    unquoted = _QUOTED.sub("", text)
    for name in _BARE_RULE.findall(unquoted):
        name = name.strip("・ー")
        if len(name) < 4 or _NOT_A_RULE.match(name) or _OUTSIDE.match(name):
            continue
        if not any(name in f or f in name for f in found):
            found.append(name)
    return found


# One wording per frequency: 毎年・年次 say 年1回, and so on.
_SAME_FREQUENCY = {
    "毎年": "年1回",
    "年次": "年1回",
    "年度ごと": "年1回",
    "毎月": "月1回",
    "月次": "月1回",
    "毎週": "週1回",
    "週次": "週1回",
    "日次": "毎日",
    "四半期毎": "四半期ごと",
    "半期毎": "半期ごと",
    "年一回": "年1回",
    "月一回": "月1回",
}


def frequencies(text: str) -> list[str]:
    found: list[str] = []
    for match in _FREQUENCY.findall(text):
        token = match.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        token = _SAME_FREQUENCY.get(token, token)
        if token not in found:
            found.append(token)
    return found


_NA_TAIL = re.compile(r"(?:の)?(ため|ので)?[、，]?(?:該当(?:なし|しない|しません)|対象外)[。．]?$")


def reason(text: str) -> str:
    """Why an example does not apply, without the closing 「…ため該当なし」 repeat."""
    first = first_sentence(text)
    return _NA_TAIL.sub(lambda m: m.group(1) or "", first).strip("、 ")


def join_names(names: list[str], limit: int = 4) -> str:
    shown = names[:limit]
    return "、".join(shown) + ("など" if len(names) > limit else "")


def status_phrase(status: Status, unresolved: str) -> str:
    """How ⑤ says a status, after 「〈手法例〉、〈手法例〉」 (clauses joined by 「、」)."""
    return {
        Status.DONE: "は対応済み",
        Status.PARTIAL: "は一部対応",
        Status.NOT_DONE: "は未対応",
        Status.NOT_APPLICABLE: "は該当なし",
        Status.UNKNOWN: f"は{unresolved}",
        Status.ALTERNATIVE: "は代替策で対応",
    }[status]
