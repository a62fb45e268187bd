"""A web page's table copied as text: each cell on its own line, the rows apart by blank lines
("项目" / "年初预算数" / "全年预算数" / "全年执行数" / "执行率", a blank line, "资金总额" / "860.00" /
"912.40" / "887.15" / "97.23%", a blank line, …).

The rows become tab rows when the block is proven: every row has as many cells, the first row is
the titles, one over the row labels and each other a form column the readers know (a budget, a
spending, a rate or a score; a budget and a spending at least), every other row a label and then
a number or a dash in each cell, two rows at least, and every rate written is its row's spending
over its budget. A row of another width, or a line that is no such cell, ends the block; a block
not proven is left as it is. The titles may be the last lines of a paragraph (a caption or the
form's title right above them, no blank line between).

A staffing header copied so (each title a staffing role, none twice) over one row of whole
counts becomes a header row and a count row (not when another row of counts follows: a table by
unit); an indicator table (an indicator title, value titles, one 分值 and one 得分) becomes tab rows
with its 总分 row only when every score is within its weight and the scores add up to the 总分.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs
from jixiao.importers.pastings.forms import (
    COUNT,
    LINE_LABEL,
    LINE_VALUE,
    form_column_lettered,
    form_number,
    pair_role,
    percent_off_its_column,
    rates_hold,
)
from jixiao.importers.patterns import CJK

_TITLE = re.compile(rf"^[{CJK}()A-Z/=%]{{2,12}}$")
_MIN_CELLS = 3  # the labels and two columns at least
_MAX_CELLS = 10
_MIN_ROWS = 2


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """[start, end) of each run of non-blank lines."""
    found: list[tuple[int, int]] = []
    start = None
    for number, line in enumerate(lines):
        if line.strip() and "\t" not in line:
            if start is None:
                start = number
        elif start is not None:
            found.append((start, number))
            start = None
    if start is not None:
        found.append((start, len(lines)))
    return found


def _cell(text: str, origin: list[int], starts: list[int], lines: list[str], n: int) -> Cell:
    line = lines[n]
    left = len(line) - len(line.lstrip())
    return piece(text, origin, starts[n] + left, starts[n] + len(line.rstrip()))


def _block(
    text: str, origin: list[int], lines: list[str], paragraphs: list[tuple[int, int]], at: int
) -> tuple[int, list[tuple[int, int]]] | None:
    """The web table whose titles end paragraph *at*: (the index of the paragraph after its
    last, its titles' and its rows' lines [first, last)), or None when it is not proven."""
    if at + 1 >= len(paragraphs):
        return None
    width = paragraphs[at + 1][1] - paragraphs[at + 1][0]  # the first row's cells
    end = paragraphs[at][1]
    start = end - width  # the titles: the paragraph's last lines (a caption may stand above)
    if not _MIN_CELLS <= width <= _MAX_CELLS or start < paragraphs[at][0]:
        return None
    titles = [lines[n].strip() for n in range(start, end)]
    if not all(_TITLE.match(title) for title in titles):
        return None
    kinds = [form_column_lettered(title) for title in titles[1:]]
    if (
        form_column_lettered(titles[0]) is not None
        or None in kinds
        or not {"budget", "spent"} <= set(kinds)
    ):
        return None
    rows: list[tuple[int, int]] = []
    values: list[list[str]] = []
    index = at + 1
    while index < len(paragraphs):
        first, last = paragraphs[index]
        if last - first != width or first - paragraphs[index - 1][1] > 2:
            break
        cells = [lines[n].strip() for n in range(first, last)]
        if not LINE_LABEL.match(cells[0]) or not all(LINE_VALUE.match(cell) for cell in cells[1:]):
            break
        if not any(cell[0].isdigit() for cell in cells[1:]):
            break
        rows.append((first, last))
        values.append(cells[1:])
        index += 1
    if len(rows) < _MIN_ROWS:
        return None
    if any(percent_off_its_column(cells, kinds) for cells in values):
        return None
    if not rates_hold(values, titles[1:], kinds):
        return None
    return index, [(start, end), *rows]


# a staffing title of a web table's header: a role `pair_role` knows, a quota's unit in 个 or its
# split by kind of post in brackets set aside ("编制数（个）", "编制数（行政20、事业4）")
_QUOTA_NOTE = re.compile(
    rf"^((?:核定)?(?:编制数|编制人数|核定编制))"
    rf"\((?:个|(?:[{CJK}]{{1,6}}\d{{1,5}}[个名人]?[、,])+[{CJK}]{{1,6}}\d{{1,5}}[个名人]?)\)$"
)


def _staffing_role(title: str) -> str | None:
    quota = _QUOTA_NOTE.match(title)
    return pair_role(quota.group(1) if quota else title)


def _staffing_block(
    lines: list[str], paragraphs: list[tuple[int, int]], at: int
) -> tuple[int, list[tuple[int, int]]] | None:
    """A staffing header and its counts, one cell a line: the titles end paragraph *at* (each a
    staffing role, no role twice, two at least), the next paragraph, one blank line below, is
    as many whole counts, and the paragraph after it is no other row of counts (a table by unit
    is not one row)."""
    if at + 1 >= len(paragraphs) or paragraphs[at + 1][0] - paragraphs[at][1] > 2:
        return None
    first, last = paragraphs[at + 1]
    width = last - first
    start = paragraphs[at][1] - width
    if not 2 <= width <= _MAX_CELLS or start < paragraphs[at][0]:
        return None
    roles = [_staffing_role(lines[n].strip()) for n in range(start, paragraphs[at][1])]
    if None in roles or len(set(roles)) != len(roles):
        return None
    if start > paragraphs[at][0] and _staffing_role(lines[start - 1].strip()) is not None:
        return None  # a role above the titles: the header is not the paragraph's end
    if not all(COUNT.match(lines[n].strip()) for n in range(first, last)):
        return None
    if at + 2 < len(paragraphs):
        after = [lines[n].strip() for n in range(*paragraphs[at + 2])]
        counts = sum(bool(COUNT.match(cell)) for cell in after)
        if (
            after
            and all(COUNT.match(cell) or LINE_LABEL.match(cell) for cell in after)
            and (counts >= width - 1)
        ):
            return None  # another row of counts: a table by unit, not one row
    return at + 2, [(start, paragraphs[at][1]), (first, last)]


# an indicator table's titles: the indicators' names first, then their target / actual values and
# one 分值 (or 权重) and one 得分 column
_INDICATOR_TITLE = re.compile(r"^(?:[一二三]级指标|绩效指标|指标名称|具体指标|指标)$")
_VALUE_TITLE = re.compile(
    r"^(?:年度)?(?:指标值|目标值|预期目标|预期值|计划值)$|^(?:全年)?(?:实际完成值|实际值|完成值|实际完成)$"
)
_WEIGHT_TITLE = re.compile(r"^(?:分值|权重|满分)$")
_GOT_TITLE = re.compile(r"^(?:得分|自评得分|评价得分)$")
_TOTAL = re.compile(r"^(?:总分|合计|总计)$")
_SCORE = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
_INDICATOR = re.compile(rf"^[{CJK}A-Za-z0-9()“”、/%.\-]{{2,40}}$")
_TARGET = re.compile(rf"^[{CJK}≥≤<>=0-9.,%/()A-Za-z\-]{{1,24}}$")


def _score_block(
    lines: list[str], paragraphs: list[tuple[int, int]], at: int
) -> tuple[int, list[list[int | None]]] | None:
    """An indicator table one cell a line: titles ending paragraph *at* (an indicator title first,
    value titles, one 分值 and one 得分), rows as wide (a name, its values, two scores, the score
    no more than its weight), then a 总分 row of one or two numbers (the 分值 total 100 and) the
    得分 total: proven when the rows' scores add up to it. The rows as lists of line numbers, a
    total row placed under the score columns (None for a blank cell)."""
    if at + 1 >= len(paragraphs):
        return None
    width = paragraphs[at + 1][1] - paragraphs[at + 1][0]
    end = paragraphs[at][1]
    start = end - width
    if not 3 <= width <= _MAX_CELLS or start < paragraphs[at][0]:
        return None
    titles = [lines[n].strip() for n in range(start, end)]
    if not _INDICATOR_TITLE.match(titles[0]):
        return None
    weight = [n for n, title in enumerate(titles) if _WEIGHT_TITLE.match(title)]
    got = [n for n, title in enumerate(titles) if _GOT_TITLE.match(title)]
    if len(weight) != 1 or len(got) != 1:
        return None
    if not all(
        n in (weight[0], got[0]) or _VALUE_TITLE.match(title)
        for n, title in enumerate(titles[1:], start=1)
    ):
        return None
    rows: list[list[int | None]] = [list(range(start, end))]
    scores = []
    weights = []
    index = at + 1
    while index < len(paragraphs):
        first, last = paragraphs[index]
        if first - paragraphs[index - 1][1] > 2:
            return None
        cells = [lines[n].strip() for n in range(first, last)]
        if _TOTAL.match(cells[0]):
            break
        if last - first != width or not _INDICATOR.match(cells[0]):
            return None
        if not (_SCORE.match(cells[weight[0]]) and _SCORE.match(cells[got[0]])):
            return None
        if not all(
            _TARGET.match(cell)
            for n, cell in enumerate(cells[1:], start=1)
            if n not in (*weight, *got)
        ):
            return None
        weights.append(form_number(cells[weight[0]]))
        scores.append(form_number(cells[got[0]]))
        rows.append(list(range(first, last)))
        index += 1
    if index >= len(paragraphs) or len(rows) < 3:
        return None
    first, last = paragraphs[index]
    total = [lines[n].strip() for n in range(first + 1, last)]
    if not 1 <= len(total) <= 2 or not all(_SCORE.match(cell) for cell in total):
        return None
    if any(s is None or w is None or s > w for s, w in zip(scores, weights, strict=True)):
        return None
    if form_number(total[-1]) != sum(s for s in scores if s is not None):
        return None
    if len(total) == 2 and form_number(total[0]) != sum(w for w in weights if w is not None):
        return None
    placed: list[int | None] = [first] + [None] * (width - 1)
    placed[got[0]] = last - 1
    if len(total) == 2:
        placed[weight[0]] = first + 1
    rows.append(placed)
    return index + 1, rows


def web_table_cells(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A web table copied one cell a line, rows apart by blank lines → tab rows."""
    lines = text.split("\n")
    paragraphs = _paragraphs(lines)
    starts: list[int] | None = None
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    at = 0
    while at < len(paragraphs):
        found = _block(text, origin, lines, paragraphs, at) or _staffing_block(
            lines, paragraphs, at
        )
        if found is None:
            scored = _score_block(lines, paragraphs, at)
            if scored is not None:
                starts = starts or line_starts(text)
                cells = [
                    [
                        Cell("", ()) if n is None else _cell(text, origin, starts, lines, n)
                        for n in row
                    ]
                    for row in scored[1]
                ]
                lines_of = [n for n in scored[1][-1] if n is not None]
                runs.append((scored[1][0][0] or 0, max(lines_of) + 1, cells))
                at = scored[0]
                continue
            at += 1
            continue
        starts = starts or line_starts(text)
        after, rows = found
        table = [
            [_cell(text, origin, starts, lines, n) for n in range(first, last)]
            for first, last in rows
        ]
        runs.append((rows[0][0], rows[-1][1], table))
        at = after
    return replace_runs(text, origin, runs)
