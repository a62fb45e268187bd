"""Charts drawn with matplotlib (Agg): the alternative chart backend (``JIXIAO_CHART_BACKEND=matplotlib``).

The default backend is Typst (``typst_charts.py``), ~10x faster; this one stays for sites that
prefer matplotlib's look and as a cross-check.

Labels are Chinese, so the CJK font files of the project (see ``fonts.py``) are registered with
matplotlib's font manager by path: no system font lookup, no missing glyph boxes. Text in the SVG
is converted to paths, so the SVG shows the same glyphs wherever it is opened, offline.
"""

from __future__ import annotations

import io
import threading
from decimal import Decimal
from functools import cache, lru_cache

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager
from matplotlib.figure import Figure

from jixiao.core.report import Chart
from jixiao.renderers import fonts
from jixiao.renderers.common import chart_value_text

WIDTH_IN = 6.0  # fits the 156 mm text block with a margin
HEIGHT_IN = 3.0
PNG_DPI = 150  # 6 in × 150 = 900 px: 152 dpi when printed 150 mm wide
PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#bf9000", "#a5a5a5")

_lock = threading.Lock()  # matplotlib is not thread-safe


@cache
def chart_font_families() -> tuple[str, ...]:
    """Register the chart fonts with matplotlib by file and return their family names."""
    families = []
    for font in (fonts.HEI, fonts.FALLBACK_SANS):
        path = fonts.font_path(font)
        font_manager.fontManager.addfont(str(path))
        families.append(font_manager.FontProperties(fname=str(path)).get_name())
    return tuple(families)


def _rc() -> dict[str, object]:
    return {
        "font.family": list(chart_font_families()),
        "axes.unicode_minus": False,  # the Unicode minus is missing from many CJK fonts
        "svg.fonttype": "path",
        "svg.hashsalt": "jixiao",  # stable ids: the same chart gives the same SVG
        "font.size": 10,
    }


def _number(value: Decimal | None) -> float:
    # Charts are the one place where a float is right: a bar's length, never a stated figure.
    return 0.0 if value is None else float(value)


def _label(value: Decimal | None, unit: str) -> str:
    return chart_value_text(value, unit)


def _draw(chart: Chart) -> Figure:
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN))
    axes = figure.add_subplot()
    if chart.kind == "pie":
        _draw_pie(axes, chart)
    else:
        _draw_bars(axes, chart)
    # No title inside the picture: every renderer captions the chart in text ("图1　…"), so the
    # title is searchable and styled like the document's other captions.
    # Fixed margins instead of tight_layout: it lays the text out twice and costs half the time.
    if chart.kind == "pie":
        figure.subplots_adjust(left=0.02, right=0.48, top=0.96, bottom=0.04)
    else:
        figure.subplots_adjust(left=0.1, right=0.98, top=0.95, bottom=0.2)
    return figure


def _draw_pie(axes, chart: Chart) -> None:  # type: ignore[no-untyped-def]
    """A pie with a legend (name, amount, share): small slices keep readable labels."""
    series = chart.series[0]
    pairs = [(c, v) for c, v in zip(chart.categories, series.values, strict=False) if v]
    values = [_number(v) for _, v in pairs]
    total = sum(values) or 1.0
    wedges, _texts, _autotexts = axes.pie(
        values,
        colors=PALETTE[: len(values)],
        autopct=lambda pct: f"{pct:.1f}%" if pct >= 5 else "",
        startangle=90,
        counterclock=False,
        pctdistance=0.7,
        textprops={"fontsize": 9, "color": "white"},
        wedgeprops={"linewidth": 1, "edgecolor": "white"},
    )
    unit = chart.unit
    labels = [f"{c}  {_label(v, unit)}{unit}（{_number(v) * 100 / total:.1f}%）" for c, v in pairs]
    axes.legend(
        wedges, labels, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=9
    )
    axes.axis("equal")


def _draw_bars(axes, chart: Chart) -> None:  # type: ignore[no-untyped-def]
    count = len(chart.series) or 1
    width = 0.8 / count
    positions = range(len(chart.categories))
    for index, series in enumerate(chart.series):
        offset = (index - (count - 1) / 2) * width
        xs = [p + offset for p in positions]
        bars = axes.bar(
            xs,
            [_number(v) for v in series.values],
            width=width * 0.9,
            label=series.name,
            color=PALETTE[index % len(PALETTE)],
        )
        axes.bar_label(
            bars, labels=[_label(v, chart.unit) for v in series.values], fontsize=8, padding=2
        )
    axes.set_xticks(list(positions), list(chart.categories), fontsize=9)
    if any(len(c) > 6 for c in chart.categories) or len(chart.categories) > 6:
        for tick in axes.get_xticklabels():
            tick.set_rotation(20)
            tick.set_horizontalalignment("right")
    if chart.unit:
        axes.set_ylabel(chart.unit)
    axes.spines[["top", "right"]].set_visible(False)
    axes.margins(y=0.15)
    if len(chart.series) > 1:
        axes.legend(fontsize=9, frameon=False)


@lru_cache(maxsize=32)
def chart_images(chart: Chart, dpi: int = PNG_DPI) -> tuple[bytes, bytes]:
    """The chart drawn once and saved as (SVG, PNG).

    Cached by value (a Chart is frozen and hashable): the DOCX and the PDF of one report, made
    in the same process, share one drawing, and so do identical charts across reports.
    """
    with _lock, matplotlib.rc_context(_rc()):  # type: ignore[arg-type]
        figure = _draw(chart)
        svg, png = io.BytesIO(), io.BytesIO()
        figure.savefig(svg, format="svg", metadata={"Date": None})
        figure.savefig(
            png,
            format="png",
            dpi=dpi,
            metadata={"Software": None},
            pil_kwargs={"compress_level": 1},
        )
    return svg.getvalue(), png.getvalue()


def chart_svg(chart: Chart) -> bytes:
    """The chart as a standalone SVG document (text as paths)."""
    return chart_images(chart)[0]


def chart_png(chart: Chart) -> bytes:
    """The chart as a PNG image."""
    return chart_images(chart)[1]
