"""Wording and layout classes of set w34 (forms copied from a PDF's text layer: a money block
aligned by runs of spaces or single spaces under one line of titles, its caption wrapped over
two lines; the unit on a line of its own cells; staffing under a 实有 caption), each with
variants written for the test, including ones that must not be read."""

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县档案馆2023年度部门整体支出绩效自评表\n单位：万元\n"


def _money(text: str) -> dict[str, str]:
    return money_only(claimed_figures(import_text(text)))


# --- money blocks aligned by spaces under one line of form titles -------------------------

SPACED_BLOCKS = [
    # the caption wrapped over two lines, last year's column beside, "/" cells, economic
    # classes with their label in the second column and two amounts alone
    (
        "资金        上年执行数      预算数        执行数        执行率\n"
        "情况\n"
        "合计        600.00          640.00        620.00        96.88%\n"
        " 基本支出   /               500.00        490.00        98.00%\n"
        " 项目支出   /               140.00        130.00        92.86%\n"
        "按经济      工资福利支出                  400.00        398.00\n"
        "分类        商品和服务支出                190.00        182.00\n"
        "            资本性支出                     50.00         40.00\n",
        {
            "budget.total": "640",
            "executed.total": "620",
            "budget.basic": "500",
            "executed.basic": "490",
            "budget.project": "140",
            "executed.project": "130",
            "budget.wages": "400",
            "executed.wages": "398",
            "budget.goods_services": "190",
            "executed.goods_services": "182",
            "budget.capital": "50",
            "executed.capital": "40",
        },
    ),
    # titles apart by single spaces, the rows' cells as many as the titles
    (
        "资金来源 年初预算数 全年预算数(A) 全年执行数(B) 执行率(B/A)\n"
        "资金总额 300.00 320.00 304.00 95.00%\n"
        "基本支出 200.00 210.00 203.00 96.67%\n"
        "项目支出 100.00 110.00 101.00 91.82%\n",
        {
            "budget.initial_total": "300",
            "budget.total": "320",
            "executed.total": "304",
            "budget.basic": "210",
            "executed.basic": "203",
            "budget.project": "110",
            "executed.project": "101",
        },
    ),
    # a year before the titles, a caption word in the first column of each row
    (
        "预算    项目          2023年预算数      2023年执行数      预算执行率\n"
        "执行    支出合计       1,250.00          1,200.00          96.00%\n"
        "情况    基本支出         900.00            880.00          97.78%\n"
        "        项目支出         350.00            320.00          91.43%\n",
        {
            "budget.total": "1250",
            "executed.total": "1200",
            "budget.basic": "900",
            "executed.basic": "880",
            "budget.project": "350",
            "executed.project": "320",
        },
    ),
    # no title over the labels, the adjusted budget titled with 调整后 in brackets
    (
        "                年初预算      全年预算（调整后）   支出决算      执行率\n"
        "支出合计        700.00        760.00               741.00        97.50%\n"
        "  基本支出      500.00        520.00               515.00        99.04%\n"
        "  项目支出      200.00        240.00               226.00        94.17%\n",
        {
            "budget.initial_total": "700",
            "budget.total": "760",
            "executed.total": "741",
            "budget.basic": "520",
            "executed.basic": "515",
            "budget.project": "240",
            "executed.project": "226",
        },
    ),
]


@pytest.mark.parametrize(("rows", "expected"), SPACED_BLOCKS)
def test_a_money_block_aligned_by_spaces_is_read_under_its_titles(
    rows: str, expected: dict[str, str]
) -> None:
    assert _money(TITLE + rows) == expected


