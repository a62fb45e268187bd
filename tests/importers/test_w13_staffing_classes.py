"""Staffing and self-evaluation classes the w13 corpus reports (tests/fixtures/corpus/w13-*)
missed on their first run; each pinned by variants written for these tests (not copied from the
corpus files): the figures each must give, and nothing else. Each class has at least one variant
that must NOT be read.
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县林业局2023年度部门整体支出绩效自评报告\n"


def staffing_read(text: str) -> dict[str, str]:
    return {
        k: v
        for k, v in claimed_figures(import_text(TITLE + text)).items()
        if k.startswith("staffing.")
    }


def self_evaluation(text: str) -> tuple[str | None, str | None]:
    result = import_text(TITLE + text)
    evaluation = result.dossier.self_evaluation
    if evaluation is None:
        return None, None
    total = None if evaluation.total is None else f"{evaluation.total.normalize():f}"
    return total, evaluation.grade


# ── 1. a staffing table of key/value pairs (one or two pairs a row) ────────────────────────


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "| 类别 | 人数 |\n| --- | --- |\n| 核定编制 | 40 |\n| 实有人员 | 47 |\n"
            "| 其中：在职人员 | 36 |\n| 退休人员 | 11 |\n| 劳务派遣人员 | 5 |\n",
            {
                "staffing.authorized": "40",
                "staffing.actual_total": "47",
                "staffing.in_service": "36",
                "staffing.retired": "11",
            },
        ),
        (
            "项目\t数量\n编制数\t22人\n在职人数\t20人\n离退休人员\t7人\n",
            {"staffing.authorized": "22", "staffing.in_service": "20", "staffing.retired": "7"},
        ),
        (
            "| 单位名称 | 某县林业局 | 单位类别 | 行政单位 |\n| --- | --- | --- | --- |\n"
            "| 编制数 | 18名 | 实有人数 | 23人 |\n| 在职职工 | 17人 | 退休职工 | 6人 |\n",
            {
                "staffing.authorized": "18",
                "staffing.actual_total": "23",
                "staffing.in_service": "17",
                "staffing.retired": "6",
            },
        ),
    ],
)
def test_key_value_staffing_tables_are_read_pair_by_pair(table, expected):
    assert staffing_read("二、人员情况\n" + table) == expected


@pytest.mark.parametrize(
    "table",
    [
        # a header over columns of counts: 在职人数 is a column title, not a value
        "类别\t在职人数\n行政人员\t12\n事业人员\t8\n",
        # last year's counts beside this year's
        "项目\t人数\n上年在职人数\t19\n上年退休人数\t4\n",
        # an odd number of cells: keys and values cannot be paired
        "编制人数\t28\t实有人数\n在职人数\t35\t离退休人数\n",
        # keys that name no role and no more (在职人员情况, 党员人数)
        "项目\t人数\n在职人员情况\t3\n党员人数\t14\n",
    ],
)
def test_tables_that_are_not_key_value_pairs_are_not_read_as_such(table):
    assert staffing_read("二、人员情况\n" + table) == {}


# ── 2. a staffing table by unit with a 合计 row ─────────────────────────────────────────────


def test_a_total_row_of_a_table_by_unit_gives_role_columns():
    table = (
        "表2 人员情况（单位：人）\n"
        "单位名称\t编制数\t在职人员\t离退休人员\n"
        "局本级\t30\t28\t12\n"
        "森林防火中心\t14\t13\t—\n"
        "林业站\t9\t9\t3\n"
        "合计\t53\t50\t15\n"
    )
    assert staffing_read(table) == {
        "staffing.authorized": "53",
        "staffing.in_service": "50",
        "staffing.retired": "15",
    }


@pytest.mark.parametrize(
    "rows",
    [
        # the rows above do not add up to the 合计 cells (a cell lost or a partial table)
        "局本级\t30\t28\t12\n林业站\t9\t9\t3\n合计\t39\t40\t16\n",
        # rows of people by role: the 合计 is not a sum of units
        "在职人员\t39\t37\t—\n退休人员\t—\t—\t15\n合计\t39\t37\t15\n",
        # a single row above the 合计
        "局本级\t30\t28\t12\n合计\t30\t28\t12\n",
    ],
)
def test_a_total_row_is_not_read_by_role_columns_without_the_sum(rows):
    table = "单位名称\t编制数\t在职人员\t离退休人员\n" + rows
    figures = staffing_read(table)
    assert "staffing.in_service" not in figures
    assert "staffing.retired" not in figures


# ── 3. a score and grade beside an earlier year's ─────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "经评价，该局2023年度部门整体支出绩效评价得分90.5分，评价等级：优。"
            "该局2022年度评价得分86分，等级为良。\n",
            ("90.5", "优"),
        ),
        (
            "综合评分93分，评价等级为优。上年综合评分87分，评价等级为良。\n",
            ("93", "优"),
        ),
        (
            "本年度自评得分88分，较2022年度自评得分（82分）提高6分，自评等级为良。\n",
            ("88", "良"),
        ),
        (
            "评价结果：2023年度评价得分91分，较上年提高4分，评价等级为优。\n",
            ("91", "优"),
        ),
    ],
)
def test_an_earlier_years_score_and_grade_are_not_this_years(text, expected):
    assert self_evaluation("三、评价结论\n" + text) == expected


def test_only_an_earlier_years_score_gives_nothing():
    assert self_evaluation("三、评价结论\n去年部门整体支出绩效评价得分84分，评价等级为良。\n") == (
        None,
        None,
    )
    assert self_evaluation("三、评价结论\n该局2021年度绩效评价得分82分，等级为良。\n") == (
        None,
        None,
    )


def test_a_two_column_table_under_another_title_is_not_key_value_pairs():
    # the value column says 差额 / 增减 (a difference), not a head-count
    assert staffing_read("二、人员情况\n类别\t增减\n在职人员\t2\n退休人员\t1\n") == {}
