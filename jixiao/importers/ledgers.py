"""Ledger folders with Excel files: ``overhauls.xlsx`` beside (or instead of) ``overhauls.csv``.

A ledger workbook's first sheet is read as the CSV would be (header row, Chinese or English
column names, comment rows starting with ``#`` before it); row numbers in errors are the
sheet's. :func:`load_ledgers` reads a whole folder, CSV and .xlsx alike, all or nothing.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from jixiao.core.errors import InputError
from jixiao.core.ledgers.records import LedgerKind, LedgerSet
from jixiao.importers.limits import check_zip
from jixiao.io.ledgers import (
    LEDGER_DIR,
    MAX_ROWS,
    Table,
    ledger_files,
    ledger_set_from_tables,
    read_csv_table,
    table_from_rows,
)

SUFFIXES = (".csv", ".xlsx")


def _cell(value: Any) -> Any:
    """A sheet cell as the record models read it: dates as dates, numbers exactly as shown."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value


def read_xlsx_table(path: Path, kind: LedgerKind) -> Table:
    """The first sheet of a ledger workbook as a Table (InputError for a damaged file)."""
    check_zip(path, "Excel", "Excel (.xlsx)")
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(str(path), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for damaged packages
        raise InputError.single(
            str(path),
            "",
            f"无法读取 Excel 文件：{type(error).__name__}（文件损坏或不是 .xlsx）",
            f"cannot read the Excel file: {type(error).__name__} (damaged, or not .xlsx)",
        ) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise InputError.single(
                    str(path), "", f"行数超过{MAX_ROWS}行", f"more than {MAX_ROWS} rows"
                )
            rows.append((number, tuple(_cell(c) for c in row)))
    finally:
        workbook.close()
    return table_from_rows(path.name, kind, rows)


def load_ledgers(folder: Path | str) -> LedgerSet:
    """Every ledger file (.csv or .xlsx) in *folder*, or InputError naming file, row, column."""
    folder = Path(folder)
    files = ledger_files(folder, SUFFIXES)
    tables = [
        read_xlsx_table(path, kind)
        if path.suffix.lower() == ".xlsx"
        else read_csv_table(path, kind)
        for kind, path in files.items()
    ]
    return ledger_set_from_tables(tables, str(folder))


def ledgers_for(dossier_path: Path | str, folder: Path | str | None = None) -> LedgerSet | None:
    """The ledgers of a dossier: *folder* when given, else the ``ledgers/`` folder beside the
    dossier file when there is one, else None (InputError when a folder's files are bad)."""
    if folder is not None:
        return load_ledgers(folder)
    beside = ledger_folder_beside(dossier_path)
    return load_ledgers(beside) if beside is not None else None


def ledger_folder_beside(dossier_path: Path | str) -> Path | None:
    """The ``ledgers/`` folder beside the dossier file (a symbolic link followed), if any."""
    beside = Path(dossier_path).resolve().parent / LEDGER_DIR
    return beside if beside.is_dir() else None
