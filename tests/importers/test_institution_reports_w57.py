"""Public institutions with income of their own: people a sentence says are not the department's,
a prose total its form contradicts (the one the 基本 + 项目 make is read, both stated), and a form
whose head row has a merged cell left blank over its staffing and money blocks; variants written
for these tests."""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

HEAD = "某县计量检定测试院2024年度部门整体支出绩效自评报告\n一、基本情况\n"


@pytest.mark.parametrize(
    "aside",
    [
        "另有原社有企业改制退休人员1,280人，已参加企业职工基本养老保险，不属于本部门人员。",
        "另有企业退休人员1,280人，其养老金由社保发放，不计入本单位人数。",
    ],
)
def test_people_a_sentence_says_are_not_the_department_s_are_not_read(aside: str) -> None:
    text = HEAD + "核定编制28名，年末实有人员37人，退休人员46人。" + aside + "\n"
    assert claimed_figures(import_text(text))["staffing.retired"] == "46"


FORM = (
    "附件\n2024年度部门整体支出绩效自评表\n金额单位：万元\n"
    "资金情况\t全年预算数\t全年执行数\t执行率\n"
    "年度资金总额\t2,164.80\t1,872.63\t86.50%\n"
    "基本支出\t1,520.80\t1,498.35\t98.52%\n"
    "项目支出\t644.00\t374.28\t58.12%\n"
)


def test_the_total_its_parts_make_is_read_over_a_prose_total_that_differs() -> None:
    prose = "二、支出情况\n2024年度支出合计1,872.36万元，其中基本支出1,498.35万元，项目支出374.28万元。\n"
    result = import_text(HEAD + prose + FORM)
    assert claimed_figures(result)["executed.total"] == "1872.63"
    stated = [s.value for s in result.dossier.stated if s.key == "executed.total"]
    assert {str(v) for v in stated} >= {"1872.36", "1872.63"}


def test_a_prose_total_its_parts_make_stays_the_figure() -> None:
    prose = "二、支出情况\n2024年度支出合计1,872.63万元，其中基本支出1,498.35万元，项目支出374.28万元。\n"
    assert claimed_figures(import_text(HEAD + prose + FORM))["executed.total"] == "1872.63"


@pytest.mark.parametrize(
    "head", ["部门名称\t某学校\t\t主管部门\t某局\n", "部门名称\t某学校\t主管部门\t某局\n"]
)
def test_a_head_row_with_a_blank_merged_cell_over_the_blocks_is_passed_over(head: str) -> None:
    text = (
        "某学校2020年度部门整体支出绩效自评表\n金额单位：元\n"
        + head
        + "人员情况\t编制数\t实有人数\t其中：在职在编\t编外聘用\t退休人数\n"
        + "\t168\t203\t152\t51\t74\n"
        + "项目\t全年预算数\t全年执行数\t执行率\t分值\t得分\n"
        + "年度资金总额\t24,413,015.40\t23,661,834.25\t96.92%\t10\t9.69\n"
        + "基本支出\t17,265,300.00\t17,102,648.91\t99.06%\t—\t—\n"
        + "项目支出\t7,147,715.40\t6,547,185.34\t91.60%\t—\t—\n"
    )
    result = import_text(text)
    figures = claimed_figures(result)
    assert figures["staffing.authorized"] == "168"
    assert figures["budget.total"] == "2441.30154"
    assert figures["executed.project"] == "654.718534"
