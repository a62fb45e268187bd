"""Classes of the w26 first run (tests/fixtures/corpus/w26-01, w26-05: 部门整体支出绩效自评表 pasted
as tab rows in ways the form readers did not know), pinned by variants written for these tests
(not copied from any report): the figures each must give, and nothing else.

Classes: a form's money block under a merged caption column left empty, its rows shortened by the
paste (trailing blanks dropped: `_block_row` in table_rates.py), 结转结余 beside the money columns;
staffing pairs after merged cells left empty ("\t人员编制数\t52\t实有人数\t87"), 人员编制数 as the
quota, a 离退休 part of the 实有 split and its own split into 退休 / 离休 on the row below
(`_role_split_row` in staffing.py); a money block with its staffing block drawn beside it in one
table (`money_beside_staffing` in table_rates.py), the staffing rows splitting 实有 one pair a row
(`_role_split_below`); a row of economic classes with label and amount in one cell under a caption
naming the phase ("决算数按经济分类 | 工资福利支出 142.30 | …": `_class_cells_rows` in money.py).
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only


def read(text: str) -> dict[str, str]:
    return claimed_figures(import_text(text))


# ── 1. a money block under an empty caption column, rows shortened, amounts in 元 ──────────────

EMPTY_CAPTION = (
    "2023年度部门整体支出绩效自评表\n"
    "填报单位：某县档案馆\t\t\t\t\t金额单位：元\n"
    "资金情况\t项目\t{budget}\t{spent}\t{left}\t执行率\t分值\t得分\n"
    "\t资金总额\t2,400,000.00\t2,280,000.00\t120,000.00\t95.00%\t10\t9.50\n"
    "\t其中：财政拨款\t2,400,000.00\t2,280,000.00\t120,000.00\n"
    "\t    其中：基本支出\t1,500,000.00\t1,480,000.00\t20,000.00\n"
    "\t          项目支出\t900,000.00\t800,000.00\t100,000.00\n"
    "\t其他资金\t0.00\t0.00\t0.00\n"
    "\t附：“三公”经费\t50,000.00\t30,000.00\t20,000.00\t60.00%\n"
)


@pytest.mark.parametrize(
    ("budget", "spent", "left"),
    [
        ("预算数", "执行数", "结转结余"),
        ("全年预算数", "全年执行数", "结余"),
        ("调整后预算数", "实际支出数", "结转结余数"),
    ],
)
def test_a_money_block_under_an_empty_caption_column_is_read(
    budget: str, spent: str, left: str
) -> None:
    money = money_only(read(EMPTY_CAPTION.format(budget=budget, spent=spent, left=left)))
    assert money["budget.total"] == "240"
    assert money["budget.basic"] == "150"
    assert money["budget.project"] == "90"
    assert money["executed.total"] == "228"
    assert money["executed.basic"] == "148"
    assert money["executed.project"] == "80"


def test_a_block_row_with_no_number_after_its_label_ends_the_block() -> None:
    text = EMPTY_CAPTION.format(budget="预算数", spent="执行数", left="结转结余").replace(
        "\t其中：财政拨款\t2,400,000.00", "\t其中：财政拨款\t见附表\t2,400,000.00"
    )
    money = money_only(read(text))
    assert "budget.basic" not in money
    assert "executed.basic" not in money


# ── 2. staffing pairs after merged cells left empty; 离退休 split again ─────────────────────────

STAFF = (
    "2023年度部门整体支出绩效自评表\n"
    "填报单位：某县档案馆\t\t\t\t\t金额单位：万元\n"
    "基本情况\t部门名称\t某县档案馆\t主管部门\t某县人民政府\n"
    "\t{quota}\t20\t实有人数\t31\n"
    "\t其中：在职\t19\t离退休\t12\n"
    "\t\t\t其中：退休\t{retired}\t离休\t{cadres}\n"
)


@pytest.mark.parametrize("quota", ["人员编制数", "编制数", "核定编制"])
def test_staffing_pairs_after_empty_merged_cells_are_read(quota: str) -> None:
    figures = read(STAFF.format(quota=quota, retired=11, cadres=1))
    assert figures["staffing.authorized"] == "20"
    assert figures["staffing.actual_total"] == "31"
    assert figures["staffing.in_service"] == "19"
    assert figures["staffing.retired"] == "11"


def test_a_split_of_the_combined_retired_that_misses_is_not_read() -> None:
    figures = read(STAFF.format(quota="人员编制数", retired=10, cadres=1))
    assert figures.get("staffing.retired") != "10"


def test_a_split_of_the_actual_count_that_misses_is_not_read() -> None:
    text = STAFF.format(quota="人员编制数", retired=11, cadres=1).replace(
        "\t其中：在职\t19", "\t其中：在职\t17"
    )
    figures = read(text)
    assert "staffing.in_service" not in figures


# ── 3. a money block and a staffing block side by side in one table ───────────────────────────

BESIDE = (
    "某县老龄办2023年度部门整体支出绩效自评表\n"
    "填报单位：某县老龄办\t\t\t\t\t单位：万元、人\n"
    "资金情况\t{initial}\t{adjusted}\t{spent}\t执行率\t{caption}\t\n"
    "资金总额\t200.00\t250.00\t240.00\t96.00%\t编制数\t8\n"
    "财政拨款\t200.00\t240.00\t230.00\t95.83%\t实有人数\t12\n"
    "其他资金\t0.00\t10.00\t10.00\t100.00%\t其中：在职\t7\n"
    "基本支出\t120.00\t130.00\t128.00\t98.46%\t退休\t5\n"
    "项目支出\t80.00\t120.00\t112.00\t93.33%\t编外聘用\t2\n"
    "“三公”经费\t3.00\t3.00\t2.10\t70.00%\t村级协管员\t95\n"
)


@pytest.mark.parametrize(
    ("initial", "adjusted", "spent", "caption"),
    [
        ("年初预算数", "调整预算数", "决算数", "人员情况"),
        ("年初预算数", "调整后预算数", "执行数", "人员编制情况"),
        ("年初预算", "全年预算数", "实际支出", "编制情况"),
    ],
)
def test_a_staffing_block_beside_the_money_block_is_read_apart(
    initial: str, adjusted: str, spent: str, caption: str
) -> None:
    figures = read(BESIDE.format(initial=initial, adjusted=adjusted, spent=spent, caption=caption))
    assert figures["budget.total"] == "250"
    assert figures["budget.basic"] == "130"
    assert figures["budget.project"] == "120"
    assert figures["executed.total"] == "240"
    assert figures["executed.basic"] == "128"
    assert figures["executed.project"] == "112"
    assert figures["staffing.authorized"] == "8"
    assert figures["staffing.actual_total"] == "12"
    assert figures["staffing.in_service"] == "7"
    assert figures["staffing.retired"] == "5"
    assert "95" not in figures.values()


def test_cells_beside_the_money_block_under_no_staffing_caption_are_no_staffing() -> None:
    figures = read(
        BESIDE.format(initial="年初预算数", adjusted="调整预算数", spent="决算数", caption="备注")
    )
    assert "staffing.in_service" not in figures
    assert "staffing.retired" not in figures


def test_a_staffing_split_below_that_misses_is_not_read() -> None:
    text = BESIDE.format(
        initial="年初预算数", adjusted="调整预算数", spent="决算数", caption="人员情况"
    ).replace("退休\t5", "退休\t4")
    figures = read(text)
    assert "staffing.in_service" not in figures
    assert "staffing.retired" not in figures


# ── 4. economic classes with label and amount in one cell ──────────────────────────────────────

CLASSES = (
    "某县老龄办2023年度部门整体支出绩效自评表\n"
    "填报单位：某县老龄办\t\t\t\t单位：万元\n"
    "{caption}\t工资福利支出 100.00\t商品和服务支出 40.00\t对个人和家庭的补助 {households}\t"
    "资本性支出 20.00\n"
)


@pytest.mark.parametrize("caption", ["决算数按经济分类", "支出决算按经济分类", "执行数按经济分类"])
def test_economic_classes_in_label_and_amount_cells_are_read(caption: str) -> None:
    money = money_only(read(CLASSES.format(caption=caption, households="80.00")))
    assert money["executed.wages"] == "100"
    assert money["executed.goods_services"] == "40"
    assert money["executed.transfers_households"] == "80"
    assert money["executed.capital"] == "20"


def test_economic_class_cells_under_a_caption_with_no_phase_are_not_read() -> None:
    money = money_only(read(CLASSES.format(caption="按经济分类", households="80.00")))
    assert "executed.wages" not in money
    assert "budget.wages" not in money


def test_a_class_row_with_a_cell_of_anything_else_is_not_read() -> None:
    money = money_only(read(CLASSES.format(caption="决算数按经济分类", households="80人")))
    assert "executed.wages" not in money


# ── 5. a carry-over column beside the money: the total row's only ─────────────────────────────


@pytest.mark.parametrize("left", ["结转结余", "结转结余数", "年末结转结余"])
def test_a_carry_over_column_gives_the_total_rows_carry_over_alone(left: str) -> None:
    money = money_only(read(EMPTY_CAPTION.format(budget="预算数", spent="执行数", left=left)))
    # the 财政拨款, 基本 / 项目 and 三公 rows' cells are parts, not added to it
    assert money["executed.carryover_end"] == "12"
