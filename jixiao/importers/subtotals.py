"""A money table's 小计 row at its bottom, under its 其中 rows: the table's total.

小计 alone names a subtotal (a block's, a project list's) and is not read as the department's
total. It is the total only when it is proven so: it is the last row of the table with a label and
an amount (rows of words below it, the year's goals, do not count),
no other row of the table is a total (合计 / 总计 / 资金总额…), and the funding rows (基本支出 /
项目支出) or the economic rows (工资福利支出 …) above it, two or more, add up to it cell by cell
in every amount column (to a cent a row).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from jixiao.importers.patterns import NUMBER, parse_number

_SUBTOTAL = re.compile(r"^小计$")
_PART_PREFIX = re.compile(r"^其中[:]?\s*")
_AMOUNT = re.compile(rf"^\s*({NUMBER})\s*$")
_PART_KINDS = ("funding", "economic")


def _amounts(cells: list[str]) -> list[Decimal | None]:
    values: list[Decimal | None] = []
    for cell in cells:
        match = _AMOUNT.match(cell)
        value = parse_number(match.group(1)) if match and "%" not in cell else None
        values.append(Decimal(str(value)) if value is not None else None)
    return values


def _adds_up(
    parts: list[list[Decimal | None]], whole: list[Decimal | None], columns: list[int]
) -> bool:
    """Each amount column's parts add up to the whole, to a cent a part."""
    columns = [c for c in columns if c < len(whole) and whole[c] is not None]
    if len(parts) < 2 or not columns:
        return False
    slack = Decimal("0.01") * len(parts) + Decimal("0.001")
    for column in columns:
        cells = [row[column] if column < len(row) else None for row in parts]
        if any(cell is None for cell in cells):
            return False
        if abs(sum(cells, Decimal(0)) - whole[column]) > slack:  # type: ignore[arg-type]
            return False
    return True


def subtotal_is_total(
    rows: list[list[str]],
    amount_columns: list[int],
    kind_of: Callable[[str], str | None],
    is_total: Callable[[str], bool],
) -> bool:
    """Whether the table's 小计 row is its total (rows: each money row's cells, the label
    first; amount_columns: the indexes, among the cells after the label, of the amounts)."""
    labelled = [row for row in rows if row and row[0].strip() and any(_amounts(row[1:]))]
    if not labelled or not _SUBTOTAL.match(labelled[-1][0].strip()):
        return False
    if any(is_total(row[0].strip()) for row in labelled[:-1]):
        return False
    whole = _amounts(labelled[-1][1:])
    for kind in _PART_KINDS:
        parts = [
            _amounts(row[1:])
            for row in labelled[:-1]
            if kind_of(_PART_PREFIX.sub("", row[0].strip())) == kind
        ]
        if _adds_up(parts, whole, amount_columns):
            return True
    return False
