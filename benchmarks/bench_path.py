"""Questions asked to complete a checklist on the guided path (issue: a shorter interview).

Each firm's answers are replayed through the live session (the same calls the app
makes, drafts refreshed after each answer), one count per screen the respondent answers:

- a method group whose statuses are uniform (all 実施済み / all 該当なし) is answered at
  its group screen with one shared detail;
- a mixed group is answered at its group screen by one reply naming the examples that
  differ (「②は一部実施、ほかは実施済み」, read by the app's reader), then each example
  that needs its own answer (一部・未実施・不明・代替策, and 該当なし beside 実施済み) is
  one more question;
- closing questions only where they matter (課題＋計画 only for an item with a gap).

The second line per firm is the same firm when the respondent takes every mixed group
one example at a time (answers 2 「1件ずつ」 at its screen). The baseline is the
one-question-at-a-time interview of the same firm (every question of its items: 330 for
an API接続先).
"""

from __future__ import annotations

from benchmarks.common import Figure
from interview.catalog import Catalog, Party, load_catalog
from interview.compile.workbook_data import build_workbook_data
from interview.engine.answers import Answer, Status
from interview.engine.replay import Mode, replay
from interview.questions.bank import QuestionSet, load_questions
from interview.services.demo import build_demo_session
from interview.services.live import LiveSession
from interview.session.models import Respondent, Session


def _session(catalog: Catalog, **fields: object) -> Session:
    return Session(
        id="bench",
        catalog_edition=catalog.edition.id,
        respondent=Respondent(organisation="ベンチ株式会社", party=Party.API_CONNECTOR),
        **fields,  # type: ignore[arg-type]
    )


def _replayed(
    catalog: Catalog,
    questions: QuestionSet,
    target: dict[str, Answer],
    mode: Mode,
    suggestions: dict[str, Answer] | None = None,
) -> tuple[int, Session]:
    """Replayed through the live session the app drives (saving to nowhere)."""
    session = _session(catalog, suggestions=suggestions or {})
    live = LiveSession(session, lambda _session: None, catalog, questions)
    result = replay(live, target, mode)
    assert live.interview.finished and live.interview.step_progress().complete
    return result.asked, session


def _asked(
    catalog: Catalog,
    questions: QuestionSet,
    target: dict[str, Answer],
    mode: Mode,
    suggestions: dict[str, Answer] | None = None,
) -> int:
    return _replayed(catalog, questions, target, mode, suggestions)[0]


def cells_differing(
    catalog: Catalog, questions: QuestionSet, a: dict[str, Answer], b: dict[str, Answer]
) -> int:
    """Cells of the フォーマット sheet (現在の対応状況・課題認識・対応計画・備考) that differ."""
    book_a = build_workbook_data(_session(catalog, answers=a), catalog, questions)
    book_b = build_workbook_data(_session(catalog, answers=b), catalog, questions)
    fields = ("status", "issues", "plan", "remarks")
    return sum(
        getattr(x, f) != getattr(y, f)
        for x, y in zip(book_a.rows, book_b.rows, strict=True)
        for f in fields
    )


def everything_in_place(catalog: Catalog) -> dict[str, Answer]:
    return {
        e.id: Answer(status=Status.DONE, detail="規程に定め、年1回見直している")
        for item in catalog.items_for(Party.API_CONNECTOR)
        for e in item.examples
    }


def almost_nothing(catalog: Catalog) -> dict[str, Answer]:
    """Only each item's first 手法例 in place; everything else 未実施."""
    out = {}
    for item in catalog.items_for(Party.API_CONNECTOR):
        for n, e in enumerate(item.examples):
            status = Status.DONE if n == 0 else Status.NOT_DONE
            out[e.id] = Answer(status=status, detail="" if n else "一部の規程のみ")
    for item in catalog.items_for(Party.API_CONNECTOR):
        out[f"{item.no}.issues"] = Answer(detail="体制が整っていない")
        out[f"{item.no}.plan"] = Answer(detail="来年度に整備", due="2027年3月", owner="管理本部")
    return out


def run() -> list[Figure]:
    catalog = load_catalog()
    questions = load_questions(catalog)
    demo = build_demo_session(catalog, questions).answers
    before = sum(len(questions.for_item(i.no)) for i in catalog.items_for(Party.API_CONNECTOR))
    base = "one question at a time (before)"
    figures = []
    for label, target, budget in (
        ("demo firm", demo, "goal ≤ 200"),
        ("everything in place", everything_in_place(catalog), "goal ≤ 130"),
        ("almost nothing in place", almost_nothing(catalog), ""),
    ):
        named = _asked(catalog, questions, target, "named")
        keys = _asked(catalog, questions, target, "status_keys")
        uniform = _asked(catalog, questions, target, "uniform")
        figures.append(Figure(f"questions asked: {label}", named, "q", base, before, budget))
        if keys != named:  # the same path by keys: the same count, or the bench says so
            figures.append(Figure(f"  {label}, one key per example", keys, "q", base, before))
        figures.append(
            Figure(f"  {label}, if every mixed group is taken 1件ずつ", uniform, "q", base, before)
        )
    yearly = _asked(catalog, questions, demo, "named", suggestions=demo)
    figures.append(
        Figure("questions asked: demo's yearly check, unchanged", yearly, "q", base, before)
    )
    # How faithful the workbook stays: the demo answered on the shorter path against the
    # demo's own answers (one detail per 手法例). What differs comes from details given
    # once for a whole group (a shared 理由 or 頻度), not from lost answers.
    _, named = _replayed(catalog, questions, demo, "named")
    _, one_by_one = _replayed(catalog, questions, demo, "uniform")
    figures.append(
        Figure(
            "workbook cells ≠ the demo's own (of 152)",
            cells_differing(catalog, questions, demo, named.answers),
            "cel",
            "mixed groups 1件ずつ",
            cells_differing(catalog, questions, demo, one_by_one.answers),
        )
    )
    return figures
