"""Money rules: execution against budget, completeness, 元/万元 slips, 三公经费."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks import Context, Note, rule
from jixiao.core.dossier import Item, Phase
from jixiao.core.figures import budget_phase, format_number

from .places import place_of, places_hint

SUSPICIOUS_RATIO = Decimal(1000)
LOW_EXECUTION = Decimal(90)


@rule("budget.E002", "支出超过预算与调整之和", "Spending exceeds the budget plus adjustments")
def overspent(context: Context) -> Iterator[Note]:
    executed, budget = context.book.value("executed.total"), context.book.value("budget.total")
    if executed is None or budget is None:
        return
    available = budget + (context.book.value("budget.carryover_prior") or 0)
    available += context.book.value("income.other") or 0  # 其他资金来源 beside the budget
    if budget_phase(context.dossier) == (Phase.BUDGET_INITIAL,):
        available += context.book.value("budget.supplement") or 0  # an adjusted budget includes it
    if executed > available:
        places, places_en = places_hint(context, ("budget.total",))
        yield Note(
            f"支出{format_number(executed)}万元超过可用预算{format_number(available)}万元（预算执行率"
            f"{format_number(executed * 100 / budget) if budget else '—'}%）",
            f"spending {format_number(executed)} exceeds available budget {format_number(available)}",
            "核对预算口径（是否漏报调整预算、上年结转或其他资金来源）" + places,
            "money.lines",
            place_of(context, "executed.total"),
            hint_en="Check the budget basis (adjustments, carry-over or other funding left out?)"
            + places_en,
        )


@rule(
    "budget.W001",
    "没有执行数（决算数），无法计算预算执行率",
    "No executed amounts: no execution rate",
)
def no_execution(context: Context) -> Iterator[Note]:
    if context.book.value("executed.total") is None:
        yield Note(
            "报告没有支出执行数（执行/决算），预算执行率无法计算，执行率相关指标无法评分",
            "no executed or final amounts: the execution rate and its indicators cannot be scored",
            "按经济分类填报全年执行数或决算数",
            "money.lines",
            hint_en="Enter the year's executed or final amounts by economic class",
        )


@rule("budget.W002", "缺少预算数", "No budget amounts")
def no_budget(context: Context) -> Iterator[Note]:
    if context.book.value("budget.total") is None:
        yield Note(
            "没有填报预算数",
            "no budget amounts",
            "按基本支出、项目支出和经济分类填报年初预算或调整预算",
            "money.lines",
            hint_en="Enter the initial or adjusted budget by basic, project and economic class",
        )


@rule("budget.W003", "金额可能把元当作万元", "An amount may be in 元 though marked 万元")
def unit_slip(context: Context) -> Iterator[Note]:
    money = context.dossier.money
    amounts = [
        (n, money.money(line).wan) for n, line in enumerate(money.lines) if line.item.is_composition
    ]
    positive = sorted(a for _, a in amounts if a > 0)
    if len(positive) < 2:
        return
    median = positive[len(positive) // 2]
    for n, amount in amounts:
        if median > 0 and amount / median >= SUSPICIOUS_RATIO:
            yield Note(
                f"第{n + 1}笔金额{format_number(amount)}万元是其他金额的{format_number(amount / median, 0)}倍，可能把元当作万元",
                f"line {n + 1} is {format_number(amount / median, 0)}× the median: yuan taken for 10,000 yuan?",
                "核对金额单位",
                f"money.lines[{n}].amount",
                hint_en="Check the money unit",
            )


@rule("budget.W004", "“三公经费”支出超过预算", "Three public expenses exceed their budget")
def sangong_overspent(context: Context) -> Iterator[Note]:
    executed, budget = context.book.value("executed.sangong"), context.book.value("budget.sangong")
    if executed is not None and budget is not None and executed > budget:
        yield Note(
            f"“三公经费”支出{format_number(executed)}万元超过预算{format_number(budget)}万元",
            "three public expenses exceed their budget",
            "说明超支原因；“三公经费”原则上只减不增",
            "money.lines",
            hint_en="Explain the overspending; the three public expenses should only go down",
        )


@rule("budget.W005", "预算执行率低于90%且未说明原因", "Execution below 90% without a reason")
def low_execution(context: Context) -> Iterator[Note]:
    rate = context.book.value("rates.execution")
    narratives = context.dossier.narratives
    explained = any("执行率" in p for p in (*narratives.budget_notes, *narratives.problems))
    if rate is not None and rate < LOW_EXECUTION and not explained:
        yield Note(
            f"预算执行率{format_number(rate)}%低于90%，报告未说明原因",
            f"execution rate {format_number(rate)}% below 90% and not explained",
            "在“预算及执行情况”或“存在的问题”中说明执行率偏低的原因",
            "narratives.budget_notes",
            hint_en="Explain the low execution rate under budget notes or problems",
        )


@rule("budget.I001", "未报告“三公经费”", "Three public expenses not reported")
def sangong_missing(context: Context) -> Iterator[Note]:
    if not any(line.item.is_sangong for line in context.dossier.money.lines):
        yield Note(
            "报告没有“三公经费”预算或支出数，“三公经费”变动率和控制率无法计算；如确实为零请填 0",
            "no three-public-expense amounts: their change and control rates cannot be computed",
            "填报因公出国（境）、公务用车购置及运行维护、公务接待费的预算数和支出数",
            "money.lines",
            hint_en="Enter budget and spending for official travel abroad, official cars and official receptions",
        )


@rule("budget.E003", "金额为负数", "A negative amount")
def negative(context: Context) -> Iterator[Note]:
    for n, line in enumerate(context.dossier.money.lines):
        if line.amount < 0 and line.item is not Item.SUPPLEMENT:
            yield Note(
                f"{line.label or line.item.value}金额为负数（{format_number(line.amount)}）",
                "negative amount",
                "只有预算调减可以为负，请核对",
                f"money.lines[{n}].amount",
                line.source,
                hint_en="Only a budget reduction can be negative; please check",
            )


@rule("budget.I002", "只有年初预算，没有调整后预算", "Only the initial budget is known")
def initial_only(context: Context) -> Iterator[Note]:
    phases = {line.phase for line in context.dossier.money.lines}
    if Phase.BUDGET_INITIAL in phases and Phase.BUDGET_ADJUSTED not in phases:
        yield Note(
            "只填报了年初预算，预算执行率将以年初预算为分母；如有调整请填报调整后预算",
            "only the initial budget: the execution rate uses it as denominator",
            "填报调整预算（全年预算数）",
            "money.lines",
            hint_en="Enter the adjusted (full-year) budget",
        )


def _available_income(context: Context) -> tuple[Decimal, str] | None:
    """The year's income as the report gives it: 收入合计, else the budget plus 其他资金来源."""
    income, other = context.book.value("income.total"), context.book.value("income.other")
    if income is not None:
        return income, f"收入{format_number(income)}万元"
    budget = context.book.value("budget.total")
    if other is None or budget is None:
        return None  # no statement about funding sources: budget authority is not income
    return (
        budget + other,
        f"预算{format_number(budget)}万元与其他资金来源{format_number(other)}万元",
    )


