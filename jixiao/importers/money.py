"""Read amounts of money: budget and spending by phase, funding and economic class; assets.

Each amount is read with the words right before it (its label). The label says what the amount
is (基本支出, 工资福利支出, "三公"经费, 上年结转…) and, when it can, which phase it belongs to
(年初预算 / 预算批复 → initial budget, 调整后 / 全年预算 → adjusted, 支出 / 执行数 → executed,
决算 → final). Amounts after 其中 / 主要包括 are parts of the amount before them and inherit its
phase. When a total and all its parts are stated, the parts become money lines and the total
a statement (``stated``), so the checks compare them; a stated total that its parts do not add
up to is kept as stated, with a finding quoting both. A label may stand before a colon or on the
line before the amount. A spending class with no phase word (基本支出, 工资福利支出) is the year's
spending in an evaluation report unless its paragraph or heading speaks of the budget (finding
``import.I010``). An amount whose phase cannot be told, or that belongs to something the dossier
does not model (到位指标), is left out with a finding rather than guessed. Where a clause
admits several readings (调整预算 as the adjusted budget or the adjustment, whose total the parts
after 其中 belong to, 元 or 万元, the unit of a table that states none, the phase of 人员经费 /
公用经费, 决算 beside 执行), the reading under which the parts add up is kept (reconcile.py).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from jixiao.core.dossier import Funding, Item, Phase
from jixiao.importers import reconcile
from jixiao.importers.class_pairs import class_pairs
from jixiao.importers.document import Line, ReportText
from jixiao.importers.facts import Fact, Findings
from jixiao.importers.flat_tables import flattened_cells
from jixiao.importers.pastings.forms import ROW_LABEL_TITLE, form_column, row_name
from jixiao.importers.patterns import CJK, GROUP_TITLE, NUMBER, parse_number
from jixiao.importers.staffing import label_start
from jixiao.importers.subtotals import subtotal_is_total
from jixiao.importers.table_rates import (
    counts_row,
    form_blocks,
    form_head_row,
    money_beside_staffing,
    staffing_rows_on_top,
    without_caption_column,
)
from jixiao.importers.unit_items import unit_item_lines

# "2,356.80万，其中…": 万 alone is 万元 when punctuation or the line's end follows ("12万农户" is not)
# never the tail of a number broken by spaces ("6  48  320.00元": not 320.00元)
_AMOUNT = re.compile(
    rf"(?<![\d.,])(?<!\d  )(?<!\d   )({NUMBER})(亿元|万元|千元|元|万(?=[,;:、。；，)\s]|$))(?!旦)"
)
# "约800万元", "超过300万元", "超3亿元", "85万元左右", "96%左右", "1.2亿元有余": an approximate
# figure, never read as an exact amount (nor as an exact rate)
_APPROXIMATE_BEFORE = re.compile(
    r"(?:约|大约|约为|约合|近|将近|接近|超过|超|逾|不足|不到|上下|大概|差不多)\s*$"
)
_APPROXIMATE_AFTER = re.compile(r"^\s*(?:左右|上下|以上|以下|多|有余|余(?!额)|开外)")


def approximate_figure(before: str, after: str) -> bool:
    """A figure with an approximating word right *before* it (约, 近, 超过, 超…) or right *after*
    its unit (左右, 以上, 余…): an estimate, not the exact figure."""
    return bool(_APPROXIMATE_BEFORE.search(before) or _APPROXIMATE_AFTER.match(after))


# a form's label with its unit in brackets, the number bare after it: "部门预算总额（万元）：1,532.60"
_BRACKETED_UNIT = re.compile(
    rf"\((亿元|万元|千元|元)\)(?::)?({NUMBER})(?!\d|[.,]\d|\s*(?:亿|万|千|元|人|名|个|%))"
)


@dataclass(frozen=True)
class _AmountMatch:
    """An amount found in a line: its number, its unit, where its label ends, where it ends."""

    number: str
    unit: str
    label_end: int
    end: int


def _amount_matches(text: str) -> list[_AmountMatch]:
    """ "123.45万元" and "…（万元）：123.45" in the order they stand."""
    found = [
        _AmountMatch(m.group(1), "万元" if m.group(2) == "万" else m.group(2), m.start(), m.end())
        for m in _AMOUNT.finditer(text)
    ]
    if "(" in text:
        found += [
            _AmountMatch(m.group(2), m.group(1), m.start(), m.end())
            for m in _BRACKETED_UNIT.finditer(text)
        ]
        found.sort(key=lambda m: m.label_end)
    return found


# "泸阳市城市管理和综合行政执法局（以下简称“市城管执法局”）": the short name the report defines
_DEFINED_SHORT_NAME = re.compile(r"\((?:以下|下文)?简称[“\"']?([^”\"'()]{2,12}?)[”\"']?\)")


def _short_names_defined(text: str, department: str | None) -> tuple[str, ...]:
    """The short names the report gives the department right after its name."""
    if not department:
        return ()
    found = []
    for match in _DEFINED_SHORT_NAME.finditer(text):
        before = text[max(0, match.start() - len(department) - 4) : match.start()]
        if department in before or (len(department) > 4 and department[-4:] in before):
            found.append(match.group(1))
    return tuple(dict.fromkeys(found))


def own_names(department: str | None) -> tuple[str, ...]:
    """The department's own name as the body may write it before an amount ("石门镇人民政府" /
    "石门镇"): words naming the department itself, not something else's money."""
    if not department:
        return ()
    names = [department, *_own_kind_names(department)]
    # the name without its place: "临河县水利局" writes itself "水利局" ("2020年度水利局部门预算…")
    short = re.search(
        r"(?:省|市|县|区|州|旗)([^省市县区州旗]{2,16}(?:局|委员会|委|办公室|厅|院))$", department
    )
    if short:
        names.insert(1, short.group(1))
    town = re.fullmatch(r"(.{2,12}?(?:镇|乡|街道))(?:人民政府|政府|街道办事处|办事处)", department)
    if town:
        names.append(town.group(1))
        # "临澄县青湖镇" writes itself "青湖镇" (never "全镇": measured, the whole town's money is
        # often more than its government's)
        place = re.search(
            r"(?:省|市|县|区|州|旗)([^省市县区州旗]{1,8}?(镇|乡|街道))$", town.group(1)
        )
        if place:
            names.append(place.group(1))
        if town.group(1).endswith("街道"):  # "街道全年预算数为…": a 街道 writes itself so
            names += [
                f"{prefix}{word}"
                for word in ("街道办", "街道")
                for prefix in ("本", "我", "该", "")
            ]
    # a unit naming itself by its kind: "中心全年预算总额…", "本馆支出…" (平川市疾病预防控制中心)
    kind = re.search(
        r"(中心|医院|学校|中学|小学|幼儿园|档案馆|图书馆|博物馆|纪念馆|馆|站|所|队)$", department
    )
    if kind:
        names += [f"{prefix}{kind.group(1)}" for prefix in ("本", "我", "该", "")]
        short = kind.group(1)[-1] if kind.group(1)[-1] in "馆校院园" else None
        if short and short != kind.group(1):  # "本馆" (档案馆), "本校" (中学), "我院" (医院)
            names += [f"{prefix}{short}" for prefix in ("本", "我", "该")]
        if kind.group(1) in ("中学", "小学"):  # a school writes itself "学校" ("学校全年实际支出…")
            names += [f"{prefix}学校" for prefix in ("本", "我", "该", "")]
    names += _college_names(department)
    return tuple(names)


def _college_names(department: str) -> list[str]:
    """A 高校 (…学院 / …大学 / …职业技术学院) writes itself "学校" / "本校" / "我院" / "学院"
    ("学校资产总额18.7326亿元"); a 二级学院 named in the text is not the department."""
    kind = re.search(r"(学院|大学)$", department)
    if kind is None:
        return []
    names = [
        f"{prefix}{word}" for word in (kind.group(1), "学校") for prefix in ("本", "我", "该", "")
    ]
    return names + [f"{prefix}{short}" for short in ("校", "院") for prefix in ("本", "我", "该")]


# the kind a department names itself by, bare or as its own seat ("局机关", "支队本级", "本委")
_OWN_KIND = re.compile(r"(分局|支队|大队|总队|局|委员会|委|办公室|厅)$")
_KIND_SHORT = {"委员会": "委", "办公室": "办"}


def _own_kind_names(department: str) -> list[str]:
    """ "局机关资产总额" (…局), "支队资产总额" (…消防救援支队): the department's kind word, with
    本 / 我 / 该 or 机关 / 本级, names the department itself; longer forms first."""
    kind = _OWN_KIND.search(department)
    if kind is None:
        return []
    word = _KIND_SHORT.get(kind.group(1), kind.group(1))
    return [
        f"{prefix}{word}{seat}"
        for seat in ("机关本级", "机关", "本级", "")
        for prefix in ("本", "我", "该", "")
    ]


# a department stated as its head office and its units together: "本部门决算由厅机关本级和省公路
# 与运输管理中心…等22家所属单位汇总组成", "本部门由局机关和…6个直属事业单位组成"; then "厅机关本级…" /
# "局机关…" names the head office, not the department
_CONSOLIDATED = re.compile(
    r"(?:机关|本级)(?:和|及|与|以及|、)[^。;]{0,120}?(?:\d{1,3}|[一二三四五六七八九十两]{1,3})"
    r"(?:个|家|所)[^。;]{0,8}?单位[^。;]{0,6}?(?:汇总|组成|构成)"
)
# a sentence whose subject is the head office alone: "厅机关本级全年预算30,218.40万元，支出…",
# "局本级支出…" (not "局机关和所属单位…", the whole)
_HEAD_OFFICE_SUBJECT = re.compile(
    rf"^\s*(?:[一二三四五六七八九十\d]{{1,2}}[、.])?[{CJK}]{{0,4}}?(?:机关本级|机关|本级)"
    r"(?![和及与、]|以及|汇总|合计)"
)


def _without_own_name(label: str, names: tuple[str, ...]) -> str:
    """The label without the department's own name or kind word, and without a qualifier in
    brackets right after it ("中心（行政事业单位）年末资产总额", "局（含所属单位）全年支出")."""
    label = _WHOLE_BODY.sub("", label)
    for name in names:
        label = re.sub(re.escape(name) + r"(?:\([^()\d]{1,12}\))?", "", label)
    if names:
        label = _SHORT_NAME.sub(
            lambda m: "" if _abbreviates(m.group(), names[0]) else m.group(), label
        )
    return label


# "全局支出总额": the whole bureau, the department itself (全委 / 全系统 stay words of their own:
# measured, they name a wider whole in some reports)
_WHOLE_BODY = re.compile(r"全局")
# "县残联" (宁川县残疾人联合会), "市科协", "县供销社": a level and a few characters of the name
_SHORT_NAME = re.compile(
    rf"(?:^|(?<=年)|(?<=年度))[县市区州旗镇乡][{CJK}]{{2,4}}?(?=全年|年|本年|当年|预算|支出|实际|决算|执行|收入|资产)"
)


def _abbreviates(short: str, department: str) -> bool:
    """True when *short* ("县残联") is the department's name shortened: its level character and
    then its other characters in order, the last one in the name's last word (联合会)."""
    if short[0] not in department:
        return False
    rest = department[department.index(short[0]) + 1 :]
    position = 0
    for character in short[1:]:
        position = rest.find(character, position)
        if position < 0:
            return False
        position += 1
    return short[-1] in department[-4:]


_DELIMITERS = ",;。:、\n"
_UNIT_IN_WAN = {
    "亿元": Decimal(10000),
    "万元": Decimal(1),
    "千元": Decimal("0.1"),
    "元": Decimal("0.0001"),
}
_VERBS = re.compile(r"(?:为|是|共计|合计|总计|达到|达|计|约|共|了|:)+$")
# 资产总计 / 资产合计 name the asset total: their 总计 / 合计 is the noun's, not a verb to strip
_ASSET_TOTAL_WORD = re.compile(r"资产(?:总计|合计)(?=(?:为|是|达到|达|约|了|:)*$)")


# "经区财政局批复调整后预算": the finance bureau that approved the budget, not whose money it is
_APPROVER = re.compile(
    rf"^(?:报经|经过|经)(?:[{CJK}]{{0,8}}?财政(?:局|厅|部门|委|处)?|上级(?:主管)?部门)"
    r"(?:审核|审定|审查)?(?:批复|批准|核批|审批|核定|同意)(?:的|后)?"
)


def _without_approver(label: str) -> str:
    """ "经区财政局批复调整后预算" → "调整后预算": a label opening on who approved the budget (经 … 财政
    局 / 财政部门 / 上级部门 … 批复 / 批准 / 核定) names the approver, not another body's money; the
    rest decides. "区财政局调整后预算" (no 经 … 批复) is left as it is."""
    match = _APPROVER.match(label)
    return label[match.end() :] if match and match.end() < len(label) else label


def _strip_verbs(label: str) -> str:
    """The label without the verbs before its amount ("支出合计为" → "支出"), keeping the 总计 of
    "年末资产总计" (then the asset total, not "年末资产")."""
    kept = _ASSET_TOTAL_WORD.search(label)
    return label[: kept.end()] if kept else _VERBS.sub("", label)


_PART_MARKER = re.compile(
    r"其中|包括|分别为|分别是|具体为"
    r"|^[^;]*(?:分|按|从)(?:支出)?性质(?:看|分|划分)?"  # "，分性质看，基本支出…" (not after a ；)
)
# a bracket opened right after a total, its first part next: the total's split
_BRACKET_OPENS_PARTS = re.compile(r"\s*\(\s*")

BUDGET = "budget"  # a budget amount whose phase (initial / adjusted) is settled later

_ECONOMIC: tuple[tuple[str, Item], ...] = (
    (r"工资福利(?:支出)?", Item.WAGES),
    (r"商品(?:和|及|与)?服务(?:支出)?", Item.GOODS_SERVICES),
    (r"对个人(?:和|及|与)?家庭(?:的)?补助(?:支出(?!数))?", Item.TRANSFERS_HOUSEHOLDS),
    (r"(?:其他)?资本性(?:支出)?", Item.CAPITAL),
    # classes of the government's economic classification beside the four: 对企业补助 (a
    # transport bureau's bus subsidies), 对事业单位经常性补助 (a 卫健委's grants to its hospitals),
    # 对社会保障基金补助, 债务利息及费用支出; the dossier's 其他支出
    (
        r"对企业(?:的)?补助(?:支出(?!数))?|债务利息(?:及|和)费用(?:支出)?"
        r"|对事业单位(?:的)?经常性补助(?:支出(?!数))?|对社会保障基金(?:的)?补助(?:支出(?!数))?"
        # a provincial department's grants to the level below: "对下级的转移支付89,685.00万元"
        r"|对下级(?:政府)?(?:的)?转移(?:性)?(?:支付(?:支出(?!数))?|支出(?!数))",
        Item.OTHER_SPENDING,
    ),
)
_SANGONG_ITEMS: tuple[tuple[str, Item], ...] = (
    (r"因公出国(?:\(境\))?(?:境)?(?:费用?|经费)?", Item.SANGONG_ABROAD),
    (r"公务用车购置(?:费用?)?(?![及和与])", Item.SANGONG_VEHICLE_PURCHASE),
    (r"公务用车运行(?:维护|维修)?(?:费用?)?|公务用车运维(?:费用?)?", Item.SANGONG_VEHICLE_RUNNING),
    (r"公务接待(?:费用?)?", Item.SANGONG_RECEPTION),
)
_MEMO: tuple[tuple[str, str], ...] = (
    (r"到位", "allocated"),
    (r"人员经费", "personnel"),
    (r"专项(?:经费|资金)", "special_funds"),
    (r"(?:上年|年初|以前年度)(?:结转|结余)(?:结余|结转|和结余|资金)?", "carry_prior"),
    (
        r"(?:本年|年末|期末)(?:结转|结余)(?:结余|结转|和结余|资金)?|结余结转|结转结余|结转和结余",
        "carry_end",
    ),
    (r"调整预算(?!后)(?:数|额)?", "adjusted?"),
    (r"调整追加|追加(?:预算|资金)?|调增|调整(?:数|金额|增加)", "supplement"),
    (r"“?三公”?经费", "sangong_total"),
    (r"(?:日常)?公用经费", "public_funds"),
    (r"政府采购(?:预算|金额|合同金额)?", "procurement"),
    (r"重点项目(?:支出)?", "key_projects"),
)
_FUNDING: tuple[tuple[str, Funding], ...] = (
    (r"基本支(?:出)?(?!付)|基本经费", Funding.BASIC),
    # 项目支 (a dropped 出, as 基本支 above), never 项目支付 / 项目支持 / 项目支撑 / 项目支援
    (r"项目支(?:出)?(?![付持撑援])|项目经费", Funding.PROJECT),
)
# 基本支 / 项目支 with 出 dropped: read as the class, with finding import.I009
_DROPPED_CHU = re.compile(r"(基本|项目)支(?![出付持撑援])")
_NOT_FINAL = r"(?!编制|公开|管理|审核|工作|报表|报告|会审)"
_NOT_BUDGET = r"(?!绩效|编制|管理|公开|执行率|完成率|调整率|单位|科目|法|工作|拨款|财政拨款|资金)"
_PHASES: tuple[tuple[str, Phase | str], ...] = (
    (rf"年初预算{_NOT_BUDGET}|预算批复|批复预算|年初安排|年初批复", Phase.BUDGET_INITIAL),
    (r"调整后(?:预算)?|全年预算|预算调整后", Phase.BUDGET_ADJUSTED),
    # 年度资金总额: the 自评表's name for the year's budget (initial, or adjusted with its steps)
    (rf"预算收入|预算数|预算安排|预算{_NOT_BUDGET}|年度资金总额", BUDGET),
    (rf"决算{_NOT_FINAL}", Phase.FINAL),
    (
        r"执行数|实际执行|执行(?!率)|实际支出|完成支出|累计支出|累计完成(?!率)|实际使用|支出|使用|拨付|"
        r"累计支付|(?<=支出)支付",
        Phase.EXECUTED,
    ),
)
_ASSETS: tuple[tuple[str, str], ...] = (
    (r"(?:配置|新增|购置|购入)(?:了)?固定资产", "fixed_added"),
    (r"在用固定资产", "fixed_in_use"),
    (r"固定资产(?:原值|总额|总值|合计)", "fixed_total"),
    (r"资产总额|资产总计|资产合计|总资产", "total"),
)


# words an asset label of the department's own may carry beside its noun
_ASSET_WORDS = re.compile(
    r"国有|账面|净值|原值|年末|年初|(?:报告)?期末|截至|截止|\d{1,2}月\d{1,2}日|共有|拥有|现有"
)


@dataclass
class Amount:
    value: Decimal  # in 万元
    stated_value: Decimal
    unit: str  # as written
    start: int
    end: int
    label: str
    kind: str | None  # total, funding, economic, sangong_item, a _MEMO kind, asset:<field>, income
    phase: Phase | str | None
    funding: Funding | None = None
    item: Item | None = None
    parts: list[Amount] = field(default_factory=list)
    head: Amount | None = None
    table: bool = False  # read from a table row (row heading + column heading)
    # the phase an evaluation report implies for a spending noun with no budget word near it
    default_phase: Phase | None = None
    # parts after 其中 that followed this amount of unknown meaning ("比上年减少52.30万元，其中：…")
    orphans: list[Amount] = field(default_factory=list)
    read_as: str | None = None  # an orphan's own kind, before it was set aside as unread
    listed_whole: bool = False  # an economic class of a list closed by its total ("以上合计")
    implied: bool = False  # read as the year's spending only because the document implies it


@dataclass
class MoneyReading:
    lines: list[dict[str, Any]] = field(default_factory=list)
    stated: list[Fact] = field(default_factory=list)
    assets: dict[str, Decimal] = field(default_factory=dict)
    asset_amounts: dict[str, Amount] = field(default_factory=dict)  # the statement read for each
    sources: dict[str, tuple[int, int]] = field(default_factory=dict)
    pending: list[Amount] = field(default_factory=list)
    defaulted: list[Amount] = field(default_factory=list)  # phase implied by the document
    # one figure stated twice in contradiction: (its keys, the two statements, those of the two
    # the report's own parts add up to); text.py settles which is read (see Restated)
    conflicts: list[Restated] = field(default_factory=list)
    # spans of amounts dated to an earlier year than the report's, set aside beside this year's
    earlier_years: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Restated:
    """A figure stated twice, the two statements contradicting each other (import.W003)."""

    keys: list[str]
    statements: tuple[Amount, Amount]
    by_parts: list[Amount]  # the statements the figure's own parts (基本 + 项目) add up to


def _income_made_of_the_budgets_steps(
    text: str, amounts: list[Amount], lines: list[_Line], findings: Findings
) -> None:
    """ "财政拨款收入1,437.62万元，其中：年初预算1,198.00万元，上级追加239.62万元": an income whose
    其中 parts are the year-start budget and what was added to it, adding up to it, is the year's
    budget after the additions (read as the adjusted budget, import.I012), when no adjusted
    budget is stated."""
    if any(x.phase is Phase.BUDGET_ADJUSTED and x.item is Item.UNCLASSIFIED for x in lines):
        return
    for index, income in enumerate(amounts):
        if income.kind != "income" or not re.match(
            r"[,;]?其中:?", text[income.end : income.end + 4]
        ):
            continue
        sentence_end = min(
            (at for mark in "。;\n" if (at := text.find(mark, income.end)) >= 0), default=len(text)
        )
        parts = [a for a in amounts[index + 1 :] if a.start < sentence_end]
        initial = [a for a in parts if a.kind == "total" and a.phase is Phase.BUDGET_INITIAL]
        added = [a for a in parts if a.kind == "supplement"]
        if len(initial) != 1 or not added or len(initial) + len(added) != len(parts):
            continue
        if initial[0].value + sum(a.value for a in added) != income.value:
            continue
        lines.append(_Line(Phase.BUDGET_ADJUSTED, Item.UNCLASSIFIED, None, income))
        steps = [initial[0], *added]
        findings.add(
            "import.I012",
            "info",
            f"“{income.label}{income.stated_value}{income.unit}”＝{_listed(steps)}，按调整后预算"
            "导入 / the income is the year-start budget plus what was added: read as the "
            "adjusted budget",
            "核对原文（{}） / check the report ({})".format(*_both_places(findings, income, steps)),
            (income.start, steps[-1].end),
        )
        return


def _adjustments(
    pending: list[Amount],
    lines: list[_Line],
    statements: list[tuple[str, Amount]],
    unread: list[Amount],
    reading_: MoneyReading,
    findings: Findings,
) -> bool:
    """ "调整预算X万元" is the adjusted budget or the adjustment itself: the arithmetic with the
    initial (and full-year) budget decides; otherwise it is left out. Its 基本/项目 parts after 其中
    ("年度调整预算数为3,286.47万元，其中基本支出…，项目支出…") are the adjusted budget's split when
    it is read as the adjusted budget, and unread otherwise. The rows of an 调整预算数 column that
    name a class or 基本/项目 are settled by their cut (see below). True when a total is left
    unplaced: the initial budget is then not the year's budget either way."""
    unplaced = False

    def totals(phase: Phase) -> list[Decimal]:
        return [
            line.amount.value
            for line in lines
            if line.phase is phase and line.item is Item.UNCLASSIFIED and line.funding is None
        ]

    def undecided(amount: Amount) -> None:
        findings.add(
            "import.W007",
            "warning",
            f"“{amount.label}{amount.stated_value}{amount.unit}”看不出是调整后预算还是调整数，未导入 / "
            "cannot tell whether this is the adjusted budget or the adjustment; not imported",
            "请在资金信息中填写并注明阶段 / enter it with its phase",
            (amount.start, amount.end),
        )

    parts = {id(a): _class_in(a.label) for a in pending if _class_in(a.label) != (None, None)}
    for amount in pending:
        if id(amount) in parts:
            continue  # a class's or a funding's: settled by its cut below
        if _A_PART.match(amount.label):
            undecided(amount)  # "其中：财政拨款 | 调整预算数": a part, never the year's budget
            continue
        initial, adjusted = totals(Phase.BUDGET_INITIAL), totals(Phase.BUDGET_ADJUSTED)
        reading = _adjustment_reading(amount, initial, adjusted)
        if reading != "adjusted":
            for part in amount.parts:  # the adjustment's split, or an unknown amount's
                part.kind = "unread:part"
                unread.append(part)
        if reading == "adjustment":
            lines.append(_Line(Phase.BUDGET_INITIAL, Item.SUPPLEMENT, None, amount))
        elif reading == "adjusted":
            if not adjusted and amount.parts:
                amount.kind, amount.phase = "total", Phase.BUDGET_ADJUSTED
                _resolve(amount, lines, statements, unread, reading_, findings)
                continue
            if not adjusted:
                lines.append(_Line(Phase.BUDGET_ADJUSTED, Item.UNCLASSIFIED, None, amount))
        else:
            unplaced = True
            undecided(amount)
    # "工资福利支出 | 调整预算数 2,864.50" …: the rows of an 调整预算数 column are the adjusted
    # budget's classes (or 基本/项目) when one cut of them adds up to the adjusted budget read
    adjusted = totals(Phase.BUDGET_ADJUSTED)
    read: set[int] = set()
    for by_funding in (False, True):
        cut = [
            (a, item, funding)
            for a in pending
            if id(a) in parts
            for item, funding in [parts[id(a)]]
            if (funding is not None) == by_funding and (item is None) == by_funding
        ]
        places = {(item, funding) for _, item, funding in cut}
        total = sum((a.value for a, _, _ in cut), Decimal(0))
        if (
            len(cut) >= 2
            and len(places) == len(cut)
            and len(adjusted) >= 1
            and total == adjusted[0]
        ):
            for a, item, funding in cut:
                lines.append(_Line(Phase.BUDGET_ADJUSTED, item or Item.UNCLASSIFIED, funding, a))
                read.add(id(a))
    for amount in pending:
        if id(amount) in parts and id(amount) not in read:
            undecided(amount)
            unplaced = True  # a part's adjusted budget unplaced: its initial one is not the year's
    return unplaced


def _class_in(label: str) -> tuple[Item | None, Funding | None]:
    """The economic class or the funding (基本/项目) a label names, if any."""
    item = next((i for pattern, i in _ECONOMIC if re.search(pattern, label)), None)
    funding = next((f for pattern, f in _FUNDING if re.search(pattern, label)), None)
    return item, funding


# a row opened by 其中 ("其中：财政拨款"): a part of the whole above or below it
_A_PART = re.compile(r"^其中[:：]")


def _adjustment_reading(
    amount: Amount, initial: list[Decimal], adjusted: list[Decimal]
) -> str | None:
    """ "adjustment" when 年初 + X = 全年 (the stated adjusted budget), "adjusted" when X is the
    adjusted budget stated again; with no adjusted budget stated, an X not below the initial
    budget is the adjusted budget. None: the arithmetic does not decide."""
    if initial and adjusted:
        chosen = reconcile.choose(
            [
                reconcile.Reading(
                    "adjustment", adjusted[0], (initial[0], amount.value), "adjustment"
                ),
                reconcile.Reading("adjusted", adjusted[0], (amount.value,), "adjusted"),
            ]
        )
        return chosen.meaning if chosen else None
    if initial and amount.value >= initial[0]:
        return "adjusted"
    return None


_LAST_YEAR = re.compile(r"上年|去年|上一年|同期")

# "预算数（含年中追加调整）", "预算总额(包括追加)": the budget with the year's adjustments in it
_WITH_ADJUSTMENTS = re.compile(
    r"(预算(?:数|总额|总数|金额|安排)?)\((?:含|包含|包括)(?:年中|年内|本年|当年)?"
    r"(?:追加|调整|调增|追减|调减|和|及|、|预算|资金)+\)"
)


def _budget_with_its_adjustments(label: str) -> str:
    """ "2022年度预算数（含年中追加调整）" is the adjusted budget ("调整后预算数"): a bare budget word
    with a bracket saying the year's 追加 / 调整 are in it. Not "年初预算（含追加）" (two phases at
    odds), "预算数（不含追加）", "预算数（含上年结转）" (another inclusion)."""
    match = _WITH_ADJUSTMENTS.search(label)
    if match is None or re.search(r"年初|批复|调整后|全年预算", label[: match.start()]):
        return label
    if not re.search(r"追加|调整|调增|追减|调减", match.group(0)):
        return label
    return f"{label[: match.start()]}调整后{match.group(1)}{label[match.end() :]}"


# "年初部门预算安排", "年初批复单位预算数": the department's own word between 年初 and 预算
_INITIAL_OWN_BUDGET = re.compile(r"年初(?:批复|下达)?(?:的)?(?:本|我)?(?:部门|单位)(?=预算)")


# a phase column's word beside 其他资金 in a table cell's label (row and column heading, either
# way round: "年初预算数其他资金", "其他资金全年执行数"): the other funds budgeted or spent
_PHASE_OF_OTHER_FUNDS = re.compile(
    r"(?:预算|执行|决算|支出)(?:数|额)其他资金|其他资金(?:年初|全年|调整后)?(?:预算|执行|决算|支出)(?:数|额)"
)


# "经预算调整后全年预算数" / "经调整后预算数" / "经年中追加调整后全年预算": 经(过) says "after", the
# adjusted budget; it names no other subject (not 经费 / 经营 / 经济: 调整后 must follow)
# (追加调整后 is after the supplement too: the adjusted budget, not a supplement's amount)
_AFTER_ADJUSTMENT = re.compile(r"(?:经过|经)(?=(?:年中|预算)*(?:追加)?调整后)|追加(?=调整后)")


# the cut a row or clause belongs to, named before it: "按支出性质分：基本支出", "按支出类型划分：项目支出",
# "其中按经费性质分类：基本支出" (the label after the colon decides)
_CUT_NAMED = re.compile(rf"^(?:其中:?)?按[{CJK}]{{1,8}}?(?:划分|分类|分)(?:看|来看)?:")


def classify(label: str) -> tuple[str | None, Phase | str | None, Funding | None, Item | None]:
    """(kind, phase, funding, item) of an amount from its label."""
    label = _INITIAL_OWN_BUDGET.sub("年初", _budget_with_its_adjustments(label))
    label = _AFTER_ADJUSTMENT.sub("", label)
    label = _CUT_NAMED.sub("", label)
    rest = label
    if _LAST_YEAR.search(label) and not re.search(r"(?:上年|以前年度)(?:结转|结余)", label):
        return (
            None,
            None,
            None,
            None,
        )  # "上年支出合计300万元", a table's 上年执行数: not this year's
    government_revenue = re.search(
        r"财政(?:总)?收入|税收|地方(?:一般公共预算)?收入|公共预算收入", label
    )
    if government_revenue and not re.search(r"财政拨款收入", label):
        return None, None, None, None  # the county's revenue, not the department's income
    spent_from_other_funds = "收入" not in label and (
        re.search(r"其他资金.*(?:支出|使用)", label)
        or _PHASE_OF_OTHER_FUNDS.search(
            label
        )  # a table's 年初预算数 × 其他资金: budgeted, not income
    )
    if (
        re.search(r"收入|其他资金(?:来源)?", label)
        and not re.search(r"预算收入|收入预算", label)
        and not spent_from_other_funds  # "其他资金支出35.20万元": spending, not income
    ):
        if _income_of_someone_else(label):
            return None, None, None, None  # "全县财政总收入": not the department's income
        if re.search(r"其他资金(?:来源)?|其他收入", label):
            return "other_income", None, None, None
        return "income", None, None, None
    for pattern, asset_field in _ASSETS:
        if re.search(pattern, label):
            if names_something_else(_ASSET_WORDS.sub("", re.sub(pattern, "", label))):
                return None, None, None, None  # "社有企业年末资产总额…": another body's assets
            return f"asset:{asset_field}", None, None, None
    kind: str | None = None
    item: Item | None = None
    funding: Funding | None = None
    for pattern, sangong_item in _SANGONG_ITEMS:
        if re.search(pattern, rest):
            kind, item = "sangong_item", sangong_item
            rest = re.sub(pattern, "", rest)
            break
    if kind is None and re.search(r"公务用车购置(?:费)?(?:及|和|与)运行", rest):
        return "unread", None, None, None
    if kind is None:
        for pattern, memo in _MEMO:
            if re.search(pattern, rest):
                kind = memo
                rest = re.sub(pattern, "", rest)
                break
    for pattern, economic in _ECONOMIC:
        if kind is None and re.search(pattern, rest):
            kind, item = "economic", economic
            rest = re.sub(pattern, "", rest)
            break
    for pattern, funds in _FUNDING:
        if re.search(pattern, rest):
            funding = funds
            rest = re.sub(pattern, "", rest)
            if kind is None:
                kind = "funding"
            break
    phase = _phase(rest)
    if kind is None and phase is not None:
        kind = "total"
    if kind in ("total", "funding") and names_something_else(rest):
        return None, phase, funding, item  # "XX项目实际支出50万元" is not the department's total
    return kind, phase, funding, item


