"""Classes the w17 corpus reports (tests/fixtures/corpus/w17-*) missed on their first run: a
space-aligned table whose first header title is spread out one ideograph at a time (full-width
spaces: "项　　目"), and a budgeted income cut into 基本支出 and 项目支出. Variants written for
these tests; each class with variants that must NOT be read.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县档案馆2023年度部门整体支出绩效自评报告\n"


def money_read(text: str) -> dict[str, str]:
    return money_only(claimed_figures(import_text(TITLE + text)))


# ── 1. a spread-out first title in a space-aligned header ─────────────────────────────────


@pytest.mark.parametrize(
    "header",
    [
        "项　　目　　　　本年预算数　　本年决算数　　上年决算数",
        "科　　目　　　本年预算数　　　本年决算数　　　上年决算数",
        "项  目      本年预算数    本年决算数    上年决算数",
        "项　目　名　称　　本年预算数　　本年决算数　　上年决算数",
    ],
)
def test_a_spread_out_first_title_counts_once(header: str) -> None:
    text = (
        "表1　支出情况表（单位：万元）\n"
        f"{header}\n"
        "支出合计　　　　520.00　　　　500.50　　　　480.00\n"
        "基本支出　　　　300.00　　　　296.20　　　　290.00\n"
        "项目支出　　　　220.00　　　　204.30　　　　190.00\n"
    )
    assert money_read(text) == {
        "budget.total": "520",
        "budget.basic": "300",
        "budget.project": "220",
        "executed.total": "500.5",
        "executed.basic": "296.2",
        "executed.project": "204.3",
    }


def test_a_spread_title_keeps_its_origin() -> None:
    original = "项　　目　　　本年预算数　　本年决算数\n支出合计　　520.00　　500.50\n基本支出　　300.00　　296.20\n"
    result = normalise(original)
    assert result.text.split("\n")[0] == "项目\t本年预算数\t本年决算数"
    start = result.text.index("本年预算数")
    assert original[result.origin[start]] == "本"


@pytest.mark.parametrize(
    "header",
    [
        # single ideographs that are not one title: a row of four cells under five titles
        "年　　月　　　本年预算数　　本年决算数　　上年决算数　　增减",
        # spread title, but the rows do not have the header's count of cells
        "项　　目　　　本年预算数　　本年决算数　　上年决算数　　备注",
    ],
)
def test_a_spread_title_that_does_not_fit_the_rows_leaves_the_table_unread(header: str) -> None:
    text = (
        "表1　支出情况表（单位：万元）\n"
        f"{header}\n"
        "支出合计　　　　520.00　　　　500.50　　　　480.00\n"
        "基本支出　　　　300.00　　　　296.20　　　　290.00\n"
    )
    assert money_read(text) == {}


# ── 2. a budgeted income cut into 基本支出 and 项目支出 ───────────────────────────────────


@pytest.mark.parametrize(
    "sentence",
    [
        "全年预算收入5230400元，全部为财政拨款，其中基本支出3120400元，项目支出2110000元。",
        "全年部门预算收入523.04万元，其中：基本支出312.04万元、项目支出211.00万元。",
        "本年度收入预算523.04万元，其中项目支出211.00万元，基本支出312.04万元。",
        "2023年全年预算收入523.04万元，其中基本支出预算312.04万元，项目支出预算211.00万元。",
    ],
)
def test_a_budgeted_income_split_by_funding_is_the_budget(sentence: str) -> None:
    assert money_read("（一）预算情况\n" + sentence) == {
        "budget.total": "523.04",
        "budget.basic": "312.04",
        "budget.project": "211",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        # the parts miss the sum
        "全年预算收入523.04万元，其中基本支出312.04万元，项目支出210.00万元。",
        # parts by source of funds, not by 基本/项目
        "全年预算收入523.04万元，其中财政拨款收入500.00万元，其他收入23.04万元。",
        # the parts are written as spending
        "全年预算收入523.04万元，其中基本支出实际支出312.04万元，项目支出实际支出211.00万元。",
        # one part only
        "全年预算收入523.04万元，其中基本支出523.04万元。",
    ],
)
def test_a_budgeted_income_not_cut_by_funding_is_not_the_budget(sentence: str) -> None:
    figures = money_read("（一）预算情况\n" + sentence)
    assert "budget.total" not in figures
    assert "budget.basic" not in figures
