"""Normalised outlines of rendered documents, for golden files: text and structure, not bytes.

Each outline is plain text, one line per paragraph / heading / table row / picture, so a golden
diff reads like a review of the document.
"""

from __future__ import annotations

import io
from html.parser import HTMLParser

import docx
from docx.oxml.ns import qn


def docx_outline(data: bytes) -> str:
    """Sections (orientation), then every body paragraph as ``style | text`` and tables by rows."""
    document = docx.Document(io.BytesIO(data))
    lines = []
    for n, section in enumerate(document.sections):
        lines.append(f"section {n}: {section.orientation.name.lower()}")
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            style = (
                child.pPr.pStyle.val
                if child.pPr is not None and child.pPr.pStyle is not None
                else "-"
            )
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            picture = " [picture]" if child.xpath(".//pic:pic") else ""
            page = " [page break]" if child.xpath('.//w:br[@w:type="page"]') else ""
            section = (
                " [section break]" if child.pPr is not None and child.pPr.sectPr is not None else ""
            )
            lines.append(f"{style} | {text}{picture}{page}{section}")
        elif child.tag == qn("w:tbl"):
            grid = [c.get(qn("w:w")) for c in child.tblGrid.findall(qn("w:gridCol"))]
            lines.append(f"table grid={','.join(grid)}")
            for tr in child.tr_lst:
                cells = []
                for tc in tr.tc_lst:
                    text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
                    merge = tc.vMerge
                    span = f"<{tc.grid_span}>" if tc.grid_span > 1 else ""
                    cells.append(f"{text}{span}{'^' if merge == 'continue' else ''}")
                lines.append("  | " + " | ".join(cells))
    return "\n".join(lines) + "\n"


class _HtmlOutline(HTMLParser):
    KEEP = frozenset(
        {"h1", "h2", "h3", "h4", "h5", "h6", "p", "figcaption", "th", "td", "dt", "dd", "title"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.stack: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.in_svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "svg":
            self.in_svg += 1
            self.lines.append("[svg]")
        if tag in {"tr"}:
            self.lines.append("  row")
        if tag in self.KEEP and not self.in_svg:
            classes = dict(attrs).get("class") or ""
            self.stack.append((tag, classes))
            self.text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self.in_svg -= 1
        if self.stack and self.stack[-1][0] == tag and not self.in_svg:
            name, classes = self.stack.pop()
            text = "".join(self.text).strip()
            label = f"{name}.{classes.replace(' ', '.')}" if classes else name
            self.lines.append(f"{label} | {text}")
            self.text = []

    def handle_data(self, data: str) -> None:
        if not self.in_svg:
            self.text.append(data)


def html_outline(page: str) -> str:
    parser = _HtmlOutline()
    parser.feed(page)
    return "\n".join(parser.lines) + "\n"
