"""Figures: every figure of DOMAIN.md §2 from the seed, origins, unit mixing and phase choice."""

from __future__ import annotations

from decimal import Decimal

import pytest
from fuzzing import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.core.dossier import COMPOSITION_ITEMS, Dossier, Funding, Item, Phase
from jixiao.core.figures import FIGURES, FigureBook, Origin, _phases_of, format_number, percent

SEED_FLAT = {
    "staffing.authorized": "25",
    "staffing.actual_total": "42",
    "staffing.in_service": "20",
    "staffing.retired": "20",
    "staffing.survivors": "2",
    "profile.internal_units": "4",
    "assets.total_net": "1679.37",
    "assets.total_net_prior": "1771.67",
    "assets.change_pct": "-5.21",
    "assets.fixed_added": "30.77",
    "budget.total": "1462.08",
    "budget.basic": "1462.08",
    "budget.wages": "480.26",
    "budget.goods_services": "922.03",
    "budget.transfers_households": "29.02",
    "budget.capital": "30.77",
    "budget.initial_total": "1462.08",
    "rates.in_service_control": "80",
    "score.self": "96",
    "grade.self": "优",
}


def test_seed_flat_figures(seed_dossier: Dossier) -> None:
    assert FigureBook(seed_dossier).flat() == SEED_FLAT


@pytest.mark.parametrize(
    ("key", "value", "origin", "computed", "stated"),
    [
        ("staffing.actual_total", Decimal(42), Origin.COMPUTED, Decimal(42), Decimal(42)),
        ("staffing.in_service", Decimal(20), Origin.COMPUTED, Decimal(20), Decimal(20)),
        ("rates.in_service_control", Decimal(80), Origin.COMPUTED, Decimal(80), Decimal(80)),
        (
            "budget.basic",
            Decimal("1462.08"),
            Origin.COMPUTED,
            Decimal("1462.08"),
            Decimal("1462.08"),
        ),
        ("profile.internal_units", Decimal(4), Origin.COMPUTED, Decimal(4), Decimal(4)),
        ("assets.change_pct", Decimal("-5.21"), Origin.STATED, None, Decimal("-5.21")),
        ("executed.total", None, None, None, None),
        ("rates.execution", None, None, None, None),
    ],
)
def test_seed_figure_origins(seed_dossier: Dossier, key, value, origin, computed, stated) -> None:
    figure = FigureBook(seed_dossier).figure(key)
    assert (figure.value, figure.origin, figure.computed, figure.stated) == (
        value,
        origin,
        computed,
        stated,
    )


def test_prior_assets_derived_from_stated_change(seed_dossier: Dossier) -> None:
    figure = FigureBook(seed_dossier).figure("assets.total_net_prior")
    assert figure.origin is Origin.DERIVED
    assert (figure.computed, figure.stated) == (None, None)
    expected = Decimal("1679.37") * 100 / Decimal("94.79")
    assert figure.value == expected
    assert figure.text() == "1771.67"


def test_basic_budget_is_the_sum_of_its_economic_classes(seed_dossier: Dossier) -> None:
    book = FigureBook(seed_dossier)
    parts = [
        book.value(k)
        for k in (
            "budget.wages",
            "budget.goods_services",
            "budget.transfers_households",
            "budget.capital",
        )
    ]
    assert parts == [Decimal("480.26"), Decimal("922.03"), Decimal("29.02"), Decimal("30.77")]
    assert sum(parts, Decimal(0)) == book.value("budget.basic") == Decimal("1462.08")


def test_grade_self_from_stated_grade_wins(make_dossier) -> None:
    book = FigureBook(make_dossier(self_evaluation={"total": 85, "grade": "优"}))
    assert book.flat()["grade.self"] == "优"  # as stated (the checks report the mismatch)
    assert FigureBook(make_dossier(self_evaluation={"total": 85})).flat()["grade.self"] == "良"


def test_every_figure_has_a_label_and_unit() -> None:
    keys = [f.key for f in FIGURES]
    assert len(keys) == len(set(keys))
    assert all(f.label and f.unit and f.label_en for f in FIGURES)


def test_minimal_dossier_has_no_figures(make_dossier) -> None:
    assert FigureBook(make_dossier()).flat() == {}


def _line(phase: str, item: str, amount: str, **extra: str) -> dict[str, str]:
    return {"phase": phase, "item": item, "amount": amount, **extra}


def test_yuan_lines_are_summed_with_wan_lines(make_dossier) -> None:
    dossier = make_dossier(
        money={
            "unit": "万元",
            "lines": [
                _line("年初预算", "工资福利支出", "100", funding="基本支出"),
                _line("年初预算", "工资福利支出", "25000", funding="基本支出", unit="元"),
                _line("年初预算", "商品和服务支出", "1", funding="项目支出"),
            ],
        }
    )
    book = FigureBook(dossier)
    assert (
        book.value("budget.wages"),
        book.value("budget.basic"),
        book.value("budget.project"),
        book.value("budget.total"),
    ) == (
        Decimal("102.5"),
        Decimal("102.5"),
        Decimal("1"),
        Decimal("103.5"),
    )


