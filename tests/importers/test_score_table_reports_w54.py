"""Reports resting on a scored indicator table: a money block written as phrases under a caption
stating its unit (——基本支出：年初预算…，调整后预算…，执行…，执行率…), a 街道 naming itself
as the subject of its budget, and a 总分 the table's rows prove against a prose score that
contradicts it (rows with no target among them); variants written for these tests."""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, stated_rate

HEAD = "某县水务局2024年度部门整体支出绩效自评报告\n二、预算安排及执行情况\n"
PHRASES = (
    "{mark}基本支出：年初预算612.40，调整后预算648.92，执行640.17，执行率98.65%；\n"
    "{mark}项目支出：年初预算2,150.00，调整后预算6,835.16，执行5,973.50，执行率87.39%；\n"
    "{mark}合计：年初预算2,762.40，调整后预算7,484.08，执行6,613.67，执行率{rate}%。\n"
)


@pytest.mark.parametrize("caption", ["分类情况（单位：万元）：", "全年收支分类如下（单位：万元）"])
@pytest.mark.parametrize("mark", ["——", "", "·"])
def test_a_money_block_written_as_phrases_is_read(caption: str, mark: str) -> None:
    text = HEAD + caption + "\n" + PHRASES.format(mark=mark, rate="88.37")
    figures = claimed_figures(import_text(text))
    assert figures["budget.basic"] == "648.92"
    assert figures["executed.project"] == "5973.5"
    assert figures["budget.total"] == "7484.08"
    assert figures["executed.total"] == "6613.67"


def test_a_phrased_total_s_rate_its_figures_contradict_is_read_as_stated() -> None:
    text = HEAD + "分类情况（单位：万元）：\n" + PHRASES.format(mark="——", rate="96.48")
    assert stated_rate(import_text(text)) == "96.48"


def test_phrases_with_no_unit_above_them_are_not_a_table() -> None:
    text = HEAD + "分类情况如下：\n" + PHRASES.format(mark="——", rate="88.37")
    assert "budget.basic" not in claimed_figures(import_text(text))


def test_phrases_whose_titles_differ_from_row_to_row_are_not_a_table() -> None:
    text = (
        HEAD
        + "分类情况（单位：万元）：\n"
        + "基本支出：年初预算612.40，调整后预算648.92，执行640.17；\n"
        + "项目支出：调整后预算6,835.16，年初预算2,150.00，执行5,973.50；\n"
    )
    assert "budget.basic" not in claimed_figures(import_text(text))


@pytest.mark.parametrize("subject", ["街道", "本街道", "我街道"])
def test_a_street_office_naming_itself_states_its_own_budget(subject: str) -> None:
    text = (
        "东沙街道办事处2021年度部门整体支出绩效自评报告\n二、部门整体支出情况\n"
        f"2021年度，{subject}全年预算数为8,380.95万元，全年执行数7,639.08万元。\n"
    )
    assert claimed_figures(import_text(text))["budget.total"] == "8380.95"


SCORE_TABLE = (
    "| 一级指标 | 二级指标 | 三级指标 | 目标值 | 实际值 | 分值 | 得分 | 扣分原因 |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
    "| 决策 | 绩效目标 | 绩效目标合理性 | — | — | 20 | 18 | |\n"
    "| 过程 | 预算执行 | 预算执行率 | ≥95% | 91.15% | 20 | 16 | 未达目标值 |\n"
    "| 产出 | 数量指标 | 任务完成率 | 100% | 85% | 30 | 25.5 | 进度滞后 |\n"
    "| 效益 | 满意度 | 居民满意度 | ≥90% | 92.3% | 30 | 27.3 | |\n"
    "| **总分** | | | | | **100** | **86.8** | |\n"
)


def test_the_total_the_rows_make_wins_over_a_prose_score_that_differs() -> None:
    text = (
        "东沙街道办事处2021年度部门整体支出绩效自评报告\n经自评，自评得分为88.6分。\n\n"
        + SCORE_TABLE
    )
    assert claimed_figures(import_text(text))["score.self"] == "86.8"


def test_a_form_s_rows_as_phrases_apart_by_semicolons_under_its_head_line_are_read() -> None:
    text = (
        "某乡人民政府2022年度部门整体支出绩效自评报告\n部门整体支出绩效自评表\n"
        "部门名称：某乡人民政府；预算年度：2022年；金额单位：万元\n"
        "人员情况：编制数41人；实有人数39人\n"
        "年度资金总额：年初预算数497.30；全年预算数538.20；全年执行数521.64；执行率96.92%；分值10；得分9.69\n"
        "其中，基本支出：年初预算数392.30；全年预算数402.15；全年执行数398.77；执行率99.16%\n"
        "项目支出：年初预算数105.00；全年预算数136.05；全年执行数122.87；执行率90.31%\n"
    )
    figures = claimed_figures(import_text(text))
    assert figures["executed.total"] == "521.64"
    assert figures["budget.basic"] == "402.15"
    assert figures["executed.project"] == "122.87"


def test_phrased_rows_going_past_each_other_with_money_are_not_a_table() -> None:
    text = (
        "某乡人民政府2022年度部门整体支出绩效自评报告\n金额单位：万元\n"
        "年度资金总额：全年预算数538.20；全年执行数521.64；上年结转12.00\n"
        "基本支出：全年预算数402.15；全年执行数398.77\n"
    )
    assert "budget.basic" not in claimed_figures(import_text(text))
