"""Template variants of the 部门整体支出绩效自评表 (benchmarks/form_combinations.py: money_header,
column_order, unit_place, staffing_wording, layout, totals), pinned by variants written for these
tests: the figures each must give, pasted as Word tabs, and the same rows as Markdown and CSV.

Classes: a money header on two rows (a group title over the amounts' titles, merged cells left
empty); money columns in another order (执行数 before 预算数, 执行率 or 分值 first); the unit only
in the column titles; the staffing block as one sentence-like cell or as pairs with 其中; the money
block as key：value lines (a row a line, or one figure a line under each row's label:
pastings/key_value_rows.py); the total at the bottom under its 其中 rows, named 合计 or 小计
(subtotals.py: 小计 is the total only when the funding or economic rows above it add up to it).
"""

from __future__ import annotations

import csv
import io

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.pastings.key_value_rows import key_value_rows
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

HEAD = "某县档案馆2024年度部门整体支出绩效自评表\n填报单位：某县档案馆\n"
UNIT = "金额单位：万元\n"


def figures(text: str, head: str = HEAD + UNIT) -> dict[str, str]:
    return claimed_figures(import_text(head + text))


def markdown(rows: str) -> str:
    cells = [line.split("\t") for line in rows.strip("\n").split("\n")]
    width = max(len(row) for row in cells)
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines) + "\n"


def csv_rows(rows: str) -> str:
    cells = [line.split("\t") for line in rows.strip("\n").split("\n")]
    width = max(len(row) for row in cells)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in cells:
        writer.writerow(row + [""] * (width - len(row)))
    return out.getvalue()


PASTINGS = {"tabs": lambda rows: rows, "markdown": markdown, "csv": csv_rows}

BASIC_PROJECT = {
    "budget.initial_total": "420",
    "budget.total": "486.5",
    "executed.total": "470",
    "budget.basic": "300.5",
    "executed.basic": "295",
    "budget.project": "186",
    "executed.project": "175",
}
NO_INITIAL = {k: v for k, v in BASIC_PROJECT.items() if k != "budget.initial_total"}


# ── 1. a money header on two rows ───────────────────────────────────────────────────────────

TWO_ROW_HEADERS = [
    # a group title over 年初 / 全年 / 全年执行数, 执行率 merged down
    "项目\t预算执行情况\t\t\t执行率\n"
    "\t年初预算数\t全年预算数\t全年执行数\t\n"
    "资金总额\t420.00\t486.50\t470.00\t96.61%\n"
    "基本支出\t280.00\t300.50\t295.00\t98.17%\n"
    "项目支出\t140.00\t186.00\t175.00\t94.09%\n",
    # another group title, a caption column, no rate
    "资金情况\t资金类别\t资金情况\t\t\n"
    "\t\t年初预算数\t全年预算数\t执行数\n"
    "\t年度资金总额\t420.00\t486.50\t470.00\n"
    "\t其中：基本支出\t280.00\t300.50\t295.00\n"
    "\t项目支出\t140.00\t186.00\t175.00\n",
    # 分值 / 执行率 / 得分 merged down beside the group
    "项目\t预算资金情况\t\t\t分值\t执行率\t得分\n"
    "\t年初预算数\t调整后预算数\t实际支出\t\t\t\n"
    "资金总额\t420.00\t486.50\t470.00\t10\t96.61%\t9.66\n"
    "基本支出\t280.00\t300.50\t295.00\t\t98.17%\t\n"
    "项目支出\t140.00\t186.00\t175.00\t\t94.09%\t\n",
]


