"""A form's block pasted turned sideways (transposed): the phases as rows and the funding lines
as columns, or a staffing table with the people as columns and the quota / head-count as rows.

    项目        资金总额    财政拨款    其他资金
    年初预算数  1,250.00    1,180.00    70.00
    全年预算数  1,312.60    1,242.60    70.00
    全年执行数  1,276.35    1,210.15    66.20
    执行率      97.24%      97.39%      94.57%

Cells apart by tabs or by runs of two spaces or more. The block is rebuilt the usual way round
(funding lines as rows, phases as columns: the tab rows the form readers read) only when it is
proven: the first row's titles after its caption cell are each a funding line (资金总额 / 合计,
财政拨款, 其他资金, 基本支出, 项目支出, 三公经费; no line twice), two or more; every row under it is
a phase, rate or score title (年初预算数, 全年执行数, 执行率, 分值…: a budget and a spending row at
least) with one cell per column (a number, a rate, "/" or "-", or a tab cell left empty; a score
row may end early, its last cells blank); every rate written is its column's spending over its
budget, the parts of 资金总额 by source and by funding add up to it where all are there, and one
such check at least was made. A staffing table the same way round (在职人员 / 退休人员 / 合计 as
columns, 编制数 / 实有人数 as rows, whole numbers) is rebuilt when every title is such a role or
count and a 合计 column, where there is one, is the sum of the others. Anything else stays.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, replace_lines
from jixiao.importers.pastings.forms import (
    COUNT_COLUMN,
    EMPTY_CELL,
    FORM_CELL,
    LABEL,
    NAMES_A_LINE,
    ROLE_ROW,
    as_written_rates,
    economic_class,
    form_column,
    form_number,
    funding_line,
    parts_checked,
    rates_checked,
    without_letters,
)
from jixiao.importers.patterns import NUMBER

_GAP = re.compile(r" {2,}")
_ONE_SPACE = re.compile(r" +")
_WHOLE_NUMBER = re.compile(r"^\d{1,6}$")
_TOTAL_ROLE = re.compile(r"^(?:合计|小计|总计)")

Span = tuple[int, int]  # a cell's [start, end) in the text
Grid = list[list[Span | None]]  # rows of cells, a None cell blank


def cell_spans(text: str, start: int, end: int, gap: re.Pattern[str] = _GAP) -> list[Span]:
    """The cells of the line text[start:end]: apart by tabs (an empty cell kept) when the line
    has a tab, else by runs of two spaces or more (*gap*: an OCR's single spaces); each cell's
    blanks around it left out."""
    line = text[start:end]
    if "\t" in line:
        pieces: list[Span] = []
        at = 0
        for piece in line.split("\t"):
            pieces.append((at, at + len(piece)))
            at += len(piece) + 1
    else:
        pieces = []
        at = 0
        for apart in gap.finditer(line):
            pieces.append((at, apart.start()))
            at = apart.end()
        pieces.append((at, len(line)))
    spans = []
    for first, last in pieces:
        while first < last and line[first] == " ":
            first += 1
        while last > first and line[last - 1] == " ":
            last -= 1
        spans.append((start + first, start + last))
    return spans


def squeezed(text: str) -> str:
    """A title with the spaces a paste left inside it taken out."""
    return re.sub(r"\s", "", text)


def _money_block(text: str, rows: list[list[Span]]) -> tuple[Grid, int] | None:
    """The sideways money block whose header is rows[0], as its cells the usual way round (a
    None cell is blank), and the number of lines it takes; None when not proven."""
    header = list(rows[0])
    while header and header[-1][0] == header[-1][1]:
        header.pop()
    if header and _REMARKS.match(squeezed(_text(text, header[-1]))):
        header.pop()  # a remarks column last ("备注": 含追加…万元): words, no column of the block
    if not header:
        return None
    corner: Span | None = header[0]
    if funding_line(_text(text, header[0])) is not None:
        corner = None  # no caption cell: the titles start the row
    elif _text(text, header[0]) and not LABEL.match(squeezed(_text(text, header[0]))):
        return None
    titles = header[1:] if corner is not None else header
    lines = [_block_line(squeezed(_text(text, title))) for title in titles]
    if len(lines) < 2 or None in lines or len(set(lines)) != len(lines):
        return None
    kinds: list[str | None] = []
    phases: list[str] = []
    body: list[list[Span | None]] = []
    remarks = len(rows[0]) > len(header) and any(
        _REMARKS.match(squeezed(_text(text, span))) for span in rows[0][len(header) :]
    )
    for spans in rows[1:]:
        cells: list[Span | None] = list(spans)
        if corner is None and len(spans) > len(titles) + 1 and spans[0][0] == spans[0][1]:
            cells = cells[1:]  # the caption column left empty on the rows as on the header
        title = squeezed(_text(text, cells[0])) if cells else ""
        kind = form_column(title)
        if kind is None:
            break
        while len(cells) > len(titles) + 1 and (
            _text(text, cells[-1]) == "" or (len(cells) == len(titles) + 2 and remarks)
        ):
            cells.pop()  # (a remark in the column dropped above)
        if len(cells) < len(titles) + 1 and kind == "score":
            cells += [None] * (len(titles) + 1 - len(cells))
        values = [_text(text, cell) for cell in cells[1:]]
        if len(cells) != len(titles) + 1 or not all(
            FORM_CELL.match(value) or EMPTY_CELL.match(value) for value in values
        ):
            break
        if kind != "rate" and any("%" in value for value in values):
            return None  # a rate in a money row: the cells are not where their titles say
        kinds.append(kind)
        phases.append(title)
        body.append(cells)
    if not {"budget", "spent"} <= set(kinds):
        return None
    values_by_row = [
        as_written_rates(phase, [_text(text, cell) for cell in cells[1:]])
        for phase, cells in zip(phases, body, strict=True)
    ]
    columns = [[values[c] for values in values_by_row] for c in range(len(titles))]
    rates = rates_checked(columns, phases, kinds)
    if rates is None and "whole" in lines:
        # the whole's stated rate its own figures contradict, every other column's holding: the
        # report's inconsistency (a finding), not cells under other titles
        whole = lines.index("whole")
        rates = rates_checked(columns[:whole] + columns[whole + 1 :], phases, kinds)
        rates = rates if rates is not None and rates >= 2 else None
    money = [
        values
        for kind, values in zip(kinds, values_by_row, strict=True)
        if kind in ("budget", "spent")
    ]
    sums = parts_checked(lines, money)
    if rates is None or sums is None or rates + sums == 0:
        return None
    grid: list[list[Span | None]] = [[corner, *titles], *body]
    turned = _turned(grid)
    whole = lines.index("whole") + 1 if "whole" in lines else 1
    # the whole's row first, its parts by source under it (as "合计" / "其中：财政拨款" read)
    return [turned[0], turned[whole], *turned[1:whole], *turned[whole + 1 :]], len(body) + 1


_AMOUNT = re.compile(rf"^(?:{NUMBER}|[-—/]{{1,2}})$")
# a row title naming no phase ("金额"): the caption's brackets name it
_NEUTRAL_ROW = re.compile(r"^(?:金额|数额|金额\((?:万元|元)\))$")
_REMARKS = re.compile(r"^(?:备注|说明|备注说明)$")
_PHASE_IN_BRACKETS = re.compile(r"\(([\u4e00-\u9fff]{2,6})\)$")


# a source of funds a sideways block names beside its whole: the budget's funds by kind
_SOURCE_OF_FUNDS = {"一般公共预算": "financial", "政府性基金": "other"}


def _block_line(title: str) -> str | None:
    """The funding line a sideways block's column title names (`funding_line`), or its source of
    funds by kind ("一般公共预算", "政府性基金": its 财政拨款 and other funds)."""
    return funding_line(title) or _SOURCE_OF_FUNDS.get(
        re.sub(r"(?:预算)?(?:拨款|资金)$", "", title)
    )


def _row_as_wide_as(
    text: str, spans: list[Span], width: int
) -> tuple[list[Span | None], list[str]]:
    """A row's cells, the blank ones past *width* left out, and its values (the cells after its
    title)."""
    cells: list[Span | None] = list(spans)
    while len(cells) > width and _text(text, cells[-1]) == "":
        cells.pop()
    return cells, [_text(text, cell) for cell in cells[1:]]


def _captioned_header(
    text: str, row: list[Span], least: int
) -> tuple[list[Span], list[str]] | None:
    """A block's header row, its blank cells at the end left out: its cells and the titles after
    its caption cell (a label, or blank); None when it is shorter than *least* cells or its
    caption is no label."""
    header = list(row)
    while header and header[-1][0] == header[-1][1]:
        header.pop()
    if len(header) < least:
        return None
    caption = squeezed(_text(text, header[0]))
    if caption and not LABEL.match(caption):
        return None
    return header, [squeezed(_text(text, title)) for title in header[1:]]


def _class_block(text: str, rows: list[list[Span]]) -> tuple[Grid, int] | None:
    """Economic classes as columns ("支出结构（执行数） | 工资福利支出 | 商品和服务支出 | … | 合计")
    over a row of amounts, the usual way round: the classes as rows under a phase column. The
    phase is each amount row's title (执行数, 预算数) or, on a lone row with its first cell blank,
    the caption's brackets; three classes or more, none twice, a 合计 column only last, and
    where there is one the classes add up to it on every row; None when not proven."""
    found = _captioned_header(text, rows[0], 4)
    if found is None:
        return None
    header, titles = found
    whole = funding_line(titles[-1]) == "whole"
    classes = [
        economic_class(title) or ("other" if title == "其他支出" else None)
        for title in (titles[:-1] if whole else titles)
    ]
    if len(classes) < 3 or None in classes or len(set(classes)) != len(classes):
        return None
    body: list[list[Span | None]] = []
    for spans in rows[1:]:
        cells, values = _row_as_wide_as(text, spans, len(header))
        if len(cells) != len(header) or not all(_AMOUNT.match(value) for value in values):
            break
        if whole and not _adds_up(values):
            return None
        body.append(cells)
    phases = [_phase_cell(text, header[0], cells[0], len(body)) for cells in body]
    if not body or None in phases:
        return None
    grid: Grid = [[header[0], *phases]]
    for column, title in enumerate(header[1:], 1):
        grid.append([title, *(cells[column] for cells in body)])
    return grid, len(body) + 1


def _phase_cell(text: str, caption: Span, first: Span | None, rows: int) -> Span | None:
    """The span naming an amount row's phase: its own title, or the caption's brackets."""
    if first is not None and first[0] != first[1] and not _NEUTRAL_ROW.match(_text(text, first)):
        return first if form_column(squeezed(_text(text, first))) in ("budget", "spent") else None
    phase = _PHASE_IN_BRACKETS.search(_text(text, caption))
    if rows != 1 or phase is None or form_column(phase.group(1)) not in ("budget", "spent"):
        return None
    return caption[0] + phase.start(1), caption[0] + phase.end(1)


def _adds_up(values: list[str]) -> bool:
    amounts = [form_number(value) for value in values]
    if None in amounts:
        return True  # a dash among the classes: nothing to check on this row
    return sum(amounts[:-1]) == amounts[-1]


def _turned(grid: list[list[Span | None]]) -> Grid:
    """Rows turned into columns."""
    return [[row[column] for row in grid] for column in range(len(grid[0]))]


def _text(text: str, span: Span | None) -> str:
    return "" if span is None else text[span[0] : span[1]]


def _staffing_block(text: str, rows: list[list[Span]]) -> tuple[Grid, int] | None:
    """A staffing table with the people as columns (在职人员 / 退休人员 / 合计) and the quota or
    head-count as rows (编制数 / 实有人数), the usual way round; None when not proven."""
    found = _captioned_header(text, rows[0], 3)
    if found is None:
        return None
    header, titles = found
    if not all(ROLE_ROW.match(title) for title in titles) or len(set(titles)) != len(titles):
        return None
    totals = [c for c, title in enumerate(titles) if _TOTAL_ROLE.match(title)]
    if len(totals) > 1 or (totals and totals[0] != len(titles) - 1):
        return None
    body: list[list[Span | None]] = []
    for spans in rows[1:]:
        cells, values = _row_as_wide_as(text, spans, len(header))
        if (
            len(cells) != len(header)
            or not COUNT_COLUMN.match(squeezed(_text(text, cells[0])))
            or not all(_WHOLE_NUMBER.match(value) or EMPTY_CELL.match(value) for value in values)
        ):
            break
        if totals and _WHOLE_NUMBER.match(values[-1]):
            parts = [int(value) for value in values[:-1] if _WHOLE_NUMBER.match(value)]
            if sum(parts) != int(values[-1]):
                return None
        body.append(cells)
    if len(body) < 2:
        return None
    grid: list[list[Span | None]] = [list(header), *body]
    return _turned(grid), len(body) + 1


# a kind of post over a staffing table's column ("行政编制", "参公", "专业技术岗位"), a count's
# title over its row ("编制数", "实有在编在岗人数", "退休人数")
_KIND_TITLE = re.compile(
    r"^(?:行政|参公|参照公务员法管理|事业|工勤|全额|差额|自收自支)(?:编制|人员)?$|^[\u4e00-\u9fff]{2,6}岗位$"
)
_COUNT_ROW = re.compile(
    r"^(?:核定)?(?:编制|实有|在编|在职|在岗|退休|离休|离退休)[\u4e00-\u9fff]{0,6}(?:数|人数|人员)$"
)


def _kinds_block(text: str, rows: list[list[Span]]) -> tuple[Grid, int] | None:
    """A staffing table with the kinds of posts as columns ("人员情况 行政编制 事业编制 合计") and
    the counts as rows ("编制数 38 42 80"), cells one space apart (an OCR's, a PDF's): the same
    rows as tab rows (the staffing reader reads them that way round), when every row's kinds add
    up to its 合计; None when not proven."""
    header = [squeezed(_text(text, span)) for span in rows[0]]
    titles = header[1:] if header and not _KIND_TITLE.match(header[0]) else header
    if len(titles) < 3 or not _TOTAL_ROLE.match(titles[-1]):
        return None
    if not all(_KIND_TITLE.match(title) for title in titles[:-1]):
        return None
    body: list[list[Span | None]] = []
    for spans in rows[1:]:
        values = [_text(text, span) for span in spans[1:]]
        if len(spans) != len(titles) + 1 or not _COUNT_ROW.match(squeezed(_text(text, spans[0]))):
            break
        if not all(_WHOLE_NUMBER.match(value) for value in values):
            break
        if sum(int(value) for value in values[:-1]) != int(values[-1]):
            return None
        body.append(list(spans))
    if len(body) < 2:
        return None
    corner: list[Span | None] = [rows[0][0]] if len(header) > len(titles) else [None]
    return [[*corner, *rows[0][len(header) - len(titles) :]], *body], len(body) + 1


def _without_an_empty_caption_column(text: str, rows: list[list[Span]]) -> list[list[Span]]:
    """A form's merged caption column left empty on the block ("\t项目\t资金总额\t…" /
    "\t年初预算数\t1,250.00\t…"): the rows without it, when the header's second cell is the
    block's own caption (a label naming no funding line)."""
    header = rows[0]
    if len(header) < 3 or header[0][0] != header[0][1]:
        return rows
    caption = squeezed(_text(text, header[1]))
    if not LABEL.match(caption) or funding_line(caption) or ROLE_ROW.match(caption):
        return rows
    return [row[1:] if row and row[0][0] == row[0][1] else row for row in rows]


