"""A table's merged cells written once per grid column made one cell again.

A Word or WPS table read cell by cell (python-docx gives one cell per grid column, and so do
many "copy with merged cells repeated" exports) writes a title merged over several columns once
in each ("退休人数\t退休人数\t退休人数"), the value under it too ("17\t17\t17"), and a caption merged
down a block's rows at the head of each row ("人员情况\t编制数…" over "人员情况\t46…"). The readers
expect one cell a title. Proven on a header row and the value rows right under it (the same
number of cells; the header's cells after the first all titles, each value row's cells after the
first all counts, amounts or rates):

- a run of one title over the same columns in the header is one cell when every value row
  under it repeats one value over those columns too; the runs become one cell in every row;
- the header's first cell, repeated in a value row's first cell, is the caption merged down:
  the value row's copy is left empty, as a caption written once leaves it.

A run of equal amounts under different titles (a budget equal to the year-start budget) is
never touched: only a repeated title makes its columns one.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs, tab_cells
from jixiao.importers.patterns import CJK, NUMBER

_VALUE = re.compile(rf"^(?:{NUMBER})\s*(?:%|人|名|万元|元)?$")
_TITLE = re.compile(rf"[{CJK}]")

Span = tuple[str, int, int]  # a cell's text (stripped) and its [start, end) in the text (tab_cells)


def _titles(cells: list[str]) -> bool:
    return all(_TITLE.search(cell) and not _VALUE.match(cell) for cell in cells[1:])


def _values(cells: list[str]) -> bool:
    return all(_VALUE.match(cell) for cell in cells[1:])


def _title_runs(cells: list[str]) -> list[tuple[int, int]]:
    """[start, end) of each run of two or more equal titles after the first cell."""
    runs: list[tuple[int, int]] = []
    start = 1
    while start < len(cells):
        end = start + 1
        while end < len(cells) and cells[end] == cells[start]:
            end += 1
        if end - start >= 2:
            runs.append((start, end))
        start = end
    return runs


def _repeated_in(rows: list[list[str]], run: tuple[int, int]) -> bool:
    return all(len(set(row[run[0] : run[1]])) == 1 for row in rows)


def _dropped(runs: list[tuple[int, int]]) -> set[int]:
    """The columns a run of one merged title leaves out (all but its first)."""
    return {column for start, end in runs for column in range(start + 1, end)}


def _collapsed(spans: list[Span], runs: list[tuple[int, int]]) -> list[Span]:
    dropped = _dropped(runs)
    return [span for column, span in enumerate(spans) if column not in dropped]


# a staffing header on two rows: a group title over its parts ("实有人数 | 实有人数 | 实有人数" over
# "合计 | 在职 | 退休", or the group written once, the cells right of it blank), each part its own
# head-count, the whole under 合计 the group's
_GROUP = re.compile(r"^(?:实有|实有人数|实有人员|现有人员)$")
_WHOLE = ("合计", "小计")
_BARE_ROLE = {"在职": "人数", "退休": "人数", "离休": "人数", "离退休": "人数", "在编": "人数"}


def _joined_titles(
    text: str, origin: list[int], upper: list[Span], lower: list[Span]
) -> list[Cell] | None:
    """One header row of a group title over its parts (see _GROUP), or None."""
    if len(upper) != len(lower):
        return None
    joined: list[Cell] = []
    grouped = False
    group: Span | None = None  # the group title a blank cell right of it continues (merged)
    for (top, top_at, top_end), (low, low_at, low_end) in zip(upper, lower, strict=True):
        if _GROUP.match(top):
            group = (top, top_at, top_end)
        elif top:
            group = None
        elif group is not None:
            top, top_at, top_end = group
        if top == low:
            joined.append(piece(text, origin, low_at, low_end))
        elif not low:  # a title merged down, left blank on the lower row (the caption)
            joined.append(piece(text, origin, top_at, top_end))
        elif _GROUP.match(top) and low in _WHOLE:
            joined.append(piece(text, origin, top_at, top_end))
            grouped = True
        elif _GROUP.match(top) and low in _BARE_ROLE:
            cell = piece(text, origin, low_at, low_end)
            tail = _BARE_ROLE[low]
            joined.append(Cell(cell.text + tail, cell.origin + (cell.origin[-1],) * len(tail)))
            grouped = True
        else:
            return None
    return joined if grouped else None


def merged_cells(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Merged cells written once per grid column made one (see the module's docstring)."""
    if "\t" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    n = 0
    while n < len(lines) - 1:
        header = _trimmed(tab_cells(lines[n], starts[n]))
        titles = [span[0] for span in header]
        below = n + 1
        while below < len(lines) and "\t" in lines[below]:
            cells = [span[0] for span in _trimmed(tab_cells(lines[below], starts[below]))]
            if len(cells) != len(titles) or not _values(cells):
                break
            below += 1
        if "\t" not in lines[n] or below == n + 1 or not _titles(titles):
            n += 1
            continue
        rows = [_trimmed(tab_cells(lines[k], starts[k])) for k in range(n + 1, below)]
        texts = [[span[0] for span in row] for row in rows]
        merged = [run for run in _title_runs(titles) if _repeated_in(texts, run)]
        caption = bool(titles[0]) and any(row[0] == titles[0] for row in texts)
        upper = tab_cells(lines[n - 1], starts[n - 1]) if n and "\t" in lines[n - 1] else []
        joined = _joined_titles(text, origin, upper, header) if upper else None
        if joined is not None and runs and runs[-1][1] > n - 1:
            joined = None  # the row above is another block's, rewritten already
        if joined is not None:
            rewritten = _rewritten(text, origin, header, rows, merged)
            titles_row = [
                cell for column, cell in enumerate(joined) if column not in _dropped(merged)
            ]
            runs.append((n - 1, below, [titles_row, *rewritten[1:]]))
        elif merged or caption:
            runs.append((n, below, _rewritten(text, origin, header, rows, merged)))
        n = below
    return replace_runs(text, origin, runs)


