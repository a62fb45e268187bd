"""A form's money block proven by its sums: the rows under its total row cut it whole, once or
more (财政拨款 + 其他资金, then 基本支出 + 项目支出), in every budget and spending column.

When a block's rates do not all hold, the sums still show that no cell was lost or moved: a rate
its row's figures do not give is then the report's own (a typo, read as stated and reported by
the checks), not a sign of cells out of place.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.importers.pastings.forms import form_number

_MONEY_KINDS = ("budget", "spent")


def cuts_add_up(rows: list[list[str]], kinds: list[str | None]) -> bool:
    """The rows under the first, in order, fall into runs of two or more that each add up to the
    first row in every budget and spending column, every row filling those columns."""
    money = [column for column, kind in enumerate(kinds) if kind in _MONEY_KINDS]
    if not money or len(rows) < 3 or any(len(cells) <= max(money) for cells in rows):
        return False
    table = [[form_number(cells[column]) for column in money] for cells in rows]
    if any(value is None for values in table for value in values):
        return False
    total, *parts = table
    if any(value is None or value <= 0 for value in total):
        return False
    sums = [Decimal(0)] * len(money)
    run = 0
    for values in parts:
        sums = [s + (v or Decimal(0)) for s, v in zip(sums, values, strict=True)]
        run += 1
        if sums == total:
            if run < 2:
                return False  # a row equal to the total alone is no cut of it
            sums, run = [Decimal(0)] * len(money), 0
    return run == 0
