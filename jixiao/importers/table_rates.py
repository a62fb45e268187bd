"""The budget execution rate stated in a money table's rate column ("完成率" / "执行率").

A table with a budget column, a spending column and a rate column states the department's
预算执行率 in its 合计 row. A column titled 完成率 or 执行率 alone may be anything's rate, so the
row's own arithmetic decides: the rate is read only when it is the row's spending over its
budget, to the decimals written. A column titled 预算执行率 says so itself, and so does the
自评表's 年度资金总额 row (the form defines its 执行率). Columns of last year
(上年…) are never the year's budget or spending.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from jixiao.importers.document import Line
from jixiao.importers.pastings.forms import form_column, row_name
from jixiao.importers.patterns import CJK, GROUP_TITLE, parse_number
from jixiao.importers.subtotals import subtotal_is_total

_RATE_COLUMN = re.compile(
    r"^(?:(?:预算)?(?:执行率|完成率)|(?:预算)?资金(?:使用|执行)率)(?:\(%\))?$"
)
_SPENT_COLUMN = re.compile(
    r"决算|实际支出|支出数|执行数|实际|完成数|支出(?:合计|总额)|累计支出|(?:全年|本年|年度)?执行(?:金额)?$|支出金额$|^(?:全年|本年|年度)支出$"
)
_TOTAL_ROW = re.compile(
    r"^(?:合计|总计|支出合计|总额|(?:(?:19|20)\d{2}(?=年))?(?:年度|全年)?(?:预算)?资金总额"
    r"|(?:年度)?部门预算资金(?:总额)?|(?:年度|全年)?资金合计)$"
)
# the 部门整体支出绩效自评表's first row: the form itself defines its 执行率 as 执行数 / 预算数 (a
# year may open it, "2024年度资金总额", when it is the table's only row so dated)
_FORM_TOTAL_ROW = re.compile(
    r"^(?:(?:(?:19|20)\d{2}(?=年))?(?:年度|全年)?(?:预算)?资金总额|(?:年度)?部门预算资金(?:总额)?|(?:年度|全年)?资金合计)$"
)
_DATED_ROW = re.compile(r"^(?:19|20)\d{2}年")
_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%?\s*$")
# a rate written as a fraction by a spreadsheet's export ("0.9569", "1.0000"): two decimals or more
_FRACTION = re.compile(r"^\s*(0\.\d{2,}|1\.0{2,})\s*$")


def fraction_rate(cell: str) -> Decimal | None:
    """The percentage a fraction cell states ("0.9569" → 95.69, its decimals kept), or None.
    A fraction is read as a rate only where the row's arithmetic proves it (spending over budget):
    a bare 0.96 may be anything."""
    match = _FRACTION.match(cell)
    return Decimal(match.group(1)).scaleb(2) if match else None


def table_execution_rates(lines: list[Line]) -> Iterator[tuple[Decimal, int, int, str]]:
    """(rate, start, end, label) of every table 合计 row's budget execution rate."""
    for rows in _tables(lines):
        header = [cell.strip() for cell in rows[0].text.split("\t")]
        rate_columns = [n for n, title in enumerate(header) if _RATE_COLUMN.match(title)]
        if len(rate_columns) != 1:
            continue
        rate_column = rate_columns[0]
        current = [n for n, t in enumerate(header) if n and "上年" not in t and "率" not in t]
        if _last_year_only(header):
            continue  # "上年预算数 | 上年执行数 | 执行率": last year's rate, even in a form's row
        spent = [n for n in current if _SPENT_COLUMN.search(header[n])]
        budget = _budget_column(
            header, [n for n in current if "预算" in header[n] and n not in spent]
        )
        dated = [row for row in rows[1:] if _DATED_ROW.match(row.text)]
        subtotal = _subtotal_total(rows[1:], [n - 1 for n in [*spent, *budget]])
        for row in rows[1:]:
            cells = row.text.split("\t")
            label = cells[0].strip()
            if not (_TOTAL_ROW.match(label) or (subtotal and label == "小计")):
                continue
            if rate_column >= len(cells):
                continue
            if len(dated) > 1 and row in dated:
                continue  # "2023年资金总额" over "2024年资金总额": two years side by side
            match = _PERCENT.match(cells[rate_column])
            fraction = fraction_rate(cells[rate_column])
            if match is None and fraction is None:
                continue
            rate = fraction if fraction is not None else Decimal(match.group(1) if match else 0)
            named = fraction is None and (
                header[rate_column].startswith("预算")
                or bool(_FORM_TOTAL_ROW.match(cells[0].strip()))
                or (
                    _rates_of_the_parts_hold(rows[1:], row, rate_column, spent, budget)
                    and not _over_another_budget(rate, cells, header, spent, budget)
                )
            )
            if not named and not _is_spent_over_budget(rate, cells, spent, budget):
                continue
            start = row.start + sum(len(c) + 1 for c in cells[:rate_column])
            yield rate, row.start, start + len(cells[rate_column].rstrip()), header[rate_column]


