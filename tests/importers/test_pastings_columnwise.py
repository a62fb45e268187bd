"""A 自评表's block copied from a PDF one column at a time, one cell a line
(pastings/columnwise.py), read through the whole importer. Variants written for these tests (not
copied from any report): the figures each must give, and what must not be read.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县水利局2023年度部门整体支出绩效自评表\n单位：万元\n"


def read(text: str) -> dict[str, str]:
    return claimed_figures(import_text(text))


def lines(*cells: str) -> str:
    return "\n".join(cells) + "\n"


LABELS = ("项目", "年度资金总额", "其中：财政拨款", "其他资金")
INITIAL = ("年初预算数", "1,250.00", "1,180.00", "70.00")
ADJUSTED = ("全年预算数", "1,312.60", "1,242.60", "70.00")
SPENT = ("全年执行数", "1,276.35", "1,210.15", "66.20")
RATE = ("执行率", "97.24%", "97.39%", "94.57%")
EXPECTED = {"budget.initial_total": "1250", "budget.total": "1312.6", "executed.total": "1276.35"}


# ── 1. the money block column by column ────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "cells",
    [
        (*LABELS, *INITIAL, *ADJUSTED, *SPENT, *RATE),
        (*LABELS[1:], *INITIAL, *ADJUSTED, *SPENT, *RATE),  # no caption cell
        ("资金情况", *LABELS[1:], *INITIAL, *ADJUSTED, *SPENT, *RATE),
        # the 财政部 form's order: 分值 between the money and the rate, the scores the total's alone
        (*LABELS, *INITIAL, *ADJUSTED, *SPENT, "分值", "10", "执行率", "97.24%", "得分", "9.72"),
        # merged or blank cells as "/" and as empty lines
        (
            *LABELS,
            *INITIAL,
            *ADJUSTED,
            *SPENT,
            *RATE,
            "分值",
            "10",
            "/",
            "/",
            "得分",
            "9.72",
            "",
            "",
        ),
    ],
)
def test_a_money_block_copied_column_by_column_is_read(cells: tuple[str, ...]) -> None:
    figures = read(TITLE + lines(*cells))
    assert money_only(figures) == EXPECTED
    assert figures["rates.execution"] == "97.24"


def test_the_rebuilt_rows_are_the_usual_form_rows_and_quote_the_original() -> None:
    text = TITLE + lines(*LABELS, *INITIAL, *ADJUSTED, *SPENT, *RATE)
    assert "项目\t年初预算数\t全年预算数\t全年执行数\t执行率\n年度资金总额\t1,250.00" in (
        normalise(text).text
    )
    assert import_text(text).sources["executed.total"].text.endswith("1,276.35")


def test_a_rate_only_for_the_total_row_is_the_total_s() -> None:
    cells = (*LABELS, *INITIAL, *ADJUSTED, *SPENT, "预算执行率", "97.24%", "分值", "10")
    assert read(TITLE + lines(*cells))["rates.execution"] == "97.24"


def test_a_title_the_pdf_wrapped_over_two_lines_and_spaced_titles_are_read() -> None:
    cells = (
        *LABELS,
        "年 初 预 算 数",
        *INITIAL[1:],
        "全年预算",
        "数",
        *ADJUSTED[1:],
        *SPENT,
        *RATE,
    )
    assert money_only(read(TITLE + lines(*cells))) == EXPECTED


def test_bare_rates_under_a_rate_title_with_its_unit_are_checked() -> None:
    cells = (*LABELS, *INITIAL, *ADJUSTED, *SPENT, "执行率(%)", "97.24", "97.39", "94.57")
    assert money_only(read(TITLE + lines(*cells))) == EXPECTED


def test_a_split_by_source_with_the_carry_over_adds_up_and_is_read() -> None:
    cells = (
        *("项目", "资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"),
        *("年初预算数", "800.00", "760.00", "0.00", "40.00"),
        *("全年预算数", "905.00", "790.00", "75.00", "40.00"),
        *("全年执行数", "880.00", "775.00", "70.00", "35.00"),
    )
    money = money_only(read(TITLE + lines(*cells)))
    assert money["budget.total"] == "905"
    assert money["executed.total"] == "880"


def test_a_split_by_funding_is_read_as_the_parts() -> None:
    cells = (
        *("项目", "合计", "基本支出", "项目支出"),
        *("预算数", "980.00", "620.00", "360.00"),
        *("执行数", "950.00", "615.00", "335.00"),
    )
    money = money_only(read(TITLE + lines(*cells)))
    assert money["executed.basic"] == "615"
    assert money["executed.project"] == "335"
    assert money["executed.total"] == "950"


# ── 2. what must not be read ───────────────────────────────────────────────────────────────────


def _not_rebuilt(cells: tuple[str, ...]) -> dict[str, str]:
    text = TITLE + lines(*cells)
    assert "\t" not in normalise(text).text
    figures = read(text)
    assert "rates.execution" not in figures
    return figures


def test_a_column_with_a_cell_lost_is_not_rebuilt() -> None:
    spent = ("全年执行数", "1,276.35", "66.20")  # 财政拨款's cell lost
    figures = _not_rebuilt((*LABELS, *INITIAL, *ADJUSTED, *spent, *RATE))
    assert "executed.total" not in figures


def test_a_column_with_a_cell_too_many_is_not_rebuilt() -> None:
    _not_rebuilt((*LABELS, *INITIAL, *ADJUSTED, *SPENT, *RATE, "12.00"))


def test_a_block_whose_rates_do_not_hold_is_not_rebuilt() -> None:
    _not_rebuilt((*LABELS, *INITIAL, *ADJUSTED, *SPENT, "执行率", "96.00%", "97.39%", "94.57%"))


def test_a_block_whose_parts_miss_the_whole_is_not_rebuilt() -> None:
    adjusted = ("全年预算数", "1,312.60", "1,242.60", "80.00")
    _not_rebuilt((*LABELS, *INITIAL, adjusted[0], *adjusted[1:], *SPENT))


def test_project_names_followed_by_numbers_are_no_table() -> None:
    cells = (
        *("重点项目", "农村饮水安全巩固", "河道综合治理", "水土保持"),
        *("年初预算数", "500.00", "300.00", "200.00"),
        *("全年执行数", "480.00", "290.00", "195.00"),
    )
    figures = _not_rebuilt(cells)
    assert not money_only(figures)


# ── 3. a staffing table column by column ───────────────────────────────────────────────────────

STAFF = ("项目", "在职人员", "退休人员", "合计")


@pytest.mark.parametrize(
    "cells",
    [
        (*STAFF, "编制数", "20", "/", "20", "实有人数", "18", "6", "24"),
        (*STAFF[:3], "编制数", "20", "-", "实有人数", "18", "6"),
    ],
)
def test_a_staffing_table_copied_column_by_column_is_read_by_role(cells: tuple[str, ...]) -> None:
    figures = read(TITLE + lines(*cells))
    assert figures["staffing.authorized"] == "20"
    assert figures["staffing.in_service"] == "18"
    assert figures["staffing.retired"] == "6"


def test_a_staffing_table_whose_total_misses_is_not_read() -> None:
    cells = (*STAFF, "编制数", "20", "/", "20", "实有人数", "18", "6", "25")
    figures = read(TITLE + lines(*cells))
    assert "\t" not in normalise(TITLE + lines(*cells)).text
    assert "staffing.retired" not in figures


def test_a_row_label_the_form_readers_do_not_know_may_stand_among_known_ones() -> None:
    cells = (
        *("项目", "资金总额", "财政拨款", "其中：一般公共预算", "其他资金"),
        *("年初预算数", "1,250.00", "1,180.00", "1,000.00", "70.00"),
        *("全年执行数", "1,276.35", "1,210.15", "1,020.00", "66.20"),
    )
    money = money_only(read(TITLE + lines(*cells)))
    assert money["budget.initial_total"] == "1250"
    assert money["executed.total"] == "1276.35"


def test_a_first_title_wrapped_by_the_pdf_is_no_row_label() -> None:
    cells = (*LABELS, "年初预", "算数", *INITIAL[1:], *ADJUSTED, *SPENT, *RATE)
    assert money_only(read(TITLE + lines(*cells))) == EXPECTED


# ── 4. a staffing block of key/value pairs copied column by column ─────────────────────────────


@pytest.mark.parametrize(
    "cells",
    [
        ("人员情况", "编制数", "其中：在职", "12", "11", "实有人数", "退休", "17", "6"),
        ("编制人数", "在职人数", "12人", "11人", "实有人数", "退休人数", "17人", "6人"),
        (
            "人员编制情况",
            "人员编制数",
            "其中：在职人数",
            "12",
            "11",
            "实有人数",
            "退休人数",
            "17",
            "6",
        ),
        # one column of keys and one of counts: a header flattened before its values, proven by
        # the split of 实有 adding up
        ("编制数", "实有人数", "在职人数", "退休人数", "12", "17", "11", "6"),
    ],
)
def test_staffing_pairs_copied_column_by_column_are_read(cells: tuple[str, ...]) -> None:
    figures = read(TITLE + lines(*cells))
    assert figures["staffing.authorized"] == "12"
    assert figures["staffing.in_service"] == "11"
    assert figures["staffing.retired"] == "6"


@pytest.mark.parametrize(
    "cells",
    [
        # 实有 17 is not 在职 11 + 退休 5
        ("人员情况", "编制数", "其中：在职", "12", "11", "实有人数", "退休", "17", "5"),
        # a count lost: the keys' column is longer than the counts'
        ("人员情况", "编制数", "其中：在职", "12", "实有人数", "退休", "17", "6"),
        # a role twice
        ("人员情况", "编制数", "在职", "12", "11", "实有人数", "在职", "17", "6"),
        # (a caption over role titles over as many counts, "人员情况" / "编制数" / "实有人数" /
        # "退休人数" / "12" / "17" / "6", is read in order since w40: either way of flattening
        # keeps the order, see test_w40_form_staffing_and_rates)
    ],
)
def test_staffing_pairs_not_proven_are_not_rebuilt(cells: tuple[str, ...]) -> None:
    text = TITLE + lines(*cells)
    assert "\t" not in normalise(text).text
    figures = read(text)
    assert "staffing.retired" not in figures
    assert figures.get("staffing.in_service") in (None, "11")


def test_a_staffing_table_flattened_row_by_row_is_no_run_of_pairs() -> None:
    """Its row label names a role (在职人员) right after the column titles: the rows stay one cell a
    line for the flattened-table readers, which read them by row and column."""
    text = TITLE + lines("类别", "编制数", "实有人数", "在职人员", "12", "11", "退休人员", "—", "6")
    assert "\t" not in normalise(text).text
    figures = read(text)
    assert figures["staffing.authorized"] == "12"
    assert figures["staffing.in_service"] == "11"
    assert figures["staffing.retired"] == "6"
