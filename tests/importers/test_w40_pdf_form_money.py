"""Money blocks of 自评表 forms copied from a PDF's text layer (w36 / w38 dev reports), pinned by
variants written for these tests (not copied from any report), read through the whole importer:
the figures each must give, and nothing else. Each class has variants that must NOT be read.

Classes:
- columns aligned by runs of spaces, a title's second line under it ("全年预算数" / "（调整后）")
  with the labels' title (资金情况 / 项目) on either line, rows numbered ("一、基本支出",
  "1.人员经费", "(二)项目支出"), a numbered label wrapped over two lines;
- titles opening with their year over two lines ("2023年" / "预算安排"), a 结余 column (the
  budget less the spending: proven on every row, never read), labels spread out by single spaces
  ("基 本 支 出"), a 资金构成 title over the labels;
- an OCR'd layer, every run of spaces one space: a cut's caption merged into a row's label
  ("按来源:一般公共预算", "按性质:基 本 支 出"), rows that leave the score columns blank (their
  rate proves where their numbers stand), a cut's caption alone between rows ("按经济分类:"), a
  row label wrapped onto two lines (its head alone above the row, or its last ideographs alone
  under it), joined only when it is then a row the readers know; titles wrapped over two lines
  ("项目 年初 全年 全年 执行率 分值 得分" / "预算数 预算数 执行数"), each head joined with the
  lower line's next word in order.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.pastings.forms import balances_hold, dated_column
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县水务局2023年度部门整体支出绩效自评表\n"


def money(text: str) -> dict[str, str]:
    return money_only(claimed_figures(import_text(TITLE + text)))


def rows(text: str) -> list[str]:
    """The normalised text's tab rows."""
    return [line for line in normalise(TITLE + text).text.split("\n") if "\t" in line]


# --- runs of spaces: a title wrapped under it, numbered rows ------------------------------

WRAPPED_ADJUSTED = (
    "金额单位：万元\n"
    "                          全年预算数      全年执行数      执行率    分值    得分\n"
    "资金情况                  （调整后）\n"
    "支出合计                    860.50          842.10        97.86%    10      9.79\n"
    "一、基本支出                520.30          518.60        99.67%\n"
    "    1.人员经费              410.00          409.20\n"
    "    2.公用经费              110.30          109.40\n"
    "二、项目支出                340.20          323.50        95.09%\n"
    "    1.农村饮水安全\n"
    "      工程补助              200.00          190.00        95.00%\n"
    "说明：无。\n"
)

