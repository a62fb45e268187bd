"""Charts of the report model as Typst markup: drawn by the same engine and fonts as the PDF.

The PDF embeds the markup directly (vector shapes, real text that can be searched and copied);
``charts.py`` compiles the same markup alone to PNG (for Word) and SVG (for HTML). Geometry is
computed here in millimetres (floats are right for lengths; the figures printed on the chart are
the model's own Decimal values as text). All text goes through ``typst_string``.

Measured on the seed (BENCHMARKS.md): a chart costs ~4 ms as SVG and ~11 ms as PNG this way,
against ~50 ms and ~75 ms with matplotlib; matplotlib remains available (``mpl_charts.py``).
"""

from __future__ import annotations

import math
from decimal import Decimal

from jixiao.core.report import Chart
from jixiao.renderers.common import chart_value_text
from jixiao.renderers.typst_text import typst_string

WIDTH = 150.0  # mm: the chart's width in the 156 mm text block
BAR_HEIGHT = 66.0
PIE_HEIGHT = 62.0
PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#bf9000", "#7f7f7f")
CHART_FONT = '((name: "Noto Sans CJK SC", covers: "latin-in-cjk"), "FandolHei", "Noto Sans CJK SC")'


def _mm(value: float) -> str:
    return f"{value:.2f}mm"


def _num(value: Decimal | None) -> float:
    return 0.0 if value is None else float(value)


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5, 5 × 10^k) giving at most *ticks* intervals over *span*."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * power >= raw:
            return factor * power
    return 10.0 * power


