"""Excel (.xlsx) of the dashboard's tables: Chinese headers, numbers as numbers, streamed.

openpyxl's write-only mode keeps memory flat however many rows the ranking has; the workbook is
written to a temporary file that the response streams in chunks and deletes when done.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from jixiao.web.oversight.tables import Table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER_FORMATS = {"score": "0.##", "percent": "0.00", "money": "#,##0.00", "int": "0"}
SHEET_TITLE_MAX = 31  # Excel's limit
FORBIDDEN_IN_TITLES = str.maketrans({c: "·" for c in "[]:*?/\\"})


def _value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "bool":
        return _("是") if value else _("否")
    if kind == "term":
        return _(str(value))
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return value
    return str(value)


def _sheet(workbook: Workbook, table: Table, used: set[str]) -> None:
    title = str(table.title).translate(FORBIDDEN_IN_TITLES)[:SHEET_TITLE_MAX]
    while title in used:
        title = title[: SHEET_TITLE_MAX - 1] + "′"
    used.add(title)
    sheet = workbook.create_sheet(title)
    bold = Font(bold=True)
    header = []
    for column in table.columns:
        cell = WriteOnlyCell(sheet, value=str(column.label))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        cells = []
        for column, value in zip(table.columns, row, strict=True):
            cell = WriteOnlyCell(sheet, value=_value(value, column.kind))
            if column.kind in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[column.kind]
            cells.append(cell)
        sheet.append(cells)
    if table.note:
        sheet.append([])
        sheet.append([str(table.note)])


def workbook_file(tables: Iterable[Table]) -> Any:
    """The tables as one workbook (a sheet each) in a temporary file, rewound."""
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for table in tables:
        _sheet(workbook, table, used)
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 (the response closes it)
    workbook.save(handle)
    handle.seek(0)
    return handle


def xlsx_response(tables: Iterable[Table], filename: str) -> FileResponse:
    response = FileResponse(workbook_file(tables), content_type=XLSX)
    response["Content-Disposition"] = "attachment; filename*=UTF-8''" + quote(filename)
    return response