# the rows of an indicator block turned sideways (the indicators as columns): each a title of the
# usual block's columns; those that may leave cells blank (merged, or nothing to say)
_INDICATOR_ROW = re.compile(
    r"^(?P<title>一级指标|二级指标|三级指标|指标名称|(?:年度)?指标值|(?:年度)?目标值|预期(?:目标|指标)值?|"
    r"实际(?:完成)?值|完成值|实际完成情况|分值|权重|得分|自评得分|偏差原因(?:分析)?(?:及改进措施)?|备注)$"
)
_MAY_BE_BLANK = re.compile(r"^(?:一级指标|二级指标|偏差原因.*|备注)$")
_SCORE = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")


def _indicator_block(text: str, rows: list[list[Span]]) -> tuple[Grid, int] | None:
    """An indicator block turned sideways ("三级指标 | 主题团课次数 | 新团员人数 | …" / "分值 | 10 |
    10 | …" / "得分 | 10 | 9 | …"), the usual way round: every row titled by a column of the usual
    block (三级指标 or 指标名称, 分值 or 权重, and 得分 among them; no title twice; four rows or more),
    the rows a blank cell may fall out of (一级 / 二级指标 merged, 偏差原因) no wider than the others,
    every other row as wide, two indicators or more, and each indicator's 得分 a number no greater
    than its 分值; None when not proven."""
    titles: list[str] = []
    for spans in rows:
        match = _INDICATOR_ROW.match(squeezed(_text(text, spans[0])))
        if match is None:
            break
        titles.append(match.group("title"))
    body = rows[: len(titles)]
    if (
        len(titles) < 4
        or len(set(titles)) != len(titles)
        or not ({"三级指标", "指标名称"} & set(titles))
        or not ({"分值", "权重"} & set(titles))
        or not ({"得分", "自评得分"} & set(titles))
    ):
        return None
    width = max(len(spans) for spans in body)
    if width < 3:
        return None
    for title, spans in zip(titles, body, strict=True):
        if len(spans) != width and not _MAY_BE_BLANK.match(title):
            return None
    weight = next(n for n, title in enumerate(titles) if title in ("分值", "权重"))
    score = next(n for n, title in enumerate(titles) if title in ("得分", "自评得分"))
    for column in range(1, width):
        weighed = _text(text, body[weight][column])
        scored = _text(text, body[score][column])
        if not (_SCORE.match(weighed) and _SCORE.match(scored)):
            return None
        if float(scored) > float(weighed):
            return None
    grid: list[list[Span | None]] = [[*spans, *([None] * (width - len(spans)))] for spans in body]
    return _turned(grid), len(body)


