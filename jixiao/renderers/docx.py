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
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from docx import Document as open_docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.coreprops import CoreProperties
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from jixiao.core.errors import InputError
from jixiao.core.report import Align, Block, Chart, Document, Paragraph, Section, Table
from jixiao.renderers.charts import chart_png
from jixiao.renderers.common import (
    PlacedCell,
    attachment_label,
    cover_lines,
    needs_landscape,
    place_cells,
    row_count,
)
from jixiao.renderers.docx_package import Pictures, Skeleton, body_fragment, fragment_xml
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


def set_east_asian_font(rpr_parent: Any, east_asia: str, latin: str = LATIN_DOCX) -> None:
    """Name *east_asia* and *latin* on an element's ``w:rFonts`` and drop every theme font.

    *rpr_parent* is a style, run or rPrDefault element (anything with ``get_or_add_rPr``) or an
    ``w:rPr`` element itself.
    """
    rpr = rpr_parent if _tag(rpr_parent) == "rPr" else rpr_parent.get_or_add_rPr()
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


# ── the builder: body XML written as text ───────────────────────────────────────────────
#
# python-docx's object API costs about a millisecond per table cell (it searches the schema
# order on every child it adds); a score table and a findings table have hundreds of cells. So
# the body is written as WordprocessingML text here and goes into the package as it is
# (docx_package.py); python-docx prepares the styles, page set-up and footers once per process.

# Characters XML 1.0 cannot carry (python-docx would refuse them): dropped from the text.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """Text made safe for a w:t element: invalid characters dropped, markup escaped."""
    return xml_escape(_XML_INVALID.sub("", text), {'"': "&quot;"})


@lru_cache(maxsize=128)
def _rpr(font: str | None, *, bold: bool = False, size: Pt | None = None) -> str:
    parts = []
    if font:
        latin = xml_text(LATIN_DOCX)
        parts.append(
            f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:cs="{latin}"'
            f' w:eastAsia="{xml_text(font)}" w:hint="eastAsia"/>'
        )
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if size is not None:
        half_points = round(size.pt * 2)
        parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _run(text: str, font: str | None, *, bold: bool = False, size: Pt | None = None) -> str:
    """A run; line breaks in the text become w:br."""
    pieces = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # XML would turn a bare CR into LF
    for n, line in enumerate(text.split("\n")):
        if n:
            pieces.append("<w:br/>")
        if line:
            pieces.append(f'<w:t xml:space="preserve">{xml_text(line)}</w:t>')
    return f"<w:r>{_rpr(font, bold=bold, size=size)}{''.join(pieces)}</w:r>"


def _ppr(
    style_id: str,
    *,
    keep_next: bool | None = None,
    space_before: Pt | None = None,
    space_after: Pt | None = None,
    left_indent: Pt | None = None,
    align: str | None = None,
    sect_pr: str = "",
) -> str:
    """w:pPr with its children in schema order."""
    parts = [f'<w:pStyle w:val="{style_id}"/>']
    if keep_next:
        parts.append("<w:keepNext/>")
    elif keep_next is False:  # explicitly off, against a style that keeps with the next
        parts.append('<w:keepNext w:val="0"/>')
    if space_before is not None or space_after is not None:
        before = f' w:before="{round(space_before.pt * 20)}"' if space_before is not None else ""
        after = f' w:after="{round(space_after.pt * 20)}"' if space_after is not None else ""
        parts.append(f"<w:spacing{before}{after}/>")
    if left_indent is not None:
        parts.append(f'<w:ind w:left="{round(left_indent.pt * 20)}"/>')
    if align:
        parts.append(f'<w:jc w:val="{align}"/>')
    parts.append(sect_pr)
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


@dataclass(frozen=True)
class PreparedPackage:
    """What every report of one template shares: the package without its body (see
    docx_package.py), whether the template brings its own cover, and the section properties."""

    skeleton: Skeleton
    explicit_fonts: bool  # our styles name the fonts; a bureau template's styles decide its own
    has_cover: bool  # the template's body has text: it is the cover
    cover_sect_pr: str  # w:sectPr of the cover section (no page numbers)
    body_sect_prs: dict[tuple[bool, bool], str]  # (first body section, landscape) → w:sectPr