_PHASE_WORDS = re.compile(
    r"年初预算|预算批复|批复预算|年初安排|调整后预算|调整后|全年预算|预算调整后|预算收入|收入预算|预算数|预算安排|"
    r"预算|决算数|决算|执行数|执行金额|支出金额|实际执行|执行|实际支出|完成支出|累计支出|累计完成|实际使用|支出数|支出|使用|拨付|"
    r"支付"
)
_FILLERS = re.compile(
    r"(?:19|20)\d{2}年度?|\d{1,2}月\d{1,2}日|\d{1,2}月|截至|截止|年末|年底|全年|当年|本年|年度|年中|上半年|"
    r"我单位|本单位|单位|本部门|我部门|部门整体|部门|我局|本局|我委|本委|我办|本办|我院|本院|机关|本级|"
    r"我镇|本镇|我乡|本乡|本街道|我街道|该局|该委|该办|该院|该单位|该部门|该中心|"
    # the whole bureau, its head office and units together: "全局支出5,907.36万元"
    r"全局|全委|全院|全系统|"
    # 全口径: the whole budget, every source of funds (全口径预算数, 全口径预算安排)
    r"全口径|全部|各项|合计|总计|总额|共计|累计|实际|完成|已|总|公共财政|一般公共预算|财政拨款|财政|拨款|资金|"
    # 收支总预算: the budget of the department's income and spending alike, its whole budget
    r"收支(?=总|$)|"
    # "各类项目支出": every kind of it, said before its name; "全年累计下达预算资金": the budget
    # the finance bureau handed down, the department's
    r"各类|下达|"
    r"整体|一般|分别|依次|安排|共|计|为|了|的|是|达|数|额|度|年|\s"
)


_ORGANISATION = re.compile(
    rf"[{CJK}]{{2,24}}(?:局|委员会|委|办公室|办|院|中心|部|厅|所|站|队|会|社|馆|处|机关)$"
)


def _income_of_someone_else(label: str) -> bool:
    """ "全县财政总收入" is the county's revenue; "南县财政局机关各项收入" is the department's own."""
    rest = re.sub(r"其他资金(?:来源)?|其他|收入|各项|拨款", "", label)
    leftover = _FILLERS.sub("", _PHASE_WORDS.sub("", rest))
    if _ORGANISATION.search(leftover):
        leftover = _ORGANISATION.sub("", leftover)  # the department itself, named as the subject
    return bool(re.search(f"[{CJK}A-Za-z]", leftover))


def names_something_else(rest: str) -> bool:
    """Words left in a label once phase words and fillers are gone name a project, a fund or
    an activity: the amount is theirs, not the department's."""
    leftover = _FILLERS.sub("", _PHASE_WORDS.sub("", rest))
    leftover = re.sub(r"^\(?[一二三四五六七八九十\d]{1,3}[)、.]?|[()“”\-—]", "", leftover)
    return bool(re.search(f"[{CJK}A-Za-z]", leftover))


# "预算支出": budgeted spending, or spending from the budget? (see _budget_against_spending)
_BUDGETED_SPENDING = re.compile(r"预算总?支出(?:总额|合计|总计|数)?$")


def _phase(text: str) -> Phase | str | None:
    """The phase words in a label: the rightmost of budget / spending wins ("基本支出预算" is a
    budget, "预算执行数" spending); within budget, 年初/批复 → initial, 调整后/全年 → adjusted."""
    if re.search(rf"决算{_NOT_FINAL}", text):
        return Phase.FINAL
    if re.search(r"执行数|实际执行|执行(?!率)", text):
        return Phase.EXECUTED
    if _BUDGETED_SPENDING.search(text) and not re.search(r"实际|完成|累计|已", text):
        return None  # "部门预算支出1000万元": budgeted or spent? left out rather than guessed
    best: tuple[int, Phase | str] | None = None
    for pattern, phase in _PHASES:
        for match in re.finditer(pattern, text):
            if best is None or match.end() > best[0]:
                best = (match.end(), phase)
    if best is None or best[1] in (Phase.EXECUTED, Phase.FINAL):
        return None if best is None else best[1]
    for pattern, phase in _PHASES[:2]:
        if re.search(pattern, text):
            return phase
    return best[1]


_BARE_TOTAL = re.compile(r"(?:^|[,，:：])\s*(?:总计|合计|共计)(?:为|是)?\s*$")
_SUBJECTS: tuple[tuple[str, str], ...] = ((r"专项(?:经费|资金)", "special_funds"),)


def _bare_total(label: str, before: str) -> bool:
    """ "…，总计280万元": the amount has no label of its own, only a word for "in total"."""
    return not label and bool(_BARE_TOTAL.search(before))


def _parts_a_total_closes(
    found: list[Amount], sentence_at: int, value: Decimal, unit: str
) -> list[Amount]:
    """ "基本支出921.06万元，项目支出833.12万元，合计1,754.18万元": the 基本 and 项目 amounts of the
    sentence a bare 合计 closes, when they are the sentence's only amounts, share one phase (stated,
    or implied alike) and add up to it exactly; else []."""
    sentence = [a for a in found if a.start >= sentence_at]
    fundings = [a.funding for a in sentence]
    if (
        len(sentence) != 2
        or any(a.kind != "funding" for a in sentence)
        or set(fundings) != {Funding.BASIC, Funding.PROJECT}
        or len({(a.phase, a.default_phase) for a in sentence}) != 1
        or (sentence[0].phase is None and sentence[0].default_phase is None)
    ):
        return []
    total = value * _UNIT_IN_WAN[unit]
    return sentence if sum(a.value for a in sentence) == total else []


def _sentence_subject(
    before: str, kind: str | None, phase: Phase | str | None
) -> tuple[str | None, Phase | str | None]:
    """A bare "总计280万元" closing a sentence whose subject is one memo item ("…专项经费支出，全部为…，
    总计280万元") is that item's total, in the phase the subject's own clause names. Any other
    bare total stays unread."""
    sentence = re.split(r"[。；\n]", before)[-1]
    found = [(m, memo) for pattern, memo in _SUBJECTS for m in re.finditer(pattern, sentence)]
    if len(found) != 1:
        return kind, phase
    match, memo = found[0]
    clause = re.split(r"[,，]", sentence[match.start() :])[0]
    subject_phase = _phase(clause)
    return (memo, subject_phase) if subject_phase is not None else (kind, phase)


def _label(text: str, position: int) -> tuple[str, int]:
    start = label_start(text, position, _DELIMITERS, 30)
    previous = list(re.finditer(r"\d(?:万元|亿元|千元|元)", text[start:position]))
    if previous:  # never reach back over another amount (table rows: "基本支出\t100万元\t120万元")
        start += previous[-1].end()
    label = text[start:position]
    lead = re.match(
        # ")和项目支出": the close of a bracketed breakdown before the next part
        r"^\)?(?:\(?[一二三四五六七八九十\d]{1,3}[)、.]|[①-⑳]|\()?"
        r"(?:其中|主要包括|包括|含|另有|另|和|及|以及|主要用于)?",
        label,
    )
    if lead:
        start += lead.end()
        label = label[lead.end() :]
    return _strip_verbs(label).strip(), start


_NUMBERING = re.compile(r"^\s*(?:[(]?[一二三四五六七八九十\d]{1,3}[)、.]|[①-⑳])\s*")


def _label_before_colon(text: str, start: int) -> tuple[str, int] | None:
    """ "2、支出:799.12万元": an amount with no words of its own right after a short label and a
    colon is that label's ("支出"). Numbering before the label is not part of it."""
    before = text[:start].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    begin = label_start(text, colon, ",;。、\n", 16)
    if begin > 0 and text[begin - 1] not in "。;、":
        # a numbered item's long name ("1.国家基本公共卫生服务项目（妇幼健康部分）：预算…") is its label
        begin = label_start(text, colon, ",;。、\n", 40)
        if not (begin == 0 or text[begin - 1] in "。;\n") or not _NUMBERING.match(
            text[begin:colon]
        ):
            return None  # "项目名称:道路维修,预算:50万元": a field of a form, not the report's item
    numbering = _NUMBERING.match(text[begin:colon])
    if numbering:
        begin += numbering.end()
    opened = re.match(r"\s*其中\s*:\s*", text[begin:colon])
    if opened:  # "其中：基本支出：86,214,507.38元": the part's label is after 其中：
        begin += opened.end()
    label = _strip_verbs(text[begin:colon]).strip()
    if not re.search(f"[{CJK}]", label) or re.fullmatch(
        r"其中|主要包括|包括|含|另有|合计|总计|共计", label
    ):
        return None
    return label, begin


_FORM_NAME = re.compile(r"(?:项目|资金|专项|单位|指标)?名称")


def _names_a_form_entry(lines: list[Line], line: Line, position: int) -> bool:
    """A form about a named project or fund ("项目名称:河道清淤" / "支出:30万元"): its amounts are
    that entry's, so labels found away from the amount (before a colon, on the line before) are
    not taken as the department's items."""
    nearby = [*lines[max(0, line.index - 3) : line.index], line]
    before = [x.text for x in nearby[:-1]] + [line.text[:position]]
    return any(_FORM_NAME.search(text) for text in before)


def _label_on_line_before(
    line: Line, previous: Line | None, position: int
) -> tuple[str, int] | None:
    """A form whose label stands in the cell or line before the amount ("支出合计" / "799.12万元"):
    the line holds only the amount, the line before only a short label."""
    if previous is None or line.text[:position].strip():
        return None
    label = _NUMBERING.sub("", previous.text).strip().rstrip(":").strip()
    if (
        not (2 <= len(label) <= 16)
        or re.search(r"[\d。,;]", label)
        or not re.search(f"[{CJK}]", label)
    ):
        return None
    return label, previous.start + previous.text.index(label) - line.start


_SOURCE_OF_FUNDS = re.compile(
    r"财政拨款|一般公共预算|政府性基金|其他资金|自有资金|单位资金|上级补助|财政资金|非财政"
)


def _inside_brackets_after(text: str, after: int, position: int) -> bool:
    """True when *position* in *text* is inside brackets opened after *after*."""
    depth = 0
    for char in text[max(after, 0) : position]:
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
    return depth > 0


def _split_by_source(head: Amount | None, amount: Amount) -> bool:
    """A part after 其中 that names a source of funds and the head's phase ("其中财政拨款支出…")."""
    if head is None or head.kind != "total" or head.phase is None:
        return False
    if amount.kind not in ("total", None) or amount.funding is not None:
        return False
    if not _SOURCE_OF_FUNDS.search(amount.label) or not _SPENDING_WORDS.search(amount.label):
        return False
    return amount.phase is None or _same_side(head.phase, amount.phase)


def _next_part_of(head: Amount | None, kind: str | None, funding: Funding | None) -> bool:
    """A funding amount opening the next sentence continues its total's split when the total
    has the other funding already ("其中：基本支出…。项目支出…")."""
    if head is None or head.kind != "total" or kind != "funding" or funding is None:
        return False
    fundings = {p.funding for p in head.parts if p.kind == "funding"}
    return bool(fundings) and funding not in fundings


# a clause opening on a part of the year before its colon: "（1）一季度：支出…", "上半年：累计支出…",
# "1-6月：…" (its amounts are that period's)
_PERIODS_CLAUSE = re.compile(
    r"\s*(?:\(?[一二三四五六七八九十\d]{1,2}[).、]\s*)?"
    r"(?:第?[一二三四1-4]季度|上半年|下半年|前三季度|\d{1,2}\s*[-—~至]\s*\d{1,2}月)\s*:[^。;\n]*$"
)
# a sentence opening on a named project and a colon: "食品安全抽检项目：全年完成…，项目支出…"
_PROJECTS_CLAUSE = re.compile(
    rf"\s*(?:\(?[一二三四五六七八九十\d]{{1,2}}[).、]\s*)?[{CJK}“”]{{2,24}}"
    r"(?<!重点)(?<!主要)(?<!支出)(?:项目|工程|专项)\s*:[^。;\n]*$"
)
# a clause opening on a named fund or project, its bare spending later: "；知识产权奖补资金兑付企业
# 186家，支出805.00万元"
_FUNDS_CLAUSE = re.compile(
    rf"\s*(?:\(?[一二三四五六七八九十\d]{{1,2}}[).、]\s*)?(?![本我全该])[{CJK}“”]{{2,16}}"
    r"(?<!部门)(?<!财政)(?<!预算)(?<!各项)(?:资金|专项经费|项目|工程)[^。;\n:,，]{0,20}[,，]\s*$"
)


def _clause_before(text: str, at: int) -> str:
    """The clause *at* closes: from the last 。 / ； / line end before it (each amount's clause
    found without scanning the line from its start)."""
    at = max(at, 0)
    start = max(text.rfind(mark, max(at - _CLAUSE_REACH, 0), at) for mark in "。;\n") + 1
    if start == 0 and at > _CLAUSE_REACH:
        return ""  # a clause longer than any subject reaches: no subject of its own to find
    return text[start:at]


_CLAUSE_REACH = 400


# an indicator table's value columns: its target (the budget, for a money row) and its result
_TARGET_TITLE = re.compile(r"^(?:年度)?(?:目标值|指标值|计划值|预期值|目标)$|^年度指标值$")
_RESULT_TITLE = re.compile(r"^(?:实际)?(?:完成值|完成情况|完成数|实际值)$|^实际完成值$")
_BOUND = re.compile(r"^\s*[≥≤><]")
_PART_OPENING = re.compile(r"^其中\s*:?\s*")
_MAX_ROWS_UP = 40


def _indicator_cell(
    lines: list[Line], line: Line, position: int
) -> tuple[str, int, Phase, bool] | None:
    """(the row's label, where it starts, the column's phase, whether the cell is a bound) for
    an amount at *position* in a value cell of an indicator table (a header above titling a
    target column and a result column), else None."""
    text = line.text
    if "\t" not in text:
        return None
    column = text.count("\t", 0, position)
    header = _indicator_header(lines, line.index)
    if header is None or column >= len(header):
        return None
    title = header[column].strip()
    if _TARGET_TITLE.match(title):
        phase = Phase.BUDGET_ADJUSTED  # the year's target: its whole budget
    elif _RESULT_TITLE.match(title):
        phase = Phase.EXECUTED
    else:
        return None
    cells = text.split("\t")
    words = [
        n
        for n in range(column)
        if re.search(f"[{CJK}]", cells[n]) and not re.search(r"\d", cells[n])
    ]
    if not words:
        return None
    at = sum(len(c) + 1 for c in cells[: words[-1]])
    label = cells[words[-1]]
    start = at + len(label) - len(label.lstrip())
    part = _PART_OPENING.match(label.strip())  # "其中：基本支出": the part's own name
    if part is not None:
        start += part.end()
    return (
        label.strip()[part.end() if part else 0 :],
        start,
        phase,
        bool(_BOUND.match(cells[column])),
    )


def _indicator_header(lines: list[Line], index: int) -> list[str] | None:
    """The cells of the header of the tab rows *index* stands in, when it titles a target and a
    result column (an indicator table), else None."""
    for number in range(index, max(index - _MAX_ROWS_UP, -1), -1):
        text = lines[number].text
        if "\t" not in text:
            return None
        cells = [cell.strip() for cell in text.split("\t")]
        if any(_TARGET_TITLE.match(c) for c in cells) and any(
            _RESULT_TITLE.match(c) for c in cells
        ):
            return text.split("\t")
    return None


_ELLIPTICAL = (
    "funding",
    "economic",
    "sangong_item",
    "special_funds",
    "sangong_total",
    "public_funds",
    "procurement",
    "key_projects",
)


_FUND_OR_PROJECT = re.compile(r"经费|资金|项目|工程|专项")
# between an amount and the bare phase that goes on with its subject: a comma, a remark in brackets
_RIGHT_AFTER = re.compile(r"\s*(?:\([^()]{0,24}\))?\s*[,、]\s*")


def _foreign_phase(amount: Amount) -> Phase | str | None:
    """The phase of an amount set aside as another subject's ("县接待中心全年预算…", "2.某项目：
    安排…"): its label's phase, a bare 安排 the budget's."""
    if amount.phase is not None:
        return amount.phase
    return BUDGET if _BARE_BUDGET.fullmatch(amount.label) else None


def _bare_phase(label: str) -> bool:
    """A label that is only a phase ("实际支出", "执行数"), naming no subject of its own."""
    rest = re.sub(r"(?:19|20)\d{2}年度?|全年|当年|本年|年度|实际|完成|累计|已", "", label)
    return bool(re.fullmatch(r"(?:支出|执行|执行数|支出数|决算|决算数|使用|拨付|支付)?", rest))


def _compatible(head: Amount, part: Amount) -> bool:
    if head.kind == "total":
        if part.kind in ("funding", "economic"):
            return part.phase is None or _same_side(head.phase, part.phase)
        return head.phase == BUDGET and (
            (part.kind == "total" and part.phase == Phase.BUDGET_INITIAL)
            or part.kind == "supplement"
        )
    if head.kind == "funding":
        return part.kind == "economic" and (
            part.phase is None or _same_side(head.phase, part.phase)
        )
    if head.kind == "sangong_total":
        return part.kind == "sangong_item"
    if head.kind == "adjusted?":
        # "调整预算数为3,286.47万元，其中基本支出…、项目支出…": the parts of that amount, whatever
        # it turns out to be (the adjusted budget or the adjustment: see _adjustments)
        return part.kind == "funding" and part.phase in (None, BUDGET)
    return False


def _memo_phase(amount: Amount) -> Phase | str | None:
    """An amount's phase, or the budget's when its memo's name took the budget word with it
    ("政府采购预算3,260.00万元": procurement, its 预算 part of the name)."""
    if amount.phase is None and _BUDGET_WORDS.search(amount.label):
        return BUDGET
    return amount.phase


def _same_side(a: Phase | str | None, b: Phase | str | None) -> bool:
    budget = {Phase.BUDGET_INITIAL, Phase.BUDGET_ADJUSTED, BUDGET}
    return (a in budget) == (b in budget)


_FUND_NAMES = re.compile(
    r"一般公共预算|公共预算|政府性基金预算|国有资本经营预算|预算单位|预算内|财政拨款"
    r"|支出(?:类型|性质|功能分类|经济分类|结构|类别|用途)"  # "按支出类型划分": a cut, no phase
)
_BUDGET_WORDS = re.compile(r"预算|年初|批复|安排|计划")
_SPENDING_WORDS = re.compile(r"支出|执行|决算|使用|完成|拨付|实际")


def _last_phase_word(text: str) -> Phase | str | None:
    """BUDGET or EXECUTED, by the last phase word in *text*, once fund names (一般公共预算,
    财政拨款) and class nouns (基本支出, 工资福利支出: their 支出 is a noun) are set aside."""
    text = _FUND_NAMES.sub("", text)
    for pattern, _ in (*_FUNDING, *_ECONOMIC):
        text = re.sub(pattern, "", text)
    budget = [m.end() for m in _BUDGET_WORDS.finditer(text)]
    spending = [m.end() for m in _SPENDING_WORDS.finditer(text)]
    if not budget and not spending:
        return None
    return BUDGET if budget and (not spending or budget[-1] > spending[-1]) else Phase.EXECUTED


def _last_phase_word_is_budget(text: str) -> bool:
    """ "全年预算1200万元。基本支出800万元": the paragraph still speaks of the budget."""
    return _last_phase_word(text) == BUDGET


def _heading_phase(line: Line) -> Phase | str | None:
    """The phase the nearest heading with a phase word gives the lines under it: "部门预算执行
    情况" → spending, "部门预算安排情况" / "项目支出预算情况" → budget."""
    for heading in reversed(line.path):
        # "预算收支" / "部门预算收支情况": the budget's income and spending, planned and spent
        # alike (an evaluation report's section on both); it gives no phase. "预算收支安排" does.
        heading = _BOTH_SIDES.sub("", heading)
        phase = _last_phase_word(heading)
        if phase is not None:
            return phase
    return None


_BOTH_SIDES = re.compile(r"预算收支(?!安排|计划|草案|预算)")


# a numbered item run in on its line and naming the budget: "1.预算安排：本年度预算数…"
_BUDGET_ITEM = re.compile(
    r"^\s*(?:\(?[一二三四五六七八九十\d]{1,2}[).、]|[①-⑩])\s*(?:预算安排|预算情况|年初预算|预算编制)"
    r"(?:情况)?[:。]"
)
_ITEM_OPENING = re.compile(
    r"^\s*(?:\(?[一二三四五六七八九十\d]{1,2}[).、]|[①-⑩]|[一二三四五六七八九十]+、)"
)


def _goes_on_a_budget_item(line: Line, line_before: Line | None) -> bool:
    """The line goes on the numbered item above it about the budget ("1.预算安排：本年度预算数…" /
    "按经济分类：工资福利支出…"), opening no item of its own: its amounts are that budget's cut, no
    spending an evaluation report implies."""
    return (
        line_before is not None
        and bool(_BUDGET_ITEM.match(line_before.text))
        and not _ITEM_OPENING.match(line.text)
    )


def _implied_phase(line: Line, before: str, evaluation: bool) -> Phase | None:
    """An evaluation report's 基本支出 / 项目支出 / 工资福利支出 with no budget word in its
    paragraph before it nor in its heading is the year's spending; otherwise no phase."""
    if not evaluation:
        return None
    if _heading_phase(line) == BUDGET:
        # "（一）预算情况。全年支出：基本支出…": the paragraph has turned to the spending
        # ("全年预算支出1,186.52万元。按经济分类：…" is the budget's: 预算支出 is budgeted spending)
        body = _body(line, before).replace("预算支出", "预算")
        return Phase.EXECUTED if _last_phase_word(body) == Phase.EXECUTED else None
    return None if _last_phase_word_is_budget(before) else Phase.EXECUTED


# a budget amount stated earlier in the paragraph ("全年预算3,640.85万元，…。全年支出…")
_BUDGET_STATED = re.compile(r"预算(?:数|总额|总数|金额)?(?:为|是|共计|合计)?[:：]?\d")


def _run_in_budget(line: Line, before: str) -> bool:
    """The line opens with its own heading, its body after it with no phase word before
    *before*'s end ("（二）支出预算。按支出类型划分：")."""
    heading = line.heading
    return (
        heading is not None and bool(heading.rest) and _last_phase_word(_body(line, before)) is None
    )


def _body(line: Line, before: str) -> str:
    """*before* (the line's text up to a place) without the line's run-in heading ("（二）支出预
    算。按支出类型划分：" → "按支出类型划分：")."""
    heading = line.heading
    if heading is None or not heading.rest or not line.text.endswith(heading.rest):
        return before
    return before[len(line.text) - len(heading.rest) :]


_RUN_IN_PART = re.compile(r"(?:基本支出|项目支出|合计|总计|共计)")


def _bare_label_under_budget(label: str, line: Line, before: str = "") -> str:
    """A label that is only "支出" / "支出合计" under a budget heading ("一、部门预算情况" /
    "2、支出:799.12万元") is the budgeted spending, unless its paragraph has stated the budget's
    amount already ("（二）预算情况 / 全年预算3,640.85万元，…。全年支出3,512.47万元": the
    spending); a bare "收入" there is not read."""
    if _heading_phase(line) != BUDGET:
        return label
    spending = re.fullmatch(r"(?:总|全年|本年)?支出(?:合计|总计|总额|总数)?", label)
    if spending and _BUDGET_STATED.search(before):
        return label
    if spending or (_run_in_budget(line, before) and _RUN_IN_PART.fullmatch(label)):
        # "（二）支出预算。基本支出928.55万元，项目支出933.85万元，合计1,862.40万元": the
        # paragraph opens on its heading's budget, no phase word since: the parts are its
        return f"{label}预算"
    if re.fullmatch(r"(?:总|全年|本年)?收入(?:合计|总计|总额|总数)?", label):
        return ""
    return label


def _amounts(
    report: ReportText, evaluation: bool = True, names: tuple[str, ...] = ()
) -> list[Amount]:
    """Every amount with its classification; parts linked to their heads. *names*: the
    department's own name(s), which name no other subject (see own_names)."""
    found: list[Amount] = []
    previous_line: Line | None = None
    carried: Amount | None = None  # a form line's total, whose 其中 parts follow on the next lines
    consolidated = bool(_CONSOLIDATED.search(report.norm.text))
    units = unit_item_lines(report.lines, names[0] if names else None)
    for line in report.lines:
        text = line.text
        line_before, previous_line = previous_line, line
        head: Amount | None = None
        sub: Amount | None = None  # a funding part of the head, owning the economic parts after it
        last: Amount | None = None
        group_open = False
        previous_end = 0
        carried = _carried_total(carried, text, found)
        if carried is not None:
            # "年度预算数（万元）：5,168.40" / "其中：基本支出（万元）：1,926.40" / "项目支出（万元）：…"
            head, group_open = carried, True
        for match in _amount_matches(text):
            value = parse_number(match.number)
            if value is None:
                continue
            label, label_at = _label(text, match.label_end)
            if not label and not _names_a_form_entry(report.lines, line, match.label_end):
                label, label_at = (
                    _label_before_colon(text, label_at)
                    or _label_on_line_before(line, line_before, match.label_end)
                    or (label, label_at)
                )
            cell = _indicator_cell(report.lines, line, match.label_end)
            if cell is not None:
                # a value cell of an indicator table's money row: the row's label, the column's
                # phase where the label has none (年度目标值 the budget, 实际完成值 the spending)
                label, label_at = cell[0], cell[1]
            between = text[previous_end : match.label_end]
            label = _bare_label_under_budget(label, line, text[:label_at])
            label = _funding_pair_purpose(label, text, label_at)
            kind, phase, funding, item = classify(
                _class_in_brackets(_without_own_name(_without_approver(label), names))
            )
            if cell is not None and phase is None and kind in ("total", "funding", "economic"):
                phase = cell[2]
            if cell is not None and cell[3]:
                kind = None  # "≤2,865.30万元": a target's bound, not a figure
            opening = _opening_phrase_in_label(label)
            if opening is not None:
                # "全年预算中基本支出1,486.20万元": the part, of that phase
                kind, phase, funding, item = classify(opening[0])
                phase = opening[1] if kind in ("funding", "economic") and phase is None else phase
            if phase is None and kind in ("funding", "economic"):
                phase = _phase_of_the_opening_phrase(text[: max(label_at, 0)])
            if kind is not None and _project_item_under_project_heading(line, label, label_at):
                kind = None  # "（三）重点项目" / "2.国省干线公路养护：全年预算…": that project's
            if kind is not None and _subject_before_colon(text, label, label_at):
                kind = None  # "2.校舍维修改造项目：预算185.00万元": the project's budget
            if kind is not None and _subordinate_sentence(text[: max(label_at, 0)]):
                kind = None  # "所属县公证处…，全年业务收入86.40万元、支出79.15万元": its money
            if (
                kind is not None
                and consolidated
                and _HEAD_OFFICE_SUBJECT.match(re.split(r"[。;]", text[: match.label_end])[-1])
            ):
                kind = None  # "本部门由厅机关本级和22家所属单位汇总组成" / "厅机关本级全年预算…"
            if kind is not None and line.index in units:
                kind = None  # "1.局机关：编制17名…；全年预算812.64万元": a unit's own money
            clause = _clause_before(text, label_at)
            if kind is not None and _PERIODS_CLAUSE.match(_clause_before(text, match.label_end)):
                kind = None  # "（1）一季度：支出3,846.12万元": a quarter's, not the year's
            if kind in ("total", "funding") and _PROJECTS_CLAUSE.match(clause):
                kind = None  # "食品安全抽检项目：…，项目支出443.90万元": the project's spending
            if kind == "total" and _bare_phase(label) and _FUNDS_CLAUSE.match(clause):
                kind = None  # "；知识产权奖补资金兑付企业186家，支出805.00万元": the fund's
            if kind is not None and _other_body_sentence(text[: match.label_end], names):
                kind = None  # "镇敬老院集中供养特困人员42人，2022年支出86.40万元": the 敬老院's
            if kind is not None and _kept_outside_sentence(text, label_at, match.end, names):
                kind = None  # "区公证处…事业收入…、支出2,205.16万元，由其自行编报决算": its books
            closing: list[Amount] = []
            if kind is None and _bare_total(label, text[: match.label_end]):
                kind, phase = _sentence_subject(text[: match.label_end], kind, phase)
                if kind is None:
                    sentence_at = line.start + max(map(text[:label_at].rfind, "。;；")) + 1
                    closing = _parts_a_total_closes(found, sentence_at, value, match.unit)
                    if closing:
                        kind, phase = "total", closing[0].phase
            if kind is None and _ABOVE.fullmatch(label):
                kind, phase = _total_of_the_list_above(report.lines, line, found)
            sentence_break = "。" in between and not re.search(r"。\s*(?:其中|主要包括)", between)
            if sentence_break and _next_part_of(head, kind, funding):
                # "…其中：基本支出预算1175万元，…。项目支出预算365万元": the split goes on
                sentence_break, sub = False, None
            if sentence_break:
                head, sub, group_open = None, None, False
            if (
                _PART_MARKER.search(between)
                or (
                    head is not None
                    and head is last
                    and kind == "funding"
                    and head.phase is not Phase.BUDGET_INITIAL  # its steps may follow (追加…达到)
                    and _BRACKET_OPENS_PARTS.fullmatch(
                        text[previous_end : max(label_at, previous_end)]
                    )
                )
            ):
                group_open = True  # "年初预算4,980.00万元（基本支出…、项目支出…）": its split
            if sub is not None and _BY_ECONOMIC_CLASS.search(between):
                sub = (
                    None  # "…、项目支出619.17万元；按经济分类，工资福利支出…": the total cut again
                )
            previous_end = match.end
            if sentence_break:
                last = None
            if (
                kind == "total"
                and last is not None
                and last.kind in _ELLIPTICAL
                and _bare_phase(label)
                and not _same_side(phase, _memo_phase(last))
                # "…项目支出安排1.7411亿元；当年实际执行2.7105亿元": a semicolon closes the list
                and not re.search(r"[;；]", text[last.end - line.start : label_at])
            ):
                # "“三公”经费预算15万元，实际支出12万元": the subject carries over
                kind, funding, item = last.kind, last.funding, last.item
            if (
                kind is not None
                and last is not None
                and last.kind is None
                and (last_phase := _foreign_phase(last)) is not None
                and (_bare_phase(label) or _BARE_BUDGET.fullmatch(label))
                and not _same_side(phase, last_phase)
            ):
                # "县接待中心全年预算63.50万元、支出61.28万元", "2.某工程：全年预算96.00万元，实际支出
                # 90.20万元": the other body's or project's subject carries over to the bare phase
                kind = None
            if (
                kind is not None
                and last is not None
                and last.kind is None
                and _foreign_phase(last) is None
                and _FUND_OR_PROJECT.search(last.label)
                and _bare_phase(label)
                and _RIGHT_AFTER.fullmatch(text[last.end - line.start : label_at])
            ):
                # "区级下达“三旧”改造前期工作经费1,200.00万元，执行1,108.60万元": the fund's
                # spending, its subject carried over to the bare phase right after it
                kind = None
            if phase == BUDGET and kind == "total":
                phase = _phase_in_brackets_after(text, match.end) or phase
            if kind is None and _adjusted_after_the_initial(text[: match.label_end]):
                kind, phase = (
                    "total",
                    Phase.BUDGET_ADJUSTED,
                )  # "年初安排…，年中…调整为22,104.52万元"
            unit = match.unit
            approximate = approximate_figure(text[: match.label_end], text[match.end :])
            amount = Amount(
                value * _UNIT_IN_WAN[unit],
                value,
                unit,
                line.start + label_at,
                line.start + match.end,
                label,
                kind,
                phase,
                funding,
                item,
            )
            if approximate:
                amount.kind = "approximate"  # not exact: not read (import.I008), not a head
                found.append(amount)
                continue
            if phase is None and kind in ("funding", "economic") and "支" in label:
                amount.default_phase = _implied_phase(line, text[: max(label_at, 0)], evaluation)
                if amount.default_phase is not None and _goes_on_a_budget_item(line, line_before):
                    amount.default_phase = None  # "1.预算安排：…" / "按经济分类：…": the budget's
            if closing and phase is None:
                amount.default_phase = closing[0].default_phase  # the parts' implied phase
            after = text[match.end : match.end + 8]
            if amount.kind == "asset:total" and "原值" in (label + after):
                amount.kind = "asset:total_original"
            elif amount.kind == "asset:total":
                amount.kind = "asset:total_net"
            if group_open and _split_by_source(head, amount):
                # "实际支出1003.25万元，其中财政拨款支出968.05万元、其他资金支出35.20万元": the
                # spending by source of funds, not a second total nor 基本/项目: not read (I008)
                amount.kind = "unread:part"
                found.append(amount)
                continue
            if group_open and head is not None:
                if head.kind in (None, "income", "unread", "allocated", "personnel") and not (
                    amount.kind in ("total", "sangong_total") and amount.phase is not None
                ):
                    # parts of something not imported are not imported either (a new total with
                    # its own phase, "；支出总计1230万元", starts afresh)
                    if head.kind is None:
                        # whose parts are these? (see _reattach_orphans: the arithmetic decides)
                        amount.read_as = amount.kind
                        head.orphans.append(amount)
                    amount.kind = "unread:part" if head.kind in (None, "unread") else "skip"
                    found.append(amount)
                    continue
                owner = sub if sub is not None and _compatible(sub, amount) else head
                if _compatible(owner, amount):
                    amount.head = owner
                    owner.parts.append(amount)
                    found.append(amount)
                    if owner is head and amount.kind == "funding":
                        sub = amount  # its economic classes follow ("主要包括工资福利支出…")
                    continue
            found.append(amount)
            if head is not None and _inside_brackets_after(text, head.end - line.start, label_at):
                # "基本支出1816.60万元（人员经费1580.20万元、公用经费236.40万元）、项目支出…": a
                # bracketed breakdown of one part is no new head; the split goes on after it
                continue
            last = amount
            if amount.kind in (
                None,
                "total",
                "funding",
                "sangong_total",
                "income",
                "allocated",
                "personnel",
                "unread",
                "adjusted?",
            ):
                head, sub, group_open = amount, None, False
        if head is not None and (_FORM_TOTAL_LINE.match(text) or _OPENS_A_LIST.search(text)):
            carried = head
    found.extend(_table_amounts(report, evaluation))
    found.extend(_flat_table_amounts(report))
    found.extend(_slash_pair_amounts(report))
    return found


