"""A form's staffing block and money block drawn side by side in one wide table (a WPS or Word
copy): one title row holding both blocks, each opened by its caption ("人员情况\t编制数\t实有人数\t
在职人数\t退休人数\t预算执行情况\t项目\t年初预算数\t全年预算数\t全年执行数\t执行率"), the rows under
it carrying the cells of both ("\t132\t196\t121\t75\t\t合计\t9,850.00…", then "\t\t\t\t\t\t基本支出\t
4,120.00…" with the staffing cells left empty).

The title row is cut into its blocks at the captions, each block one of three kinds: a staffing
block (a caption, then staffing titles only: 编制数, 实有人数, 在职, 退休… or a quota type), a
staffing block of one pair a row ("人员情况 | 编制数 | 12", then "| 实有人数 | 17", "| 在职人数 |
11"…, each key a head-count title or 编外 staff; proven by two head-counts at least, no role twice,
实有 the sum of its parts where all are there) or a money block (a caption, a row-label title such as 项目, then form columns only, a budget and a
spending among them). Two blocks at least, every cell of the title row in one, or nothing is
done. Each row under it is cut at the same columns and each of its pieces must fit its block:
the caption's cell empty, then counts alone under a staffing block's titles, or a funding line
and its numbers (a rate, "/" or "-" for a cell left empty) under a money block's, or nothing at
all; the rows end at the first row that does not fit. The blocks are proven by their arithmetic:
a money block's rates are its rows' spending over their budget (one rate at least) or its
rows under the total cut it whole (form_cuts.py), a staffing block's 实有 is 在职 +
退休 where all three are written; each block has a row of values. The lines are then rewritten
as the blocks one under the other, each its title piece over its pieces of rows that are not
empty, every cell keeping its origin; the readers read each as a block of its own.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import (
    Block,
    Cell,
    piece,
    rebuilt_blocks,
    tab_cells,
)
from jixiao.importers.pastings.form_cuts import cuts_add_up
from jixiao.importers.pastings.forms import (
    FORM_CELL,
    form_column,
    form_number,
    funding_line,
    pair_role,
    rates_checked,
    split_of_actual_holds,
)
from jixiao.importers.patterns import CJK

_CAPTION = re.compile(rf"^[{CJK}]{{2,12}}$")
_LABEL_TITLE = re.compile(
    r"^(?:项目|资金项目|支出项目|项目名称|类别|科目|资金来源|资金类别|支出类别)$"
)
_QUOTA_TYPE = re.compile(r"^(?:行政|事业|参公|工勤|机关)编制(?:数)?$")
_COUNT = re.compile(r"^\d{1,6}(?:人|名)?$")
_CONTRACT_KEY = re.compile(rf"^(?:编外|编制外|临聘)[{CJK}]{{0,4}}$")
_NUMBER = re.compile(r"\d")

Span = tuple[str, int, int]  # a cell's stripped text and its span in the text


def _staffing_title(title: str) -> bool:
    return pair_role(title) is not None or bool(_QUOTA_TYPE.match(title))


def _staffing_key(key: str) -> bool:
    """A key of a staffing block written one pair a row: a head-count title or 编外 staff."""
    return _staffing_title(key) or bool(_CONTRACT_KEY.match(key))


def _caption(title: str) -> bool:
    """A block's caption: words, and no title of a column."""
    return (
        bool(_CAPTION.match(title))
        and not _staffing_title(title)
        and form_column(title) is None
        and not _LABEL_TITLE.match(title)
    )


def _block_at(titles: list[str], first: int) -> tuple[str, int] | None:
    """(kind, end) of the block whose caption is titles[first]: "staffing" or "money"."""
    if not _caption(titles[first]):
        return None
    end = first + 1
    while end < len(titles) and _staffing_title(titles[end]):
        end += 1
    if end - first >= 3:
        return "staffing", end
    if (
        first + 2 < len(titles)
        and _staffing_title(titles[first + 1])
        and _COUNT.match(titles[first + 2])
    ):
        return "pairs", first + 3  # "人员情况 | 编制数 | 12", the block's other pairs below
    if first + 1 >= len(titles) or not _LABEL_TITLE.match(titles[first + 1]):
        return None
    end = first + 2
    while end < len(titles) and form_column(titles[end]) is not None:
        end += 1
    kinds = {form_column(title) for title in titles[first + 2 : end]}
    return ("money", end) if {"budget", "spent"} <= kinds else None


