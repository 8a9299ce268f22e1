"""Extract the checklist catalog from the FISC guide's text (a PDF converted to text).

Usage:  python tools/extract_catalog.py SEED.txt [OUT_DIR]

It writes ``edition.toml``, ``categories.toml``, ``items/NN.toml``, ``glossary.toml`` and
``usage.toml`` into OUT_DIR (default ``catalog/``). The guide's member lists (付表) are
never read. After hand review the committed TOML is the source of truth; rerun this to
see, with ``git diff``, what a fresh extraction would change.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import tomli_w

# --- text cleaning ---------------------------------------------------------------------

JA = r"\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef①-⑳※○・「」"
_JA_CHAR = re.compile(f"[{JA}]")
OCR_FIXES = {
    "设计": "設計",
    "列举": "列挙",
    "定期的を確認": "定期的に確認",
}


def has_ja(text: str) -> bool:
    return bool(_JA_CHAR.search(text))


def clean(text: str) -> str:
    """Remove PDF artifacts and stray spaces; keep the guide's wording."""
    text = re.sub(r"</?p>", " ", text)
    text = re.sub(r"<sup>\d+</sup>", "", text)
    text = text.replace("\\_", "_").replace("\u3000", " ")
    for wrong, right in OCR_FIXES.items():
        text = text.replace(wrong, right)
    text = re.sub(r"[ \t]+", " ", text).strip()
    # spaces touching a Japanese character are PDF layout, not words
    text = re.sub(f"(?<=[{JA}]) (?=[{JA}!-~])", "", text)
    text = re.sub(f"(?<=[!-~]) (?=[{JA}])", "", text)
    # half-width brackets and colons inside Japanese text become full-width
    previous = None
    while previous != text:  # innermost pairs first, then the ones around them
        previous, text = (
            text,
            re.sub(r"\(([^()（）]*(?:（[^()（）]*）[^()（）]*)*)\)", _paren, text),
        )
    text = re.sub(f"(?<=[{JA}]):\\s*", "：", text)
    text = re.sub(r"（注\s*(\d+)）", r"（注\1）", text)
    return text


def _paren(match: re.Match[str]) -> str:
    inner = match.group(1)
    string = match.string
    before = string[match.start() - 1] if match.start() else ""
    after = string[match.end()] if match.end() < len(string) else ""
    if has_ja(inner) or has_ja(before) or has_ja(after):
        return f"（{inner.strip()}）"
    return match.group(0)


def join_continuation(previous: str, line: str) -> str:
    line = clean(line)
    if re.match(r"^（注\d+）", line):
        return previous + line
    if line.startswith(("（", "※", "また、")):
        return previous + "\n" + line
    return previous + line


# --- locating the parts of the guide ---------------------------------------------------


def section(lines: list[str], start: str, end: str) -> list[str]:
    i = next(n for n, line in enumerate(lines) if line.strip().startswith(start))
    j = next(n for n, line in enumerate(lines) if n > i and line.strip().startswith(end))
    return lines[i + 1 : j]


# --- categories ------------------------------------------------------------------------


def parse_categories(lines: list[str]) -> list[dict[str, Any]]:
    out = []
    for line in section(lines, "章\t区分", "<sup>5</sup>"):
        cells = line.split("\t")
        if len(cells) == 4 and cells[0].isdigit():
            bounds = [int(x) for x in cells[3].split("-")]
            first, last = bounds[0], bounds[-1]
            out.append(
                {
                    "no": int(cells[0]),
                    "name": clean(cells[1]),
                    "purpose": clean(cells[2]),
                    "first": first,
                    "last": last,
                }
            )
    return out


def parse_overview(lines: list[str]) -> dict[int, tuple[str, str]]:
    """Section 5's table: 通番 → (goal, party label)."""
    out = {}
    for line in section(lines, "5. 確認項目一覧表", "## 6."):
        cells = line.split("\t")
        if len(cells) == 4 and cells[1].isdigit():
            out[int(cells[1])] = (clean(cells[2]), clean(cells[3]))
    return out


# --- items -----------------------------------------------------------------------------

PARTY_BY_COLUMN = {0: "api_connector", 1: "financial_institution", 2: "common"}
HEADING = re.compile(r"^(?:#### )?[<＜](.+)[>＞]$")
EXAMPLE = re.compile(r"^(\d+)\. (.*)$")
NOTE_HEAD = re.compile(r"^(?:#### )?[（(]注\s*(\d+)[）)]$")
POINT = re.compile(r"^\s*(?:- )?([①-⑳])\s*(.*)$")
SUBPOINT = re.compile(r"^\s*(?:- )?([a-z])\.\s*(.*)$")
BULLET = re.compile(r"^\s+- (.*)$")
NOTE_REF = re.compile(r"（注(\d+)）")