# "按经济分类" (按支出经济分类 / 从经济分类看 / 按经济科目分): what follows cuts the whole again by
# economic class, not the 基本/项目 part named last
_BY_ECONOMIC_CLASS = re.compile(r"(?:按|从)(?:支出)?经济(?:分类|科目)")


# a line declaring the order of slash pairs and their unit: "以下数据按“预算数/实际支出数”列示，单位：万元"
_PAIR_ORDER = re.compile(
    rf"按\s*[\"“'‘]?([{CJK}]{{2,8}})\s*/\s*([{CJK}]{{2,8}}?)(?:\s*/\s*(?:执行率|完成率))?[\"”'’]?\s*"
    r"(?:的顺序|顺序)?(?:依次)?(?:列示|填列|列报|排列|列出|填报|列明)"
    # "（每项依次为预算数、决算数，单位：元）"
    rf"|(?:每项|各项)?依次为\s*([{CJK}]{{2,8}}?)\s*[、/和与]\s*([{CJK}]{{2,8}}?)(?=[,，;；)）]|$)"
    # "“X/Y”格式中，前一数为实际支出数，后一数为调整后预算数"
    rf"|前一(?:个)?数(?:字)?为\s*([{CJK}]{{2,8}}?)\s*[,，;；]\s*后一(?:个)?数(?:字)?为\s*([{CJK}]{{2,8}}?)"
    r"(?=[,，;；。)）]|$)"
)
_PAIR_UNIT = re.compile(r"单位[:为]?\s*(亿元|万元|千元|元)")
# "2,862.40/2,781.56": two amounts of one label, no unit after (it was stated once)
_SLASH_PAIR = re.compile(
    rf"(?<![\d.,/])({NUMBER})\s*(?:元|万元)?\s*/\s*({NUMBER})(?:\s*(?:元|万元)(?!\s*/))?"
    r"(?![\d/]|[.,]\d|\s*(?:亿|万|千|元|人|名|个|%))"
    r"|(?<![\d.,/])({NUMBER})\s*/\s*({NUMBER})(?=\s*/\s*\d{1,3}(?:\.\d{1,3})?\s*%)".replace(  # "…/96.17%"
        "{NUMBER}", NUMBER
    )
)
_BUDGET_WHOLE = re.compile(r"(?:部门)?(?:全年)?预算(?:总额|合计|总计|数)")
_SPENDING_WHOLE = re.compile(
    r"(?:全年|本年|年度)?(?:部门|单位|[\u4e00-\u9fff]{0,2}本级)?"
    r"(?:支出(?:总计|合计|总额)|总支出|整体支出)"
    r"|(?:全年|本年|年度)(?:部门|单位|[\u4e00-\u9fff]{0,2}本级)?支出"  # "全年镇本级支出X/Y"
)
_WHOLE_LABEL = re.compile(
    r"(?:部门)?(?:整体|合计|总计|总额|支出合计|支出总额|总支出|全部支出)(?:支出)?"
)


# "（每项金额后括号内为全年执行数，单位：万元）": each amount, then the other phase's in brackets
_BRACKET_DECLARED = re.compile(rf"括号内(?:为|是)\s*([{CJK}]{{2,10}}?)(?=[,，;；。)）]|$)")
# "部门预算总额2,146.73（2,087.19）": an amount and, in brackets, the same label's other phase
_NUMBER_AND_BRACKETED = re.compile(
    rf"(?<![\d.,/])({NUMBER})\s*\(\s*({NUMBER})\s*\)(?!\s*(?:亿|万|千|元|%))"
)
_OTHER_SIDE = {True: "预算数", False: "执行数"}


def _bracket_pair_header(line: Line) -> tuple[str, str, str] | None:
    """(the outside amount's phase word, the bracketed one's, unit) of a line declaring that each
    amount below it has its other phase in brackets ("括号内为全年执行数"); a bracket of another
    year ("括号内为2022年决算数") declares a comparison, no pair."""
    declared, unit = _BRACKET_DECLARED.search(line.text), _PAIR_UNIT.search(line.text)
    if declared is None or unit is None or re.search(r"\d|上年|去年", declared.group(1)):
        return None
    kind, phase, _, _ = classify(declared.group(1))
    if kind != "total" or phase is None:
        return None
    outside = _OTHER_SIDE[not _same_side(phase, BUDGET)]
    return outside, declared.group(1), unit.group(1)


def _pair_header(line: Line) -> tuple[str, str, str] | None:
    """(first phase word, second phase word, unit) of a line declaring the order of the slash
    pairs below it, when both words are phases and differ (预算数 / 实际支出数, 预算 / 决算数)."""
    order, unit = _PAIR_ORDER.search(line.text), _PAIR_UNIT.search(line.text)
    if order is None or unit is None:
        return None
    first_group = next(g for g in (1, 3, 5) if order.group(g))
    words = (order.group(first_group), order.group(first_group + 1))
    first, second = classify(words[0]), classify(words[1])
    if first[0] != "total" or second[0] != "total" or None in (first[1], second[1]):
        return None
    if _same_side(first[1], second[1]):
        return None
    return words[0], words[1], unit.group(1)


_PAIR_LABEL_CHARS = 30
_BRACKET_ORDER = re.compile(r"\(([^()/]{2,8})/([^()/]{2,8})\)\s*$")
_BRACKETED_PAIR = re.compile(r"\([^()/]{2,8}/[^()/]{2,8}\)\s*\t\s*[\d,.]+\s*/\s*[\d,.]+")
_UNIT_REACH = 15  # lines above a bracketed pair where its form states the unit


def _cell_before(text: str, position: int) -> tuple[str, int]:
    """The table cell right before *position* (a tab between), a 其中： before it left out."""
    end = text.rfind("\t", 0, position)
    start = text.rfind("\t", 0, max(end, 0)) + 1
    cell = text[start:end] if end >= 0 else text[:position]
    lead = re.match(r"\s*(?:其中)?:?\s*", cell)
    at = start + (lead.end() if lead else 0)
    return cell[at - start :].strip(), at


def _bracketed_order(
    label: str, lines: list[Line], index: int
) -> tuple[str, tuple[str, str, str] | None]:
    """A pair's label stating its order in brackets ("基本支出(全年预算数/全年执行数)"): the label
    without them and (first phase, second phase, unit), the unit the nearest "单位：万元" above
    within reach; (label, None) when the brackets name no two phases of different sides."""
    order = _BRACKET_ORDER.search(label)
    if order is None:
        return label, None
    first, second = classify(order.group(1)), classify(order.group(2))
    if None in (first[1], second[1]) or _same_side(first[1], second[1]):
        return label, None
    for above in reversed(lines[max(0, index - _UNIT_REACH) : index + 1]):
        unit = _TABLE_UNIT.search(above.text)
        if unit and "单位" in unit.group(0):
            bare = label[: order.start()].strip()
            return bare, (order.group(1), order.group(2), unit.group(1) or unit.group(2))
    return label, None


def _pair_label(text: str, position: int) -> tuple[str, int]:
    """The label of a slash pair: the words before it back to the clause's start, numbering,
    其中 and a colon dropped ("（一）部门整体：", "1.合计：", "其中公务用车运行维护费")."""
    before = text[:position].rstrip()
    begin = max(before.rfind(mark) for mark in ",;。") + 1
    # never back over the pair before it, nor further than a label goes (a line of pairs joined)
    begin = max(begin, position - _PAIR_LABEL_CHARS, before.rfind("/") + 1)
    begin += len(re.match(r"[\d,.]*", text[begin:position]).group())  # the pair before's number
    numbering = _NUMBERING.match(text, begin)
    if numbering:
        begin = numbering.end()
    lead = re.match(r"\s*(?:其中)?:?\s*", text[begin:position])
    if lead:
        begin += lead.end()
    label = re.sub(r"(?:为|是)$", "", text[begin:position].rstrip().rstrip(":").rstrip())
    return label.strip(), begin


def _slash_pair_amounts(report: ReportText) -> list[Amount]:
    """ "以下数据按“预算数/实际支出数”列示，单位：万元。" / "（一）部门整体：2,862.40/2,781.56" /
    "基本支出：1,126.30/1,118.72；": after a line that states the order of the pairs (two phase
    words) and their unit, each pair under the same level-1 heading gives its label in the first
    phase and in the second. Read only for the whole (部门整体, 合计…), 基本支出 / 项目支出 (parts of
    the whole of their phase on the lines before) and the economic classes; other labels (三公,
    projects) are left; pairs with no header stating their order are never read (the order would
    be a guess)."""
    found: list[Amount] = []
    header: tuple[str, str, str] | None = None
    pairs = _SLASH_PAIR  # the pairs the header declares: slashed, or an amount and a bracket
    section: str | None = None
    totals: dict[int, Amount] = {}
    for line in report.lines:
        top = line.path[0] if line.path else None
        if header is not None and top != section:
            header, totals = None, {}
        declared = _pair_header(line)
        bracketed = _bracket_pair_header(line) if declared is None else None
        if declared is not None or bracketed is not None:
            header, section, totals = declared or bracketed, top, {}
            pairs = _SLASH_PAIR if declared is not None else _NUMBER_AND_BRACKETED
            continue
        if header is None and not _BRACKETED_PAIR.search(line.text):
            continue
        text = line.text
        for match in (pairs if header is not None else _SLASH_PAIR).finditer(text):
            label, label_at = _pair_label(text, match.start())
            pair_header = header
            if pair_header is None:
                label, label_at = _cell_before(text, match.start())
                # "基本支出（全年预算数/全年执行数） | 812.40/809.77": the label states its own order
                label, pair_header = _bracketed_order(label, report.lines, line.index)
                if pair_header is None:
                    continue
            if _SPENDING_WHOLE.fullmatch(label):
                label = "合计"  # "部门支出总计：预算/执行": the whole, its 支出 no phase of a side
            if pairs is _NUMBER_AND_BRACKETED and _BUDGET_WHOLE.fullmatch(label):
                label = "合计"  # "部门预算总额2,146.73（2,087.19）": the whole, budget outside
            kind, phase, _, _ = classify(label)
            if phase is not None or kind not in ("total", "funding", "economic", None):
                continue
            if kind in ("total", None) and not _WHOLE_LABEL.fullmatch(label):
                continue
            first = 1 if match.group(1) is not None else 3  # a pair, or a pair before its rate
            for side, number in enumerate((match.group(first), match.group(first + 1))):
                value = parse_number(number)
                if value is None:
                    continue
                word = pair_header[side]
                kind, phase, funding, item = classify(label + word)
                if kind is None or phase is None:
                    break
                amount = Amount(
                    value * _UNIT_IN_WAN[pair_header[2]],
                    value,
                    pair_header[2],
                    line.start + label_at,
                    line.start + match.end(first + side),
                    label + word,
                    kind,
                    phase,
                    funding,
                    item,
                )
                if kind == "total":
                    totals[side] = amount
                elif kind == "funding" and side in totals:
                    amount.head = totals[side]
                    totals[side].parts.append(amount)
                found.append(amount)
    return found


# "用于保障机构正常运转和人员工资的基本支出": a funding class with what it is for before it
_PURPOSE_OF_FUNDING = re.compile(r"^(?:主要)?用于[^,;。、:()]{2,30}?的(基本支出|项目支出)$")
_OTHER_FUNDING = {"基本支出": "项目支出", "项目支出": "基本支出"}


def _funding_pair_purpose(label: str, text: str, label_at: int) -> str:
    """ "…其中用于保障机构正常运转的基本支出2,386.54万元、用于各类专项的项目支出3,806.64万元":
    after 其中, 基本支出 and 项目支出 each with what it is for are the split by funding, so the
    purpose is dropped from the label; one class alone ("其中用于防汛的项目支出500万元") may be a
    part of it and keeps its words (another subject's money, not read)."""
    match = _PURPOSE_OF_FUNDING.match(label)
    if match is None:
        return label
    start = text.rfind("。", 0, label_at) + 1
    end = text.find("。", label_at)
    sentence = text[start : end if end >= 0 else len(text)]
    opened = sentence.find("其中")
    if opened < 0 or opened > label_at - start:
        return label
    other = _OTHER_FUNDING[match.group(1)]
    if not re.search(rf"{other}\s*(?:{NUMBER})\s*(?:万元|亿元|千元|元)", sentence[opened:]):
        return label
    return match.group(1)


# a form's line holding one total: "年度预算数（万元）：5,168.40", "全年实际支出（万元）：5,032.50"
# (also with the year before its label: "2023年调整后预算数（万元）：2,316.85")
# (the key and its value apart by a colon, or by a space in a table of keys and values typed
# with spaces: "全年调整预算 5,406.18万元" / "其中：基本支出 1,062.84万元")
_FORM_TOTAL_LINE = re.compile(
    rf"^(?:(?:19|20)\d{{2}}年度?)?[{CJK}()]{{2,20}}(?::\s*| ?)(?:{NUMBER})\s*(?:亿元|万元|千元|元)?\s*$"
)
_FORM_PART_LINE = re.compile(
    rf"^(?:其中:?)?(?:(?:19|20)\d{{2}}年度?)?[{CJK}()]{{2,20}}(?::\s*| ?)(?:{NUMBER})\s*$"
)


# a line ending on "其中：": its parts follow one a line ("部门预算总支出：1,846万元，其中：")
_OPENS_A_LIST = re.compile(r"其中[:—\-]*\s*$")


# a budget's phase in brackets right after its amount: "部门预算总额4.8632亿元（调整后）"
_PHASE_AFTER = re.compile(r"\s*\((调整后|全年|年初|批复数?)(?:预算)?(?:数)?\)")


_ADJUSTED_TO = re.compile(r"(?:调整|调增|调减|追加)(?:为|至|到):?$")
_INITIAL_BEFORE = re.compile(r"年初(?:预算|安排|批复)")


def _adjusted_after_the_initial(before: str) -> bool:
    """The words before an amount closing on 调整为 / 调整至 in a sentence that stated the
    year-start budget before them ("年初安排20,360.00万元，年中根据业务量增长调整为22,104.52万元"):
    the budget after the adjustment, whatever words stand between (a bare "年中调整126.55万元"
    is the step)."""
    sentence = re.split(r"[。;]", before)[-1]
    return bool(_ADJUSTED_TO.search(sentence.rstrip())) and bool(_INITIAL_BEFORE.search(sentence))


def _phase_in_brackets_after(text: str, end: int) -> Phase | None:
    """The phase a bracket right after a bare budget's amount gives it, if any."""
    match = _PHASE_AFTER.match(text, end)
    if match is None:
        return None
    return (
        Phase.BUDGET_INITIAL
        if match.group(1).startswith(("年初", "批复"))
        else Phase.BUDGET_ADJUSTED
    )


def _carried_total(carried: Amount | None, text: str, found: list[Amount]) -> Amount | None:
    """The total of the line above that this line's parts belong to: a form line's total
    ("年度预算数（万元）：…" / "其中：基本支出（万元）：…" / "项目支出（万元）：…"), or an amount whose
    line ends on 其中 ("部门预算总支出：1,846万元，其中：" / "基本支出：738万元" / "项目支出：…"),
    its parts one a line until a line of anything else."""
    if carried is None or not _FORM_PART_LINE.match(_WAN_SUFFIX.sub("", text)):
        return None
    if carried.kind is not None and (carried.kind != "total" or carried.phase is None):
        return None
    if text.startswith("其中") or (found and found[-1] is carried):
        return carried
    previous = (carried.parts or carried.orphans)[-1:] if found else []
    return carried if previous and previous[0] is found[-1] else None


_WAN_SUFFIX = re.compile(r"(?<=\d)(?:亿元|万元|千元|元)\s*$")


# "调整后全年预算中，基本支出…": a sentence opening on "<a phase>中，" speaks of that phase
_OPENING_PHRASE = re.compile(r"^\s*([^,;:。]{2,14}?)中[,:]")


_AN_AMOUNT = re.compile(r"\d(?:万元|亿元|千元|元)")


def _phase_of_the_opening_phrase(before: str) -> Phase | str | None:
    """The phase of the phrase a sentence opens on with 中 ("调整后全年预算中，…", "决算支出中：…"),
    when that phrase is only a phase (no project, fund or other subject)."""
    sentence = re.split(r"[。;]", before)[-1]
    match = _OPENING_PHRASE.match(sentence)
    if match is None or _AN_AMOUNT.search(sentence, match.end()):
        # "年度执行中，追加…，全年调整后预算为2,417.85万元，其中基本支出…": the parts are of the
        # total stated since, not of the opening phrase
        return None
    phrase = match.group(1)
    kind, phase, _, _ = classify(phrase)
    return phase if kind == "total" else None


# "全年预算中基本支出…" (no comma after 中): the opening phrase and the part in one label
_OPENING_PHRASE_IN_LABEL = re.compile(r"^([^,;:。]{2,14}?)中(?=[^,;:。]{2,})")


def _opening_phrase_in_label(label: str) -> tuple[str, Phase | str] | None:
    """(the part's own label, the phase) of "全年预算中基本支出" / "调整后预算中项目支出": a phrase
    that is only a whole budget or spending total, then 中, then a 基本/项目 or economic class
    with no phase of its own. None otherwise ("项目支出中基本支出", "某项目预算中基本支出")."""
    match = _OPENING_PHRASE_IN_LABEL.match(label)
    if match is None:
        return None
    kind, phase, _, _ = classify(match.group(1))
    if kind != "total" or phase is None:
        return None
    rest = label[match.end() :]
    rest_kind, rest_phase, _, _ = classify(rest)
    if rest_kind not in ("funding", "economic") or rest_phase is not None:
        return None
    return rest, phase


_BARE_BUDGET = re.compile(r"(?:全年|当年|本年|年度|年初)?(?:预算|预算数|预算安排|安排)")


def _subject_before_colon(text: str, label: str, label_at: int) -> bool:
    """ "2.校舍维修改造项目：预算185.00万元，实际支付172.35万元": a bare phase word right after a
    colon whose label names something else (a project, a fund) speaks of that thing."""
    if not (_bare_phase(label) or _BARE_BUDGET.fullmatch(label)):
        return False
    subject = _label_before_colon(text, label_at) if label_at > 0 else None
    if subject is None:
        return False
    return bool(_PROJECT_SUBJECT.search(subject[0])) and names_something_else(subject[0])


# a heading over a list of projects: "（三）重点项目", "主要项目实施情况", "专项资金使用情况"
_PROJECT_HEADING = re.compile(r"项目|专项")
_LIST_NUMBER = re.compile(r"^\s*(?:\(?[一二三四五六七八九十\d]{1,2}[)、.]|[①-⑩])\s*")


def _project_item_under_project_heading(line: Line, label: str, label_at: int) -> bool:
    """ "（三）重点项目" / "2.国省干线公路养护：全年预算6,850.00万元，实际支出6,612.40万元": a bare
    phase word after the colon of a numbered item whose subject names something (not only a phase
    word or the department) under a heading naming 项目 / 专项 is that project's money, whatever
    words name it (养护, 保洁, 补贴…). The nearest heading must name the projects; "1.预算执行情况：
    全年预算…" names only a phase and stays the department's."""
    if label_at <= 0 or not (_bare_phase(label) or _BARE_BUDGET.fullmatch(label)):
        return False
    if not line.path or not _PROJECT_HEADING.search(line.path[-1]):
        return False
    numbered = _LIST_NUMBER.match(line.text)
    colon = line.text.find(":")
    if numbered is None or not numbered.end() < colon < label_at:
        return False
    if re.search(r"[。;]", line.text[colon:label_at]):
        return False  # the item's sentence has ended: the subject may have changed
    name = line.text[numbered.end() : colon].strip()
    return 2 <= len(name) <= 16 and names_something_else(re.sub(r"情况$", "", name))


# what a colon's label names when it is a project or a fund, not a heading ("预算执行率：")
_PROJECT_SUBJECT = re.compile(r"项目|工程|资金|经费|补助|补贴|专项|建设|购置|维修|改造")


_SUBORDINATE_SUBJECT = re.compile(
    r"^\s*(?:\(?[一二三四五六七八九十\d]{1,2}[)、.]\s*)?(?:所属|下属|下设)"
)


def _subordinate_sentence(before: str) -> bool:
    """True when the sentence so far opens with a subordinate body as its subject ("所属东安县
    公证处为自收自支事业单位，全年业务收入…、支出…"; "下属事业单位支出…"): its amounts are that
    body's, not the department's."""
    sentence = re.split(r"[。；;!?！？]", before)[-1]
    return bool(_SUBORDINATE_SUBJECT.search(sentence))


# a sentence opened by a named institution ("镇敬老院集中供养特困人员42人，2022年支出86.40万元",
# "县中医院全年收入…", "乡农技站2023年支出…"): a level character or words, then the institution's kind
_BODY_SUBJECT = re.compile(
    rf"^\s*(?:\(?[一二三四五六七八九十\d]{{1,2}}[)、.]\s*)?"
    rf"([{CJK}]{{1,12}}?(?:敬老院|福利院|养老院|光荣院|卫生院|医院|幼儿园|学校|中学|小学|"
    rf"中心|杂志社|报社|出版社|合作社|协会|学会|研究会|公司|集团|[{CJK}](?:站|所|馆|厂|场|台|团)))"
)
# words of the department's own in a clause ("…，本镇全年支出…"): the subject has come back to it
_OWN_WORD = re.compile(r"[本我该全](?:镇|乡|街道|局|委|办|院|单位|部门|中心|站|所|馆|校)")
# what a 所 / 站 / 馆 / 中心 after other words at a sentence's start is not: a place or a function
_NOT_A_BODY = re.compile(
    r"预算|支出|收入|资金|经费|项目|场所|为中心|全年|年度|\d|^(?:根据|按照|依据|经|由|在|对|为|通过|围绕|以|从|向)"
    # a verb before the institution: it is the object ("年中因追加社区矫正中心信息化建设…经费")
    r"|追加|安排|拨付|下达|支持|保障|补助|建设|用于"
)


def _other_body_sentence(before: str, names: tuple[str, ...]) -> bool:
    """True when the sentence up to an amount (*before*, its label included) opens on a named
    institution other than the department ("镇敬老院集中供养特困人员42人，2022年支出86.40万元",
    "县福利院全年支出…", "乡农技站…"): its amounts are that body's (it keeps its own books). Not
    when the institution is the department itself (its name, its kind word, its name shortened),
    nor when the amount's clause comes back to the department ("…，本镇全年支出…")."""
    sentence = re.split(r"[。；;!?！？]", before)[-1]
    opening = _BODY_SUBJECT.match(sentence)
    if opening is None or _NOT_A_BODY.search(opening.group(1)):
        return False
    body = opening.group(1)
    if any(body in name or name.endswith(body) or body.endswith(name) for name in names if name):
        return False
    if names and re.match(r"[县市区州旗镇乡]", body) and _abbreviates(body, names[0]):
        return False
    clause = re.split(r"[,，]", sentence[opening.end() :])[-1]
    return not (_OWN_WORD.search(clause) or any(name and name in clause for name in names))


# the rest of a sentence saying its money is kept outside the department's budget: "…，由其自行编报
# 决算", "…，实行收支两条线管理，不纳入部门预算", "…，单独编报预算", "…，未列入本部门预算"
_KEPT_OUTSIDE = re.compile(
    r"(?:不|未)(?:纳入|列入|计入|含在|包括在)(?:本?部门|本单位|单位|本局|本报告|本表"
    r"|本次(?:部门整体支出)?(?:绩效)?(?:自评|评价))"
    r"|由其?自行编报|单独编报|独立编报|独立核算"
)
# a sentence opening on the department itself, its year or a money word: the department's own
_OWN_OPENING = re.compile(
    r"^\s*(?:\(?[一二三四五六七八九十\d]{1,2}[)、.]\s*)?"
    r"(?:(?:19|20)\d{2}|[本我该]|全年|全部|年初|年末|年度|当年|部门|单位|预算|支出|收入|财政|其中|基本|项目|合计|总计)"
)


def _kept_outside_sentence(text: str, label_at: int, end: int, names: tuple[str, ...]) -> bool:
    """True when an amount stands in a sentence that opens on another subject than the department
    ("区公证处2023年度事业收入…、支出2,205.16万元", "学校食堂伙食费收入…、支出…") and goes on to say its
    money is kept outside the department's budget ("由其自行编报决算", "不纳入部门预算", "单独编报",
    "独立核算"): that body's or that fund's, not the department's. Not when the sentence opens on
    the department (by name, then a year or a money word), its year or a money word ("全年支出…，
    下属公证处不纳入本报告"), nor when the saying is in brackets."""
    start = max(text.rfind(mark, 0, max(label_at, 0)) for mark in "。;；!?！？\n") + 1
    ends = [at for mark in "。;；!?！？\n" if (at := text.find(mark, end)) >= 0]
    after = re.sub(r"\([^()]*\)|（[^（）]*）", "", text[end : min(ends) if ends else len(text)])
    if not _KEPT_OUTSIDE.search(after):
        return False
    before = text[start : max(label_at, start)].strip()
    for name in sorted((name for name in names if name), key=len, reverse=True):
        if before.startswith(name):
            before = before[len(name) :]  # "区司法局2023年度支出…": the department's own
            break
    return not (_OWN_OPENING.match(before) or not re.match(rf"\s*[{CJK}]", before))


_ABOVE = re.compile(r"以上|上述|上列|以上各项")
_LISTED_CLASS = re.compile(rf"\s*[^\d]{{2,24}}?(?:{NUMBER})(?:亿元|万元|千元|元)[;。,]?\s*")


def _total_of_the_list_above(
    lines: list[Line], line: Line, found: list[Amount]
) -> tuple[str | None, Phase | str | None]:
    """ "2022年全年预算安排如下：" / "工资福利支出286.40万元；" / "商品和服务支出58.20万元；" /
    "以上合计369.20万元": the classes listed one a line under a line naming the phase, closed by
    a total of the lines above. The total and the listed classes take that line's phase (a total
    that is not theirs is the report's own difference: import.W005 when it meets a 基本/项目
    split). Anything else above "以上合计" (a line of prose, a class twice, no phase named) and
    the amount stays unread."""
    index = line.index - 1
    listed: list[Line] = []
    while index >= 0 and _LISTED_CLASS.fullmatch(lines[index].text):
        listed.insert(0, lines[index])
        index -= 1
    if len(listed) < 2 or index < 0 or not re.search(r"如下[:]?\s*$", lines[index].text):
        return None, None
    phase = _phase(re.sub(r"情况|如下[:]?\s*$", "", lines[index].text))
    if phase is None:
        return None, None
    parts = [a for a in found if listed[0].start <= a.start < listed[-1].end]
    items = [a.item for a in parts]
    if (
        len(parts) != len(listed)
        or any(a.kind != "economic" or not _same_side(phase, a.phase or phase) for a in parts)
        or len(set(items)) != len(items)
    ):
        return None, None
    for part in parts:
        part.phase, part.default_phase, part.listed_whole = phase, None, True
    return "total", phase


# another name for an economic class (after the lexicon: 人员支出 is 人员经费支出)
_CLASS_ALIAS = r"(?:人员类|人员|日常公用|公用|运转类|商品服务类)(?:经费|支出|费用)(?:支出)?"


def _class_in_brackets(label: str) -> str:
    """ "人员类支出（工资福利支出）", "公用经费（商品和服务支出）": another name for a class with the
    standard name in brackets is that class (also the other way round, "工资福利支出（人员经费）");
    the label without the other name. Brackets holding anything else ("人员经费（含工资福利支出和
    对个人和家庭的补助）", "资本性支出（应急物资及装备购置）") change nothing."""
    for match in re.finditer(r"\(([^()]{2,14})\)", label):
        inner, before, after = match.group(1), label[: match.start()], label[match.end() :]
        standard = [p for p, _ in _ECONOMIC if re.fullmatch(p, inner)]
        alias = re.search(f"{_CLASS_ALIAS}$", before)
        if standard and alias:
            return before[: alias.start()] + inner + after
        if re.fullmatch(_CLASS_ALIAS, inner) and any(
            re.search(f"(?:{p})$", before) for p, _ in _ECONOMIC
        ):
            return before + after
    return label


