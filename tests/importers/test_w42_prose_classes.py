"""Classes of the w42 first run (tests/fixtures/corpus/w42-03, w42-04, w42-08), pinned by variants
written for these tests (not copied from any report): the figures each must give, and nothing else.

Classes:
1. an 实有 head-count split in its 其中 list by quota kind (在编 / 编外): its bare 在编 part is the
   staff in service only when the list makes the head-count; a list by terms that does not is
   reported (import.W004) and its 在编 part left unread (在编在岗 / 在编在职 say so and stay read).
2. the adjusted budget stated as the budget's noun "adjusted to" an amount ("全年预算数调整为
   31846250.00元", 预算总额调增至…), its 基本 / 项目 split after it; the 年初 stays the initial.
3. 实际在岗 / 实有在岗 / 现有在岗: the people at their posts now, the staff in service (not the
   whole head-count: no 实有 total is read from them).
4. a provincial department's grants to the level below (对下级的转移支付, 对下级转移性支出) as a fifth
   economic class (the dossier's 其他支出): with it the classes make the 决算 spending, so the
   spending's 基本 / 项目 and the four keyed classes are read in the 决算's phase.
5. 全年收入预算 / 全年支出预算 (the whole year's budget by its side) is, as 全年预算, the adjusted
   budget, not the initial one a bare budget word defaults to: the 年初预算 stated beside it stays
   the initial one and no contradiction is reported.
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县某镇人民政府2023年度部门整体支出绩效自评报告\n"


def staffing(text: str) -> dict[str, str]:
    got = claimed_figures(import_text(TITLE + text))
    return {key: value for key, value in got.items() if key.startswith("staffing.")}


def warnings(text: str) -> list[str]:
    return [f.message for f in import_text(TITLE + text).findings if f.id == "import.W004"]


# ── 1. 在编 as a part of 实有 ─────────────────────────────────────────────────────────────────

SHORT_LISTS = [
    # the parts by quota kind make 91, not 94
    "一、基本情况\n核定编制60名。年末实有人员94人，其中在编人员66人、编外聘用人员25人。离退休人员40人。\n",
    # 编制内 / 编制外, commas, 名
    "一、基本情况\n单位核定编制60名，实有人数94名，其中编制内人员66名，编制外人员25名；退休人员40人。\n",
    # 现有, 在编 with no noun, 合同制
    "一、基本情况\n核定编制60名。现有工作人员94人，其中在编66人、合同制25人。退休人员40人。\n",
]


@pytest.mark.parametrize("text", SHORT_LISTS)
def test_an_on_payroll_part_of_a_list_short_of_its_head_count_is_not_in_service(text: str) -> None:
    got = staffing(text)
    assert "staffing.in_service" not in got
    assert got["staffing.actual_total"] == "94"
    assert got["staffing.authorized"] == "60"
    [message] = warnings(text)
    assert "91" in message and "94" in message


FULL_LISTS = [
    ("实有教职工50人，其中在编30人，合同制教师14人，后勤人员6人（其中公益性岗位2人）。", "30"),
    ("年末实有人员70人，其中编制内人员52人，编制外人员9人，退休人员9人。", "52"),
    ("实有人员1,120人，其中在编人员1,000人、编外聘用人员120人；离退休人员300人。", "1000"),
]


@pytest.mark.parametrize(("sentence", "in_service"), FULL_LISTS)
def test_an_on_payroll_part_of_a_list_that_makes_its_head_count_is_in_service(
    sentence: str, in_service: str
) -> None:
    text = "一、基本情况\n核定编制60名。" + sentence + "\n"
    assert staffing(text)["staffing.in_service"] == in_service
    assert warnings(text) == []


def test_on_post_wording_stays_in_service_even_when_the_list_is_short() -> None:
    text = "一、基本情况\n核定编制60名。年末实有人员94人，其中在编在岗66人、编外聘用25人。\n"
    assert staffing(text)["staffing.in_service"] == "66"


# ── 2. the budget "adjusted to" an amount ────────────────────────────────────────────────────

ADJUSTED_TO = [
    (
        "二、预算情况\n年初预算数为21500000.00元，年中追加项目资金，全年预算数调整为25384600.00元。"
        "其中基本支出10200000.00元，项目支出15184600.00元。\n",
        {"budget.total": "2538.46", "budget.basic": "1020", "budget.project": "1518.46"},
    ),
    (
        "二、预算情况\n年初预算2,150.00万元；预算总额调整至2,538.46万元，其中：基本支出1,020.00万元，"
        "项目支出1,518.46万元。\n",
        {"budget.total": "2538.46", "budget.basic": "1020", "budget.project": "1518.46"},
    ),
    (
        "二、预算情况\n本年度预算数调增至2538.46万元（年初预算2150万元），基本支出1020万元、"
        "项目支出1518.46万元。\n",
        {"budget.total": "2538.46", "budget.basic": "1020", "budget.project": "1518.46"},
    ),
]


@pytest.mark.parametrize(("text", "wanted"), ADJUSTED_TO)
def test_a_budget_adjusted_to_an_amount_is_the_adjusted_budget(
    text: str, wanted: dict[str, str]
) -> None:
    got = money_only(claimed_figures(import_text(TITLE + text)))
    for key, value in wanted.items():
        assert got[key] == value, (key, got)
    assert got.get("budget.initial_total") == "2150"


# ── 3. 在岗 now: the staff in service ───────────────────────────────────────────────────────

ON_POST = [
    "一、基本情况\n街道编制数47名；实际在岗44人；离退休13人。另有聘用网格员62人，不占编制。\n",
    "一、基本情况\n核定编制47名，实有在岗人员44名，退休人员13名。\n",
    "一、基本情况\n本单位编制47个，现有在岗职工44人，离退休人员13人。\n",
]


@pytest.mark.parametrize("text", ON_POST)
def test_the_people_at_their_posts_now_are_the_staff_in_service(text: str) -> None:
    got = staffing(text)
    assert got["staffing.in_service"] == "44"
    assert got["staffing.authorized"] == "47"
    assert got["staffing.retired"] == "13"
    assert "staffing.actual_total" not in got


# ── 4. 对下级的转移支付, a fifth economic class ──────────────────────────────────────────────

FIFTH_CLASS = [
    "二、预算执行\n全年预算5,200.00万元。全年决算支出5,000.00万元，其中基本支出1,200.00万元，项目支出"
    "3,800.00万元。按经济分类，工资福利支出900.00万元，商品和服务支出300.00万元，对个人和家庭的补助"
    "200.00万元，资本性支出600.00万元，对下级的转移支付3,000.00万元。\n",
    "二、预算执行\n全年预算52000000.00元。全年决算支出50000000.00元，其中基本支出12000000.00元，项目支出"
    "38000000.00元。从经济分类看，对下级政府转移支付30000000.00元，工资福利支出9000000.00元，"
    "商品和服务支出3000000.00元，对个人和家庭的补助2000000.00元，资本性支出6000000.00元。\n",
    "二、预算执行\n全年预算5200万元。决算支出5000万元（基本支出1200万元、项目支出3800万元）。"
    "分经济科目：工资福利支出900万元、商品和服务支出300万元、对个人和家庭的补助200万元、"
    "资本性支出600万元、对下级转移性支出3000万元。\n",
]


@pytest.mark.parametrize("text", FIFTH_CLASS)
def test_grants_to_the_level_below_are_a_fifth_class_of_the_spending(text: str) -> None:
    got = money_only(claimed_figures(import_text(TITLE + text)))
    assert got["executed.total"] == "5000"
    assert got["executed.basic"] == "1200"
    assert got["executed.project"] == "3800"
    assert got["executed.wages"] == "900"
    assert got["executed.goods_services"] == "300"
    assert got["executed.transfers_households"] == "200"
    assert got["executed.capital"] == "600"


# ── 5. 全年收入预算 / 全年支出预算 are the adjusted budget ───────────────────────────────────

WHOLE_YEAR_BUDGET = [
    "二、预算情况\n部门全年收入预算6,420.00万元，其中财政拨款收入6,300.00万元，其他收入120.00万元。"
    "年初预算5,800.00万元；经年中调整，全年预算6,420.00万元。\n",
    "二、预算情况\n年初预算58000000.00元。2023年全年支出预算64200000.00元，全部为财政拨款。\n",
    "二、预算情况\n（一）收入预算。本部门全年收入预算6420万元，财政拨款收入6300万元、事业收入120万元。\n"
    "（二）支出预算。年初预算5800万元，调整后全年预算6420万元。\n",
]


@pytest.mark.parametrize("text", WHOLE_YEAR_BUDGET)
def test_the_whole_years_budget_by_its_side_is_the_adjusted_budget(text: str) -> None:
    result = import_text(TITLE + text)
    got = money_only(claimed_figures(result))
    assert got["budget.initial_total"] == "5800"
    assert got["budget.total"] == "6420"
    assert not [f for f in result.findings if "前后不一致" in f.message]


# "追加后预算为…": the budget after the year's supplement, never the supplement's amount (which
# would leave the year-start budget as the whole and a rate over 100)
AFTER_SUPPLEMENT = [
    "年初预算500.00万元，追加后预算为620.00万元；本年支出600.00万元，执行率96.77%。",
    "年初预算500.00万元，经追加后预算数调整至620.00万元；本年支出600.00万元，执行率96.77%。",
    "年初预算500.00万元，年中追加120.00万元，追加后的预算总额为620.00万元；本年支出600.00万元。",
]


@pytest.mark.parametrize("sentence", AFTER_SUPPLEMENT)
def test_the_budget_after_the_supplement_is_the_adjusted_budget(sentence: str) -> None:
    figures = claimed_figures(
        import_text("某县文化馆2023年度部门整体支出绩效自评报告\n" + sentence)
    )
    assert figures["budget.total"] == "620"
    assert figures.get("budget.supplement") in (None, "120")
    assert figures.get("rates.execution") in (None, "96.77")
