"""Issue 9 item 5: a report's own inconsistencies are surfaced by import + check, each finding
pointing at a place in the text and naming the other places in its hint. Wording variants written
for these tests: a stated execution rate its own budget and spending contradict, a title year the
body's money does not use, income less spending that does not leave the stated balance, spending
above income or the budget.
"""

from __future__ import annotations

import pytest

from jixiao.core.findings import Finding
from jixiao.frameworks import evaluate_with
from jixiao.importers.text import import_text

TITLE = "某县林业局2022年度部门整体支出绩效自评报告\n"


def import_and_check(text: str) -> list[Finding]:
    result = import_text(text, file="r.txt")
    return [f.to_finding() for f in result.findings] + list(evaluate_with(result.dossier).findings)


def the(findings: list[Finding], finding_id: str) -> Finding:
    (found,) = [f for f in findings if f.id == finding_id]
    return found


# ── a stated execution rate against the report's own budget and spending ──────────────────

RATE_CONTRADICTED = [
    # (body, the stated rate as quoted)
    (
        "一、预算执行\n本年全年预算数1250.00万元,全年支出1100.00万元,预算执行率为96.5%。",
        "预算执行率为96.5%",
    ),
    (
        "2022年部门预算总额为640万元;实际支出608万元。\n全年预算执行率达到100%。",
        "全年预算执行率达到100%",
    ),
]


@pytest.mark.parametrize(("body", "rate"), RATE_CONTRADICTED)
def test_a_stated_execution_rate_its_budget_and_spending_contradict(body: str, rate: str) -> None:
    found = the(import_and_check(TITLE + body), "rates.E001")
    assert found.where.source is not None and found.where.source.text == rate
    assert "÷" in found.message  # the figures it was recomputed from
    # the hint points at the budget and the spending: their places are in the text
    assert "执行数总额：r.txt" in found.hint and "预算总额：r.txt" in found.hint


@pytest.mark.parametrize(
    "body",
    [
        "本年全年预算数1250.00万元,全年支出1100.00万元,预算执行率为88%。",  # 88.0 → 88
        "本年全年预算数1250.00万元,全年支出1100.00万元,预算执行率为88.00%。",
        "2022年部门预算总额为640万元;实际支出608万元,预算执行率95%。",
    ],
)
def test_a_stated_execution_rate_that_agrees_within_its_rounding_is_no_finding(body: str) -> None:
    assert not [f for f in import_and_check(TITLE + body) if f.id == "rates.E001"]


# ── a title year the body's money does not use ─────────────────────────────────────────────

YEAR_CONTRADICTED = [
    (
        "一、收支情况\n2023年部门预算收入845.20万元,其中财政拨款820.00万元。",
        2023,
        "2023年部门预算收入845.20万元",
    ),
    ("附表:2021年度部门收支决算表(单位:万元)\n项目\t金额", 2021, "2021年度部门收支决算表"),
    (
        "2023年度一般公共预算财政拨款支出312.40万元。",
        2023,
        "2023年度一般公共预算财政拨款支出312.40万元",
    ),
    # a table caption with its unit on the next line, the table flattened one cell per line;
    # its number runs into the year once PDF spaces are removed ("表1 2023年度" → "表12023年度")
    (
        "表1 2023年度预算及支出情况\n单位：万元\n项目\n预算数\n决算数\n合计\n800\n760\n",
        2023,
        "2023年度预算及支出情况",
    ),
    ("表2 2021年度部门支出情况（单位：万元）\n项目\t金额\n", 2021, "2021年度部门支出情况"),
]


@pytest.mark.parametrize(("body", "year", "quoted"), YEAR_CONTRADICTED)
def test_a_title_year_that_the_body_money_contradicts(body: str, year: int, quoted: str) -> None:
    result = import_text(TITLE + body, file="r.txt")
    (found,) = [f for f in result.findings if f.id == "import.W013"]
    assert "2022" in found.message and str(year) in found.message
    assert found.source is not None and found.source.text == quoted and found.source.locator
    assert "标题：r.txt 第1段" in found.hint
    assert result.dossier.year == 2022  # the title's year is kept; the finding says so


@pytest.mark.parametrize(
    "body",
    [
        # the title's year is also used: a comparison with another year is no contradiction
        "2022年部门预算收入845.20万元,2021年部门预算收入790.00万元。",
        # a year after 较 / 比 / 同 compares; a date is not a figure's year
        "本年支出620万元,较2021年支出减少35万元。",
        "2023年3月完成决算,全年支出620万元。",
        # a plan for next year with no amount
        "2023年预算编制工作将进一步细化。",
        # no year on the body's money at all
        "本年度部门预算收入845.20万元。",
        # a caption with no unit may title anything; a caption in the title's year
        "表2 2023年度部门预算支出明细\n详见附件。",
        "表2 2022年度部门预算支出明细\n单位：万元\n表3 2021年度部门支出情况\n单位：万元\n",
    ],
)
def test_years_that_do_not_contradict_the_title(body: str) -> None:
    result = import_text(TITLE + body, file="r.txt")
    assert not [f for f in result.findings if f.id == "import.W013"]


def test_a_given_year_takes_the_place_of_the_check_against_the_body() -> None:
    # the title is where the year came from: without a title year there is nothing to contradict
    result = import_text("一、收支情况\n2023年部门预算收入845.20万元。", file="r.txt")
    assert not [f for f in result.findings if f.id == "import.W013"]


# ── income, spending and balances ──────────────────────────────────────────────────────────


def test_income_less_spending_that_does_not_leave_the_stated_balance_points_at_the_balance() -> (
    None
):
    text = (
        TITLE + "2022年预算收入300.00万元,其他收入40.00万元;全年支出310.00万元,"
        "年末结转和结余20.00万元。"
    )
    found = the(import_and_check(text), "budget.W006")
    assert "应结余30万元" in found.message
    assert found.where.source is not None and "20.00万元" in (found.where.source.text or "")
    assert "执行数总额：r.txt 第2段" in found.hint and "其他资金来源：r.txt 第2段" in found.hint


def test_spending_above_the_budget_points_at_the_spending_and_names_the_budget() -> None:
    text = TITLE + "本年调整后预算500.00万元,全年实际支出530.00万元。"
    found = the(import_and_check(text), "budget.E002")
    assert found.where.source is not None and "530.00万元" in (found.where.source.text or "")
    assert "预算总额：r.txt 第2段" in found.hint
