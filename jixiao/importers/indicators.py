"""Read performance indicators from score and target tables (自评表 / 绩效目标表).

A table is a run of lines whose cells are separated by tabs (Word table rows, Markdown tables).
Its header row names the columns: 一级指标, 二级指标, 三级指标 (or 指标名称), 分值, 年度指标值 (or
目标值), 实际完成值, 得分. Each row with a name and a recognised 一级指标 becomes an indicator; a
cell that is a number (with its comparator and unit) is read as one, anything else is kept as
written (目标值"≥95%" → ≥ 95 %, 实际"十二次" → 12 次 and the text, "零失误" → text only). The 合计
row's score is the self-score as the table states it.

A table flattened one cell per line (PDF text, pasted tables) is rebuilt into rows only when its
weights and scores add up to its 合计 line's (see ``_flattened_tables``).
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
    ("weight", r"^(?:分值|权重|指标分值|指标权重|满分|标准分)"),
    ("adjusted", r"^(?:调整指标值|调整后指标值|全年\(调整\)指标值)"),
    ("target", r"^(?:年度指标值|年初指标值|目标值|指标值|年度目标值)$"),
    ("actual", r"^(?:实际完成值|全年完成值|完成值|实际值|全年实际值|实际完成情况)"),
    ("score", r"^(?:自评得分|得分|指标得分|评分|自评分)$"),
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


# the indicator table's total row: 合计 / 总计 / 总分, or the form's 自评总分 / 综合得分 / 自评得分 /
# 总得分 / 得分合计 row (its score read under the table's score column)
_TOTAL_ROW = re.compile(
    r"^(?:合计|总计|总分|(?:自评|综合|评价)(?:总分|得分)|总得分|得分合计|合计得分)"
)


@dataclass
class IndicatorTables:
    indicators: list[dict[str, Any]] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # one per indicator (its row)
    totals: list[tuple[Decimal, int, int]] = field(default_factory=list)  # 合计 row scores
    # targets whose leading "2" was read as ≥ (OCR): (row span, the cell as written)
    ocr_targets: list[tuple[tuple[int, int], str]] = field(default_factory=list)


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
        found = _header_row(rows)
        if found is None:
            continue
        at, columns = found
        for row in rows[at + 1 :]:
            _read_row(row, columns, reading)
    if not reading.indicators:
        for flat in _flattened_tables(report.lines):
            for row, end in flat:
                _read_row(row, _FLAT_COLUMNS, reading, (row.start, end))
    return reading


def score_row_groups(report: ReportText) -> list[list[tuple[Decimal, Decimal]]]:
    """The (weight, score) of every scored row of the report's score tables, one list a table:
    the indicator tables' rows (one list), and each other table whose header titles a weight and
    a score column ("一级指标\t权重\t得分", a 自评表's money block "项目\t全年预算数\t…\t分值\t
    得分", whose 年度资金总额 row scores the 预算执行率). 合计 / 总分 rows and rows with a blank
    or a dash in either cell are left out."""
    groups: list[list[tuple[Decimal, Decimal]]] = []
    indicators = [
        (parse_number(i["weight"]), parse_number(i["self_score"]))
        for i in read_indicator_tables(report).indicators
        if "weight" in i and "self_score" in i
    ]
    groups.append([(w, v) for w, v in indicators if w is not None and v is not None])
    for rows in tables(report.lines):
        for at, row in enumerate(rows[:-1]):
            titles = [re.sub(r"\s|\(.*?\)", "", t) for t in row.text.split("\t")]
            weight = next(
                (n for n, t in enumerate(titles) if re.match(r"^(?:分值|权重)$", t)), None
            )
            score = next((n for n, t in enumerate(titles) if re.match(r"^(?:自评)?得分$", t)), None)
            if weight is None or score is None:
                continue
            # (an indicator table's rows too, those the indicator reader leaves out among them:
            # "决策 | 绩效目标 | 绩效目标合理性 | — | — | 5 | 5", no target to read)
            found: list[tuple[Decimal, Decimal]] = []
            for below in rows[at + 1 :]:
                cells = [cell.strip() for cell in below.text.split("\t")]
                if re.match(r"^(?:合计|总计|总分)", cells[0]) or len(cells) > len(titles):
                    continue
                if len(cells) <= max(weight, score):
                    continue  # a row whose last cells fell off before the scores
                pair = [
                    parse_number(cells[n]) if re.fullmatch(NUMBER, cells[n]) else None
                    for n in (weight, score)
                ]
                if pair[0] is not None and pair[1] is not None:
                    found.append((pair[0], pair[1]))
            if found:
                groups.append(found)
            break
    return groups


# ── a score table flattened one cell per line ───────────────────────────────────────────────

_FLAT_COLUMNS = {"level1": 0, "level2": 1, "name": 2, "weight": 3, "target": 4, "actual": 5}
_FLAT_COLUMNS |= {"score": 6}
_TOTAL_LINE = re.compile(r"^(?:合计|总计|总分)$")
_FLAT_FIRST = re.compile(r"^\s*一\s*级\s*指\s*标")  # _COLUMNS' level1, spaces allowed
_BARE_NUMBER = re.compile(rf"^({NUMBER})分?$")


def _flattened_tables(lines: list[Line]) -> list[list[tuple[Line, int]]]:
    """Score tables whose cells came out one per line (PDF text, pasted tables), rebuilt as
    tab-separated rows in _FLAT_COLUMNS' order, kept only when the arithmetic proves the rows
    aligned: every row's weight and score are numbers, score ≤ weight, and the weights and scores
    add up to the 合计 line's two numbers. Merged cells (a 一级/二级指标 written once for several
    rows) carry over; a lost cell makes the arithmetic fail and the table is not read."""
    found = []
    for position in range(len(lines)):
        header = _flat_header(lines, position)
        if header is None:
            continue
        rows = _flat_rows(lines, position + len(header), header)
        if rows:
            found.append(rows)
    return found


def _flat_header(lines: list[Line], position: int) -> list[str] | None:
    """The column roles of a header written one title per line, starting at *position*."""
    if not _FLAT_FIRST.search(lines[position].text):
        return None  # a header starts with 一级指标 (checked below): most lines go here
    roles: list[str] = []
    for line in lines[position : position + 10]:
        cell = re.sub(r"\s", "", line.text)
        role = next((r for r, pattern in _COLUMNS if re.search(pattern, cell)), None)
        if role is None or role in roles:
            break
        roles.append(role)
    if not {"name", "weight", "score"} <= set(roles) or not ({"target", "actual"} & set(roles)):
        return None
    name_at = roles.index("name")
    if roles[name_at + 1] != "weight" or roles[-1] != "score" or roles[0] != "level1":
        return None
    return roles


def _flat_rows(lines: list[Line], start: int, roles: list[str]) -> list[tuple[Line, int]]:
    """(row rebuilt with tabs, end of its last cell) for each row above the 合计 line."""
    name_at = roles.index("name")
    trailing = roles[name_at + 1 :]
    carried: dict[str, str] = {}
    rows: list[tuple[Line, int]] = []
    weights, scores = Decimal(0), Decimal(0)
    position = start
    while position < len(lines):
        if _TOTAL_LINE.match(lines[position].text.strip()):
            return rows if rows and _flat_total(lines, position, weights, scores) else []
        leading: list[Line] = []
        while position < len(lines) and not _BARE_NUMBER.match(lines[position].text.strip()):
            leading.append(lines[position])
            position += 1
        if not leading or len(leading) > name_at + 1 or position + len(trailing) > len(lines):
            return []
        cells = _leading_cells(roles[: name_at + 1], leading)
        if cells is None:
            return []
        for role in roles[:name_at]:
            if role in cells:
                carried[role] = cells[role].text.strip()
            elif role not in carried:
                return []
        values = lines[position : position + len(trailing)]
        weight = _BARE_NUMBER.match(values[0].text.strip())
        score = _BARE_NUMBER.match(values[-1].text.strip())
        if weight is None or score is None:
            return []
        weight_value, score_value = parse_number(weight.group(1)), parse_number(score.group(1))
        if weight_value is None or score_value is None or not 0 <= score_value <= weight_value:
            return []
        weights, scores = weights + weight_value, scores + score_value
        texts = {role: carried[role] for role in roles[:name_at] if role not in cells}
        texts |= {role: line.text.strip() for role, line in cells.items()}
        texts |= {role: line.text.strip() for role, line in zip(trailing, values, strict=True)}
        row_text = "\t".join(texts.get(role, "") for role in _FLAT_COLUMNS)
        rows.append((Line(leading[0].index, row_text, leading[0].start), values[-1].end))
        position += len(trailing)
    return []


_LEVEL1_CELL = re.compile(r"^(?:产出|效益|效果|满意度|投入|过程)(?:指标)?$")


def _leading_cells(roles: list[str], leading: list[Line]) -> dict[str, Line] | None:
    """The text cells of a row up to its name, right-aligned (merged cells on the left are
    carried over); a 一级指标 word starts a new group, whose 二级指标 must be written again."""
    if _LEVEL1_CELL.match(leading[0].text.strip()) and len(leading) < len(roles):
        return None  # a new 一级指标 group with a cell lost
    cells = dict(zip(roles[len(roles) - len(leading) :], leading, strict=True))
    if any(
        _LEVEL1_CELL.match(line.text.strip()) for role, line in cells.items() if role != "level1"
    ):
        return None
    return cells


def _flat_total(lines: list[Line], position: int, weights: Decimal, scores: Decimal) -> bool:
    """The 合计 line's weight and score (the next two lines) are the sums of the rows'."""
    following = [_BARE_NUMBER.match(x.text.strip()) for x in lines[position + 1 : position + 3]]
    if len(following) < 2 or not all(following):
        return False
    total_weight, total_score = (parse_number(m.group(1)) for m in following if m)
    return total_weight == weights and total_score == scores


def _header_row(rows: list[Line]) -> tuple[int, dict[str, int]] | None:
    """(index, columns) of the score table's header: the first row, or, in a 自评表 drawn as one
    table ("部门名称\t…" / "年度预算执行情况\t…" rows above), the first row of the run that titles
    an indicator-name column and a target or actual column ("绩效指标\t一级指标\t二级指标\t三级指标\t
    年度指标值\t实际完成值\t分值\t得分")."""
    for index, row in enumerate(rows[:-1]):
        columns = _columns(row.text.split("\t"))
        if "name" in columns and {"target", "actual"} & set(columns):
            return index, columns
    return None


def _columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    titles = [re.sub(r"\s|（.*?）|\(.*?\)", "", title) for title in header]
    for index, title in enumerate(titles):
        for role, pattern in _COLUMNS:
            if role not in columns and re.search(pattern, title):
                columns[role] = index
                break
    if "三级指标" in titles:  # "绩效指标" then titles the form's section cell, not the names
        columns["name"] = titles.index("三级指标")
    return columns


def _read_row(
    row: Line,
    columns: dict[str, int],
    reading: IndicatorTables,
    span: tuple[int, int] | None = None,
) -> None:
    """One row into an indicator (or the 合计 row's score); *span*: where the row's cells are,
    when the row was rebuilt from cells on separate lines."""
    cells = row.text.split("\t")

    def cell(role: str) -> str:
        index = columns.get(role)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    if _TOTAL_ROW.match(cells[0].strip()):
        score = parse_number(cell("score")) if cell("score") else None
        figures = [parse_number(c.strip()) for c in cells[1:] if re.fullmatch(NUMBER, c.strip())]
        if len(figures) == 2 and figures[0] == 100 and score == 100:
            # the weights' total, then the score: the row one cell off the header's columns (a
            # caption column dropped above it, not in it)
            score = figures[1]
        if score is None and _short_total_row(cells, columns):
            # "总分\t100\t95.3" under "…\t分值\t得分": the merged cells left out, the two numbers
            # are the last two columns' (the weights' total, then the score)
            score = parse_number(cells[-1].strip())
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
    if _ocr_greater_equal(indicator, cell("target")):
        reading.ocr_targets.append((span or (row.start, row.end), cell("target")))
    if "target_text" in indicator and "target" not in indicator and "actual" not in indicator:
        indicator["comparator"] = "定性"
    reading.indicators.append(indicator)
    reading.spans.append(span or (row.start, row.end))


def _short_total_row(cells: list[str], columns: dict[str, int]) -> bool:
    """A 合计 / 总分 row shorter than its header, with two numbers and nothing else after its
    label, under a header whose last two columns are the weight and the score (in that order),
    the first number a full weight of 100."""
    weight, score = columns.get("weight"), columns.get("score")
    values = [cell.strip() for cell in cells[1:] if cell.strip()]
    return (
        weight is not None
        and score == weight + 1
        and score == max(columns.values())
        and len(cells) <= score
        and len(values) == 2
        and all(re.fullmatch(NUMBER, value) for value in values)
        and parse_number(values[0]) == 100
    )


def _ocr_greater_equal(indicator: dict[str, Any], written: str) -> bool:
    """OCR turns ≥ into 2: a target cell "290%" / "2100%" (no comparator) is "≥90%" / "≥100%",
    since no rate target reaches 200%. In other units "212场" is read as "≥12场" only when the
    row's arithmetic says so: full marks (score = weight) for an actual that meets 12 but falls
    short of 212. Otherwise the target stays as written."""
    target = indicator.get("target")
    match = re.match(rf"^\s*2({NUMBER})", written)
    if target is None or match is None or "comparator" in indicator:
        return False
    rest = parse_number(match.group(1))
    if rest is None or str(rest) == target:
        return False
    if indicator.get("unit") == "%":
        if Decimal(target) < 200:
            return False
    else:
        actual = indicator.get("actual")
        weight, score = indicator.get("weight"), indicator.get("self_score")
        if actual is None or weight is None or score != weight:
            return False
        if not rest <= Decimal(actual) < Decimal(target):
            return False
    indicator["target"] = str(rest)
    indicator["comparator"] = "≥"
    return True


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
