"""Reports copied from a government web page: tables flattened one space a cell (a cut's caption
before a row's label, a part column in the staffing row), rows of a class and its amount under a
caption naming their phase, a fund's spending right after its amount, an amount whose unit wrapped
onto the next line, and a sentence broken after a comma; variants written for these tests."""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

HEAD = "某县中医医院2020年度部门整体支出绩效自评表\n金额单位：元\n"


@pytest.mark.parametrize("cut", ["按用途分：", "按用途划分：", "按支出性质分："])
def test_a_flattened_row_opening_with_its_cut_is_read(cut: str) -> None:
    text = (
        HEAD
        + "项目 全年预算数 全年执行数 执行率 分值 得分\n"
        + "年度资金总额 108,456,320.00 101,873,655.42 93.93% 10 9.39\n"
        + f"{cut}基本支出 94,206,320.00 91,318,402.16 96.93%\n"
        + "项目支出 14,250,000.00 10,555,253.26 74.07%\n"
    )
    figures = claimed_figures(import_text(text))
    assert figures["budget.basic"] == "9420.632"
    assert figures["executed.project"] == "1055.525326"


@pytest.mark.parametrize("part", ["其中：在职编外聘用", "其中：编外人员"])
def test_a_flattened_staffing_row_with_a_part_column_is_read(part: str) -> None:
    text = HEAD + f"人员情况 编制数 实有人数 在职人数 退休人数 {part}\n 265 412 374 38 143\n"
    figures = claimed_figures(import_text(text))
    assert figures["staffing.authorized"] == "265"
    assert figures["staffing.in_service"] == "374"
    assert figures["staffing.retired"] == "38"


def test_a_part_column_first_leaves_the_staffing_row_unread() -> None:
    text = HEAD + "人员情况 其中：编外人员 编制数 实有人数 在职人数\n 143 265 412 374\n"
    assert "staffing.authorized" not in claimed_figures(import_text(text))


REPORT = "某市疾控中心2022年度部门整体支出绩效自评报告\n"
CLASS_ROWS = "工资福利支出\t1,812.40\n商品和服务支出\t2,456.19\n对个人和家庭的补助\t327.26\n"


@pytest.mark.parametrize(
    "caption",
    [
        "实际支出按经济分类（单位：万元）：",
        "全年执行数按经济分类（单位：万元）",
        "支出决算按经济分类（单位：万元）",
    ],
)
def test_rows_of_classes_under_a_caption_naming_the_spending_are_read(caption: str) -> None:
    figures = claimed_figures(import_text(REPORT + caption + "\n" + CLASS_ROWS))
    assert figures["executed.wages"] == "1812.4"
    assert figures["executed.transfers_households"] == "327.26"


def test_rows_of_classes_under_a_caption_naming_no_phase_are_not_read() -> None:
    figures = claimed_figures(import_text(REPORT + "按经济分类（单位：万元）\n" + CLASS_ROWS))
    assert "executed.wages" not in figures and "budget.wages" not in figures


@pytest.mark.parametrize(
    "sentence",
    [
        "项目支出中含抗疫特别国债资金3,200,000.00元（用于负压病房改造），全年执行2,416,800.00元。",
        "区级下达改造前期工作经费1,200,000.00元，执行1,108,600.00元。",
    ],
)
def test_a_fund_s_spending_right_after_its_amount_is_not_the_department_s(sentence: str) -> None:
    text = REPORT + "全年预算数为12,000,000.00元，全年支出11,500,000.00元。" + sentence + "\n"
    assert claimed_figures(import_text(text))["executed.total"] == "1150"


def test_an_amount_whose_unit_wrapped_onto_the_next_line_is_read() -> None:
    text = (
        REPORT
        + "按经济分类：工资福利支出218.52万元，商品和服务支出92.36万元，对个人和家庭的补助936.96\n"
        + "万元（主要为优抚对象抚恤和生活补助），资本性支出26.00万元。\n"
    )
    assert claimed_figures(import_text(text))["executed.transfers_households"] == "936.96"


def test_a_sentence_broken_after_a_comma_keeps_its_subject() -> None:
    text = (
        REPORT
        + "调整后全年预算1,987.35万元，其中基本支出1,012.47万元，项目支出974.88万元。全年实际支出"
        + "1,902.16万元，其中基本支出1,009.83万元，\n项目支出892.33万元，预算执行率95.71%。\n"
    )
    assert claimed_figures(import_text(text))["rates.execution"] == "95.71"
