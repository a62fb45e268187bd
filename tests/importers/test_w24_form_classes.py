"""Classes of the w24 first run (tests/fixtures/corpus/w24-01 … w24-03: provincial 部门整体支出绩效
自评表 variants with little or no prose), pinned by variants written for these tests (not copied
from any report): the figures each must give, and nothing else.

Classes: a form pasted as tab rows with each merged cell written out on every row (a money block
under "项目\t项目\t年初预算数…" whose rows all open on the same caption, "资金情况\t总额\t…";
`_repeated_caption_rows` in table_rates.py); its staffing rows "人员情况\t编制数\t9" (one role
pair after a section caption, `_SECTION_CAPTION` in staffing.py); a 预算执行率 in a sentence about
an earlier year ("2022年度实际支出…，预算执行率95.12%") is that year's, not read (上年结转 names no
earlier year).
"""

from __future__ import annotations

import pytest

from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县文化馆2023年度部门整体支出绩效自评表\n单位：万元\n"


def imported(text: str) -> ImportResult:
    return import_text(TITLE + text)


def read(text: str) -> dict[str, str]:
    return claimed_figures(imported(text))


# ── 1. a money block whose merged caption is repeated on every row ───────────────────────────

REPEATED = (
    "{h0}\t项目\t{initial}\t{full}\t{spent}\t预算执行率\t权重\t得分\n"
    "{c}\t总额\t300.00\t350.00\t336.00\t96.00%\t10\t9.60\n"
    "{c}\t财政拨款\t290.00\t330.00\t316.00\t95.76%\t/\t/\n"
    "{c}\t其他资金\t10.00\t20.00\t20.00\t100.00%\t/\t/\n"
    "{c}\t基本支出\t200.00\t210.00\t208.00\t99.05%\t/\t/\n"
    "{c}\t项目支出\t100.00\t140.00\t128.00\t91.43%\t/\t/\n"
    "人员情况\t编制数\t12\n"
)
WHOLE = {
    "budget.total": "350",
    "budget.basic": "210",
    "budget.project": "140",
    "executed.total": "336",
    "executed.basic": "208",
    "executed.project": "128",
}


@pytest.mark.parametrize(
    ("h0", "c", "initial", "full", "spent"),
    [
        ("项目", "资金情况", "年初预算数", "调整后预算数", "实际支出数"),
        ("项目", "年度资金", "年初预算数", "全年预算数", "全年执行数"),
        ("资金情况", "资金情况", "年初预算数", "全年预算数", "执行数"),
        ("项目", "预算执行情况", "年初预算", "调整后预算", "实际支出"),
    ],
)
def test_a_money_block_with_its_caption_repeated_on_every_row_is_read(
    h0: str, c: str, initial: str, full: str, spent: str
) -> None:
    figures = read(REPEATED.format(h0=h0, c=c, initial=initial, full=full, spent=spent))
    money = money_only(figures)
    for key, value in WHOLE.items():
        assert money[key] == value
    assert figures["rates.execution"] == "96"
    # the funding-source rows are no 基本 / 项目 and no second total
    assert "330" not in money.values() and "316" not in money.values()


def test_a_caption_that_is_not_the_header_s_merged_title_is_no_caption_column() -> None:
    # the first column is a column of its own ("单位" over the bodies' names), not a caption
    text = (
        "单位\t项目\t全年预算数\t全年执行数\t执行率\n"
        "本级\t工作经费\t50.00\t48.00\t96.00%\n"
        "本级\t专项经费\t30.00\t29.00\t96.67%\n"
    )
    assert money_only(read(text)) == {}


def test_rows_whose_caption_changes_end_the_block() -> None:
    text = REPEATED.format(
        h0="项目", c="资金情况", initial="年初预算数", full="调整后预算数", spent="实际支出数"
    ).replace("资金情况\t项目支出", "其他情况\t项目支出")
    money = money_only(read(text))
    assert money.get("budget.project") != "140"


# ── 2. a staffing row opened by the form's section caption ───────────────────────────────────


@pytest.mark.parametrize("caption", ["人员情况", "人员编制情况", "编制情况"])
def test_a_role_pair_after_a_section_caption_is_read(caption: str) -> None:
    text = (
        f"{caption}\t编制数\t12\n"
        f"{caption}\t实有人数\t15\n"
        f"{caption}\t其中：在职人数\t11\n"
        f"{caption}\t退休人数\t4\n"
    )
    figures = read(text)
    assert figures["staffing.authorized"] == "12"
    assert figures["staffing.in_service"] == "11"
    assert figures["staffing.retired"] == "4"


@pytest.mark.parametrize("first", ["行政人员", "所属中心", "上年人员情况"])
def test_a_role_pair_after_a_type_or_another_body_is_not_read(first: str) -> None:
    figures = read(f"{first}\t编制数\t12\n{first}\t实有人数\t15\n")
    assert "staffing.authorized" not in figures


# ── 3. a rate in a sentence about an earlier year ─────────────────────────────────────────────


@pytest.mark.parametrize(
    "sentence",
    [
        "说明：2022年度实际支出191.27万元，预算执行率95.12%。\n",
        "上年实际支出191.27万元，预算执行率95.12%。\n",
        "去年全年预算执行率95.12%。\n",
    ],
)
def test_an_earlier_year_s_rate_is_not_read(sentence: str) -> None:
    assert "rates.execution" not in read(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年全年预算数200.00万元（含上年结转），实际支出190.00万元，预算执行率95.00%。\n",
        "全年预算200.00万元（含上年结余10.00万元），实际支出190.00万元，预算执行率95.00%。\n",
        "与2022年相比，2023年预算执行率95.00%。\n",
    ],
)
def test_this_year_s_rate_is_read(sentence: str) -> None:
    assert read(sentence)["rates.execution"] == "95"
