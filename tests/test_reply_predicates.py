"""Word classes of indirect predicates read the same in several frames."""

from __future__ import annotations

import pytest

from interview.engine.answers import Status
from interview.engine.reply import parse_status_reply
from interview.engine.reply_predicates import fold_predicates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("手付かずです", Status.NOT_DONE),
        ("ログの保全については、今のところ手付かずですね", Status.NOT_DONE),
        ("まだ着手前の段階です", Status.NOT_DONE),
        ("構想段階にとどまっております", Status.NOT_DONE),
        ("後回しにしちゃってます", Status.NOT_DONE),
        ("運用に乗っています", Status.DONE),
        ("PDCAはちゃんと回っています", Status.DONE),
        ("鍵管理は運用に乗ってますが、証明書の更新は手付かずです", Status.PARTIAL),
        ("証明書の更新は手付かずですが、鍵管理は運用に乗ってます", Status.PARTIAL),
    ],
)
def test_indirect_predicates_in_frames(text: str, expected: Status) -> None:
    assert parse_status_reply(text).status is expected


def test_folds_keep_the_ending_and_leave_other_words_alone() -> None:
    assert fold_predicates("運用に乗っています") == "運用しています"
    assert fold_predicates("着手前に必ず確認しています") == "着手前に必ず確認しています"
    assert fold_predicates("後回しにしています") == "後回しにしています"
