"""Ledger files beside a dossier: one table per ledger, read into a LedgerSet all or nothing.

A ledger folder (``examples/wanzai-2021/ledgers/``) holds one file per ledger, named by the
ledger's key (``overhauls.csv``) or its Chinese name (``设备检修记录.csv``). The first row names
the columns, in Chinese (``检修日期``) or by the English field name (``overhaul_date``); a
header's bracketed unit may be left out (``建筑面积`` for ``建筑面积（平方米）``). Lines starting
with ``#`` before the header are comments (the example marks its data as illustrative there).

Every bad cell is reported with the file, the row (as a spreadsheet numbers it: the header is
row 1) and the column, and what was expected; when any file has a problem nothing is returned,
so no half-read ledger set is ever used. This module reads CSV (UTF-8, with or without BOM, or
GB18030 as Chinese Excel saves it); :mod:`jixiao.importers.ledgers` adds .xlsx.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jixiao.core.errors import InputError, Problem, problems_from_validation_error
from jixiao.core.ledgers.records import LEDGERS, LedgerKind, LedgerSet, LedgerSpec, Record
from jixiao.io.csvfile import writer as csv_writer
from jixiao.io.files import read_input_bytes, write_text_atomically

MAX_LEDGER_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
LEDGER_DIR = "ledgers"
SPREADSHEETS = (
    ".csv",
    ".xlsx",
    ".xls",
    ".xlsm",
    ".ods",
    ".et",
)  # a ledger in any of these  # the folder beside a dossier that is picked up automatically

__all__ = [
    "LEDGER_DIR",
    "Table",
    "columns_of",
    "ledger_csv_text",
    "ledger_dir_beside",
    "ledger_files",
    "ledger_set_from_tables",
    "load_ledger_dir",
    "read_csv_table",
    "write_ledger_dir",
]


@dataclass(frozen=True)
class Table:
    """A ledger file's cells: the header row and the data rows with their row numbers."""

    file: str  # the name shown in errors ("overhauls.csv")
    kind: LedgerKind
    header: tuple[str, ...]
    header_row: int
    rows: tuple[tuple[int, tuple[Any, ...]], ...]  # (row number, cells)


def _bare(header: str) -> str:
    """A header without a bracketed unit or spaces: "建筑面积（平方米）" → "建筑面积"."""
    return re.sub(r"[（(][^）)]*[）)]", "", header).strip().replace(" ", "").lower()


def columns_of(spec: LedgerSpec) -> dict[str, str]:
    """Every accepted header (Chinese title, its bare form, English field name) → field name."""
    accepted: dict[str, str] = {}
    for name, info in spec.record.model_fields.items():
        for header in (info.title or "", name):
            if header:
                accepted[header.lower()] = name
                accepted[_bare(header)] = name
    return accepted


def required_fields(spec: LedgerSpec) -> list[str]:
    return [name for name, info in spec.record.model_fields.items() if info.is_required()]


def title_of(spec: LedgerSpec, field: str) -> str:
    info = spec.record.model_fields.get(field)
    return (info.title if info is not None and info.title else field) or field


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _record_problems(
    table: Table, spec: LedgerSpec, fields: list[str | None], row: int, cells: Sequence[Any]
) -> tuple[Record | None, list[Problem]]:
    data = {
        field: cell.strip() if isinstance(cell, str) else cell
        for field, cell in zip(fields, cells, strict=False)
        if field is not None and not _blank(cell)
    }
    try:
        return spec.record.model_validate(data), []
    except ValidationError as error:
        headers = {f: h for f, h in zip(fields, table.header, strict=False) if f is not None}
        problems = []
        for problem in problems_from_validation_error(error):
            field = problem.path.split(".")[0].split("[")[0]
            column = headers.get(field) or title_of(spec, field)
            problems.append(Problem(f"{table.file} 列“{column}”", problem.zh, problem.en, row))
        return None, problems