_RATE_ROW = re.compile(r"^(?:预算)?执行率(?:\(%\))?$")


def rate_row_rates(lines: list[Line]) -> Iterator[tuple[Decimal, int, int, str]]:
    """A money table's rate written as a row of its own under its 合计 ("执行率 | | | 95.90%",
    under the 全年执行数 column): the department's rate when it is the 合计 row's spending over
    its budget (the adjusted one, where 年初 stands beside it), to the decimals written."""
    for rows in _tables(lines):
        header = [cell.strip() for cell in rows[0].text.split("\t")]
        current = [n for n, t in enumerate(header) if n and "上年" not in t and "率" not in t]
        spent = [n for n in current if _SPENT_COLUMN.search(header[n])]
        budget = _budget_column(
            header, [n for n in current if "预算" in header[n] and n not in spent]
        )
        totals = [row for row in rows[1:] if _TOTAL_ROW.match(row.text.split("\t")[0].strip())]
        if len(spent) != 1 or len(budget) != 1 or len(totals) != 1:
            continue
        for row in rows[1:]:
            cells = row.text.split("\t")
            if not _RATE_ROW.match(cells[0].strip()):
                continue
            written = [(n, cell) for n, cell in enumerate(cells[1:], 1) if cell.strip()]
            match = _PERCENT.match(written[0][1]) if len(written) == 1 else None
            if match is None or written[0][0] != spent[0]:
                continue
            rate = Decimal(match.group(1))
            if _is_spent_over_budget(rate, totals[0].text.split("\t"), spent, budget):
                start = row.start + sum(len(c) + 1 for c in cells[: written[0][0]])
                yield rate, row.start, start + len(written[0][1].rstrip()), cells[0].strip()


def _rates_of_the_parts_hold(
    rows: list[Line], total: Line, rate_column: int, spent: list[int], budget: list[int]
) -> bool:
    """Two rows at least besides the total state a rate, and each is its row's spending over its
    budget: the column is the budget execution rate, so the total's rate is the one the table
    states, even where its own figures contradict it (a finding then, not a figure dropped)."""
    checked = 0
    for row in rows:
        cells = row.text.split("\t")
        if row is total or rate_column >= len(cells):
            continue
        match = _PERCENT.match(cells[rate_column])
        if match is None or not cells[rate_column].strip():
            continue
        if not _is_spent_over_budget(Decimal(match.group(1)), cells, spent, budget):
            return False
        checked += 1
    return checked >= 2


def _over_another_budget(
    rate: Decimal, cells: list[str], header: list[str], spent: list[int], budget: list[int]
) -> bool:
    """The rate is the row's spending over another budget column (年初预算数 beside 全年): that
    column's rate, not the execution rate."""
    others = [n for n, t in enumerate(header) if n and "预算" in t and n not in (*spent, *budget)]
    return any(_is_spent_over_budget(rate, cells, spent, [n]) for n in others)


def _subtotal_total(rows: list[Line], amount_columns: list[int]) -> bool:
    """The table's 小计 row at its bottom is its total (see subtotals.py)."""
    if not any(row.text.startswith("小计") for row in rows):
        return False
    from jixiao.importers.money import classify  # money reads this module's rates

    return subtotal_is_total(
        [row.text.split("\t") for row in rows if not _SCORE_TOTAL_ROW.match(row.text)],
        amount_columns,
        lambda label: classify(label)[0],
        lambda label: classify(label)[0] == "total" or bool(_TOTAL_ROW.match(label)),
    )


_LAST_YEAR_TITLE = re.compile(r"上年|去年|上一年|前一年")


def _last_year_only(header: list[str]) -> bool:
    """Every money column (a budget or spending title, no rate) is last year's: the block's
    rate is last year's too."""
    money = [
        title
        for title in header[1:]
        if ("预算" in title or _SPENT_COLUMN.search(title)) and "率" not in title
    ]
    return bool(money) and all(_LAST_YEAR_TITLE.search(title) for title in money)


def _budget_column(header: list[str], budget: list[int]) -> list[int]:
    """The budget a rate is taken over: with 年初预算数 beside 全年预算数 / 调整后预算数, the
    full-year (adjusted) one; the initial one only when it is the table's only budget."""
    if len(budget) > 1:
        budget = [n for n in budget if not re.search(r"年初|批复", header[n])]
    return budget


def _is_spent_over_budget(
    rate: Decimal, cells: list[str], spent: list[int], budget: list[int]
) -> bool:
    if len(spent) != 1 or len(budget) != 1 or max(spent[0], budget[0]) >= len(cells):
        return False
    spending = parse_number(cells[spent[0]].strip())
    budgeted = parse_number(cells[budget[0]].strip())
    if spending is None or budgeted is None or budgeted == 0:
        return False
    exponent = rate.as_tuple().exponent
    places = max(-exponent, 0) if isinstance(exponent, int) else 0
    ratio = spending * 100 / budgeted
    computed = ratio.quantize(Decimal(1).scaleb(-places))
    return computed == rate or _rounded_twice(ratio, places) == rate


