"""Arithmetic reconciliation (jixiao/importers/reconcile.py and where the readers use it):
of the readings a clause admits, the one whose parts add up to the total the report states;
stated numbers are never changed, and a difference is a finding naming both places.

Every text here was written for these tests (not copied from any report).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.figures import FigureBook
from jixiao.importers.reconcile import Reading, choose, describe_difference
from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县林业局2023年度部门整体支出绩效评价报告\n"
D = Decimal


def figures_read(result: ImportResult) -> dict[str, str]:
    return claimed_figures(result)


def by_id(result: ImportResult, finding_id: str) -> list:
    return [f for f in result.findings if f.id == finding_id]


# ── the step itself ─────────────────────────────────────────────────────────────────────────


def test_choose_keeps_the_only_reading_that_adds_up() -> None:
    right = Reading("a", D("800"), (D("500"), D("300")), "a")
    wrong = Reading("b", D("52.3"), (D("500"), D("300")), "b")
    assert choose([wrong, right]) is right
    assert right.adds_up and right.difference == 0
    assert wrong.difference == D("747.7")


def test_choose_decides_nothing_when_none_or_several_add_up() -> None:
    one = Reading("a", D("800"), (D("500"), D("300")), "a")
    same = Reading("b", D("800"), (D("300"), D("500")), "b")
    off = Reading("c", D("801"), (D("500"), D("300")), "c")
    assert choose([one, same]) is None
    assert choose([off]) is None
    assert choose([]) is None
    assert not Reading("empty", D("0"), (), None).adds_up


def test_a_difference_is_described_with_the_reports_own_wording() -> None:
    text = describe_difference(
        "支出合计936.18万元", ["基本支出702.45万元", "项目支出233.64万元"], D("-0.09")
    )
    assert text == "支出合计936.18万元 ≠ 基本支出702.45万元＋项目支出233.64万元（差0.09万元）"


# ── 调整预算: the adjusted budget or the adjustment ─────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 年初 + X = 全年: X is the adjustment
        (
            "年初预算1,020.00万元，全年预算1,096.50万元，调整预算76.50万元。",
            {"budget.total": "1096.5", "budget.supplement": "76.5"},
        ),
        # no adjusted budget stated, X above the initial: X is the adjusted budget
        ("年初预算600万元，调整预算640万元。", {"budget.total": "640"}),
    ],
)
def test_an_adjustment_is_read_by_the_arithmetic(text: str, expected: dict[str, str]) -> None:
    found = figures_read(import_text(TITLE + text))
    assert {k: v for k, v in found.items() if k in expected} == expected


def test_an_adjustment_the_arithmetic_cannot_place_is_left_out_with_a_finding() -> None:
    result = import_text(TITLE + "年初预算600万元，全年预算700万元，调整预算60万元。")
    assert "budget.supplement" not in result.sources
    (finding,) = by_id(result, "import.W007")
    assert "调整预算60万元" in finding.message


# ── 其中: parts of the amount right before, or of an earlier total ─────────────────────────


def test_parts_after_a_comparison_amount_belong_to_the_total_they_add_up_to() -> None:
    text = TITLE + (
        "2023年度决算支出总额860.40万元，较上年减少35.10万元，其中：基本支出600.25万元，"
        "项目支出260.15万元。"
    )
    result = import_text(text, file="r.txt")
    assert figures_read(result) == {
        "executed.total": "860.4",
        "executed.basic": "600.25",
        "executed.project": "260.15",
    }
    (finding,) = by_id(result, "import.I011")
    assert finding.source is not None and finding.source.text is not None
    assert finding.source.text.startswith("2023年度决算支出总额860.40万元")
    assert finding.source.text.endswith("项目支出260.15万元")
    assert "较上年减少35.10万元" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        # the parts add up to neither amount: nothing is guessed
        "2023年度决算支出总额860.40万元，较上年减少35.10万元，其中：基本支出600.00万元，项目支出200.00万元。",
        # the parts are the decrease's own (they add up to it)
        "2023年度决算支出总额860.40万元，较上年减少35.10万元，其中：基本支出减少20.10万元，项目支出减少15.00万元。",
    ],
)
def test_parts_that_do_not_add_up_to_an_earlier_total_stay_unread(text: str) -> None:
    result = import_text(TITLE + text)
    found = figures_read(result)
    assert "executed.basic" not in found and "executed.project" not in found
    assert not by_id(result, "import.I011")


# ── 万元 or 元 ──────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("2023年度支出合计1254.73元，其中：基本支出823.15万元，项目支出431.58万元。", "1254.73元"),
        ("2023年度支出合计1254.73万元，其中：基本支出823.15万元，项目支出431.58元。", "431.58元"),
    ],
)
def test_a_unit_slip_is_read_by_the_arithmetic_with_a_warning_at_both_places(
    text: str, slip: str
) -> None:
    result = import_text(TITLE + text, file="r.txt")
    assert figures_read(result) == {
        "executed.total": "1254.73",
        "executed.basic": "823.15",
        "executed.project": "431.58",
    }
    (finding,) = by_id(result, "import.W014")
    assert slip in finding.message and "按万元读取" in finding.message
    assert "合计在第2段，分项在第2段" in finding.hint


def test_amounts_in_yuan_that_add_up_as_written_are_not_reread() -> None:
    text = (
        TITLE
        + "2023年度支出合计3,456,789.00元，其中：基本支出2,364,000.00元，项目支出1,092,789.00元。"
    )
    result = import_text(text)
    assert not by_id(result, "import.W014")
    assert FigureBook(result.dossier).figure("executed.total").stated == D("345.6789")


def test_a_total_no_unit_rereading_explains_stays_as_stated_with_its_difference() -> None:
    text = TITLE + "2023年度支出合计936.18万元，其中：基本支出702.45万元，项目支出233.64万元。"
    result = import_text(text, file="r.txt")
    assert not by_id(result, "import.W014")
    (finding,) = by_id(result, "import.W005")
    assert "936.09" in finding.message and "936.18" in finding.message
    assert "合计在第2段，分项在第2段" in finding.hint  # both places named
    assert FigureBook(result.dossier).figure("executed.total").stated == D("936.18")


# ── an adjusted budget with a split by funding ─────────────────────────────────────────────


def test_an_adjusted_budgets_split_by_funding_is_read() -> None:
    text = TITLE + "全年预算数980.00万元，其中基本支出680.00万元，项目支出300.00万元。"
    assert figures_read(import_text(text)) == {
        "budget.total": "980",
        "budget.basic": "680",
        "budget.project": "300",
    }


# ── amounts with no phase that add up to an amount read with one ───────────────────────────


def _lines(result: ImportResult) -> dict[str, tuple[str, str]]:
    return {
        line.item.value: (line.phase.value, str(line.amount)) for line in result.dossier.money.lines
    }


def test_phaseless_parts_take_the_phase_of_the_amount_they_add_up_to() -> None:
    text = TITLE + (
        "2023年度支出合计900.00万元，其中基本支出600.00万元，项目支出300.00万元。"
        "基本支出中，人员经费520.40万元，公用经费79.60万元。"
    )
    result = import_text(text, file="r.txt")
    lines = _lines(result)
    assert lines["人员经费"] == ("执行", "520.40") and lines["公用经费"] == ("执行", "79.60")
    (finding,) = by_id(result, "import.I012")
    assert "人员经费520.40万元＋公用经费79.60万元" in finding.message
    assert "基本支出600.00万元" in finding.message
    assert not by_id(result, "import.W007")


@pytest.mark.parametrize(
    "body",
    [
        # adds up to nothing
        "2023年度支出合计900.00万元，其中基本支出600.00万元，项目支出300.00万元。"
        "基本支出中，人员经费520.40万元，公用经费70.60万元。",
        # adds up to 基本支出 and to 项目支出 alike
        "2023年度支出合计900.00万元，其中基本支出450.00万元，项目支出450.00万元。"
        "人员经费400.00万元，公用经费50.00万元。",
    ],
)
def test_phaseless_parts_the_arithmetic_cannot_place_stay_unread(body: str) -> None:
    result = import_text(TITLE + body)
    assert "人员经费" not in _lines(result) and "公用经费" not in _lines(result)
    assert by_id(result, "import.W007") and not by_id(result, "import.I012")


def test_phaseless_parts_of_a_class_whose_budget_and_spending_are_equal_stay_unread() -> None:
    text = TITLE + (
        "年初预算基本支出600.00万元。2023年度实际支出基本支出600.00万元。"
        "基本支出中，人员经费520.40万元，公用经费79.60万元。"
    )
    result = import_text(text)
    assert "人员经费" not in _lines(result)
    assert not by_id(result, "import.I012")


# ── a table that states no unit ─────────────────────────────────────────────────────────────

TABLE = "项目\t预算数\t决算数\n基本支出\t{b}\t{e}\n项目支出\t{pb}\t{pe}\n合计\t{tb}\t{te}\n"
IN_WAN = TABLE.format(b="500.00", e="480.00", pb="300.00", pe="280.00", tb="800.00", te="760.00")
IN_YUAN = TABLE.format(
    b="5,000,000.00",
    e="4,800,000.00",
    pb="3,000,000.00",
    pe="2,800,000.00",
    tb="8,000,000.00",
    te="7,600,000.00",
)


@pytest.mark.parametrize(
    ("prose", "table", "unit"),
    [
        ("年初预算800.00万元。\n", IN_WAN, "万元"),
        ("年初预算800.00万元。\n", IN_YUAN, "元"),
        ("年初预算8,000,000.00元。\n", IN_YUAN, "元"),
    ],
)
def test_a_table_without_a_unit_is_read_in_the_unit_the_prose_agrees_with(
    prose: str, table: str, unit: str
) -> None:
    result = import_text(TITLE + prose + table, file="r.txt")
    found = figures_read(result)
    assert found["budget.basic"] == "500" and found["executed.project"] == "280"
    (finding,) = by_id(result, "import.I013")
    assert f"按{unit}读取" in finding.message and "第2段" in finding.hint


@pytest.mark.parametrize(
    "prose",
    [
        "年初预算801.00万元。\n",  # agrees with neither unit
        "全年共开展培训800次。\n",  # no amount to agree with
    ],
)
def test_a_table_without_a_unit_the_prose_does_not_settle_is_not_read(prose: str) -> None:
    result = import_text(TITLE + prose + IN_WAN)
    assert "budget.basic" not in figures_read(result)
    assert not by_id(result, "import.I013")


# ── 决算 beside 执行: the same spending when the totals agree ─────────────────────────────────

FINAL_TABLE = (
    "单位：万元\n项目\t预算数\t决算数\n基本支出\t500.00\t480.00\n项目支出\t300.00\t280.00\n"
)


@pytest.mark.parametrize("table", [FINAL_TABLE, FINAL_TABLE + "合计\t800.00\t760.00\n"])
def test_a_final_accounts_table_agreeing_with_the_prose_spending_is_that_spending(
    table: str,
) -> None:
    found = figures_read(import_text(TITLE + "2023年度支出合计760.00万元。\n" + table))
    assert found["executed.total"] == "760"
    assert found["executed.basic"] == "480" and found["executed.project"] == "280"


def test_a_final_accounts_table_disagreeing_with_the_prose_stays_apart() -> None:
    found = figures_read(import_text(TITLE + "2023年度支出合计761.00万元。\n" + FINAL_TABLE))
    assert found["executed.total"] == "761"
    assert "executed.basic" not in found  # the 决算 parts are not this 761's
