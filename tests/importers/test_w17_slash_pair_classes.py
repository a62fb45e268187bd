"""Classes of the w17 first run (tests/fixtures/corpus/w17-03), pinned by variants written for
these tests (not copied from any report, nor from the corpus files): the figures each must give,
and nothing else (precision first). Each class has variants that must NOT be read.

Classes: budget/spending pairs written "A/B" after one line that states their order (预算数/实际
支出数, 预算数/决算数…) and their unit; a bare 执行率 right after the whole's pair.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

BUREAU = "某县档案馆2022年度部门整体支出绩效自评报告\n一、基本情况\n某县档案馆负责全县档案管理。\n"

BODY = (
    "二、支出情况\n{header}\n"
    "1.合计：1,200.00/1,150.00，执行率95.83%。\n"
    "2.基本支出：700.00/690.00；项目支出：500.00/460.00。\n"
    "3.工资福利支出：600.00/590.00；商品和服务支出：450.00/420.00；"
    "对个人和家庭的补助：50.00/45.00；资本性支出：100.00/95.00。\n"
    "4.“三公”经费：12.00/10.50；档案数字化项目：300.00/280.00。\n"
    "三、绩效情况\n全年完成档案数字化12.5万卷。\n"
)


def read(text: str) -> dict[str, Decimal]:
    figures = claimed_figures(import_text(BUREAU + text))
    return {
        key: Decimal(value)
        for key, value in figures.items()
        if key.startswith(("budget.", "executed.", "rates.execution"))
    }


@pytest.mark.parametrize(
    "header",
    [
        "以下金额按“预算数/实际支出数”列示，单位：万元。",
        "下列数据均按预算数/执行数的顺序填列（单位：万元）。",
        '各项按"全年预算数/决算数"列示，单位为万元。',
    ],
)
def test_pairs_after_a_line_stating_their_order(header):
    got = read(BODY.format(header=header))
    assert got["budget.total"] == Decimal("1200")
    assert got["executed.total"] == Decimal("1150")
    assert got["budget.basic"] == Decimal("700") and got["executed.basic"] == Decimal("690")
    assert got["budget.project"] == Decimal("500") and got["executed.project"] == Decimal("460")
    assert got["budget.wages"] == Decimal("600") and got["executed.wages"] == Decimal("590")
    assert got["executed.capital"] == Decimal("95")
    assert got["rates.execution"] == Decimal("95.83")


@pytest.mark.parametrize(
    "header",
    [
        "以下金额单位：万元。",  # no order stated: which is the budget would be a guess
        "以下金额按“数量/金额”列示，单位：万元。",  # not two phases
        "以下金额按“预算数/年初预算数”列示，单位：万元。",  # both budgets
        "以下金额按“预算数/实际支出数”列示。",  # no unit
    ],
)
def test_pairs_whose_order_or_unit_is_not_stated_are_not_read(header):
    got = read(BODY.format(header=header))
    assert "budget.basic" not in got and "executed.basic" not in got
    assert "budget.wages" not in got


def test_pairs_under_the_next_heading_and_other_labels_are_not_read():
    text = (
        "二、支出情况\n以下金额按“预算数/实际支出数”列示，单位：万元。\n"
        "档案数字化项目：300.00/280.00。\n三、其他\n基本支出：700.00/690.00。\n"
    )
    got = read(text)
    assert "budget.basic" not in got and "executed.basic" not in got
    assert "budget.total" not in got and "executed.total" not in got


def test_a_rate_after_a_pair_it_does_not_match_is_not_read():
    text = BODY.format(header="以下金额按“预算数/实际支出数”列示，单位：万元。").replace(
        "执行率95.83%", "执行率97.50%"
    )
    assert "rates.execution" not in read(text)