def _rounded_twice(ratio: Decimal, places: int) -> Decimal:
    """The ratio rounded first to one more decimal, then to the decimals written (96.3749… →
    96.375 → 96.38): a clerk's rate from a calculator's rounded display, one unit off in its
    last place only when the ratio's next digits are …49…."""
    finer = ratio.quantize(Decimal(1).scaleb(-places - 1), rounding=ROUND_HALF_UP)
    return finer.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


# a row of a staffing block: staff titles or whole counts, no amount and no money word
_COUNTS_ROW = re.compile(
    rf"^(?=[^\n]*(?:编制|人数|人员|在职|退休))(?![^\n]*(?:预算|支出|资金|收入|元|\.\d))"
    rf"[{CJK}():\t\d ]+$"
)


def counts_row(text: str) -> bool:
    """A tab row of a staffing block: staff titles or whole counts, no money."""
    return bool(_COUNTS_ROW.match(text))


def staffing_rows_on_top(rows: list[Line]) -> int:
    """How many rows of a staffing table (titles and counts, two rows or more, no money) open a
    run of tab rows that goes on with two rows or more: two Markdown tables a blank line apart
    ("人员情况 | 编制数 | …" / "人数 | 68 | …", then "资金类别 | 预算数 | …"), the second one the
    money table; 0 when the run does not open so."""
    lead = 0
    while lead < len(rows) and counts_row(rows[lead].text):
        lead += 1
    return lead if lead >= 2 and len(rows) - lead >= 2 else 0


# a form's head row inside its table: "部门名称 | 某县林业局 | 主管部门 | 某县人民政府", "预算年度 |
# 2023 | 金额单位 | 元" (keys a head field's, values words, a year or a unit)
_HEAD_KEY = re.compile(
    r"^(?:部门|单位|预算单位|主管部门|填报单位|部门\(单位\))(?:名称)?$|^(?:主管部门|填报人|联系电话"
    r"|填报日期|(?:预算|评价|所属|自评)年度|(?:金额)?单位)$"
)
_HEAD_VALUE = re.compile(rf"^(?:[{CJK}()]{{0,30}}|(?:19|20)\d{{2}}(?:年度?)?|[\d\-]{{5,20}}|)$")


def form_head_row(text: str) -> bool:
    """A row of a form's head fields and nothing else (no amount: a year, a unit, names); a
    merged cell left blank ("部门名称 | 某学校 | | 主管部门 | 某局") is no field."""
    cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
    return (
        len(cells) >= 4  # two fields at least: a lone "部门名称 | …" row may title the table
        and len(cells) % 2 == 0
        and all(_HEAD_KEY.match(key) for key in cells[::2])
        and all(_HEAD_VALUE.match(value) for value in cells[1::2])
    )


def _tables(lines: list[Line]) -> Iterator[list[Line]]:
    """Every run of tab-separated lines (Word table rows, Markdown tables)."""
    index = 0
    while index < len(lines):
        if "\t" not in lines[index].text:
            index += 1
            continue
        end = index
        while end < len(lines) and "\t" in lines[end].text:
            end += 1
        index += staffing_rows_on_top(lines[index:end])
        beside = money_beside_staffing(lines[index:end])
        if beside is not None:
            # the money block of a form drawn beside its staffing block is a table of its own
            first, last, money_rows, _ = beside
            yield money_rows
            yield from _tables([*lines[index : index + first], *lines[index + last : end]])
            index = end
            continue
        blocks = form_blocks(lines[index:end])
        if blocks:
            yield from (
                without_caption_column(lines[index + first : index + last])
                for first, last in blocks
            )
        else:
            yield without_caption_column(lines[index:end])
        index = end


_NUMBER_CELL = re.compile(r"^\s*-?[\d,]+(?:\.\d+)?\s*%?\s*$")


