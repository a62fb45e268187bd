"""A web page's table copied as text: each cell on its own line, the rows apart by blank lines
("项目" / "年初预算数" / "全年预算数" / "全年执行数" / "执行率", a blank line, "资金总额" / "860.00" /
"912.40" / "887.15" / "97.23%", a blank line, …).

The rows become tab rows when the block is proven: every row has as many cells, the first row is
the titles, one over the row labels and each other a form column the readers know (a budget, a
spending, a rate or a score; a budget and a spending at least), every other row a label and then
a number or a dash in each cell, two rows at least, and every rate written is its row's spending
over its budget. A row of another width, or a line that is no such cell, ends the block; a block
not proven is left as it is. The titles may be the last lines of a paragraph (a caption or the
form's title right above them, no blank line between).
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs
from jixiao.importers.pastings.forms import (
    form_column_lettered,
    percent_off_its_column,
    rates_hold,
)
from jixiao.importers.patterns import CJK, NUMBER

_VALUE = re.compile(rf"^(?:(?:{NUMBER})%?|[-—/])$")
_LABEL = re.compile(rf"^[{CJK}()“”、:]{{2,24}}$")
_TITLE = re.compile(rf"^[{CJK}()A-Z/=%]{{2,12}}$")
_MIN_CELLS = 3  # the labels and two columns at least
_MAX_CELLS = 10
_MIN_ROWS = 2


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """[start, end) of each run of non-blank lines."""
    found: list[tuple[int, int]] = []
    start = None
    for number, line in enumerate(lines):
        if line.strip() and "\t" not in line:
            if start is None:
                start = number
        elif start is not None:
            found.append((start, number))
            start = None
    if start is not None:
        found.append((start, len(lines)))
    return found


def _cell(text: str, origin: list[int], starts: list[int], lines: list[str], n: int) -> Cell:
    line = lines[n]
    left = len(line) - len(line.lstrip())
    return piece(text, origin, starts[n] + left, starts[n] + len(line.rstrip()))


def _block(
    text: str, origin: list[int], lines: list[str], paragraphs: list[tuple[int, int]], at: int
) -> tuple[int, list[tuple[int, int]]] | None:
    """The web table whose titles end paragraph *at*: (the index of the paragraph after its
    last, its titles' and its rows' lines [first, last)), or None when it is not proven."""
    if at + 1 >= len(paragraphs):
        return None
    width = paragraphs[at + 1][1] - paragraphs[at + 1][0]  # the first row's cells
    end = paragraphs[at][1]
    start = end - width  # the titles: the paragraph's last lines (a caption may stand above)
    if not _MIN_CELLS <= width <= _MAX_CELLS or start < paragraphs[at][0]:
        return None
    titles = [lines[n].strip() for n in range(start, end)]
    if not all(_TITLE.match(title) for title in titles):
        return None
    kinds = [form_column_lettered(title) for title in titles[1:]]
    if (
        form_column_lettered(titles[0]) is not None
        or None in kinds
        or not {"budget", "spent"} <= set(kinds)
    ):
        return None
    rows: list[tuple[int, int]] = []
    values: list[list[str]] = []
    index = at + 1
    while index < len(paragraphs):
        first, last = paragraphs[index]
        if last - first != width or first - paragraphs[index - 1][1] > 2:
            break
        cells = [lines[n].strip() for n in range(first, last)]
        if not _LABEL.match(cells[0]) or not all(_VALUE.match(cell) for cell in cells[1:]):
            break
        if not any(cell[0].isdigit() for cell in cells[1:]):
            break
        rows.append((first, last))
        values.append(cells[1:])
        index += 1
    if len(rows) < _MIN_ROWS:
        return None
    if any(percent_off_its_column(cells, kinds) for cells in values):
        return None
    if not rates_hold(values, titles[1:], kinds):
        return None
    return index, [(start, end), *rows]


def web_table_cells(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A web table copied one cell a line, rows apart by blank lines → tab rows."""
    lines = text.split("\n")
    paragraphs = _paragraphs(lines)
    starts: list[int] | None = None
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    at = 0
    while at < len(paragraphs):
        found = _block(text, origin, lines, paragraphs, at)
        if found is None:
            at += 1
            continue
        starts = starts or line_starts(text)
        after, rows = found
        table = [
            [_cell(text, origin, starts, lines, n) for n in range(first, last)]
            for first, last in rows
        ]
        runs.append((rows[0][0], rows[-1][1], table))
        at = after
    return replace_runs(text, origin, runs)
