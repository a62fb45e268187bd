"""Classes of the w18 first run (tests/fixtures/corpus/w18-08), pinned by variants written for
these tests (not copied from any report): the figures each must give, and nothing else.

Classes: a part named after its amount ("598.36万元为基本支出", "…万元用于人员经费"); the economic
classes beside the standard four that complete a list (对事业单位经常性补助, 对社会保障基金补助), so
that the four standard ones are no partial list.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

BUREAU = "某县卫生健康局2023年度部门整体支出绩效自评报告\n一、基本情况\n"


def read(text: str) -> dict[str, str]:
    return money_only(claimed_figures(import_text(BUREAU + text)))


# ── 1. a part named after its amount ──────────────────────────────────────────────────────

NAMED_AFTER = [
    (
        "全年实际支出1,245.09万元，其中598.36万元为基本支出、646.73万元为项目支出。",
        {"executed.total": "1245.09", "executed.basic": "598.36", "executed.project": "646.73"},
    ),
    (
        "2023年全年支出862.40万元，其中：512.10万元是基本支出，350.30万元是项目支出。",
        {"executed.total": "862.40", "executed.basic": "512.10", "executed.project": "350.30"},
    ),
    (
        "全年预算数960.00万元，其中610.00万元为基本支出、350.00万元为项目支出；全年实际支出"
        "948.20万元。",
        {
            "budget.total": "960.00",
            "budget.basic": "610.00",
            "budget.project": "350.00",
            "executed.total": "948.20",
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_AFTER)
def test_a_part_named_after_its_amount_is_read(text, expected):
    figures = read(text)
    assert {k: Decimal(figures[k]) for k in expected if k in figures} == {
        k: Decimal(v) for k, v in expected.items()
    }


NOT_NAMED_AFTER = [
    # the amount is what something went to, not a part named by the word after it
    "全年实际支出1,245.09万元，其中598.36万元为基本支出结余部分。",
    "全年实际支出1,245.09万元，主要是598.36万元为基本支出预留的资金。",
    # a project's money spent on something
    "项目支出主要用于疫情防控（315.40万元为基本支出外的专项）。",
]


@pytest.mark.parametrize("text", NOT_NAMED_AFTER)
def test_an_amount_followed_by_more_than_the_label_is_not_a_part(text):
    figures = read(text)
    assert "executed.basic" not in figures and "budget.basic" not in figures


# ── 2. classes beside the standard four complete a list ──────────────────────────────────────

CLASS_LISTS = [
    "全年实际支出12,245.09万元。按经济分类：工资福利支出512.46万元；商品和服务支出1,986.35万元；"
    "对个人和家庭的补助1,325.60万元；资本性支出286.40万元；对事业单位经常性补助8,134.28万元。",
    "全年实际支出12,245.09万元，其中工资福利支出512.46万元、商品和服务支出1,986.35万元、"
    "对个人和家庭的补助1,325.60万元、资本性支出286.40万元、对社会保障基金补助8,134.28万元。",
]


@pytest.mark.parametrize("text", CLASS_LISTS)
def test_the_standard_classes_of_a_complete_list_are_read(text):
    figures = read(text)
    assert figures["executed.wages"] == "512.46"
    assert figures["executed.goods_services"] == "1986.35"
    assert figures["executed.transfers_households"] == "1325.6"
    assert figures["executed.capital"] == "286.4"


def test_a_list_with_an_unnamed_remainder_stays_partial():
    text = (
        "全年实际支出12,245.09万元。按经济分类：工资福利支出512.46万元；商品和服务支出1,986.35万元；"
        "对个人和家庭的补助1,325.60万元；资本性支出286.40万元；其他8,134.28万元。"
    )
    assert "executed.wages" not in read(text)