def form_blocks(rows: list[Line]) -> list[tuple[int, int]]:
    """(first, end) row indices of the money blocks inside a form drawn as one table (a
    部门整体支出绩效自评表: "填报单位…\t\t金额单位：万元", "部门名称\t…\t主管部门\t…", then "年度预算执行情况\t
    年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分" over rows of numbers). A block starts at a
    row of three titles or more, every cell words (no digit, none empty), that is not the form's
    first row, whose cell count the first row does not share, and that the next row follows with
    as many cells and a number among them; it runs while the rows keep that cell count (or have
    fewer, their last cells blank and dropped, a number in the first value cell). Such a row is
    the header of the rows below it, not the form's first row."""
    blocks: list[tuple[int, int]] = []
    first_count = len(rows[0].text.split("\t")) if rows else 0
    repeated = repeated_first = _repeated_caption_rows(rows, 0)
    if repeated:
        blocks.append((0, repeated))
    index = max(1, repeated)
    while index < len(rows) - 1:
        repeated = _repeated_caption_rows(rows, index)
        if repeated:
            blocks.append((index, repeated))
            index = repeated
            continue
        cells = [cell.strip() for cell in rows[index].text.split("\t")]
        wrapped = _wrapped_title_row(rows, index, len(cells))
        following = rows[min(index + 1 + wrapped, len(rows) - 1)].text.split("\t")
        if (
            (len(cells) >= 3 or money_header(cells))
            and (len(cells) != first_count or money_header(cells))
            and (
                all(cells)
                or _caption_header(cells, following)
                or (wrapped and _merged_under_groups(cells))
                or (
                    _titles_under_a_dropped_caption(cells)
                    and bool(re.search(r"\d\.\d", rows[index - 1].text))  # a row of figures above
                )
            )
            and not any(re.search(r"\d", cell) for cell in cells)
            and _first_block_row(following, len(cells))
        ):
            end = index + 1 + wrapped
            while (
                end < len(rows)
                and (
                    _block_row(rows[end].text.split("\t"), len(cells))
                    or _section_in_block(rows, end, len(cells))
                )
                and not INDICATOR_TITLES.search(rows[end].text)
            ):
                end += 1
            blocks.append((index, end))
            index = end
        else:
            index += 1
    if blocks and blocks[0][0] > 0 and not repeated_first:
        # the run opens with a block of its own before the first block found below it
        end = _opening_block_end(rows, blocks[0][0])
        if end:
            blocks.insert(0, (0, end))
    if not blocks and len(rows) > 2:
        blocks = _captioned_opening_block(rows)
    return blocks


def _captioned_opening_block(rows: list[Line]) -> list[tuple[int, int]]:
    """The run opening on a money block under a merged caption (`_money_caption_header`) with
    other rows under it as wide (an indicator block pasted on: "绩效指标 | 一级指标 | … | 三级指标 |
    指标值 | 实际完成值", the goals' rows, words alone, or the total score's): the money block's
    rows. [] when the run holds nothing else, or when the row that ends them has a number and is
    none of those (a money row of a shape the block's rows are not: the run is left to the readers
    of whole runs, which may read it)."""
    cells = [cell.strip() for cell in rows[0].text.split("\t")]
    if not _money_caption_header(cells, rows[1].text.split("\t")):
        return []
    end = 1
    while end < len(rows) and _captioned_block_row(rows[end].text.split("\t"), len(cells)):
        end += 1
    if end == len(rows):
        return []
    after = rows[end].text
    closed = INDICATOR_TITLES.search(after) or _SCORE_TOTAL_ROW.match(after)
    return [(0, end)] if closed or not re.search(r"\d", after) else []


# the form's total score row ("总分 | | | 100 | 88.4"): closes a money block, no money row itself
_SCORE_TOTAL_ROW = re.compile(r"^\s*(?:总分|总得分|自评总分|自评得分|得分合计|综合得分)\s*(?:\t|$)")


def _captioned_block_row(cells: list[str], width: int) -> bool:
    """A row under a merged caption: its first cell blank, a label, then a number."""
    return (
        2 < len(cells) <= width
        and not cells[0].strip()
        and _is_label(cells[1].strip())
        and bool(_NUMBER_CELL.match(cells[2]))
    )


def _opening_block_end(rows: list[Line], below: int) -> int:
    """The end of the block the run opens on, before the block found at row *below*; 0 when it
    opens on none. Three ways it shows: a money table under its own header ("项目 | 年初预算数 | …
    | 得分" … "项目支出 | …") up to the block below ("按经济分类 | 全年预算数 | …",
    `_header_over_numbers`); a money block whose rows another block's header follows right away
    (an indicator table pasted under it, `_opening_money_block`); the form's first row itself a
    header of three titles or more over rows of numbers as wide ("资金类别 | 全年预算 | 执行数 |
    执行率", then "一级指标 | 权重 | 得分"…)."""
    if below >= 2 and _header_over_numbers(rows, below):
        return below
    if below > 1 and money_header([cell.strip() for cell in rows[0].text.split("\t")]):
        return below  # as pastings/form_blocks.py leaves a money block's header
    if _opening_money_block(rows) == below:
        return below
    cells = [cell.strip() for cell in rows[0].text.split("\t")]
    following = rows[1].text.split("\t")
    if below >= 2 and _money_caption_header(cells, following):
        return below
    if not (
        len(cells) >= 3
        and all(cells)
        and not any(re.search(r"\d", cell) for cell in cells)
        and len(following) == len(cells)
        and any(_NUMBER_CELL.match(cell) for cell in following[1:])
    ):
        return 0
    end = 1
    while end < below and _block_row(rows[end].text.split("\t"), len(cells)):
        end += 1
    return end


# an indicator block's title row ("一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分"):
# it ends a money block drawn above it in the same table, however wide
INDICATOR_TITLES = re.compile(
    r"(?:^|\t)(?:三级指标|指标名称)\t.*(?:年度指标值|目标值|指标值)\t.*(?:实际完成值|完成值|实际值)"
)


