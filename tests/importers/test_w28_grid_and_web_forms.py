"""Classes of w28-04 and w28-05 (forms pasted as box-drawing grids and as a web page's table one
cell a line), pinned by variants written for these tests (not copied from any report): the
figures each must give, and what must not be read.

Classes: a grid row whose label wraps onto a second line that holds a digit in text ("编制数（行政
30、事" / "业26）"); a rule under the cells right of a merged cell ("│      ├────┼────┤"); a quota
title with its unit in 个 or its split by kind of post in brackets; a staffing header then its
counts, one cell a line; an indicator table one cell a line with its 总分; a money block opening
a tab run with an indicator table right under it.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县石门镇人民政府2024年度部门整体支出绩效自评表\n"


def read(text: str) -> dict[str, str]:
    return claimed_figures(import_text(TITLE + text))


def staffing(figures: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in figures.items() if k.startswith("staffing.")}


def check(figures: dict[str, str], expected: dict[str, str]) -> None:
    got = {k: Decimal(figures[k]) for k in expected if k in figures}
    assert got == {k: Decimal(v) for k, v in expected.items()}


# ── 1. a grid row whose label wraps with a digit in its text ─────────────────────────────────

WRAPPED_QUOTA = """┌────────────────┬────┬────────┬────┐
│核定编制（行政编│40  │实有人数│47  │
│制28、事业12）  │    │        │    │
├────────────────┼────┼────────┼────┤
│在职人数        │38  │退休人数│9   │
└────────────────┴────┴────────┴────┘
"""

WRAPPED_QUOTA_ASCII = """+--------------+----+--------+----+
|编制数（行政15|20  |实有人数|26  |
|、事业5）     |    |        |    |
+--------------+----+--------+----+
|在职人数      |19  |退休人数|7   |
+--------------+----+--------+----+
"""


def test_a_wrapped_quota_label_with_its_split_in_a_grid_is_read():
    check(
        read(WRAPPED_QUOTA),
        {
            "staffing.authorized": "40",
            "staffing.actual_total": "47",
            "staffing.in_service": "38",
            "staffing.retired": "9",
        },
    )
    check(
        read(WRAPPED_QUOTA_ASCII),
        {"staffing.authorized": "20", "staffing.actual_total": "26"},
    )


def test_two_lines_each_with_a_figure_stay_two_rows():
    text = """┌──────────┬────┐
│编制数    │12  │
│实有人数  │15  │
└──────────┴────┘
"""
    rows = [line for line in normalise(text).text.split("\n") if "\t" in line]
    assert rows == ["编制数\t12", "实有人数\t15"]


def test_two_text_lines_with_digits_and_no_figure_cell_are_not_joined():
    text = """┌──────────────┬──────────────┐
│2023年目标    │完成          │
│2024年目标    │未完成        │
└──────────────┴──────────────┘
"""
    normalised = normalise(text).text
    assert "2023年目标2024年目标" not in normalised


# ── 2. a rule under the cells right of a merged cell ─────────────────────────────────────────

MERGED_LEFT = """┌──────┬────────┬──────────────┬──────┬──────┬────┬─────┐
│一级  │二级    │三级指标      │指标值│完成值│分值│得分 │
├──────┼────────┼──────────────┼──────┼──────┼────┼─────┤
│产出  │数量    │道路养护里程  │≥40公里│42公里│30  │30   │
│      ├────────┼──────────────┼──────┼──────┼────┼─────┤
│      │质量    │养护合格率    │≥95%  │93%   │30  │27   │
├──────┼────────┼──────────────┼──────┼──────┼────┼─────┤
│效益  │满意度  │群众满意度    │≥90%  │91%   │30  │30   │
├──────┴────────┴──────────────┴──────┴──────┼────┼─────┤
│总分                                        │90  │87   │
└────────────────────────────────────────────┴────┴─────┘
"""


def test_a_rule_right_of_a_merged_cell_ends_the_row_above():
    rows = [line.split("\t") for line in normalise(MERGED_LEFT).text.split("\n") if "\t" in line]
    assert ["", "质量", "养护合格率", "≥95%", "93%", "30", "27"] in rows
    assert not any("├" in line for line in normalise(MERGED_LEFT).text.split("\n"))


def test_a_text_line_opening_on_a_border_then_a_rule_is_no_rule_without_its_joints():
    text = "│      ──────── 注 │\n"
    assert normalise(text).text.strip() != ""


# ── 3. a quota title with 个 or its split in brackets ────────────────────────────────────────


def test_a_quota_title_with_its_unit_or_split_is_the_quota():
    check(
        read("编制数（个）\t实有人数（人）\t在职（人）\t退休（人）\n18\t25\t17\t8\n"),
        {
            "staffing.authorized": "18",
            "staffing.actual_total": "25",
            "staffing.in_service": "17",
            "staffing.retired": "8",
        },
    )
    check(
        read("核定编制（行政编制12名、事业编制8名）\t20\t实有人数\t25\n"),
        {"staffing.authorized": "20", "staffing.actual_total": "25"},
    )


def test_a_quota_title_with_another_bracket_is_not_read():
    assert "staffing.authorized" not in read("编制数（2024年）\t20\t实有人数\t25\n")
    assert "staffing.authorized" not in read("编制数（含借调）\t20\t实有人数\t25\n")


# ── 4. a staffing header then its counts, one cell a line ────────────────────────────────────

WEB_STAFF = """单位：万元
项目
全年预算数
全年执行数
执行率