# a header on two rows whose merged cells were pasted once a row (项目 / 分值 / 执行率 repeated under
# themselves), the group over two columns, the total at the bottom
REPEATED_TWO_ROW_HEADERS = [
    "项目\t分值\t预算执行情况\t\t执行率(%)\t得分\n"
    "项目\t分值\t全年预算数\t决算数\t执行率(%)\t得分\n"
    "其中：基本支出\t\t300.50\t295.00\t98.17\t\n"
    "项目支出\t\t186.00\t175.00\t94.09\t\n"
    "合计\t10\t486.50\t470.00\t96.61\t9.66\n",
    "资金情况\t项目\t预算资金情况（万元）\t\t执行率\n"
    "资金情况\t项目\t全年预算数\t全年执行数\t执行率\n"
    "资金情况\t资金总额\t486.50\t470.00\t96.61%\n"
    "资金情况\t基本支出\t300.50\t295.00\t98.17%\n"
    "资金情况\t项目支出\t186.00\t175.00\t94.09%\n",
    "项目\t资金情况\t\t执行率\n"
    "项目\t调整后预算数\t实际支出\t执行率\n"
    "基本支出\t300.50\t295.00\t98.17%\n"
    "项目支出\t186.00\t175.00\t94.09%\n"
    "合计\t486.50\t470.00\t96.61%\n",
]


@pytest.mark.parametrize("pasting", PASTINGS)
@pytest.mark.parametrize("rows", REPEATED_TWO_ROW_HEADERS)
def test_money_header_on_two_rows_merged_cells_repeated(rows: str, pasting: str) -> None:
    assert money_only(figures(PASTINGS[pasting](rows))) == NO_INITIAL


@pytest.mark.parametrize("pasting", PASTINGS)
@pytest.mark.parametrize("rows", TWO_ROW_HEADERS)
def test_money_header_on_two_rows(rows: str, pasting: str) -> None:
    got = money_only(figures(PASTINGS[pasting](rows)))
    assert got == BASIC_PROJECT


# ── 2. columns in an unusual order ──────────────────────────────────────────────────────────

COLUMN_ORDERS = [
    # 执行数 before the budgets
    "项目\t全年执行数\t年初预算数\t全年预算数\t执行率\n"
    "资金总额\t470.00\t420.00\t486.50\t96.61%\n"
    "基本支出\t295.00\t280.00\t300.50\t98.17%\n"
    "项目支出\t175.00\t140.00\t186.00\t94.09%\n",
    # 执行率 first
    "项目\t执行率(%)\t年初预算数\t全年预算数\t执行数\n"
    "资金总额\t96.61\t420.00\t486.50\t470.00\n"
    "基本支出\t98.17\t280.00\t300.50\t295.00\n"
    "项目支出\t94.09\t140.00\t186.00\t175.00\n",
    # 分值 before the amounts, 得分 after them
    "项目\t分值\t年初预算数\t调整后预算数\t实际支出\t执行率\t得分\n"
    "资金总额\t10\t420.00\t486.50\t470.00\t96.61%\t9.66\n"
    "基本支出\t\t280.00\t300.50\t295.00\t98.17%\t\n"
    "项目支出\t\t140.00\t186.00\t175.00\t94.09%\t\n",
]


@pytest.mark.parametrize("pasting", PASTINGS)
@pytest.mark.parametrize("rows", COLUMN_ORDERS)
def test_money_columns_in_another_order(rows: str, pasting: str) -> None:
    got = figures(PASTINGS[pasting](rows))
    assert money_only(got) == BASIC_PROJECT
    assert got.get("rates.execution") == "96.61"


# ── 3. the unit only in the column titles ───────────────────────────────────────────────────

UNIT_IN_TITLES = [
    "项目\t年初预算数（万元）\t全年预算数（万元）\t全年执行数（万元）\n"
    "资金总额\t420.00\t486.50\t470.00\n"
    "基本支出\t280.00\t300.50\t295.00\n"
    "项目支出\t140.00\t186.00\t175.00\n",
    "项目\t年初预算数(元)\t全年预算数(元)\t执行数(元)\n"
    "资金总额\t4,200,000.00\t4,865,000.00\t4,700,000.00\n"
    "基本支出\t2,800,000.00\t3,005,000.00\t2,950,000.00\n"
    "项目支出\t1,400,000.00\t1,860,000.00\t1,750,000.00\n",
    "资金类别\t批复预算数（元）\t调整后预算数（元）\t实际支出（元）\n"
    "年度资金总额\t4200000\t4865000\t4700000\n"
    "其中：基本支出\t2800000\t3005000\t2950000\n"
    "项目支出\t1400000\t1860000\t1750000\n",
]


