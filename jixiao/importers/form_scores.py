"""A 自评表's score total, its 预算执行率 indicator row and its whole-funds row's rate, when the
form is pasted from a PDF or a Word table as text: cells apart by runs of spaces (merged cells as
indentation, the total's cells far right) or by single spaces the normaliser has closed up
between ideographs ("总分100 88.71"), never as tab rows.

Each reader proves what it reads from the form itself: the score total row by its 分值 of 100
under a score table's header (a weight title before a score title, an indicator title); the
indicator row by its place under a header with a target and an actual column and its own weight
and score; the whole-funds row by its amounts, whose spending over budget is the rate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.importers.document import Line
from jixiao.importers.patterns import NUMBER, parse_number

# a score table's header: no digit, an indicator title, a weight title before a score title
# ("一级指标  二级指标  三级指标  指标值  实际值  分值  得分  偏差原因", closed up by the
# normaliser: "一级指标二级指标三级指标年度指标值实际完成值分值得分")
_WEIGHT = r"(?:分值|权重|标准分|满分)"
_SCORE = r"(?:自评得分|得分|自评分|评分)"
_SCORE_HEADER = re.compile(rf"{_WEIGHT}(?:\(分\))?\s*{_SCORE}(?:\(分\))?(?=\s|$|偏差|备注|扣分)")
_INDICATOR_TITLE = re.compile(r"指标")
# the form's total row: its label, the 分值 of the whole (100), the score ("总分   100   95.5",
# "合计 100 97.31", "综合得分  100  88.5"), nothing else on the line
_TOTAL_LABELS = {
    "总分",
    "合计",
    "总计",
    "得分合计",
    "合计得分",
    "总得分",
    "自评总分",
    "综合得分",
    "自评得分",
}
# the label's cell: its ideographs perhaps spread apart ("总    分", "总　　分"), a bracket after it
# ("合计（总分）", "总分（分）"); the numbers perhaps with 分 ("100分  95.5分"); a grade cell after
# them ("总分  100  95.5  优")
_TOTAL_ROW = re.compile(
    r"^(?P<label>\s*[^\d\s()]+(?:\s+[^\d\s()]+)*?(?:\([^()]{1,6}\))?)\s*"
    r"(?P<weight>100(?:\.0+)?)分?\s+(?P<score>\d{1,3}(?:\.\d+)?)分?"
    r"(?:\s{2,}(?P<grade>优秀|优|良好|良|中等|中|合格|较差|差|不合格))?\s*$"
)
_NUMBERS_ONLY = re.compile(r"^\s*(?P<weight>100(?:\.0+)?)分?\s+(?P<score>\d{1,3}(?:\.\d+)?)分?\s*$")


def _total_label(text: str) -> bool:
    """A total row's label: 总分 / 合计 / … written whole or spread apart, a bracket naming the
    total or its unit after it ("合计（总分）", "总分（分）")."""
    match = re.fullmatch(r"\s*([^\d()]+?)\s*(?:\(([^()]{1,6})\))?\s*", text)
    if match is None or re.sub(r"\s", "", match.group(1)) not in _TOTAL_LABELS:
        return False
    return match.group(2) is None or match.group(2) in {*_TOTAL_LABELS, "分"}


# the total row with its score alone, the 分值 cell left blank ("总分                    95.5")
_SCORE_ALONE = re.compile(
    r"^(?P<label>\s*[^\d\s()]+(?:\s+[^\d\s()]+)*?(?:\([^()]{1,6}\))?)\s*"
    r"(?P<score>\d{1,3}(?:\.\d+)?)分?\s*$"
)
# a score table row's last two numbers, its 分值 and 得分 (a 偏差原因 of words may follow)
_ROW_WEIGHT_SCORE = re.compile(
    rf"(?<![\d.%])(?P<weight>{NUMBER})\s+(?P<score>{NUMBER})(?![\d.%])(?:\s+[^\d\s][^\d\t]*)?\s*$"
)


def _rows_add_up_to(rows: list[Line], score: Decimal) -> bool:
    """The rows' 分值 add up to 100 and their 得分 to *score*: two rows or more, each score at most
    its weight (lines without the two numbers, wrapped names or a repeated header, passed over)."""
    weights, scores = [], []
    for row in rows:
        match = _ROW_WEIGHT_SCORE.search(row.text)
        if match is None or "\t" in row.text:
            continue
        weight, part = parse_number(match.group("weight")), parse_number(match.group("score"))
        if weight is None or part is None or part > weight:
            return False
        weights.append(weight)
        scores.append(part)
    return len(scores) >= 2 and sum(weights) == 100 and sum(scores) == score


def _total_row(lines: list[Line], index: int) -> tuple[re.Match[str], Line] | None:
    """The total row's numbers at line *index*: on its line after the label, or on the next line
    alone when the label stands alone (the row wrapped: "总分" / "100    95.5")."""
    line = lines[index]
    match = _TOTAL_ROW.match(line.text)
    if match is not None:
        return (match, line) if _total_label(match.group("label")) else None
    if index + 1 < len(lines) and _total_label(line.text):
        following = lines[index + 1]
        numbers = _NUMBERS_ONLY.match(following.text)
        if numbers is not None and "\t" not in following.text:
            return numbers, following
    return None


# a caption naming another body's form or another year's, between the header and the row
_EARLIER = re.compile(r"上年|去年|上一年")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
# the rows a score table may hold between its header and its total: no heading of a section
_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|第[一二三四五]部分)"
)
_WITHIN = 60  # lines between a header and its total row, at most (a page break, a repeated header)


def _score_header(text: str) -> bool:
    return (
        not re.search(r"\d", text)
        and bool(_INDICATOR_TITLE.search(text))
        and bool(_SCORE_HEADER.search(text))
    )


def _header_above(lines: list[Line], index: int) -> int | None:
    """The nearest score table header above line *index*, with only table rows between."""
    for back in range(index - 1, max(index - 1 - _WITHIN, -1), -1):
        text = lines[back].text
        if _score_header(text):
            return back
        if "\t" in text or _HEADING.match(text) or lines[back].heading is not None:
            return None  # a tab row, a section heading: another table's or the prose's
    return None


_CAPTION_LENGTH = 40  # a table's caption line; a longer line is prose (the year's goals)


def _earlier_table_caption(text: str, year: int | None) -> bool:
    """The line above a score table's header captions it with an earlier year or 上年 (a long
    line there is prose, "…较上年提高2.1个百分点", not the table's caption)."""
    return len(text.strip()) <= _CAPTION_LENGTH and _earlier_caption(text, year)


