"""A tab table's column titles wrapped onto a second row, joined again.

A ruled grid or a PDF table whose columns are narrow wraps its titles inside their cells, and
the text comes out as two header rows:

    资金情况\t项目\t年初预\t全年预\t全年执\t执行率
    \t\t算数\t算数\t行数

Joined cell for cell when the second row has no digit, its filled cells are short pieces under
cells of the first, and each joined title is a form column the readers know (a budget, a
spending, a rate or a score) while the first row's piece alone is not, for one column at least:

    资金情况\t项目\t年初预算数\t全年预算数\t全年执行数\t执行率
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs, tab_cells
from jixiao.importers.pastings.forms import form_column
from jixiao.importers.patterns import CJK

_PIECE = re.compile(rf"^[{CJK}()%]{{1,5}}$")


def wrapped_headers(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Header rows wrapped in their cells joined (see the module's docstring)."""
    if "\t" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    for n in range(len(lines) - 1):
        if runs and runs[-1][1] > n:
            continue
        upper, lower = lines[n], lines[n + 1]
        if "\t" not in upper or "\t" not in lower or re.search(r"\d", upper + lower):
            continue
        top = tab_cells(upper, starts[n])
        bottom = tab_cells(lower, starts[n + 1])
        if _joins(top, bottom):
            runs.append((n, n + 2, [_joined(text, origin, top, bottom)]))
    return replace_runs(text, origin, runs)


def _joins(top: list[tuple[str, int, int]], bottom: list[tuple[str, int, int]]) -> bool:
    if len(bottom) > len(top) or not any(cell for cell, _, _ in bottom):
        return False
    made = False
    for (upper, _, _), (lower, _, _) in zip(top, bottom, strict=False):
        if not lower:
            continue
        if not upper or not _PIECE.match(lower):
            return False
        if form_column(upper + lower) is None:
            return False
        made = made or form_column(upper) is None
    return made


def _joined(
    text: str,
    origin: list[int],
    top: list[tuple[str, int, int]],
    bottom: list[tuple[str, int, int]],
) -> list[Cell]:
    cells = []
    for column, (_, start, end) in enumerate(top):
        cell = piece(text, origin, start, end)
        if column < len(bottom) and bottom[column][0]:
            lower = piece(text, origin, bottom[column][1], bottom[column][2])
            cell = Cell(cell.text + lower.text, cell.origin + lower.origin)
        cells.append(cell)
    return cells
