"""Money blocks of forms pasted as tab rows or grids (w35 / w36 / w32 / w34 dev reports), pinned
by variants written for these tests (not copied from any report), read through the whole
importer: the figures each must give, and nothing else. Each class has variants that must NOT
be read.

Classes:
- a block caption carrying its weight ("预算执行情况（10分）") left of a block's label column;
- a cut's caption row inside a block, its cells empty ("按支出性质分", "按经济分类", "其中：按经济
  分类"): it goes, the rows under it are the block's;
- the unit written in the caption cell left of the labels ("资金情况（万元）", "（单位：元）");
- a row label wrapped onto a line of its own under its row ("对个人和家庭的补" / "助"), the piece
  in the label's cell or shifted to the first;
- a second header inside a block naming some of its columns ("按经济分类 | 调整预算数 | 执行数"),
  under a header whose label title is a cell left empty;
- an asset row of key / value tab cells ("年末资产总额 | … | 上年末资产总额 | … | 增减率 | 7.83%");
- a PDF layer's spending block turned sideways under titles wrapped over two or three lines
  (the funding lines and economic classes as columns, the phases as rows).
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县图书馆2023年度部门整体支出绩效自评表\n"


def read(text: str) -> dict[str, str]:
    return claimed_figures(import_text(TITLE + text))


def money(text: str) -> dict[str, str]:
    return money_only(read(text))


BLOCK = {
    "budget.total": "912.4",
    "budget.basic": "534.6",
    "budget.project": "377.8",
    "executed.total": "887.15",
    "executed.basic": "533.9",
    "executed.project": "353.25",
}
ROWS = (
    "\t资金总额\t860.00\t912.40\t887.15\t97.23%\t10\t9.72\n"
    "\t基本支出\t520.00\t534.60\t533.90\t99.87%\n"
    "\t项目支出\t340.00\t377.80\t353.25\t93.50%\n"
)
HEADER = "\t项目\t上年执行数\t本年预算数\t本年执行数\t执行率\t分值\t得分\n"

WEIGHTED_CAPTIONS = {
    "预算执行情况（10分）": "单位：万元\n预算执行情况（10分）" + HEADER + ROWS,
    "资金情况(20分), half-width brackets": "单位：万元\n资金情况(20分)" + HEADER + ROWS,
    "年度预算执行（10.5分）": "单位：万元\n年度预算执行（10.5分）" + HEADER + ROWS,
}


@pytest.mark.parametrize("name", WEIGHTED_CAPTIONS)
def test_a_caption_with_its_weight_left_of_the_labels(name: str) -> None:
    assert money(WEIGHTED_CAPTIONS[name]) == BLOCK


def test_not_a_weight_caption_with_a_number_in_a_body_rows_caption_cell() -> None:
    text = (
        "单位：万元\n预算执行情况（10分）"
        + HEADER
        + "2022\t资金总额\t860.00\t912.40\t887.15\t97.23%\t10\t9.72\n"
    )
    assert "budget.total" not in money(text)


CLASSES = {
    "budget.wages": "500",
    "budget.goods_services": "412.4",
    "executed.wages": "498.2",
    "executed.goods_services": "388.95",
}
CUT_ROWS = {
    "按支出性质分 / 按经济分类, caption column": (
        "单位：万元\n资金情况\t项目\t全年预算数\t全年执行数\n"
        "\t资金总额\t912.40\t887.15\n"
        "\t按支出性质分\t\t\n\t基本支出\t534.60\t533.90\n\t项目支出\t377.80\t353.25\n"
        "\t按经济分类\t\t\n\t工资福利支出\t500.00\t498.20\n\t商品和服务支出\t412.40\t388.95\n"
    ),
    "其中：按经济分类 in a plain block": (
        "单位：万元\n项目\t全年预算数\t全年执行数\n资金总额\t912.40\t887.15\n"
        "基本支出\t534.60\t533.90\n项目支出\t377.80\t353.25\n"
        "其中：按经济分类\t\t\n工资福利支出\t500.00\t498.20\n商品和服务支出\t412.40\t388.95\n"
    ),
    "按支出类型划分：": (
        "单位：万元\n资金情况\t项目\t全年预算数\t全年执行数\n\t资金总额\t912.40\t887.15\n"
        "\t按支出类型划分：\t\t\n\t基本支出\t534.60\t533.90\n\t项目支出\t377.80\t353.25\n"
        "\t按经济分类\t\t\n\t工资福利支出\t500.00\t498.20\n\t商品和服务支出\t412.40\t388.95\n"
    ),
}


@pytest.mark.parametrize("name", CUT_ROWS)
def test_a_cuts_caption_row_inside_a_block_goes(name: str) -> None:
    found = money(CUT_ROWS[name])
    for key, value in CLASSES.items():
        assert found.get(key) == value, key
    assert found.get("budget.basic") == "534.6"
    assert found.get("executed.project") == "353.25"


def test_not_a_cut_caption_row_with_no_row_of_the_block_under_it() -> None:
    text = (
        "单位：万元\n资金情况\t项目\t全年预算数\t全年执行数\n\t资金总额\t912.40\t887.15\n"
        "\t按经济分类\t\t\n说明\t经济分类数据另见附表\t\t\n"
    )
    assert "按经济分类" in normalise(text).text
    assert not set(money(text)) & set(CLASSES)


CAPTION_UNITS = {
    "资金情况（万元） repeated": (
        "资金情况（万元）\t项目\t全年预算数\t全年执行数\n"
        "资金情况（万元）\t资金总额\t912.40\t887.15\n"
        "资金情况（万元）\t基本支出\t534.60\t533.90\n"
        "资金情况（万元）\t项目支出\t377.80\t353.25\n",
        BLOCK,
    ),
    "（单位：元） on the header's caption only": (
        "预算执行情况（单位：元）\t项目\t全年预算数\t全年执行数\n"
        "\t资金总额\t9,124,000.00\t8,871,500.00\n"
        "\t基本支出\t5,346,000.00\t5,339,000.00\n"
        "\t项目支出\t3,778,000.00\t3,532,500.00\n",
        BLOCK,
    ),
}


@pytest.mark.parametrize("name", CAPTION_UNITS)
def test_the_unit_in_the_caption_cell(name: str) -> None:
    text, figures = CAPTION_UNITS[name]
    assert money(text) == figures


def test_not_two_units_in_the_caption_cells() -> None:
    text = (
        "资金情况（万元）\t项目\t全年预算数\t全年执行数\n"
        "资金情况（元）\t资金总额\t912.40\t887.15\n"
        "\t基本支出\t534.60\t533.90\n\t项目支出\t377.80\t353.25\n"
    )
    assert money(text) == {}


def drawn(cells: list[str], widths: tuple[int, ...] = (8, 18, 12, 12)) -> str:
    """A row of a table drawn with │ between cells, each padded to its display width."""
    padded = [
        cell + " " * (width - sum(2 if ord(c) > 0x2E80 else 1 for c in cell))
        for cell, width in zip(cells, widths, strict=True)
    ]
    return " " + " │ ".join(padded).rstrip()


WRAPPED = {
    "the piece in the label's cell": (
        "单位：万元\n资金情况\t项目\t全年预算数\t全年执行数\n"
        "\t资金总额\t912.40\t887.15\n"
        "\t对个人和家庭的补\t512.40\t488.95\n\t助\t\t\n"
        "\t工资福利支出\t400.00\t398.20\n"
    ),
    "a table drawn with │ between its cells, no outer border": "单位：万元\n"
    + "\n".join(
        drawn(row)
        for row in (
            ["资金", "项目", "全年预算数", "全年执行数"],
            ["情况", "资金总额", "912.40", "887.15"],
            ["", "对个人和家庭的补", "512.40", "488.95"],
            ["", "助", "", ""],
            ["", "工资福利支出", "400.00", "398.20"],
        )
    )
    + "\n",
    "a plain block, 商品和服务 / 支出": (
        "单位：万元\n项目\t全年预算数\t全年执行数\n资金总额\t912.40\t887.15\n"
        "对个人和家庭的补\t512.40\t488.95\n助\t\t\n工资福利支出\t400.00\t398.20\n"
    ),
}


@pytest.mark.parametrize("name", WRAPPED)
def test_a_row_label_wrapped_onto_a_line_of_its_own(name: str) -> None:
    found = money(WRAPPED[name])
    assert found.get("budget.transfers_households") == "512.4"
    assert found.get("executed.transfers_households") == "488.95"
    assert found.get("executed.wages") == "398.2"


def test_not_a_drawn_tables_piece_whose_border_is_shifted() -> None:
    rows = [
        drawn(["资金", "项目", "全年预算数", "全年执行数"]),
        drawn(["情况", "资金总额", "912.40", "887.15"]),
        drawn(["", "对个人和家庭的补", "512.40", "488.95"]),
        drawn(["", "助", "", ""], (8, 20, 12, 12)),
    ]
    text = "单位：万元\n" + "\n".join(rows) + "\n"
    assert "对个人和家庭的补助" not in normalise(text).text


def test_not_a_piece_that_makes_no_row_name() -> None:
    text = (
        "单位：万元\n项目\t全年预算数\t全年执行数\n资金总额\t912.40\t887.15\n"
        "工资福利支出\t512.40\t488.95\n费\t\t\n"
    )
    assert "工资福利支出费" not in normalise(text).text
    text = (
        "单位：万元\n项目\t全年预算数\t全年执行数\n资金总额\t912.40\t887.15\n"
        "其他商品和\t512.40\t488.95\n服务\t\t\n"
    )
    assert "其他商品和服务\t" not in normalise(text).text


SUB_HEADERS = {
    "按经济分类 over two of four columns, a corner left empty": (
        "单位：万元\n\t年初预算数\t调整预算数\t执行数\t执行率\n"
        "年度资金总额\t880.00\t912.40\t887.15\t97.23%\n"
        "基本支出\t520.00\t534.60\t533.90\t99.87%\n"
        "项目支出\t360.00\t377.80\t353.25\t93.50%\n"
        "按经济分类\t调整预算数\t执行数\n"
        "工资福利支出\t500.00\t498.20\n商品和服务支出\t412.40\t388.95\n"
    ),
    "a sub-header with its corner empty, under a 项目 header": (
        "单位：万元\n项目\t年初预算数\t调整预算数\t执行数\n"
        "年度资金总额\t880.00\t912.40\t887.15\n"
        "基本支出\t520.00\t534.60\t533.90\n"
        "项目支出\t360.00\t377.80\t353.25\n"
        "\t调整预算数\t执行数\n"
        "工资福利支出\t500.00\t498.20\n商品和服务支出\t412.40\t388.95\n"
    ),
}


@pytest.mark.parametrize("name", SUB_HEADERS)
def test_a_second_header_inside_a_block(name: str) -> None:
    found = money(SUB_HEADERS[name])
    for key, value in CLASSES.items():
        assert found.get(key) == value, key
    assert found.get("budget.total") == "912.4"
    assert found.get("executed.basic") == "533.9"


def test_not_a_second_header_with_a_title_the_block_has_not() -> None:
    text = (
        "单位：万元\n\t年初预算数\t调整预算数\t执行数\n"
        "年度资金总额\t880.00\t912.40\t887.15\n"
        "基本支出\t520.00\t534.60\t533.90\n"
        "项目支出\t360.00\t377.80\t353.25\n"
        "按经济分类\t预算数\t决算数\n"
        "工资福利支出\t400.00\t398.20\n"
    )
    assert "工资福利支出\t\t400.00" not in normalise(text).text


ASSETS = {
    "年末资产总额 / 上年末资产总额 / 增减率, 元 in the form's first row": (
        "填报单位：某县图书馆\t\t单位：元\n"
        "基本情况\t年末资产总额\t12,836,540.27\t上年末资产总额\t11,904,216.85\t增减率\t7.83%\n"
        "\t净资产\t12,514,380.06\n",
        {"assets.total_net": "1283.654027", "assets.change_pct": "7.83"},
    ),
    "资产总额 then 增长率 right after it, no caption": (
        "单位：万元\n资产总额\t1,283.65\t增长率\t-2.10%\n",
        {"assets.total_net": "1283.65", "assets.change_pct": "-2.1"},
    ),
    "NOT: 净资产 alone": ("单位：万元\n基本情况\t净资产\t1,251.44\t增减率\t3.10%\n", {}),
    "NOT: a row of two amounts under 年初数 / 年末数": (
        "单位：万元\n项目\t年初数\t年末数\n资产总额\t1,190.42\t1,283.65\n",
        {},
    ),
    "NOT: the change after the prior year's total alone": (
        "单位：万元\n基本情况\t上年末资产总额\t1,190.42\t增减率\t7.83%\n",
        {},
    ),
}


@pytest.mark.parametrize("name", ASSETS)
def test_an_asset_row_of_key_value_tab_cells(name: str) -> None:
    text, figures = ASSETS[name]
    found = read(text)
    assert {key: value for key, value in found.items() if key.startswith("assets.")} == figures


TURNED = (
    "单位：万元\n"
    "                   合计        基本        项目        工资福利    商品和      对个人和    资本性\n"
    "本年支出                       支出        支出        支出        服务支出    家庭的补    支出\n"
    "                                                                               助\n"
    "年初预算数         1,100.00    700.00      400.00      500.00      300.00      20.00       280.00\n"
    "调整后预算数       1,200.00    760.00      440.00      520.00      330.00      30.00       320.00\n"
    "实际支出数         1,150.00    750.00      400.00      515.00      310.00      25.00       300.00\n"
    "预算执行率         95.83%      98.68%      90.91%      99.04%      93.94%      83.33%      93.75%\n"
)
TURNED_MONEY = {
    "budget.initial_total": "1100",
    "budget.total": "1200",
    "budget.basic": "760",
    "budget.project": "440",
    "budget.wages": "520",
    "budget.goods_services": "330",
    "budget.transfers_households": "30",
    "budget.capital": "320",
    "executed.total": "1150",
    "executed.basic": "750",
    "executed.project": "400",
    "executed.wages": "515",
    "executed.goods_services": "310",
    "executed.transfers_households": "25",
    "executed.capital": "300",
}
TURNED_VARIANTS = {
    "economic classes, a caption": TURNED,
    "资金总额, no caption, two title lines": (
        "单位：万元\n"
        "            资金        基本        项目\n"
        "            总额        支出        支出\n"
        "年初预算数  1,100.00    700.00      400.00\n"
        "全年预算数  1,200.00    760.00      440.00\n"
        "全年执行数  1,150.00    750.00      400.00\n"
    ),
}


@pytest.mark.parametrize("name", TURNED_VARIANTS)
def test_a_turned_block_under_wrapped_titles(name: str) -> None:
    found = money(TURNED_VARIANTS[name])
    if "工资福利" in TURNED_VARIANTS[name]:
        assert found == TURNED_MONEY
    else:
        assert found == {
            key: value
            for key, value in TURNED_MONEY.items()
            if key.split(".")[1] in ("initial_total", "total", "basic", "project")
        }


def test_a_turned_block_keeps_a_stated_rate_that_misses() -> None:
    text = TURNED.replace("95.83%", "97.83%")
    result = import_text(TITLE + text)
    assert claimed_figures(result).get("budget.total") == "1200"
    assert "executed.total" in result.sources


TURNED_NOT = {
    "the parts do not add up": TURNED.replace("700.00      400.00", "700.00      410.00"),
    "a column title the readers do not know": TURNED.replace("资本性", "专项性"),
    "a phase row a cell short": TURNED.replace("310.00      25.00 ", "310.00            "),
}


@pytest.mark.parametrize("name", TURNED_NOT)
def test_not_a_turned_block(name: str) -> None:
    assert "基本支出\t" not in normalise(TURNED_NOT[name]).text


FURTHER_WORDINGS = (
    "预算执行情况（权重10分） 单位：万元\t项目\t全年预算数\t全年执行数\t执行率\n"
    "\t资金总额\t912.40\t887.15\t97.23%\n"
    "\t（按支出性质分）\n"
    "\t基本支出\t534.60\t533.90\t99.87%\n"
    "\t项目支出\t377.80\t353.25\t93.50%\n"
    "\t经济分类：\n"
    "\t工资福利支出\t500.00\t498.20\t99.64%\n"
    "\t商品和服务支出\t412.40\t388.95\t94.31%\n"
)


def test_a_weight_and_an_unbracketed_unit_in_the_caption_and_bracketed_cut_captions() -> None:
    assert money(FURTHER_WORDINGS) == {**BLOCK, **CLASSES}


def test_not_a_caption_with_a_year_in_brackets() -> None:
    text = FURTHER_WORDINGS.replace("（权重10分） 单位：万元", "（2023）")
    assert "预算执行情况(2023)\t项目" in normalise(text).text


TURNED_ASCII_GRID = """\
单位：万元
+------------+----------+--------+--------+
| 项目       | 资金     | 基本   | 项目   |
|            | 总额     | 支出   | 支出   |
+------------+----------+--------+--------+
| 年初预算数 | 1100.00  | 700.00 | 400.00 |
+------------+----------+--------+--------+
| 全年预算数 | 1200.00  | 760.00 | 440.00 |
+------------+----------+--------+--------+
| 全年执行数 | 1150.00  | 750.00 | 400.00 |
+------------+----------+--------+--------+
| 执行率     | 95.83%   | 98.68% | 90.91% |
+------------+----------+--------+--------+
"""


def test_a_ruled_grids_funding_line_titles_wrapped_over_two_lines() -> None:
    assert "\n基本支出\t700.00\t760.00\t750.00\t98.68%" in normalise(TURNED_ASCII_GRID).text
    assert read(TURNED_ASCII_GRID)["rates.execution"] == "95.83"


def test_not_two_rows_of_text_that_make_no_title() -> None:
    text = TURNED_ASCII_GRID.replace("| 资金     | 基本   |", "| 资金     | 基本   |").replace(
        "|            | 总额     | 支出   | 支出   |", "|            | 来源     | 情况   | 说明   |"
    )
    assert "资金来源" not in normalise(text).text


UNITS_IN_CELLS = {
    "万元 after every amount, a plain block": (
        "项目\t全年预算数\t全年执行数\n年度资金总额\t912.40万元\t887.15万元\n"
        "基本支出\t534.60万元\t533.90万元\n项目支出\t377.80万元\t353.25万元\n"
    ),
    "元 after every amount under a caption column, a 万元 line above": (
        "单位：万元\n资金情况\t项目\t全年预算数\t全年执行数\t执行率\n"
        "\t年度资金总额\t9,124,000.00元\t8,871,500.00元\t97.23%\n"
        "\t基本支出\t5,346,000.00元\t5,339,000.00元\t99.87%\n"
        "\t项目支出\t3,778,000.00元\t3,532,500.00元\t93.50%\n"
    ),
    "a dash for an empty cell": (
        "项目\t年初预算数\t全年预算数\t全年执行数\n年度资金总额\t—\t912.40 万元\t887.15 万元\n"
        "基本支出\t—\t534.60 万元\t533.90 万元\n项目支出\t—\t377.80 万元\t353.25 万元\n"
    ),
}


@pytest.mark.parametrize("name", UNITS_IN_CELLS)
def test_a_block_whose_amounts_carry_their_unit(name: str) -> None:
    found = money(UNITS_IN_CELLS[name])
    assert {key: found.get(key) for key in BLOCK} == BLOCK


def test_not_a_block_whose_cells_mix_units_and_bare_amounts() -> None:
    text = (
        "单位：万元\n项目\t全年预算数\t全年执行数\n年度资金总额\t912.40万元\t887.15\n"
        "基本支出\t534.60万元\t533.90万元\n"
    )
    assert "项目(万元)" not in normalise(text).text
    assert "912.40万元" in normalise(text).text


def test_a_cell_with_its_unit_under_budget_and_spending_titles_is_not_taken_for_spending() -> None:
    """A tab row's amount with its unit and no phase word ("基本支出\t534.60万元") under a header
    titling a budget and a spending column is not the year's spending an evaluation implies."""
    text = (
        "单位：万元\n项目\t全年预算数\t全年执行数\n年度资金总额\t912.40万元\t887.15\n"
        "基本支出\t534.60万元\t533.90万元\n"
    )
    found = money(text)
    assert found.get("executed.basic") != "534.6"
    assert "budget.basic" not in found or found["budget.basic"] == "534.6"


