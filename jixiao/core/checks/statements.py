"""What the report states against what the raw facts give: totals, head-counts, rates."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks import Context, Note, differs, rule
from jixiao.core.dossier import Stated
from jixiao.core.figures import FIGURES_BY_KEY, format_number

from .places import places_hint

# the figures a stated rate is computed from (numerator, denominator): named in the hint
RATE_INPUTS: dict[str, tuple[str, str]] = {
    "rates.execution": ("executed.total", "budget.total"),
    "rates.in_service_control": ("staffing.in_service", "staffing.authorized"),
}


def _mismatches(context: Context, prefix: str, hint: str, hint_en: str) -> Iterator[Note]:
    for statement in context.dossier.stated:
        if not statement.key.startswith(prefix) or statement.key not in FIGURES_BY_KEY:
            continue
        computed = context.book.computed(statement.key)
        if computed is None or not differs(statement.value, computed):
            continue
        figure = FIGURES_BY_KEY[statement.key]
        inputs = RATE_INPUTS.get(statement.key, ())
        places, places_en = places_hint(context, inputs)
        yield Note(
            f"{figure.label}：报告写{format_number(statement.value)}{figure.unit}，"
            f"按明细计算为{format_number(computed)}{figure.unit}{_from_inputs(context, inputs)}",
            f"{figure.label_en}: stated {format_number(statement.value)}, computed {format_number(computed)}",
            hint + places,
            statement.key,
            statement.source,
            hint_en + places_en,
        )


def _from_inputs(context: Context, inputs: tuple[str, ...]) -> str:
    """ "（支出720万元 ÷ 预算800万元）": the figures a rate was recomputed from."""
    values = [(FIGURES_BY_KEY[key], context.book.value(key)) for key in inputs]
    if not values or any(value is None for _, value in values):
        return ""
    return (
        "（"
        + " ÷ ".join(f"{f.label}{format_number(v)}{f.unit}" for f, v in values if v is not None)
        + "）"
    )


@rule(
    "staffing.E001",
    "实有人数与在职、退休、离休、遗属之和不符",
    "Actual head-count differs from its parts",
)
def actual_total(context: Context) -> Iterator[Note]:
    hint = "实有人数 = 在职 + 退休 + 离休 + 遗属；核对各类人数或实有人数"
    hint_en = "actual = in service + retired + retired cadres + survivors; check the counts"
    yield from _mismatches(context, "staffing.actual_total", hint, hint_en)
    yield from _actual_from_stated_in_service(context, hint, hint_en)


def _actual_from_stated_in_service(context: Context, hint: str, hint_en: str) -> Iterator[Note]:
    """The report states 实有, 在职 (with no breakdown by type, so no raw in-service count) and
    retirees: 实有 against 在职 + 退休 + 离休 + 遗属 all the same (also 编外 where stated: some
    reports count contract staff in 实有)."""
    book, staffing = context.book, context.dossier.staffing
    if book.computed("staffing.actual_total") is not None:
        return  # compared from the raw facts above
    actual, in_service = book.stated("staffing.actual_total"), book.stated("staffing.in_service")
    others = [staffing.retired, staffing.retired_cadres, staffing.survivors]
    if actual is None or in_service is None or all(n is None for n in others):
        return
    total = in_service + sum((Decimal(n) for n in others if n is not None), Decimal(0))
    contract = Decimal(staffing.contract) if staffing.contract is not None else None
    if not differs(actual, total) or (
        contract is not None and not differs(actual, total + contract)
    ):
        return
    statement = next(s for s in context.dossier.stated if s.key == "staffing.actual_total")
    named = [("在职", "in service", in_service)] + [
        (zh, en, Decimal(n))
        for (zh, en), n in zip(
            (("退休", "retired"), ("离休", "retired cadres"), ("遗属", "survivors")),
            others,
            strict=True,
        )
        if n is not None
    ]
    parts = " + ".join(f"{zh}{format_number(n)}人" for zh, _, n in named)
    parts_en = " + ".join(f"{en} {format_number(n)}" for _, en, n in named)
    places, places_en = places_hint(context, ("staffing.in_service", "staffing.retired"))
    yield Note(
        f"实有人数：报告写{format_number(actual)}人，按报告所写{parts}计算为{format_number(total)}人",
        f"Actual head-count: stated {format_number(actual)}, {parts_en} = {format_number(total)}",
        hint + places,
        "staffing.actual_total",
        statement.source,
        hint_en + places_en,
    )


@rule(
    "staffing.E002", "在职人数与分类型人数之和不符", "Staff in service differ from the sum by type"
)
def in_service(context: Context) -> Iterator[Note]:
    yield from _mismatches(
        context,
        "staffing.in_service",
        "在职人数应等于各类在职人员（参公、事业、工勤等）之和",
        "staff in service must equal the sum of the counts by type",
    )


@rule(
    "staffing.E003", "编制人数与分类型编制之和不符", "Authorized posts differ from the sum by type"
)
def authorized(context: Context) -> Iterator[Note]:
    yield from _mismatches(
        context,
        "staffing.authorized",
        "编制人数应等于各类编制之和",
        "authorized posts must equal the sum by type",
    )


@rule("budget.E001", "预算总额与明细之和不符", "A budget total differs from the sum of its lines")
def budget_totals(context: Context) -> Iterator[Note]:
    yield from _mismatches(
        context,
        "budget.",
        "核对预算总额与各经济分类明细，注意元与万元、四舍五入",
        "check the budget total against its lines; mind yuan vs 10,000 yuan and rounding",
    )


@rule(
    "executed.E001",
    "支出（执行/决算）总额与明细之和不符",
    "A spending total differs from the sum of its lines",
)
def executed_totals(context: Context) -> Iterator[Note]:
    yield from _mismatches(
        context,
        "executed.",
        "核对支出总额与各经济分类明细，注意元与万元、四舍五入",
        "check the spending total against its lines; mind yuan vs 10,000 yuan and rounding",
    )


@rule("rates.E001", "报告所写比率与按公式计算的结果不符", "A stated rate differs from its formula")
def rates(context: Context) -> Iterator[Note]:
    yield from _mismatches(
        context,
        "rates.",
        "比率应由原始数据按公式计算，不要手工填写",
        "rates are computed from the raw data by formula, never typed in",
    )


@rule(
    "assets.E001",
    "资产变动率与两年资产总额不符",
    "Stated change in assets differs from the two totals",
)
def assets_change(context: Context) -> Iterator[Note]:
    yield from _mismatches(
        context,
        "assets.",
        "变动率 =（本年 − 上年）/ 上年 × 100%",
        "change = (this year − last year) / last year × 100%",
    )


@rule(
    "profile.W001",
    "内设机构数与列出的机构不符",
    "Stated number of internal units differs from the list",
)
def internal_units(context: Context) -> Iterator[Note]:
    yield from _mismatches(
        context,
        "profile.",
        "核对内设机构名单与数量",
        "check the list of internal units against their number",
    )


@rule(
    "stated.E001",
    "同一数字在报告中前后不一致",
    "The same figure is stated differently in two places",
)
def conflicting(context: Context) -> Iterator[Note]:
    by_key: dict[str, list[Stated]] = {}
    for statement in context.dossier.stated:
        by_key.setdefault(statement.key, []).append(statement)
    for key, statements in by_key.items():
        first = statements[0]
        for other in statements[1:]:
            # the less precise statement may be the other rounded (512.7 and 512.74): one figure
            coarse, fine = sorted(
                (first.value, other.value), key=lambda v: v.as_tuple().exponent, reverse=True
            )
            if differs(coarse, fine):
                label = FIGURES_BY_KEY[key].label if key in FIGURES_BY_KEY else key
                yield Note(
                    f"{label}前后不一致：一处写{format_number(first.value)}，另一处写{format_number(other.value)}",
                    f"{key} stated as {format_number(first.value)} and as {format_number(other.value)}",
                    "统一口径后只保留一个数字"
                    + (f"（另一处：{other.source.describe()}）" if other.source else ""),
                    key,
                    other.source,
                    "keep one figure after agreeing on the basis"
                    + (f" (the other: {other.source.describe()})" if other.source else ""),
                )


@rule(
    "stated.W001",
    "报告所写数字缺少可核对的原始数据",
    "A stated figure cannot be verified from raw data",
)
def unverifiable(context: Context) -> Iterator[Note]:
    for statement in context.dossier.stated:
        if statement.key.startswith("staffing."):
            continue  # head-counts without a breakdown are reported once, by staffing.W002
        if statement.key in FIGURES_BY_KEY and context.book.computed(statement.key) is None:
            figure = FIGURES_BY_KEY[statement.key]
            yield Note(
                f"{figure.label}{format_number(statement.value)}{figure.unit}无法用原始数据核实",
                f"{figure.label_en} {format_number(statement.value)} cannot be recomputed from raw data",
                "补充计算所需的原始数据（例如上年资产总额），由系统计算",
                statement.key,
                statement.source,
                hint_en="Supply the raw data (e.g. last year's assets) so the system computes it",
            )


@rule("stated.W002", "报告所写数字不是标准指标", "A stated figure has an unknown key")
def unknown_key(context: Context) -> Iterator[Note]:
    for statement in context.dossier.stated:
        if statement.key not in FIGURES_BY_KEY:
            yield Note(
                f"无法识别的数字键 {statement.key}",
                f"unknown figure key {statement.key}",
                "使用 `jixiao figures --json` 列出的标准键",
                f"stated.{statement.key}",
                statement.source,
                hint_en="Use a standard key listed by `jixiao figures --json`",
            )
