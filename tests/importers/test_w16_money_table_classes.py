"""Classes of the w16 first run (tests/fixtures/corpus/w16-02, w16-03, w16-07), each pinned by
variants written for these tests (not copied from any report, nor from the corpus files): the
figures each must give, and nothing else (precision first). Each class has variants that must NOT
be read.

Classes: a 收入支出决算总表 drawn as two tables side by side (its 总计 row not read); a budget
"（含年中追加调整）"; a numbered item under a 项目 heading naming its project before the colon; 对企业补助
as an economic class beside the four; one carry-over stated twice; a flattened table's 执行率
column proven by its part rows; "经区财政局批复调整后预算".
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

BUREAU = "某县林业局2023年度部门整体支出绩效评价报告\n一、基本情况\n"


def read(text: str, title: str = BUREAU) -> dict[str, str]:
    return claimed_figures(import_text(title + text))


def stated(text: str, key: str, title: str = BUREAU) -> list[str]:
    result = import_text(title + text)
    return [str(fact.value) for fact in result.dossier.stated if fact.key == key]


# ── 1. a 收入支出决算总表 side by side ────────────────────────────────────────────────────────

SIDE_BY_SIDE = [
    (
        "（一）收入支出决算总表\n单位：万元\n"
        "项目\t决算数\t项目\t决算数\n"
        "一、财政拨款收入\t820.00\t一、一般公共服务支出\t700.00\n"
        "二、其他收入\t30.00\t二、农林水支出\t120.00\n"
        "本年收入合计\t850.00\t本年支出合计\t820.00\n"
        "年初结转和结余\t40.00\t年末结转和结余\t70.00\n"
        "总计\t890.00\t总计\t890.00\n",
        {
            "executed.total": "820",
            "income.total": "850",
            "income.other": "30",
            "executed.carryover_end": "70",
        },
    ),
    (
        "收入支出决算表\n单位：万元\n"
        "收入项目\t金额\t支出项目\t金额\n"
        "一般公共预算财政拨款收入\t512.30\t社会保障和就业支出\t498.10\n"
        "本年收入合计\t512.30\t本年支出合计\t498.10\n"
        "总计\t512.30\t总计\t512.30\n",
        None,  # halves whose titles differ: not two tables of one header (see the NOT case)
    ),
]


def test_a_side_by_side_income_and_spending_table_is_read_as_two_tables() -> None:
    text, expected = SIDE_BY_SIDE[0]
    got = money_only(read(text))
    assert got == expected


def test_the_grand_total_row_beside_the_years_totals_is_not_the_spending() -> None:
    text, _ = SIDE_BY_SIDE[0]
    assert "890" not in stated(text, "executed.total")
    assert "890.00" not in stated(text, "executed.total")


def test_a_four_column_table_whose_third_cell_is_a_number_is_not_split() -> None:
    text = (
        "单位：万元\n项目\t年初预算\t项目\t年初预算\n"
        "基本支出\t300.00\t200.00\t310.00\n项目支出\t100.00\t90.00\t95.00\n"
    )
    # the header's halves repeat, but the rows hold numbers where a row label would stand
    assert money_only(read(text)) == {"budget.basic": "300", "budget.project": "100"}


def test_halves_with_other_titles_are_not_split() -> None:
    text, _ = SIDE_BY_SIDE[1]
    assert money_only(read(text)) == {}


# ── 2. a budget with the year's adjustments in it ────────────────────────────────────────────

WITH_ADJUSTMENTS = [
    "2023年度预算数（含年中追加调整）1,250.00万元，全年支出1,200.00万元。",
    "全年预算总额（包括年中追加）1,250.00万元，全年支出1,200.00万元。",
    "预算安排(含追加调整)1,250.00万元，全年支出1,200.00万元。",
    "部门预算数（含调整）1,250.00万元，全年支出1,200.00万元。",
]


@pytest.mark.parametrize("text", WITH_ADJUSTMENTS)
def test_a_budget_that_includes_its_adjustments_is_the_adjusted_budget(text: str) -> None:
    got = money_only(read(text))
    assert got.get("budget.total") == "1250"
    assert "budget.supplement" not in got


NOT_WITH_ADJUSTMENTS = [
    "预算数（不含追加）1,250.00万元，全年支出1,200.00万元。",
    "年初预算数（含追加）1,250.00万元，全年支出1,200.00万元。",
]


@pytest.mark.parametrize("text", NOT_WITH_ADJUSTMENTS)
def test_a_budget_excluding_them_or_an_initial_one_is_not_the_adjusted_budget(text: str) -> None:
    got = money_only(read(text))
    assert got.get("budget.total") != "1250"


# ── 3. a numbered project item under a 项目 heading ─────────────────────────────────────────

PROJECT_ITEMS = [
    "全年预算1,000.00万元，实际支出960.00万元。\n（三）重点项目\n"
    "1.道路日常养护：全年预算300.00万元，实际支出290.00万元；养护里程120公里。\n"
    "2.公交运营补贴：预算安排200.00万元，执行数195.00万元。\n",
    "全年预算1,000.00万元，实际支出960.00万元。\n三、主要项目实施情况\n"
    "（1）河道保洁：全年预算80.00万元，实际支出79.00万元。\n",
]


@pytest.mark.parametrize("text", PROJECT_ITEMS)
def test_a_numbered_item_under_a_project_heading_is_that_projects_money(text: str) -> None:
    got = money_only(read(text))
    assert got == {"budget.total": "1000", "executed.total": "960"}


def test_a_numbered_item_naming_only_a_phase_stays_the_departments() -> None:
    text = "（三）项目支出情况\n1.预算执行情况：全年预算1,000.00万元，实际支出960.00万元。\n"
    got = money_only(read(text))
    assert got == {"budget.total": "1000", "executed.total": "960"}


# ── 4. 对企业补助 as an economic class ──────────────────────────────────────────────────────


def test_subsidies_to_enterprises_complete_the_cut_by_class() -> None:
    text = (
        "支出决算总额1,000.00万元。支出决算总额中：基本支出300.00万元，项目支出700.00万元。\n"
        "按经济分类：工资福利支出250.00万元，商品和服务支出150.00万元，对个人和家庭的补助50.00万元，"
        "对企业补助200.00万元，资本性支出350.00万元。\n"
    )
    got = money_only(read(text))
    assert got["executed.total"] == "1000"
    assert got["executed.basic"] == "300" and got["executed.project"] == "700"
    assert got["executed.wages"] == "250" and got["executed.capital"] == "350"


def test_without_it_the_classes_are_a_partial_cut_and_not_claimed() -> None:
    text = (
        "支出决算总额1,000.00万元。支出决算总额中：基本支出300.00万元，项目支出700.00万元。\n"
        "按经济分类：工资福利支出250.00万元，商品和服务支出150.00万元，对个人和家庭的补助50.00万元，"
        "资本性支出350.00万元。\n"
    )
    got = money_only(read(text))
    assert "executed.wages" not in got


# ── 5. one carry-over stated twice ──────────────────────────────────────────────────────────


def test_a_carry_over_stated_in_the_table_and_the_prose_is_one() -> None:
    text, _ = SIDE_BY_SIDE[0]
    text += "主要问题：年末结转和结余70.00万元，执行偏慢。\n"
    assert money_only(read(text))["executed.carryover_end"] == "70"


# ── 6. a flattened table's 执行率 column ────────────────────────────────────────────────────


def flat(total_rate: str, basic_rate: str = "98.00%") -> str:
    return (
        "（一）预算执行情况（单位：万元）\n项目\n年初预算数\n全年预算数\n实际执行数\n执行率\n"
        f"基本支出\n480.00\n500.00\n490.00\n{basic_rate}\n"
        "项目支出\n280.00\n300.00\n270.00\n90.00%\n"
        f"合计\n760.00\n800.00\n760.00\n{total_rate}\n"
    )


def test_a_flattened_table_with_a_rate_column_is_read() -> None:
    got = read(flat("95.00%"))
    assert money_only(got) == {
        "budget.total": "800",
        "budget.basic": "500",
        "budget.project": "300",
        "budget.initial_total": "760",
        "executed.total": "760",
        "executed.basic": "490",
        "executed.project": "270",
    }
    assert got["rates.execution"] == "95"


def test_a_contradicted_total_rate_is_read_as_written_when_the_part_rows_prove_the_column() -> None:
    got = read(flat("96.00%"))
    assert stated(flat("96.00%"), "rates.execution") == ["96.00"]
    assert got["executed.total"] == "760"


def test_no_rate_is_read_when_a_part_rows_rate_misses_too() -> None:
    assert stated(flat("96.00%", basic_rate="97.00%"), "rates.execution") == []


# ── 7. the approver before the adjusted budget ──────────────────────────────────────────────

APPROVED = [
    "年初预算800.00万元，经区财政局批复调整后预算为900.00万元，其中：基本支出600.00万元，项目支出300.00万元。",
    "年初预算800.00万元，报经县财政局批准的调整后预算900.00万元，其中：基本支出600.00万元，"
    "项目支出300.00万元。",
    "年初预算800.00万元，经财政部门审核批复调整后预算900.00万元，其中：基本支出600.00万元，"
    "项目支出300.00万元。",
]


@pytest.mark.parametrize("text", APPROVED)
def test_the_finance_bureau_approving_the_budget_names_no_other_body(text: str) -> None:
    got = money_only(read(text))
    assert got["budget.total"] == "900"
    assert got["budget.basic"] == "600" and got["budget.project"] == "300"


def test_another_bodys_adjusted_budget_stays_unread() -> None:
    text = "年初预算800.00万元，区财政局调整后预算为900.00万元。"
    assert money_only(read(text)).get("budget.total") != "900"
