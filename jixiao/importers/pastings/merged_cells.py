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


def _collapsed(spans: list[Span], runs: list[tuple[int, int]]) -> list[Span]:
    dropped = {column for start, end in runs for column in range(start + 1, end)}
    return [span for column, span in enumerate(spans) if column not in dropped]


def merged_cells(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Merged cells written once per grid column made one (see the module's docstring)."""
    if "\t" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    n = 0
    while n < len(lines) - 1:
        header = tab_cells(lines[n], starts[n])
        titles = [span[0] for span in header]
        below = n + 1
        while below < len(lines) and "\t" in lines[below]:
            cells = [span[0] for span in tab_cells(lines[below], starts[below])]
            if len(cells) != len(titles) or not _values(cells):
                break
            below += 1
        if "\t" not in lines[n] or below == n + 1 or not _titles(titles):
            n += 1
            continue
        rows = [tab_cells(lines[k], starts[k]) for k in range(n + 1, below)]
        texts = [[span[0] for span in row] for row in rows]
        merged = [run for run in _title_runs(titles) if _repeated_in(texts, run)]
        caption = bool(titles[0]) and any(row[0] == titles[0] for row in texts)
        if merged or caption:
            runs.append((n, below, _rewritten(text, origin, header, rows, merged)))
        n = below
    return replace_runs(text, origin, runs)


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
