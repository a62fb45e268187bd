"""Ruled grids: tables drawn with box characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘, ╔═╦═╗ ║) or in ASCII
(+----+----+ / | cell | cell |), whose rows may span two or more text lines inside their cells
(a wrapped label "其中:一般公共预算" / "财政拨款" in one cell, the other cells blank on the second
line), and Markdown tables whose header takes two or three rows above the |---| rule.

Each grid row becomes one tab row, the pieces of a wrapped cell joined in order, and the rules
go; the readers then read the rows as a Word table's. A run of lines between two rules is one
grid row only when its lines line up (as many cells, borders at the same places, counted in
characters or in display columns, each line against the one above; punctuation folded from
full width counts 2 columns), each line after the first opens no row of its own (其中 / 按… /
合计, a label ending on ":", a note in brackets), and either one line holds figures and the others
text only beside them (a wrapped label) or none does and the pieces joined make a form column's
title from two pieces or more (a wrapped header; two rows of text make none). Otherwise every
line is a row of its own, as before. A grid of one column (a paragraph in a box) is left as it is.
A figure is a cell that is one ("56", "96.45%", "≥85个"), not a digit in a label's text ("编制数（行政
30、事" / "业26）" is one wrapped label); a rule right of a merged cell ("│    ├───┼───┤") is a rule.
"""

from __future__ import annotations

import re
from itertools import pairwise

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs
from jixiao.importers.pastings.forms import folded_width, form_column_lettered, row_name

_BORDERS = "│┃║|"
_RULE = re.compile(r"^[─━═┄┅┈┉\-=:+ ┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪╓╖╙╜╟╢╥╨╫┏┓┗┛┣┫┳┻╋]*$")
_RULE_JOINT = re.compile(r"[┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪╓╖╙╜╟╢╥╨╫┏┓┗┛┣┫┳┻╋]")
_ASCII_RULE = re.compile(r"^\+(?:[-=:]{2,}\+)+$")
_HORIZONTAL = re.compile(r"[─━═┄┅┈┉]{2,}")
_MARKDOWN_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?)?\s*$")
# a line that opens a row of its own: never the continuation of a wrapped cell
_OWN_ROW = re.compile(r"^(?:其中|按|合计|小计|总计|总分|其他)|:$")
_NOTE = re.compile(r"^\([^()]*\)$")  # a note in brackets under a label: a line of its own
_MAX_WRAP = 4
# a cell that is a figure of its own (an amount, a count, a rate, a dash), not a label holding a
# digit ("编制数(行政30、事" / "业26)")
_FIGURE = re.compile(r"^[≥≤<>]?[-+]?\d[\d,.]*\s*(?:%|万元|元|人|个|分)?$")
_ANY_RULE = re.compile(r"[─━═┄┅┈┉]{2}|\+-{2,}|-{3}")  # text lines one grid row may span


_MERGED_LEFT = re.compile(r"^(?:[│┃║] *)+(?=[├┝┠╟╞┣])")


def _is_rule(line: str) -> bool:
    if _ASCII_RULE.match(line):
        return True
    if _is_full_rule(line):
        return True
    # a rule under the cells right of a merged cell ("│      ├────┼────┤"): the merged cell
    # goes on down, the row above ends
    merged = _MERGED_LEFT.match(line)
    return bool(merged and _is_full_rule(line[merged.end() :]))


def _is_full_rule(line: str) -> bool:
    return bool(_RULE.match(line) and _RULE_JOINT.search(line) and _HORIZONTAL.search(line))


Bordered = tuple[list[tuple[int, int]], list[int], list[int], list[int]]


def _cells(line: str, at: int) -> Bordered | None:
    """The cells of a bordered line (stripped, "│ a │ b │"): each cell's [start, end) in the
    text (line starting at *at*) without its padding, and the borders' places in characters, in
    display columns (punctuation folded from full width 2 wide) and in display columns with ASCII
    punctuation 1 wide; None when the line is no grid row."""
    if len(line) < 3 or line[0] not in _BORDERS or line[-1] not in _BORDERS:
        return None
    spans: list[tuple[int, int]] = []
    characters: list[int] = [0]
    columns: list[int] = [0]
    plain: list[int] = [0]  # ASCII punctuation 1 wide (written so, not folded)
    begin = 1
    for index in range(1, len(line)):
        if line[index] in _BORDERS:
            content = line[begin:index]
            left = len(content) - len(content.lstrip())
            right = len(content.rstrip())
            spans.append((at + begin + left, at + begin + max(left, right)))
            characters.append(index)
            columns.append(columns[-1] + folded_width(content) + 1)
            plain.append(plain[-1] + sum(2 if ord(c) >= 0x2E80 else 1 for c in content) + 1)
            begin = index + 1
    return spans, characters, columns, plain


