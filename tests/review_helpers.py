"""Shared steps of the bank's review tests (test_review_*.py).

The fixtures ``review_books`` and ``reviewer`` in conftest.py are built from these.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from interview.cli.main import main
from interview.compile.export import export_session
from interview.services.demo import build_demo_session
from interview.services.review.models import Review
from interview.services.review.store import ReviewStore
from interview.session.models import ItemText, ItemTexts, Session

ORG = "株式会社サンプルペイ（デモ）"  # the demo connector
BETA = "株式会社ベータ"
REVIEW_ID = "rv"
BANK = "テスト銀行"


def as_organisation(session: Session, organisation: str) -> Session:
    """A copy of *session* answered by another organisation (same texts)."""
    other = session.model_copy(deep=True)
    other.respondent = other.respondent.model_copy(update={"organisation": organisation})
    return other


def with_status(session: Session, no: str, text: str) -> Session:
    """A copy of *session* whose item *no* has ⑤ edited to *text* (as a person would)."""
    from interview.compile.readiness import item_draft
    from interview.services.checklist import plain_checklist

    changed = session.model_copy(deep=True)
    checklist = plain_checklist()
    item = checklist.catalog.item(int(no))
    draft = item_draft(changed, item, checklist.questions).field("status")
    texts = changed.texts.get(no) or ItemTexts()
    changed.texts[no] = texts.model_copy(
        update={"status": ItemText(draft=draft, text=text, state="edited")}
    )
    return changed


def connector_books(folder: Path) -> dict[str, Path]:
    """The demo connector's round 1, its round 2 with item 3 changed, and 株式会社ベータ's."""
    session = build_demo_session()
    round2 = with_status(session, "3", "TLS1.3で暗号化し、鍵はHSMで管理している。")
    return {
        "r1": export_session(session, folder / "round1.xlsx"),
        "r2": export_session(round2, folder / "round2.xlsx"),
        "beta": export_session(as_organisation(session, BETA), folder / "beta.xlsx"),
    }


@dataclass
class Reviewer:
    """A bank reviewer at the command line, on sessions folder ``tmp/s``."""

    tmp: Path
    capsys: pytest.CaptureFixture[str]

    @property
    def sessions(self) -> Path:
        return self.tmp / "s"

    def run(self, *argv: str) -> tuple[int, str, str]:
        """``interview --sessions-dir tmp/s ARGV…``: exit code, stdout, stderr."""
        code = main(["--sessions-dir", str(self.sessions), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def new_review(self, review_id: str = REVIEW_ID, bank: str = BANK) -> str:
        code, out, err = self.run("review", "new", "--bank", bank, "--id", review_id)
        assert code == 0 and review_id in out, err
        return review_id

    def add(self, *books: Path, review_id: str = REVIEW_ID) -> tuple[int, str, str]:
        return self.run("review", "add", review_id, *(str(b) for b in books))

    def verdict(
        self,
        org: str,
        item: str,
        result: str,
        comment: str | None = None,
        review_id: str = REVIEW_ID,
    ) -> tuple[int, str, str]:
        argv = ["review", "verdict", review_id, "--org", org, "--item", item, "--result", result]
        if comment is not None:
            argv += ["--comment", comment]
        return self.run(*argv)

    def export(self, *argv: str, review_id: str = REVIEW_ID) -> tuple[int, str, str]:
        """``interview review export REVIEW ARGV…`` (--feedback ORG / --portfolio / …)."""
        return self.run("review", "export", review_id, *argv)

    def load(self, review_id: str = REVIEW_ID) -> Review:
        return ReviewStore(self.sessions).load(review_id)