def _earlier_caption(text: str, year: int | None) -> bool:
    if _EARLIER.search(text):
        return True
    years = [int(m.group(1)) for m in _YEAR.finditer(text)]
    return bool(years) and year is not None and max(years) < year


# a percentage followed by the rest of an indicator row's cells: another percentage, the 分值 and
# the 得分 ("预算执行率100% 97.65% 10 9.8" once closed up): the first is the row's target
INDICATOR_CELLS_AFTER = re.compile(rf"\s+\d+(?:\.\d+)?%\s+(?:{NUMBER})\s+(?:{NUMBER})(?![\d.%])")


def gapped_total_scores(
    lines: list[Line], year: int | None, grades: list[tuple[str, int, int]] | None = None
) -> list[tuple[Decimal, int, int]]:
    """(score, start, end) of each score table's total row in a form pasted as text with spaces
    ("总分                  100    95.5", "总分100 88.71" once closed up): the line is the total's
    label, the whole's 分值 100 and the score (at most 100) and nothing else but a grade cell (or
    the label alone, the two numbers alone on the next line), under a score table's
    header (no digit, an indicator title, 分值 / 权重 right before 得分) with only the table's
    rows between (a page's furniture and a repeated header may stand there, no tab row and no
    section heading). A total with another 分值 (a sub-total, a part's table), a lone number, or
    a header captioned with an earlier year or 上年 gives nothing."""
    found = []
    grades = [] if grades is None else grades
    for index, line in enumerate(lines):
        if "\t" in line.text:
            continue
        row = _total_row(lines, index)
        alone = None if row is not None else _SCORE_ALONE.match(line.text)
        if alone is not None and _total_label(alone.group("label")):
            row = (alone, line)
        if row is None:
            continue
        match, numbers = row
        score = parse_number(match.group("score"))
        if score is None or not 0 <= score <= 100:
            continue
        header = _header_above(lines, index)
        if header is None or (header and _earlier_table_caption(lines[header - 1].text, year)):
            continue
        if row[0] is alone and not _rows_add_up_to(lines[header + 1 : index], score):
            continue  # the score alone: proven only by the rows' weights (100) and scores
        found.append(
            (score, numbers.start + match.start("score"), numbers.start + match.end("score"))
        )
        if match.groupdict().get("grade"):
            grades.append(
                (match.group("grade"), numbers.start + match.start(), numbers.start + match.end())
            )
    return found


