"""The Word (.docx) report in the GB/T 9704-2012 公文 layout, from the report model.

What a finance bureau checks, and how it is made here:

- A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (text block 156 × 225 mm);
- body 3号 (16 pt) 仿宋_GB2312, fixed line spacing 28 pt, first-line indent of two characters,
  justified; title 2号 (22 pt) 方正小标宋简体, centred; headings 一、 黑体, （一） 楷体_GB2312,
  1. and （1） 仿宋_GB2312;
- page numbers 4号 (14 pt) 宋体 "— n —", on the outer side (odd pages right, even pages left,
  one character in from the edge of the text block), counted from the first page after the cover;
- the official font names are East-Asian fonts (``w:eastAsia``) on every style and run, and every
  theme font attribute (``w:asciiTheme``, ``w:eastAsiaTheme``...) is removed: python-docx's default
  template sets them, and Word lets a theme font override an explicit name. Digits and Latin
  letters use Times New Roman;
- tables and charts sit in paragraphs with single line spacing: the body's exact 28 pt spacing would
  clip a picture or a multi-line cell to one line's height;
- table column widths are written both in ``w:tblGrid`` (LibreOffice reads it) and on every cell
  (``w:tcW``, Word reads it), with a fixed table layout.

A bureau may pass its own style template (.docx): its styles, page set-up, headers and footers are
kept, only styles it lacks are added, and its body (if any) becomes the cover with placeholders
such as ``{{单位名称}}`` filled in. See docs/customising-documents.md.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from docx import Document as open_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from jixiao.core.report import Align, Block, Chart, Document, Paragraph, Section, Table
from jixiao.renderers.charts import chart_png
from jixiao.renderers.common import (
    attachment_label,
    cover_lines,
    needs_landscape,
    place_cells,
    row_count,
)
from jixiao.renderers.fonts import LATIN_DOCX

# ── the layout numbers (GB/T 9704-2012) ──────────────────────────────────────────────────
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
TEXT_WIDTH = Emu(PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)  # 156 mm
FOOTER_DISTANCE = Mm(21)  # page number about 7 mm below the text block
BODY_SIZE = Pt(16)  # 3号
TITLE_SIZE = Pt(22)  # 2号
PAGE_NUMBER_SIZE = Pt(14)  # 4号
LINE_PITCH = Pt(28)  # exact line spacing: 22 lines in the 225 mm text block
FIRST_LINE_INDENT = Pt(32)  # two characters of 16 pt
TABLE_SIZE = Pt(12)  # 小四 for tables of up to 5 columns
WIDE_TABLE_SIZE = Pt(10.5)  # 五号 for wider tables (the score table has 8)
CHART_WIDTH = Mm(150)

FANG, KAI, HEI, SONG, TITLE_FONT = "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体", "方正小标宋简体"
HEADING_FONTS = {1: HEI, 2: KAI, 3: FANG, 4: FANG}

# Style names: Word's built-in names where one fits (so a bureau template can restyle them and
# Word's navigation pane shows the outline), "JX …" for the project's own.
BODY, NOTE = "Normal", "JX Note"
TITLE, SUBTITLE = "Title", "Subtitle"
TABLE_TEXT, TABLE_TEXT_WIDE, TABLE_HEADER = "JX Table Text", "JX Table Text Wide", "JX Table Header"
CAPTION, FIGURE, FOOTER = "Caption", "JX Figure", "Footer"
COVER_LINE, ATTACHMENT_LABEL, ATTACHMENT_TITLE = (
    "JX Cover Line",
    "JX Attachment Label",
    "JX Attachment Title",
)

THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
PLACEHOLDER = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")


@dataclass(frozen=True)
class StyleSpec:
    """How one paragraph style looks."""

    font: str
    size: Pt
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY
    exact_pitch: bool = True  # exact 28 pt, or single spacing for tables and pictures
    indent: bool = True  # two-character first-line indent
    keep_with_next: bool = False
    outline_level: int | None = None  # 0 for 一、, 1 for （一）...
    bold: bool = False


STYLES: dict[str, StyleSpec] = {
    BODY: StyleSpec(FANG, BODY_SIZE),
    NOTE: StyleSpec(FANG, Pt(14)),
    TITLE: StyleSpec(TITLE_FONT, TITLE_SIZE, WD_ALIGN_PARAGRAPH.CENTER, False, False, True),
    SUBTITLE: StyleSpec(KAI, BODY_SIZE, WD_ALIGN_PARAGRAPH.CENTER, True, False, True),
    **{
        f"Heading {level}": StyleSpec(font, BODY_SIZE, keep_with_next=True, outline_level=level - 1)
        for level, font in HEADING_FONTS.items()
    },
    TABLE_TEXT: StyleSpec(FANG, TABLE_SIZE, WD_ALIGN_PARAGRAPH.LEFT, False, False),
    TABLE_TEXT_WIDE: StyleSpec(FANG, WIDE_TABLE_SIZE, WD_ALIGN_PARAGRAPH.LEFT, False, False),
    TABLE_HEADER: StyleSpec(HEI, TABLE_SIZE, WD_ALIGN_PARAGRAPH.CENTER, False, False),
    CAPTION: StyleSpec(HEI, Pt(14), WD_ALIGN_PARAGRAPH.CENTER, False, False, True),
    FIGURE: StyleSpec(FANG, BODY_SIZE, WD_ALIGN_PARAGRAPH.CENTER, False, False, True),
    FOOTER: StyleSpec(SONG, PAGE_NUMBER_SIZE, WD_ALIGN_PARAGRAPH.RIGHT, False, False),
    COVER_LINE: StyleSpec(FANG, BODY_SIZE, WD_ALIGN_PARAGRAPH.LEFT, True, False),
    ATTACHMENT_LABEL: StyleSpec(HEI, BODY_SIZE, WD_ALIGN_PARAGRAPH.LEFT, True, False),
    ATTACHMENT_TITLE: StyleSpec(TITLE_FONT, Pt(18), WD_ALIGN_PARAGRAPH.CENTER, False, False, True),
}


# ── fonts without theme overrides ────────────────────────────────────────────────────────


def set_east_asian_font(rpr_parent: object, east_asia: str, latin: str = LATIN_DOCX) -> None:
    """Name *east_asia* and *latin* on an element's ``w:rFonts`` and drop every theme font.

    *rpr_parent* is a style, run or rPrDefault element (anything with ``get_or_add_rPr``) or an
    ``w:rPr`` element itself.
    """
    rpr = rpr_parent if _tag(rpr_parent) == "rPr" else rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    # Ambiguous-width characters (“” ‘’ — …) take the East-Asian font, as Chinese text expects.
    fonts.set(qn("w:hint"), "eastAsia")


def _tag(element: object) -> str:
    tag = getattr(element, "tag", "")
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def strip_theme_fonts(root: object, *, everywhere: bool = True) -> None:
    """Remove theme font attributes under *root*.

    *everywhere*: all of them (our own styles: docDefaults names the fonts explicitly). Otherwise
    (a bureau template) only where the same slot also names a font, plus every eastAsiaTheme: a
    theme font must never override an explicit East-Asian name.
    """
    for fonts in root.iter(qn("w:rFonts")):  # type: ignore[attr-defined]
        for attribute in THEME_ATTRIBUTES:
            slot = "w:cs" if attribute == "w:cstheme" else attribute.replace("Theme", "")
            if everywhere or fonts.get(qn(slot)) or attribute == "w:eastAsiaTheme":
                fonts.attrib.pop(qn(attribute), None)


def _set_defaults(doc: DocxDocument) -> None:
    """docDefaults: explicit fonts (the default template's are theme fonts), Chinese language."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_east_asian_font(rpr, FANG)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _color_black(style_rpr: object) -> None:
    color = style_rpr.find(qn("w:color"))  # type: ignore[attr-defined]
    if color is not None:
        style_rpr.remove(color)  # type: ignore[attr-defined]


def _apply_spec(style: object, spec: StyleSpec) -> None:
    ppr = style.element.get_or_add_pPr()  # type: ignore[attr-defined]
    for border in ppr.findall(qn("w:pBdr")):  # the default Title style has a rule under it
        ppr.remove(border)
    font = style.font  # type: ignore[attr-defined]
    font.size = spec.size
    font.bold = spec.bold
    font.italic = False
    _color_black(style.element.get_or_add_rPr())  # type: ignore[attr-defined]
    font.color.rgb = RGBColor(0, 0, 0)
    set_east_asian_font(style.element, spec.font)  # type: ignore[attr-defined]
    fmt = style.paragraph_format  # type: ignore[attr-defined]
    fmt.alignment = spec.align
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if spec.exact_pitch:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_PITCH
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.left_indent = Pt(0)
    fmt.right_indent = Pt(0)
    _set_first_line_indent(style.element.get_or_add_pPr(), spec.indent)  # type: ignore[attr-defined]
    fmt.keep_with_next = spec.keep_with_next
    fmt.widow_control = True
    if spec.outline_level is not None:
        _set_outline_level(style.element.get_or_add_pPr(), spec.outline_level)  # type: ignore[attr-defined]


def _set_first_line_indent(ppr: object, indent: bool) -> None:
    """Two characters (firstLineChars=200, which Word uses) and 32 pt (which LibreOffice uses)."""
    ind = ppr.find(qn("w:ind"))  # type: ignore[attr-defined]
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.append(ind)  # type: ignore[attr-defined]
    for attribute in ("w:hanging", "w:hangingChars", "w:firstLine", "w:firstLineChars"):
        ind.attrib.pop(qn(attribute), None)
    if indent:
        ind.set(qn("w:firstLineChars"), "200")
        ind.set(qn("w:firstLine"), str(int(FIRST_LINE_INDENT.pt * 20)))
    else:
        ind.set(qn("w:firstLine"), "0")
        ind.set(qn("w:firstLineChars"), "0")
    _reorder_ppr(ppr)


# Element order inside w:pPr matters to Word's schema validation.
_PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
]  # fmt: skip


