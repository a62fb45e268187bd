"""A staffing table's two title rows made one: a group title over its sub-titles.

    编制类型\t编制数\t实有人数\t\t\t空编
    \t\t小计\t在职\t退休
    行政编制\t12\t17\t11\t6\t1

The upper row titles a group (实有人数) once, over the columns the lower row titles (小计, 在职,
退休); the rows under them are read under one row of titles: the group's title where the lower one
is its sum (小计 / 合计), the lower title elsewhere, the upper where the lower is empty:

    编制类型\t编制数\t实有人数\t在职\t退休\t空编

Only when the lower row has no number and no label of its own (its first cell empty), every
title it gives stands under a group of head-counts (实有人数, 人员…: never 车辆 over 编制数 /
实有数) or an empty upper cell after one, and the titles are staffing's (编制, 实有, 在职…).
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, line_starts, replace_runs, row_cells

_STAFF_TITLE = re.compile(r"编制|实有|在职|退休|离休|在编|人数|空编|缺编|超编")
_SUM_TITLE = re.compile(r"^(?:小计|合计|总计|计)$")
_SUB_TITLE = re.compile(
    r"^(?:小计|合计|总计|计|在职|已?退休|离休|离退休|在编|编外|空编|缺编)(?:人数|人员)?$"
)
# a group of head-counts whose sub-titles are roles of their own (实有人数 over 在职 / 退休)
_HEAD_COUNT_GROUP = re.compile(r"实有|人数|人员|在编")


def _merged(upper: list[str], lower: list[str]) -> list[int] | None:
    """For each column, 0 to keep the upper cell and 1 the lower, else None (not such a pair)."""
    if lower[0].strip() or any(re.search(r"\d", cell) for cell in lower):
        return None
    if len(lower) > len(upper) or not any(cell.strip() for cell in lower):
        return None
    titles = [c.strip() for c in upper[1:] + lower[1:] if c.strip()]
    if not titles or not any(_STAFF_TITLE.search(t) for t in titles):
        return None
    if not all(_SUB_TITLE.match(c.strip()) for c in lower if c.strip()):
        return (
            None  # a sub-title that is no role of its own (其中：高级职称, （人）): spanned_headers
        )
    choice = []
    for column, top in enumerate(upper):
        below = lower[column].strip() if column < len(lower) else ""
        if not below or _SUM_TITLE.match(below):
            choice.append(0)
            continue
        if top.strip() and column and not _group_over(upper, lower, column):
            return None  # a title of its own over another: not a group's sub-title
        if not _HEAD_COUNT_GROUP.search(_group_of(upper, column)):
            return None  # a group of another thing (车辆 over 编制数 / 实有数): left as it is
        choice.append(1)
    return choice


def _group_of(upper: list[str], column: int) -> str:
    """The upper title a column stands under: its own, or the nearest one left of it."""
    for at in range(column, 0, -1):
        if upper[at].strip():
            return upper[at].strip()
    return ""


def _group_over(upper: list[str], lower: list[str], column: int) -> bool:
    """The upper cell at *column* is a group title its next columns' empty upper cells share."""
    return column + 1 < len(upper) and not upper[column + 1].strip() and column + 1 < len(lower)


def staffing_title_rows_merged(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """*text* with each staffing table's two title rows made one (see the module)."""
    if "\t" not in text or "编制" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    for number, line in enumerate(lines[:-1]):
        below = lines[number + 1]
        if runs and runs[-1][1] > number:
            continue  # the lower row of a pair merged already
        if "\t" not in line or "\t" not in below or re.search(r"\d", line):
            continue
        choice = _merged(line.split("\t"), below.split("\t"))
        if choice is None:
            continue
        upper = row_cells(text, origin, starts[number])
        lower = row_cells(text, origin, starts[number + 1])
        merged = [(upper if pick == 0 else lower)[column] for column, pick in enumerate(choice)]
        runs.append((number, number + 2, [merged]))
    return replace_runs(text, origin, runs)