@pytest.mark.parametrize(
    "rows",
    [
        # a rate that is not the row's spending over its budget: the columns are not proven
        "项目 预算数 执行数 执行率\n合计 640.00 620.00 90.00%\n基本支出 500.00 490.00 98.00%\n",
        # two amounts alone under two budgets: which budget is not said
        "项目        年初预算数    全年预算数    全年执行数\n"
        "支出合计    600.00        640.00        620.00\n"
        "基本支出    480.00        500.00        490.00\n"
        "工资福利支出              400.00        398.00\n",
        # one row only fills a budget and a spending
        "项目      预算数      执行数      执行率\n合计      640.00      620.00      96.88%\n",
    ],
)
def test_a_spaced_block_not_proven_is_not_read_as_a_form(rows: str) -> None:
    money = _money(TITLE + rows)
    assert money.get("budget.basic") in (None, "500")  # the other readers' reading, if any
    assert "budget.wages" not in money


def test_a_spaced_block_with_a_row_it_cannot_place_is_left_to_the_other_readers() -> None:
    # "上年结转" has fewer cells than titles and is no economic class's pair: the block is
    # left as it is rather than read in part
    rows = (
        "项目          年初预算数    全年预算数    全年执行数    执行率\n"
        "资金总额      400.00        420.00        410.00        97.62%\n"
        "其中：上年结转              20.00         20.00         -\n"
        "基本支出      300.00        310.00        305.00        98.39%\n"
    )
    money = _money(TITLE + rows)
    assert money.get("budget.basic") in (None, "310")


# --- the unit of a form stated on a line of its own ----------------------------------------

BLOCK = (
    "项目\t年初预算\t全年预算\t全年执行数\t执行率\n"
    "支出合计\t480.00\t500.00\t490.00\t98.00%\n"
    "基本支出\t300.00\t320.00\t316.00\t98.75%\n"
    "项目支出\t180.00\t180.00\t174.00\t96.67%\n"
)
HEAD = "某县档案馆2023年度部门整体支出绩效自评表\n"


@pytest.mark.parametrize(
    "unit_line",
    [
        "金额：万元\n",
        "（金额：万元）\n",
        "单位名称：某县档案馆        主管部门：某县人民政府        单位：万元\n",
        "填报单位：某县档案馆      所属年度：2023      金额单位：万元\n",
    ],
)
def test_the_unit_on_a_line_of_its_own_or_its_last_cell_is_the_forms(unit_line: str) -> None:
    money = _money(HEAD + unit_line + BLOCK)
    assert money["budget.total"] == "500"
    assert money["executed.basic"] == "316"


@pytest.mark.parametrize(
    "unit_line",
    [
        "金额万元以上的项目均已公示。\n",  # prose, no unit stated
        "金额：万元以下的零星支出不单列\n",  # a sentence, not a unit line
    ],
)
def test_a_line_that_only_mentions_a_unit_is_not_the_forms(unit_line: str) -> None:
    assert "budget.total" not in _money(HEAD + unit_line + BLOCK)


# --- staffing: the payroll count under a caption of the people there now --------------------


def _staffing(text: str) -> dict[str, str]:
    figures = claimed_figures(import_text(TITLE + text))
    return {k.removeprefix("staffing."): v for k, v in figures.items() if k.startswith("staffing.")}


@pytest.mark.parametrize(
    "line",
    [
        "实有人员情况 在编干部职工29人 编外聘用11人 退休17人\n",
        "实有人员 在编人员29人 退休17人\n",
        "现有人员情况 在编职工29人 退休人员6人\n",
        "实有人数 在编干部29人\n",
    ],
)
def test_the_payroll_count_under_a_present_caption_is_the_staff_in_service(line: str) -> None:
    staffing = _staffing(line)
    assert staffing.get("in_service") == "29"
    assert "actual_total" not in staffing


@pytest.mark.parametrize(
    "line",
    [
        "在编干部职工29人，退休17人。\n",  # no caption: 在编 may be the quota's holders
        "核定编制31名，在编干部职工29人。\n",
        "编制人员情况 在编干部职工29人\n",  # a caption of the quota, not of the people there now
    ],
)
def test_a_payroll_count_is_not_the_whole_head_count(line: str) -> None:
    assert "actual_total" not in _staffing(line)


def test_all_staff_is_still_the_head_count() -> None:
    staffing = _staffing("全镇干部职工58人，其中在编31人。\n")
    assert staffing.get("actual_total") == "58"