def _header_problems(table: Table, spec: LedgerSpec) -> tuple[list[str | None], list[Problem]]:
    accepted = columns_of(spec)
    fields: list[str | None] = []
    problems = []
    for header in table.header:
        key = header.strip().lower()
        field = accepted.get(key) or accepted.get(_bare(header))
        if field is None and header.strip():
            known = "、".join(title_of(spec, f) for f in spec.record.model_fields)
            problems.append(
                Problem(
                    f"{table.file} 列“{header}”",
                    f"不认识的列，{spec.name}的列为：{known}",
                    f"unknown column; the columns of {spec.name_en} are: "
                    + ", ".join(spec.record.model_fields),
                    table.header_row,
                )
            )
        if field is not None and field in fields:
            problems.append(
                Problem(
                    f"{table.file} 列“{header}”", "列重复", "duplicate column", table.header_row
                )
            )
        fields.append(field)
    for field in required_fields(spec):
        if field not in fields:
            problems.append(
                Problem(
                    f"{table.file} 列“{title_of(spec, field)}”",
                    f"缺少必填列“{title_of(spec, field)}”（或 {field}）",
                    f"missing required column {field}",
                    table.header_row,
                )
            )
    return fields, problems


def read_table(table: Table) -> tuple[list[Record], list[Problem]]:
    """The records of one table and every problem in it (records are only usable without)."""
    spec = LEDGERS[table.kind]
    fields, problems = _header_problems(table, spec)
    if problems:
        return [], problems
    records: list[Record] = []
    first_row: dict[str, int] = {}
    for row, cells in table.rows:
        record, found = _record_problems(table, spec, fields, row, cells)
        problems.extend(found)
        if record is None:
            continue
        if record.id in first_row:
            problems.append(
                Problem(
                    f"{table.file} 列“{title_of(spec, 'id')}”",
                    f"编号 {record.id} 与第{first_row[record.id]}行重复",
                    f"id {record.id} repeats row {first_row[record.id]}",
                    row,
                )
            )
            continue
        first_row[record.id] = row
        records.append(record)
    return records, problems


def ledger_set_from_tables(tables: Iterable[Table], origin: str) -> LedgerSet:
    """All tables as one LedgerSet, or InputError listing every problem of every table."""
    by_kind: dict[str, tuple[Record, ...]] = {}
    problems: list[Problem] = []
    for table in tables:
        records, found = read_table(table)
        problems.extend(found)
        by_kind[table.kind.value] = tuple(records)
    if problems:
        raise InputError(origin, problems)
    return LedgerSet.model_validate(by_kind)


def table_from_rows(
    file: str, kind: LedgerKind, rows: Iterable[tuple[int, Sequence[Any]]]
) -> Table:
    """A Table from numbered rows: comment rows (#…) and blank rows before the header skipped."""
    header: tuple[str, ...] | None = None
    header_row = 0
    data: list[tuple[int, tuple[Any, ...]]] = []
    for number, cells in rows:
        if all(_blank(c) for c in cells):
            continue
        if header is None:
            first = cells[0] if cells else None
            if isinstance(first, str) and first.lstrip().startswith("#"):
                continue
            header = tuple("" if c is None else str(c).strip() for c in cells)
            header_row = number
            continue
        data.append((number, tuple(cells)))
    return Table(file, kind, header or (), header_row, tuple(data))


