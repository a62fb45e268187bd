"""PDF text layers of forms whose money block is aligned by runs of spaces, or by single spaces:
a title line whose last cells are form columns the readers know ("上年执行数  预算数  执行数
执行率", "年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分", "2022年预算数"), the
caption column before them wrapped over two lines ("资金" / "情况", "预算" / "执行" / "情况"), and
rows of a label and its cells ("/" or "—" for a cell left empty), the label in the second
column when a caption word stands in the first ("按经济    工资福利支出   10,238,000.00 …").

A row's cells are put under the titles one for one when it has as many as there are titles; a
row of two amounts alone (an economic class's, "工资福利支出  10,238,000.00  10,215,604.12") is its
budget and its spending when the block has one budget title and one spending title; any other
row of cells leaves the whole block as it is (a PDF's spaces do not say which title a cell
stands under, and a block read in part would be read wrong by the passes after this one). The block ends at the first line
that is not such a row (a label alone, a page number, prose) and is rebuilt as tab rows only
when it is proven: a budget and a spending title, two rows at least filling both, and every
rate written is its row's spending over its budget, or the rows under the total cut it whole in
every money column (form_cuts.py). Otherwise the lines are left as they are.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs
from jixiao.importers.pastings.form_cuts import cuts_add_up
from jixiao.importers.pastings.forms import (
    FORM_CELL,
    ROW_LABEL_TITLE,
    Span,
    display_spans,
    form_column_lettered,
    percent_off_its_column,
    rates_hold,
)
from jixiao.importers.patterns import CJK

_TOKEN = re.compile(r"\S+")
_YEAR = re.compile(r"^(?:19|20)\d{2}年(?:度)?")
_ADJUSTED = re.compile(r"\((?:调整后|调整数|变动后)\)$")
_CAPTION_WORD = re.compile(rf"^[{CJK}]{{1,6}}$|^\(\d{{1,3}}分\)$")
_LABEL = re.compile(rf"^(?:其中[:：]?)?[{CJK}“”、]{{2,16}}[:：]?$")
_MIN_ROWS = 2
_MAX_CAPTION = 3


def _tokens(line: str, at: int) -> list[Span]:
    return display_spans(line, at, _TOKEN)


def _kind(title: str) -> str | None:
    """A title's form column; "prior" for last year's ("上年执行数"), a column not read."""
    title = _ADJUSTED.sub("", _YEAR.sub("", title))
    if title.startswith("上年") and form_column_lettered(title[2:] or "-") is not None:
        return "prior"
    return form_column_lettered(title)


def _header(text: str, tokens: list[Span]) -> tuple[list[Span], list[Span], list[str]] | None:
    """(caption tokens, title tokens, kinds) when the line's last tokens are form titles."""
    words = [text[s:e] for s, e, _, _ in tokens]
    kinds = [_kind(word) for word in words]
    first = len(words)
    while first > 0 and kinds[first - 1] is not None:
        first -= 1
    titles = kinds[first:]
    if "budget" not in titles or "spent" not in titles or len(titles) < 2:
        return None
    if first > _MAX_CAPTION or not all(_CAPTION_WORD.match(w) for w in words[:first]):
        return None
    return tokens[:first], tokens[first:], [k for k in titles if k]


def _row(text: str, tokens: list[Span]) -> tuple[Span, list[Span]] | None:
    """(label, cells) of a row: caption words, its label, then its cells only."""
    words = [text[s:e] for s, e, _, _ in tokens]
    cells = len(words)
    while cells > 0 and FORM_CELL.match(words[cells - 1]):
        cells -= 1
    if cells == 0 or cells == len(words) or cells > _MAX_CAPTION:
        return None
    if not _LABEL.match(words[cells - 1]):
        return None
    if not all(_CAPTION_WORD.match(w) for w in words[: cells - 1]):
        return None
    return tokens[cells - 1], tokens[cells:]


def _placed(cells: list[Span], kinds: list[str], written: list[str]) -> list[Span | None] | None:
    """The cells under the titles: one for one, or a row of two amounts alone (an economic
    class's) as its budget and its spending when the block has one of each."""
    if len(cells) == len(kinds):
        return list(cells)
    if len(cells) != 2 or kinds.count("budget") != 1 or kinds.count("spent") != 1:
        return None
    if not all(cell[:1].isdigit() and "%" not in cell for cell in written):
        return None
    placed: list[Span | None] = [None] * len(kinds)
    placed[kinds.index("budget")], placed[kinds.index("spent")] = cells
    return placed