@rule(
    "budget.W006",
    "收入、支出与年末结转结余对不上",
    "Income, spending and the year-end balance do not reconcile",
)
def balance(context: Context) -> Iterator[Note]:
    available = _available_income(context)
    spent, end = context.book.value("executed.total"), context.book.value("executed.carryover_end")
    if available is None or spent is None or end is None:
        return
    income, wording = available
    prior = context.book.value("budget.carryover_prior")
    expected = (prior or 0) + income - spent
    if abs(expected - end) > Decimal("0.01"):
        prior_text = (
            f"上年结转{format_number(prior)}万元加" if prior is not None else "（未计上年结转）"
        )
        inputs = ("income.total", "budget.total", "income.other", "executed.total")
        places, places_en = places_hint(context, inputs)
        yield Note(
            f"{prior_text}{wording}，减支出{format_number(spent)}万元，应结余{format_number(expected)}万元，"
            f"报告写年末结转结余{format_number(end)}万元",
            f"income less spending leaves {format_number(expected)}, stated year-end balance {format_number(end)}",
            "核对收入来源、支出口径和结转结余（年初结转 + 本年收入 − 本年支出 = 年末结转结余）"
            + places,
            "executed.carryover_end",
            place_of(context, "executed.carryover_end"),
            hint_en="Check income, spending and balances (carry-over + income − spending = year-end balance)"
            + places_en,
        )


@rule("budget.W007", "支出超过收入", "Spending exceeds income")
def spending_over_income(context: Context) -> Iterator[Note]:
    income, spent = context.book.value("income.total"), context.book.value("executed.total")
    if income is None or spent is None:
        return
    prior = context.book.value("budget.carryover_prior") or Decimal(0)
    if spent > income + prior:
        places, places_en = places_hint(context, ("income.total", "budget.carryover_prior"))
        yield Note(
            f"支出{format_number(spent)}万元超过收入{format_number(income)}万元"
            + (f"与上年结转{format_number(prior)}万元之和" if prior else "")
            + f"，差额{format_number(spent - income - prior)}万元",
            f"spending {format_number(spent)} exceeds income {format_number(income)}",
            "说明资金来源（上年结转、其他资金）或核对支出口径" + places,
            "money.lines",
            place_of(context, "executed.total"),
            hint_en="Explain the funding (carry-over, other funds) or check how spending is counted"
            + places_en,
        )


@rule("budget.W008", "专项经费与项目支出不一致", "Special funds and project spending differ")
def special_funds(context: Context) -> Iterator[Note]:
    for prefix, word in (("executed", "支出"), ("budget", "预算")):
        funds, project = (
            context.book.value(f"{prefix}.special_funds"),
            context.book.value(f"{prefix}.project"),
        )
        if funds is not None and project is not None and funds != project:
            yield Note(
                f"专项经费{word}{format_number(funds)}万元，项目{word}{format_number(project)}万元，两者未作说明",
                f"special funds {format_number(funds)} vs project {prefix} {format_number(project)}",
                "说明专项经费与项目支出的口径差异（如部分项目不属于专项）",
                f"{prefix}.special_funds",
                hint_en="Explain how special funds and project spending differ (some projects are not special funds)",
            )
