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

A form's money block (年度预算数 / 全年执行数 / 执行率 / 分值 / 得分) may have rows of different
lengths, its part rows having lost their empty score cells; it is read when every row's 执行率 is
its spending over its budget and the parts add up to the total row (`_read_rate_block`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

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
# a caption closing on its unit in brackets ("年度预算资金情况（万元）")
_CAPTION_UNIT = re.compile(rf"^[{CJK}]{{2,20}}\((亿元|万元|千元|元)\)$")
# a row label of a form's money block: "年度资金总额", "其中：基本支出"
_PART_PREFIX = re.compile(r"^其中[:]?")
_ROW_LABEL = re.compile(rf"^(?:其中[:]?)?[{CJK}()“”\"、]{{2,16}}$")
# the columns of a form's money block: budget, spending, their rate, then the form's own score
# columns (分值 / 得分 of the 预算执行率 indicator), which a part row may have lost
_BUDGET_TITLE = re.compile(r"预算")
_SPENT_TITLE = re.compile(r"执行数|支出数|决算数|实际支出|支出金额")
_RATE_TITLE = re.compile(r"^(?:(?:预算)?(?:执行率|完成率)|(?:预算)?资金(?:使用|执行)率)(?:\(%\))?$")
_SCORE_TITLE = re.compile(r"^(?:分值|得分|权重|评分|扣分|满分|自评得分|自评分)$")
_BLOCK_TOTAL = re.compile(r"(?:合计|总计|总额)$")


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
    tried: set[int] = set()
    for index, line in enumerate(lines):
        unit = _UNIT.search(line.text.strip()) or _CAPTION_UNIT.match(line.text.strip())
        if not unit and index not in tried and (titled := _unit_in_titles(lines, index)):
            found = _read(lines, index, titled) or _read_rate_block(lines, index, titled)[0]
            cells.extend(replace(c, column=_BRACKETED_UNIT.sub("", c.column)) for c in found)
        if unit:
            found = _read(lines, index + 1, unit.group(1))
            starts = [] if found else _block_starts(lines, index)
            tried.update(starts)
            for begin in starts:
                found = _read_rate_block(lines, begin, unit.group(1))[0]
                if found:
                    break
            for begin in starts[1:]:
                # a plain money block under a later "项目" title: a form whose staffing cells
                # stand between its unit line and its money block (its 合计 row proves it)
                found = found or _read(lines, begin, unit.group(1))
            cells.extend(found)
    return cells


_BRACKETED_UNIT = re.compile(r"\((?:亿元|万元|千元|元)\)$")
_TITLE_UNIT = re.compile(rf"^[{CJK}]{{2,12}}\((亿元|万元|千元|元)\)$")
_TITLES_REACH = 8


def _unit_in_titles(lines: list[Line], index: int) -> str | None:
    """The unit of a block with no unit line whose column titles state it in brackets ("项目" /
    "全年预算数（万元）" / "全年执行数（万元）" / "执行率"): *lines[index]* the title over the row
    labels, two titles or more under it stating one unit and none another."""
    if not _LABEL_COLUMN_TITLE.match(lines[index].text.strip()):
        return None
    units: list[str] = []
    for line in lines[index + 1 : index + _TITLES_REACH]:
        text = line.text.strip()
        if not _TITLE.match(text) and not _TITLE_UNIT.match(text):
            break
        if found := _TITLE_UNIT.match(text):
            units.append(found.group(1))
    return units[0] if len(units) >= 2 and len(set(units)) == 1 else None


def _block_starts(lines: list[Line], index: int) -> list[int]:
    """Where a form's money block may start under its unit line (*index*): right below it, or,
    in a form flattened one cell per line whose unit line stands under the title with other
    cells between ("单位：万元" / "部门（单位）名称" / … / "年度部门整体支出预算执行情况" / "项目" /
    "年度预算数" / …), at each later title over the row labels ("项目", `_LABEL_COLUMN_TITLE`), up
    to the next unit line. The block itself must then be proven by its rates and sums
    (`_read_rate_block`)."""
    starts = [index + 1]
    for at in range(index + 2, min(len(lines), index + _FORM_REACH)):
        text = lines[at].text.strip()
        if _UNIT.search(text) or _CAPTION_UNIT.match(text):
            break
        if _LABEL_COLUMN_TITLE.match(text):
            starts.append(at)
    return starts


# how many lines below a form's unit line its money block may start
_FORM_REACH = 80
# the title over a form block's row labels ("项目"), maybe under a caption line
_LABEL_COLUMN_TITLE = re.compile(r"^(?:资金)?(?:项目|类别|科目)(?:名称)?$")
# a line between a form block's rows that opens another cut of the total ("按支出性质分：")
_CUT_LINE = re.compile(rf"^[{CJK}]{{2,12}}:$")


def flattened_execution_rates(lines: list[Line]) -> list[tuple[Decimal, int, int, str]]:
    """(rate, start, end, label) of the total row of each flattened budget / spending / 执行率
    block whose rows the arithmetic proves (see `_read_rate_block`)."""
    rates = []
    for index, line in enumerate(lines):
        unit = _UNIT.search(line.text.strip()) or _CAPTION_UNIT.match(line.text.strip())
        if unit:
            rate = None
            starts = _block_starts(lines, index)
            for begin in starts:
                rate = _read_rate_block(lines, begin, unit.group(1))[1]
                if rate is not None:
                    break
            for begin in starts:
                # the 执行率 column under a later "项目" title too: a form whose staffing cells
                # stand between its unit line and its money block ("单位：万元" / "人员情况" / …)
                if rate is None:
                    rate = _rate_column(lines, begin, unit.group(1))
            if rate is not None:
                rates.append(rate)
    return rates


def _rate_column(lines: list[Line], begin: int, unit: str) -> tuple[Decimal, int, int, str] | None:
    """The 合计 row's 执行率 of a flattened table whose money columns the sums prove (`_read`) and
    whose 执行率 column ("年初预算数 / 全年预算数 / 实际执行数 / 执行率") every other row proves: each
    part row's rate is its spending over its budget (全年 / 调整后 when 年初 stands beside it) to
    the decimals written. The total row's own rate is then the report's 预算执行率 as written, even
    when its own figures give another (rates.E001 reports it); a part row's rate that misses, or a
    rate column that proves nothing, and none is read."""
    if not _read(lines, begin, unit):
        return None
    titles: list[Line] = []
    index = begin
    while index < len(lines) and _TITLE.match(lines[index].text.strip()):
        titles.append(lines[index])
        index += 1
    columns = 0
    while index + columns < len(lines) and _is_cell(lines[index + columns]):
        columns += 1
    headers = [t.text.strip() for t in titles[-columns - 1 : -1]]
    rate_at = [c for c, title in enumerate(headers) if _RATE_TITLE.match(title)]
    spent_at = [c for c, title in enumerate(headers) if _SPENT_TITLE.search(title)]
    budgets = [c for c, title in enumerate(headers) if _BUDGET_TITLE.search(title)]
    later = [c for c in budgets if re.search(r"全年|调整后", headers[c])]
    budget_at = later if len(budgets) > 1 else budgets
    if len(rate_at) != 1 or len(spent_at) != 1 or len(budget_at) != 1:
        return None
    rows: list[tuple[str, list[Line]]] = []
    label = titles[-1]
    while index + columns <= len(lines):
        values = lines[index : index + columns]
        if len(values) != columns or not all(_is_cell(v) for v in values):
            break
        rows.append((label.text.strip(), values))
        index += columns
        if index < len(lines) and _TITLE.match(lines[index].text.strip()):
            label, index = lines[index], index + 1
        else:
            break

    def number(line: Line) -> Decimal:
        value = parse_number(line.text.strip().rstrip("%").strip())
        return value if value is not None else Decimal("NaN")

    totals = [(label, values) for label, values in rows if _TOTAL_ROW.match(label)]
    parts = [values for label, values in rows if not _TOTAL_ROW.match(label)]
    if len(totals) != 1 or not parts:
        return None
    if not all(
        _rate_matches(number(v[rate_at[0]]), number(v[spent_at[0]]), number(v[budget_at[0]]))
        for v in parts
    ):
        return None
    label, values = totals[0]
    rate_line = values[rate_at[0]]
    if not _PERCENT_LINE.match(rate_line.text):
        return None
    return (
        number(rate_line),
        rate_line.start,
        rate_line.start + len(rate_line.text.rstrip()),
        f"{label}{headers[rate_at[0]]}",
    )


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
    titled = tuple(
        bool(_SHARE_TITLE.search(title) or _RATE_TITLE.match(title)) for title in headers
    )
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


def _rate_matches(rate: Decimal, spent: Decimal, budget: Decimal) -> bool:
    """The rate written equals spending / budget rounded to the decimals it is written with."""
    if budget <= 0:
        return False
    exponent = rate.as_tuple().exponent
    places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    return (spent * 100 / budget).quantize(places, rounding=ROUND_HALF_UP) == rate


def _read_rate_block(
    lines: list[Line], begin: int, unit: str
) -> tuple[list[Cell], tuple[Decimal, int, int, str] | None]:
    """A form's money block flattened one cell per line: titles 年度预算数 / 全年执行数 / 执行率
    [/ 分值 / 得分], then rows of a label, budget, spending, rate [, score cells]. A part row
    ("其中：基本支出") may have lost its empty score cells, so rows differ in length; the rate
    proves each row: its 执行率 must be its spending over its budget to the decimals written, in
    every row, and the parts must add up to the total row in both columns. Gives the budget and
    spending cells and, when its first row is the total, that row's rate."""
    titles: list[Line] = []
    index = begin
    while index < len(lines) and _TITLE.match(lines[index].text.strip()):
        titles.append(lines[index])
        index += 1
    first = index
    while index < len(lines) and _is_cell(lines[index]):
        index += 1
    columns = index - first
    extra = titles[: -columns - 1] if columns >= 3 else []
    if extra and not (len(extra) == 1 and _LABEL_COLUMN_TITLE.match(extra[0].text.strip())):
        return [], None  # a title left over that is not the title over the row labels
    titles = titles[len(extra) :]
    if columns < 3 or len(titles) != columns + 1:
        return [], None  # a title left over or missing: the columns are not known
    headers = [title.text.strip() for title in titles[:-1]]
    if not (
        _BUDGET_TITLE.search(headers[0])
        and _SPENT_TITLE.search(headers[1])
        and _RATE_TITLE.match(headers[2])
        and all(_SCORE_TITLE.match(title) for title in headers[3:])
    ):
        return [], None
    rows: list[tuple[Line, list[Line]]] = []
    cuts: list[int] = []  # the index of the first row after each "按…分：" line
    label, index = titles[-1], first
    while True:
        values = []
        while index < len(lines) and _is_cell(lines[index]) and len(values) < columns:
            values.append(lines[index])
            index += 1
        if len(values) < 3 or not (_is_number(values[0]) and _is_number(values[1])):
            return [], None
        if _is_number(values[2]) or not all(_is_number(v) for v in values[3:]):
            return [], None  # the rate's place holds an amount: a cell lost or added
        rows.append((label, values))
        if index < len(lines) and _is_cell(lines[index]):
            return [], None  # more cells than columns
        if (
            index + 1 < len(lines)
            and _ROW_LABEL.match(lines[index].text.strip())
            and _is_number(lines[index + 1])
        ):
            label, index = lines[index], index + 1
            continue
        if (
            len(rows) >= 1
            and index + 2 < len(lines)
            and _CUT_LINE.match(lines[index].text.strip())
            and _ROW_LABEL.match(lines[index + 1].text.strip())
            and _is_number(lines[index + 2])
        ):
            cuts.append(len(rows))
            label, index = lines[index + 1], index + 2
            continue
        break
    if len(rows) < 2:
        return [], None

    def number(line: Line) -> Decimal:
        value = parse_number(line.text.strip().rstrip("%").strip())
        return value if value is not None else Decimal("NaN")

    figures = [(label, [number(v) for v in values[:3]]) for label, values in rows]
    if any(v.is_nan() for _, values in figures for v in values):
        return [], None
    if not all(_rate_matches(rate, spent, budget) for _, (budget, spent, rate) in figures):
        return [], None
    total, *parts = figures
    bounds = [1, *cuts, len(figures)]
    # each cut of the total ("按收入性质分：" / "按支出性质分：") adds up to it on its own
    groups = [figures[a:b] for a, b in pairwise(bounds) if b > a]
    for group in groups or [parts]:
        for column in (0, 1):
            if not reconcile.Reading(
                "column", total[1][column], tuple(values[column] for _, values in group), column
            ).adds_up:
                return [], None
    cells = [
        Cell(
            _PART_PREFIX.sub("", label.text.strip()),
            headers[column],
            values[column],
            unit,
            label.start,
            value_line.start + len(value_line.text.rstrip()),
        )
        for (label, value_lines), (_, values) in zip(rows, figures, strict=True)
        for column, value_line in enumerate(value_lines[:2])
    ]
    rate = None
    total_label = total[0].text.strip()
    if _BLOCK_TOTAL.search(total_label) and not _PART_PREFIX.match(total_label):
        rate_line = rows[0][1][2]
        rate = (
            total[1][2],
            rate_line.start,
            rate_line.start + len(rate_line.text.rstrip()),
            f"{total_label}{headers[2]}",
        )
    return cells, rate