def _trimmed(spans: list[Span]) -> list[Span]:
    """A tab row's cells without the empty cells a Word table leaves at its end."""
    end = len(spans)
    while end > 2 and not spans[end - 1][0]:
        end -= 1
    return spans[:end]


def _rewritten(
    text: str,
    origin: list[int],
    header: list[Span],
    rows: list[list[Span]],
    merged: list[tuple[int, int]],
) -> list[list[Cell]]:
    def cell(span: Span) -> Cell:
        return piece(text, origin, span[1], span[2])

    out = [[cell(span) for span in _collapsed(header, merged)]]
    for row in rows:
        cells = [cell(span) for span in _collapsed(row, merged)]
        if row[0][0] == header[0][0]:
            cells[0] = Cell("", ())
        out.append(cells)
    return out


# a row's label merged across columns ("自评总分\t自评总分\t自评总分\t100\t90.5"), or its one value
# merged to the row's end ("评价等级\t优秀\t优秀\t优秀"): words, not figures
_WORDS = re.compile(rf"[{CJK}]")
_MERGED_ACROSS = 3  # copies of a cell merged across (two may be two columns titled alike)


def merged_across(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A tab row's first cell repeated in the cells after it, or its second cell repeated to the
    row's end, written once (the copies left empty), when the repeated cell is words, not a
    figure: a spreadsheet's cell merged across columns exported once a column."""
    if "\t" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    for n, line in enumerate(lines):
        if "\t" not in line:
            continue
        spans = tab_cells(line, starts[n])
        blank = _copies(spans)
        if blank:
            row = [
                Cell("", ()) if k in blank else piece(text, origin, span[1], span[2])
                for k, span in enumerate(spans)
            ]
            runs.append((n, n + 1, [row]))
    return replace_runs(text, origin, runs)


def _copies(spans: list[Span]) -> set[int]:
    cells = [span[0] for span in spans]
    filled = [k for k, cell in enumerate(cells) if cell]
    copies: set[int] = set()
    if cells and _WORDS.search(cells[0]) and not _VALUE.match(cells[0]):
        run = 1
        while run < len(cells) and cells[run] == cells[0]:
            run += 1
        if run >= _MERGED_ACROSS and run < len(cells):
            copies.update(range(1, run))  # the label merged across, figures after it
    if len(filled) >= 3 and filled[0] == 0 and _WORDS.search(cells[filled[1]]):
        rest = [cells[k] for k in filled[1:]]
        if len(rest) >= _MERGED_ACROSS and len(set(rest)) == 1 and not _VALUE.match(rest[0]):
            copies.update(filled[2:])  # one value merged to the row's end
    return copies


def captions_merged_down(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A block's caption merged down its rows, exported once a row: its column titles' row
    ("年度预算执行情况（万元）\t\t年初预算数\t全年预算数…") over its rows ("年度预算执行情况（万元）\t
    年度资金总额\t1,102.60…"): the copies after the titles' row left empty, as a caption written
    once leaves them. Only words repeated in the first cell of consecutive tab rows of three or
    more cells, the first of them a money block's titles with the row labels' cell left blank
    (the caption merged over it); a figure is never a caption. (A caption repeated down an
    indicator table, or 一级指标 beside its indicators, is left as it is.)"""
    if "\t" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    n = 0
    while n < len(lines):
        caption = _caption(lines[n])
        end = n + 1
        while caption and end < len(lines) and _caption(lines[end]) == caption:
            end += 1
        head = n
        while head < end and _column_titles(lines[head]) and _MONEY_TITLE.search(lines[head]):
            head += 1  # a header on two rows keeps its caption on both
        if head > n and end > head and not lines[n].split("\t")[1].strip():
            rows = []
            for k in range(head, end):
                spans = tab_cells(lines[k], starts[k])
                cells = [piece(text, origin, span[1], span[2]) for span in spans]
                rows.append([Cell("", ()), *cells[1:]])
            runs.append((head, end, rows))
        n = end
    return replace_runs(text, origin, runs)


# the titles' row of a money block (an indicator table's caption is left as written)
_MONEY_TITLE = re.compile(r"预算|执行|决算|支出")


def _caption(line: str) -> str:
    """The first cell of a tab row of three or more cells when it is words (else "")."""
    cells = line.split("\t")
    first = cells[0].strip()
    if len(cells) < 3 or not _TITLE.search(first) or _VALUE.match(first):
        return ""
    return first


def _column_titles(line: str) -> bool:
    """A tab row whose cells after the first are two or more titles and no figure."""
    cells = [cell.strip() for cell in line.split("\t")[1:] if cell.strip()]
    return len(cells) >= 2 and _titles(["", *cells])
