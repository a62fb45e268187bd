"""A form pasted one cell a line as one stream (pastings/cell_lines.py): wording and layout
variants written for the genre, and prose or tables of the same shape that must stay unread."""

from __future__ import annotations

import pytest

from benchmarks.eval_import import read_figures
from jixiao.importers.text import import_text


def read(text: str) -> dict[str, str]:
    return read_figures(import_text(text))[0]


MONEY = {
    # titles 年初 / 全年, rows not apart, the score table's total row right after
    "rows_touching": (
        "单位：万元\n项目\n年初预算数\n全年预算数\n实际支出\n执行率\n"
        "资金总额\n500.00\n520.00\n494.00\n95.00%\n基本支出\n300.00\n310.00\n300.70\n97.00%\n"
        "项目支出\n200.00\n210.00\n193.30\n92.05%\n总分\n100\n自评得分\n93.5\n"
    ),
    # a caption merged down written once, its empty cells as empty lines, rows apart
    "caption_and_blank_rows": (
        "金额单位：万元\n资金情况\n项目\n批复预算\n调整后预算数\n执行数\n\n"
        "\n合计\n800.00\n860.00\n817.00\n\n"
        "\n基本支出\n400.00\n420.00\n410.00\n\n"
        "\n项目支出\n400.00\n440.00\n407.00\n\n"
    ),
    # empty score cells dropped, the total at the bottom, bare rates under 执行率(%)
    "scores_dropped": (
        "单位：万元\n科目\n全年预算数\n决算数\n分值\n执行率(%)\n得分\n"
        "工资福利支出\n120.00\n118.80\n99.00\n商品和服务支出\n80.00\n76.00\n95.00\n"
        "合计\n200.00\n194.80\n10\n97.40\n9.7\n"
    ),
}

EXPECTED = {
    "rows_touching": {"budget.total": "520", "executed.total": "494", "budget.basic": "310"},
    "caption_and_blank_rows": {"budget.total": "860", "executed.project": "407"},
    "scores_dropped": {"budget.total": "200", "executed.wages": "118.8"},
}


@pytest.mark.parametrize("name", sorted(MONEY))
def test_a_money_block_one_cell_a_line_is_read(name: str) -> None:
    got = read(MONEY[name])
    for key, value in EXPECTED[name].items():
        assert got.get(key) == value, (key, got)


@pytest.mark.parametrize(
    "text",
    [
        # a rate that is not the row's spending over its budget
        MONEY["rows_touching"].replace("95.00%", "96.00%"),
        # a cell lost: the row no longer fits the header
        MONEY["caption_and_blank_rows"].replace("420.00\n", ""),
    ],
)
def test_a_block_not_proven_reads_no_wrong_total(text: str) -> None:
    got = read(text)
    assert got.get("budget.total") in (None, "520", "860")
    assert got.get("executed.basic") in (None, "300.7", "410")


def test_three_rates_prove_the_columns_whose_parts_do_not_add_up() -> None:
    # 基本支出 301.70 + 项目支出 193.30 = 495.00, the total says 494.00: the report's own
    # inconsistency (a finding); every row's rate is its spending over its budget
    got = read(MONEY["rows_touching"].replace("300.70", "301.70").replace("97.00%", "97.32%"))
    assert got["executed.total"] == "494" and got["executed.basic"] == "301.7"


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("单位：万元\n总分\n100\n自评得分\n91.5\n", "91.5"),
        ("总分\n100\n自评得分\n88\n\n自评等级：良\n", "88"),
        (
            "一级指标\n三级指标\n指标值\n实际完成值\n分值\n得分\n"
            "产出指标\n办件数量\n≥500件\n620件\n40\n38\n"
            "效益指标\n群众满意率\n≥90%\n\n30\n27\n"
            "满意度指标\n投诉办结率\n100%\n100%\n30\n30\n总分\n\n\n\n100\n95\n",
            "95",
        ),
    ],
)
def test_a_score_total_one_cell_a_line_is_read(text: str, score: str) -> None:
    assert read(text).get("score.self") == score


@pytest.mark.parametrize(
    "text",
    [
        # prose of the same shape: a list of figures, no header
        "项目\n今年完成了三件事\n合计\n500\n",
        # a total over 100 is no score
        "总分\n100\n自评得分\n150\n",
        # a header without a spending title: not a money block
        "单位：万元\n项目\n年初预算数\n全年预算数\n资金总额\n500.00\n520.00\n"
        "基本支出\n300.00\n310.00\n项目支出\n200.00\n210.00\n总分\n",
    ],
)
def test_shapes_not_proven_stay_unread(text: str) -> None:
    got = read(text)
    assert "budget.total" not in got
    assert got.get("score.self") is None


@pytest.mark.parametrize(
    "text",
    [
        "人员情况\n编制数\n实有人数\n在职人数\n退休人数\n\n40\n46\n38\n8\n项目\n",
        "编制人数\n实有人员\n在职\n退休\n40\n46\n38\n8\n",
        "核定编制\n实有人数\n在职人数\n退休人数\n\n40\n46\n38\n8\n\n",
    ],
)
def test_a_staffing_header_over_its_counts_is_read(text: str) -> None:
    got = read(text)
    assert got.get("staffing.actual_total") == "46"
    assert got.get("staffing.retired") == "8"


def test_staffing_counts_that_do_not_split_are_not_one_row() -> None:
    got = read("编制数\n实有人数\n在职人数\n退休人数\n40\n46\n30\n8\n")
    assert got.get("staffing.in_service") != "30" or got.get("staffing.actual_total") != "46"