NUMBERED_BLOCKS = [
    # the labels' title on the second line, under it the adjusted budget's bracket; 人员经费 /
    # 公用经费 under 基本支出, a 专项 label wrapped over two lines
    (
        WRAPPED_ADJUSTED,
        {
            "budget.total": "860.5",
            "executed.total": "842.1",
            "budget.basic": "520.3",
            "executed.basic": "518.6",
            "budget.project": "340.2",
            "executed.project": "323.5",
            "budget.personnel": "410",
            "executed.personnel": "409.2",
            "budget.public_funds": "110.3",
            "executed.public_funds": "109.4",
        },
    ),
    # 元, 年初 beside the adjusted budget (half-width bracket), rows numbered "(一)"
    (
        "金额单位：元\n"
        "项目              年初预算数      全年预算数      全年执行数      执行率\n"
        "                                  (调整后)\n"
        "合计              5,200,000.00    5,600,000.00    5,488,000.00    98.00%\n"
        "(一)基本支出      3,000,000.00    3,100,000.00    3,069,000.00    99.00%\n"
        "(二)项目支出      2,200,000.00    2,500,000.00    2,419,000.00    96.76%\n",
        {
            "budget.initial_total": "520",
            "budget.total": "560",
            "executed.total": "548.8",
            "budget.basic": "310",
            "executed.basic": "306.9",
            "budget.project": "250",
            "executed.project": "241.9",
        },
    ),
    # the labels' title 项目 on the bracket's line, rows numbered "1、"
    (
        "单位：万元\n"
        "                    全年预算数    全年执行数    执行率\n"
        "项目                (调整后)\n"
        "年度资金总额          1,320.00      1,290.36    97.75%\n"
        "1、基本支出             800.00        798.40    99.80%\n"
        "2、项目支出             520.00        491.96    94.61%\n",
        {
            "budget.total": "1320",
            "executed.total": "1290.36",
            "budget.basic": "800",
            "executed.basic": "798.4",
            "budget.project": "520",
            "executed.project": "491.96",
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERED_BLOCKS)
def test_a_pdf_block_with_a_title_wrapped_under_it_and_numbered_rows(
    text: str, expected: dict[str, str]
) -> None:
    assert money(text) == expected


def test_a_numbered_label_wrapped_over_two_lines_is_one_row() -> None:
    found = rows(WRAPPED_ADJUSTED)
    assert found[0] == "资金情况\t全年预算数(调整后)\t全年执行数\t执行率\t分值\t得分"
    assert "1.农村饮水安全工程补助\t200.00\t190.00\t95.00%" in found
    assert "1.人员经费\t410.00\t409.20" in found


def test_a_rate_its_row_does_not_give_leaves_the_wrapped_block_unread() -> None:
    assert money(WRAPPED_ADJUSTED.replace("97.86%", "98.86%")) == {}


# --- titles with their year over two lines, a 结余 column, labels spread out ---------------

YEAR_AND_BALANCE = (
    "单位：万元\n"
    "                        2023年        2023年        结余          执行率\n"
    "资金构成                预算安排      实际支出\n"
    "合计                    480.00        466.56        13.44         97.20%\n"
    "  本级财政资金          400.00        390.00        10.00         97.50%\n"
    "基 本 支 出             300.00        298.50         1.50         99.50%\n"
    "项 目 支 出             180.00        168.06        11.94         93.37%\n"
)

BALANCE_BLOCKS = [
    (
        YEAR_AND_BALANCE,
        {
            "budget.total": "480",
            "executed.total": "466.56",
            "budget.basic": "300",
            "executed.basic": "298.5",
            "budget.project": "180",
            "executed.project": "168.06",
        },
    ),
    # 2023年度 over 预算数 / 执行数, a 结余资金 column and no rate: the balances prove the rows
    (
        "单位：万元\n"
        "              2023年度      2023年度      结余资金\n"
        "项目          预算数        执行数\n"
        "总计          1,050.00      1,012.40        37.60\n"
        "基本支出        650.00        648.20         1.80\n"
        "项目支出        400.00        364.20        35.80\n",
        {
            "budget.total": "1050",
            "executed.total": "1012.4",
            "budget.basic": "650",
            "executed.basic": "648.2",
            "budget.project": "400",
            "executed.project": "364.2",
        },
    ),
    # the rate before the balance, 全年预算 / 全年执行 without 数, every label spread out
    (
        "单位：万元\n"
        "                2023年        2023年        执行率      结余\n"
        "项目            全年预算      全年执行\n"
        "合 计           760.00        741.00        97.50%      19.00\n"
        "基 本 支 出     500.00        497.50        99.50%       2.50\n"
        "项 目 支 出     260.00        243.50        93.65%      16.50\n",
        {
            "budget.total": "760",
            "executed.total": "741",
            "budget.basic": "500",
            "executed.basic": "497.5",
            "budget.project": "260",
            "executed.project": "243.5",
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), BALANCE_BLOCKS)
def test_a_pdf_block_under_dated_titles_with_a_balance_column(
    text: str, expected: dict[str, str]
) -> None:
    assert money(text) == expected


def test_spread_labels_are_closed_up_in_the_rebuilt_rows() -> None:
    found = rows(YEAR_AND_BALANCE)
    assert found[0] == "资金构成\t2023年预算安排\t2023年实际支出\t结余\t执行率"
    assert "基本支出\t300.00\t298.50\t1.50\t99.50%" in found


@pytest.mark.parametrize(
    "text",
    [
        # a balance that is not the budget less the spending: the columns are not proven
        YEAR_AND_BALANCE.replace("13.44", "31.44"),
        # columns of two years: a comparison, not the year's budget and its spending
        YEAR_AND_BALANCE.replace("2023年        2023年", "2022年        2023年"),
    ],
)
def test_a_dated_block_not_proven_is_not_read(text: str) -> None:
    assert money(text) == {}


def test_dated_titles_and_the_balance_column() -> None:
    assert dated_column("2023年预算安排") == "budget"
    assert dated_column("2022年度 实际支出") == "spent"
    assert dated_column("全年预算数(调整后)") == "budget"
    assert dated_column("结余") == "balance"
    assert dated_column("2023年") is None
    kinds: list[str | None] = ["budget", "spent", "balance"]
    assert balances_hold([["480.00", "466.56", "13.44"]], ["预算", "支出", "结余"], kinds)
    assert not balances_hold([["480.00", "466.56", "31.44"]], ["预算", "支出", "结余"], kinds)


# --- one space between cells (OCR) ---------------------------------------------------------

OCR_SCORES_LEFT_BLANK = (
    "单位:万元\n"
    "预算 项目 年初预算数 全年预算数 全年执行数 执行率 分值 得分\n"
    "执行 年度资金总额 1,100.00 1,250.00 1,212.50 97.00% 10 9.70\n"
    "情况 其中:基本支出 700.00 760.00 756.20 99.50%\n"
    "项目支出 400.00 490.00 456.30 93.12%\n"
)
OCR_CUT_OPENERS = (
    "金额单位:元\n"
    "项目 全年预算数 全年执行数 执行率 分值 得分\n"
    "资金总额 4500000.00 4356000.00 96.80% 10 9.68\n"
    "按来源:财政拨款 4200000.00 4071000.00 96.93% / /\n"
    "其他资金 300000.00 285000.00 95.00% / /\n"
    "按性质:基 本 支 出 2600000.00 2590000.00 99.62% / /\n"
    "项 目 支 出 1900000.00 1766000.00 92.95% / /\n"
)

OCR_BLOCKS = [
    # a caption merged over the rows (预算 / 执行 / 情况) run into their first cells, the part
    # rows leaving 分值 / 得分 blank
    (
        OCR_SCORES_LEFT_BLANK,
        {
            "budget.initial_total": "1100",
            "budget.total": "1250",
            "executed.total": "1212.5",
            "budget.basic": "760",
            "executed.basic": "756.2",
            "budget.project": "490",
            "executed.project": "456.3",
        },
    ),
    # 元, the cuts' captions merged into the labels, a spread label after one, "/" cells
    (
        OCR_CUT_OPENERS,
        {
            "budget.total": "450",
            "executed.total": "435.6",
            "budget.basic": "260",
            "executed.basic": "259",
            "budget.project": "190",
            "executed.project": "176.6",
        },
    ),
    # a cut's caption alone between the rows, economic classes under it
    (
        "单位：万元\n"
        "项目 预算数 执行数 执行率 分值 得分\n"
        "合计 980.00 955.50 97.50% 10 9.75\n"
        "基本支出 600.00 596.40 99.40%\n"
        "项目支出 380.00 359.10 94.50%\n"
        "按经济分类:\n"
        "工资福利支出 450.00 448.20 99.60%\n"
        "商品和服务支出 530.00 507.30 95.72%\n",
        {
            "budget.total": "980",
            "executed.total": "955.5",
            "budget.basic": "600",
            "executed.basic": "596.4",
            "budget.project": "380",
            "executed.project": "359.1",
            "budget.wages": "450",
            "executed.wages": "448.2",
            "budget.goods_services": "530",
            "executed.goods_services": "507.3",
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), OCR_BLOCKS)
def test_an_ocr_block_of_single_spaces(text: str, expected: dict[str, str]) -> None:
    assert money(text) == expected


def test_a_cut_caption_and_spaces_leave_the_labels() -> None:
    found = rows(OCR_CUT_OPENERS)
    assert "财政拨款\t4200000.00\t4071000.00\t96.93%\t/\t/" in found
    assert "基本支出\t2600000.00\t2590000.00\t99.62%\t/\t/" in found


@pytest.mark.parametrize(
    "text",
    [
        # a short row whose rate its figures do not give: where its numbers stand is not proven
        OCR_SCORES_LEFT_BLANK.replace("99.50%", "98.50%"),
        # a short row without its rate under two budgets: which budget is not said
        OCR_SCORES_LEFT_BLANK.replace(" 99.50%", ""),
    ],
)
def test_an_ocr_block_not_proven_is_not_read(text: str) -> None:
    assert money(text) == {}


def test_ocr_rows_spread_out_that_no_reader_knows_are_not_read() -> None:
    # the rows above them, one space between cells and as many cells as the header has titles,
    # are a table typed with single spaces, and read; the spread-out rows are not proven
    text = OCR_CUT_OPENERS.replace("按性质:基 本 支 出", "按性质:人 员 经 费")
    assert money(text) == {"budget.total": "450", "executed.total": "435.6"}


OCR_WRAPPED_LABELS = [
    # the head of a label alone, its tail before the row's cells
    (
        "单位：万元\n"
        "项目 预算数 执行数 执行率 分值 得分\n"
        "合计 980.00 955.50 97.50% 10 9.75\n"
        "按经济分类:\n"
        "工资福利支出 450.00 448.20 99.60%\n"
        "对个人和家庭的\n"
        "补助 530.00 507.30 95.72%\n",
        {
            "budget.total": "980",
            "executed.total": "955.5",
            "budget.wages": "450",
            "executed.wages": "448.2",
            "budget.transfers_households": "530",
            "executed.transfers_households": "507.3",
        },
    ),
    # the last ideograph alone under its row, no rate column
    (
        "单位：万元\n"
        "项目 全年预算数 全年执行数\n"
        "合计 980.00 955.50\n"
        "工资福利支出 450.00 448.20\n"
        "对个人和家庭的补 530.00 507.30\n"
        "助\n"
        "说明:无\n",
        {
            "budget.total": "980",
            "executed.total": "955.5",
            "budget.wages": "450",
            "executed.wages": "448.2",
            "budget.transfers_households": "530",
            "executed.transfers_households": "507.3",
        },
    ),
    # a part opened by 其中, its name's last word wrapped with the cells
    (
        "单位：万元\n"
        "项目 年初预算数 全年预算数 全年执行数 执行率\n"
        "资金总额 900.00 980.00 955.50 97.50%\n"
        "其中:财政拨款 860.00 920.00 897.00 97.50%\n"
        "其中:上年结转\n"
        "资金 40.00 60.00 58.50 97.50%\n",
        {
            "budget.initial_total": "900",
            "budget.total": "980",
            "executed.total": "955.5",
            "budget.carryover_prior": "60",
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), OCR_WRAPPED_LABELS)
def test_an_ocr_row_label_wrapped_onto_two_lines(text: str, expected: dict[str, str]) -> None:
    assert money(text) == expected


def test_a_label_wrapped_into_no_known_row_is_not_joined() -> None:
    text = (
        "单位：万元\n"
        "项目 全年预算数 全年执行数\n"
        "合计 980.00 955.50\n"
        "工资福利支出 450.00 448.20\n"
        "对个人和家庭的补 530.00 507.30\n"
        "贴\n"
    )
    assert "对个人和家庭的补贴\t530.00\t507.30" not in rows(text)
    assert "budget.transfers_households" not in money(text)


OCR_BLOCK_ROWS = (
    "资金总额 1,100.00 1,250.00 1,212.50 97.00% 10 9.70\n"
    "其中:基本支出 700.00 760.00 756.20 99.50%\n"
    "项目支出 400.00 490.00 456.30 93.12%\n"
)
OCR_BLOCK_FIGURES = {
    "budget.initial_total": "1100",
    "budget.total": "1250",
    "executed.total": "1212.5",
    "budget.basic": "760",
    "executed.basic": "756.2",
    "budget.project": "490",
    "executed.project": "456.3",
}

OCR_WRAPPED_TITLES = [
    (
        "单位:万元\n项目 年初 全年 全年 执行率 分值 得分\n预算数 预算数 执行数\n" + OCR_BLOCK_ROWS,
        OCR_BLOCK_FIGURES,
    ),
    # a caption merged over the rows, its second word on the titles' second line
    (
        "单位:万元\n预算 项目 年初 全年 全年 执行率 分值 得分\n执行 预算数 预算数 执行数\n"
        + "情况 "
        + OCR_BLOCK_ROWS,
        OCR_BLOCK_FIGURES,
    ),
    # the year over each money title, 元
    (
        "金额单位:元\n"
        "资金来源 2023年 2023年 执行率\n"
        "预算数 执行数\n"
        "合计 4500000.00 4356000.00 96.80%\n"
        "基本支出 2600000.00 2590000.00 99.62%\n"
        "项目支出 1900000.00 1766000.00 92.95%\n",
        {
            "budget.total": "450",
            "executed.total": "435.6",
            "budget.basic": "260",
            "executed.basic": "259",
            "budget.project": "190",
            "executed.project": "176.6",
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), OCR_WRAPPED_TITLES)
def test_ocr_titles_wrapped_over_two_lines(text: str, expected: dict[str, str]) -> None:
    assert money(text) == expected


def test_ocr_titles_wrapped_in_another_order_are_not_proven_by_the_rates() -> None:
    text = (
        "单位:万元\n项目 年初 全年 全年 执行率 分值 得分\n预算数 执行数 预算数\n" + OCR_BLOCK_ROWS
    )
    assert money(text) == {}
