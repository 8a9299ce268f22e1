"""Use cases of the bank's review, called by the CLI (and the app): no printing here."""

from __future__ import annotations

from interview.catalog import Catalog
from interview.engine.answers import now
from interview.errors import UserError
from interview.services.review.models import Connector, ItemReview, Review
from interview.services.review.submissions import connector_items
from interview.services.review.verdicts import Verdict
from interview.textsafe import printable

MAX_COMMENT_CHARS = 10_000


def find_connector(review: Review, organisation: str) -> Connector:
    connector = review.connector(organisation)
    if connector is None:
        # A unique part of the name is enough (「サンプルペイ」 for 株式会社サンプルペイ).
        key = "".join(organisation.split()).casefold()
        matches = [
            c
            for c in review.connectors
            if key and key in "".join(c.organisation.split()).casefold()
        ]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            names = "、".join(c.organisation for c in matches)
            raise UserError(
                f"「{printable(organisation)}」に当てはまる接続先が複数あります（{names}）。"
                "組織名を正確に指定してください。"
            )
        known = "、".join(c.organisation for c in review.connectors) or "まだありません"
        raise UserError(
            f"接続先「{printable(organisation)}」はこのレビューにありません（接続先: {known}）。"
        )
    return connector


def parse_item(text: str, catalog: Catalog) -> int:
    cleaned = "".join(str(text).split()).removeprefix("通番")
    if cleaned.isascii() and cleaned.isdigit():
        no = int(cleaned)
        if any(item.no == no for item in catalog.items):
            return no
    raise UserError(
        f"通番「{printable(str(text))}」はチェックリストにありません"
        f"（1〜{len(catalog.items)} を指定してください）。"
    )


def set_verdict(
    review: Review,
    catalog: Catalog,
    organisation: str,
    item: int,
    verdict: Verdict,
    comment: str | None = None,
) -> ItemReview:
    """Record the bank's verdict on one item (a comment of None keeps the old one)."""
    connector = find_connector(review, organisation)
    if item not in connector_items(catalog):
        target = catalog.item(item)
        raise UserError(
            f"通番{item}（{target.goal[:30]}…）は対象者が{target.party.label}の項目で、"
            f"API接続先の{connector.organisation}は回答しません。確認結果は付けられません。"
        )
    if comment is not None and len(comment) > MAX_COMMENT_CHARS:
        raise UserError(
            f"コメントが長すぎます（{len(comment):,}文字、上限 {MAX_COMMENT_CHARS:,}文字）。"
        )
    key = str(item)
    old = connector.items.get(key)
    entry = ItemReview(
        verdict=verdict,
        comment=(old.comment if old else "") if comment is None else comment,
        round=connector.round,
        reviewed_at=now(),
        changed=False,
        previous=None,
    )
    connector.items[key] = entry
    connector.position = item
    return entry
