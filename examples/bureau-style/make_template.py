"""Build examples/bureau-style/template.docx: an example of a finance bureau's Word style template.

A bureau would normally make its template in Word; this script makes the example reproducible:

    .venv/bin/python examples/bureau-style/make_template.py

What it shows (see docs/customising-documents.md):
- its own styles: body 仿宋_GB2312 15 pt with a 27 pt line pitch, level-1 headings 黑体 bold;
- a header text on every page ("万载县财政局 部门整体支出绩效评价");
- its own cover: the template's body, with placeholders the renderer fills in.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).parent


def east_asian(style_or_run, name: str) -> None:  # type: ignore[no-untyped-def]
    fonts = style_or_run.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:ascii"), "Times New Roman")
    fonts.set(qn("w:hAnsi"), "Times New Roman")


KEEP_STYLES = {"Normal", "Heading 1", "Heading 1 Char", "Header", "Header Char", "Footer",
               "Footer Char", "Default Paragraph Font", "Normal Table", "No List", "Table Grid"}  # fmt: skip


def drop_unused_builtin_styles(doc) -> None:  # type: ignore[no-untyped-def]
    """Keep only the styles this bureau set; Word itself saves only styles in use or modified,
    and python-docx's default template would otherwise carry all its (blue, Calibri) styles."""
    for style in list(doc.styles):
        if style.name not in KEEP_STYLES:
            style.element.getparent().remove(style.element)


def main() -> None:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)

    normal = doc.styles["Normal"]
    normal.font.size = Pt(15)
    east_asian(normal, "仿宋_GB2312")
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(27)
    normal.paragraph_format.first_line_indent = Pt(30)  # two characters of 15 pt
    heading = doc.styles["Heading 1"]
    heading.font.size = Pt(15)
    heading.font.bold = True
    east_asian(heading, "黑体")

    header = section.header.paragraphs[0]
    header.text = "万载县财政局　部门整体支出绩效评价"
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER

    drop_unused_builtin_styles(doc)
    for _ in range(3):
        doc.add_paragraph()
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("{{标题}}")
    run.font.size = Pt(26)
    east_asian(run, "方正小标宋简体")
    for _ in range(6):
        doc.add_paragraph()
    for label, key in (("单位名称（盖章）", "单位名称"), ("评价年度", "年度"), ("评价方式", "评价方式"),
                       ("报送日期", "报告日期")):  # fmt: skip
        line = doc.add_paragraph(f"{label}：{{{{{key}}}}}")
        line.paragraph_format.left_indent = Pt(60)
    doc.save(HERE / "template.docx")


if __name__ == "__main__":
    main()
