"""The review's workbooks: feedback to one connector, the portfolio, the merged checklist.

All go through the project's workbook writer: cells by ``put_text`` (string cells,
quotePrefix, sanitised, never cut), the same styles and A4 page set-up, a 0600 file
replaced atomically and never over an existing file unless asked (``--force``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from interview.catalog import Catalog, Party, load_catalog
from interview.compile.references import reference_columns
from interview.services.review.actions import find_connector
from interview.services.review.models import Connector, ItemReview, Review, SubmittedRow
from interview.services.review.submissions import archived_data, connector_items
from interview.services.review.verdicts import CHANGED_LABEL, UNREVIEWED_LABEL, Verdict
from interview.session.ids import slugify
from interview.session.models import Session
from interview.workbook.cells import CellPlace, put_text
from interview.workbook.export_target import check_target, resolve_target
from interview.workbook.headers import FORMAT_SHEET
from interview.workbook.layout import set_widths, setup_page
from interview.workbook.model import Cover, DetailRow, GapRow, SheetRow, WorkbookData
from interview.workbook.styles import Look, Styler
from interview.workbook.writer import (
    build_workbook,
    document_stamp,
    replace_file,
    workbook_bytes,
    write_workbook,
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


def _rows_of(rows: dict[str, SubmittedRow], catalog: Catalog) -> list[SheetRow]:
    """The 44 rows of the フォーマット with the connector's texts on its items."""
    mine = set(connector_items(catalog))
    out = []
    for item in catalog.items:
        sources, locations = reference_columns(item.references)
        texts = rows.get(str(item.no)) if item.no in mine else None
        out.append(
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
    return out


def feedback_target(review: Review, connector: Connector, raw: str | os.PathLike[str]) -> Path:
    name = f"{review.id}-{slugify(connector.organisation)}-第{connector.round}回-確認結果.xlsx"
    return resolve_target(raw, name)


def export_feedback(
    review: Review,
    organisation: str,
    output: str | os.PathLike[str],
    overwrite: bool,
    archive_dir: Path,
    catalog: Catalog | None = None,
) -> Path:
    """The connector's workbook as submitted (its archived copy), with the bank's verdicts
    and open requests."""
    catalog = catalog or load_catalog()
    connector = find_connector(review, organisation)
    target = feedback_target(review, connector, output)
    check_target(target, overwrite)
    data = archived_data(connector, archive_dir)
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
        answered = str(number) in connector.hashes
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


def _header(ws: Worksheet, styler: Styler, labels: list[str], widths: Sequence[float]) -> None:
    set_widths(ws, list(widths))
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


# --- portfolio ------------------------------------------------------------------------------

SHORT = {
    Verdict.CONFIRMED.label: "済",
    Verdict.NEEDS_EXPLANATION.label: "説明",
    Verdict.NEEDS_IMPROVEMENT.label: "改善",
    Verdict.NOT_APPLICABLE_CONFIRMED.label: "対象外",
    CHANGED_LABEL: "変更",
    UNREVIEWED_LABEL: "未",
}
ANSWERED_MARK, EMPTY_MARK = "回答", "空欄"
TWO_LINES = 27.0  # points: a portfolio row holds two lines of 10 pt text
TOTAL_LABELS = ("未確認", "確認済み", "要追加説明", "要改善", "対象外を確認", "再提出で変更")
PORTFOLIO_REQUESTS_SHEET = "確認依頼一覧"


def portfolio_cell(connector: Connector, no: int) -> tuple[str, str]:
    """(the cell's text, its verdict label): e.g. ("回答・改善", "要改善")."""
    answered = no in connector.answered
    label = verdict_text(connector.items.get(str(no)))
    return f"{ANSWERED_MARK if answered else EMPTY_MARK}・{SHORT[label]}", label


def export_portfolio(
    review: Review,
    output: str | os.PathLike[str],
    overwrite: bool = False,
    catalog: Catalog | None = None,
) -> Path:
    """One row per connector, one column per 通番, totals, a legend and all open requests."""
    from interview.services.review.status import connector_status

    catalog = catalog or load_catalog()
    target = resolve_target(output, f"{review.id}-一覧.xlsx")
    check_target(target, overwrite)
    items = connector_items(catalog)
    workbook = Workbook()
    styler = Styler()
    ws = workbook.active
    assert ws is not None
    ws.title = PORTFOLIO_SHEET
    fixed = ["接続先", "回", "最終提出", *TOTAL_LABELS]
    _header(
        ws, styler, [*fixed, *(str(no) for no in items)], [28, 4, 11] + [9] * 6 + [7] * len(items)
    )
    ws.row_dimensions[1].height = TWO_LINES
    fills = {label: _fill(label) for label in COLOURS}
    per_item = {no: dict.fromkeys(TOTAL_LABELS, 0) for no in items}
    row = 1
    for row, connector in enumerate(review.connectors, start=2):
        status = connector_status(connector, items)
        counts = [
            status.unreviewed - status.changed,
            status.confirmed,
            status.needs_explanation,
            status.needs_improvement,
            status.not_applicable_confirmed,
            status.changed,
        ]
        _put_row(ws, styler, row, [connector.organisation, "", status.last_submitted])
        ws.row_dimensions[row].height = TWO_LINES  # 「回答・」 over 「改善」 in a narrow column
        ws.cell(row=row, column=2).value = connector.round
        for offset, count in enumerate(counts):
            cell = ws.cell(row=row, column=4 + offset)
            styler.apply(cell, Look("body", "center"))
            cell.value = count
        for offset, no in enumerate(items):
            text, label = portfolio_cell(connector, no)
            cell = ws.cell(row=row, column=len(fixed) + 1 + offset)
            styler.apply(cell, Look("body", "center"))
            put_text(cell, text, CellPlace(ws.title, str(no), str(no)))
            cell.fill = fills[label]
            per_item[no][label] += 1
    for extra, label in enumerate(("要追加説明", "要改善", "未確認"), start=1):
        total_row = row + extra
        cell = ws.cell(row=total_row, column=1)
        styler.apply(cell, Look("label"))
        put_text(cell, f"計（{label}）", CellPlace(ws.title, "計"))
        for offset, no in enumerate(items):
            cell = ws.cell(row=total_row, column=len(fixed) + 1 + offset)
            styler.apply(cell, Look("label", "center"))
            cell.value = per_item[no][label]
    last = get_column_letter(len(fixed) + len(items))
    ws.auto_filter.ref = f"A1:{last}{max(row, 2)}"
    title = f"{review.bank}　接続先チェックリスト確認状況"
    setup_page(ws, landscape=True, title=title, title_rows="1:1", freeze="B2")
    ws.print_title_cols = "A:A"

    requests = workbook.create_sheet(PORTFOLIO_REQUESTS_SHEET)
    labels = [
        "接続先",
        "通番",
        "セキュリティ対応目標",
        "確認結果",
        "金融機関コメント",
        "確認日",
        "回",
    ]
    _header(requests, styler, labels, [26, 6, 30, 12, 48, 12, 5])
    line = 2
    for connector in review.connectors:
        for no, entry in open_requests(connector):
            label = entry.verdict.label if entry.verdict else ""
            _put_row(
                requests,
                styler,
                line,
                [
                    connector.organisation,
                    str(no),
                    catalog.item(no).goal,
                    label,
                    entry.comment,
                    _reviewed(entry),
                    str(entry.round),
                ],
                str(no),
            )
            requests.cell(row=line, column=4).fill = fills.get(label, fills[UNREVIEWED_LABEL])
            line += 1
    if line == 2:
        _put_row(requests, styler, 2, ["確認依頼はありません。"])
    requests.auto_filter.ref = f"A1:G{max(line - 1, 2)}"
    setup_page(requests, landscape=True, title=title, title_rows="1:1", freeze="A2")

    legend = workbook.create_sheet(LEGEND_SHEET)
    _header(legend, styler, ["表示", "意味"], [12, 60])
    entries = [
        (
            f"{ANSWERED_MARK}・…",
            "接続先がこの項目に回答している（現在の対応状況・課題認識・対応計画のいずれかに記入あり）",
        ),
        (f"{EMPTY_MARK}・…", "接続先の回答が空欄"),
        *((f"…・{SHORT[label]}", label) for label in COLOURS),
    ]
    for index, (mark, meaning) in enumerate(entries, start=2):
        _put_row(legend, styler, index, [mark, meaning])
        verdict = meaning if meaning in fills else ""
        if verdict:
            legend.cell(row=index, column=1).fill = fills[verdict]
    setup_page(legend, landscape=False, title=title)
    workbook.active = 0
    workbook.properties.creator = "interview"
    workbook.properties.title = title
    return _write(workbook, target, None, overwrite)


# --- one checklist from both parties --------------------------------------------------------

BANK_MARK = "【金融機関】"
CONNECTOR_MARK = "【API接続先】"


def _both(connector_text: str, bank_text: str) -> str:
    parts = []
    if connector_text.strip():
        parts.append(f"{CONNECTOR_MARK}\n{connector_text}")
    if bank_text.strip():
        parts.append(f"{BANK_MARK}\n{bank_text}")
    return "\n\n".join(parts)


def merged_rows(rows: dict[str, SubmittedRow], bank: Session, catalog: Catalog) -> list[SheetRow]:
    """44 rows: the connector's items from its submission, the bank's (38–42, 44) from the
    bank's session, and on 共通 items both texts, each under its party's mark."""
    from interview.compile.workbook_data import sheet_rows
    from interview.session.tailoring import session_checklist

    bank_catalog, questions = session_checklist(bank)
    bank_rows = {r.no: r for r in sheet_rows(bank, bank_catalog, questions)}
    out = []
    for row in _rows_of(rows, catalog):
        theirs = bank_rows.get(row.no)
        item = catalog.item(int(row.no)) if row.no.isdigit() else None
        if theirs is None or item is None or item.party is Party.API_CONNECTOR:
            out.append(row)
        elif item.party is Party.FINANCIAL_INSTITUTION:
            out.append(
                replace(
                    row,
                    status=theirs.status,
                    issues=theirs.issues,
                    plan=theirs.plan,
                    remarks=theirs.remarks,
                )
            )
        else:
            out.append(
                replace(
                    row,
                    status=_both(row.status, theirs.status),
                    issues=_both(row.issues, theirs.issues),
                    plan=_both(row.plan, theirs.plan),
                    remarks=_both(row.remarks, theirs.remarks),
                )
            )
    return out


def export_merged(
    review: Review,
    organisation: str,
    bank: Session,
    output: str | os.PathLike[str],
    overwrite: bool,
    archive_dir: Path,
    catalog: Catalog | None = None,
) -> Path:
    from interview.errors import UserError

    catalog = catalog or load_catalog()
    if bank.respondent.party is not Party.FINANCIAL_INSTITUTION:
        raise UserError(
            f"セッション「{bank.id}」は{bank.respondent.party.label}のセッションです。"
            "--bank-session には金融機関として回答したセッションを指定してください。"
        )
    connector = find_connector(review, organisation)
    name = f"{review.id}-{slugify(connector.organisation)}-統合.xlsx"
    target = resolve_target(output, name)
    check_target(target, overwrite)
    last = connector.submissions[-1] if connector.submissions else None
    cover = Cover(
        organisation=f"{bank.respondent.organisation}／{connector.organisation}",
        party=f"{Party.FINANCIAL_INSTITUTION.label}・{Party.API_CONNECTOR.label}",
        respondent=bank.respondent.name,
        role=bank.respondent.role,
        counterparts=connector.organisation,
        interviewer=bank.respondent.interviewer,
        date=bank.updated_at.astimezone().strftime("%Y年%m月%d日"),
        edition=f"{catalog.edition.title} {catalog.edition.label}",
        progress=(
            f"API接続先の回答: 第{last.round}回（{last.file}）、金融機関の回答: セッション {bank.id}"
            if last
            else f"金融機関の回答: セッション {bank.id}"
        ),
    )
    submitted = archived_data(connector, archive_dir)
    gaps, details = merged_lists(submitted, bank, catalog)
    data = WorkbookData(
        cover=cover,
        rows=merged_rows(_submitted_rows(submitted, connector), bank, catalog),
        gaps=gaps,
        details=details,
    )
    write_workbook(data, target, overwrite=overwrite)
    return target


def _submitted_rows(data: WorkbookData, connector: Connector) -> dict[str, SubmittedRow]:
    from interview.services.checklist import plain_checklist
    from interview.services.review.submissions import submitted_texts

    checklist = plain_checklist()
    return submitted_texts(data, checklist.catalog, checklist.questions, connector.organisation)


def merged_lists(
    submitted: WorkbookData, bank: Session, catalog: Catalog
) -> tuple[list[GapRow], list[DetailRow]]:
    """課題一覧 and 回答詳細 of both parties, by 通番: the connector's rows (as submitted)
    on its items, the bank's on its own; on 共通 items both, the 設問ID marked with the
    party as in the フォーマット (【API接続先】 / 【金融機関】)."""
    from interview.compile.workbook_data import detail_rows, gap_rows
    from interview.session.tailoring import session_checklist

    bank_catalog, questions = session_checklist(bank)
    parties = {str(item.no): item.party for item in catalog.items}

    def keep(rows, party: Party, mark: str) -> list:
        out = []
        for row in rows:
            owner = parties.get(row.no.strip())
            if owner is Party.COMMON:
                out.append(replace(row, question_id=f"{mark}{row.question_id}"))
            elif owner is party:
                out.append(row)
        return out

    def by_no(row) -> tuple[int, str]:
        no = row.no.strip()
        return (int(no) if no.isdigit() else 10_000, no)

    gaps = keep(submitted.gaps, Party.API_CONNECTOR, CONNECTOR_MARK) + keep(
        gap_rows(bank, bank_catalog, questions), Party.FINANCIAL_INSTITUTION, BANK_MARK
    )
    details = keep(submitted.details, Party.API_CONNECTOR, CONNECTOR_MARK) + keep(
        detail_rows(bank, bank_catalog, questions), Party.FINANCIAL_INSTITUTION, BANK_MARK
    )
    return sorted(gaps, key=by_no), sorted(details, key=by_no)
