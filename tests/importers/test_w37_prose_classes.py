"""The wording classes the w37 corpus reports (prose, each carrying an inconsistency) missed on
their first run, pinned by variants written for these tests (not copied from the corpus): the
figures each must give, and nothing else. Each class has a variant that must NOT be read.

Classes: the budget an adjustment ends on ("全年预算调整为4.1205亿元", "预算追加至…"); economic
classes in a table whose columns are years only (the report's year read, the earlier one a
comparison), 对个人和家庭的补助 included though its label has no 支.
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县某局2024年度部门整体支出绩效自评报告\n"


def money_read(text: str) -> dict[str, str]:
    return money_only(claimed_figures(import_text(TITLE + text)))


# ── the budget an adjustment ends on ────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "sentence",
    [
        "部门年初预算386.52万元，经年中追加、调整，全年预算调整为412.05万元。",
        "年初预算386.52万元，年中预算追加至412.05万元。",
        "年初预算386.52万元，因项目增加，预算调增至412.05万元。",
        "年初预算3.8652亿元，全年预算调整至4.1205亿元。",
    ],
)
def test_the_budget_an_adjustment_ends_on_is_the_adjusted_budget(sentence: str) -> None:
    read = money_read(sentence)
    assert read["budget.total"] in ("412.05", "41205")
    assert "budget.supplement" not in read


def test_an_adjustment_to_something_else_is_not_the_budget() -> None:
    read = money_read("年初预算386.52万元，预算调整为项目支出增加25.53万元。")
    assert read == {"budget.initial_total": "386.52"}


# ── economic classes by year columns ────────────────────────────────────────────────────────

CLASSES_BY_YEAR = (
    "按支出经济分类，近两年支出情况如下（单位：万元）：\n"
    "经济分类\t2023年\t2024年\n"
    "工资福利支出\t1,068.24\t1,105.62\n"
    "商品和服务支出\t472.90\t486.37\n"
    "对个人和家庭的补助\t340.15\t362.80\n"
    "资本性支出\t637.17\t757.36\n"
)


def test_classes_by_year_give_the_reports_years_spending() -> None:
    assert money_read(CLASSES_BY_YEAR) == {
        "executed.wages": "1105.62",
        "executed.goods_services": "486.37",
        "executed.transfers_households": "362.8",
        "executed.capital": "757.36",
    }


def test_classes_by_year_under_a_budget_heading_are_not_spending() -> None:
    assert money_read("一、部门预算安排情况\n" + CLASSES_BY_YEAR) == {}


# ── a budget's sources of funds that miss it ────────────────────────────────────────────────


def source_findings(text: str) -> list[str]:
    result = import_text(TITLE + text)
    return [f.message for f in result.findings if "按资金来源所列分项" in f.message]


@pytest.mark.parametrize(
    "sentence",
    [
        "全年预算1,200.00万元，其中：财政拨款1,100.00万元，上年结转80.00万元，其他资金10.00万元。",
        "2024年收入预算1,200.00万元，其中一般公共预算财政拨款1,100.00万元，政府性基金80.00万元，"
        "其他收入10.00万元。",
        "年度资金总额1200万元，其中：财政拨款1100万元、上年结转110万元。",  # more than the total
        "全年预算数为12,000,000.00元，其中财政拨款收入11,000,000.00元，事业收入800,000.00元，"
        "经营收入100,000.00元。",
    ],
)
def test_sources_of_funds_that_miss_their_total_are_reported(sentence: str) -> None:
    assert len(source_findings(sentence)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        # they add up
        "全年预算1,200.00万元，其中：财政拨款1,110.00万元，上年结转80.00万元，其他资金10.00万元。",
        # two sources summing to less, no 其他: the list may be partial
        "全年预算1,200.00万元，其中：财政拨款1,100.00万元，上年结转80.00万元。",
        # spending, not a budget or an income
        "全年支出1,200.00万元，其中：财政拨款1,100.00万元，其他资金10.00万元。",
        # a list of anything else
        "全年预算1,200.00万元，其中：基本支出700.00万元，项目支出490.00万元。",
    ],
)
def test_other_lists_are_not_reported_as_sources(sentence: str) -> None:
    assert source_findings(sentence) == []
