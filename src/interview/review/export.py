"""The review's workbooks: feedback to one connector, the portfolio, the merged checklist.

All go through the project's workbook writer: cells by ``put_text`` (string cells,
quotePrefix, sanitised, never cut), the same styles and A4 page set-up, a 0600 file
replaced atomically and never over an existing file unless asked (``--force``).
"""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from interview.catalog import Catalog, Party, load_catalog
from interview.compile.references import reference_columns
from interview.review.actions import find_connector
from interview.review.models import Connector, ItemReview, Review
from interview.review.submissions import connector_items, file_hash
from interview.review.verdicts import CHANGED_LABEL, UNREVIEWED_LABEL, Verdict
from interview.session.ids import slugify
from interview.workbook.cells import CellPlace, put_text
from interview.workbook.export_target import check_target, resolve_target
from interview.workbook.headers import FORMAT_SHEET
from interview.workbook.layout import set_widths, setup_page
from interview.workbook.model import Cover, SheetRow, WorkbookData
from interview.workbook.styles import Look, Styler
from interview.workbook.writer import (
    build_workbook,
    document_stamp,
    replace_file,
    workbook_bytes,
)

VERDICT_HEADER = "金融機関確認結果"
COMMENT_HEADER = "金融機関コメント"
REQUESTS_SHEET = "確認依頼"
PORTFOLIO_SHEET = "接続先一覧"
LEGEND_SHEET = "凡例"
REQUEST_LABELS = {
    "no": "通番",
    "goal": "セキュリティ対応目標",
    "verdict": "確認結果",
    "comment": "金融機関コメント",
    "reviewed": "確認日",
    "round": "回",
    "bank": "金融機関",
}
COLOURS = {
    Verdict.CONFIRMED.label: "C6EFCE",  # green
    Verdict.NEEDS_EXPLANATION.label: "FFEB9C",  # yellow
    Verdict.NEEDS_IMPROVEMENT.label: "FFC7CE",  # red
    Verdict.NOT_APPLICABLE_CONFIRMED.label: "D9D9D9",  # grey
    CHANGED_LABEL: "BDD7EE",  # blue: changed since the verdict, to review again
    UNREVIEWED_LABEL: "FFFFFF",
}


def verdict_text(entry: ItemReview | None) -> str:
    if entry is None:
        return UNREVIEWED_LABEL
    if entry.verdict is not None:
        return entry.verdict.label
    return CHANGED_LABEL if entry.changed else UNREVIEWED_LABEL


def _fill(label: str) -> PatternFill:
    colour = COLOURS.get(label, "FFFFFF")
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


def _reviewed(entry: ItemReview) -> str:
    return entry.reviewed_at.astimezone().strftime("%Y-%m-%d") if entry.reviewed_at else ""


def _write(workbook: Workbook, target: Path, cover: Cover | None, overwrite: bool) -> Path:
    payload = workbook_bytes(workbook, document_stamp(cover))
    check_target(target, overwrite)
    replace_file(target, payload, overwrite)
    return target


def _rows_of(connector: Connector, catalog: Catalog) -> list[SheetRow]:
    mine = set(connector_items(catalog))
    rows = []
    for item in catalog.items:
        sources, locations = reference_columns(item.references)
        texts = connector.rows.get(str(item.no)) if item.no in mine else None
        rows.append(
            SheetRow(
                no=item.display_no,
                category=catalog.category(item.category).name,
                goal=item.goal,
                party=item.party.label,
                status=texts.status if texts else "",
                issues=texts.issues if texts else "",
                plan=texts.plan if texts else "",
                references=sources,
                locations=locations,
                remarks=texts.remarks if texts else "",
            )
        )
    return rows


def submitted_data(connector: Connector, catalog: Catalog) -> WorkbookData:
    """The latest workbook as submitted: re-read from its file when it is still there and
    unchanged (so 回答詳細 goes back too), else rebuilt from the texts kept in the review."""
    from interview.errors import UserError
    from interview.workbook.reader import read_workbook

    last = connector.submissions[-1] if connector.submissions else None
    if last is not None and last.path:
        path = Path(last.path)
        try:
            if path.is_file() and file_hash(path) == last.sha256:
                data = read_workbook(path)
                if data.rows:
                    return data
        except UserError:
            pass
    cover = Cover(
        organisation=connector.organisation,
        party=Party.API_CONNECTOR.label,
        respondent="",
        role="",
        counterparts="",
        interviewer="",
        date=last.date if last else "",
        edition=f"{catalog.edition.title} {catalog.edition.label}",
        progress="",
    )
    return WorkbookData(cover=cover, rows=_rows_of(connector, catalog))


