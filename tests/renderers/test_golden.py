"""Golden files of the renderers' normalised output (text and structure, not bytes).

Regenerate after an intended change with ``make golden`` (JIXIAO_REGENERATE_GOLDEN=1 ...), then
review ``git diff tests/golden/renderers``.
"""

from __future__ import annotations

import pytest
from golden_support import assert_golden

from jixiao.core.report import Document
from jixiao.renderers import pdf
from jixiao.renderers.docx import render_docx
from jixiao.renderers.html import render_html
from renderers.outline import docx_outline, html_outline


def test_docx_outline_golden(sample_document: Document) -> None:
    assert_golden(docx_outline(render_docx(sample_document)), "renderers/sample.docx.txt")


def test_html_outline_golden(sample_document: Document) -> None:
    assert_golden(html_outline(render_html(sample_document)), "renderers/sample.html.txt")


def test_typst_source_golden(sample_document: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    # Chart geometry is checked by looking at the charts, not here: a stub keeps this file about
    # the document's structure and text.
    monkeypatch.setattr(
        pdf, "chart_markup", lambda chart: f"[{chart.kind}: {' / '.join(chart.categories)}]"
    )
    source, inputs = pdf.typst_source(sample_document)
    listing = "".join(f"// input {key}: svg\n" for key in sorted(inputs))
    assert_golden(listing + source, "renderers/sample.typ")
