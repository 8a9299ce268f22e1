"""Sample WorkbookData built from the real catalog, shared by the workbook tests.

The samples put long Japanese text and hostile strings into the answer columns; the
tests here only check that the samples cover what the other tests rely on.
"""

from __future__ import annotations

from interview.catalog import Catalog, Party
from interview.workbook.model import Cover, DetailRow, GapRow, SheetRow, WorkbookData

# (what the compiler hands over, what the cell must hold)
HOSTILE: list[tuple[str, str]] = [
    ("=1+1", "=1+1"),
    ("+81-3-1234-5678", "+81-3-1234-5678"),
    ("-5", "-5"),
    ("@SUM(A1)", "@SUM(A1)"),
    ('=HYPERLINK("http://example.invalid","開く")', '=HYPERLINK("http://example.invalid","開く")'),
    ("＝全角の等号", "＝全角の等号"),
    ("#N/A", "#N/A"),
    ("#DIV/0!", "#DIV/0!"),
    ("#REF!", "#REF!"),
    ("\x00\x07\x1b[31m赤字\x1b[0m", "[31m赤字[0m"),
    ("孤立\ud800サロゲート", "孤立\ufffdサロゲート"),
    ("絵文字😀と家族👨‍👩‍👧", "絵文字😀と家族👨‍👩‍👧"),
    ("\u202e反転\u202c表示", "反転表示"),
    ("\u200f右から左のマーク", "\u200f右から左のマーク"),
    ("改行\r\nCRLF\rCR", "改行\nCRLF\nCR"),
    ("_x0041_ はそのまま", "_x0041_ はそのまま"),
    ("TRUE", "TRUE"),
    ("0123", "0123"),
    ("1e5", "1e5"),
    ("\t先頭のタブ", "\t先頭のタブ"),
    ("  前後の空白  ", "  前後の空白  "),
]

QUOTED = ("=", "+", "-", "@", "＝")

LONG_STATUS = (
    "＜責任者の設置＞\n"
    "・最高責任者の明確化：実施済み — CISO（取締役CTO兼任）を任命し、職務範囲を"
    "「情報セキュリティ基本規程」第5条に規定。取締役会で承認済み。\n"
    "・情報資産の安全管理の責任者：一部実施 — 部門ごとの責任者は一部の部署のみ任命。\n"
) * 6
ISSUES = "・部署ごとの情報資産管理責任者：一部実施（開発と運用の責任者が同一）"
PLAN = "運用チームの責任者を任命し、規程の責任者一覧を改訂する。（期限：2027年3月末、担当：管理本部長）"

ORGANISATION = "株式会社サンプル&ペイ"
COVER = Cover(
    organisation=ORGANISATION,
    party="API接続先",
    respondent="山田 太郎",
    role="情報システム部長",
    counterparts="さくら銀行（架空）、みどり信用金庫（架空）",
    interviewer="佐藤 花子",
    date="2026年04月06日",
    edition="金融機関とAPI接続先のためのAPI接続チェックリスト 2018年10月版",
    progress="330/330問回答（100%）",
)


def references_columns(catalog: Catalog, no: int) -> tuple[str, str]:
    sections = catalog.item(no).references.sections
    return (
        "\n".join(s.title for s in sections),
        "\n".join(line for s in sections for line in s.lines),
    )


def mine(catalog: Catalog, no: int) -> bool:
    return catalog.item(no).party is not Party.FINANCIAL_INSTITUTION


def sample_data(catalog: Catalog, hostile: bool = True) -> WorkbookData:
    """44 rows from the catalog; the API接続先's rows answered, the bank's left blank."""
    strings = iter(HOSTILE if hostile else [])
    rows = []
    for item in catalog.items:
        sources, locations = references_columns(catalog, item.no)
        answered = mine(catalog, item.no)
        remark = next(strings, ("", ""))[0] if answered else ""
        rows.append(
            SheetRow(
                no=str(item.no),
                category=catalog.category(item.category).name,
                goal=item.goal,
                party=item.party.label,
                status=LONG_STATUS if answered else "",
                issues=ISSUES if answered else "",
                plan=PLAN if answered else "",
                references=sources,
                locations=locations,
                remarks=remark,
            )
        )
    gaps = [
        GapRow(
            no=str(item.no),
            goal=item.goal,
            question_id=f"{example.id}",
            example=example.text[:40],
            status="一部実施",
            detail="-一部の部署のみ" if n % 3 == 0 else "一部の部署のみ",
            plan=PLAN,
            due="2027-03",
            owner="=管理本部長" if n == 1 else "管理本部長",
        )
        for n, item in enumerate(i for i in catalog.items if mine(catalog, i.no))
        for example in item.examples[:1]
    ]
    details = [
        DetailRow(
            no=str(item.no),
            question_id=example.id,
            kind="手法例",
            question=f"{example.text[:60]}を実施していますか。",
            example=example.text,
            status="実施済み",
            detail="#N/A" if example.id == "1.1.1" else "規程に定め、年1回見直している。",
            checks="①②" if example.notes else "",
            due="",
            owner="",
            updated_at="2026-04-06 10:02",
        )
        for item in catalog.items
        if mine(catalog, item.no)
        for example in item.examples
    ]
    return WorkbookData(cover=COVER, rows=rows, gaps=gaps, details=details)


def expected(text: str) -> str:
    """What a sample text must read back as."""
    return dict(HOSTILE).get(text, text)


def test_samples_cover_every_hostile_string(catalog):
    data = sample_data(catalog)
    remarks = [r.remarks for r in data.rows if r.remarks]
    assert remarks == [raw for raw, _ in HOSTILE]
    assert len(data.rows) == 44
    assert {r.party for r in data.rows} == {"API接続先", "金融機関", "共通"}
    assert len(data.details) >= 150 and len(data.gaps) >= 30