@pytest.mark.parametrize("pasting", PASTINGS)
@pytest.mark.parametrize("rows", UNIT_IN_TITLES)
def test_unit_only_in_the_column_titles(rows: str, pasting: str) -> None:
    got = money_only(figures(PASTINGS[pasting](rows), head=HEAD))
    assert got == BASIC_PROJECT


# ── 4. the staffing block as a sentence, or as pairs with 其中 ─────────────────────────────

STAFFING = {
    "staffing.authorized": "15",
    "staffing.actual_total": "18",
    "staffing.in_service": "14",
    "staffing.retired": "4",
}

STAFFING_ROWS = [
    "人员情况\t编制15人，实有18人，其中在职14人、退休4人\n",
    "人员情况\t编制数15人，实有人数18人，其中：在职14人，退休4人\n",
    "编制数\t15\n实有人数\t18\t其中：在职\t14\t退休\t4\n",
    "人员情况\t编制人数\t15\n\t实有人数\t18\t其中：在职人员\t14\t退休人员\t4\n",
]


@pytest.mark.parametrize("rows", STAFFING_ROWS)
def test_staffing_as_a_sentence_or_pairs_with_qizhong(rows: str) -> None:
    got = figures(rows)
    assert {k: v for k, v in got.items() if k.startswith("staffing.")} == STAFFING


# ── 5. the form as key：value lines ─────────────────────────────────────────────────────────

KEY_VALUE = [
    # a row a line
    "资金总额：年初预算数 420.00，全年预算数 486.50，全年执行数 470.00，执行率 96.61%\n"
    "其中：基本支出：年初预算数 280.00，全年预算数 300.50，全年执行数 295.00，执行率 98.17%\n"
    "项目支出：年初预算数 140.00，全年预算数 186.00，全年执行数 175.00，执行率 94.09%\n",
    # a row a line, semicolons, the total last, unit in the titles
    "基本支出：年初预算数（万元）280.00；调整后预算数（万元）300.50；执行数（万元）295.00\n"
    "项目支出：年初预算数（万元）140.00；调整后预算数（万元）186.00；执行数（万元）175.00\n"
    "合计：年初预算数（万元）420.00；调整后预算数（万元）486.50；执行数（万元）470.00\n",
    # one figure a line under each row's label
    "资金总额\n年初预算数：420.00\n全年预算数：486.50\n全年执行数：470.00\n"
    "基本支出\n年初预算数：280.00\n全年预算数：300.50\n全年执行数：295.00\n"
    "项目支出\n年初预算数：140.00\n全年预算数：186.00\n全年执行数：175.00\n",
    # one figure a line, the total last, 其中 on the first part, 执行率 first
    "其中：基本支出\n执行率：98.17%\n预算数：300.50\n实际支出：295.00\n"
    "项目支出\n执行率：94.09%\n预算数：186.00\n实际支出：175.00\n"
    "合计\n执行率：96.61%\n预算数：486.50\n实际支出：470.00\n",
]


@pytest.mark.parametrize("lines", KEY_VALUE)
def test_money_block_as_key_value_lines(lines: str) -> None:
    want = BASIC_PROJECT if "年初" in lines else NO_INITIAL
    assert money_only(figures(lines)) == want