def _flat_table_amounts(report: ReportText) -> list[Amount]:
    """Amounts of money tables flattened one cell per line (flat_tables: read only when the
    合计 row proves the columns aligned), labelled as a table row's: row label + column title."""
    found = []
    for cell in flattened_cells(report.lines):
        label = f"{cell.row}{cell.column}"
        kind, phase, funding, item = classify(label)
        found.append(
            Amount(
                cell.value * _UNIT_IN_WAN[cell.unit],
                cell.value,
                cell.unit,
                cell.start,
                cell.end,
                label,
                kind,
                phase,
                funding,
                item,
                table=True,
            )
        )
    return found


_TABLE_UNIT = re.compile(r"单位[:]?\s*(亿元|万元|千元|元)|\((亿元|万元|千元|元)\)")
_BARE_NUMBER = re.compile(rf"^\s*({NUMBER})\s*$")


def _table_amounts(report: ReportText, evaluation: bool = True) -> list[Amount]:
    """Amounts in table rows (cells separated by tabs) whose unit is stated for the table
    ("单位：万元" just above it or in the header) or for the column ("金额（万元）"). The label
    of a cell is its row heading followed by its column heading ("基本支出" + "调整后预算")."""
    found: list[Amount] = []
    for rows, above in _tables(report):
        cells = _read_table(rows, above, evaluation=evaluation)
        taken = {cell.end for cell in cells}
        found.extend(cells + [cell for cell in _key_value_cells(rows) if cell.end not in taken])
    found.extend(_spaced_asset_cells(report.lines))
    lines = report.lines
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and "\t" in lines[end].text:
            end += 1
        if end > index:
            found.extend(_class_cells_rows(lines[index:end], lines[max(0, index - 2) : index]))
        index = end + 1
    found.extend(_spaced_class_pairs(report.lines))
    return found


def _spaced_class_pairs(lines: list[Line]) -> list[Amount]:
    """class_pairs.py's wrapped rows of economic classes: each an economic class in its
    caption's phase; a row any of whose names is no class, or with no phase, is not read."""
    found: list[Amount] = []
    for row in class_pairs(lines):
        amounts = []
        for pair in row:
            kind, phase, funding, item = classify(pair.label)
            if kind != "economic" or phase is None:
                break
            value = pair.value * _UNIT_IN_WAN[pair.unit]
            amounts.append(
                Amount(
                    value,
                    pair.value,
                    pair.unit,
                    pair.start,
                    pair.end,
                    pair.label,
                    kind,
                    phase,
                    funding,
                    item,
                    table=True,
                )
            )
        else:
            found.extend(amounts)
    return found


# a form's row of economic classes, its caption naming the phase and the cut ("决算数按经济分类",
# "支出按经济分类（决算数）"), each class with its amount in one cell ("工资福利支出 142.30")
_CLASS_ROW_CAPTION = re.compile(rf"^([{CJK}]{{0,8}}?)(?:按|分)(?:支出)?经济分类([{CJK}()]{{0,8}})$")
_CLASS_CELL = re.compile(rf"^\s*([{CJK}]{{2,12}})\s*:?\s*({NUMBER})\s*$")


def _class_cells_rows(rows: list[Line], above: list[Line]) -> list[Amount]:
    """A form's row of economic classes with label and amount in the same cell ("决算数按经济分类 |
    工资福利支出 142.30 | 商品和服务支出 36.74 | …"): its first cell a caption naming the cut by
    economic class and a phase (决算数 / 预算数 / 支出…; none, and nothing is read), every other
    written cell an economic class and a bare amount, two classes or more, the unit the form's
    (a "单位：万元" row above or in it; none stated, nothing read). Each class in the caption's
    phase; a cell of anything else (a count, a class the readers do not know) and the row is
    not read."""
    unit = None
    for line in [*above, *rows]:
        match = _TABLE_UNIT.search(line.text)
        if match and "单位" in match.group(0):
            unit = match.group(1) or match.group(2)
    if unit is None:
        return []
    found: list[Amount] = []
    for row in rows:
        cells = row.text.split("\t")
        caption = _CLASS_ROW_CAPTION.match(cells[0].strip())
        if caption is None:
            continue
        phase_words = caption.group(1) + caption.group(2)
        written = [(n, cell) for n, cell in enumerate(cells) if n and cell.strip()]
        amounts: list[Amount] = []
        for n, cell in written:
            match = _CLASS_CELL.match(cell)
            if match is None:
                amounts = []
                break
            kind, phase, funding, item = classify(f"{phase_words}{match.group(1)}")
            value = parse_number(match.group(2))
            if kind != "economic" or phase is None or value is None:
                amounts = []
                break
            start = row.start + sum(len(c) + 1 for c in cells[:n])
            amounts.append(
                Amount(
                    value * _UNIT_IN_WAN[unit],
                    value,
                    unit,
                    start + match.start(1),
                    start + match.end(2),
                    f"{phase_words}{match.group(1)}",
                    kind,
                    phase,
                    funding,
                    item,
                    table=True,
                )
            )
        if len(amounts) >= 2:
            found.extend(amounts)
    return found


_KEY_UNIT = re.compile(r"\((亿元|万元|千元|元)\)$")


def _key_value_rows(rows: list[Line]) -> bool:
    """A form drawn as a table of key / value cell pairs, two pairs a row at least ("单位名称 |
    某卫生院 | 单位性质 | …" / "年度预算数（万元） | 1186.4 | 年度决算支出（万元） | 1142.7"): every row
    has an even count of four cells or more, and every key cell (the first of a pair) is words,
    never a number. A table of two columns ("项目 | 决算数") is a table with a header, not a form."""
    for row in rows:
        cells = [cell.strip() for cell in row.text.split("\t")]
        if (
            len(cells) < 4
            or len(cells) % 2
            or any(not key or re.fullmatch(rf"(?:{NUMBER})%?|[-—/]", key) for key in cells[::2])
        ):
            return False
    return True


def _key_value_cells(rows: list[Line]) -> list[Amount]:
    """The amounts of a key / value table (_key_value_rows): a value cell that is a bare number
    under a key naming its unit ("年度预算数（万元）"); the key without its unit is the label. A key
    naming no unit is not read (its number may be a head-count or a count of anything), nor is a
    value cell with words in it ("28人", "1142.7万元" is prose's business)."""
    if not _key_value_rows(rows):
        return []
    found: list[Amount] = []
    for row in rows:
        cells = row.text.split("\t")
        position = 0
        for index, cell in enumerate(cells):
            if index % 2:
                key = cells[index - 1].strip()
                unit_match = _KEY_UNIT.search(key)
                unit = unit_match.group(1) if unit_match else None
                match = _BARE_NUMBER.match(cell)
                value = parse_number(match.group(1)) if match else None
                if unit and match and value is not None:
                    label = _KEY_UNIT.sub("", key)
                    kind, phase, funding, item = classify(label)
                    end = row.start + position + match.end(1)
                    found.append(
                        Amount(
                            value * _UNIT_IN_WAN[unit],
                            value,
                            unit,
                            row.start + position - len(cells[index - 1]) - 1,  # the key's start
                            end,
                            label,
                            kind,
                            phase,
                            funding,
                            item,
                            table=True,
                        )
                    )
            position += len(cell) + 1
    return found


# a form's asset total as a key cell ("资产总额", "资产总计", "总资产", "年末资产总额"), never 年初 /
# 净资产 / 固定资产 / another body's
_SPACED_ASSET_KEY = re.compile(r"^(?:年末|期末)?(?:资产总额|资产总计|资产合计|总资产)$")
_SPACED_CELL = re.compile(r"\S+(?: \S+)*")


# a tab cell's text, its spaces at either end left out
_TAB_CELL = re.compile(r"[^\t\s](?:[^\t]*[^\t\s])?")
_PAIR_VALUE = re.compile(rf"^[-+]?(?:{NUMBER})%?$")


def asset_pair_cells(text: str) -> list[re.Match[str]]:
    """The cells of a form's tab row of key / value pairs ("\t年末资产总额\t12,836,540.27\t上年末
    资产总额\t11,904,216.85\t增减率\t7.83%"), a caption cell before them ("基本情况") left out;
    [] unless the cells are keys of words each with one bare number or percent after it (a
    table's row of two numbers in a row, "资产总额 | 1,020.00 | 1,086.50" under 年初数 / 年末数,
    is none)."""
    cells = list(_TAB_CELL.finditer(text))
    if len(cells) % 2:
        cells = cells[1:]
    keys, values = cells[0::2], cells[1::2]
    if not keys or any(_PAIR_VALUE.match(key.group(0)) for key in keys):
        return []
    if not all(_PAIR_VALUE.match(value.group(0)) for value in values):
        return []
    return cells


def _spaced_asset_cells(lines: list[Line]) -> list[Amount]:
    """A form's asset total written as a key / value pair of cells apart by runs of spaces on a
    line of the form (a PDF text layer: "资产   资产总额   68,420.35   较上年增长   5.6%"): the key
    an asset total (_SPACED_ASSET_KEY), the cell after it a bare number, the unit the form's line
    above (`_form_unit_line`: "单位：万元" alone or closing the form's head line, no sentence
    between); no unit stated, a key with anything more (年初资产总额, 净资产), a value with words or
    a line that is prose (a 。 or a ，), and nothing is read."""
    found: list[Amount] = []
    for line in lines:
        text = line.text
        if re.search(r"[。;]|(?<!\d),|,(?!\d)", text) or "资产" not in text:
            continue
        tabbed = "\t" in text
        if tabbed:
            cells = asset_pair_cells(text)
        else:
            cells = list(_SPACED_CELL.finditer(text))
            if len(cells) < 2 or not re.search(r"\S {2,}\S", text):
                continue
        for key, value in itertools.pairwise(cells):
            if not _SPACED_ASSET_KEY.fullmatch(key.group(0)):
                continue
            if not tabbed and text[key.end() : value.start()].count(" ") < 2 and key.start() > 0:
                continue
            number = _BARE_NUMBER.match(value.group(0))
            parsed = parse_number(number.group(1)) if number else None
            unit_line = _form_unit_line(lines, line.index) if parsed is not None else []
            if parsed is None or not unit_line:
                continue
            unit_match = re.search(r"(亿元|万元|千元|元)\)?\s*$", unit_line[0].text.strip())
            if unit_match is None:
                continue
            unit = unit_match.group(1)
            found.append(
                Amount(
                    parsed * _UNIT_IN_WAN[unit],
                    parsed,
                    unit,
                    line.start + key.start(),
                    line.start + value.end(),
                    key.group(0),
                    "asset:total_net",
                    None,
                    None,
                    None,
                    table=True,
                )
            )
    return found


def _tables(report: ReportText) -> list[tuple[list[Line], list[Line]]]:
    """(rows, the two lines above) of every run of tab-separated lines."""
    found = []
    lines = report.lines
    index = 0
    while index < len(lines):
        if "\t" not in lines[index].text:
            index += 1
            continue
        end = index
        while end < len(lines) and ("\t" in lines[end].text or _section_row(lines, end)):
            end += 1
        above = lines[max(0, index - 2) : index]
        if not _unit_stated(lines[index:end], above):
            above = [*_form_unit_line(lines, index), *above]
        start = index
        while start < end - 2 and (
            _staffing_pairs_row(lines[start].text) or form_head_row(lines[start].text)
        ):
            # "编制数 | 64 | 实有人数 | 91" / "在职 | 58 | 退休 | 33" over the money block's header
            # in one drawn form (or its head fields: "部门名称 | … | 主管部门 | …"): the staffing
            # rows are the staffing reader's, the money block a table of its own under them
            start += 1
        # a staffing table of titles over counts on top (two Markdown tables a blank line apart)
        start = max(start, index + staffing_rows_on_top(lines[index:end]))
        if start > index:
            above = [*above, *lines[max(index, start - 2) : start]]
        pieces = [lines[start:end]]
        beside = money_beside_staffing(pieces[0])
        if beside is not None:
            # a form's money block with its staffing block drawn beside it: the money block is a
            # table of its own (the staffing cells are the staffing reader's), the rows before
            # and after it the rest of the form
            first, last, money_rows, _ = beside
            run = pieces[0]
            unit_rows = [
                row
                for row in [*above, *run[:first]]
                if "单位" in row.text and _TABLE_UNIT.search(row.text)
            ]
            found.append((money_rows, [*unit_rows, *run[max(0, first - 2) : first]]))
            pieces = [piece for piece in (run[:first], run[last:]) if len(piece) > 1]
            above = [*unit_rows, *above]
        for piece in pieces:
            for rows, above_rows in _form_tables(piece, above):
                if _INDICATOR_HEADER.search(rows[0].text):
                    continue  # a 自评表's indicator block (目标值 / 实际完成值 / 得分): no money
                found.extend((half, above_rows) for half in _side_by_side_halves(rows))
        index = end
    return found


# a score table's header row's titles: a weight's and a score's
_SCORE_HEADER_CELLS = (re.compile(r"^(?:分值|权重|标准分|满分)(?:\(分\))?$"), re.compile(r"得分"))


def _score_header(row: Line) -> bool:
    """A score table's header row ("一级指标 | 二级指标 | 分值 | 得分 | 扣分说明"): no figure, a
    weight and a score title, no budget or spending title (a money block's header scores its
    rate: "项目 | 全年预算数 | … | 分值 | 得分")."""
    cells = [cell.strip() for cell in row.text.split("\t")]
    return (
        not re.search(r"\d", row.text)
        and all(any(pattern.search(cell) for cell in cells) for pattern in _SCORE_HEADER_CELLS)
        and not any(form_column(cell) in ("budget", "spent") for cell in cells)
    )


# the header of a 自评表's indicator block: its numbers are targets, actuals and scores
_INDICATOR_HEADER = re.compile(
    r"(?:^|\t)(?:三级指标|指标名称)\t.*(?:年度指标值|目标值|指标值)\t.*(?:实际完成值|完成值|实际值)"
)


# a form's staffing row of label / count pairs ("编制数 | 64 | 实有人数 | 91", "在职 | 58 | 退休 | 33")
_STAFF_KEY = re.compile(
    rf"^(?:其中:?)?[{CJK}()]{{0,8}}(?:编制|人数|人员|在职|在编|退休|离休|实有)[{CJK}()]{{0,4}}$"
)
_STAFF_COUNT = re.compile(r"^\s*\d{1,6}\s*(?:人|名)?\s*$")


def _staffing_pairs_row(text: str) -> bool:
    """A row of staffing label / count pairs and nothing else (no money word in a label)."""
    cells = [cell.strip() for cell in text.split("\t")]
    return (
        len(cells) >= 2
        and len(cells) % 2 == 0
        and all(
            _STAFF_KEY.match(key) and not re.search(r"支出|预算|资金|收入|经费", key)
            for key in cells[::2]
        )
        and all(_STAFF_COUNT.match(count) for count in cells[1::2])
    )


_UNIT_LINE = re.compile(r"^\(?(?:金额|货币)?单位[:]?\s*(?:亿元|万元|千元|元)\)?$")
_FORM_UNIT_REACH = 40


def _form_unit_line(lines: list[Line], index: int) -> list[Line]:
    """The unit line of a form that holds no prose ("单位：万元" alone on its line, or the last of
    its cells apart by runs of spaces: "单位名称：…    单位：万元", under the title, then cells
    and headings: "一、单位基本情况" / "编制数   22   实有人数   30" / "二、预算执行情况"), for a table starting at *index* that states no unit of its own: the nearest line above
    it that is only a unit, when no sentence (a line ending on 。) and no other unit stands
    between, nor another table (tab rows): a report's prose, another unit or the table the unit
    line captions ends its reach; [] otherwise."""
    for at in range(index - 1, max(-1, index - _FORM_UNIT_REACH), -1):
        text = lines[at].text.strip()
        if (
            _UNIT_LINE.match(text)
            or _FORM_HEAD_UNIT.search(text)
            or _UNIT_LINE.match(re.split(r"\s{2,}", text)[-1])
        ):
            return [lines[at]]
        if "\t" in text:
            cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
            if _UNIT_LINE.match(cells[-1]) and _FORM_HEAD_ROW.match(cells[0]):
                return [lines[at]]  # the form's first row: "填报单位：…\t…\t单位：元"
            if counts_row(lines[at].text) or _INFO_ROW.match(text):
                continue  # the form's name and staffing cells (no amount) above its money block
            return []
        if _TABLE_NOTE.match(text) and not _TABLE_UNIT.search(text):
            continue  # a table's note under it ("注：…不计入上表。"), no prose of the report
        if text.endswith("。") or _TABLE_UNIT.search(text):
            return []
    return []


_TABLE_NOTE = re.compile(r"^\(?(?:注|备注|说明)\s*\d?\s*:")


# the form's head line closing on its unit: "部门名称：某局（机关本级）  金额单位：万元", or its
# fields run together once a PDF's spaces are gone ("部门名称某镇人民政府主管部门某县人民政府金额单位:元"):
# no amount before the unit
_FORM_HEAD_UNIT = re.compile(
    r"^(?:部门|单位|填报|预算|主管)[^\d。;]{2,80}(?:金额单位:?|单位:)\s*(?:亿元|万元|千元|元)\)?$"
)
# the first row of a form pasted as a table, its unit in its last cell
_FORM_HEAD_ROW = re.compile(r"^(?:填报单位|单位名称|部门名称|部门\(单位\)名称|填报部门)")
# a row of a form's name and staffing cells: no amount (no decimal number, no %, no unit of
# money)
_INFO_ROW = re.compile(r"^(?!.*\d\.\d)[^%元]*$")  # (2,146 students: a count, not an amount)


def _side_by_side_halves(rows: list[Line]) -> list[list[Line]]:
    """A table drawn as two tables side by side ("项目 | 决算数 | 项目 | 决算数" over "本年收入合计 |
    23,296.89 | 本年支出合计 | 23,143.95", a 收入支出决算总表): a header row in the first two rows
    whose cells are two equal halves of titles (no digit, the first a title; each half may open
    with a title of its own rows, "按收入性质分" / "按支出性质分", after a caption cell over both),
    and below it every row's cell opening the right half is a label or blank, never a number.
    Each half is then a table of its own (the right half's rows keep their place in the text);
    otherwise the rows as they are."""
    found = [(index, _repeated_halves(row)) for index, row in enumerate(rows[:2])]
    header_index, (skip, half) = next(((i, h) for i, h in found if h[1]), (0, (0, 0)))
    if not half:
        return [rows]
    body = rows[header_index + 1 :]
    if len(body) < 2 or any(
        len(cells := row.text.split("\t")) > skip + half and _BARE_NUMBER.match(cells[skip + half])
        for row in body
    ):
        return [rows]
    left, right = [], []
    for row in rows[header_index:]:
        cells = row.text.split("\t")
        before = "\t".join(cells[:skip])
        left_text = "\t".join(cells[skip : skip + half])
        left_start = row.start + (len(before) + 1 if skip else 0)
        left.append(replace(row, text=left_text, start=left_start))
        right_text = "\t".join(cells[skip + half :])
        if right_text.strip():
            right.append(replace(row, text=right_text, start=left_start + len(left_text) + 1))
    return [rows[:header_index] + left, rows[:header_index] + right]


def _form_tables(rows: list[Line], above: list[Line]) -> list[tuple[list[Line], list[Line]]]:
    """A run of rows, or the money blocks of a form drawn as one table (table_rates.form_blocks):
    each block is a table of its own under its own header row, with the two lines above it and
    the form's rows stating the unit ("填报单位…\t\t金额单位：万元") as its caption."""
    blocks = form_blocks(rows)
    if not blocks:
        return [(without_caption_column(rows), above)]
    unit_rows = [
        row for row in [*above, *rows] if "单位" in row.text and _TABLE_UNIT.search(row.text)
    ]
    tables = []
    for first, end in blocks:
        block = without_caption_column(rows[first:end])
        caption = [rows[first]] if block[0] is not rows[first] else []
        above_block = [
            *(r for r in unit_rows if r.start < rows[first].start),
            *rows[max(0, first - 2) : first],
            *(r for r in caption if _CAPTION_CELL_UNIT.match(r.text)),
        ]
        tables.append((block, above_block))
    return tables


# a block's caption cell merged over its label column, the unit in brackets ("年度预算执行情况（万元）"
# over "\t合计\t35,200.00…"): the block's unit, once the caption column is set apart
# the table's title right above it, its unit in brackets at its end ("表2  2024年度部门支出经济分类
# 情况（万元）")
_TITLE_WITH_UNIT = re.compile(r"^[^,;。，；:\t]{2,40}\((?:亿元|万元|千元|元)\):?$")
_CAPTION_CELL_UNIT = re.compile(rf"^[{CJK}]{{2,16}}\((?:亿元|万元|千元|元)\)\t")


_SECTION_ROW = re.compile(rf"^[{CJK}]{{2,12}}:?$")


def _section_row(lines: list[Line], index: int) -> bool:
    """A row of a table whose other cells are empty ("按经济分类:" between the 基本/项目 rows and
    the economic classes): the table goes on after it."""
    return (
        index + 1 < len(lines)
        and "\t" in lines[index + 1].text
        and index > 0
        and "\t" in lines[index - 1].text
        and bool(_SECTION_ROW.match(lines[index].text.strip()))
    )


def _unit_stated(rows: list[Line], above: list[Line]) -> bool:
    return any(
        (match := _TABLE_UNIT.search(line.text))
        and (
            line is rows[0] or "单位" in match.group(0) or bool(_CAPTION_CELL_UNIT.match(line.text))
        )
        for line in [*above, rows[0]]
    )


def _unitless_tables(report: ReportText, prose: list[Amount], findings: Findings) -> list[Amount]:
    """A table with no unit stated is read only when the arithmetic tells its unit: under exactly
    one of 万元 / 元, one of its totals (合计, 基本支出…, with a phase) equals the same amount of the
    same phase stated in the prose with its unit (reconcile.choose); finding import.I013."""
    known = [
        a
        for a in prose
        if not a.table and a.kind in ("total", "funding") and (a.phase or a.default_phase)
    ]
    found: list[Amount] = []
    for rows, above in _tables(report):
        if _unit_stated(rows, above):
            continue
        readings = []
        for unit in ("万元", "元"):
            cells = _read_table(rows, above, unit)
            match = next(
                (
                    (cell, amount)
                    for cell in cells
                    if cell.kind in ("total", "funding") and cell.phase is not None
                    for amount in known
                    if (cell.kind, cell.funding) == (amount.kind, amount.funding)
                    and _same_side(cell.phase, amount.phase or amount.default_phase)
                    and cell.value == amount.value
                ),
                None,
            )
            total = match[1].value if match else Decimal(-1)
            parts = (match[0].value,) if match else ()
            readings.append(reconcile.Reading(unit, total, parts, (unit, cells, match)))
        chosen = reconcile.choose(readings)
        if chosen is None:
            continue
        unit, cells, matched = chosen.meaning
        if matched is None:  # a reading adds up only with a match; never reached
            continue
        cell, amount = matched
        found.extend(cells)
        findings.add(
            "import.I013",
            "info",
            f"表格没有注明单位，按{unit}读取：表中“{cell.label}{cell.stated_value}”与正文“{amount.label}"
            f"{amount.stated_value}{amount.unit}”相符 / the table states no unit; read in {unit}, "
            "the unit under which its figures match the prose",
            f"核对表格单位（表格：{findings.report.source(rows[0].start, rows[-1].end).locator}，"
            f"正文：{findings.report.source(amount.start, amount.end).locator}） / check the "
            "table's unit",
            (cell.start, cell.end),
        )
    return found


def _source_titles_only(cells: list[str]) -> bool:
    """Two titles at least, each a source of funds or their sum (财政拨款 | 其他资金 | 小计), a
    group's split under its title: the cells after them merged down from the upper row."""
    titles = [cell.strip() for cell in cells if cell.strip()]
    return len(titles) >= 2 and all(
        _SOURCE_PART.fullmatch(title) or _GROUP_SUM.fullmatch(title) for title in titles
    )


def _form_titles_only(cells: list[str]) -> bool:
    """Two titles at least, each a form column's (年初预算数, 全年执行数, 执行率…), or empty."""
    titles = [cell.strip() for cell in cells if cell.strip()]
    return len(titles) >= 2 and all(form_column(title) is not None for title in titles)


def table_header(rows: list[Line]) -> tuple[list[str], int]:
    """The column titles and how many rows they take. A header of two rows, merged cells
    flattened ("项目\t2023年度" / "\t全年预算数\t实际支出数"): the second row's first cell is
    empty (the row-title cell spans both) and it holds no number; a merged upper cell is written
    once and stands over the empty cells after it. Each title is then upper + lower
    ("2023年度全年预算数")."""
    first = rows[0].text.split("\t")
    if len(rows) < 3:
        return first, 1
    second = _merged_cells_blanked(first, rows[1].text.split("\t"))
    if len(second) < len(first) and (
        _form_titles_only(second[1:]) or _source_titles_only(second[1:])
    ):
        # the cells merged down from the upper row (分值, 得分) at its end: dropped as empty
        second = second + [""] * (len(first) - len(second))
    wrapped = _wrapped_titles(first, second)
    if wrapped is not None:
        return wrapped, 2
    if (
        second[0].strip()
        or not any(cell.strip() for cell in second[1:])
        or any(_BARE_NUMBER.match(cell) for cell in second[1:])
        or len(second) < len(first)
    ):
        return first, 1
    header = [first[0]]
    carried = ""
    for column in range(1, len(second)):
        upper = first[column].strip() if column < len(first) else ""
        carried = upper or carried
        header.append(_group_and_title(carried, second[column].strip()))
    return header, 2


_SOURCE_PART = re.compile(
    r"(财政拨款|财政资金|其他资金|一般公共预算|政府性基金(?:预算)?|上年结转|事业收入)$"
)
_GROUP_SUM = re.compile(r"(?:小计|合计)$")


def _source_columns_beside_their_sum(header: list[str]) -> list[int]:
    """The columns of a group split by source of funds with its sum beside them ("全年预算数" over
    "财政拨款 | 其他资金 | 小计", merged into "全年预算数财政拨款" …): the sources' columns, which
    are parts of the group's figure, not the department's."""
    sums = {
        _GROUP_SUM.sub("", title.strip()) for title in header if _GROUP_SUM.search(title.strip())
    }
    return [
        n
        for n, title in enumerate(header)
        if n
        and (part := _SOURCE_PART.search(title.strip()))
        and title.strip()[: part.start()] in sums
    ]


def _group_and_title(upper: str, lower: str) -> str:
    """A column's title under an upper cell: upper + lower ("2023年度全年预算数"); under a group
    title, the lower title alone, with the group's unit when it has none of its own."""
    group = GROUP_TITLE.match(upper)
    if group is None or not lower:
        return f"{upper}{lower}"
    unit = group.group(1) or ""
    return lower if re.search(r"\((?:亿元|万元|千元|元)\)", lower) else f"{lower}{unit}"


def _merged_cells_blanked(first: list[str], second: list[str]) -> list[str]:
    """A header's second row with the cells merged down from the first written out again
    ("项目\t分值\t预算执行情况\t\t执行率" over "项目\t分值\t全年预算数\t执行数\t执行率", a
    merged cell pasted once a row) left empty, as Word leaves them; only when the row has a
    title of its own under an empty upper cell or a group title and no number."""
    if any(_BARE_NUMBER.match(cell) for cell in second):
        return second
    repeated = [
        column < len(first) and bool(cell.strip()) and cell.strip() == first[column].strip()
        for column, cell in enumerate(second)
    ]
    own = [
        column
        for column, cell in enumerate(second)
        if cell.strip() and not repeated[column] and column
    ]
    if not any(repeated) or len(own) < 2:
        return second
    return ["" if repeated[column] else cell for column, cell in enumerate(second)]


def _wrapped_titles(first: list[str], second: list[str]) -> list[str] | None:
    """Titles wrapped onto a second header row ("资金项目\t年初\t全年\t全年\t分值" / "\t预算数\t
    预算数\t执行数"), the second row shorter (a pasted row drops its trailing blank cells): its
    first cell empty, no number in it, and each of its cells under a title of its own; each
    title is then upper + lower ("年初预算数"), the titles past the second row's end as they
    are. Merged upper cells (an empty cell over a lower title) are `table_header`'s case."""
    if not 2 <= len(second) < len(first) or second[0].strip():
        return None
    lower = [cell.strip() for cell in second[1:]]
    if not all(lower) or any(_BARE_NUMBER.match(cell) for cell in lower):
        return None
    if not all(first[column].strip() for column in range(1, len(second))):
        return None
    return [
        f"{title.strip()}{second[column].strip()}" if 0 < column < len(second) else title
        for column, title in enumerate(first)
    ]


_SCORE_TOTAL_LABEL = re.compile(r"^(?:自评)?总(?:得)?分$|^得分合计$")


def _read_table(
    rows: list[Line], above: list[Line], assumed: str | None = None, *, evaluation: bool = False
) -> list[Amount]:
    """The table's amounts in the unit it states (*assumed*: the unit of a table stating none)."""
    header, header_rows = table_header(rows)
    headless = _headless(rows)
    if headless:
        header, header_rows = [""] * len(header), 0
    table_unit = assumed
    for line in [*above, rows[0]]:
        match = _TABLE_UNIT.search(line.text)
        if match and (
            line is rows[0]
            or "单位" in match.group(0)
            or _CAPTION_CELL_UNIT.match(line.text)
            or (line is above[-1] and _TITLE_WITH_UNIT.match(line.text))
        ):
            table_unit = match.group(1) or match.group(2)
    column_units = []
    for title in header:
        match = re.search(r"\((亿元|万元|千元|元)\)", title)
        column_units.append(match.group(1) if match else table_unit)
        if re.search(r"\((?:人|个|%|辆|台)\)|率|比例|占比", title) or _SCORE_TITLE.match(
            title.strip()
        ):
            column_units[-1] = None
    by_source = _source_columns_beside_their_sum(header)
    for column in by_source:
        column_units[column] = None  # "全年预算数 | 财政拨款 · 其他资金 · 小计": the 小计 is read
    if by_source:  # …as the group's own figure ("全年预算数小计" → "全年预算数")
        header = [_GROUP_SUM.sub("", title.strip()) for title in header]
    found: list[Amount] = []
    caption_phase = _caption_phase(above)
    if headless and caption_phase is None and above:
        # "实际支出按经济分类（单位：万元）：" over rows of a class and its amount: the caption's phase
        caption_phase = _last_phase_word(_BY_CUT.sub("", above[-1].text))
    income_total = _income_has_parts(rows[1:])
    total_row_phase: Phase | str | None = None
    projects_only = _project_table(header, above, rows[header_rows:])
    total_seen = False
    by_row: dict[int, tuple[str, dict[int, Amount]]] = {}  # a row's label and amounts by column
    subtotal_total = _subtotal_total(rows[header_rows:], column_units)
    adjusted_columns = _budget_beside_the_initial(header)
    for row in rows[header_rows:]:
        if _score_header(row):
            break  # a score table right under the money block: its 合计 | 100 | 88.88 is no money
        cells = row.text.split("\t")
        row_label = cells[0].strip()
        if not row_label or _BARE_NUMBER.match(row_label) or _SCORE_TOTAL_LABEL.match(row_label):
            continue  # a score table's 总分 row in the same run: scores, not money
        if subtotal_total and row_label == "小计":
            row_label = "合计"  # the table's 小计 under its parts is its total
        row_label = _NUMBERING.sub("", row_label) or row_label  # "一、财政拨款收入"
        row_label = _part_row_label(row_label)
        if total_seen and _SOURCE_ROW.fullmatch(row_label):
            row_label = (
                f"其中:{row_label}"  # a split by source under the total, as "其中：财政拨款"
            )
        total_seen = total_seen or bool(
            classify(row_label)[0] == "total" or _TOTAL_ROW_LABEL.fullmatch(row_label)
        )
        if _grand_total_row(row_label, rows[header_rows:]):
            continue
        if projects_only and _PROJECTS_TOTAL_ROW.fullmatch(row_label):
            continue  # the projects' 合计, not the department's budget or spending
        row_kind = classify(row_label)[0]
        total_row_phase = _total_row_phase(row_label, total_row_phase)
        position = len(cells[0]) + 1
        for column, cell in enumerate(cells[1:], start=1):
            match = _BARE_NUMBER.match(cell)
            unit = column_units[column] if column < len(column_units) else None
            value = parse_number(match.group(1)) if match else None
            if match and unit and value is not None:
                title = (
                    re.sub(r"\((?:亿元|万元|千元|元)\)", "", header[column])
                    if column < len(header)
                    else ""
                )
                # a table's one column titled only "金额" names no phase: the caption's
                generic = len(header) == 2 and _GENERIC_TITLE.match(title.strip())
                label = row_label if generic else f"{row_label}{title}"
                kind, phase, funding, item = classify(label)
                if phase is None and kind == "economic":
                    phase = _phase(title)  # "对个人和家庭的补助" + "支出金额": the title's 支出
                if phase == BUDGET and column in adjusted_columns:
                    phase = Phase.BUDGET_ADJUSTED
                kind = _spent_carryover(kind, title)
                kind = _initial_carryover(kind, title, header)
                if kind in _CARRY_KINDS and _part_under_carry_column(row_label, title):
                    kind = "unread"
                if kind == "adjusted?" and _SOURCE_ROW.fullmatch(_PART_ROW.sub("", row_label)):
                    kind = (
                        "unread"  # a source's 调整预算数 ("其中：财政拨款"), not the department's
                    )
                if row_kind in ("income", "other_income") and kind is not None:
                    kind, phase = _income_cell(row_kind, row_label, title, income_total), None
                elif phase is None and kind in ("total", "funding", "economic"):
                    phase = caption_phase  # "收支决算总表" / "本年数": the 决算 of the year
                    if phase is None and kind != "total":
                        phase = total_row_phase  # "全年预算数" / "基本支出": its parts
                start = row.start + position + match.start(1)
                default_phase = None
                if (
                    phase is None
                    and kind in ("funding", "economic")
                    and ("支" in label or kind == "economic")  # 对个人和家庭的补助 has no 支
                    and _YEAR_TITLE.fullmatch(title.strip())
                ):
                    # columns that are years only ("2022年" / "2023年"): an evaluation report's
                    # 基本支出 there is spent, as in a sentence (the earlier year is set aside)
                    default_phase = _implied_phase(rows[0], "", evaluation)
                found.append(
                    Amount(
                        value * _UNIT_IN_WAN[unit],
                        value,
                        unit,
                        row.start,
                        start + len(match.group(1)),
                        label,
                        kind,
                        phase,
                        funding,
                        item,
                        table=True,
                        default_phase=default_phase,
                    )
                )
                by_row.setdefault(row.start, (row_label, {}))[1][column] = found[-1]
            position += len(cell) + 1
    _split_of_a_source_set_aside(list(by_row.values()))
    return found


