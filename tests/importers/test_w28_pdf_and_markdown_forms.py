"""Classes of set w28's PDF text layers and Markdown forms, pinned by variants written for these
tests (not copied from any report), read through the whole importer: the figures each must give,
and nothing else. Each class has variants that must NOT be read.

Classes: Markdown bold keys ("**金额单位：** 万元"); a Markdown header's second row written as the
first body row ("| | 年初预算 | 调整预算 | 全年执行 |"); a one-row staffing table under a caption
with a row label ("人员情况 | 编制数 | 实有人数 | 其中：在职 | 退休" / "人数 | …"); a staffing table a
blank line above the money table, the unit on the form's head line; a count with its breakdown in
brackets ("60（行政编制42，事业编制18）"), wrapped in a PDF ("…事业" / "编制18）"); a PDF money
block titled by its cut ("按经济分类") with wrapped titles, a label's last ideographs beside its
numbers ("对个人和家庭的补" / "助  88.00"); two money tables in one run of tab rows.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

MD_TITLE = "# 某县妇联2023年度部门整体支出绩效自评表\n\n"


def staffing(text: str) -> dict[str, str]:
    return {
        key.removeprefix("staffing."): value
        for key, value in claimed_figures(import_text(text)).items()
        if key.startswith("staffing.")
    }


def money(text: str) -> dict[str, str]:
    return money_only(claimed_figures(import_text(text)))


# --- Markdown bold keys -------------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        "**金额单位：** 万元",
        "**部门名称：** 某县妇联　**金额单位：** 万元",
        "__金额单位：__ 万元",
    ],
)
def test_markdown_bold_markers_in_pairs_go(head: str) -> None:
    text = normalise(head).text
    assert "*" not in text and "_" not in text
    assert "金额单位:" in text


def test_an_unpaired_bold_marker_stays() -> None:
    assert "**" in normalise("某局 ** 金额单位：万元").text


# --- a Markdown header's second row under the rule ------------------------------------------

TWO_ROW = (
    "**金额单位：** 万元\n\n"
    "| 资金类别 | {a} | | {b} | 执行率 | 分值 | 得分 |\n"
    "|---|---|---|---|---|---|---|\n"
    "| | {c} | {d} | {e} | | | |\n"
    "| 年度资金总额 | 1,000.00 | 1,200.00 | 1,140.00 | 95.00% | 10 | 9.5 |\n"
    "| 基本支出 | 600.00 | 700.00 | 690.00 | 98.57% | | |\n"
    "| 项目支出 | 400.00 | 500.00 | 450.00 | 90.00% | | |\n"
)
READ = {
    "budget.initial_total": "1000",
    "budget.total": "1200",
    "executed.total": "1140",
    "budget.basic": "700",
    "executed.basic": "690",
    "budget.project": "500",
    "executed.project": "450",
}


@pytest.mark.parametrize(
    "words",
    [
        ("预算数", "执行数", "年初预算", "调整预算", "全年执行"),
        ("预算数", "执行数", "年初预算数", "全年预算数", "全年执行数"),
        ("预算", "执行", "年初预算数", "调整后预算数", "实际支出"),
    ],
)
def test_a_second_header_row_under_the_rule_takes_the_merged_titles_place(
    words: tuple[str, ...],
) -> None:
    a, b, c, d, e = words
    assert money(MD_TITLE + TWO_ROW.format(a=a, b=b, c=c, d=d, e=e)) == READ


@pytest.mark.parametrize(
    "words",
    [
        ("预算数", "执行数", "2022年", "2023年", "全年执行"),  # a year: no title's part
        ("执行数", "预算数", "年初预算", "调整预算", "全年执行"),  # a budget under 执行数
    ],
)
def test_a_row_under_the_rule_that_is_no_titles_part_is_not_joined(
    words: tuple[str, ...],
) -> None:
    a, b, c, d, e = words
    text = normalise(MD_TITLE + TWO_ROW.format(a=a, b=b, c=c, d=d, e=e)).text
    assert f"资金类别\t{c}\t{d}\t{e}" not in text  # the header stays two rows


# --- a one-row staffing table under a caption, a row label -----------------------------------


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        (
            "| 人员情况 | 编制数 | 实有人数 | 其中：在职 | 离休 | 退休 |",
            "| 人数 | 45 | 60 | 40 | 1 | 19 |",
            {
                "authorized": "45",
                "actual_total": "60",
                "in_service": "40",
                "retired_cadres": "1",
                "retired": "19",
            },
        ),
        (
            "| 项目 | 编制数 | 实有人数 | 在职 | 退休 |",
            "| 人数（人） | 30 | 41 | 28 | 13 |",
            {"authorized": "30", "actual_total": "41", "in_service": "28", "retired": "13"},
        ),
        (
            "| 人员构成 | 核定编制 | 实有人数 | 备注 |",
            "| 数量 | 12 | 15 | - |",
            {"authorized": "12", "actual_total": "15"},
        ),
    ],
)
def test_a_one_row_staffing_table_under_a_caption_is_read(
    header: str, row: str, expected: dict[str, str]
) -> None:
    width = header.count("|") - 1
    table = f"{header}\n{'|---' * width}|\n{row}\n"
    assert staffing(MD_TITLE + table) == expected


@pytest.mark.parametrize(
    ("header", "row"),
    [
        # the row names a unit, not the counts: one row of a table by unit
        ("| 人员情况 | 编制数 | 实有人数 | 在职 | 退休 |", "| 机关 | 30 | 41 | 28 | 13 |"),
        # bare role words with no head-count column before them name nothing
        ("| 人员情况 | 在职 | 退休 |", "| 人数 | 28 | 13 |"),
    ],
)
def test_a_one_row_table_without_its_proof_is_not_read(header: str, row: str) -> None:
    width = header.count("|") - 1
    table = f"{header}\n{'|---' * width}|\n{row}\n"
    assert staffing(MD_TITLE + table) == {}


# --- a staffing table a blank line above the money table -------------------------------------

STACKED = (
    "{head}\n\n"
    "| 人员情况 | 编制数 | 实有人数 |\n|---|---|---|\n| 人数 | 20 | 26 |\n\n"
    "| 项目 | 全年预算数 | 全年执行数 | 执行率 |\n|---|---|---|---|\n"
    "| 年度资金总额 | 800.00 | 760.00 | 95.00% |\n"
    "| 基本支出 | 500.00 | 490.00 | 98.00% |\n"
    "| 项目支出 | 300.00 | 270.00 | 90.00% |\n"
)
STACKED_MONEY = {
    "budget.total": "800",
    "executed.total": "760",
    "budget.basic": "500",
    "executed.basic": "490",
    "budget.project": "300",
    "executed.project": "270",
}


@pytest.mark.parametrize(
    "head",
    [
        "**部门名称：** 某县妇联（机关本级）　**金额单位：** 万元",
        "填报单位：某县妇联　金额单位：万元",
        "金额单位：万元",
    ],
)
def test_a_staffing_table_above_the_money_table_leaves_it_a_table(head: str) -> None:
    text = MD_TITLE + STACKED.format(head=head)
    assert money(text) == STACKED_MONEY
    assert staffing(text) == {"authorized": "20", "actual_total": "26"}


def test_a_unit_closing_a_line_above_the_form_holds_across_its_staffing_table() -> None:
    # as it holds right above a money table alone: the staffing table between changes nothing
    head = "本表由某县妇联填报，请核对后报送。金额单位：万元"
    assert money(MD_TITLE + STACKED.format(head=head)) == STACKED_MONEY


# --- a count with its breakdown in brackets, wrapped in a PDF --------------------------------

PDF_HEAD = "某市应急管理局部门整体支出绩效自评表\n（2023年度）\n"


@pytest.mark.parametrize(
    "rows",
    [
        "人员编制数      60（行政编制42，事业编制18）      实有人数      73\n",
        "人员编制数      60（行政编制42，事业      实有人数      73\n                编制18）\n",
        "编制人数    60（行政42、事业18）    实有人数    73\n",
        "人员编制数      60（行政编制42，      实有人数      73\n                事业编制18）\n",
    ],
)
def test_a_count_with_its_breakdown_in_brackets_is_read(rows: str) -> None:
    assert staffing(PDF_HEAD + rows) == {"authorized": "60", "actual_total": "73"}


@pytest.mark.parametrize(
    "rows",
    [
        # the parts do not add up to the count: which is right is not proven
        "人员编制数      60（行政编制40，事业编制18）      实有人数      73\n",
        # the bracket's tail far from its cell's column: another line's text
        "人员编制数      60（行政编制42，事业      实有人数      73\n编制18）\n",
    ],
)
def test_a_count_whose_bracket_is_not_proven_is_not_read(rows: str) -> None:
    assert "authorized" not in staffing(PDF_HEAD + rows)


def test_a_bracket_tail_not_at_its_cell_stays_a_line_of_its_own() -> None:
    rows = "人员编制数      60（行政编制42，事业      实有人数      73\n编制18）\n"
    assert normalise(rows).text.strip().split("\n")[-1] == "编制18)"


# --- a PDF money block titled by its cut, a label's last ideographs beside the numbers -------

PDF_FORM = (
    "单位名称：某市应急管理局                                   金额单位：万元\n"
    "                          年初预       全年预       全年执       执行率\n"
    "项目                      算数         算数（A）    行数（B）    （B/A）\n"
    "年度资金总额              1,000.00     1,100.00     1,045.00     95.00%\n"
    "  基本支出                  600.00       650.00       640.00     98.46%\n"
    "  项目支出                  400.00       450.00       405.00     90.00%\n"
    "{cut}全年预       全年执\n"
    "                                       算数         行数\n"
    "  工资福利支出                           500.00       495.00\n"
    "  商品和服务支出                         300.00       280.00\n"
    "  对个人和家庭的补\n"
    "  助                                      50.00        48.00\n"
    "  资本性支出                             250.00       222.00\n"
)
CLASSES = {
    "budget.wages": "500",
    "executed.wages": "495",
    "budget.goods_services": "300",
    "executed.goods_services": "280",
    "budget.transfers_households": "50",
    "executed.transfers_households": "48",
    "budget.capital": "250",
    "executed.capital": "222",
}


def cut_line(cut: str) -> str:
    """The cut's title padded to the money titles' column (an ideograph 2 wide)."""
    return cut + " " * (39 - sum(2 if ord(c) > 0x2E80 else 1 for c in cut))


@pytest.mark.parametrize("cut", ["按经济分类", "按支出经济分类", "  按经济分类"])
def test_a_block_titled_by_its_cut_reads_its_classes(cut: str) -> None:
    figures = money(PDF_HEAD + PDF_FORM.format(cut=cut_line(cut)))
    assert {key: figures.get(key) for key in CLASSES} == CLASSES
    assert figures["budget.total"] == "1100"
    assert figures["executed.basic"] == "640"


def test_a_row_name_wrapped_before_its_numbers_is_one_label() -> None:
    form = PDF_FORM.format(cut=cut_line("按经济分类")).replace(
        "  项目支出                  400.00       450.00       405.00     90.00%\n",
        "  项目支出                  400.00       450.00       405.00     90.00%\n"
        "        上年结转结余\n"
        "        资金                 50.00        90.00        87.00     96.67%\n",
    )
    text = normalise(PDF_HEAD + form).text
    assert "上年结转结余资金\t50.00\t90.00\t87.00\t96.67%" in text


@pytest.mark.parametrize(
    "cut",
    [
        "经济分类情况说明",  # no cut title: a caption of prose
        "按经济分类  2023年",  # a year among the titles
    ],
)
def test_a_block_not_titled_by_its_cut_is_not_read_as_classes(cut: str) -> None:
    figures = money(PDF_HEAD + PDF_FORM.format(cut=cut_line(cut)))
    assert not {key for key in figures if key in CLASSES}


def test_a_label_end_beside_numbers_without_a_filled_label_above_is_not_joined() -> None:
    form = PDF_FORM.format(cut=cut_line("按经济分类")).replace("  对个人和家庭的补\n", "  其他\n")
    text = normalise(PDF_HEAD + form).text
    assert "其他助" not in text
