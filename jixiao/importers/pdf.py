"""Import a PDF report from its text layer (pdfplumber), one block per page ("第N页").

PDF text comes as lines broken wherever the page ran out of width. Lines are joined back into
paragraphs when a line fills (almost) the full width and does not end a sentence; a line that
ends with 。：；, is short, or is followed by a heading stays a paragraph end. Scanned PDFs have no
text layer: they get a clear error instead of an empty dossier.
"""

from __future__ import annotations

import re
from pathlib import Path

from jixiao.core.errors import InputError
from jixiao.importers.document import Block
from jixiao.importers.headings import numbered
from jixiao.importers.limits import check_file
from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_blocks

MAX_PAGES = 400
_SENTENCE_END = re.compile(r"[。:：;；!！?？]$")


def join_lines(text: str) -> str:
    """Join soft line breaks (a full line that does not end a sentence) inside one page."""
    lines = [line.rstrip() for line in text.split("\n")]
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    if not widths:
        return ""
    full = widths[int(len(widths) * 0.9)] if len(widths) > 3 else widths[-1]
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if out and _soft_break(out[-1], stripped, full):
            out[-1] += stripped
        else:
            out.append(stripped)
    return "\n".join(out)


def _soft_break(previous: str, line: str, full: int) -> bool:
    if _SENTENCE_END.search(previous) or numbered(line) is not None:
        return False
    return len(previous) >= max(full - 2, int(full * 0.85))


def pdf_blocks(path: Path) -> list[Block]:
    check_file(path, "PDF", "PDF")
    try:
        import pdfplumber

        blocks: list[Block] = []
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise InputError.single(str(path), "", f"PDF 页数过多（{len(pdf.pages)}页，上限{MAX_PAGES}）",
                                        f"too many pages ({len(pdf.pages)}, limit {MAX_PAGES})")
            for number, page in enumerate(pdf.pages, start=1):
                text = page.extract_text() or ""
                blocks.append(Block(join_lines(text), f"第{number}页"))
    except InputError:
        raise
    except Exception as error:  # pdfminer raises many kinds for damaged files
        raise InputError.single(
            str(path), "", f"无法读取 PDF 文件：{type(error).__name__}（文件损坏、加密或不是 PDF）",
            f"cannot read the PDF: {type(error).__name__} (damaged, encrypted or not a PDF)") from None
    if not any(block.text.strip() for block in blocks):
        raise InputError.single(
            str(path), "", "PDF 没有文字层（可能是扫描件）：请先做文字识别（OCR），或导入 Word/文本版本",
            "the PDF has no text layer (a scanned image?): run OCR first, or import the Word/text version")
    return blocks


def import_pdf(path: str | Path) -> ImportResult:
    path = Path(path)
    return import_blocks(pdf_blocks(path), file=path.name)
