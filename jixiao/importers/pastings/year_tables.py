"""A staffing table comparing years, cut to its latest year.

A report comparing its staff over the years gives one row (or one column) a year:

    时点\t编制数\t实有人数\t在职\t退休          人员情况\t2022年末\t2023年末\t2024年末
    2020年末\t24\t36\t22\t14                  编制数\t36\t36\t38
    2021年末\t24\t37\t22\t15                  在职人数\t33\t34\t35

The staffing readers take a table's counts as the department's, so each year's would be read.
The year the report is for is the latest of the table's (a comparison looks back): the other
years' rows (or columns) are left out, the latest year's kept, every character keeping its
origin. Only a table whose other titles are staffing's (编制数, 实有人数, 在职, 退休…) and whose
years are two or more, each once, is cut.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import EMPTY, Cell, line_starts, replace_runs, row_cells

_YEAR_CELL = re.compile(r"^\s*((?:19|20)\d{2})年(?:末|底|度)?\s*$")
_STAFF_TITLE = re.compile(r"编制|实有|在职|退休|离休|在编|人数")


def _years(cells: list[str]) -> dict[int, int]:
    """Position → year of the cells that are years."""
    found = {}
    for n, cell in enumerate(cells):
        match = _YEAR_CELL.match(cell)
        if match:
            found[n] = int(match.group(1))
    return found


def _kept_rows(rows: list[list[str]]) -> list[int] | None:
    """The rows kept of a table one row a year (the header and the latest year's), else None."""
    years = {n: y for n, row in enumerate(rows[1:], start=1) if (y := _years(row[:1]).get(0))}
    titles = [cell for cell in rows[0][1:] if cell.strip()]
    if len(years) < 2 or len(set(years.values())) != len(years):
        return None
    if not titles or not all(_STAFF_TITLE.search(title) for title in titles):
        return None
    latest = max(years, key=lambda n: years[n])
    return [n for n in range(len(rows)) if n not in years or n == latest]


def _kept_columns(rows: list[list[str]]) -> list[int] | None:
    """The columns kept of a table one column a year (the labels' and the latest year's)."""
    years = _years(rows[0])
    labels = [row[0] for row in rows[1:] if row[0].strip()]
    if len(years) < 2 or len(set(years.values())) != len(years) or 0 in years:
        return None
    if not labels or not all(_STAFF_TITLE.search(label) for label in labels):
        return None
    latest = max(years, key=lambda n: years[n])
    return [n for n in range(len(rows[0])) if n not in years or n == latest]


def _cut_rows(
    text: str,
    origin: list[int],
    starts: list[int],
    rows: range,
    keep_rows: list[int] | None,
    keep_columns: list[int] | None,
) -> list[list[Cell]]:
    """The table's rows cut to its latest year: the other years' rows (or columns) left out, the
    kept year's date cell (or the titles' caption cell) left empty, no role the readers know."""
    out = []
    for index, number in enumerate(rows):
        cells = row_cells(text, origin, starts[number])
        if keep_rows is not None:
            if index not in keep_rows:
                continue
            out.append(cells if index == 0 else [EMPTY, *cells[1:]])
            continue
        kept = [cells[c] for c in keep_columns or [] if c < len(cells)]
        out.append([EMPTY, *kept[1:]] if index == 0 else kept)
    return out


def latest_year_of_staffing_tables(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """*text* with each staffing table comparing years cut to its latest year (see the module)."""
    if "\t" not in text or "年" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    number = 0
    while number < len(lines):
        end = number
        while end < len(lines) and "\t" in lines[end]:
            end += 1
        if end == number:
            number += 1
            continue
        rows = [[c.strip() for c in lines[n].split("\t")] for n in range(number, end)]
        keep_rows = _kept_rows(rows)
        keep_columns = _kept_columns(rows) if keep_rows is None else None
        if keep_rows is not None or keep_columns is not None:
            cut = _cut_rows(text, origin, starts, range(number, end), keep_rows, keep_columns)
            runs.append((number, end, cut))
        number = end
    return replace_runs(text, origin, runs)
