"""Classes of the w20 first run (tests/fixtures/corpus/w20-01, -02, -04, -07: a 镇人民政府, a 乡,
a 镇卫生院 and a 中心幼儿园), pinned by variants written for these tests (not copied from any
report): the figures each must give, and what must not be read.

Classes: 调整预算数 with its 基本/项目 split after 其中 (after 年初预算); a sentence opened by a
named institution that keeps its own books (镇敬老院, 县福利院…) is that body's money; a table's
bare 预算数 column whose 合计 is the stated 全年预算; a funding-source table's total that the
prose's 基本 + 项目 add up to; 现有职工 / 实有教职工 as the 实有 head-count and 其中在编 under it as
the staff in service; a result stated for the body's year when the title's year contradicts it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TOWN = "某县石门镇人民政府2023年度部门整体支出绩效自评报告\n一、部门收支情况\n"
BUREAU = "某县民政局2023年度部门整体支出绩效自评报告\n一、部门收支情况\n"
CLINIC = "某县石门镇卫生院2023年度部门整体支出绩效自评报告\n一、单位概况\n"
KINDERGARTEN = "某县城关中心幼儿园2023年度部门整体支出绩效自评报告\n一、单位概况\n"


def read(text: str, title: str = TOWN) -> dict[str, str]:
    return claimed_figures(import_text(title + text))


def as_decimals(figures: dict[str, str], keys) -> dict[str, Decimal]:
    return {k: Decimal(figures[k]) for k in keys if k in figures}


def check(figures: dict[str, str], expected: dict[str, str]) -> None:
    assert as_decimals(figures, expected) == {k: Decimal(v) for k, v in expected.items()}


# ── 1. 调整预算数 with its split after 其中 ─────────────────────────────────────────────────

ADJUSTED_WITH_SPLIT = [
    (
        "年初预算安排1,200.00万元，年中追加后，年度调整预算数为1,500.00万元，其中基本支出900.00万元，"
        "项目支出600.00万元。",
        {
            "budget.total": "1500",
            "budget.initial_total": "1200",
            "budget.basic": "900",
            "budget.project": "600",
        },
    ),
    (
        "年初预算800万元；调整预算额1,050万元，其中：基本支出650万元、项目支出400万元。全年支出1,000万元。",
        {
            "budget.total": "1050",
            "budget.basic": "650",
            "budget.project": "400",
            "executed.total": "1000",
        },
    ),
    (
        "2023年年初预算2,000.00万元，调整预算数2,360.50万元（其中基本支出1,180.20万元，项目支出"
        "1,180.30万元）。",
        {"budget.total": "2360.50", "budget.basic": "1180.20", "budget.project": "1180.30"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ADJUSTED_WITH_SPLIT)
def test_an_adjusted_budget_heads_its_split(text, expected):
    check(read(text), expected)


def test_the_split_of_an_adjustment_is_not_the_budgets():
    # 年初 + 300 = 全年: 调整预算 is the adjustment, its parts no split of the budget
    figures = money_only(
        read(
            "年初预算1,200.00万元，调整预算300.00万元，其中基本支出100.00万元，项目支出200.00万元，"
            "全年预算1,500.00万元。"
        )
    )
    assert Decimal(figures["budget.total"]) == Decimal("1500")
    assert "budget.basic" not in figures and "budget.project" not in figures


def test_an_unplaced_adjustment_keeps_the_initial_budget_from_the_years_budget():
    # 调整预算 below the initial budget, no adjusted total: the adjusted budget or the adjustment?
    figures = money_only(
        read(
            "年初预算1,200.00万元，调整预算300.00万元，其中基本支出100.00万元，项目支出200.00万元。"
        )
    )
    assert "budget.total" not in figures and "budget.basic" not in figures
    assert Decimal(figures["budget.initial_total"]) == Decimal("1200")


# ── 2. a named institution's own money ───────────────────────────────────────────────────

OTHER_BODY = [
    "镇敬老院集中供养特困人员42人，2023年支出86.40万元，其中供养经费62.10万元。",
    "县福利院为民政局下属单位，单独核算，全年支出52.30万元。",
    "乡农技站2023年实际支出18.60万元。",
    "（六）镇卫生院：全年支出356.00万元。",
]


@pytest.mark.parametrize("sentence", OTHER_BODY)
def test_a_sentence_opened_by_another_institution_is_its_money(sentence):
    figures = money_only(read("2023年本级支出合计3,152.94万元。\n" + sentence))
    assert {k: Decimal(v) for k, v in figures.items()} == {"executed.total": Decimal("3152.94")}


OWN_BODY = [
    # the department itself by its name or its kind word
    ("某县城关中心幼儿园2023年全年实际支出1,538.17万元。", KINDERGARTEN),
    ("本园2023年全年实际支出1,538.17万元。", KINDERGARTEN),
    ("本院2023年全年实际支出1,538.17万元。", CLINIC),
    (
        "中心2023年全年实际支出1,538.17万元。",
        "某县疾病预防控制中心2023年度部门整体支出绩效自评报告\n",
    ),
    # the clause comes back to the department
    ("镇敬老院由民政办管理，本镇全年实际支出1,538.17万元。", TOWN),
]


@pytest.mark.parametrize(("sentence", "title"), OWN_BODY)
def test_the_department_naming_itself_is_not_another_body(sentence, title):
    assert Decimal(money_only(read(sentence, title)).get("executed.total", "0")) == Decimal(
        "1538.17"
    )


# ── 3. a table's bare 预算数 column that is the stated 全年预算 ──────────────────────────────

BUDGET_TABLE = (
    "全年预算1,624.80万元，全年实际支出1,538.17万元。\n"
    "表1  预算执行情况表        单位：万元\n"
    "项目\t预算数\t决算数\n"
    "基本支出\t{basic}\t1,072.93\n"
    "项目支出\t{project}\t465.24\n"
    "合计\t{total}\t1,538.17\n"
)


@pytest.mark.parametrize(("basic", "project"), [("1,086.40", "538.40"), ("1,124.80", "500.00")])
def test_a_bare_budget_column_adding_up_to_the_years_budget_is_its_split(basic, project):
    figures = read(BUDGET_TABLE.format(basic=basic, project=project, total="1,624.80"), CLINIC)
    check(
        figures,
        {
            "budget.total": "1624.80",
            "budget.basic": basic.replace(",", ""),
            "budget.project": project.replace(",", ""),
        },
    )
    assert "budget.initial_total" not in figures


def test_a_bare_budget_column_with_another_total_is_not_the_years_budget():
    # the column's 合计 is not the stated 全年预算: it may be the initial budget
    figures = read(
        BUDGET_TABLE.format(basic="1,000.00", project="500.00", total="1,500.00"), CLINIC
    )
    assert "budget.basic" not in figures and "budget.project" not in figures
    assert Decimal(figures["budget.total"]) == Decimal("1624.80")


# ── 4. a funding-source table's total that the prose's split adds up to ────────────────────

SOURCE_TABLE = (
    "资金来源\t年初预算数\t全年预算数\t全年执行数\t执行率\n"
    "年度资金总额\t486.50\t532.18\t519.36\t97.59%\n"
    "其中：财政拨款\t356.50\t402.18\t394.80\t98.17%\n"
    "上年结转\t0\t0\t0\t—\n"
    "其他资金\t130.00\t130.00\t124.56\t95.82%\n"
)


def test_a_table_total_the_prose_split_adds_up_to_is_the_budget():
    figures = read(
        SOURCE_TABLE + "全年预算中基本支出4,401,800.00元、项目支出920,000.00元；本年支出合计"
        "5,193,600.00元。",
        CLINIC,
    )
    check(
        figures,
        {
            "budget.total": "532.18",
            "budget.basic": "440.18",
            "budget.project": "92",
            "executed.total": "519.36",
        },
    )


def test_a_table_total_the_prose_split_misses_is_not_taken_from_the_table():
    figures = read(
        SOURCE_TABLE + "全年预算中基本支出4,401,800.00元、项目支出900,000.00元；本年支出合计"
        "5,193,600.00元。",
        CLINIC,
    )
    assert "budget.total" not in figures


# ── 5. 现有职工 / 实有教职工, and 其中在编 under it ────────────────────────────────────────

ACTUAL_BY_OTHER_NOUNS = [
    ("核定编制35人。现有职工58人，其中在编在岗31人、聘用人员24人。", {"actual_total": "58"}),
    (
        "核定编制18名；实有教职工47人，其中在编17人，合同制教师22人，后勤人员8人。",
        {"actual_total": "47", "in_service": "17"},
    ),
    (
        "编制数20名，实有工作人员26人，其中编制内18人、劳务派遣8人。",
        {"actual_total": "26", "in_service": "18"},
    ),
    ("现有员工40人，其中在编人员29人，编外11人。", {"actual_total": "40", "in_service": "29"}),
]


def staffing(text: str) -> dict[str, str]:
    figures = read(text, CLINIC)
    return {k.split(".", 1)[1]: v for k, v in figures.items() if k.startswith("staffing.")}


@pytest.mark.parametrize(("text", "expected"), ACTUAL_BY_OTHER_NOUNS)
def test_the_head_count_by_another_noun_and_its_part_on_the_payroll(text, expected):
    found = staffing(text)
    assert {k: found.get(k) for k in expected} == expected


NOT_IN_SERVICE = [
    # 在编 after a quota is the quota's part, not the staff in service
    "核定编制35人，其中在编30人。",
    # a new sentence: no longer the 实有 count's 其中
    "实有职工47人。其中在编17人为参加培训人数。",
    # a 在职 count stated: 在编 under 实有 adds nothing
    "在职职工40人；实有职工47人，其中在编17人。",
]


@pytest.mark.parametrize("text", NOT_IN_SERVICE)
def test_an_on_payroll_part_elsewhere_is_not_the_staff_in_service(text):
    assert staffing(text).get("in_service") in (None, "40")


def test_contract_staff_by_another_noun_are_not_the_head_count():
    assert "actual_total" not in staffing("编外现有职工12人，退休职工19人。")


# ── 6. a result stated for the body's year when the title's year is contradicted ───────────

BODY_YEAR = (
    "某县白鹤乡人民政府\n二〇二三年度部门整体支出绩效自评报告\n一、收支情况\n"
    "2022年全年预算数1,931.09万元，实际支出1,804.66万元。\n二、自评结论\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "经综合评定，我乡2022年度部门整体支出绩效自评得分87.5分，评价等次为“良”。",
        "2022年度自评等级为良。",
    ],
)
def test_a_result_of_the_bodys_year_is_read_when_the_title_year_is_contradicted(sentence):
    result = import_text(BODY_YEAR + sentence)
    assert claimed_figures(result).get("grade.self") == "良"


def test_a_result_of_a_year_before_the_bodys_is_still_last_years():
    result = import_text(BODY_YEAR + "2021年度评价等级为良。")
    assert "grade.self" not in claimed_figures(result)


# ── 7. a table of projects: its 合计 is the projects' sum ──────────────────────────────────

PROJECTS = [
    (
        "表1  主要项目支出情况（单位：万元）\n"
        "项目名称\t预算数\t支出数\n"
        "村道硬化\t212.00\t198.76\n"
        "人居环境整治\t156.80\t141.20\n"
        "合计\t368.80\t339.96\n"
    ),
    (
        "表2  重点项目资金使用情况  单位：万元\n"
        "项目\t全年预算数\t实际支出\n"
        "1.防汛抗旱\t48.50\t48.50\n"
        "2.学校维修改造\t120.00\t112.30\n"
        "合计\t168.50\t160.80\n"
    ),
]


@pytest.mark.parametrize("table", PROJECTS)
def test_the_total_row_of_a_table_of_projects_is_not_the_departments(table):
    figures = money_only(read("全年预算数1,931.09万元，实际支出1,804.66万元。\n" + table, BUREAU))
    assert {k: Decimal(v) for k, v in figures.items()} == {
        "budget.total": Decimal("1931.09"),
        "executed.total": Decimal("1804.66"),
    }


def test_a_table_of_basic_and_project_spending_keeps_its_total():
    # rows the money readers know (基本支出 / 项目支出): the 合计 is the department's, as before
    table = (
        "表1  主要项目支出情况（单位：万元）\n"
        "项目\t预算数\t决算数\n"
        "基本支出\t1,086.40\t1,072.93\n"
        "项目支出\t538.40\t465.24\n"
        "合计\t1,624.80\t1,538.17\n"
    )
    figures = money_only(read(table, BUREAU))
    assert Decimal(figures["executed.total"]) == Decimal("1538.17")