def _reorder_ppr(ppr: object) -> None:
    children = list(ppr)  # type: ignore[call-overload]
    rank = {name: i for i, name in enumerate(_PPR_ORDER)}
    children.sort(key=lambda child: rank.get(_tag(child), len(rank)))
    for child in children:
        ppr.append(child)  # type: ignore[attr-defined]  # append moves an existing element


def _set_outline_level(ppr: object, level: int) -> None:
    outline = ppr.find(qn("w:outlineLvl"))  # type: ignore[attr-defined]
    if outline is None:
        outline = OxmlElement("w:outlineLvl")
        ppr.append(outline)  # type: ignore[attr-defined]
    outline.set(qn("w:val"), str(level))
    _reorder_ppr(ppr)


def prepare_styles(doc: DocxDocument, *, keep_existing: bool) -> None:
    """Define every style the renderer uses; with a bureau template keep the styles it has."""
    existing = {style.name for style in doc.styles}
    if not keep_existing:
        _set_defaults(doc)
    for name, spec in STYLES.items():
        if name in existing and keep_existing:
            continue
        style = (
            doc.styles[name]
            if name in existing
            else doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        )
        if name not in existing:
            style.base_style = doc.styles[BODY] if name != BODY else None
            style.quick_style = True
        _apply_spec(style, spec)
    # Character styles linked to headings/title ("Heading 1 Char") carry theme fonts too.
    strip_theme_fonts(doc.styles.element, everywhere=not keep_existing)
    for style in doc.styles:
        if style.type == WD_STYLE_TYPE.CHARACTER and style.name.endswith(" Char"):
            linked = style.name.removesuffix(" Char")
            if linked in STYLES and not keep_existing:
                _apply_char_spec(style, STYLES[linked])


