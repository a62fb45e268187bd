"""A form's block copied from a PDF's text layer one column at a time: all cells of the first
column as lines, then all cells of the second column, and so on (one cell a line):

    项目 / 资金总额 / 财政拨款 / 其他资金 /
    年初预算数 / 1,250.00 / 1,180.00 / 70.00 /
    全年预算数 / 1,312.60 / 1,242.60 / 70.00 / … / 执行率 / 97.24% / 97.39% / 94.57%

(A table turned sideways and pasted one cell a line gives the same lines.) The block becomes the
tab rows of the usual form (funding lines as rows, phases as columns) only when it is proven: a
run of row labels, each a funding line the form readers know (资金总额 / 合计, 财政拨款, 其他资金,
基本支出, 项目支出, 三公经费; no line twice; a caption cell above them, 项目 / 资金情况, or none),
then column after column, each a title the form readers know (a budget, a spending, a rate or a
score: a budget and a spending column at least) followed by exactly as many cells as there are
row labels (a number, a rate, "/" or "-", or an empty line for a cell left empty; a score column
of the total row alone may stop early); a cell too many or too few and nothing is rebuilt. The
arithmetic must hold too: every rate written is its row's spending over its budget, the parts of
资金总额 by source and by funding add up to it where all are there, and one such check at least
was made. A staffing table copied the same way (在职人员 / 退休人员 / 合计 as row labels, 编制数 /
实有人数 as columns of whole numbers, a 合计 row the sum of the rows above it) likewise.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, replace_lines
from jixiao.importers.pastings.forms import (
    COUNT,
    COUNT_COLUMN,
    EMPTY_CELL,
    FORM_CELL,
    LABEL,
    NAMES_A_LINE,
    ROLE_ROW,
    ROW_LABEL_TITLE,
    as_written_rates,
    form_column,
    funding_line,
    pair_role,
    parts_checked,
    rates_checked,
    split_of_actual_holds,
)

_WHOLE_NUMBER = re.compile(r"^\d{1,6}$")
_TOTAL_ROLE = re.compile(r"^(?:合计|小计|总计)")
_MAX_ROWS = 12
_MAX_COLUMNS = 10


def _squeezed(line: str) -> str:
    return re.sub(r"\s", "", line)


def _caption(line: str) -> bool:
    """A caption cell above the row labels (项目, 资金情况, 人员情况…): a label naming no funding
    line, no role and no column."""
    return bool(
        LABEL.match(line)
        and funding_line(line) is None
        and not ROLE_ROW.match(line)
        and form_column(line) is None
        and not COUNT_COLUMN.match(line)
    )


def _row_label(line: str, first: bool) -> bool:
    """A row label of a money block: the first a funding line the form readers know, the others
    such a line or any other short label ("其中：一般公共预算") that is no column title."""
    if funding_line(line) is not None:
        return True
    return not first and bool(LABEL.match(line)) and form_column(line) is None


Place = tuple[int, ...]  # the lines a cell is made of (a title wrapped over two), () blank


def _title_at(lines: list[str], at: int, staffing: bool) -> tuple[Place, str] | None:
    """The column title at lines[at] (or over lines[at] and the next, a title the PDF wrapped:
    "全年预算" / "数"), its lines and text; None when none is there."""
    known = COUNT_COLUMN.match if staffing else form_column
    if at + 1 < len(lines) and lines[at] and lines[at + 1] and not FORM_CELL.match(lines[at + 1]):
        joined = lines[at] + lines[at + 1]
        if known(joined) and not known(lines[at + 1]):
            return (at, at + 1), joined
    if known(lines[at]):
        return (at,), lines[at]
    return None


def _block(lines: list[str], first: int) -> tuple[int, int, list[list[Place]]] | None:
    """The column-by-column block whose first row label is lines[first]: its first and last
    line + 1, and its rows the usual way round, each cell the lines it is made of; None when
    not proven."""
    staffing = funding_line(lines[first]) is None
    labels: list[int] = []
    at = first
    while (
        at < len(lines)
        and len(labels) < _MAX_ROWS
        and (ROLE_ROW.match(lines[at]) if staffing else _row_label(lines[at], first=not labels))
        and (not labels or _title_at(lines, at, staffing) is None)  # a title the PDF wrapped
    ):
        labels.append(at)
        at += 1
    names = [
        lines[label] if staffing else (funding_line(lines[label]) or lines[label])
        for label in labels
    ]
    if len(labels) < 2 or len(set(names)) != len(names):
        return None
    totals = [n for n, name in enumerate(names) if _TOTAL_ROLE.match(str(name))]
    if staffing and totals not in ([], [len(names) - 1]):
        return None
    titles: list[str] = []
    columns: list[tuple[Place, list[Place]]] = []  # each column's title and cells
    while at < len(lines) and len(columns) < _MAX_COLUMNS:
        title = _title_at(lines, at, staffing)
        if title is None:
            break
        place, words = title
        kind = None if staffing else form_column(words)
        cells: list[Place] = []
        at = place[-1] + 1
        while len(cells) < len(labels) and at < len(lines):
            if not (FORM_CELL.match(lines[at]) or EMPTY_CELL.match(lines[at])):
                break
            cells.append((at,) if lines[at] else ())
            at += 1
        if len(cells) < len(labels):
            if not (kind in ("rate", "score") and cells and names[0] == "whole"):
                return None  # a column short of cells: not one cell per row label
            cells += [()] * (len(labels) - len(cells))  # the total row's rate or score alone
        titles.append(words)
        columns.append((place, cells))
    if len(columns) < 2 or (at < len(lines) and FORM_CELL.match(lines[at]) and lines[at]):
        return None  # one column, or a cell too many after the last column
    values = [[" ".join(lines[line] for line in cell) for cell in cells] for _, cells in columns]
    if staffing:
        if not all(_WHOLE_NUMBER.match(v) or EMPTY_CELL.match(v) for col in values for v in col):
            return None
        if totals:
            for column in values:
                parts = [int(v) for v in column[:-1] if _WHOLE_NUMBER.match(v)]
                if _WHOLE_NUMBER.match(column[-1]) and sum(parts) != int(column[-1]):
                    return None
    else:
        kinds = [form_column(title) for title in titles]
        if not {"budget", "spent"} <= set(kinds):
            return None
        if any(
            "%" in value
            for kind, column in zip(kinds, values, strict=True)
            if kind != "rate"
            for value in column
        ):
            return None  # a rate under a money title: the cells are not where they seem
        values = [as_written_rates(t, column) for t, column in zip(titles, values, strict=True)]
        rows = [[column[row] for column in values] for row in range(len(labels))]
        rates = rates_checked(rows, titles, kinds)
        money = [
            column
            for kind, column in zip(kinds, values, strict=True)
            if kind in ("budget", "spent")
        ]
        sums = parts_checked([funding_line(lines[label]) for label in labels], money)
        if rates is None or sums is None or rates + sums == 0:
            return None
    corner: Place = (first - 1,) if first > 0 and _caption(lines[first - 1]) else ()
    grid: list[list[Place]] = [[corner, *(place for place, _ in columns)]]
    for row, label in enumerate(labels):
        grid.append([(label,), *(cells[row] for _, cells in columns)])
    return (first - len(corner)), at, grid


def _pairs_block(lines: list[str], first: int) -> tuple[int, int, list[list[Place]]] | None:
    """A staffing block of key/value pairs copied column by column ("编制数" / "其中：在职" / "12" /
    "11" / "实有人数" / "退休" / "17" / "6": rows "编制数 | 12 | 实有人数 | 17" and "其中：在职 | 11 |
    退休 | 6"): a run of keys, each naming a staffing role, then as many counts, again and again
    (the same number every time, no role twice; the line before the first key no key and no
    count, no key after the last count); 实有, 在职 and the retired all there and the split of 实有
    adding up (without that check, "编制数" / "实有人数" / "退休人数" / "12" / "11" / "4", which count is
    whose cannot be told). Its first and last line + 1 and its rows; None when not proven."""
    columns: list[list[int]] = []
    at = first
    height = 0
    while at < len(lines) and len(columns) < _MAX_COLUMNS:
        keys = []
        while at < len(lines) and len(keys) < _MAX_ROWS and pair_role(lines[at]) is not None:
            keys.append(at)
            at += 1
        if height and keys and len(keys) != height:
            return None  # keys of another height after the pairs: some other table
        if not keys:
            break
        height = len(keys)
        counts = []
        while at < len(lines) and len(counts) < height and COUNT.match(lines[at]):
            counts.append(at)
            at += 1
        if len(counts) != height:
            return None  # a key without its count, or a count lost
        columns += [keys, counts]
    if height < 2 or not columns or (at < len(lines) and COUNT.match(lines[at])):
        return None
    roles = [pair_role(lines[key]) for keys in columns[::2] for key in keys]
    if len(set(roles)) != len(roles):
        return None
    numbers = {
        str(pair_role(lines[key])): int(lines[count].rstrip("人名"))
        for keys, counts in zip(columns[::2], columns[1::2], strict=True)
        for key, count in zip(keys, counts, strict=True)
    }
    checkable = {"actual", "in_service"} <= set(numbers) and bool(
        {"retired", "retired_all"} & set(numbers)
    )
    if not checkable or not split_of_actual_holds(numbers):
        return None  # a header flattened before its values or not, which count is whose is
        # proven only by the split of 实有 adding up
    rows = [[(column[row],) for column in columns] for row in range(height)]
    return first, at, rows


def columnwise_tables(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Every proven column-by-column block → tab rows the usual way round; its characters keep
    their origin (a tab put in maps to the cell before it)."""
    raw = text.split("\n")
    lines = [_squeezed(line) for line in raw]
    starts = [0]
    for line in raw[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    found = _blocks(lines)
    if not found and (kept := _without_repeated_captions(lines)) is not None:
        # each column under the block's caption again, an empty line between the columns: the
        # columns read without them
        found = [
            (kept[a], kept[b - 1] + 1, [[tuple(kept[n] for n in p) for p in row] for row in grid])
            for a, b, grid in _blocks([lines[n] for n in kept])
        ]

    def cell(place: Place) -> Cell:
        characters = ""
        origins: list[int] = []
        for line in place:
            content = raw[line]
            first = len(content) - len(content.lstrip())
            last = len(content.rstrip())
            characters += content[first:last]
            origins.extend(origin[starts[line] + first : starts[line] + last])
        return Cell(characters, tuple(origins))

    for first, last, grid in reversed(found):
        rows = [[cell(place) for place in row] for row in grid]
        text, origin = replace_lines(text, origin, first, last, rows)
    return text, origin


def _blocks(lines: list[str]) -> list[tuple[int, int, list[list[Place]]]]:
    """Every proven block of *lines*: its first and last line + 1, and its rows."""
    found: list[tuple[int, int, list[list[Place]]]] = []
    number = 0
    while number < len(lines):
        line = lines[number]
        block = None
        if pair_role(line) is not None and not (
            number and (COUNT.match(lines[number - 1]) or pair_role(lines[number - 1]))
        ):
            block = _pairs_block(lines, number)  # (not inside a run of pairs already tried)
        if (
            block is None
            and len(line) <= 20
            and NAMES_A_LINE.search(line)
            and (funding_line(line) is not None or ROLE_ROW.match(line))
        ):
            block = _block(lines, number)
        if block is None:
            number += 1
            continue
        found.append(block)
        number = block[1]
    return found


_REPEATS = 3  # a caption over each column of a block


def _without_repeated_captions(lines: list[str]) -> list[int] | None:
    """The lines but the empty ones and a caption repeated over three columns at least (a line
    that recurs, each time over a column title or 项目), or None when no caption recurs so."""
    heads: dict[str, int] = {}
    for n, line in enumerate(lines[:-1]):
        after = lines[n + 1]
        if line and _caption(line) and (form_column(after) or ROW_LABEL_TITLE.match(after)):
            heads[line] = heads.get(line, 0) + 1
    repeated = {line for line, count in heads.items() if count >= _REPEATS}
    if not repeated:
        return None
    return [n for n, line in enumerate(lines) if line and line not in repeated]