def test_section_in_yuan_reports_figures_in_wan(make_dossier) -> None:
    dossier = make_dossier(
        money={"unit": "元", "lines": [_line("调整预算", "工资福利支出", "14620800")]}
    )
    assert FigureBook(dossier).flat()["budget.total"] == "1462.08"


def test_adjusted_budget_is_preferred_over_initial(make_dossier) -> None:
    dossier = make_dossier(
        money={
            "unit": "万元",
            "lines": [
                _line("年初预算", "工资福利支出", "100"),
                _line("调整预算", "工资福利支出", "120"),
                _line("执行", "工资福利支出", "108"),
            ],
        }
    )
    book = FigureBook(dossier)
    assert (
        book.value("budget.total"),
        book.value("budget.initial_total"),
        book.value("executed.total"),
    ) == (
        Decimal(120),
        Decimal(100),
        Decimal(108),
    )
    assert book.value("rates.execution") == Decimal(90)


def test_executed_phase_preferred_over_final(make_dossier) -> None:
    lines = [
        _line("年初预算", "工资福利支出", "100"),
        _line("执行", "工资福利支出", "90"),
        _line("决算", "工资福利支出", "95"),
    ]
    book = FigureBook(make_dossier(money={"unit": "万元", "lines": lines}))
    assert book.value("executed.total") == Decimal(90)


def test_final_accounts_used_when_no_executed_lines(make_dossier) -> None:
    lines = [_line("年初预算", "工资福利支出", "100"), _line("决算", "工资福利支出", "95")]
    book = FigureBook(make_dossier(money={"unit": "万元", "lines": lines}))
    assert (book.value("executed.total"), book.value("rates.execution")) == (
        Decimal(95),
        Decimal(95),
    )


def test_memo_items_are_not_part_of_totals(make_dossier) -> None:
    lines = [
        _line("调整预算", "工资福利支出", "100"),
        _line("调整预算", "三公经费-公务接待", "2"),
        _line("调整预算", "三公经费-公务用车运行维护", "3"),
        _line("调整预算", "公用经费", "10"),
        _line("执行", "工资福利支出", "100"),
        _line("执行", "三公经费-公务接待", "1.5"),
        _line("执行", "公用经费", "8"),
    ]
    book = FigureBook(make_dossier(money={"unit": "万元", "lines": lines}))
    assert {
        k: book.value(k)
        for k in (
            "budget.total",
            "budget.sangong",
            "executed.sangong",
            "rates.sangong_control",
            "rates.public_funds_control",
        )
    } == {
        "budget.total": Decimal(100),
        "budget.sangong": Decimal(5),
        "executed.sangong": Decimal("1.5"),
        "rates.sangong_control": Decimal(30),
        "rates.public_funds_control": Decimal(80),
    }


def test_adjustment_and_carryover_rates(make_dossier) -> None:
    lines = [
        _line("年初预算", "工资福利支出", "200"),
        _line("调整预算", "工资福利支出", "250"),
        _line("调整预算", "本年追加", "50"),
        _line("执行", "年末结转结余", "25"),
        _line("执行", "工资福利支出", "225"),
    ]
    book = FigureBook(make_dossier(money={"unit": "万元", "lines": lines}))
    assert (book.value("rates.adjustment"), book.value("rates.carryover")) == (
        Decimal(25),
        Decimal(10),
    )


def test_computed_change_pct_wins_over_stated(make_dossier) -> None:
    dossier = make_dossier(
        assets={"unit": "万元", "total_net": "90", "total_net_prior": "100"},
        stated=[{"key": "assets.change_pct", "value": "-5"}],
    )
    figure = FigureBook(dossier).figure("assets.change_pct")
    assert (figure.value, figure.origin, figure.computed, figure.stated) == (
        Decimal(-10),
        Origin.COMPUTED,
        Decimal(-10),
        Decimal(-5),
    )
    prior = FigureBook(dossier).figure("assets.total_net_prior")
    assert (prior.value, prior.origin) == (Decimal(100), Origin.COMPUTED)


def test_stated_value_stands_in_when_raw_facts_are_missing(make_dossier) -> None:
    dossier = make_dossier(stated=[{"key": "staffing.actual_total", "value": 42}])
    figure = FigureBook(dossier).figure("staffing.actual_total")
    assert (figure.value, figure.origin, figure.computed) == (Decimal(42), Origin.STATED, None)


