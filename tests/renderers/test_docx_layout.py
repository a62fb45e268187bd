"""The .docx, reopened with python-docx: every GB/T 9704 layout number read back from its XML."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.core.report import Cell, Column, Cover, Document, Paragraph, Section, Table
from jixiao.renderers.docx import THEME_ATTRIBUTES, render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EMU_TOLERANCE = Mm(0.1)


@pytest.fixture(scope="module")
def word(sample_docx: Path) -> docx.document.Document:
    return docx.Document(str(sample_docx))


def _style_fonts(word, name: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    fonts = word.styles[name].element.rPr.find(qn("w:rFonts"))
    return {key.removeprefix(W): value for key, value in fonts.attrib.items()}


def test_a4_with_official_margins_on_every_portrait_section(word) -> None:  # type: ignore[no-untyped-def]
    for section in word.sections:
        portrait = section.orientation == WD_ORIENT.PORTRAIT
        width, height = (Mm(210), Mm(297)) if portrait else (Mm(297), Mm(210))
        assert abs(section.page_width - width) < EMU_TOLERANCE
        assert abs(section.page_height - height) < EMU_TOLERANCE
        assert abs(section.top_margin - Mm(37)) < EMU_TOLERANCE
        assert abs(section.bottom_margin - Mm(35)) < EMU_TOLERANCE
        assert abs(section.left_margin - Mm(28)) < EMU_TOLERANCE
        assert abs(section.right_margin - Mm(26)) < EMU_TOLERANCE


def test_body_is_16pt_fangsong_exact_28pt_with_two_character_indent(word) -> None:  # type: ignore[no-untyped-def]
    normal = word.styles["Normal"]
    assert normal.font.size == Pt(16)
    fmt = normal.paragraph_format
    assert fmt.line_spacing == Pt(28)
    assert fmt.line_spacing_rule == docx.enum.text.WD_LINE_SPACING.EXACTLY
    ind = normal.element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert ind.get(qn("w:firstLine")) == "640"  # 32 pt in twips, for LibreOffice
    assert fmt.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.JUSTIFY
    fonts = _style_fonts(word, "Normal")
    assert fonts["eastAsia"] == "仿宋_GB2312"
    assert fonts["ascii"] == fonts["hAnsi"] == "Times New Roman"


def test_title_is_22pt_centred_xiaobiaosong(word) -> None:  # type: ignore[no-untyped-def]
    title = word.styles["Title"]
    assert title.font.size == Pt(22)
    assert title.paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert _style_fonts(word, "Title")["eastAsia"] == "方正小标宋简体"
    assert title.element.pPr.find(qn("w:pBdr")) is None  # the default template's rule is gone


@pytest.mark.parametrize(
    ("level", "font"), [(1, "黑体"), (2, "楷体_GB2312"), (3, "仿宋_GB2312"), (4, "仿宋_GB2312")]
)
def test_heading_fonts_by_level(word, level: int, font: str) -> None:  # type: ignore[no-untyped-def]
    style = word.styles[f"Heading {level}"]
    assert _style_fonts(word, f"Heading {level}")["eastAsia"] == font
    assert style.font.size == Pt(16)
    assert not style.font.bold and not style.font.italic
    assert style.paragraph_format.line_spacing == Pt(28)
    outline = style.element.pPr.find(qn("w:outlineLvl"))
    assert outline.get(qn("w:val")) == str(level - 1)
    headings = [p for p in word.paragraphs if p.style.name == f"Heading {level}"]
    assert headings, f"no level-{level} heading in the sample"
    for paragraph in headings:
        for run in paragraph.runs:
            assert run.element.rPr.rFonts.get(qn("w:eastAsia")) == font


def test_no_theme_font_attribute_anywhere(sample_docx: Path) -> None:
    import zipfile

    with zipfile.ZipFile(sample_docx) as archive:
        for part in ("word/styles.xml", "word/document.xml", "word/footer1.xml"):
            names = archive.namelist()
            if part not in names:
                continue
            xml = archive.read(part).decode("utf-8")
            for attribute in THEME_ATTRIBUTES:
                assert attribute not in xml, f"{attribute} left in {part}"


def test_every_run_names_its_east_asian_font(word) -> None:  # type: ignore[no-untyped-def]
    runs = [r for p in word.paragraphs for r in p.runs if r.text.strip()]
    runs += [
        r for t in word.tables for row in t.rows for c in row.cells for p in c.paragraphs
        for r in p.runs if r.text.strip()
    ]  # fmt: skip
    assert runs
    for run in runs:
        fonts = run.element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")), run.text
        assert fonts.get(qn("w:ascii")) == "Times New Roman", run.text


def test_page_numbers_14pt_em_dashes_outer_side_counted_after_cover(word) -> None:  # type: ignore[no-untyped-def]
    settings = word.settings.element
    assert settings.find(qn("w:evenAndOddHeaders")) is not None
    cover, body = word.sections[0], word.sections[1]
    assert body._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert cover._sectPr.find(qn("w:footerReference")) is None  # no number on the cover
    for footer, side in ((body.footer, "right"), (body.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        xml = paragraph._p.xml
        assert "PAGE" in "".join(t.text for t in paragraph._p.iter(qn("w:instrText")))
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert paragraph.alignment.name.lower() == side
        sizes = {r.font.size for r in paragraph.runs}
        assert sizes == {Pt(14)}
        assert 'w:eastAsia="宋体"' in xml
        indent = (
            paragraph.paragraph_format.right_indent
            if side == "right"
            else (paragraph.paragraph_format.left_indent)
        )
        assert indent == Pt(14)  # one character in from the edge of the text block
    for later in word.sections[2:]:  # attachment sections continue the numbering
        start = later._sectPr.find(qn("w:pgNumType"))
        assert start is None or start.get(qn("w:start")) is None


def _grid_widths(table) -> list[int]:  # type: ignore[no-untyped-def]
    return [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_tables_fixed_layout_widths_on_grid_and_every_cell(word) -> None:  # type: ignore[no-untyped-def]
    assert len(word.tables) >= 3
    for table in word.tables:
        tbl_pr = table._tbl.tblPr
        assert tbl_pr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        grid = _grid_widths(table)
        total = int(tbl_pr.find(qn("w:tblW")).get(qn("w:w")))
        assert abs(sum(grid) - total) <= len(grid)
        blocks = (round(Mm(156) / 635), round(Mm(243) / 635))  # portrait / landscape text block
        assert min(abs(total - block) for block in blocks) <= 2
        for tr in table._tbl.tr_lst:
            column = 0
            for tc in tr.tc_lst:
                span = tc.grid_span
                expected = sum(grid[column : column + span])
                assert abs(int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) - expected) <= span
                column += span
            assert column == len(grid)


def test_table_and_chart_paragraphs_are_not_clipped_by_exact_spacing(word) -> None:  # type: ignore[no-untyped-def]
    def rule(paragraph):  # type: ignore[no-untyped-def]
        spacing = paragraph.paragraph_format.line_spacing_rule
        if spacing is None:
            spacing = paragraph.style.paragraph_format.line_spacing_rule
        return spacing

    exact = docx.enum.text.WD_LINE_SPACING.EXACTLY
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    assert rule(paragraph) != exact
    pictures = [p for p in word.paragraphs if p._p.xpath(".//pic:pic")]
    assert len(pictures) == 3
    for paragraph in pictures:
        assert rule(paragraph) != exact
        assert paragraph.paragraph_format.first_line_indent in (None, 0) or (
            paragraph.style.paragraph_format.first_line_indent in (None, 0)
        )


def test_merged_cells_and_header_row(word) -> None:  # type: ignore[no-untyped-def]
    score = next(t for t in word.tables if t.cell(0, 0).text == "一级指标" and len(t.columns) == 8)
    assert score.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert score.cell(1, 0).text == "产出指标"
    assert score.cell(4, 0)._tc is score.cell(1, 0)._tc  # rowspan 4
    total_row = next(r for r in score.rows if r.cells[0].text == "合计")
    assert total_row.cells[0]._tc is total_row.cells[2]._tc  # colspan 3


def test_wide_attachment_is_landscape_and_the_next_is_portrait(word) -> None:  # type: ignore[no-untyped-def]
    orientations = [s.orientation for s in word.sections]
    assert orientations == [
        WD_ORIENT.PORTRAIT, WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT
    ]  # fmt: skip


def test_every_heading_table_and_chart_caption_is_in_the_document(
    word, sample_document: Document
) -> None:  # type: ignore[no-untyped-def]
    texts = [p.text for p in word.paragraphs]
    for section in sample_document.sections:
        for s in section.walk():
            assert s.heading in texts
    for attachment in sample_document.attachments:
        assert attachment.title in texts
    for table in sample_document.tables():
        assert table.title in texts
    for n, chart in enumerate(sample_document.charts(), 1):
        assert any(t.startswith(f"图{n}") and chart.title in t for t in texts)
    cover = "\n".join(texts)
    assert "部门名称：万载县机关事务管理局" in cover and "评价年度：2021年度" in cover


def test_seed_report_renders(seed_report: Document, tmp_path: Path) -> None:
    path = tmp_path / "seed.docx"
    path.write_bytes(render_docx(seed_report))
    reopened = docx.Document(str(path))
    texts = {p.text for p in reopened.paragraphs}
    for section in seed_report.walk():
        assert section.title in "\n".join(texts)


@settings(max_examples=25, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from('ab中文\r\n\t\x00\x0b<&>"\ud800') | st.characters(), max_size=60
    )
)
def test_any_text_makes_a_valid_docx(text: str) -> None:
    document = Document(
        title=text or "标题",
        subtitle=text,
        cover=Cover(department=text or "部门", year=2021, method=text),
        sections=(
            Section(
                title=text,
                level=1,
                label="一、",
                blocks=(
                    Paragraph(text),
                    Table(title=text, columns=(Column(text),), rows=((Cell(text),),), note=text),
                ),
            ),
        ),
    )
    reopened = docx.Document(io.BytesIO(render_docx(document)))
    # Characters XML cannot carry (NUL, most C0 controls, lone surrogates) are dropped, the rest
    # of the text is kept exactly.
    kept = xml_text_kept(text)
    body = [p.text for p in reopened.paragraphs]
    assert f"一、{kept}" in body
    assert reopened.tables[0].cell(1, 0).text == kept


def xml_text_kept(text: str) -> str:
    import re

    text = text.replace("\r\n", "\n").replace("\r", "\n")  # a line break either way
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]", "", text)


def test_document_properties_name_the_report(word, sample_document: Document) -> None:  # type: ignore[no-untyped-def]
    properties = word.core_properties
    assert properties.title == sample_document.title + sample_document.subtitle
    assert properties.author == sample_document.cover.department
    assert "python-docx" not in (properties.author + properties.last_modified_by)
