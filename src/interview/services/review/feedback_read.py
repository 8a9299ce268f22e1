"""Read the bank's open requests back from a feedback workbook (its 確認依頼 sheet).

Used by ``interview import``: a connector reading the workbook the bank sent back sees
each request next to its item. Cells are streamed with the project's xlsx reader (the
file has passed the workbook reader's checks first); a workbook without the sheet has
no requests.
"""

from __future__ import annotations

from pathlib import Path

from interview.services.review.verdicts import Verdict
from interview.session.models import ReviewRequest
from interview.workbook.cells import cell_text
from interview.workbook.headers import normalise_label
from interview.workbook.read_report import ReadReport
from interview.workbook.xlsx_stream import XlsxReader

REQUESTS_SHEET = "確認依頼"
# The two columns the feedback export adds to the フォーマット (export.VERDICT_HEADER, …).
FEEDBACK_COLUMNS = ("金融機関確認結果", "金融機関コメント")
_FIELDS = {
    "通番": "no",
    "確認結果": "verdict",
    "金融機関コメント": "comment",
    "確認日": "reviewed",
    "回": "round",
    "金融機関": "bank",
}
_REQUEST_LABELS = {v.label for v in Verdict if v.is_request}


def read_requests(path: Path) -> dict[str, ReviewRequest]:
    """通番 → the bank's request (要追加説明 / 要改善); {} when the sheet is absent."""
    with Path(path).open("rb") as stream:
        reader = XlsxReader(stream)
        try:
            info = next(
                (
                    s
                    for s in reader.sheets
                    if normalise_label(s.name) == normalise_label(REQUESTS_SHEET)
                ),
                None,
            )
            if info is None:
                return {}
            columns: dict[int, str] = {}
            found: dict[str, ReviewRequest] = {}
            for row in reader.sheet(info).rows:
                texts = {i: cell_text(c.value) for i, c in row.cells.items()}
                if not columns:
                    columns = {
                        i: _FIELDS[normalise_label(t)]
                        for i, t in texts.items()
                        if normalise_label(t) in _FIELDS
                    }
                    if "no" not in columns.values() or "verdict" not in columns.values():
                        columns = {}
                    continue
                values = {name: texts.get(i, "").strip() for i, name in columns.items()}
                no, verdict = values.pop("no", ""), values.get("verdict", "")
                if not no or verdict not in _REQUEST_LABELS:
                    continue
                found[no] = ReviewRequest(
                    verdict=verdict,
                    comment=texts.get(_column(columns, "comment"), ""),
                    bank=values.get("bank", ""),
                    reviewed=values.get("reviewed", ""),
                    round=values.get("round", ""),
                )
            return found
        finally:
            reader.close()


def note_feedback_read(report: ReadReport, requests: dict[str, ReviewRequest]) -> str:
    """The import report of a feedback workbook: its bank columns and 確認依頼 sheet were
    read as requests, so they are not listed as "not read"; returns the line that says so."""
    if not requests:
        return ""
    wanted = {normalise_label(label) for label in FEEDBACK_COLUMNS}
    read = [c for c in report.columns if normalise_label(c.label) in wanted]
    report.columns = [c for c in report.columns if c not in read]
    report.sheets = [
        s for s in report.sheets if normalise_label(s) != normalise_label(REQUESTS_SHEET)
    ]
    where = "・".join(f"{c.column}列「{c.label}」" for c in read)
    return (
        f"金融機関からのフィードバックのブックです: 確認依頼 {len(requests)}件を"
        f"「{REQUESTS_SHEET}」シートから読み込みました"
        + (f"（{where}は同じ内容）。" if where else "。")
    )


def _column(columns: dict[int, str], name: str) -> int:
    return next((i for i, n in columns.items() if n == name), -1)


def request_lines(requests: dict[str, ReviewRequest]) -> list[str]:
    """Plain lines for the terminal: one per item, the comment indented under it."""
    lines = []
    for no in sorted(requests, key=lambda n: (len(n), n)):
        req = requests[no]
        head = f"  通番{no}: {req.verdict}" + (
            f"（{req.bank}、{req.reviewed}）" if req.bank else ""
        )
        lines.append(head)
        lines += [f"    {line}" for line in req.comment.splitlines()]
    return lines
