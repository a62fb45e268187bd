"""Forms from a PDF's text layer or an OCR (the form_combinations generator's `spaces`,
`spaces_wrapped` and `ocr` pastings): a money block aligned by runs of spaces whose part rows
leave a score column blank between the spending and the rate (分值 on the total row alone), its
cells placed by the title each stands under and proven by the row's rate; a wrap margin never
taken from rows of cells. Each class has variants written for the test, and must-not-read ones."""

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

HEAD = "某县统计局2024年度部门整体支出绩效自评表\n单位：{unit}\n"


def _money(text: str) -> dict[str, str]:
    return money_only(claimed_figures(import_text(text)))


# --- a score column left blank between the spending and the rate -----------------------

BLANK_SCORE_BETWEEN = [
    # 元 with separators, the rate with its sign, total at the bottom
    (
        "元",
        "项目             批复预算        调整预算数      执行数          分值   执行率   得分\n"
        "基本支出         3,120,000.00    3,300,000.00    3,250,000.00           98.48%\n"
        "项目支出         1,500,000.00    1,700,000.00    1,530,000.00           90.00%\n"
        "资金总额         4,620,000.00    5,000,000.00    4,780,000.00   10     95.60%   9.56\n",
        {
            "budget.basic": "330",
            "executed.basic": "325",
            "budget.project": "170",
            "executed.project": "153",
            "budget.initial_total": "462",
            "budget.total": "500",
            "executed.total": "478",
        },
    ),
    # a caption column, the rate bare under 执行率(%), 万元, total on top
    (
        "万元",
        "资金情况   项目           全年预算数   全年执行数   分值   执行率(%)   得分\n"
        "           合计           1200.00      1110.00      10     92.50       9.25\n"
        "           工资福利支出   800.00       760.00              95.00\n"
        "           商品和服务支出 400.00       350.00              87.50\n",
        {
            "budget.total": "1200",
            "executed.total": "1110",
            "budget.wages": "800",
            "executed.wages": "760",
            "budget.goods_services": "400",
            "executed.goods_services": "350",
        },
    ),
    # other titles (年初 + 调整后), the weight titled 权重, a wider gap
    (
        "万元",
        "项目         年初预算数    调整后预算数    实际支出      权重    执行率     得分\n"
        "年度资金总额 900.00        1000.00         960.00        10      96.00%     9.6\n"
        "基本支出     600.00        640.00          630.00                98.44%\n"
        "项目支出     300.00        360.00          330.00                91.67%\n",
        {
            "budget.initial_total": "900",
            "budget.total": "1000",
            "executed.total": "960",
            "budget.basic": "640",
            "executed.basic": "630",
            "budget.project": "360",
            "executed.project": "330",
        },
    ),
]


@pytest.mark.parametrize(("unit", "block", "expected"), BLANK_SCORE_BETWEEN)
def test_part_rows_leaving_the_score_blank_are_placed_by_their_titles(
    unit: str, block: str, expected: dict[str, str]
) -> None:
    assert _money(HEAD.format(unit=unit) + block) == expected


# a rate that is not the row's spending over its budget proves no placing: nothing is read
# from the rows it stands in (a PDF's cells in columns other than their titles')
NOT_PROVEN = [
    "项目         全年预算数   全年执行数   分值   执行率   得分\n"
    "资金总额     1000.00      950.00       10     95.00%   9.5\n"
    "基本支出     600.00       590.00              91.00%\n"
    "项目支出     400.00       360.00              80.00%\n",
    # the cells under no title of their own (every one between two titles)
    "项目         全年预算数   全年执行数   分值   执行率   得分\n"
    "资金总额     1000.00      950.00       10     95.00%   9.5\n"
    "基本支出  600.00       590.00       98.33%\n"
    "项目支出  400.00       360.00       90.00%\n",
]


@pytest.mark.parametrize("block", NOT_PROVEN)
def test_rows_not_proven_by_their_rate_are_not_read_as_placed(block: str) -> None:
    assert _money(HEAD.format(unit="万元") + block) == {}


