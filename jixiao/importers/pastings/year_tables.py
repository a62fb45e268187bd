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

from jixiao.importers.pastings.cells import joined_rows, line_starts, newline_origin

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


def _cells_with_origin(line: str, origin: list[int]) -> list[tuple[str, list[int]]]:
    cells = []
    at = 0
    for cell in line.split("\t"):
        cells.append((cell, origin[at : at + len(cell)]))
        at += len(cell) + 1
    return cells


def _cut_row(line: str, line_origin: list[int], columns: list[int]) -> tuple[str, list[int]]:
    """The row with only the cells of *columns*, each keeping its origin."""
    kept = [cell for n, cell in enumerate(_cells_with_origin(line, line_origin)) if n in columns]
    body = "\t".join(cell for cell, _ in kept)
    body_origin: list[int] = []
    for index, (_, cell_origin) in enumerate(kept):
        if index:  # the tab between two kept cells: the first cell's last character's origin
            body_origin.append(body_origin[-1] if body_origin else line_origin[0])
        body_origin.extend(cell_origin)
    return body, body_origin


def latest_year_of_staffing_tables(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """*text* with each staffing table comparing years cut to its latest year (see the module)."""
    if "\t" not in text or "年" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    rows_out: list[tuple[str, list[int], int]] = []  # body, its origin, the newline's origin
    number = 0
    while number < len(lines):
        end = number
        while end < len(lines) and "\t" in lines[end]:
            end += 1
        block = range(number, max(end, number + 1))
        rows = [[c.strip() for c in lines[n].split("\t")] for n in block]
        keep_rows = _kept_rows(rows) if end > number else None
        keep_columns = _kept_columns(rows) if end > number and keep_rows is None else None
        for n in block:
            newline = newline_origin(origin, starts[n] + len(lines[n]))
            line_origin = origin[starts[n] : starts[n] + len(lines[n])]
            if keep_rows is not None and n - number not in keep_rows:
                continue
            if keep_columns is not None and n == number:
                # the titles' row: the year's title alone (its caption cell says no role)
                body, body_origin = _cut_row(lines[n], line_origin, keep_columns[1:])
                body, body_origin = (
                    "\t" + body,
                    [body_origin[0] if body_origin else 0, *body_origin],
                )
            elif keep_columns is not None:
                body, body_origin = _cut_row(lines[n], line_origin, keep_columns)
            elif keep_rows is not None and n > number:
                # the year's row: its date cell left empty (a date, no role the readers know)
                cells = len(lines[n].split("\t"))
                body, body_origin = _cut_row(lines[n], line_origin, list(range(1, cells)))
                body, body_origin = (
                    "\t" + body,
                    [body_origin[0] if body_origin else 0, *body_origin],
                )
            else:
                body, body_origin = lines[n], line_origin
            rows_out.append((body, body_origin, newline))
        number = block[-1] + 1
    return joined_rows(rows_out)