class DocxBuilder:
    """Writes one Document's body as WordprocessingML text, inside a prepared package."""

    def __init__(self, prepared: PreparedPackage) -> None:
        self.prepared = prepared
        self.explicit_fonts = prepared.explicit_fonts
        self.pictures = Pictures(prepared.skeleton.next_shape_id)
        self.chart_number = 0
        self.landscape = False
        self.text_width: int = TEXT_WIDTH
        self.parts: list[str] = []
        self._first_body_section = True

    def style_id(self, style: str) -> str:
        return self.prepared.skeleton.style_ids[style]

    def font(self, style: str) -> str | None:
        """The East-Asian font a run of *style* names (none with a bureau template)."""
        return STYLES[style].font if self.explicit_fonts else None

    # paragraphs
    def paragraph(
        self,
        text: str,
        style: str,
        *,
        bold: bool = False,
        runs: str | None = None,
        **ppr: object,
    ) -> None:
        content = (
            runs if runs is not None else (_run(text, self.font(style), bold=bold) if text else "")
        )
        self.parts.append(f"<w:p>{_ppr(self.style_id(style), **ppr)}{content}</w:p>")  # type: ignore[arg-type]

    # the document parts
    def default_cover(self, document: Document) -> None:
        for _ in range(3):
            self.paragraph("", BODY)
        self.paragraph(document.title, TITLE)
        if document.subtitle:
            self.paragraph(document.subtitle, SUBTITLE)
        for _ in range(6):
            self.paragraph("", BODY)
        font = self.font(COVER_LINE)
        for label, value in cover_lines(document):
            runs = _run(f"{label}：", font, bold=True) + _run(value, font)
            self.paragraph("", COVER_LINE, runs=runs, left_indent=Pt(64))

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
            self.paragraph(f"{prefix}{n}. {section.title}", BODY, keep_next=True)

    def attachment(self, section: Section, number: int) -> None:
        landscape = needs_landscape(section)
        if landscape or self.landscape:
            self.section_break(landscape)
        else:
            self.parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        self.paragraph(attachment_label(section, number), ATTACHMENT_LABEL)
        self.paragraph(section.title, ATTACHMENT_TITLE)
        self.paragraph("", FIGURE)
        self.blocks(section.blocks)
        for child in section.children:
            self.section(child)

    def section_break(self, next_landscape: bool) -> None:
        """End the current body section (new page); the next one is portrait or landscape."""
        sect_pr = self.prepared.body_sect_prs[self._first_body_section, self.landscape]
        self.parts.append(f"<w:p>{_ppr(self.style_id(BODY), sect_pr=sect_pr)}</w:p>")
        self._first_body_section = False
        self.landscape = next_landscape
        self.text_width = _text_width(next_landscape)

    def chart(self, chart: Chart) -> None:
        self.chart_number += 1
        picture = self.pictures.add(chart_png(chart), CHART_WIDTH)
        self.paragraph("", FIGURE, runs=picture, keep_next=True)
        unit = f"（单位：{chart.unit}）" if chart.unit else ""
        # A chart's caption is below it: it must not pull the next heading along.
        self.paragraph(f"图{self.chart_number}　{chart.title}{unit}", CAPTION, keep_next=False)

    def table(self, table: Table) -> None:
        self.paragraph(table.title, CAPTION, keep_next=True, space_before=Pt(6))
        self.parts.append(table_xml(self, table))
        if table.note:
            self.paragraph(table.note, TABLE_TEXT, space_after=Pt(6))

    # assembling
    def build(self, document: Document) -> str:
        """The body XML: cover, title, sections, attachments, each section's properties."""
        prepared = self.prepared
        if prepared.skeleton.cover:
            self.parts.append(_filled_cover(prepared.skeleton.cover, document))
        if not prepared.has_cover:
            self.default_cover(document)
        # The cover ends with its own section break: no page number on it.
        cover_break = _ppr(self.style_id(BODY), sect_pr=prepared.cover_sect_pr)
        self.parts.append(f"<w:p>{cover_break}</w:p>")
        self.title(document)
        for part in document.sections:
            self.section(part)
        self.attachment_list(document)
        for number, part in enumerate(document.attachments, 1):
            self.attachment(part, number)
        self.parts.append(prepared.body_sect_prs[self._first_body_section, self.landscape])
        return "".join(self.parts)


def _filled_cover(cover: str, document: Document) -> str:
    """A template's cover with its ``{{placeholders}}`` filled in."""
    if "{{" not in cover:
        return cover
    body = body_fragment(cover)
    fill_placeholders(body, cover_values(document))
    return fragment_xml(body)


def _xml(element: Any) -> str:
    return str(etree.tostring(element, encoding="unicode"))


def _text_width(landscape: bool) -> int:
    width = PAGE_HEIGHT if landscape else PAGE_WIDTH
    return Emu(width - MARGIN_LEFT - MARGIN_RIGHT)


