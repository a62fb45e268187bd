"""A web page's table copied as text, each cell on its own line and the rows apart by blank
lines (pastings/web_cells.py), pinned by variants written for these tests (not copied from any
report), read through the whole importer: the figures each must give, and nothing else. Each
class has variants that must NOT be read.

Class: rows of as many cells each, the first row titles a form's columns (a budget and a
spending at least), every other row a label and numbers or dashes, two rows at least, every rate
its row's spending over its budget — rebuilt as tab rows. Not read: titles that are no form
columns, a row with a cell lost, a rate that misses.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县档案馆2023年度部门整体支出绩效自评表\n单位：万元\n\n"


def cells(*rows: tuple[str, ...], gap: str = "\n\n") -> str:
    return gap.join("\n".join(row) for row in rows) + "\n"


def read(text: str) -> dict[str, str]:
    figures = claimed_figures(import_text(TITLE + text))
    return money_only(figures) | {k: v for k, v in figures.items() if k.startswith("rates.")}


TOTAL = ("资金总额", "860.00", "912.40", "887.15", "97.23%")
BASIC = ("基本支出", "520.00", "534.60", "533.90", "99.87%")
PROJECT = ("项目支出", "340.00", "377.80", "353.25", "93.50%")
TITLES = ("项目", "年初预算数", "全年预算数", "全年执行数", "执行率")

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
WITHOUT_INITIAL = {k: v for k, v in FULL.items() if k != "budget.initial_total"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (cells(TITLES, TOTAL, BASIC, PROJECT), FULL),
        (cells(TITLES, TOTAL, BASIC, PROJECT, gap="\n\n\n"), FULL),  # two blank lines apart
        (
            # score columns, the part rows' scores as dashes
            cells(
                ("资金项目", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
                ("年度资金总额", "912.40", "887.15", "10", "97.23%", "9.72"),
                ("基本支出", "534.60", "533.90", "/", "99.87%", "/"),
                ("项目支出", "377.80", "353.25", "/", "93.50%", "/"),
            ),
            WITHOUT_INITIAL,
        ),
        (
            # the form's column letters after the titles, indented cells
            cells(
                ("  项目", "  全年预算数（A）", "  全年执行数（B）", "  执行率（B/A）"),
                tuple("  " + c for c in (TOTAL[0], *TOTAL[2:])),
                tuple("  " + c for c in (BASIC[0], *BASIC[2:])),
                tuple("  " + c for c in (PROJECT[0], *PROJECT[2:])),
            ),
            WITHOUT_INITIAL,
        ),
    ],
    ids=["plain", "two-blank-lines", "score-columns", "column-letters"],
)
def test_a_web_table_one_cell_a_line_is_read_as_rows(text: str, expected: dict[str, str]) -> None:
    assert read(text) == expected


def test_titles_right_under_a_caption_and_a_dash_cell() -> None:
    text = "表1 预算执行情况\n" + cells(
        TITLES, TOTAL, ("上年结转", "—", "40.00", "40.00", "100.00%"), BASIC, PROJECT
    )
    assert read(text) == FULL | {"budget.carryover_prior": "40"}
    assert "表1预算执行情况" in normalise(TITLE + text).text.split("\n")  # the caption stays


def test_the_rows_keep_their_origins() -> None:
    text = TITLE + cells(TITLES, TOTAL, BASIC, PROJECT)
    normalised = normalise(text)
    assert "基本支出\t520.00\t534.60\t533.90\t99.87%" in normalised.text.split("\n")
    at = normalised.text.index("533.90")
    assert text[normalised.origin[at] : normalised.origin[at + 5] + 1] == "533.90"


# ── must NOT be read ─────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "text",
    [
        # titles that are no form columns (years, a change)
        cells(
            ("项目", "2022年", "2023年", "增减率"),
            ("资金总额", "860.00", "912.40", "6.09%"),
            ("基本支出", "520.00", "534.60", "2.81%"),
        ),
        # a cell lost in the second row: one row only is left
        cells(TITLES, TOTAL, BASIC[:4], PROJECT),
        # a rate its row's figures do not give
        cells(TITLES, TOTAL, (*BASIC[:4], "98.87%"), PROJECT),
    ],
    ids=["no-form-titles", "a-cell-lost", "rate-misses"],
)
def test_an_unproven_web_table_is_not_read(text: str) -> None:
    assert money_only(read(text)) == {}
    assert "\t" not in normalise(TITLE + text).text
