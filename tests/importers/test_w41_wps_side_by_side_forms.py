"""Classes of the w41/w42 first run (tests/fixtures/corpus/w41-08, w42-07), pinned by variants
written for these tests (not copied from any report): the figures each must give, and nothing
else.

Classes: a 自评表 copied from WPS with its staffing block and money block side by side in one wide
tab row (pastings/side_by_side.py: the row cut at the blocks' captions, each block read as
usual); a score table pasted right under the form's money block in the same run of tab rows
(its total row proven by the weights under its own header); a money block laid out with spaces
under a caption that names no row title ("预算执行"), left as a blank corner over the labels, with
the score table right under it.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.pastings.side_by_side import side_by_side_blocks
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某市档案馆2023年度部门整体支出绩效自评表\n部门名称：某市档案馆\n金额单位：万元\n"


def figures(text: str, title: str = TITLE) -> dict[str, str]:
    return claimed_figures(import_text(title + text))


def staffing(got: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in got.items() if key.startswith("staffing.")}


# ── 1. staffing and money blocks side by side in one wide tab row ──────────────────────────

SIDE_BY_SIDE = [
    # staffing first, money after it; the staffing values on the 合计 row
    "人员情况\t编制数\t实有人数\t在职人数\t退休人数\t预算执行情况\t项目\t年初预算数\t全年预算数\t"
    "全年执行数\t执行率\n"
    "\t40\t52\t38\t14\t\t合计\t800.00\t1,000.00\t950.00\t95.00%\n"
    "\t\t\t\t\t\t基本支出\t500.00\t600.00\t594.00\t99.00%\n"
    "\t\t\t\t\t\t项目支出\t300.00\t400.00\t356.00\t89.00%\n",
    # other captions and titles (编制人数, 在职人员 / 退休人员, 资金总额, 预算数 / 执行数), no 年初 column,
    # trailing empty cells dropped on the rows under the first
    "人员情况\t编制人数\t实有人数\t在职人员\t退休人员\t资金情况\t资金类别\t预算数\t执行数\t执行率\n"
    "\t40\t52\t38\t14\t\t资金总额\t1,000.00\t950.00\t95.00%\n"
    "\t\t\t\t\t\t基本支出\t600.00\t594.00\t99.00%\n"
    "\t\t\t\t\t\t项目支出\t400.00\t356.00\t89.00%\n",
    # money first, staffing after it, spaces around the cells
    "年度预算执行情况\t项目\t全年预算数\t全年执行数\t执行率\t人员情况\t编制数\t实有人数\t在职人数\t"
    "退休人数\n"
    "\t合计\t 1,000.00 \t950.00\t95.00%\t\t40\t52\t38\t14\n"
    "\t基本支出\t600.00\t594.00\t99.00%\t\t\t\t\t\n"
    "\t项目支出\t400.00\t356.00\t89.00%\n",
]


@pytest.mark.parametrize("rows", SIDE_BY_SIDE)
def test_blocks_side_by_side_in_one_row_are_each_read(rows: str) -> None:
    got = figures(rows)
    assert staffing(got) == {
        "staffing.authorized": "40",
        "staffing.actual_total": "52",
        "staffing.in_service": "38",
        "staffing.retired": "14",
    }
    money = money_only(got)
    assert {key: money[key] for key in money if not key.startswith("budget.initial")} == {
        "budget.total": "1000",
        "budget.basic": "600",
        "budget.project": "400",
        "executed.total": "950",
        "executed.basic": "594",
        "executed.project": "356",
    }
    assert got["rates.execution"] == "95"


def test_the_side_by_side_row_becomes_its_blocks_one_under_the_other() -> None:
    text = normalise(TITLE + SIDE_BY_SIDE[0]).text
    lines = text.split("\n")
    at = lines.index("人员情况\t编制数\t实有人数\t在职人数\t退休人数")
    assert lines[at + 1] == "\t40\t52\t38\t14"
    assert lines[at + 2].endswith("年初预算数\t全年预算数\t全年执行数\t执行率")
    assert lines[at + 3].endswith("合计\t800.00\t1,000.00\t950.00\t95.00%")


def test_the_cells_keep_their_place_in_the_original() -> None:
    original = TITLE + SIDE_BY_SIDE[0]
    normalised = normalise(original)
    at = normalised.text.index("1,000.00")
    start, end = normalised.original_span(at, at + len("1,000.00"))
    assert original[start:end] == "1,000.00"


NOT_PROVEN = [
    # a rate that is not its row's spending over its budget: the cells may be out of place
    "人员情况\t编制数\t实有人数\t在职人数\t退休人数\t预算执行情况\t项目\t全年预算数\t全年执行数\t"
    "执行率\n"
    "\t40\t52\t38\t14\t\t合计\t1,000.00\t950.00\t91.00%\n"
    "\t\t\t\t\t\t基本支出\t600.00\t594.00\t98.00%\n",
    # 实有 is not 在职 + 退休
    "人员情况\t编制数\t实有人数\t在职人数\t退休人数\t预算执行情况\t项目\t全年预算数\t全年执行数\t"
    "执行率\n"
    "\t40\t60\t38\t14\t\t合计\t1,000.00\t950.00\t95.00%\n"
    "\t\t\t\t\t\t基本支出\t600.00\t594.00\t99.00%\n",
    # a cell under the money block's caption: no block of its own
    "人员情况\t编制数\t实有人数\t在职人数\t退休人数\t预算执行情况\t项目\t全年预算数\t全年执行数\t"
    "执行率\n"
    "\t40\t52\t38\t14\t备注\t合计\t1,000.00\t950.00\t95.00%\n",
]


@pytest.mark.parametrize("rows", NOT_PROVEN)
def test_blocks_side_by_side_not_proven_are_left_as_they_are(rows: str) -> None:
    text = TITLE + rows
    assert side_by_side_blocks(text, list(range(len(text)))) == (text, list(range(len(text))))
    got = figures(rows)
    assert not staffing(got)
    assert got.get("budget.total", "1000") == "1000"


# ── 2. a score table right under the money block, no blank line between ────────────────────

MONEY_ROWS = (
    "项目\t全年预算数\t全年执行数\t执行率\n"
    "合计\t1,000.00\t950.00\t95.00%\n"
    "基本支出\t600.00\t594.00\t99.00%\n"
    "项目支出\t400.00\t356.00\t89.00%\n"
)

SCORE_UNDER = [
    # a caption cell merged down before the indicator names, 总分 as the total
    "评价指标\t一级指标\t权重\t得分\n\t决策\t20\t18\n\t过程\t20\t17.5\n\t产出\t30\t28\n"
    "\t效益\t30\t27\n\t总分\t100\t90.5\n",
    # 分值 for the weights, 合计 as the total
    "一级指标\t分值\t得分\n决策\t20\t18\n过程\t20\t17.5\n产出\t30\t28\n效益\t30\t27\n"
    "合计\t100\t90.5\n",
    # 标准分 / 自评得分, decimals on the weights
    "指标\t标准分\t自评得分\n决策\t20.00\t18\n过程\t20.00\t17.5\n产出与效益\t60.00\t55\n"
    "合计\t100.00\t90.5\n",
]


@pytest.mark.parametrize("rows", SCORE_UNDER)
def test_a_score_table_right_under_the_money_block_gives_its_total(rows: str) -> None:
    assert figures(MONEY_ROWS + rows)["score.self"] == "90.5"


def test_weights_that_do_not_make_100_give_no_total() -> None:
    rows = "一级指标\t权重\t得分\n决策\t20\t18\n过程\t20\t17.5\n产出\t30\t28\n合计\t100\t63.5\n"
    assert "score.self" not in figures(MONEY_ROWS + rows)


# ── 3. a spaced money block under a caption naming no row title, a score table under it ─────

SPACED = [
    "预算执行        年初预算数        全年预算数        全年执行数        执行率\n"
    "合计            800.00            1,000.00          950.00            95.00%\n"
    "基本支出        500.00            600.00            594.00            99.00%\n"
    "项目支出        300.00            400.00            356.00            89.00%\n"
    "一级指标        权重        得分\n"
    "决策            20          18\n"
    "过程            20          17.5\n"
    "产出            30          28\n"
    "效益            30          27\n"
    "合计            100         90.5\n",
    # another caption, no 年初 column, wider gaps, 分值
    "资金使用      全年预算数      全年执行数      执行率\n"
    "合计          1,000.00        950.00          95.00%\n"
    "基本支出      600.00          594.00          99.00%\n"
    "项目支出      400.00          356.00          89.00%\n"
    "一级指标    分值    得分\n"
    "决策        20      18\n"
    "过程        20      17.5\n"
    "产出        30      28\n"
    "效益        30      27\n"
    "总分        100     90.5\n",
    # a tab paste of the same: the corner cell left blank
    "\t全年预算数\t全年执行数\t执行率\n"
    "合计\t1,000.00\t950.00\t95.00%\n"
    "基本支出\t600.00\t594.00\t99.00%\n"
    "项目支出\t400.00\t356.00\t89.00%\n"
    "一级指标\t权重\t得分\n"
    "决策\t20\t18\n"
    "过程\t20\t17.5\n"
    "产出\t30\t28\n"
    "效益\t30\t27\n"
    "合计\t100\t90.5\n",
]


@pytest.mark.parametrize("rows", SPACED)
def test_a_money_block_under_a_blank_corner_is_read_with_the_score_under_it(rows: str) -> None:
    got = figures(rows)
    money = money_only(got)
    assert {key: money[key] for key in money if not key.startswith("budget.initial")} == {
        "budget.total": "1000",
        "budget.basic": "600",
        "budget.project": "400",
        "executed.total": "950",
        "executed.basic": "594",
        "executed.project": "356",
    }
    assert got["rates.execution"] == "95"
    assert got["score.self"] == "90.5"