def gapped_total_grades(lines: list[Line], year: int | None) -> list[tuple[str, int, int]]:
    """(grade, start, end) of a grade cell closing a form's proven total row ("总分  100  95.5
    优秀"): the total's own grade, read on the total row's conditions."""
    grades: list[tuple[str, int, int]] = []
    gapped_total_scores(lines, year, grades)
    return grades


# an indicator table's header naming a target and an actual column (指标值 / 目标值, 实际值 /
# 完成值) before its weight and score
_TARGET_ACTUAL = re.compile(r"(?:指标值|目标值|预期值).*?(?:实际值|完成值|实际完成)")
# the department's 预算执行率 as an indicator's name ("预算执行率", "部门预算执行率", "预算执行率
# （实际支出/调整预算）", "预算执行率（%）"); 项目 / 专项 / 资金 / 基本支出 before it name a part
_RATE_NAME = (
    r"(?:部门整体|部门|整体)?预算执行率"
    r"(?:\((?:%|[实际全年年初调整后预算支出执行决算数/÷×*]{2,20}(?:×100%)?)\))?"
)
_GAP = r"(?:\s{2,}|^\s*)"
_RATE_ROW = re.compile(
    rf"{_GAP}(?P<name>{_RATE_NAME})\s{{2,}}"
    rf"(?P<target>(?:≥|≤|>=|<=|>|<|=)?\s*\d+(?:\.\d+)?%)\s{{2,}}"
    r"(?P<actual>\d+(?:\.\d+)?)%\s{2,}"
    rf"(?P<weight>{NUMBER})\s{{2,}}(?P<score>{NUMBER})(?:\s{{2,}}\D[^\t]*)?\s*$"
)


# …and such a row closed up by the normaliser (a PDF's single spaces removed between ideographs):
# "过程指标预算执行预算执行率 ≥95% 97.65% 10 9.8", the names before the rate's own only the
# template's first and second level names (过程 / 预算执行 / 资金管理 …), never 项目 / 专项
_CLOSED_RATE_ROW = re.compile(
    rf"^\s*(?P<prefix>[^\d\s]*?)(?P<name>{_RATE_NAME})\s*"
    r"(?P<target>(?:≥|≤|>=|<=|>|<|=)?\s*\d+(?:\.\d+)?%)\s+"
    r"(?P<actual>\d+(?:\.\d+)?)%\s+"
    rf"(?P<weight>{NUMBER})\s+(?P<score>{NUMBER})(?![\d.])(?:\s*[^\d\s][^\t]*)?\s*$"
)
_LEVEL_NAMES = re.compile(
    r"(?:过程指标|过程|预算执行情况|预算执行|预算管理|资金管理|财务管理|资金投入|投入指标|执行)*"
)


