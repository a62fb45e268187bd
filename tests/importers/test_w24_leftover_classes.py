"""Leftover classes of the w24 round (tests/fixtures/corpus/w24-01, w24-03: a 自评表 alone), pinned
by variants written for these tests (not copied from any report): the figures each must give, and
nothing else. Each class has variants that must NOT be read.

Classes: a score table laid out with runs of spaces whose merged cells are left blank (rows of
different cell counts), its 总分 / 合计 row's score read by where each cell stands in the line, only
when the row is proven the total (its 分值 100, or the rows' scores add up to it); an amount dated
to an earlier year than the report's beside an undated amount of the same class and phase that it
differs from ("2022年度实际支出191.27万元" in a note under a 2023 table) is that year's, not a
statement of this year's figure (no import.W003 / W005, and no import.W013 from it).
"""

from __future__ import annotations

import unicodedata

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县档案馆2023年度部门整体支出绩效自评表\n单位：万元\n"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def laid(*rows: tuple[str, ...], at: tuple[int, ...]) -> str:
    """Rows laid out with spaces, cell n starting at display column at[n]; "" is a blank cell."""
    lines = []
    for row in rows:
        line = ""
        for column, cell in enumerate(row):
            if cell:
                line += " " * max(at[column] - _width(line), 2 if line else 0) + cell
        lines.append(line)
    return "\n".join(lines) + "\n"


def score(text: str, title: str = TITLE) -> str | None:
    return claimed_figures(import_text(title + text)).get("score.self")


def ids(text: str, title: str = TITLE) -> list[str]:
    return [f.id for f in import_text(title + text).findings]


# ── 1. a score table laid out with spaces, merged cells left blank ──────────────────────────

SIX = (0, 12, 24, 50, 62, 70)
HEADER = ("一级指标", "二级指标", "三级指标", "指标值", "分值", "得分")
ROWS = [
    ("产出指标", "数量指标", "档案接收进馆卷数", "≥5000卷", "30", "28"),
    ("", "", "数字化扫描页数", "≥20万页", "20", "20"),
    ("", "质量指标", "档案完好率", "100%", "20", "19.5"),
    ("效益指标", "社会效益", "查档利用人次", "≥3000人次", "20", "18"),
    ("满意度指标", "", "查档群众满意度", "≥90%", "10", "9"),
]

READ = [
    # the 总分 row: 分值 100 and the score, the cells between blank
    (laid(HEADER, *ROWS, ("总分", "", "", "", "100", "94.5"), at=SIX), "94.5"),
    # 合计 with its 分值 left blank: the rows' scores add up to it
    (laid(HEADER, *ROWS, ("合计", "", "", "", "", "94.5"), at=SIX), "94.5"),
    # 权重 / 自评得分, a 偏差原因 column after the score, blank in some rows
    (
        laid(
            ("一级指标", "三级指标", "权重", "自评得分", "偏差原因"),
            ("产出指标", "档案接收进馆卷数", "40", "36", "部分单位未按期移交"),
            ("", "档案完好率", "30", "30"),
            ("效益指标", "查档利用人次", "30", "27.5", "疫情影响"),
            ("总计", "", "100", "93.5"),
            at=(0, 14, 36, 44, 56),
        ),
        "93.5",
    ),
    # ideographic spaces between the cells
    (
        laid(HEADER, *ROWS, ("总分", "", "", "", "100", "94.5"), at=SIX).replace("  ", "\u3000"),
        "94.5",
    ),
]


@pytest.mark.parametrize(("text", "expected"), READ)
def test_a_spaced_score_tables_total_row_gives_the_self_score(text: str, expected: str) -> None:
    assert score(text) == expected


NOT_READ = [
    # the 总分 row states its 分值 alone: 100 is the maximum, not a score
    laid(HEADER, *ROWS, ("总分", "", "", "", "100", ""), at=SIX),
    # 合计 row with no 分值 whose score the rows' scores miss: not proven the total
    laid(HEADER, *ROWS, ("合计", "", "", "", "", "90"), at=SIX),
    # a table captioned with an earlier year than the report's: that year's score
    "2022年度绩效自评结果\n" + laid(HEADER, *ROWS, ("总分", "", "", "", "100", "94.5"), at=SIX),
    # the score column is an earlier year's
    laid(
        ("一级指标", "三级指标", "分值", "2022年得分"),
        ("产出指标", "档案接收进馆卷数", "60", "55"),
        ("", "档案完好率", "40", "38"),
        ("总分", "", "100", "93"),
        at=(0, 14, 36, 44),
    ),
]


@pytest.mark.parametrize("text", NOT_READ)
def test_a_spaced_score_table_not_proven_this_years_total_gives_nothing(text: str) -> None:
    assert score(text) is None


# ── 2. an amount dated to an earlier year beside this year's undated one ─────────────────────

TABLE = (
    "项目\t预算数\t实际支出数\t执行率\n"
    "资金总额\t320.00\t310.40\t97.00%\n"
    "基本支出\t200.00\t196.20\t98.10%\n"
    "项目支出\t120.00\t114.20\t95.17%\n"
)

EARLIER = [
    "说明：2022年度实际支出288.60万元，预算执行率93.20%。\n",
    "注：1.其他资金为上级补助。\n2.2022年全年支出合计288.60万元。\n",
    "备注：2021年度支出决算数为275.30万元。\n",
    "2022年全年预算数为300.00万元，全年执行率92.5%。\n",
]


@pytest.mark.parametrize("note", EARLIER)
def test_an_earlier_years_amount_beside_this_years_is_that_years(note: str) -> None:
    result = import_text(TITLE + TABLE + note)
    money = money_only(claimed_figures(result))
    assert money["executed.total"] == "310.4"
    assert money["budget.total"] == "320"
    found = [f.id for f in result.findings]
    assert "import.W003" not in found
    assert "import.W005" not in found
    assert "import.W013" not in found
    assert claimed_figures(result).get("rates.execution") == "97"


def test_an_amount_dated_to_the_reports_own_year_that_differs_is_still_a_contradiction() -> None:
    result = import_text(TITLE + TABLE + "说明：2023年度实际支出301.60万元。\n")
    assert "import.W003" in [f.id for f in result.findings]


def test_an_earlier_dated_amount_equal_to_the_undated_one_is_the_reports_own() -> None:
    """Title 2023, the body's money all dated 2022 and restated undated in the table: the title
    year the body contradicts (import.W013), the amount read."""
    note = "2022年度实际支出310.40万元，其中基本支出196.20万元。\n"
    result = import_text(TITLE + TABLE + note)
    assert money_only(claimed_figures(result))["executed.total"] == "310.4"
    assert "import.W013" in [f.id for f in result.findings]


def test_an_earlier_dated_amount_with_no_undated_one_beside_it_is_left_as_before() -> None:
    """No undated amount of the same class and phase: the year alone decides nothing (W013)."""
    text = "一、预算执行情况\n2022年度部门全年预算数320.00万元，实际支出310.40万元。\n"
    result = import_text(TITLE + text)
    assert money_only(claimed_figures(result)).get("budget.total") == "320"
