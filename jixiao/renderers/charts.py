"""Charts of the report model as image files: SVG (HTML) and PNG (Word).

The PDF draws charts inline (``typst_charts.py``); Word needs a picture and the HTML view an
inline SVG. Both are made here from the same Typst drawing, so a chart looks the same in every
format and uses the project's fonts (no missing glyphs, nothing fetched). Set
``JIXIAO_CHART_BACKEND=matplotlib`` to draw them with matplotlib instead (``mpl_charts.py``).

Results are cached by chart value: the DOCX and HTML of one report share the drawing.
"""

from __future__ import annotations

import os
from functools import lru_cache

from jixiao.core.report import Chart

PNG_PPI = 200.0  # 154 mm wide → about 1200 px: sharp in print
BACKENDS = ("typst", "matplotlib")


def backend() -> str:
    name = os.environ.get("JIXIAO_CHART_BACKEND", "typst")
    if name not in BACKENDS:
        raise ValueError(
            f"JIXIAO_CHART_BACKEND 应为 {'、'.join(BACKENDS)} / expected one of {BACKENDS}: {name!r}"
        )
    return name


@lru_cache(maxsize=64)
def _typst_image(chart: Chart, fmt: str) -> bytes:
    from jixiao.renderers.typst_charts import standalone_source
    from jixiao.renderers.typst_engine import compile_typst

    return compile_typst(standalone_source(chart), fmt=fmt, ppi=PNG_PPI if fmt == "png" else None)


def chart_svg(chart: Chart) -> bytes:
    """The chart as a standalone SVG document (text drawn as glyph outlines)."""
    if backend() == "matplotlib":
        from jixiao.renderers import mpl_charts

        return mpl_charts.chart_svg(chart)
    return _typst_image(chart, "svg")


def chart_png(chart: Chart) -> bytes:
    """The chart as a PNG image."""
    if backend() == "matplotlib":
        from jixiao.renderers import mpl_charts

        return mpl_charts.chart_png(chart)
    return _typst_image(chart, "png")


def clear_cache() -> None:
    """Forget drawn charts (benchmarks clear it to time the drawing too)."""
    from jixiao.renderers import mpl_charts

    _typst_image.cache_clear()
    mpl_charts.chart_images.cache_clear()