# a money table's column title: a budget, a spending, a rate or a score
_MONEY_TITLE = re.compile(r"预算|决算|执行|支出|率|分值|得分|权重")


def _money_caption_header(cells: list[str], following: list[str]) -> bool:
    """The run's first row a money block's title row under a merged caption ("年度预算执行情况
    (万元) |  | 年初预算数 | 全年预算数 | 全年执行数 | 执行率" over " | 合计 | 35,200.00 | …"): the caption,
    the label column's title blank or written, every title after it a money column's, no digit."""
    return (
        _caption_header(cells, following)
        and not any(re.search(r"\d", cell) for cell in cells)
        and all(_MONEY_TITLE.search(title) for title in cells[2:])
        and any(_NUMBER_CELL.match(cell) for cell in following[2:])
    )


def _header_over_numbers(rows: list[Line], end: int) -> bool:
    """Rows [0, end) are a table: a header of three titles or more (words, none empty), each
    after the first a money column's (预算 / 执行 / 支出 / 率 / 分值 / 得分…), then rows with a
    number among their value cells and no more cells than the header."""
    titles = [cell.strip() for cell in rows[0].text.split("\t")]
    if len(titles) < 3 or not all(titles) or any(re.search(r"\d", t) for t in titles):
        return False
    if not all(_MONEY_TITLE.search(title) for title in titles[1:]):
        return False  # "部门名称 | 某局 | 主管部门 | …": the form's first row, no table's header
    body = [row.text.split("\t") for row in rows[1:end]]
    numbered = [cells for cells in body if any(_NUMBER_CELL.match(c) for c in cells[1:])]
    return bool(numbered) and all(len(cells) <= len(titles) for cells in body)


def _opening_money_block(rows: list[Line]) -> int:
    """The end of the money block the run opens on (`_money_header`), 0 when it opens on none."""
    if not _money_header(rows):
        return 0
    width = len(rows[0].text.split("\t"))
    end = 1
    while end < len(rows) and (
        _block_row(rows[end].text.split("\t"), width)
        or (
            "\t" not in rows[end].text
            and bool(_SECTION_CELL.match(rows[end].text.strip()))
            and end + 1 < len(rows)
            and _block_row(rows[end + 1].text.split("\t"), width)
        )
    ):
        end += 1
    return end


def _money_header(rows: list[Line]) -> bool:
    """The run's first row titles a money block: three cells or more, words only, a budget and a
    spending title among them, and the next row as wide with a number."""
    if len(rows) < 2:
        return False
    cells = [cell.strip() for cell in rows[0].text.split("\t")]
    following = rows[1].text.split("\t")
    return (
        len(cells) >= 3
        and all(cells)
        and not any(re.search(r"\d", cell) for cell in cells)
        and any(re.search(r"预算(?:数|额)?$", cell) for cell in cells)
        and any(re.search(r"(?:执行|支出|决算)数$", cell) for cell in cells)
        and len(following) == len(cells)
        and any(_NUMBER_CELL.match(cell) for cell in following[1:])
    )


def money_header(cells: list[str]) -> bool:
    """A money block's header as pastings/form_blocks.py leaves it: 项目 over the row labels,
    then a budget and a spending title among the form's columns (a block of its own even when
    the form's first row is as wide). A blank corner over the labels is one too, as
    pastings/spaced_forms.py leaves a caption that names no row title ("预算执行", a group's
    name): every title after it a form column then, three at least."""
    kinds = {form_column(cell) for cell in cells[1:]}
    if len(cells) == 2:  # one column: the economic classes of a sideways pair of rows or row
        return _corner_of_one_column(cells[0]) and kinds <= {"budget", "spent"}
    if not cells[0]:
        return len(cells) >= 4 and None not in kinds and {"budget", "spent"} <= kinds
    return cells[0] == "项目" and {"budget", "spent"} <= kinds


def _corner_of_one_column(cell: str) -> bool:
    """项目, or the caption pastings/sideways.py keeps over a row of classes turned ("支出结构(执行
    数)"): a label naming no row and holding its column's phase in brackets."""
    caption = re.fullmatch(
        rf"(?:[一二三四五六七八九十]{{1,3}}、)?[{CJK}]{{2,12}}\(([{CJK}]{{2,6}})\)", cell
    )
    return cell == "项目" or (
        caption is not None
        and not row_name(cell)
        and form_column(caption.group(1)) in ("budget", "spent")
    )


def _caption_header(cells: list[str], following: list[str]) -> bool:
    """A block's title row whose first cell is a caption merged over the rows' blank first cells
    ("年度资金情况\t\t年初预算数\t全年预算数…" over "\t年度资金总额\t5,236,400.00…"): the caption
    and the titles from the third cell on written, the second (over the row labels) maybe blank,
    and the next row's first cell blank, its second a label."""
    return (
        len(cells) >= 4
        and bool(cells[0])
        and all(cells[2:])
        and len(following) == len(cells)
        and not following[0].strip()
        and _is_label(following[1])
    )