def _rate_row(text: str) -> re.Match[str] | None:
    match = _RATE_ROW.search(text)
    if match is not None:
        return match
    match = _CLOSED_RATE_ROW.match(text)
    if match is None or not _LEVEL_NAMES.fullmatch(match.group("prefix")):
        return None
    return match


def gapped_indicator_rates(lines: list[Line]) -> Iterator[tuple[Decimal, int, int, str]]:
    """(rate, start, end, label) of the 预算执行率 row of an indicator table laid out with runs of
    spaces ("预算执行    预算执行率    预算执行率（实际支出/调整预算）    ≥95%    97.65%    10    10",
    "预算  预算执行  部门预算执行率  100%  98.06%  10  9.81"): the row's name, a cell of its own,
    is the department's 预算执行率 (部门 / 部门整体 before it, its formula or (%) after it; never
    项目 / 专项 / 资金 … 预算执行率), then its target, its actual (a percentage), its 分值 and its
    得分 (at most the 分值), a 偏差原因 after them, under a header with a target and an actual
    column and a weight before a score. The actual is the rate; the target is never read. Only
    one such row in the report."""
    found = []
    for index, line in enumerate(lines):
        if "\t" in line.text:
            continue
        match = _rate_row(line.text)
        if match is None:
            continue
        weight, score = parse_number(match.group("weight")), parse_number(match.group("score"))
        if weight is None or score is None or not 0 <= score <= weight <= 100:
            continue
        before = line.text[: match.start("name")]
        if re.search(r"\d", before):
            continue  # a number before the name: not the row's name cell
        header = _header_above(lines, index)
        if header is None:
            continue
        titles = lines[header].text
        following = lines[header + 1].text if header + 1 < index else ""
        if not re.search(r"\d", following):  # titles wrapped onto the next line ("年度" / "指标值")
            titles += " " + following
        if not _TARGET_ACTUAL.search(re.sub(r"\s", "", titles)):
            continue
        found.append(
            (
                Decimal(match.group("actual")),
                line.start + match.start("name"),
                line.start + match.end("actual") + 1,
                "预算执行率",
            )
        )
    if len(found) == 1:
        yield found[0]


# a piece of the block's caption cell ("预算" / "执行" / "情况" over three rows) a PDF's text layer
# ran into the row's label: "执行年度资金总额1,386.20 1,542.86 1497.31 97.05%"
_CAPTION_PIECE = r"(?:预算执行情况|预算执行|执行情况|预算|执行|情况)?"
# the form's whole-funds row: "资金总额9286540.00 8975318.62 96.65% 10 9.67", "年度资金总额
# 386.72  371.05  95.95%", "支出合计  1,068.42  1,032.76  96.66%", "合计  652.80  638.46  14.34
# 97.80%": the label, amounts, the rate
_WHOLE_ROW = re.compile(
    rf"^\s*(?:{_CAPTION_PIECE}(?:年度资金总额|资金总额|资金合计|支出合计|支出总计)|合计|总计)"
    r"(?:\(调整后\))?\s*"
    rf"(?P<amounts>(?:(?:{NUMBER})\s+){{2,4}})(?P<rate>\d+(?:\.\d+)?)%(?!\S)"
)


def _proven_whole_rows(lines: list[Line]) -> Iterator[tuple[Line, re.Match[str], Decimal]]:
    """Each whole-funds row laid out with spaces whose rate two of its amounts make, the later
    over the earlier, to the decimals written."""
    for line in lines:
        if "\t" in line.text:
            continue
        match = _WHOLE_ROW.match(line.text)
        if match is None:
            continue
        rate = Decimal(match.group("rate"))
        amounts = [parse_number(n) for n in re.findall(NUMBER, match.group("amounts"))]
        exponent = rate.as_tuple().exponent
        places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
        if any(
            a and b and (b * 100 / a).quantize(places) == rate
            for n, a in enumerate(amounts)
            for b in amounts[n + 1 :]
        ):
            yield line, match, rate