def _apply_char_spec(style: object, spec: StyleSpec) -> None:
    style.font.size = spec.size  # type: ignore[attr-defined]
    style.font.bold = spec.bold  # type: ignore[attr-defined]
    style.font.italic = False  # type: ignore[attr-defined]
    _color_black(style.element.get_or_add_rPr())  # type: ignore[attr-defined]
    set_east_asian_font(style.element, spec.font)  # type: ignore[attr-defined]


# ── page set-up, page numbers ───────────────────────────────────────────────────────────


def _page_setup(section: object) -> None:
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT  # type: ignore[attr-defined]
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM  # type: ignore[attr-defined]
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT  # type: ignore[attr-defined]
    section.footer_distance = FOOTER_DISTANCE  # type: ignore[attr-defined]
    section.header_distance = Mm(15)  # type: ignore[attr-defined]
    section.gutter = Mm(0)  # type: ignore[attr-defined]


def _add_page_field(paragraph: DocxParagraph, font: str) -> None:
    """ "— PAGE —" as runs: the PAGE field between two em dashes, each run with explicit fonts."""

    def run(text: str = "") -> object:
        r = paragraph.add_run(text)
        r.font.size = PAGE_NUMBER_SIZE
        set_east_asian_font(r._r, font)
        return r

    run("— ")
    for kind, instruction in (("begin", None), (None, " PAGE "), ("separate", None)):
        r = run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            r._r.append(char)  # type: ignore[attr-defined]
        else:
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = instruction
            r._r.append(text)  # type: ignore[attr-defined]
    run("1")  # the cached result, shown until the field updates
    end = run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end._r.append(char)  # type: ignore[attr-defined]
    run(" —")