def _repeated_caption_rows(rows: list[Line], index: int) -> int:
    """The end of a money block whose merged caption column is repeated on every row (a form
    pasted with each merged cell written out: "项目\t项目\t年初预算数\t调整后预算数\t实际支出数…"
    over "资金情况\t总额\t186.40\t214.80…", "资金情况\t财政拨款\t…"): a title row of four cells or
    more, none empty and no digit, whose first title is written twice (merged over the caption
    and the label columns) or is the caption itself; then two rows or more as wide, each with
    the same caption first, a label second and a number after it (the first row as wide, the
    others as wide or shorter: trailing blank cells dropped by the paste). The block ends where the
    caption changes ("人员情况\t编制数\t9"); 0 when there is no such block."""
    if _repeated_caption(rows[index:]) is None:
        return 0
    header = [cell.strip() for cell in rows[index].text.split("\t")]
    caption = rows[index + 1].text.split("\t")[0].strip()
    end = index + 1
    while end < len(rows):
        cells = [cell.strip() for cell in rows[end].text.split("\t")]
        if not 3 <= len(cells) <= len(header) or cells[0] != caption or not _is_label(cells[1]):
            break  # (a row may be shorter: a paste drops its trailing blank cells)
        if not any(_NUMBER_CELL.match(cell) for cell in cells[2:]):
            break
        end += 1
    return end if end - index > 2 else 0


def _repeated_caption(rows: list[Line]) -> str | None:
    """The caption repeated in the first cell of the rows under a title row (see
    `_repeated_caption_rows`), when the title row's first title is written twice or is it."""
    if len(rows) < 3:
        return None
    header = [cell.strip() for cell in rows[0].text.split("\t")]
    if len(header) < 4 or not all(header) or any(re.search(r"\d", cell) for cell in header):
        return None
    first, second = ([cell.strip() for cell in row.text.split("\t")] for row in rows[1:3])
    caption = first[0]
    if (
        not _is_label(caption)
        or second[0] != caption
        or len(first) != len(header)
        or not 3 <= len(second) <= len(header)
        or not _is_label(first[1])
        or header[0] not in (header[1], caption)
    ):
        return None
    return caption