def feedback_target(review: Review, connector: Connector, raw: str | os.PathLike[str]) -> Path:
    name = f"{review.id}-{slugify(connector.organisation)}-第{connector.round}回-確認結果.xlsx"
    return resolve_target(raw, name)


def export_feedback(
    review: Review,
    organisation: str,
    output: str | os.PathLike[str],
    overwrite: bool = False,
    catalog: Catalog | None = None,
) -> Path:
    """The connector's workbook as submitted, with the bank's verdicts and open requests."""
    catalog = catalog or load_catalog()
    connector = find_connector(review, organisation)
    target = feedback_target(review, connector, output)
    check_target(target, overwrite)
    data = submitted_data(connector, catalog)
    workbook = build_workbook(data)
    styler = Styler()
    sheet = workbook[FORMAT_SHEET]
    _add_verdict_columns(sheet, styler, connector)
    requests = workbook.create_sheet(
        REQUESTS_SHEET, index=workbook.sheetnames.index(FORMAT_SHEET) + 1
    )
    _write_requests(requests, styler, review, connector, catalog)
    return _write(workbook, target, data.cover, overwrite)


def _add_verdict_columns(ws: Worksheet, styler: Styler, connector: Connector) -> None:
    first = ws.max_column + 1
    for offset, (label, width) in enumerate(((VERDICT_HEADER, 14), (COMMENT_HEADER, 36))):
        column = first + offset
        ws.column_dimensions[get_column_letter(column)].width = width
        cell = ws.cell(row=1, column=column)
        styler.apply(cell, Look("header"))
        put_text(cell, label, CellPlace(ws.title, label))
    for row in range(2, ws.max_row + 1):
        number = ws.cell(row=row, column=1).value
        if number is None:
            continue
        entry = connector.items.get(str(number))
        answered = str(number) in connector.rows
        verdict = verdict_text(entry) if answered or entry else ""
        result = ws.cell(row=row, column=first)
        comment = ws.cell(row=row, column=first + 1)
        styler.apply(result, Look("body", "center"))
        styler.apply(comment, Look("body"))
        if verdict:
            put_text(result, verdict, CellPlace(ws.title, VERDICT_HEADER, str(number)))
            result.fill = _fill(verdict)
        if entry is not None and entry.comment:
            put_text(comment, entry.comment, CellPlace(ws.title, COMMENT_HEADER, str(number)))
    ws.print_area = f"A1:{get_column_letter(first + 1)}{ws.max_row}"


def _header(ws: Worksheet, styler: Styler, labels: list[str], widths: list[float]) -> None:
    set_widths(ws, widths)
    for index, label in enumerate(labels, start=1):
        cell = ws.cell(row=1, column=index)
        styler.apply(cell, Look("header"))
        put_text(cell, label, CellPlace(ws.title, label))


def _put_row(ws: Worksheet, styler: Styler, row: int, values: list[str], item: str = "") -> None:
    for index, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=index)
        styler.apply(cell, Look("body"))
        put_text(cell, value, CellPlace(ws.title, str(ws.cell(row=1, column=index).value), item))


def open_requests(connector: Connector) -> list[tuple[int, ItemReview]]:
    return sorted(
        (int(no), entry)
        for no, entry in connector.items.items()
        if entry.verdict is not None and entry.verdict.is_request
    )


def _write_requests(
    ws: Worksheet, styler: Styler, review: Review, connector: Connector, catalog: Catalog
) -> None:
    _header(ws, styler, list(REQUEST_LABELS.values()), [6, 30, 12, 48, 12, 6, 20])
    requests = open_requests(connector)
    for row, (no, entry) in enumerate(requests, start=2):
        _put_row(
            ws,
            styler,
            row,
            [
                str(no),
                catalog.item(no).goal,
                entry.verdict.label if entry.verdict else "",
                entry.comment,
                _reviewed(entry),
                str(entry.round),
                review.bank,
            ],
            str(no),
        )
        ws.cell(row=row, column=3).fill = _fill(entry.verdict.label if entry.verdict else "")
    if not requests:
        _put_row(ws, styler, 2, ["", "確認依頼はありません。"])
    title = f"{connector.organisation}　{REQUESTS_SHEET}（{review.bank}）"
    setup_page(ws, landscape=True, title=title, title_rows="1:1", freeze="A2")
