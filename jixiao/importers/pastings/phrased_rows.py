"""A money block written as phrases, one row a line: the row's label, a colon, then each column
as its title and a bare amount, the unit stated once in the caption above.

    分类情况（单位：万元）：
    ——基本支出：年初预算612.40，调整后预算648.92，执行640.17，执行率98.65%；
    ——项目支出：年初预算2,150.00，调整后预算6,835.16，执行5,973.50，执行率87.39%；
    ——合计：年初预算2,762.40，调整后预算7,484.08，执行6,613.67，执行率96.48%。

Rebuilt as tab rows under a header of the first row's titles (a blank corner over the labels),
as a table the readers know:

    \t年初预算\t调整后预算\t执行\t执行率
    基本支出\t612.40\t648.92\t640.17\t98.65%

Proven when the lines are two or more in a row under a line stating the unit (its head fields or
staffing line may stand between), each label a money row the readers know (基本支出, 项目支出,
合计, an economic class…), every line titles the same columns in the same order (the total's may
go on with 分值 and 得分), each title a form column (a budget, a spending, a rate), a budget and a
spending title among them, and no amount carries a unit of its own. Cells apart by commas or
semicolons ("年度资金总额：年初预算数497.30；全年预算数538.20；…").
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs
from jixiao.importers.pastings.forms import form_column, row_name
from jixiao.importers.patterns import CJK, NUMBER

_UNIT_CAPTION = re.compile(r"单位\s*:\s*(?:亿元|万元|千元|元)\)?\s*:?\s*$")
_ROW = re.compile(
    rf"^[\s—\-·•]*(?P<label>(?:其中[,:]\s*)?[{CJK}:()]{{2,16}}?)\s*:\s*(?P<cells>.+?)\s*[;。]?\s*$"
)
_REACH = 3  # lines between the unit's line and the rows (the form's staffing, its head fields)
# a comma between cells, never one grouping an amount's digits ("2,150.00")
_BETWEEN_CELLS = re.compile(r"((?<!\d)[,，、;；]|[,，、](?!\d{3})|[;；])")
_CELL = re.compile(rf"^(?P<title>[{CJK}]{{1,8}})\s*(?P<value>(?:{NUMBER})%?)$")


def phrased_rows(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Money rows written as phrases under a caption stating the unit, as tab rows (see the
    module's docstring)."""
    if "单位" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    for number, line in enumerate(lines[:-2]):
        if "\t" in line or not _UNIT_CAPTION.search(line):
            continue
        for first in range(number + 1, min(number + 1 + _REACH, len(lines))):
            rows = _rows_under(lines, starts, first)
            if rows is not None:
                runs.append((first, first + len(rows), _table(text, origin, rows)))
                break
    return replace_runs(text, origin, runs)


Row = tuple[tuple[int, int], list[tuple[tuple[int, int], tuple[int, int]]]]  # label, cells


def _rows_under(lines: list[str], starts: list[int], first: int) -> list[Row] | None:
    """The rows from line *first* on, each titling the same columns in the same order (the
    total's row may go on with its 分值 and 得分); None when fewer than two, or not proven."""
    rows: list[Row] = []
    names: list[list[str]] = []
    for number in range(first, len(lines)):
        row = _row(lines[number], starts[number])
        if row is None:
            break
        names.append(
            [lines[number][a - starts[number] : b - starts[number]] for (a, b), _ in row[1]]
        )
        rows.append(row)
    if len(rows) < 2:
        return None
    titles = max(names, key=len)
    shortest = min(len(row_names) for row_names in names)
    if any(row_names != titles[: len(row_names)] for row_names in names):
        return None
    # (a bare 执行 titles the spending here, where it stands before its amount)
    kinds = [form_column(title) or ("spent" if title == "执行" else None) for title in titles]
    if None in kinds or not {"budget", "spent"} <= set(kinds[:shortest]):
        return None
    if any(kind != "score" for kind in kinds[shortest:]):
        return None  # only a row's 分值 / 得分 may go past the others' columns
    return rows


def _row(line: str, start: int) -> Row | None:
    match = _ROW.match(line)
    if match is None or not row_name(re.sub(r"^其中[,:]\s*", "", match.group("label"))):
        return None
    cells = []
    at = match.start("cells")
    for part in _BETWEEN_CELLS.split(match.group("cells")):
        if part in (",", "，", "、", ";", "；"):
            at += len(part)
            continue
        cell = _CELL.match(part.strip())
        if cell is None:
            return None
        offset = at + len(part) - len(part.lstrip())
        title = (start + offset + cell.start("title"), start + offset + cell.end("title"))
        value = (start + offset + cell.start("value"), start + offset + cell.end("value"))
        cells.append((title, value))
        at += len(part)
    label = (start + match.start("label"), start + match.end("label"))
    return (label, cells) if len(cells) >= 2 else None


def _table(text: str, origin: list[int], rows: list[Row]) -> list[list[Cell]]:
    widest = max(rows, key=lambda row: len(row[1]))
    header = [Cell("", ()), *(piece(text, origin, *title) for title, _ in widest[1])]
    body = [
        [piece(text, origin, *label), *(piece(text, origin, *value) for _, value in cells)]
        for label, cells in rows
    ]
    return [header, *body]
