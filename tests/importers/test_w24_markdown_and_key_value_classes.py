"""Classes of the w24 first run (tests/fixtures/corpus/w24-04, w24-06: 部门整体支出绩效自评表 in
provincial template variants, little prose), pinned by variants written for these tests (not
copied from any report): the figures each must give, and nothing else. Each class has variants
that must NOT be read.

Classes: a form's column titles carrying the letters of its formula ("全年预算数（A）", "全年执行数
（B）", "预算执行率（B/A）") are the titles without them; a rate whose own clause names an earlier
year than the report's ("2023年度部门预算执行率为92.36%" in a 2024 report) is that year's; a
key/value staffing row of bare role words opened by 其中 ("其中：在职 | 16人 | 退休 | 5人") splits
the 实有 count of the row above it.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

FORM = "某县林业局2024年度部门整体支出绩效自评报告\n金额单位：万元\n"


def figures(text: str) -> dict[str, str]:
    return claimed_figures(import_text(FORM + text))


# ── 1. a form's column letters ──────────────────────────────────────────────────────────────

LETTERED_BLOCKS = [
    (
        "| 项目 | 年初预算数 | 全年预算数（A） | 全年执行数（B） | 预算执行率（B/A） |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 年度资金总额 | 500.00 | 520.00 | 507.00 | 97.50% |\n"
        "| 基本支出 | 300.00 | 310.00 | 305.00 | 98.39% |\n"
        "| 项目支出 | 200.00 | 210.00 | 202.00 | 96.19% |\n",
        {"budget.initial_total": "500", "budget.total": "520", "budget.basic": "310",
         "budget.project": "210", "executed.total": "507", "executed.basic": "305",
         "executed.project": "202"},
    ),
    (
        "资金情况\t年初预算数\t调整后预算数(A)\t实际支出数(B)\t执行率(C=B/A)\n"
        "年度资金总额\t500.00\t520.00\t507.00\t97.50%\n"
        "基本支出\t300.00\t310.00\t305.00\t98.39%\n"
        "项目支出\t200.00\t210.00\t202.00\t96.19%\n",
        {"budget.initial_total": "500", "budget.total": "520", "budget.basic": "310",
         "budget.project": "210", "executed.total": "507", "executed.basic": "305",
         "executed.project": "202"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), LETTERED_BLOCKS)
def test_column_letters_leave_the_titles_they_follow(text: str, expected: dict[str, str]) -> None:
    assert money_only(figures(text)) == expected


def test_funding_source_rows_of_a_lettered_block_are_not_basic_or_project() -> None:
    text = (
        "| 项目 | 年初预算数 | 全年预算数（A） | 全年执行数（B） | 预算执行率（B/A） |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 年度资金总额 | 500.00 | 520.00 | 507.00 | 97.50% |\n"
        "| 其中：财政拨款 | 480.00 | 500.00 | 487.00 | 97.40% |\n"
        "| 其他资金 | 20.00 | 20.00 | 20.00 | 100.00% |\n"
    )
    read = figures(text)
    assert {key: read.get(key) for key in ("budget.total", "executed.total")} == {
        "budget.total": "520",
        "executed.total": "507",
    }
    assert not [key for key in read if key.endswith((".basic", ".project"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年预算数（A）\t全年执行数（B）\t预算执行率（B/A）", "全年预算数\t全年执行数\t预算执行率"),
        ("| 调整后预算额(A) | 支出金额(B) |", "调整后预算额\t支出金额"),
        # not after a column title: a grade, a product, a footnote mark stay as written
        ("景区等级(AAAA)", "景区等级(AAAA)"),
        ("评价等次(A)为优", "评价等次(A)为优"),
        ("执行率(A)较上年提高", "执行率(A)较上年提高"),
    ],
)
def test_only_letters_closing_a_column_title_go(text: str, expected: str) -> None:
    assert normalise(text).text == expected


# ── 2. a rate whose clause names an earlier year ────────────────────────────────────────────


@pytest.mark.parametrize(
    "text",
    [
        "注：2023年度部门预算执行率为92.36%。\n",
        "备注：上年预算执行率93.10%，本年度加强了预算管理。\n",
        "2022年预算执行率为90.5%。\n",
    ],
)
def test_an_earlier_years_rate_is_not_read(text: str) -> None:
    assert "rates.execution" not in figures(text)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("2024年度部门预算执行率为97.12%。\n", "97.12"),
        ("较2023年提高2.1个百分点，预算执行率为97.12%。\n", "97.12"),
        ("预算执行率97.12%，较2023年度提高4.76个百分点。\n", "97.12"),
    ],
)
def test_this_years_rate_beside_an_earlier_year_is_read(text: str, rate: str) -> None:
    assert figures(text).get("rates.execution") == rate


# ── 3. a key/value row of bare role words splitting the 实有 count above it ────────────────────


def staffing(text: str) -> dict[str, str]:
    return {key: value for key, value in figures(text).items() if key.startswith("staffing.")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "| 单位名称 | 某县林业局 | 主管部门 | 某县人民政府 |\n| --- | --- | --- | --- |\n"
            "| 编制数 | 20名 | 实有人数 | 24人 |\n| 其中：在职 | 19人 | 退休 | 5人 |\n",
            {"staffing.authorized": "20", "staffing.actual_total": "24",
             "staffing.in_service": "19", "staffing.retired": "5"},
        ),
        (
            "实有人数\t30人\t编制数\t28名\n其中:在职\t25\t退休\t4\t离休\t1\n",
            {"staffing.authorized": "28", "staffing.actual_total": "30",
             "staffing.in_service": "25", "staffing.retired": "4",
             "staffing.retired_cadres": "1"},
        ),
    ],
)
def test_a_role_split_row_under_the_actual_count(text: str, expected: dict[str, str]) -> None:
    assert staffing(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # parts by type, not by role
        "编制数\t20名\t实有人数\t24人\n其中:行政\t10人\t事业\t14人\n",
        # parts that miss the 实有 count
        "编制数\t20名\t实有人数\t24人\n其中:在职\t18人\t退休\t5人\n",
        # no 实有 count above: a quota's row
        "编制数\t20名\t内设机构\t3个\n其中:在职\t19人\t退休\t5人\n",
        # not opened by 其中
        "编制数\t20名\t实有人数\t24人\n在职\t19人\t退休\t5人\n",
    ],
)
def test_a_role_split_row_that_proves_nothing_is_not_read(text: str) -> None:
    read = staffing(text)
    assert "staffing.in_service" not in read
    assert "staffing.retired" not in read
