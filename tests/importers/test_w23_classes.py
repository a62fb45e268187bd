"""Classes of the w23 first run (tests/fixtures/corpus/w23-03, w23-04), pinned by variants written
for these tests (not copied from any report): the figures each must give, and nothing else.

Classes: a project's, a fund's or an activity's rate is never the department's, whatever way the
project line is written (a name and a colon, a numbered item and a comma, 项目 in the subject,
the name in brackets' front, the name before 预算执行率); a sentence opened by another named body
of other kinds (杂志社, 电视台, 林场, 集团…) gives that body's money, not the department's.
"""

from __future__ import annotations

import pytest

from benchmarks.eval_import import read_figures
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

SCHOOL = "岭南县委党校2024年部门整体支出绩效自评报告\n一、部门预算及执行情况\n"
WHOLE = "全年预算512.36万元，全年支出488.20万元。\n"


def as_read(text: str) -> dict[str, str]:
    return read_figures(import_text(text))[0]


# ── 1. a project's rate is not the department's ────────────────────────────────────────────

PROJECT_LINES = [
    "教学楼维修改造：预算45.88万元，支出34.40万元，执行率74.98%。",
    "校园安保服务：年初预算45.88万元，实际支出34.40万元，预算执行率74.98%。",
    "教学楼维修改造项目预算45.88万元，支出34.40万元，执行率74.98%。",
    "其中教学楼维修改造预算45.88万元，支出34.40万元，执行率74.98%。",
    "教学楼维修改造（预算45.88万元，支出34.40万元，执行率74.98%）。",
    "3.教学楼维修改造，预算45.88万元，支出34.40万元，执行率74.98%。",
    "教学楼维修改造预算执行率74.98%。",
    "（二）项目支出\n课题研究：预算28.00万元，支出19.64万元，执行率70.14%。",
]


@pytest.mark.parametrize("line", PROJECT_LINES)
def test_a_project_lines_rate_is_not_the_departments(line):
    figures = as_read(SCHOOL + WHOLE + line)
    assert "rates.execution" not in figures


DEPARTMENT_LINES = [
    "全年预算512.36万元，全年支出488.20万元，预算执行率95.28%。",
    "预算执行情况：全年预算512.36万元，全年支出488.20万元，执行率95.28%。",
    "部门整体：全年预算512.36万元，全年支出488.20万元，执行率95.28%。",
    "岭南县委党校全年预算512.36万元，全年支出488.20万元，执行率95.28%。",
    "2024年，全年预算512.36万元，全年支出488.20万元，执行率95.28%。",
]


@pytest.mark.parametrize("line", DEPARTMENT_LINES)
def test_the_departments_own_rate_is_still_read(line):
    figures = as_read(SCHOOL + line)
    assert figures["rates.execution"] == "95.28"


# ── 2. a sentence opened by another named body: its money ──────────────────────────────────

FEDERATION = "岭南县文学艺术界联合会2021年度部门整体支出绩效自评报告\n一、预算执行情况\n"
OWN = "全年预算403.20万元，2021年决算数391.93万元，其中基本支出285.17万元，项目支出106.76万元。\n"

OTHER_BODIES = [
    "县文艺杂志社全年发行及广告收入24.60万元，支出23.85万元，由杂志社自行核算。",
    "县广播电视台全年支出23.85万元，均为自有资金。",
    "国有东山林场2021年支出23.85万元，由林场自行核算。",
    "县城投集团全年支出23.85万元，不纳入本单位预算。",
    "县书法家协会全年支出23.85万元。",
]


@pytest.mark.parametrize("line", OTHER_BODIES)
def test_another_bodys_spending_is_not_the_departments(line):
    result = import_text(FEDERATION + OWN + line)
    assert money_only(claimed_figures(result)) == {
        "budget.total": "403.2",
        "executed.total": "391.93",
        "executed.basic": "285.17",
        "executed.project": "106.76",
    }


def test_the_departments_own_name_of_that_kind_is_still_its_own():
    text = (
        "岭南县广播电视台2021年度部门整体支出绩效自评报告\n一、预算执行情况\n"
        "岭南县广播电视台全年预算403.20万元，全年支出391.93万元。\n"
    )
    assert money_only(claimed_figures(import_text(text))) == {
        "budget.total": "403.2",
        "executed.total": "391.93",
    }


# ── 3. parts named after their amounts, in the sentence after the rate ─────────────────────

PARTS_AFTER_THE_RATE = [
    "2021年决算数391.93万元，执行率百分之九十七点二。其中285.17万元为基本支出，106.76万元为项目支出。",
    "2021年决算数391.93万元，执行率97.2%。其中基本支出285.17万元，项目支出106.76万元。",
    "全年支出391.93万元，占预算的97.2%。其中：285.17万元用于基本支出，106.76万元用于项目支出。",
]


@pytest.mark.parametrize("line", PARTS_AFTER_THE_RATE)
def test_parts_after_the_rate_are_the_spendings(line):
    figures = money_only(claimed_figures(import_text(FEDERATION + line)))
    assert figures["executed.basic"] == "285.17"
    assert figures["executed.project"] == "106.76"


# ── 3. a qualifier in brackets after the department's own word ─────────────────────────────

CENTRE = "某市住房公积金管理中心2022年度部门整体支出绩效评价报告\n（四）资产情况。\n"


@pytest.mark.parametrize(
    "line",
    [
        "中心（行政事业单位）年末资产总额3,215.60万元，较上年减少1.2%。",
        "中心(本级)年末资产总额3,215.60万元。",
        "中心（含所属单位）年末资产总额3,215.60万元。",
    ],
)
def test_a_qualifier_after_the_departments_own_word_keeps_it_the_departments(line):
    assert as_read(CENTRE + line)["assets.total_net"] in ("3215.6", "3215.60")


def test_another_bodys_bracketed_assets_are_not_the_departments():
    line = "年末住房公积金（基金）资产总额156.8亿元，按规定单独核算，不属于中心部门预算收支。"
    assert "assets.total_net" not in as_read(CENTRE + line)


# ── 4. a staffing table by unit: its 实有人数 合计 is the 实有 count ─────────────────────────

BUREAU = "某市粮食和物资储备局2022年度部门整体支出绩效评价报告\n二、人员情况\n"
BY_UNIT = "单位名称\t编制数\t实有人数\t退休人员\n局机关\t32\t30\t18\n检测中心\t12\t11\t5\n"


def test_the_present_total_of_a_table_by_unit_is_the_actual_head_count():
    figures = as_read(BUREAU + BY_UNIT + "合计\t44\t41\t23\n")
    assert (figures["staffing.authorized"], figures["staffing.actual_total"]) == ("44", "41")
    assert figures["staffing.retired"] == "23" and "staffing.in_service" not in figures


def test_a_present_total_its_units_miss_is_not_read():
    figures = as_read(BUREAU + BY_UNIT + "合计\t44\t42\t23\n")
    assert "staffing.actual_total" not in figures
