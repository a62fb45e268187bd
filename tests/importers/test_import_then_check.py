"""Import feeds the checks: inconsistencies in a report are found by import + check, pointing at
the places in the original text (corpus consistency_notes and typical published mistakes)."""

from __future__ import annotations

from jixiao.core.findings import Finding
from jixiao.frameworks import evaluate_with
from jixiao.importers.text import import_text

from .conftest import corpus_text

TITLE = "某县某某局2021年度部门整体支出绩效自评报告\n"


def check(text: str, file: str = "r.txt") -> list[Finding]:
    return evaluate_with(import_text(text, file=file).dossier).findings


def by_id(findings: list[Finding], finding_id: str) -> list[Finding]:
    return [f for f in findings if f.id == finding_id]


def test_corpus_03_income_spending_and_balance_that_do_not_reconcile_are_found() -> None:
    # 预算收入 69.06 + 其他资金来源 21.31 − 支出 76.36 leaves 14.01, yet 结余结转 0 (consistency note)
    findings = check(corpus_text("03"), "03.txt")
    (balance,) = by_id(findings, "budget.W006")
    assert "应结余14.01万元" in balance.message and "年末结转结余0万元" in balance.message
    assert not by_id(findings, "budget.E002")  # 76.36 is within 69.06 + 21.31 of available funds


def test_corpus_r2_17_special_funds_that_differ_from_project_spending_are_found() -> None:
    # 专项经费 280 vs 项目支出 700.57, two project figures with no reconciliation (consistency note)
    findings = check(corpus_text("r2-17"), "r2-17.txt")
    (mismatch,) = by_id(findings, "budget.W008")
    assert mismatch.message == "专项经费支出280万元，项目支出700.57万元，两者未作说明"


def test_corpus_r2_17_spending_above_income_is_found() -> None:
    # 支出 2604.24 exceeds 收入 2602.28 by 1.96, no 年初结转 mentioned (consistency note)
    findings = check(corpus_text("r2-17"), "r2-17.txt")
    (over,) = by_id(findings, "budget.W007")
    assert over.message == "支出2604.24万元超过收入2602.28万元，差额1.96万元"


def test_corpus_06_spending_above_the_approved_budget_is_found() -> None:
    findings = check(corpus_text("06"), "06.txt")
    assert by_id(findings, "budget.E002")


def test_parts_missing_their_total_by_hundredths() -> None:
    findings = check(TITLE + "2021年支出合计100.00万元,其中基本支出60.01万元,项目支出40.00万元。")
    mismatch = by_id(findings, "executed.E001")
    assert mismatch and mismatch[0].where.source is not None
    assert mismatch[0].where.source.text == "2021年支出合计100.00万元"


def test_the_same_amount_stated_differently_in_two_sections() -> None:
    findings = check(
        TITLE + "一、概况\n2021年基本支出预算500万元。\n二、预算执行\n2021年基本支出预算520万元。"
    )
    conflict = by_id(findings, "stated.E001")
    assert conflict and conflict[0].where.source is not None
    assert conflict[0].where.source.locator == "第5段"


def test_a_stated_rate_that_does_not_match_its_inputs() -> None:
    findings = check(TITLE + "编制人数25人,在职人数20人,在职人员控制率为90%。")
    assert by_id(findings, "rates.E001")


def test_head_counts_that_do_not_add_up() -> None:
    findings = check(
        TITLE
        + "实有人数45人,其中:在职人数20人,行政人员8人,全额补助事业人员12人;退休人员20人;遗属人员2人。"
    )
    assert by_id(findings, "staffing.E001")


def test_head_counts_that_do_not_add_up_with_no_breakdown_of_the_staff_in_service() -> None:
    # 在职 has no breakdown by type (so no raw in-service count): 实有 45 against the stated
    # 在职 34 + 退休 9 = 43 all the same, pointing at 实有
    findings = check(TITLE + "年末实有人员45人，其中在职人员34人，退休人员9人。")
    (found,) = by_id(findings, "staffing.E001")
    assert "45" in found.message and "43" in found.message
    assert found.where.source is not None and "实有人员45人" in (found.where.source.text or "")


def test_head_counts_that_add_up_with_no_breakdown_of_the_staff_in_service() -> None:
    for text in (
        "年末实有人员43人，其中在职人员34人，退休人员9人。",
        # contract staff counted in 实有: 34 + 9 + 编外 2 = 45
        "年末实有人员45人，其中在职人员34人，退休人员9人，编外聘用人员2人。",
        # no retirees stated: 实有 may hold anyone, nothing to compare
        "年末实有人员45人，其中在职人员34人。",
    ):
        assert not by_id(check(TITLE + text), "staffing.E001"), text


def test_corpus_14_economic_classes_that_do_not_add_up_to_basic_spending_are_found() -> None:
    # 2424.00 + 432.65 + 93.12 + 6.5 = 2956.27, stated 2956.36 (consistency note)
    result = import_text(corpus_text("14"), file="14.txt")
    found = [f for f in result.findings if f.id == "import.W005"]
    assert found and "2956.36" in found[0].message and "2956.27" in found[0].message
    assert found[0].source is not None and "其他资本性支出6.5万元" in (found[0].source.text or "")