def _orient(sect_pr: object, landscape: bool) -> None:
    size = sect_pr.find(qn("w:pgSz"))  # type: ignore[attr-defined]
    if size is None:
        return
    short, long = sorted((int(size.get(qn("w:w"))), int(size.get(qn("w:h")))))
    if landscape:
        size.set(qn("w:w"), str(long))
        size.set(qn("w:h"), str(short))
        size.set(qn("w:orient"), "landscape")
    else:
        size.set(qn("w:w"), str(short))
        size.set(qn("w:h"), str(long))
        size.attrib.pop(qn("w:orient"), None)


def _has_footer(section: object) -> bool:
    footer = section.footer  # type: ignore[attr-defined]
    return not footer.is_linked_to_previous and any(p.text.strip() for p in footer.paragraphs)


# Styles the renderer's base document keeps (python-docx's default template has ~160, and a
# 350 KB styles.xml plus a 440 KB stylesWithEffects.xml that make every save slow).
_KEEP_STYLES = {
    *STYLES, "Default Paragraph Font", "Normal Table", "No List", "Table Grid", "Header",
    "Heading 1 Char", "Heading 2 Char", "Heading 3 Char", "Heading 4 Char", "Title Char",
    "Subtitle Char", "Header Char", "Footer Char",
}  # fmt: skip


@cache
def _base_bytes() -> bytes:
    """The default template with the GB/T 9704 styles applied, slimmed, saved once per process."""
    doc = open_docx()
    prepare_styles(doc, keep_existing=False)
    for style in list(doc.styles):
        if style.name not in _KEEP_STYLES:
            style.element.getparent().remove(style.element)
    latent = doc.styles.element.find(qn("w:latentStyles"))
    if latent is not None:
        doc.styles.element.remove(latent)
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            doc.part.drop_rel(rel_id)
    package_rels = doc.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(rel_id)
    doc.settings.odd_and_even_pages_header_footer = True
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _base_document() -> DocxDocument:
    return open_docx(io.BytesIO(_base_bytes()))


def _open_template(template: Path) -> DocxDocument:
    """A bureau's style template; InputError when it is not a Word document."""
    try:
        return open_docx(str(template))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError.single(
            str(template),
            "template",
            "不是可用的 Word 模板（.docx 文件）",
            f"not a usable Word template (.docx): {error}",
        ) from error


def _body_sect_pr(numbered: object, *, first: bool, landscape: bool) -> str:
    """A body section's properties: numbered footers (restarting at 1 in the first body section
    only), portrait or landscape."""
    sect_pr = copy.deepcopy(numbered)
    if not first:
        number_type = sect_pr.find(qn("w:pgNumType"))  # type: ignore[attr-defined]
        if number_type is not None:
            number_type.attrib.pop(qn("w:start"), None)
    _orient(sect_pr, landscape)
    return _xml(sect_pr)


def prepare_package(template: Path | None) -> PreparedPackage:
    """Styles, page set-up, page-number footers and section properties, made with python-docx
    on the default base or a bureau's template, then taken apart for reuse (``Skeleton``)."""
    doc = _open_template(template) if template else _base_document()
    explicit_fonts = template is None
    if template:
        prepare_styles(doc, keep_existing=True)
    has_cover = template is not None and any(p.text.strip() for p in doc.paragraphs)
    section = doc.sections[0]
    if explicit_fonts:
        _page_setup(section)
    cover_sect_pr = _xml(copy.deepcopy(section._sectPr))
    section.different_first_page_header_footer = False
    if explicit_fonts or not _has_footer(section):
        _page_number_footers(doc, section)
    _restart_page_numbers(section)
    numbered = section._sectPr
    body_sect_prs = {
        (first, landscape): _body_sect_pr(numbered, first=first, landscape=landscape)
        for first in (True, False)
        for landscape in (True, False)
    }
    if template:
        strip_theme_fonts(doc.element, everywhere=False)
    style_ids = {name: doc.styles[name].style_id for name in STYLES}
    buffer = io.BytesIO()
    doc.save(buffer)
    skeleton = Skeleton.of(buffer.getvalue(), style_ids)
    return PreparedPackage(skeleton, explicit_fonts, has_cover, cover_sect_pr, body_sect_prs)


@lru_cache(maxsize=8)
def _prepared(template: Path | None, version: tuple[int, int] | None) -> PreparedPackage:
    return prepare_package(template)


def prepared_package(template: Path | None) -> PreparedPackage:
    """The prepared package for *template*, made once per process (again if the file changes)."""
    if template is None:
        return _prepared(None, None)
    stat = template.stat()
    return _prepared(template.resolve(), (stat.st_mtime_ns, stat.st_size))