# --- the wrap margin is never taken from rows of cells -----------------------------------

SPACED_HEADS = [
    "某市统计局2021年度部门整体支出绩效自评表\n单位：元\n"
    "编制数     6   实有人数   60\n"
    "在职人数   8   退休人数   52\n",
    "某县水利局2022年度部门整体支出绩效自评表\n金额单位：元\n"
    "总分   100   自评得分   94.5\n"
    "编制数     16   实有人数   20\n",
    "某区林业局2023年度部门整体支出绩效自评表\n单位：元\n"
    "编制数     12     实有人数     30\n"
    "在职人数   18     退休人数     12\n"
    "人员经费   说明见附件   公用经费   说明见附件\n",
]

SPACED_BODY = (
    "项目       全年预算数      决算数          执行率\n"
    "基本支出   17,030,100.00   14,894,600.00   87.46%\n"
    "项目支出   5,941,000.00    5,189,000.00    87.34%\n"
    "资金总额   22,971,100.00   20,083,600.00   87.43%\n"
)


@pytest.mark.parametrize("head", SPACED_HEADS)
def test_the_unit_line_stays_its_own_under_rows_of_spaced_cells(head: str) -> None:
    money = _money(head + SPACED_BODY)
    assert money["budget.total"] == "2297.11"
    assert money["executed.basic"] == "1489.46"


# --- the staffing block as a title line over a count line, its caption wrapped or alone ----

STAFFING_LINES = [
    # the caption wrapped: "人员" on the titles' line, "情况" before the counts
    "人员    编制数    实有人数    在职人数    退休人数\n"
    "情况        40          52          38          14\n",
    # the caption whole on a line of its own between the titles and the counts (a PDF centres it)
    "            编制数      实有人数      在职人数      退休人员      编外人员\n"
    "人员情况\n"
    "              40            52            38            14            6\n",
    # the caption whole before the counts, other titles (核定编制数, 在编人数)
    "            核定编制数    实有人数    在编人数    退休人数\n"
    "人员构成        40          52          38          14\n",
]


@pytest.mark.parametrize("block", STAFFING_LINES)
def test_staffing_titles_over_counts_with_a_caption_read(block: str) -> None:
    figures = claimed_figures(import_text(HEAD.format(unit="万元") + block))
    assert figures["staffing.authorized"] == "40"
    assert figures["staffing.actual_total"] == "52"
    assert figures["staffing.retired"] == "14"


# a table of staff by unit: the row's label before the counts is no caption's piece
STAFF_BY_UNIT = [
    "单位名称                编制数    实有人数    退休人员\n"
    "局机关                    32          30          18\n"
    "检测中心                  12          11           5\n"
    "合计                      44          41          23\n",
    "科室          编制数    实有人数    退休人数\n"
    "办公室          6          5           2\n"
    "业务科          9          8           3\n"
    "合计           15         13           5\n",
    "下属单位      编制数    在职人数    退休人数\n"
    "执法大队       20         18          4\n"
    "合计           30         27          6\n",
]


@pytest.mark.parametrize("block", STAFF_BY_UNIT)
def test_a_units_row_is_not_read_as_the_departments_staffing(block: str) -> None:
    figures = claimed_figures(import_text(HEAD.format(unit="万元") + block))
    first_row = block.split("\n")[1].split()
    assert figures.get("staffing.authorized") != first_row[1]


# --- an OCR's single spaces: titles wrapped (heads alone above), blank cells gone -------------

