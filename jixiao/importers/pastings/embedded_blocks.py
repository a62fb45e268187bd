"""A form's money block pasted inside its indicator table, set apart as a table of its own.

A 自评表 whose 资金情况 rows sit between the indicator rows (a merged caption cell, then the money
titles, then the funding rows, then the indicator rows again) comes out as one run of tab rows:

    \t产出指标\t成本指标\t老旧小区改造街道配套标准\t≤40元/平方米\t38元/平方米\t8\t8
    \t资金情况（万元）\t\t年初安排\t全年预算\t全年支出\t分值\t执行率\t得分
    \t\t全年资金合计\t2,860.00\t3,418.27\t3,366.05\t10\t98.47%\t9.85
    \t\t基本支出\t1,240.00\t1,276.44\t1,270.93\t\t99.57%
    \t效益指标\t社会效益指标\t辖区刑事案件发案率下降幅度\t≥5%\t6.2%\t10\t10

The table readers take a run of tab rows as one table under its first row, so the money rows
would stand under the indicator titles. A row inside a run whose titles are a money block's (a
budget and a spending at least, besides a caption or the row labels' title), followed by rows
each naming a funding line or an economic class with a number, is set apart from the rows around
it by an empty line before it and after its last money row, when indicator rows stand before it
and after it (or the run ends with it).
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import EMPTY, Cell, line_starts, replace_runs, row_cells
from jixiao.importers.pastings.forms import (
    ROW_LABEL_TITLE,
    form_column_lettered,
    row_name,
)
from jixiao.importers.patterns import GROUP_TITLE, NUMBER

_NUMBER_CELL = re.compile(rf"^\s*(?:{NUMBER})\s*%?\s*$")
_UNIT = re.compile(r"\((?:万元|元|千元|亿元)\)$")
_PART = re.compile(r"^(?:其中)?[:：]?\s*")
_BRACKETED_BUDGET = re.compile(r"^预算(?:数|额)?\((?:年初|调整前|调整后)\)$")
# the block's caption with its unit: "年度部门整体支出预算（万元）"
_UNIT_CAPTION = re.compile(r"^[\u4e00-\u9fff]{2,16}\((?:万元|元|千元|亿元)\)$")
_SPENT_TITLE = re.compile(r"^(?:全年|本年|年度|实际)支出(?:数|额)?$")
_INDICATOR_CELL = re.compile(r"指标$|^(?:综合|自评)?(?:总分|得分合计)$")


def _spent_title(cell: str) -> str | None:
    """ "全年支出" over a block's column: its spending, "预算数（年初）" a budget (titles the form
    readers leave alone; the lexicon folds the second to 年初预算数)."""
    if _SPENT_TITLE.match(cell):
        return "spent"
    return "budget" if _BRACKETED_BUDGET.match(cell) else None


def _money_titles(line: str) -> bool:
    """The row's cells are a money block's titles: a budget and a spending among its form columns,
    the other cells a caption (资金情况（万元）) or the row labels' title (项目), two at most."""
    cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
    kinds = [form_column_lettered(cell) or _spent_title(cell) for cell in cells]
    others = [cell for cell, kind in zip(cells, kinds, strict=True) if kind is None]
    if not {"budget", "spent"} <= set(kinds) or len(set(others)) > 2:
        return False
    return all(_caption(cell) for cell in others)


def _caption(cell: str) -> bool:
    """A caption cell left of a money block's titles: the block's (资金情况（万元）, 预算执行), the
    row labels' title (项目), or the indicator table's merged down (绩效指标)."""
    return bool(
        ROW_LABEL_TITLE.match(_UNIT.sub("", cell))
        or GROUP_TITLE.match(cell)
        or cell == "绩效指标"
        or (_UNIT_CAPTION.match(cell) and re.search("预算|资金", cell))
    )


