"""The year the report's figures are stated for, against the year its title states.

A report titled "2021年度…自评报告" whose money is stated as "2022年部门预算收入…" or whose table
is "2022年度收支决算表" contradicts itself: one of the two years is wrong. The importer keeps the
title's year and reports the body's (``import.W013``), pointing at both places.

Only years that label the report's own money count: "2022年预算收入650万元", "2022年度部门决算
表", "2022年预算数", a form's "2022年度资金总额" row, a form's head field "所属年度：2022", a table caption whose unit is stated ("表1 2022年度预算及支出情况" / "单位：万元"); a year after 较 / 比 / 与 / 同 (a comparison with another year), a date
("2022年3月"), a document number or a plan ("2023年工作计划") does not. The finding is given only
when no figure is labelled with the title's year: a report that compares its year with the year
before states both. A form's own head field (预算年度 / 评价年度 / 所属年度) that names another year
than the title's is the contradiction whatever the prose labels (a next year's budget named in a
note does not make the title's year the form's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.importers.document import ReportText

_YEAR = r"(?<![较比与同至到~\-—\d〔\[【(])((?:19|20)\d{2})年度?"
_MONEY_WORD = r"(?:预算|决算|支出|收入|拨款|经费)"
# "2022年部门预算收入650万元", "2022年度一般公共预算财政拨款支出236.40万元"
_CLAUSE = re.compile(
    _YEAR
    + rf"(?![\d月])[^,。;:\d]{{0,18}}?{_MONEY_WORD}[^,。;\d]{{0,10}}?[\d.]+\s*(?:亿元|万元|元)"
)
# a table's caption or header: "2022年度部门收支决算表", "2022年预算数"
_TABLE = re.compile(
    _YEAR
    + rf"(?![\d月])[^,。;\t|\d]{{0,14}}?(?:{_MONEY_WORD}[^,。;\t|\d]{{0,6}}?表|(?:预算|决算|执行|支出)数)"
)

# a form's total row: "2023年度资金总额 | 1,865.40 | …" (the 自评表's 年度资金总额 with a year before it)
_FORM_ROW = re.compile(_YEAR + r"(?:全年)?(?:预算)?资金(?:总额|合计)(?=\t\s*\d)")

# a form's head field naming the year its figures are for: "所属年度：2022", "评价年度:2022年度",
# "年度：2022年", "预算年度  2021年度" (a cell of the head line, apart by spaces or a tab, never a
# date: 2022年3月)
_FORM_YEAR = re.compile(
    r"(?<!\S)(?:所属|评价|自评|绩效|预算)?年度[:]\s*((?:19|20)\d{2})(?:年度?)?(?=\s|$)"
)
# …or a cell of its own after its label's cell, apart by a tab or two spaces or more: "预算年度
# 2021年度", "所属年度\t2021" (the label names what the year is for; a bare 年度 does not)
_FORM_YEAR_CELL = re.compile(
    r"(?<!\S)(?:所属|评价|自评|绩效|预算)年度(?:\t\s*|\s{2,})((?:19|20)\d{2})(?:年度?)?(?=\s|$)"
)
# …or closed up with the head line's other cells by a PDF's single spaces removed: "部门名称某县
# 水利局预算年度2021年度", "预算年度2021年度金额单位:元" (the year's cell ends the line or another
# head field's label follows it)
_FORM_YEAR_FUSED = re.compile(
    r"(?:所属|评价|自评|绩效|预算)年度((?:19|20)\d{2})年度?"
    r"(?=$|\s|主管部门|部门名称|单位名称|部门\(单位\)名称|填报单位|金额单位|单位:|填报日期|评价方式)"
)

# a table caption whose unit is stated on it or on the next line: "表1 2023年度预算及支出情况" /
# "单位：万元" (a caption without a unit may title anything)
# (its number may run into the year once PDF spaces are removed: "表1 2023年度" → "表12023年度")
_CAPTION = re.compile(
    r"^\s*(?:附?表\s*\d{0,2}?\s*[:.、]?\s*)?(?:[\u4e00-\u9fff]{2,24}?)?"  # the department named first
    r"((?:19|20)\d{2})年度?" + rf"(?![\d月])[^,。;\t|\d]{{0,14}}?{_MONEY_WORD}[^,。;\t|\d]{{0,10}}$"
)
_UNIT = re.compile(r"单位[:]?\s*(?:亿元|万元|千元|元)|\((?:亿元|万元|千元|元)\)")


@dataclass(frozen=True)
class YearMention:
    year: int
    span: tuple[int, int]  # in the report's normalised text
    text: str


def money_years(report: ReportText, skip: tuple[int, int] | None = None) -> list[YearMention]:
    """Every year that labels the report's own money (a clause with an amount, a table), outside
    the span *skip* (the title)."""
    found: list[YearMention] = []
    lines = report.lines
    for index, line in enumerate(lines):
        if skip is not None and line.start < skip[1] and skip[0] < line.start + len(line.text):
            continue
        for pattern in (_CLAUSE, _TABLE, _FORM_ROW, _FORM_YEAR, _FORM_YEAR_CELL, _FORM_YEAR_FUSED):
            for match in pattern.finditer(line.text):
                found.append(_mention(line.start, match))
        if not any(
            m.span[0] >= line.start and m.span[1] <= line.start + len(line.text) for m in found
        ):
            caption = _CAPTION.match(_UNIT.sub("", line.text).rstrip(" ()\t"))
            following = lines[index + 1].text if index + 1 < len(lines) else ""
            if caption and (_UNIT.search(line.text) or _UNIT.match(following.strip())):
                found.append(_mention(line.start, caption, group_start=True))
    return found


def _mention(offset: int, match: re.Match[str], *, group_start: bool = False) -> YearMention:
    """A year mention from a match in a line starting at *offset* (a caption: from its year)."""
    start = match.start(1) if group_start else match.start()
    return YearMention(
        int(match.group(1)),
        (offset + start, offset + match.end()),
        match.string[start : match.end()],
    )


def contradicting_year(
    report: ReportText,
    title_year: int,
    title_span: tuple[int, int],
    earlier: list[tuple[int, int]] | None = None,
) -> YearMention | None:
    """The first year the body labels its money with, when it is never the title's year. A
    mention around an amount in *earlier* (an earlier year's, set aside beside this year's
    undated figure: "2022年度实际支出191.27万元" under a table of 2023) labels no money of the
    report's."""
    years = [
        mention
        for mention in money_years(report, title_span)
        if not any(_dates(report.text, mention, start) for start, _ in earlier or [])
    ]
    heads = [mention for mention in years if _HEAD_FIELD.match(mention.text)]
    if heads and not any(mention.year == title_year for mention in heads):
        return heads[0]  # the form's own 预算年度 / 评价年度 field: no prose mention outweighs it
    if not years or any(mention.year == title_year for mention in years):
        return None
    return years[0]