资金总额
860.00
842.80
98.00%

基本支出
500.00
490.00
98.00%

编制数（个）
实有人数（人）
在职（人）
退休（人）

30
41
28
13

注：无。
"""

WEB_STAFF_PLAIN = """人员情况
编制数
实有人数
在职人数

12
14
11
"""


def test_a_staffing_header_then_its_counts_one_cell_a_line_is_read():
    figures = read(WEB_STAFF)
    check(
        figures,
        {
            "staffing.authorized": "30",
            "staffing.actual_total": "41",
            "staffing.in_service": "28",
            "staffing.retired": "13",
        },
    )
    check(money_only(figures), {"budget.total": "860", "executed.total": "842.8"})
    check(
        read(WEB_STAFF_PLAIN),
        {"staffing.authorized": "12", "staffing.actual_total": "14", "staffing.in_service": "11"},
    )


def test_staffing_titles_over_rows_by_unit_are_not_one_row():
    text = """编制数
实有人数
在职人数

12
14
11

9
10
8
"""
    assert staffing(read(text)) == {}


def test_staffing_titles_over_cells_of_another_kind_are_not_read():
    assert staffing(read("编制数\n实有人数\n\n12人左右\n14\n")) == {}
    assert staffing(read("编制数\n编制数\n\n12\n14\n")) == {}


# ── 5. an indicator table one cell a line, its 总分 ──────────────────────────────────────────

WEB_SCORES = """三级指标
指标值
实际完成值
分值
得分

道路保洁覆盖率
100%
100%
40
40

垃圾清运及时率
≥95%
92%
30
27

群众满意度
≥90%
94%
30
30

总分
100
97
"""


def test_an_indicator_table_one_cell_a_line_gives_its_total_score():
    assert read(WEB_SCORES).get("score.self") == "97"
    assert read(WEB_SCORES.replace("总分\n100\n97", "总分\n97")).get("score.self") == "97"


def test_an_indicator_total_the_rows_do_not_add_up_to_is_not_read_from_the_cells():
    text = WEB_SCORES.replace("总分\n100\n97", "总分\n100\n95")
    rows = [line for line in normalise(text).text.split("\n") if "\t" in line]
    assert rows == []


def test_a_score_over_its_weight_leaves_the_block_unread():
    text = WEB_SCORES.replace("40\n40\n", "40\n42\n").replace("总分\n100\n97", "总分\n100\n99")
    assert [line for line in normalise(text).text.split("\n") if "\t" in line] == []


# ── 6. a money block opening a tab run, an indicator table right under it ────────────────────

MONEY_THEN_SCORES = """单位：万元
项目\t年初预算数\t全年预算数\t全年执行数\t执行率
资金总额\t500.00\t620.00\t601.40\t97.00%
基本支出\t300.00\t320.00\t318.40\t99.50%
项目支出\t200.00\t300.00\t283.00\t94.33%
三级指标\t指标值\t实际完成值\t分值\t得分
参保率\t≥95%\t96%\t50\t50
"""


def test_a_money_block_opening_the_run_is_read_beside_the_indicators_under_it():
    check(
        money_only(read(MONEY_THEN_SCORES)),
        {
            "budget.total": "620",
            "executed.total": "601.4",
            "budget.basic": "320",
            "executed.project": "283",
        },
    )


def test_a_run_opening_on_words_without_money_titles_takes_no_block_of_its_own():
    text = MONEY_THEN_SCORES.replace(
        "项目\t年初预算数\t全年预算数\t全年执行数\t执行率", "项目\t甲\t乙\t丙\t丁"
    )
    figures = money_only(read(text))
    assert "budget.total" not in figures


def test_a_score_total_row_in_a_money_run_is_no_money():
    text = (
        "单位：万元\n项目\t年初预算数\t调整预算数\t决算数\n"
        "资金总额\t500.00\t620.00\t601.40\n基本支出\t300.00\t320.00\t318.40\n"
        "群众满意度\t≥90%\t92%\t10\n总分\t100\t96.5\n"
    )
    result = import_text(TITLE + text)
    assert not any("总分" in finding.message for finding in result.findings)
    assert "96.5" not in money_only(claimed_figures(result)).values()