def _page_number_footers(doc: DocxDocument, section: object) -> None:
    """Odd pages: number on the right; even pages: on the left; one character in (GB/T 9704)."""
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),  # type: ignore[attr-defined]
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),  # type: ignore[attr-defined]
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = doc.styles[FOOTER]
        paragraph.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = PAGE_NUMBER_SIZE
        else:
            paragraph.paragraph_format.left_indent = PAGE_NUMBER_SIZE
        _add_page_field(paragraph, SONG)
    # Even pages need their own header once odd/even differ: give them the default one's text
    # (a bureau template's header line), or an empty one.
    default_header = section.header  # type: ignore[attr-defined]
    even_header = section.even_page_header  # type: ignore[attr-defined]
    content = [copy.deepcopy(p._p) for p in default_header.paragraphs if p.text.strip()]
    default_header.is_linked_to_previous = False
    even_header.is_linked_to_previous = False
    if content:
        for header in (default_header, even_header):
            container = header._element
            for old in list(container):
                container.remove(old)
            for element in content:
                container.append(copy.deepcopy(element))


def _restart_page_numbers(section: object) -> None:
    sect_pr = section._sectPr  # type: ignore[attr-defined]
    number_type = sect_pr.find(qn("w:pgNumType"))
    if number_type is None:
        number_type = OxmlElement("w:pgNumType")
        # pgNumType goes after pgMar/pgSz and before cols in CT_SectPr's sequence.
        cols = sect_pr.find(qn("w:cols"))
        if cols is not None:
            cols.addprevious(number_type)
        else:
            sect_pr.append(number_type)
    number_type.set(qn("w:start"), "1")


# ── the builder ─────────────────────────────────────────────────────────────────────────