# a form's head field's mention ("预算年度        2023年", "评价年度：2023"): `_FORM_YEAR…`
_HEAD_FIELD = re.compile(r"^(?:所属|评价|自评|绩效|预算)?年度")


def _dates(text: str, mention: YearMention, start: int) -> bool:
    """The mention's year dates the amount at *start*: the amount in its clause, after it."""
    first, last = mention.span
    return first <= start and not re.search(r"[,;。\n]", text[last:start])


def table_captions(report: ReportText) -> list[tuple[int, YearMention]]:
    """(line index, year) of each money table's caption naming a year: "表2 2023年度部门支出决算表"
    (a year, then money words closing on 表), or a caption whose unit is stated on it or on the
    next line ("2023年度预算及支出情况（万元）")."""
    found = []
    lines = report.lines
    for index, line in enumerate(lines):
        text = _UNIT.sub("", line.text).rstrip(" ()\t")
        caption = _CAPTION.match(text)
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if caption and (
            caption.group(0).rstrip(")）").endswith("表")
            or re.search(r"表\(", caption.group(0))
            or _UNIT.search(line.text)
            or _UNIT.match(following.strip())
        ):
            found.append((index, _mention(line.start, caption, group_start=True)))
    return found


# a form's title ("部门整体支出绩效自评表", "附件：…评价表") and the year it is for, in brackets on the
# line under it ("（2022年度）") or closing it ("部门整体支出绩效自评表（2022年度）")
_FORM_TITLE = re.compile(r"(?:自评表|评价表|评分表|绩效表)(?:\(((?:19|20)\d{2})年度?\))?\s*$")
_YEAR_IN_BRACKETS = re.compile(r"^\s*\(\s*((?:19|20)\d{2})年度?\s*\)\s*$")


# a form or summary table titled with its year first: "2018年度部门整体支出绩效自评主要数据一览"
_DATED_FORM_TITLE = re.compile(
    r"^\s*(?:附?表\s*\d{0,2}\s*[:.、]?\s*)?((?:19|20)\d{2})年度?[\u4e00-\u9fff]{2,24}"
    r"(?:自评表|评价表|评分表|数据一览表?|汇总表|一览表)\s*$"
)


def form_heads(report: ReportText) -> list[tuple[int, YearMention]]:
    """(line index, year) of each form whose title names the year its figures are for: "部门整体
    支出绩效自评表（2022年度）", the title with "（2022年度）" alone on the next line, or a title
    opening with its year ("2018年度部门整体支出绩效自评主要数据一览")."""
    found = []
    lines = report.lines
    for index, line in enumerate(lines):
        dated = _DATED_FORM_TITLE.match(line.text)
        if dated is not None:
            found.append((index, _mention(line.start, dated, group_start=True)))
            continue
        title = _FORM_TITLE.search(line.text)
        if title is None:
            continue
        if title.group(1):
            found.append((index, _mention(line.start, title, group_start=True)))
        elif index + 1 < len(lines) and (year := _YEAR_IN_BRACKETS.match(lines[index + 1].text)):
            found.append((index + 1, _mention(lines[index + 1].start, year, group_start=True)))
    return found
