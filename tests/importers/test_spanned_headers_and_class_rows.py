"""A staffing header on two rows (在职人员 over 小计 / 其中：在编), the economic classes as the
columns of one row of amounts, a score table with a 扣分 column, and a staffing table by kind
of people (在编 / 编外 / 合计) inside a form drawn as one table; variants written for these
tests."""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

HEAD = "某县妇幼保健院2023年度部门整体支出绩效自评表\n金额单位：万元\n"


@pytest.mark.parametrize(
    ("top", "bottom", "counts"),
    [
        (
            "人员情况\t编制数\t实有人数\t在职人员\t\t退休人员",
            "\t\t\t小计\t其中：在编\t",
            "\t86\t131\t97\t70\t34",
        ),
        (
            "人员\t核定编制\t实有人数\t在职职工\t\t退休人员",
            "\t\t\t合计\t其中在编\t",
            "\t86\t131\t97\t70\t34",
        ),
        (
            "\t编制数\t实有人数\t在职人员\t\t退休人员\t",
            "\t\t\t小计\t在编\t\t",
            "\t86\t131\t97\t70\t34\t",
        ),
    ],
)
def test_a_staffing_header_on_two_rows_is_read(top: str, bottom: str, counts: str) -> None:
    figures = claimed_figures(import_text(HEAD + "\n".join((top, bottom, counts)) + "\n"))
    assert figures["staffing.authorized"] == "86"
    assert figures["staffing.actual_total"] == "131"
    assert figures["staffing.in_service"] == "97"
    assert figures["staffing.retired"] == "34"


@pytest.mark.parametrize(
    "bottom",
    [
        "\t\t\t小计\t其中：高级职称\t",  # a part that is no staffing role
        "\t\t\t(人)\t\t",  # a unit under one title: no span
    ],
)
def test_a_second_row_that_names_no_part_leaves_the_header_alone(bottom: str) -> None:
    top = "人员情况\t编制数\t实有人数\t在职人员\t\t退休人员"
    text = HEAD + "\n".join((top, bottom, "\t86\t131\t97\t70\t34")) + "\n"
    assert "staffing.in_service" not in claimed_figures(import_text(text))


def test_a_part_above_its_subtotal_leaves_the_header_alone() -> None:
    top = "人员情况\t编制数\t实有人数\t在职人员\t\t退休人员"
    text = HEAD + "\n".join((top, "\t\t\t小计\t其中：在编\t", "\t86\t131\t70\t97\t34")) + "\n"
    assert "staffing.in_service" not in claimed_figures(import_text(text))


CLASSES = "工资福利支出\t商品和服务支出\t对个人和家庭的补助\t资本性支出"


@pytest.mark.parametrize(
    "block",
    [
        f"支出结构（执行数）\t{CLASSES}\t合计\n\t1020.50\t311.26\t48.00\t95.14\t1474.90\n",
        f"四、支出经济分类（全年执行数）\t{CLASSES}\t合计\n\t1020.50\t311.26\t48.00\t95.14\t1474.90\n",
        f"经济分类（决算数）\t{CLASSES}\n\t1,020.50\t311.26\t48.00\t95.14\n",
        f"经济分类\t{CLASSES}\n实际支出数\t1020.50\t311.26\t48.00\t95.14\n",
    ],
)
def test_a_row_of_classes_under_their_titles_is_spending(block: str) -> None:
    figures = claimed_figures(import_text(HEAD + block))
    assert figures["executed.wages"] == "1020.5"
    assert figures["executed.goods_services"] == "311.26"
    assert figures["executed.transfers_households"] == "48"
    assert figures["executed.capital"] == "95.14"


def test_budget_and_spending_rows_of_classes_are_read_each_in_its_phase() -> None:
    block = (
        f"经济分类\t{CLASSES}\n预算数\t1050\t330\t50\t100\n执行数\t1020.50\t311.26\t48.00\t95.14\n"
    )
    figures = claimed_figures(import_text(HEAD + block))
    assert figures["budget.wages"] == "1050"
    assert figures["executed.wages"] == "1020.5"


@pytest.mark.parametrize(
    "block",
    [
        # the classes miss their 合计: not proven a row of classes
        f"支出结构（执行数）\t{CLASSES}\t合计\n\t1020.50\t311.26\t48.00\t95.14\t1500.00\n",
        # no phase anywhere: a caption without brackets over a row with no title
        f"经济分类\t{CLASSES}\n\t1020.50\t311.26\t48.00\t95.14\n",
    ],
)
def test_a_row_of_classes_not_proven_is_not_read(block: str) -> None:
    assert "executed.wages" not in claimed_figures(import_text(HEAD + block))