def _tick_text(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _place(x: float, y: float, body: str) -> str:
    return f"place(top + left, dx: {_mm(x)}, dy: {_mm(y)}, {body})"


def _label(x: float, y: float, width: float, text: str, size: str, align: str = "center") -> str:
    body = f"box(width: {_mm(width)}, align({align}, text(size: {size}, {typst_string(text)})))"
    return _place(x, y, body)


def _legend(names: list[str], x: float, y: float, row: float = 5.0, size: str = "8pt") -> list[str]:
    items = []
    for n, name in enumerate(names):
        top = y + n * row
        color = PALETTE[n % len(PALETTE)]
        items.append(_place(x, top + 0.6, f'rect(width: 3mm, height: 3mm, fill: rgb("{color}"))'))
        items.append(_label(x + 4.5, top, WIDTH - x - 5, name, size, "left"))
    return items


def _legend_row(names: list[str], right: float, y: float, size: str = "8pt") -> list[str]:
    """A one-line legend ending at *right* (for bar charts, above the plot)."""
    widths = [4.5 + 3.2 * len(name) + 4.0 for name in names]  # square, CJK text at 8pt, gap
    x = right - sum(widths)
    items = []
    for n, (name, width) in enumerate(zip(names, widths, strict=True)):
        color = PALETTE[n % len(PALETTE)]
        items.append(_place(x, y + 0.6, f'rect(width: 3mm, height: 3mm, fill: rgb("{color}"))'))
        items.append(_label(x + 4.5, y, width, name, size, "left"))
        x += width
    return items


def bar_markup(chart: Chart) -> str:
    """Vertical bars (one series) or grouped bars (several), with gridlines and value labels."""
    series = chart.series or ()
    values = [_num(v) for s in series for v in s.values]
    low, high = min([0.0, *values]), max([0.0, *values])
    step = nice_step((high - low) * 1.12 or 1.0)
    top_value = math.ceil(high * 1.12 / step) * step if high > 0 else 0.0
    bottom_value = math.floor(low * 1.12 / step) * step if low < 0 else 0.0
    left, right = 16.0, WIDTH - 2.0
    top, bottom = 8.0, BAR_HEIGHT - 11.0
    span = (top_value - bottom_value) or 1.0

    def y_of(value: float) -> float:
        return bottom - (value - bottom_value) / span * (bottom - top)

    parts: list[str] = []
    if chart.unit:
        parts.append(_label(0, top - 5.5, 40, f"单位：{chart.unit}", "7.5pt", "left"))
    tick = bottom_value
    while tick <= top_value + step / 1000:
        y = y_of(tick)
        parts.append(
            _place(left, y, f"line(length: {_mm(right - left)}, stroke: 0.3pt + luma(200))")
        )
        parts.append(_label(0, y - 1.8, left - 1.5, _tick_text(tick), "7.5pt", "right"))
        tick += step
    parts.append(_place(left, y_of(0), f"line(length: {_mm(right - left)}, stroke: 0.6pt)"))
    slot = (right - left) / max(len(chart.categories), 1)
    group = slot * 0.72
    bar = group / max(len(series), 1)
    for i, category in enumerate(chart.categories):
        x0 = left + i * slot + (slot - group) / 2
        for k, one in enumerate(series):
            value = one.values[i] if i < len(one.values) else None
            v = _num(value)
            y_top, y_base = min(y_of(v), y_of(0)), max(y_of(v), y_of(0))
            x = x0 + k * bar
            color = PALETTE[k % len(PALETTE)]
            if value is not None:
                height = max(y_base - y_top, 0.2)
                parts.append(
                    _place(x + bar * 0.06, y_top,
                           f'rect(width: {_mm(bar * 0.88)}, height: {_mm(height)}, fill: rgb("{color}"))')
                )  # fmt: skip
            label_y = (y_top - 3.6) if v >= 0 else (y_base + 0.5)
            parts.append(
                _label(x - 2, label_y, bar + 4, chart_value_text(value, chart.unit), "7pt")
            )
        parts.append(_label(left + i * slot, bottom + 1.5, slot, category, "8pt"))
    if len(series) > 1:
        parts.extend(_legend_row([s.name for s in series], right, 0.0))
    return _canvas(BAR_HEIGHT, parts)


def pie_markup(chart: Chart) -> str:
    """A pie with a legend giving each part's amount and share (small slices stay readable)."""
    one = chart.series[0] if chart.series else None
    pairs = [(c, v) for c, v in zip(chart.categories, one.values if one else (), strict=False) if v]
    total = sum(_num(v) for _, v in pairs) or 1.0
    radius, cx, cy = 27.0, 32.0, PIE_HEIGHT / 2
    parts: list[str] = []
    angle = -90.0  # start at twelve o'clock, clockwise
    for n, (_, value) in enumerate(pairs):
        share = _num(value) / total
        sweep = 360.0 * share
        steps = max(int(sweep / 3), 1)
        points = [(cx, cy)] + [
            (
                cx + radius * math.cos(math.radians(angle + sweep * s / steps)),
                cy + radius * math.sin(math.radians(angle + sweep * s / steps)),
            )
            for s in range(steps + 1)
        ]
        vertices = ", ".join(f"({_mm(x)}, {_mm(y)})" for x, y in points)
        color = PALETTE[n % len(PALETTE)]
        parts.append(
            _place(0, 0, f'polygon(fill: rgb("{color}"), stroke: white + 0.6pt, {vertices})')
        )
        if share >= 0.05:
            middle = math.radians(angle + sweep / 2)
            x = cx + radius * 0.62 * math.cos(middle)
            y = cy + radius * 0.62 * math.sin(middle)
            parts.append(
                _place(x - 8, y - 1.8,
                       f'box(width: 16mm, align(center, text(size: 8pt, fill: white, "{share * 100:.1f}%")))')
            )  # fmt: skip
        angle += sweep
    names = [
        f"{c}　{chart_value_text(v, chart.unit)}{chart.unit}（{_num(v) * 100 / total:.1f}%）"
        for c, v in pairs
    ]
    start = cy - len(names) * 6.0 / 2
    parts.extend(_legend(names, 68.0, start, row=6.0, size="8.5pt"))
    return _canvas(PIE_HEIGHT, parts)


def _canvas(height: float, parts: list[str]) -> str:
    body = "\n    ".join(parts)
    return (
        f"box(width: {_mm(WIDTH)}, height: {_mm(height)}, {{\n"
        f'  set text(font: {CHART_FONT}, top-edge: "cap-height", bottom-edge: "baseline",'
        f" cjk-latin-spacing: none)\n"
        f"  set par(first-line-indent: 0pt, justify: false, leading: 0.35em)\n"
        f"    {body}\n}})"
    )


def chart_markup(chart: Chart) -> str:
    """The chart as a Typst expression (a fixed-size box), for ``#…`` in a document."""
    return pie_markup(chart) if chart.kind == "pie" else bar_markup(chart)


def standalone_source(chart: Chart) -> str:
    """A one-chart Typst document (for PNG and SVG export)."""
    return (
        f"#set page(width: {_mm(WIDTH + 4)}, height: auto, margin: 2mm, fill: white)\n"
        f'#set text(lang: "zh", region: "cn")\n'
        f"#{chart_markup(chart)}\n"
    )