def test_rate_with_zero_denominator_is_missing(make_dossier) -> None:
    dossier = make_dossier(staffing={"authorized": {"行政编制": 0}, "in_service": {"行政编制": 3}})
    assert FigureBook(dossier).value("rates.in_service_control") is None
    assert percent(Decimal(1), Decimal(0)) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("80.00"), "80"),
        (Decimal("1462.080"), "1462.08"),
        (Decimal("0.125"), "0.13"),
        (Decimal("-5.205"), "-5.21"),
        (Decimal("100"), "100"),
        (Decimal("1771.674227"), "1771.67"),
        (Decimal("10.5"), "10.5"),
    ],
)
def test_format_number(value: Decimal, text: str) -> None:
    assert format_number(value) == text


def test_memo_line_in_adjusted_phase_does_not_hide_the_initial_budget(make_dossier) -> None:
    lines = [
        _line("年初预算", "工资福利支出", "100"),
        _line("调整预算", "本年追加", "20"),
        _line("执行", "工资福利支出", "115"),
    ]
    book = FigureBook(make_dossier(money={"unit": "万元", "lines": lines}))
    assert book.value("budget.total") is not None


# ── two breakdowns of one total (funding and economic class) ──────────────────────────────


def _two_cuts(phase: str) -> list[dict[str, str]]:
    """400 spent, stated by funding (300 + 100) and again by economic class (250 + 120 + 30)."""
    return [
        _line(phase, "未分类支出", "300", funding="基本支出"),
        _line(phase, "未分类支出", "100", funding="项目支出"),
        _line(phase, "工资福利支出", "250"),
        _line(phase, "商品和服务支出", "120"),
        _line(phase, "资本性支出", "30"),
    ]


@pytest.mark.parametrize("phase, prefix", [("执行", "executed"), ("调整预算", "budget")])
def test_funding_and_economic_cuts_are_not_added_together(make_dossier, phase, prefix) -> None:
    book = FigureBook(make_dossier(money={"unit": "万元", "lines": _two_cuts(phase)}))
    assert book.value(f"{prefix}.total") == Decimal(400)
    assert (book.value(f"{prefix}.basic"), book.value(f"{prefix}.project")) == (300, 100)
    assert (book.value(f"{prefix}.wages"), book.value(f"{prefix}.capital")) == (250, 30)


def test_initial_budget_total_takes_one_cut_too(make_dossier) -> None:
    book = FigureBook(make_dossier(money={"unit": "万元", "lines": _two_cuts("年初预算")}))
    assert book.value("budget.initial_total") == Decimal(400)


def test_classes_within_funding_are_one_breakdown(make_dossier) -> None:
    # clean case: 基本支出's economic classes and an unclassified 项目支出 are one cut, all summed
    lines = [
        _line("执行", "工资福利支出", "250", funding="基本支出"),
        _line("执行", "商品和服务支出", "50", funding="基本支出"),
        _line("执行", "未分类支出", "100", funding="项目支出"),
    ]
    book = FigureBook(make_dossier(money={"unit": "万元", "lines": lines}))
    assert book.value("executed.total") == Decimal(400)


def test_economic_classes_alone_are_summed(make_dossier) -> None:
    # clean case: no funding cut, the classes (and an unclassified remainder) are the total
    lines = [
        _line("执行", "工资福利支出", "250"),
        _line("执行", "商品和服务支出", "120"),
        _line("执行", "未分类支出", "30"),
    ]
    book = FigureBook(make_dossier(money={"unit": "万元", "lines": lines}))
    assert book.value("executed.total") == Decimal(400)


# ── a book's money selections are the dossier's ───────────────────────────────────────────

_PHASES = [p.value for p in Phase]
_ITEMS = [i.value for i in Item]
_FUNDINGS = [None, *(f.value for f in Funding)]


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.sampled_from(_PHASES), st.sampled_from(_ITEMS), st.sampled_from(_FUNDINGS)),
        max_size=14,
    ),
    st.sampled_from(_ITEMS),
)
def test_a_books_money_selections_are_the_dossiers(make_dossier, lines, item) -> None:
    """The lines a book selects by phase (its one pass over the money) are those
    ``Money.select`` gives, in the same order, and the phases stated for any items too; so
    every money figure is the same sum of the same lines in the same order."""
    rows = [
        _line(phase, it, str(n + 1), **({"funding": funding} if funding else {}))
        for n, (phase, it, funding) in enumerate(lines)
    ]
    dossier = make_dossier(money={"unit": "万元", "lines": rows})
    book = FigureBook(dossier)
    for items in (COMPOSITION_ITEMS, frozenset({Item(item)}), frozenset()):
        assert book.phases_of(items) == _phases_of(dossier, items)
        for funding in (None, *Funding):
            for phases in [(p,) for p in Phase] + [(Phase.BUDGET_INITIAL, Phase.BUDGET_ADJUSTED)]:
                assert book.money_lines(phases, items, funding) == dossier.money.select(
                    phases=phases, items=items, funding=funding
                )