class DocxBuilder:
    """Writes one Document into a python-docx document, block by block."""

    def __init__(self, template: Path | None = None) -> None:
        self.template = template
        self.doc: DocxDocument = open_docx(str(template)) if template else open_docx()
        self.explicit_fonts = template is None  # a bureau template's styles decide its fonts
        self.chart_number = 0
        self.table_number = 0
        self.landscape = False
        self.text_width = TEXT_WIDTH
        self._style_ids: dict[str, str] = {}

    def set_style(self, paragraph: DocxParagraph, style: str) -> None:
        """Set a paragraph style by id (python-docx's by-name setter rescans styles.xml each time)."""
        if style not in self._style_ids:
            self._style_ids[style] = self.doc.styles[style].style_id
        paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = self._style_ids[style]

    # paragraphs and runs
    def paragraph(self, text: str, style: str, *, bold: bool = False) -> DocxParagraph:
        paragraph = self.doc.add_paragraph()
        self.set_style(paragraph, style)
        if text:
            self.run(paragraph, text, style, bold=bold)
        return paragraph

    def run(self, paragraph: DocxParagraph, text: str, style: str, *, bold: bool = False) -> None:
        run = paragraph.add_run(text)
        if bold:
            run.bold = True
        if self.explicit_fonts:
            set_east_asian_font(run._r, STYLES[style].font)

    # the document parts
    def cover(self, document: Document) -> None:
        body_paragraphs = [p for p in self.doc.paragraphs if p.text.strip()]
        if self.template and body_paragraphs:
            fill_placeholders(self.doc, cover_values(document))
        else:
            self._default_cover(document)
        self.doc.add_section(WD_SECTION_START.NEW_PAGE)

    def _default_cover(self, document: Document) -> None:
        for _ in range(3):
            self.paragraph("", BODY)
        self.paragraph(document.title, TITLE)
        if document.subtitle:
            self.paragraph(document.subtitle, SUBTITLE)
        for _ in range(6):
            self.paragraph("", BODY)
        for label, value in cover_lines(document):
            line = self.paragraph("", COVER_LINE)
            line.paragraph_format.left_indent = Pt(64)
            self.run(line, f"{label}：", COVER_LINE, bold=True)
            self.run(line, value, COVER_LINE)

    def title(self, document: Document) -> None:
        self.paragraph(document.title, TITLE)
        if document.subtitle:
            self.paragraph(document.subtitle, SUBTITLE)
        self.paragraph("", BODY)

    def section(self, section: Section) -> None:
        level = min(max(section.level, 1), 4)
        self.paragraph(section.heading, f"Heading {level}")
        self.blocks(section.blocks)
        for child in section.children:
            self.section(child)

    def blocks(self, blocks: Iterable[Block]) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                self.paragraph(block.text, NOTE if block.style == "note" else BODY)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Chart):
                self.chart(block)
            else:
                raise TypeError(f"unknown block type {type(block).__name__}")

    def attachment_list(self, document: Document) -> None:
        if not document.attachments:
            return
        self.paragraph("", BODY)
        for n, section in enumerate(document.attachments, 1):
            prefix = "附件：" if n == 1 else "　　　"
            line = self.paragraph(f"{prefix}{n}. {section.title}", BODY)
            line.paragraph_format.keep_with_next = True

    def attachment(self, section: Section, number: int) -> None:
        landscape = needs_landscape(section)
        if landscape or self.landscape:
            self._new_page_section(landscape)
        else:
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.paragraph(attachment_label(section, number), ATTACHMENT_LABEL)
        self.paragraph(section.title, ATTACHMENT_TITLE)
        self.paragraph("", FIGURE)
        self.blocks(section.blocks)
        for child in section.children:
            self.section(child)

    def _new_page_section(self, landscape: bool) -> None:
        """A new section (new page) in portrait or landscape; page numbering continues."""
        section = self.doc.add_section(WD_SECTION_START.NEW_PAGE)
        number_type = section._sectPr.find(qn("w:pgNumType"))
        if number_type is not None:
            number_type.attrib.pop(qn("w:start"), None)
        width, height = sorted((section.page_width, section.page_height))
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = height, width
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = width, height
        self.landscape = landscape
        self.text_width = Emu(section.page_width - section.left_margin - section.right_margin)

    def chart(self, chart: Chart) -> None:
        self.chart_number += 1
        holder = self.paragraph("", FIGURE)
        holder.paragraph_format.keep_with_next = True
        holder.add_run().add_picture(io.BytesIO(chart_png(chart)), width=CHART_WIDTH)
        unit = f"（单位：{chart.unit}）" if chart.unit else ""
        self.paragraph(f"图{self.chart_number}　{chart.title}{unit}", CAPTION)

    def table(self, table: Table) -> None:
        self.table_number += 1
        caption = self.paragraph(table.title, CAPTION)
        caption.paragraph_format.keep_with_next = True
        caption.paragraph_format.space_before = Pt(6)
        write_table(self, table)
        if table.note:
            note = self.paragraph(table.note, TABLE_TEXT)
            note.paragraph_format.space_after = Pt(6)

    def build(self, document: Document) -> DocxDocument:
        prepare_styles(self.doc, keep_existing=not self.explicit_fonts)
        self.cover(document)
        cover_section, body_section = self.doc.sections[0], self.doc.sections[-1]
        for section in (cover_section, body_section):
            if self.explicit_fonts:
                _page_setup(section)
        body_section.different_first_page_header_footer = False
        if self.explicit_fonts or not _has_footer(body_section):
            _page_number_footers(self.doc, body_section)
        _restart_page_numbers(body_section)
        self.title(document)
        for section in document.sections:
            self.section(section)
        self.attachment_list(document)
        for number, section in enumerate(document.attachments, 1):
            self.attachment(section, number)
        strip_theme_fonts(self.doc.element, everywhere=self.explicit_fonts)
        return self.doc


