"""Import a PDF report from its text layer (pdfplumber), one block per page ("第N页").

PDF text comes as lines broken wherever the page ran out of width. Lines are joined back into
paragraphs when a line fills (almost) the full width and does not end a sentence; a line that
ends with 。：；, is short, or is followed by a heading stays a paragraph end. Scanned PDFs have no
text layer: they get a clear error instead of an empty dossier.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jixiao.core.errors import InputError
from jixiao.importers.document import Block
from jixiao.importers.headings import numbered
from jixiao.importers.limits import check_file
from jixiao.importers.result import ImportResult
from jixiao.importers.text import Given, import_blocks

MAX_PAGES = 400
_SENTENCE_END = re.compile(r"[。:：!！?？]$")  # not ；: a full line ending in ； continues
_PAGE_NUMBER = re.compile(r"[-—–]*\s*\d{1,4}\s*[-—–]*|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?")


def visual_width(line: str) -> float:
    """Width in ideograph units: Latin letters, digits and spaces take half a unit."""
    return sum(0.5 if ord(char) < 0x2E80 else 1.0 for char in line if char not in "\u2060\u200b")


def full_width(texts: list[str]) -> float:
    """The width of a full line across the document (90th percentile of line widths)."""
    widths = sorted(
        visual_width(line.strip()) for text in texts for line in text.split("\n") if line.strip()
    )
    if not widths:
        return 0.0
    return widths[int(len(widths) * 0.9)] if len(widths) > 3 else widths[-1]


def join_lines(text: str, full: float | None = None) -> str:
    """Join soft line breaks (a full line that does not end a sentence) inside one page."""
    full = full_width([text]) if full is None else full
    out: list[str] = []
    previous = ""
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped or _PAGE_NUMBER.fullmatch(stripped):
            continue  # page furniture: "— 3 —", "- 3 -", "3"
        if out and _soft_break(previous, stripped, full):
            out[-1] += stripped
        else:
            out.append(stripped)
        previous = stripped
    return "\n".join(out)


def _soft_break(previous: str, line: str, full: float) -> bool:
    """*previous* (the last physical line) ran to the right margin without ending a sentence."""
    if _SENTENCE_END.search(previous) or numbered(line) is not None or full < 10:
        return False
    # a line may stop up to a few units short when the next token ("1158.9万元") cannot be split
    return visual_width(previous) >= full - 4


def _page_text(page: Any, text: str, full: float) -> str:
    """The page's prose with its ruled tables as tab-separated rows in their place."""
    try:
        found = [t for t in page.find_tables() if _is_data_table(t.extract())]
    except Exception:  # table detection is a bonus: the plain text stands without it
        found = []
    if not found:
        return join_lines(text, full)
    try:
        return _text_around_tables(page, found, full)
    except Exception:  # a crop outside the page, an odd table: the plain text stands
        return join_lines(text, full)


def _text_around_tables(page: Any, found: list[Any], full: float) -> str:
    parts: list[str] = []
    top = 0.0
    for table in sorted(found, key=lambda t: t.bbox[1]):
        if table.bbox[1] > top + 1:
            above = page.crop((0, top, page.width, table.bbox[1])).extract_text() or ""
            parts.append(join_lines(above, full))
        parts.append("\n".join(_row(row) for row in table.extract() if any(row)))
        top = max(top, table.bbox[3])
    if page.height > top + 1:
        parts.append(
            join_lines(page.crop((0, top, page.width, page.height)).extract_text() or "", full)
        )
    return "\n".join(part for part in parts if part)


def _is_data_table(rows: list[list[str | None]]) -> bool:
    """A table of text (a header row mostly filled), not a chart's frame or a decoration."""
    if len(rows) < 2 or not rows[0]:
        return False
    filled = [cell for cell in rows[0] if cell and cell.strip()]
    return len(filled) >= max(2, len(rows[0]) // 2)


def _row(row: list[str | None]) -> str:
    return "\t".join(re.sub(r"\s*\n\s*", "", cell or "").strip() for cell in row)


def pdf_blocks(path: Path) -> list[Block]:
    check_file(path, "PDF", "PDF")
    try:
        import pdfplumber

        blocks: list[Block] = []
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise InputError.single(
                    str(path),
                    "",
                    f"PDF 页数过多（{len(pdf.pages)}页，上限{MAX_PAGES}）",
                    f"too many pages ({len(pdf.pages)}, limit {MAX_PAGES})",
                )
            texts = [page.extract_text() or "" for page in pdf.pages]
            full = full_width(texts)
            for number, (page, text) in enumerate(zip(pdf.pages, texts, strict=True), start=1):
                blocks.append(Block(_page_text(page, text, full), f"第{number}页"))
    except InputError:
        raise
    except Exception as error:  # pdfminer raises many kinds for damaged files
        raise InputError.single(
            str(path),
            "",
            f"无法读取 PDF 文件：{type(error).__name__}（文件损坏、加密或不是 PDF）",
            f"cannot read the PDF: {type(error).__name__} (damaged, encrypted or not a PDF)",
        ) from None
    if not any(block.text.strip() for block in blocks):
        raise InputError.single(
            str(path),
            "",
            "PDF 没有文字层（可能是扫描件）：请先做文字识别（OCR），或导入 Word/文本版本",
            "the PDF has no text layer (a scanned image?): run OCR first, or import the Word/text version",
        )
    return blocks


def import_pdf(path: str | Path, given: Given | None = None) -> ImportResult:
    path = Path(path)
    return import_blocks(pdf_blocks(path), file=path.name, given=given)
