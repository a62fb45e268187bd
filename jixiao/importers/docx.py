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
from jixiao.importers.text import Given, import_blocks


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
    heading_levels = _heading_levels(document)
    paragraph_number = table_number = 0
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            text = paragraph.text
            if text.strip():
                paragraph_number += 1
                level = heading_levels.get(element.style or "") if element.style else None
                blocks.append(Block(text, f"第{paragraph_number}段", level))
        elif tag == "tbl":
            table_number += 1
            for row_number, row in enumerate(Table(element, document).rows, start=1):
                # one cell per grid column (a merged cell repeats), empty ones kept: columns
                # stay aligned with the header row
                cells = [re.sub(r"\s+", " ", cell.text).strip() for cell in row.cells]
                if any(cells):
                    blocks.append(Block("\t".join(cells), f"表{table_number}第{row_number}行"))
    if not blocks:
        raise InputError.single(
            str(path), "", "Word 文件中没有文字", "the Word file contains no text"
        )
    return blocks


def _heading_levels(document: object) -> dict[str, int]:
    """Style id → heading level for the styles named "Heading n" / "标题 n" (looked up once)."""
    levels: dict[str, int] = {}
    for style in document.styles:  # type: ignore[attr-defined]
        match = re.match(r"^(?:Heading|标题)\s*(\d)$", (getattr(style, "name", "") or "").strip())
        style_id = getattr(style, "style_id", None)
        if match and style_id:
            levels[style_id] = int(match.group(1))
    return levels


def import_docx(path: str | Path, given: Given | None = None) -> ImportResult:
    path = Path(path)
    return import_blocks(docx_blocks(path), file=path.name, given=given)
