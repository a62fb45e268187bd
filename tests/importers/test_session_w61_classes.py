"""Classes read since w61: a block's caption merged down its rows and exported once a row (the
titles' row too), and a source row named 本年财政资金; variants written for these tests."""

from __future__ import annotations

import pytest

from jixiao.importers.pastings.merged_cells import captions_merged_down
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

HEAD = "临河县2023年度部门整体支出绩效自评表\n部门名称：临河县水利局\n单位：万元\n"
CAPTIONS = ("资金情况（万元）", "年度预算执行情况", "预算执行")


def _block(caption: str, source: str = "本年财政资金") -> str:
    rows = [
        "\t\t年初预算数\t全年预算数\t全年执行数\t执行率\t分值\t得分",
        "\t资金总额\t905.20\t1,046.38\t998.41\t95.42%\t10\t9.54",
        f"\t其中：{source}\t905.20\t986.38\t942.06\t95.51%\t—\t—",
        "\t上年结转资金\t0.00\t60.00\t56.35\t93.92%\t—\t—",
        "\t其他资金\t0.00\t0.00\t0.00\t—\t—\t—",
        "\t基本支出\t612.10\t628.45\t626.90\t99.75%\t—\t—",
        "\t项目支出\t293.10\t417.93\t371.51\t88.89%\t—\t—",
    ]
    return "\n".join(caption + row for row in rows) + "\n"


@pytest.mark.parametrize("caption", CAPTIONS)
def test_a_caption_repeated_down_a_money_block_is_written_once(caption: str) -> None:
    result = import_text(HEAD + _block(caption))
    money = money_only(claimed_figures(result))
    assert money["budget.total"] == "1046.38"
    assert money["budget.basic"] == "628.45"
    assert money["executed.total"] == "998.41"
    assert money["executed.project"] == "371.51"


@pytest.mark.parametrize("source", ["本年财政资金", "当年财政资金", "本级财政拨款"])
def test_this_years_funds_are_a_source_row_not_a_missing_part(source: str) -> None:
    result = import_text(HEAD + _block("资金情况", source))
    assert not [f for f in result.findings if f.id == "import.W005"]


def test_the_titles_row_is_kept_and_the_copies_below_it_emptied() -> None:
    text = "预算执行\t\t预算数\t执行数\n预算执行\t合计\t100.00\t98.00\n预算执行\t基本支出\t60.00\t59.00\n"
    folded, origin = captions_merged_down(text, list(range(len(text))))
    assert folded == "预算执行\t\t预算数\t执行数\n\t合计\t100.00\t98.00\n\t基本支出\t60.00\t59.00\n"
    assert len(origin) == len(folded)


def test_a_category_repeated_beside_its_indicators_is_left_as_written() -> None:
    text = "产出指标\t数量指标\t整治河道\t≥12公里\t13公里\t10\t10\n产出指标\t质量指标\t验收合格率\t100%\t100%\t10\t10\n"
    folded, _ = captions_merged_down(text, list(range(len(text))))
    assert folded == text