def _block(
    text: str, origin: list[int], lines: list[str], starts: list[int], number: int
) -> tuple[int, list[list[Cell]]] | None:
    """(the line after the block, its tab rows) for a block whose title line is *number*, or
    None when the block is not proven."""
    tokens = _tokens(lines[number], starts[number])
    found = _header(text, tokens)
    if found is None:
        return None
    caption, titles, kinds = found
    at = number + 1
    caption_text = "".join(text[s:e] for s, e, _, _ in caption)
    caption_cells = [piece(text, origin, s, e) for s, e, _, _ in caption]
    # the caption's second line alone ("情况") right under it
    while at < len(lines) and caption and re.fullmatch(rf"\s*[{CJK}]{{1,4}}\s*", lines[at]):
        line_tokens = _tokens(lines[at], starts[at])
        caption_text += text[line_tokens[0][0] : line_tokens[0][1]]
        caption_cells.append(piece(text, origin, line_tokens[0][0], line_tokens[0][1]))
        at += 1
    rows: list[list[Cell]] = []
    values: list[list[str]] = []
    while at < len(lines) and "\t" not in lines[at]:
        line_tokens = _tokens(lines[at], starts[at])
        row = _row(text, line_tokens)
        if row is None:
            if _ends_on_cells(text, line_tokens):
                return None  # a row of cells its label spread out ("合    计"): not proven
            break
        label, cells = row
        placed = _placed(cells, kinds, [text[c[0] : c[1]] for c in cells])
        if placed is None:
            return None  # a row whose cells cannot be placed: the block is not proven
        written = [text[p[0] : p[1]] if p else "" for p in placed]
        start, stop = label[0], label[1]
        while stop > start and text[stop - 1] in ":：":
            stop -= 1
        rows.append(
            [
                piece(text, origin, start, stop),
                *(piece(text, origin, p[0], p[1]) if p else Cell("", ()) for p in placed),
            ]
        )
        values.append(written)
        at += 1
    budget, spent = kinds.index("budget"), kinds.index("spent")
    filled = [v for v in values if v[budget][:1].isdigit() and v[spent][:1].isdigit()]
    if len(filled) < _MIN_ROWS:
        return None
    if any(percent_off_its_column(v, list(kinds)) for v in values):
        return None
    names = [_YEAR.sub("", text[s:e]) for s, e, _, _ in titles]
    if not rates_hold(values, names, list(kinds)) and not cuts_add_up(values, list(kinds)):
        return None
    if ROW_LABEL_TITLE.match(caption_text):
        label_title = [Cell(caption_text, tuple(o for c in caption_cells for o in c.origin))]
    elif caption and ROW_LABEL_TITLE.match(text[caption[-1][0] : caption[-1][1]]):
        label_title = [piece(text, origin, caption[-1][0], caption[-1][1])]
    else:
        label_title = [Cell("", ())]
    header = [*label_title, *(_title(text, origin, s, e) for s, e, _, _ in titles)]
    return at, [header, *rows]


def _ends_on_cells(text: str, tokens: list[Span]) -> bool:
    """A line ending on two form cells or more: a row of the block, whatever its label."""
    tail = [text[s:e] for s, e, _, _ in tokens[-2:]]
    return len(tail) == 2 and all(FORM_CELL.match(cell) and cell[:1].isdigit() for cell in tail)


def _title(text: str, origin: list[int], start: int, end: int) -> Cell:
    """A title cell without the year before it ("2022年预算数" → "预算数")."""
    year = _YEAR.match(text[start:end])
    return piece(text, origin, start + (year.end() if year else 0), end)


def spaced_forms(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Money blocks of a PDF form aligned by spaces, under one line of form titles → tab rows."""
    if "预算" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    number = 0
    while number < len(lines):
        if "\t" not in lines[number] and ("预算" in lines[number]):
            found = _block(text, origin, lines, starts, number)
            if found is not None:
                runs.append((number, found[0], found[1]))
                number = found[0]
                continue
        number += 1
    return replace_runs(text, origin, runs)