# ── tables ──────────────────────────────────────────────────────────────────────────────


def column_widths(table: Table, total: int = TEXT_WIDTH) -> list[int]:
    """Column widths in twips, proportional to the columns' relative widths; they sum to the
    text width (*total*, EMU)."""
    total_twips = round(total / 635)
    weights = [max(c.width, 1) for c in table.columns]
    widths = [total_twips * w // sum(weights) for w in weights]
    widths[-1] += total_twips - sum(widths)
    return widths


_BORDERS = "".join(
    f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_ALIGN_XML = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}


def _cell(width: int, span: int, merge: str | None, paragraph: str) -> str:
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if merge:
        props.append(f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>")
    props.append('<w:vAlign w:val="center"/>')
    return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{paragraph}</w:tc>"


def table_xml(builder: DocxBuilder, table: Table) -> str:
    """A bordered, fixed-layout table: widths in tblGrid and on every cell (tcW), merged cells
    as gridSpan/vMerge, a header row repeated on each page, cells with single line spacing."""
    widths = column_widths(table, builder.text_width)
    wide = len(table.columns) > 5
    body_style = builder.style_id(TABLE_TEXT_WIDE if wide else TABLE_TEXT)
    body_font = builder.font(TABLE_TEXT)
    header_style = builder.style_id(TABLE_HEADER)
    header_size = WIDE_TABLE_SIZE if wide else TABLE_SIZE
    parts = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>'
        '</w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1"'
        ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
    ]
    header_font = builder.font(TABLE_HEADER)
    for width, spec in zip(widths, table.columns, strict=True):
        run = _run(spec.header, header_font, size=header_size) if spec.header else ""
        paragraph = f"<w:p>{_ppr(header_style, align='center')}{run}</w:p>"
        parts.append(_cell(width, 1, None, paragraph))
    parts.append("</w:tr>")
    occupant: dict[tuple[int, int], PlacedCell] = {}
    for origin in place_cells(table):
        for dr in range(origin.cell.rowspan):
            for dc in range(origin.cell.colspan):
                occupant[origin.row + dr, origin.column + dc] = origin
    for row in range(row_count(table)):
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        column = 0
        while column < len(widths):
            placed = occupant.get((row, column))
            if placed is None:  # a short row: an empty cell keeps the grid whole
                parts.append(_cell(widths[column], 1, None, f"<w:p>{_ppr(body_style)}</w:p>"))
                column += 1
                continue
            cell = placed.cell
            span = cell.colspan
            width = sum(widths[column : column + span])
            merge = None
            if cell.rowspan > 1:
                merge = "restart" if row == placed.row else "continue"
            if row == placed.row:
                align = _ALIGN_XML[table.columns[column].align]
                if span > 1 and cell.bold:
                    align = "center"
                run = _run(cell.text, body_font, bold=cell.bold) if cell.text else ""
                paragraph = f"<w:p>{_ppr(body_style, align=align)}{run}</w:p>"
            else:
                paragraph = f"<w:p>{_ppr(body_style)}</w:p>"
            parts.append(_cell(width, span, merge, paragraph))
            column += span
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


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


def fill_placeholders(body: Any, values: dict[str, str]) -> None:
    """Replace ``{{name}}`` in every paragraph under *body* (tables and text boxes too); a
    paragraph's filled text goes into its first run."""
    for element in body.iter(qn("w:p")):
        paragraph = DocxParagraph(element, None)
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


def _property(text: str) -> str:
    """A core property value: XML-safe and within Word's (and python-docx's) 255 characters; the
    full text stays in the document body."""
    text = _XML_INVALID.sub("", text)
    return text if len(text) <= 255 else text[:254] + "…"


def render_docx(document: Document, *, template: Path | str | None = None) -> bytes:
    """The report as .docx bytes; *template* is a bureau's style template (.docx), if any."""
    prepared = prepared_package(Path(template) if template else None)
    builder = DocxBuilder(prepared)
    body = builder.build(document)

    def set_properties(properties: CoreProperties) -> None:
        # python-docx's template says "python-docx" otherwise
        properties.title = _property(f"{document.title}{document.subtitle}")
        properties.subject = "部门整体支出绩效评价报告"
        properties.author = _property(document.cover.department)
        properties.last_modified_by = "jixiao"
        properties.keywords = _property(f"{document.cover.year}；{document.cover.method}")
        properties.comments = ""
        properties.revision = 1

    return prepared.skeleton.write(body, builder.pictures, set_properties)
