"""PDF text layers of ruled forms whose column titles wrap over two or three lines
(pastings/pdf_forms.py), pinned by variants written for these tests (not copied from any
report), read through the whole importer: the figures each must give, and nothing else. Each
class has variants that must NOT be read (the total row's rate may still be read by the
space-aligned table reader, as before: its title is a rate's).

Classes: a money block aligned by runs of spaces whose titles wrap ("年初预" / "算数"), its long
row labels wrapping onto the next line with the numbers on the first line or on the second, a
caption ("资金情况") merged over the rows left of the labels — rebuilt as tab rows, titles joined
by display column. Not read: wrapped pieces that make no
title the readers know, a number standing under no title, a rate its row's figures do not give,
a row label standing in the caption's column.
"""

from __future__ import annotations

import re

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县林业局2023年度部门整体支出绩效自评表\n"

FULL = {
    "budget.initial_total": "860",
    "budget.total": "912.4",
    "executed.total": "887.15",
    "rates.execution": "97.23",
    "budget.basic": "534.6",
    "executed.basic": "533.9",
    "budget.project": "377.8",
    "executed.project": "353.25",
}


def read(text: str) -> dict[str, str]:
    figures = claimed_figures(import_text(TITLE + text))
    return money_only(figures) | {k: v for k, v in figures.items() if k.startswith("rates.")}


TITLES_OVER_TWO_LINES_LABEL_WRAPS_BELOW = """\
单位：万元
            年初预    全年预    全年执
项目        算数      算数      行数      分值    执行率    得分
资金总额    860.00    912.40    887.15    10      97.23%    9.72
其中：一般  820.00    872.40    848.15            97.22%
公共预算
基本支出    520.00    534.60    533.90            99.87%
项目支出    340.00    377.80    353.25            93.50%
"""

NO_LABEL_TITLE_NUMBERS_ON_THE_SECOND_LINE = """\
金额单位：万元
                    年初预    全年预    全年执
                    算数      算数      行数      执行率
资金总额            860.00    912.40    887.15    97.23%
其中：一般公共预算
财政拨款            820.00    872.40    848.15    97.22%
按支出性质分：
基本支出            520.00    534.60    533.90    99.87%
项目支出            340.00    377.80    353.25    93.50%
"""

TITLES_OVER_THREE_LINES = """\
单位：万元
项目        年初      调整后    实际      预算
            预算      预算      支出      执行
            数        数        数        率
资金总额    860.00    912.40    887.15    97.23%
基本支出    520.00    534.60    533.90    99.87%
项目支出    340.00    377.80    353.25    93.50%
"""

COLUMN_LETTERS_ON_THE_LAST_LINE = """\
单位：万元
资金项目      年初预算      全年预算      全年执行      执行率
              数（A）       数（B）       数（C）       （C/B）
年度资金总额  860.00        912.40        887.15        97.23%
基本支出      520.00        534.60        533.90        99.87%
项目支出      340.00        377.80        353.25        93.50%
"""


CAPTION_MERGED_OVER_THE_ROWS = """\
单位：万元
                        年初预    全年预    全年执
资金情况    项目        算数      算数      行数      执行率
            资金总额    860.00    912.40    887.15    97.23%
            基本支出    520.00    534.60    533.90    99.87%
            项目支出    340.00    377.80    353.25    93.50%
"""


@pytest.mark.parametrize(
    "text",
    [
        CAPTION_MERGED_OVER_THE_ROWS,
        TITLES_OVER_TWO_LINES_LABEL_WRAPS_BELOW,
        NO_LABEL_TITLE_NUMBERS_ON_THE_SECOND_LINE,
        TITLES_OVER_THREE_LINES,
        COLUMN_LETTERS_ON_THE_LAST_LINE,
    ],
    ids=["caption", "two-lines", "numbers-second-line", "three-lines", "column-letters"],
)
def test_wrapped_titles_are_rebuilt_by_display_column(text: str) -> None:
    assert read(text) == FULL


