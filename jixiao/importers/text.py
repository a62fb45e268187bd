"""Import a report's text (.txt, or text from .docx/.pdf) into a dossier draft.

The reading runs in fixed steps: normalise (keeping offsets), find the title (department and
year), find headings and sections, then read staffing, money, assets, stated rates, the self
score and grade, goals, duties and narratives. Every value keeps its :class:`Source`; what could
not be read with certainty becomes a finding (ids ``import.*``, see docs/findings.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

from jixiao.core.dossier import Source, dossier_from_data
from jixiao.core.errors import InputError
from jixiao.core.figures import FIGURES_BY_KEY
from jixiao.core.numbers import format_score
from jixiao.importers.bundles import set_aside_project_forms
from jixiao.importers.dimension_scores import dimension_scores
from jixiao.importers.document import Block, Line, ReportText, blocks_from_text
from jixiao.importers.facts import Fact, Findings
from jixiao.importers.flat_tables import flattened_execution_rates
from jixiao.importers.form_scores import (
    INDICATOR_CELLS_AFTER,
    gapped_indicator_rates,
    gapped_score_pairs,
    gapped_total_grades,
    gapped_total_scores,
    score_pairs,
    whole_row_execution_rates,
    whole_row_rates,
)
from jixiao.importers.headings import numbered
from jixiao.importers.indicators import read_indicator_tables, score_row_groups
from jixiao.importers.money import (
    Restated,
    another_bodys_sentence,
    approximate_figure,
    asset_pair_cells,
    names_something_else,
    read_money,
)
from jixiao.importers.normalise import display_width as _display_width
from jixiao.importers.patterns import (
    CHINESE_NUMERAL,
    CJK,
    COMPARATORS,
    NUMBER,
    parse_count,
    parse_number,
)
from jixiao.importers.result import ImportResult
from jixiao.importers.staffing import label_start, read_staffing
from jixiao.importers.table_rates import (
    indicator_row_rates,
    rate_row_rates,
    table_execution_rates,
    year_column_rates,
)
from jixiao.importers.unit_items import unit_item_lines
from jixiao.importers.years import YearMention, contradicting_year, form_heads, table_captions
from jixiao.io.files import read_input_bytes

MAX_TEXT_CHARS = 2_000_000
PLACEHOLDER_NAME = "未识别的部门"

_TITLE_WORDS = re.compile(r"报告|(?:自评|评价)表|(?:自评|评价)(?:情况|结果)$")
# one project's form, not the department's whole ("2023年度项目支出绩效自评表", "项目绩效评价表")
_PROJECT_FORM_TITLE = re.compile(
    r"项目(?:支出)?绩效(?:自评|评价)表"
)  # a 自评表 alone is titled as the form it is
_TITLE_KIND = re.compile(r"绩效|评价|自评")
_SUFFIXES = re.compile(
    r"(?:的|结果|自评|自我评价|评价|评估|绩效|支出|整体|部门\(单位\)|单位\(部门\)|部门|单位|"
    r"财政|资金|预算|项目|专项|情况|工作)$"
)
_YEAR = re.compile(r"((?:19|20)\d{2})年(?:度)?")
_ORG_END = r"(?:局|委员会|委|办公室|办|室|中心|联合会|院|部|站|所|馆|队|厅|处|社|会|政府|法院|检察院|机关|公司|学校|医院|小学|中学)"
_ORG = re.compile(rf"^[{CJK}()]{{2,30}}{_ORG_END}$")
# a form's field naming the body filling it in: "填报单位：某县水利局（盖章）\t金额单位：万元",
# "填报单位（盖章）：…", "部门名称\t某局\t主管部门\t…", "部门（单位）名称：某镇人民政府    单位：万元",
# or its fields run together once a PDF's spaces are gone ("部门名称某镇人民政府主管部门某县人民政府")
_NAME_FIELD = r"(?:填报单位|预算单位|部门\(单位\)名称|单位\(部门\)名称|单位名称|部门名称)"
_SEAL = r"(?:\((?:盖章|公章|签章)\))?"
_FORM_NAME_FIELD = re.compile(
    rf"(?:^|\t)\s*{_NAME_FIELD}{_SEAL}\s*:?\s*"
    rf"([{CJK}]{{2,30}}?{_ORG_END}){_SEAL}(?=\s|$|主管部门|(?:金额)?单位:)"
)
# the field alone on its line, the name alone on the next ("部门（单位）名称" / "某县水库管理所")
_NAME_FIELD_ALONE = re.compile(rf"^\s*{_NAME_FIELD}{_SEAL}\s*:?\s*$")
# the nearest asset noun before a change: 资产总额 / 总资产 / 资产, or another figure's
_ASSET_NOUN = re.compile(r"净资产|负债|(?:固定|流动|无形|国有)?资产")


# a form's line with the percent sign in brackets in its label, the number (signed) bare after
# it and nothing else: "预算执行率（%）：97.52", "资产总额增减变化（%）：-3.2"
_FORM_PERCENT_LINE = re.compile(
    rf"\s*(?:其中:?)?\s*([{CJK}]{{2,20}})\(%\)\s*:\s*([-+]?)\s*({NUMBER})\s*"
)
_ASSET_CHANGE_LABEL = re.compile(
    r"(?:资产总额|总资产|资产)(?:较上年|比上年|同比)?(?:增减变化|增减变动|增减变化率|增减变动率|增减率|"
    r"增减幅度|变动率|变化率|增长率)"
)


# a spaced form's asset total key and the change cell after its value (_asset_change_spaced_cells)
_SPACED_ASSET_TOTAL = re.compile(r"(?:年末|期末)?(?:资产总额|资产总计|资产合计|总资产)")
# the prior year's asset total beside the year's, the change after both (a form's tab row)
_PRIOR_ASSET_TOTAL = re.compile(
    r"(?:上年末|上年|年初|上年同期)(?:资产总额|资产总计|资产合计|总资产)"
)
_SPACED_ASSET_CHANGE = re.compile(
    r"(?:较|比)(?:上年|上年末|年初)(?:末)?(下降|减少|降低|增长|增加|上升|增减|变化)(?:率|幅度)?|"
    r"(增长|增减|变动|变化)率"
)


def _form_percent_lines(lines: list[Line]) -> Iterable[tuple[Line, str, Decimal, int, int]]:
    """Every form line "label（%）：N" (see _FORM_PERCENT_LINE): its label, signed value, span."""
    for line in lines:
        match = _FORM_PERCENT_LINE.fullmatch(line.text)
        if match is None:
            continue
        value = parse_number(match.group(3))
        if value is None:
            continue
        signed = -value if match.group(2) == "-" else value
        yield line, match.group(1), signed, line.start + match.start(1), line.start + match.end(3)


def _bare_asset_change(label: str) -> re.Match[str] | None:
    """ "资产总额1,026.34万元（上年998.71万元），增长2.8%": the verb alone opens its clause, the
    comparison with last year left to the figure before it (the asset total, checked by the
    caller); "收入增长2.8%" names something else and is not this."""
    return re.fullmatch(r"[,，]?\s*(下降|减少|降低|增长|增加|上升|提高)了?", label)


def _carried_clause(lines: list[Line], line: Line, before: str) -> str:
    """The end of the line above when *line*'s text before a figure (*before*) opens no sentence
    of its own and the line above breaks off inside a sentence, after a comma (text wrapped at a
    fixed width: "…年末资产总额12,634.08万元，" / "较上年下降2.3%，…"); "" otherwise."""
    if line.index == 0 or re.search(r"[。;；]", before):
        return ""
    above = lines[line.index - 1].text.rstrip()
    if not above.endswith((",", "，")) or "\t" in above:
        return ""
    return above[max(above.rfind(mark) for mark in "。;；") + 1 :]


def _changes_the_asset_total(sentence: str) -> bool:
    """True when the nearest asset noun before a "较上年增长4.6%" is the asset total ("资产总额
    186.45万元，较上年增长4.6%"), not 净资产, 负债 or 固定资产 ("…，净资产172.30万元，较上年增长4.6%")."""
    # a bracket is an aside: "资产总额3,284.16万元（其中固定资产2,106.50万元），较上年增长4.1%"
    nouns = _ASSET_NOUN.findall(re.sub(r"\([^()]*\)", "", sentence))
    return bool(nouns) and nouns[-1] in ("资产", "国有资产")


_GRADES = {
    "优秀": "优",
    "优": "优",
    "良好": "良",
    "良": "良",
    "中等": "中",
    "中": "中",
    "合格": "合格",
    "较差": "差",
    "差": "差",
    "不合格": "不合格",
}
# every grade word, the longer first (优秀 before 优, 不合格 before 合格)
_GRADE_WORD = "|".join(sorted(_GRADES, key=len, reverse=True))
_GRADE_IN_BRACKETS = re.compile(rf"\s*(?:\(({_GRADE_WORD})\)|/\s*({_GRADE_WORD})(?![{CJK}]))")
_RATES: tuple[tuple[str, str], ...] = (
    (r"(?:在职人员|财政供养人员|人员)控制率", "rates.in_service_control"),
    (r"政府采购执行率", "rates.procurement_execution"),
    (r"预算执行率", "rates.execution"),
    (r"预算调整率", "rates.adjustment"),
    (r"结转结余率", "rates.carryover"),
    (r"公用经费控制率", "rates.public_funds_control"),
    (r"三公”?经费”?控制率", "rates.sangong_control"),
    (r"重点支出安排率", "rates.key_spending"),
    (r"固定资产利用率", "rates.fixed_asset_use"),
)
_NARRATIVES: tuple[tuple[str, str], ...] = (
    (r"经验|做法", "experience"),
    (r"问题", "problems"),
    (r"改进|措施|建议|整改", "improvements"),
    (r"应用|公开情况", "application"),
    (r"履职完成|完成情况|产出", "achievements"),
    (r"履职效果|效果|效益", "effects"),
    (r"总体目标|工作任务|履职目标", "overall_goal"),
    (r"预算绩效管理|绩效管理", "performance_management"),
    (r"预算及执行|预算执行|资金|支出情况|收支", "budget_notes"),
    (r"资产", "asset_management"),
)


# "本年支出合计占全年预算的97.69%": the year's whole spending over its whole budget (a class's
# share, "基本支出占全年预算的…", is not)
_SPENT_OVER_BUDGET = re.compile(
    r"(?:(?:19|20)\d{2}年度?)?(?:本年|全年|当年|年度)?(?:部门)?(?:实际|累计)?"
    r"(?:支出合计|支出总额|总支出|支出|决算支出|执行数)"
    r"占(?:全年|年度|本年|当年|调整后)?(?:部门)?预算(?:总额|总数|数)?的?(?:比例|比重)?"
)


# "2.政府采购：…，执行率100%": a sentence opening with an item and a colon speaks of that item
_NAMED_ITEM = re.compile(
    r"^\s*(?:\d{1,2}[.、]|\(\S{1,3}\))?\s*[^:,。;]{0,12}?(?:采购|项目|三公|专项|工程|补助|经费):"
)


def _about_a_named_item(line: Line, start: int) -> bool:
    """True when the sentence holding *start* opens with a named item and a colon."""
    sentence = re.split(r"[。;]", line.text[: start - line.start])[-1]
    return bool(_NAMED_ITEM.match(sentence))


# the words of a sentence's subject that name the department or the report's own sections, not
# a project: "部门整体：", "预算执行情况：", "2024年，", "中共某县委党校全年预算…"
_OWN_SUBJECT_WORDS = re.compile(
    r"情况|概况|总体|整体|方面|主要|总|其中|另外|另|此外|同时|[一二三四五六七八九十]是|从|看|上|"
    # the year's carry-over, a figure of the department's own ("年末结余结转513.52万元，预算执行率…")
    r"(?:年末|年底|期末)?(?:结余结转|结转结余|结余|结转)|"
    r"(?:本|我|该|全)(?:单位|部门|局|委|办|院|校|中心|镇|乡|街道)"
)
_OWN_BODY = re.compile(
    rf"[{CJK}]{{2,24}}(?:局|委员会|委|办公室|办|院|中心|部|厅|所|站|队|会|社|馆|处|机关|党校|学校|"
    r"中学|小学|幼儿园|医院|卫生院|政府|街道办事处|街道|镇|乡)"
)
_FIRST_PHASE_WORD = re.compile(r"年初|调整|全年|预算|支出|执行|决算|安排|拨付|使用|(?<![\d.])\d")
_SUBJECT_LIST_NUMBER = re.compile(r"^\s*(?:\(?[一二三四五六七八九十\d]{1,2}[)、.]|[①-⑩])\s*")


# a clause opening on one of the department's units and its money: "作物资源研究所预算3,412.86万元，
# …" (its name, then a phase word), "院本级：预算…"
_UNITS_CLAUSE = re.compile(
    rf"^(?:[{CJK}]{{2,8}}看[:,])?\s*(?![本我该全])([{CJK}()]{{2,24}}?"
    r"(?:本级|机关|所|院|站|中心|队|馆|处|局|学校|医院|社))\s*:?\s*"
    r"(?:全年|年初|当年|本年)?(?:预算|支出|安排|决算)"
)


def _a_units_clause(before: str, department: str | None) -> bool:
    """The clause a rate closes opens on one of the department's units and its money ("从各单位
    看：…；作物资源研究所预算3,412.86万元，支出3,250.19万元，执行率95.23%"): the unit's rate. A
    clause naming the department itself (its name, or its end: "农业科学院") is its own."""
    reach = max(len(before) - 200, 0)  # a unit's clause is short: its name, its two amounts
    start = max(before.rfind(mark, reach) for mark in "。;；") + 1
    if start == 0 and reach:
        return False
    match = _UNITS_CLAUSE.match(before[start:].strip())
    if match is None:
        return False
    name = match.group(1)
    return not (department and department.endswith(name.lstrip("县市区省")))


def _rate_of_a_named_subject(line: Line, label: str, start: int) -> bool:
    """True when the rate's sentence (or its own label) opens with a subject that names something
    else than the department, a project, a fund, an activity: "教学楼维修改造：预算45.88万元，支出
    34.40万元，执行率74.98%", "3.校园安保服务，预算…", "维修改造项目预算…，执行率…", "其中课题经费
    预算…", "教学楼维修改造（预算…，执行率…）", "教学楼维修改造预算执行率74.98%". The subject is the
    sentence up to its first phase word or number, before a colon or bracket, or before a comma
    in a numbered item; a subject of phase words, fillers, section words (情况, 整体) and the
    department's own name is the department's ("部门整体：", "预算执行情况：", "2024年，")."""
    sentence = re.split(r"[。;!?]", line.text[: start - line.start])[-1]
    # the words right before 执行率 in the rate's own label (a table row's cells before it aside)
    own = re.search(rf"[{CJK}]*执行率$", label)
    own_label = re.sub(r"(?:预算)?执行率$", "", own.group(0)) if own else ""
    if own_label:  # "全年预算执行率" after "一季度…," : the rate's own words name its subject
        return _names_another_subject(own_label)
    subjects: list[str] = []
    numbered_item = _SUBJECT_LIST_NUMBER.match(sentence)
    body = sentence[numbered_item.end() :] if numbered_item else sentence
    first = _FIRST_PHASE_WORD.search(body)
    head = body[: first.start()] if first is not None else ""
    if "率" not in head:  # "在职人员控制率达80%,预算执行率…": another rate's label, not a subject
        cut = re.search(r"[:(]", head)
        if cut is not None:
            subjects.append(head[: cut.start()])
        elif "," in head:
            if numbered_item:
                subjects.append(head[: head.index(",")])
        else:
            subjects.append(head)
    return any(_names_another_subject(subject) for subject in subjects)


def _names_another_subject(subject: str) -> bool:
    # a year ("2024年度部门…") or a comparison ("较2023年提高2.1个百分点") names no subject
    subject = re.sub(r"\d{4}年度?|较.*|部门$", "", subject)
    rest = _OWN_SUBJECT_WORDS.sub("", re.sub(r"[()“”\s,:]", "", subject))
    rest = _OWN_BODY.sub("", rest)
    if len(re.findall(f"[{CJK}]", rest)) < 2:
        return False
    return names_something_else(rest)


def _label_before_the_colon(text: str, position: int, start: int) -> tuple[int, str]:
    """(start, label) of "预算执行率:" right before *position* (spaces allowed); else as found."""
    match = re.search(rf"([{CJK}]{{2,16}})\s*:\s*$", text[:position])
    if match is None:
        return start, ""
    return match.start(1), match.group(1)


def _budget_and_spending_totals(
    data: dict[str, Any], stated: list[Fact]
) -> tuple[list[Decimal], list[Decimal]]:
    """(budget totals, spending totals) the money readers read: lines with no class or funding,
    and stated totals."""
    budgets: list[Decimal] = []
    spending: list[Decimal] = []
    for line in data.get("money", {}).get("lines", []):
        if line["item"] != "未分类支出" or line.get("funding"):
            continue
        spent = line["phase"] in ("执行", "决算")
        (spending if spent else budgets).append(Decimal(line["amount"]))
    for fact in stated:
        if fact.key in ("budget.total", "budget.initial_total"):
            budgets.append(fact.value)
        elif fact.key == "executed.total":
            spending.append(fact.value)
    return budgets, spending


# a form's key cell and its value cell apart by a tab or a run of spaces ("预算执行率    97.65%"),
# the line ending there or going on with another key cell (never a number: "预算执行率 | 95% |
# 97.65%" is an indicator row whose first percentage is the target)
_CELL_GAP = re.compile(r"(?:\t|\s{2,})\s*$")
_NEXT_KEY_CELL = re.compile(r"\s*$|(?:\t|\s{2,})\s*[^\d\s≥≤<>=.+\-/]")


def _key_cell_before(label: str, after: str) -> str:
    """The label of a form's key / value pair with the gap between them dropped."""
    gap = _CELL_GAP.search(label)
    if gap is None or not label[: gap.start()].strip() or not _NEXT_KEY_CELL.match(after):
        return label
    return label[: gap.start()]


# a key：value line of a rate alone: "执行率：96.97%", "全年执行率: 96.97 %"
_KEYED_LINE = re.compile(rf"^\s*(?:全年|年度|整体|总体)?执行率\s*:\s*(?:{NUMBER})\s*%\s*[。.]?\s*$")

# a bare execution rate, of whatever its sentence names ("全年执行率", "执行率")
_BARE_RATE = re.compile(
    r"(?:\s*(?:\d{1,2}[.、]|\(\d{1,2}\)|[①-⑩]))?\s*(?:全年|年度|整体|总体)?(?:预算)?执行率"
)


_ITEM_NUMBER = re.compile(r"^\s*(?:\(?[一二三四五六七八九十\d]{1,2}[)、.]|[①-⑩])\s*")


def _spent_over_a_budget(
    line: Line, label: str, start: int, rate: Decimal, totals: tuple[list[Decimal], list[Decimal]]
) -> bool:
    """ "2023年度财政拨款支出728.14万元，较上年决算数645.37万元增长12.83%，执行率98.05%": a bare
    执行率 in a sentence about spending is the budget's when the arithmetic proves it — a spending
    total read over a budget total read is that rate, to the decimals written (reconcile)."""
    if not re.fullmatch(
        r"(?:全年|年度|整体|总体|预算|支出)?执行率|(?:全年|年度|整体|总体|资金)?(?:支出|执行|预算执行|支付)进度"
        r"|(?:全年|年度|预算)?支出率"
        r"|(?:资金|预算)完成率|资金支付率",
        label,
    ):
        return False
    sentence = line.text[max(start - line.start - _SENTENCE_REACH, 0) : start - line.start].split(
        "。"
    )[-1]
    heading = line.path[-1] if line.path else ""
    # a form's key：value line of its own ("执行率：96.97%" under "全年预算数：…" / "全年执行数：…"),
    # or a numbered item of one ("4、执行率：97.14%。"): no sentence to name its subject, the
    # arithmetic alone proves it
    item = _ITEM_NUMBER.match(line.text)
    unnumbered = line.text[item.end() :] if item and item.end() == len(sentence) else line.text
    keyed = not _ITEM_NUMBER.sub("", sentence).strip() and bool(_KEYED_LINE.match(unnumbered))
    if not keyed and not (
        _WHOLE_SPENDING_NOUN.search(sentence) or _WHOLE_EXECUTED_NOUN.search(sentence)
    ):
        return False
    if not keyed and not re.search(r"支出|预算|收支|执行", "".join(line.path)):
        return False
    if re.search(r"项目|三公|专项|(?<!财政)(?<!部门)资金", heading):
        return False  # a project's or a fund's section: its rate, not the department's
    exponent = rate.as_tuple().exponent
    places = Decimal(1).scaleb(min(exponent, 0) if isinstance(exponent, int) else 0)
    budgets, spending = totals
    if any(
        (spent * 100 / budget).quantize(places) == rate
        for budget in budgets
        for spent in spending
        if budget
    ):
        return True
    return _misstated_right_after_its_spending(sentence, rate, totals)


# the clause right before a rate: a whole-spending noun and its amount ("部门全年支出5738.26万元，")
_SPENDING_CLAUSE = re.compile(
    rf"({NUMBER})(?:万元|亿元|千元|元)\s*[,，]\s*(?:全年|年度|整体|总体|预算)?$"
)
_NEAR = Decimal(5)  # percentage points: a misstatement of that rate, not another rate
# a part of a split: its label and amount ("基本支出6,145.92万元")
_SPLIT_PART = re.compile(rf"^[{CJK}]{{2,12}}(?:为|是|:)?{NUMBER}(?:亿元|万元|千元|元)$")


def _without_the_split(sentence: str) -> str:
    """The sentence without the split that closes it ("…万元，其中：基本支出6,145.92万元，项目支出
    5,582.12万元，"): every part a label and an amount, apart by 、 or commas."""
    at = sentence.rfind("其中")
    if at < 0:
        return sentence
    tail = re.sub(r"[ ,，]*(?:全年|年度|整体|总体|预算)?$", "", sentence[at + 2 :].lstrip(":："))
    parts = re.split(r"(?<!\d)[,，、]|[,，、](?!\d)", tail)
    if not all(_SPLIT_PART.match(part.strip()) for part in parts):
        return sentence
    return sentence[:at].rstrip(" ,，") + ","


def _misstated_right_after_its_spending(
    sentence: str, rate: Decimal, totals: tuple[list[Decimal], list[Decimal]]
) -> bool:
    """ "部门全年支出5738.26万元，全年执行进度95.32%" where 5738.26 over the budget is 92.32%: the
    rate stands right after the whole spending it is of (the spending total read, its noun in the
    clause), and is within a few points of what the budget makes it: that rate, misstated. It is
    read as stated; the check then finds the difference. The spending's split after it ("，其中
    基本支出…、项目支出…") may stand between the two."""
    sentence = _without_the_split(sentence)
    clause = re.split(  # a comma apart from a thousands separator ("11,728.04")
        r"(?<!\d)[,，]|[,，](?!\d)", re.sub(r"[ ,，]*(?:全年|年度|整体|总体|预算)?$", "", sentence)
    )[-1]
    amount = _SPENDING_CLAUSE.search(sentence)
    if amount is None or not _WHOLE_SPENDING_NOUN.search(clause):
        return False
    spent = parse_number(amount.group(1))
    budgets, spending = totals
    if spent is None or spent not in spending:
        return False
    return any(budget and abs(spent * 100 / budget - rate) <= _NEAR for budget in budgets)


_SENTENCE_REACH = 400  # characters back a rate's sentence is read for its nouns
_PAIR_REACH = 60  # characters: a slash pair and the rate's label before the rate
# "（一）部门整体：2,862.40/2,781.56，执行率97.18%": a budget/spending pair right before the rate
_PAIR_BEFORE_RATE = re.compile(rf"({NUMBER})\s*/\s*({NUMBER})\s*,?\s*$")


def _rate_after_a_slash_pair(
    line: Line, label: str, start: int, rate: Decimal, totals: tuple[list[Decimal], list[Decimal]]
) -> bool:
    """A bare 执行率 right after a slash pair ("2,862.40/2,781.56，执行率97.18%") is the budget's
    when the pair is a budget total and a spending total the money readers read (either way round,
    as its order was declared) and the spending over the budget is that rate, to the decimals
    written."""
    if not re.fullmatch(r"(?:全年|年度|整体|总体|预算)?执行率", label):
        return False
    before = line.text[max(start - line.start - _PAIR_REACH, 0) : start - line.start]
    clause = re.split(r"[。;]", before)[-1]  # the pair right before the rate, a short way back
    pair = _PAIR_BEFORE_RATE.search(clause)
    if pair is None:
        return False
    budget, spent = parse_number(pair.group(1)), parse_number(pair.group(2))
    budgets, spending = totals
    if budget in spending and spent in budgets:
        budget, spent = spent, budget  # "前一数为实际支出数，后一数为调整后预算数": declared so
    if not budget or spent is None or budget not in budgets or spent not in spending:
        return False
    exponent = rate.as_tuple().exponent
    places = Decimal(1).scaleb(min(exponent, 0) if isinstance(exponent, int) else 0)
    return (spent * 100 / budget).quantize(places) == rate


_COMPLETES_THE_BUDGET = re.compile(
    r"(?:完成|达到)(?:了)?(?:全年|年度|本年|当年|调整后)?(?:部门)?预算(?:总额|总数|数)?的?"
)
# "2022年年度执行数9,415.02万元，…，执行率95.81%": the year's spending named as the budget's
# 执行数 (only where the arithmetic proves the rate: _spent_over_a_budget)
_WHOLE_EXECUTED_NOUN = re.compile(
    r"(?:^|[,，:：])\s*(?:(?:19|20)\d{2}年)?(?:全年|年度|本年|当年|部门)?(?:预算)?(?:执行数|执行总额|决算数)"
)
_WHOLE_SPENDING_NOUN = re.compile(
    r"支出决算|决算支出|实际支出|支出合计|支出总额|总支出|本年支出|全年支出|财政拨款支出|共支出|"
    r"累计支出|完成支出|累计完成|实际使用资金|累计支付"
)


def _budget_execution_rate(line: Line, label: str, start: int) -> bool:
    """A bare "执行率" is the budget's when its clause has just named the budget ("全年预算调整后
    为3600万元，执行率97.17%"), or the spending in a sentence that named the budget, or its heading is about budget execution ("2.2 预算执行"); so is
    the year's spending stated as a share of its budget ("支出合计占全年预算的97.69%")."""
    if _SPENT_OVER_BUDGET.fullmatch(label) or _spent_amount_over_budget(line, label, start):
        return True
    if _COMPLETES_THE_BUDGET.fullmatch(label):
        # "财政拨款支出决算407.82万元，完成全年预算的97.36%": the clause's subject is the whole
        # spending, not a class or a project's
        clause = re.split(r"[。;]", line.text[: start - line.start])[-1]
        return bool(_WHOLE_SPENDING_NOUN.search(clause)) and not re.search(
            r"基本支出|项目支出|三公|专项|工资福利|商品和服务", clause
        )
    if not re.fullmatch(r"(?:全年|年度|整体|总体)?(?:支出)?执行率", label):
        return False
    before = line.text[: start - line.start]
    clause = re.split(r"[。;]", before)[-1]
    sentence = before.split("。")[-1]
    heading = line.path[-1] if line.path else ""
    # "全年预算数共计1,086.6万…；支出合计1,052.3万，…，执行率96.84%": the spending's clause of a
    # sentence that has named the budget
    spent = "预算" in sentence and "支出" in clause
    # "（二）预算情况 / 全年预算3,640.85万元，…。全年支出3,512.47万元，…，执行率96.47%": under a
    # heading about the budget, a sentence about the year's whole spending after the paragraph
    # has stated the budget
    whole_spending = (
        "预算" in heading
        and not re.search(r"项目|三公|专项|资金", heading)
        and "预算" in before[: len(before) - len(sentence)]
        and bool(_WHOLE_SPENDING.match(sentence.strip()))
    )
    return "预算" in clause or spent or "预算执行" in heading or whole_spending


_OVER_BUDGET = re.compile(
    r"占(?:全年|年度|本年|当年|调整后)?(?:部门)?预算(?:总额|总数|数)?的?(?:比例|比重)?"
)
_SPENT_CLAUSE = re.compile(
    r"(?:(?:19|20)\d{2}年度?)?(?:部门)?(?:全年|本年|当年|年度)?(?:实际|累计)?"
    rf"(?:支出|决算支出|支出决算)(?:合计|总额|总计|数)?(?:为|是|:)?\s*(?:{NUMBER})(?:亿元|万元|千元|元|万),?"
)


def _spent_amount_over_budget(line: Line, label: str, start: int) -> bool:
    """ "全年决算支出2,301.62万元，占全年预算的96.49%": the share follows the year's whole spending
    and its amount, the clause before it (a class's, "基本支出1,408.37万元，占…", is not)."""
    if not _OVER_BUDGET.fullmatch(label):
        return False
    before = line.text[: start - line.start]
    clause = re.split(r"[。;!?]", before)[-1].strip()
    return bool(_SPENT_CLAUSE.fullmatch(clause))


_WHOLE_SPENDING = re.compile(
    r"(?:(?:19|20)\d{2}年度?)?(?:部门)?(?:全年|本年|当年|年度)?(?:实际|累计)?"
    r"(?:支出|决算支出)(?:合计|总额|总计)?(?:为|是|:)?\s*\d"
)


def import_text_file(path: str | Path, given: Given | None = None) -> ImportResult:
    """Read a .txt report (UTF-8, or GBK/GB18030) and import it."""
    path = Path(path)
    return import_text(read_text_file(path), file=path.name, given=given)


def read_text_file(path: Path) -> str:
    return decode_text(read_input_bytes(path, max_bytes=MAX_TEXT_CHARS * 4), str(path))


def decode_text(data: bytes, origin: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError.single(
            origin,
            "",
            f"无法识别文本编码（第{utf8_error.start}字节）：应为 UTF-8 或 GBK/GB18030",
            f"unknown text encoding (byte {utf8_error.start}): expected UTF-8 or GBK/GB18030",
        ) from None
    if "\x00" in text or not re.search(f"[{CJK}]", text):
        raise InputError.single(
            origin,
            "",
            "不是文本文件（无法按 UTF-8 或 GBK 读出中文）",
            "not a text file (no Chinese text in UTF-8 or GBK)",
        )
    return text


# a short report touching every reader (staffing, money in prose and a table, rates, score):
# read once in a process that forks a child per report, so the children inherit the lexicon,
# the compiled patterns and the readers' caches instead of building them for each report
_WARM_UP_REPORT = (
    "某县示例局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n"
    "核定行政编制10名、事业编制5名，实有在职人员14人，退休人员3人。\n"
    "二、预算执行情况\n全年预算数500.00万元，其中基本支出300.00万元、项目支出200.00万元；"
    "全年实际支出480.00万元，预算执行率96.00%。工资福利支出250.00万元。\n"
    "项目\t全年预算数\t全年执行数\t执行率\n合计\t500.00\t480.00\t96.00%\n"
    "年末资产总额120.50万元，较上年增长3.2%。\n三、自评结论\n自评得分92分，等级为优。\n"
)


@cache
def warm_up() -> None:
    """Build the readers' lazy state in this process, once (see _WARM_UP_REPORT)."""
    import_text(_WARM_UP_REPORT)


def import_text(text: str, *, file: str = "<text>", given: Given | None = None) -> ImportResult:
    """Import plain report text (paragraphs separated by line breaks)."""
    return import_blocks(blocks_from_text(text), file=file, given=given)


def import_blocks(blocks: list[Block], *, file: str, given: Given | None = None) -> ImportResult:
    """Import a report given as paragraphs or pages with their locators; *given* year and
    department take the place of the text's (a finding when the text says otherwise)."""
    total = sum(len(b.text) for b in blocks)
    if total > MAX_TEXT_CHARS:
        raise InputError.single(
            file,
            "",
            f"文本过长（{total}字，上限{MAX_TEXT_CHARS}字）",
            f"text too long ({total} characters, limit {MAX_TEXT_CHARS})",
        )
    blocks, projects = set_aside_project_forms(blocks)
    return import_report(ReportText(file, blocks), given=given, projects=projects)


def import_report(
    report: ReportText, *, given: Given | None = None, projects: list[str] | None = None
) -> ImportResult:
    """Import a report already split into lines (a caller that reads the lines too builds the
    ReportText once: ``jixiao analyze``). The size limit is import_blocks'; *projects* are the
    project forms set aside from a bundle (bundles.py), reported as import.I016."""
    findings = Findings(report)
    if projects:
        listed = "、".join(projects)
        findings.add(
            "import.I016",
            "info",
            f"材料中的项目支出绩效自评表（{listed}）是项目的，不是部门整体支出的，其金额、执行率和"
            "得分未导入 / the bundle's project forms are the projects', not the department's: "
            "their money, rates and scores were not imported",
            "部门整体支出的数额按部门整体自评表导入 / the department's figures come from its own "
            "form",
        )
    return _Importer(report, findings, given or Given()).run()


@dataclass(frozen=True)
class Given:
    """What the user supplies for a report that lacks it (``jixiao import --year --department``)."""

    year: int | None = None
    department: str | None = None


# the figures a money table's total row and the prose both state for the year
_TOTAL_KEY = re.compile(r"^(?:executed|budget)\.total$")


# how far below its head a form's money block may start (a form one cell a line runs long)
_FORM_LINES = 80


def table_captions_stop(text: str) -> bool:
    """A line of prose after a table (a sentence, not a cell): the table has ended."""
    return "\t" not in text and len(text) > 40


def _line_names_year(lines: list[Line], at: int, year: int) -> bool:
    """The line holding offset *at* names *year* (the prose states the figure for that year)."""
    return any(line.start <= at < line.end and f"{year}年" in line.text for line in lines)


class _Importer:
    def __init__(self, report: ReportText, findings: Findings, given: Given) -> None:
        self.report = report
        self.findings = findings
        self.given = given
        self.missing: list[str] = []
        self.year_span: tuple[int, int] | None = None
        self.title_year = False  # the year was read from the title (or the line below it)
        # the year the body labels all its money with, when it is not the title's (import.W013)
        self.body_year: int | None = None
        self.stated: list[Fact] = []
        self.internal_units: list[str] = []
        self.organisation_note: str | None = None
        self.title_text = ""
        self._score_totals: set[Decimal] | None = None  # the totals score rows make (lazily)
        self.sources: dict[str, tuple[int, int]] = {}
        self.field_sources: dict[str, Source] = {}
        self._percents: list[tuple[Line, str, Decimal, int, int]] | None = None
        self._money_spans: list[tuple[tuple[int, int], dict[str, Any]]] = []
        self._restated: list[Restated] = []
        # spans of rates read from a form's table or flattened block (_settle_execution_rates)
        self._form_rates: set[tuple[int, int]] = set()
        # amounts the money reader set aside as an earlier year's (no body year for W013)
        self._earlier_years: list[tuple[int, int]] = []
        self._stated_year: int | None = None
        self.department_name: str | None = None  # the name read (or given), once money is read

    # ── the steps ──────────────────────────────────────────────────────────────────────────

    def run(self) -> ImportResult:
        report = self.report
        name, year = self._title()
        title_year = year
        # import.W013 is settled once the money is read (an earlier year's amount set aside
        # there dates no money of the report's), listed where the title's findings are
        at = len(self.findings.items)
        # the year the text or --year states (no placeholder): an earlier one dates other money
        self._stated_year = self.given.year or year
        name, year = self._settle_name(name), self._settle_year(year)
        data: dict[str, Any] = {"year": year, "profile": self._profile(name)}
        project = self._project_form()
        for step in (
            self._read_staffing,
            self._read_money,
            lambda _: self._title_year_against_body(title_year, at),
            self._read_statements,
            self._read_organisation,
            self._read_self_evaluation,
            self._read_performance,
            self._read_prose,
        ):
            if project and step in (
                self._read_money,
                self._read_statements,
                self._read_self_evaluation,
                self._read_performance,
            ):
                continue
            step(data)
        data["stated"] = [self._stated_data(fact) for fact in self.stated]
        if "profile.name" in self.sources:
            self.field_sources.setdefault(
                "profile.name", report.source(*self.sources["profile.name"])
            )
        data["sources"] = {
            path: source.model_dump(exclude_none=True)
            for path, source in self.field_sources.items()
        }
        try:
            dossier = dossier_from_data(data, origin=report.file)
        except InputError as error:  # a reading the model refuses is our bug: say so clearly
            raise InputError(report.file, error.problems) from None
        sources = {
            key: report.source(*span)
            for key, span in self.sources.items()
            if key in FIGURES_BY_KEY or key == "grade.self"
        }
        return ImportResult(data, dossier, self.findings.items, sources, self.missing)

    def _project_form(self) -> bool:
        """A 项目支出绩效自评表 (one project's form: "2023年度项目支出绩效自评表" / "项目名称：…"),
        titled so and not as the department's whole (部门整体 / 整体支出): its money, rate, score
        and indicators are the project's, not the department's; none is read (import.I015)."""
        title = self.title_text or ""
        if not _PROJECT_FORM_TITLE.search(title) or re.search(r"整体", title):
            return False
        self.findings.add(
            "import.I015",
            "info",
            "这是项目支出绩效自评表（一个项目的资金和评分），不是部门整体支出的，金额、执行率、"
            "得分和指标均未导入 / a project's self-evaluation form: its money, rate, score and "
            "indicators are the project's, not the department's; none was imported",
            "部门整体支出的数额请从部门整体自评表或报告导入 / import the department's figures "
            "from its own form or report",
            self.year_span,
        )
        return True

    def _read_staffing(self, data: dict[str, Any]) -> None:
        staffing = read_staffing(self.report, self.findings)
        if staffing.data:
            data["staffing"] = staffing.data
        self._absorb(staffing.stated, staffing.sources)

    def _read_money(self, data: dict[str, Any]) -> None:
        self.department_name = data["profile"].get("name")
        money = read_money(
            self.report,
            self.findings,
            evaluation=self._is_evaluation(),
            department=data["profile"].get("name"),
            year=self._stated_year,
        )
        self._earlier_years = money.earlier_years
        lines = []
        for entry in money.lines:
            span = entry.pop("_span")
            entry = {k: v for k, v in entry.items() if v is not None}
            entry["source"] = self._source_data(span)
            lines.append(entry)
            self._money_spans.append((span, entry))
        self._restated = money.conflicts
        data["money"] = {"unit": "万元", "lines": lines}
        if money.assets:
            data["assets"] = {"unit": "万元", **{k: str(v) for k, v in money.assets.items()}}
        self._absorb(money.stated, money.sources)

    def _is_evaluation(self) -> bool:
        """An evaluation of a year that has ended (the default), unless the title or opening
        lines call the document a budget (预算公开 / 预算说明 / 预算草案) and not an evaluation."""
        opening = self.title_text or "".join(line.text for line in self.report.lines[:3])
        return bool(_TITLE_KIND.search(opening)) or not re.search(
            r"预算(?:公开|说明|草案)|部门预算(?:报告)?$", opening
        )

    def _read_statements(self, data: dict[str, Any]) -> None:
        self._caption_year_against_prose(data.get("year"))
        self._form_year_against_title(data.get("year"))
        self._asset_change()
        self._asset_change_form_line()
        self._asset_change_spaced_cells()
        year = data.get("year")
        if year is not None and self.body_year is not None and self.body_year < year:
            year = self.body_year  # the body's year (import.W013), as for the self-evaluation
        self._rates(_budget_and_spending_totals(data, self.stated), year)
        self._rate_form_lines()
        self._settle_execution_rates()
        for restated in self._restated:
            self._settle_restated(data, restated)

    def _read_organisation(self, data: dict[str, Any]) -> None:
        self._internal_units()
        if self.internal_units:
            data["profile"]["internal_units"] = self.internal_units
        if self.organisation_note:
            data["profile"]["organisation_note"] = self.organisation_note

    def _read_self_evaluation(self, data: dict[str, Any]) -> None:
        year = data.get("year")
        if year is not None and self.body_year is not None and self.body_year < year:
            # the title says 2023, every amount and the result 2022 (import.W013): a result
            # stated for the body's year is this report's, not last year's
            year = self.body_year
        score, grade = self._self_evaluation(read_indicator_tables(self.report).totals, year)
        self._score_rows_that_miss_their_total()
        if score or grade:
            data["self_evaluation"] = {k: v for k, v in (score | grade).items() if v is not None}
        self._dimension_scores_against_total(score.get("total") if score else None)

    def _dimension_scores_against_total(self, total: Any) -> None:
        """The dimensions' scores a paragraph lists before the total it states ("决策类指标得分17
        分…过程类…产出类…效益类…。综合评分为90.5分") that do not add up to it (import.W020)."""
        span = self.sources.get("score.self")
        if total is None or span is None:
            return
        stated = Decimal(str(total))
        for line in self.report.lines:
            if not line.start <= span[0] < line.end:
                continue
            parts = dimension_scores(line.text[: span[0] - line.start])
            made = sum((part.value for part in parts), Decimal(0))
            if not parts or made == stated:
                return
            listed = " + ".join(f"{part.name}{format_score(part.value)}" for part in parts)
            self.findings.add(
                "import.W020",
                "warning",
                f"各一级指标得分相加为{format_score(made)}分（{listed}），报告写的总分是"
                f"{format_score(stated)}分，两者不符 / the dimensions' scores add up to "
                f"{format_score(made)}, the report states {format_score(stated)}",
                "核对各一级指标得分与总分 / check the dimensions' scores against the total",
                (line.start + parts[0].start, span[1]),
            )
            return

    def _read_performance(self, data: dict[str, Any]) -> None:
        goals = self._goals()
        if goals:
            data["goals"] = goals
        tables = read_indicator_tables(self.report)
        if tables.indicators:  # a score or target table lists them all, with weights
            indicators = tables.indicators
            for indicator, span in zip(indicators, tables.spans, strict=True):
                indicator["source"] = self._source_data(span)
            for span, written in tables.ocr_targets:
                self.findings.add(
                    "import.W008",
                    "warning",
                    f"目标值“{written}”按“≥{written.strip()[1:]}”读取（文字识别常把≥读成2） / "
                    "read as ≥: OCR often turns ≥ into 2",
                    "请核对原件 / check the original",
                    span,
                )
        else:
            indicators = self._indicators()
        if indicators:
            data["indicators"] = indicators

    def _read_prose(self, data: dict[str, Any]) -> None:
        narratives = self._narratives()
        if narratives:
            data["narratives"] = narratives
        evaluation = self._evaluation()
        if evaluation:
            data["evaluation"] = evaluation

    def _absorb(self, facts: list[Fact], spans: dict[str, tuple[int, int]]) -> None:
        self.stated.extend(facts)
        for key, span in spans.items():
            self.sources.setdefault(key, span)
            if _is_field_path(key):
                self.field_sources.setdefault(key, self.report.source(*span))

    def _settle_restated(self, data: dict[str, Any], restated: Restated) -> None:
        """A total stated twice in contradiction (import.W003, both places quoted): the one
        statement the report's own arithmetic confirms is read — its 基本 + 项目 parts add up to
        it, or the stated 预算执行率 is its ratio to the other side's total —; with neither or
        both confirmed, neither is read (a wrong figure is worse than a missing one)."""
        key = restated.keys[0]
        rates = {
            f.value
            for f in self.stated
            if f.key == "rates.execution" and (f.start, f.end) == self.sources.get(f.key)
        }
        spans = {(a.start, a.end) for a in restated.statements}
        other_side = "executed.total" if key.startswith("budget.") else "budget.total"
        others = {
            f.value for f in self.stated if f.key == other_side and (f.start, f.end) not in spans
        }
        for span, entry in self._money_spans:
            if span not in spans and any(
                e is entry for e in data.get("money", {}).get("lines", [])
            ):
                line_key = "executed" if entry["phase"] in ("执行", "决算") else "budget"
                if (
                    line_key == other_side.split(".")[0]
                    and entry["item"] == "未分类支出"
                    and not entry.get("funding")
                ):
                    others.add(Decimal(entry["amount"]))

        def by_rate(value: Decimal) -> bool:
            spent_over = (
                (lambda other: value / other)
                if key.startswith("executed.")
                else (lambda other: other / value)
            )
            return any(
                other and value and _same_rate(spent_over(other) * 100, rate)
                for rate in rates
                for other in others
            )

        confirmed = [a for a in restated.statements if a in restated.by_parts or by_rate(a.value)]
        chosen = confirmed[0] if len(confirmed) == 1 else None
        lines = data.get("money", {}).get("lines", [])
        read = restated.statements[0]  # the line read first (the other became a statement)
        for span, entry in self._money_spans:
            if span == (read.start, read.end) and any(e is entry for e in lines):
                if chosen is None:
                    lines[:] = [e for e in lines if e is not entry]
                else:
                    entry["amount"] = str(chosen.value)
                    entry["label"] = chosen.label
                    entry["source"] = self._source_data((chosen.start, chosen.end))
        places = [
            n
            for n, f in enumerate(self.stated)
            if f.key in restated.keys and (f.start, f.end) in spans
        ]
        facts = [self.stated[n] for n in places]
        if chosen is None:
            self.stated[:] = [f for n, f in enumerate(self.stated) if n not in places]
        else:  # the chosen statement takes the first of their places (the figure is the first)
            ordered = sorted(facts, key=lambda f: (f.start, f.end) != (chosen.start, chosen.end))
            for n, fact in zip(places, ordered, strict=True):
                self.stated[n] = fact
        for read_key in restated.keys:
            if self.sources.get(read_key) in spans:
                if chosen is None:
                    del self.sources[read_key]
                else:
                    self.sources[read_key] = (chosen.start, chosen.end)

    def _source_data(self, span: tuple[int, int]) -> dict[str, Any]:
        return self.report.source(*span).model_dump(exclude_none=True)

    def _stated_data(self, fact: Fact) -> dict[str, Any]:
        unit = FIGURES_BY_KEY[fact.key].unit if fact.key in FIGURES_BY_KEY else None
        entry: dict[str, Any] = {"key": fact.key, "value": str(fact.value)}
        if unit:
            entry["unit"] = unit
        entry["source"] = self._source_data((fact.start, fact.end))
        return entry

    # ── title: department and year ─────────────────────────────────────────────────────────

    def _title(self) -> tuple[str | None, int | None]:
        """Department and year as the title (or failing it, the opening text) states them."""
        lines = self.report.lines[:60]
        name: str | None = None
        year: int | None = None
        title_line: Line | None = None
        for position, line in enumerate(lines):
            found = _read_title(line.text)
            next_line = position + 1
            if found is None and position + 1 < len(lines) and len(line.text) <= 40:
                # a title broken over two lines: "…2018年度整体支出" / "绩效评价报告"
                # (also mid-word: "…2023年度部门整" / "体支出绩效自评报告", whose second line reads
                # as a title naming neither department nor year)
                following = lines[position + 1].text
                alone = _read_title(following)
                if (
                    len(following) <= 20
                    # (a form's: "…2023年度部门整体支出绩效" / "自评表")
                    and (
                        re.search(r"报告", following)
                        or (
                            re.search(r"(?:自评|评价|绩效)表$", following)
                            and re.search(r"(?:19|20)\d{2}年", line.text)
                        )
                    )
                    and (alone is None or alone == (None, None))
                ):
                    joined = _read_title(line.text + following)
                    if joined is not None and joined != (None, None):
                        found = joined
                        next_line = position + 2
            if found is None:
                continue
            title_name, title_year = found
            if title_line is None:
                title_line = line
                self.title_text = line.text
            if year is None and title_year is None:
                title_year = _year_line(lines[next_line].text) if next_line < len(lines) else None
            year = year or title_year
            if title_name and name is None:
                name, title_line = title_name, line
                self.sources["profile.name"] = (line.start, line.end)
            if name is None and not title_name:
                neighbour = _neighbour_org(lines, position)
                if neighbour is not None:
                    name = neighbour.text
                    self.sources["profile.name"] = (neighbour.start, neighbour.end)
            if name and year:
                break
        if name:
            name = self._longer_name_from_source(name)
        if name is None:
            name = self._name_from_form_field()
        if name is None:
            name = self._name_from_body()
        if year is not None and title_line is not None:
            self.year_span = (title_line.start, title_line.end)
            self.title_year = True
        if year is None:
            year = self._year_from_body()
        if title_line is None:
            self.findings.add(
                "import.W002",
                "warning",
                "找不到报告标题（…绩效自评报告/评价报告） / no report title found",
            )
        return name, year

    def _title_year_against_body(self, year: int | None, at: int | None = None) -> None:
        """A title year the body's money never uses, when it labels its money with another year:
        the report contradicts itself (import.W013), pointing at the body, the title in the hint."""
        if year is None or not self.title_year or self.year_span is None:
            return
        mention = contradicting_year(self.report, year, self.year_span, self._earlier_years)
        if mention is None:
            return
        self.body_year = mention.year
        title = self.report.source(*self.year_span)
        self.findings.add(
            "import.W013",
            "warning",
            f"标题写的是{year}年度，正文的金额写的是{mention.year}年（“{mention.text}”），两者矛盾；"
            f"按标题的{year}年度导入 / the title states {year}, the body's money {mention.year}; "
            f"imported as {year}",
            f"核对年度（标题：{title.describe()}）；如标题有误，用 --year 指定 / "
            f"check the year (title: {title.describe()}); give --year if the title is wrong",
            mention.span,
        )
        if at is not None and self.findings.items[-1].id == "import.W013":
            self.findings.items.insert(at, self.findings.items.pop())

    def _caption_year_against_prose(self, year: int | None) -> None:
        """A money table captioned with another year than the title's ("表2 2023年度部门支出决算
        表" in a report titled 2024) whose figure is the one the prose states for the report's
        year (its 合计 116,524.00 = "全年支出11.6524亿元"): the caption contradicts the title and
        the prose (import.W018), pointing at the caption. A table of another year whose figures
        differ from the prose's (last year's 决算表 beside this year's) is no contradiction."""
        if year is None or not self.title_year:
            return
        lines = self.report.lines
        for index, mention in table_captions(self.report):
            if mention.year == year:
                continue
            start = lines[index].end
            end = start
            for line in lines[index + 1 : index + 41]:
                if line.heading is not None or table_captions_stop(line.text):
                    break
                end = line.end
            inside = [f for f in self.stated if start <= f.start < end and _TOTAL_KEY.match(f.key)]
            block = (start, end)
            if not self._prose_states_the_tables_total(
                year, mention, index, inside, block
            ) and self._figures_read_from(start, end):
                self._year_of_the_table_read(year, mention, lines[index].text.strip())

    def _prose_states_the_tables_total(
        self,
        year: int,
        mention: YearMention,
        index: int,
        inside: list[Fact],
        block: tuple[int, int],
    ) -> bool:
        """import.W018 for the first total of the table the prose states for the report's year;
        False when the prose states none of them."""
        lines = self.report.lines
        start, end = block
        for fact in inside:
            prose = next(
                (
                    other
                    for other in self.stated
                    if other.key == fact.key
                    and other.value == fact.value
                    and not start <= other.start < end
                    and not _line_names_year(lines, other.start, mention.year)
                ),
                None,
            )
            if prose is None:
                continue
            amount = f"{fact.value:,.2f}"
            caption = lines[index].text.strip()
            place = self.report.source(prose.start, prose.end).describe()
            self.findings.add(
                "import.W018",
                "warning",
                f"报告标题为{year}年度，但表格标题写的是{mention.year}年度（“{caption}”），"
                f"而表中{fact.label or '合计'}{amount}万元正是正文所写{year}年度的数额，两者矛盾 / "
                f"the title states {year}, a table's caption {mention.year}, yet the table's "
                f"{amount} is the {year} figure the prose states",
                f"核对表格标题的年度（正文：{place}） / check the caption's year (prose: {place})",
                mention.span,
            )
            return True
        return False

    def _form_year_against_title(self, year: int | None) -> None:
        """A form whose head names another year than the title's ("部门整体支出绩效自评表" /
        "（2022年度）" in a report titled 2023) and whose money block the report's figures were
        read from: the report states its figures for two years (import.W019), pointing at the
        form's year, the title in the hint."""
        if year is None or not self.title_year or self.year_span is None:
            return
        lines = self.report.lines
        for index, mention in form_heads(self.report):
            if mention.year == year or self.year_span[0] <= mention.span[0] < self.year_span[1]:
                continue
            start, end = lines[index].end, lines[min(index + _FORM_LINES, len(lines) - 1)].end
            stated = any(start <= f.start < end and _TOTAL_KEY.match(f.key) for f in self.stated)
            if stated or self._figures_read_from(start, end):
                self._year_of_the_table_read(year, mention, lines[index].text.strip())
                return

    def _figures_read_from(self, start: int, end: int) -> bool:
        """The report's money figures (a budget, a spending, a rate) were read from [start, end)."""
        return any(
            start <= span[0] < end
            for key, span in self.sources.items()
            if key.startswith(("budget.", "executed.", "rates."))
        )

    def _year_of_the_table_read(self, year: int, mention: YearMention, caption: str) -> None:
        if self.body_year is not None:
            return  # the body's money is dated another year throughout: import.W013 said so
        title = self.report.source(*self.year_span) if self.year_span else None
        where = title.describe() if title else ""
        self.findings.add(
            "import.W019",
            "warning",
            f"报告标题为{year}年度，但表格写的是{mention.year}年度（“{caption}”），"
            f"而报告的金额正是从这张表读取的，两者矛盾 / the title states {year}, the table the "
            f"figures were read from states {mention.year}",
            f"核对表格的年度（标题：{where}） / check the table's year (title: {where})",
            mention.span,
        )

    def _settle_name(self, name: str | None) -> str:
        """The given department (--department) over the text's; a placeholder when neither."""
        given = self.given.department
        if given:
            if name and name != given:
                self.findings.add(
                    "import.W012",
                    "warning",
                    f"报告写的部门是“{name}”，按给定的“{given}”导入 / "
                    f"the report names “{name}”; imported as the given “{given}”",
                    "请核对部门名称 / check the department name",
                    self.sources.get("profile.name"),
                )
            self.sources.pop("profile.name", None)
            return given
        if name is None:
            self.findings.add(
                "import.W001",
                "warning",
                "找不到部门名称（标题中没有，正文开头也没有），草稿用“未识别的部门”占位 / "
                "no department name found; the draft uses a placeholder",
                "导入时用 --department 指定，或在档案中填写部门名称 / "
                "give --department when importing, or fill in the department name",
            )
            self.missing.append("department")
            return PLACEHOLDER_NAME
        return name

    def _settle_year(self, year: int | None) -> int:
        """The given year (--year) over the text's; a placeholder year when neither states one."""
        given = self.given.year
        if given is not None:
            if year is not None and year != given:
                self.findings.add(
                    "import.W012",
                    "warning",
                    f"报告写的是{year}年度，按给定的{given}年度导入 / "
                    f"the report states {year}; imported as the given year {given}",
                    "请核对年度 / check the year",
                    self.year_span,
                )
            return given
        if year is None:
            placeholder = date.today().year - 1
            self.findings.add(
                "import.W011",
                "warning",
                f"找不到报告年度（标题和正文开头都没有“20XX年度”），草稿暂填{placeholder}年 / "
                f"no report year found; the draft uses {placeholder} as a placeholder",
                "导入时用 --year 指定，或在档案中改正年度 / "
                "give --year when importing, or correct the year in the dossier",
            )
            self.missing.append("year")
            return placeholder
        return year

    def _longer_name_from_source(self, name: str) -> str:
        """ "来源：芙蓉区机关后勤服务中心" names the department in full when it ends like the title."""
        for line in self.report.lines[:30]:
            match = re.search(rf"(?:来源|发布机构|发布单位)[:\s]*([{CJK}()]{{2,40}})", line.text)
            if match:
                candidate = match.group(1)
                if len(candidate) > len(name) and candidate.endswith(name):
                    return candidate
        return name

    def _name_from_form_field(self) -> str | None:
        """A form's field naming the body that fills it in, under a title that names none
        ("填报单位：某县水利局（盖章）", "预算单位：…", "部门（单位）名称：…", "单位名称：…"): that name,
        when it ends like an organisation, the field is the first of its line or stands after a
        tab, and the name ends the line or a cell or runs into the next field (主管部门, 单位);
        or the field alone on its line, the name alone on the next. 主管部门 (the supervising
        department) is never the department."""
        lines = self.report.lines[:20]
        for index, line in enumerate(lines):
            match = _FORM_NAME_FIELD.search(line.text)
            if match:
                self.sources["profile.name"] = (
                    line.start + match.start(1),
                    line.start + match.end(1),
                )
                return match.group(1)
            following = lines[index + 1] if index + 1 < len(lines) else None
            if (
                following is not None
                and _NAME_FIELD_ALONE.match(line.text)
                and _ORG.match(following.text.strip())
            ):
                self.sources["profile.name"] = (following.start, following.end)
                return following.text.strip()
        return None

    def _name_from_body(self) -> str | None:
        for line in self.report.lines[:40]:
            match = re.search(
                rf"(?:^|[,。:;])(?:\d{{4}}年(?:度)?,?)?([{CJK}]{{2,24}}?{_ORG_END})"
                r"(?:机关)?(?:各项|本级|部门整体|整体|\d{4}年|是|属于|为)",
                line.text,
            )
            if match:
                name = match.group(1)
                self.findings.add(
                    "import.W010",
                    "warning",
                    f"标题中没有部门名称，按正文推断为“{name}” / department name inferred from the body",
                    "请核对部门名称 / check the department name",
                    (line.start + match.start(1), line.start + match.end(1)),
                )
                self.sources["profile.name"] = (
                    line.start + match.start(1),
                    line.start + match.end(1),
                )
                return name
        return None

    def _year_from_body(self) -> int | None:
        for line in self.report.lines[:20]:
            match = re.search(r"对((?:19|20)\d{2})年度?", line.text) or _YEAR.search(line.text)
            if match:
                self.findings.add(
                    "import.W002",
                    "warning",
                    f"标题中没有年度，按正文取{match.group(1)}年 / year taken from the body",
                    span=(line.start + match.start(), line.start + match.end()),
                )
                self.year_span = (line.start + match.start(), line.start + match.end())
                return int(match.group(1))
        return None

    def _profile(self, name: str) -> dict[str, Any]:
        profile: dict[str, Any] = {"name": name}
        duties = self._items_under(r"职能|职责")
        if duties:
            profile["duties"] = duties
        unit_type = self._unit_type()
        if unit_type:
            profile["unit_type"] = unit_type
        return profile

    def _unit_type(self) -> str | None:
        """单位性质 when the report says what the department is ("属于国家行政单位")."""
        for line in self.report.lines[:60]:
            match = re.search(
                r"(?:属于|系|为|是)[^,。;]{0,8}?(参照公务员法?管理(?:的)?事业单位|参公(?:管理)?事业单位|"
                r"行政单位|事业单位)",
                line.text,
            )
            if match and not re.search(
                r"全县|全市|全区|各|所属|下属|二级", line.text[: match.start()][-12:]
            ):
                kind = match.group(1)
                if kind.startswith("参"):
                    return "参照公务员法管理事业单位"
                return kind
        return None

    # ── stated figures in sentences ────────────────────────────────────────────────────────

    def _percent_facts(self) -> Iterable[tuple[Line, str, Decimal, int, int]]:
        """Every "label N%" of the report (read once: three steps go through them)."""
        if self._percents is None:
            self._percents = list(self._read_percent_facts())
        return self._percents

    def _read_percent_facts(self) -> Iterable[tuple[Line, str, Decimal, int, int]]:
        for line in self.report.lines:
            for match in re.finditer(rf"(?<![\d.])({NUMBER})%", line.text):
                value = parse_number(match.group(1))
                if value is None:
                    continue
                start = label_start(line.text, match.start(), ",;。:、()\n", 30)
                label = re.sub(
                    r"(?:为|是|达到|达|约|在|了|:)+$", "", line.text[start : match.start()]
                )
                if not label.strip():  # "预算执行率：95.12%", a form's label before its colon
                    start, label = _label_before_the_colon(line.text, match.start(), start)
                key = _key_cell_before(label, line.text[match.end() :])
                if key != label:  # a form's key cell: its place starts at its first character
                    start += len(key) - len(key.lstrip())
                    label = key.lstrip()
                yield line, label, value, line.start + start, line.start + match.end()

    def _rates(
        self, totals: tuple[list[Decimal], list[Decimal]] = ([], []), year: int | None = None
    ) -> None:
        own_year = year
        if year is not None and self.body_year is not None and self.body_year < year:
            own_year = self.body_year  # the title year the body contradicts (import.W013)
        whole_rates = whole_row_rates(self.report.lines)
        units = unit_item_lines(self.report.lines, self.department_name)
        for _line, label, value, start, end in self._percent_facts():
            if re.search(r"季度|\d月|上半年|下半年|截至|截止|项目|专项|全县|全市|全省", label):
                continue  # a quarter's, a project's or the county's rate, not the department's year
            if _line.index in units or _a_units_clause(
                _line.text[: start - _line.start], self.department_name
            ):
                continue  # "1.局机关：…，预算执行率98.10%": a unit's own rate
            if INDICATOR_CELLS_AFTER.match(_line.text, end - _line.start):
                continue  # "预算执行率100% 97.65% 10 9.8": an indicator row's target
            if _approximate_percent(_line, end):
                continue  # "执行率96%左右", "执行率约96%": an estimate, not the rate
            if _an_earlier_years_clause(
                _line.text, end - _line.start, own_year
            ) or _an_earlier_year(_line.text, end - _line.start, own_year):
                # "注：2023年度部门预算执行率为92.36%" in a 2024 report, "2022年度实际支出191.27万元，
                # 预算执行率95.12%": last year's rate
                continue
            # "预算执行 … 执行率97.17%": the budget's execution rate
            budget_rate = not _about_a_named_item(_line, start) and (
                _budget_execution_rate(_line, label, start)
                or _spent_over_a_budget(_line, label, start, value, totals)
                or _rate_after_a_slash_pair(_line, label, start, value, totals)
                # "全年执行率96.65%" in a form's 说明: the rate its whole-funds row states and
                # makes from its own amounts
                or (value in whole_rates and _BARE_RATE.fullmatch(label) is not None)
            )
            named = "预算执行率" if budget_rate else label
            for pattern, key in _RATES:
                if re.search(rf"(?:{pattern})$", named):
                    if key == "rates.execution" and _rate_of_a_named_subject(_line, label, start):
                        break  # a project's, a fund's or an activity's rate, not the department's
                    self.stated.append(Fact(key, value, start, end, label))
                    self.sources.setdefault(key, (start, end))
                    break
        # a table's 合计 row with a 完成率 column its own budget and spending confirm
        # …or a flattened form's budget / spending / 执行率 block, its rows proven by their rates
        rates = [
            *table_execution_rates(self.report.lines),
            *rate_row_rates(self.report.lines),
            *flattened_execution_rates(self.report.lines),
            *year_column_rates(self.report.lines, year),
            *indicator_row_rates(self.report.lines),
            *gapped_indicator_rates(self.report.lines),
            *whole_row_execution_rates(self.report.lines),
        ]
        if "rates.execution" not in self.sources:
            for value, start, end, label in rates:
                self.stated.append(Fact("rates.execution", value, start, end, label))
                self.sources.setdefault("rates.execution", (start, end))
                break
        elif rates:
            # the prose's rate rounded ("执行率96.9%"), the table's to more places (96.89%): the
            # same rate, read as precisely as the report states it (stated first)
            value, start, end, label = rates[0]
            stated = [f.value for f in self.stated if f.key == "rates.execution"]
            if all(_finer_rate(value, rate) for rate in stated):
                first = next(n for n, f in enumerate(self.stated) if f.key == "rates.execution")
                self.stated.insert(first, Fact("rates.execution", value, start, end, label))
                self.sources["rates.execution"] = (start, end)
            elif not any(value == rate or _finer_rate(rate, value) for rate in stated):
                # a form's rate the prose's contradicts: both go to _settle_execution_rates
                self.stated.append(Fact("rates.execution", value, start, end, label))
                self._form_rates.add((start, end))

    def _the_reports_own_scores(
        self, scores: list[tuple[Decimal, int, int]], labelled: dict[tuple[int, int], str]
    ) -> list[tuple[Decimal, int, int]]:
        """An evaluation by a third party or the finance bureau ("…部门整体支出财政重点绩效评价报告")
        that states the department's 自评得分 beside its own 综合评价得分: its score is the
        evaluation's. Only when every score stated is one of the two, each kind with one value;
        otherwise, and in a 自评报告, the scores are left as they are (import.W003 when they
        differ)."""
        if len({value for value, _, _ in scores}) < 2:
            return scores
        if not self._external_evaluation():
            return scores  # a 自评报告 stating a review's score beside its own: W003 decides
        kinds = {
            (start, end): "self" if "自评" in label else "evaluation"
            for (start, end), label in labelled.items()
        }
        if any((start, end) not in kinds for _, start, end in scores):
            return scores
        kept = [s for s in scores if kinds[(s[1], s[2])] == "evaluation"]
        others = [s for s in scores if s not in kept]
        if len({v for v, _, _ in kept}) != 1 or len({v for v, _, _ in others}) != 1:
            return scores
        return kept

    def _the_reports_own_grades(
        self, grades: list[tuple[str, int, int]]
    ) -> list[tuple[str, int, int]]:
        """As `_the_reports_own_scores`, for the grades: "等级为“中”。…自评等级为“优”" in an
        evaluation by a third party is 中."""
        if len({grade for grade, _, _ in grades}) < 2 or not self._external_evaluation():
            return grades
        kept = [g for g in grades if "自评" not in self.report.text[g[1] : g[2]]]
        others = [g for g in grades if g not in kept]
        if len({g for g, _, _ in kept}) != 1 or len({g for g, _, _ in others}) != 1:
            return grades
        return kept

    def _external_evaluation(self) -> bool:
        """The report evaluates the department from outside (评价报告, not a 自评报告)."""
        return "评价报告" in self.title_text and "自评" not in self.title_text

    def _lone_total_score(self, line: Line) -> list[tuple[Decimal, int, int]]:
        """A line "总分：95.0" alone: a form's total (总分 also names a table's full marks, so it
        is read only when the report's score rows add up to it)."""
        match = _LONE_TOTAL_SCORE.fullmatch(line.text)
        value = parse_number(match.group(1)) if match else None
        if match is None or value is None or value in (0, 100):
            return []
        if self._score_totals is None:  # once a report, however many such lines it has
            self._score_totals = _scores_the_rows_add_up_to(self.report) | _key_value_score_totals(
                self.report.lines
            )
        if value not in self._score_totals:
            return []
        return [(value, line.start + match.start(), line.start + match.end(1))]

    def _settle_execution_rates(self) -> None:
        """The 预算执行率 stated in two places ("预算执行率97.4%" in the prose, "预算执行率：97.41%" in
        the 自评表; "96.8%" / "94.80%"). One the other rounded: the same rate, the precise one read
        (stated first). Contradicting (import.W003, both places named): the one the report's own
        spending total over its budget total makes (to the decimals written) is read; with none
        or both making it, neither is read (a wrong figure is worse than a missing one)."""
        read_at = self.sources.get("rates.execution")
        facts = [
            f
            for f in self.stated
            if f.key == "rates.execution" and ((f.start, f.end) == read_at or self._in_a_form(f))
        ]
        if len({f.value for f in facts}) < 2:
            return
        finest = max(facts, key=lambda f: _places(f.value))
        if all(f.value == finest.value or _finer_rate(finest.value, f.value) for f in facts):
            self._read_rate_first(finest)
            return
        totals: dict[str, Decimal | None] = {}
        for key in ("budget.total", "executed.total"):
            span = self.sources.get(key)
            totals[key] = next(
                (f.value for f in self.stated if f.key == key and (f.start, f.end) == span),
                next(
                    (Decimal(entry["amount"]) for at, entry in self._money_spans if at == span),
                    None,
                ),
            )
        budget, spent = totals["budget.total"], totals["executed.total"]
        confirmed = [
            f for f in facts if budget and spent and _same_rate(spent / budget * 100, f.value)
        ]
        groups = {
            max(
                (c for c in confirmed if c.value == f.value or _finer_rate(c.value, f.value)),
                key=lambda c: _places(c.value),
            ).value
            for f in confirmed
        }
        chosen = max(confirmed, key=lambda f: _places(f.value)) if len(groups) == 1 else None
        listed = "、".join(dict.fromkeys(f"{f.value}%" for f in facts))
        places = "、".join(
            dict.fromkeys(
                f"{f.value}%在{self.report.source(f.start, f.end).locator}" for f in facts
            )
        )
        read = (
            f"按执行数{spent}万元÷预算数{budget}万元导入{chosen.value}% / the budget execution "
            "rate is stated differently in different places; the one the spending over the "
            "budget makes is imported"
            if chosen is not None
            else "未导入 / the budget execution rate is stated differently in different places; "
            "not imported"
        )
        self.findings.add(
            "import.W003",
            "warning",
            f"报告多处写明的预算执行率不一致（{listed}），{read}",
            f"核对哪一处正确（{places}） / check which statement is right",
            (facts[0].start, facts[0].end),
        )
        if chosen is not None:
            self._read_rate_first(chosen)
        else:
            self.sources.pop("rates.execution", None)
            self.stated[:] = [f for f in self.stated if f.key != "rates.execution"]

    def _in_a_form(self, fact: Fact) -> bool:
        """The rate stands in a form: a table's cell, a flattened form's block (both proven by
        their rows' arithmetic), or a key：value line of its own ("预算执行率：97.41%") — not a
        sentence, where a 执行率 may be a fund's or the 三公经费's."""
        if (fact.start, fact.end) in self._form_rates:
            return True
        line = next((x for x in self.report.lines if x.start <= fact.start < x.end), None)
        return line is not None and bool(
            re.fullmatch(rf"[{CJK}()]{{2,16}}:\s*(?:{NUMBER})\s*%", line.text.strip())
        )

    def _read_rate_first(self, fact: Fact) -> None:
        """*fact* becomes the 预算执行率 read: its source, and first of the rate's statements."""
        self.stated.remove(fact)
        first = next(n for n, f in enumerate(self.stated) if f.key == "rates.execution")
        self.stated.insert(first, fact)
        self.sources["rates.execution"] = (fact.start, fact.end)

    def _indicators(self) -> list[dict[str, Any]]:
        """Performance indicators stated as rates in the achievement and effect sections:
        "绿化植物成活率达到96%", "社会满意度在92%以上". Actual values only; the standard rates
        (在职人员控制率…) are statements, not indicators."""
        indicators = self._target_indicators()
        seen: set[str] = {i["id"] for i in indicators}
        for line, label, value, start, end in self._percent_facts():
            level1 = _indicator_level(line.path)
            if level1 is None or any(re.search(rf"(?:{p})$", label) for p, _ in _RATES):
                continue
            name = re.sub(r"^(?:此外|另外|其中|全年|年度|对|经|并|且)+", "", label)
            if (
                not re.search(r"(?:率|满意度)$", name)
                or name.endswith("占比")
                or len(name) < 3
                or re.search(r"较|比上年|同比", name)
            ):
                continue
            if "满意" in name:
                level1 = "满意度"
            identifier = re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff]", "", name)
            if identifier in seen:
                continue
            seen.add(identifier)
            after = line.text[end - line.start : end - line.start + 4]
            qualifier = re.match(r"以上|左右|以下", after)
            if qualifier:
                end += len(qualifier.group(0))
            text = self.report.original_text(start, end)
            indicator: dict[str, Any] = {
                "id": identifier,
                "name": name,
                "level1": level1,
                "actual": str(value),
                "unit": "%",
                "source": self._source_data((start, end)),
            }
            if qualifier:
                indicator["actual_text"] = f"{value}%{qualifier.group(0)}"
            if not text:
                continue
            indicators.append(indicator)
        return indicators

    def _target_indicators(self) -> list[dict[str, Any]]:
        """ "社会公众满意度目标值≥90%，实际完成值92%": an indicator with its target and actual.
        OCR often reads ≥ as 2 ("目标值295%") or 到: read back as ≥ only for a rate whose value
        would otherwise exceed 200%, with a warning."""
        indicators: list[dict[str, Any]] = []
        for line in self.report.lines:
            if "目标" not in line.text and "指标值" not in line.text:
                continue  # _TARGET needs one of them: skip its slow scan of every other line
            for match in _TARGET.finditer(line.text):
                name = re.sub(
                    r"^(?:此外|另外|其中|全年|年度|对|经|并|且|的)+|的$", "", match.group("name")
                )
                if (
                    not re.search(r"(?:率|度|数|量|次|面积|长度|时间|天数|金额|人次)$", name)
                    or (_indicator_level(line.path) is None and not re.search(r"率|度", name))
                    or re.search(r"定量|定性|未设定|指标|目标", name)
                    or (match.group("kind") == "目标" and not match.group("unit"))
                ):
                    continue  # "完成年度目标100%", "…未设定定量目标4" (a goal number) name no indicator
                comparator, target = (
                    _comparator(match.group("cmp")),
                    parse_number(match.group("target")),
                )
                unit = match.group("unit") or ""
                if target is None:
                    continue
                span = (line.start + match.start(), line.start + match.end())
                if (
                    unit == "%"
                    and target >= 200
                    and match.group("target").startswith("2")
                    and not comparator
                ):
                    target, comparator = Decimal(match.group("target")[1:]), "≥"
                    self.findings.add(
                        "import.W008",
                        "warning",
                        f"“{self.report.original_text(*span)}”中的目标值按“≥{target}%”读取（文字识别常把≥读成2） / "
                        "read as ≥: OCR often turns ≥ into 2",
                        "请核对原件 / check the original",
                        span,
                    )
                elif match.group("cmp") == "到":
                    self.findings.add(
                        "import.W008",
                        "warning",
                        f"“{self.report.original_text(*span)}”中的“到”按“≥”读取 / read 到 as ≥",
                        "请核对原件 / check the original",
                        span,
                    )
                actual = parse_number(match.group("actual")) if match.group("actual") else None
                level1 = "满意度" if "满意" in name else (_indicator_level(line.path) or "产出")
                indicator: dict[str, Any] = {
                    "id": re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff]", "", name),
                    "name": name,
                    "level1": level1,
                    "comparator": comparator or "≥",
                    "target": str(target),
                    "source": self._source_data(span),
                }
                if unit:
                    indicator["unit"] = unit
                if actual is not None:
                    indicator["actual"] = str(actual)
                if all(i["id"] != indicator["id"] for i in indicators):
                    indicators.append(indicator)
        return indicators

    def _asset_change(self) -> None:
        for line, label, value, start, end in self._percent_facts():
            before = line.text[: start - line.start]
            carried = _carried_clause(self.report.lines, line, before)
            if "资产" not in carried + line.text[: end - line.start]:
                continue
            match = re.search(
                r"(?:较|比|同比)(?:上年|上年末|年初)?(?:末)?(下降|减少|降低|增长|增加|上升|提高)$",
                label,
            ) or _bare_asset_change(label)
            if not match:
                continue
            # the label itself may name the asset total ("…净资产1151.25万元；资产总额较上年增长
            # 3.12%", "。资产总额较上年增长6.8%"): the nearest asset noun is then its own
            sentence = carried + line.text[: start - line.start] + label
            if not _changes_the_asset_total(sentence[sentence.rfind("。") + 1 :]):
                continue
            clause = sentence[max(sentence.rfind(mark) for mark in "。;；") + 1 :]
            if another_bodys_sentence(clause):
                continue  # "所属某集团年末资产总额…，较上年增长3.2%": that body's assets
            signed = -value if match.group(1) in ("下降", "减少", "降低") else value
            self.stated.append(Fact("assets.change_pct", signed, start, end, label))
            self.sources.setdefault("assets.change_pct", (start, end))

    def _asset_change_form_line(self) -> None:
        """ "资产总额增减变化（%）：-3.2": a form's line, the change of the asset total with the
        percent sign in brackets in its label and the signed number bare after it (增减变化 /
        增减变动 / 增减率 / 变动率 / 增长率: the sign as written). Not when the label names another
        asset (固定资产, 净资产) or a direction word whose sign the number would not carry (下降率)."""
        if "assets.change_pct" in self.sources:
            return
        for _line, label, value, start, end in _form_percent_lines(self.report.lines):
            if _ASSET_CHANGE_LABEL.fullmatch(label):
                self.stated.append(Fact("assets.change_pct", value, start, end, label))
                self.sources.setdefault("assets.change_pct", (start, end))
                return

    def _asset_change_spaced_cells(self) -> None:
        """ "资产总额  68,420.35   较上年增长  5.6%": a form's line copied from a PDF text layer, the
        asset total's key / value cells (apart by runs of spaces) followed right away by a change
        cell and its percent (较上年增长 / 较上年下降 / 比上年增减 / 增长率 / 增减变化): the asset
        total's change, signed by the direction word (增减 / 变化: the number's own sign). Not when
        the key before is another asset (净资产, 固定资产, 负债总额) or the line is prose."""
        if "assets.change_pct" in self.sources:
            return
        for line in self.report.lines:
            text = line.text
            if "。" in text:
                continue
            if "\t" in text:
                # a tab row of key / value pairs; the change may follow the prior year's total
                # ("年末资产总额 | 12,836.54 | 上年末资产总额 | 11,904.22 | 增减率 | 7.83%")
                cells = asset_pair_cells(text)
                cells = [
                    cell
                    for n, cell in enumerate(cells)
                    if not (
                        n >= 2
                        and _PRIOR_ASSET_TOTAL.fullmatch(cells[n - n % 2].group(0))
                        and _SPACED_ASSET_TOTAL.fullmatch(cells[n - n % 2 - 2].group(0))
                    )
                ]
            else:
                cells = list(re.finditer(r"\S+(?: \S+)*", text))
            for key, value, change, percent in zip(
                cells, cells[1:], cells[2:], cells[3:], strict=False
            ):
                if not (
                    _SPACED_ASSET_TOTAL.fullmatch(key.group(0))
                    and re.fullmatch(r"[\d,]+(?:\.\d+)?", value.group(0))
                ):
                    continue
                verb = _SPACED_ASSET_CHANGE.fullmatch(change.group(0))
                number = re.fullmatch(r"([+-]?)(\d+(?:\.\d+)?)%", percent.group(0))
                if verb is None or number is None:
                    continue
                figure = parse_number(number.group(2))
                if figure is None:
                    continue
                down = verb.group(1) in ("下降", "减少", "降低")
                signed = -figure if down != (number.group(1) == "-") else figure
                if down and number.group(1) == "-":
                    continue  # "下降  -3.2%": which sign is meant? not read
                span = (line.start + change.start(), line.start + percent.end())
                self.stated.append(Fact("assets.change_pct", signed, *span, change.group(0)))
                self.sources.setdefault("assets.change_pct", span)
                return

    def _rate_form_lines(self) -> None:
        """ "预算执行率（%）：97.52": a standard rate as a form's line, the percent sign in brackets
        in the label and the number bare after it (no % on the number, nothing after it)."""
        for _line, label, value, start, end in _form_percent_lines(self.report.lines):
            for pattern, key in _RATES:
                if key not in self.sources and value >= 0 and re.fullmatch(pattern, label):
                    self.stated.append(Fact(key, value, start, end, label))
                    self.sources.setdefault(key, (start, end))
                    break

    def _internal_units(self) -> None:
        count = rf"(\d{{1,3}}|{CHINESE_NUMERAL})"
        patterns = (
            rf"内设(?:机构|股室|科室|处室)?(?:有|共)?{count}个(?:内设)?(?:机构|股室|科室|处室|部门)?",
            rf"(?:设有|下设|设){count}个(?:内设)?(?:机构|股室|科室|处室)",
            rf"{count}个内设(?:机构|股室|科室|处室)",
            rf"内设(?:机构|股室|科室|处室){count}个",
        )
        for line in self.report.lines:
            for pattern in patterns:
                match = re.search(pattern, line.text)
                if match:
                    value = parse_count(match.group(1))
                    if value is not None and 0 < value < 200:
                        span = (line.start + match.start(), line.start + match.end())
                        self.stated.append(
                            Fact("profile.internal_units", Decimal(value), *span, match.group(0))
                        )
                        self.sources.setdefault("profile.internal_units", span)
                        self._unit_names(line, match, value)
                        return

    def _unit_names(self, line: Line, match: re.Match[str], count: int) -> None:
        """The internal units' names, when the report lists exactly as many as it counts: inline
        ("设有9个科室，即办公室、…") or as numbered lines below ("（1）办公室")."""
        sentence_start = line.text.rfind("。", 0, match.start()) + 1
        sentence_end = line.text.find("。", match.end())
        sentence_end = len(line.text) if sentence_end < 0 else sentence_end + 1
        sentence = line.text[sentence_start:sentence_end]
        if len(sentence) <= 40:
            self.organisation_note = self.report.original_text(
                line.start + sentence_start, line.start + sentence_end
            ).strip()
        names: list[str] = []
        item = rf"[{CJK}()]{{2,16}}"
        listed = re.search(rf"(?:即|分别为|分别是|包括|下设|内设|:)({item}(?:、{item})+)", sentence)
        if listed:
            names = listed.group(1).split("、")
            names[-1] = re.sub(rf"(?:\d+|{CHINESE_NUMERAL})个.*$|等.*$", "", names[-1])
        else:
            for following in self.report.lines[line.index + 1 : line.index + 1 + count]:
                found = numbered(following.text)
                rest = following.text[found[3] :].strip() if found else ""
                if not found or not 2 <= len(rest) <= 16 or re.search(r"[,。;:]", rest):
                    break
                names.append(rest)
        if len(names) == count and all(len(n) >= 2 for n in names):
            self.internal_units = names

    def _score_rows_that_miss_their_total(self) -> None:
        """import.W016 at a score table's 合计 whose rows' scores add up to another number."""
        missing = score_rows_missing_their_total(self.report.lines) + [
            (total, span, parts, rows)
            for total, span, parts, rows in form_score_totals(self.report.lines)
            if sum((score for _, score in parts), Decimal(0)) != total
        ]
        for total, span, parts, rows in missing:
            summed = sum((score for _, score in parts), Decimal(0))
            listed = "＋".join(f"{label}{score}" for label, score in parts)
            self.findings.add(
                "import.W016",
                "warning",
                f"自评得分合计{total}与各行得分之和{summed}（{listed}）不符，合计按报告所写导入 / "
                "the rows' scores do not add up to the stated total; the total is kept as stated",
                f"核对评分表（合计在{self.report.source(*span).locator}，各行在"
                f"{self.report.source(rows[0], rows[0]).locator}至"
                f"{self.report.source(rows[1], rows[1]).locator}） / check the score table",
                span,
            )

    def _self_evaluation(
        self, table_totals: list[tuple[Decimal, int, int]], year: int | None = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        scores: list[tuple[Decimal, int, int]] = list(table_totals)
        labelled: dict[tuple[int, int], str] = {}  # the words each prose score was read after
        grades: list[tuple[str, int, int]] = []
        totals = (
            _unlabelled_total_rows(self.report.lines)
            + _flattened_total_rows(self.report.lines)
            + _flattened_score_alone(self.report)
            + _result_rows(self.report.lines)
            + [((total, *span), None) for total, span, _, _ in form_score_totals(self.report.lines)]
            + _grades_under_titles(self.report.lines)
        )
        for total_score, total_grade in totals:
            if total_score is not None:
                scores.append(total_score)
            if total_grade is not None:
                grades.append(total_grade)
        score_pattern = re.compile(
            rf"((?:综合|总|自评|评价|最终|整体|绩效|考核|本年度)[{CJK}]{{0,6}}?(?:评分|得分|分数|总分))"
            rf"(?:结果)?(?:为|是|:|达到|达|共)?\s*({NUMBER})分"
            # a score table's header cell: "自评总分（分）\t97.6"
            rf"|((?:自评|综合|部门整体)(?:总分|得分))\s*\(分\)\s*:?\s*({NUMBER})(?![\d.%])"
            # "评分结果：91分（优秀）": a result with no prefix of its own, and "自评分：93分" (the
            # score of whatever the clause names: its clause is checked)
            rf"|((?:评分|评价|考核|自评)结果|(?:(?<![{CJK}])|(?<=部门|整体|单位|本局|我局))自评分)(?:为|是|:)?\s*({NUMBER})分"
            # "四、评价结论。95.2分，评为优。": the score opening the conclusion's text
            rf"|((?:评价|自评|绩效评价)结论)[。.:]?\s*({NUMBER})分"
            # "综合得分90.15，绩效等级：优": the score with its 分 left off, its clause closed
            rf"|((?:综合|自评|评价|总)得分)(?:为|是|:)?\s*({NUMBER})(?=[,;。])"
            # "部门整体支出绩效自评为85.5分": the self-evaluation said to be its score
            rf"|((?:绩效|整体支出)自评)(?:结果)?(?:为|得)\s*({NUMBER})分"
        )
        # a key：value line of a summary table, the number with no 分 after it ("自评得分：91.5",
        # "综合评分: 90.5"): the label is the whole key, the number the whole value
        line_score = re.compile(
            rf"\s*((?:综合|总|自评|评价|最终|整体|绩效|考核)[{CJK}]{{0,6}}?(?:评分|得分|分数|总分)"
            rf"|自评分)(?:\(分\))?\s*:\s*({NUMBER})\s*"
        )
        grade_pattern = re.compile(
            rf"(?:(?:评价|自评|绩效|考核|综合|评分)[{CJK}]{{0,4}}?(?:等级|等次|级别|结果|结论|评级)|等级|等次)"
            r"(?:为|是|:|评定为|评为)?\s*"
            rf"[“\"'「]?({_GRADE_WORD})[”\"'」]?(?![{CJK}])"
        )
        for line in self.report.lines:
            for match in score_pattern.finditer(line.text):
                if _an_earlier_year(line.text, match.start(), year):
                    continue  # "该院2021年度评价得分88.6分": last year's result, beside this one
                label = next(group for group in match.groups()[0::2] if group)
                if re.search(r"满分|分值|权重|扣|指标|该项|单项", label):
                    continue
                clause = re.split(r"[,;。]", line.text[: match.start()])[-1]
                if (match.group(5) or match.group(9) or match.group(11)) and re.search(
                    r"指标|该项|单项|项目|[一二三]级", clause
                ):
                    continue  # "该项指标评分结果8分": one indicator's score
                sentence = re.split(r"[;。]", line.text[: match.start()])[-1]
                if label.endswith("自评分") and re.search(
                    r"指标(?!体系)|该项|单项|项目|分值|权重|[一二三]级", sentence
                ):
                    continue  # "预算执行率指标分值10分，自评分10分": one indicator's, not the
                    # department's ("按评价指标体系逐项评分，自评分：93分" is the department's)
                value = parse_number(next(group for group in match.groups()[1::2] if group))
                if value is not None and 0 <= value <= 100:
                    scores.append((value, line.start + match.start(), line.start + match.end()))
                    labelled[(line.start + match.start(), line.start + match.end())] = label
                    # "91分（优秀）": the grade in brackets right after the score
                    bracket = _GRADE_IN_BRACKETS.match(line.text, match.end())
                    if bracket:
                        grades.append(
                            (
                                _GRADES[bracket.group(1) or bracket.group(2)],
                                line.start + match.start(),
                                line.start + bracket.end(),
                            )
                        )
            scores.extend(
                (value, line.start + start, line.start + end)
                for value, start, end in _summed_indicator_scores(line.text)
                if not _an_earlier_year(line.text, start, year)
            )
            whole = line_score.fullmatch(line.text)
            if whole and not re.search(r"满分|分值|权重|扣|指标|该项|单项", whole.group(1)):
                value = parse_number(whole.group(2))
                if value is not None and 0 <= value <= 100:
                    scores.append((value, line.start + whole.start(1), line.start + whole.end()))
            scores.extend(self._lone_total_score(line))
            scores.extend(_score_cell_pairs(line, line_score))
            scores.extend(gapped_score_pairs(line, line_score))  # the same pairs apart by spaces
            grades.extend(_letter_grades(line, year))
            for match in [*grade_pattern.finditer(line.text), *_graded_before_title(line.text)]:
                if _an_earlier_year(line.text, match.start(), year):
                    continue  # "…2021年度评价得分88.6分，等级为良": last year's grade
                word = next(group for group in match.groups() if group)
                grades.append((_GRADES[word], line.start + match.start(), line.start + match.end()))
                beside = _score_beside_grade(line.text, match)
                if beside is not None:
                    value, start, end = beside
                    scores.append((value, line.start + start, line.start + end))
        # a score table laid out with spaces: its total after any statement in words (the place
        # shown is the first)
        scores.extend(spaced_score_totals(self.report, year))
        # …and one pasted with spaces whose total row is its label, 100 and the score
        scores.extend(gapped_total_scores(self.report.lines, year))
        # …and one pasted right under the money block, its total proven under its own header
        for total_score, total_grade in _totals_under_score_headers(self.report.lines):
            scores.append(total_score)
            if total_grade is not None:
                grades.append(total_grade)
        grades.extend(
            (_GRADES[grade], start, end)
            for grade, start, end in gapped_total_grades(self.report.lines, year)
        )
        score: dict[str, Any] = {}
        grade: dict[str, Any] = {}
        scores = self._the_reports_own_scores(scores, labelled)
        if scores:
            values = {v for v, _, _ in scores}
            confirmed = (
                {v for v in values if v in _scores_the_rows_add_up_to(self.report)}
                if len(values) > 1
                else set()
            )
            if len(values) > 1:
                listed = "、".join(f"{v}" for v in sorted(values))
                places = "、".join(
                    dict.fromkeys(
                        f"{v}分在{self.report.source(start, end).locator}"
                        for v, start, end in scores
                    )
                )
                read = next(iter(confirmed)) if len(confirmed) == 1 else None
                self.findings.add(
                    "import.W003",
                    "warning",
                    f"报告多处写明的自评得分不一致（{listed}分），"
                    + (
                        f"按评分表各行得分之和导入{read}分 / the self-score is stated differently "
                        "in different places; the one the score rows add up to is imported"
                        if read is not None
                        else "未导入 / the self-score is stated differently in different places; "
                        "not imported"
                    ),
                    f"核对哪一处正确（{places}） / check which statement is right",
                    span=scores[0][1:],
                )
                if read is not None:
                    value, start, end = next(s for s in scores if s[0] == read)
                    score = {"total": str(value), "source": self._source_data((start, end))}
                    self.sources["score.self"] = (start, end)
            else:
                value, start, end = scores[0]
                score = {"total": str(value), "source": self._source_data((start, end))}
                self.sources["score.self"] = (start, end)
        grades = self._the_reports_own_grades(grades)
        if grades:
            values_g = {g for g, _, _ in grades}
            if len(values_g) == 1:
                value_g, start, end = grades[0]
                grade = {"grade": value_g}
                if "source" not in score:
                    grade["source"] = self._source_data((start, end))
                self.sources["grade.self"] = (start, end)
            else:
                self.findings.add(
                    "import.W003",
                    "warning",
                    "报告多处写明的评价等级不一致，未导入 / the grade is stated differently "
                    "in different places; not imported",
                    span=grades[0][1:],
                )
        return score, grade

    # ── sections ───────────────────────────────────────────────────────────────────────────

    def _section_lines(self, pattern: str) -> list[Line]:
        """Body lines under the innermost heading matching *pattern*."""
        result: list[Line] = []
        for line in self.report.lines:
            if not line.path:
                continue
            if line.heading is not None:
                if re.search(pattern, line.path[-1]) and line.heading.rest:
                    result.append(line)
                continue
            if re.search(pattern, line.path[-1]):
                result.append(line)
        return result

    def _prose(self, line: Line, *, strip_number: bool = True) -> str:
        """A paragraph's text as originally written (full-width punctuation kept), without its
        heading or list number."""
        text = line.heading.rest if line.heading else line.text
        offset = len(line.text) - len(text)
        found = numbered(text) if strip_number else None
        if found is not None:
            offset += found[3]
        original = self.report.original_text(line.start + offset, line.end)
        return re.sub(r"\s+", lambda m: "" if "\n" in m.group(0) else m.group(0), original).strip()

    def _items_under(self, pattern: str) -> list[str]:
        items = []
        for line in self._section_lines(pattern):
            text = self._prose(line)
            if len(text) >= 4:
                items.append(text)
        return items

    def _goals(self) -> list[dict[str, str]]:
        items: list[dict[str, str]] = []
        for line in self._section_lines(r"绩效目标"):
            if "总体" in line.path[-1]:
                continue
            if numbered(line.text) is None:
                continue
            text = self._prose(line)
            if len(text) >= 4:
                items.append({"id": f"G{len(items) + 1}", "text": text})
        return items

    def _narratives(self) -> dict[str, list[str]]:
        narratives: dict[str, list[str]] = {}
        for line in self.report.lines:
            if not line.path:
                continue
            text = line.heading.rest if line.heading else line.text
            if not text or _table_row(text):
                continue  # a table's row is no narrative
            for title in reversed(line.path):
                field_name = next(
                    (name for pattern, name in _NARRATIVES if re.search(pattern, title)), None
                )
                if field_name:
                    prose = self._prose(line)
                    if prose:
                        narratives.setdefault(field_name, []).append(prose)
                    break
        return {k: v for k, v in narratives.items() if v}

    def _evaluation(self) -> dict[str, Any]:
        for line in self.report.lines[:80]:
            match = re.search(
                r"《([^《》]{4,80}?通知)》\s*\(([^()]{2,12}[〔\[【]\d{4}[〕\]】]\d{1,4}号)\)",
                line.text,
            )
            if match and re.search(r"绩效|评价|自评", match.group(1)):
                notice = re.sub(
                    r"\s",
                    "",
                    self.report.original_text(
                        line.start + match.start(2), line.start + match.end(2)
                    ),
                )
                notice = re.sub(r"[\[【](\d{4})[\]】]", r"〔\1〕", notice)  # GB/T 9704 brackets
                return {"notice_title": match.group(1), "notice": notice, **self._method()}
        return self._method()

    def _method(self) -> dict[str, str]:
        """How the evaluation was done, when the title says so ("部门评价报告", "第三方评价")."""
        title = self.title_text
        if "第三方" in title:
            return {"method": "第三方评价"}
        if "部门评价" in title and "自评" not in title:
            return {"method": "部门评价"}
        return {}


_TARGET = re.compile(
    rf"(?P<name>[{CJK}]{{2,16}}?)(?:年度)?(?P<kind>目标值|指标值|目标)(?:为|是|:)?\s*"
    rf"(?P<cmp>≥|≤|>=|<=|>|<|=|不低于|不少于|不高于|不超过|大于等于|小于等于|到)?\s*(?P<target>{NUMBER})"
    r"(?P<unit>%|次|个|人次|人|项|天|万元|元)?"
    rf"(?:[,;，]?\s*(?:实际完成值|实际完成|完成值|实际值)(?:为|是|:)?\s*(?P<actual>{NUMBER})(?P=unit)?)?"
)
_COMPARATORS = {**COMPARATORS, "到": "≥"}  # OCR reads ≥ as 到 in score tables


_CELL_SPLIT = re.compile(r"\s*[|\t]\s*")
_GRADE_CELL = re.compile(_GRADE_WORD)
# a grade written as a letter after its title ("评价等级：A", "自评等级为B级"); a letter before a
# bracket, a digit or another letter is a legend's or a code's ("A（90分以上）")
_LETTER_GRADE = re.compile(
    rf"(?:(?:评价|自评|绩效|考核|综合)[{CJK}]{{0,4}}?(?:等级|等次|级别|评级)|等级|等次)"
    r"(?:为|是|:|,|评定为|评为)?\s*[“\"'「]?([A-D])[”\"'」]?级?(?![A-Za-z0-9(+\-~—])"
)


def _letter_grades(line: Line, year: int | None) -> list[tuple[str, int, int]]:
    """The letter grades a line states after a grade title, none when it names several (a
    legend of grades) or an earlier year's."""
    found = [
        m
        for m in _LETTER_GRADE.finditer(line.text)
        if not _an_earlier_year(line.text, m.start(), year)
    ]
    if len({m.group(1) for m in found}) != 1:
        return []
    return [(m.group(1), line.start + m.start(), line.start + m.end()) for m in found]


# "总分：95.0" on a line of its own (see Reading._lone_total_score)
_LONE_TOTAL_SCORE = re.compile(rf"\s*总分\s*:\s*({NUMBER})\s*分?\s*")


def _row_cells(line: Line) -> list[tuple[str, int]]:
    """Non-empty cells of a table row ("a | b | c" or tab-separated) with their offsets."""
    cells, position = [], 0
    for part in _CELL_SPLIT.split(line.text):
        at = line.text.find(part, position) if part else position
        if part:
            cells.append((part, line.start + at))
            position = at + len(part)
    return cells


_WEIGHT_TITLE = re.compile(r"^(?:指标)?(?:分值|权重|标准分|满分)(?:\(分\))?$")
_SCORE_TITLE = re.compile(r"^(?:自评)?(?:得分|评分)(?:\(分\))?$|^自评分$")
_SCORE_TOTAL_ROW = re.compile(r"^(?:合计|总计|总分|小计)$")


def score_rows_missing_their_total(
    lines: list[Line],
) -> list[tuple[Decimal, tuple[int, int], list[tuple[str, Decimal]], tuple[int, int]]]:
    """Score tables whose rows' scores do not add up to their 合计 row's ("一级指标 | 分值 | 自评得分",
    "决策 | 20 | 18.5", …, "合计 | 100 | 92.0" with rows adding up to 91.0): (the stated total,
    its span, the rows' labels and scores, the rows' span). Checked only when the header titles one
    weight column (分值 / 权重) and one score column (得分 / 自评得分), every row between has a
    label and a number in both, and the rows' weights add up to the 合计's: then the rows are the
    whole table, and their scores must be the total's parts."""
    found = []
    for rows in _tab_runs(lines):
        header = [cell.strip() for cell in rows[0].text.split("\t")]
        weights = [n for n, title in enumerate(header) if _WEIGHT_TITLE.match(title)]
        scores = [n for n, title in enumerate(header) if _SCORE_TITLE.match(title)]
        if len(weights) != 1 or len(scores) != 1:
            continue
        w, sc = weights[0], scores[0]
        for end, row in enumerate(rows):
            cells = [cell.strip() for cell in row.text.split("\t")]
            if end and _SCORE_TOTAL_ROW.match(cells[0]):
                break
        else:
            continue
        parts: list[tuple[str, Decimal, Decimal]] = []
        for row in rows[1:end]:
            cells = [cell.strip() for cell in row.text.split("\t")]
            weight, score = (_cell_number(cells, n) for n in (w, sc))
            if not cells[0] or weight is None or score is None:
                break
            parts.append((cells[0], weight, score))
        else:
            total_cells = rows[end].text.split("\t")
            total_weight, total_score = (_cell_number(total_cells, n) for n in (w, sc))
            if (
                len(parts) >= 2
                and total_weight is not None
                and total_score is not None
                and sum(p[1] for p in parts) == total_weight
                and sum(p[2] for p in parts) != total_score
            ):
                at = rows[end].start + sum(len(c) + 1 for c in total_cells[:sc])
                found.append(
                    (
                        total_score,
                        (rows[end].start, at + len(total_cells[sc].rstrip())),
                        [(label, score) for label, _, score in parts],
                        (rows[1].start, rows[end - 1].start),
                    )
                )
    return found


# the 自评表's row of the budget's execution, scored with the indicators ("年度资金总额 | … | 10 |
# 95.41% | 9.54"; 资金总额 / 全年预算资金总额 / 部门预算资金: the money block's total row; a year may
# open it, "2024年度资金总额": the form's one such row, whatever its year says, the caption's year
# against the title being import.W013's business)
_BUDGET_SCORE_ROW = re.compile(
    r"^(?:(?:(?:19|20)\d{2})?年度资金总额|(?:全年)?(?:部门)?(?:预算)?资金总额|部门预算资金)$"
)


def form_score_totals(
    lines: list[Line],
) -> list[tuple[Decimal, tuple[int, int], list[tuple[str, Decimal]], tuple[int, int]]]:
    """A 自评表's 总分 row ("总分 | | | | 100 | 95.24") under its indicator table, whose rows' 分值 fall
    short of 100 by the 分值 of the form's 年度资金总额 row (the budget's execution is scored in the
    money block, 10 points, the indicators the other 90): the 总分 row's second number is the
    self-score (its cells may be shifted by a merged label: its two numbers are taken in order,
    the first 100). Read only when the 总分 row has exactly two numbers, every row under the
    indicator header (one 分值 and one 得分 title) has a number in both columns, and one
    年度资金总额 row above states both under its own 分值 / 得分 titles. Returns (the stated total,
    its span, the parts: that row's and the indicators' scores, the rows' span) as
    `score_rows_missing_their_total` does."""
    found = []
    for run in _tab_runs(lines):
        # the run may go on past its 总分 row (自评等级 / 说明 / 填报人 rows of the form)
        # (a 合计 above the last 分值 / 得分 header is the money block's, scored: not this total)
        last_header = max((n for n, row in enumerate(run) if _score_columns(row)), default=0)
        ends = [
            n
            for n, row in enumerate(run)
            if n > last_header and _SCORE_TOTAL_ROW.match(row.text.split("\t")[0].strip())
        ]
        if len(ends) != 1 or ends[0] < 2:
            continue
        rows = run[: ends[0] + 1]
        total_cells = [cell.strip() for cell in rows[-1].text.split("\t")]
        numbers = [n for n, cell in enumerate(total_cells) if re.fullmatch(NUMBER, cell)]
        if len(numbers) != 2:
            continue
        if parse_number(total_cells[numbers[0]]) != 100:
            continue
        headers = [n for n, row in enumerate(rows[:-1]) if _score_columns(row)]
        if len(headers) > 1:
            # the money block's 分值 / 得分 titles above the indicators' own: the last header
            # titles the indicator rows, the 年度资金总额 row stands above it
            rows = rows[headers[-1] :]
        indicators = _scored_rows(rows[:-1])
        budget = _budget_score_row(lines[: rows[0].index])
        if indicators is None or budget is None:
            continue
        weight = sum((w for _, w, _ in indicators), Decimal(0)) + budget[1]
        total = parse_number(total_cells[numbers[1]])
        if weight != 100 or total is None or not 0 <= total <= 100:
            continue
        at = rows[-1].start + sum(len(c) + 1 for c in rows[-1].text.split("\t")[: numbers[1]])
        parts = [(budget[0], budget[2]), *((label, score) for label, _, score in indicators)]
        found.append(
            (
                total,
                (rows[-1].start, at + len(total_cells[numbers[1]])),
                parts,
                (budget[3], rows[-2].start),
            )
        )
    return found


# a score table laid out with runs of spaces, merged cells left blank ("一级指标  二级指标  三级指标
# …  分值  得分" over rows that leave 一级/二级指标 blank under the row that states them, then
# "总分  …  100  96.08"): each cell is placed under its column by where it stands in the line as
# written (the indentation of a row is its blank cells), so rows of different cell counts line up
_SPACED_CELL = re.compile(r"\S+(?: \S+)*")
_SPACED_TOTAL_ROW = re.compile(r"^(?:合计|总计|总分)$")
_CAPTION_YEAR = re.compile(r"((?:19|20)\d{2})年")


def spaced_score_totals(report: ReportText, year: int | None) -> list[tuple[Decimal, int, int]]:
    """The 总分 / 合计 row's score of each score table laid out with spaces (a header titling one
    分值 and one 得分 column among four titles or more, no digit in them; rows under it whose
    every cell stands under one title, in order), each cell placed by its display column in the
    line as written, not by its count. Read only when the row is proven the total: a number
    under 分值 that is 100, or scores under 得分 in two rows or more above that add up to it; the
    score at most its 分值. A total row with its 分值 alone (100: the maximum) gives nothing; a
    table captioned with an earlier year than the report's is that year's."""
    found = []
    lines = report.lines
    for index, line in enumerate(lines):
        if not re.search(r"(?:得|评)分 {2,}|(?:得|评)分$", line.text):
            continue
        header = _placed_cells(report, line)
        if header is None or len(header) < 4:
            continue
        titles = [re.sub(r"\s", "", text) for text, _, _ in header]
        if any(re.search(r"\d", title) for title in titles):
            continue
        weights = [n for n, title in enumerate(titles) if _WEIGHT_TITLE.match(title)]
        scores = [n for n, title in enumerate(titles) if _SCORE_TITLE.match(title)]
        if len(weights) != 1 or len(scores) != 1:
            continue
        if index and _earlier_caption(lines[index - 1].text, year):
            continue
        spans = [span for _, span, _ in header]
        parts: list[Decimal] = []
        for row in lines[index + 1 :]:
            cells = _placed_cells(report, row)
            placed = None if cells is None else _under_titles(spans, cells)
            if placed is None:
                break
            weight, score = (_placed_number(placed.get(n)) for n in (weights[0], scores[0]))
            label = placed.get(0)
            if label is not None and _SPACED_TOTAL_ROW.match(_as_written(report, row, label)):
                total = _proven_total(weight, score, parts)
                if total is not None:
                    _, start = placed[scores[0]]
                    found.append(
                        (total, row.start + start, row.start + start + len(placed[scores[0]][0]))
                    )
                break
            if score is not None:
                parts.append(score)
    return found


def _placed_cells(report: ReportText, line: Line) -> list[tuple[str, tuple[int, int], int]] | None:
    """The cells of a line laid out with spaces: (text as normalised, (first, last) display
    column in the line as written, offset in the normalised line); None when the line has tabs
    or its cells do not match one to one."""
    if "\t" in line.text:
        return None
    a, _ = report.norm.original_span(line.start, line.start + 1)
    first = report.original.rfind("\n", 0, a) + 1
    last = report.original.find("\n", a)
    written = report.original[first : last if last >= 0 else len(report.original)]
    if "\t" in written:
        return None
    written = written.replace("\u3000", "  ").replace("\xa0", " ")
    spans = []
    for match in _SPACED_CELL.finditer(written):
        start = _display_width(written[: match.start()])
        spans.append((start, start + _display_width(match.group(0)) - 1))
    cells = [(m.group(0), m.start()) for m in _GAPPED_CELL.finditer(line.text)]
    if len(cells) != len(spans):
        return None
    return [(text, span, at) for (text, at), span in zip(cells, spans, strict=True)]


_GAPPED_CELL = re.compile(r"\S+(?: \S+)*")


def _under_titles(
    titles: list[tuple[int, int]], cells: list[tuple[str, tuple[int, int], int]]
) -> dict[int, tuple[str, int]] | None:
    """Column → (cell, offset) for a row whose every cell overlaps one title's display columns
    and reaches no further title, the columns left to right; None otherwise."""
    placed: dict[int, tuple[str, int]] = {}
    previous = -1
    for text, (first, last), at in cells:
        under = [
            n
            for n, (title_first, title_last) in enumerate(titles)
            if first <= title_last
            and last >= title_first
            and (n + 1 == len(titles) or last < titles[n + 1][0])
        ]
        if len(under) != 1 or under[0] <= previous:
            return None
        previous = under[0]
        placed[under[0]] = (text, at)
    return placed


def _as_written(report: ReportText, row: Line, cell: tuple[str, int]) -> str:
    """A cell's text as written (the normaliser may add a unit to a label before a bare number:
    "合计" → "合计(万元)"), its spaces removed."""
    text, at = cell
    return re.sub(r"\s", "", report.original_text(row.start + at, row.start + at + len(text)))


def _placed_number(cell: tuple[str, int] | None) -> Decimal | None:
    if cell is None or not re.fullmatch(NUMBER, cell[0]):
        return None
    return parse_number(cell[0])


def _proven_total(
    weight: Decimal | None, score: Decimal | None, parts: list[Decimal]
) -> Decimal | None:
    if score is None or not 0 <= score <= 100 or (weight is not None and score > weight):
        return None
    if weight == 100 or (len(parts) >= 2 and sum(parts, Decimal(0)) == score):
        return score
    return None


def _earlier_caption(text: str, year: int | None) -> bool:
    """A caption line above a table naming an earlier year than the report's (2022年度绩效自评表
    in a 2023 report), or last year by name."""
    if re.search(r"上年|去年|上一年", text):
        return True
    years = [int(m.group(1)) for m in _CAPTION_YEAR.finditer(text)]
    return bool(years) and year is not None and max(years) < year


def _score_columns(row: Line) -> tuple[int, int] | None:
    header = [cell.strip() for cell in row.text.split("\t")]
    weights = [n for n, title in enumerate(header) if _WEIGHT_TITLE.match(title)]
    scores = [n for n, title in enumerate(header) if _SCORE_TITLE.match(title)]
    return (weights[0], scores[0]) if len(weights) == 1 and len(scores) == 1 else None


def _scored_rows(rows: list[Line]) -> list[tuple[str, Decimal, Decimal]] | None:
    """The (label, weight, score) of the rows under the first row titling one 分值 and one 得分
    column; a row with no digit right under it is its wrapped titles. None when a row lacks
    either number."""
    start = next((n for n, row in enumerate(rows) if _score_columns(row)), None)
    if start is None:
        return None
    columns = _score_columns(rows[start])
    assert columns is not None
    body = rows[start + 1 :]
    if body and not re.search(r"\d", body[0].text):
        body = body[1:]
    found = []
    for row in body:
        cells = [cell.strip() for cell in row.text.split("\t")]
        weight, score = (_cell_number(cells, n) for n in columns)
        if weight is None or score is None:
            return None
        found.append((cells[0], weight, score))
    return found if len(found) >= 2 else None


def _budget_score_row(lines: list[Line]) -> tuple[str, Decimal, Decimal, int] | None:
    """(label, weight, score, start) of the one 年度资金总额 row above, read under the nearest row
    above it titling one 分值 and one 得分 column."""
    rows = [
        n
        for n, line in enumerate(lines)
        if _BUDGET_SCORE_ROW.match(line.text.split("\t")[0].strip())
    ] or _money_total_rows(lines)
    if len(rows) != 1:
        return None
    row = lines[rows[0]]
    header = _score_header_above(lines, rows[0])
    if header is None:
        return None
    cells = [cell.strip() for cell in row.text.split("\t")]
    weight, score = (_cell_number(cells, n) for n in header)
    if weight is None or score is None:
        return None
    return cells[0], weight, score, row.start


def _score_header_above(lines: list[Line], row: int) -> tuple[int, int] | None:
    """The 分值 / 得分 columns of the nearest tab row above *row* titling one of each."""
    return next(
        (c for line in reversed(lines[:row]) if "\t" in line.text and (c := _score_columns(line))),
        None,
    )


_MONEY_TOTAL_CELL = re.compile(r"^(?:合计|总计)$")
_BUDGET_TITLE = re.compile(r"预算数|预算资金")
_SPENT_TITLE = re.compile(r"执行数|支出数|决算数")


def _money_total_rows(lines: list[Line]) -> list[int]:
    """The money block's 合计 / 总计 rows that are scored (no 年度资金总额 row above: "项目 | 全年预算数
    | 全年执行数 | 执行率 | 分值 | 得分" over "合计 | 3,862.40 | 3,701.18 | 95.83% | 10 | 9.58"): a total
    row under a tab header titling a budget, a spending, one 分值 and one 得分 column."""
    found = []
    for n, line in enumerate(lines):
        if not _MONEY_TOTAL_CELL.match(line.text.split("\t")[0].strip()):
            continue
        header = next(
            (h for h in reversed(lines[:n]) if "\t" in h.text and _score_columns(h)), None
        )
        titles = header.text.split("\t") if header is not None else []
        if any(_BUDGET_TITLE.search(t) for t in titles) and any(
            _SPENT_TITLE.search(t) for t in titles
        ):
            found.append(n)
    return found


def _cell_number(cells: list[str], column: int) -> Decimal | None:
    if column >= len(cells) or not re.fullmatch(NUMBER, cells[column].strip()):
        return None
    return parse_number(cells[column].strip())


def _tab_runs(lines: list[Line]) -> list[list[Line]]:
    """Runs of three tab rows or more, one after another."""
    return _table_runs(lines, "\t")


def _table_runs(lines: list[Line], marks: str = "|\t") -> list[list[Line]]:
    """Runs of three table rows or more (a line holding one of *marks*), one after another."""
    runs: list[list[Line]] = []
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and any(mark in line.text for mark in marks):
            run.append(line)
            continue
        if len(run) >= 3:
            runs.append(run)
        run = []
    return runs


def _unlabelled_total_rows(
    lines: list[Line],
) -> list[tuple[tuple[Decimal, int, int], tuple[str, int, int] | None]]:
    """A score table whose 合计 label was lost ("15.00 | 优", "55.00 | 49.04 | 优", …,
    "100.00 | 94.04 | 优"): the last row is the total when its first number, 100, is the sum of
    the first numbers (the weights) of the rows above it; its second number is the self-score
    and a grade cell beside it the grade."""
    totals = (_total_row(run) for run in _table_runs(lines))
    return [total for total in totals if total is not None]


def _totals_under_score_headers(
    lines: list[Line],
) -> list[tuple[tuple[Decimal, int, int], tuple[str, int, int] | None]]:
    """`_unlabelled_total_rows` of a score table pasted right under another table of the form
    (its money block) with no blank line between: the total proven by the weights of the rows
    under the score table's own header, where the whole run proves none."""
    found = []
    for run in _table_runs(lines):
        under = _under_score_header(run)
        if len(under) >= 3 and _total_row(run) is None:
            total = _total_row(under)
            if total is not None:
                found.append(total)
    return found


def _under_score_header(run: list[Line]) -> list[Line]:
    """The rows of a run from its last score header on ("一级指标 | 权重 | 得分": a weight title
    and a score title after it, no number), a score table pasted right under another table of
    the form (its money block) with no blank line between; [] when the run has none after its
    first row."""
    for at in range(len(run) - 1, 0, -1):
        cells = [cell for cell, _ in _row_cells(run[at])]
        if any(re.search(r"\d", cell) for cell in cells):
            continue
        weight = next((n for n, cell in enumerate(cells) if _WEIGHT_TITLE.match(cell)), None)
        if weight is not None and any(_SCORE_TITLE.match(cell) for cell in cells[weight + 1 :]):
            return run[at:]
    return []


def _total_row(
    rows: list[Line],
) -> tuple[tuple[Decimal, int, int], tuple[str, int, int] | None] | None:
    numbers = [_row_numbers(row) for row in rows]
    while len(numbers) > 3 and not numbers[-1]:
        rows, numbers = rows[:-1], numbers[:-1]  # the form's rows after its total: 评价等级 | A
    last, above = numbers[-1], [n for n in numbers[:-1] if n]
    if len(last) == 3:
        last = _without_deduction(rows, last)
    if len(last) != 2 or len(above) < 2 or last[0][0] != 100:
        return None
    weights = sum((n[0][0] for n in above), Decimal(0))
    score = last[1]
    if weights != last[0][0] or not 0 <= score[0] <= 100:
        return None
    if _deduction_column(rows, score[1]):
        return None  # "分值 | 扣分": the points taken off, not the score
    grade = None
    for cell, at in _row_cells(rows[-1]):
        if _GRADE_CELL.fullmatch(cell):
            grade = (_GRADES[cell], at, at + len(cell))
    return (score[0], rows[-1].start, score[2]), grade


def _without_deduction(
    rows: list[Line], last: list[tuple[Decimal, int, int]]
) -> list[tuple[Decimal, int, int]]:
    """The total row's weight and score when its third number is the points taken off, in a
    column titled 扣分 before or after 得分 ("合计 | 100 | 6 | 94"), the score the weight less
    them; else the row as it is."""
    weight, second, third = last
    if weight[0] - second[0] == third[0] and _deduction_column(rows, second[1]):
        return [weight, third]
    if weight[0] - third[0] == second[0] and _deduction_column(rows, third[1]):
        return [weight, second]
    return last


def _row_numbers(row: Line) -> list[tuple[Decimal, int, int]]:
    """The numbers of a table row's cells, each with its [start, end)."""
    values = []
    for cell, at in _row_cells(row):
        value = parse_number(cell) if re.fullmatch(NUMBER, cell) else None
        if value is not None:
            values.append((value, at, at + len(cell)))
    return values


def _deduction_column(rows: list[Line], at: int) -> bool:
    """True when the header row (the first with no number) titles the column of the cell at
    *at* in the last row 扣分 (deductions) rather than 得分."""
    column = _column_at(rows[-1], at)
    if column is None:
        return False
    for row in rows:
        cells = _all_cells(row)
        if any(re.fullmatch(NUMBER, cell) for cell in cells):
            continue
        return column < len(cells) and "扣分" in cells[column] and "得分" not in cells[column]
    return False


def _all_cells(row: Line) -> list[str]:
    """A row's cells, the empty ones kept when the row is tab-separated (merged cells left
    blank keep the columns in line), else its non-empty cells."""
    if "\t" in row.text:
        return [cell.strip() for cell in row.text.split("\t")]
    return [cell for cell, _ in _row_cells(row)]


def _column_at(row: Line, at: int) -> int | None:
    """The column of *row* whose cell starts at offset *at*, counted as `_all_cells` counts."""
    if "\t" not in row.text:
        starts = [position for _, position in _row_cells(row)]
        return starts.index(at) if at in starts else None
    position = row.start
    for column, cell in enumerate(row.text.split("\t")):
        if position <= at < position + len(cell) + 1 and cell.strip():
            return column
        position += len(cell) + 1
    return None


_TOTAL_CELL = re.compile(
    r"合计|总计|总分|合计得分|总得分|得分合计|(?:绩效)?(?:自评|综合|评价){1,2}(?:总分|得分)"
)
_BARE = re.compile(rf"^\s*({NUMBER})\s*(?:分)?\s*$")
_HEADER_REACH = 200  # lines a flattened score table's header may stand above its total


def _flattened_total_rows(
    lines: list[Line],
) -> list[tuple[tuple[Decimal, int, int], tuple[str, int, int] | None]]:
    """A score table flattened one cell per line: a "合计" line followed by two bare numbers, the
    first 100 (the weights' total) and the second the self-score, with an optional grade line
    after them; read only below a header naming 分值 and 得分 (a money table's 合计 is not a
    score)."""
    found = []
    for position, line in enumerate(lines):
        if not _TOTAL_CELL.fullmatch(line.text.strip()):
            continue
        header = " ".join(x.text for x in lines[max(0, position - _HEADER_REACH) : position])
        if not (re.search(r"分值|权重|标准分|满分", header) and re.search(r"得分|评分", header)):
            continue
        cells = lines[position + 1 : position + 4]
        numbers = [_BARE.match(x.text) for x in cells[:2]]
        if len(numbers) < 2 or not all(numbers):
            continue
        weight, score = (parse_number(m.group(1)) for m in numbers if m)
        if weight != 100 or score is None or not 0 <= score <= 100:
            continue
        score_line = cells[1]
        grade = None
        if len(cells) > 2 and cells[2].text.strip() in _GRADES:
            grade_line = cells[2]
            grade = (_GRADES[grade_line.text.strip()], grade_line.start, grade_line.end)
        found.append(((score, line.start, score_line.end), grade))
    return found


# a flattened form's total line whose 分值 cell was dropped (a web page's empty cell gone): the
# score's own total labels, never 合计 / 总计 (a money table closes on those)
_SCORE_TOTAL_LINE = re.compile(r"^(?:总分|总得分|自评总分|得分合计|合计得分)$")
_WEIGHT_OR_SCORE = re.compile(rf"^\s*({NUMBER})\s*$")


def _flattened_score_alone(report: ReportText) -> list[tuple[tuple[Decimal, int, int], None]]:
    """A score table flattened one cell per line whose 总分 line has the score alone after it
    ("总分" / "95.65" / "自评等级"): read only when the 分值 / 得分 pairs above it (two bare numbers
    of at most 100 on lines of their own, the second not above the first, between cells of other
    kinds: `_weight_score_pairs`) weigh 100 together and their scores add up to it, alone or with
    the scored rows of one other table (the form's money block, "年度资金总额 | … | 10 | 9.65",
    `score_row_groups`)."""
    lines = report.lines
    others: list[list[tuple[Decimal, Decimal]]] | None = None
    found: list[tuple[tuple[Decimal, int, int], None]] = []
    for position, line in enumerate(lines[:-1]):
        if not _SCORE_TOTAL_LINE.match(line.text.strip()):
            continue
        cell = _WEIGHT_OR_SCORE.match(lines[position + 1].text)
        if cell is None or (
            position + 2 < len(lines) and _WEIGHT_OR_SCORE.match(lines[position + 2].text)
        ):
            continue
        score = parse_number(cell.group(1))
        if score is None or not 0 < score < 100:
            continue
        pairs = _weight_score_pairs(lines[max(0, position - 120) : position])
        if others is None:
            others = score_row_groups(report)[1:]
        if any(
            sum(w for w, _ in rows) == 100 and sum(v for _, v in rows) == score
            for rows in (pairs, *([*pairs, *other] for other in others))
        ):
            found.append(((score, line.start, lines[position + 1].end), None))
    return found


def _weight_score_pairs(lines: list[Line]) -> list[tuple[Decimal, Decimal]]:
    """Every run of exactly two bare-number lines, each at most 100, the second not above the
    first: a flattened row's 分值 and 得分 (longer runs, and amounts, are left out)."""
    pairs = []
    run: list[Decimal] = []
    for line in [*lines, None]:
        match = _WEIGHT_OR_SCORE.match(line.text) if line is not None else None
        value = parse_number(match.group(1)) if match else None
        if value is not None:
            run.append(value)
            continue
        if len(run) == 2 and run[1] <= run[0] <= 100:
            pairs.append((run[0], run[1]))
        run = []
    return pairs


# the last time word of a sentence before a score or grade: a year, or last year by name
_SENTENCE_YEAR = re.compile(
    r"((?:19|20)\d{2})年|上年同期|上年(?!结转|结余)|去年|上一年|前一年|同期"
)  # 上年结转 is money carried into this year, not last year's


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def _scores_the_rows_add_up_to(report: ReportText) -> set[Decimal]:
    """The totals a report's score rows make, each from rows whose weights make 100: one score
    table's rows, or the indicator table's with another table's scored rows (a 自评表 scoring the
    预算执行率 on its money block's 年度资金总额 row, "分值 10 / 得分 9.8")."""
    groups = score_row_groups(report)
    indicators, others = groups[0], groups[1:]
    candidates = [indicators, *others, *([*indicators, *other] for other in others if indicators)]
    return {
        sum((score for _, score in rows), Decimal(0))
        for rows in candidates
        if rows and sum((weight for weight, _ in rows), Decimal(0)) == 100
    }


# an indicator's key：value line, "产出指标分值：40　得分：38"
_KEY_VALUE_SCORE_ROW = re.compile(
    rf"\s*[{CJK}]{{2,16}}分值\s*:\s*({NUMBER})\s*(?:自评)?得分\s*:\s*({NUMBER})\s*"
)


def _key_value_score_totals(lines: list[Line]) -> set[Decimal]:
    """The totals of runs of indicator key：value lines (see _KEY_VALUE_SCORE_ROW) whose weights
    make 100."""
    totals: set[Decimal] = set()
    weights, scores = Decimal(0), Decimal(0)
    for line in lines:
        match = _KEY_VALUE_SCORE_ROW.fullmatch(line.text)
        if match is None:
            weights, scores = Decimal(0), Decimal(0)
            continue
        weights += parse_number(match.group(1)) or Decimal(0)
        scores += parse_number(match.group(2)) or Decimal(0)
        if weights == 100:
            totals.add(scores)
    return totals


def _finer_rate(fine: Decimal, coarse: Decimal) -> bool:
    """*fine* written to more places than *coarse*, and *coarse* is it rounded (96.89 / 96.9)."""
    places = _places(coarse)
    rounded = fine.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return _places(fine) > places and rounded == coarse


def _same_rate(ratio: Decimal, rate: Decimal) -> bool:
    """A ratio (in %) that is the stated rate to the decimals written."""
    exponent = rate.as_tuple().exponent
    places = Decimal(1).scaleb(min(exponent, 0) if isinstance(exponent, int) else 0)
    return ratio.quantize(places, rounding=ROUND_HALF_UP) == rate


_PERCENT_BEFORE = re.compile(rf"(?:{NUMBER})\s*%$")


def _approximate_percent(line: Line, end: int) -> bool:
    """The percentage ending at *end* is an estimate ("96%左右", "约96%", "近96%", "96%以上")."""
    at = end - line.start
    number = _PERCENT_BEFORE.search(line.text, max(at - 40, 0), at)  # the number, right before
    before = line.text[
        max(0, (number.start() if number else at) - 4) : number.start() if number else at
    ]
    return approximate_figure(before, line.text[at : at + 4])


def _an_earlier_year(text: str, position: int, year: int | None) -> bool:
    """True when the sentence of a score or grade, before it, last names an earlier year than the
    report's ("该院2021年度评价得分88.6分，等级为良" in a 2022 report) or last year by name
    (上年 / 去年 / 上一年 / 同期: "上年综合得分86分"): that year's result, not this one's. A later
    year (the date of the evaluation) sets nothing aside. A year compared with (较 / 比 / 与 / 同
    before it) is passed over in a later clause ("…得分88.04分，较2022年度提高3.54分，评价等级为良")
    and sets aside only a score in its own clause ("较2022年度评价得分84.50分")."""
    sentence_start = max(text.rfind(mark, 0, position) for mark in ";。!?") + 1
    for mention in reversed(list(_SENTENCE_YEAR.finditer(text, sentence_start, position))):
        if _COMPARED.search(text, sentence_start, mention.start()):
            if "," in text[mention.end() : position]:
                continue  # a comparison in an earlier clause
            return True
        if mention.group(1) is None:
            return True
        return year is not None and int(mention.group(1)) < year
    return False


_COMPARED = re.compile(r"(?:较|比|与|同|相比|相较|对比)(?:于)?$")


def _an_earlier_years_clause(text: str, position: int, year: int | None) -> bool:
    """True when the clause of a rate, before it, names an earlier year than the report's or last
    year by name ("2023年度部门预算执行率为92.36%" in a 2024 report, "上年预算执行率96.2%"): that
    year's rate. Only the rate's own clause counts ("较上年提高2个百分点，预算执行率98.5%" is this
    year's), and a year compared with (较 / 比 / 与 before it) sets nothing aside."""
    clause_start = max(text.rfind(mark, 0, position) for mark in ",，;；。!?") + 1
    for mention in reversed(list(_SENTENCE_YEAR.finditer(text, clause_start, position))):
        if _COMPARED.search(text, clause_start, mention.start()):
            return False
        if mention.group(1) is None:
            return True
        return year is not None and int(mention.group(1)) < year
    return False


# the grade before its title, after a verb of rating: "最终得分86.5分，评定为“良好”等次"
_GRADE_BEFORE_TITLE = re.compile(
    rf"(?:评定为|确定为|认定为|评价为|定为|属于|属|为)\s*[“\"'「]?({_GRADE_WORD})[”\"'」]?\s*(?:等次|等级|档次)"
    # the grade right after the score it rates: "95.2分，评为优", "得分91分，评定为优秀"
    rf"|(?<=\d分),?\s*(?:评为|评定为|定为|确定为)\s*[“\"'「]?({_GRADE_WORD})[”\"'」]?(?![{CJK}])"
)
# what the sentence must speak of for that grade to be the evaluation's, not a person's rating in
# the yearly appraisal of staff ("3名同志被评定为优秀等次")
_EVALUATION_SENTENCE = re.compile(r"得分|评分|自评|绩效评价|整体支出|\d分$")
_STAFF_APPRAISAL = re.compile(r"考核|同志|职工|干部|个人|先进|党员|支部")


def _graded_before_title(text: str) -> list[re.Match[str]]:
    """The grades of `_GRADE_BEFORE_TITLE` in *text* whose sentence speaks of the evaluation."""
    found = []
    for match in _GRADE_BEFORE_TITLE.finditer(text):
        sentence = re.split(r"[;。]", text[: match.start()])[-1]
        if _EVALUATION_SENTENCE.search(sentence) and not _STAFF_APPRAISAL.search(sentence):
            found.append(match)
    return found


# a bare 得分 right after the self-evaluation's grade, or right before it, in the same sentence:
# "自评结果为良好，得分85分", "得分85分，评价等级为良好"
_SCORE_AFTER_GRADE = re.compile(
    rf"[”\"'」]?\s*[,，]?\s*(?:综合|最终|总)?(?:得分|分数|评分|计分)(?:为|是|:)?\s*({NUMBER})分"
)
_SCORE_BEFORE_GRADE = re.compile(
    rf"(?:^|[,;。:])\s*(?:综合|最终|总)?(?:得分|分数|评分|计分)(?:为|是|:)?\s*({NUMBER})分\s*[,，]\s*$"
)
_ONE_THING = re.compile(r"指标|该项|单项|项目|[一二三]级|扣")


# "…满意度指标分值20分、得分17分，合计87.5分": a sum closing a list of indicator scores
_SUM_OF_SCORES = re.compile(
    rf"(?:^|(?<=[,;:]))\s*(?:合计|总计|共计|累计|总分)(?:得分)?(?:为|:)?\s*({NUMBER})分(?![{CJK}])"
)
# "决策指标得18分、过程指标得19.5分…": a part's score with no 分值 beside it
_PART_SCORE = re.compile(rf"得(?:分)?(?:为|:)?\s*({NUMBER})分")
_LISTED_SCORE = re.compile(rf"得分(?:为|:)?\s*({NUMBER})分")
_LISTED_WEIGHT = re.compile(rf"分值(?:为|:)?\s*({NUMBER})分")


def _parts_make_the_total(before: str, total: str) -> bool:
    """ "决策指标得18分、过程指标得19.5分、产出指标得37分、效益指标得17.5分，总分92分": three parts'
    scores or more, no 分值 listed, that add up to the total as written."""
    parts = [Decimal(m.group(1).replace(",", "")) for m in _PART_SCORE.finditer(before)]
    return len(parts) >= 3 and sum(parts, Decimal(0)) == Decimal(total.replace(",", ""))


def _summed_indicator_scores(text: str) -> list[tuple[Decimal, int, int]]:
    """ "自评表中，预算执行率分值10分、得分9.52分，产出指标分值40分、得分35.6分，…，合计87.5分": a
    合计 / 总计 / 共计 clause closing a sentence that lists scores (分值 then 得分, once each per
    indicator) is the department's score when the arithmetic proves it: the 分值 listed add up to
    100 (the whole form, not one indicator's sub-scores) and the 得分 listed add up to the 合计
    as written. A sentence listing scores without their 分值, or whose 分值 fall short of 100,
    and nothing is read."""
    found = []
    sentence_start = 0
    for sentence in re.split(r"(?<=[。!?])", text):  # a list's items may close on ；
        for total in _SUM_OF_SCORES.finditer(sentence):
            before = sentence[: total.start()]
            scores = [Decimal(m.group(1).replace(",", "")) for m in _LISTED_SCORE.finditer(before)]
            weights = [
                Decimal(m.group(1).replace(",", "")) for m in _LISTED_WEIGHT.finditer(before)
            ]
            value = Decimal(total.group(1).replace(",", ""))
            named = total.group(0).strip().startswith("总分")  # 合计 may close a sub-list
            if named and not weights and _parts_make_the_total(before, total.group(1)):
                found.append((value, sentence_start + total.start(1), sentence_start + total.end()))
                continue
            if len(scores) < 2 or len(weights) != len(scores):
                continue
            if sum(weights, Decimal(0)) != 100 or sum(scores, Decimal(0)) != value:
                continue
            found.append((value, sentence_start + total.start(1), sentence_start + total.end()))
        sentence_start += len(sentence)
    return found


def _score_beside_grade(text: str, grade: re.Match[str]) -> tuple[Decimal, int, int] | None:
    """The score stated with no label of its own beside the self-evaluation's grade ("自评结果为
    良好，得分85分"): read only when the grade's clause and the score's name no indicator or
    project (one item's 得分 beside its 等级 is not the self-score)."""
    clause_start = max(text.rfind(mark, 0, grade.start()) for mark in ",;。") + 1
    if _ONE_THING.search(text[clause_start : grade.start()]):
        return None
    after = _SCORE_AFTER_GRADE.match(text, grade.end())
    if after is not None:
        value = parse_number(after.group(1))
        start, end = grade.start(), after.end()
    else:
        before = _SCORE_BEFORE_GRADE.search(text, 0, grade.start())
        if before is None:
            return None
        value = parse_number(before.group(1))
        start, end = (
            before.start() + len(before.group(0)) - len(before.group(0).lstrip(",;。: ")),
            grade.end(),
        )
        if _ONE_THING.search(text[max(text.rfind(m, 0, start) for m in ",;。") + 1 : start]):
            return None
    if value is None or not 0 <= value <= 100:
        return None
    return value, start, end


# a grade title alone on its line and the grade alone on the next ("自评等级" / "优秀"): a
# self-evaluation table flattened one cell per line
_GRADE_TITLE_LINE = re.compile(r"^(?:自评|评价|绩效|综合|评定|最终)(?:等级|等次|评级|结果|结论):?$")


_GRADE_LETTER = re.compile(r"[A-D]")
# a line of a table (cells apart by tabs) with a bare figure in a cell
_TABLE_ROW_OF_FIGURES = re.compile(rf"\t\s*(?:{NUMBER})\s*%?\s*(?:\t|$)")


def _table_row(text: str) -> bool:
    """A table's row: cells apart by tabs, a bare figure among them or three cells at least and
    no sentence (a header row)."""
    if _TABLE_ROW_OF_FIGURES.search(text):
        return True
    return text.count("\t") >= 2 and not re.search("[。；]", text)


def _grades_under_titles(
    lines: list[Line],
) -> list[tuple[tuple[Decimal, int, int] | None, tuple[str, int, int] | None]]:
    """Read only when the line after the grade is neither a grade nor a number (a column of
    grades, or a legend of grades and their score ranges, is not a result)."""
    found: list[tuple[tuple[Decimal, int, int] | None, tuple[str, int, int] | None]] = []
    for position, line in enumerate(lines[:-1]):
        if not _GRADE_TITLE_LINE.match(line.text.strip()):
            continue
        cell = lines[position + 1]
        value = cell.text.strip()
        grade = _GRADES.get(value) or (value if _GRADE_LETTER.fullmatch(value) else None)
        if grade is None:
            continue
        if position + 2 < len(lines):
            after = lines[position + 2].text.strip()
            if (
                after in _GRADES
                or _GRADE_LETTER.fullmatch(after)
                or re.match(r"^[\d≥≤<>=.%\-~—]+", after)
            ):
                continue
        at = cell.start + cell.text.index(value)
        found.append((None, (grade, at, at + len(value))))
    return found


_RESULT_SCORE_TITLE = re.compile(
    r"^(?:自评|综合|评价|最终|整体|绩效)(?:总?得分|总分|评分)(?:\(分\))?$"
)
_RESULT_GRADE_TITLE = re.compile(r"^(?:自评|评价|绩效|综合|评定)?(?:等级|等次|评级)$")
_SEPARATOR_ROW = re.compile(r"^[\s|:：\-—]+$")


def _score_cell_pairs(line: Line, line_score: re.Pattern[str]) -> list[tuple[Decimal, int, int]]:
    """ "总分 | 100 | 自评得分 | 88.76": a table row of key and value cells in pairs (an even count,
    every key a label, not a number), a key naming the self-score (自评得分 / 综合得分…, never
    总分 / 分值 / 权重 alone) with a bare number after it: that score. Not a row of another shape
    (a label then columns of numbers: "总分 | 100 | 84.49", whose columns are not proven here)."""
    if "\t" not in line.text:
        return []
    cells = line.text.split("\t")
    if len(cells) < 2 or len(cells) % 2:
        return []  # (a row of one pair, "综合得分 | 88.9", too)
    spans, at = [], 0
    for cell in cells:
        spans.append((cell.strip(), at + len(cell) - len(cell.lstrip())))
        at += len(cell) + 1
    return score_pairs(line, spans, line_score)


def _result_rows(
    lines: list[Line],
) -> list[tuple[tuple[Decimal, int, int] | None, tuple[str, int, int] | None]]:
    """A self-evaluation result given as a table row under a header row ("评价对象 | 自评得分 |
    自评等级" / "部门整体支出 | 92.6 | 优"): read only from a table of exactly one row under its
    header (a table of several rows scores several things: indicators, projects, years), whose
    header names no 指标 / 分值 / 权重 / 扣分 / 年度 column and has as many cells as the row,
    and whose row names no year (an earlier year's result)."""
    found: list[tuple[tuple[Decimal, int, int] | None, tuple[str, int, int] | None]] = []
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and ("|" in line.text or "\t" in line.text):
            if not _SEPARATOR_ROW.match(line.text):
                run.append(line)
            continue
        if len(run) == 2:
            header = [cell for cell, _ in _row_cells(run[0])]
            row = _row_cells(run[1])
            if (
                len(header) == len(row)
                and not re.search(
                    r"指标|分值|权重|扣分|标准分|满分|上年|年度|\d{4}", "".join(header)
                )
                and not re.search(r"\d{4}年|上年|去年|上一年", run[1].text)
            ):
                found.append(_graded_result_row(header, row))
        run = []
    return [pair for pair in found if pair != (None, None)]


def _result_row(
    header: list[str], row: list[tuple[str, int]]
) -> tuple[tuple[Decimal, int, int] | None, tuple[str, int, int] | None]:
    score = grade = None
    for title, (cell, at) in zip(header, row, strict=True):
        if _RESULT_SCORE_TITLE.match(title):
            bare = _BARE.match(cell)
            value = parse_number(bare.group(1)) if bare else None
            if value is not None and 0 <= value <= 100:
                score = (value, at, at + len(cell.rstrip()))
        elif _RESULT_GRADE_TITLE.match(title) and cell.strip() in _GRADES:
            grade = (_GRADES[cell.strip()], at, at + len(cell.strip()))
    return score, grade


_BARE_SCORE_TITLE = re.compile(r"^(?:得分|总分|评分)(?:\(分\))?$")


def _graded_result_row(
    header: list[str], row: list[tuple[str, int]]
) -> tuple[tuple[Decimal, int, int] | None, tuple[str, int, int] | None]:
    """A result row whose score column is titled by a bare 得分 / 总分 ("评价结论 | 得分 | 等级" /
    "预算编制科学，执行较好… | 94.6 | 优"): the self-score only beside a grade in a 等级 column of
    the same row (a bare 得分 is read beside a grade only), and only when neither the header nor
    the row names a 项目 (one project's score and grade). Otherwise the row as `_result_row`
    reads it."""
    score, grade = _result_row(header, row)
    if grade is None or score is not None:
        return score, grade
    if re.search(r"项目", "".join(header) + "".join(cell for cell, _ in row)):
        return score, grade
    titles = [n for n, title in enumerate(header) if _BARE_SCORE_TITLE.match(title.strip())]
    if len(titles) != 1:
        return score, grade
    cell, at = row[titles[0]]
    bare = _BARE.match(cell)
    value = parse_number(bare.group(1)) if bare else None
    if value is None or not 0 <= value <= 100:
        return score, grade
    return (value, at, at + len(cell.rstrip())), grade


def _comparator(text: str | None) -> str | None:
    return _COMPARATORS.get(text) if text else None


_NOT_FIELDS = {"staffing.authorized", "staffing.in_service", "staffing.actual_total"}


def _is_field_path(key: str) -> bool:
    """A raw dossier field (staffing.retired, assets.total_net, staffing.in_service.行政编制), as
    opposed to a figure that only a statement carries (budget.basic, rates.execution)."""
    if key in _NOT_FIELDS:
        return False
    if key.startswith("staffing."):
        return True
    return key.startswith("assets.") and key not in ("assets.change_pct", "assets.total_net_prior")


def _indicator_level(path: tuple[str, ...]) -> str | None:
    """产出 / 效益 from the section a sentence sits in; None outside the performance sections."""
    for title in reversed(path):
        if re.search(r"满意", title):
            return "满意度"
        if re.search(r"效果|效益", title):
            return "效益"
        if re.search(r"履职完成|完成情况|产出|绩效实现|目标完成", title):
            return "产出"
        if re.search(r"预算|资金|资产|人员|概况|基本情况|问题|措施|经验", title):
            return None
    return None


def _read_title(text: str) -> tuple[str | None, int | None] | None:
    """(department or None, year or None) when *text* is a report title."""
    clean = re.sub(r"\.(?:pdf|docx?|txt|wps)$", "", text.strip(), flags=re.I)
    clean = re.sub(r"^#{1,6}\s*|^\*\*|\*\*$", "", clean)  # Markdown heading / bold
    clean = re.sub(r"[〇零一二三四五六七八九]{4}(?=年)", _arabic_year, clean)  # 二〇二一年度
    if len(clean) > 90 or not _TITLE_WORDS.search(clean) or not _TITLE_KIND.search(clean):
        return None
    year_match = _YEAR.search(clean)
    if re.search(r"[。;]|^(?:根据|现将|按照|为)", clean) or not (
        re.search(r"(?:报告(?:书)?|(?:自评|评价)表)(?:\(.{0,12}\))?$", clean)
        # a page's title dated and named: "某局2024年度部门整体支出绩效自评情况", "…自评结果"
        or (year_match and re.search(r"^[^\d]{2,}.*绩效(?:自评|评价)(?:情况|结果)$", clean))
    ):
        return None
    year = int(year_match.group(1)) if year_match else None
    bracketed = re.search(r"\(([^()]{2,30})\)$", clean)
    if bracketed and re.search(rf"{_ORG_END}$", bracketed.group(1)):
        return bracketed.group(1), year  # "2021年度部门整体支出绩效评价报告（某县统计局）"
    body = re.sub(r"\((?:(?:19|20)\d{2}年度?|[^()]{0,10})\)$", "", clean)
    body = re.sub(r"报告(?:书)?$|(?<=自评)表$|(?<=评价)表$|(?<=自评|评价)(?:情况|结果)$", "", body)
    while True:
        stripped = _SUFFIXES.sub("", body)
        if stripped == body:
            break
        body = stripped
    body = _YEAR.sub("", body)
    body = re.sub(r"^(?:[-—–:\s·•]+|关于)+", "", body).strip(" -—:")
    # a heading's number or an attachment's ("一、", "附件2", "附表1："): no part of a name
    body = re.sub(r"^(?:[一二三四五六七八九十]+[、.]|附[件表]\s*\d*\s*:?)\s*", "", body)
    body = body.split("关于", 1)[0]  # "某局关于2021年度部门整体支出绩效自评情况的报告"
    body = re.sub(r"(?:部门|单位)$", "", body)
    # "津港市住房和城乡建设委员会（本级）", "某局机关本级": the report's scope, not the name
    body = re.sub(r"(?<=[局委会办厅室])(?:\((?:机关)?本级\)|(?:机关)?本级)$", "", body)
    name = (
        body
        if len(body) >= 2 and re.search(f"[{CJK}]", body) and not re.search(r"[,。]", body)
        else None
    )
    return name, year


def _arabic_year(match: re.Match[str]) -> str:
    return "".join(str("〇一二三四五六七八九".index(c) if c != "零" else 0) for c in match.group(0))


def _year_line(text: str) -> int | None:
    match = re.fullmatch(r"\(?((?:19|20)\d{2})年度?\)?", text.strip())
    return int(match.group(1)) if match else None


def _neighbour_org(lines: list[Line], position: int) -> Line | None:
    for offset in (-1, 1, -2, 2):
        index = position + offset
        if 0 <= index < len(lines) and _ORG.match(lines[index].text.strip()):
            return lines[index]
    return None
