"""A 自评表 written as key：value lines: a bare 执行率 line proven by the budget and spending lines
above it, a staffing part opened by 其中 ("其中在职人数：23"), and head-count keys under the form's
unit line ("金额单位：万元" / "编制数：24": a count, never an amount); variants written for these
tests."""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

HEAD = "某市残联2025年度部门整体支出绩效自评表\n部门名称：某市残联\n金额单位：万元\n"


@pytest.mark.parametrize(
    "lines",
    [
        "全年预算数：4,258.32\n全年执行数：4,129.50\n执行率：96.97%\n",
        "全年预算数：4258.32\n全年执行数：4129.50\n全年执行率：96.97%\n",
        "全年预算数：4,258.32\n其中基本支出：682.47\n全年执行数：4,129.50\n执行率: 96.97 %\n",
    ],
)
def test_a_rate_line_its_budget_and_spending_prove_is_the_execution_rate(lines: str) -> None:
    assert claimed_figures(import_text(HEAD + lines))["rates.execution"] == "96.97"


def test_a_rate_line_its_budget_and_spending_do_not_give_is_not_read() -> None:
    lines = "全年预算数：4,258.32\n全年执行数：4,129.50\n执行率：90.00%\n"
    assert "rates.execution" not in claimed_figures(import_text(HEAD + lines))


@pytest.mark.parametrize(
    "lines",
    [
        "编制数：24\n实有人数：39\n其中在职人数：23\n退休人数：16\n",
        "编制数：24\n实有人数：39\n其中：在职人数：23\n其中：退休人数：16\n",
        "核定编制：24\n实有人员：39\n其中在职人员：23\n退休人员：16\n",
    ],
)
def test_key_value_staffing_lines_under_the_unit_line_are_counts(lines: str) -> None:
    figures = claimed_figures(import_text(HEAD + lines))
    assert figures["staffing.authorized"] == "24"
    assert figures["staffing.in_service"] == "23"
    assert figures["staffing.actual_total"] == "39"
    assert figures["staffing.retired"] == "16"
    assert not [key for key, value in figures.items() if key.startswith("budget") and value == "24"]


def test_a_part_key_of_no_head_count_is_not_a_count() -> None:
    figures = claimed_figures(import_text(HEAD + "实有人数：39\n其中党员：23\n"))
    assert "staffing.in_service" not in figures
