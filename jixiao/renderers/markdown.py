"""Markdown rendering of the report model (for review in plain text, diffs and golden files).

Headings keep the official numbering labels; tables become pipe tables; a chart becomes a
small table of its data (Markdown has no charts), so no figure is lost.
"""

from __future__ import annotations

from jixiao.core.report import Chart, Document, Paragraph, Section, Table
from jixiao.renderers.common import chart_value_text


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def table_lines(table: Table) -> list[str]:
    lines = [f"**{table.title}**", ""]
    lines.append("| " + " | ".join(_cell(c.header) for c in table.columns) + " |")
    lines.append("|" + "|".join(" --- " for _ in table.columns) + "|")
    for row in table.rows:
        cells = []
        for cell in row:
            text = _cell(cell.text)
            cells.append(f"[{text}]({cell.link})" if cell.link else text)
            cells.extend("" for _ in range(cell.colspan - 1))
        lines.append("| " + " | ".join(cells) + " |")
    if table.note:
        lines += ["", f"注：{table.note}"]
    return [*lines, ""]


def chart_lines(chart: Chart) -> list[str]:
    header = "| 项目 | " + " | ".join(_cell(s.name) for s in chart.series) + " |"
    lines = [
        f"**图：{chart.title}**（单位：{chart.unit}）",
        "",
        header,
        "|" + " --- |" * (len(chart.series) + 1),
    ]
    for n, category in enumerate(chart.categories):
        values = [chart_value_text(s.values[n], chart.unit) for s in chart.series]
        lines.append(f"| {_cell(category)} | " + " | ".join(values) + " |")
    return [*lines, ""]


def section_lines(section: Section, depth: int = 2) -> list[str]:
    lines = ["#" * min(depth, 6) + f" {section.heading}", ""]
    for block in section.blocks:
        if isinstance(block, Paragraph):
            lines += [f"> {block.text}" if block.style == "note" else block.text, ""]
        elif isinstance(block, Table):
            lines += table_lines(block)
        else:
            lines += chart_lines(block)
    for child in section.children:
        lines += section_lines(child, depth + 1)
    return lines


def render_markdown(document: Document) -> str:
    lines = [f"# {document.title}", "", document.subtitle, ""]
    for section in document.sections:
        lines += section_lines(section)
    for attachment in document.attachments:
        lines += ["---", "", *section_lines(attachment)]
    return "\n".join(lines).rstrip() + "\n"