_MAX_ROWS = 12  # a form's block under its header: phases, rates and scores, or counts


def _may_head_a_block(text: str, spans: list[Span]) -> bool:
    """Two cells at least of the line name a funding line or the people of a staffing table, or
    its first cell is an indicator block's row title."""
    if spans and _INDICATOR_ROW.match(squeezed(_text(text, spans[0]))):
        return True
    named = 0
    for span in spans:
        cell = squeezed(_text(text, span))
        if (
            _block_line(cell) is not None
            or ROLE_ROW.match(cell)
            or economic_class(cell)
            or _KIND_TITLE.match(cell)
        ):
            named += 1
    return named >= 2


def _cell(text: str, origin: list[int], span: Span) -> Cell:
    """The cell at *span*, a title's formula letters ("(A)") left out as the tab rows' are."""
    first, last = span
    last = first + len(without_letters(text[first:last]))
    return Cell(text[first:last], tuple(origin[first:last]))


def sideways_tables(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Every proven sideways block → tab rows the usual way round; its characters keep their
    origin (a tab put in maps to the cell before it)."""
    starts = [0]
    starts.extend(at + 1 for at, char in enumerate(text) if char == "\n")
    ends = [*(start - 1 for start in starts[1:]), len(text)]
    found: list[tuple[int, int, Grid]] = []
    number = 0
    while number < len(starts):
        line = text[starts[number] : ends[number]]
        if (" " not in line.strip() and "\t" not in line) or not (
            NAMES_A_LINE.search(line) or "指标" in line or "工资福利" in line
        ):
            number += 1
            continue
        # an OCR's or a PDF's words one space apart when the line has no wider gap
        gap = _GAP if "\t" in line or "  " in line.strip() else _ONE_SPACE
        spans = cell_spans(text, starts[number], ends[number], gap)
        if len(spans) < 2 or not _may_head_a_block(text, spans):
            number += 1
            continue
        rows = [spans]
        below = number + 1
        while below < len(starts) and len(rows) <= _MAX_ROWS:
            row = cell_spans(text, starts[below], ends[below], gap)
            if len(row) < 2:
                break
            rows.append(row)
            below += 1
        rows = _without_an_empty_caption_column(text, rows)
        block = (
            _money_block(text, rows)
            or _staffing_block(text, rows)
            or _class_block(text, rows)
            or (_kinds_block(text, rows) if gap is _ONE_SPACE else None)
            or _indicator_block(text, rows)
        )
        if block is None:
            number += 1
            continue
        grid, height = block
        found.append((number, number + height, grid))
        number += height
    for first, last, grid in reversed(found):
        cells = [
            [Cell("", ()) if span is None else _cell(text, origin, span) for span in row]
            for row in grid
        ]
        text, origin = replace_lines(text, origin, first, last, cells)
    return text, origin