_BY_CUT = re.compile(r"按?(?:支出)?(?:经济|功能)?分类|单位[:：]?\s*(?:亿元|万元|千元|元)")


_GENERIC_TITLE = re.compile(r"^(?:金额|数额|数值|金额数)$")


def _budget_beside_the_initial(header: list[str]) -> set[int]:
    """The one column titled a bare budget ("年度预算", "预算数") beside one titled the year-start
    budget ("年初批复", "年初预算数"): the year's adjusted budget, the initial one's later step."""
    phases = [classify(title.strip())[1] if title.strip() else None for title in header]
    bare = {n for n, phase in enumerate(phases) if n and phase == BUDGET}
    initial = [n for n, phase in enumerate(phases) if n and phase is Phase.BUDGET_INITIAL]
    return bare if len(bare) == 1 and len(initial) == 1 else set()


def _headless(rows: list[Line]) -> bool:
    """A table of a row label and one amount a row, no header row above them ("工资福利支出 |
    1,812.40" / "商品和服务支出 | 2,456.19"…): every row's label a money row the readers know."""
    for row in rows:
        cells = [cell.strip() for cell in row.text.split("\t")]
        if len(cells) != 2 or not row_name(cells[0]) or not _BARE_NUMBER.match(cells[1]):
            return False
    return len(rows) >= 2


def _split_of_a_source_set_aside(rows: list[tuple[str, dict[int, Amount]]]) -> None:
    """基本支出 / 项目支出 rows under a row by source ("资金总额 | 486.50" / "其中：财政拨款 | 456.50" /
    "其中：基本支出 | 316.50" / "项目支出 | 140.00" / "其他资金 | 30.00"): when they add up to that
    source's row and not to the total in a column, they split the 财政拨款 only, not the
    department's money: not read as its 基本 / 项目 (no W005 against the total either). When they
    add up to the total in any column they are the total's split, as before."""
    totals = [cells for label, cells in rows if _TOTAL_ROW_LABEL.fullmatch(label)]
    sources = [cells for label, cells in rows if _SOURCE_PART.fullmatch(_PART_ROW.sub("", label))]
    funding = {
        amount.funding: cells
        for _, cells in rows
        for amount in list(cells.values())[:1]
        if amount.kind == "funding" and amount.funding in (Funding.BASIC, Funding.PROJECT)
    }
    if len(totals) != 1 or not sources or len(funding) != 2:
        return
    basic, project = funding[Funding.BASIC], funding[Funding.PROJECT]
    of_a_source = False
    for column, total in totals[0].items():
        if column not in basic or column not in project:
            continue
        split = basic[column].stated_value + project[column].stated_value
        if split == total.stated_value:
            return  # the total's split
        if any(column in cells and cells[column].stated_value == split for cells in sources):
            of_a_source = True
    if of_a_source:
        for cells in (basic, project):
            for amount in cells.values():
                amount.kind = "unread"


_YEAR_TOTAL_ROW = re.compile(r"^(?:[一二三四五六七八九十]+、)?本年(?:收入|支出)(?:合计|总计)")


def _repeated_halves(row: Line) -> tuple[int, int]:
    """(cells before the halves, the width of each half) of a header row of two equal halves of
    titles ("项目 | 决算数 | 项目 | 决算数": (0, 2)), no digit in it; a caption cell over both may
    come first, and each half may open with a row-label title of its own ("项目 | 按收入性质分 |
    预算数 | 执行数 | 按支出性质分 | 预算数 | 执行数": (1, 3)); (0, 0) for any other row."""
    cells = [cell.strip() for cell in row.text.split("\t")]
    if any(re.search(r"\d", cell) for cell in cells):
        return 0, 0
    for skip in (0, 1):
        rest = cells[skip:]
        half = len(rest) // 2
        if half < 2 or len(rest) != 2 * half or not rest[0]:
            continue
        if rest[:half] == rest[half:]:
            return skip, half
        own_titles = ROW_LABEL_TITLE.match(rest[0]) and ROW_LABEL_TITLE.match(rest[half])
        if own_titles and rest[1:half] == rest[half + 1 :]:
            return skip, half
    return 0, 0


_PROJECTS_TOTAL_ROW = re.compile(r"(?:合计|总计|小计)")
# the row-label column of a table of projects ("项目名称 | 预算数 | 支出数"), or a caption naming
# them ("表1 主要项目支出情况") over a bare 项目 column
_PROJECT_NAME_TITLE = re.compile(r"(?:项目|专项|项目\(资金\))名称")
_PROJECT_CAPTION = re.compile(
    r"(?:主要|重点|专项|部分)项目|项目(?:支出|资金)?(?:情况|明细)|专项资金"
)


def _project_table(header: list[str], above: list[Line], rows: list[Line]) -> bool:
    """A table of projects: its row-label column titled 项目名称 / 专项名称 (or a bare 项目 under a
    caption naming projects, "表1  主要项目支出情况"), and every row but its 合计 a name the money
    readers do not know (no 基本支出, 三公 item, income…, two rows at least). Its 合计 row is the
    projects' sum, not the department's budget or spending."""
    if not header:
        return False
    first = header[0].strip()
    caption = " ".join(line.text for line in above)
    if not (
        _PROJECT_NAME_TITLE.fullmatch(first)
        or (first == "项目" and _PROJECT_CAPTION.search(caption))
    ):
        return False
    names = [
        _NUMBERING.sub("", row.text.split("\t")[0].strip())
        for row in rows
        if row.text.split("\t")[0].strip()
    ]
    items = [name for name in names if not _PROJECTS_TOTAL_ROW.fullmatch(name)]
    return len(items) >= 2 and all(classify(name)[0] is None for name in items)


def _subtotal_total(rows: list[Line], column_units: list[str | None]) -> bool:
    """The table's 小计 row at its bottom is its total (see subtotals.py)."""
    if not any(row.text.startswith("小计") for row in rows):
        return False
    money = [
        cells
        for cells in (row.text.split("\t") for row in rows)
        if not _SCORE_TOTAL_LABEL.match(cells[0].strip())
    ]
    amounts = [i - 1 for i, unit in enumerate(column_units) if i and unit]
    return subtotal_is_total(
        money,
        amounts,
        lambda label: classify(label)[0],
        lambda label: classify(label)[0] == "total" or bool(_TOTAL_ROW_LABEL.fullmatch(label)),
    )


def _grand_total_row(row_label: str, rows: list[Line]) -> bool:
    """The 总计 row of a 收入支出决算总表 ("本年支出合计 | 23,143.95" … "年末结转和结余 | 1,189.49" /
    "总计 | 24,333.44"): with a 本年收入合计 / 本年支出合计 row in the table, 总计 is the year's money
    plus the carry-overs, neither the income nor the spending: not read."""
    return re.fullmatch(r"总计|合计总计|收支总计", row_label) is not None and any(
        _YEAR_TOTAL_ROW.match(row.text.strip()) for row in rows
    )


def _spent_carryover(kind: str | None, title: str) -> str | None:
    """A table's 上年结转 row under a spending column ("上年结转资金" × "全年执行数") is the
    carry-over spent in the year, not the carry-over brought in: not read (the budget columns
    give the carry-over)."""
    if kind == "carry_prior" and _phase(title) in (Phase.EXECUTED, Phase.FINAL):
        return "unread"
    return kind


def _initial_carryover(kind: str | None, title: str, header: list[str]) -> str | None:
    """A 上年结转 row's cell under a form's 年初预算数 column when a 全年 / 调整后 budget column
    stands beside it: the year's carry-over is the later column's (the two are not added); the
    initial column's is not read."""
    if kind != "carry_prior" or _phase(title) is not Phase.BUDGET_INITIAL:
        return kind
    if any(_phase(other) is Phase.BUDGET_ADJUSTED for other in header):
        return "unread"
    return kind


# a form's score columns beside its money ("分值" / "得分" / "权重" of the 预算执行 indicator)
_SCORE_TITLE = re.compile(r"^(?:指标)?(?:分值|得分|权重|自评得分|自评分|评分|满分)(?:\(分\))?$")
# a row naming a source of funds alone ("财政拨款", "其他资金", "一般公共预算"): below a table's total
# row ("总额" / "年度资金总额"), a part of it by source even with no 其中 before it, and not read
_SOURCE_ROW = re.compile(
    r"(?:(?:当年|本年|本级)?(?:财政拨款|财政资金)|一般公共预算(?:拨款|资金)?|政府性基金(?:预算)?(?:拨款|资金)?|其他资金|"
    r"(?:单位)?自有资金|非财政(?:拨款)?资金|上级补助(?:资金|收入)?)"
)
_CARRY_KINDS = ("carry_end", "carry_prior")
_TOTAL_ROW_LABEL = re.compile(
    r"合计|总计|总额|共计|(?:年度|全年)?(?:预算)?资金总额|(?:年度)?部门预算资金(?:总额)?|资金合计"
)


def _part_under_carry_column(row_label: str, title: str) -> bool:
    """A row's cell under a carry-over column ("资金情况 | 预算数 | 执行数 | 结转结余": "其中：财政拨款",
    "基本支出", "“三公”经费" × 结转结余) is the carry-over of a part, by source, funding or item,
    not the department's a second time: only the total row's (资金总额 / 合计) is read. A row
    that is itself a carry-over ("年末结转和结余 | 1,189.49") is read as before."""
    return (
        classify(title)[0] in _CARRY_KINDS
        and classify(row_label)[0] not in _CARRY_KINDS
        and classify(row_label)[0] != "total"
        and not _TOTAL_ROW_LABEL.fullmatch(row_label)
    )


# a part row of a table: "其中：基本支出" is the 基本支出 of the row above, named as such
_PART_ROW = re.compile(r"^其中[:]?\s*")


def _part_row_label(row_label: str) -> str:
    """ "其中：基本支出" → "基本支出" when what follows 其中 is a funding or economic class by
    itself; "其中：财政拨款" (a split by source of funds) keeps its 其中 and stays unread."""
    rest = _PART_ROW.sub("", row_label)
    if rest != row_label and rest and classify(rest)[0] in ("funding", "economic", "personnel"):
        return rest
    return row_label


def _total_row_phase(row_label: str, before: Phase | str | None) -> Phase | str | None:
    """The phase the rows below a total row take ("全年预算数（调整后）" then "基本支出" / "项目支出"
    rows with year columns "2023年" / "2024年": the budget's split; "全年支出决算数" then its
    split): set by a total row whose own label names a phase, kept over the 基本 / 项目 / economic
    rows with none, ended by any other row (a 预算执行率 row, income)."""
    kind, phase, _, _ = classify(row_label)
    if kind == "total" and phase is not None:
        return phase
    if kind in ("funding", "economic") and phase is None:
        return before
    return None


_YEAR_TITLE = re.compile(r"(?:19|20)\d{2}年度?(?:数|金额)?")
# a row of income the readers give no role (事业收入, 经营收入, 上级补助收入…)
_INCOME_ROW = re.compile(r"收入(?:\([^)]*\))?$")


def _income_has_parts(rows: list[Line]) -> bool:
    """A table whose 财政拨款收入 is a part of its income: beside a 收入合计 row, or beside
    another kind of income the readers give no role ("事业收入（广告及经营）", 经营收入): the
    department's income is then their unstated sum, not 财政拨款收入 alone."""
    labels = [_NUMBERING.sub("", row.text.split("\t")[0].strip()) for row in rows]
    return any(_INCOME_TOTAL.search(label) for label in labels) or any(
        _INCOME_ROW.search(label) and classify(label)[0] is None for label in labels
    )


_INCOME_TOTAL = re.compile(r"收入(?:合计|总计|总额)|总收入|本年收入$")


def _caption_phase(above: list[Line]) -> Phase | None:
    """A table captioned as a 决算 table ("表2 收支决算总表", "2022年度收入支出决算表") with no
    budget word: its columns without a phase of their own (本年数) hold the year's final spending."""
    caption = "".join(line.text for line in above)
    if re.search(rf"决算{_NOT_FINAL}", caption) and not re.search(r"预算|预决算", caption):
        return Phase.FINAL
    return None


def _income_cell(row_kind: str, row_label: str, title: str, income_total: bool) -> str:
    """A table's income row: income in the year's columns (a column classify reads: not 上年数,
    not 增减额), but not its budget (a 预算数 column:
    "财政拨款收入" × "预算数" is budgeted income, not the budget total); beside a 收入合计 row,
    its parts (财政拨款收入) are not a second income total (其他收入 stays: 其他资金来源)."""
    if _phase(title) in (BUDGET, Phase.BUDGET_INITIAL, Phase.BUDGET_ADJUSTED):
        return "unread"
    if row_kind == "income" and income_total and not _INCOME_TOTAL.search(row_label):
        return "skip"
    return row_kind


def _prefix(phase: Phase | str | None) -> str:
    return "executed" if phase in (Phase.EXECUTED, Phase.FINAL) else "budget"


_ECONOMIC_KEYS = {
    Item.WAGES: "wages",
    Item.GOODS_SERVICES: "goods_services",
    Item.TRANSFERS_HOUSEHOLDS: "transfers_households",
    Item.CAPITAL: "capital",
}
_MEMO_ITEMS = {
    "carry_prior": Item.CARRYOVER_PRIOR,
    "carry_end": Item.CARRYOVER_END,
    "supplement": Item.SUPPLEMENT,
    "public_funds": Item.PUBLIC_FUNDS,
    "procurement": Item.PROCUREMENT,
    "key_projects": Item.KEY_PROJECTS,
    "personnel": Item.PERSONNEL,
    "special_funds": Item.SPECIAL_FUNDS,
}
_MEMO_KEYS = {
    Item.CARRYOVER_PRIOR: "budget.carryover_prior",
    Item.CARRYOVER_END: "executed.carryover_end",
    Item.SUPPLEMENT: "budget.supplement",
    Item.INCOME: "income.total",
    Item.OTHER_INCOME: "income.other",
}


def figure_key(phase: Phase | str | None, funding: Funding | None, item: Item) -> str | None:
    """The figure a money line (or a statement about one) feeds."""
    prefix = _prefix(phase)
    if phase is Phase.BUDGET_INITIAL and item.is_composition:
        prefix = INITIAL  # settled once all lines are known (see _settle_key)
    if item is Item.UNCLASSIFIED:
        return f"{prefix}.{'total' if funding is None else funding.name.lower()}"
    if item in _ECONOMIC_KEYS:
        return f"{prefix}.{_ECONOMIC_KEYS[item]}"
    if item in _MEMO_KEYS:
        return _MEMO_KEYS[item]
    if item.is_sangong:
        return None
    return f"{prefix}.{item.name.lower()}"


INITIAL = "budget@initial"


def _settle_key(key: str | None, has_adjusted: bool) -> list[str]:
    """An initial-budget key is the budget's own figure unless an adjusted budget exists; then
    only the initial total has a figure (budget.initial_total)."""
    if key is None:
        return []
    if not key.startswith(INITIAL):
        return [key]
    sub = key.split(".", 1)[1]
    if has_adjusted:
        return ["budget.initial_total"] if sub == "total" else []
    return [f"budget.{sub}", "budget.initial_total"] if sub == "total" else [f"budget.{sub}"]


@dataclass
class _Line:
    phase: Phase
    item: Item
    funding: Funding | None
    amount: Amount

    @property
    def key(self) -> str | None:
        return figure_key(self.phase, self.funding, self.item)


def read_money(
    report: ReportText,
    findings: Findings,
    *,
    evaluation: bool = True,
    department: str | None = None,
    year: int | None = None,
) -> MoneyReading:
    """Money lines, statements and assets; *evaluation*: the report evaluates a year that has
    ended, so a spending noun without a budget word is that year's spending; *department*: its
    name, which before an amount names the department itself ("石门镇全年预算数…"); *year*: the
    report's (the title's), before which a dated amount beside this year's undated one is that
    year's."""
    reading = MoneyReading()
    names = own_names(department)
    if names:  # the short names defined go before the kind words ("局") they hold
        names = (names[0], *_short_names_defined(report.text, department), *names[1:])
    amounts = _amounts(report, evaluation, names)
    approximate = [a for a in amounts if a.kind == "approximate"]
    amounts = [a for a in amounts if a.kind != "approximate"]
    if approximate:
        listed = "；".join(f"{a.label}{a.stated_value}{a.unit}" for a in approximate[:8])
        findings.add(
            "import.I008",
            "info",
            f"以下为约数（约、近、超过、左右…），未作为确切金额导入：{listed} / approximate amounts "
            "(约, 近, 超过, 左右…) were not imported as exact figures",
            "如需要，请在资金信息中填写确切金额 / enter the exact amount by hand if it matters",
            (approximate[0].start, approximate[0].end),
        )
    amounts.extend(_unitless_tables(report, amounts, findings))
    _source_cut_differs(report, findings, evaluation)
    _source_lists_differ(report, findings)
    _budget_by_its_parts(amounts, names, findings)
    _budget_income_by_funding(amounts, names, findings)
    _reattach_orphans(amounts, report.text, findings)
    _share_sibling_phase(amounts, report.text)
    _list_opened_by_a_total(amounts, report.text)
    _items_under_a_total(amounts, report.text)
    reading.earlier_years = [
        (a.start, a.end) for a in _earlier_years_set_aside(amounts, report.text, year)
    ]
    _assets_of_another_body_set_aside(amounts, report.text)
    for amount in amounts:
        typo = _DROPPED_CHU.search(amount.label)
        if typo and amount.kind in ("funding", "economic"):
            findings.add(
                "import.I009",
                "info",
                f"“{amount.label}”按“{typo.group(1)}支出”读取（原文疑缺字） / read as "
                f"{typo.group(1)}支出 (a character seems to be missing)",
                "请核对原文 / check the report",
                (amount.start, amount.end),
            )
    lines: list[_Line] = []
    statements: list[tuple[str, Amount]] = []
    unread: list[Amount] = []
    for amount in amounts:
        if amount.head is not None:
            continue
        _resolve(amount, lines, statements, unread, reading, findings)
    for amount in _budget_by_sum(report.text, reading.defaulted, lines, findings):
        reading.defaulted.remove(amount)
        _resolve(amount, lines, statements, unread, reading, findings)
    for amount in [a for a in reading.defaulted if _under_phase_titles(report.text, a)]:
        reading.defaulted.remove(amount)  # its column's title says its phase, not the genre
        unread.append(amount)
    _read_defaulted(reading.defaulted, lines, statements, unread, reading, findings)
    _phases_from_sums(report.text, unread, lines, statements, reading, findings)
    _basic_split_that_misses(report.text, unread, lines, findings)
    _split_phase_from_its_total(report.text, unread, lines, statements, reading, findings)
    budget_income = [a for a in amounts if _BUDGET_INCOME.search(a.label)]
    _budget_against_spending(
        report.text, names, budget_income, unread, lines, statements, reading, findings
    )
    _budget_stated_again(names, unread, lines, statements, reading, findings)
    _income_made_of_the_budgets_steps(report.text, amounts, lines, findings)
    unplaced_adjustment = _adjustments(
        reading.pending, lines, statements, unread, reading, findings
    )
    _budget_steps_differ(report.text, lines, findings)
    _bare_budget_as_the_adjusted(lines)
    _bare_split_as_the_adjusted(lines, report.text)
    _bare_classes_as_the_adjusted(lines)
    _settle_phases(lines)
    _final_below_implied_classes(lines)
    _final_as_executed(lines)
    conflicts: list[tuple[_Line, Amount, Amount]] = []
    lines = _unnest(lines, statements, findings, conflicts)
    _compare_the_two_cuts(lines, statements, findings)
    # an adjusted budget left unread (its subject not known for the department's) still means the
    # initial budget is not the year's budget: budget.total is then not claimed from it
    # (so does a 调整预算 left unplaced: the adjusted budget, or an adjustment to the initial one)
    has_adjusted = (
        unplaced_adjustment
        or any(line.phase is Phase.BUDGET_ADJUSTED for line in lines)
        or any(
            a.kind is None
            and a.phase is Phase.BUDGET_ADJUSTED
            and not a.table
            and "收入" not in a.label
            and not _BUDGETED_SPENDING.search(a.label)
            for a in unread
        )
    )
    statements = _proven_total_first(lines, _precise_statement_first(statements))
    partial = (
        _partial_economic_keys(lines, statements)
        - _whole_stated_cut(statements)
        - _classes_stated_on_their_own(report.text, lines, statements)
    )
    for line in lines:
        entry: dict[str, Any] = {
            "phase": line.phase.value,
            "item": line.item.value,
            "amount": str(line.amount.value),
        }
        if line.funding is not None:
            entry["funding"] = line.funding.value
        entry["label"] = line.amount.label or None
        reading.lines.append(entry)
        span = (line.amount.start, line.amount.end)
        entry["_span"] = span
        for key in _settle_key(line.key, has_adjusted):
            if key not in partial:
                reading.sources.setdefault(key, span)
    for raw_key, amount in statements:
        for key in _settle_key(raw_key, has_adjusted)[:1]:
            reading.stated.append(Fact(key, amount.value, amount.start, amount.end, amount.label))
            if key not in partial:
                reading.sources.setdefault(key, (amount.start, amount.end))
    reading.conflicts = _restated(conflicts, reading, has_adjusted)
    phaseless = [a for a in unread if a.kind not in (None, "unread", "unread:part")]
    unread = [a for a in unread if a.kind in (None, "unread", "unread:part")]
    for amount in phaseless:
        if _repeats_a_line(amount, lines):
            continue  # the same amount again (a chart legend, a summary): already read with its phase
        findings.add(
            "import.W007",
            "warning",
            f"“{amount.label}{amount.stated_value}{amount.unit}”看不出是预算数还是支出数，未导入 / "
            "cannot tell whether this amount is a budget or spending; not imported",
            "请在资金信息中填写并注明阶段 / enter it with its phase",
            (amount.start, amount.end),
        )
    if unread:
        listed = "；".join(f"{a.label}{a.stated_value}{a.unit}" for a in unread[:8])
        more = f" 等{len(unread)}项" if len(unread) > 8 else ""
        findings.add(
            "import.I008",
            "info",
            f"以下金额未能确定其含义，未导入：{listed}{more} / amounts whose meaning could not be "
            "determined were not imported",
            "如需要，请在资金信息中手工填写 / enter them by hand if they matter",
            (unread[0].start, unread[0].end),
        )
    return reading


def _restated(
    conflicts: list[tuple[_Line, Amount, Amount]], reading: MoneyReading, has_adjusted: bool
) -> list[Restated]:
    """The contradicting statements of a total, each with whether the figure's 基本 + 项目 parts
    as read (lines or statements) add up to it."""
    values: dict[str, set[Decimal]] = {}
    for entry in reading.lines:
        key = figure_key(
            Phase(entry["phase"]),
            Funding(entry["funding"]) if "funding" in entry else None,
            Item(entry["item"]),
        )
        for settled in _settle_key(key, has_adjusted):
            values.setdefault(settled, set()).add(Decimal(entry["amount"]))
    for fact in reading.stated:
        values.setdefault(fact.key, set()).add(fact.value)
    found: list[Restated] = []
    for line, _first, other in conflicts:
        if line.item is not Item.UNCLASSIFIED or line.funding is not None:
            continue  # a part or a class: its own parts are not known
        keys = _settle_key(line.key, has_adjusted)
        if not keys:
            continue
        prefix = keys[0].rsplit(".", 1)[0]
        sums = [
            _one_each(values, [f"{prefix}.{part}" for part in cut])
            for cut in (("basic", "project"), tuple(_ECONOMIC_KEYS.values()))
        ]
        pair = (line.amount, other)
        steps = values.get("budget.supplement", set())
        adds_up = [
            amount
            for amount in pair
            if amount.value in sums
            or (
                # 年初 + 追加 = the adjusted budget: the other statement is its first step
                prefix == "budget"
                and len(steps) == 1
                and (pair[1] if amount is pair[0] else pair[0]).value + min(steps) == amount.value
            )
        ]
        found.append(Restated(keys, pair, adds_up))
    return found


def _one_each(values: dict[str, set[Decimal]], keys: list[str]) -> Decimal | None:
    """The sum of the parts stated under *keys* when two or more are stated, each with one value
    (parts stated twice in contradiction prove nothing)."""
    stated = [values[key] for key in keys if key in values]
    if len(stated) < 2 or any(len(found) != 1 for found in stated):
        return None
    return sum((min(found) for found in stated), Decimal(0))


# words of a cut or a second adjustment: then 年初 + 追加 is not the whole story
_OTHER_ADJUSTMENT = re.compile(
    r"调减|核减|压减|减少|收回|下调|调出|追减|再次|结转|结余|其他资金|其他收入|上级补助|转移支付"
)


def _budget_steps_differ(text: str, lines: list[_Line], findings: Findings) -> None:
    """ "年初预算4,215.30万元，年中调整增加1,120.00万元，调整后预算5,353.30万元": one initial budget,
    one increase and one adjusted budget in one paragraph that names no other change or source
    (调减, 上年结转…), and they do not add up: import.W017, each kept as stated."""

    def one(phase: Phase, item: Item) -> Amount | None:
        found = [
            line.amount
            for line in lines
            if line.phase is phase and line.item is item and line.funding is None
        ]
        return found[0] if len({a.value for a in found}) == 1 else None

    initial = one(Phase.BUDGET_INITIAL, Item.UNCLASSIFIED)
    step = one(Phase.BUDGET_INITIAL, Item.SUPPLEMENT)
    adjusted = one(Phase.BUDGET_ADJUSTED, Item.UNCLASSIFIED)
    if initial is None or step is None or adjusted is None:
        return
    start = min(initial.start, step.start, adjusted.start)
    end = max(initial.end, step.end, adjusted.end)
    if "\n" in text[start:end]:
        return
    paragraph = text[
        text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1
    ]
    if _OTHER_ADJUSTMENT.search(paragraph):
        return  # "…，其中：年初预算…，年中追加…，上年结转…": another source of the budget
    total = initial.value + step.value
    if total == adjusted.value:
        return
    findings.add(
        "import.W017",
        "warning",
        f"{initial.label}{initial.stated_value}{initial.unit}加{step.label}{step.stated_value}"
        f"{step.unit}为{total:f}万元，与{adjusted.label}{adjusted.stated_value}"
        f"{adjusted.unit}不符，各数按报告所写导入 / the initial budget plus the adjustment does not "
        "give the stated adjusted budget; each figure is kept as stated",
        "核对原文的年初预算、调整数和调整后预算 / check the initial budget, the adjustment and "
        "the adjusted budget in the report",
        (start, end),
    )


def _repeated_line(amount: Amount, lines: list[_Line]) -> _Line | None:
    """The line holding the same amount of the same class, already read with its phase (a chart
    legend, a summary table, or a paragraph going on to detail it)."""
    return next(
        (
            line
            for line in lines
            if line.amount.value == amount.value
            and (
                line.item is amount.item or (amount.item is None and line.funding is amount.funding)
            )
        ),
        None,
    )


def _carry_over_stated_again(kind: str, amount: Amount, lines: list[_Line]) -> bool:
    """The year's carry-over is one amount: "年末结转和结余1,189.49万元" in the prose and the same
    amount in a 收入支出决算总表's row is one carry-over stated twice, not two to add up."""
    if kind not in ("carry_prior", "carry_end"):
        return False
    item = _MEMO_ITEMS[kind]
    return any(line.item is item and line.amount.value == amount.value for line in lines)


def _repeats_a_line(amount: Amount, lines: list[_Line]) -> bool:
    return _repeated_line(amount, lines) is not None


def _under_phase_titles(text: str, amount: Amount) -> bool:
    """An amount in a tab row ("基本支出\t534.60万元\t533.90万元") under a header row of the same
    run of tab rows that titles its columns with a budget and a spending ("项目 | 全年预算数 | 全年
    执行数"): the column gives its phase, so the phase an evaluation report implies does not
    (a cell the table readers left unread stays unread)."""
    first = text.rfind("\n", 0, amount.start) + 1
    end = text.find("\n", amount.start)
    line = text[first : end if end >= 0 else len(text)]
    if "\t" not in line or "\t" not in text[first : amount.end]:
        return False
    for _ in range(_MAX_ROWS_UP):  # a header a table's length above at most
        if first <= 0:
            break
        above_end = first - 1
        first = text.rfind("\n", 0, above_end) + 1
        above = text[first:above_end]
        if "\t" not in above:
            return False
        kinds = {form_column(cell.strip()) for cell in above.split("\t")}
        if {"budget", "spent"} <= kinds:
            return True
    return False


