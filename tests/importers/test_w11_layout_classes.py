"""Layout classes of the w10/w11 first runs (tests/fixtures/corpus/w11-01, w11-06), each pinned by
variants written for these tests (not copied from any report, nor from the corpus files): the
figures each must give, and nothing else (precision first). Each class has variants that must NOT
be read.

Classes: tables aligned with runs of spaces (no tabs) are read as tab tables when the column count
is proven; a form's money block flattened one cell per line (预算数 / 执行数 / 执行率 [/ 分值 / 得分])
whose part rows lost their empty score cells, read when every row's rate is its spending over its
budget and the parts add up; a number with a thousands comma alone on its line is a cell, not a
sentence in progress; a table's 财政拨款收入 beside another kind of income is a part of the
income, not its total; the year's spending and its amount, then "占全年预算的R%".
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县自然资源局2023年度部门整体支出绩效自评报告\n"


def read(text: str) -> dict[str, str]:
    return claimed_figures(import_text(TITLE + text))


def money_read(text: str) -> dict[str, str]:
    return money_only(read(text))


# ── 1. tables aligned with runs of spaces ───────────────────────────────────────────────────

SPACED_TABLES = [
    # parts indented under their total, a rate column, income rows above
    "二、预算执行情况\n"
    "表2    收支执行表    单位：万元\n"
    "项目            全年预算数     实际支出     执行率\n"
    "财政拨款收入      800.00        800.00      100.00%\n"
    "支出合计          800.00        760.00       95.00%\n"
    "   基本支出       500.00        490.00       98.00%\n"
    "   项目支出       300.00        270.00       90.00%\n",
    # two spaces only between cells (a web page's text), no rate column, unit above
    "单位：万元\n"
    "项目  全年预算数  实际支出\n"
    "基本支出  500.00  490.00\n"
    "项目支出  300.00  270.00\n"
    "合计  800.00  760.00\n",
    # a section row ("其中:") between the total and its parts
    "单位：万元\n"
    "类别          全年预算数       实际支出\n"
    "支出合计         800.00         760.00\n"
    "其中：\n"
    "基本支出         500.00         490.00\n"
    "项目支出         300.00         270.00\n",
]


@pytest.mark.parametrize("text", SPACED_TABLES)
def test_a_space_aligned_table_is_read_as_a_tab_table(text: str) -> None:
    money = money_read(text)
    assert money["budget.total"] == "800"
    assert money["executed.total"] == "760"
    assert (money["budget.basic"], money["executed.basic"]) == ("500", "490")
    assert (money["budget.project"], money["executed.project"]) == ("300", "270")


def test_space_aligned_rows_become_tab_rows_keeping_their_origin() -> None:
    original = (
        "项目      预算数    执行数\n基本支出   500.00    490.00\n项目支出   300.00    270.00"
    )
    norm = normalise(original)
    assert norm.text.split("\n") == [
        "项目\t预算数\t执行数",
        "基本支出\t500.00\t490.00",
        "项目支出\t300.00\t270.00",
    ]
    at = norm.text.index("490.00")
    a, b = norm.original_span(at, at + 6)
    assert original[a:b] == "490.00"


NOT_SPACED_TABLES = [
    # a row lost a cell: the rows no longer have the header's count
    "单位：万元\n"
    "项目          全年预算数       实际支出\n"
    "基本支出         500.00\n"
    "项目支出         300.00         270.00\n",
    # a label and one number per row: no column of titles to prove
    "单位：万元\n项目        金额\n基本支出    500.00\n项目支出    300.00\n",
    # the header is a row of numbers (a caption lost): no titles
    "单位：万元\n2022年  500.00  490.00\n基本支出  500.00  490.00\n项目支出  300.00  270.00\n",
]


@pytest.mark.parametrize("text", NOT_SPACED_TABLES)
def test_spaces_without_proven_columns_are_not_a_table(text: str) -> None:
    assert money_read(text) == {}


def test_a_double_space_in_prose_stays_prose() -> None:
    text = (
        "填报单位：某县自然资源局        主管部门：某县人民政府\n项目负责人  张三  联系电话  1234"
    )
    assert "\t" not in normalise(text).text
    prose = "全年预算数800.00万元。  全年实际支出760.00万元，  执行情况良好。\n"
    assert "\t" not in normalise(prose).text
    assert money_read(prose) == {"budget.total": "800", "executed.total": "760"}


# ── 2. a form's money block flattened one cell per line, rows of different lengths ──────────

FORM_BLOCKS = [
    # the total row keeps the 分值 / 得分 of the 预算执行率 indicator, the parts lost theirs
    "年度预算资金情况（万元）\n年度预算数\n全年执行数\n执行率\n分值\n得分\n"
    "年度资金总额\n800.00\n760.00\n95.00%\n10\n9.5\n"
    "其中：基本支出\n500.00\n490.00\n98.00%\n项目支出\n300.00\n270.00\n90.00%\n"
    "年度总体目标：完成各项工作。",
    # no score columns, 完成率, the unit on a line of its own, a 合计 row
    "单位：万元\n预算数\n实际支出数\n完成率\n"
    "资金合计\n800.0\n760.0\n95.0%\n基本支出\n500.0\n490.0\n98.0%\n项目支出\n300.0\n270.0\n90.0%\n"
    "三、绩效目标完成情况",
]


@pytest.mark.parametrize("text", FORM_BLOCKS)
def test_a_flattened_form_block_proven_by_its_rates_is_read(text: str) -> None:
    figures = read(text)
    assert money_only(figures) == {
        "budget.total": "800",
        "executed.total": "760",
        "budget.basic": "500",
        "executed.basic": "490",
        "budget.project": "300",
        "executed.project": "270",
    }
    assert figures["rates.execution"] == "95"


NOT_FORM_BLOCKS = [
    # a rate its row's figures do not give (98.00% for 490 / 500 written as 97.00%), and parts
    # that miss the total (490 + 280 = 770, not 760; when they add up in every money column the
    # rate is read as stated: test_w31_classes.py)
    "年度预算资金情况（万元）\n年度预算数\n全年执行数\n执行率\n分值\n得分\n"
    "年度资金总额\n800.00\n760.00\n95.00%\n10\n9.5\n"
    "其中：基本支出\n500.00\n490.00\n97.00%\n项目支出\n300.00\n280.00\n93.33%\n",
    # a cell lost: the 基本支出 row has no budget, its spending stands in the budget's place
    "年度预算资金情况（万元）\n年度预算数\n全年执行数\n执行率\n分值\n得分\n"
    "年度资金总额\n800.00\n760.00\n95.00%\n10\n9.5\n"
    "其中：基本支出\n490.00\n98.00%\n项目支出\n300.00\n270.00\n90.00%\n",
    # the parts do not add up to the total row (another part left out)
    "年度预算资金情况（万元）\n年度预算数\n全年执行数\n执行率\n"
    "年度资金总额\n900.00\n855.00\n95.00%\n"
    "其中：基本支出\n500.00\n490.00\n98.00%\n项目支出\n300.00\n270.00\n90.00%\n",
    # the columns in the other order: the rate proves spending / budget, not budget / spending
    "年度预算资金情况（万元）\n全年执行数\n年度预算数\n执行率\n"
    "年度资金总额\n800.00\n760.00\n95.00%\n"
    "其中：基本支出\n500.00\n490.00\n98.00%\n项目支出\n300.00\n270.00\n90.00%\n",
    # a column that is neither a score nor money after the rate (备注)
    "年度预算资金情况（万元）\n年度预算数\n全年执行数\n执行率\n备注\n"
    "年度资金总额\n800.00\n760.00\n95.00%\n1\n"
    "其中：基本支出\n500.00\n490.00\n98.00%\n项目支出\n300.00\n270.00\n90.00%\n",
]


@pytest.mark.parametrize("text", NOT_FORM_BLOCKS)
def test_a_flattened_form_block_not_proven_is_not_read(text: str) -> None:
    figures = read(text)
    assert money_only(figures) == {}
    assert "rates.execution" not in figures


# ── 3. a number with a thousands comma alone on its line is a cell ──────────────────────────


def test_a_number_line_with_a_thousands_comma_is_not_joined_to_the_next_cell() -> None:
    text = "年度资金总额\n2,486.30\n2,397.52\n96.43%\n10"
    assert normalise(text).text.split("\n") == [
        "年度资金总额",
        "2,486.30",
        "2,397.52",
        "96.43%",
        "10",
    ]


def test_a_sentence_in_progress_still_runs_on_to_its_figure() -> None:
    text = (
        "二、预算执行情况\n全年支出合计1,200.00万元，其中基本支出\n800.00万元，项目支出400.00万元。"
    )
    assert money_read(text)["executed.basic"] == "800"


# ── 4. a table's 财政拨款收入 beside another kind of income ─────────────────────────────────


@pytest.mark.parametrize("other", ["事业收入", "经营收入（培训）", "上级补助收入"])
def test_appropriations_beside_another_income_are_not_the_income(other: str) -> None:
    text = (
        "单位：万元\n项目\t预算数\t决算数\n"
        "财政拨款收入\t700.00\t700.00\n"
        f"{other}\t100.00\t80.00\n"
        "支出合计\t800.00\t760.00\n"
    )
    money = money_read(text)
    assert "income.total" not in money
    assert money["executed.total"] == "760"


def test_appropriations_alone_stay_the_income() -> None:
    text = "单位：万元\n项目\t决算数\n财政拨款收入\t700.00\n支出合计\t690.00\n"
    assert money_read(text)["income.total"] == "700"


# ── 5. the year's spending and its amount, then 占全年预算的R% ──────────────────────────────

SPENT_SHARES = [
    "全年决算支出760.00万元，占全年预算的95.00%。",
    "2023年度支出合计760.00万元，占年度预算的95.00%。",
    "本年实际支出760.00万元,占预算的比例为95.00%。",
]


@pytest.mark.parametrize("text", SPENT_SHARES)
def test_the_spending_with_its_amount_as_a_share_of_the_budget_is_the_rate(text: str) -> None:
    assert read(text)["rates.execution"] == "95"


@pytest.mark.parametrize(
    "text",
    [
        "基本支出490.00万元，占全年预算的61.25%。",
        "项目支出270.00万元，占全年预算的33.75%。",
        "全年支出760.00万元，较上年增长5.00%，占全年预算的95.00%。",
        "三公经费支出8.00万元，占全年预算的1.00%。",
    ],
)
def test_a_class_s_share_of_the_budget_is_not_the_rate(text: str) -> None:
    assert "rates.execution" not in read(text)
