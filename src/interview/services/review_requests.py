"""Use case: take a bank's requests (a feedback workbook of ``interview review export``)
into an existing session, leaving its answers untouched."""

from __future__ import annotations

from pathlib import Path

from interview.errors import UserError
from interview.session.models import ReviewRequest
from interview.session.store import SessionStore


def import_requests(
    store: SessionStore, workbook: Path, session_id: str
) -> dict[str, ReviewRequest]:
    from interview.services.review.feedback_read import read_requests
    from interview.session.ids import validate_id
    from interview.workbook.reader import read_workbook_report

    read_workbook_report(workbook)  # the same checks as any import (broken, too large…)
    requests = read_requests(workbook)
    if not requests:
        raise UserError(
            f"{workbook} には金融機関からの確認依頼（「確認依頼」シート）がありません。"
        )
    with store.open(validate_id(session_id)) as handle:
        handle.session.review_requests = requests
        handle.save()
    return requests