OCR_BLOCKS = [
    # the heads alone on the upper line, the labels' title and whole titles on the lower one
    (
        "年初预 全年预 全年执\n"
        "项目 算数 算数 行数 执行率\n"
        "基本支出 500.00 520.00 494.00 95.00%\n"
        "项目支出 300.00 330.00 297.00 90.00%\n"
        "合计 800.00 850.00 791.00 93.06%\n",
        {
            "budget.basic": "520",
            "executed.basic": "494",
            "budget.project": "330",
            "executed.project": "297",
            "budget.initial_total": "800",
            "budget.total": "850",
            "executed.total": "791",
        },
    ),
    # a caption wrapped on both lines, titles cut before 算 (no "预算" whole on a line)
    (
        "资金 项目 全年预 全年执\n"
        "情况 算数 行数\n"
        "资金总额 1000.00 900.00\n"
        "工资福利支出 600.00 560.00\n"
        "商品和服务支出 400.00 340.00\n",
        {
            "budget.total": "1000",
            "executed.total": "900",
            "budget.wages": "600",
            "executed.wages": "560",
            "budget.goods_services": "400",
            "executed.goods_services": "340",
        },
    ),
    # 分值 blank between the spending and the rate, gone in the OCR's line: the amounts fill
    # the money titles in order, the rate (which proves the row) the rate title
    (
        "项目 预算数 执行数 分值 执行率 得分\n"
        "基本支出 1,460,000.00 1,314,000.00 90.00%\n"
        "项目支出 540,000.00 486,000.00 90.00%\n"
        "合计 2,000,000.00 1,800,000.00 10 90.00% 9\n",
        {
            "budget.basic": "146",
            "executed.basic": "131.4",
            "budget.project": "54",
            "executed.project": "48.6",
            "budget.total": "200",
            "executed.total": "180",
        },
    ),
]


@pytest.mark.parametrize(("block", "expected"), OCR_BLOCKS)
def test_an_ocr_block_with_wrapped_titles_or_blank_cells_gone(
    block: str, expected: dict[str, str]
) -> None:
    assert _money(HEAD.format(unit="元" if "," in block else "万元") + block) == expected


OCR_NOT_PROVEN = [
    # a rate its row's figures do not give: the amounts' places are not proven
    "项目 预算数 执行数 分值 执行率 得分\n"
    "基本支出 1460.00 1314.00 91.00%\n"
    "项目支出 540.00 486.00 90.00%\n"
    "合计 2000.00 1800.00 10 90.00% 9\n",
    # two ways to join heads and tails (a caption word that may be a title's tail): none taken
    "年初预 全年预 全年执\n"
    "项目 算数 算数 行数 执行率\n"
    "基本支出 500.00 520.00 494.00\n"
    "项目支出 300.00 330.00 297.00\n",
    # prose of the same shape: no titles
    "今年预 算安排 较上年\n增加 主要 用于 设备 更新\n基本支出 500.00 520.00\n",
]


@pytest.mark.parametrize("block", OCR_NOT_PROVEN)
def test_an_ocr_block_not_proven_reads_no_placed_row(block: str) -> None:
    assert _money(HEAD.format(unit="万元") + block) == {}


OCR_STAFFING = [
    "人员 编制数 实有人数 在职人数 退休人数\n情况 40 52 38 14\n",
    "编制数 实有人数 在职人数 退休人员\n40 52 38 14\n",
    "人员情况 核定编制数 实有人数 在编人数 退休人数\n40 52 38 14\n",
]


@pytest.mark.parametrize("block", OCR_STAFFING)
def test_an_ocrs_staffing_titles_over_counts_read(block: str) -> None:
    figures = claimed_figures(import_text(HEAD.format(unit="万元") + block))
    assert figures["staffing.authorized"] == "40"
    assert figures["staffing.actual_total"] == "52"
    assert figures["staffing.retired"] == "14"


OCR_STAFFING_NOT_READ = [
    # fewer counts than titles: which count is which is not said
    "编制数 实有人数 在职人数 退休人数\n40 52 14\n",
    # a unit's row under the titles, not a caption's piece
    "单位 编制数 实有人数 退休人数\n局机关 32 30 18\n",
    # prose naming the titles, then a line of numbers of another kind
    "编制数 实有人数 在职人数 退休人数 均据年报填列\n2023 2024 2025 2026\n",
]


@pytest.mark.parametrize("block", OCR_STAFFING_NOT_READ)
def test_an_ocrs_staffing_line_not_proven_is_not_read(block: str) -> None:
    figures = claimed_figures(import_text(HEAD.format(unit="万元") + block))
    assert not any(key.startswith("staffing.") for key in figures)
