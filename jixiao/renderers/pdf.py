"""The PDF report, typeset by Typst (the PyPI ``typst`` package) from the report model.

The same outline, tables and charts as the .docx, in the same GB/T 9704 layout (A4, margins
37/35/28/26 mm, 16 pt body on a 28 pt line grid with a two-character indent, justified CJK text,
22 pt title, headings 黑体/楷体/仿宋, "— n —" page numbers on the outer side), with the open fonts
that stand in for the official ones (``fonts.py``). Every font is embedded; with ``pdf_a=True`` the
file is PDF/A-2b for archiving.

Text never becomes Typst markup: every piece of text is written as a Typst *string literal*
(``#"…"``), so the only characters to escape are ``\\`` and ``"`` (and control characters).
``typst_string`` does that and is property-tested: no text can break compilation or inject markup.
Charts are drawn inline by Typst (``typst_charts.py``): vector shapes and real, searchable text.
"""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.core.report import Align, Block, Chart, Document, Paragraph, Section, Table
from jixiao.renderers import fonts
from jixiao.renderers.common import (
    attachment_label,
    breakable,
    cover_lines,
    needs_landscape,
    place_cells,
)
from jixiao.renderers.typst_charts import chart_markup
from jixiao.renderers.typst_engine import PdfRenderError, compile_typst
from jixiao.renderers.typst_text import typst_string


def _font_list(primary: fonts.OpenFont, fallback: fonts.OpenFont = fonts.FALLBACK_SERIF) -> str:
    """A Typst font list: Latin face for digits/letters, the CJK face, then the CJK fallback."""
    return (
        f'((name: "{fonts.LATIN_PDF}", covers: "latin-in-cjk"), "{primary.family}",'
        f' "{fallback.family}")'
    )


def _preamble(document: Document) -> str:
    fang = _font_list(fonts.FANG)
    kai = _font_list(fonts.KAI)
    hei = _font_list(fonts.HEI, fonts.FALLBACK_SANS)
    song = _font_list(fonts.SONG)
    title = _font_list(fonts.NOTO_SERIF_BOLD)
    return f"""
#let fang = {fang}
#let kai = {kai}
#let hei = {hei}
#let song = {song}
#let title-font = {title}
#let title-text(size, body) = text(font: title-font, weight: "bold", size: size, body)
#set document(title: {typst_string(document.title + document.subtitle)}, author: {typst_string(document.cover.department)})
#set page(
  paper: "a4",
  margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),
  footer-descent: 7mm,
  footer: context {{
    let n = counter(page).get().first()
    let number = text(font: song, size: 14pt)[— #n —]
    if calc.odd(n) {{ align(right, pad(right: 1em, number)) }} else {{ align(left, pad(left: 1em, number)) }}
  }},
)
// Each line box is exactly 1em high (top-edge + bottom-edge), so 12pt of leading gives the
// 28pt line pitch of GB/T 9704 (22 lines in the 225mm text block).
// Greedy ("simple") line breaking, still justified, as Word breaks lines: it does not squeeze
// CJK punctuation to fit one more character, so lines keep the regular character grid, and it
// costs ~6 % fewer instructions per report than Knuth-Plass breaking (callgrind).
#set text(font: fang, size: 16pt, lang: "zh", region: "cn", top-edge: 0.84em, bottom-edge: -0.16em, cjk-latin-spacing: none)
#set par(justify: true, linebreaks: "simple", leading: 12pt, spacing: 12pt, first-line-indent: (amount: 2em, all: true))
#show heading: set text(size: 16pt, weight: "regular")
#show heading.where(level: 1): set text(font: hei)
#show heading.where(level: 2): set text(font: kai)
#show heading: it => block(above: 12pt, below: 12pt, sticky: true, par(first-line-indent: 0pt, justify: false)[#h(2em)#it.body])
#let caption(body) = block(above: 6pt, below: 6pt, sticky: true, width: 100%, {{
  set align(center)
  set par(first-line-indent: 0pt, justify: false, leading: 0.4em)
  text(font: hei, size: 14pt, top-edge: "cap-height", bottom-edge: "baseline", body)
}})
#let chart(drawing, label) = block(above: 12pt, below: 12pt, breakable: false, {{
  align(center, drawing)
  align(center, text(font: hei, size: 14pt, label))
}})
#let grid-table(size, cols, aligns, ..cells) = {{
  set text(size: size, top-edge: "cap-height", bottom-edge: "baseline")
  set par(first-line-indent: 0pt, justify: false, leading: 0.5em, spacing: 0.5em)
  table(columns: cols, stroke: 0.5pt, inset: (x: 4pt, y: 5pt), align: aligns, ..cells)
}}
"""


# Typst sets an opening bracket at the start of a line half-width; 公文 keep it full-width (the
# indent of "（一）" must equal that of "一、"). A word joiner in front keeps it off the line start.
_OPENING = tuple("（〔《“‘【「『")


def _line_start(text: str) -> str:
    return "\u2060" + text if text.startswith(_OPENING) else text


def _paragraph(paragraph: Paragraph) -> str:
    if paragraph.style == "note":
        return f"#par(text(size: 14pt, {typst_string(_line_start(paragraph.text))}))\n"
    return f"#par({typst_string(_line_start(paragraph.text))})\n"