def _is_label(cell: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", cell)) and not re.search(r"\d", cell)


def without_caption_column(rows: list[Line]) -> list[Line]:
    """The rows of a block with a merged caption column ("资金情况\t项目\t年初预算数…" over
    "\t年度资金总额\t468.20…") without that column, so that each row's label is its first cell;
    other rows as they are. The caption has a title row of four cells or more, no digit in it,
    and below it two rows or more, every one with its first cell blank and a label second (the
    first may write the caption again: "年度资金情况\t项目\t…" over "年度资金情况\t资金总额\t…",
    then "\t其中：财政拨款\t…", the merged cell's text pasted on its first two rows)."""
    if len(rows) < 3:
        return rows
    header = rows[0].text.split("\t")
    body = [row.text.split("\t") for row in rows[1:]]
    caption = _repeated_caption(rows)
    if caption is not None and all(
        3 <= len(cells) <= len(header) and cells[0].strip() == caption for cells in body
    ):
        return _without_first_column(rows)
    if (
        len(header) < 4
        or not _is_label(header[0].strip())
        or any(re.search(r"\d", cell) for cell in header)
        or not all(
            len(cells) >= 2
            and (not cells[0].strip() or (n == 0 and cells[0].strip() == header[0].strip()))
            and _is_label(cells[1].strip())
            for n, cells in enumerate(body)
        )
    ):
        return rows
    return _without_first_column(rows)


def _without_first_column(rows: list[Line]) -> list[Line]:
    return [
        replace(row, text=row.text[len(first) + 1 :], start=row.start + len(first) + 1)
        for row in rows
        for first in [row.text.split("\t")[0]]
    ]


def _titles_under_a_dropped_caption(cells: list[str]) -> bool:
    """A block's own header inside the form's table, its caption cell empty (按经济分类 dropped):
    "\t全年预算数\t全年执行数" over the economic classes' rows."""
    titles = cells[1:]
    return not cells[0] and len(titles) >= 2 and all(form_column(t) for t in titles)


def _merged_under_groups(cells: list[str]) -> bool:
    """The row's empty cells are a group title's merged cells ("项目 | 预算安排 | | 预算执行 | |
    分值 | 得分"): each right of a group title or of another such empty cell."""
    group = False
    for cell in cells:
        if cell:
            group = bool(GROUP_TITLE.match(cell))
        elif not group:
            return False
    return any(not cell for cell in cells)


def _wrapped_title_row(rows: list[Line], index: int, width: int) -> int:
    """1 when the row after a block's title row holds the rest of its titles, wrapped onto a
    second line ("资金项目\t年初\t全年\t全年\t分值\t执行率\t得分" / "\t预算数\t预算数\t执行数"): its
    first cell empty, no digit in it, at most as many cells as the titles (a pasted row drops
    its trailing blanks), and every cell it writes under a title; else 0."""
    if index + 2 >= len(rows):
        return 0
    lower = [cell.strip() for cell in rows[index + 1].text.split("\t")]
    return int(
        2 <= len(lower) <= width
        and not lower[0]
        and all(lower[1:])
        and not any(re.search(r"\d", cell) for cell in lower)
    )


_SECTION_CELL = re.compile(r"^[\u4e00-\u9fff]{2,12}[:：]?$")


def _section_in_block(rows: list[Line], index: int, width: int) -> bool:
    """A row of one short label between a block's rows ("按支出类型：" before the 基本支出 /
    项目支出 rows): the block goes on when the next row is a row of it with a number."""
    return (
        "\t" not in rows[index].text
        and bool(_SECTION_CELL.match(rows[index].text.strip()))
        and index + 1 < len(rows)
        and len(following := rows[index + 1].text.split("\t")) == width
        and any(_NUMBER_CELL.match(cell) for cell in following[1:])
    )


_YEAR_COLUMN = re.compile(r"^((?:19|20)\d{2})年度?(?:数|金额)?$")
_NAMED_RATE_ROW = re.compile(r"^预算执行率(?:\(%\))?$")


def year_column_rates(
    lines: list[Line], year: int | None
) -> Iterator[tuple[Decimal, int, int, str]]:
    """(rate, start, end, label) of a 预算执行率 row in a table whose columns are years ("项目 |
    2023年 | 2024年 | 增减率"): the cell under the report's year. The row names the rate itself;
    the other years' cells are theirs, not this year's, and are never read."""
    if year is None:
        return
    for rows in _tables(lines):
        header = [cell.strip() for cell in rows[0].text.split("\t")]
        columns = [
            n
            for n, title in enumerate(header)
            if (m := _YEAR_COLUMN.match(title)) and int(m.group(1)) == year
        ]
        if len(columns) != 1 or columns[0] == 0:
            continue
        column = columns[0]
        for row in rows[1:]:
            cells = row.text.split("\t")
            if not _NAMED_RATE_ROW.match(cells[0].strip()) or column >= len(cells):
                continue
            match = _PERCENT.match(cells[column])
            if match is None or ("%" not in cells[column] and "%" not in cells[0]):
                continue
            start = row.start + sum(len(c) + 1 for c in cells[:column])
            yield (
                Decimal(match.group(1)),
                row.start,
                start + len(cells[column].rstrip()),
                f"{cells[0].strip()}{header[column]}",
            )


def _first_block_row(cells: list[str], width: int) -> bool:
    """The row under a block's header: as wide with a number among its values, or shorter by
    trailing blank cells a paste or a CSV export dropped (three cells at least, a number in the
    first value cell: "基本支出 | 6120.5 | … | 0.9948" under a header that runs on to 分值 / 得分)."""
    if len(cells) == width:
        return any(_NUMBER_CELL.match(cell) for cell in cells[1:])
    return 3 <= len(cells) < width and bool(_NUMBER_CELL.match(cells[1]))


def _block_row(cells: list[str], width: int) -> bool:
    """A row of a money block: as wide as its title row, or shorter (a paste drops the trailing
    blank cells) with a number in its first value cell, the cell after its label; under a merged
    caption column the label is the second cell, the first blank ("\t其中：财政拨款\t86,235,400.00…")."""
    if len(cells) == width:
        return True
    if not 2 <= len(cells) < width:
        return False
    if _NUMBER_CELL.match(cells[1]):
        return True
    captioned = len(cells) >= 3 and not cells[0].strip() and _is_label(cells[1].strip())
    label = cells[1] if captioned else cells[0]
    return (captioned and bool(_NUMBER_CELL.match(cells[2]))) or _first_values_blank(
        label, cells[2:] if captioned else cells[1:], captioned or _is_label(cells[0].strip())
    )


def _first_values_blank(label: str, values: list[str], labelled: bool) -> bool:
    """A labelled row whose first value cells are blank, a number after them ("\t工资福利支出\t\t
    862.30\t858.16": an economic class with no 年初预算数, under the 全年预算数 / 全年执行数 columns)."""
    if not labelled or not values or values[0].strip():
        return False
    if _SCORE_TOTAL_ROW.match(label):
        return False  # "总分 |  |  | 100 | 88.4": the form's score, under the money block
    first = next((n for n, cell in enumerate(values) if cell.strip()), None)
    return first is not None and first <= 2 and bool(_NUMBER_CELL.match(values[first]))


# an indicator table's columns: the target, the actual value, a weight or a score
_TARGET_TITLE = re.compile(r"^(?:年度)?(?:指标值|目标值|预期值|年度目标值|绩效目标值)$")
_ACTUAL_TITLE = re.compile(r"^(?:全年|年度)?(?:实际(?:完成)?值|完成值|实际完成|实际完成情况)$")
_SCORE_COLUMN_TITLE = re.compile(r"^(?:分值|权重|得分|自评得分)(?:\(分\))?$")
_RATE_CELL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


def indicator_row_rates(lines: list[Line]) -> Iterator[tuple[Decimal, int, int, str]]:
    """(rate, start, end, label) of a 预算执行率 row of an indicator table ("一级指标 | 二级指标 |
    三级指标 | 指标值 | 实际值 | 权重 | 得分" over "预算执行率 | | | 100% | 96.98% | 10 | 9.70"): the
    cell under the 实际值 column, a percentage. The header proves the table an indicator table (a
    target, an actual and a weight or score column); the row's name, the last cell before the
    target column that is not empty, is 预算执行率 itself (项目预算执行率, 预算调整率 are other
    rates). The 指标值 cell is the target, never read. Only one such row in the report."""
    found: list[tuple[Decimal, int, int, str]] = []
    header: list[str] | None = None
    for line in lines:
        if "\t" not in line.text:
            header = None
            continue
        cells = [cell.strip() for cell in line.text.split("\t")]
        if any(_TARGET_TITLE.match(c) for c in cells) and any(
            _ACTUAL_TITLE.match(c) for c in cells
        ):
            header = cells if any(_SCORE_COLUMN_TITLE.match(c) for c in cells) else None
            continue
        if header is None:
            continue
        target = next(n for n, title in enumerate(header) if _TARGET_TITLE.match(title))
        actual = next(n for n, title in enumerate(header) if _ACTUAL_TITLE.match(title))
        if actual <= target or len(cells) > len(header) or actual >= len(cells):
            continue
        names = [cell for cell in cells[:target] if cell]
        if not names or not _NAMED_RATE_ROW.match(names[-1]):
            continue
        match = _RATE_CELL.match(cells[actual])
        if match is None:
            continue
        raw = line.text.split("\t")
        start = line.start + sum(len(c) + 1 for c in raw[:actual])
        found.append(
            (Decimal(match.group(1)), line.start, start + len(raw[actual].rstrip()), names[-1])
        )
    if len(found) == 1:
        yield found[0]


# a money block's column titles, and the caption of a staffing block drawn beside it
_MONEY_COLUMN_TITLE = re.compile(
    r"^(?:(?:年初|全年|年度|调整后?|本年)?(?:预算|决算|执行|实际支出|支出)(?:数|额)?|"
    r"(?:预算)?执行率(?:\(%\))?)$"
)
_STAFFING_CAPTION = re.compile(r"^(?:人员|编制|人员编制|单位人员)(?:情况|信息|构成)$")


def money_beside_staffing(rows: list[Line]) -> tuple[int, int, list[Line], list[Line]] | None:
    """A form's money block and staffing block drawn side by side in one table ("资金情况 | 年初
    预算数 | 调整预算数 | 决算数 | 执行率 | 人员情况" over "资金总额 | 356.80 | 498.65 | 486.20 |
    97.50% | 编制数 | 12"): a title row of a label, two money titles or more (预算 / 决算 / 执行 /
    支出 words, 执行率) and last a staffing caption (人员情况 / 编制情况…), then two rows or more,
    each a label, a number (or nothing) under every money title, and at most a key (words, no
    digit) and its value where the caption stands. Returns (first, end) of the title row and the
    rows, the money block (the titles and the cells under them) and the staffing block (each
    row's key and value, keeping their place in the text); None for any other rows."""
    for first, row in enumerate(rows):
        titles = [cell.strip() for cell in row.text.split("\t")]
        while titles and not titles[-1]:
            titles.pop()
        width = len(titles) - 1
        if (
            width < 3
            or not _is_label(titles[0])
            or not _STAFFING_CAPTION.match(titles[width])
            or not all(_MONEY_COLUMN_TITLE.match(title) for title in titles[1:width])
        ):
            continue
        end = first + 1
        while end < len(rows) and _money_and_staffing_row(rows[end].text.split("\t"), width):
            end += 1
        if end - first < 3:
            return None
        left: list[Line] = []
        right: list[Line] = []
        for line in rows[first:end]:
            cells = line.text.split("\t")
            left_text = "\t".join(cells[:width])
            left.append(replace(line, text=left_text))
            right_text = "\t".join(cells[width:]).rstrip("\t")
            if line is not rows[first] and right_text.strip():
                right.append(replace(line, text=right_text, start=line.start + len(left_text) + 1))
        return first, end, left, right
    return None


def _money_and_staffing_row(cells: list[str], width: int) -> bool:
    cells = [cell.strip() for cell in cells]
    while len(cells) > width and not cells[-1]:
        cells.pop()
    if not width + 1 <= len(cells) <= width + 2 or not _is_label(cells[0]):
        return False
    if not any(cells[1:width]) or not all(
        not cell or _NUMBER_CELL.match(cell) for cell in cells[1:width]
    ):
        return False
    key = cells[width] if len(cells) > width else ""
    return not key or (_is_label(key) and len(cells) == width + 2)