def _read_defaulted(
    defaulted: list[Amount],
    lines: list[_Line],
    statements: list[tuple[str, Amount]],
    unread: list[Amount],
    reading: MoneyReading,
    findings: Findings,
) -> None:
    """Amounts whose phase only the document implies: the year's spending, unless the same amount
    of the same class was read with an explicit phase (then this is a repeat of it), or unless
    the sentence's parts add up to a budget total and not to the spending (``_budget_by_sum``)."""
    for amount in defaulted:
        repeated = _repeated_line(amount, lines)
        if repeated is not None:
            if amount.parts:  # "1.基本支出2956.36万元,其中:工资福利…": its detail, in its phase
                amount.phase, amount.default_phase = repeated.phase, None
                _resolve(amount, lines, statements, unread, reading, findings)
            continue
        amount.phase, amount.default_phase = amount.default_phase, None
        amount.implied = True
        findings.add(
            "import.I010",
            "info",
            f"“{amount.label}{amount.stated_value}{amount.unit}”没有写明预算或执行，评价报告中按当年支出数导入 / "
            "no budget word: read as the year's spending, as an evaluation report implies",
            "如为预算数，请在资金信息中改为预算 / change it to the budget if that is what it is",
            (amount.start, amount.end),
        )
        _resolve(amount, lines, statements, unread, reading, findings)


def _budget_by_sum(
    text: str, defaulted: list[Amount], lines: list[_Line], findings: Findings
) -> list[Amount]:
    """A 基本/项目 split with no phase word ("按支出性质分，基本支出1316.40万元，项目支出3900.00万元")
    whose parts add up to exactly one stated total, and that one a budget, details that budget
    (reconcile.choose): it takes the budget's phase instead of the spending an evaluation report
    implies; returns the amounts so decided. When the budget and the spending are equal, both
    add up and nothing changes."""
    decided: list[Amount] = []
    groups: dict[int, list[Amount]] = {}
    for amount in defaulted:
        if amount.kind == "funding" and amount.funding is not None and not amount.table:
            sentence = max(text.rfind(mark, 0, amount.start) for mark in "。\n")
            groups.setdefault(sentence, []).append(amount)
    totals = [line for line in lines if line.item is Item.UNCLASSIFIED and line.funding is None]
    for group in groups.values():
        if len(group) < 2 or len({a.funding for a in group}) != len(group):
            continue
        values = tuple(a.value for a in group)
        readings = [reconcile.Reading(t.amount.label, t.amount.value, values, t) for t in totals]
        consistent = [r for r in readings if r.adds_up]
        if not consistent or any(r.meaning.phase not in _BUDGET_PHASES for r in consistent):
            continue  # none, or a spending total as well: the sum does not decide
        # the same budget stated as the adjusted one and as a table's bare 预算总额: the adjusted
        chosen = max(consistent, key=lambda r: r.meaning.phase is Phase.BUDGET_ADJUSTED)
        total = chosen.meaning
        for amount in group:
            amount.phase, amount.default_phase = total.phase, None
        decided.extend(group)
        _phase_taken_from_the_sum(findings, group, total)
    return decided


_BUDGET_PHASES = (Phase.BUDGET_INITIAL, Phase.BUDGET_ADJUSTED)


def _phase_taken_from_the_sum(findings: Findings, group: list[Amount], total: _Line) -> None:
    """import.I012: amounts with no phase took the phase of the total they add up to."""
    findings.add(
        "import.I012",
        "info",
        f"{_listed(group)}没有写明预算或执行；合计{_sum_as_written(group)}，与“{total.amount.label}"
        f"{total.amount.stated_value}{total.amount.unit}”相符，按其阶段（{total.phase.value}）导入 / "
        "no phase stated; they add up to an amount read with its phase, and take that phase",
        "核对原文（{}） / check the report ({})".format(
            *_both_places(findings, total.amount, group)
        ),
        (group[0].start, group[-1].end),
    )


# a 基本/项目 split with no phase word stays untold (docs: Phase); only what details one of them
_PHASELESS_PARTS = ("personnel", "public_funds", "economic")


def _phases_from_sums(
    text: str,
    unread: list[Amount],
    lines: list[_Line],
    statements: list[tuple[str, Amount]],
    reading: MoneyReading,
    findings: Findings,
) -> None:
    """Amounts with no phase of their own (人员经费, 公用经费, economic classes), two or more in one
    sentence, that add up to exactly one 基本支出 / 项目支出 read with a phase ("基本支出2905.12万元
    …。基本支出中，人员经费2530.60万元，公用经费374.52万元") detail it and take its phase
    (reconcile.choose); the others stay unread. With the budget and the spending of that class
    equal, both add up, and nothing is decided."""
    groups: dict[int, list[Amount]] = {}
    for amount in unread:
        if amount.kind in _PHASELESS_PARTS and amount.phase is None:
            sentence = max(text.rfind(mark, 0, amount.start) for mark in "。;\n")
            groups.setdefault(sentence, []).append(amount)
    for group in groups.values():
        if len(group) < 2:
            continue
        values = tuple(a.value for a in group)
        wholes = _totals_stated_with_parts(lines, statements) if _whole_by_class(group) else []
        readings = [
            reconcile.Reading(line.amount.label, line.amount.value, values, line)
            for line in lines + wholes
            if line.item is Item.UNCLASSIFIED
            and (line.funding is not None or _whole_by_class(group))
        ]
        chosen = reconcile.choose(_one_reading_a_phase(readings))
        if chosen is None:
            continue
        _read_in_the_phase_of(chosen.meaning, group, unread, lines, statements, reading, findings)


# what may stand between a 基本支出 and the 人员经费 / 公用经费 that detail it
_BASIC_DETAIL_OPENING = re.compile(r"^\s*[,(]?\s*(?:其中|包括|含|包含)?[:,]?\s*$")


def _basic_split_that_misses(
    text: str, unread: list[Amount], lines: list[_Line], findings: Findings
) -> None:
    """ "其中基本支出812.36万元，包括人员经费678.55万元、公用经费124.81万元": 人员经费 and 公用经费
    right after a 基本支出 read with its phase, detailing it, that do not add up to it (they stay
    unread for want of a phase): import.W005, pointing at both places."""
    read = [x.amount for x in lines] + [part for x in lines for part in x.amount.parts]
    for basic in read:
        if basic.funding is not Funding.BASIC or basic.kind != "funding":
            continue
        parts = sorted(
            (a for a in unread if a.kind in ("personnel", "public_funds") and a.start > basic.end),
            key=lambda a: a.start,
        )[:2]
        if [a.kind for a in parts] != ["personnel", "public_funds"]:
            continue
        between = text[basic.end : parts[0].start - len(parts[0].label)]
        if not _BASIC_DETAIL_OPENING.match(between) or re.search(
            r"[。;]", text[basic.end : parts[1].start]
        ):
            continue
        summed = parts[0].value + parts[1].value
        if summed == basic.value:
            continue
        findings.add(
            "import.W005",
            "warning",
            reconcile.describe_difference(
                f"{basic.label}{basic.stated_value}{basic.unit}",
                [f"{a.label}{a.stated_value}{a.unit}" for a in parts],
                summed - basic.value,
            )
            + "，基本支出按报告所写导入 / 人员经费 and 公用经费 do not add up to the 基本支出 they "
            "detail; 基本支出 is kept as stated",
            "核对原文（{}） / check the report ({})".format(*_both_places(findings, basic, parts)),
            (basic.start, parts[-1].end),
        )


def _split_phase_from_its_total(
    text: str,
    unread: list[Amount],
    lines: list[_Line],
    statements: list[tuple[str, Amount]],
    reading: MoneyReading,
    findings: Findings,
) -> None:
    """A 基本/项目 split left with no phase ("部门预算总额3,642.18万元，其中一般公共预算…、政府性
    基金预算…；按支出性质分，基本支出1,085.40万元、项目支出2,556.78万元") that adds up to exactly one
    total read with its phase (a line or a stated total) takes that phase (reconcile.choose;
    import.I012). Budget and spending totals both matching decide nothing."""
    groups: dict[int, list[Amount]] = {}
    for amount in unread:
        if amount.kind == "funding" and amount.phase is None and amount.funding is not None:
            groups.setdefault(_sentence_start(text, amount), []).append(amount)
    totals = [x for x in lines if x.item is Item.UNCLASSIFIED and x.funding is None]
    for group in groups.values():
        if len(group) != 2 or {a.funding for a in group} != {Funding.BASIC, Funding.PROJECT}:
            continue
        if _opens_on_another_subject(text, group[0]):
            continue  # "培训项目中，基本支出…": that project's money
        values = tuple(a.value for a in group)
        readings = [reconcile.Reading(t.amount.label, t.amount.value, values, t) for t in totals]
        matching = [r for r in readings if r.adds_up]
        if any(r.meaning.phase is Phase.BUDGET_ADJUSTED for r in matching):
            # a table's bare 预算数 合计 of the same amount is that adjusted budget again
            matching = [
                r
                for r in matching
                if not (r.meaning.amount.table and r.meaning.amount.phase == BUDGET)
            ]
        if not matching or len({r.meaning.phase for r in matching}) != 1:
            continue  # none, or a budget and a spending of one amount: the sum does not decide
        total = matching[0].meaning  # the same total stated twice (prose and table): one reading
        _read_in_the_phase_of(total, group, unread, lines, statements, reading, findings)


def _read_in_the_phase_of(
    total: _Line,
    group: list[Amount],
    unread: list[Amount],
    lines: list[_Line],
    statements: list[tuple[str, Amount]],
    reading: MoneyReading,
    findings: Findings,
) -> None:
    """Read *group*, unread for want of a phase, in the phase of the *total* it adds up to."""
    for amount in group:
        unread.remove(amount)
        amount.phase = total.phase
        _resolve(amount, lines, statements, unread, reading, findings)
    _phase_taken_from_the_sum(findings, group, total)


def _opens_on_another_subject(text: str, amount: Amount) -> bool:
    """The sentence holding *amount* opens on "X中，" with X naming something else (a project)."""
    sentence = text[_sentence_start(text, amount) + 1 : amount.start]
    match = _OPENING_PHRASE.match(re.split(r"[;；]", sentence)[-1])
    return match is not None and names_something_else(match.group(1))


def _sentence_start(text: str, amount: Amount) -> int:
    return max(text.rfind(mark, 0, amount.start) for mark in "。\n")


def _one_reading_a_phase(
    readings: list[reconcile.Reading[_Line]],
) -> list[reconcile.Reading[_Line]]:
    """The readings with one total of a phase and amount kept (the same total stated twice, in
    a summary and in the body, is one reading, not two that the arithmetic cannot tell apart)."""
    kept: dict[tuple[Any, ...], reconcile.Reading[_Line]] = {}
    for reading in readings:
        line = reading.meaning
        kept.setdefault((line.phase, line.funding, reading.total), reading)
    return list(kept.values())


def _totals_stated_with_parts(
    lines: list[_Line], statements: list[tuple[str, Amount]]
) -> list[_Line]:
    """A total stated with its 基本/项目 parts ("预算数合计2,146.33万元，其中基本支出…，项目支出…"),
    kept as a statement while its parts are the lines: as a line of its parts' phase."""
    found = []
    for key, amount in statements:
        if not key.endswith(".total") or not amount.parts:
            continue
        parts = {id(part) for part in amount.parts}  # by identity: amounts equal by value differ
        phases = {line.phase for line in lines if id(line.amount) in parts}
        if len(phases) == 1:
            found.append(_Line(phases.pop(), Item.UNCLASSIFIED, None, amount))
    return found


def _whole_by_class(group: list[Amount]) -> bool:
    """Economic classes only, no two of one class: they may cut a whole phase's total too
    ("全年预算…。按经济分类：工资福利支出…，商品和服务支出…" under a budget heading)."""
    items = [a.item for a in group]
    return all(a.kind == "economic" for a in group) and len(set(items)) == len(items)


_SENTENCE_MARKS = re.compile(r"[。；;\n]")


def _budget_against_spending(
    text: str,
    names: tuple[str, ...],
    budget_income: list[Amount],
    unread: list[Amount],
    lines: list[_Line],
    statements: list[tuple[str, Amount]],
    reading: MoneyReading,
    findings: Findings,
) -> None:
    """ "全年预算支出1.8520亿元，全年实际支出1.7316亿元": "预算支出" alone may be budgeted or
    spent-from-the-budget money, but set in one sentence against a spending total read with an
    explicit phase (实际支出, 决算…) it is the budget (the phase its label has with 预算支出 read
    as 预算数); finding import.I014."""
    for amount in list(unread):
        if amount.kind is not None or not _BUDGETED_SPENDING.search(amount.label):
            continue
        kind, phase, funding, item = _classify_as_budget(amount.label, names)
        if kind not in ("total", "funding") or phase not in (BUDGET, *_BUDGET_PHASES):
            continue
        spending = _spending_total_in_sentence(text, amount, lines, statements)
        income = None if spending is not None else _balancing_budget_income(amount, budget_income)
        other = spending or income
        if other is None:
            continue
        repeated = _budget_total_read(lines, amount.value) if income is not None else None
        if repeated is not None:
            # the budget already read (from its income side, or a form): stated again here,
            # with its 其中 split when it has one; read once, in the phase it was read with
            unread.remove(amount)
            amount.kind, amount.phase = kind, repeated.phase
            _adopt_orphans(amount, unread)
            if amount.parts:
                lines.remove(repeated)
                _resolve(amount, lines, statements, unread, reading, findings)
            continue
        unread.remove(amount)
        amount.kind, amount.phase, amount.funding, amount.item = kind, phase, funding, item
        _adopt_orphans(amount, unread)
        _resolve(amount, lines, statements, unread, reading, findings)
        why = (
            "与同句“{}”对照 / set against the spending in the same sentence"
            if spending is not None
            else "与预算收入“{}”相等 / equal to the budgeted income"
        ).format(f"{other.label}{other.stated_value}{other.unit}")
        chinese, english = why.split(" / ")
        findings.add(
            "import.I014",
            "info",
            f"“{amount.label}{amount.stated_value}{amount.unit}”{chinese}，按预算数导入 / "
            f"{english}: read as the budget",
            "如为实际支出，请在资金信息中改正 / correct it if it is the spending",
            (amount.start, amount.end),
        )


def _budget_total_read(lines: list[_Line], value: Decimal) -> _Line | None:
    """The budget total already read with this amount, if any."""
    return next(
        (
            line
            for line in lines
            if line.phase in _BUDGET_PHASES
            and line.item is Item.UNCLASSIFIED
            and line.funding is None
            and line.amount.value == value
        ),
        None,
    )


# the budget's income side ("部门预算总收入", "全年预算收入", "收入预算")
_BUDGET_INCOME = re.compile(r"预算总?收入|收入预算")


def _balancing_budget_income(amount: Amount, budget_income: list[Amount]) -> Amount | None:
    """The budgeted income stated before *amount* with the same value: a budget balances its
    income and spending ("部门预算总收入：1,846万元…部门预算总支出：1,846万元"), so this
    "预算支出" is the budget's spending side."""
    return next(
        (a for a in budget_income if a.value == amount.value and a.start < amount.start), None
    )


def _adopt_orphans(total: Amount, unread: list[Amount]) -> None:
    """The parts after 其中 set aside while *total*'s meaning was unknown become its parts once
    it is known, when they add up to it and fit it (reconcile)."""
    orphans = total.orphans
    if (
        not orphans
        or not reconcile.Reading(
            total.label, total.value, tuple(o.value for o in orphans), total
        ).adds_up
    ):
        return
    kinds = [o.kind for o in orphans]
    for orphan in orphans:
        orphan.kind = orphan.read_as
    if not all(_compatible(total, orphan) for orphan in orphans):
        for orphan, kind in zip(orphans, kinds, strict=True):
            orphan.kind = kind
        return
    for orphan in orphans:
        if orphan in unread:
            unread.remove(orphan)
        orphan.head = total
        total.parts.append(orphan)
    total.orphans = []


def _budget_stated_again(
    names: tuple[str, ...],
    unread: list[Amount],
    lines: list[_Line],
    statements: list[tuple[str, Amount]],
    reading: MoneyReading,
    findings: Findings,
) -> None:
    """ "全年预算支出1186.4万元，其中基本支出884.2万元，项目支出302.2万元" beside a budget read
    with its own phase elsewhere ("年度预算数（万元） | 1186.4" in a form, "全年预算数1186.4万元"):
    the ambiguous "预算支出" is that budget stated again, and its parts after 其中 are the
    budget's, when its amount is the budget's to the digit and no spending total read has it
    (were budget and spending equal, it could be either); finding import.I014."""
    budgets = [
        line
        for line in lines
        if line.phase in (BUDGET, *_BUDGET_PHASES)
        and line.item is Item.UNCLASSIFIED
        and line.funding is None
        and "收入" not in line.amount.label  # 预算收入: budgeted income, not the budget itself
    ]
    spent = [
        line.amount.value
        for line in lines
        if line.phase in (Phase.EXECUTED, Phase.FINAL) and line.item is Item.UNCLASSIFIED
    ] + [total.value for key, total in statements if key in _SPENDING_TOTALS]
    for amount in list(unread):
        if amount.kind is not None or not _BUDGETED_SPENDING.search(amount.label):
            continue
        kind, phase, funding, item = _classify_as_budget(amount.label, names)
        if kind != "total" or phase not in (BUDGET, *_BUDGET_PHASES):
            continue
        line = next((b for b in budgets if b.amount.value == amount.value), None)
        if line is None or amount.value in spent:
            continue
        parts = [p for p in amount.orphans if p.read_as in ("funding", "economic")]
        if len(parts) != len(amount.orphans) or any(
            p.phase is not None and p.phase not in (BUDGET, *_BUDGET_PHASES) for p in parts
        ):
            continue  # a part written as spending: not the budget's split
        unread.remove(amount)
        for part in parts:
            if part in unread:
                unread.remove(part)
            part.kind, part.head = part.read_as, amount
            amount.parts.append(part)
        # the phase of the budget it states again ("全年预算数…" → the adjusted budget)
        amount.kind, amount.phase, amount.funding, amount.item = kind, line.phase, funding, item
        _resolve(amount, lines, statements, unread, reading, findings)
        same = line.amount
        findings.add(
            "import.I014",
            "info",
            f"“{amount.label}{amount.stated_value}{amount.unit}”与“{same.label}{same.stated_value}"
            f"{same.unit}”相同，按预算数导入 / the same amount as the budget stated elsewhere: "
            "read as the budget",
            "如为实际支出，请在资金信息中改正 / correct it if it is the spending",
            (amount.start, amount.end),
        )


def _classify_as_budget(
    label: str, names: tuple[str, ...]
) -> tuple[str | None, Phase | str | None, Funding | None, Item | None]:
    """How "…预算支出" reads once taken as "…预算数" (the department's own name left out)."""
    return classify(_BUDGETED_SPENDING.sub("预算数", _without_own_name(label, names)))


def _spending_total_in_sentence(
    text: str, amount: Amount, lines: list[_Line], statements: list[tuple[str, Amount]]
) -> Amount | None:
    """The department's spending total, read with an explicit phase (as a line, or as a stated
    total of parts), in *amount*'s sentence or the one right after it in its paragraph ("全年预算
    支出总额13,150.00万元。全年实际支出12,986.72万元，…")."""
    start = max(text.rfind(mark, 0, amount.start) for mark in "。；;\n")
    following = _SENTENCE_MARKS.search(text, amount.end)
    if following and following.group() in "。；;":
        following = _SENTENCE_MARKS.search(text, following.end())
    end = following.start() if following else len(text)
    totals = [
        line.amount
        for line in lines
        if line.phase in (Phase.EXECUTED, Phase.FINAL)
        and line.item is Item.UNCLASSIFIED
        and line.funding is None
    ]
    totals += [total for key, total in statements if key in _SPENDING_TOTALS]
    return next((total for total in totals if start < total.start < end), None)


_SPENDING_TOTALS = ("executed.total",)


_LABEL_YEAR = re.compile(r"((?:19|20)\d{2})年")


_CLAUSE_YEAR = re.compile(r"\s*((?:19|20)\d{2})年(?!\d)")


def _clause_year(amount: Amount, text: str) -> re.Match[str] | None:
    """The year an amount's clause opens with: its label's own, or the year starting the clause
    (after ；。 or the line's start) it stands in: "2022年全年预算数为…，全年支出1,050.22万元；2023年…"."""
    match = _LABEL_YEAR.search(amount.label)
    if match is not None or amount.table:
        return match
    clause = max(text.rfind(mark, 0, amount.start) for mark in "。;；\n") + 1
    return _CLAUSE_YEAR.match(text, clause)


# a sentence about a body outside the department's accounts: an enterprise or company named before
# the amount ("社属企业…有限公司2023年销售收入1.26亿元，资产总额4,860.25万元"), or the sentence saying
# it is kept apart ("独立核算", "未纳入本表", "不在本部门")
_ENTERPRISE_BEFORE = re.compile(r"企业|公司|集团")
_OUTSIDE_THE_ACCOUNTS = re.compile(r"独立核算|未纳入|不纳入|不在本(?:部门|单位|表)|不含在")


def another_bodys_sentence(before: str, after: str = "") -> bool:
    """A sentence (*before* an amount, *after* it) about a body outside the department's accounts."""
    return bool(_ENTERPRISE_BEFORE.search(before) or _OUTSIDE_THE_ACCOUNTS.search(before + after))


def _assets_of_another_body_set_aside(amounts: list[Amount], text: str) -> None:
    """ "社属企业沂东县农业生产资料有限公司…销售收入1.26亿元，资产总额4,860.25万元，独立核算，未纳入
    本表": an asset figure in a sentence naming an enterprise or company before it, or saying the
    body is kept outside the department's accounts, is that body's, not the department's: not
    read (import.I008). The label's own words are judged elsewhere (names_something_else); this is
    the sentence's subject, a clause or more before the asset noun. Not tables."""
    for amount in amounts:
        if amount.kind is None or not amount.kind.startswith("asset:") or amount.table:
            continue
        start = max(text.rfind(mark, 0, amount.start) for mark in "。;；!?\n") + 1
        ends = [at for mark in "。;；!?\n" if (at := text.find(mark, amount.end)) >= 0]
        end = min(ends) if ends else len(text)
        if another_bodys_sentence(text[start : amount.start], text[amount.start : end]):
            amount.kind = "unread"


# a note under a form or a report ("备注：2024年度全年执行数9318.04万元；…", "注：…", "说明：…")
_NOTE_LINE = re.compile(r"\s*\(?(?:备注|附注|注|说明)\s*\d?\s*[:：]")


def _earlier_years_notes(amounts: list[Amount], text: str, year: int | None) -> list[Amount]:
    """Amounts in a note line dated to a year before the report's *year* ("备注：2024年度全年执行数
    9318.04万元" under a 2025 form): last year's figure quoted for comparison, not read even when
    the year's own figure is missing (import.I008). Only when no amount outside the notes is dated
    to that year (a body written for that year is a title's typo, import.W013's business)."""
    if year is None:
        return []
    notes: list[tuple[int, Amount]] = []
    elsewhere: set[int] = set()
    for amount in amounts:
        if amount.kind not in ("total", "funding", "economic"):
            continue
        noted = _note_year(amount, text)
        if noted is not None:
            notes.append((noted, amount))
        elif (match := _clause_year(amount, text)) is not None:
            elsewhere.add(int(match.group(1)))
    earlier = []
    for stated, amount in notes:
        if stated < year and stated not in elsewhere:
            amount.kind = "unread"
            earlier.append(amount)
    return earlier


def _note_year(amount: Amount, text: str) -> int | None:
    """The year a note line's clause opens with ("备注：2024年度全年执行数…"), None when the amount
    stands in no note line or its clause names no year."""
    note = _note_opening(text, text.rfind("\n", 0, amount.start) + 1)
    if note is None:
        return None
    clause = max(note.end(), *(text.rfind(mark, 0, amount.start) + 1 for mark in "。;；"))
    match = _LABEL_YEAR.search(amount.label) or _CLAUSE_YEAR.match(text, clause)
    return int(match.group(1)) if match else None


_WRAPPED_NOTE_LINES = 3  # lines a note may wrap over (a PDF's or an OCR's narrow cell)


def _note_opening(text: str, line_start: int) -> re.Match[str] | None:
    """The note opening the line at *line_start*, or the line it wraps on from: each line above
    ending mid-sentence (a comma or a character, no full stop)."""
    for _ in range(_WRAPPED_NOTE_LINES + 1):
        note = _NOTE_LINE.match(text, line_start)
        if note is not None or line_start == 0:
            return note
        above = text.rfind("\n", 0, line_start - 1) + 1
        if re.search(r"[。!?:]\s*$", text[above : line_start - 1]):
            return None  # the line above ends its sentence: no wrap
        line_start = above
    return None


def _earlier_years_set_aside(
    amounts: list[Amount], text: str, year: int | None = None
) -> list[Amount]:
    """ "2022年支出合计300万元。2023年支出合计350万元": the same figure stated for two years is a
    comparison; the earlier year's amount is not read (import.I008). A year alone decides nothing
    (a title year the body contradicts is import.W013's business, not a reason to drop amounts),
    but an amount dated to an earlier year than the report's *year* ("2022年度实际支出191.27万元"
    in a note of a 2023 report) beside an undated amount of the same class and phase that it
    differs from (the table's 实际支出数 209.35) is that year's: a different figure, not this
    year's restated. Returns the amounts set aside that way (their years are no body year for
    import.W013); one equal to the undated figure is the report's own, dated."""
    noted = _earlier_years_notes(amounts, text, year)
    groups: dict[tuple[Any, ...], list[tuple[int, Amount]]] = {}
    undated: dict[tuple[Any, ...], set[Decimal]] = {}
    for amount in amounts:
        if amount.head is not None or amount.kind not in ("total", "funding", "economic"):
            continue
        match = _clause_year(amount, text)
        phase = amount.phase or amount.default_phase
        side = None if phase is None else _same_side(phase, BUDGET)
        key = (amount.kind, amount.funding, amount.item, side)
        if match is None:
            if phase is not None:
                undated.setdefault(key, set()).add(amount.value)
            continue
        groups.setdefault(key, []).append((int(match.group(1)), amount))
    earlier: list[Amount] = noted
    for key, group in groups.items():
        latest = max(stated for stated, _ in group)
        for stated, amount in group:
            if stated < latest:
                amount.kind = "unread"
            elif (
                year is not None
                and stated < year
                and key[3] is not None
                and undated.get(key, set()) - {amount.value}
            ):
                amount.kind = "unread"
                earlier.append(amount)
    return earlier


def _share_sibling_phase(amounts: list[Amount], text: str) -> None:
    """Classes listed side by side in one sentence share a phase: "工资福利支出1102.45万元，…，
    对个人和家庭的补助153.57万元，资本性支出529.78万元" — the one label with no 支出 in it takes
    the phase its siblings have (stated, or implied by the evaluation report) when they all agree.
    Siblings: amounts of the same kind (economic classes, or 基本/项目) that are no one's part."""
    groups: dict[tuple[int, str], list[Amount]] = {}
    for amount in amounts:
        if amount.table or amount.head is not None or amount.kind not in ("economic", "funding"):
            continue
        groups.setdefault((_list_start(text, amount), amount.kind), []).append(amount)
    for group in groups.values():
        untold = [a for a in group if a.phase is None and a.default_phase is None]
        told = [a for a in group if a not in untold]
        if not told:
            continue
        stated = {a.phase for a in told}
        implied = {a.default_phase for a in told}
        if stated == {None} and len(implied) == 1:
            for amount in untold:
                amount.default_phase = next(iter(implied))
        elif None not in stated and len(stated) == 1 and implied == {None}:
            for amount in untold:
                amount.phase = next(iter(stated))
        elif _phase_opens_the_list(group, stated, implied):
            # "2023年支出决算中工资福利支出…，商品和服务支出…": the phase written with the first
            # class is the whole list's (the others' implied spending is the same side)
            for amount in group:
                amount.phase, amount.default_phase = group[0].phase, None


_OPENER = re.compile(
    r"(?:^|[,;:。\n])([^,;:。\n\d]{2,20}?)中[,:]?(?:按经济分类(?:看|分|划分)?[,:]?)?\s*$"
)


def _list_opened_by_a_total(amounts: list[Amount], text: str) -> None:
    """ "支出决算中，工资福利支出…，商品和服务支出…" (also "全年实际支出中：…", "在决算支出中，按经济分类，
    …"): economic classes listed after "<the whole spending or budget>中" take that total's
    phase (决算 → the 决算's), as when it is written with the first class. Not after 其中 (no
    phase), nor after a part or a named item ("项目支出中，…", "某项目资金中，…"): only a
    label classify reads as the department's total with a phase opens the list."""
    groups: dict[int, list[Amount]] = {}
    for amount in amounts:
        if amount.table or amount.head is not None or amount.kind != "economic":
            continue
        groups.setdefault(_list_start(text, amount), []).append(amount)
    for start, group in groups.items():
        first = min(group, key=lambda a: a.start)
        match = _OPENER.search(text[max(start + 1, 0) : first.start])
        if match is None or len(group) < 2 or any(a.phase is not None for a in group):
            continue
        kind, phase, _funding, _item = classify(re.sub(r"^在", "", match.group(1)))
        # "支出决算中，…", "全年预算中，工资福利支出…" (the year's budget, never the bare 预算中)
        if kind != "total" or phase not in (Phase.EXECUTED, Phase.FINAL, Phase.BUDGET_ADJUSTED):
            continue
        for amount in group:
            amount.phase, amount.default_phase = phase, None


# a line closing on the total its numbered items split: "2.预算支出。全年预算总额中：", "决算支出中："
_TOTAL_OPENER_LINE = re.compile(r"(?:^|[。;,:])([^,;:。\n\d]{2,20}?)中:?\s*$")
_ITEM_LINE = re.compile(r"\s*(?:\(?\d{1,2}[).、]|\([一二三四五六七八九十]{1,3}\)|[①-⑩])")


def _item_marker(text: str, line_start: int) -> str | None:
    """The kind of list marker opening the line ("(1)" → "(", "1." → "1", "①" → "①"), or None."""
    match = _ITEM_LINE.match(text, line_start)
    if match is None:
        return None
    mark = match.group(0).strip()[:1]
    return "1" if mark.isdigit() else "①" if mark not in "(" else "("


def _items_under_a_total(amounts: list[Amount], text: str) -> None:
    """ "全年预算总额中：" over numbered items a line each ("（1）基本支出8,236.51万元…" / "（2）项目支出
    15,926.49万元…"): the items with no phase of their own split that total, in its phase (a
    budget's split is the budget's, not the spending an evaluation report implies)."""
    for amount in amounts:
        if amount.table or amount.phase is not None or amount.kind not in ("funding", "economic"):
            continue
        line_start = text.rfind("\n", 0, amount.start) + 1
        marker = _item_marker(text, line_start)
        if marker is None:
            continue
        above = line_start - 1
        while above > 0:  # up past the other items (marked alike) to the line the list hangs from
            start = text.rfind("\n", 0, above) + 1
            if _item_marker(text, start) != marker:
                break
            above = start - 1
        opener = _TOTAL_OPENER_LINE.search(text[text.rfind("\n", 0, max(above, 0)) + 1 : above])
        if opener is None:
            continue
        kind, phase, _funding, _item = classify(opener.group(1))
        if kind == "total" and phase is not None:
            amount.phase, amount.default_phase = phase, None


def _list_start(text: str, amount: Amount) -> int:
    """Where the list an amount stands in starts: its sentence (。), or its clause (；) unless
    the clauses are a list of economic classes ("按经济分类：工资福利支出…；商品和服务支出…；
    对个人和家庭的补助…，主要为…；资本性支出…"): each clause of it opening on a class."""
    sentence = max(text.rfind(mark, 0, amount.start) for mark in "。\n")
    clause = max(sentence, text.rfind(";", 0, amount.start))
    if amount.kind == "economic" and _class_line(text, sentence + 1):
        return _first_item_of_the_list(text, sentence)
    if (
        amount.kind == "funding"
        and clause != sentence
        and re.match(r"\s*(?:基本支出|项目支出)", text[clause + 1 :])
        and re.search(r"(?:基本支出|项目支出)[^;。\n]*;\s*$", text[sentence + 1 : clause + 1])
    ):
        return sentence  # "决算中基本支出…；项目支出…": the pair is one list across the ；
    if amount.kind != "economic" or clause == sentence:
        return clause
    end = min(
        (i for i in (text.find(m, amount.start) for m in "。\n") if i >= 0), default=len(text)
    )
    clauses = text[sentence + 1 : end].split(";")
    classes = [
        c
        for c in clauses[1:]
        if any(re.match(p, _class_in_brackets(c.strip())) for p, _ in _ECONOMIC)
    ]
    return sentence if len(clauses) >= 2 and len(classes) == len(clauses) - 1 else clause