def whole_row_rates(lines: list[Line]) -> set[Decimal]:
    """The rates a form's whole-funds row states (年度资金总额 / 资金总额 / 支出合计 / 合计, its
    amounts then a percentage) that two of its amounts make, the later over the earlier, to the
    decimals written: the form's own proof that the rate is the whole budget's execution."""
    return {rate for _, _, rate in _proven_whole_rows(lines)}


# the whole's own label (a bare 合计 / 总计 may close any table: a project list's)
_WHOLE_LABEL = re.compile(
    rf"^\s*{_CAPTION_PIECE}(?:年度资金总额|资金总额|资金合计|支出合计|支出总计)"
)


def whole_row_execution_rates(lines: list[Line]) -> Iterator[tuple[Decimal, int, int, str]]:
    """(rate, start, end, label) of a form's whole-funds row laid out with spaces ("支出合计
    1,068.42    1,032.76    96.66%    10    9.67", "资金总额9286540.00 8975318.62 96.65% 10 9.67"):
    the rate it states when two of its amounts make it and its label names the whole's funds
    (年度资金总额 / 资金总额 / 资金合计 / 支出合计 / 支出总计; a bare 合计 is not read so), the only
    such row in the report."""
    found = [
        (rate, line.start + match.start(), line.start + match.end(), "预算执行率")
        for line, match, rate in _proven_whole_rows(lines)
        if _WHOLE_LABEL.match(line.text)
    ]
    if len(found) == 1:
        yield found[0]


_GAPPED_CELL = re.compile(r"\S+(?: \S+)*")


def gapped_score_pairs(line: Line, line_score: re.Pattern[str]) -> list[tuple[Decimal, int, int]]:
    """ "自评得分    92.5    自评等级    优", "综合得分      88.5": a form's line of key and value cells
    apart by runs of two spaces or more (an even count, every key a label, not a number), a key
    naming the self-score (自评得分 / 综合得分 / 评价得分…, never 总分 / 分值 / 权重 alone) with a
    bare number after it (at most 100): that score, as the tab row's pairs give it. A line of
    another shape (a label then columns of numbers, "总分    100    84.49") is not read here."""
    if "\t" in line.text or not re.search(r"\S {2,}\S", line.text):
        return []
    cells = [(m.group(0), m.start()) for m in _GAPPED_CELL.finditer(line.text)]
    if len(cells) < 2 or len(cells) % 2:
        return []
    if any(re.search(r"\S {2,}", text) for text, _ in cells):
        return []
    return score_pairs(line, cells, line_score)


def score_pairs(
    line: Line, cells: list[tuple[str, int]], line_score: re.Pattern[str]
) -> list[tuple[Decimal, int, int]]:
    """The self-scores of a row of key and value *cells* in pairs (each its text, stripped, and
    its offset in *line*): a key naming the self-score (*line_score*'s label, never 满分 / 分值 /
    权重 / 扣分 / an indicator's) with a bare number after it, at most 100, as (score, start, end)
    in the text. [] when a key is empty, a number or a clause (a row of another shape)."""
    found: list[tuple[Decimal, int, int]] = []
    for index in range(0, len(cells) - 1, 2):
        (key, at), (value_cell, value_at) = cells[index], cells[index + 1]
        if not key or re.fullmatch(rf"(?:{NUMBER})%?", key) or re.search(r"[,;。]", key):
            return []
        pair = line_score.fullmatch(f"{key}:{value_cell}")
        if pair is None or re.search(r"满分|分值|权重|扣|指标|该项|单项", pair.group(1)):
            continue
        value = parse_number(pair.group(2))
        if value is not None and 0 <= value <= 100:
            found.append((value, line.start + at, line.start + value_at + len(value_cell)))
    return found
