"""An open review for the app: locked while open, saved after every verdict, resumable.

No UI here: the review walk screens call these methods.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from interview.catalog import Catalog, Item, load_catalog
from interview.services.review.actions import set_verdict
from interview.services.review.item_digest import read_digest, write_digest
from interview.services.review.models import Connector, ItemReview, Review, SubmittedRow
from interview.services.review.status import ConnectorStatus, connector_status
from interview.services.review.store import ReviewError, ReviewStore
from interview.services.review.submissions import (
    SubmissionError,
    archived_data,
    connector_items,
    submitted_texts,
)
from interview.services.review.verdicts import Verdict
from interview.session.lock import LockBusyError, SessionLock, UnsafeLockError
from interview.workbook.model import DetailRow


@dataclass(frozen=True)
class ItemView:
    """What the walk shows for one item of one connector."""

    item: Item
    texts: SubmittedRow
    review: ItemReview | None
    details: list[DetailRow]  # the item's rows of 回答詳細, when the workbook has them
    previous: SubmittedRow | None  # the texts of the round before (None in round 1)


class OpenReview:
    def __init__(self, store: ReviewStore, reference: str, catalog: Catalog | None = None) -> None:
        self.store = store
        self.path = store.resolve(reference)
        self.catalog = catalog or load_catalog()
        self._lock = SessionLock(self.path)
        try:
            self._lock.acquire()
        except (LockBusyError, UnsafeLockError) as exc:
            raise ReviewError(
                f"レビュー {self.path.name} は別のアプリで使用中です（{exc}）。"
            ) from None
        try:
            self.review: Review = store.load(reference)
        except BaseException:
            self._lock.release()
            raise
        self.items = connector_items(self.catalog)
        self._cache: dict[tuple[str, int], tuple[list[DetailRow], dict[str, SubmittedRow]]] = {}
        self._moved = False  # a place (position) not saved yet
        self._guard = threading.Lock()
        self._reading: dict[tuple[str, int], threading.Lock] = {}

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._lock.release()

    def statuses(self) -> list[ConnectorStatus]:
        return [connector_status(c, self.items) for c in self.review.connectors]

    def connector(self, index: int) -> Connector:
        return self.review.connectors[index]

    def _read(
        self, connector: Connector, back: int = 1
    ) -> tuple[list[DetailRow], dict[str, SubmittedRow]]:
        """The 回答詳細 rows and texts of the latest round (*back* = 1) or an earlier one:
        from the digest ``review add`` wrote beside the archived workbook, else the workbook."""
        key = (connector.organisation, back)
        if key in self._cache:
            return self._cache[key]
        # One reader per workbook: a read ahead (the app's thread) and the screen asking for
        # the same connector wait for each other instead of both reading it.
        with self._guard:
            reading = self._reading.setdefault(key, threading.Lock())
        with reading:
            if key in self._cache:
                return self._cache[key]
            earlier = connector
            if back != 1:
                earlier = connector.model_copy(
                    update={"submissions": connector.submissions[: -back + 1]}
                )
            archive_dir = self.store.archive_dir(self.review)
            last = earlier.submissions[-1] if earlier.submissions else None
            digest = (
                read_digest(archive_dir / last.archive, last.sha256)
                if last is not None and last.archive
                else None
            )
            if digest is not None:
                rows, details = digest
            else:
                catalog, questions = _checklist()
                data = archived_data(earlier, archive_dir)
                rows = submitted_texts(data, catalog, questions, connector.organisation)
                details = data.details
                assert last is not None  # archived_data raised otherwise
                write_digest(archive_dir / last.archive, last.sha256, rows, details)
            self._cache[key] = (details, rows)
            return self._cache[key]

    def rows(self, connector: Connector) -> dict[str, SubmittedRow]:
        """The connector's texts (read once from its archived workbook)."""
        return self._read(connector)[1]

    def previous_rows(self, connector: Connector) -> dict[str, SubmittedRow] | None:
        if len(connector.submissions) < 2:
            return None
        try:
            return self._read(connector, 2)[1]
        except SubmissionError:
            return None

    def start_index(self, connector: Connector) -> int:
        """Where to resume: the item after the last verdict, else the first unreviewed."""
        if connector.position in self.items:
            return self.items.index(connector.position)
        for index, no in enumerate(self.items):
            entry = connector.items.get(str(no))
            if entry is None or entry.verdict is None:
                return index
        return 0

    def next_unreviewed(self, connector: Connector, index: int) -> int | None:
        """The next item after *index* without a verdict (changed ones too), wrapping round."""
        count = len(self.items)
        for step in range(1, count + 1):
            at = (index + step) % count
            entry = connector.items.get(str(self.items[at]))
            if entry is None or entry.verdict is None:
                return at
        return None

    def view(self, connector: Connector, index: int, previous_round: bool = True) -> ItemView:
        """One item of *connector*; the round before is read only if *previous_round*."""
        no = self.items[index]
        details, rows = self._read(connector)
        previous = self.previous_rows(connector) if previous_round else None
        return ItemView(
            item=self.catalog.item(no),
            texts=rows.get(str(no), SubmittedRow()),
            review=connector.items.get(str(no)),
            details=[d for d in details if d.no.strip() == str(no)],
            previous=previous.get(str(no), SubmittedRow()) if previous is not None else None,
        )

    def give(
        self, connector: Connector, index: int, verdict: Verdict, comment: str | None = None
    ) -> ItemReview:
        """Record a verdict and save at once (autosave)."""
        entry = set_verdict(
            self.review, self.catalog, connector.organisation, self.items[index], verdict, comment
        )
        self.store.save(self.review, self.path)
        self._moved = False
        return entry

    def comment(self, connector: Connector, index: int, text: str) -> None:
        """Change the comment only (the item keeps its verdict, or stays 未確認)."""
        key = str(self.items[index])
        entry = connector.items.get(key) or ItemReview(round=connector.round)
        connector.items[key] = entry.model_copy(update={"comment": text})
        connector.position = self.items[index]
        self.store.save(self.review, self.path)
        self._moved = False

    def remember(self, connector: Connector, index: int) -> None:
        """The item the reviewer is on: kept in memory, saved with the next verdict or
        comment, or by ``flush`` (leaving the connector, closing the review) — moving
        through 200 connectors' items never waits for a save."""
        if connector.position != self.items[index]:
            connector.position = self.items[index]
            self._moved = True

    def flush(self) -> None:
        """Save the place left unsaved by ``remember``."""
        if self._moved:
            self.store.save(self.review, self.path)
            self._moved = False


def open_review(sessions_dir: Path, reference: str) -> OpenReview:
    return OpenReview(ReviewStore(sessions_dir), reference)


def _checklist():
    """The shipped catalog and questions (built once per process)."""
    from interview.services.checklist import plain_checklist

    checklist = plain_checklist()
    return checklist.catalog, checklist.questions
