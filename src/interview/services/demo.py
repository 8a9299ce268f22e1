"""The demo session: a complete, fictional API接続先 (株式会社サンプルペイ), all 38 items answered."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from interview.catalog import Catalog, Party
from interview.compile.item_text import TEXT_FIELDS, compile_item
from interview.engine.answers import Answer
from interview.questions.bank import QuestionSet
from interview.services.checklist import plain_checklist
from interview.session.atomic import atomic_write, ensure_dir
from interview.session.errors import SessionError
from interview.session.models import (
    Certification,
    ItemText,
    ItemTexts,
    Position,
    Respondent,
    Session,
    TextState,
)
from interview.session.store import SessionStore
from interview.session.toml_format import dump_bytes, load_bytes

DEMO_ID = "demo-sample-pay"
_ANSWERS = Path(__file__).with_name("demo_answers.toml")
_START = datetime(2026, 4, 6, 1, 0, tzinfo=UTC)


def build_demo_session(
    catalog: Catalog | None = None, questions: QuestionSet | None = None
) -> Session:
    """The demo session, the same every time (timestamps included)."""
    if catalog is None or questions is None:
        plain = plain_checklist()
        catalog, questions = plain.catalog, plain.questions
    raw = tomllib.loads(_ANSWERS.read_text(encoding="utf-8"))["answers"]
    items = catalog.items_for(Party.API_CONNECTOR)
    answers: dict[str, Answer] = {}
    stamp = _START
    for item in items:
        for question in questions.for_item(item.no):
            stamp += timedelta(minutes=2)
            answers[question.id] = Answer.model_validate({**raw[question.id], "updated_at": stamp})
    texts = {}
    for n, item in enumerate(items):
        draft = compile_item(item, questions, answers)
        # Most items were reviewed and confirmed; a few are still drafts, as in real life.
        state: TextState = "draft" if n % 9 == 4 else "confirmed"
        texts[str(item.no)] = ItemTexts(
            **{
                f: ItemText(
                    draft=draft.field(f),
                    text="" if state == "draft" else draft.field(f),
                    state=state,
                )
                for f in TEXT_FIELDS
            }
        )
    last = items[-1]
    return Session(
        id=DEMO_ID,
        catalog_edition=catalog.edition.id,
        respondent=Respondent(
            organisation="株式会社サンプルペイ（デモ）",
            party=Party.API_CONNECTOR,
            role="情報システム部長",
            counterparts=["さくら銀行（架空）", "みどり信用金庫（架空）"],
        ),
        created_at=_START,
        updated_at=stamp,
        certifications=[
            Certification(
                name="ISMS（JIS Q 27001等）",
                scope="家計簿・決済サービスの開発・運用",
                date="2024-04",
            )
        ],
        answers=answers,
        texts=texts,
        follow_ups={
            "11.1.2": "統制対象クラウド拠点の所在地をAWSの資料で確認する",
            "20": "EDRの導入時期を確認",
        },
        position=Position(item=last.no, question=f"{last.no}.remarks"),
    )


def write_demo(path: Path) -> Path:
    """Write the demo session to *path* (atomically); refuse to overwrite another file."""
    if path.is_dir():
        path = path / f"{DEMO_ID}.toml"
    if path.exists():
        try:
            existing = load_bytes(path.read_bytes(), path)
        except (SessionError, OSError):
            existing = None
        if existing is None or existing.id != DEMO_ID:
            raise SessionError(
                f"{path} は既にあり、デモではないため上書きしません。別の出力先を指定してください。"
            )
    ensure_dir(path.parent)
    atomic_write(path, dump_bytes(build_demo_session()), check=lambda raw: load_bytes(raw, path))
    return path


def ensure_demo(store: SessionStore) -> str:
    """Put a fresh copy of the demo session in *store* and return its id."""
    checklist = plain_checklist()
    store.save(build_demo_session(checklist.catalog, checklist.questions))
    return DEMO_ID
