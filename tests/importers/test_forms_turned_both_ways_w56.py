"""Forms turned on both axes: staffing with the kinds of posts as columns (行政 | 参公 | 事业 |
工勤 | 合计) and the counts as rows, the money block with the sources of funds as columns and a
remarks column wrapped over lines in a ruled grid, a 基本/项目 row stating its pair's order in
brackets (全年预算数/全年执行数 | 812.40/809.77), and a score table pasted right under the money
block; variants written for these tests."""

from __future__ import annotations

import pytest

from jixiao.importers.pastings.grids import ruled_grids
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only, stated_rate

HEAD = "某市统计局2024年度部门整体支出绩效自评表\n单位：万元\n"
KINDS = "人员情况\t行政\t参公\t事业\t工勤\t合计\n"


@pytest.mark.parametrize(
    "rows",
    [
        "编制数\t22\t8\t10\t2\t42\n实有人数\t21\t8\t9\t2\t40\n退休人数\t12\t3\t6\t2\t23\n",
        "核定编制\t22\t8\t10\t2\t42\n在职人数\t21\t8\t9\t2\t40\n退休人员\t12\t3\t6\t2\t23\n",
    ],
)
def test_staffing_with_the_kinds_of_posts_as_columns_reads_its_totals(rows: str) -> None:
    figures = claimed_figures(import_text(HEAD + KINDS + rows))
    assert figures["staffing.authorized"] == "42"
    assert figures["staffing.retired"] == "23"
    assert "40" in (figures.get("staffing.actual_total"), figures.get("staffing.in_service"))


def test_kinds_that_miss_their_total_leave_the_row_unread() -> None:
    rows = "编制数\t22\t8\t10\t2\t45\n"
    assert "staffing.authorized" not in claimed_figures(import_text(HEAD + KINDS + rows))


GRID = """\
┌──────────┬──────────┬──────────┬──────────┬──────────┬────────────────┐
│ 资金情况 │ 财政拨款   │ 上年结转   │ 其他资金   │ 合计       │ 备注           │
├──────────┼──────────┼──────────┼──────────┼──────────┼────────────────┤
│ 年初预算数│ 986.30     │ 0.00       │ 0.00       │ 986.30     │                │
│ 全年预算数│ 1,142.75   │ 96.40      │ 8.00       │ 1,247.15   │ 含追加普查经费 │
│          │            │            │            │            │ 156.45万元     │
│ 全年执行数│ 1,098.62   │ 81.35      │ 6.20       │ 1,186.17   │                │
│ 执行率   │ 96.14%     │ 84.39%     │ 77.50%     │ {rate}     │                │
└──────────┴──────────┴──────────┴──────────┴──────────┴────────────────┘
"""


def test_a_remark_wrapped_over_lines_stays_in_its_cell() -> None:
    text = HEAD + GRID.format(rate="95.11%")
    rows, _ = ruled_grids(text, list(range(len(text))))
    assert "1,247.15\t含追加普查经费156.45万元\n" in rows


@pytest.mark.parametrize("rate", ["95.11%", "98.51%"])
def test_a_money_block_with_the_sources_as_columns_and_remarks_is_read(rate: str) -> None:
    result = import_text(HEAD + GRID.format(rate=rate))
    money = money_only(claimed_figures(result))
    assert money["budget.total"] == "1247.15"
    assert money["executed.total"] == "1186.17"
    assert stated_rate(result) == rate.rstrip("%")


@pytest.mark.parametrize(
    ("row", "budget", "spent"),
    [
        (
            "其中：\t基本支出（全年预算数/全年执行数）\t812.40/809.77\t执行率99.68%",
            "812.4",
            "809.77",
        ),
        ("\t基本支出（预算数/执行数）\t812.40/809.77", "812.4", "809.77"),
    ],
)
def test_a_pair_whose_label_states_its_order_is_read(row: str, budget: str, spent: str) -> None:
    figures = claimed_figures(import_text(HEAD + "资金情况\n" + row + "\n"))
    assert figures["budget.basic"] == budget
    assert figures["executed.basic"] == spent


def test_a_pair_whose_brackets_name_one_side_only_is_not_read() -> None:
    row = "\t基本支出（年初预算数/全年预算数）\t800.00/812.40"
    assert "budget.basic" not in claimed_figures(import_text(HEAD + "资金情况\n" + row + "\n"))


def test_a_score_table_right_under_the_money_block_gives_it_no_total() -> None:
    text = (
        HEAD
        + "项目\t年初预算数\t全年预算数\t全年执行数\t执行率\n"
        + "合计\t986.30\t1,247.15\t1,186.17\t95.11%\n"
        + "一级指标\t二级指标\t分值\t得分\t扣分说明\n"
        + "决策\t目标设定\t40\t36\t\n过程\t资金管理\t60\t52.88\t\n"
        + "合计\t100\t88.88\t自评等级：良好\n"
    )
    result = import_text(text)
    assert money_only(claimed_figures(result))["budget.total"] == "1247.15"
    assert not any(f.id == "import.W003" for f in result.findings)