def _blocks(titles: list[str]) -> list[tuple[str, int, int]] | None:
    """(kind, first, end) of each block of a title row cut at its captions; None unless the
    row is two blocks or more and nothing else (empty cells at its end aside)."""
    while titles and not titles[-1]:
        titles = titles[:-1]
    blocks = []
    first = 0
    while first < len(titles):
        found = _block_at(titles, first)
        if found is None:
            return None
        kind, end = found
        blocks.append((kind, first, end))
        first = end
    return blocks if len(blocks) >= 2 else None


def _fits(kind: str, values: list[str]) -> bool:
    """A row's piece under a block: its caption cell empty, then nothing, or the block's
    values (counts; or a funding line and its numbers)."""
    if values[0]:
        return False
    if not any(values):
        return True
    if kind == "staffing":
        return all(_COUNT.match(value) for value in values[1:])
    if kind == "pairs":
        return _staffing_key(values[1]) and bool(_COUNT.match(values[2]))
    return (
        funding_line(values[1]) is not None
        and all(not value or FORM_CELL.match(value) for value in values[2:])
        and any(_NUMBER.search(value) for value in values[2:])
    )


def _proven(kind: str, titles: list[str], rows: list[list[str]]) -> bool:
    """A block with a row of values whose arithmetic holds."""
    rows = [row for row in rows if any(row)]
    if not rows:
        return False
    if kind == "money":
        names = titles[1:]
        kinds = [form_column(name) for name in names]
        money = [row[1:] for row in rows]
        return bool(rates_checked(money, names, kinds)) or cuts_add_up(money, kinds)
    if kind == "pairs":
        return _pairs_proven([titles, *rows])
    for row in rows:
        counts: dict[str, int] = {}
        for title, value in zip(titles[1:], row[1:], strict=True):
            role = pair_role(title)
            number = form_number(value.rstrip("人名"))
            if role and number is not None:
                counts[role] = int(number)
        if not split_of_actual_holds(counts):
            return False
    return True


def _pairs_proven(rows: list[list[str]]) -> bool:
    """A block of one pair a row: two head-counts by title at least, no role twice, and 实有 the
    sum of its parts where they are all there."""
    counts: dict[str, int] = {}
    for row in rows:
        role = pair_role(row[1])
        if role is None:
            continue
        if role in counts:
            return False
        counts[role] = int(row[2].rstrip("人名"))
    return len(counts) >= 2 and split_of_actual_holds(counts)


def _piece(cells: list[Span], first: int, end: int) -> list[Span]:
    """cells[first:end], padded with empty cells at the end of the row."""
    taken = cells[first:end]
    at = taken[-1][2] if taken else (cells[-1][2] if cells else 0)
    return taken + [("", at, at)] * (end - first - len(taken))


def _rebuilt(
    text: str, origin: list[int], lines: list[str], starts: list[int], number: int
) -> tuple[int, list[list[Cell]]] | None:
    """(the line after the table, its blocks' rows) for a title row at line *number*."""
    header = tab_cells(lines[number], starts[number])
    blocks = _blocks([cell for cell, _, _ in header])
    if blocks is None:
        return None
    width = blocks[-1][2]
    rows: list[list[Span]] = []
    at = number + 1
    while at < len(lines) and "\t" in lines[at]:
        cells = tab_cells(lines[at], starts[at])
        if any(cell for cell, _, _ in cells[width:]) or not all(
            _fits(kind, [cell for cell, _, _ in _piece(cells, first, end)])
            for kind, first, end in blocks
        ):
            break
        rows.append(cells)
        at += 1
    out: list[list[Cell]] = []
    for kind, first, end in blocks:
        titles = [cell for cell, _, _ in header[first:end]]
        pieces = [_piece(cells, first, end) for cells in rows]
        values = [[cell for cell, _, _ in one] for one in pieces]
        if not _proven(kind, titles, values):
            return None
        for one in [header[first:end], *(p for p, v in zip(pieces, values, strict=True) if any(v))]:
            out.append([piece(text, origin, start, stop) for _, start, stop in one])
    return at, out


def side_by_side_blocks(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Every table of blocks drawn side by side rewritten as its blocks one under the other."""
    if "\t" not in text:
        return text, origin

    def block_at(lines: list[str], starts: list[int], number: int) -> Block | None:
        if lines[number].count("\t") < 5:
            return None
        return _rebuilt(text, origin, lines, starts, number)

    return rebuilt_blocks(text, origin, block_at)