def _has_footer(section: object) -> bool:
    footer = section.footer  # type: ignore[attr-defined]
    return not footer.is_linked_to_previous and any(p.text.strip() for p in footer.paragraphs)


# ── tables ──────────────────────────────────────────────────────────────────────────────


def column_widths(table: Table, total: int = TEXT_WIDTH) -> list[int]:
    """Column widths in EMU, proportional to the columns' relative widths, summing to *total*."""
    weights = [max(c.width, 1) for c in table.columns]
    widths = [total * w // sum(weights) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _twips(emu: int) -> str:
    return str(round(emu / 635))


def write_table(builder: DocxBuilder, table: Table) -> DocxTable:
    """A bordered, fixed-layout table with merged cells and a repeated header row."""
    doc = builder.doc
    widths = column_widths(table, builder.text_width)
    body_style = TABLE_TEXT_WIDE if len(table.columns) > 5 else TABLE_TEXT
    header_size = WIDE_TABLE_SIZE if len(table.columns) > 5 else TABLE_SIZE
    grid_rows = row_count(table)
    result = doc.add_table(rows=grid_rows + 1, cols=len(table.columns))
    result.alignment = WD_TABLE_ALIGNMENT.CENTER
    result.autofit = False
    _table_properties(result, widths)
    # python-docx's table.cell() rebuilds the whole cell grid on each call: take the grid once.
    # Merges below only touch their own region, so the other cells of the grid stay valid.
    width = len(table.columns)
    grid = result._cells
    for column, (width_emu, spec) in enumerate(zip(widths, table.columns, strict=True)):
        cell = grid[column]
        _fill_cell(builder, cell, spec.header, TABLE_HEADER, WD_ALIGN_PARAGRAPH.CENTER, True)
        for run in cell.paragraphs[0].runs:
            run.font.size = header_size
        del width_emu  # widths are written once for the whole table below
    _mark_header_row(result.rows[0])
    aligns = {
        Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
        Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
        Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    }
    for placed in place_cells(table):
        top, left = placed.row + 1, placed.column
        bottom = top + placed.cell.rowspan - 1
        right = left + placed.cell.colspan - 1
        cell = grid[top * width + left]
        if bottom > top or right > left:
            cell = cell.merge(grid[bottom * width + right])
        align = aligns[table.columns[left].align]
        if placed.cell.colspan > 1 and placed.cell.bold:
            align = WD_ALIGN_PARAGRAPH.CENTER
        _fill_cell(builder, cell, placed.cell.text, body_style, align, placed.cell.bold)
    _set_cell_widths(result, widths)
    return result


def _table_properties(table: DocxTable, widths: list[int]) -> None:
    tbl_pr = table._tbl.tblPr
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), _twips(sum(widths)))
    width.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "000000")
        borders.append(line)
    margins = OxmlElement("w:tblCellMar")
    for edge, twips in (("left", "80"), ("right", "80")):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), twips)
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    for old in ("w:tblW", "w:tblLayout", "w:tblBorders", "w:tblCellMar"):
        for element in tbl_pr.findall(qn(old)):
            tbl_pr.remove(element)
    # CT_TblPr order: tblStyle, …, jc, …, tblW? — tblW comes before jc; append in schema order.
    order = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
             "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
             "tblLayout", "tblCellMar", "tblLook"]  # fmt: skip
    for element in (width, layout, borders, margins):
        tbl_pr.append(element)
    children = sorted(
        tbl_pr, key=lambda child: order.index(_tag(child)) if _tag(child) in order else 99
    )
    for child in children:
        tbl_pr.append(child)
    grid = table._tbl.tblGrid
    for column, width_emu in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), _twips(width_emu))


