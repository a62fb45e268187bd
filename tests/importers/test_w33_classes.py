"""Wording classes of set w33 (prose reports of bodies and provinces the corpus had least), each
with variants written for the test, including ones that must not be read."""

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县中心敬老院2024年度部门整体支出绩效自评报告\n"


@pytest.mark.parametrize(
    "header",
    [
        "  项  目          年初预算          调整预算            决算数",
        "    项    目        年初预算          调整预算            决算数",
        "项  目            年初预算          调整预算            决算数",
    ],
)
def test_an_indented_spread_out_first_title_heads_a_space_aligned_table(header: str) -> None:
    text = (
        TITLE
        + "支出预算和决算情况如下（单位：万元）：\n"
        + header
        + "\n  支出合计        432.65            471.83              460.29\n"
        + "    基本支出      148.65            151.23              149.87\n"
        + "    项目支出      284.00            320.60              310.42\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.total"] == "471.83"
    assert money["executed.basic"] == "149.87"
    assert money["executed.project"] == "310.42"


def test_a_spread_title_over_rows_that_are_not_a_table_reads_nothing() -> None:
    text = TITLE + "  项  目          说明\n  护理  新增护理床位30张，年内完成\n"
    assert not money_only(claimed_figures(import_text(text)))


@pytest.mark.parametrize(
    "sentence",
    [
        "年初预算1,286.40万元，年中追加预算215.60万元，调整后预算1,502.00万元。按经费性质分："
        "基本支出预算862.35万元，项目支出预算639.65万元。",
        "2022年年初预算1,286.40万元，调整后预算1,502.00万元，其中基本支出预算862.35万元、"
        "项目支出预算639.65万元。",
        "调整后全年预算1,502.00万元（年初预算1,286.40万元）。基本支出预算数862.35万元，项目支出"
        "预算数639.65万元。",
    ],
)
def test_a_bare_budget_split_adding_up_to_the_adjusted_total_is_its_split(sentence: str) -> None:
    money = money_only(claimed_figures(import_text(TITLE + sentence + "\n")))
    assert money["budget.total"] == "1502"
    assert money["budget.basic"] == "862.35"
    assert money["budget.project"] == "639.65"


@pytest.mark.parametrize(
    "sentence",
    [
        # the split adds up to the initial budget: the initial budget's, not the year's
        "年初预算1,286.40万元，调整后预算1,502.00万元。基本支出预算800.35万元，项目支出预算"
        "486.05万元。",
        # to neither
        "年初预算1,286.40万元，调整后预算1,502.00万元。基本支出预算800.35万元，项目支出预算"
        "486.00万元。",
    ],
)
def test_a_bare_budget_split_not_adding_up_to_the_adjusted_total_is_not_its_split(
    sentence: str,
) -> None:
    money = money_only(claimed_figures(import_text(TITLE + sentence + "\n")))
    assert "budget.basic" not in money
    assert "budget.project" not in money