def _decode(raw: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError.single(
        str(path),
        "",
        "无法识别文件编码（应为 UTF-8 或 GBK）",
        "unknown encoding (expected UTF-8 or GBK)",
    )


def read_csv_table(path: Path, kind: LedgerKind) -> Table:
    """A CSV ledger file as a Table (InputError when the file cannot be read at all)."""
    text = _decode(read_input_bytes(path, max_bytes=MAX_LEDGER_BYTES), path)
    rows = []
    for number, cells in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        if number > MAX_ROWS:
            raise InputError.single(
                str(path), "", f"行数超过{MAX_ROWS}行", f"more than {MAX_ROWS} rows"
            )
        rows.append((number, cells))
    return table_from_rows(path.name, kind, rows)


def _stems() -> dict[str, LedgerKind]:
    stems = {kind.value: kind for kind in LedgerKind}
    stems.update({spec.name: kind for kind, spec in LEDGERS.items()})
    return stems


def ledger_files(folder: Path, suffixes: tuple[str, ...] = (".csv",)) -> dict[LedgerKind, Path]:
    """The ledger files in *folder* by ledger; InputError for a file no ledger is named by, a
    ledger given twice, or a folder that is not there."""
    if not folder.is_dir():
        raise InputError.single(str(folder), "", "台账文件夹不存在", "no such ledger folder")
    stems = _stems()
    found: dict[LedgerKind, Path] = {}
    problems = []
    for path in sorted(folder.iterdir()):
        hidden = path.name.startswith((".", "~$"))  # dot files, Excel's lock files
        if (
            not hidden
            and path.suffix.lower() in SPREADSHEETS
            and path.suffix.lower() not in suffixes
        ):
            problems.append(
                Problem(
                    path.name,
                    f"不支持的格式，请另存为 {' 或 '.join(suffixes)}",
                    f"unsupported format; save it as {' or '.join(suffixes)}",
                )
            )
            continue
        if hidden or path.suffix.lower() not in suffixes:
            continue
        kind = stems.get(path.stem)
        if kind is None:
            problems.append(
                Problem(
                    path.name,
                    "不认识的台账文件名，可用：" + "、".join(k.value for k in LedgerKind),
                    "unknown ledger file name; expected one of: "
                    + ", ".join(k.value for k in LedgerKind),
                )
            )
        elif kind in found:
            problems.append(
                Problem(
                    path.name,
                    f"与 {found[kind].name} 是同一台账",
                    f"same ledger as {found[kind].name}",
                )
            )
        else:
            found[kind] = path
    if problems:
        raise InputError(str(folder), problems)
    return found


def load_ledger_dir(folder: Path | str) -> LedgerSet:
    """Every CSV ledger in *folder* as one LedgerSet, or InputError naming file, row and column."""
    folder = Path(folder)
    files = ledger_files(folder)
    return ledger_set_from_tables((read_csv_table(p, k) for k, p in files.items()), str(folder))


def ledger_dir_beside(dossier_path: Path) -> Path | None:
    """The ``ledgers/`` folder beside a dossier file, when there is one."""
    folder = Path(dossier_path).resolve().parent / LEDGER_DIR
    return folder if folder.is_dir() else None


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, tuple):
        return "；".join(str(v) for v in value)
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def ledger_csv_text(kind: LedgerKind, records: Iterable[Record], comment: str = "") -> str:
    """One ledger as CSV with its Chinese headers (every field, in the model's order), cells
    that a spreadsheet would run as formulas escaped; read back by :func:`load_ledger_dir`."""
    spec = LEDGERS[kind]
    fields = list(spec.record.model_fields)
    stream = io.StringIO()
    out = csv_writer(stream, lineterminator="\n")
    if comment:
        out.writerow([f"# {comment}"])
    out.writerow([title_of(spec, field) for field in fields])
    for record in records:
        out.writerow([_cell_text(getattr(record, field)) for field in fields])
    return stream.getvalue()


def write_ledger_dir(ledgers: LedgerSet, folder: Path | str, *, empty: bool = False) -> list[Path]:
    """Write each ledger with records (every ledger, header only, with *empty*) as
    ``<key>.csv`` in *folder*, each file whole or not at all."""
    folder = Path(folder)
    written = []
    for kind in LedgerKind:
        records = ledgers.records(kind)
        if records or empty:
            target = folder / f"{kind.value}.csv"
            write_text_atomically(target, ledger_csv_text(kind, records))
            written.append(target)
    return written