def _row(text: str, origin: list[int], lines: list[list[tuple[int, int]]]) -> list[Cell]:
    """One grid row from its text lines: each cell's pieces joined top to bottom."""
    row: list[Cell] = []
    for column in range(len(lines[0])):
        chars: list[str] = []
        origins: list[int] = []
        for spans in lines:
            cell = piece(text, origin, *spans[column])
            chars.append(cell.text)
            origins.extend(cell.origin)
        row.append(Cell("".join(chars), tuple(origins)))
    return row


def _lined_up(above: Bordered, line: Bordered) -> bool:
    """Every border of *line* where the line above has its own, by one measure or another."""
    return len(line[1]) == len(above[1]) and all(
        any(line[measure][n] == above[measure][n] for measure in (1, 2, 3))
        for n in range(len(line[1]))
    )


def _one_row(text: str, band: list[Bordered]) -> bool:
    """A band of text lines between two rules that is one wrapped grid row."""
    if not 2 <= len(band) <= _MAX_WRAP:
        return False
    if len(band[0][0]) < 2:
        return False
    if not all(_lined_up(above, line) for above, line in pairwise(band)):
        return False  # the columns do not line up
    values = [[text[start:end] for start, end in line[0]] for line in band]
    figures = [cells for cells in values if any(_FIGURE.match(cell) for cell in cells)]
    if not figures and sum(any(re.search(r"\d", cell) for cell in cells) for cells in values) > 1:
        return False  # figures in text on two lines, no cell a figure: two rows
    if len(figures) > 1:
        return False  # two lines with figures: two rows under one rule (a merged caption)
    if sum(all(cells) for cells in values) > 1 or not all(any(cells) for cells in values):
        return False
    if any(
        _OWN_ROW.search(cell) or _NOTE.match(cell) for cells in values[1:] for cell in cells if cell
    ):
        return False
    if figures:  # a wrapped label: the other lines hold text only beside the figures
        return all(
            not cell or (not _FIGURE.match(figures[0][n]) and not _FIGURE.match(cell))
            for cells in values
            if cells is not figures[0]
            for n, cell in enumerate(cells)
        )
    return _joined_titles(values)


def _with_wrapped_remarks(text: str, band: list[Bordered]) -> list[list[list[tuple[int, int]]]]:
    """The band's lines as rows, a remark wrapped onto lines of its own ("│全年预算数│1,142.75│…│含追加
    …经费│" / "│          │        │…│156.45万元；…│") joined to the row it goes on from: a line whose
    one written cell stands right of the first two columns, under a cell of words of the line
    above, as many cells in both."""
    groups: list[list[list[tuple[int, int]]]] = []
    previous: list[str] = []
    for line in band:
        values = [text[start:end] for start, end in line[0]]
        written = [n for n, value in enumerate(values) if value]
        if (
            groups
            and len(written) == 1
            and written[0] >= 2
            and len(values) == len(previous)
            and previous[written[0]]
            and not _FIGURE.match(previous[written[0]])
        ):
            groups[-1].append(line[0])
            continue
        groups.append([line[0]])
        previous = values
    return groups


def _joined_titles(values: list[list[str]]) -> bool:
    """Lines of text alone are one wrapped row when the pieces of one cell, two or more, joined
    make a form column's title ("年初预" / "算数", "年初" / "预算数"); two rows of text ("部门名称 |
    …" / "单位性质 | …") make none."""
    for n in range(len(values[0])):
        pieces = [cells[n] for cells in values if cells[n]]
        if len(pieces) > 1 and (
            form_column_lettered("".join(pieces)) or row_name("".join(pieces).replace(" ", ""))
        ):
            return True  # a form column's title, or a funding line's over a block turned sideways
    return False


def _markdown_header(
    text: str, origin: list[int], lines: list[str], starts: list[int], rule: int
) -> tuple[int, list[Cell]] | None:
    """A Markdown header of two or three rows right above the |---| rule at *rule*: the first
    header line and the joined header row, when the rows have the rule's number of cells and
    the rows after the first hold no digit and leave a cell blank."""

    def cells_of(number: int) -> list[tuple[int, int]] | None:
        line = lines[number].rstrip("\r")
        stripped = line.strip()
        if not stripped.startswith("|") or not stripped.endswith("|") or len(stripped) < 3:
            return None
        indent = len(line) - len(line.lstrip())
        found = _cells(stripped, starts[number] + indent)
        return None if found is None else found[0]

    width = lines[rule].strip().strip("|").count("|") + 1
    header: list[list[tuple[int, int]]] = []
    number = rule - 1
    while number >= 0 and len(header) <= 3:
        spans = cells_of(number)
        if spans is None:
            break
        header.insert(0, spans)
        number -= 1
    if not 2 <= len(header) <= 3 or any(len(spans) != width for spans in header):
        return None
    values = [[text[start:end] for start, end in spans] for spans in header]
    for cells in values[1:]:
        if any(re.search(r"\d", value) for value in cells) or all(cells):
            return None
        if any(_OWN_ROW.search(value) for value in cells if value):
            return None
    if not _joined_titles(values):
        return None
    return rule - len(header), _row(text, origin, header)


