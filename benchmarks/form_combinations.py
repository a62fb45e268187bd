"""Forms made by combination: a 部门整体支出绩效自评表 drawn at random from every way of wording,
laying out and pasting it that the corpus shows, and read back by the importer.

Each held-out report that fails is a combination no test met: a template's titles, in a layout,
pasted one way. This module makes such combinations on purpose. A form is drawn from independent
choices (the caption column, the money block's titles and their order, its row labels, the unit,
the rates' format, the staffing block's layout, the score table, the grade, and the pasting:
Word tabs, merged cells repeated, one cell a line, PDF spaces, CSV, Markdown, a ruled grid), its
figures drawn so that every sum and rate holds, and what it states is known exactly. The import
is scored like the corpus (precision and recall of the stated figures), overall and for each
value of each choice, so a choice that reads badly shows at once.

Run ``python -m benchmarks.form_combinations [COUNT] [SEED…] [--no-write]`` (400 forms for each
of the seeds 0, 1, 2 by default; the table goes into BENCHMARKS.md unless ``--no-write``; ``make
eval-import`` runs it after the corpus evaluation); the tests keep a fixed sample of the same forms
(tests/importers/test_form_combinations.py).
"""

from __future__ import annotations

import csv
import io
import random
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from benchmarks import sections
from benchmarks.eval_import import Score, read_figures
from jixiao.importers.text import import_text

# a cell merged with the one above it (a caption merged down a block's rows)
UP = "\x1e"

CHOICES: dict[str, tuple[str, ...]] = {
    "pasting": (
        "tabs",
        "tabs_repeated",
        "cells",
        "cells_rows",
        "spaces",
        "csv",
        "markdown",
        "grid",
        "spaces_wrapped",
        "ocr",
    ),
    "caption": ("left", "none"),
    "budget_titles": ("年初+全年", "全年", "年初+调整后", "批复+调整"),
    "spent_title": ("全年执行数", "实际支出", "执行数", "决算数", "支出决算数"),
    "rate": ("percent", "bare", "none"),
    "scores_on_money": ("yes", "no"),
    "rows": ("sources+funding", "funding", "sources+funding+econ", "total+econ"),
    "total_label": ("资金总额", "合计", "年度资金总额", "总计"),
    "total_place": ("top", "bottom"),
    "unit": ("万元", "元", "元,"),
    "staffing": ("header", "pairs", "none"),
    "score_table": ("full", "total_only", "none"),
    "grade": ("line", "cell", "none"),
    # a PDF's or an OCR's layout (spaces_wrapped, ocr): the caption column's words wrapped down
    # its rows ("资金" / "情况") or whole on the block's middle line; a block's titles and labels
    # wrapped in narrow columns ("年初预" / "算数") or wide columns keeping them whole; a cell
    # of one line beside a wrapped one sitting on its top line or its bottom line
    "pdf_caption": ("wrapped", "one_row"),
    "pdf_columns": ("narrow", "wide"),
    "pdf_valign": ("top", "bottom"),
    # template variants (drawn last; see _vary_* below)
    "money_header": ("one_row", "two_rows"),
    "column_order": ("usual", "spent_first", "rate_first", "scores_first"),
    "unit_place": ("line", "titles"),
    "staffing_wording": ("cells", "sentence", "qizhong"),
    "layout": ("table", "key_value", "row_lines"),
    "totals": ("as_drawn", "小计", "其中+合计"),
    # one cell a line: an empty cell an empty line, or dropped by the copy (a web page's table)
    "empty_cells": ("lines", "dropped"),
    # rows of the same table around the blocks: the form's head (部门名称 / 预算年度 as cells),
    # the year's goals (年度总体目标, long text cells) under the money block
    "inside_rows": ("none", "head", "goals", "both"),
}

