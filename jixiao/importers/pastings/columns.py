"""A form's column titles and the arithmetic that proves a rebuilt money block: the kind of each
title (budget, spending, rate, score) and every written rate its row's spending over its budget.
Shared by normalise.py's flattened-form pass and the pastings passes."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_FORM_UNIT = re.compile(r"\((?:%|万元|元|千元|亿元)\)$")
# a form's column letters after a title ("全年预算数(A)", "执行率(C=B/A)")
_LETTERS = re.compile(r"\([A-Z](?:[/=+\-*×÷][A-Z]){0,3}\)$")
_FORM_BUDGET = re.compile(r"^[\u4e00-\u9fff]{0,5}预算(?:数|额|金额)?$")
_FORM_SPENT = re.compile(
    r"^[\u4e00-\u9fff]{0,4}(?:执行数|执行额|执行金额|支出数|支出额|决算数|实际支出|支出金额)$"
)
_FORM_RATE = re.compile(r"^(?:预算)?(?:执行率|完成率)$")
_FORM_SCORE = re.compile(r"^(?:分值|得分|权重|评分|扣分)$")
# the title over a money block's row labels
ROW_LABEL_TITLE = re.compile(
    r"^(?:项目|资金项目|项目名称|类别|科目|资金来源|支出类型|资金情况|内容|指标|名称)$"
)


def form_column(title: str) -> str | None:
    """ "budget", "spent", "rate" or "score" for a form's column title."""
    title = _FORM_UNIT.sub("", title)
    if _FORM_RATE.match(title):
        return "rate"
    if _FORM_SCORE.match(title):
        return "score"
    if _FORM_BUDGET.match(title):
        return "budget"
    if _FORM_SPENT.match(title):
        return "spent"
    return None


def form_column_lettered(title: str) -> str | None:
    """`form_column` of a title that may end on the form's column letters ("全年预算数(A)")."""
    return form_column(_LETTERS.sub("", title.replace(" ", "")))


def percent_off_its_column(cells: list[str], kinds: list[str | None]) -> bool:
    """A rate ("97.09%") in a cell not under a rate title: the cells are not aligned."""
    return any("%" in cell and kind != "rate" for cell, kind in zip(cells, kinds, strict=False))


def form_number(cell: str) -> Decimal | None:
    try:
        return Decimal(cell.rstrip("%").strip().replace(",", ""))
    except InvalidOperation:
        return None


def rates_hold(rows: list[list[str]], headers: list[str], kinds: list[str | None]) -> bool:
    """Every rate written in a row ("99.47%" under 执行率) is the row's spending over its budget
    (全年 / 调整后 when 年初 stands beside it) to the decimals written; with no such pair of
    columns, no row may state a rate."""
    budgets = [c for c, kind in enumerate(kinds) if kind == "budget"]
    later = [c for c in budgets if re.search(r"全年|调整", headers[c])]
    budget_at = later if len(budgets) > 1 else budgets
    spent_at = [c for c, kind in enumerate(kinds) if kind == "spent"]
    for cells in rows:
        for column, cell in enumerate(cells):
            if kinds[column] != "rate" or "%" not in cell:
                continue
            if (
                len(budget_at) != 1
                or len(spent_at) != 1
                or len(cells) <= max(*budget_at, *spent_at)
            ):
                return False
            rate = form_number(cell)
            budget = form_number(cells[budget_at[0]])
            spent = form_number(cells[spent_at[0]])
            if rate is None or budget is None or spent is None or budget <= 0:
                return False
            exponent = rate.as_tuple().exponent
            places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
            if (spent * 100 / budget).quantize(places, rounding=ROUND_HALF_UP) != rate:
                return False
    return True


def folded_width(text: str) -> int:
    """Display width of text whose full-width punctuation was folded to ASCII: ideographs 2,
    digits, letters and spaces 1, punctuation 2 (it was full-width) unless inside a number
    ("1,021.58") or a percent sign after one ("96.15%")."""
    width = 0
    for index, char in enumerate(text):
        if ord(char) >= 0x2E80:
            width += 2
        elif char.isalnum() or char == " ":
            width += 1
        else:
            after_digit = index > 0 and text[index - 1].isdigit()
            inside = after_digit and index < len(text) - 1 and text[index + 1].isdigit()
            width += 1 if inside or (after_digit and char == "%") else 2
    return width
