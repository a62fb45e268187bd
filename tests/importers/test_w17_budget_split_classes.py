"""Budget classes of the w17 first run (tests/fixtures/corpus/w17-06, w17-08), each pinned by
variants written for these tests (not copied from any report, nor from the corpus files): the
figures each must give, and nothing else (precision first). Each class has variants that must NOT
be read.

Classes: 可用资金总额 (当年拨款 + 上年结转) is the year's budget; a 基本/项目 split left with no
phase after a split by fund type takes the phase of the one total it adds up to (import.I012).
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县自然资源局2021年度部门整体支出绩效自评报告\n一、部门整体支出情况\n"


def money_read(text: str) -> dict[str, str]:
    return money_only(claimed_figures(import_text(TITLE + text)))


@pytest.mark.parametrize("word", ["部门可用资金总额", "可用资金总额", "全年可用资金"])
def test_available_funds_are_the_years_budget(word: str) -> None:
    text = f"2022年{word}1,536.72万元，其中当年财政预算拨款1,402.50万元、上年结转134.22万元。"
    assert money_read(text)["budget.total"] == "1536.72"


SPLIT = (
    "2021年部门预算总额3,642.18万元，其中一般公共预算2,108.36万元、政府性基金预算1,533.82万元；"
    "按支出性质分，基本支出{basic}万元、项目支出2,556.78万元。全年实际支出{spent}万元。"
)


def test_a_split_after_a_split_by_fund_type_takes_the_phase_of_its_total() -> None:
    read = money_read(SPLIT.format(basic="1,085.40", spent="3,398.75"))
    assert read["budget.basic"] == "1085.4" and read["budget.project"] == "2556.78"


@pytest.mark.parametrize(
    ("basic", "spent"),
    [("1,085.40", "3,642.18"), ("1,000.00", "3,398.75")],  # both totals match; neither does
)
def test_a_split_the_sum_cannot_place_is_not_taken_for_the_budget(basic: str, spent: str) -> None:
    # (the evaluation report's default, spending, may stand: the sum decides nothing here)
    read = money_read(SPLIT.format(basic=basic, spent=spent))
    assert "budget.basic" not in read and "budget.project" not in read
