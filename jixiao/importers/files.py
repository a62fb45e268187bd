"""Pick the importer for a file by its extension: .txt, .docx, .pdf, .xlsx.

Text is read in this process (its size is checked before reading). PDF and Office files are read
in a child process with a memory and CPU budget (``sandbox``): their parsers inflate compressed
content that can be far larger than the file.
"""

from __future__ import annotations

from pathlib import Path

from jixiao.core.errors import InputError
from jixiao.importers.result import ImportResult
from jixiao.importers.sandbox import run_bounded

SUPPORTED = (".txt", ".text", ".md", ".docx", ".pdf", ".xlsx")


def import_file(path: str | Path, *, mapping: str | Path | None = None) -> ImportResult:
    """Import a report or workbook; InputError (naming the file) when it cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".txt", ".text", ".md"):
        from jixiao.importers.text import import_text_file

        return import_text_file(path)
    if suffix == ".docx":
        from jixiao.importers.docx import import_docx

        return run_bounded(import_docx, path)
    if suffix == ".pdf":
        from jixiao.importers.pdf import import_pdf

        return run_bounded(import_pdf, path)
    if suffix == ".xlsx":
        from jixiao.importers.xlsx import import_xlsx

        return run_bounded(import_xlsx, path, mapping=mapping)
    if suffix in (".doc", ".wps", ".xls", ".et"):
        raise InputError.single(
            str(path),
            "",
            f"不支持旧格式 {suffix}：请先另存为 .docx / .xlsx",
            f"old format {suffix} is not supported: save it as .docx / .xlsx first",
        )
    raise InputError.single(
        str(path),
        "",
        f"不支持的文件类型 {suffix or '(无扩展名)'}：应为 {'、'.join(SUPPORTED)}",
        f"unsupported file type {suffix or '(none)'}: expected one of {', '.join(SUPPORTED)}",
    )