def _header_below_rule(
    text: str, origin: list[int], lines: list[str], starts: list[int], rule: int
) -> list[list[Cell]] | None:
    """A Markdown table whose header's second row is written as its first body row, a merged
    title's parts under it ("| 资金类别 | 预算数 | | 执行数 |" / "|---|" / "| | 年初预算 | 调整预算 |
    全年执行 |"): the header row with each part put in place of the title above it, then the rule.
    Proven when both rows have the rule's number of cells, the row under the rule holds no digit,
    leaves its first cell and another blank, a blank title above has a part under it (the merged
    cell), and every part is a form column's title (or one with 数 left off) of the same kind as
    the title it stands under or the nearest title to its left (预算数 → 年初预算 / 调整预算)."""
    if rule == 0 or rule + 1 >= len(lines):
        return None

    def cells_of(number: int) -> list[tuple[int, int]] | None:
        line = lines[number].rstrip("\r")
        stripped = line.strip()
        if not stripped.startswith("|") or not stripped.endswith("|") or len(stripped) < 3:
            return None
        indent = len(line) - len(line.lstrip())
        found = _cells(stripped, starts[number] + indent)
        return None if found is None else found[0]

    width = lines[rule].strip().strip("|").count("|") + 1
    upper, lower = cells_of(rule - 1), cells_of(rule + 1)
    if upper is None or lower is None or len(upper) != width or len(lower) != width:
        return None
    titles = [text[start:end] for start, end in upper]
    parts = [text[start:end] for start, end in lower]
    if parts[0] or all(parts) or not titles[0] or any(re.search(r"\d", part) for part in parts):
        return None
    if not any(part and not title for title, part in zip(titles, parts, strict=True)):
        return None  # no merged title over two parts
    spanning: str | None = None
    for title, part in zip(titles, parts, strict=True):
        spanning = title or spanning
        if not part:
            continue
        kind = form_column_lettered(part) or form_column_lettered(part + "数")
        over = (
            None
            if spanning is None
            else (form_column_lettered(spanning) or form_column_lettered(spanning + "数"))
        )
        if kind is None or kind != over:
            return None
    row = [
        piece(text, origin, *(below if text[below[0] : below[1]] else above))
        for above, below in zip(upper, lower, strict=True)
    ]
    rule_line = piece(text, origin, starts[rule], starts[rule] + len(lines[rule]))
    return [row, [rule_line]]


def ruled_grids(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Ruled grids and two-row Markdown headers → tab rows, every character keeping its origin."""
    if not _ANY_RULE.search(text):
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    number = 0
    while number < len(lines):
        stripped = lines[number].strip()
        if _MARKDOWN_RULE.match(stripped) and "|" in stripped:
            found = _markdown_header(text, origin, lines, starts, number)
            if found is not None and (not runs or runs[-1][1] <= found[0]):
                runs.append((found[0], number, [found[1]]))
            elif (
                found is None
                and (not runs or runs[-1][1] <= number - 1)
                and (below := _header_below_rule(text, origin, lines, starts, number))
            ):
                runs.append((number - 1, number + 2, below))
                number += 2
                continue
            number += 1
            continue
        if not _is_rule(stripped):
            number += 1
            continue
        end, rows = _grid(text, origin, lines, starts, number)
        if rows:
            runs.append((number, end, rows))
        number = max(end, number + 1)  # a box that is no grid is passed over whole
    return replace_runs(text, origin, runs)


def _grid(
    text: str, origin: list[int], lines: list[str], starts: list[int], top: int
) -> tuple[int, list[list[Cell]]]:
    """The grid whose first rule is line *top*: the line after its last line and its rows, no
    rows when it is none (no bordered line under the rule, a single column)."""
    rows: list[list[Cell]] = []
    band: list[Bordered] = []
    widest = 0
    number = top + 1
    end = top + 1

    def close() -> None:
        if _one_row(text, band):
            rows.append(_row(text, origin, [line[0] for line in band]))
        else:
            rows.extend(_row(text, origin, group) for group in _with_wrapped_remarks(text, band))
        band.clear()

    while number < len(lines):
        line = lines[number].rstrip("\r")
        stripped = line.strip()
        if _is_rule(stripped):
            close()
            end = number + 1
        else:
            indent = len(line) - len(line.lstrip())
            found = _cells(stripped, starts[number] + indent)
            if found is None:
                break
            band.append(found)
            widest = max(widest, len(found[0]))
        number += 1
    if band:  # bordered lines after the last rule (no closing rule)
        close()
        end = number
    return end, rows if widest >= 2 else []
