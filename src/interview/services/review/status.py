"""Counts per connector (``review status``), as a pydantic model for the JSON edge."""

from __future__ import annotations

from pydantic import BaseModel

from interview.catalog import Catalog
from interview.services.review.models import Connector, Review
from interview.services.review.submissions import connector_items
from interview.services.review.verdicts import Verdict


class ConnectorStatus(BaseModel):
    organisation: str
    round: int
    items_total: int
    unreviewed: int
    confirmed: int
    needs_explanation: int
    needs_improvement: int
    not_applicable_confirmed: int
    changed: int  # 再提出で変更 and not yet reviewed again
    open_requests: int  # 要追加説明 + 要改善
    last_submitted: str  # date the latest workbook was added (YYYY-MM-DD)
    verdicts: dict[str, int]  # the same counts under the Japanese labels (未確認 included)


class ReviewStatus(BaseModel):
    review: str
    bank: str
    connectors: list[ConnectorStatus]


def connector_status(connector: Connector, items: list[int]) -> ConnectorStatus:
    counts = dict.fromkeys(Verdict, 0)
    changed = 0
    for no in items:
        entry = connector.items.get(str(no))
        if entry is None:
            continue
        if entry.verdict is not None:
            counts[entry.verdict] += 1
        elif entry.changed:
            changed += 1
    unreviewed = len(items) - sum(counts.values())
    last = connector.submissions[-1].added_at.astimezone() if connector.submissions else None
    return ConnectorStatus(
        organisation=connector.organisation,
        round=connector.round,
        items_total=len(items),
        unreviewed=unreviewed,
        confirmed=counts[Verdict.CONFIRMED],
        needs_explanation=counts[Verdict.NEEDS_EXPLANATION],
        needs_improvement=counts[Verdict.NEEDS_IMPROVEMENT],
        not_applicable_confirmed=counts[Verdict.NOT_APPLICABLE_CONFIRMED],
        changed=changed,
        open_requests=sum(counts[v] for v in Verdict if v.is_request),
        last_submitted=last.strftime("%Y-%m-%d") if last else "",
        verdicts={"未確認": unreviewed, **{v.label: counts[v] for v in Verdict}},
    )


def review_status(review: Review, catalog: Catalog) -> ReviewStatus:
    items = connector_items(catalog)
    return ReviewStatus(
        review=review.id,
        bank=review.bank,
        connectors=[connector_status(c, items) for c in review.connectors],
    )
