"""A form's tab rows made plain before the readers (pastings/form_blocks.py), pinned by variants
written for these tests (not copied from any report), read through the whole importer: the
figures each must give, and nothing else. Each class has variants that must NOT be read.

Classes:
- a caption column left of a money block's labels: the caption on the block's first body row
  only, on its header row only, over two columns, the header's label title 项目, 支出项目,
  资金类别 or 经济科目; a split's caption before a label ("按支出性质：基本支出");
- a header whose budget and spending titles stand on a second row under one group title
  (预算执行情况), "全年执行" without its 数;
- staffing pair rows opened by a caption ("基本信息 | 编制数 | 24 | 实有人数 | 31"), a count
  with thousands, its unit or a bracketed split;
- the economic classes of one column written sideways (names in a row, amounts in the next).
Not read: a number left of the label column, a block without a spending title, a sideways row
of rates, a count that is no whole number.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.pastings.form_blocks import form_block_rows
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县档案馆2023年度部门整体支出绩效自评表\n"

MONEY = {
    "budget.initial_total": "860",
    "budget.total": "912.4",
    "budget.basic": "534.6",
    "budget.project": "377.8",
    "executed.total": "887.15",
    "executed.basic": "533.9",
    "executed.project": "353.25",
    "rates.execution": "97.23",
}
NO_RATE = {key: value for key, value in MONEY.items() if key != "rates.execution"}


def read(text: str) -> dict[str, str]:
    return claimed_figures(import_text(TITLE + text))


def plain(text: str) -> str:
    return normalise(text).text


CAPTION_COLUMNS = {
    "caption on the first body row, unit in the form's first row": (
        "填报单位：某县档案馆\t\t\t单位：万元\n"
        "\t项目\t年初预算数\t全年预算数\t全年执行数\t执行率\n"
        "年度预算执行情况\t年度资金总额\t860.00\t912.40\t887.15\t97.23%\n"
        "\t基本支出\t520.00\t534.60\t533.90\t99.87%\n"
        "\t项目支出\t340.00\t377.80\t353.25\t93.50%\n",
        MONEY,
    ),
    "caption on the header row, a split's caption before 基本支出": (
        "单位：万元\n"
        "资金情况\t项目\t年初预算数\t全年预算数\t全年执行数\t执行率\n"
        "\t资金总额\t860.00\t912.40\t887.15\t97.23%\n"
        "\t按支出性质：基本支出\t520.00\t534.60\t533.90\t99.87%\n"
        "\t项目支出\t340.00\t377.80\t353.25\t93.50%\n",
        MONEY,
    ),
    "a caption over two columns, the label title 资金类别": (
        "单位：万元\n"
        "资金\t执行\t资金类别\t年初预算数\t全年预算数\t全年执行数\n"
        "情况\t\t资金总额\t860.00\t912.40\t887.15\n"
        "\t\t基本支出\t520.00\t534.60\t533.90\n"
        "\t\t项目支出\t340.00\t377.80\t353.25\n",
        NO_RATE,
    ),
    "the label title 经济科目": (
        "单位：万元\n经济科目\t全年预算数\t全年执行数\n"
        "工资福利支出\t400.00\t398.20\n商品和服务支出\t134.60\t135.70\n",
        {
            "budget.wages": "400",
            "budget.goods_services": "134.6",
            "executed.wages": "398.2",
            "executed.goods_services": "135.7",
        },
    ),
    "a group title over the budget and spending titles": (
        "单位：万元\n"
        "资金情况\t项目\t预算执行情况\t\t\t\t分值\t得分\n"
        "\t\t年初预算\t全年预算\t全年执行\t执行率\n"
        "\t资金总额\t860.00\t912.40\t887.15\t97.23%\t10\t9.72\n"
        "\t基本支出\t520.00\t534.60\t533.90\t99.87%\n"
        "\t项目支出\t340.00\t377.80\t353.25\t93.50%\n",
        MONEY,
    ),
    "the caption with its points, the label title 支出项目, titles without 数": (
        "金额单位：万元\n"
        "预算执行情况（10分）\t支出项目\t年初预算\t全年预算\t全年执行\t执行率\n"
        "\t一、基本支出\t520.00\t534.60\t533.90\t99.87%\n"
        "\t二、项目支出\t340.00\t377.80\t353.25\t93.50%\n"
        "\t合计\t860.00\t912.40\t887.15\t97.23%\n",
        MONEY,  # the 合计 row's rate, its spending over its budget (全年执行 a spending title)
    ),
    "NOT: a number left of the label column": (
        "单位：万元\n\t项目\t年初预算数\t全年预算数\t全年执行数\t执行率\n"
        "2022\t资金总额\t860.00\t912.40\t887.15\t97.23%\n",
        {},
    ),
    "NOT: no spending title": (
        "单位：万元\n资金情况\t项目\t年初预算数\t全年预算数\t分值\n\t资金总额\t860.00\t912.40\t10\n",
        {},
    ),
}


@pytest.mark.parametrize("name", CAPTION_COLUMNS)
def test_a_money_block_under_a_caption_column_is_read(name: str) -> None:
    text, figures = CAPTION_COLUMNS[name]
    assert read(text) == figures


SIDEWAYS = {
    "支出数按经济分类": (
        "支出数按经济分类\t工资福利支出\t商品和服务支出\t资本性支出\n\t600.00\t250.15\t37.00\n",
        {
            "executed.wages": "600",
            "executed.goods_services": "250.15",
            "executed.capital": "37",
        },
    ),
    "执行数按经济分类, two classes": (
        "执行数按经济分类\t工资福利支出\t对个人和家庭的补助\n\t600.00\t287.15\n",
        {"executed.wages": "600", "executed.transfers_households": "287.15"},
    ),
    "NOT: a row of rates": (
        "支出数按经济分类\t工资福利支出\t商品和服务支出\t资本性支出\n\t67.45%\t28.12%\t4.43%\n",
        {},
    ),
    "NOT: an amount missing": (
        "支出数按经济分类\t工资福利支出\t商品和服务支出\t资本性支出\n\t600.00\t250.15\n",
        {},
    ),
}
TOTAL_BLOCK = (
    "单位：万元\n项目\t年初预算数\t全年预算数\t全年执行数\n资金总额\t860.00\t912.40\t887.15\n"
)
TOTALS = {"budget.initial_total": "860", "budget.total": "912.4", "executed.total": "887.15"}


@pytest.mark.parametrize("name", SIDEWAYS)
def test_economic_classes_written_sideways_are_read(name: str) -> None:
    text, figures = SIDEWAYS[name]
    assert read(TOTAL_BLOCK + text) == TOTALS | figures


PAIRS = {
    "a caption, a count with thousands and a bracketed split": (
        "单位名称\t某县人民医院\t主管部门\t某县卫健委\n"
        "基本信息\t编制数\t520\t实有人数\t1,186人\n"
        "\t在职人数\t1,032（编制内498，编外534）\t退休人数\t154\n",
        {
            "staffing.authorized": "520",
            "staffing.actual_total": "1186",
            "staffing.in_service": "1032",
            "staffing.retired": "154",
        },
    ),
    "a caption that is a role's own word": (
        "人员情况\t编制数\t24\t实有人数\t31\n实有人员\t在职\t27\t退休\t4\n",
        {
            "staffing.authorized": "24",
            "staffing.actual_total": "31",
            "staffing.in_service": "27",
            "staffing.retired": "4",
        },
    ),
    "NOT: a count that is no whole number": ("基本信息\t编制数\t约24\t实有人数\t31\n", {}),
}


@pytest.mark.parametrize("name", PAIRS)
def test_staffing_pairs_opened_by_a_caption_are_read(name: str) -> None:
    text, figures = PAIRS[name]
    assert read(text) == figures


def test_the_step_keeps_each_characters_origin_and_leaves_other_rows() -> None:
    text = "基本信息\t编制数\t24\t实有人数\t1,031人\n年度总体目标\t完成档案数字化\n"
    rewritten, origin = form_block_rows(text, list(range(len(text))))
    assert rewritten == "\t编制数\t24\t实有人数\t1031\n年度总体目标\t完成档案数字化\n"
    assert [text[at] for at, char in zip(origin, rewritten, strict=True) if char not in "\t\n"] == [
        char for char in rewritten if char not in "\t\n"
    ]


def test_a_column_of_its_own_left_of_the_labels_is_kept() -> None:
    # each row's own words (单位 over 本级 / 下属单位): no merged caption, the rows as written
    text = (
        "单位\t项目\t全年预算数\t全年执行数\n"
        "本级\t工作经费\t50.00\t48.00\n下属单位\t工作经费\t30.00\t29.00\n"
    )
    assert plain(text) == text


def test_two_tables_side_by_side_are_kept() -> None:
    text = "项目\t全年预算数\t全年执行数\t项目\t全年预算数\t全年执行数\n基本支出\t50.00\t48.00\t项目支出\t30.00\t29.00\n"
    assert plain(text) == text


def test_a_dated_group_title_is_left_to_the_header_reader() -> None:
    text = (
        "项目\t2022年度\t\t\n\t全年预算数\t实际支出数\t执行率\n基本支出\t534.60\t533.90\t99.87%\n"
    )
    assert plain(text).startswith("项目\t2022年度")


@pytest.mark.parametrize("caption", ["", "资产情况\t"], ids=["plain", "under a caption column"])
def test_an_asset_block_by_year_start_and_end_does_not_fail_the_import(caption: str) -> None:
    # 资产总额 under 年初数 / 年末数 columns: no phase the asset reader settles, so not read, and
    # the import goes on (it once failed on an unknown field assets.total)
    pad = "\t" if caption else ""
    text = (
        f"单位：万元\n{caption}项目\t年初数\t年末数\t增减率\n"
        f"{pad}资产总额（账面净值）\t52316.42\t55890.17\t6.83%\n{pad}负债总额\t21035.60\t24685.62\n"
    )
    assert not any(key.startswith("assets.") for key in read(text))
