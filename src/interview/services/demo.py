"""The demo sessions, complete and fictional: an API接続先 (株式会社サンプルペイ, all 38 items)
and a bank (さくら銀行（架空）, its 14 items), so either side's workbook can be seen compiled."""

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
BANK_DEMO_ID = "demo-sakura-bank"
_ANSWERS = Path(__file__).with_name("demo_answers.toml")
_BANK_ANSWERS = Path(__file__).with_name("demo_bank_answers.toml")


def demo_id(party: Party = Party.API_CONNECTOR) -> str:
    return BANK_DEMO_ID if party is Party.FINANCIAL_INSTITUTION else DEMO_ID


_START = datetime(2026, 4, 6, 1, 0, tzinfo=UTC)


def build_demo_session(
    catalog: Catalog | None = None,
    questions: QuestionSet | None = None,
    party: Party = Party.API_CONNECTOR,
) -> Session:
    """The demo session of *party*, the same every time (timestamps included)."""
    if catalog is None or questions is None:
        plain = plain_checklist()
        catalog, questions = plain.catalog, plain.questions
    questions = questions.for_party(party)
    bank = party is Party.FINANCIAL_INSTITUTION
    source = _BANK_ANSWERS if bank else _ANSWERS
    raw = tomllib.loads(source.read_text(encoding="utf-8"))["answers"]
    items = catalog.items_for(party)
    answers: dict[str, Answer] = {}
    stamp = _START
    for item in items:
        for question in questions.for_item(item.no):
            stamp += timedelta(minutes=2)
            answers[question.id] = Answer.model_validate({**raw[question.id], "updated_at": stamp})
    certifications = (
        []
        if bank
        else [
            Certification(
                name="ISMS（JIS Q 27001等）",
                scope="「サンプルペイ」サービスの企画・開発・運用及びカスタマーサポート",
                date="2024-04",
                issuer="デモ認証機構（架空）",
                number="IS 000000（架空）",
                expires="2027年4月",
                statement="附属書Aの全管理策",
            )
        ]
    )
    texts = {}
    for n, item in enumerate(items):
        draft = compile_item(item, questions, answers, certifications=certifications)
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
    respondent = (
        Respondent(
            organisation="さくら銀行（架空・デモ）",
            party=Party.FINANCIAL_INSTITUTION,
            role="デジタル推進部長",
            counterparts=["株式会社サンプルペイ（デモ）"],
        )
        if bank
        else Respondent(
            organisation="株式会社サンプルペイ（デモ）",
            party=Party.API_CONNECTOR,
            role="情報システム部長",
            counterparts=["さくら銀行（架空）", "みどり信用金庫（架空）"],
        )
    )
    return Session(
        id=demo_id(party),
        catalog_edition=catalog.edition.id,
        respondent=respondent,
        created_at=_START,
        updated_at=stamp,
        certifications=certifications,
        answers=answers,
        texts=texts,
        follow_ups={}
        if bank
        else {
            "11.1.2": "統制対象クラウド拠点の所在地をAWSの資料で確認する",
            "20": "EDRの導入時期を確認",
        },
        position=Position(item=last.no, question=f"{last.no}.remarks"),
    )


def write_demo(path: Path, party: Party = Party.API_CONNECTOR) -> Path:
    """Write the demo session to *path* (atomically); refuse to overwrite another file."""
    wanted = demo_id(party)
    if path.is_dir():
        path = path / f"{wanted}.toml"
    if path.exists():
        try:
            existing = load_bytes(path.read_bytes(), path)
        except (SessionError, OSError):
            existing = None
        if existing is None or existing.id not in (DEMO_ID, BANK_DEMO_ID):
            raise SessionError(
                f"{path} は既にあり、デモではないため上書きしません。別の出力先を指定してください。"
            )
    ensure_dir(path.parent)
    session = build_demo_session(party=party)
    atomic_write(path, dump_bytes(session), check=lambda raw: load_bytes(raw, path))
    return path


def ensure_demo(store: SessionStore) -> str:
    """Put a fresh copy of the demo session in *store* and return its id."""
    checklist = plain_checklist()
    store.save(build_demo_session(checklist.catalog, checklist.questions))
    return DEMO_ID
