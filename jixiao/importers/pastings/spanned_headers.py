"""A staffing table's header on two rows, a title spanning the sub-titles under it, made one row.

    人员情况\t编制数\t实有人数\t在职人员\t\t退休人员
    \t\t\t小计\t其中：在编\t
    \t420\t786\t598\t392\t188

The second row (no digit) names the parts of a title whose cells to its right are left blank
(merged): 小计 / 合计 is the title itself, 其中：在编 or 在编 a part of it. Joined, each column
has one title, and the row of counts under them is read as any one-row staffing table:

    人员情况\t编制数\t实有人数\t在职人员\t其中：在编\t退休人员
    \t420\t786\t598\t392\t188

Joined only when proven: every title after the caption is a staffing count or role the readers
know, each spanning title has two sub-titles or more and no other title has one, and the row
under the header holds a whole number (or a dash) under every title, no part above its 小计.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs, tab_cells
from jixiao.importers.pastings.forms import LABEL, PAIR_KEY

_SUBTOTAL = re.compile(r"^(?:小计|合计|计)$")
_PART = re.compile(r"^其中[:：]?")
_COUNT_OR_DASH = re.compile(r"^(?:\d{1,6}|[-—/]{1,2}|)$")

TabCell = tuple[str, int, int]  # a tab cell's stripped text and its [start, end)


def spanned_headers(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Two-row staffing headers joined (see the module's docstring)."""
    if "\t" not in text or ("其中" not in text and "小计" not in text):
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    for n in range(len(lines) - 2):
        if runs and runs[-1][1] > n:
            continue
        upper, lower, counts = lines[n], lines[n + 1], lines[n + 2]
        if "\t" not in upper or "\t" not in lower or re.search(r"\d", upper + lower):
            continue
        top = _trimmed(tab_cells(upper, starts[n]))
        bottom = _trimmed(tab_cells(lower, starts[n + 1]))
        titles = _joined_titles(top, bottom)
        if titles is None or not _counts_fit(titles, tab_cells(counts, starts[n + 2])):
            continue
        row = [piece(text, origin, start, end) for _, start, end in titles]
        runs.append((n, n + 2, [row]))
    return replace_runs(text, origin, runs)


def _trimmed(cells: list[TabCell]) -> list[TabCell]:
    while cells and not cells[-1][0]:
        cells = cells[:-1]
    return cells


def _joined_titles(top: list[TabCell], bottom: list[TabCell]) -> list[TabCell] | None:
    """The one-row header's cells (each a cell of the two rows), or None when not proven."""
    if len(bottom) > len(top) or len(top) < 3 or (top[0][0] and not LABEL.match(top[0][0])):
        return None
    if bottom and bottom[0][0]:
        return None
    joined: list[TabCell] = [top[0]]
    owner: TabCell | None = None
    spans = 0
    for column in range(1, len(top)):
        upper = top[column]
        lower = bottom[column] if column < len(bottom) else ("", 0, 0)
        if upper[0]:
            if lower[0] and not (column + 1 < len(bottom) and bottom[column + 1][0]):
                return None  # a sub-title under a title spanning nothing
            owner = upper if lower[0] else None
        elif owner is None or not lower[0]:
            return None  # a blank title with nothing under it to name the column
        else:
            spans += 1
        title = upper if not lower[0] else _sub_title(owner, lower)
        if title is None or not PAIR_KEY.match(title[0]):
            return None
        joined.append(title)
    return joined if spans else None


def _sub_title(owner: TabCell | None, lower: TabCell) -> TabCell | None:
    if _SUBTOTAL.match(lower[0]):
        return owner
    return lower


def _counts_fit(titles: list[TabCell], counts: list[TabCell]) -> bool:
    """The row under the header: a count or a dash under every title, the caption cell blank,
    a part (其中) no greater than the count before it."""
    counts = _trimmed(counts)
    if len(counts) != len(titles) or counts[0][0]:
        return False
    values = [cell for cell, _, _ in counts[1:]]
    if not all(_COUNT_OR_DASH.match(value) for value in values) or not any(values):
        return False
    for column in range(1, len(values)):
        if _PART.match(titles[column + 1][0]) and values[column].isdigit():
            before = values[column - 1]
            if before.isdigit() and int(values[column]) > int(before):
                return False
    return True
