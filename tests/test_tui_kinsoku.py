"""Japanese line breaking: no 「。」 at a line start, no 「（」 at a line end, words kept."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from interview.tui.kinsoku import NO_LINE_END, NO_LINE_START, break_offsets, wrap


def lines(text: str, width: int) -> list[str]:
    return wrap(Text(text), width).plain.split("\n")


def test_a_full_stop_never_starts_a_line():
    text = "ヒント：CISO（最高情報セキュリティ責任者）や担当役員を置いている場合は、その役職です。"
    for width in range(10, 60):
        got = lines(text, width)
        assert "".join(got) == text  # nothing added or lost
        assert all(cell_len(line) <= width for line in got)
        assert not any(line[:1] in NO_LINE_START for line in got[1:]), (width, got)
        assert not any(line[-1:] in NO_LINE_END for line in got[:-1]), (width, got)


def test_no_line_is_only_a_full_stop():
    text = "回答は自動で保存されます。" * 5
    for width in range(8, 40):
        assert all(line not in ("。", "、") for line in lines(text, width))


def test_ascii_words_are_not_cut():
    text = "この回答は Excel ブックとして相手先の会社に渡ります。"
    for width in range(12, 40):
        got = lines(text, width)
        assert not any(line.endswith(("E", "Ex", "Exc", "Exce")) for line in got[:-1]), got


def test_existing_newlines_stay_and_styles_survive():
    text = Text("一行目です。\n二行目は少し長いので折り返されます。", style="bold")
    text.stylize("underline", 0, 3)
    wrapped = wrap(text, 12)
    assert wrapped.plain.replace("\n", "") == text.plain.replace("\n", "")
    assert wrapped.plain.startswith("一行目です。\n")
    assert any("underline" in str(span.style) for span in wrapped.spans)


def test_too_narrow_means_no_breaks():
    assert break_offsets("あいうえお", 2) == []
