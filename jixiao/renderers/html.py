"""The HTML print view of a report Document: one standalone page (CSS and charts inline).

For the browser and the public portal: no CDN, no web font, nothing fetched; printing it gives A4
pages with the official margins. Charts are inline SVG (text drawn as paths), each followed by its
data as a table for screen readers and for search.

All styling is in the one ``<style>`` element (column widths too, as classes), with no ``style``
attribute and no script, so the web can serve the page under a Content-Security-Policy that allows
exactly that stylesheet by its hash (``jixiao.web.evaluations.reports.style_sources``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from jixiao.core.report import Block, Chart, Document, Paragraph, Section, Table
from jixiao.renderers.charts import chart_svg
from jixiao.renderers.common import (
    attachment_label,
    chart_value_text,
    column_percentages,
    cover_lines,
    needs_landscape,
)

_SVG_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_SVG_ID = re.compile(r'\bid="([^"]+)"')


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("jixiao.renderers", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=False,
        lstrip_blocks=False,
    )
    return env


@cache
def _css() -> str:
    return (resources.files("jixiao.renderers") / "templates" / "report.css").read_text("utf-8")


def inline_svg(svg: bytes, prefix: str) -> Markup:
    """An SVG document made fit to inline: no XML prologue, ids made unique with *prefix*."""
    text = _SVG_PROLOGUE.sub("", svg.decode("utf-8"), count=1)
    ids = set(_SVG_ID.findall(text))
    for old in sorted(ids, key=len, reverse=True):
        new = f"{prefix}-{old}"
        text = text.replace(f'id="{old}"', f'id="{new}"')
        text = text.replace(f"url(#{old})", f"url(#{new})")
        text = text.replace(f'href="#{old}"', f'href="#{new}"')
    return Markup(text)


def _view(block: Block, chart_numbers: Iterator[int]) -> dict[str, Any]:
    """What the template needs of one block (computed here, so the template holds no logic)."""
    if isinstance(block, Paragraph):
        return {"kind": "paragraph", "text": block.text, "style": block.style}
    if isinstance(block, Table):
        aligns = [c.align.value for c in block.columns]
        rows = []
        for row in block.rows:
            cells, column = [], 0
            for cell in row:
                cells.append({**cell.__dict__, "align": aligns[min(column, len(aligns) - 1)]})
                column += cell.colspan
            rows.append(cells)
        return {
            "kind": "table",
            "title": block.title,
            "key": block.key,
            "columns": block.columns,
            "widths": [width_class(w) for w in column_percentages(block)],
            "rows": rows,
            "note": block.note,
        }
    if isinstance(block, Chart):
        number = next(chart_numbers)
        data_rows = [
            [category, *(chart_value_text(s.values[i], block.unit) for s in block.series)]
            for i, category in enumerate(block.categories)
        ]
        return {
            "kind": "chart",
            "title": block.title,
            "number": number,
            "key": block.key,
            "unit": block.unit,
            "series": block.series,
            "data_rows": data_rows,
            "svg": inline_svg(chart_svg(block), f"chart{number}"),
        }
    raise TypeError(f"unknown block type {type(block).__name__}")


def _section_view(section: Section, counter: Iterator[int]) -> dict[str, Any]:
    return {
        "heading": section.heading,
        "title": section.title,
        "level": section.level,
        "tag": f"h{min(section.level + 1, 6)}",
        "key": section.key,
        "blocks": [_view(block, counter) for block in section.blocks],
        "children": [_section_view(child, counter) for child in section.children],
    }


def render_html(document: Document) -> str:
    """The whole report as one HTML page."""
    counter = itertools.count(1)
    sections = [_section_view(s, counter) for s in document.sections]
    attachments = [
        {
            "label": attachment_label(section, n),
            "anchor": f"attachment-{n}",
            "wide": needs_landscape(section),
            "section": _section_view(section, counter),
        }
        for n, section in enumerate(document.attachments, 1)
    ]
    template = _environment().get_template("report.html.j2")
    page = template.render(
        doc=document,
        sections=sections,
        attachments=attachments,
        cover_lines=cover_lines(document),
        css=Markup(_css() + _width_rules(document)),
    )
    return page.lstrip() + ("" if page.endswith("\n") else "\n")


def width_class(percent: float) -> str:
    """The class of a table column *percent* wide: ``w12_5`` for 12.5 %."""
    return "w" + f"{percent:g}".replace(".", "_")


def _width_rules(document: Document) -> str:
    """One CSS rule per column width the document's tables use (``col.w12_5{width:12.5%}``)."""
    widths = sorted(
        {
            w
            for section in document.walk()
            for b in section.blocks
            if isinstance(b, Table)
            for w in column_percentages(b)
        }
    )
    return "".join(f"\ncol.{width_class(w)}{{width:{w:g}%}}" for w in widths)