_ALIGN = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}


def _table(table: Table) -> str:
    """A table: column widths and alignments set once on the table; a cell is written out in
    full (``table.cell(...)``) only when it spans or is centred against its column."""
    size = "10.5pt" if len(table.columns) > 5 else "12pt"
    columns = ", ".join(f"{max(c.width, 1)}fr" for c in table.columns)
    aligns = ", ".join(f"{_ALIGN[c.align]} + horizon" for c in table.columns)
    header = ", ".join(
        f"table.cell(align: center + horizon, text(font: hei, {typst_string(c.header)}))"
        for c in table.columns
    )
    cells = []
    for placed in place_cells(table):
        cell = placed.cell
        body = typst_string(breakable(cell.text))
        if cell.bold:
            body = f"strong({body})"
        options = []
        if cell.colspan > 1:
            options.append(f"colspan: {cell.colspan}")
        if cell.rowspan > 1:
            options.append(f"rowspan: {cell.rowspan}")
        if cell.colspan > 1 and cell.bold:
            options.append("align: center + horizon")
        cells.append(f"table.cell({', '.join(options)}, {body})" if options else body)
    parts = [f"#caption({typst_string(table.title)})\n"]
    parts.append(
        f"#grid-table({size}, ({columns},), ({aligns},), table.header({header}),"
        f" {', '.join(cells)})\n"
    )
    if table.note:
        parts.append(
            f"#block(above: 6pt, par(first-line-indent: 0pt, text(size: 12pt,"
            f" {typst_string(table.note)})))\n"
        )
    return "".join(parts)


class _Writer:
    """Walks the Document and writes its Typst source."""

    def __init__(self) -> None:
        self.inputs: dict[str, str] = {}
        self.chart_number = 0

    def chart(self, chart: Chart) -> str:
        self.chart_number += 1
        unit = f"（单位：{chart.unit}）" if chart.unit else ""
        label = typst_string(f"图{self.chart_number}　{chart.title}{unit}")
        return f"#chart({chart_markup(chart)}, {label})\n"

    def blocks(self, blocks: tuple[Block, ...]) -> Iterator[str]:
        for block in blocks:
            if isinstance(block, Paragraph):
                yield _paragraph(block)
            elif isinstance(block, Table):
                yield _table(block)
            elif isinstance(block, Chart):
                yield self.chart(block)
            else:
                raise TypeError(f"unknown block type {type(block).__name__}")

    def section(self, section: Section) -> Iterator[str]:
        level = min(max(section.level, 1), 4)
        yield f"#heading(level: {level}, {typst_string(_line_start(section.heading))})\n"
        yield from self.blocks(section.blocks)
        for child in section.children:
            yield from self.section(child)

    def cover(self, document: Document) -> Iterator[str]:
        yield "#page(footer: none)[\n#v(30mm)\n"
        yield (f"#align(center, title-text(22pt, {typst_string(document.title)}))\n")
        if document.subtitle:
            yield f"#align(center, text(font: kai, {typst_string(document.subtitle)}))\n"
        yield "#v(50mm)\n#pad(left: 2em, grid(columns: (auto, 1fr), row-gutter: 12pt,\n"
        for label, value in cover_lines(document):
            yield f"  text(font: hei, {typst_string(label + '：')}), {typst_string(value)},\n"
        yield "))\n]\n#counter(page).update(1)\n"

    def document(self, document: Document) -> str:
        parts = [_preamble(document)]
        parts.extend(self.cover(document))
        parts.append(f"#align(center, title-text(22pt, {typst_string(document.title)}))\n")
        if document.subtitle:
            parts.append(f"#align(center, text(font: kai, {typst_string(document.subtitle)}))\n")
        parts.append("#v(12pt)\n")
        for section in document.sections:
            parts.extend(self.section(section))
        if document.attachments:
            parts.append("#v(28pt)\n")
            for n, section in enumerate(document.attachments, 1):
                prefix = "附件：" if n == 1 else "　　　"
                parts.append(f"#par({typst_string(f'{prefix}{n}. {section.title}')})\n")
        for n, section in enumerate(document.attachments, 1):
            flipped = "true" if needs_landscape(section) else "false"
            parts.append(f"#pagebreak(weak: true)\n#set page(flipped: {flipped})\n")
            parts.append(
                f"#par(first-line-indent: 0pt, text(font: hei,"
                f" {typst_string(attachment_label(section, n))}))\n"
            )
            parts.append(f"#align(center, title-text(18pt, {typst_string(section.title)}))\n")
            parts.extend(self.blocks(section.blocks))
            for child in section.children:
                parts.extend(self.section(child))
        return "".join(parts)


def typst_source(document: Document) -> tuple[str, dict[str, str]]:
    """The Typst source of *document* and the ``sys.inputs`` it reads (none at present)."""
    writer = _Writer()
    source = writer.document(document)
    return source, writer.inputs


def render_pdf(document: Document, *, pdf_a: bool = False) -> bytes:
    """The report as PDF bytes (PDF/A-2b with *pdf_a*)."""
    fonts.require_fonts()
    source, inputs = typst_source(document)
    return compile_typst(source, inputs, pdf_a=pdf_a)


__all__ = ["PdfRenderError", "compile_typst", "render_pdf", "typst_source", "typst_string"]
