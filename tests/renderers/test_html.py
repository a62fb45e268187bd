"""The HTML print view: standalone (nothing fetched), every heading and figure, text escaped."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from jixiao.core.report import Document
from jixiao.renderers.html import render_html
from renderers.sample import AWKWARD, SEED_FIGURES, original_headings


def test_standalone_page_fetches_nothing(sample_document: Document) -> None:
    page = render_html(sample_document)
    assert page.startswith("<!DOCTYPE html>")
    assert "<link" not in page and "<script" not in page and "@import" not in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert not re.search(r"url\((['\"])?(https?:)?//", page)
    assert "@page" in page and "37mm 26mm 35mm 28mm" in page  # print stylesheet, official margins


def test_every_heading_table_and_chart_is_present(sample_document: Document) -> None:
    page = render_html(sample_document)
    for section in sample_document.walk():
        assert f">{section.heading}<" in page or f">{section.title}<" in page
    for table in sample_document.tables():
        assert table.title in page
        for row in table.rows:
            for cell in row:
                assert f">{cell.text}<" in page.replace("&#34;", '"') or "&" in cell.text
    assert page.count("<svg") == len(sample_document.charts())
    for n, chart in enumerate(sample_document.charts(), 1):
        assert f"图{n}　{chart.title}" in page


def test_text_is_escaped(sample_document: Document) -> None:
    page = render_html(sample_document)
    assert "含 &lt;税&gt; &amp; #1" in page
    assert "<税>" not in page
    assert AWKWARD not in page  # only its escaped form


def test_inline_svgs_have_unique_ids_and_parse(sample_document: Document) -> None:
    page = render_html(sample_document)
    svgs = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    ids: list[str] = []
    for svg in svgs:
        ElementTree.fromstring(svg)
        ids += re.findall(r'\bid="([^"]+)"', svg)
    assert len(ids) == len(set(ids))


def test_seed_report_html(seed_report: Document) -> None:
    page = render_html(seed_report)
    for section in seed_report.walk():
        assert section.title in page
    for figure in ("1462.08", "1679.37", "480.26", "在职人数20人"):
        assert figure in page


def test_seed_html_has_every_heading_and_figure_of_the_published_report(
    seed_report: Document,
) -> None:
    text = re.sub(r"<[^>]+>", "", render_html(seed_report))
    headings = original_headings()
    assert len(headings) >= 15  # 一 to 四 with every subsection, as published
    missing = [h for h in headings if h not in text]
    assert not missing, missing
    missing = [f for f in SEED_FIGURES if f not in text]
    assert not missing, missing


def test_wide_attachment_prints_on_landscape_pages(sample_document: Document) -> None:
    page = render_html(sample_document)
    assert "@page wide" in page and "landscape" in page
    assert page.count('class="attachment wide"') == 1  # the 8-column score table
    assert page.count('class="attachment"') == 1  # the 4-column target table


def test_styles_live_in_the_one_stylesheet(sample_document: Document) -> None:
    """No style attribute (the web serves the page allowing only its <style>, by hash)."""
    page = render_html(sample_document)
    assert " style=" not in page and page.count("<style>") == 1
    widths = set(re.findall(r'<col class="(w[0-9_]+)">', page))
    assert widths  # every table's column widths, as classes ...
    for name in widths:  # ... each defined in the stylesheet
        percent = name[1:].replace("_", ".")
        assert f"col.{name}{{width:{percent}%}}" in page
