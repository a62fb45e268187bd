"""Three classes met in the w45 reports' dev part, pinned by wording variants written for these
tests (not copied from any report):

- the 基本 / 项目 budgets of a clause opened by the adjusted budget as a whole ("全年预算中，基本支出
  预算…，项目支出预算…") are the adjusted budget's parts even when they miss its stated total: the
  total and the parts are kept as stated, and the difference is reported (import.W005);
  "年初预算中，…" keeps them the year-start budget's;
- a staffing title 在编在岗 (folded 在编在职) over a count is the staff in service;
- 实有人数合计 / 实有人员合计 / 实有人数总计 is the head-count.
"""

from __future__ import annotations

import pytest

from jixiao.core.figures import FigureBook
from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

HEAD = "某县某局2024年度部门整体支出绩效自评报告\n"


def stated(result: ImportResult, key: str) -> str | None:
    """The figure as the report states it (the figures view computes a total from its parts)."""
    value = FigureBook(result.dossier).figure(key).stated
    return None if value is None else f"{value.normalize():f}"


@pytest.mark.parametrize(
    "clause",
    [
        "全年预算中，基本支出预算{b}万元，项目支出预算{p}万元。",
        "调整后预算中：基本支出预算{b}万元、项目支出预算{p}万元。",
        "在全年预算中，基本支出预算{b}万元；项目支出预算{p}万元。",
        "全年部门预算中，基本支出预算{b}万元，项目支出预算{p}万元，分别占比31%和69%。",
    ],
)
def test_parts_under_the_adjusted_budget_are_its_parts_even_when_they_miss_it(clause: str) -> None:
    text = HEAD + "2024年全年预算6842.53万元，年初预算5218.00万元。"
    text += clause.format(b="2130.69", p="4691.84")  # 6822.53: 20.00 short of 6842.53
    result = import_text(text + "\n")
    figures = claimed_figures(result)
    assert stated(result, "budget.total") == "6842.53"  # kept as stated
    assert [f for f in result.findings if f.id == "import.W005" or "不符" in f.message]
    assert figures["budget.basic"] == "2130.69"
    assert figures["budget.project"] == "4691.84"
    assert "budget.initial_basic" not in figures


def test_parts_under_the_year_start_budget_stay_the_year_start_s() -> None:
    text = HEAD + "2024年全年预算6842.53万元，年初预算6822.53万元。"
    text += "年初预算中，基本支出预算2130.69万元，项目支出预算4691.84万元。\n"
    figures = claimed_figures(import_text(text))
    assert "budget.basic" not in figures and "budget.project" not in figures


def test_a_bare_pair_that_misses_the_adjusted_total_without_the_cue_stays_unread_as_adjusted() -> (
    None
):
    text = HEAD + "2024年全年预算6842.53万元。基本支出预算2130.69万元，项目支出预算4691.84万元。\n"
    figures = claimed_figures(import_text(text))
    assert "budget.basic" not in figures  # a bare budget word is the year-start one by default


@pytest.mark.parametrize(
    ("titles", "counts"),
    [
        ("核定编制\t在编在岗\t编外聘用\t实有人数合计\t退休人员", "215\t198\t35\t233\t121"),
        ("编制数\t实有人员合计\t在编在岗人员\t退休人数", "215\t233\t198\t121"),
        ("核定编制\t在岗在编\t实有人数总计\t离退休人员", "215\t198\t233\t121"),
    ],
)
def test_on_the_payroll_at_post_and_the_head_count_total_are_read_as_titles(
    titles: str, counts: str
) -> None:
    text = HEAD + "表1 人员情况（单位：人）\n" + titles + "\n" + counts + "\n"
    figures = claimed_figures(import_text(text))
    assert figures["staffing.authorized"] == "215"
    assert figures["staffing.in_service"] == "198"
    assert figures["staffing.actual_total"] == "233"
    assert figures["staffing.retired"] == "121"


@pytest.mark.parametrize(
    "sentence",
    [
        "本单位实有人员合计56人，其中在职40人，退休16人。",
        "截至年末实有人数合计56人（在职40人、退休16人）。",
    ],
)
def test_the_head_count_total_in_prose_is_the_head_count(sentence: str) -> None:
    figures = claimed_figures(import_text(HEAD + sentence + "\n"))
    assert figures["staffing.actual_total"] == "56"
    assert figures["staffing.in_service"] == "40"


def test_a_sub_group_s_total_is_not_the_head_count() -> None:
    text = HEAD + "在职人员中党员人数合计23人。实有人数58人。\n"
    figures = claimed_figures(import_text(text))
    assert figures.get("staffing.actual_total") == "58"
