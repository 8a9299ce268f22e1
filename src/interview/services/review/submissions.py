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
from interview.questions.bank import QuestionSet
from interview.services.review.item_digest import write_digest
from interview.services.review.models import Connector, ItemReview, Review, Submission, SubmittedRow
from interview.session.atomic import atomic_write, ensure_dir
from interview.textsafe import printable
from interview.workbook.model import WorkbookData
from interview.workbook.reader import read_workbook, read_workbook_report

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


# An item's four texts are recorded by the first 16 hex digits of their SHA-256: enough to
# tell one round from the next, and a quarter of the review file for 200 connectors (which
# is read on every status and written on every verdict). Files with full digests still compare.
ITEM_HASH_CHARS = 16


def texts_hash(row: SubmittedRow) -> str:
    joined = "\x1f".join(getattr(row, f) for f in TEXT_FIELDS)
    digest = hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:ITEM_HASH_CHARS]


def _same_texts(recorded: str | None, new: str | None) -> bool:
    if recorded is None or new is None:
        return recorded is new
    return recorded[:ITEM_HASH_CHARS] == new[:ITEM_HASH_CHARS]


def submitted_texts(
    data: WorkbookData,
    catalog: Catalog,
    questions: QuestionSet,
    organisation: str,
    notes: list[str] | None = None,
    source: str = "",
) -> dict[str, SubmittedRow]:
    """通番 → the connector's texts, by the rules of ``interview import``."""
    session = session_from_workbook(
        data, "review-import", catalog, questions, Party.API_CONNECTOR, organisation, notes, source
    )
    return {
        no: SubmittedRow(**{f: getattr(texts, f).text for f in TEXT_FIELDS})
        for no, texts in session.texts.items()
    }


def archived_rows(connector: Connector, archive_dir: Path) -> dict[str, SubmittedRow]:
    """The texts of the connector's latest round, read from the archived copy."""
    catalog, questions = _checklist()
    data = archived_data(connector, archive_dir)
    return submitted_texts(data, catalog, questions, connector.organisation)


def archived_data(connector: Connector, archive_dir: Path) -> WorkbookData:
    last = connector.submissions[-1] if connector.submissions else None
    if last is None:
        raise SubmissionError(f"{connector.organisation} のブックはまだ追加されていません。")
    path = archive_dir / last.archive
    if not last.archive or not path.is_file():
        raise SubmissionError(
            f"{connector.organisation} の第{last.round}回のブックの控え（{path}）がありません。"
            f"元のファイル（{last.file}）を interview review add で追加し直してください。"
        )
    return read_workbook(path)


def add_submission(
    review: Review, path: Path, organisation: str = "", archive_dir: Path | None = None
) -> Added:
    """Add *path* to *review* (in memory): a new connector, or its next round. A private
    copy of the file goes to *archive_dir* (the file itself is never touched)."""
    path = Path(path)
    digest = file_hash(path)
    for connector in review.connectors:
        for sub in connector.submissions:
            if sub.sha256 == digest:
                raise SubmissionError(
                    f"{path.name} は既に追加されています（{connector.organisation} の"
                    f"第{sub.round}回、{sub.file}、同じ内容のファイル）。"
                )
    catalog, questions = _checklist()
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
    rows = submitted_texts(data, catalog, questions, org, notes, path.name)
    hashes = {no: texts_hash(row) for no, row in rows.items()}
    found = review.connector(org)
    if found is None:
        found = Connector(organisation=org)
        review.connectors.append(found)
    connector = found
    round_no = connector.round + 1
    added = Added(organisation=connector.organisation, round=round_no, items=len(rows))
    if connector.submissions:
        connector.position = None  # a new round: the walk opens at its first unreviewed item
        for no in connector_items(catalog):
            key = str(no)
            if _same_texts(connector.hashes.get(key), hashes.get(key)):
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
    archive = ""
    if archive_dir is not None:
        archive = f"{digest}.xlsx"
        ensure_dir(archive_dir)
        atomic_write(archive_dir / archive, path.read_bytes(), keep_backup=False)
        write_digest(archive_dir / archive, digest, rows, data.details)
    connector.hashes = hashes
    connector.answered = sorted(
        int(no)
        for no, row in rows.items()
        if no.isdigit() and any(getattr(row, f).strip() for f in TEXT_FIELDS)
    )
    connector.submissions.append(
        Submission(
            round=round_no,
            file=path.name,
            archive=archive,
            sha256=digest,
            date=cover.date if cover is not None else "",
            changed=added.changed,
        )
    )
    added.notes = [*result.report.lines(), *notes]
    return added


def _checklist():
    """The shipped catalog and questions (built once per process)."""
    from interview.services.checklist import plain_checklist

    checklist = plain_checklist()
    return checklist.catalog, checklist.questions
