"""Helpers every renderer shares: table geometry (merged cells), column widths, value texts.

Kept here so that DOCX, PDF and HTML lay a table out the same way and label attachments alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from jixiao.core.numbers import format_in_unit
from jixiao.core.report import Cell, Document, Section, Table


@dataclass(frozen=True)
class PlacedCell:
    """A cell with its grid position: row and column of its top-left corner."""

    row: int
    column: int
    cell: Cell


@lru_cache(maxsize=256)
def place_cells(table: Table) -> tuple[PlacedCell, ...]:
    """Grid positions of a table's body cells, honouring colspan and rowspan as HTML does.

    A cell is placed in the first grid column of its row that no cell above (with rowspan) or to its
    left occupies. Cells that would fall outside the table's columns raise ValueError naming the
    table and row, so that a malformed table never renders silently wrong.
    """
    width = len(table.columns)
    taken: set[tuple[int, int]] = set()
    placed: list[PlacedCell] = []
    for r, row in enumerate(table.rows):
        column = 0
        for cell in row:
            while (r, column) in taken:
                column += 1
            if column + cell.colspan > width:
                raise ValueError(
                    f"表格“{table.title}”第{r + 1}行超出{width}列 / table {table.title!r} row"
                    f" {r + 1} has more cells than its {width} columns"
                )
            placed.append(PlacedCell(r, column, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, column + dc))
            column += cell.colspan
    return tuple(placed)


def row_count(table: Table) -> int:
    """Rows of the grid, counting rows that only a rowspan reaches into."""
    rows = len(table.rows)
    for p in place_cells(table):
        rows = max(rows, p.row + p.cell.rowspan)
    return rows


def column_percentages(table: Table) -> list[float]:
    """Relative column widths as percentages of the table width (rounded to 0.01)."""
    total = sum(max(c.width, 1) for c in table.columns) or 1
    return [round(max(c.width, 1) * 100 / total, 2) for c in table.columns]


def attachment_label(section: Section, number: int) -> str:
    """ "附件1", "附件2"...: the section's own label when composition gave one."""
    label = section.label.strip()
    return label if label else f"附件{number}"


def chart_value_text(value: Decimal | None, unit: str = "") -> str:
    """A chart value as text, by the number rule (jixiao.core.numbers): 480.26 and 15.00 for
    万元; otherwise as stated values are shown elsewhere in the report (96, 16.67: the indicator
    chart's percentages are the targets and actuals the target table prints); — when unknown."""
    if value is None:
        return "—"
    return format_in_unit(value, unit)


COVER_LABEL_META = "cover_label."  # Document.meta keys a wording file sets (see wording.py)


def cover_lines(document: Document) -> list[tuple[str, str]]:
    """The cover block's lines (label, value), only those the document has; labels may be
    renamed by a bureau's wording file."""
    cover = document.cover
    lines = [
        ("部门名称", cover.department),
        ("评价年度", f"{cover.year}年度"),
        ("评价方式", cover.method),
    ]
    if cover.notice:
        lines.append(("评价依据", cover.notice))
    if cover.date:
        lines.append(("报告日期", cover.date))
    return [(document.meta.get(COVER_LABEL_META + label, label), value) for label, value in lines]


LANDSCAPE_COLUMNS = 8  # a table this wide is set on a landscape page (横排表格)


def needs_landscape(section: Section) -> bool:
    """Whether an attachment holds a table too wide for a portrait page (the score table)."""
    return any(isinstance(b, Table) and len(b.columns) >= LANDSCAPE_COLUMNS for b in section.blocks)


def breakable(text: str) -> str:
    """Zero-width break opportunities after . _ / [ in long Latin tokens (finding ids, field
    paths), so narrow table columns wrap them instead of overflowing."""
    if len(text) < 12 or not any(c in text for c in "._/["):
        return text
    out = []
    for char in text:
        out.append(char)
        if char in "._/[":
            out.append("\u200b")
    return "".join(out)