# a numbered line of a list: "（1）工资福利支出1,612.38万元；" (after normalising: "(1)…;")
_LIST_ITEM = re.compile(r"(?:\(\d{1,2}\)|\d{1,2}[.、]|[①-⑳])\s*(?P<rest>[^\n]*)")


def _class_line(text: str, start: int) -> bool:
    """A line holding one economic class: numbered ("（1）工资福利支出…；") or a form's line
    ("对个人和家庭的补助：248万元")."""
    item = _LIST_ITEM.match(text, start)
    if item is not None and item.start() == start:
        return _opens_on_a_class(item["rest"])
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)]
    return bool(_CLASS_FORM_LINE.match(line)) and _opens_on_a_class(line)


_CLASS_FORM_LINE = re.compile(rf"^[{CJK}()]{{2,20}}:\s*(?:{NUMBER})\s*(?:亿元|万元|千元|元)?\s*$")


def _first_item_of_the_list(text: str, line_end_before: int) -> int:
    """The economic classes listed one a line ("（1）工资福利支出…；" / "（2）商品和服务支出…；" /
    "（3）对个人和家庭的补助…；", or a form's "工资福利支出：604万元" lines): one list, starting
    before its first line."""
    known = _list_starts(text)
    visited: list[int] = []
    start = line_end_before
    while start > 0:
        if start in known:
            start = known[start]
            break
        visited.append(start)
        previous = text.rfind("\n", 0, start)
        if not _class_line(text, previous + 1):
            break
        start = previous
    known.update(dict.fromkeys(visited, start))  # each line walked back once per text
    return start


@functools.lru_cache(maxsize=4)
def _list_starts(text: str) -> dict[int, int]:
    """Where each class list of *text* starts, by the line end before each of its lines (filled
    as the lists are walked: a long list is walked once, not once per line)."""
    return {}


def _opens_on_a_class(text: str) -> bool:
    return any(re.match(p, _class_in_brackets(text.strip())) for p, _ in _ECONOMIC)


def _phase_opens_the_list(
    group: list[Amount], stated: set[Phase | str | None], implied: set[Phase | None]
) -> bool:
    """Economic classes of one list: only the first has its phase written, the others' phase is
    implied (or untold), and the two are the same side (决算 / 执行: spending)."""
    first, rest = group[0], group[1:]
    return (
        len(group) >= 2
        and first.kind in ("economic", "funding")
        and all(a.kind == first.kind for a in rest)
        and first.phase is not None
        and all(a.phase is None for a in rest)
        and stated == {first.phase, None}
        and implied <= {None, Phase.EXECUTED}
        and any(a.default_phase is not None for a in rest)
        and _same_side(first.phase, Phase.EXECUTED)
        and first.phase in (Phase.EXECUTED, Phase.FINAL)
    )


def _budget_by_its_parts(amounts: list[Amount], names: tuple[str, ...], findings: Findings) -> None:
    """ "全年预算支出2,846.70万元，其中基本支出预算2,418.50万元、项目支出预算428.20万元": an
    ambiguous "预算支出" whose parts after 其中 are each a budget and add up to it is the budget
    (reconcile); finding import.I014."""
    for owner in amounts:
        if owner.kind is not None or not owner.orphans:
            continue
        if not _BUDGETED_SPENDING.search(owner.label):
            continue
        kind, phase, funding, item = _classify_as_budget(owner.label, names)
        budget_parts = all(
            part.read_as == "funding" and part.phase in (BUDGET, *_BUDGET_PHASES)
            for part in owner.orphans
        )
        values = tuple(part.value for part in owner.orphans)
        if kind != "total" or not budget_parts:
            continue
        if not reconcile.Reading(owner.label, owner.value, values, owner).adds_up:
            continue
        owner.kind, owner.phase, owner.funding, owner.item = kind, phase, funding, item
        for part in owner.orphans:
            part.kind, part.head = part.read_as, owner
            owner.parts.append(part)
        findings.add(
            "import.I014",
            "info",
            f"“{owner.label}{owner.stated_value}{owner.unit}”的分项（{_listed(owner.orphans)}）均为"
            "预算数且合计相符，按预算数导入 / its parts are budgets and add up to it: read as the "
            "budget",
            "如为实际支出，请在资金信息中改正 / correct it if it is the spending",
            (owner.start, owner.orphans[-1].end),
        )
        owner.orphans = []


# "全年收入预算186,432.57万元": the whole year's budget by its income side, as 全年预算 the
# adjusted budget, never the initial one a bare budget word defaults to
_WHOLE_YEAR_BUDGET = re.compile(r"全年(?:收入|支出)预算")

# the budget's income stated as one sum ("全年预算收入", "部门预算总收入", "收入预算")
_BUDGET_INCOME_TOTAL = re.compile(r"预算总?收入(?:总额|合计|总计|数)?$|收入预算(?:总额|数)?$")


def _budget_income_by_funding(
    amounts: list[Amount], names: tuple[str, ...], findings: Findings
) -> None:
    """ "全年预算收入4286530元，全部为财政拨款，其中基本支出3216470元，项目支出1070060元": a
    budgeted income cut after 其中 into 基本支出 and 项目支出 (spending classes, no phase of their
    own or a budget's) that add up to it is the budget, its parts the budget's split (a budget
    balances its income and spending); finding import.I014. Parts by source of funds (财政拨款
    收入…), parts written as spending, or parts that miss the sum leave it unread."""
    for owner in amounts:
        if owner.kind is not None or len(owner.orphans) < 2:
            continue
        if not _BUDGET_INCOME_TOTAL.search(owner.label):
            continue
        parts = owner.orphans
        if sorted(_funding_of(part) for part in parts) != ["基本支出", "项目支出"]:
            continue
        if any(part.phase not in (None, BUDGET, *_BUDGET_PHASES) for part in parts):
            continue
        values = tuple(part.value for part in parts)
        if not reconcile.Reading(owner.label, owner.value, values, owner).adds_up:
            continue
        kind, phase, funding, item = classify(
            _BUDGET_INCOME_TOTAL.sub("预算数", _without_own_name(owner.label, names))
        )
        if kind != "total" or phase not in (BUDGET, *_BUDGET_PHASES):
            continue
        owner.kind, owner.phase, owner.funding, owner.item = kind, phase, funding, item
        for part in parts:
            part.kind, part.head = part.read_as, owner
            if part.phase is None:
                part.phase = phase
            owner.parts.append(part)
        findings.add(
            "import.I014",
            "info",
            f"“{owner.label}{owner.stated_value}{owner.unit}”按基本支出、项目支出分列且合计相符"
            f"（{_listed(parts)}），按预算数导入 / budgeted income split into 基本支出 and 项目支出 "
            "that add up to it: read as the budget",
            "如为收入，请在资金信息中改正 / correct it if it is the income",
            (owner.start, parts[-1].end),
        )
        owner.orphans = []


def _funding_of(part: Amount) -> str:
    """ "基本支出" / "项目支出" for a part read as that funding class and nothing else; ""
    otherwise."""
    if part.read_as != "funding":
        return ""
    _kind, _phase, funding, _item = classify(part.label)
    return "" if funding is None else funding.value


def _reattach_orphans(amounts: list[Amount], text: str, findings: Findings) -> None:
    """Parts after 其中 that follow an amount of unknown meaning ("决算支出总额1075.44万元，比上年
    减少52.30万元，其中：基本支出768.90万元，项目支出306.54万元") belong to an earlier total of the
    same sentence when they add up to it and to nothing else there (reconcile.choose); otherwise
    they stay unread."""
    for index, owner in enumerate(amounts):
        if not owner.orphans:
            continue
        sentence_start = max(text.rfind(mark, 0, owner.start) for mark in "。;\n") + 1
        candidates = [
            a
            for a in amounts[:index]
            if a.start >= sentence_start
            and a.end <= owner.start
            and a.kind in ("total", "funding")
            and a.head is None
            and not a.parts
        ]
        values = tuple(part.value for part in owner.orphans)
        readings = [reconcile.Reading(c.label, c.value, values, c) for c in candidates]
        readings.append(reconcile.Reading(owner.label, owner.value, values, owner))
        chosen = reconcile.choose(readings)
        if chosen is None or chosen.meaning is owner:
            continue
        total = chosen.meaning
        for part in owner.orphans:
            part.kind = part.read_as
        if not all(_compatible(total, part) for part in owner.orphans):
            for part in owner.orphans:
                part.kind = "unread:part"
            continue
        for part in owner.orphans:
            part.head = total
            total.parts.append(part)
        findings.add(
            "import.I011",
            "info",
            f"“其中”所列分项（{_listed(owner.orphans)}）合计{_wan(chosen.sum)}万元，与前面的"
            f"“{total.label}{total.stated_value}{total.unit}”相符，按其分项导入（不是“{owner.label}"
            f"{owner.stated_value}{owner.unit}”的分项） / the parts after 其中 add up to the earlier "
            "total, not to the amount right before them; read as that total's parts",
            "核对原文（{}） / check the report ({})".format(
                *_both_places(findings, total, owner.orphans)
            ),
            (total.start, owner.orphans[-1].end),
        )
        owner.orphans = []


def _income(amount: Amount, lines: list[_Line]) -> None:
    """收入合计 is the year's income; its 其他收入 parts, and 其他资金来源 on its own, are income
    beside the budget appropriation. Income is what was received: the executed phase."""
    if amount.kind == "other_income":
        lines.append(_Line(Phase.EXECUTED, Item.OTHER_INCOME, None, amount))
        return
    lines.append(_Line(Phase.EXECUTED, Item.INCOME, None, amount))
    for part in amount.parts:
        if part.kind == "other_income":
            lines.append(_Line(Phase.EXECUTED, Item.OTHER_INCOME, None, part))


def _resolve(
    amount: Amount,
    lines: list[_Line],
    statements: list[tuple[str, Amount]],
    unread: list[Amount],
    reading: MoneyReading,
    findings: Findings,
) -> None:
    kind = amount.kind
    span = (amount.start, amount.end)
    if kind == "skip":
        return
    if kind is None or kind in ("unread", "unread:part"):
        unread.append(amount)
        for part in amount.parts:
            unread.append(part)
        return
    if kind in ("income", "other_income"):
        _income(amount, lines)
        return
    if kind == "allocated":
        findings.add(
            "import.I005",
            "info",
            f"“{amount.label}{amount.stated_value}{amount.unit}”（到位指标/资金）未作为预算数导入 / "
            "allocated funds are not imported as the budget",
            "如到位指标即调整后全年预算，请在资金信息中填写调整预算 / enter it as the adjusted "
            "budget if that is what it is",
            span,
        )
        return
    if kind == "personnel":
        findings.add(
            "import.I006",
            "info",
            f"“{amount.label}{amount.stated_value}{amount.unit}”是人员经费，不等于工资福利支出"
            "（常含抚恤金、生活补助），按“人员经费”导入 / personnel funds are not wages and "
            "benefits; imported as 人员经费",
            span=span,
        )
    if kind.startswith("asset:"):
        name = kind.split(":", 1)[1]
        if name == "total":
            # a table cell's 资产总额 never settled to net or original value (nor to 年初 / 年末):
            # no dossier field, not read (it once failed the whole import: assets.total)
            return
        if name in reading.assets:
            first = reading.asset_amounts.get(name)
            if (
                first is not None
                and reading.assets[name] != amount.value
                and _rounded_restatement(first, amount) is amount
            ):
                # the form's cell "资产总额  68,420.35" and the 说明's "资产总额6.84亿元": the
                # same figure rounded in one place, the precise one read
                reading.assets[name] = amount.value
                reading.asset_amounts[name] = amount
                reading.sources[f"assets.{name}"] = span
                return
            if reading.assets[name] != amount.value:
                findings.add(
                    "import.W003",
                    "warning",
                    f"资产数在报告中多处表述不一致：{amount.label}{amount.stated_value}{amount.unit} / "
                    "an asset figure is stated differently in two places",
                    span=span,
                )
            return
        reading.assets[name] = amount.value
        reading.asset_amounts[name] = amount
        reading.sources[f"assets.{name}"] = span
        return
    if kind == "adjusted?":
        reading.pending.append(amount)  # the adjusted budget, or the adjustment? (see _adjustments)
        return
    phase = amount.phase
    if kind == "carry_prior":
        phase = Phase.BUDGET_INITIAL
    elif kind == "carry_end":
        phase = Phase.EXECUTED
    elif kind == "supplement":
        phase = Phase.BUDGET_INITIAL
    if phase == BUDGET:
        phase = Phase.BUDGET_INITIAL
        if _WHOLE_YEAR_BUDGET.search(amount.label) or any(
            p.kind == "supplement" or (p.kind == "total" and p.phase == Phase.BUDGET_INITIAL)
            for p in amount.parts
        ):
            phase = Phase.BUDGET_ADJUSTED
    if phase is None and amount.default_phase is not None:
        reading.defaulted.append(amount)  # read once every explicit phase is known
        return
    if phase is None:
        unread.append(amount)  # settled after all lines are known: a repeat is not a problem
        return
    assert isinstance(phase, Phase)
    parts = amount.parts
    if kind == "sangong_total":
        for part in parts:
            lines.append(
                _Line(_part_phase(part, phase), part.item or Item.OTHER_SPENDING, None, part)
            )
        statements.append((f"{_prefix(phase)}.sangong", amount))
        return
    if kind == "sangong_item":
        lines.append(_Line(phase, amount.item or Item.OTHER_SPENDING, None, amount))
        return
    if kind in _MEMO_ITEMS:
        if not _carry_over_stated_again(kind, amount, lines):
            lines.append(_Line(phase, _MEMO_ITEMS[kind], None, amount))
        return

    item = amount.item if kind == "economic" and amount.item else Item.UNCLASSIFIED
    funding = amount.funding
    own_key = figure_key(phase, funding, item)
    steps = [p for p in parts if p.kind == "supplement" or p.kind == "total"]
    if kind == "total" and steps and phase is Phase.BUDGET_ADJUSTED:
        # 全年预算 = 年初预算 + 追加: its parts are the budget's steps, not its split
        lines.append(_Line(phase, Item.UNCLASSIFIED, None, amount))
        for part in steps:
            part_phase = Phase.BUDGET_INITIAL
            part_item = Item.SUPPLEMENT if part.kind == "supplement" else Item.UNCLASSIFIED
            lines.append(_Line(part_phase, part_item, None, part))
        return
    split = [p for p in parts if p.kind in ("funding", "economic")]
    if not split:
        lines.append(_Line(phase, item, funding, amount))
        return
    by_funding = {p.funding for p in split if p.kind == "funding"}
    economic = [p for p in split if p.kind == "economic"]
    funding_parts = [p for p in split if p.kind == "funding"]
    second_cut: list[Amount] = []
    if (
        by_funding == {Funding.BASIC, Funding.PROJECT}
        and economic
        and all(p.item for p in economic)
        and funding is None
    ):
        # "全年支出…，其中基本支出…、项目支出…；按经济分类，工资福利支出…": the whole cut twice, by
        # 基本/项目 (its split) and by economic class (lines with no funding, compared with the
        # total by _compare_the_two_cuts)
        second_cut, split, economic = economic, funding_parts, []
    _reconcile_units(amount, split, findings)
    total = sum((p.value for p in split), Decimal(0))
    complete = (by_funding == {Funding.BASIC, Funding.PROJECT} and not economic) or (
        not funding_parts and len(economic) >= 2 and total == amount.value
    )
    if complete and own_key:
        for part in split:
            if part.kind == "funding" and any(p.kind == "economic" for p in part.parts):
                # 基本支出 with its own economic classes: resolved as a total of its own
                part.phase = _part_phase(part, phase)
                _resolve(part, lines, statements, unread, reading, findings)
                continue
            part_item = part.item if part.kind == "economic" and part.item else Item.UNCLASSIFIED
            lines.append(_Line(_part_phase(part, phase), part_item, part.funding or funding, part))
        for part in second_cut:
            if part.item is not None:  # every class of the second cut names its item
                lines.append(_Line(_part_phase(part, phase), part.item, None, part))
        statements.append((own_key, amount))
        if total != amount.value:
            findings.add(
                "import.W005",
                "warning",
                f"{amount.label}{amount.stated_value}{amount.unit}与其分项合计{_sum_as_written(split)}"
                f"（{_listed(split)}）不符，合计按报告所写导入 / the parts do not add up to the "
                "stated total; the total is kept as stated",
                "核对原文各分项（{}） / check the parts in the report ({})".format(
                    *_both_places(findings, amount, split)
                ),
                _total_and_parts_span(amount, split),
            )
        return
    lines.append(_Line(phase, item, funding, amount))
    for part in split:
        part_item = part.item if part.kind == "economic" and part.item else Item.UNCLASSIFIED
        if funding is not None and part_item is not Item.UNCLASSIFIED:
            continue  # 基本支出's 工资福利 is not the department's 工资福利 figure (项目支出 has its own)
        key = figure_key(_part_phase(part, phase), part.funding or funding, part_item)
        if key:
            statements.append((key, part))
    if len(economic) >= 2 and total != amount.value:
        findings.add(
            "import.W005",
            "warning",
            f"{amount.label}{amount.stated_value}{amount.unit}与所列分项合计{_sum_as_written(split)}"
            f"（{_listed(split)}）不符，"
            + (
                "合计按报告所写导入，分项未导入 / the listed parts do not add up to the total; "
                "the total is kept as stated, the parts are not imported"
                if funding is not None
                else "分项作为报告所述数导入 / the listed parts do not add up to the total; "
                "parts kept as statements"
            ),
            "核对原文各分项（{}） / check the parts in the report ({})".format(
                *_both_places(findings, amount, split)
            ),
            _total_and_parts_span(amount, split),
        )


_OTHER_UNIT = {"元": "万元", "万元": "元"}


def _reconcile_units(amount: Amount, parts: list[Amount], findings: Findings) -> None:
    """A total and its parts that do not add up as written, but do when one of them is read in
    the other of 元 / 万元 ("支出1254.73元，其中基本支出823.15万元，项目支出431.58万元"): that one
    is read in the unit the arithmetic gives, its number unchanged, with a warning at both places.
    Nothing is re-read when the parts add up as written or more than one re-reading would."""
    if len(parts) < 2 or sum((p.value for p in parts), Decimal(0)) == amount.value:
        return
    values = [p.value for p in parts]
    readings: list[reconcile.Reading[tuple[Amount, str]]] = []
    for index, one in enumerate([amount, *parts]):
        unit = _OTHER_UNIT.get(one.unit)
        if unit is None:
            continue
        reread = one.stated_value * _UNIT_IN_WAN[unit]
        if index == 0:
            readings.append(reconcile.Reading(unit, reread, tuple(values), (one, unit)))
        else:
            changed = [*values[: index - 1], reread, *values[index:]]
            readings.append(reconcile.Reading(unit, amount.value, tuple(changed), (one, unit)))
    chosen = reconcile.choose(readings)
    if chosen is None:
        return
    one, unit = chosen.meaning
    findings.add(
        "import.W014",
        "warning",
        f"“{one.label}{one.stated_value}{one.unit}”按{unit}读取：这样{amount.label}与其分项才相符"
        f"（{_listed(parts)}） / read in {unit}: only then do the parts add up to the total",
        "核对原文的金额单位（{}） / check the unit in the report ({})".format(
            *_both_places(findings, amount, parts)
        ),
        (one.start, one.end),
    )
    one.value = one.stated_value * _UNIT_IN_WAN[unit]
    one.unit = unit


def _both_places(findings: Findings, total: Amount, parts: list[Amount]) -> tuple[str, str]:
    """("合计在第12段，分项在第12段至第13段", "total at 第12段, parts at 第12段-第13段"): where the
    total and its parts stand, for a hint that points at both."""
    source = findings.report.source

    def place(start: int, end: int) -> str:
        found = source(start, end)
        return found.locator or found.describe()

    total_at = place(total.start, total.end)
    first, last = place(parts[0].start, parts[0].end), place(parts[-1].start, parts[-1].end)
    zh_parts = first if first == last else f"{first}至{last}"
    en_parts = first if first == last else f"{first}-{last}"
    return f"合计在{total_at}，分项在{zh_parts}", f"total at {total_at}, parts at {en_parts}"


def _listed(parts: list[Amount]) -> str:
    """ "基本支出600.20万元＋项目支出212.20万元": the parts as the report writes them."""
    return "＋".join(f"{p.label}{p.stated_value}{p.unit}" for p in parts)