def split_items(lines: list[str]) -> list[list[str]]:
    body = section(lines, "## 6. 確 認 項 目", "(付 表)")
    starts = [n for n, line in enumerate(body) if line.strip() == "区分"]
    return [body[a:b] for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]


def parse_item(block: list[str], categories: list[dict[str, Any]]) -> dict[str, Any]:
    name = clean(block[1])
    category = next(c["no"] for c in categories if c["name"] == name)
    mark = next(line for line in block if "○" in line)
    party = PARTY_BY_COLUMN[mark.index("○") - mark.count(" ", 0, mark.index("○"))]
    number_line = next(n for n, line in enumerate(block) if line.startswith("通番 "))
    no_text, goal = block[number_line].split("\t", 1)
    item: dict[str, Any] = {
        "no": int(no_text.removeprefix("通番 ")),
        "category": category,
        "party": party,
        "goal": clean(goal),
    }
    rest = [line for line in block[number_line + 1 :] if not re.fullmatch(r"-+\s*|-+\t-+", line)]
    # description: lines before the method intro
    intro_at = next(n for n, line in enumerate(rest) if "本項目に関連して実施する手法例" in line)
    description = clean(" ".join(line for line in rest[:intro_at] if line.strip()))
    item["description"] = description
    item["method_intro"] = clean(rest[intro_at])
    groups: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    references: dict[str, Any] = {}
    state = "examples"
    last_example: dict[str, Any] | None = None
    note: dict[str, Any] | None = None
    target: dict[str, Any] | None = None  # point or subpoint receiving continuation lines
    previous_blank = True
    for raw in rest[intro_at + 1 :]:
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            previous_blank = True
            continue
        if stripped.startswith("<sup>"):
            item["description_footnote"] = clean(re.sub(r"^<sup>\d+</sup>", "", stripped))
            previous_blank = True
            continue
        if re.match(r"^(<p>)?関連規定", stripped):
            references = parse_references(stripped.split("\t", 1)[1])
            state = "done"
            continue
        if state == "done":
            continue
        if (m := NOTE_HEAD.match(stripped)) and (previous_blank or state == "notes"):
            state = "notes"
            note = {"no": int(m.group(1)), "intro": "", "points": [], "outro": []}
            notes.append(note)
            target = None
        elif state == "examples" and (m := HEADING.match(stripped)):
            groups.append({"no": len(groups) + 1, "heading": clean(m.group(1)), "examples": []})
            last_example = None
        elif state == "examples" and (m := EXAMPLE.match(stripped)):
            group = groups[-1]
            last_example = {
                "id": f"{item['no']}.{group['no']}.{m.group(1)}",
                "no": int(m.group(1)),
                "text": clean(m.group(2)),
            }
            group["examples"].append(last_example)
        elif state == "examples":
            assert last_example is not None and not previous_blank, (item["no"], line)
            last_example["text"] = join_continuation(last_example["text"], stripped)
        else:
            assert note is not None
            if m := POINT.match(line):
                target = {"label": m.group(1), "text": clean(m.group(2)), "subpoints": []}
                note["points"].append(target)
            elif (m := SUBPOINT.match(line)) and note["points"]:
                target = {"label": m.group(1), "text": clean(m.group(2)), "bullets": []}
                note["points"][-1]["subpoints"].append(target)
            elif (m := BULLET.match(line)) and target is not None and "bullets" in target:
                target["bullets"].append(clean(m.group(1)))
            elif not note["points"]:
                note["intro"] = clean(note["intro"] + stripped)
            elif previous_blank or target is None:
                note["outro"].append(clean(stripped))
                target = None
            else:
                target["text"] = join_continuation(target["text"], stripped)
        previous_blank = False
    for group in groups:
        for example in group["examples"]:
            example["notes"] = [int(n) for n in NOTE_REF.findall(example["text"])]
    item["method_groups"] = groups
    item["notes"] = notes
    if references:
        item["references"] = references
    return _prune(item)


