"""Classes of the w16 first run (tests/fixtures/corpus/w16-01, w16-03, w16-04, w16-05, w16-06),
each pinned by variants written for these tests (not copied from any report, nor from the corpus
files): the figures each must give, and nothing else (precision first). Each class has variants
that must NOT be read.

Classes: a 分局 naming itself "分局" before an amount; a 高校 naming itself 学校 / 本校 / 学院; a
head-count with a thousands separator ("1,142人"); 编制内实有 (word order of 实有在编) and 年末在编人员
as the staff in service; 基本支出 and 项目支出 after 其中, each with what it is for ("用于…的基本
支出"); a letter grade (A级) is not read (the dossier's grades are 优 / 良 / 中 / 差).
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

BRANCH = "某市生态环境局某县分局2022年度部门整体支出绩效自评报告\n一、基本情况\n"
BUREAU = "某县文化旅游局2022年度部门整体支出绩效自评报告\n一、基本情况\n"
COLLEGE = "某省某某职业技术学院2022年度部门整体支出绩效自评报告\n一、学校概况\n"
UNIVERSITY = "某某理工大学2022年度部门整体支出绩效自评报告\n一、学校概况\n"
EDUCATION = "某县教育局2022年度部门整体支出绩效自评报告\n一、基本情况\n"


def read(text: str, title: str = BUREAU) -> dict[str, str]:
    figures = claimed_figures(import_text(title + text))
    return {k: v for k, v in figures.items() if not k.startswith(("score.", "grade."))}


def staffing(text: str, title: str = BUREAU) -> dict[str, str]:
    return {k: v for k, v in read(text, title).items() if k.startswith("staffing.")}


# ── 1. a 分局 writes itself "分局" ─────────────────────────────────────────────────────────

BRANCH_SELF = [
    (
        "分局2022年全年预算数846.20万元（年初预算800.00万元，追加46.20万元），全年支出820.15万元。",
        {
            "budget.total": "846.2",
            "budget.initial_total": "800",
            "budget.supplement": "46.2",
            "executed.total": "820.15",
        },
    ),
    ("本分局全年实际支出533.08万元。", {"executed.total": "533.08"}),
    ("年末分局资产总额1,204.50万元。", {"assets.total_net": "1204.5"}),
]


@pytest.mark.parametrize(("text", "expected"), BRANCH_SELF)
def test_a_branch_names_itself(text: str, expected: dict[str, str]) -> None:
    figures = read(text, BRANCH)
    assert {k: v for k, v in figures.items() if k in expected} == expected
    assert "budget.total" not in figures or figures["budget.total"] != "800"


BRANCH_OTHERS = [
    # a county bureau's text about some 分局: not its own money
    ("分局全年预算数846.20万元。", BUREAU),
    # a 分局's text about the 市局 above it
    ("市局全年预算数2.36亿元。", BRANCH),
]


@pytest.mark.parametrize(("text", "title"), BRANCH_OTHERS)
def test_another_bodys_budget_is_not_read(text: str, title: str) -> None:
    assert money_only(read(text, title)) == {}


# ── 2. a 高校 writes itself 学校 / 本校 / 学院 ────────────────────────────────────────────────

COLLEGE_SELF = [
    ("截至年末，学校资产总额18.7326亿元。", COLLEGE, {"assets.total_net": "187326"}),
    ("本校年末资产总额5,620.30万元。", UNIVERSITY, {"assets.total_net": "5620.3"}),
    ("学院全年实际支出9,310.44万元。", COLLEGE, {"executed.total": "9310.44"}),
    ("我校全年支出1.2040亿元。", UNIVERSITY, {"executed.total": "12040"}),
]


@pytest.mark.parametrize(("text", "title", "expected"), COLLEGE_SELF)
def test_a_college_names_itself(text: str, title: str, expected: dict[str, str]) -> None:
    figures = read(text, title)
    assert {k: v for k, v in figures.items() if k in expected} == expected


COLLEGE_OTHERS = [
    ("智能制造学院全年实际支出310.44万元。", COLLEGE),  # a 二级学院 of the college
    ("学校资产总额1,820.50万元。", EDUCATION),  # a county's 教育局: some school's assets
]


@pytest.mark.parametrize(("text", "title"), COLLEGE_OTHERS)
def test_a_subunit_or_a_school_under_a_bureau_is_not_read(text: str, title: str) -> None:
    figures = read(text, title)
    assert "executed.total" not in figures and "assets.total_net" not in figures


# ── 3. a head-count with a thousands separator ──────────────────────────────────────────────

THOUSANDS = [
    ("在职教职工1,142人，其中在编792人。", {"staffing.in_service": "1142"}),
    (
        "实有在职人员2,315名，退休人员1,006名。",
        {"staffing.in_service": "2315", "staffing.retired": "1006"},
    ),
    ("核定编制1,200名。", {"staffing.authorized": "1200"}),
    # not a thousands group: nothing, never "14"
    ("在职人员1,14人。", {}),
    # a population served, not staff
    ("服务群众1,200人。", {}),
]


@pytest.mark.parametrize(("text", "expected"), THOUSANDS)
def test_counts_with_thousands_separators(text: str, expected: dict[str, str]) -> None:
    assert staffing(text) == expected


# ── 4. 编制内实有 / 年末在编人员: the staff in service ───────────────────────────────────────

IN_SERVICE = [
    (
        "核定编制65名。编制内实有61人；编外用工74人。",
        {"staffing.authorized": "65", "staffing.in_service": "61", "staffing.contract": "74"},
    ),
    ("编内现有人员18名。", {"staffing.in_service": "18"}),
    ("在编实有人数22人。", {"staffing.in_service": "22"}),
    ("年末在编人员47人，退休人员31人。", {"staffing.in_service": "47", "staffing.retired": "31"}),
    ("年底在编人数33人。", {"staffing.in_service": "33"}),
    ("期末在编职工20名。", {"staffing.in_service": "20"}),
    # the within-quota part of a stated 在职 count: the count stays the stated one
    ("在职人员130人，其中编制内实有118人。", {"staffing.in_service": "130"}),
    # no date, or last year's: not read
    ("在编人员12名。", {}),
    ("上年末在编人员40人。", {}),
    ("编制内实有人员中党员12人。", {}),
]


@pytest.mark.parametrize(("text", "expected"), IN_SERVICE)
def test_post_holders_now_are_in_service(text: str, expected: dict[str, str]) -> None:
    assert staffing(text) == expected


# ── 5. 基本支出 and 项目支出 after 其中, each with its purpose ──────────────────────────────

PURPOSE_PAIR = [
    (
        "全年完成支出1,000.00万元，其中用于保障机构正常运转和人员工资的基本支出400.00万元、"
        "用于各类专项业务的项目支出600.00万元。",
        {"executed.total": "1000", "executed.basic": "400", "executed.project": "600"},
    ),
    (
        "全年支出1,000.00万元，其中主要用于人员经费和日常公用的基本支出350.50万元，"
        "用于重点项目建设的项目支出649.50万元。",
        {"executed.total": "1000", "executed.basic": "350.5", "executed.project": "649.5"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PURPOSE_PAIR)
def test_a_funding_split_with_purposes(text: str, expected: dict[str, str]) -> None:
    assert money_only(read(text)) == expected


PURPOSE_ALONE = [
    # one class alone with a purpose may be a part of it: not read as the whole class
    "全年完成支出1,000.00万元，其中用于防汛抗旱的项目支出200.00万元。",
    # no 其中: not a split of a total
    "用于保障运转的基本支出400.00万元，用于专项业务的项目支出600.00万元。",
]


@pytest.mark.parametrize("text", PURPOSE_ALONE)
def test_a_purpose_alone_is_not_read(text: str) -> None:
    figures = money_only(read(text))
    assert "executed.basic" not in figures and "executed.project" not in figures


# ── 6. a letter grade is read as the letter ───────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "grade"), [("自评综合评分95.2分，自评等级为A级。", "A"), ("评价等级：B级。", "B")]
)
def test_a_letter_grade_is_read(text: str, grade: str) -> None:
    figures = claimed_figures(import_text(BUREAU + text))
    assert figures["grade.self"] == grade