def _wan(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _sum_as_written(parts: list[Amount]) -> str:
    """ "59425355.05元": the sum of *parts* in the unit they are all written in (else 万元),
    with as many decimals as the most precise of them."""
    units = {part.unit for part in parts}
    if len(units) == 1:
        total = sum((part.stated_value for part in parts), Decimal(0))
        return f"{total:f}{units.pop()}"
    return f"{_wan(sum((part.value for part in parts), Decimal(0)))}万元"


def _total_and_parts_span(total: Amount, parts: list[Amount]) -> tuple[int, int]:
    """The place a total-and-parts finding points at: from the total to its last part, or the
    total alone when its parts come before it (a table above the sentence stating the total)."""
    if parts[-1].end <= total.start:
        return (total.start, total.end)
    return (total.start, parts[-1].end)


def _part_phase(part: Amount, head_phase: Phase) -> Phase:
    if isinstance(part.phase, Phase) and part.phase is not Phase.BUDGET_ADJUSTED:
        return part.phase
    return head_phase


def _partial_economic_keys(
    lines: list[_Line], statements: list[tuple[str, Amount]] | None = None
) -> set[str]:
    """Economic-class figures (budget.goods_services…) sum over 基本 and 项目. When a phase also
    has amounts without an economic class, those figures are incomplete: the report states a
    part of them, so they are not claimed as read — unless the classes stated without a funding
    are a second breakdown of the whole: they add up to the 基本 + 项目 of the same phase, or all
    four standard classes are there, or the report closes their list with its total ("以上合计"),
    then a difference is the report's own (import.W005)."""
    partial: set[str] = set()
    phases = {line.phase for line in lines}
    if Phase.BUDGET_ADJUSTED in phases:
        # the budget's figures are the adjusted budget's then: the initial budget, a total
        # beside them (年初预算 → 调整预算 with its classes), leaves them whole
        phases.discard(Phase.BUDGET_INITIAL)
    for phase in phases:
        here = [x for x in lines if x.phase is phase and x.item.is_composition]
        whole = _second_breakdown(here) or _all_standard_classes(here)
        if any(x.item is Item.UNCLASSIFIED for x in here) and not whole:
            prefix = _prefix(phase)
            partial |= {f"{prefix}.{name}" for name in _ECONOMIC_KEYS.values()}
    return partial - {key for key, amount in statements or [] if amount.listed_whole}


# what makes a class a part of 基本支出 / 项目支出 when it stands in their clause ("基本支出中，…")
_FUNDING_WORD = re.compile(r"基本(?:支出|经费)|项目(?:支出|经费)")
_CLAUSE_END = "。;；\n"
_CLAUSE_REACH = 120  # characters back to the clause's start


def _classes_stated_on_their_own(
    text: str, lines: list[_Line], statements: list[tuple[str, Amount]]
) -> set[str]:
    """The economic-class key of a phase whose prose states one class alone, once, of the whole
    phase: in a clause of its own that names no 基本 / 项目 支出 ("资本性支出231.86万元，主要用于…",
    "支出中对个人和家庭的补助318.60万元"), under no funding and not in a table or a numbered list
    (whose heading may be a funding's). Such a class is the whole class, though the phase's other
    money is cut by 基本 / 项目 only (see _partial_economic_keys); a list of two or more classes
    stays a partial cut unless it is whole."""
    stated: dict[str, list[tuple[Funding | None, Amount]]] = {}
    for line in lines:
        if line.item.is_composition and line.item is not Item.UNCLASSIFIED and line.key:
            stated.setdefault(line.key, []).append((line.funding, line.amount))
    for key, amount in statements:
        if amount.item in _ECONOMIC_KEYS or amount.item is Item.OTHER_SPENDING:
            stated.setdefault(key, []).append((amount.funding, amount))
    alone: set[str] = set()
    for prefix in ("budget", "executed"):
        keys = [key for key in stated if key.startswith(prefix + ".")]
        if len(keys) != 1 or keys[0].rsplit(".", 1)[1] not in _ECONOMIC_KEYS.values():
            continue
        found = stated[keys[0]]
        if len({amount.value for _, amount in found}) == 1 and all(
            funding is None and _class_clause_of_its_own(text, amount) for funding, amount in found
        ):
            alone.add(keys[0])
    return alone


def _class_clause_of_its_own(text: str, amount: Amount) -> bool:
    """*amount* (an economic class) stands in a prose clause naming no funding, under no head
    with a funding, not opening a numbered list item."""
    if amount.table or (amount.head is not None and amount.head.funding is not None):
        return False
    reach = max(0, amount.start - _CLAUSE_REACH)
    start = max(text.rfind(mark, reach, amount.start) for mark in _CLAUSE_END)
    if start < 0:
        return False  # no clause start within reach: too long to tell
    clause = text[start + 1 : amount.start]
    if _FUNDING_WORD.search(clause + amount.label):
        return False
    return not (text[start] == "\n" and _LIST_NUMBER.match(clause))


def _whole_stated_cut(statements: list[tuple[str, Amount]]) -> set[str]:
    """The economic-class keys of a phase whose four standard classes are all stated (a whole
    second cut, as the report states it, compared with the total by _compare_the_two_cuts)."""
    keys = {key for key, _ in statements}
    whole: set[str] = set()
    for prefix in ("budget", "executed"):
        cut = {f"{prefix}.{name}" for name in _ECONOMIC_KEYS.values()}
        if cut <= keys:
            whole |= cut
    return whole


def _second_breakdown(here: list[_Line]) -> bool:
    """One phase's lines hold the whole twice: by 基本 + 项目 and by economic class (no funding),
    the two adding up to the same sum (core.figures.one_breakdown then takes one of them)."""
    by_funding = [x for x in here if x.funding is not None]
    by_class = [x for x in here if x.funding is None and x.item is not Item.UNCLASSIFIED]
    if len(by_class) < 2 or {x.funding for x in by_funding} != {Funding.BASIC, Funding.PROJECT}:
        return False
    if any(x.funding is None and x.item is Item.UNCLASSIFIED for x in here):
        return False
    total = sum((x.amount.value for x in by_funding), Decimal(0))
    return sum((x.amount.value for x in by_class), Decimal(0)) == total


_STANDARD_CLASSES = frozenset(_ECONOMIC_KEYS)


def _all_standard_classes(here: list[_Line]) -> bool:
    """One phase's lines hold each of the four standard economic classes once, with no funding:
    a whole second cut of the money, as stated. Classes of the same cut beside the four
    (对企业补助, 债务利息及费用支出…: Item.OTHER_SPENDING) do not make it less whole."""
    by_class = [
        x.item
        for x in here
        if x.funding is None and x.item not in (Item.UNCLASSIFIED, Item.OTHER_SPENDING)
    ]
    return len(by_class) == len(_STANDARD_CLASSES) and set(by_class) == _STANDARD_CLASSES


def _second_cut_differs(total: Amount, by_class: list[_Line], findings: Findings) -> None:
    """import.W005 when the economic classes stated beside a 基本/项目 split are surely a second
    cut of the whole that does not add up: they exceed the total, all four standard classes are
    there, or the report closed their list with its total ("以上合计"). (Two or three classes that
    add up to less may be a partial list: no finding.)"""
    classes = sum((x.amount.value for x in by_class), Decimal(0))
    complete = {x.item for x in by_class} >= _STANDARD_CLASSES or all(
        x.amount.listed_whole for x in by_class
    )
    if classes == total.value or not (classes > total.value or complete):
        return
    parts = [x.amount for x in by_class]
    findings.add(
        "import.W005",
        "warning",
        f"按经济分类所列支出合计{_wan(classes)}万元（{_listed(parts)}）与{total.label}"
        f"{total.stated_value}{total.unit}不符 / the economic classes do not add up to the "
        "total that the 基本/项目 split adds up to",
        "核对原文各分项（{}） / check the parts in the report ({})".format(
            *_both_places(findings, total, parts)
        ),
        (parts[0].start, parts[-1].end),
    )


def _compare_the_two_cuts(
    lines: list[_Line], statements: list[tuple[str, Amount]], findings: Findings
) -> None:
    """A phase read twice, by 基本/项目 (lines) and by economic class (lines with no funding):
    the classes are compared with the stated total of the phase, else with 基本 + 项目."""
    for phase in dict.fromkeys(x.phase for x in lines):
        here = [x for x in lines if x.phase is phase and x.item.is_composition]
        by_funding = [x for x in here if x.funding is not None]
        by_class = [x for x in here if x.funding is None and x.item is not Item.UNCLASSIFIED]
        if len(by_class) < 2 or {x.funding for x in by_funding} != {Funding.BASIC, Funding.PROJECT}:
            continue
        if any(x.funding is None and x.item is Item.UNCLASSIFIED for x in here):
            continue  # a total line: _unnest compared it with each cut
        key = figure_key(phase, None, Item.UNCLASSIFIED)
        total = next((amount for k, amount in statements if k == key), None)
        if total is None:
            total = by_funding[-1].amount  # the place to point at: the split
            value = sum((x.amount.value for x in by_funding), Decimal(0))
            if value == sum((x.amount.value for x in by_class), Decimal(0)):
                continue
            total = Amount(
                value, value, "万元", total.start, total.end, "基本支出与项目支出合计", None, phase
            )
        _second_cut_differs(total, by_class, findings)


def _bare_budget_as_the_adjusted(lines: list[_Line]) -> None:
    """ "全年预算1,624.80万元" in the prose, and a table's bare 预算数 column ("项目 | 预算数 | 决算数" /
    "基本支出 | 1,086.40 | …" / "项目支出 | 538.40 | …" / "合计 | 1,624.80 | …") whose 合计 is that
    same amount: the column is the adjusted budget, its 基本/项目 rows the adjusted budget's split
    (a bare budget word is otherwise the initial budget). Only when the column's total equals the
    one adjusted total stated and its 基本 + 项目 add up to it, or when the column has no other row
    read (its 合计 alone)."""
    adjusted = {
        x.amount.value
        for x in lines
        if x.phase is Phase.BUDGET_ADJUSTED and x.item is Item.UNCLASSIFIED and x.funding is None
    }
    if len(adjusted) != 1:
        return
    (total,) = adjusted
    bare = [
        x
        for x in lines
        if x.phase is Phase.BUDGET_INITIAL and x.amount.phase == BUDGET and x.amount.table
    ]
    whole = [x for x in bare if x.item is Item.UNCLASSIFIED and x.funding is None]
    split = {x.funding: x.amount.value for x in bare if x.item is Item.UNCLASSIFIED and x.funding}
    if len(whole) != 1 or whole[0].amount.value != total:
        return
    if not split and all(x is whole[0] for x in bare):
        # the column's 合计 alone (its rows are functions or projects, not read): the same
        # amount as the adjusted total stated, the adjusted total ("合    计 | 1,642.85 | …")
        whole[0].phase = Phase.BUDGET_ADJUSTED
        return
    if set(split) != {Funding.BASIC, Funding.PROJECT} or sum(split.values()) != total:
        return
    if len([x for x in bare if x.item is Item.UNCLASSIFIED and x.funding]) != 2:
        return
    for line in bare:
        line.phase = Phase.BUDGET_ADJUSTED


# the clause opened by the adjusted budget as a whole ("全年预算中，基本支出预算…，项目支出预算…",
# "调整后预算中：…", "在全年预算中"): the bare budgets after it are its parts
_UNDER_THE_ADJUSTED = re.compile(
    r"(?:全年|调整后|变动后|追加后)(?:部门)?预算(?:数|支出)?中[，,:：]?$"
)
_CLAUSE_WINDOW = 16


def _opened_by_the_adjusted(text: str, first: Amount) -> bool:
    """The pair's first part follows "全年预算中，" in its sentence (its label's start)."""
    at = (
        first.start - len(first.label)
        if text[first.start - len(first.label) : first.start] == first.label
        else first.start
    )
    before = text[max(at - _CLAUSE_WINDOW, 0) : at]
    before = re.split(r"[。；;\n]", before)[-1]
    return bool(_UNDER_THE_ADJUSTED.search(before))


def _bare_classes_as_the_adjusted(lines: list[_Line]) -> None:
    """ "全年预算数为12,486.93万元。预算数中工资福利支出1,412.36万元，商品和服务支出…": economic
    classes written with a bare budget word (otherwise the initial budget's) that add up to the
    one adjusted total stated, and not to the initial total, are the adjusted budget's classes
    (reconciliation: the reading under which the parts add up). No class twice."""
    adjusted = {
        x.amount.value
        for x in lines
        if x.phase is Phase.BUDGET_ADJUSTED and x.item is Item.UNCLASSIFIED and x.funding is None
    }
    split = [
        x.amount.value
        for x in lines
        if x.phase is Phase.BUDGET_ADJUSTED and x.item is Item.UNCLASSIFIED and x.funding
    ]
    if len(split) == 2:
        adjusted.add(sum(split, Decimal(0)))  # the adjusted 基本 + 项目: its total, stated or not
    initial = {
        x.amount.value
        for x in lines
        if x.amount.phase is Phase.BUDGET_INITIAL
        and x.item is Item.UNCLASSIFIED
        and x.funding is None
    }
    classes = [
        x
        for x in lines
        if x.phase is Phase.BUDGET_INITIAL
        and x.amount.phase == BUDGET
        and x.amount.kind == "economic"
        and x.funding is None
    ]
    items = [x.item for x in classes]
    if len(adjusted) != 1 or len(classes) < 2 or len(set(items)) != len(items):
        return
    total = sum((x.amount.value for x in classes), Decimal(0))
    if total in adjusted and total not in initial:
        for line in classes:
            line.phase = Phase.BUDGET_ADJUSTED


def _bare_split_as_the_adjusted(lines: list[_Line], text: str) -> None:
    """ "年初预算1,286.40万元，…调整后预算1,502.00万元。按经费性质分：基本支出预算862.35万元，项目支出
    预算639.65万元": a 基本/项目 pair written with a bare budget word (otherwise the initial budget)
    that adds up to the one adjusted total stated, and not to the initial total, is the adjusted
    budget's split (reconciliation: the reading under which the parts add up). Only the one such
    pair in the report; a pair adding up to both, or to neither, keeps its phase."""
    adjusted = {
        x.amount.value
        for x in lines
        if x.phase is Phase.BUDGET_ADJUSTED and x.item is Item.UNCLASSIFIED and x.funding is None
    }
    initial = {
        x.amount.value
        for x in lines
        if x.phase is Phase.BUDGET_INITIAL and x.item is Item.UNCLASSIFIED and x.funding is None
    }
    pair = [
        x
        for x in lines
        if x.phase is Phase.BUDGET_INITIAL
        and x.amount.phase == BUDGET
        and x.item is Item.UNCLASSIFIED
        and x.funding in (Funding.BASIC, Funding.PROJECT)
    ]
    if (
        len(adjusted) != 1
        or len(pair) != 2
        or {x.funding for x in pair}
        != {
            Funding.BASIC,
            Funding.PROJECT,
        }
    ):
        return
    total = sum((x.amount.value for x in pair), Decimal(0))
    first = min(pair, key=lambda x: x.amount.start)
    if (total in adjusted and total not in initial) or _opened_by_the_adjusted(text, first.amount):
        for line in pair:
            line.phase = Phase.BUDGET_ADJUSTED


def _settle_phases(lines: list[_Line]) -> None:
    """Carry-overs belong to the budget / spending phase the dossier actually uses."""
    phases = {line.phase for line in lines if line.item.is_composition}
    budget = Phase.BUDGET_ADJUSTED if Phase.BUDGET_ADJUSTED in phases else Phase.BUDGET_INITIAL
    executed = (
        Phase.EXECUTED if Phase.EXECUTED in phases or Phase.FINAL not in phases else Phase.FINAL
    )
    for line in lines:
        if line.item is Item.CARRYOVER_PRIOR:
            line.phase = budget
        elif line.item is Item.CARRYOVER_END:
            line.phase = executed
        elif not line.item.is_composition and line.item is not Item.SUPPLEMENT:
            # "三公经费预算数", "公用经费预算": a budget without initial/adjusted is the one in use
            if line.amount.phase == BUDGET:
                line.phase = budget
            elif line.amount.phase in (Phase.EXECUTED, Phase.FINAL):
                line.phase = executed


def _final_below_implied_classes(lines: list[_Line]) -> None:
    """ "决算支出（万元）：597.31" / "其中：基本支出（万元）：495.06" / …, then "（二）支出结构" /
    "工资福利支出（万元）：421.35" / …: the only spending beside a 决算 total is the four standard
    economic classes, read as the year's spending only because an evaluation report implies it
    (import.I010), and they sum to more than the 决算 total: no part of it can be so large, so
    they are the year's whole spending cut by class and the 决算 is that same spending (its lines
    read as spending; the classes then compared with it, W005). Classes summing to less may be a
    part's breakdown or a partial cut: the phases stay apart."""
    executed = [x for x in lines if x.phase is Phase.EXECUTED]
    if not executed or not all(
        x.amount.implied and x.funding is None and x.item in _ECONOMIC_KEYS for x in executed
    ):
        return
    if len({x.item for x in executed}) != len(executed) or len(executed) < 4:
        return
    final = [x for x in lines if x.phase is Phase.FINAL and x.item is Item.UNCLASSIFIED]
    whole = [x.amount.value for x in final if x.funding is None]
    split = [x.amount.value for x in final if x.funding is not None]
    if len(split) == 2:
        whole.append(sum(split, Decimal(0)))
    by_class = sum((x.amount.value for x in executed), Decimal(0))
    if not whole or any(by_class <= total for total in whole):
        return
    for line in lines:
        if line.phase is Phase.FINAL:
            line.phase = Phase.EXECUTED


def _final_as_executed(lines: list[_Line]) -> None:
    """决算 amounts beside 执行 amounts: the same year's spending when the arithmetic says so — a
    total of one equals a total of the other, or the sum of the other's 基本 + 项目 ("支出合计760
    万元" in the prose, a table's 决算数 480 + 280). Then the 决算 lines are read as spending, so
    the figures use them with the prose's total (and _unnest compares the two); otherwise the two
    phases stay apart."""

    def totals(phase: Phase) -> list[Decimal]:
        here = [x for x in lines if x.phase is phase and x.item is Item.UNCLASSIFIED]
        found = [x.amount.value for x in here if x.funding is None]
        split = [x.amount.value for x in here if x.funding is not None]
        if len(split) >= 2:
            found.append(sum(split, Decimal(0)))
        found += _by_class_total(lines, phase)
        return found

    executed, final = totals(Phase.EXECUTED), totals(Phase.FINAL)
    readings = [reconcile.Reading("same spending", a, (b,), None) for a in executed for b in final]
    if not any(reading.adds_up for reading in readings):
        return
    for line in lines:
        if line.phase is Phase.FINAL:
            line.phase = Phase.EXECUTED


def _by_class_total(lines: list[_Line], phase: Phase) -> list[Decimal]:
    """The sum of a phase's economic classes stated without a funding (two or more): the whole
    cut by class ("按经济分类，工资福利支出…" read as spending beside a 决算 total)."""
    by_class = [
        x.amount.value
        for x in lines
        if x.phase is phase and x.funding is None and x.item in _ECONOMIC_KEYS
    ]
    if by_class:
        by_class += _other_classes(lines, phase)
    return [sum(by_class, Decimal(0))] if len(by_class) >= 2 else []


def _other_classes(lines: list[_Line], phase: Phase) -> list[Decimal]:
    """A phase's classes beside the four standard ones (对企业补助…, Item.OTHER_SPENDING) stated
    without a funding: part of the same cut by class."""
    return [
        x.amount.value
        for x in lines
        if x.phase is phase and x.funding is None and x.item is Item.OTHER_SPENDING
    ]


def _quantum(amount: Amount) -> Decimal:
    """The last place an amount is written to, in 万元 ("512.7万元": 0.1; "5,127,400.00元": 0.000001)."""
    exponent = amount.stated_value.as_tuple().exponent
    places = exponent if isinstance(exponent, int) else 0
    return Decimal(1).scaleb(places) * _UNIT_IN_WAN[amount.unit]


def _proven_total_first(
    lines: list[_Line], statements: list[tuple[str, Amount]]
) -> list[tuple[str, Amount]]:
    """A total stated twice, differently ("支出合计1,872.36万元" in the prose, "年度资金总额 | … |
    1,872.63" in the form), where one is what the phase's 基本 + 项目 make and the other is not:
    that one is stated first, so it is the figure read; both stay statements, for the checks to
    compare them. (A total read as a line from the form counts as one of its statements.)"""
    values: dict[str, set[Decimal]] = {}
    for line in lines:
        if line.key:
            values.setdefault(line.key, set()).add(line.amount.value)
    for key, amount in statements:
        values.setdefault(key, set()).add(amount.value)
    ordered = list(statements)
    for key in dict.fromkeys(k for k, _ in statements):
        prefix, name = key.rsplit(".", 1)
        basic, project = (
            values.get(f"{prefix}.basic", set()),
            values.get(f"{prefix}.project", set()),
        )
        if name != "total" or len(basic) != 1 or len(project) != 1:
            continue
        made = next(iter(basic)) + next(iter(project))
        places = [n for n, (k, _) in enumerate(ordered) if k == key]
        candidates = [ordered[n][1] for n in places]
        candidates += [
            x.amount
            for x in lines
            if x.key == key and x.item is Item.UNCLASSIFIED and not x.funding
        ]
        proven = [a for a in candidates if a.value == made]
        if (
            not proven
            or all(a.value == made for a in candidates)
            or ordered[places[0]][1].value == made
        ):
            continue
        at = next((n for n in places if ordered[n][1].value == made), None)
        if at is not None:
            ordered.insert(places[0], ordered.pop(at))  # stated already: first now
        else:
            ordered.insert(places[0], (key, proven[0]))  # the form's line, stated first
    return ordered


def _precise_statement_first(statements: list[tuple[str, Amount]]) -> list[tuple[str, Amount]]:
    """A total stated twice as statements (each beside parts that add up to it: the prose's
    "全年预算数826.4万元，其中基本支出512.0万元…", the 自评表's "全年预算数：826.43" / "其中基本支出：
    512.04" …) whose every statement is one of them rounded, or the same: the precise one goes
    first, so it is the figure read (as `_unnest` does for lines). Statements that truly differ
    keep their order (import.W003 and the restated-figure rule settle those)."""
    ordered = list(statements)
    for key in dict.fromkeys(k for k, _ in statements):
        places = [n for n, (k, _) in enumerate(ordered) if k == key]
        amounts = [ordered[n][1] for n in places]
        if len({a.value for a in amounts}) < 2:
            continue
        precise = next(
            (
                a
                for a in amounts
                if all(b.value == a.value or _rounded_restatement(a, b) is a for b in amounts)
            ),
            None,
        )
        if precise is None or precise is amounts[0]:
            continue
        at = next(n for n in places if ordered[n][1] is precise)
        ordered.insert(places[0], ordered.pop(at))
    return ordered


def _rounded_restatement(one: Amount, other: Amount) -> Amount | None:
    """The more precise of two statements of one figure when the less precise one is it rounded
    ("512.7万元" in prose, "512.74" in the 自评表; "513万元" and "5,127,400.00元"): that one is read,
    the other is no contradiction. None when they differ beyond the rounding, or are written to
    the same places."""
    coarse, fine = sorted((one, other), key=_quantum, reverse=True)
    if _quantum(coarse) == _quantum(fine):
        return None
    # by the step itself, not its exponent: 233.28亿元 is a step of 100万元 (100.00 as written)
    step = _quantum(coarse)
    rounded = (fine.value / step).to_integral_value(rounding=ROUND_HALF_UP) * step
    return fine if rounded == coarse.value else None


def _final_as_rounded_spending(lines: list[_Line]) -> None:
    """A 决算 table's figure the prose states rounded as the year's spending ("基本支出4.10亿元" /
    "一、基本支出 | … | 409,871,226.50" under 决算数): the same money, so the table's lines take
    the spending's places, where the precise ones are read and the rounded ones are no
    contradiction."""
    spent = {(line.item, line.funding): line for line in lines if line.phase is Phase.EXECUTED}
    rounded = any(
        line.phase is Phase.FINAL
        and line.amount.table
        and (other := spent.get((line.item, line.funding))) is not None
        and _rounded_restatement(other.amount, line.amount) is line.amount
        for line in lines
    )
    if rounded:  # the table's 决算 column is the spending the prose rounds: all its lines
        for line in lines:
            if line.phase is Phase.FINAL and line.amount.table:
                line.phase = Phase.EXECUTED


def _unnest(
    lines: list[_Line],
    statements: list[tuple[str, Amount]],
    findings: Findings | None = None,
    conflicts: list[tuple[_Line, Amount, Amount]] | None = None,
) -> list[_Line]:
    """No line may contain another (a total beside its own parts) or repeat one: those become
    statements, so the figures never count an amount twice."""
    kept: list[_Line] = []
    by_place: dict[tuple[Phase, Item, Funding | None], _Line] = {}
    restated: set[int] = set()
    _final_as_rounded_spending(lines)
    for line in lines:
        place = (line.phase, line.item, line.funding)
        if line.item.is_composition and line.funding is None and line.item is not Item.UNCLASSIFIED:
            # the same class again without its funding (a summary table): the amount stated again
            same = next(
                (
                    k
                    for k in kept
                    if (k.phase, k.item) == (line.phase, line.item)
                    and k.amount.value == line.amount.value
                ),
                None,
            )
            if same is not None:
                continue
        if line.item.is_composition and place in by_place:
            first = by_place[place]
            if line.key:
                # stated twice: both statements go to the checks (stated.E001 compares them)
                if id(first) not in restated:
                    restated.add(id(first))
                    statements.append((line.key, first.amount))
                statements.append((line.key, line.amount))
            if line.amount.value == first.amount.value:
                continue
            precise = _rounded_restatement(first.amount, line.amount)
            if precise is not None:
                # the same figure, rounded in one place: no contradiction; the precise one is read
                # and stated first (the figure a statement stands in for is the first one)
                if precise is line.amount and line.key:
                    coarse = next(
                        (n for n, (_, a) in enumerate(statements) if a is first.amount), None
                    )
                    if coarse is not None:
                        statements.insert(coarse, statements.pop())
                first.amount = precise
                continue
            if conflicts is not None:
                conflicts.append((first, first.amount, line.amount))
            if findings is not None:
                findings.add(
                    "import.W003",
                    "warning",
                    f"同一金额前后不一致：“{first.amount.label}{first.amount.stated_value}{first.amount.unit}”与"
                    f"“{line.amount.label}{line.amount.stated_value}{line.amount.unit}” / the same amount is "
                    "stated differently in two places",
                    "核对哪一处正确 / check which statement is right",
                    (line.amount.start, line.amount.end),
                )
            continue
        by_place[place] = line
        kept.append(line)
    demoted: set[int] = set()

    def demote(line: _Line) -> None:
        demoted.add(id(line))
        if line.key:
            statements.append((line.key, line.amount))

    def total_of(group: list[_Line]) -> Decimal:
        return sum((line.amount.value for line in group), Decimal(0))

    # in the order the phases first appear (a set's order changes from run to run)
    for phase in dict.fromkeys(line.phase for line in kept):
        here = [line for line in kept if line.phase is phase and line.item.is_composition]
        if any(not x.amount.table and x.funding is not None for x in here):
            # the prose splits by 基本/项目: a table's classes without funding are another cut of
            # the same money (总额 by economic class), which the lines cannot hold twice
            split = [x for x in here if not x.amount.table and x.funding is not None]
            # (a table's total the prose's 基本 + 项目 add up to is the whole they split, not
            # another cut: "年度资金总额 | 486.50 | 532.18 | …" above "全年预算中基本支出…、项目支出…")
            cut = [
                x
                for x in here
                if x.amount.table
                and x.funding is None
                and not (x.item is Item.UNCLASSIFIED and _split_adds_up_to(split, x))
            ]
            classes = [x for x in cut if x.item is not Item.UNCLASSIFIED]
            if not _second_breakdown(split + classes):
                # (a cut adding up to the prose's 基本 + 项目 is the whole twice: both kept)
                demoted.update(id(x) for x in cut)
                if _funding_split(split) and _all_standard_classes(classes):
                    # the four standard classes are the whole cut again, and they miss the sum
                    # the prose's 基本 + 项目 add up to: each class kept as stated, the miss
                    # reported (import.W005), "决算数 | 3,998.61 …" under "其中：基本支出…"
                    for line in classes:
                        if line.key:
                            statements.append((line.key, line.amount))
                    whole = next(
                        (
                            x
                            for x in here
                            if x.item is Item.UNCLASSIFIED
                            and x.funding is None
                            and x.amount.value == total_of(split)
                        ),
                        None,
                    )
                    if findings is not None and whole is not None:
                        _second_cut_differs(whole.amount, classes, findings)
            here = [x for x in here if id(x) not in demoted]
        funds = {
            line.funding: line for line in here if line.item is Item.UNCLASSIFIED and line.funding
        }
        # 1. economic classes under 基本支出 / 项目支出: the parts stay when they add up
        for funding, head in funds.items():
            parts = [x for x in here if x.funding is funding and x.item is not Item.UNCLASSIFIED]
            if parts:
                for line in [head] if total_of(parts) == head.amount.value else parts:
                    demote(line)
        # 2. economic classes stated without their funding (a table's rows)
        loose = [x for x in here if x.funding is None and x.item is not Item.UNCLASSIFIED]
        if loose and funds:
            match = next(
                (
                    f
                    for f, head in funds.items()
                    if id(head) not in demoted and total_of(loose) == head.amount.value
                ),
                None,
            )
            if match is not None:
                for line in loose:
                    line.funding = match
                demote(funds[match])
        # 3. the total beside its parts: kept as a statement when the parts add up
        for head in [x for x in here if x.item is Item.UNCLASSIFIED and x.funding is None]:
            parts = [x for x in here if x is not head and id(x) not in demoted]
            if not parts:
                continue
            # the parts may be the total cut twice: by 基本/项目 and by economic class
            by_funding = [x for x in parts if x.funding is not None]
            by_class = [x for x in parts if x.funding is None]
            cuts = [by_funding, by_class] if by_funding and by_class else [parts]
            adding = [cut for cut in cuts if total_of(cut) == head.amount.value]
            if adding:
                demote(head)
                for cut in cuts:
                    if cut not in adding:
                        if cut is by_class and findings is not None:
                            _second_cut_differs(head.amount, by_class, findings)
                        elif cut is by_funding and findings is not None:
                            _funding_cut_differs(head.amount, by_funding, findings)
                        for line in cut:
                            demote(line)
            elif _funding_split(parts):
                # the total kept as stated (a statement), the split as lines: the checks then
                # report executed.E001 / budget.E001 at the total, as for a 其中 split
                if findings is not None:
                    _split_differs(head.amount, parts, findings)
                demote(head)
            else:
                if (
                    findings is not None
                    and all(x.funding is None for x in parts)
                    and _all_standard_classes(parts)
                ):
                    # "合计 | 860.00 | 840.00" over the four classes' rows adding up to 830.00
                    _class_cut_differs(head.amount, [x.amount for x in parts], findings)
                for line in parts:
                    demote(line)
    return [line for line in kept if id(line) not in demoted]


def _class_cut_differs(total: Amount, parts: list[Amount], findings: Findings) -> None:
    """import.W005 when the four standard economic classes, the whole cut of a phase with no
    基本/项目 split beside them, miss the total stated with them (a table's 合计 row over its class
    rows): both kept as stated, the difference reported at both places."""
    classes = sum((x.value for x in parts), Decimal(0))
    if classes == total.value:
        return
    findings.add(
        "import.W005",
        "warning",
        f"按经济分类所列合计{_wan(classes)}万元（{_listed(parts)}）与{total.label}"
        f"{total.stated_value}{total.unit}不符，均按报告所写导入 / the four economic classes do not "
        "add up to the total stated with them; both kept as stated",
        "核对原文各分项（{}） / check the parts in the report ({})".format(
            *_both_places(findings, total, parts)
        ),
        (parts[0].start, parts[-1].end),
    )


def _split_adds_up_to(split: list[_Line], total: _Line) -> bool:
    """Exactly one 基本支出 and one 项目支出 (no class of their own) adding up to *total*."""
    return (
        _funding_split(split)
        and sum((x.amount.value for x in split), Decimal(0)) == total.amount.value
    )


def _funding_split(parts: list[_Line]) -> bool:
    """Exactly one 基本支出 and one 项目支出, with no economic class: a split of the phase."""
    fundings = sorted(str(x.funding) for x in parts)
    return fundings == sorted(str(f) for f in Funding) and all(
        x.item is Item.UNCLASSIFIED for x in parts
    )


def _source_cut_differs(report: ReportText, findings: Findings, evaluation: bool) -> None:
    """import.W005 for a form's money block whose rows by source of funds under its total row
    ("资金总额 | 2863450.00" / "财政拨款 | 2563450.00" / "其他资金 | 320000.00") do not add up to it
    in a column where its 基本支出 + 项目支出 rows do (the total is proven, the cut by source
    misses: the report's own difference). Two source rows or more (其中 or not: 财政拨款, 一般
    公共预算, 政府性基金, 上年结转, 其他资金…, each once); nothing is read from them either way."""
    for rows, above in _tables(report):
        amounts = {a.end: a for a in _read_table(rows, above, evaluation=evaluation)}
        by_row: list[tuple[str, list[Amount | None]]] = []
        _, header_rows = table_header(rows)
        width = max(len(row.text.split("\t")) for row in rows)
        for row in rows[header_rows:]:
            cells = row.text.split("\t")
            label = _PART_ROW.sub("", _NUMBERING.sub("", cells[0].strip())).strip()
            found: list[Amount | None] = [None] * width
            for amount in amounts.values():
                if row.start < amount.end <= row.start + len(row.text):
                    column = row.text[: amount.end - row.start].count("\t")
                    found[column] = amount
            by_row.append((label, found))
        _source_rows_against_total(by_row, width, findings)


# a source of funds in a sentence's 其中 list ("其中：财政拨款1,100.00万元，上年结转80.00万元，其他
# 资金10.00万元"): the budget's or the income's sources, which together make it
_SOURCE_IN_LIST = re.compile(
    r"(?:本年|当年|年度)?(?:一般公共预算)?(?:财政)?拨款(?:收入|资金)?|一般公共预算(?:收入|资金)?|"
    r"政府性基金(?:预算)?(?:拨款)?(?:收入|资金)?|国有资本经营预算(?:收入|资金)?|"
    r"上年结转(?:结余)?(?:资金|收入)?|事业收入|经营收入|上级补助(?:收入|资金)?|"
    r"附属单位上缴收入|(?:单位)?自有资金|非财政(?:拨款)?资金|其他(?:资金|收入)"
)
# the total such a list cuts: a budget or an income, never spending
_SOURCED_TOTAL = re.compile(
    r"(?:预算|收入|资金总额|资金)(?:数|总额|合计|总计)?(?:为|是|共计|合计)?$"
)
_LIST_REACH = 300  # characters: a total's clause, a 其中 list
# a clause's end in a list: 、 or a comma that is not a thousands separator ("1,200.00")
_CLAUSE_MARK = re.compile(r"[。;、]|,(?!\d{3})")
_LIST_PART = re.compile(rf"^\s*([{CJK}()]{{2,20}}?)(?:为|是)?\s*({NUMBER})(亿元|万元|千元|元)\s*$")


def _source_lists_differ(report: ReportText, findings: Findings) -> None:
    """import.W005 for a budget or income total whose 其中 list names its sources of funds and
    misses it: "全年预算1,200.00万元，其中：财政拨款1,100.00万元，上年结转80.00万元，其他资金
    10.00万元" (1,190 ≠ 1,200). Every part of the list must be a source (a list of anything else
    is another cut), two at least, each once; a list that may be partial (two or more sources
    summing to less, none of them 其他, no third) is passed over. Nothing is read from it."""
    for line in report.lines:
        for opening in re.finditer(r"[,，]?\s*其中[:：]?", line.text):
            total = _total_before(line.text, opening.start())
            parts = _source_parts_after(line.text, opening.end())
            if total is None or len(parts) < 2:
                continue
            value, label, start, _ = total
            summed = sum((part[0] for part in parts), Decimal(0))
            if summed == value:
                continue
            catch_all = any(part[1].startswith("其他") for part in parts)
            if summed < value and not catch_all and len(parts) < 3:
                continue
            listed = "＋".join(part[3] for part in parts)
            where = report.source(line.start + start, line.start + parts[-1][2]).locator
            findings.add(
                "import.W005",
                "warning",
                f"{label}与其按资金来源所列分项合计{_wan(summed)}万元（{listed}）"
                "不符 / the sources of funds listed do not add up to the stated total",
                f"核对原文各资金来源（{where}） / check the sources of funds ({where})",
                (line.start + start, line.start + parts[-1][2]),
            )


def _total_before(text: str, at: int) -> tuple[Decimal, str, int, int] | None:
    """(value in 万元, label, start, end) of the budget or income amount ending right before *at*."""
    reach = max(0, at - _LIST_REACH)  # a clause, never the whole line (linear on any text)
    clause = max((m.end() for m in _CLAUSE_MARK.finditer(text, reach, at)), default=reach)
    matches = list(_AMOUNT.finditer(text, clause, at))
    if not matches or text[matches[-1].end() : at].strip(" ,，"):
        return None
    match = matches[-1]
    label = re.sub(r"^(?:\d{4}年(?:度)?)?(?:全年|本年|年度)?", "", text[clause : match.start()])
    value = parse_number(match.group(1))
    if value is None or not _SOURCED_TOTAL.search(text[clause : match.start()]):
        return None
    if _SOURCE_IN_LIST.fullmatch(label.strip()):
        return None  # a source's own amount, not the total
    written = text[clause : match.end()].strip()
    unit = "万元" if match.group(2) == "万" else match.group(2)  # "2,356.80万，其中…"
    return value * _UNIT_IN_WAN[unit], written, clause, match.end()


def _source_parts_after(text: str, at: int) -> list[tuple[Decimal, str, int, str]]:
    """The list after 其中: (value in 万元, source, end, as written) for each part, up to the
    sentence's end; [] when a part is not a source of funds or a source comes twice."""
    reach = min(len(text), at + _LIST_REACH)
    end = min((i for mark in "。;；\n" if (i := text.find(mark, at, reach)) >= 0), default=reach)
    parts: list[tuple[Decimal, str, int, str]] = []
    position = at
    for piece in _CLAUSE_MARK.split(text[at:end]):
        match = _LIST_PART.match(piece)
        position += len(piece) + 1
        if not match or not _SOURCE_IN_LIST.fullmatch(match.group(1)):
            return []
        value = parse_number(match.group(2))
        if value is None or any(part[1] == match.group(1) for part in parts):
            return []
        written = f"{match.group(1)}{match.group(2)}{match.group(3)}"
        parts.append((value * _UNIT_IN_WAN[match.group(3)], match.group(1), position - 1, written))
    return parts


def _by_source(parts: list[Amount]) -> str:
    """ "财政拨款调整后预算数2563450.00元＋其他资金…": the rows by source, their 其中 left out."""
    return "＋".join(f"{_PART_ROW.sub('', p.label)}{p.stated_value}{p.unit}" for p in parts)


_SOURCE_PART = re.compile(rf"{_SOURCE_ROW.pattern}|上年结转(?:结余)?(?:资金)?")


def _source_rows_against_total(
    by_row: list[tuple[str, list[Amount | None]]], width: int, findings: Findings
) -> None:
    totals = [i for i, (label, _) in enumerate(by_row) if _TOTAL_ROW_LABEL.fullmatch(label)]
    if len(totals) != 1:
        return
    first = totals[0]
    sources: dict[str, list[Amount | None]] = {}
    funding: dict[Funding, list[Amount | None]] = {}
    for label, cells in by_row[first + 1 :]:
        if _SOURCE_PART.fullmatch(label):
            if label in sources:
                return
            sources[label] = cells
        elif classify(label)[0] == "funding" and classify(label)[2] in (
            Funding.BASIC,
            Funding.PROJECT,
        ):
            funding.setdefault(classify(label)[2], cells)
    if len(sources) < 2 or len(funding) != 2:
        return
    for column in range(1, width):
        total = by_row[first][1][column]
        parts = [cells[column] for cells in sources.values()]
        split = [cells[column] for cells in funding.values()]
        if total is None or total.kind != "total" or None in parts or None in split:
            continue
        units = {a.unit for a in [total, *parts, *split] if a is not None}
        if len(units) != 1:
            continue
        stated = [a.stated_value for a in parts if a is not None]
        if sum(a.stated_value for a in split if a is not None) != total.stated_value:
            continue
        if sum(stated, Decimal(0)) == total.stated_value:
            continue
        listed = [a for a in parts if a is not None]
        findings.add(
            "import.W005",
            "warning",
            f"{total.label}{total.stated_value}{total.unit}与其按资金来源分项合计"
            f"{_sum_as_written(listed)}（{_by_source(listed)}）不符（基本支出＋项目支出与之相符），"
            "合计按报告所写导入 / the rows by source of funds do not add up to the stated total "
            "(the 基本 + 项目 rows do); the total is kept as stated",
            "核对原文各资金来源（{}） / check the sources of funds in the report ({})".format(
                *_both_places(findings, total, listed)
            ),
            _total_and_parts_span(total, listed),
        )


def _funding_cut_differs(total: Amount, parts: list[_Line], findings: Findings) -> None:
    """A total cut twice, by economic class (adding up to it) and by 基本/项目 (not adding up:
    "实际列支 基本支出4,371.08 + 项目支出2,655.37 ≠ 合计7,036.45" in a table, the classes in the
    prose): the total stays as stated, and the 基本/项目 split that misses it is reported."""
    if _funding_split(parts):
        _split_differs(total, parts, findings)


def _split_differs(total: Amount, parts: list[_Line], findings: Findings) -> None:
    """import.W005 for "本年支出合计650.00万元。基本支出420.10万元，项目支出229.80万元": a total
    beside exactly one 基本支出 and one 项目支出 of its phase (_funding_split), not adding up to it
    (no 其中 tied them, but nothing else can they be the split of)."""
    amounts = sorted((x.amount for x in parts), key=lambda a: a.start)
    findings.add(
        "import.W005",
        "warning",
        f"{total.label}{total.stated_value}{total.unit}与其分项合计{_sum_as_written(amounts)}"
        f"（{_listed(amounts)}）不符，合计按报告所写导入 / the parts do not add up to the "
        "stated total; the total is kept as stated",
        "核对原文各分项（{}） / check the parts in the report ({})".format(
            *_both_places(findings, total, amounts)
        ),
        _total_and_parts_span(total, amounts),
    )
