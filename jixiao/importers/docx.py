"""Import a Word (.docx) report: paragraphs and table rows, in document order, as text blocks.

Each paragraph becomes a block located "第N段" (counting non-empty paragraphs, as a reader
would); each table row becomes a block "表T第R行" with its cells separated by tabs, so that a
row heading stays the label of the amount beside it. The text then goes through the text importer.
"""

from __future__ import annotations

import re
from pathlib import Path

from jixiao.core.errors import InputError
from jixiao.importers.document import Block
from jixiao.importers.limits import check_zip
from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_blocks


def docx_blocks(path: Path) -> list[Block]:
    """The report's paragraphs and table rows as blocks; clear errors for unreadable files."""
    check_zip(path, "Word", "Word (.docx)")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
    except InputError:
        raise
    except Exception as error:  # python-docx raises many kinds for a damaged package
        raise InputError.single(
            str(path),
            "",
            f"无法读取 Word 文件：{type(error).__name__}（文件损坏或不是 .docx）",
            f"cannot read the Word file: {type(error).__name__} (damaged, or not .docx)",
        ) from None
    blocks: list[Block] = []
    paragraph_number = table_number = 0
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            text = paragraph.text
            if text.strip():
                paragraph_number += 1
                blocks.append(Block(text, f"第{paragraph_number}段", _heading_level(paragraph)))
        elif tag == "tbl":
            table_number += 1
            for row_number, row in enumerate(Table(element, document).rows, start=1):
                cells: list[str] = []
                for cell in row.cells:
                    value = cell.text.strip()
                    if value and (not cells or cells[-1] != value):  # merged cells repeat
                        cells.append(value)
                if cells:
                    blocks.append(Block("\t".join(cells), f"表{table_number}第{row_number}行"))
    if not blocks:
        raise InputError.single(
            str(path), "", "Word 文件中没有文字", "the Word file contains no text"
        )
    return blocks


def _heading_level(paragraph: object) -> int | None:
    """The level of a paragraph styled as a heading ("Heading 2", "标题 2"), else None."""
    try:
        name = paragraph.style.name or ""  # type: ignore[attr-defined]
    except (AttributeError, KeyError, ValueError):
        return None
    match = re.match(r"^(?:Heading|标题)\s*(\d)$", name.strip())
    return int(match.group(1)) if match else None


def import_docx(path: str | Path) -> ImportResult:
    path = Path(path)
    return import_blocks(docx_blocks(path), file=path.name)
