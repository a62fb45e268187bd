"""The standard figures of a department-year, computed from its raw facts.

Each figure has a stable key (``staffing.actual_total``, ``budget.basic``, ``rates.in_service_control``)
used everywhere: the CLI's ``figures --json``, the formula language, importers' ground truth,
the checks and the report. A figure's value is *computed* from the dossier's raw facts when
they are there; otherwise the value the report *stated* stands in (marked as such), and a few
figures can be *derived* from other statements (last year's assets from a stated change).

Money figures are in 万元; rates in percent.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from jixiao.core.dossier import (
    COMPOSITION_ITEMS,
    Dossier,
    Funding,
    Item,
    MoneyLine,
    Phase,
    Stated,
)
from jixiao.core.grades import grade_for
from jixiao.core.numbers import format_decimal


class Origin(StrEnum):
    COMPUTED = "computed"  # from raw facts
    STATED = "stated"  # as the report states it (no raw facts to compute from)
    DERIVED = "derived"  # computed from other stated figures


@dataclass(frozen=True)
class FigureDef:
    key: str
    label: str  # Chinese label, as in reports
    label_en: str
    unit: str  # "人", "万元", "%", "个", "分"
    compute: Callable[[FigureBook], Decimal | None]


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str
    value: Decimal | None
    origin: Origin | None
    computed: Decimal | None  # from raw facts only (None when they are missing)
    stated: Decimal | None  # as the report states it

    def text(self) -> str | None:
        return None if self.value is None else format_number(self.value)

    def exact_text(self) -> str | None:
        """The value without display rounding where rounding would lose a stated digit: an amount
        in 万元 converted from 元 (3,210,842.57元 → "3210.842657", not "3210.84"). Rates and other
        computed quotients keep the display rule (two decimals)."""
        if self.value is None:
            return None
        if self.unit == "万元" and self.value.is_finite():
            try:
                exact = self.value == self.value.quantize(_YUAN_IN_WAN)
            except InvalidOperation:  # beyond the context's precision: display rule
                exact = False
            if exact:
                return format_decimal(self.value, 6, trim=True)
        return format_number(self.value)


_YUAN_IN_WAN = Decimal("0.000001")  # one fen (0.01 元) in 万元


def format_number(value: Decimal, places: int = 2) -> str:
    """Round half up to *places*, then drop trailing zeros: 80.00 → "80", 1462.080 → "1462.08".

    The rule for scores and for numbers of no particular kind; see :mod:`jixiao.core.numbers`.
    """
    return format_decimal(value, places, trim=True)


def percent(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator * 100 / denominator


# ── the money selection rules ─────────────────────────────────────────────────────────────


# Each rule chooses from the phases the dossier states money in for the items concerned; a
# FigureBook knows those phases from one pass over the money lines (FigureBook.phases_of).


def income_phase(dossier: Dossier, items: frozenset[Item]) -> tuple[Phase, ...]:
    """Income as received (执行/决算) when stated so, else as budgeted."""
    return _income_choice(_phases_of(dossier, items))


def _income_choice(phases: AbstractSet[Phase]) -> tuple[Phase, ...]:
    for phase in (Phase.EXECUTED, Phase.FINAL, Phase.BUDGET_ADJUSTED):
        if phase in phases:
            return (phase,)
    return (Phase.BUDGET_INITIAL,)


def _phases_of(dossier: Dossier, items: frozenset[Item]) -> set[Phase]:
    return {line.phase for line in dossier.money.lines if line.item in items}


def budget_phase(dossier: Dossier, items: frozenset[Item] = COMPOSITION_ITEMS) -> tuple[Phase, ...]:
    """The budget a year is measured against: the adjusted one when it is known for *items*."""
    return _budget_choice(_phases_of(dossier, items))


def _budget_choice(phases: AbstractSet[Phase]) -> tuple[Phase, ...]:
    return (Phase.BUDGET_ADJUSTED,) if Phase.BUDGET_ADJUSTED in phases else (Phase.BUDGET_INITIAL,)


def executed_phase(
    dossier: Dossier, items: frozenset[Item] = COMPOSITION_ITEMS
) -> tuple[Phase, ...]:
    """Spending on *items*: the executed amounts when known, else the final accounts (决算)."""
    return _executed_choice(_phases_of(dossier, items))


def _executed_choice(phases: AbstractSet[Phase]) -> tuple[Phase, ...]:
    return (Phase.EXECUTED,) if Phase.EXECUTED in phases else (Phase.FINAL,)


def _sum_wan(dossier: Dossier, lines: list[MoneyLine]) -> Decimal | None:
    total = dossier.money.total(lines)
    return None if total is None else total.wan


PhaseRule = Callable[[AbstractSet[Phase]], tuple[Phase, ...]]  # stated phases → those summed


def one_breakdown(lines: list[MoneyLine]) -> list[MoneyLine]:
    """The lines of one breakdown of a phase's spending, to be summed into its total.

    A report may state the same money twice, cut two ways: by funding (基本支出 / 项目支出) and
    by economic class (工资福利 / 商品和服务 / 对个人和家庭的补助 / 资本性支出) with no funding.
    Both cuts add up to the one total; adding them together would count the money twice. When
    *lines* hold both, the funding cut (with any line that has neither a funding nor a class) is
    the total; the economic classes stay lines of their own figures (executed.wages…)."""
    by_funding = [line for line in lines if line.funding is not None]
    the_other = [
        line for line in lines if line.funding is None and line.item is not Item.UNCLASSIFIED
    ]
    if not by_funding or not the_other:
        return lines
    return [line for line in lines if line.funding is not None or line.item is Item.UNCLASSIFIED]


def _money(
    phase_of: PhaseRule,
    items: frozenset[Item],
    funding: Funding | None = None,
) -> Callable[[FigureBook], Decimal | None]:
    def compute(book: FigureBook) -> Decimal | None:
        lines = book.money_lines(phase_of(book.phases_of(items)), items, funding)
        if funding is None and items == COMPOSITION_ITEMS:
            lines = one_breakdown(lines)
        return _sum_wan(book.dossier, lines)

    return compute


def _ratio(numerator: str, denominator: str) -> Callable[[FigureBook], Decimal | None]:
    return lambda book: percent(book.value(numerator), book.value(denominator))


def _count(value: Callable[[Dossier], int | None]) -> Callable[[FigureBook], Decimal | None]:
    def compute(book: FigureBook) -> Decimal | None:
        n = value(book.dossier)
        return None if n is None else Decimal(n)

    return compute


def _asset(field: str) -> Callable[[FigureBook], Decimal | None]:
    def compute(book: FigureBook) -> Decimal | None:
        assets = book.dossier.assets
        money = assets.money(field) if assets else None
        return None if money is None else money.wan

    return compute


def _assets_change(book: FigureBook) -> Decimal | None:
    current, prior = book.computed("assets.total_net"), book.computed("assets.total_net_prior")
    if current is None or prior is None or prior == 0:
        return None
    return (current - prior) * 100 / prior


def _assets_prior_derived(book: FigureBook) -> Decimal | None:
    """Last year's net assets from this year's and a stated change: 1679.37 / (1 − 5.21%)."""
    current, change = book.value("assets.total_net"), book.stated("assets.change_pct")
    if current is None or change is None or change == -100:
        return None
    return current * 100 / (100 + change)


def _sangong(
    phase_of: PhaseRule,
) -> Callable[[FigureBook], Decimal | None]:
    items = frozenset(i for i in Item if i.is_sangong)
    return _money(phase_of, items)


def _self_score(book: FigureBook) -> Decimal | None:
    return (
        None  # the self-score is stated by the department, never computed (see FigureBook.stated)
    )


_BASIC, _PROJECT = Funding.BASIC, Funding.PROJECT
_ALL = COMPOSITION_ITEMS


def _economic(prefix: str, phase_of: PhaseRule, label: str) -> list[FigureDef]:
    one = frozenset
    return [
        FigureDef(
            f"{prefix}.total", f"{label}总额", f"{prefix} total", "万元", _money(phase_of, _ALL)
        ),
        FigureDef(
            f"{prefix}.basic",
            f"基本支出{label}",
            f"{prefix}: basic",
            "万元",
            _money(phase_of, _ALL, _BASIC),
        ),
        FigureDef(
            f"{prefix}.project",
            f"项目支出{label}",
            f"{prefix}: project",
            "万元",
            _money(phase_of, _ALL, _PROJECT),
        ),
        FigureDef(
            f"{prefix}.wages",
            f"工资福利支出{label}",
            f"{prefix}: wages",
            "万元",
            _money(phase_of, one({Item.WAGES})),
        ),
        FigureDef(
            f"{prefix}.goods_services",
            f"商品和服务支出{label}",
            f"{prefix}: goods and services",
            "万元",
            _money(phase_of, one({Item.GOODS_SERVICES})),
        ),
        FigureDef(
            f"{prefix}.transfers_households",
            f"对个人和家庭的补助{label}",
            f"{prefix}: transfers to households",
            "万元",
            _money(phase_of, one({Item.TRANSFERS_HOUSEHOLDS})),
        ),
        FigureDef(
            f"{prefix}.capital",
            f"资本性支出{label}",
            f"{prefix}: capital",
            "万元",
            _money(phase_of, one({Item.CAPITAL})),
        ),
        FigureDef(
            f"{prefix}.sangong",
            f"“三公”经费{label}",
            f"{prefix}: three public expenses",
            "万元",
            _sangong(phase_of),
        ),
        FigureDef(
            f"{prefix}.public_funds",
            f"公用经费{label}",
            f"{prefix}: public funds",
            "万元",
            _money(phase_of, one({Item.PUBLIC_FUNDS})),
        ),
        FigureDef(
            f"{prefix}.procurement",
            f"政府采购{label}",
            f"{prefix}: government procurement",
            "万元",
            _money(phase_of, one({Item.PROCUREMENT})),
        ),
        FigureDef(
            f"{prefix}.personnel",
            f"人员经费{label}",
            f"{prefix}: personnel funds",
            "万元",
            _money(phase_of, one({Item.PERSONNEL})),
        ),
        FigureDef(
            f"{prefix}.special_funds",
            f"专项经费{label}",
            f"{prefix}: special funds",
            "万元",
            _money(phase_of, one({Item.SPECIAL_FUNDS})),
        ),
        FigureDef(
            f"{prefix}.key_projects",
            f"重点项目支出{label}",
            f"{prefix}: key projects",
            "万元",
            _money(phase_of, one({Item.KEY_PROJECTS})),
        ),
    ]


FIGURES: tuple[FigureDef, ...] = (
    FigureDef(
        "staffing.authorized",
        "编制人数",
        "authorized posts",
        "人",
        _count(lambda d: d.staffing.authorized_total()),
    ),
    FigureDef(
        "staffing.actual_total",
        "实有人数",
        "actual head-count",
        "人",
        _count(lambda d: d.staffing.actual_total()),
    ),
    FigureDef(
        "staffing.in_service",
        "在职人数",
        "staff in service",
        "人",
        _count(lambda d: d.staffing.in_service_total()),
    ),
    FigureDef(
        "staffing.retired", "退休人数", "retired", "人", _count(lambda d: d.staffing.retired)
    ),
    FigureDef(
        "staffing.retired_cadres",
        "离休人数",
        "retired cadres",
        "人",
        _count(lambda d: d.staffing.retired_cadres),
    ),
    FigureDef(
        "staffing.survivors", "遗属人数", "survivors", "人", _count(lambda d: d.staffing.survivors)
    ),
    FigureDef(
        "staffing.contract",
        "编外人数",
        "contract staff",
        "人",
        _count(lambda d: d.staffing.contract),
    ),
    FigureDef(
        "profile.internal_units",
        "内设机构数",
        "internal units",
        "个",
        _count(lambda d: len(d.profile.internal_units) if d.profile.internal_units else None),
    ),
    FigureDef(
        "assets.total_net", "资产总额（账面净值）", "net assets", "万元", _asset("total_net")
    ),
    FigureDef(
        "assets.total_net_prior",
        "上年资产总额（账面净值）",
        "net assets, prior year",
        "万元",
        _asset("total_net_prior"),
    ),
    FigureDef(
        "assets.change_pct", "资产总额较上年变动率", "net assets change", "%", _assets_change
    ),
    FigureDef(
        "assets.fixed_added",
        "当年配置固定资产（账面原值）",
        "fixed assets added",
        "万元",
        _asset("fixed_added"),
    ),
    FigureDef(
        "assets.fixed_in_use", "在用固定资产", "fixed assets in use", "万元", _asset("fixed_in_use")
    ),
    FigureDef("assets.fixed_total", "固定资产总额", "fixed assets", "万元", _asset("fixed_total")),
    *_economic("budget", _budget_choice, "预算"),
    *_economic("executed", _executed_choice, "执行数"),
    FigureDef(
        "budget.initial_total",
        "年初预算数",
        "initial budget",
        "万元",
        _money(lambda phases: (Phase.BUDGET_INITIAL,), _ALL),
    ),
    FigureDef(
        "budget.carryover_prior",
        "上年结转结余",
        "carry-over from last year",
        "万元",
        _money(_budget_choice, frozenset({Item.CARRYOVER_PRIOR})),
    ),
    FigureDef(
        "executed.carryover_end",
        "年末结转结余",
        "carry-over at year end",
        "万元",
        _money(_executed_choice, frozenset({Item.CARRYOVER_END})),
    ),
    FigureDef(
        "income.total",
        "本年收入合计",
        "income, all sources",
        "万元",
        _money(_income_choice, frozenset({Item.INCOME})),
    ),
    FigureDef(
        "income.other",
        "其他资金来源",
        "income beside the budget",
        "万元",
        _money(_income_choice, frozenset({Item.OTHER_INCOME})),
    ),
    FigureDef(
        "budget.supplement",
        "本年追加调整",
        "supplementary budget",
        "万元",
        _money(
            lambda phases: (Phase.BUDGET_INITIAL, Phase.BUDGET_ADJUSTED),
            frozenset({Item.SUPPLEMENT}),
        ),
    ),
    FigureDef(
        "rates.in_service_control",
        "在职人员控制率",
        "staff control rate",
        "%",
        _ratio("staffing.in_service", "staffing.authorized"),
    ),
    FigureDef(
        "rates.execution",
        "预算执行率",
        "budget execution rate",
        "%",
        _ratio("executed.total", "budget.total"),
    ),
    FigureDef(
        "rates.adjustment",
        "预算调整率",
        "budget adjustment rate",
        "%",
        _ratio("budget.supplement", "budget.initial_total"),
    ),
    FigureDef(
        "rates.carryover",
        "结转结余率",
        "carry-over rate",
        "%",
        _ratio("executed.carryover_end", "budget.total"),
    ),
    FigureDef(
        "rates.public_funds_control",
        "公用经费控制率",
        "public funds control",
        "%",
        _ratio("executed.public_funds", "budget.public_funds"),
    ),
    FigureDef(
        "rates.sangong_control",
        "“三公经费”控制率",
        "three public expenses control",
        "%",
        _ratio("executed.sangong", "budget.sangong"),
    ),
    FigureDef(
        "rates.procurement_execution",
        "政府采购执行率",
        "procurement execution",
        "%",
        _ratio("executed.procurement", "budget.procurement"),
    ),
    FigureDef(
        "rates.key_spending",
        "重点支出安排率",
        "key spending share",
        "%",
        _ratio("budget.key_projects", "budget.project"),
    ),
    FigureDef(
        "rates.fixed_asset_use",
        "固定资产利用率",
        "fixed asset use",
        "%",
        _ratio("assets.fixed_in_use", "assets.fixed_total"),
    ),
    FigureDef("score.self", "自评得分", "self-score", "分", _self_score),
)

FIGURES_BY_KEY = {f.key: f for f in FIGURES}

# Figures that, lacking raw facts, can be derived from other stated figures.
DERIVATIONS: dict[str, Callable[[FigureBook], Decimal | None]] = {
    "assets.total_net_prior": _assets_prior_derived,
}


class FigureBook:
    """Lazily computes figures for one dossier, each once, in whatever order they are asked for."""

    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self._computed: dict[str, Decimal | None] = {}
        self._figures: dict[str, Figure] = {}
        self._statements: dict[str, Stated] | None = None  # key → its first statement
        self._lines_by_phase: dict[Phase, list[MoneyLine]] | None = None  # in the dossier's order
        self._items_by_phase: dict[Phase, set[Item]] = {}

    def computed(self, key: str) -> Decimal | None:
        """From raw facts only."""
        if key not in self._computed:
            self._computed[key] = None  # guards against a cycle in the definitions
            self._computed[key] = FIGURES_BY_KEY[key].compute(self)
        return self._computed[key]

    def stated(self, key: str) -> Decimal | None:
        if key == "score.self":
            return self.dossier.self_evaluation.total
        if self._statements is None:  # one pass over the statements, not one per figure
            self._statements = {}
            for statement in self.dossier.stated:
                self._statements.setdefault(statement.key, statement)
        found = self._statements.get(key)
        return None if found is None else found.value

    def value(self, key: str) -> Decimal | None:
        return self.figure(key).value

    def _money_by_phase(self) -> dict[Phase, list[MoneyLine]]:
        """The dossier's money lines by phase, each phase's in their order: one pass, made
        when a money figure is first asked for, then shared by all of them."""
        if self._lines_by_phase is None:
            self._lines_by_phase = {}
            for line in self.dossier.money.lines:
                self._lines_by_phase.setdefault(line.phase, []).append(line)
                self._items_by_phase.setdefault(line.phase, set()).add(line.item)
        return self._lines_by_phase

    def phases_of(self, items: frozenset[Item]) -> set[Phase]:
        """The phases money is stated in for any of *items* (as ``_phases_of``)."""
        self._money_by_phase()
        return {phase for phase, held in self._items_by_phase.items() if not held.isdisjoint(items)}

    def money_lines(
        self, phases: tuple[Phase, ...], items: frozenset[Item], funding: Funding | None
    ) -> list[MoneyLine]:
        """``dossier.money.select(phases=…, items=…, funding=…)``: the same lines, same order."""
        if len(phases) == 1:
            lines = self._money_by_phase().get(phases[0], [])
        else:  # lines of several phases keep the dossier's order across them
            lines = [line for line in self.dossier.money.lines if line.phase in phases]
        return [
            line
            for line in lines
            if line.item in items and (funding is None or line.funding is funding)
        ]

    def figure(self, key: str) -> Figure:
        if key not in self._figures:
            self._figures[key] = self._resolve(key)
        return self._figures[key]

    def _resolve(self, key: str) -> Figure:
        definition = FIGURES_BY_KEY[key]
        computed, stated = self.computed(key), self.stated(key)
        value, origin = computed, Origin.COMPUTED if computed is not None else None
        if value is None and stated is not None:
            value, origin = stated, Origin.STATED
        if value is None and key in DERIVATIONS:
            value = DERIVATIONS[key](self)
            origin = Origin.DERIVED if value is not None else None
        return Figure(key, definition.label, definition.unit, value, origin, computed, stated)

    def all(self) -> list[Figure]:
        return [self.figure(f.key) for f in FIGURES]

    def self_grade(self) -> str | None:
        """The grade the department gave itself: as stated, else the grade of its stated score."""
        evaluation = self.dossier.self_evaluation
        if evaluation.grade:
            return evaluation.grade
        return None if evaluation.total is None else grade_for(evaluation.total)

    def flat(self) -> dict[str, str]:
        """key → value as text, for every figure that has a value (plus grade.self); amounts
        keep every stated digit (``Figure.exact_text``)."""
        flat = {f.key: text for f in self.all() if (text := f.exact_text()) is not None}
        if (grade := self.self_grade()) is not None:
            flat["grade.self"] = grade
        return flat