def test_a_sentence_without_a_phase_word_is_still_the_years_spending() -> None:
    assert money("全年基本支出534.60万元，项目支出353.25万元。\n").get("executed.basic") == "534.6"


TWO_COLUMN_LABELS = {
    "其中 in the first cell, the parts in the second": (
        "单位：万元\n项目\t\t全年预算数\t全年执行数\n年度资金总额\t\t912.40\t887.15\n"
        "其中\t财政拨款\t800.00\t790.00\n\t其他资金\t112.40\t97.15\n"
        "按支出性质\t基本支出\t534.60\t533.90\n\t项目支出\t377.80\t353.25\n"
    ),
    "其中： with a colon, 资金类别 as the title, a rate column": (
        "单位：万元\n资金类别\t\t全年预算数\t全年执行数\t执行率\n"
        "年度资金总额\t\t912.40\t887.15\t97.23%\n"
        "其中：\t基本支出\t534.60\t533.90\t99.87%\n\t项目支出\t377.80\t353.25\t93.50%\n"
    ),
}


@pytest.mark.parametrize("name", TWO_COLUMN_LABELS)
def test_row_labels_over_two_columns(name: str) -> None:
    assert money(TWO_COLUMN_LABELS[name]) == BLOCK


def test_not_a_part_named_beside_its_parent() -> None:
    text = (
        "单位：万元\n项目\t\t全年预算数\t全年执行数\n年度资金总额\t\t912.40\t887.15\n"
        "基本支出\t人员经费\t434.60\t433.90\n\t公用经费\t100.00\t100.00\n"
    )
    assert "\n人员经费\t" not in normalise(text).text
