"""Prose wordings of a long report: a run-in heading giving the phase (（二）支出预算。基本支出…，
合计…), a 合计 closing the parts of its sentence, counts in Chinese numerals, a staffing key with
its unit in brackets, 收支总预算 / 累计完成 / 资金完成率, a stated rate a few points off its own
arithmetic, and a 总分 its listed parts make; variants written for these tests."""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, stated_rate

HEAD = "某县水利局2023年度部门整体支出绩效自评报告\n二、部门整体支出情况\n"


@pytest.mark.parametrize(
    "budget",
    [
        "（一）支出预算。按支出类型划分：基本支出928.55万元，项目支出933.85万元，合计1,862.40万元。\n",
        "（一）预算安排。基本支出928.55万元、项目支出933.85万元，合计1862.40万元。\n",
        "（一）支出预算。按支出性质分：基本支出928.55万元，项目支出933.85万元，共计1,862.40万元。\n",
    ],
)
def test_a_run_in_budget_heading_gives_its_parts_and_their_total_the_budget(budget: str) -> None:
    figures = claimed_figures(import_text(HEAD + budget))
    assert figures["budget.basic"] == "928.55"
    assert figures["budget.project"] == "933.85"
    assert figures["budget.total"] == "1862.4"


def test_a_spending_sentence_under_a_budget_heading_keeps_its_phase() -> None:
    text = (
        HEAD
        + "（一）预算情况。全年支出：基本支出921.06万元，项目支出833.12万元，合计1,754.18万元。\n"
    )
    figures = claimed_figures(import_text(text))
    assert figures["executed.total"] == "1754.18"
    assert "budget.basic" not in figures


@pytest.mark.parametrize(
    "line",
    [
        "（三）支出执行。全年支出：基本支出921.06万元，项目支出833.12万元，合计1,754.18万元。\n",
        "（三）执行情况。基本支出921.06万元，项目支出833.12万元，合计1754.18万元。\n",
    ],
)
def test_a_total_closing_its_parts_takes_their_phase(line: str) -> None:
    assert claimed_figures(import_text(HEAD + line))["executed.total"] == "1754.18"


def test_a_total_its_parts_do_not_make_stays_unread() -> None:
    line = "（三）执行情况。基本支出921.06万元，项目支出833.12万元，合计1,800.00万元。\n"
    assert "executed.total" not in claimed_figures(import_text(HEAD + line))


@pytest.mark.parametrize(
    ("sentence", "key", "count"),
    [
        ("核定行政编制二十一名。", "staffing.authorized", "21"),
        ("年末在职人员五十一名，退休人员二十七名。", "staffing.in_service", "51"),
        ("年末在职人员五十一名，退休人员二十七名。", "staffing.retired", "27"),
        ("核定编制一百零二人。", "staffing.authorized", "102"),
    ],
)
def test_a_count_in_chinese_numerals_is_read(sentence: str, key: str, count: str) -> None:
    assert claimed_figures(import_text(HEAD + sentence + "\n"))[key] == count


def test_people_served_in_chinese_numerals_are_no_staff() -> None:
    text = HEAD + "组织培训十二期，培训群众六百四十人次，服务职工三百人次。\n"
    assert not any(key.startswith("staffing") for key in claimed_figures(import_text(text)))


@pytest.mark.parametrize(
    "block",
    [
        "编制数（名）：63，其中行政编制28名、事业编制35名；\n在职人数（人）：61；\n退休人数（人）：34；\n",
        "编制数（人）：63；\n在职人数（人）：61；\n退休人数（人）：34。\n",
    ],
)
def test_a_staffing_key_with_its_unit_in_brackets_is_read(block: str) -> None:
    figures = claimed_figures(import_text(HEAD + block))
    assert figures["staffing.authorized"] == "63"
    assert figures["staffing.in_service"] == "61"
    assert figures["staffing.retired"] == "34"


def test_the_whole_budget_of_income_and_spending_and_the_year_s_completion_are_read() -> None:
    text = (
        HEAD
        + "一、部门预算安排\n2020年度，部门收支总预算16,842.57万元。\n"
        + "二、部门预算执行\n全年累计完成16,105.93万元，资金完成率95.63%。\n"
    )
    figures = claimed_figures(import_text(text))
    assert figures["budget.total"] == "16842.57"
    assert figures["executed.total"] == "16105.93"
    assert figures["rates.execution"] == "95.63"


def test_a_completion_of_something_else_is_not_spending() -> None:
    text = HEAD + "全年累计完成固定资产投资3,200.00万元。\n"
    assert "executed.total" not in claimed_figures(import_text(text))


def test_a_rate_a_few_points_off_its_own_spending_is_read_as_stated() -> None:
    text = (
        HEAD
        + "部门全年预算6215.48万元。部门全年支出5738.26万元，全年执行进度95.32%。"
        + "其中：基本支出2612.84万元，执行进度98.97%。\n"
    )
    assert stated_rate(import_text(text)) == "95.32"


def test_a_rate_far_from_the_spending_before_it_is_not_the_budget_s() -> None:
    text = HEAD + "部门全年预算6215.48万元。部门全年支出5738.26万元，全年执行进度71.20%。\n"
    assert "rates.execution" not in claimed_figures(import_text(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "本部门决策指标得18分、过程指标得19.5分、产出指标得37分、效益指标得17.5分，总分92分，评价等级为优。",
        "决策类得分18分，过程类得分19.5分，产出类得分37分，效益类得分17.5分，总分为92分。",
    ],
)
def test_a_total_its_listed_parts_make_is_the_score(sentence: str) -> None:
    assert claimed_figures(import_text(HEAD + sentence + "\n"))["score.self"] == "92"


def test_a_total_its_listed_parts_miss_is_not_read() -> None:
    sentence = "决策指标得18分、过程指标得19.5分、产出指标得37分、效益指标得17.5分，总分95分。"
    assert "score.self" not in claimed_figures(import_text(HEAD + sentence + "\n"))


def test_parts_after_a_total_are_its_own_whatever_phrase_opens_the_sentence() -> None:
    text = (
        HEAD
        + "（一）预算安排情况\n2020年初部门预算安排1,386.42万元。年度执行中，追加项目资金，"
        + "全年调整后预算为2,417.85万元，其中基本支出836.27万元，项目支出1,581.58万元。\n"
    )
    figures = claimed_figures(import_text(text))
    assert figures["budget.basic"] == "836.27"
    assert "executed.basic" not in figures


def test_an_opening_phrase_still_gives_its_phase_to_the_parts_right_after_it() -> None:
    text = HEAD + "全年执行中，基本支出829.14万元，项目支出1,472.52万元。\n"
    assert claimed_figures(import_text(text))["executed.basic"] == "829.14"


def test_an_institution_named_as_the_object_of_a_supplement_is_no_sentence_subject() -> None:
    text = (
        HEAD
        + "（一）收入预算。年中因追加社区矫正中心信息化建设、法律援助案件补贴等经费，"
        + "调整后全年预算3,862.74万元。\n"
    )
    assert claimed_figures(import_text(text))["budget.total"] == "3862.74"


def test_an_institution_opening_its_own_sentence_keeps_its_money() -> None:
    text = HEAD + "县社区矫正中心全年支出86.40万元，由其自行编报决算。\n"
    assert "executed.total" not in claimed_figures(import_text(text))
