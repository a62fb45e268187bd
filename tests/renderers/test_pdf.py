"""The PDF, checked with poppler: fonts embedded and the mapped ones, every figure of the seed in
its text, page 1 rasterised, and every character of the report covered by the fonts used."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from jixiao.core.report import Document
from jixiao.renderers import fonts
from jixiao.renderers.pdf import PdfRenderError, render_pdf, typst_source
from renderers.conftest import require_tool, run_tool
from renderers.sample import SEED_FIGURES

pytestmark = pytest.mark.system

ALLOWED_FONTS = re.compile(
    r"^[A-Z]{6}\+(FandolFang|FandolKai|FandolHei|FandolSong|NotoSerifCJKsc|NotoSansCJKsc"
    r"|LibertinusSerif)-"
)


def _flat(text: str) -> str:
    """pdftotext output without line breaks, spaces and zero-width characters."""
    return re.sub(r"[\s\u200b\u2060]+", "", text)


def pdf_fonts(path: Path) -> list[tuple[str, str]]:
    """(font name, embedded yes/no) of every font in the PDF."""
    require_tool("pdffonts")
    lines = run_tool("pdffonts", path).splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID: emb is the 5th field from the end
        rows.append((parts[0], parts[-5]))
    return rows


def test_all_fonts_embedded_and_only_the_mapped_ones(seed_pdf: Path) -> None:
    rows = pdf_fonts(seed_pdf)
    assert rows
    for name, embedded in rows:
        assert embedded == "yes", name
        assert ALLOWED_FONTS.match(name), f"unexpected (fallback?) font {name}"
    names = " ".join(name for name, _ in rows)
    for family in ("FandolFang", "FandolHei", "FandolKai", "NotoSerifCJKsc-Bold"):
        assert family in names


def test_every_figure_heading_and_table_of_the_seed_is_in_the_text(
    seed_pdf: Path, seed_report: Document
) -> None:
    require_tool("pdftotext")
    text = _flat(run_tool("pdftotext", seed_pdf, "-"))
    missing = [figure for figure in SEED_FIGURES if figure not in text]
    assert not missing, missing
    for section in seed_report.walk():
        assert _flat(section.title) in text, section.title
    for table in seed_report.tables():
        assert _flat(table.title) in text
        for row in table.rows:
            for cell in row:
                if len(cell.text) <= 6:  # longer cells wrap, and pdftotext interleaves columns
                    assert _flat(cell.text) in text, cell.text
    # Nothing is lost: every character of the report occurs in the PDF at least as often.
    wanted = Counter(_flat("".join(_all_texts(seed_report))))
    found = Counter(text)
    short = {c: n - found[c] for c, n in wanted.items() if found[c] < n}
    assert not short, short


def test_page_numbers_and_outline(sample_pdf: Path, sample_document: Document) -> None:
    require_tool("pdftotext")
    page2 = run_tool("pdftotext", "-f", "2", "-l", "2", "-layout", sample_pdf, "-")
    assert re.search(r"—\s*1\s*—", page2)
    cover = run_tool("pdftotext", "-f", "1", "-l", "1", sample_pdf, "-")
    assert "—" not in cover  # no page number on the cover
    assert "部门名称" in cover and "万载县机关事务管理局" in cover
    info = run_tool("pdfinfo", sample_pdf)
    assert "A4" in info
    text = _flat(run_tool("pdftotext", sample_pdf, "-"))
    for section in sample_document.walk():
        assert _flat(section.heading) in text
    for n, chart in enumerate(sample_document.charts(), 1):
        # the caption is one line, but pdftotext may read chart labels in between
        assert f"图{n}" in text and _flat(chart.title) in text


def test_awkward_characters_print_as_text(sample_pdf: Path) -> None:
    require_tool("pdftotext")
    text = _flat(run_tool("pdftotext", sample_pdf, "-"))
    assert _flat("注：*估算*含<税>&#1$5\\n_下划_@ref[链接]`代码`=~//〔2022〕") in text


def _covered_by(chars: set[str], font: fonts.OpenFont) -> set[str]:
    from fontTools.ttLib import TTCollection, TTFont

    path = fonts.font_path(font)
    if path.suffix == ".ttc":
        face = TTCollection(str(path), lazy=True).fonts[font.index]
    else:
        face = TTFont(str(path), lazy=True)
    cmap = face.getBestCmap()
    return {c for c in chars if ord(c) in cmap}


def _all_texts(document: Document, *, charts: bool = False) -> list[str]:
    from jixiao.core.report import Chart

    texts = [document.title, document.subtitle, document.cover.department, document.cover.method]
    for section in document.walk():
        texts.append(section.heading)
        for block in section.blocks:
            if charts or not isinstance(block, Chart):
                texts.extend(_block_texts(block))
    return texts


def _document_characters(document: Document) -> set[str]:
    texts = _all_texts(document, charts=True)
    return {c for c in "".join(texts) if not c.isspace() and c not in "\u200b\u2060"}


def _block_texts(block: object) -> list[str]:
    from jixiao.core.report import Chart, Paragraph, Table

    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, Table):
        cells = [c.text for row in block.rows for c in row]
        return [block.title, block.note or "", *(c.header for c in block.columns), *cells]
    if isinstance(block, Chart):
        return [block.title, block.unit, *block.categories, *(s.name for s in block.series)]
    return []


@pytest.mark.parametrize("which", ["seed_report", "sample_document"])
def test_every_character_is_covered_by_the_fonts_in_use(
    which: str, request: pytest.FixtureRequest
) -> None:
    """Body text falls back Fandol → Noto Serif CJK; headings/captions Fandol → Noto Sans CJK.
    Each character must be in the Latin face, the primary face or its declared fallback."""
    document = request.getfixturevalue(which)
    chars = _document_characters(document)
    latin = {c for c in chars if ord(c) < 0x2E80 and c not in "—“”‘’…、。，：；！？（）《》〔〕"}
    for primary, fallback in (
        (fonts.FANG, fonts.FALLBACK_SERIF),
        (fonts.HEI, fonts.FALLBACK_SANS),
        (fonts.KAI, fonts.FALLBACK_SERIF),
    ):
        covered = _covered_by(chars, primary) | _covered_by(chars, fallback)
        uncovered = sorted(chars - covered - latin)
        assert not uncovered, f"{primary.family}: no glyph for {uncovered}"
    assert not (_covered_by(latin, fonts.NOTO_SERIF) ^ latin) - set("\u2028")


def test_page_one_rasterises_with_ink(sample_pdf: Path, tmp_path: Path) -> None:
    require_tool("pdftoppm")
    run_tool("pdftoppm", "-r", "50", "-f", "2", "-l", "2", "-png", sample_pdf, tmp_path / "page")
    (image_path,) = tmp_path.glob("page*.png")
    from PIL import Image

    image = Image.open(image_path).convert("L")
    assert image.size == (414, 585)  # A4 at 50 dpi
    dark = sum(image.histogram()[:128])
    assert dark > 2_000  # text is drawn, not blank or tofu-only
    # The text block starts 37 mm from the top and 28 mm from the left: nothing above or left of it.
    margin = image.crop((0, 0, 414, int(37 / 25.4 * 50) - 8))
    assert margin.getextrema()[0] > 200


def test_pdf_a_option(sample_document: Document, tmp_path: Path) -> None:
    data = render_pdf(sample_document, pdf_a=True)
    assert b"pdfaid:part" in data or b"pdfaid:part=" in data
    path = tmp_path / "a.pdf"
    path.write_bytes(data)
    for _name, embedded in pdf_fonts(path):
        assert embedded == "yes"


def test_charts_are_drawn_inline_with_searchable_text(
    sample_document: Document, sample_pdf: Path
) -> None:
    source, inputs = typst_source(sample_document)
    assert inputs == {} and "<svg" not in source and "image(" not in source
    text = _flat(run_tool("pdftotext", sample_pdf, "-"))
    for chart in sample_document.charts():
        for category in chart.categories:
            assert _flat(category) in text  # chart labels are real text in the PDF


class _RustPanic(BaseException):
    """What pyo3 raises when the Rust library panics: a BaseException, not an Exception."""


class _PanickingCompiler:
    def compile(self, *args: object, **kwargs: object) -> bytes:
        raise _RustPanic("internal error: entered unreachable code")


def test_a_panic_inside_typst_is_a_render_error(
    sample_document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jixiao.renderers import typst_engine

    monkeypatch.setattr(typst_engine, "_compiler", _PanickingCompiler)
    with pytest.raises(PdfRenderError, match="unreachable") as caught:
        render_pdf(sample_document)
    assert isinstance(caught.value, Exception)  # every `except Exception` handler now sees it
