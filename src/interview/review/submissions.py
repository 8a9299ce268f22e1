"""Adding a connector's workbook to a review: organisation, hash, date, round, diff.

The workbook is read with the same reader and import rules as ``interview import``
(never modified); its report lines are handed back for the command to print.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from interview.catalog import Catalog, Party
from interview.compile.import_workbook import session_from_workbook
from interview.errors import UserError
from interview.review.models import Connector, ItemReview, Review, Submission, SubmittedRow
from interview.session.tailoring import profile_checklist
from interview.textsafe import printable
from interview.workbook.reader import read_workbook_report

TEXT_FIELDS = ("status", "issues", "plan", "remarks")


class SubmissionError(UserError):
    """A workbook that cannot be added to the review."""


@dataclass
class Added:
    organisation: str
    round: int
    items: int  # items with text in this submission
    changed: list[int] = field(default_factory=list)
    kept: int = 0  # verdicts carried over
    notes: list[str] = field(default_factory=list)


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
    except FileNotFoundError:
        raise SubmissionError(f"ファイルが見つかりません: {path}") from None
    except IsADirectoryError:
        raise SubmissionError(
            f"フォルダです。Excel ブック（.xlsx）を指定してください: {path}"
        ) from None
    except OSError as exc:
        raise SubmissionError(f"{path} を読めません（{exc.strerror or exc}）。") from None
    return digest.hexdigest()


def connector_items(catalog: Catalog) -> list[int]:
    """The items an API接続先 answers (its own and the 共通 items)."""
    return [item.no for item in catalog.items_for(Party.API_CONNECTOR)]


def _check_edition(text: str, catalog: Catalog, path: Path) -> None:
    edition = catalog.edition
    written = "".join(text.split())
    if written and "版" in written and "".join(edition.edition.split()) not in written:
        raise SubmissionError(
            f"{path.name} は別の版のチェックリスト（{printable(text)}）で作られています。"
            f"このレビューは {edition.label} の版で行います。"
            "接続先に現行の版で回答し直してもらってください。"
        )


def add_submission(review: Review, path: Path, organisation: str = "") -> Added:
    """Add *path* to *review* (in memory): a new connector, or its next round."""
    path = Path(path)
    digest = file_hash(path)
    for connector in review.connectors:
        for sub in connector.submissions:
            if sub.sha256 == digest:
                raise SubmissionError(
                    f"{path.name} は既に追加されています（{connector.organisation} の"
                    f"第{sub.round}回、{sub.file}、同じ内容のファイル）。"
                )
    catalog, questions = profile_checklist("")
    result = read_workbook_report(path)
    data = result.data
    cover = data.cover
    if cover is not None:
        _check_edition(cover.edition, catalog, path)
        if cover.party and "金融機関" in cover.party:
            raise SubmissionError(
                f"{path.name} は金融機関の回答です（表紙の「回答者の立場」）。"
                "レビューに追加できるのは API接続先 のブックです。"
            )
    org = organisation.strip() or (cover.organisation.strip() if cover is not None else "")
    if not org:
        raise SubmissionError(
            f"{path.name} の組織名が分かりません（表紙がないか、組織名が空です）。"
            "--org で接続先の組織名を指定してください。"
        )
    notes: list[str] = []
    session = session_from_workbook(
        data, "review-import", catalog, questions, Party.API_CONNECTOR, org, notes, path.name
    )
    rows = {
        no: SubmittedRow(**{f: getattr(texts, f).text for f in TEXT_FIELDS})
        for no, texts in session.texts.items()
    }
    connector = review.connector(org)
    if connector is None:
        connector = Connector(organisation=org)
        review.connectors.append(connector)
    round_no = connector.round + 1
    added = Added(organisation=connector.organisation, round=round_no, items=len(rows))
    if connector.submissions:
        for no in connector_items(catalog):
            key = str(no)
            old = connector.rows.get(key, SubmittedRow())
            new = rows.get(key, SubmittedRow())
            if old == new:
                if key in connector.items and connector.items[key].verdict is not None:
                    added.kept += 1
                continue
            added.changed.append(no)
            previous = connector.items.get(key)
            connector.items[key] = ItemReview(
                round=round_no,
                changed=True,
                previous=(previous.verdict or previous.previous) if previous else None,
                comment=previous.comment if previous else "",
            )
    connector.rows = rows
    connector.submissions.append(
        Submission(
            round=round_no,
            file=path.name,
            path=str(path.resolve()),
            sha256=digest,
            date=cover.date if cover is not None else "",
            changed=added.changed,
        )
    )
    added.notes = [*result.report.lines(), *notes]
    return added