@pytest.mark.parametrize(
    "text",
    [
        # prose of the same shape: a sentence, amounts with their unit word
        "资金总额：年初预算数为420.00万元，全年预算数为486.50万元，全年执行数为470.00万元。\n"
        "基本支出：年初预算数为280.00万元，全年预算数为300.50万元。\n",
        # one row alone
        "资金总额：年初预算数 420.00，全年预算数 486.50，全年执行数 470.00\n",
        # rows whose titles differ
        "基本支出：年初预算数 280.00，全年预算数 300.50\n"
        "项目支出：全年预算数 186.00，全年执行数 175.00\n",
        # label lines over figure lines that are not money
        "产出指标\n完成数量：22\n完成率：100%\n效益指标\n完成数量：5\n完成率：95%\n",
        # the same label twice
        "基本支出\n年初预算数：280.00\n全年预算数：300.50\n"
        "基本支出\n年初预算数：280.00\n全年预算数：300.50\n",
    ],
)
def test_key_value_lines_that_prove_no_table_stay_as_they_are(text: str) -> None:
    folded = normalise(text).text
    assert key_value_rows(folded, list(range(len(folded))))[0] == folded


# ── 6. the total at the bottom under its 其中 rows: 合计 / 小计 ─────────────────────────────

BOTTOM_TOTALS = [
    "项目\t年初预算数\t全年预算数\t全年执行数\n"
    "其中：基本支出\t280.00\t300.50\t295.00\n"
    "项目支出\t140.00\t186.00\t175.00\n"
    "合计\t420.00\t486.50\t470.00\n",
    "项目\t年初预算数\t全年预算数\t全年执行数\t执行率\n"
    "基本支出\t280.00\t300.50\t295.00\t98.17%\n"
    "项目支出\t140.00\t186.00\t175.00\t94.09%\n"
    "小计\t420.00\t486.50\t470.00\t96.61%\n",
    "资金情况\t资金类别\t批复预算\t全年预算数\t执行数\t执行率(%)\n"
    "\t其中：财政拨款\t400.00\t466.50\t452.00\t96.89\n"
    "\t其他资金\t20.00\t20.00\t18.00\t90.00\n"
    "\t其中：基本支出\t280.00\t300.50\t295.00\t98.17\n"
    "\t项目支出\t140.00\t186.00\t175.00\t94.09\n"
    "\t小计\t420.00\t486.50\t470.00\t96.61\n",
]


@pytest.mark.parametrize("pasting", PASTINGS)
@pytest.mark.parametrize("rows", BOTTOM_TOTALS)
def test_total_at_the_bottom_under_its_parts(rows: str, pasting: str) -> None:
    assert money_only(figures(PASTINGS[pasting](rows))) == BASIC_PROJECT


@pytest.mark.parametrize(
    "rows",
    [
        # a 小计 that is not the sum of the rows above it (a block's subtotal): not the total
        "项目\t全年预算数\t全年执行数\n"
        "基本支出\t300.50\t295.00\n"
        "项目支出\t186.00\t175.00\n"
        "小计\t120.00\t110.00\n",
        # a 小计 under a total row: the total is the 合计, the 小计 is not read as it
        "项目\t全年预算数\t全年执行数\n"
        "合计\t486.50\t470.00\n"
        "基本支出\t300.50\t295.00\n"
        "项目支出\t186.00\t175.00\n"
        "小计\t486.50\t470.00\n",
    ],
)
def test_subtotal_not_proven_the_total_is_not_read_as_it(rows: str) -> None:
    got = money_only(figures(rows))
    assert got.get("budget.total") in (None, "486.5")
    assert got.get("budget.total") != "120"


@pytest.mark.parametrize("pasting", PASTINGS)
@pytest.mark.parametrize("rows", [BOTTOM_TOTALS[1], BOTTOM_TOTALS[2]])
def test_rate_of_a_subtotal_proven_the_total_is_read(rows: str, pasting: str) -> None:
    assert figures(PASTINGS[pasting](rows)).get("rates.execution") == "96.61"
