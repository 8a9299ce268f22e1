"""``interview glossary QUERY``: look a word up in the glossary (human listing or JSON)."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import unicodedata
from typing import TYPE_CHECKING

from interview.cli.options import add_limit
from interview.errors import UserError
from interview.textsafe import printable

if TYPE_CHECKING:
    from interview.cli.glossary_json import GlossaryResult
    from interview.search import GlossaryHit

MAX_LIMIT = 100
_INDENT = "   "
_NO_LINE_START = set("、。，．・：；？！ー）」』】〕〉》’”ぁぃぅぇぉっゃゅょァィゥェォッャュョ")
_NO_LINE_END = set("（「『【〔〈《‘“")
_TOKENS = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/:+_]*|\s+|.", re.DOTALL)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "glossary",
        help="用語集を検索します（ひらがな・英語・略語・うろ覚えでも可）",
        description="用語集を検索し、近い順に表示します。例: interview glossary とーくん",
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help="検索する語（複数語も可）")
    parser.add_argument("--json", action="store_true", help="JSONで出力します")
    add_limit(parser, MAX_LIMIT)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    if not query.strip():
        raise UserError("検索する語を指定してください（例: interview glossary とーくん）")
    from interview.services.checklist import search_terms

    hits = search_terms(query, limit=args.limit)
    if args.json:
        rows = [_result(hit).model_dump() for hit in hits]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(_listing(query, hits, _width()))
    return 0


def _result(hit: GlossaryHit) -> GlossaryResult:
    from interview.cli.glossary_json import GlossaryResult

    term = hit.term
    return GlossaryResult(
        term=term.term, score=hit.score, description=term.description, pages=list(term.pages)
    )


def _listing(query: str, hits: list[GlossaryHit], width: int) -> str:
    shown = printable(" ".join(query.split()))
    if len(shown) > 40:
        shown = shown[:40] + "…"
    if not hits:
        from interview.search import suggest_glossary

        maybe = suggest_glossary(query, limit=3)
        lines = [f"「{shown}」に一致する用語は見つかりませんでした。"]
        if maybe:
            lines.append("もしかして: " + "、".join(printable(name) for name in maybe))
        lines.append(
            "ひらがな、英語、略語など別の言い方でも探せます（例: とーくん、reverse proxy、MFA）。"
        )
        return "\n".join(lines)
    lines = [f"「{shown}」の検索結果（{len(hits)}件、近い順）", ""]
    for rank, hit in enumerate(hits, 1):
        term = hit.term
        pages = "、".join(str(p) for p in term.pages)
        lines.append(f"{rank}. {printable(term.term)}（記載頁: {pages}）{_why(hit)}")
        body_width = max(20, width - len(_INDENT) - 2)  # room for hanging punctuation
        lines.extend(_INDENT + line for line in wrap(printable(term.description), body_width))
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def _why(hit: GlossaryHit) -> str:
    """Say what matched when it is not the term itself (別名・読み・説明)."""
    if hit.field == "description":
        return " ← 説明に一致"
    if hit.field in ("alias", "yomi"):
        return f" ← {hit.field_label}「{printable(hit.matched)}」"
    return ""


def _width() -> int:
    columns = shutil.get_terminal_size((80, 24)).columns
    return max(40, min(columns, 100)) - 1


def cell_width(text: str) -> int:
    """Terminal columns *text* takes: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """Wrap Japanese text to *width* columns.

    English words and numbers stay whole, a line never starts with closing punctuation
    (、。」）…) nor ends with an opening bracket (「（…); such punctuation hangs past
    the margin instead, so a line may take up to two columns more than *width*.
    """
    lines: list[str] = []
    line = ""
    for token in _split_long(_TOKENS.findall(text), width):
        if token.isspace():
            token = " "
        fits = cell_width(line + token) <= width
        if fits or not line.strip():
            line += token
            continue
        if token.isspace():
            lines.append(line.rstrip())
            line = ""
            continue
        if token in _NO_LINE_START:
            line += token  # hang the punctuation past the margin
            continue
        carry = ""
        while line and line[-1] in _NO_LINE_END:
            carry = line[-1] + carry
            line = line[:-1]
        lines.append(line.rstrip())
        line = carry + token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _split_long(tokens: list[str], width: int) -> list[str]:
    out: list[str] = []
    for token in tokens:
        if len(token) > 1 and cell_width(token) > width:
            out.extend(token)
        else:
            out.append(token)
    return out
