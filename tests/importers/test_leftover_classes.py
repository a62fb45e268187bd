"""The wording and layout classes the w8/w9 corpus reports still left unread after branch h-imp5,
each pinned by variants written for these tests (not copied from any report, nor from the corpus
files): the figures each must give, and nothing else (precision first). Each class has at least
one variant that must NOT be read.

Classes: a staffing table whose header was flattened one cell per line (类别 / 编制数 / 实有人数,
then each row's label and cells on their own lines); 自评得分 / 自评等级 as the one row of a table;
项目支出 after a bracketed breakdown (人员经费 / 公用经费) of 基本支出; a bare 执行率 under a
预算情况 heading, in the sentence of the year's whole spending after the budget was stated.
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县档案馆2023年度部门整体支出绩效自评报告\n"


def figures_read(text: str, title: str = TITLE) -> dict[str, str]:
    return claimed_figures(import_text(title + text))


def one_per_line(cells: str) -> str:
    """ "a / b / c" → one cell per line, as flattened text gives a table."""
    return cells.replace(" / ", "\n")


def staffing(read: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in read.items() if key.startswith("staffing.")}


# ── 1. a staffing table flattened one cell per line ──────────────────────────────────────

ROLE_ROWS = one_per_line(
    "一、基本情况 / （一）人员情况 / 表1 人员情况 / 类别 / 编制数 / 实有人数 / 在职人员 / 24 / 22 / 退休人员 / — / 9 / 二、自评结论 / 自评得分88分。"
)
TYPED_ROWS = one_per_line(
    "一、部门基本情况 / 人员类别 / 核定编制 / 实有人数 / 行政编制 / 11 / 10 / 事业编制 / 35 / 33 / 合计 / 46 / 43 / 退休人员 / - / 17 / 二、预算情况"
)
UNITS_IN_CELLS = one_per_line(
    "一、基本情况 / 项目 / 编制数 / 实有数 / 在职人员 / 52人 / 49人 / 离退休人员 / / / 30人 / 二、收支情况"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ROLE_ROWS, {"authorized": "24", "in_service": "22", "retired": "9"}),
        (TYPED_ROWS, {"authorized": "46", "in_service": "43", "retired": "17"}),
        (UNITS_IN_CELLS, {"authorized": "52", "in_service": "49", "retired": "30"}),
    ],
)
def test_staffing_table_flattened_one_cell_per_line(text: str, expected: dict[str, str]) -> None:
    assert staffing(figures_read(text)) == {f"staffing.{k}": v for k, v in expected.items()}


def test_flattened_staffing_table_with_a_cell_lost_is_not_read_as_a_table() -> None:
    # the dash of 退休人员 × 编制数 was lost: 12 could sit in either column
    text = ROLE_ROWS.replace("—\n", "")
    read = staffing(figures_read(text))
    assert "staffing.authorized" not in read and "staffing.in_service" not in read


def test_flattened_staffing_table_with_a_column_it_cannot_name_is_not_read() -> None:
    # a 差额 column: the counts are not read as a table (the prose reader may not pair them)
    text = one_per_line(
        "一、基本情况 / 类别 / 编制数 / 实有人数 / 差额 / 在职人员 / 24 / 22 / 2 / 二、预算情况"
    )
    assert staffing(figures_read(text)) == {}


def test_flattened_money_table_is_not_read_as_staffing() -> None:
    text = one_per_line(
        "二、预算执行 / 单位：万元 / 项目 / 全年预算 / 实际数 / 基本支出 / 320 / 310 / 项目支出 / 150 / 140 / 合计 / 470 / 450"
    )
    assert staffing(figures_read(text)) == {}


# ── 2. 自评得分 / 自评等级 as a table row ───────────────────────────────────────────────────


def self_evaluation(read: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in read.items() if key in ("score.self", "grade.self")}


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("评价对象\t自评得分\t自评等级\n部门整体支出\t92.6\t优", {"score": "92.6", "grade": "优"}),
        ("项目\t综合得分（分）\t评价等级\n本部门\t87分\t良", {"score": "87", "grade": "良"}),
        (
            "| 评价内容 | 自评总分 | 等次 |\n| --- | --- | --- |\n| 整体支出 | 95.5 | 优秀 |",
            {"score": "95.5", "grade": "优"},
        ),
        ("单位\t自评等级\n某县档案馆\t良好", {"grade": "良"}),
    ],
)
def test_self_evaluation_as_a_table_row(table: str, expected: dict[str, str]) -> None:
    read = figures_read(f"三、自评结果\n表2 自评结果\n{table}\n四、问题\n")
    assert self_evaluation(read) == {f"{k}.self": v for k, v in expected.items()}


@pytest.mark.parametrize(
    "table",
    [
        # several rows: one score per project, not the department's
        "项目名称\t自评得分\t自评等级\n道路养护\t92\t优\n档案数字化\t85\t良",
        # a score table by indicator: 分值 beside 得分
        "一级指标\t分值\t自评得分\n决策\t20\t18",
        # last year's result
        "年度\t自评得分\t自评等级\n2022年\t90\t优",
        # a cell lost: the row no longer lines up with its header
        "评价对象\t自评得分\t自评等级\n部门整体支出\t92.6",
    ],
)
def test_self_evaluation_table_rows_not_read(table: str) -> None:
    read = figures_read(f"三、自评结果\n{table}\n四、问题\n")
    assert self_evaluation(read) == {}


# ── 4. 项目支出 after bracketed 人员经费 / 公用经费 parts of 基本支出 ──────────────────────────


def money(read: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in read.items() if k.startswith(("budget.", "executed.", "income."))}


BRACKETED_SPLIT = {
    "budget.total": "2400",
    "budget.basic": "1600",
    "budget.project": "800",
    "executed.total": "2300",
    "executed.basic": "1580",
    "executed.project": "720",
}


@pytest.mark.parametrize(
    "sentence",
    [
        "全年预算2,400.00万元，其中基本支出1,600.00万元（人员经费1,300.00万元、公用经费300.00万元）、"
        "项目支出800.00万元。全年支出2,300.00万元，其中基本支出1,580.00万元、项目支出720.00万元。",
        "全年预算数2400万元，其中：基本支出1600万元(含人员经费1300万元，公用经费300万元)，"
        "项目支出800万元；全年实际支出2300万元，其中：基本支出1580万元，项目支出720万元。",
        "全年预算2400万元，包括基本支出1600万元（人员经费1300万元，公用经费300万元）和项目支出800万元。"
        "全年支出2300万元，其中基本支出1580万元（人员经费1290万元、公用经费290万元），项目支出720万元。",
    ],
)
def test_project_spending_after_bracketed_parts_of_basic(sentence: str) -> None:
    read = money(figures_read(f"二、预算情况\n{sentence}\n"))
    assert {key: read.get(key) for key in BRACKETED_SPLIT} == BRACKETED_SPLIT
    assert read.get("budget.personnel") in (None, "1300")


def test_bracketed_parts_that_do_not_add_up_are_not_read_but_the_split_goes_on() -> None:
    sentence = (
        "全年预算2,400.00万元，其中基本支出1,600.00万元（人员经费1,250.00万元、公用经费300.00万元）、"
        "项目支出800.00万元。"
    )
    read = money(figures_read(f"二、预算情况\n{sentence}\n"))
    assert read.get("budget.project") == "800" and read.get("budget.basic") == "1600"
    assert "budget.personnel" not in read and "budget.public_funds" not in read


def test_a_last_year_figure_in_brackets_is_not_read() -> None:
    sentence = "全年预算2400万元，其中基本支出1600万元（上年为1500万元）、项目支出800万元。"
    read = money(figures_read(f"二、预算情况\n{sentence}\n"))
    assert read == {"budget.total": "2400", "budget.basic": "1600", "budget.project": "800"}


# ── 5. a bare 执行率 under a 预算情况 heading ─────────────────────────────────────────────


def rate(text: str) -> str | None:
    return figures_read(text).get("rates.execution")


@pytest.mark.parametrize(
    "text",
    [
        "（二）预算情况\n全年预算1,200.00万元，其中基本支出800.00万元、项目支出400.00万元。"
        "全年支出1,150.00万元，其中基本支出790.00万元、项目支出360.00万元，执行率95.83%。",
        "二、部门预算情况\n2023年度预算数为1200万元。2023年度实际支出1150万元，执行率为95.83%。",
        "（三）预算收支情况\n年初预算1200万元。本年支出合计1150万元，整体执行率95.83%。",
    ],
)
def test_bare_rate_under_a_budget_heading_after_the_whole_spending(text: str) -> None:
    assert rate(text) == "95.83"


@pytest.mark.parametrize(
    "text",
    [
        # the budget is not named in the paragraph before
        "（二）预算情况\n全年支出1150万元，执行率95.83%。",
        # a project's spending, not the year's
        "（二）预算情况\n全年预算1200万元。道路养护项目支出150万元，执行率88.00%。",
        # a heading about a project's funds
        "（二）项目预算资金情况\n全年预算1200万元。全年支出1150万元，执行率95.83%。",
        # a heading not about the budget
        "（二）履职情况\n全年预算1200万元。全年支出1150万元，执行率95.83%。",
    ],
)
def test_bare_rate_not_read_as_the_budget_execution_rate(text: str) -> None:
    assert rate(text) is None