_SPENT_TITLES = {
    "全年执行数": "全年执行数",
    "实际支出": "实际支出",
    "执行数": "执行数",
    "决算数": "决算数",
    "支出决算数": "支出决算数",
}
_BUDGET_TITLES = {
    "年初+全年": ("年初预算数", "全年预算数"),
    "全年": (None, "全年预算数"),
    "年初+调整后": ("年初预算数", "调整后预算数"),
    "批复+调整": ("批复预算", "调整预算数"),
}
_DEPARTMENTS = ("某县水利局", "某市统计局", "某区教育体育局", "某县林业局", "某镇人民政府")
_ECON = (
    ("工资福利支出", "wages"),
    ("商品和服务支出", "goods_services"),
    ("对个人和家庭的补助", "transfers_households"),
)
_GRADES = (("优", "优"), ("优秀", "优"), ("良", "良"), ("良好", "良"))


@dataclass
class Form:
    """One drawn form: its choices, its text, and the figures it states (万元, as the eval
    writes them)."""

    choices: dict[str, str]
    text: str = ""
    truth: dict[str, str] = field(default_factory=dict)


# ── figures ─────────────────────────────────────────────────────────────────────────────────


def _wan(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def _split(rng: random.Random, whole: Decimal, parts: int) -> list[Decimal]:
    cuts = sorted(_wan(rng, 1, int(whole) - 1) for _ in range(parts - 1))
    edges = [Decimal(0), *cuts, whole]
    pieces = [edges[i + 1] - edges[i] for i in range(parts)]
    if any(piece <= 0 for piece in pieces):
        return _split(rng, whole, parts)
    return pieces


def _share(rng: random.Random, whole: Decimal, even: list[Decimal]) -> list[Decimal]:
    """`whole` cut near the shares `even` (each moved by up to 1%), the largest share taking
    the rest."""
    cent = Decimal("0.01")
    pieces = [(e * Decimal(rng.randint(990, 1010)) / 1000).quantize(cent) for e in even]
    largest = even.index(max(even))
    pieces[largest] = whole - sum(pieces, Decimal(0)) + pieces[largest]
    return pieces


def _rate(spent: Decimal, budget: Decimal) -> Decimal:
    return (spent / budget * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _norm(value: Decimal) -> str:
    return f"{value.normalize():f}"


@dataclass
class _Row:
    label: str
    key: str | None  # the figure key's suffix (total, basic, wages…) or None (a source row)
    start: Decimal
    budget: Decimal
    spent: Decimal


def _money_rows(rng: random.Random, choices: dict[str, str]) -> list[_Row]:
    budget = _wan(rng, 300, 9000)
    spent = (budget * Decimal(rng.randint(8500, 10000)) / 10000).quantize(Decimal("0.01"))
    start = (budget * Decimal(rng.randint(8000, 10000)) / 10000).quantize(Decimal("0.01"))
    rows = [_Row(choices["total_label"], "total", start, budget, spent)]

    def parts(labels: list[tuple[str, str | None]]) -> None:
        budgets = _split(rng, budget, len(labels))
        spents = _share(rng, spent, [b * spent / budget for b in budgets])
        starts = _share(rng, start, [b * start / budget for b in budgets])
        for (label, key), b, s, y in zip(labels, budgets, spents, starts, strict=True):
            rows.append(_Row(label, key, y, b, s))

    kind = choices["rows"]
    if "sources" in kind:
        parts([("其中：财政拨款", None), ("其他资金", None)])
    if "funding" in kind:
        parts([("基本支出", "basic"), ("项目支出", "project")])
    if "econ" in kind:
        parts([(label, key) for label, key in _ECON])
    if choices["total_place"] == "bottom":
        rows.append(rows.pop(0))
    return rows


# ── the form as a grid ──────────────────────────────────────────────────────────────────────


def _amount(value: Decimal, unit: str) -> str:
    if unit == "万元":
        return f"{value:.2f}"
    yuan = value * 10000
    return f"{yuan:,.2f}" if unit == "元," else f"{yuan:.2f}"


def _money_block(
    rng: random.Random, choices: dict[str, str], truth: dict[str, str]
) -> list[list[str]]:
    start_title, budget_title = _BUDGET_TITLES[choices["budget_titles"]]
    unit = choices["unit"]
    titles = [t for t in (start_title, budget_title, _SPENT_TITLES[choices["spent_title"]]) if t]
    rate = choices["rate"]
    scored = choices["scores_on_money"] == "yes"
    if scored:
        titles.append("分值")
    if rate != "none":
        titles.append("执行率" if rate == "percent" else "执行率(%)")
    if scored:
        titles.append("得分")
    caption = choices["caption"] == "left"
    rows = [(["资金情况"] if caption else []) + ["项目", *titles]]
    for row in _money_rows(rng, choices):
        cells: list[str] = []
        for title in titles:
            if title == start_title:
                cells.append(_amount(row.start, unit))
            elif title == budget_title:
                cells.append(_amount(row.budget, unit))
            elif title.startswith("执行率"):
                value = _rate(row.spent, row.budget)
                cells.append(f"{value}%" if rate == "percent" else f"{value}")
            elif title == "分值":
                cells.append("10" if row.key == "total" else "")
            elif title == "得分":
                cells.append("9.5" if row.key == "total" else "")
            else:
                cells.append(_amount(row.spent, unit))
        rows.append(([UP] if caption else []) + [row.label, *cells])
        if row.key:
            truth[f"budget.{row.key}"] = _norm(row.budget)
            truth[f"executed.{row.key}"] = _norm(row.spent)
        if row.key == "total" and rate != "none":
            truth["rates.execution"] = _norm(_rate(row.spent, row.budget))
    return rows


def _staffing_block(
    rng: random.Random, choices: dict[str, str], truth: dict[str, str]
) -> list[list[str]]:
    in_service = rng.randint(8, 160)
    retired = rng.randint(0, 60)
    authorized = in_service + rng.randint(-5, 10)
    counts = {
        "staffing.authorized": authorized,
        "staffing.actual_total": in_service + retired,
        "staffing.in_service": in_service,
        "staffing.retired": retired,
    }
    truth.update({key: str(value) for key, value in counts.items()})
    titles = ("编制数", "实有人数", "在职人数", "退休人数")
    values = [str(value) for value in counts.values()]
    caption = choices["caption"] == "left"
    if choices["staffing"] == "header":
        return [
            (["人员情况"] if caption else []) + list(titles),
            ([UP] if caption else []) + values,
        ]
    pairs = [
        [titles[0], values[0], titles[1], values[1]],
        [titles[2], values[2], titles[3], values[3]],
    ]
    if caption:
        return [["人员情况", *pairs[0]], [UP, *pairs[1]]]
    return pairs


_INDICATORS = (
    ("产出指标", "数量指标", "水利工程维修数量", "≥20处", "22处", "20", "20"),
    ("产出指标", "质量指标", "工程验收合格率", "100%", "100%", "20", "19"),
    ("效益指标", "社会效益指标", "灌溉保障面积", "≥5万亩", "5.2万亩", "30", "28"),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "20", "18"),
)


def _score_block(choices: dict[str, str], truth: dict[str, str]) -> list[list[str]]:
    kind = choices["score_table"]
    money_score = Decimal("9.5") if choices["scores_on_money"] == "yes" else Decimal(10)
    total = sum(Decimal(row[6]) for row in _INDICATORS) + money_score
    truth["score.self"] = _norm(total)
    if kind == "total_only":
        return [["总分", "100", "自评得分", f"{total}"]]
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    rows = [header, *[list(row) for row in _INDICATORS]]
    if choices["scores_on_money"] == "no":
        rows.append(["预算执行", "预算执行率", "预算执行率", "100%", "", "10", "10"])
    rows.append(["总分", "", "", "", "", "100", f"{total}"])
    return rows


def _head(rng: random.Random, choices: dict[str, str]) -> tuple[list[str], str]:
    department = rng.choice(_DEPARTMENTS)
    year = rng.randint(2021, 2025)
    unit = "万元" if choices["unit"] == "万元" else "元"
    lines = rng.choice(
        (
            [f"{year}年度部门整体支出绩效自评表", f"填报单位：{department}", f"单位：{unit}"],
            [
                "部门整体支出绩效自评表",
                f"（{year}年度）",
                f"部门名称：{department}    金额单位：{unit}",
            ],
            [f"{department}{year}年度部门整体支出绩效自评表", f"单位：{unit}"],
        )
    )
    return lines, department


# ── pastings ────────────────────────────────────────────────────────────────────────────────


def _blank(cell: str) -> str:
    return "" if cell == UP else cell


def _repeated(rows: list[list[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    for row in rows:
        out.append([out[-1][i] if cell == UP and out else cell for i, cell in enumerate(row)])
    return out


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _spaces(rows: list[list[str]]) -> list[str]:
    columns = max(len(row) for row in rows)
    widths = [
        max((_width(row[i]) for row in rows if i < len(row)), default=0) for i in range(columns)
    ]
    lines = []
    for row in rows:
        pieces = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)]
        lines.append("   ".join(pieces).rstrip())
    return lines


def _grid(rows: list[list[str]]) -> list[str]:
    columns = max(len(row) for row in rows)
    padded = [row + [""] * (columns - len(row)) for row in rows]
    widths = [max(_width(row[i]) for row in padded) for i in range(columns)]
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    lines = [rule]
    for row in padded:
        cells = [" " + cell + " " * (widths[i] - _width(cell)) + " " for i, cell in enumerate(row)]
        lines.extend(["|" + "|".join(cells) + "|", rule])
    return lines


def _markdown(rows: list[list[str]]) -> list[str]:
    columns = max(len(row) for row in rows)
    padded = [row + [""] * (columns - len(row)) for row in rows]
    lines = ["| " + " | ".join(padded[0]) + " |", "|" + "---|" * columns]
    lines.extend("| " + " | ".join(row) + " |" for row in padded[1:])
    return lines


def _csv(rows: list[list[str]]) -> list[str]:
    columns = max(len(row) for row in rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow(row + [""] * (columns - len(row)))
    return out.getvalue().rstrip("\n").split("\n")


def _cells(rows: list[list[str]], *, blank_between: bool) -> list[str]:
    lines: list[str] = []
    for row in rows:
        cut = list(row)
        while cut and not cut[-1]:
            cut.pop()
        lines.extend(cut)
        if blank_between:
            lines.append("")
    return lines


def paste(blocks: list[list[list[str]]], pasting: str) -> list[str]:
    """The blocks of one table pasted one way (each block a run of rows)."""
    if pasting == "tabs_repeated":
        blocks = [_repeated(block) for block in blocks]
    rows = [[_blank(cell) for cell in row] for block in blocks for row in block]
    if pasting in ("tabs", "tabs_repeated"):
        return ["\t".join(row) for row in rows]
    if pasting in ("cells", "cells_rows"):
        return _cells(rows, blank_between=pasting == "cells_rows")

    if pasting == "spaces":
        return [
            line for block in blocks for line in _spaces([[_blank(c) for c in r] for r in block])
        ]
    if pasting == "csv":
        return _csv(rows)
    if pasting == "markdown":
        return [
            line
            for block in blocks
            for line in [*_markdown([[_blank(c) for c in r] for r in block]), ""]
        ]
    return _grid(rows)


# ── a PDF's text layer and an OCR's lines ───────────────────────────────────────────────────

_NARROW_TITLE = 4  # a title of more ideographs wraps in a narrow column ("年初预" / "算数")
_NARROW_LABEL = 7  # a row label of more wraps in the labels' column ("对个人和家庭的" / "补助")
_PDF_GAP = "    "


def _is_amount(cell: str) -> bool:
    return bool(cell) and (cell[0].isdigit() or cell[0] in "≥≤")


def _wrapped_cell(cell: str, cap: int) -> list[str]:
    """A cell's lines in a column *cap* ideographs wide: a title of five ideographs as three and
    two ("年初预" / "算数"), a longer label cut at the cap; a number never wraps."""
    if _is_amount(cell) or len(cell) <= cap:
        return [cell]
    if cap == _NARROW_TITLE:
        head = (len(cell) + 1) // 2
        return [cell[:head], cell[head:]]
    return [cell[i : i + cap] for i in range(0, len(cell), cap)]


def _money_header(block: list[list[str]]) -> int | None:
    """The labels' column of a money block ("项目" in its first row), or None for other blocks."""
    return block[0].index("项目") if "项目" in block[0] else None


def _physical_rows(
    block: list[list[str]], choices: dict[str, str]
) -> tuple[list[list[list[str]]], int | None]:
    """Each row of *block* as its cells' lines (a cell of one line on the row's top or bottom
    line), and the caption column (merged down the rows) when it has one."""
    labels = _money_header(block)
    narrow = choices["pdf_columns"] == "narrow" and labels is not None
    caption = 0 if block[1:] and block[1][0] == UP else None
    rows = []
    for row in block:
        cells = []
        for column, cell in enumerate(row):
            if column == caption:
                cells.append([""])
            elif narrow:
                cap = _NARROW_LABEL if column == labels else _NARROW_TITLE
                cells.append(_wrapped_cell(_blank(cell), cap))
            else:
                cells.append([_blank(cell)])
        height = max(len(lines) for lines in cells)
        bottom = choices["pdf_valign"] == "bottom"
        rows.append(
            [
                ([""] * (height - len(lines)) + lines)
                if bottom and len(lines) == 1
                else (lines + [""] * (height - len(lines)))
                for lines in cells
            ]
        )
    return rows, caption


def _caption_lines(caption: str, lines: int, choices: dict[str, str]) -> tuple[list[str], bool]:
    """The caption's pieces, a line each from the block's top ("资金" / "情况"), or the caption
    whole on the block's middle line (on a line of its own between two lines: True)."""
    if choices["pdf_caption"] == "wrapped":
        pieces = [caption[i : i + 2] for i in range(0, len(caption), 2)]
        return pieces + [""] * (lines - len(pieces)), False
    if lines % 2 == 0 and lines == 2:
        return ["", caption, ""], True
    return ["" if n != (lines - 1) // 2 else caption for n in range(lines)], False


def _pdf_block(block: list[list[str]], choices: dict[str, str]) -> list[list[str]]:
    """A block as lines of cells (each a list of the line's cells, column by column)."""
    rows, caption = _physical_rows(block, choices)
    lines = [[cell_lines[n] for cell_lines in row] for row in rows for n in range(len(row[0]))]
    if caption is None:
        return lines
    pieces, own_line = _caption_lines(block[0][0], len(lines), choices)
    if own_line:
        lines.insert(1, [""] * len(lines[0]))
    for line, piece in zip(lines, pieces, strict=True):
        line[caption] = piece
    return lines


def _pdf_layout(lines: list[list[str]]) -> list[str]:
    """Lines of cells laid out as a PDF's text layer: each column as wide as its widest cell,
    text set left and numbers right, columns four spaces apart."""
    columns = max(len(line) for line in lines)
    widths = [
        max((_width(line[i]) for line in lines if i < len(line)), default=0) for i in range(columns)
    ]
    out = []
    for line in lines:
        pieces = []
        for i, cell in enumerate(line):
            pad = " " * (widths[i] - _width(cell))
            pieces.append(pad + cell if _is_amount(cell) else cell + pad)
        out.append(_PDF_GAP.join(pieces).rstrip())
    return out


def _ocr_layout(lines: list[list[str]]) -> list[str]:
    """Lines of cells as an OCR reads them: the cells one space apart, blank ones gone."""
    return [" ".join(cell for cell in line if cell) for line in lines]


def pdf_paste(blocks: list[list[list[str]]], choices: dict[str, str]) -> list[str]:
    """The blocks of one table as a PDF's text layer (spaces_wrapped) or an OCR's lines."""
    out: list[str] = []
    for block in blocks:
        lines = _pdf_block(block, choices)
        laid = _ocr_layout(lines) if choices["pasting"] == "ocr" else _pdf_layout(lines)
        out.extend(line for line in laid if line.strip())
    return out


def _cells_dropped(blocks: list[list[list[str]]], pasting: str) -> list[str]:
    """One cell a line with every empty cell dropped by the copy (a web page's table)."""
    rows = [[cell for cell in row if cell and cell != UP] for block in blocks for row in block]
    return _cells(rows, blank_between=pasting == "cells_rows")


# ── drawing and scoring ─────────────────────────────────────────────────────────────────────


# ── template variants ───────────────────────────────────────────────────────────────────────
# Ways departments lay the same form out: a money header on two rows (a group title over the
# amounts' titles), columns in another order, the unit only in the column titles, the staffing
# block as a sentence or with 其中, the form as key：value lines, totals at the bottom under
# their 其中 rows.

_AMOUNT_TITLES = {t for pair in _BUDGET_TITLES.values() for t in pair if t} | set(_SPENT_TITLES)
_GROUP_TITLES = ("预算执行情况", "资金情况", "预算资金情况（万元）")


def _vary_choices(choices: dict[str, str]) -> None:
    """Choices a variant implies: totals at the bottom are named 小计 or 合计."""
    if choices["totals"] == "小计":
        choices["total_label"], choices["total_place"] = "小计", "bottom"
    elif choices["totals"] == "其中+合计":
        choices["total_label"], choices["total_place"] = "合计", "bottom"


def _vary_head(head: list[str], choices: dict[str, str]) -> list[str]:
    """The head without its unit line when the unit is only in the column titles."""
    if choices["unit_place"] != "titles":
        return head
    out = []
    for line in head:
        if line.startswith("单位："):
            continue
        out.append(line.split("    金额单位：")[0])
    return out


def _is_amount(title: str) -> bool:
    return title in _AMOUNT_TITLES


def _column_order(titles: list[str], order: str) -> list[int]:
    """Indexes of the money columns (after the row label) in the drawn order."""
    indexes = list(range(len(titles)))
    amounts = [i for i in indexes if _is_amount(titles[i])]
    rate = [i for i in indexes if titles[i].startswith("执行率")]
    weight = [i for i in indexes if titles[i] == "分值"]
    others = [i for i in indexes if i not in amounts and i not in rate and i not in weight]
    if order == "spent_first":
        return [amounts[-1], *amounts[:-1], *rate, *weight, *others]
    if order == "rate_first":
        return [*rate, *amounts, *weight, *others]
    if order == "scores_first":
        return [*weight, *amounts, *rate, *others]
    return indexes


def _vary_money(rows: list[list[str]], choices: dict[str, str]) -> list[list[str]]:
    lead = 2 if choices["caption"] == "left" else 1
    titles = rows[0][lead:]
    order = _column_order(titles, choices["column_order"])
    rows = [row[:lead] + [row[lead + i] for i in order] for row in rows]
    if choices["totals"] == "其中+合计":
        for row in rows[1:]:
            if row[lead - 1] in ("基本支出", "工资福利支出"):
                row[lead - 1] = "其中：" + row[lead - 1]
    if choices["unit_place"] == "titles":
        unit = "万元" if choices["unit"] == "万元" else "元"
        brackets = ("（", "）") if len(rows[1]) % 2 else ("(", ")")
        rows[0] = [f"{t}{brackets[0]}{unit}{brackets[1]}" if _is_amount(t) else t for t in rows[0]]
    if choices["money_header"] == "two_rows" and choices["layout"] == "table":
        rows = _two_row_header(rows, lead, choices)
    return rows


def _two_row_header(rows: list[list[str]], lead: int, choices: dict[str, str]) -> list[list[str]]:
    """A group title over the amounts' titles (merged across, the merged cells left empty);
    the other titles merged down."""
    header = rows[0]
    amounts = [
        i for i, t in enumerate(header) if i >= lead and _is_amount(t.split("（")[0].split("(")[0])
    ]
    group = _GROUP_TITLES[len(rows) % len(_GROUP_TITLES)]
    if choices["unit_place"] == "titles" and "万元" in group:
        group = group.split("（")[0]
    top = [header[i] if i not in amounts else "" for i in range(len(header))]
    top[amounts[0]] = group
    under = [header[i] if i in amounts else UP for i in range(len(header))]
    return [top, under, *rows[1:]]


def _vary_staffing(rows: list[list[str]], choices: dict[str, str]) -> list[list[str]]:
    """The staffing block as one sentence-like cell, or as pairs with 其中."""
    kind = choices["staffing_wording"]
    if kind == "cells":
        return rows
    values = (
        rows[-1][-4:]
        if choices["staffing"] == "header"
        else [rows[0][-3], rows[0][-1], rows[1][-3], rows[1][-1]]
    )
    authorized, actual, in_service, retired = values
    caption = ["人员情况"] if choices["caption"] == "left" else []
    if kind == "sentence":
        cell = f"编制{authorized}人，实有{actual}人，其中在职{in_service}人、退休{retired}人"
        return [[*caption, cell]] if caption else [["人员情况", cell]]
    return [
        [*caption, "编制数", authorized],
        ([UP] if caption else []) + ["实有人数", actual, "其中：在职", in_service, "退休", retired],
    ]


def _key_value_lines(
    money: list[list[str]], choices: dict[str, str], truth: dict[str, str]
) -> list[str]:
    """The form as key：value lines: the staffing counts, then one figure a line under each
    money row's label, or a money row a line."""
    lines: list[str] = []
    if choices["staffing"] != "none":
        counts = [
            truth[f"staffing.{k}"] for k in ("authorized", "actual_total", "in_service", "retired")
        ]
        lines.extend(_staffing_lines(counts, choices["staffing_wording"]))
    lead = 2 if choices["caption"] == "left" else 1
    titles = money[0][lead:]
    for row in money[1:]:
        pairs = [
            (t, v)
            for t, v in zip(titles, row[lead:], strict=True)
            if v and t not in ("分值", "得分")
        ]
        label = row[lead - 1]
        if choices["layout"] == "row_lines":
            lines.append(f"{label}：" + "，".join(f"{t} {v}" for t, v in pairs))
        else:
            lines.append(label)
            lines.extend(f"{t}：{v}" for t, v in pairs)
    return lines


def _staffing_lines(counts: list[str], wording: str) -> list[str]:
    authorized, actual, in_service, retired = counts
    if wording == "sentence":
        return [
            f"人员情况：编制{authorized}人，实有{actual}人，其中在职{in_service}人、退休{retired}人"
        ]
    if wording == "qizhong":
        return [
            f"编制数：{authorized}",
            f"实有人数：{actual}，其中：在职{in_service}人，退休{retired}人",
        ]
    titles = ("编制数", "实有人数", "在职人数", "退休人数")
    return [f"{t}：{v}" for t, v in zip(titles, counts, strict=True)]


def draw(rng: random.Random) -> Form:
    choices = {name: rng.choice(values) for name, values in CHOICES.items()}
    _vary_choices(choices)
    form = Form(choices)
    head, _department = _head(rng, choices)
    head = _vary_head(head, choices)
    blocks = []
    if choices["staffing"] != "none":
        blocks.append(_vary_staffing(_staffing_block(rng, choices, form.truth), choices))
    money = _vary_money(_money_block(rng, choices, form.truth), choices)
    if choices["layout"] != "table":
        head = head + _key_value_lines(money, choices, form.truth)
        blocks = []
    else:
        blocks.append(money)
    if choices["score_table"] != "none":
        blocks.append(_score_block(choices, form.truth))
    if choices["layout"] == "table":  # a form of key：value lines has no table to hold them
        blocks = _inside_rows(blocks, head, _department, choices)
    if not blocks:
        lines = head
    elif choices["pasting"] in ("spaces_wrapped", "ocr"):
        lines = head + pdf_paste(blocks, choices)
    elif choices["pasting"] in ("cells", "cells_rows") and choices["empty_cells"] == "dropped":
        lines = head + _cells_dropped(blocks, choices["pasting"])
    else:
        lines = head + paste(blocks, choices["pasting"])
    if choices["grade"] != "none" and choices["score_table"] != "none":
        word, grade = rng.choice(_GRADES)
        lines.append(f"自评等级：{word}" if choices["grade"] == "line" else f"自评等级\t{word}")
        if choices["grade"] == "cell" and choices["pasting"] not in ("tabs", "tabs_repeated"):
            lines[-1] = f"自评等级：{word}"
        form.truth["grade.self"] = grade
    form.text = "\n".join(lines) + "\n"
    return form


_GOALS = (
    "完成年度重点工作任务，保障机构正常运转，推进重点项目建设，提升公共服务水平。",
    "年度重点工作任务全部完成，重点项目按期推进，服务对象满意度较上年提高。",
)


def _inside_rows(
    blocks: list[list[list[str]]], head: list[str], department: str, choices: dict[str, str]
) -> list[list[list[str]]]:
    """The blocks with the table's other rows around them: its head as cells (部门名称 | … |
    主管部门 | …, 预算年度 | … | 金额单位 | …) first, the year's goals after the money block."""
    kind = choices["inside_rows"]
    year = next((m.group(0) for line in head if (m := re.search(r"20\d{2}", line))), "")
    unit = "万元" if choices["unit"] == "万元" else "元"
    out = list(blocks)
    if kind in ("goals", "both"):
        goals = [["年度总体目标", "预期目标", "实际完成情况"], ["", *_GOALS]]
        out.insert(len(out) - (1 if choices["score_table"] != "none" else 0), goals)
    if kind in ("head", "both"):
        out.insert(
            0,
            [
                ["部门名称", department, "主管部门", "某县人民政府"],
                ["预算年度", year, "金额单位", unit],
            ],
        )
    return out


def forms(count: int, seed: int = 0) -> list[Form]:
    rng = random.Random(seed)
    return [draw(rng) for _ in range(count)]


def read(form: Form) -> dict[str, str]:
    """The figures the importer reads from the form's text (as the corpus eval reads them)."""
    as_read, _ = read_figures(import_text(form.text))
    return as_read


@dataclass
class Tally(Score):
    """The corpus's score (benchmarks.eval_import.Score) with a one-line summary."""

    def line(self) -> str:
        return (
            f"P {self.precision:.3f} R {self.recall:.3f} "
            f"({self.tp} of {self.tp + self.fn}, {self.fp} wrong)"
        )


@dataclass
class Measure:
    """The tallies of one run: overall, by each choice's value, by figure key."""

    count: int
    seeds: tuple[int, ...]
    overall: Tally = field(default_factory=Tally)
    by_choice: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_key: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))


def measure(count: int, seeds: tuple[int, ...]) -> Measure:
    """Draw *count* forms for each seed, import each, and tally what was read."""
    result = Measure(count, seeds)
    for seed in seeds:
        for form in forms(count, seed):
            predicted = read(form)
            result.overall.add(predicted, form.truth)
            for name, value in form.choices.items():
                result.by_choice[name, value].add(predicted, form.truth)
            for key in set(form.truth) | set(predicted):
                result.by_key[key].add(
                    {key: predicted[key]} if key in predicted else {},
                    {key: form.truth[key]} if key in form.truth else {},
                )
    return result


def render(result: Measure) -> str:
    """The section of BENCHMARKS.md: overall, then each choice's values."""
    seeds = ", ".join(str(seed) for seed in result.seeds)
    lines = [
        "## Forms made by combination",
        "",
        f"`python -m benchmarks.form_combinations {result.count} {' '.join(map(str, result.seeds))}`: "
        f"{result.count} forms drawn for each seed ({seeds}) from every choice of titles, rows, "
        "unit, staffing, scores and pasting (benchmarks/form_combinations.py), imported, and "
        "scored on the figures each states. Overall: "
        f"{result.overall.line()}.",
        "",
        "| choice | value | precision | recall | figures read | wrong |",
        "|---|---|---|---|---|---|",
    ]
    for name, values in CHOICES.items():
        for value in values:
            tally = result.by_choice[name, value]
            lines.append(
                f"| {name} | {value} | {tally.precision:.3f} | {tally.recall:.3f} | "
                f"{tally.tp} of {tally.tp + tally.fn} | {tally.fp} |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    write = "--no-write" not in args
    numbers = [int(arg) for arg in args if arg != "--no-write"]
    count = numbers[0] if numbers else 400
    seeds = tuple(numbers[1:]) or (0, 1, 2)
    result = measure(count, seeds)
    section = render(result)
    print(section)
    for key in sorted(result.by_key):
        print(f"  {key:32} {result.by_key[key].line()}")
    if write:
        sections.write_section("form-combinations", section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
