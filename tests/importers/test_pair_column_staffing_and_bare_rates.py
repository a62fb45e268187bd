"""A staffing block written one pair a row (a caption, then "编制数 | 12" over "实有人数 | 17" over
"在职人数 | 11"…), stacked above the money block or side by side with it in one wide WPS row, and a
money block proven by bare rates under a "执行率(%)" title; variants written for these tests."""

from __future__ import annotations

import pytest

from jixiao.core.figures import FigureBook
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

HEAD = "某县某局2022年度部门整体支出绩效自评表\n单位：万元\n"
STAFF = {
    "staffing.authorized": "12",
    "staffing.actual_total": "17",
    "staffing.in_service": "11",
    "staffing.retired": "5",
}
MONEY = {
    "budget.total": "660.91",
    "executed.total": "630.11",
    "budget.basic": "248.16",
    "executed.basic": "246.93",
    "rates.execution": "95.34",
}


def _assert(figures: dict[str, str], expected: dict[str, str]) -> None:
    for key, value in expected.items():
        assert figures.get(key) == value, (key, figures)


@pytest.mark.parametrize(
    ("caption", "keys"),
    [
        ("人员情况", ("编制数", "实有人数", "在职人数", "退休人数")),
        ("人员编制情况", ("核定编制", "实有人员", "在职人员", "退休人员")),
        ("人员", ("编制人数", "实有人数", "在职人数", "离退休人数")),
    ],
)
def test_a_staffing_block_of_one_pair_a_row_is_read(caption: str, keys: tuple[str, ...]) -> None:
    counts = ("12", "17", "11", "5")
    rows = [
        f"{caption if n == 0 else ''}\t{key}\t{count}"
        for n, (key, count) in enumerate(zip(keys, counts, strict=True))
    ]
    text = HEAD + "\n".join(rows) + "\n\t编外人员\t3\n"
    _assert(claimed_figures(import_text(text)), STAFF)


def test_a_lone_pair_of_another_kind_under_a_staffing_pair_is_not_staffing() -> None:
    text = HEAD + "人员情况\t编制数\t12\n\t内设机构\t5\n"
    figures = claimed_figures(import_text(text))
    assert "staffing.actual_total" not in figures and figures.get("staffing.authorized") == "12"


def _side_by_side(
    rate_title: str, rates: tuple[str, str, str], caption: str = "预算执行情况"
) -> str:
    return HEAD + (
        f"人员情况\t编制数\t12\t{caption}\t项目\t年初预算数\t全年预算数\t全年执行数\t{rate_title}\t分值\t得分\n"
        f"\t实有人数\t17\t\t基本支出\t236.40\t248.16\t246.93\t{rates[0]}\t\t\n"
        f"\t在职人数\t11\t\t项目支出\t180.00\t412.75\t383.18\t{rates[1]}\t\t\n"
        f"\t退休人数\t5\t\t合计\t416.40\t660.91\t630.11\t{rates[2]}\t10\t9.5\n"
        "\t离休人数\t1\t\t\t\t\t\t\t\t\n"
    )


@pytest.mark.parametrize(
    ("rate_title", "rates"),
    [
        ("执行率(%)", ("99.50", "92.84", "95.34")),
        ("执行率（%）", ("99.5", "92.8", "95.3")),
        ("执行率", ("99.50%", "92.84%", "95.34%")),
    ],
)
def test_a_pair_block_beside_the_money_block_is_read_both(
    rate_title: str, rates: tuple[str, str, str]
) -> None:
    result = import_text(_side_by_side(rate_title, rates))
    figures = claimed_figures(result)
    _assert(figures, STAFF)
    _assert(figures, {k: v for k, v in MONEY.items() if k != "rates.execution"})
    stated = FigureBook(result.dossier).figure("rates.execution").stated
    assert stated is not None and f"{stated.normalize():f}" == rates[2].rstrip("%")


def test_a_side_by_side_pair_block_whose_head_count_misses_its_parts_is_not_rebuilt() -> None:
    text = _side_by_side("执行率(%)", ("99.50", "92.84", "95.34")).replace(
        "\t实有人数\t17", "\t实有人数\t19"
    )
    figures = claimed_figures(import_text(text))
    assert figures.get("staffing.actual_total") != "19" or "budget.total" not in figures


def test_bare_rates_that_miss_their_rows_do_not_prove_the_block() -> None:
    text = _side_by_side("执行率(%)", ("88.00", "92.84", "95.34"))
    figures = claimed_figures(import_text(text))
    assert figures.get("budget.basic") != "236.4"  # never a year-start budget read as the budget
