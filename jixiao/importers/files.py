"""Pick the importer for a file by its extension: .txt, .docx, .pdf, .xlsx.

Every format is read in a forked child with a memory and CPU budget (``sandbox``): PDF and Office
parsers inflate compressed content that can be far larger than the file, and a text crafted to
make the readers work hard must run out of CPU time, not the worker. The text readers are warmed
up once in this process first, so each child inherits their lexicon and compiled patterns.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.core.errors import InputError
from jixiao.importers.result import ImportResult
from jixiao.importers.sandbox import run_bounded

if TYPE_CHECKING:
    from jixiao.importers.text import Given

SUPPORTED = (".txt", ".text", ".md", ".docx", ".pdf", ".xlsx")


def import_file(
    path: str | Path, *, mapping: str | Path | None = None, given: Given | None = None
) -> ImportResult:
    """Import a report or workbook; InputError (naming the file) when it cannot be read.

    *given* (year, department) fills in or overrides what a report's text states; a workbook
    states both in required cells, so it takes none."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".txt", ".text", ".md", ".docx", ".pdf"):
        from jixiao.importers.text import warm_up

        warm_up()  # the children below inherit the text readers' lexicon and patterns
    if suffix in (".txt", ".text", ".md"):
        from jixiao.importers.text import import_text_file

        # read in the bounded child like the other formats: a text crafted to make the readers
        # work hard (thousands of joined list lines) runs out of CPU time, not the worker
        return run_bounded(import_text_file, path, given)
    if suffix == ".docx":
        from jixiao.importers.docx import import_docx

        return run_bounded(import_docx, path, given)
    if suffix == ".pdf":
        from jixiao.importers.pdf import import_pdf

        return run_bounded(import_pdf, path, given)
    if suffix == ".xlsx":
        if given is not None and (given.year is not None or given.department):
            raise InputError.single(
                str(path),
                "",
                "--year/--department 只用于报告；表格的年度和部门在“基本信息”表中填写",
                "--year/--department apply to reports; a workbook states them on 基本信息",
            )
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
