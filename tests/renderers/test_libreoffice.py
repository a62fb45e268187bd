"""LibreOffice headless opens the .docx and converts it: proof that it is a valid Word document
that another implementation lays out (with the official names aliased to the open fonts)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jixiao.core.report import Document
from jixiao.renderers.docx import render_docx
from jixiao.renderers.fonts import fontconfig_file
from renderers.conftest import require_tool, run_tool

pytestmark = [pytest.mark.system, pytest.mark.slow]


def _convert(docx_path: Path, out_dir: Path) -> Path:
    soffice = require_tool("soffice")
    env = {
        "FONTCONFIG_FILE": str(fontconfig_file(out_dir / "fonts.conf")),
        "HOME": str(out_dir),  # a private LibreOffice profile: no clash with other runs
    }
    run_tool(
        soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out_dir,
        docx_path, env=env, timeout=180,
    )  # fmt: skip
    pdf = out_dir / (docx_path.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice produced no PDF"
    return pdf


def test_libreoffice_converts_the_seed_docx(seed_report: Document, tmp_path: Path) -> None:
    docx_path = tmp_path / "seed.docx"
    docx_path.write_bytes(render_docx(seed_report))
    pdf = _convert(docx_path, tmp_path)
    info = run_tool("pdfinfo", pdf)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 8
    text = re.sub(r"\s+", "", run_tool("pdftotext", pdf, "-"))
    for section in seed_report.walk():
        assert re.sub(r"\s+", "", section.title) in text
    for figure in ("1462.08", "1679.37", "480.26", "922.03"):
        assert figure in text
    fonts = run_tool("pdffonts", pdf)
    assert "FandolFang" in fonts and "FandolHei" in fonts  # 仿宋_GB2312/黑体 resolved via aliases
    listing = run_tool("pdfimages", "-list", pdf).splitlines()[2:]
    images = [line for line in listing if line.split()[2] == "image"]  # not their soft masks
    charts = seed_report.charts()
    assert charts and len(images) == len(charts)  # every chart picture reached LibreOffice's page
