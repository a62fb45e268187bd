"""Money classes of the w13 first run (tests/fixtures/corpus/w13-03, w13-06, w13-07), each pinned
by variants written for these tests (not copied from any report, nor from the corpus files): the
figures each must give, and nothing else (precision first). Each class has variants that must NOT
be read.

Classes: 实际列支 / 累计列支 / 已列支 are spending (lexicon); a 基本/项目 cut that misses the total
the economic classes add up to is reported (import.W005); a table's 合计 rate rounded twice
(96.3749 → 96.375 → 96.38); a form drawn as a table of key / value pairs with the unit in the key
("年度预算数（万元） | 1186.4"); "预算支出" stated again with the amount of a budget read elsewhere
is that budget, with its parts after 其中; economic classes after "支出决算中，" take the 决算's
phase.
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县公安局2023年度部门整体支出绩效自评报告\n"


def imported(text: str):
    return import_text(TITLE + text)


def money_read(text: str) -> dict[str, str]:
    return money_only(claimed_figures(imported(text)))


def finding_ids(text: str) -> list[str]:
    return [finding.id for finding in imported(text).findings]


# ── 1. 列支 as spending ─────────────────────────────────────────────────────────────────────

LISTED_SPENDING = [
    # a pipe table with a 实际列支 column
    "二、预算执行\n"
    "| 项目 | 预算批复数（万元） | 实际列支（万元） | 执行率 |\n"
    "| --- | --- | --- | --- |\n"
    "| 基本支出 | 500.00 | 490.00 | 98.00% |\n"
    "| 项目支出 | 300.00 | 270.00 | 90.00% |\n"
    "| 合计 | 800.00 | 760.00 | 95.00% |\n",
    # a tab table with 累计列支, the unit above
    "二、预算执行\n单位：万元\n项目\t预算数\t累计列支\n"
    "基本支出\t500.00\t490.00\n项目支出\t300.00\t270.00\n合计\t800.00\t760.00\n",
    # prose
    "二、预算执行\n全年预算数800.00万元。全年实际列支760.00万元，其中基本支出实际列支490.00万元，"
    "项目支出实际列支270.00万元。\n",
]


@pytest.mark.parametrize("text", LISTED_SPENDING)
def test_listed_spending_is_the_spending(text: str) -> None:
    got = money_read(text)
    assert got["executed.total"] == "760"
    assert got["executed.basic"] == "490"
    assert got["executed.project"] == "270"


def test_money_charged_to_a_fund_is_not_the_spending() -> None:
    # 列支 of a named item out of a fund: the item's money, not the department's spending
    got = money_read("二、预算执行\n全年预算数500.00万元，从项目经费中列支培训费12.00万元。\n")
    assert got == {"budget.total": "500"}


# ── 2. a 基本/项目 cut missing the total the classes add up to ──────────────────────────────

SPLIT_MISSES = (
    "二、预算执行\n"
    "| 项目 | 预算数（万元） | 实际列支（万元） |\n"
    "| --- | --- | --- |\n"
    "| 基本支出 | 500.00 | 480.00 |\n"
    "| 项目支出 | 300.00 | 270.00 |\n"
    "| 合计 | 800.00 | 760.00 |\n"
    "实际列支中，工资福利支出400.00万元，商品和服务支出200.00万元，对个人和家庭的补助100.00万元，"
    "资本性支出60.00万元。\n"
)


def test_a_split_missing_the_total_the_classes_give_is_reported() -> None:
    result = imported(SPLIT_MISSES)
    got = money_only(claimed_figures(result))
    assert got["executed.total"] == "760"
    messages = [f.message for f in result.findings if f.id == "import.W005"]
    assert any("760" in m and "750" in m for m in messages)


def test_a_split_adding_up_is_not_reported() -> None:
    text = SPLIT_MISSES.replace("480.00 |", "490.00 |")
    assert "import.W005" not in finding_ids(text)


# ── 3. a table's 合计 rate rounded twice ───────────────────────────────────────────────────

RATE_TABLE = (
    "二、预算执行\n单位：万元\n项目\t预算数\t决算数\t执行率\n"
    "基本支出\t5000.00\t4900.00\t98.00%\n项目支出\t2301.12\t{project}\t{project_rate}\n"
    "合计\t7301.12\t{total}\t{rate}\n"
)


def test_a_rate_rounded_twice_is_read() -> None:
    # 7036.45 / 7301.12 = 96.37494 → 96.375 → 96.38
    text = RATE_TABLE.format(
        project="2136.45", project_rate="92.84%", total="7036.45", rate="96.38%"
    )
    result = imported(text)
    assert any(
        f.key == "rates.execution" and str(f.value) == "96.38" for f in result.dossier.stated
    )


@pytest.mark.parametrize(
    ("total", "rate"),
    [
        ("7036.45", "96.39%"),  # off by more than a second rounding
        ("7035.85", "96.38%"),  # 96.36672: rounded twice 96.37, not 96.38
    ],
)
def test_a_total_rate_the_figures_do_not_give_is_read_as_stated(total: str, rate: str) -> None:
    # the parts' rates (98.00%, 92.84%) prove the column: the total's is the rate the table
    # states, its own figures contradicting it (rates.E001 when checked)
    text = RATE_TABLE.format(project="2136.45", project_rate="92.84%", total=total, rate=rate)
    result = imported(text)
    stated = [str(f.value) for f in result.dossier.stated if f.key == "rates.execution"]
    assert stated == [rate.rstrip("%")]


def test_a_total_rate_is_not_read_when_a_part_s_rate_misses_too() -> None:
    text = RATE_TABLE.format(
        project="2136.45", project_rate="92.80%", total="7036.45", rate="96.39%"
    )
    result = imported(text)
    assert not any(f.key == "rates.execution" for f in result.dossier.stated)


# ── 4. a form drawn as a table of key / value pairs ─────────────────────────────────────────

KEY_VALUE_FORMS = [
    "表1 单位基本情况表\n"
    "| 单位名称 | 某乡卫生院 | 单位性质 | 公益二类事业单位 |\n"
    "| --- | --- | --- | --- |\n"
    "| 年度预算数（万元） | 960.5 | 年度决算支出（万元） | 912.3 |\n",
    # tab cells, the budget's key in other words, three pairs a row
    "单位基本情况\n"
    "单位名称\t某县档案馆\t主管部门\t县委办\t单位类型\t参公事业单位\n"
    "全年预算数（万元）\t960.5\t支出决算数（万元）\t912.3\t执行率\t94.98%\n",
]


@pytest.mark.parametrize("text", KEY_VALUE_FORMS)
def test_a_key_value_form_gives_its_money(text: str) -> None:
    got = money_read(text)
    assert got["budget.total"] == "960.5"
    assert got["executed.total"] == "912.3"


KEY_VALUE_NOT_READ = [
    # no unit in the key
    "| 单位名称 | 某乡卫生院 | 单位性质 | 事业单位 |\n"
    "| --- | --- | --- | --- |\n"
    "| 年度预算数 | 960.5 | 年度决算支出 | 912.3 |\n",
    # a named project's money in the form
    "| 项目名称 | 村卫生室建设 | 主管部门 | 卫健局 |\n"
    "| --- | --- | --- | --- |\n"
    "| 项目资金（万元） | 120.0 | 到位资金（万元） | 118.0 |\n",
    # two columns: a table with a header, not a form
    "| 项目 | 上年数（万元） |\n| --- | --- |\n| 年度预算数 | 960.5 |\n",
]


@pytest.mark.parametrize("text", KEY_VALUE_NOT_READ)
def test_a_key_value_form_without_the_department_money_is_not_read(text: str) -> None:
    assert money_read(text) == {}


# ── 5. "预算支出" stated again with a budget's amount ───────────────────────────────────────

STATED_AGAIN = (
    "一、基本情况\n"
    "| 单位名称 | 某乡卫生院 | 单位性质 | 事业单位 |\n"
    "| --- | --- | --- | --- |\n"
    "| 年度预算数（万元） | 960.5 | 年度决算支出（万元） | 912.3 |\n"
    "二、收支情况\n"
    "（一）支出预算。全年预算支出960.5万元，其中基本支出700.3万元，项目支出260.2万元。\n"
    "（二）支出执行。本年支出合计912.3万元。\n"
)


def test_budgeted_spending_with_the_budgets_amount_is_the_budget() -> None:
    got = money_read(STATED_AGAIN)
    assert got["budget.total"] == "960.5"
    assert got["budget.basic"] == "700.3"
    assert got["budget.project"] == "260.2"
    assert "import.I014" in finding_ids(STATED_AGAIN)


def test_prose_budget_stated_again() -> None:
    text = (
        "二、预算情况\n全年预算数1,200.00万元。\n"
        "按性质分，部门预算支出1,200.00万元，其中基本支出900.00万元、项目支出300.00万元。\n"
        "三、执行情况\n全年支出1,150.00万元。\n"
    )
    got = money_read(text)
    assert got["budget.basic"] == "900"
    assert got["budget.project"] == "300"


@pytest.mark.parametrize(
    "text",
    [
        # the spending has the same amount: budgeted or spent, the amount cannot tell
        STATED_AGAIN.replace("912.3", "960.5"),
        # a part written as spending
        STATED_AGAIN.replace("其中基本支出700.3万元", "其中基本支出实际支出700.3万元"),
    ],
)
def test_budgeted_spending_stays_unread_when_it_could_be_either(text: str) -> None:
    # (the budgeted income of the same amount decides it: a budget balances its two sides, see
    # test_w10_to_w16_money_classes.test_lists_of_label_colon_amount_lines)
    got = money_read(text)
    assert "budget.basic" not in got
    assert "budget.project" not in got


# ── 6. classes after "支出决算中，" ───────────────────────────────────────────────────────────

FINAL_LIST = (
    "二、预算执行\n全年预算数1,000.00万元。全年支出决算950.00万元，其中基本支出600.00万元、"
    "项目支出350.00万元。\n{opener}工资福利支出500.00万元，商品和服务支出300.00万元，"
    "对个人和家庭的补助100.00万元，资本性支出40.00万元。\n"
)


@pytest.mark.parametrize(
    "opener", ["支出决算中，", "在决算支出中：", "（三）按经济分类。支出决算中，"]
)
def test_classes_after_the_final_accounts_take_its_phase(opener: str) -> None:
    text = FINAL_LIST.format(opener=opener)
    got = money_read(text)
    assert got["executed.basic"] == "600"
    assert got["executed.project"] == "350"
    assert got["executed.wages"] == "500"
    assert got["executed.capital"] == "40"
    assert "import.W005" in finding_ids(text)


@pytest.mark.parametrize("opener", ["项目支出中，", "其中，"])
def test_classes_after_a_part_or_other_words_keep_their_reading(opener: str) -> None:
    text = FINAL_LIST.format(opener=opener)
    got = money_read(text)
    # not given the 决算's phase: the 决算's own split is not claimed beside them
    assert "executed.basic" not in got


def test_budgeted_spending_balancing_the_budgeted_income_is_the_budget() -> None:
    text = (
        "二、收支情况\n全年预算收入960.5万元。全年预算支出960.5万元，其中基本支出700.3万元，"
        "项目支出260.2万元。本年支出合计912.3万元。\n"
    )
    got = money_read(text)
    assert got["budget.basic"] == "700.3" and got["budget.project"] == "260.2"