def _mark_header_row(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.insert(0, cant_split)


def _set_cell_widths(table: DocxTable, widths: list[int]) -> None:
    """tcW on every cell (merged cells get the sum of the columns they span)."""
    for tr in table._tbl.tr_lst:
        column = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = Emu(sum(widths[column : column + span]))
            column += span


def _fill_cell(
    builder: DocxBuilder,
    cell: object,
    text: str,
    style: str,
    align: WD_ALIGN_PARAGRAPH,
    bold: bool,
) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER  # type: ignore[attr-defined]
    paragraphs = cell.paragraphs  # type: ignore[attr-defined]
    for extra in paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    paragraph = paragraphs[0]
    for run in paragraph.runs:
        run._r.getparent().remove(run._r)
    builder.set_style(paragraph, style)
    paragraph.alignment = align
    if text:
        builder.run(paragraph, text, style, bold=bold)


# ── cover values and template placeholders ──────────────────────────────────────────────


def cover_values(document: Document) -> dict[str, str]:
    """Placeholder values a bureau template's cover may use, by Chinese and English name."""
    cover = document.cover
    values = {
        "标题": document.title,
        "副标题": document.subtitle,
        "单位名称": cover.department,
        "部门名称": cover.department,
        "年度": str(cover.year),
        "评价方式": cover.method,
        "评价依据": cover.notice or "",
        "报告日期": cover.date or "",
        "title": document.title,
        "subtitle": document.subtitle,
        "department": cover.department,
        "year": str(cover.year),
        "method": cover.method,
        "notice": cover.notice or "",
        "date": cover.date or "",
    }
    return values


def fill_placeholders(doc: DocxDocument, values: dict[str, str]) -> None:
    """Replace ``{{name}}`` in the template's body paragraphs (also inside tables)."""
    paragraphs = list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    for paragraph in paragraphs:
        text = paragraph.text
        if "{{" not in text:
            continue
        filled = PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
        runs = paragraph.runs
        if runs:
            runs[0].text = filled
            for run in runs[1:]:
                run.text = ""


# ── entry point ─────────────────────────────────────────────────────────────────────────


def render_docx(document: Document, *, template: Path | str | None = None) -> bytes:
    """The report as .docx bytes; *template* is a bureau's style template (.docx), if any."""
    builder = DocxBuilder(Path(template) if template else None)
    doc = builder.build(document)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
