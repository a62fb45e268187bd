"""Money tables flattened one cell per line (PDF text, web pages), read back by arithmetic.

    单位：万元 / 项目 / 年初预算 / 全年预算 / 实际支出 / 基本支出 / 320.50 / 335.20 / 335.20 /
    项目支出 / 150.00 / 186.40 / 170.85 / 合计 / 470.50 / 521.60 / 506.05

Under a stated unit, short title lines are followed by rows: a label line, then as many bare
numbers as the table has value columns (a share column — its title 占比 / 比例 / 比重, its cells
"27.27%" — is passed over, every row with its share in the same place). The column titles are the last title lines before the
first row. Which number sits in which column cannot be seen in flattened text, so a table is read
only when the arithmetic proves the alignment (reconcile.choose): a 合计 / 总计 row whose every
number is the sum of the same column in the other rows. A cell lost in flattening breaks a row's
count or the sums, and then nothing of the table is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.importers import reconcile
from jixiao.importers.document import Line
from jixiao.importers.patterns import CJK, NUMBER, parse_number

_UNIT = re.compile(r"单位[:]?\s*(亿元|万元|千元|元)\)?\s*$")
_NUMBER_LINE = re.compile(rf"^\s*({NUMBER})\s*$")
# a share column ("占比" / "27.27%"): its cells stand in the rows but are not money, and not read
_PERCENT_LINE = re.compile(rf"^\s*(?:{NUMBER})\s*%\s*$")
_SHARE_TITLE = re.compile(r"占比|比例|比重|构成|占.*%")
_TITLE = re.compile(rf"^[{CJK}()“”\"、]{{2,16}}$")
# a short title that names a column or a row of money (年初预算, 实际支出, 基本支出…), not a caption
_COLUMN_WORD = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:预算|决算|执行|支出)[\u4e00-\u9fff]?$")
_TOTAL_ROW = re.compile(r"^(?:合计|总计|支出合计|收入合计|总额)$")


@dataclass(frozen=True)
class Cell:
    """One number of a flattened table: its row label, column title, value and places."""

    row: str
    column: str
    value: Decimal
    unit: str
    start: int  # where the row label starts (normalised text)
    end: int  # where the number ends


def flattened_cells(lines: list[Line]) -> list[Cell]:
    """Cells of every flattened money table in *lines* whose alignment the arithmetic proves."""
    cells: list[Cell] = []
    for index, line in enumerate(lines):
        unit = _UNIT.search(line.text.strip())
        if unit:
            cells.extend(_read(lines, index + 1, unit.group(1)))
    return cells


def _is_number(line: Line) -> bool:
    return bool(_NUMBER_LINE.match(line.text))


def _is_cell(line: Line) -> bool:
    return _is_number(line) or bool(_PERCENT_LINE.match(line.text))


def _shares(lines: list[Line]) -> tuple[bool, ...]:
    """Which cells of a row are shares (27.27%) rather than amounts."""
    return tuple(not _is_number(line) for line in lines)


def _read(lines: list[Line], begin: int, unit: str) -> list[Cell]:
    titles: list[Line] = []
    index = begin
    while index < len(lines) and _TITLE.match(lines[index].text.strip()):
        titles.append(lines[index])
        index += 1
    if len(titles) < 3 or index >= len(lines) or not _is_number(lines[index]):
        return []
    columns = 0
    while index + columns < len(lines) and _is_cell(lines[index + columns]):
        columns += 1
    if columns < 1 or len(titles) < columns + 1:
        return []
    if any(_COLUMN_WORD.search(t.text.strip()) for t in titles[: -columns - 1]):
        return []  # a column title left above the headers: a cell was lost, the columns shifted
    headers = [t.text.strip() for t in titles[-columns - 1 : -1]]
    shares = _shares(lines[index : index + columns])
    titled = tuple(bool(_SHARE_TITLE.search(title)) for title in headers)
    if shares != titled:
        return []  # a share under a money title, or an amount under a share title: misaligned
    rows: list[tuple[Line, list[Line]]] = [(titles[-1], lines[index : index + columns])]
    index += columns
    while index + columns < len(lines) + 1 and index < len(lines):
        label = lines[index]
        values = lines[index + 1 : index + 1 + columns]
        if (
            not _TITLE.match(label.text.strip())
            or len(values) != columns
            or not all(_is_cell(v) for v in values)
        ):
            break
        if _shares(values) != shares:
            return []  # a share where an amount stood in the first row: a cell lost or added
        if index + 1 + columns < len(lines) and _is_cell(lines[index + 1 + columns]):
            return []  # a row with more numbers than columns: a cell lost or added
        rows.append((label, values))
        index += 1 + columns
    money = [column for column in range(columns) if not shares[column]]
    headers = [headers[column] for column in money]
    rows = [(label, [values[column] for column in money]) for label, values in rows]
    if not money or not _aligned(rows, len(money)):
        return []
    cells = []
    for label, values in rows:
        for column, value_line in enumerate(values):
            value = parse_number(_NUMBER_LINE.match(value_line.text).group(1))  # type: ignore[union-attr]
            if value is None:
                return []
            cells.append(
                Cell(
                    label.text.strip(),
                    headers[column],
                    value,
                    unit,
                    label.start,
                    value_line.start + len(value_line.text.rstrip()),
                )
            )
    return cells


def _aligned(rows: list[tuple[Line, list[Line]]], columns: int) -> bool:
    """True when one row is a 合计 row that, in one column at least, is the sum of the other
    rows (in every column when there are fewer than three): with every row holding as many
    numbers as there are columns, one column adding up proves the alignment, and a column
    that does not add up is the report's own difference, for the readers to report."""
    totals = [values for label, values in rows if _TOTAL_ROW.match(label.text.strip())]
    parts = [values for label, values in rows if not _TOTAL_ROW.match(label.text.strip())]
    if len(totals) != 1 or len(parts) < 2:
        return False

    def number(line: Line) -> Decimal:
        value = parse_number(line.text.strip())
        return value if value is not None else Decimal("NaN")

    adding_up = [
        column
        for column in range(columns)
        if reconcile.Reading(
            "column",
            number(totals[0][column]),
            tuple(number(values[column]) for values in parts),
            column,
        ).adds_up
    ]
    return len(adding_up) == columns or (columns >= 2 and len(parts) >= 2 and bool(adding_up))
