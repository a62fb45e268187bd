"""Ruled grids whose rows span two or more text lines (pastings/grids.py), pinned by variants
written for these tests (not copied from any report), read through the whole importer: the
figures each must give, and nothing else. Each class has variants that must NOT be read.

Classes: a box-drawn (┌─┬─┐ │, ╔═╦═╗ ║) or ASCII (+---+ / | a | b |) grid whose row wraps inside
its cells — a long label, the header's titles — is one tab row per grid row, the wrapped pieces
joined; a Markdown table whose header takes two rows above |---| has one header row. Not read: a
wrapped row whose lines do not line up, a paragraph in a box, two lines with figures under one
rule (two rows, each read as it is), a second header row with a year in it.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县水利局2023年度部门整体支出绩效自评表\n单位：万元\n"

FULL = {
    "budget.initial_total": "1200",
    "budget.total": "1300",
    "executed.total": "1250",
    "rates.execution": "96.15",
    "budget.basic": "720",
    "executed.basic": "715",
    "budget.project": "580",
    "executed.project": "535",
}


def money(text: str) -> dict[str, str]:
    return money_only(claimed_figures(import_text(TITLE + text))) | {
        key: value
        for key, value in claimed_figures(import_text(TITLE + text)).items()
        if key.startswith("rates.")
    }


BOX_WRAPPED_LABEL = """\
┌────────────┬──────────┬──────────┬──────────┬──────┬────────┬──────┐
│项目        │年初预算数│全年预算数│全年执行数│分值  │执行率  │得分  │
├────────────┼──────────┼──────────┼──────────┼──────┼────────┼──────┤
│年度资金总额│  1,200.00│  1,300.00│  1,250.00│10    │96.15%  │9.62  │
├────────────┼──────────┼──────────┼──────────┼──────┼────────┼──────┤
│其中：一般公│  1,100.00│  1,200.00│  1,160.00│      │96.67%  │      │
│共预算财政拨│          │          │          │      │        │      │
│款          │          │          │          │      │        │      │
├────────────┼──────────┼──────────┼──────────┼──────┼────────┼──────┤
│基本支出    │    700.00│    720.00│    715.00│      │99.31%  │      │
├────────────┼──────────┼──────────┼──────────┼──────┼────────┼──────┤
│项目支出    │    500.00│    580.00│    535.00│      │92.24%  │      │
└────────────┴──────────┴──────────┴──────────┴──────┴────────┴──────┘
"""

DOUBLE_LINE_WRAPPED_TITLES = """\
╔══════════╦════════╦════════╦════════╦════════╗
║ 资金项目 ║ 年初预 ║ 全年预 ║ 全年执 ║ 执行率 ║
║          ║ 算数   ║ 算数   ║ 行数   ║        ║
╠══════════╬════════╬════════╬════════╬════════╣
║ 资金总额 ║1200.00 ║1300.00 ║1250.00 ║ 96.15% ║
╠══════════╬════════╬════════╬════════╬════════╣
║ 基本支出 ║ 700.00 ║ 720.00 ║ 715.00 ║ 99.31% ║
╠══════════╬════════╬════════╬════════╬════════╣
║ 项目支出 ║ 500.00 ║ 580.00 ║ 535.00 ║ 92.24% ║
╚══════════╩════════╩════════╩════════╩════════╝
"""

ASCII_NUMBERS_ON_THE_MIDDLE_LINE = """\
+----------+--------+--------+--------+--------+
| 项目     | 年初预 | 全年预 | 全年执 | 执行率 |
|          | 算数   | 算数   | 行数   |        |
+----------+--------+--------+--------+--------+
| 资金总额 |1200.00 |1300.00 |1250.00 | 96.15% |
+----------+--------+--------+--------+--------+
| 其中：一 |        |        |        |        |
| 般公共预 |1100.00 |1200.00 |1160.00 | 96.67% |
| 算拨款   |        |        |        |        |
+----------+--------+--------+--------+--------+
| 基本支出 | 700.00 | 720.00 | 715.00 | 99.31% |
+----------+--------+--------+--------+--------+
| 项目支出 | 500.00 | 580.00 | 535.00 | 92.24% |
+----------+--------+--------+--------+--------+
"""

ASCII_WRAPPED_AT_A_WORD = """\
+--------------------+------------+------------+------------+
| 项目               | 全年预算数 | 全年执行数 | 执行率     |
+--------------------+------------+------------+------------+
| 年度资金总额       | 1,300.00   | 1,250.00   | 96.15%     |
+--------------------+------------+------------+------------+
| 其中：一般公共预算 |            |            |            |
| 财政拨款           | 1,200.00   | 1,160.00   | 96.67%     |
+--------------------+------------+------------+------------+
| 基本支出           | 720.00     | 715.00     | 99.31%     |
+--------------------+------------+------------+------------+
| 项目支出           | 580.00     | 535.00     | 92.24%     |
+--------------------+------------+------------+------------+
"""

MARKDOWN_TWO_ROW_HEADER = """\
| 项目 | 年初 | 全年 | 全年 | 执行率 |
|  | 预算数 | 预算数 | 执行数 |  |
|---|---|---|---|---|
| 资金总额 | 1,200.00 | 1,300.00 | 1,250.00 | 96.15% |
| 基本支出 | 700.00 | 720.00 | 715.00 | 99.31% |
| 项目支出 | 500.00 | 580.00 | 535.00 | 92.24% |
"""

MARKDOWN_CAPTION_OVER_THE_LABELS = """\
| 资金 | 年初 | 全年 | 全年 | 执行率 |
| 项目 | 预算数 | 预算数 | 执行数 |  |
|:---|---:|---:|---:|---:|
| 资金总额 | 1,200.00 | 1,300.00 | 1,250.00 | 96.15% |
| 基本支出 | 700.00 | 720.00 | 715.00 | 99.31% |
| 项目支出 | 500.00 | 580.00 | 535.00 | 92.24% |
"""

WITHOUT_INITIAL = {k: v for k, v in FULL.items() if k != "budget.initial_total"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BOX_WRAPPED_LABEL, FULL),
        (DOUBLE_LINE_WRAPPED_TITLES, FULL),
        (ASCII_NUMBERS_ON_THE_MIDDLE_LINE, FULL),
        (ASCII_WRAPPED_AT_A_WORD, WITHOUT_INITIAL),
        (MARKDOWN_TWO_ROW_HEADER, FULL),
        (MARKDOWN_CAPTION_OVER_THE_LABELS, FULL),
    ],
    ids=[
        "box-label",
        "double-line-titles",
        "ascii-middle-line",
        "ascii-word-wrap",
        "markdown",
        "markdown-caption",
    ],
)
def test_a_grid_row_over_several_lines_is_one_row(text: str, expected: dict[str, str]) -> None:
    assert money(text) == expected


def test_the_wrapped_label_is_one_cell_and_keeps_its_origin() -> None:
    normalised = normalise(TITLE + ASCII_NUMBERS_ON_THE_MIDDLE_LINE)
    row = next(line for line in normalised.text.split("\n") if line.startswith("其中"))
    assert row.split("\t") == ["其中:一般公共预算拨款", "1100.00", "1200.00", "1160.00", "96.67%"]
    start = normalised.text.index("拨款")
    original = TITLE + ASCII_NUMBERS_ON_THE_MIDDLE_LINE
    assert original[normalised.origin[start] : normalised.origin[start + 1] + 1] == "拨款"


# ── must NOT be read ─────────────────────────────────────────────────────────────────────────


def wrapped_basic(continuation: str) -> str:
    return (
        "+----------+--------+--------+--------+\n"
        "| 项目     | 预算数 | 执行数 | 执行率 |\n"
        "+----------+--------+--------+--------+\n"
        "| 资金总额 |1300.00 |1250.00 | 96.15% |\n"
        "+----------+--------+--------+--------+\n"
        "| 基本     | 720.00 | 715.00 | 99.31% |\n"
        f"{continuation}\n"
        "+----------+--------+--------+--------+\n"
        "| 项目支出 | 580.00 | 535.00 | 92.24% |\n"
        "+----------+--------+--------+--------+\n"
    )


ALIGNED_CONTINUATION = "| 支出     |        |        |        |"
MISALIGNED_CONTINUATIONS = [
    "|   支出  |        |        |         |",  # the borders shifted
    "| 支出     |        |        |",  # a cell fewer
]

PARAGRAPH_IN_A_BOX = """\
┌──────────────────────────────┐
│本单位严格执行预算，全年支出结│
│构合理，未发现违规使用资金情况│
└──────────────────────────────┘
"""

SECOND_HEADER_ROW_WITH_YEARS = """\
| 项目 | 预算数 | 执行数 | 执行率 |
|  | 2023年 | 2023年 |  |
|---|---|---|---|
| 资金总额 | 1,300.00 | 1,250.00 | 96.15% |
| 基本支出 | 720.00 | 715.00 | 99.31% |
"""


def test_a_wrapped_label_whose_lines_line_up_is_joined() -> None:
    assert money(wrapped_basic(ALIGNED_CONTINUATION))["budget.basic"] == "720"


@pytest.mark.parametrize("continuation", MISALIGNED_CONTINUATIONS, ids=["shifted", "short"])
def test_a_row_whose_lines_do_not_line_up_is_not_joined(continuation: str) -> None:
    read = money(wrapped_basic(continuation))
    assert "budget.basic" not in read
    assert "executed.basic" not in read
    assert read["budget.project"] == "580"


def test_a_paragraph_in_a_box_is_no_table() -> None:
    normalised = normalise(TITLE + PARAGRAPH_IN_A_BOX)
    assert "\t" not in normalised.text
    assert money(PARAGRAPH_IN_A_BOX) == {}


def test_two_lines_with_figures_under_one_rule_stay_two_rows() -> None:
    two_rows = BOX_WRAPPED_LABEL.replace(
        "├────────────┼──────────┼──────────┼──────────┼──────┼────────┼──────┤\n│项目支出",
        "│项目支出",
    )
    assert money(two_rows)["budget.project"] == "580"
    assert money(two_rows)["budget.basic"] == "720"


def test_a_second_header_row_with_a_year_is_not_joined() -> None:
    assert "预算数2023年" not in normalise(TITLE + SECOND_HEADER_ROW_WITH_YEARS).text


def test_a_note_in_brackets_under_a_label_stays_a_line_of_its_own() -> None:
    noted = wrapped_basic("| 支出     |        |        |        |").replace(
        "| 项目支出 | 580.00 | 535.00 | 92.24% |\n",
        "| 项目支出 | 580.00 | 535.00 | 92.24% |\n| （含专项）|        |        |        |\n",
    )
    assert money(noted)["budget.project"] == "580"


def test_full_text_rows_under_one_rule_are_not_joined() -> None:
    form = (
        "+----------+------------+----------+------------+\n"
        "| 部门名称 | 某县水利局 | 主管部门 | 某县政府   |\n"
        "| 单位性质 | 行政单位   | 联系人   |            |\n"
        "+----------+------------+----------+------------+\n"
    )
    lines = normalise(TITLE + form).text.split("\n")
    assert "部门名称\t某县水利局\t主管部门\t某县政府" in lines
    assert "单位性质\t行政单位\t联系人" in lines
