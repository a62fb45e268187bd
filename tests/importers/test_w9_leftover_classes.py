"""The three w9 leftovers (tests/fixtures/corpus/w9-01 … w9-03), each pinned by wording variants
written for these tests (not copied from any report, nor from the corpus files): the figures each
must give, and nothing else (precision first). Each class has variants that must NOT be read.

Classes: a 基本/项目 split with no phase word whose parts add up to the stated budget (and not to
the spending): the budget's split (import.I012); "预算支出" set against a spending total in the
same sentence: the budget (import.I014); a money table flattened one cell per line whose 合计 row
adds up in one column but not in the other: read, and the difference reported (import.W005).
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县气象局2023年度部门整体支出绩效自评报告\n"


def money_read(text: str) -> dict[str, str]:
    return money_only(claimed_figures(import_text(TITLE + text)))


def finding_ids(text: str) -> list[str]:
    return [finding.id for finding in import_text(TITLE + text).findings]


# ── 1. a 基本/项目 split with no phase word that adds up to the budget ─────────────────────────

BUDGET_SPLITS = [
    # the split in a sentence of its own, after a split by 资金来源
    "全年预算数为826.40万元，其中财政拨款786.40万元、其他收入40.00万元。\n"
    "按支出性质分，基本支出516.40万元，项目支出310.00万元。\n"
    "全年实际支出790.15万元，其中基本支出508.20万元，项目支出281.95万元。",
    "2023年调整后预算826.40万元。从支出结构看：基本支出516.40万元；项目支出310.00万元。\n"
    "本年实际支出790.15万元。",
    # in the budget's own sentence the paragraph's budget word decides (no sum needed)
    "年度预算安排826.40万元，分别为基本支出516.40万元和项目支出310.00万元。决算支出790.15万元。",
]


@pytest.mark.parametrize("text", BUDGET_SPLITS)
def test_phaseless_split_adding_up_to_the_budget_is_the_budgets(text: str) -> None:
    read = money_read(text)
    assert read["budget.basic"] == "516.4" and read["budget.project"] == "310"
    assert read.get("executed.basic") in (None, "508.2")
    assert ("import.I012" in finding_ids(text)) == ("分别" not in text)


def test_phaseless_split_adding_up_to_the_spending_stays_the_spending() -> None:
    text = (
        "全年预算数为826.40万元。全年实际支出790.15万元。基本支出508.20万元，项目支出281.95万元。"
    )
    read = money_read(text)
    assert read["executed.basic"] == "508.2" and "budget.basic" not in read


def test_phaseless_split_when_budget_equals_spending_is_not_decided_by_the_sum() -> None:
    text = (
        "全年预算数为800.00万元。全年实际支出800.00万元。基本支出500.00万元，项目支出300.00万元。"
    )
    read = money_read(text)
    assert "budget.basic" not in read  # both add up: the evaluation report's default stands
    assert "import.I012" not in finding_ids(text)


def test_phaseless_split_adding_up_to_nothing_keeps_the_default() -> None:
    text = (
        "全年预算数为826.40万元。全年实际支出790.15万元。基本支出500.00万元，项目支出300.00万元。"
    )
    read = money_read(text)
    assert "budget.basic" not in read and "budget.project" not in read


# ── 2. 预算支出 set against a spending total in one sentence ───────────────────────────────────

CONTRASTED = [
    ("全年预算支出1.2520亿元，全年实际支出1.1316亿元，预算执行率90.38%。", "12520"),
    ("2023年部门预算支出986.30万元，实际支出951.72万元。", "986.3"),
    ("本年度预算支出为986.30万元；决算支出951.72万元。", "986.3"),  # the next sentence
    ("全年预算支出总额986.30万元。全年实际支出951.72万元，其中基本支出600.00万元。", "986.3"),
    ("全年预算支出986.30万元。\n全年实际支出951.72万元。", None),  # another paragraph
    ("全年预算支出986.30万元。全年完成项目12个。全年实际支出951.72万元。", None),  # too far
    ("全年预算支出986.30万元。", None),  # alone: budgeted, or spent from the budget?
    ("全年预算支出986.30万元，较上年增长5.2%。", None),
]


@pytest.mark.parametrize(("text", "budget"), CONTRASTED)
def test_budgeted_spending_against_the_spending_of_its_sentence(
    text: str, budget: str | None
) -> None:
    read = money_read(text)
    assert read.get("budget.total") == budget
    assert ("import.I014" in finding_ids(text)) == (budget is not None)


def test_contrasted_budget_lets_the_check_see_a_contradicted_rate() -> None:
    from jixiao.frameworks import evaluate_with

    result = import_text(
        TITLE + "全年预算支出1.2520亿元，全年实际支出1.1316亿元，预算执行率为95.50%。"
    )
    messages = " ".join(f.message for f in evaluate_with(result.dossier).findings)
    assert "95.5" in messages


# ── 3. a flattened money table whose 合计 row adds up in one column only ──────────────────────

FLAT_TABLE = (
    "表1 支出情况（单位：元）\n项目\n全年预算数\n实际支出数\n"
    "基本支出\n6,236,700.00\n6,105,236.45\n"
    "项目支出\n4,147,800.00\n3,320,118.60\n"
    "合计\n10,384,500.00\n{spent_total}\n"
    "全年支出{spent_total}元。\n"
)


def test_flat_table_with_one_column_not_adding_up_is_read_and_the_difference_reported() -> None:
    text = FLAT_TABLE.format(spent_total="9,525,355.05")
    result = import_text(TITLE + text)
    read = money_only(claimed_figures(result))
    assert read["executed.basic"] == "610.523645" and read["executed.project"] == "332.01186"
    assert read["budget.basic"] == "623.67"
    w005 = [f for f in result.findings if f.id == "import.W005"]
    assert len(w005) == 1 and "9425355.05元" in w005[0].message
    assert w005[0].source is not None and "9,525,355.05" in w005[0].source.text


def test_flat_table_adding_up_in_every_column_gives_no_difference() -> None:
    result = import_text(TITLE + FLAT_TABLE.format(spent_total="9,425,355.05"))
    assert money_only(claimed_figures(result))["executed.total"] == "942.535505"
    assert "import.W005" not in [f.id for f in result.findings]


def test_flat_table_adding_up_in_no_column_is_not_read() -> None:
    text = FLAT_TABLE.format(spent_total="9,525,355.05").replace("10,384,500.00", "10,384,600.00")
    read = money_read(text)
    assert "executed.basic" not in read and "budget.basic" not in read


def test_flat_table_with_a_lost_cell_is_not_read() -> None:
    text = FLAT_TABLE.format(spent_total="9,425,355.05").replace("4,147,800.00\n", "", 1)
    read = money_read(text)
    assert "budget.project" not in read and "executed.project" not in read