def test_the_rebuilt_rows_and_their_origins() -> None:
    text = TITLE + NO_LABEL_TITLE_NUMBERS_ON_THE_SECOND_LINE
    normalised = normalise(text)
    lines = normalised.text.split("\n")
    assert "\t年初预算数\t全年预算数\t全年执行数\t执行率" in lines
    assert "其中:一般公共预算财政拨款\t820.00\t872.40\t848.15\t97.22%" in lines
    at = normalised.text.index("算数")
    assert text[normalised.origin[at] : normalised.origin[at + 1] + 1] == "算数"


def test_a_cut_named_without_a_colon_stays_a_line_of_its_own() -> None:
    text = NO_LABEL_TITLE_NUMBERS_ON_THE_SECOND_LINE.replace("按支出性质分：", "按支出性质分")
    assert read(text) == FULL
    lines = normalise(TITLE + text).text.split("\n")
    assert not any("按支出性质分" in line and re.search(r"\d", line) for line in lines)


A_ROW_LEFT_BLANK = """\
单位：万元
            年初预    全年预    全年执
项目        算数      算数      行数      执行率
资金总额    860.00    912.40    887.15    97.23%
其他资金
基本支出    520.00    534.60    533.90    99.87%
项目支出    340.00    377.80    353.25    93.50%
"""

THE_NUMBERS_ALONE_UNDER_THEIR_LABEL = """\
单位：万元
              年初预    全年预    全年执
项目          算数      算数      行数      执行率
资金总额      860.00    912.40    887.15    97.23%
政府性基金
              40.00     40.00     40.00     100.00%
基本支出      520.00    534.60    533.90    99.87%
项目支出      340.00    377.80    353.25    93.50%
"""


@pytest.mark.parametrize(
    "text",
    [A_ROW_LEFT_BLANK, THE_NUMBERS_ALONE_UNDER_THEIR_LABEL],
    ids=["blank-row", "numbers-alone"],
)
def test_a_label_alone_is_a_blank_row_or_the_label_of_the_numbers_under_it(text: str) -> None:
    assert read(text) == FULL
    lines = normalise(TITLE + text).text.split("\n")
    assert "资金总额\t860.00\t912.40\t887.15\t97.23%" in lines


def test_the_wrapped_label_joins_the_row_above_when_it_filled_its_column() -> None:
    lines = normalise(TITLE + TITLES_OVER_TWO_LINES_LABEL_WRAPS_BELOW).text.split("\n")
    assert any(line.startswith("其中:一般公共预算\t820.00") for line in lines)


# ── must NOT be read ─────────────────────────────────────────────────────────────────────────

NO_KNOWN_TITLE = """\
单位：万元
            年初预    全年预    全年执
项目        计数      估数      行情      执行率
资金总额    860.00    912.40    887.15    97.23%
基本支出    520.00    534.60    533.90    99.87%
项目支出    340.00    377.80    353.25    93.50%
"""

A_NUMBER_UNDER_NO_TITLE = """\
单位：万元
            年初预    全年预    全年执
项目        算数      算数      行数      执行率
资金总额  860.00  912.40                       887.15    97.23%
基本支出    520.00    534.60    533.90    99.87%
项目支出    340.00    377.80    353.25    93.50%
"""

A_RATE_THAT_MISSES = """\
单位：万元
            年初预    全年预    全年执
项目        算数      算数      行数      执行率
资金总额    860.00    912.40    887.15    97.23%
基本支出    520.00    534.60    533.90    98.87%
项目支出    340.00    377.80    353.25    93.50%
"""


A_LABEL_IN_THE_CAPTION_COLUMN = CAPTION_MERGED_OVER_THE_ROWS.replace(
    "            基本支出    520.00", "基本支出                520.00"
)


@pytest.mark.parametrize(
    "text",
    [NO_KNOWN_TITLE, A_NUMBER_UNDER_NO_TITLE, A_RATE_THAT_MISSES, A_LABEL_IN_THE_CAPTION_COLUMN],
    ids=["no-known-title", "number-under-no-title", "rate-misses", "label-in-caption-column"],
)
def test_an_unproven_block_is_not_rebuilt(text: str) -> None:
    assert money_only(read(text)) == {}
    normalised = normalise(TITLE + text).text
    assert "年初预" in normalised.split("\n")[2]  # the titles left on their lines
