"""The wording classes the w9 corpus reports (tests/fixtures/corpus/w9-*) missed on their first
run, each pinned by variants written for these tests (not copied from any report, nor from the
corpus files): the figures each must give, and nothing else (precision first). Each class has at
least one variant that must NOT be read.

Classes: text wrapped at a fixed count of characters (digits counting as much as ideographs, so
no common display width), its label, figure or grade split across lines; 核定事业编制 (a quota
type naming no standard one) as the report's only quota statement.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县水务局2023年度部门整体支出绩效自评报告\n"


def figures_read(text: str, title: str = TITLE) -> dict[str, str]:
    return claimed_figures(import_text(title + text))


def wrapped(text: str, count: int) -> str:
    """`text` cut every `count` characters, whatever they are (a tool's fixed-count wrap)."""
    return "\n".join(text[i : i + count] for i in range(0, len(text), count))


# ── 1. text wrapped at a fixed count of characters ─────────────────────────────────────────

PARAGRAPH = (
    "本单位2023年度全年预算数为2,316.40万元，其中基本支出1,016.40万元，项目支出"
    "1,300.00万元。全年实际支出2,208.73万元，其中基本支出1,002.85万元，项目支出"
    "1,205.88万元，预算执行率为95.35%。经自评，部门整体支出绩效自评得分为91.5分，等级为优。"
)
EXPECTED = {
    "budget.total": "2316.4",
    "budget.basic": "1016.4",
    "budget.project": "1300",
    "executed.total": "2208.73",
    "executed.basic": "1002.85",
    "executed.project": "1205.88",
    "rates.execution": "95.35",
    "score.self": "91.5",
    "grade.self": "优",
}


@pytest.mark.parametrize("count", [28, 30, 33, 36, 39])
def test_wrapped_at_a_fixed_count_of_characters(count: int) -> None:
    read = figures_read(wrapped(PARAGRAPH, count))
    assert {key: read.get(key) for key in EXPECTED} == EXPECTED


def test_fixed_count_wrap_joins_a_split_label() -> None:
    text = wrapped(
        "本中心为县林业局所属公益一类事业单位，内设股室5个，核定行政编制12名、事业编制28名，"
        "共40名，年末在职人员38人，退休人员21人，另有编外聘用人员6人，全年接待群众来访1,200人次。",
        30,
    )
    assert "核定行政\n编制12名" in text  # the label is split by the wrap
    joined = normalise(text).text
    assert "核定行政编制12名" in joined and "\n" not in joined.strip()


def test_lines_of_a_paragraph_each_are_not_joined() -> None:
    # one short paragraph a line, no common margin: nothing is joined, the two years stay apart
    text = (
        "2022年全年支出1,050.22万元。\n"
        "2023年度全年预算数1,120.00万元。\n"
        "全年支出1,086.45万元。\n"
        "预算执行率97.00%。\n"
    )
    assert normalise(text).text.count("\n") == text.count("\n")
    read = figures_read(text)
    assert read.get("executed.total") != "1050.22"


# ── 2. 核定事业编制 as the only quota statement ─────────────────────────────────────────────

SOLE_QUOTA = [
    ("本中心为公益一类事业单位，核定事业编制42名，在编在职38人，退休人员19人。", "42"),
    ("核定事业编制95名，在编在职人员88人。", "95"),
]
NOT_SOLE_QUOTA = [
    # two typed quotas, a standard type among them: not the total (the parts add up to it)
    "核定行政编制12名、事业编制28名，在职人员38人。",
    # 事业编制 with no 核定: a head-count by type, not a quota statement
    "现有事业编制人员42人，退休人员19人。",
]


@pytest.mark.parametrize(("text", "quota"), SOLE_QUOTA)
def test_sole_quota_of_a_nonstandard_type(text: str, quota: str) -> None:
    assert figures_read(text).get("staffing.authorized") == quota


@pytest.mark.parametrize("text", NOT_SOLE_QUOTA)
def test_not_a_sole_quota(text: str) -> None:
    read = figures_read(text)
    assert read.get("staffing.authorized") in (None, "40")
    assert read.get("staffing.authorized") != "42"


# ── 3. under a budget heading, 全年支出 after the paragraph's stated budget is the spending ──

SPENDING_AFTER_BUDGET = [
    (
        "（二）预算情况\n全年预算3,640.85万元，其中基本支出1,816.60万元、项目支出1,824.25万元。"
        "全年支出3,512.47万元。",
        {"budget.total": "3640.85", "executed.total": "3512.47"},
    ),
    (
        "二、部门预算情况\n部门预算总额为980.00万元。本年支出合计940.10万元。",
        {"budget.total": "980", "executed.total": "940.1"},
    ),
]
BUDGETED_SPENDING = [
    # no budget amount before it: the heading's budget, the budgeted spending (not the spending)
    "一、部门预算情况\n1、收入:820.00万元。\n2、支出:820.00万元。",
]


@pytest.mark.parametrize(("text", "expected"), SPENDING_AFTER_BUDGET)
def test_spending_after_the_stated_budget(text: str, expected: dict[str, str]) -> None:
    read = figures_read(text)
    assert {key: read.get(key) for key in expected} == expected


@pytest.mark.parametrize("text", BUDGETED_SPENDING)
def test_bare_spending_under_a_budget_heading_stays_budgeted(text: str) -> None:
    read = figures_read(text)
    assert "executed.total" not in read
    assert read.get("budget.total") == "820"
