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

Run ``python -m benchmarks.form_combinations [COUNT] [SEED]``; the tests keep a fixed sample of
the same forms (tests/importers/test_form_combinations.py).
"""

from __future__ import annotations

import csv
import io
import random
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

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
    # one cell a line: an empty cell an empty line, or dropped by the copy (a web page's table)
    "empty_cells": ("lines", "dropped"),
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


def _cells_dropped(blocks: list[list[list[str]]], pasting: str) -> list[str]:
    """One cell a line with every empty cell dropped by the copy (a web page's table)."""
    rows = [[cell for cell in row if cell and cell != UP] for block in blocks for row in block]
    return _cells(rows, blank_between=pasting == "cells_rows")


# ── drawing and scoring ─────────────────────────────────────────────────────────────────────


def draw(rng: random.Random) -> Form:
    choices = {name: rng.choice(values) for name, values in CHOICES.items()}
    form = Form(choices)
    head, _department = _head(rng, choices)
    blocks = []
    if choices["staffing"] != "none":
        blocks.append(_staffing_block(rng, choices, form.truth))
    blocks.append(_money_block(rng, choices, form.truth))
    if choices["score_table"] != "none":
        blocks.append(_score_block(choices, form.truth))
    if choices["pasting"] in ("cells", "cells_rows") and choices["empty_cells"] == "dropped":
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


def forms(count: int, seed: int = 0) -> list[Form]:
    rng = random.Random(seed)
    return [draw(rng) for _ in range(count)]


def read(form: Form) -> dict[str, str]:
    from benchmarks.eval_import import read_figures
    from jixiao.importers.text import import_text

    as_read, _ = read_figures(import_text(form.text))
    return as_read


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: dict[str, str], truth: dict[str, str]) -> None:
        for key, value in truth.items():
            if predicted.get(key) == value:
                self.tp += 1
            else:
                self.fn += 1
        self.fp += sum(1 for key, value in predicted.items() if truth.get(key) != value)

    def line(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return f"P {p:.3f} R {r:.3f} ({self.tp} of {self.tp + self.fn}, {self.fp} wrong)"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    count = int(args[0]) if args else 400
    seed = int(args[1]) if len(args) > 1 else 0
    overall = Tally()
    by_choice: dict[tuple[str, str], Tally] = defaultdict(Tally)
    by_key: dict[str, Tally] = defaultdict(Tally)
    for form in forms(count, seed):
        predicted = read(form)
        overall.add(predicted, form.truth)
        for name, value in form.choices.items():
            by_choice[name, value].add(predicted, form.truth)
        for key in set(form.truth) | set(predicted):
            by_key[key].add(
                {key: predicted[key]} if key in predicted else {},
                {key: form.truth[key]} if key in form.truth else {},
            )
    print(f"{count} forms (seed {seed}): {overall.line()}")
    for name, values in CHOICES.items():
        for value in values:
            print(f"  {name:16} {value:22} {by_choice[name, value].line()}")
    for key in sorted(by_key):
        print(f"  {key:32} {by_key[key].line()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
