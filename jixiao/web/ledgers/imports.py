"""Excel import per ledger: the template with Chinese headers, and reading a filled workbook.

The template has one sheet named after the ledger, a header row of the record type's field
titles (编号, 检修日期 …) and a second, grey row saying what each column expects. Reading takes
the first sheet, matches headers by title (or the English field name), and validates every row
through the core's record type; every bad cell is reported as 工作表“…”第 N 行第 X 列（标题）：
what was expected. Nothing is stored unless every row is good (the caller stores the rows in
one transaction).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any
from urllib.parse import quote

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from jixiao.core.errors import InputError, Problem
from jixiao.web.ledgers import catalogue
from jixiao.web.ledgers.forms import choices_of, entry_fields, kind_of
from jixiao.web.orgs.models import Org

MAX_ROWS = 5000
HINTS = {
    "date": "日期，如 2021-08-23",
    "bool": "是 / 否",
    "int": "整数",
    "number": "数字",
    "text": "文字",
}


def _fields(ledger: str) -> list[tuple[str, Any]]:
    """The columns: the form's fields in the form's order (file names of attachments are the
    web's to keep, not a column)."""
    return entry_fields(catalogue.record_model(ledger))


def _hint(name: str, info: Any) -> str:
    if name == "id":
        return "可留空，自动编号"
    choices = choices_of(info.annotation)
    text = " / ".join(v for v, _ in choices) if choices else HINTS[kind_of(info.annotation)]
    return text + ("（必填）" if info.is_required() else "（可选）")


def template_bytes(ledger: str) -> bytes:
    spec = catalogue.spec(ledger)
    assert spec is not None
    book = Workbook()
    sheet = book.active
    sheet.title = spec.name[:31]
    fields = _fields(ledger)
    sheet.append([info.title or name for name, info in fields])
    sheet.append([_hint(name, info) for name, info in fields])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:
        cell.font = Font(italic=True, color="666666")
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
    for column in range(1, len(fields) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 16
    sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def attachment_header(name: str) -> str:
    return f"attachment; filename*=UTF-8''{quote(name)}"


def _refuse(origin: str, zh: str, en: str) -> InputError:
    return InputError(origin, [Problem("", zh, en)])


def _rows(content: bytes, origin: str) -> tuple[str, list[tuple[int, tuple[Any, ...]]]]:
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError):
        raise _refuse(
            origin, "不是可读取的 Excel 文件（.xlsx）", "not a readable Excel file (.xlsx)"
        ) from None
    sheet = book.worksheets[0]
    rows = [(n, tuple(r)) for n, r in enumerate(sheet.iter_rows(values_only=True), start=1)]
    return sheet.title, rows


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_hint_row(row: tuple[Any, ...], ledger: str) -> bool:
    hints = {_hint(n, i) for n, i in _fields(ledger)}
    return any(isinstance(v, str) and v in hints for v in row)


def _cell(value: Any) -> Any:
    if hasattr(value, "date") and callable(value.date):  # a datetime cell: its date
        return value.date().isoformat()
    if isinstance(value, str):
        return value.strip()
    return value


def read_workbook(org: Org, ledger: str, content: bytes, origin: str) -> list[dict[str, Any]]:
    """Every data row of the workbook validated as a record of *ledger* for *org*, or
    InputError naming sheet, row and column of each bad cell (nothing is stored by this)."""
    from jixiao.web.ledgers.services import prepared

    sheet, rows = _rows(content, origin)
    if not rows:
        raise _refuse(origin, f"工作表“{sheet}”是空的", f"sheet {sheet!r} is empty")
    by_title = {}
    for name, info in _fields(ledger):
        by_title[(info.title or name).strip()] = name
        by_title[name] = name
    header_row, header = rows[0]
    columns: dict[int, str] = {}
    problems = []
    for index, title in enumerate(header):
        if _blank(title):
            continue
        name = by_title.get(str(title).strip())
        letter = get_column_letter(index + 1)
        if name is None:
            problems.append(
                Problem(
                    "",
                    f"工作表“{sheet}”第 {header_row} 行第 {letter} 列：不认识的表头“{title}”"
                    f"（请使用模板的表头）",
                    f"sheet {sheet!r} row {header_row} column {letter}: unknown header {title!r}",
                )
            )
        else:
            columns[index] = name
    titles = {name: (info.title or name) for name, info in _fields(ledger)}
    letters = {name: get_column_letter(i + 1) for i, name in columns.items()}
    for name, info in _fields(ledger):
        if info.is_required() and name != "id" and name not in columns.values():
            problems.append(
                Problem(
                    "",
                    f"工作表“{sheet}”缺少必填列“{titles[name]}”",
                    f"sheet {sheet!r} lacks the required column {name!r}",
                )
            )
    if problems:
        raise InputError(origin, problems)
    data_rows = [
        (n, r) for n, r in rows[1:] if not all(_blank(v) for v in r) and not _is_hint_row(r, ledger)
    ]
    if len(data_rows) > MAX_ROWS:
        raise _refuse(
            origin,
            f"工作表“{sheet}”超过 {MAX_ROWS} 行，请分批导入",
            f"more than {MAX_ROWS} rows; import in parts",
        )
    cleaned: list[dict[str, Any]] = []
    taken: set[str] = set()
    for number, row in data_rows:
        data = {columns[i]: _cell(v) for i, v in enumerate(row) if i in columns and not _blank(v)}
        try:
            clean = prepared(org, ledger, data, origin=origin, taken=taken)
        except InputError as error:
            for problem in error.problems:
                field = problem.path.split(".", 1)[0].split("[", 1)[0]
                where = f"工作表“{sheet}”第 {number} 行"
                where_en = f"sheet {sheet!r} row {number}"
                if field in letters:
                    where += f"第 {letters[field]} 列（{titles[field]}）"
                    where_en += f" column {letters[field]} ({field})"
                elif field in titles:
                    where += f"（{titles[field]}）"
                    where_en += f" ({field})"
                problems.append(
                    Problem(problem.path, f"{where}：{problem.zh}", f"{where_en}: {problem.en}")
                )
            continue
        taken.add(clean["id"])
        cleaned.append(clean)
    if problems:
        raise InputError(origin, problems)
    if not cleaned:
        raise _refuse(origin, f"工作表“{sheet}”没有数据行", f"sheet {sheet!r} has no data rows")
    return cleaned
