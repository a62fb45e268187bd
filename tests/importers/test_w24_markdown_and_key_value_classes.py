"""Classes of the w24 first run (tests/fixtures/corpus/w24-04, w24-06: 部门整体支出绩效自评表 in
provincial template variants, little prose), pinned by variants written for these tests (not
copied from any report): the figures each must give, and nothing else. Each class has variants
that must NOT be read.

Classes: a form's column titles carrying the letters of its formula ("全年预算数（A）", "全年执行数
（B）", "预算执行率（B/A）") are the titles without them; a rate whose own clause names an earlier
year than the report's ("2023年度部门预算执行率为92.36%" in a 2024 report) is that year's; a
key/value staffing row of bare role words opened by 其中 ("其中：在职 | 16人 | 退休 | 5人") splits
the 实有 count of the row above it; a form that states its money unit once on a line of its own
("金额单位：万元") writes bare amounts after money labels ("2023年调整后预算数：2,316.85", "其中：基本
支出：1,306.20", "工资福利支出1,120.36；商品和服务支出305.82；…"), in that unit; a 自评表 alone is
titled as the form ("…2024年度部门整体支出绩效自评表"), its title giving department and year; a
预算执行率 row of an indicator table gives the rate from its 实际值 cell.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import _read_title, import_text
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
        {
            "budget.initial_total": "500",
            "budget.total": "520",
            "budget.basic": "310",
            "budget.project": "210",
            "executed.total": "507",
            "executed.basic": "305",
            "executed.project": "202",
        },
    ),
    (
        "资金情况\t年初预算数\t调整后预算数(A)\t实际支出数(B)\t执行率(C=B/A)\n"
        "年度资金总额\t500.00\t520.00\t507.00\t97.50%\n"
        "基本支出\t300.00\t310.00\t305.00\t98.39%\n"
        "项目支出\t200.00\t210.00\t202.00\t96.19%\n",
        {
            "budget.initial_total": "500",
            "budget.total": "520",
            "budget.basic": "310",
            "budget.project": "210",
            "executed.total": "507",
            "executed.basic": "305",
            "executed.project": "202",
        },
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
        (
            "全年预算数（A）\t全年执行数（B）\t预算执行率（B/A）",
            "全年预算数\t全年执行数\t预算执行率",
        ),
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
            {
                "staffing.authorized": "20",
                "staffing.actual_total": "24",
                "staffing.in_service": "19",
                "staffing.retired": "5",
            },
        ),
        (
            "实有人数\t30人\t编制数\t28名\n其中:在职\t25\t退休\t4\t离休\t1\n",
            {
                "staffing.authorized": "28",
                "staffing.actual_total": "30",
                "staffing.in_service": "25",
                "staffing.retired": "4",
                "staffing.retired_cadres": "1",
            },
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


# ── 4. a form's unit stated once, its amounts bare ─────────────────────────────────────────

SELF_FORM = "某县林业局2024年度部门整体支出绩效自评表\n"


def form_money(text: str) -> dict[str, str]:
    return money_only(claimed_figures(import_text(SELF_FORM + text)))


BARE_AMOUNT_FORMS = [
    (
        "金额单位：万元\n全年预算数：1,250.00\n其中：基本支出：800.00\n　　项目支出：450.00\n"
        "全年执行数：1,200.00\n其中：基本支出：790.00\n　　项目支出：410.00\n",
        {
            "budget.total": "1250",
            "budget.basic": "800",
            "budget.project": "450",
            "executed.total": "1200",
            "executed.basic": "790",
            "executed.project": "410",
        },
    ),
    (
        "单位：万元\n2024年调整后预算数：1,250.00\n其中：基本支出：800.00\n项目支出：450.00\n",
        {"budget.total": "1250", "budget.basic": "800", "budget.project": "450"},
    ),
    (
        "（单位：万元）\n实际支出：1,200.00\n"
        "支出按经济分类：工资福利支出600.00；商品和服务支出300.00；对个人和家庭的补助100.00；"
        "资本性支出200.00\n",
        {
            "executed.total": "1200",
            "executed.wages": "600",
            "executed.goods_services": "300",
            "executed.transfers_households": "100",
            "executed.capital": "200",
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), BARE_AMOUNT_FORMS)
def test_bare_amounts_of_a_form_take_its_unit(text: str, expected: dict[str, str]) -> None:
    assert form_money(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # scores and counts after the unit line are no money
        "金额单位：万元\n预算执行分值：10\n预算执行得分：9.54\n总分：100\n项目个数：12\n",
        # no unit line: a bare amount has no unit
        "全年预算数：1,250.00\n全年执行数：1,200.00\n",
        # two units stated: which holds where is not proven
        "金额单位：万元\n全年预算数：1,250.00\n全年执行数：1,200.00\n附表 单位：元\n",
        # a number with something after it
        "金额单位：万元\n项目支出：3个\n基本支出：12项\n",
    ],
)
def test_bare_numbers_that_are_no_form_amounts_are_not_read(text: str) -> None:
    assert form_money(text) == {}


def test_the_form_unit_goes_only_after_a_money_label() -> None:
    text = normalise("金额单位：万元\n预算执行得分：9.54\n全年预算数：1,250.00\n").text
    assert text == "金额单位:万元\n预算执行得分:9.54\n全年预算数(万元):1,250.00\n"


# ── 5. a 自评表 alone, titled as the form ────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("某县林业局2024年度部门整体支出绩效自评表", ("某县林业局", 2024)),
        ("某县林业局2024年度部门整体支出绩效评价表", ("某县林业局", 2024)),
        ("某乡人民政府2023年度部门（单位）整体支出绩效自评报告", ("某乡人民政府", 2023)),
        # a table of the form, or a note on it, is no title
        ("部门整体支出绩效评价指标表", None),
        ("绩效自评表填报说明", None),
    ],
)
def test_a_self_evaluation_form_is_titled_as_the_form(
    title: str, expected: tuple[str, int] | None
) -> None:
    assert _read_title(normalise(title).text) == expected


# ── 6. 预算执行率 as a row of the indicator table ─────────────────────────────────────────────

INDICATOR_HEADER = (
    "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际值 | 权重 | 得分 |\n"
    "| --- | --- | --- | --- | --- | --- | --- |\n"
    "| 产出指标 | 数量指标 | 植树面积 | ≥100亩 | 120亩 | 20 | 20 |\n"
)


@pytest.mark.parametrize(
    ("rows", "rate"),
    [
        ("| 预算执行率 |  |  | 100% | 96.98% | 10 | 9.70 |\n", "96.98"),
        ("| 效益指标 | 经济效益指标 | 预算执行率 | ≥95% | 95.50% | 10 | 10 |\n", "95.50"),
    ],
)
def test_the_rate_row_of_an_indicator_table(rows: str, rate: str) -> None:
    assert figures(INDICATOR_HEADER + rows).get("rates.execution") == rate.rstrip("0")


@pytest.mark.parametrize(
    "rows",
    [
        # other rates
        "| 预算调整率 |  |  | ≤5% | 3.2% | 10 | 10 |\n",
        "| 项目预算执行率 |  |  | 100% | 93.2% | 10 | 9.3 |\n",
        # two rows naming the rate: which is the department's is not proven
        "| 预算执行率 |  |  | 97% | 100% | 10 | 10 |\n| 预算执行率 |  |  | 100% | 96.98% | 10 | 9.70 |\n",
        # no % in the actual cell
        "| 预算执行率 |  |  | 100% | 96.98 | 10 | 9.70 |\n",
    ],
)
def test_a_rate_row_that_is_not_the_budget_execution_is_not_read(rows: str) -> None:
    assert "rates.execution" not in figures(INDICATOR_HEADER + rows)


def test_a_rate_row_outside_an_indicator_table_is_not_read() -> None:
    text = "一级指标\t三级指标\t指标值\t实际值\n预算执行率\t\t100%\t96.98%\n"
    assert "rates.execution" not in figures(text)  # no weight or score column
