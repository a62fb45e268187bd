"""The 结果应用 register of a round as an Excel workbook (openpyxl, write-only), streamed.

One row per submission: unit, 主管部门, final score, grade, suggested action, decision, reason,
the rectification items with their status and due date, and counts of open and overdue items.
The workbook is written to a temporary file (write-only mode keeps memory flat for large rounds)
and streamed from there.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from decimal import Decimal
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from jixiao.web.results.selectors import RegisterRow, today

HEADERS = (
    "序号",
    "单位",
    "主管部门",
    "最终得分",
    "评价等级",
    "建议结果应用",
    "财政局决定",
    "决定理由",
    "整改事项（状态，期限）",
    "未完成整改事项",
    "逾期整改事项",
)
WIDTHS = (6, 28, 24, 10, 10, 30, 30, 30, 60, 14, 14)


def _items_text(row: RegisterRow) -> str:
    day = today()
    return "\n".join(
        f"{n}. {item.description}（{item.status_label(day)}，{item.due_date:%Y-%m-%d}）"
        for n, item in enumerate(row.items, start=1)
    )


def register_workbook(rows: Iterable[RegisterRow], title: str) -> IO[bytes]:
    """The register written to a temporary file, rewound, ready to stream."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("结果应用台账")
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.append([title])
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    header = []
    for text in HEADERS:
        cell = _cell(sheet, text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    day = today()
    for number, row in enumerate(rows, start=1):
        overdue = sum(1 for item in row.items if item.shown_status(day) == "overdue")
        values = [
            number,
            row.unit,
            row.department,
            Decimal(row.score) if row.score else "",
            row.grade,
            row.suggested,
            row.decision_text or "未决定",
            row.decision.reason if row.decision else "",
            _items_text(row),
            row.open_items,
            overdue,
        ]
        cells = []
        for value in values:
            cell = _cell(sheet, value)
            cell.alignment = wrap
            cells.append(cell)
        sheet.append(cells)
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the streaming response)
    workbook.save(handle)
    handle.seek(0)
    return handle


def _cell(sheet: Any, value: object) -> Any:
    return WriteOnlyCell(sheet, value=value)
