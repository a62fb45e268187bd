"""Rebuilding lines as tab rows keeps every character's origin."""

import pytest

from jixiao.importers.pastings.cells import Cell, Lines, replace_lines


def _identity(text: str) -> list[int]:
    return list(range(len(text)))


def test_a_run_of_lines_becomes_tab_rows_and_each_character_keeps_its_origin() -> None:
    text = "表头\n项目\n金额\n基本支出\n100\n尾"
    lines = Lines(text, _identity(text))
    rows = [[lines.cell(1), lines.cell(2)], [lines.cell(3), lines.cell(4)]]
    new_text, new_origin = replace_lines(text, _identity(text), 1, 5, rows)
    assert new_text == "表头\n项目\t金额\n基本支出\t100\n尾"
    assert len(new_origin) == len(new_text)
    assert [text[new_origin[i]] for i, c in enumerate(new_text) if c not in "\t\n"] == [
        c for c in new_text if c not in "\t\n"
    ]


def test_the_last_lines_of_a_text_can_be_replaced() -> None:
    text = "甲\n乙\n丙"
    lines = Lines(text, _identity(text))
    new_text, new_origin = replace_lines(
        text, _identity(text), 1, 3, [[lines.cell(2), lines.cell(1)]]
    )
    assert new_text == "甲\n丙\t乙"
    assert new_origin == [0, 1, 4, 4, 2]


def test_a_cell_of_part_of_a_line() -> None:
    text = "基本支出  100.00"
    assert Lines(text, _identity(text)).cell(0, 6) == Cell("100.00", (6, 7, 8, 9, 10, 11))


@pytest.mark.parametrize(("start", "end"), [(2, 1), (0, 9), (-1, 1)])
def test_a_run_outside_the_text_is_refused(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        replace_lines("甲\n乙", [0, 1, 2], start, end, [])


def test_a_cell_whose_origins_do_not_match_its_characters_is_refused() -> None:
    with pytest.raises(ValueError, match="2 origins for 1"):
        Cell("甲", (0, 1))
