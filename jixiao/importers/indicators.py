"""Read performance indicators from score and target tables (自评表 / 绩效目标表).

A table is a run of lines whose cells are separated by tabs (Word table rows, Markdown tables).
Its header row names the columns: 一级指标, 二级指标, 三级指标 (or 指标名称), 分值, 年度指标值 (or
目标值), 实际完成值, 得分. Each row with a name and a recognised 一级指标 becomes an indicator; a
cell that is a number (with its comparator and unit) is read as one, anything else is kept as
written (目标值"≥95%" → ≥ 95 %, 实际"十二次" → 12 次 and the text, "零失误" → text only). The 合计
row's score is the self-score as the table states it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao.importers.document import Line, ReportText
from jixiao.importers.patterns import (
    CHINESE_NUMERAL,
    CJK,
    COMPARATORS,
    NUMBER,
    parse_count,
    parse_number,
)

_COLUMNS: tuple[tuple[str, str], ...] = (
    ("level1", r"^一级指标"),
    ("level2", r"^二级指标"),
    ("name", r"^(?:三级指标|指标名称|绩效指标)$"),
    ("weight", r"^(?:分值|权重|指标分值|指标权重)"),
    ("adjusted", r"^(?:调整指标值|调整后指标值|全年\(调整\)指标值)"),
    ("target", r"^(?:年度指标值|年初指标值|目标值|指标值|年度目标值)$"),
    ("actual", r"^(?:实际完成值|全年完成值|完成值|实际值|全年实际值|实际完成情况)"),
    ("score", r"^(?:自评得分|得分|指标得分)$"),
)
_LEVEL1 = (
    (r"产出", "产出"),
    (r"效益", "效益"),
    (r"满意", "满意度"),
    (r"效果", "效果"),
    (r"投入", "投入"),
    (r"过程", "过程"),
)
_MEASURE = r"(?:人次|次|个|项|人|天|日|篇|份|场|期|家|户|件|台|辆|座|处|所|名|批|条)"
_VALUE = re.compile(
    rf"^(?P<cmp>≥|≤|>=|<=|>|<|=|不低于|不少于|不高于|不超过|大于等于|小于等于)?\s*"
    rf"(?P<number>{NUMBER}|{CHINESE_NUMERAL}(?=多|余|{_MEASURE}))\s*"
    rf"(?P<more>多|余)?(?P<unit>%|[{CJK}]{{1,3}}?)?(?P<qualifier>以上|以下|左右)?$"
)


@dataclass
class IndicatorTables:
    indicators: list[dict[str, Any]] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # one per indicator (its row)
    totals: list[tuple[Decimal, int, int]] = field(default_factory=list)  # 合计 row scores


def tables(lines: list[Line]) -> list[list[Line]]:
    """Runs of consecutive tab-separated lines."""
    found: list[list[Line]] = []
    run: list[Line] = []
    for line in lines:
        if "\t" in line.text:
            run.append(line)
        else:
            if len(run) >= 2:
                found.append(run)
            run = []
    if len(run) >= 2:
        found.append(run)
    return found


def read_indicator_tables(report: ReportText) -> IndicatorTables:
    reading = IndicatorTables()
    for rows in tables(report.lines):
        columns = _columns(rows[0].text.split("\t"))
        if "name" not in columns or not ({"target", "actual"} & set(columns)):
            continue
        for row in rows[1:]:
            _read_row(row, columns, reading)
    return reading


def _columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        title = re.sub(r"\s|（.*?）|\(.*?\)", "", title)
        for role, pattern in _COLUMNS:
            if role not in columns and re.search(pattern, title):
                columns[role] = index
                break
    return columns


def _read_row(row: Line, columns: dict[str, int], reading: IndicatorTables) -> None:
    cells = row.text.split("\t")

    def cell(role: str) -> str:
        index = columns.get(role)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    if re.match(r"^(?:合计|总计|总分)", cells[0].strip()):
        score = parse_number(cell("score")) if cell("score") else None
        if score is not None and 0 <= score <= 100:
            reading.totals.append((score, row.start, row.end))
        return
    name = cell("name")
    level1 = next((value for pattern, value in _LEVEL1 if re.search(pattern, cell("level1"))), None)
    if not name or level1 is None or len(name) > 40:
        return  # 预算执行率 and other common indicators are scored by the framework, not listed here
    identifier = re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff]", "", name)
    if not identifier or any(i["id"] == identifier for i in reading.indicators):
        return
    indicator: dict[str, Any] = {"id": identifier, "name": name, "level1": level1}
    if cell("level2"):
        indicator["level2"] = cell("level2")
    _value(indicator, cell("target"), "target", "target_text", comparator=True)
    _value(indicator, cell("adjusted"), "adjusted_target", None)
    _value(indicator, cell("actual"), "actual", "actual_text")
    for role, key in (("weight", "weight"), ("score", "self_score")):
        number = parse_number(cell(role)) if re.fullmatch(NUMBER, cell(role) or "-") else None
        if number is not None:
            indicator[key] = str(number)
    if "target_text" in indicator and "target" not in indicator and "actual" not in indicator:
        indicator["comparator"] = "定性"
    reading.indicators.append(indicator)
    reading.spans.append((row.start, row.end))


def _value(
    indicator: dict[str, Any],
    text: str,
    number_key: str,
    text_key: str | None,
    *,
    comparator: bool = False,
) -> None:
    """A target or actual cell: a number (with comparator, unit, qualifier) or text as written."""
    if not text or text in ("/", "—", "-", "无", "未设定"):
        return
    match = _VALUE.match(text)
    value = None
    if match:
        value = parse_number(match.group("number"))
        if value is None:
            count = parse_count(match.group("number"))
            value = Decimal(count) if count is not None else None
    if value is None or match is None:
        if text_key:
            indicator[text_key] = text
        return
    indicator[number_key] = str(value)
    unit = match.group("unit")
    if unit and "unit" not in indicator:
        indicator["unit"] = unit
    if comparator and match.group("cmp"):
        indicator["comparator"] = COMPARATORS[match.group("cmp")]
    qualified = match.group("qualifier") or match.group("more")
    if text_key and (qualified or not re.match(rf"^[≥≤><=\s]*{NUMBER}", text)):
        indicator[text_key] = text  # "460多次", "十二次", "92%以上" keep their wording