@pytest.mark.parametrize(
    ("header", "rows", "total"),
    [
        (
            "一级指标\t分值\t扣分\t得分",
            ["决策\t20\t2\t18", "过程\t20\t1\t19", "产出\t40\t3.5\t36.5", "效益\t20\t0\t20"],
            "合计\t100\t6.5\t93.5",
        ),
        (
            "一级指标\t分值\t得分\t扣分",
            ["决策\t20\t18\t2", "过程\t20\t19\t1", "产出\t40\t36.5\t3.5", "效益\t20\t20\t0"],
            "合计\t100\t93.5\t6.5",
        ),
        (
            "三、自评得分\t一级指标\t分值\t扣分\t得分\t扣分原因",
            [
                "\t决策\t20\t2\t18\t目标不细",
                "\t过程\t20\t1\t19\t",
                "\t产出\t40\t3.5\t36.5\t进度慢",
                "\t效益\t20\t0\t20\t",
            ],
            "\t合计\t100\t6.5\t93.5",
        ),
    ],
)
def test_a_score_total_beside_its_deductions_is_the_score(
    header: str, rows: list[str], total: str
) -> None:
    text = HEAD + "\n".join((header, *rows, total, "自评等级\t优")) + "\n"
    assert claimed_figures(import_text(text))["score.self"] == "93.5"


def test_a_total_whose_deduction_and_score_miss_the_weight_is_not_read() -> None:
    rows = ["决策\t20\t2\t18", "过程\t20\t1\t19", "产出\t40\t3.5\t36.5", "效益\t20\t0\t20"]
    text = HEAD + "\n".join(("一级指标\t分值\t扣分\t得分", *rows, "合计\t100\t6.5\t92.5")) + "\n"
    assert "score.self" not in claimed_figures(import_text(text))


FORM_HEAD = "单位名称\t某县妇幼保健院\t\t单位性质\t差额拨款事业单位\n"


@pytest.mark.parametrize(
    "block",
    [
        "一、人员构成\t类别\t编制数\t实有人数\t备注\n\t在编人员\t86\t79\t\n\t编外聘用人员\t—\t52\t自聘\n"
        "\t合计\t86\t131\n\t离退休人员\t—\t35\t其中退休33人、离休2人\n",
        "人员情况\t类别\t核定编制\t实有人数\n\t在编人员\t86\t79\n\t编外人员\t/\t52\n\t合计\t86\t131\n",
    ],
)
def test_a_staffing_table_by_kind_inside_a_form_is_read(block: str) -> None:
    figures = claimed_figures(import_text(HEAD + FORM_HEAD + block))
    assert figures["staffing.authorized"] == "86"
    assert figures["staffing.in_service"] == "79"
    assert figures["staffing.actual_total"] == "131"


def test_a_remark_splitting_the_retired_row_gives_the_retirees() -> None:
    block = (
        "一、人员构成\t类别\t编制数\t实有人数\t备注\n\t在编人员\t86\t79\t\n\t编外聘用人员\t—\t52\t\n"
        "\t合计\t86\t131\n\t离退休人员\t—\t35\t其中退休33人、离休2人\n"
    )
    assert claimed_figures(import_text(HEAD + FORM_HEAD + block))["staffing.retired"] == "33"


def test_a_total_the_kinds_do_not_add_up_to_is_no_head_count() -> None:
    block = (
        "人员情况\t类别\t编制数\t实有人数\n\t在编人员\t86\t79\n\t编外人员\t—\t52\n\t合计\t86\t140\n"
    )
    assert "staffing.actual_total" not in claimed_figures(import_text(HEAD + FORM_HEAD + block))


@pytest.mark.parametrize(
    "caption", ["支出构成（实际执行数）", "支出结构（决算数）", "经济分类（执行数）"]
)
def test_a_row_of_class_and_amount_pairs_in_tab_cells_is_read(caption: str) -> None:
    row = f"{caption}\t工资福利支出\t856.40\t商品和服务支出\t231.58\t对个人和家庭的补助\t612.28\t资本性支出\t287.00\n"
    figures = claimed_figures(import_text(HEAD + row))
    assert figures["executed.wages"] == "856.4"
    assert figures["executed.capital"] == "287"


@pytest.mark.parametrize("total", ["合    计", "合 计", "总    计"])
def test_a_table_s_total_label_spread_by_spaces_is_its_total(total: str) -> None:
    block = (
        "项目（万元）\t年初预算数\t全年预算数\t全年执行数\n"
        f"{total}\t560.20\t612.48\t587.35\n基本支出\t392.70\t401.26\t399.84\n"
        "项目支出\t167.50\t211.22\t187.51\n"
    )
    figures = claimed_figures(import_text(HEAD + block))
    assert figures["budget.total"] == "612.48"
    assert figures["executed.total"] == "587.35"


def test_a_spread_label_in_a_table_laid_out_with_spaces_is_left_alone() -> None:
    text = "某表\t说明\n满意  服务对   群众满意度\n标    度\n"
    assert "标    度" in normalise(text).text


RATE_ROW_TABLE = (
    "项目\t年初预算数\t全年预算数\t全年执行数\n合计\t560.20\t612.48\t587.35\n"
    "基本支出\t392.70\t401.26\t399.84\n项目支出\t167.50\t211.22\t187.51\n执行率\t\t\t{rate}\n"
)


def test_a_rate_written_as_a_row_of_its_own_under_the_spending_is_read() -> None:
    assert (
        claimed_figures(import_text(HEAD + RATE_ROW_TABLE.format(rate="95.90%")))["rates.execution"]
        == "95.9"
    )


def test_a_rate_row_its_table_does_not_make_is_not_read() -> None:
    figures = claimed_figures(import_text(HEAD + RATE_ROW_TABLE.format(rate="97.10%")))
    assert figures.get("rates.execution") != "97.1"
