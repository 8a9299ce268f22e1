"""Tailoring profiles: loading, validation messages, the tailored catalog and its questions."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from interview.catalog import Party
from interview.engine.answers import Answer, Status
from interview.engine.interview import Interview
from interview.errors import UserError
from interview.profile import (
    Profile,
    ProfileError,
    excluded,
    load_profile,
    parse_profile,
    profile_banks,
    tailor,
)
from interview.questions.bank import QuestionBankError, load_questions
from interview.questions.models import QuestionKind

SAMPLE = Path(__file__).resolve().parent.parent / "docs" / "examples" / "profile-sample.toml"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample(catalog) -> Profile:
    return load_profile(SAMPLE, catalog)


@pytest.fixture(scope="module")
def tailored(catalog, sample):
    return tailor(catalog, sample)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the *occurrence*-th line containing *needle*."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def mutate(old: str, new: str, count: int = 1) -> str:
    assert SAMPLE_TEXT.count(old) >= count, old
    return SAMPLE_TEXT.replace(old, new, count)


# --- loading ------------------------------------------------------------------------------


def test_sample_loads(sample, catalog):
    assert sample.name == "さくら銀行 API接続先向け 2027年版"
    assert [e.item for e in sample.exclude] == [17, 8]
    assert [a.id for a in sample.add] == ["追加1", "追加2"]
    assert sample.add[0].party is Party.API_CONNECTOR
    assert len(sample.add[0].questions) == 2
    assert all(catalog.item(e.item) for e in sample.exclude)


def test_excluded_maps_items_to_reasons(sample):
    reasons = excluded(sample)
    assert list(reasons) == [17, 8]
    assert reasons[17] == "クラウドのみ利用のため、通番11で確認する"
    assert all(r == r.strip() and r for r in reasons.values())


# Each case: (old text, new text, field, needle of the reported line, occurrence, message part)
ERROR_CASES = {
    "unknown item": ("item = 17", "item = 99", "exclude[0].item", "item = 99", 1, "通番99"),
    "duplicate exclusion": (
        "item = 8",
        "item = 17",
        "exclude[1].item",
        "item = 17",
        2,
        "すでに除外",
    ),
    "empty reason": (
        'reason = "クラウドのみ利用のため、通番11で確認する"',
        'reason = "  "',
        "exclude[0].reason",
        'reason = "  "',
        1,
        "除外の理由",
    ),
    "bad id": ('id = "追加2"', 'id = "X1"', "add[1].id", 'id = "X1"', 1, "追加1"),
    "zero id": ('id = "追加2"', 'id = "追加0"', "add[1].id", 'id = "追加0"', 1, "追加1"),
    "duplicate id": ('id = "追加2"', 'id = "追加1"', "add[1].id", 'id = "追加1"', 2, "重複"),
    "unknown category": (
        "category = 3",
        "category = 10",
        "add[1].category",
        "category = 10",
        1,
        "区分10",
    ),
    "bad party": (
        'party = "common"',
        'party = "bank"',
        "add[1].party",
        'party = "bank"',
        1,
        "api_connector",
    ),
    "question without ？": (
        "相手方と確認していますか？",
        "相手方と確認している。",
        "add[1].questions[0].text",
        "相手方と確認している。",
        1,
        "？",
    ),
    "question too long": (
        "相手方と確認していますか？",
        "あ" * 200 + "ですか？",
        "add[1].questions[0].text",
        "ですか？",
        1,
        "200文字以内",
    ),
    "item as string": ("item = 17", 'item = "17"', "exclude[0].item", 'item = "17"', 1, "整数"),
    "short too long": (
        'short = "報告内容の確認"',
        'short = "' + "確" * 41 + '"',
        "add[0].questions[1].short",
        "確" * 41,
        1,
        "40文字以内",
    ),
    "escape sequence": (
        'name = "さくら銀行',
        'name = "\\u001b[31mさくら銀行',
        "name",
        "name = ",
        1,
        "制御文字",
    ),
}


@pytest.mark.parametrize("case", ERROR_CASES.values(), ids=ERROR_CASES.keys())
def test_validation_errors_name_field_and_line(tmp_path, catalog, case):
    old, new, field, needle, occurrence, message = case
    text = mutate(old, new)
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as info:
        load_profile(path, catalog)
    error = info.value
    assert isinstance(error, UserError)
    assert error.field == field
    assert error.line == line_of(text, needle, occurrence)
    shown = str(error)
    assert message in shown
    assert str(path) in shown and f"{error.line}行目" in shown and field in shown


def test_added_item_without_questions(tmp_path, catalog):
    start = SAMPLE_TEXT.rindex("[[add.questions]]")
    text = SAMPLE_TEXT[:start]
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as info:
        load_profile(path, catalog)
    assert info.value.field == "add[1].questions"
    assert info.value.line == line_of(text, "[[add]]", 2)
    assert "質問が1つもありません" in str(info.value)


def test_misspelt_key_is_reported_with_the_allowed_names(tmp_path, catalog):
    text = mutate("detail_prompt = ", "detail_promt = ")
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as info:
        load_profile(path, catalog)
    shown = str(info.value)
    # The first problem is the missing field, the typo follows in the same message.
    assert info.value.field == "add[0].questions[0].detail_prompt"
    assert info.value.line == line_of(text, "[[add.questions]]", 1)
    assert "add[0].questions[0].detail_promt" in shown
    assert "知らない項目名" in shown and "detail_prompt" in shown
    assert f"{line_of(text, 'detail_promt')}行目" in shown


def test_all_problems_are_listed_at_once(tmp_path, catalog):
    text = mutate("item = 17", "item = 99")
    text = text.replace('id = "追加2"', 'id = "X1"').replace('party = "common"', 'party = "x"')
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as info:
        load_profile(path, catalog)
    # Type errors (party) come first, from the schema; catalog rules need a well-typed file.
    assert info.value.field == "add[1].party"
    text2 = mutate("item = 17", "item = 99").replace('id = "追加2"', 'id = "X1"')
    with pytest.raises(ProfileError) as info2:
        load_profile(write(tmp_path, text2), catalog)
    assert info2.value.field == "exclude[0].item"
    assert len(info2.value.others) == 1
    assert "ほかにも1件" in str(info2.value) and "add[1].id" in str(info2.value)


def test_missing_name(tmp_path, catalog):
    text = SAMPLE_TEXT.replace('name = "さくら銀行 API接続先向け 2027年版"\n', "")
    with pytest.raises(ProfileError) as info:
        load_profile(write(tmp_path, text), catalog)
    assert info.value.field == "name"
    assert "必須" in str(info.value)


def test_toml_syntax_error_and_missing_file(tmp_path, catalog):
    text = mutate("category = 8", "category = = 8")
    with pytest.raises(ProfileError) as info:
        load_profile(write(tmp_path, text), catalog)
    assert info.value.line == line_of(text, "category = = 8")
    assert "TOML" in str(info.value)
    with pytest.raises(ProfileError, match="見つかりません"):
        load_profile(tmp_path / "nothing.toml", catalog)


def test_inline_tables_are_located_too(tmp_path, catalog):
    text = 'name = "最小"\nexclude = [{ item = 3, reason = "" }]\n'
    with pytest.raises(ProfileError) as info:
        load_profile(write(tmp_path, text), catalog)
    assert info.value.field == "exclude[0].reason"
    assert info.value.line == 2


def test_parse_profile_from_text(catalog, sample):
    source = Path("セッション内のプロファイル")
    assert parse_profile(SAMPLE_TEXT, source, catalog) == sample
    text = mutate("item = 17", "item = 99")
    with pytest.raises(ProfileError) as info:
        parse_profile(text, source, catalog)
    assert info.value.line == line_of(text, "item = 99")
    assert str(source) in str(info.value)
    broken = mutate("category = 8", "category = = 8")
    with pytest.raises(ProfileError) as info:
        parse_profile(broken, source, catalog)
    assert info.value.line == line_of(broken, "category = = 8")


@settings(deadline=None)
@given(name=st.text(max_size=120), reason=st.text(max_size=60), item=st.integers(-5, 60))
def test_hostile_values_give_a_profile_error_or_a_profile(catalog, name, reason, item):
    data = {"name": name, "exclude": [{"item": item, "reason": reason}]}
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "p.toml"
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        try:
            profile = load_profile(path, catalog)
        except ProfileError as exc:
            assert exc.field in ("name", "exclude[0].item", "exclude[0].reason")
            assert "\x1b" not in str(exc)
        else:
            assert profile.name == name and 1 <= item <= 44 and reason.strip()


# --- the tailored catalog -----------------------------------------------------------------


def test_tailor_drops_exclusions_and_appends_additions(catalog, sample, tailored):
    numbers = [i.no for i in tailored.items]
    expected = [i.no for i in catalog.items if i.no not in (8, 17)] + [1001, 1002]
    assert numbers == expected
    assert len(tailored.items) == len(catalog.items) - len(sample.exclude) + len(sample.add)
    assert [i.display_no for i in tailored.items[-2:]] == ["追加1", "追加2"]
    assert tailored.item(1).display_no == "1" and tailored.item(1).label == ""
    with pytest.raises(KeyError):
        tailored.item(17)
    # The shipped catalog is untouched.
    assert len(catalog.items) == 44 and catalog.item(17).no == 17
    with pytest.raises(ValidationError):
        tailored.items = ()  # type: ignore[misc]


def test_added_item_shape(tailored, sample):
    item = tailored.item(1001)
    assert item.label == "追加1"
    assert item.category == 8 and item.party is Party.API_CONNECTOR
    assert item.goal == sample.add[0].goal
    assert [g.heading for g in item.method_groups] == ["追加項目"]
    assert [e.id for e in item.examples] == ["1001.1.1", "1001.1.2"]
    assert [e.text for e in item.examples] == [q.text for q in sample.add[0].questions]
    assert item.notes == () and item.references.is_empty
    assert tailored.example("1002.1.1").text == sample.add[1].questions[0].text


def test_items_for_party_includes_added_items(tailored):
    def numbers(party):
        return {i.no for i in tailored.items_for(party)}

    assert {1001, 1002} <= numbers(Party.API_CONNECTOR)
    assert 1002 in numbers(Party.FINANCIAL_INSTITUTION)
    assert 1001 not in numbers(Party.FINANCIAL_INSTITUTION)
    assert 1002 in numbers(Party.COMMON) and 1001 not in numbers(Party.COMMON)
    assert 17 not in numbers(Party.API_CONNECTOR) and 8 not in numbers(Party.API_CONNECTOR)


def test_empty_profile_keeps_the_checklist(catalog):
    same = tailor(catalog, Profile(name="そのまま"))
    assert [i.no for i in same.items] == [i.no for i in catalog.items]


# --- questions ----------------------------------------------------------------------------


def test_profile_banks_and_questions(catalog, sample, tailored):
    banks = profile_banks(sample, tailored)
    assert sorted(banks) == [1001, 1002]
    assert [q.id for q in banks[1001].questions] == [e.id for e in tailored.item(1001).examples]
    assert banks[1001].intro == sample.add[0].goal
    questions = load_questions(tailored, extra=banks)
    asked = questions.for_item(1001)
    example_ids = [q.id for q in asked if q.kind is QuestionKind.EXAMPLE]
    closing_ids = [q.id for q in asked if q.is_closing]
    assert example_ids == ["1001.1.1", "1001.1.2"]
    assert closing_ids == ["1001.other", "1001.issues", "1001.plan", "1001.remarks"]
    assert asked[0].short == "利用状況の月次報告" and asked[0].hint
    assert asked[0].example == tailored.item(1001).examples[0]
    assert questions.intro(1002) == sample.add[1].goal
    # The guide's items keep their shipped questions.
    base = load_questions(catalog)
    assert [q.id for q in questions.for_item(1)] == [q.id for q in base.for_item(1)]
    assert "17.other" not in questions
    # Cached per (catalog, extra banks).
    assert load_questions(tailored, extra=profile_banks(sample, tailored)) is questions


def test_added_items_need_their_banks(tailored):
    with pytest.raises(QuestionBankError, match="見つかりません"):
        load_questions(tailored)


@pytest.mark.parametrize("party", [Party.API_CONNECTOR, Party.FINANCIAL_INSTITUTION])
def test_interview_walks_a_tailored_checklist(sample, tailored, party):
    questions = load_questions(tailored, extra=profile_banks(sample, tailored))
    answers: dict[str, Answer] = {}
    interview = Interview(tailored, questions, party, answers)
    steps = 0
    while (question := interview.current()) is not None:
        if question.kind is QuestionKind.EXAMPLE:
            interview.answer(Answer(status=Status.DONE, detail="実施しています"))
        elif question.kind is QuestionKind.PLAN:
            interview.answer(Answer(detail="なし", due="2027年3月", owner="情報システム部"))
        else:
            interview.answer(Answer(detail="なし"))
        steps += 1
        assert steps <= len(interview.order)
    assert interview.finished and interview.overall_progress().complete
    items = {q.item for q in interview.order}
    assert set(answers) == {q.id for q in interview.order}
    assert 1002 in items and 17 not in items and 8 not in items
    assert (1001 in items) is (party is Party.API_CONNECTOR)
    assert interview.order[-1].item == (1002)
    assert any(c.no == 8 for c in interview.categories())