def _prune(value: Any) -> Any:
    """Drop empty strings and lists so the TOML stays short."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v not in ("", [], None)}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


# --- references (関連規定) -------------------------------------------------------------

ZENGINKYO_TITLE = "全銀協「オープンAPI検討会報告書」"
FISC_TITLE = "FISC「安全対策基準」"
ZENGINKYO_PART = re.compile(r"(\d\.\d(?:\.\d)?) (.+?)(?= \d\.\d|$)")
FISC_PART = re.compile(r"((?:統制|実務|監査)基準) ?(\d+) (\S+) ((?:[統実監] ?\d+(?:、| |$))+)")
LETTERS = re.compile(r"^(.*?) ([a-z](?:、[a-z])*)$")


def parse_references(raw: str) -> dict[str, Any]:
    text = re.sub(r"</?p>", " ", raw)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"オープン ?API ?検討会報告書", "オープンAPI検討会報告書", text)
    text = text.replace("API 接続先", "API接続先")
    sections: list[dict[str, Any]] = []
    zenginkyo: list[str] = []
    fisc: list[str] = []
    parts = re.split(r"(全銀協「オープンAPI検討会報告書」|FISC「安全対策基準」)", text)
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        body = body.strip()
        if title == ZENGINKYO_TITLE:
            lines = []
            for number, rest in ZENGINKYO_PART.findall(body):
                lines.append(f"{number} {rest}")
                if m := LETTERS.match(rest):
                    zenginkyo.extend(f"{number} {letter}" for letter in m.group(2).split("、"))
            sections.append({"source": "zenginkyo", "title": title, "lines": lines})
        else:
            lines = []
            for kind, no, name, codes in FISC_PART.findall(body):
                code_list = [c.replace(" ", "") for c in re.findall(r"[統実監] ?\d+", codes)]
                lines.append(f"{kind}{no} {name}")
                lines.append("、".join(code_list))
                fisc.extend(code_list)
            sections.append({"source": "fisc", "title": title, "lines": lines})
    return {"zenginkyo": zenginkyo, "fisc": fisc, "sections": sections}


# --- glossary --------------------------------------------------------------------------

# Readings (katakana) and English names/abbreviations, added by hand for search.
GLOSSARY_EXTRAS: dict[str, tuple[str, list[str]]] = {
    "API接続先": (
        "エーピーアイセツゾクサキ",
        ["API connector", "FinTech company", "third party provider", "TPP"],
    ),
    "CSマーク": (
        "シーエスマーク",
        ["CS mark", "cloud security mark", "クラウドセキュリティ・マーク"],
    ),
    "CVSS": ("シーブイエスエス", ["Common Vulnerability Scoring System"]),
    "DBMS": ("ディービーエムエス", ["Database Management System", "データベース管理システム"]),
    "DMZ": ("ディーエムゼット", ["DeMilitarized Zone", "demilitarized zone", "非武装地帯"]),
    "FTP": ("エフティーピー", ["File Transfer Protocol"]),
    "IDS": ("アイディーエス", ["Intrusion Detection System", "侵入検知システム"]),
    "IPS": ("アイピーエス", ["Intrusion Prevention System", "侵入防止システム"]),
    "ISMS": (
        "アイエスエムエス",
        ["Information Security Management System", "情報セキュリティマネジメントシステム"],
    ),
    "ISMSクラウドセキュリティ認証": (
        "アイエスエムエスクラウドセキュリティニンショウ",
        ["ISMS cloud security certification", "ISO27017"],
    ),
    "ISO27017": ("アイエスオーニマンナナセンジュウナナ", ["ISO/IEC 27017", "ISO 27017"]),
    "ITSMS": (
        "アイティーエスエムエス",
        ["IT Service Management System", "ITサービスマネジメントシステム"],
    ),
    "IT委員会実務指針7号": (
        "アイティーイインカイジツムシシンナナゴウ",
        ["IT7号", "SOC1", "JICPA IT Committee Practice Guideline No.7"],
    ),
    "JC3": (
        "ジェイシースリー",
        ["Japan Cybercrime Control Center", "日本サイバー犯罪対策センター"],
    ),
    "JIS Q20000-1": ("ジスキューニマンノイチ", ["ISO 20000-1", "ISO/IEC 20000-1", "JISQ20000"]),
    "JIS Q27001": ("ジスキューニマンナナセンイチ", ["ISO 27001", "ISO/IEC 27001", "JISQ27001"]),
    "JPCERT": ("ジェイピーサート", ["JPCERT/CC", "Japan Computer Emergency Response Team", "CERT"]),
    "MTP": ("エムティーピー", ["Media Transfer Protocol", "メディア転送プロトコル"]),
    "NFS": ("エヌエフエス", ["Network File System"]),
    "OAuth2.0": ("オーオース", ["OAuth", "OAuth 2.0", "RFC 6749", "オーソライゼーション"]),
    "OSコマンド・インジェクション": (
        "オーエスコマンドインジェクション",
        ["OS command injection", "command injection"],
    ),
    "rexec": ("アールエグゼック", ["remote execution"]),
    "RFS": ("アールエフエス", ["Remote File System"]),
    "rlogin": ("アールログイン", ["remote login"]),
    "rsh": ("アールシェル", ["remote shell"]),
    "SMTP": ("エスエムティーピー", ["Simple Mail Transfer Protocol"]),
    "SOC2": ("ソックツー", ["SOC 2", "Service Organization Controls 2", "AICPA", "AT101"]),
    "SQLインジェクション": ("エスキューエルインジェクション", ["SQL injection", "SQLi"]),
    "SW": ("エスダブリュー", ["software", "ソフトウェア"]),
    "TELNET": ("テルネット", ["Teletype network"]),
    "URI": ("ユーアールアイ", ["Uniform Resource Identifier", "URL"]),
    "アプリ提供サイト": (
        "アプリテイキョウサイト",
        ["app store", "application store", "アプリストア"],
    ),
    "アンマウント": ("アンマウント", ["unmount"]),
    "クラウドサービス": ("クラウドサービス", ["cloud service", "IaaS", "PaaS", "SaaS"]),
    "コンピュータリソース": ("コンピュータリソース", ["computer resources"]),
    "シェル": ("シェル", ["shell"]),
    "ステートフルインスペクション": (
        "ステートフルインスペクション",
        ["stateful inspection", "stateful firewall"],
    ),
    "ソーシャルログイン": ("ソーシャルログイン", ["social login", "SNS login"]),
    "ソースコード": ("ソースコード", ["source code"]),
    "チェックデジット": ("チェックデジット", ["check digit", "検査数字"]),
    "ツールベース": ("ツールベース", ["tool-based"]),
    "トークン": ("トークン", ["token", "access token", "アクセストークン"]),
    "ハッシュ化": ("ハッシュカ", ["hashing", "hash"]),
    "バッファオーバーフロー": ("バッファオーバーフロー", ["buffer overflow"]),
    "プライバシーマーク": ("プライバシーマーク", ["Privacy Mark", "Pマーク", "JIS Q15001"]),
    "マウント": ("マウント", ["mount"]),
    "リスト型攻撃": (
        "リストガタコウゲキ",
        ["credential stuffing", "password list attack", "パスワードリスト攻撃"],
    ),
    "リバースプロキシ": ("リバースプロキシ", ["reverse proxy"]),
    "リポジトリ": ("リポジトリ", ["repository", "repo"]),
    "レジストリ": ("レジストリ", ["registry", "Windows registry"]),
    "運用ジョブ": ("ウンヨウジョブ", ["batch job", "scheduled job", "operational job"]),
    "機密情報": ("キミツジョウホウ", ["confidential information", "secret"]),
    "金融ISAC": (
        "キンユウアイサック",
        ["Financials ISAC Japan", "ISAC", "Information Sharing and Analysis Center"],
    ),
    "合意された手続報告書": (
        "ゴウイサレタテツヅキホウコクショ",
        ["agreed-upon procedures", "AUP", "ISRS 4400", "専門業務実務指針4400"],
    ),
    "重要情報": ("ジュウヨウジョウホウ", ["important information", "sensitive information"]),
    "情報セキュリティ監査報告書": (
        "ジョウホウセキュリティカンサホウコクショ",
        ["information security audit report"],
    ),
    "情報資産": ("ジョウホウシサン", ["information assets"]),
    "多要素認証": (
        "タヨウソニンショウ",
        [
            "multi-factor authentication",
            "MFA",
            "two-factor authentication",
            "2FA",
            "二要素認証",
            "二段階認証",
        ],
    ),
    "統制対象クラウド拠点": (
        "トウセイタイショウクラウドキョテン",
        ["controlled cloud site", "cloud data center location"],
    ),
    "内部統制保証報告書": (
        "ナイブトウセイホショウホウコクショ",
        ["assurance report on internal controls", "SOC report", "SOC1", "SOC2"],
    ),
    "不祥事案": ("フショウジアン", ["misconduct", "scandal", "security incident"]),
    "役職員": ("ヤクショクイン", ["officers and employees", "staff"]),
    "利用者": ("リヨウシャ", ["user", "customer", "end user"]),
    "連鎖接続先": (
        "レンサセツゾクサキ",
        ["chained connection", "re-consignee", "電子決済等代行業再委託者"],
    ),
}


def parse_glossary(lines: list[str]) -> list[dict[str, Any]]:
    body = section(lines, "#### 4. 用語解説", "5. 確認項目一覧表")
    terms = []
    for line in body:
        cells = line.split("\t")
        if len(cells) != 3 or cells[0] == "用語":
            continue
        term = clean(cells[0])
        pages = [int(p) for p in re.findall(r"\d+", cells[1])]
        yomi, aliases = GLOSSARY_EXTRAS[term]
        terms.append(
            {
                "term": term,
                "pages": pages,
                "description": clean(cells[2]),
                "yomi": yomi,
                "aliases": aliases,
            }
        )
    return terms


# --- usage notes (section 3) -----------------------------------------------------------


def _bullets(lines: list[str], start: str, end: str) -> list[str]:
    out = []
    for line in section(lines, start, end):
        text = re.sub(r"^-\s*・?\s*", "", line.strip())
        if text and not text.startswith(("---", "<sup>", "<http")):
            out.append(clean(text))
    return out


def parse_usage(lines: list[str]) -> dict[str, Any]:
    items = _bullets(lines, "#### ○確認項目について", "#### ○手法例について")
    methods = _bullets(lines, "#### ○手法例について", "#### ○回答及び判断について")
    answering = _bullets(lines, "#### ○回答及び判断について", "○モニタリングにおける活用について")
    monitoring = _bullets(lines, "○モニタリングにおける活用について", "---")
    risk = [p for p in items if "リスクベースアプローチ" in p or "確認項目は機密性" in p]
    certification = [p for p in items if "第三者認証" in p]
    numbers = [int(n) for n in re.findall(r"通番(\d+)", certification[0])]
    return {
        "certification_items": numbers,
        "risk_based_approach": {
            "id": "risk_based_approach",
            "title": "リスクベースアプローチ",
            "paragraphs": risk,
        },
        "certifications": {
            "id": "certifications",
            "title": "第三者認証・内部統制保証報告書等の活用",
            "paragraphs": certification,
        },
        "monitoring": {
            "id": "monitoring",
            "title": "モニタリングにおける活用",
            "paragraphs": monitoring,
        },
        "methods": {"id": "methods", "title": "手法例について", "paragraphs": methods},
        "answering": {"id": "answering", "title": "回答及び判断について", "paragraphs": answering},
    }


EDITION = {
    "title": "金融機関とAPI接続先のためのAPI接続チェックリスト",
    "edition": "2018年10月版",
    "revised": "2019年9月27日一部改訂",
    "publisher": "公益財団法人金融情報システムセンター（FISC）",
    "id": "fisc-api-checklist-2018-10+2019-09-27",
}


# --- main ------------------------------------------------------------------------------


def extract(seed: Path) -> dict[str, Any]:
    lines = seed.read_text(encoding="utf-8").splitlines()
    categories = parse_categories(lines)
    items = [parse_item(block, categories) for block in split_items(lines)]
    return {
        "edition": EDITION,
        "categories": categories,
        "items": items,
        "glossary": parse_glossary(lines),
        "usage": parse_usage(lines),
        "overview": parse_overview(lines),
    }


def write(out: Path, data: dict[str, Any]) -> None:
    (out / "items").mkdir(parents=True, exist_ok=True)
    header = "# Extracted from the FISC guide by tools/extract_catalog.py, then reviewed by hand.\n"

    def dump(path: Path, value: dict[str, Any]) -> None:
        path.write_text(header + tomli_w.dumps(value), encoding="utf-8")

    dump(out / "edition.toml", data["edition"])
    dump(out / "categories.toml", {"categories": data["categories"]})
    for item in data["items"]:
        dump(out / "items" / f"{item['no']:02d}.toml", item)
    dump(out / "glossary.toml", {"terms": data["glossary"]})
    dump(out / "usage.toml", data["usage"])


def main(argv: list[str]) -> int:
    seed = Path(argv[1])
    out = Path(argv[2]) if len(argv) > 2 else Path("catalog")
    data = extract(seed)
    write(out, data)
    examples = sum(len(g["examples"]) for i in data["items"] for g in i["method_groups"])
    print(f"{len(data['items'])} items, {examples} examples, {len(data['glossary'])} terms → {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
