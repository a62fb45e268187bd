"""A caption written down a table's first column a piece a row, made one cell.

A form's block caption merged down its rows ("预算执行情况" in a tall narrow cell) comes out of a
PDF, an OCR or a Markdown export as pieces at the head of the rows, the rest of them empty:

    预算\t项目\t年初预算数\t调整后预算数\t实际支出数\t执行率
    执行\t合计\t1212.60\t1604.28\t1571.93\t97.98%
    情况\t基本支出\t372.60\t386.40\t382.15\t98.90%
    \t项目支出\t840.00\t1217.88\t1189.78\t97.69%

The readers take "执行" and "情况" for the rows' labels. Proven when the header's first cell and
the rows' first cells (until the first empty one) are short pieces with no digit that join into
a caption ("…情况", "…执行"), the header's second cell is a row-label title (项目, 资金类别…) and
every row has a label in its second cell and the header's number of cells: the pieces below the
header and the header's own are dropped, the row labels first. A caption whole in the header's
first cell and repeated in its rows' (a merged cell exported once a row: "预算执行情况\t基本支出
\t…"), or another block's caption below it ("按经济分类"), is dropped so too, and so is the
empty first cell of the table's rows below the block. A first column numbering the rows (序号 over
1, 2, 3…: a web system's list) is dropped the same way.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs, tab_cells
from jixiao.importers.pastings.forms import ROW_LABEL_TITLE, form_column
from jixiao.importers.patterns import CJK

_PIECE = re.compile(rf"^[{CJK}]{{1,4}}$")
_CAPTION = re.compile(rf"^[{CJK}]{{0,6}}(?:情况|执行|预算执行)$")
# a caption whole in a cell, written once or repeated in each row of its block ("预算执行情况",
# "按经济分类", "资金使用情况")
_WHOLE_CAPTION = re.compile(
    rf"^(?:[一二三四五六七八九十]{{1,3}}、)?(?:按)?[{CJK}]{{0,6}}(?:情况|执行|分类|构成)$"
)
_ROW_LABEL = re.compile(rf"^(?:其中:?)?[{CJK}()“”、]{{2,24}}$")

Span = tuple[str, int, int]


def caption_columns(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Caption pieces down a table's first column left empty (see the module's docstring)."""
    if "\t" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    n = 0
    while n < len(lines) - 1:
        end = _captioned_block(lines, starts, n) or _numbered_block(lines, starts, n)
        if end is None:
            n += 1
            continue
        core, end = end
        rows = [tab_cells(lines[k], starts[k]) for k in range(n, end)]
        table = [
            [
                piece(text, origin, span[1], span[2])
                for span in row[int(k < core or not row[0][0]) :]
            ]
            for k, row in enumerate(rows, start=n)
        ]
        runs.append((n, end, table))
        n = end
    return replace_runs(text, origin, runs)


def _numbered_block(lines: list[str], starts: list[int], n: int) -> tuple[int, int] | None:
    """A table whose first column numbers its rows (序号 over 1, 2, 3…, a web system's list): the
    lines it spans, its header at line *n*, two numbered rows at least."""
    header = [span[0] for span in tab_cells(lines[n], starts[n])] if "\t" in lines[n] else []
    if len(header) < 3 or header[0] not in ("序号", "编号", "行次"):
        return None
    end = n + 1
    while end < len(lines) and "\t" in lines[end]:
        cells = [span[0] for span in tab_cells(lines[end], starts[end])]
        if cells[0] != str(end - n):
            break
        end += 1
    return (end, end) if end - n >= 3 else None


def _captioned_block(lines: list[str], starts: list[int], n: int) -> tuple[int, int] | None:
    """The line after a captioned block whose header is line *n*, and after the table's rows
    below it (their first cell empty, or a label's piece wrapped onto a row of its own), else
    None."""
    header = [span[0] for span in tab_cells(lines[n], starts[n])] if "\t" in lines[n] else []
    if len(header) < 3 or not ROW_LABEL_TITLE.match(header[1]):
        return None
    captioned = bool(_WHOLE_CAPTION.match(header[0]))
    if not captioned and not _PIECE.match(header[0]):
        return None
    pieces = [header[0]]
    end = n + 1
    if captioned and end < len(lines) and "\t" in lines[end]:
        second = [span[0] for span in tab_cells(lines[end], starts[end])]
        titles = [cell for cell in second[2:] if cell]
        if not any(second[:2]) and len(titles) >= 2 and all(form_column(t) for t in titles):
            end += 1  # the header's second row (年初预算数 / 全年预算数 under 预算安排…)
    while end < len(lines) and "\t" in lines[end]:
        cells = [span[0] for span in tab_cells(lines[end], starts[end])]
        if not 3 <= len(cells) <= len(header) or not _ROW_LABEL.match(cells[1]):
            break  # (a row may end early: its last cells blank, dropped by the export)
        if captioned:
            if cells[0] and not _WHOLE_CAPTION.match(cells[0]):
                break  # a caption repeated in each row (or another block's caption), or none
        elif cells[0] and (not _PIECE.match(cells[0]) or len(pieces) < end - n):
            break  # a piece after an empty first cell: another caption's
        elif cells[0]:
            pieces.append(cells[0])
        end += 1
    if end - n < 3:
        return None
    if not captioned and (len(pieces) < 2 or not _CAPTION.match("".join(pieces))):
        return None
    core = end
    while end < len(lines) and "\t" in lines[end] and lines[end].strip():
        cells = [span[0] for span in tab_cells(lines[end], starts[end])]
        if cells[0] and any(cells[1:]):
            break  # a row of its own first cell: no more of this table
        end += 1  # a row below, its first cell empty (another width) or a piece alone
    return core, end