def _money_row(line: str) -> bool:
    """A row naming a funding line or an economic class, with a number in it."""
    column = _row_label_column(line)
    if column is None:
        return False
    cells = [cell.strip() for cell in line.split("\t")]
    return row_name(_PART.sub("", cells[column])) and all(_caption(c) for c in cells[:column] if c)


def _row_label_column(line: str) -> int | None:
    """The column of a row's label: its last words before its first number, else None."""
    cells = [cell.strip() for cell in line.split("\t")]
    first = next((n for n, cell in enumerate(cells) if _NUMBER_CELL.match(cell)), None)
    if first is None:
        return None
    words = [n for n in range(first) if cells[n]]
    return words[-1] if words else None


def _indicator_row(line: str) -> bool:
    """An indicator table's row: a cell naming an indicator (…指标) or a total score, a number
    in it (its weight, its score)."""
    cells = [cell.strip() for cell in line.split("\t")]
    return (
        "\t" in line
        and any(_INDICATOR_CELL.search(cell) for cell in cells)
        and any(_NUMBER_CELL.match(cell) for cell in cells)
    )


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) line numbers of each money block inside a run of tab rows: its titles' row,
    then its money rows up to *end*."""
    blocks: list[tuple[int, int]] = []
    number = 1
    while number < len(lines):
        line = lines[number]
        if _indicator_row(lines[number - 1]) and "\t" in line and _money_titles(line):
            end = number + 1
            while end < len(lines) and "\t" in lines[end] and _money_row(lines[end]):
                end += 1
            after = lines[end] if end < len(lines) else ""
            # the titles and two money rows at least, the indicator rows going on after them
            if end - number >= 3 and ("\t" not in after or _indicator_row(after)):
                blocks.append((number, end))
                number = end
                continue
        number += 1
    return blocks


def _label_column(rows: list[str]) -> int | None:
    """The column the money rows' labels stand in, the same on every row, else None."""
    columns = {_row_label_column(row) for row in rows}
    return columns.pop() if len(columns) == 1 else None


def _header_rows(cells: list[Cell], column: int) -> list[list[Cell]]:
    """The titles' row as the block's caption on a row of its own ("资金情况（万元）"), when its
    cells left of the labels name one, then 项目 over the labels and the titles after it."""
    at = cells[0].origin[0] if cells and cells[0].origin else 0
    item = Cell("项目", (at, at))
    titles = [item, *cells[column + 1 :]]
    caption = next(
        (
            cell
            for cell in cells[: column + 1]
            if GROUP_TITLE.match(cell.text.strip()) or _UNIT.search(cell.text.strip())
        ),
        None,
    )
    return [[caption], titles] if caption is not None else [titles]


def _run_end(lines: list[str], number: int) -> int:
    """The first line after *number* that is no tab row: where the run of rows ends."""
    while number < len(lines) and "\t" in lines[number]:
        number += 1
    return number


def money_blocks_set_apart(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """*text* with each money block inside a run of tab rows moved out of it, made plain, to
    follow the run after an empty line (see the module): the indicator table stays whole."""
    if "\t" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    for first, end in _blocks(lines):
        column = _label_column(lines[first + 1 : end])
        if column is None or (runs and first < runs[-1][1]):
            continue  # (one block moved out of a run)
        run_end = _run_end(lines, end)
        block = _header_rows(row_cells(text, origin, starts[first]), column)
        block += [row_cells(text, origin, starts[n])[column:] for n in range(first + 1, end)]
        # each row rewritten opens its run, so its cells keep their own tabs' origins: the row
        # above the block stands for it (the block's lines go), the run's last row gets it after
        above = row_cells(text, origin, starts[first - 1])
        if end == run_end:
            runs.append((first - 1, end, [above, [EMPTY], *block]))
            continue
        last = row_cells(text, origin, starts[run_end - 1])
        runs.append((first - 1, end, [above]))
        runs.append((run_end - 1, run_end, [last, [EMPTY], *block]))
    return replace_runs(text, origin, runs)
