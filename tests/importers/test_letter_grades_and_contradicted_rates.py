"""A form's grade written as a letter (评价等级：A / 自评等级为B级 / "评价等级" over "A"), a lone
"总分：95.0" its key：value score lines add up to, a money block one cell a line under a group
title (预算执行情况) and a total's stated 执行率 its own figures contradict while every other
row's rate holds (read as stated, and a finding); variants written for these tests."""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, stated_rate

HEAD = "某县档案馆2024年度部门整体支出绩效自评表\n金额单位：万元\n"


@pytest.mark.parametrize(
    ("line", "grade"),
    [
        ("评价等级：A\n", "A"),
        ("自评等级为B级。\n", "B"),
        ("评价等级\tA\n", "A"),
        ("综合评价等级：“A”\n", "A"),
        ("评价等级\nC\n备注\n无\n", "C"),
    ],
)
def test_a_letter_grade_after_its_title_is_read(line: str, grade: str) -> None:
    assert claimed_figures(import_text(HEAD + line))["grade.self"] == grade


@pytest.mark.parametrize(
    "line",
    [
        "评价等级：A（90分及以上）、B（80—89分）、C（60—79分）、D（60分以下）\n",
        "等级标准：A(≥90)\n",
        "评价等级\nA\nB\n",
        "评价等级：AB类项目\n",
        "2023年度评价等级为A级，本年度尚未评定。\n",
    ],
)
def test_a_legend_a_code_or_last_year_s_letter_is_no_grade(line: str) -> None:
    assert "grade.self" not in claimed_figures(import_text(HEAD + line))


SCORE_LINES = (
    "预算执行情况分值：10　得分：9.70\n产出指标分值：40　得分：38\n"
    "效益指标分值：30　得分：28.5\n满意度指标分值：20　得分：18.8\n"
)


@pytest.mark.parametrize("total", ["总分：95.0\n", "总分: 95.0分\n", "总分：95\n"])
def test_a_lone_total_its_score_lines_add_up_to_is_the_self_score(total: str) -> None:
    assert claimed_figures(import_text(HEAD + SCORE_LINES + total))["score.self"] in ("95", "95.0")


@pytest.mark.parametrize("total", ["总分：100\n", "总分：96.0\n"])
def test_a_lone_total_the_lines_do_not_make_is_not_read(total: str) -> None:
    assert "score.self" not in claimed_figures(import_text(HEAD + SCORE_LINES + total))


CELLS = (
    "资金情况\n项目\n{group}全年预算数（万元）\n全年执行数（万元）\n执行率（%）\n"
    "合计\n3,512.40\n3,298.16\n{rate}\n基本支出\n2,106.90\n2,097.35\n99.55\n"
    "项目支出\n1,405.50\n1,200.81\n85.44\n"
)


@pytest.mark.parametrize("group", ["预算执行情况\n", "资金使用情况\n", ""])
def test_a_money_block_one_cell_a_line_under_a_group_title_is_read(group: str) -> None:
    claimed = claimed_figures(import_text(HEAD + CELLS.format(group=group, rate="93.90")))
    assert claimed["budget.total"] == "3512.4" and claimed["executed.project"] == "1200.81"


def test_a_total_s_rate_its_own_figures_contradict_is_read_as_stated() -> None:
    result = import_text(HEAD + CELLS.format(group="预算执行情况\n", rate="95.10"))
    assert claimed_figures(result)["budget.total"] == "3512.4" and stated_rate(result) == "95.1"


@pytest.mark.parametrize(
    "rows",
    [
        # tabs: the parts' rates hold, the total's does not
        "项目\t全年预算数\t全年执行数\t执行率\n合计\t3,512.40\t3,298.16\t95.10%\n"
        "基本支出\t2,106.90\t2,097.35\t99.55%\n项目支出\t1,405.50\t1,200.81\t85.44%\n",
    ],
)
def test_a_table_s_total_rate_is_read_when_the_other_rows_prove_the_column(rows: str) -> None:
    assert stated_rate(import_text(HEAD + rows)) == "95.1"


def test_a_table_s_total_rate_is_not_read_when_a_part_s_rate_fails_too() -> None:
    rows = (
        "项目\t全年预算数\t全年执行数\t执行率\n合计\t3,512.40\t3,298.16\t95.10%\n"
        "基本支出\t2,106.90\t2,097.35\t98.55%\n项目支出\t1,405.50\t1,200.81\t85.44%\n"
    )
    assert stated_rate(import_text(HEAD + rows)) is None


def test_a_table_s_rows_are_no_narrative() -> None:
    text = (
        "某县档案馆2024年度部门整体支出绩效自评报告\n二、预算执行情况\n"
        "本年支出3,298.16万元，预算执行率93.90%。\n"
        "项目\t全年预算数\t全年执行数\t执行率\n合计\t3,512.40\t3,298.16\t93.90%\n"
    )
    notes = import_text(text).dossier.narratives.budget_notes
    assert notes and all("\t" not in note and "3,512.40" not in note for note in notes)
