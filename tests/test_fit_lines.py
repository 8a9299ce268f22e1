"""The fast row-height wrap gives exactly the lines of the plain greedy walk."""

from __future__ import annotations

import math
import random

from interview.workbook.fit import char_em, line_capacity_em, row_height, wrapped_lines


def _greedy(text: str, width: float, font_pt: float, bold: bool) -> int:
    """The reference: character by character, as floats."""
    capacity = line_capacity_em(width, font_pt, bold)
    total = 0
    for paragraph in text.split("\n"):
        used, lines = 0.0, 1
        for char in paragraph:
            em = char_em(char)
            if used + em > capacity:
                lines += 1
                used = 0.0
            used += em
        total += lines
    return total


CHARS = "あ漢、。（）ＡＢ１ａAb1 -—・é①😀\t"


def test_wrapped_lines_match_the_greedy_walk() -> None:
    rng = random.Random(7)
    widths = [1, 2, 4, 5.5, 7, 8, 10, 13, 18, 22, 28, 38, 68, 72, 94, 0.1, 3.3]
    for _ in range(400):
        text = "".join(rng.choice(CHARS + "\n") for _ in range(rng.randint(0, 240)))
        for width in widths:
            for font_pt, bold in ((10.0, False), (10.0, True), (9.0, False), (16.0, True)):
                assert wrapped_lines(text, width, font_pt, bold) == _greedy(
                    text, width, font_pt, bold
                ), (text, width, font_pt, bold)


def test_capacity_on_a_whole_fifth_walks_as_floats() -> None:
    # A width whose capacity is a whole number of ems: both paths must agree on the edge.
    for width in range(1, 120):
        for text in ("あ" * 200, "a" * 200, "あa" * 100):
            assert wrapped_lines(text, width) == _greedy(text, width, 10.0, False)


def test_row_height_counts_the_fullest_cell() -> None:
    assert row_height(["あ" * 40, "a"], [5, 5]) > row_height(["あ" * 4, "a"], [5, 5])
    assert row_height(["", None], [5, 5]) == row_height(["a"], [5])


def _reference_height(values: list[str], widths: list[float]) -> float:
    lines = max(
        [1] + [_greedy(v, w, 10.0, False) for v, w in zip(values, widths, strict=True) if v]
    )
    return max(18.0, math.ceil(lines * 16.5 + 5.0))


def test_row_height_skips_only_cells_that_cannot_be_fuller() -> None:
    rng = random.Random(11)
    widths = [4, 7, 13, 6, 68, 18, 18, 11, 14, 11]
    for _ in range(300):
        values = [
            "".join(
                rng.choice(CHARS + "\n") for _ in range(rng.randint(0, rng.choice([5, 80, 900])))
            )
            for _ in widths
        ]
        expected = _reference_height(values, widths)
        assert row_height(values, widths) == expected
        assert min(409.0, row_height(values, widths, most=409.0)) == min(409.0, expected)
