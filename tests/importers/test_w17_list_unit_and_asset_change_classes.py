"""Classes the w17 corpus reports missed on their first run: a list of amounts with the money
unit written once, after the last ("基本支出586.3215、项目支出402.1860万元"), and the asset
total's change with the asset noun in its own label after another asset figure ("…净资产…；
资产总额较上年增长3.12%"). Variants written for these tests; each class with variants that must
NOT be read.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县林业局2023年度部门整体支出绩效自评报告\n"


def read(text: str) -> dict[str, str]:
    return claimed_figures(import_text(TITLE + text))


# ── 1. the unit once at the list's end ───────────────────────────────────────────────────


@pytest.mark.parametrize(
    "sentence",
    [
        "全年实际支出700.5000万元，其中基本支出420.2500、项目支出280.2500万元。",
        "全年实际支出700.5万元，其中：基本支出420.25，项目支出280.25万元。",
        "全年实际支出7005000元，其中基本支出4202500、项目支出2802500元。",
    ],
)
def test_a_list_with_the_unit_at_its_end_gives_each_item_the_unit(sentence: str) -> None:
    assert money_only(read(sentence)) == {
        "executed.total": "700.5",
        "executed.basic": "420.25",
        "executed.project": "280.25",
    }


def test_economic_classes_with_the_unit_once() -> None:
    text = (
        "全年实际支出100.0000万元。按经济分类：工资福利支出60.1000、商品和服务支出30.2000、"
        "对个人和家庭的补助4.7000、资本性支出5.0000万元。"
    )
    figures = money_only(read(text))
    assert figures["executed.wages"] == "60.1"
    assert figures["executed.goods_services"] == "30.2"
    assert figures["executed.transfers_households"] == "4.7"
    assert figures["executed.capital"] == "5"


def test_the_added_unit_quotes_the_item_as_written() -> None:
    original = "其中基本支出420.25、项目支出280.25万元"
    result = normalise(original)
    assert "基本支出420.25万元、项目支出280.25万元" in result.text
    end = result.text.index("万元")
    assert original[result.origin[end]] == "5"


@pytest.mark.parametrize(
    "sentence",
    [
        # counts, not money: no money unit at the list's end
        "实有人数43人，其中在职29、退休14人。",
        # a share after the first item: the chain is broken
        "其中基本支出占60%、项目支出280.25万元。",
        # list numbers, no label between
        "主要包括1、2、3项，资金280.25万元。",
        # an ordinal, not an amount
        "排名第3、项目支出280.25万元。",
    ],
)
def test_lists_that_are_not_amounts_get_no_unit(sentence: str) -> None:
    text = normalise(sentence).text
    assert text.count("万元") == sentence.count("万元")


# ── 2. the asset total's change named in its own label ───────────────────────────────────


@pytest.mark.parametrize(
    ("sentence", "change"),
    [
        (
            "年末资产总额1,236.46万元，负债总额85.21万元，净资产1,151.25万元；资产总额较上年增长3.12%。",
            "3.12",
        ),
        (
            "年末资产总额1,236.46万元，净资产1,151.25万元。资产总额较上年增长6.8%，主要是购置设备。",
            "6.8",
        ),
        ("负债总额85.21万元；资产总额比上年减少2.5%。", "-2.5"),
    ],
)
def test_an_asset_total_named_in_the_change_label_is_read(sentence: str, change: str) -> None:
    assert read("（四）资产情况\n" + sentence).get("assets.change_pct") == change


@pytest.mark.parametrize(
    "sentence",
    [
        "年末资产总额1,236.46万元；净资产较上年增长3.12%。",
        "年末资产总额1,236.46万元；固定资产较上年增长3.12%。",
        "年末资产总额1,236.46万元；负债总额较上年增长3.12%。",
    ],
)
def test_another_asset_noun_in_the_change_label_is_not_the_total(sentence: str) -> None:
    assert "assets.change_pct" not in read("（四）资产情况\n" + sentence)


# ── 3. the staff in service as one sum, and 在编教职工 ────────────────────────────────────


@pytest.mark.parametrize(
    "sentence",
    [
        "在职职工总数57人，退休职工12人。",
        "在职人员合计57人。",
        "现有在编教职工57人，另有退休教职工12人。",
        "实有在编教职工57人。",
    ],
)
def test_the_staff_in_service_as_one_sum_is_read(sentence: str) -> None:
    assert read("一、部门基本情况\n" + sentence).get("staffing.in_service") == "57"


@pytest.mark.parametrize(
    "sentence",
    [
        "上年在职职工总数57人。",
        "在职职工中党员总数57人。",
        "在编教职工57人。",  # no 现有 / 实有: a quota's word as much as a head-count
    ],
)
def test_other_sums_are_not_the_staff_in_service(sentence: str) -> None:
    assert "staffing.in_service" not in read("一、部门基本情况\n" + sentence)
