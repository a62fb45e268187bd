"""Economic-class wording classes of the w10/w11 first runs (tests/fixtures/corpus/w10-01, 03,
05, 06, 08, w11-06, 07), each pinned by wording variants written for these tests (not copied from
any report, nor from the corpus files): the figures each must give, and nothing else (precision
first). Each class has variants that must NOT be read.

Classes: classes listed in clauses separated by ； (a clause may go on with 主要为…); the phase
written with the first class of a list ("决算中工资福利支出…，商品和服务支出…") is the list's;
classes read as spending beside a 决算 total they add up to are the same spending; another name
for a class with the standard name in brackets ("人员类支出（工资福利支出）"); phaseless classes
under a budget heading that add up to exactly one stated total take its phase (import.I012);
classes listed one a line under "…如下：" and closed by "以上合计" (the difference reported,
import.W005).
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县水利局2023年度部门整体支出绩效自评报告\n"


def money_read(text: str) -> dict[str, str]:
    return money_only(claimed_figures(import_text(TITLE + text)))


def findings(text: str) -> list[tuple[str, str]]:
    return [(f.id, f.message) for f in import_text(TITLE + text).findings]


CLASSES = ("wages", "goods_services", "transfers_households", "capital")


def classes(read: dict[str, str], prefix: str = "executed") -> tuple[str | None, ...]:
    return tuple(read.get(f"{prefix}.{name}") for name in CLASSES)


# ── 1. classes in clauses separated by ； ───────────────────────────────────────────────────

SEMICOLON_LISTS = [
    "本年支出合计500.00万元，其中基本支出300.00万元，项目支出200.00万元。\n"
    "按经济分类：工资福利支出210.00万元；商品和服务支出90.00万元；对个人和家庭的补助"
    "150.00万元，主要为抚恤金和生活补助；资本性支出50.00万元。",
    "全年支出500.00万元，其中基本支出300.00万元、项目支出200.00万元。\n"
    "从经济分类看，工资福利支出210.00万元；商品和服务支出90.00万元；资本性支出50.00万元；"
    "对个人和家庭的补助150.00万元。",
]


@pytest.mark.parametrize("text", SEMICOLON_LISTS)
def test_classes_in_semicolon_clauses_share_their_phase(text: str) -> None:
    assert classes(money_read(text)) == ("210", "90", "150", "50")


def test_a_semicolon_clause_that_is_not_a_class_breaks_the_list() -> None:
    # the clause between is about something else: 对个人和家庭的补助 decides nothing alone
    text = (
        "本年支出合计500.00万元，其中基本支出300.00万元，项目支出200.00万元。\n"
        "工资福利支出210.00万元；年初预算安排的抚恤资金到位；对个人和家庭的补助150.00万元。"
    )
    assert "executed.transfers_households" not in money_read(text)


# ── 2. the phase written with the first class of a list ────────────────────────────────────

FIRST_PHASE = [
    "全年决算支出500.00万元。按经济分类，2023年支出决算中工资福利支出210.00万元，商品和服务支出"
    "90.00万元，对个人和家庭的补助150.00万元，资本性支出50.00万元。",
    "决算数500.00万元。经济分类方面，决算工资福利支出210.00万元、商品和服务支出90.00万元、"
    "对个人和家庭的补助150.00万元、资本性支出50.00万元。",
]


@pytest.mark.parametrize("text", FIRST_PHASE)
def test_the_phase_of_the_first_class_is_the_lists(text: str) -> None:
    read = money_read(text)
    assert classes(read) == ("210", "90", "150", "50")
    assert read["executed.total"] == "500"


def test_a_class_with_a_phase_of_its_own_keeps_it_and_the_list_shares_none() -> None:
    # a later class states the budget: the list's phases disagree, nothing is spread
    text = (
        "决算数500.00万元。决算中工资福利支出210.00万元，商品和服务支出预算数90.00万元，"
        "资本性支出50.00万元。"
    )
    read = money_read(text)
    assert "executed.goods_services" not in read and "executed.capital" not in read


# ── 3. classes read as spending beside a 决算 total they add up to ─────────────────────────


def test_classes_as_spending_beside_a_final_total_are_the_same_spending() -> None:
    text = (
        "2023年度决算数为500.00万元，其中基本支出300.00万元、项目支出200.00万元。\n"
        "按经济分类，工资福利支出210.00万元，商品和服务支出90.00万元，对个人和家庭的补助150.00万元，"
        "资本性支出50.00万元。"
    )
    read = money_read(text)
    assert classes(read) == ("210", "90", "150", "50")
    assert read["executed.basic"] == "300" and read["executed.project"] == "200"


def test_classes_not_adding_up_to_the_final_total_are_not_claimed() -> None:
    text = (
        "2023年度决算数为500.00万元，其中基本支出300.00万元、项目支出200.00万元。\n"
        "按经济分类，工资福利支出210.00万元，商品和服务支出90.00万元。"
    )
    read = money_read(text)
    assert "executed.wages" not in read and "executed.goods_services" not in read


# ── 4. another name for a class, the standard name in brackets ─────────────────────────────

ALIASES = [
    "执行数500.00万元，其中基本支出300.00万元，项目支出200.00万元。\n"
    "从经济分类看：人员类支出（工资福利支出）210.00万元；公用经费（商品和服务支出）90.00万元；"
    "对个人和家庭的补助150.00万元；资本性支出（设备购置）50.00万元。",
    "执行数500.00万元，其中基本支出300.00万元，项目支出200.00万元。\n"
    "按经济分类，人员支出（工资福利支出）210.00万元，日常公用经费（商品和服务支出）90.00万元，"
    "对个人和家庭的补助150.00万元，资本性支出50.00万元。",
    "执行数500.00万元，其中基本支出300.00万元，项目支出200.00万元。\n"
    "按经济分类，工资福利支出（人员经费）210.00万元，商品和服务支出（公用经费）90.00万元，"
    "对个人和家庭的补助150.00万元，资本性支出50.00万元。",
]


@pytest.mark.parametrize("text", ALIASES)
def test_a_class_named_otherwise_with_its_standard_name_in_brackets(text: str) -> None:
    read = money_read(text)
    assert classes(read) == ("210", "90", "150", "50")
    assert "executed.personnel" not in read and "executed.public_funds" not in read


def test_brackets_holding_more_than_one_class_are_not_a_class() -> None:
    text = (
        "执行数500.00万元，其中基本支出300.00万元，项目支出200.00万元。\n"
        "人员经费（工资福利支出和对个人和家庭的补助）360.00万元，公用经费90.00万元。"
    )
    read = money_read(text)
    assert "executed.wages" not in read and "executed.transfers_households" not in read


# ── 5. phaseless classes under a budget heading adding up to one stated total ──────────────

BUDGET_HEADINGS = [
    "（一）支出预算\n全年预算数520.00万元。按经济分类：工资福利支出220.00万元，商品和服务支出"
    "100.00万元，对个人和家庭的补助150.00万元，资本性支出50.00万元。\n"
    "（二）支出执行\n本年支出合计500.00万元，其中基本支出300.00万元，项目支出200.00万元。",
    "一、部门预算安排情况\n2023年年初预算520.00万元，按经济分类为工资福利支出220.00万元、"
    "商品和服务支出100.00万元、对个人和家庭的补助150.00万元、资本性支出50.00万元。\n"
    "二、预算执行情况\n全年实际支出500.00万元。",
]


@pytest.mark.parametrize("text", BUDGET_HEADINGS)
def test_phaseless_classes_adding_up_to_the_budget_are_the_budgets(text: str) -> None:
    read = money_read(text)
    assert classes(read, "budget") == ("220", "100", "150", "50")
    assert classes(read) == (None, None, None, None)


def test_phaseless_classes_adding_up_to_nothing_stay_unread() -> None:
    text = (
        "（一）支出预算\n全年预算数520.00万元。按经济分类：工资福利支出220.00万元，商品和服务支出"
        "100.00万元，对个人和家庭的补助150.00万元。\n"
        "（二）支出执行\n本年支出合计500.00万元。"
    )
    read = money_read(text)
    assert classes(read, "budget") == (None, None, None, None)
    assert classes(read) == (None, None, None, None)


def test_phaseless_classes_when_budget_equals_spending_are_not_decided() -> None:
    text = (
        "（一）支出预算\n全年预算数500.00万元。按经济分类：工资福利支出220.00万元，商品和服务支出"
        "80.00万元，对个人和家庭的补助150.00万元，资本性支出50.00万元。\n"
        "（二）支出执行\n本年支出合计500.00万元。"
    )
    read = money_read(text)
    assert classes(read, "budget") == (None, None, None, None)


# ── 6. classes one a line under "…如下：", closed by "以上合计" ──────────────────────────────

CLOSED_LISTS = [
    (
        "二、预算安排\n2023年全年预算安排如下：\n工资福利支出220.00万元；\n商品和服务支出100.00万元；\n"
        "对个人和家庭的补助150.00万元；\n以上合计470.00万元，其中基本支出320.00万元、"
        "项目支出150.00万元。\n",
        "budget",
    ),
    (
        "三、预算执行\n本年实际支出情况如下：\n工资福利支出220.00万元\n商品和服务支出100.00万元\n"
        "对个人和家庭的补助150.00万元\n以上共计470.00万元。基本支出320.00万元，项目支出150.00万元。\n",
        "executed",
    ),
]


@pytest.mark.parametrize(("text", "prefix"), CLOSED_LISTS)
def test_classes_one_a_line_closed_by_their_total(text: str, prefix: str) -> None:
    read = money_read(text)
    assert classes(read, prefix)[:3] == ("220", "100", "150")
    assert read[f"{prefix}.total"] == "470"
    assert read[f"{prefix}.basic"] == "320" and read[f"{prefix}.project"] == "150"


def test_a_closed_list_that_does_not_add_up_is_reported_at_the_text() -> None:
    text = (
        "三、预算执行\n本年实际支出情况如下：\n工资福利支出220.00万元；\n商品和服务支出100.00万元；\n"
        "对个人和家庭的补助150.00万元；\n以上合计471.00万元。按支出性质分，基本支出321.00万元，"
        "项目支出150.00万元。\n"
    )
    read = money_read(text)
    assert read["executed.total"] == "471" and read["executed.wages"] == "220"
    w005 = [message for fid, message in findings(text) if fid == "import.W005"]
    assert w005 and "470" in w005[0] and "471" in w005[0]


NOT_CLOSED_LISTS = [
    # no line naming the phase above the list
    "二、有关情况\n工资福利支出220.00万元；\n商品和服务支出100.00万元；\n以上合计320.00万元。\n",
    # a line of prose inside the list
    "二、预算安排\n全年预算安排如下：\n工资福利支出220.00万元；\n其中含绩效工资，按月发放；\n"
    "商品和服务支出100.00万元；\n以上合计320.00万元。\n",
    # the lines above are projects, not classes
    "二、预算安排\n全年预算安排如下：\n河道清淤工程220.00万元；\n水库除险加固100.00万元；\n"
    "以上合计320.00万元。\n",
]


@pytest.mark.parametrize("text", NOT_CLOSED_LISTS)
def test_a_total_of_lines_above_is_read_only_under_a_list_of_classes(text: str) -> None:
    read = money_read(text)
    assert "budget.total" not in read and "executed.total" not in read
    assert "budget.wages" not in read and "budget.goods_services" not in read


# ── 7. a flattened table of classes with a share column ────────────────────────────────────

SHARE_TABLE = (
    "本年支出合计500.00万元，其中基本支出300.00万元，项目支出200.00万元。\n"
    "（三）支出按经济分类（单位：万元）\n科目\n{spent}\n{share}\n"
    "工资福利支出\n210.00\n42.00%\n商品和服务支出\n90.00\n18.00%\n"
    "对个人和家庭的补助支出\n150.00\n30.00%\n资本性支出\n50.00\n10.00%\n合计\n500.00\n100.00%\n"
)


@pytest.mark.parametrize(
    ("spent", "share"), [("支出数", "占比"), ("执行数", "比重"), ("决算数", "占支出比例")]
)
def test_a_flattened_class_table_with_a_share_column(spent: str, share: str) -> None:
    read = money_read(SHARE_TABLE.format(spent=spent, share=share))
    assert classes(read) == ("210", "90", "150", "50")
    assert read["executed.basic"] == "300" and read["executed.total"] == "500"


def test_a_flattened_table_with_a_lost_share_cell_is_not_read() -> None:
    text = SHARE_TABLE.format(spent="支出数", share="占比").replace("18.00%\n", "")
    assert classes(money_read(text)) == (None, None, None, None)


def test_a_percentage_under_a_money_title_is_not_a_share_column() -> None:
    # the second column's title names money: its cells cannot be shares; the table is not read
    text = SHARE_TABLE.format(spent="支出数", share="预算数")
    assert classes(money_read(text)) == (None, None, None, None)


# ── 8. the subject carries over to a bare phase: "…预算8.00万元，实际支出7.46万元" ─────────────


def test_a_bare_spending_after_a_sangong_item_or_special_funds_is_theirs() -> None:
    text = (
        "本年支出合计500.00万元。工资福利支出210.00万元，商品和服务支出90.00万元，"
        "对个人和家庭的补助150.00万元，资本性支出50.00万元。\n"
        "公务用车运行维护费预算8.00万元，实际支出7.46万元。\n"
        "1.普查项目：专项经费全年预算45.00万元，执行42.68万元。"
    )
    read = money_read(text)
    assert read["executed.total"] == "500"
    assert classes(read) == ("210", "90", "150", "50")
