"""Font mapping, the missing-font message, and charts drawn with the project's CJK fonts."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from xml.etree import ElementTree

import pytest

from jixiao.renderers import charts, fonts, mpl_charts
from jixiao.renderers.typst_charts import nice_step
from renderers.sample import assets_chart, budget_chart, indicator_chart


def test_every_official_name_maps_to_an_installed_open_font() -> None:
    for name in ("仿宋_GB2312", "楷体_GB2312", "黑体", "宋体", "方正小标宋简体"):
        path = fonts.official_font_path(name)
        assert path.is_file() and path.stat().st_size > 1_000_000, name
    assert fonts.open_font_for("仿宋_GB2312").family == "FandolFang R"
    assert fonts.open_font_for("黑体").family == "FandolHei"


def test_unknown_official_name_is_a_clear_error() -> None:
    with pytest.raises(fonts.FontMissingError, match=r"未知的公文字体名称.*华文行楷"):
        fonts.open_font_for("华文行楷")


def test_missing_font_names_the_font_and_the_setup_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "candidate_dirs", lambda: [tmp_path])
    fonts.font_path.cache_clear()
    try:
        with pytest.raises(fonts.FontMissingError) as caught:
            fonts.font_path(fonts.KAI)
    finally:
        fonts.font_path.cache_clear()
    message = str(caught.value)
    assert "FandolKai" in message and "scripts/system/20-fonts-docs.sh" in message
    assert "缺少字体" in message


def test_font_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIXIAO_FONT_DIR", str(tmp_path))
    assert fonts.candidate_dirs()[0] == tmp_path


def _drawn_without_missing_glyphs(draw) -> bytes:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = draw()
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not missing, missing
    return data


CHARTS = [budget_chart, indicator_chart, assets_chart]


@pytest.fixture(params=["typst", "matplotlib"])
def chart_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("JIXIAO_CHART_BACKEND", request.param)
    return str(request.param)


@pytest.mark.parametrize("make_chart", CHARTS)
def test_chart_svg_is_valid_xml_with_text_drawn_as_outlines(make_chart, chart_backend: str) -> None:  # type: ignore[no-untyped-def]
    chart = make_chart()
    svg = _drawn_without_missing_glyphs(lambda: charts.chart_svg(chart))
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg")
    assert b"<text" not in svg  # glyphs as outlines: no font needed where it is opened
    charts.clear_cache()
    assert svg == charts.chart_svg(chart)  # deterministic output


@pytest.mark.parametrize("make_chart", CHARTS)
def test_chart_png_is_a_png(make_chart, chart_backend: str) -> None:  # type: ignore[no-untyped-def]
    png = _drawn_without_missing_glyphs(lambda: charts.chart_png(make_chart()))
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000


def test_png_is_wide_enough_to_print_sharp() -> None:
    from PIL import Image

    image = Image.open(io.BytesIO(charts.chart_png(indicator_chart())))
    assert image.size[0] >= 1000  # ≥ 160 dpi at 150 mm


def test_unknown_backend_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIXIAO_CHART_BACKEND", "excel")
    with pytest.raises(ValueError, match="JIXIAO_CHART_BACKEND"):
        charts.chart_png(indicator_chart())


@pytest.mark.parametrize(
    ("span", "step"), [(1.0, 0.2), (10.0, 2.0), (112.0, 25.0), (2000.0, 500.0), (0.0, 1.0)]
)
def test_nice_steps(span: float, step: float) -> None:
    assert nice_step(span) == step


def test_matplotlib_chart_fonts_are_the_project_fonts() -> None:
    assert mpl_charts.chart_font_families()[0] == "FandolHei"
