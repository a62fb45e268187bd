"""A table continued over a page break made one table again.

A form printed over two pages and pasted from its PDF repeats the table's header on the second
page, after the page's furniture (the page number, a blank line, the form's title with "(续表)"):

    \t项目支出\t840.00\t1217.88\t1189.78\t97.69%
    (empty line)
    某局2022年度部门整体支出绩效自评表(续表)
    预算\t项目\t年初预算数\t调整后预算数\t实际支出数\t执行率
    执行\t其中:工资福利支出\t—\t—\t301.26\t—

The readers see two tables, the parts on the second page cut off from the whole on the first.
When a tab row repeats the header of the table just above it, cell for cell, and nothing but
such furniture stands between that table's last row and the repeat, the furniture and the
repeated header are dropped: the rows run on under the first header.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs, tab_cells
from jixiao.importers.pastings.forms import form_column

# a line of a page's furniture between a table and its continuation
_FURNITURE = re.compile(
    r"^\s*(?:"
    r"[-—–]?\s*\d{1,3}\s*[-—–]?"  # "- 1 -", "— 2 —", "3"
    r"|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?"  # "第 1 页，共 2 页"
    r"|\d{1,3}\s*/\s*\d{1,3}"  # "1/2"
    r"|.{0,60}\((?:续表?|接上页|续上表)\)"  # "…自评表(续表)"
    r"|(?:续表?|接上页|续上表)[:：]?"
    r")?\s*$"
)
_MAX_FURNITURE = 5  # lines of furniture between a table and its continuation


def continued_tables(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A repeated header after a page break dropped with the furniture before it (see the
    module's docstring)."""
    if "\t" not in text or "\n" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    headers: set[str] = set()  # the rows of the table above with no figure: its headers
    last_row = -1
    n = 0
    while n < len(lines):
        line = lines[n]
        if "\t" not in line:
            n += 1
            continue
        repeated = line.strip() in headers and _only_furniture(lines, last_row, n)
        if repeated and n + 1 < len(lines) and "\t" in lines[n + 1]:
            row = [piece(text, origin, s, e) for _, s, e in tab_cells(lines[n + 1], starts[n + 1])]
            runs.append((last_row + 1, n + 2, [row]))
            last_row = n + 1
            n += 2
            continue
        if n != last_row + 1:
            headers = set()  # a new table
        if not re.search(r"\d", line) and any(form_column(c.strip()) for c in line.split("\t")):
            headers.add(line.strip())  # a header: no figure, a form column's title
        last_row = n
        n += 1
    return replace_runs(text, origin, runs)


def _only_furniture(lines: list[str], last_row: int, header_at: int) -> bool:
    """Nothing but a page's furniture between the table's last row and the repeated header (or
    nothing at all: the furniture dropped already, the header repeated inside the run)."""
    between = lines[last_row + 1 : header_at]
    return len(between) <= _MAX_FURNITURE and all(_FURNITURE.match(line) for line in between)