OCR_FORM = (
    "某镇人民政府2023年度部门整体支出绩效自评表\n单位名称：某镇人民政府 单位：万元\n"
    "人员情况 行政编制 事业编制 合计\n编制数 38 42 80\n实有在编在岗人数 35 40 75\n"
    "退休人数 21 30 51\n"
    "资金情况 一般公共预算 政府性基金 上年结转 合计 备注\n"
    "年初预算数 1,236.80 0.00 0.00 1,236.80\n"
    "全年预算数 1,684.52 210.00 58.36 1,952.88 含上级追加补助资金268.00万元\n"
    "全年执行数 1,640.18 186.40 52.10 1,878.68\n"
    "执行率 97.37% 88.76% 89.27% 96.20%\n"
)


def test_a_form_turned_both_ways_with_words_one_space_apart_is_read() -> None:
    result = import_text(OCR_FORM)
    figures = claimed_figures(result)
    assert figures["staffing.authorized"] == "80"
    assert figures["staffing.retired"] == "51"
    assert figures["budget.total"] == "1952.88"
    assert figures["executed.total"] == "1878.68"
    assert stated_rate(result) == "96.2"


def test_kinds_one_space_apart_that_miss_their_total_are_not_read() -> None:
    text = OCR_FORM.replace("编制数 38 42 80", "编制数 38 42 90")
    assert "staffing.authorized" not in claimed_figures(import_text(text))


def test_a_row_of_classes_titled_amount_takes_the_caption_s_phase() -> None:
    block = (
        "按经济分类（执行数）\t工资福利支出\t商品和服务支出\t对个人和家庭的补助\t资本性支出\t其他支出\n"
        "金额\t1,688.40\t1,264.37\t312.46\t2,336.16\t548.30\n"
    )
    figures = claimed_figures(import_text(HEAD + block))
    assert figures["executed.wages"] == "1688.4"
    assert figures["executed.capital"] == "2336.16"


def test_a_row_of_staff_in_service_in_other_words_is_read() -> None:
    rows = "编制数\t32\t45\t2\t79\n在职实有人数\t30\t41\t2\t73\n退休人数\t18\t25\t3\t46\n"
    text = HEAD + "项目\t行政编制\t事业编制\t工勤编制\t合计\n" + rows
    figures = claimed_figures(import_text(text))
    assert figures["staffing.authorized"] == "79"
    assert figures["staffing.in_service"] == "73"


def test_two_blocks_side_by_side_each_titled_by_its_own_cut_are_read() -> None:
    block = (
        "年度预算执行情况\t按收入性质分\t预算数\t执行数\t执行率\t按支出性质分\t预算数\t执行数\t执行率\n"
        "\t合计\t1,236.84\t1,198.52\t96.90%\t合计\t1,236.84\t1,198.52\t96.90%\n"
        "\t一般公共预算\t1,186.84\t1,152.30\t97.09%\t基本支出\t642.17\t640.05\t99.67%\n"
        "\t政府性基金预算\t50.00\t46.22\t92.44%\t项目支出\t594.67\t558.47\t93.91%\n"
    )
    figures = claimed_figures(import_text(HEAD + block))
    assert figures["budget.basic"] == "642.17"
    assert figures["executed.project"] == "558.47"
    assert figures["executed.total"] == "1198.52"


GROUPED = (
    "项目\t全年预算数\t\t\t全年执行数\t\t\t执行率\t备注\n"
    "\t财政拨款\t其他资金\t小计\t财政拨款\t其他资金\t小计\n"
    "基本支出\t2,486.30\t0.00\t2,486.30\t2,479.85\t0.00\t2,479.85\t99.74%\t\n"
    "项目支出\t612.40\t168.00\t780.40\t574.92\t151.36\t726.28\t93.07%\t含追加120.00万元\n"
    "合计\t3,098.70\t168.00\t3,266.70\t3,054.77\t151.36\t3,206.13\t98.15%\t\n"
)


def test_a_phase_split_by_source_with_its_sum_reads_the_sum() -> None:
    figures = claimed_figures(import_text(HEAD + GROUPED))
    assert figures["budget.project"] == "780.4"
    assert figures["executed.project"] == "726.28"
    assert figures["budget.total"] == "3266.7"
    assert figures["executed.total"] == "3206.13"


def test_kinds_with_a_bracket_and_bare_role_rows_are_read() -> None:
    text = HEAD + (
        "人员类别\t专任教师（事业）\t管理及教辅（事业）\t工勤\t合计\n"
        "核定编制\t146\t12\t4\t162\n实有在编\t141\t11\t3\t155\n退休\t58\t6\t7\t71\n"
    )
    figures = claimed_figures(import_text(text))
    assert figures["staffing.authorized"] == "162"
    assert figures["staffing.in_service"] == "155"
    assert figures["staffing.retired"] == "71"
