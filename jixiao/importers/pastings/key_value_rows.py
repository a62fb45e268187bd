"""A form's money block written as key：value lines → tab rows, as a Word form gives them, for
the table readers. Two ways of writing it:

- a row a line: "资金总额：年初预算数 420.00，全年预算数 486.50，全年执行数 470.00，执行率 96.61%"
  (the row's label, then its cells as "title value" apart by commas or semicolons);
- one figure a line under the row's label: "基本支出" over "年初预算数：120.00" over
  "全年预算数：130.00"…

Rebuilt only when it is proven: two rows or more in a run, each of them holding the same money
titles (预算 / 决算 / 执行 / 支出 / 执行率 / 分值 / 得分 …) in the same order, two or more, each
with one number and nothing else; the labels are short names, no two alike. The rows become a
header of those titles (its first cell empty) over one tab row a label. Otherwise the lines are
left as they are: prose of the same shape (a sentence, a figure with its unit word, one row
alone) stays prose.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Block, Cell, piece, rebuilt_blocks
from jixiao.importers.patterns import CJK

# a money column's title: its word, a unit in brackets after it ("全年预算数（万元）", "执行率(%)")
_TITLE = re.compile(
    rf"^[{CJK}]{{0,8}}(?:预算|决算|执行|支出|拨款)[{CJK}]{{0,4}}"
    r"(?:\((?:万元|元|%)\))?$|^(?:分值|得分|权重)$"
)
_VALUE = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$|^-?\d+(?:\.\d+)?%?$")
_LABEL = re.compile(rf"^(?:其中:)?[{CJK}()、]{{2,16}}$")
# "label:cells" (the label's colon the first on the line)
_ROW_LINE = re.compile(rf"^(?P<label>(?:其中:)?[{CJK}()、]{{2,16}}):(?P<cells>[^:\t]{{4,300}})$")
_CELL_SPLIT = re.compile(r"[,;]\s*(?=\D)")
_CELL = re.compile(r"^(?P<title>\S{2,16}?)\s*(?P<value>-?\d[\d,.]*%?)$")
# "title:value", one figure a line
_FIGURE_LINE = re.compile(r"^(?P<title>[^:\t\s]{2,16}):\s*(?P<value>-?\d[\d,.]*%?)$")
_MIN_ROWS = 2
_MIN_CELLS = 2
_MAX_ROWS = 40


def _titled(title: str, value: str) -> bool:
    return bool(_TITLE.match(title)) and bool(_VALUE.match(value))


def _row_cells(line: str) -> tuple[str, list[tuple[int, int, int, int]]] | None:
    """(label, [(title start, end, value start, end)…]) of a row a line, offsets in *line*."""
    match = _ROW_LINE.match(line)
    if match is None:
        return None
    cells = []
    position = match.start("cells")
    for raw in _CELL_SPLIT.split(match.group("cells")):
        start = line.index(raw, position)
        position = start + len(raw)
        cell = _CELL.match(raw.strip())
        if cell is None or not _titled(cell.group("title"), cell.group("value")):
            return None
        left = start + len(raw) - len(raw.lstrip())
        cells.append(
            (
                left + cell.start("title"),
                left + cell.end("title"),
                left + cell.start("value"),
                left + cell.end("value"),
            )
        )
    if len(cells) < _MIN_CELLS:
        return None
    return match.group("label"), cells


def _figure(line: str) -> tuple[int, int, int, int] | None:
    match = _FIGURE_LINE.match(line.strip())
    if match is None or not _titled(match.group("title"), match.group("value")):
        return None
    left = len(line) - len(line.lstrip())
    return (
        left + match.start("title"),
        left + match.end("title"),
        left + match.start("value"),
        left + match.end("value"),
    )


def _table(
    text: str,
    origin: list[int],
    starts: list[int],
    rows: list[tuple[int, str, int, list[tuple[int, int, int, int]]]],
) -> list[list[Cell]] | None:
    """Tab rows of the rows found — (label line, label, label offset, cells on their lines) —
    when they are proven: the same titles in each, no label twice."""
    titles = [
        [text[starts[line] + s : starts[line] + e] for s, e, _, _ in cells]
        for line, _, _, cells in rows
    ]
    labels = [label for _, label, _, _ in rows]
    if (
        len(rows) < _MIN_ROWS
        or any(t != titles[0] for t in titles)
        or len(set(labels)) < len(labels)
    ):
        return None
    first_line, _, _, first_cells = rows[0]
    header = [Cell("", ())] + [
        piece(text, origin, starts[first_line] + s, starts[first_line] + e)
        for s, e, _, _ in first_cells
    ]
    table = [header]
    for line, label, at, cells in rows:
        row = [piece(text, origin, at, at + len(label))]
        row.extend(piece(text, origin, starts[line] + s, starts[line] + e) for _, _, s, e in cells)
        table.append(row)
    return table


def _row_lines_at(lines: list[str], starts: list[int], number: int) -> tuple[int, list] | None:
    rows = []
    end = number
    while end < len(lines) and len(rows) < _MAX_ROWS:
        found = _row_cells(lines[end])
        if found is None:
            break
        label, cells = found
        rows.append((end, label, starts[end], cells))
        end += 1
    return (end, rows) if len(rows) >= _MIN_ROWS else None


def _figure_lines_at(lines: list[str], starts: list[int], number: int) -> tuple[int, list] | None:
    """Blocks of a label line over its figures a line, the figures' lines joined as one row."""
    rows = []
    end = number
    while end < len(lines) and len(rows) < _MAX_ROWS:
        label = lines[end].strip()
        if not _LABEL.match(label):
            break
        figures = []
        below = end + 1
        while below < len(lines) and (figure := _figure(lines[below])) is not None:
            figures.append((below, figure))
            below += 1
        if len(figures) < _MIN_CELLS:
            break
        at = starts[end] + lines[end].index(label)
        rows.append((end, label, at, figures))
        end = below
    return (end, rows) if len(rows) >= _MIN_ROWS else None


def _figure_table(
    text: str, origin: list[int], starts: list[int], rows: list
) -> list[list[Cell]] | None:
    """`_table` of label-over-figures blocks: each figure's offsets moved onto the label's line's
    frame (they are taken from their own lines)."""
    moved = []
    for line, label, at, figures in rows:
        cells = [
            (
                starts[f] - starts[line] + s,
                starts[f] - starts[line] + e,
                starts[f] - starts[line] + vs,
                starts[f] - starts[line] + ve,
            )
            for f, (s, e, vs, ve) in figures
        ]
        moved.append((line, label, at, cells))
    return _table(text, origin, starts, moved)


def key_value_rows(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A money block written as key：value lines (a row a line, or one figure a line under each
    row's label) → tab rows."""
    if ":" not in text:
        return text, origin

    def block_at(lines: list[str], starts: list[int], number: int) -> Block | None:
        line = lines[number]
        if "\t" in line or len(line) > 320:
            return None
        found = _row_lines_at(lines, starts, number) if ":" in line else None
        if found is not None and (table := _table(text, origin, starts, found[1])):
            return found[0], table
        found = _figure_lines_at(lines, starts, number)
        if found is not None and (table := _figure_table(text, origin, starts, found[1])):
            return found[0], table
        return None

    return rebuilt_blocks(text, origin, block_at)
