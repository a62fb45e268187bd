"""Classes of the w17 first run (tests/fixtures/corpus/w17-07), each pinned by variants written
for these tests (not copied from any report, nor from the corpus files): the figures each must
give, and nothing else (precision first). Each class has variants that must NOT be read.

Classes: a form's 实有 key：value line split by role on the lines after it, the role word bare
with its unit in brackets ("其中：在职（人）：30" / "退休（人）：6").
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

BUREAU = "某县统计局2022年度部门整体支出绩效自评报告\n一、基本情况\n"


def staffing(text: str) -> dict[str, str]:
    figures = claimed_figures(import_text(BUREAU + text))
    return {k: v for k, v in figures.items() if k.startswith("staffing.")}


# ── 1. 实有 key：value line, split by bare role words on the lines after it ──────────────────

KEYED_SPLIT = [
    (
        "编制人数（名）：30\n实有人数（人）：36\n其中：在职（人）：29\n　　退休（人）：7\n",
        {"staffing.in_service": "29", "staffing.retired": "7"},
    ),
    (
        "实有人数（名）：21\n其中在职（名）：18\n离休（名）：1\n退休（名）：2\n",
        {"staffing.in_service": "18", "staffing.retired": "2"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), KEYED_SPLIT)
def test_a_keyed_actual_count_split_by_role_on_the_lines_after_it(text, expected):
    got = staffing(text)
    for key, value in expected.items():
        assert got.get(key) == value


NOT_KEYED_SPLIT = [
    # the parts do not add up to the 实有 count
    "实有人数（人）：36\n其中：在职（人）：29\n　　退休（人）：5\n",
    # the first part does not open on 其中: not a split of the line before
    "实有人数（人）：36\n在职（人）：29\n退休（人）：7\n",
    # a role twice
    "实有人数（人）：36\n其中：在职（人）：29\n在职（人）：7\n",
    # under a quota, not a 实有 count
    "编制人数（名）：36\n其中：在职（人）：29\n退休（人）：7\n",
]


@pytest.mark.parametrize("text", NOT_KEYED_SPLIT)
def test_a_keyed_split_that_is_not_one_is_not_read(text):
    got = staffing(text)
    assert "staffing.in_service" not in got
    assert "staffing.retired" not in got


# ── 2. a 决算 total below the four classes with no phase word ──────────────────────────────

FINAL_LINES = (
    "二、支出情况\n预算总额（万元）：500.00\n其中：基本支出（万元）：400.00\n　　项目支出（万元）：100.00\n"
    "决算支出（万元）：480.00\n其中：基本支出（万元）：390.00\n　　项目支出（万元）：90.00\n"
    "（二）支出结构\n工资福利支出（万元）：{wages}\n商品和服务支出（万元）：100.00\n"
    "对个人和家庭的补助（万元）：30.00\n资本性支出（万元）：50.00\n"
)


def money(text: str) -> dict[str, Decimal]:
    got = money_only(claimed_figures(import_text(BUREAU + text)))
    return {key: Decimal(value) for key, value in got.items()}


def test_classes_summing_above_the_final_total_make_it_the_years_spending():
    result = import_text(BUREAU + FINAL_LINES.format(wages="301.00"))  # 481.00 > 480.00
    got = {k: Decimal(v) for k, v in money_only(claimed_figures(result)).items()}
    assert got["executed.total"] == Decimal("480")
    assert got["executed.basic"] == Decimal("390")
    assert got["executed.project"] == Decimal("90")
    assert got["budget.total"] == Decimal("500")
    assert "import.W005" in {finding.id for finding in result.findings}


@pytest.mark.parametrize(
    "text",
    [
        # the classes sum to less than the 决算 total: maybe a part's breakdown or a partial cut
        FINAL_LINES.format(wages="200.00"),
        # three classes only
        FINAL_LINES.format(wages="360.00").replace("资本性支出（万元）：50.00\n", ""),
    ],
)
def test_classes_that_may_be_a_part_leave_the_final_lines_apart(text):
    assert "executed.basic" not in money(text)


def test_a_final_total_beside_stated_spending_is_not_folded_by_this_class():
    text = (
        "二、支出情况\n决算支出（万元）：480.00\n其中：基本支出（万元）：390.00\n"
        "　　项目支出（万元）：90.00\n全年实际支出（万元）：455.00\n"
        "工资福利支出（万元）：301.00\n商品和服务支出（万元）：100.00\n"
        "对个人和家庭的补助（万元）：30.00\n资本性支出（万元）：50.00\n"
    )
    assert money(text).get("executed.basic") != Decimal("390")


# ── 3. a rate or the asset change as a form line, the percent sign in the label ────────────


def rates(text: str) -> dict[str, Decimal]:
    figures = claimed_figures(import_text(BUREAU + text))
    return {
        key: Decimal(value)
        for key, value in figures.items()
        if key.startswith(("rates.", "assets.change_pct"))
    }


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("预算执行率（%）：96.40\n", "rates.execution", "96.40"),
        ("二、支出情况\n预算执行率(%): 88\n", "rates.execution", "88"),
        ("结转结余率（%）：2.5\n", "rates.carryover", "2.5"),
        ("资产总额增减变化（%）：-4.1\n", "assets.change_pct", "-4.1"),
        ("资产总额增减率（%）：6.0\n", "assets.change_pct", "6.0"),
        ("总资产较上年增长率（%）：－1.5\n", "assets.change_pct", "-1.5"),
    ],
)
def test_a_form_line_with_the_percent_sign_in_its_label(text, key, value):
    assert rates(text).get(key) == Decimal(value)


@pytest.mark.parametrize(
    "text",
    [
        "项目支出预算执行率（%）：91.00\n",  # a part's rate, not the department's
        "预算执行率（%）：96.40（截至9月）\n",  # something after the number
        "第三季度预算执行率（%）：70.00\n",
        "固定资产增减变化（%）：-4.1\n",  # another asset
        "资产总额下降率（%）：4.1\n",  # a direction the bare number does not sign
        "净资产增减变化（%）：3.0\n",
    ],
)
def test_form_lines_naming_something_else_are_not_read(text):
    got = rates(text)
    assert "rates.execution" not in got
    assert "assets.change_pct" not in got
