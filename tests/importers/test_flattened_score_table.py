"""Issue 9: a self-evaluation score table flattened one cell per line gives its indicator rows
(name, 一级/二级指标, weight, target, actual, score), but only when the arithmetic proves the rows
aligned: weights and scores add up to the 合计 line's. Wording variants written for these tests."""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text

TITLE = "某县林业局2022年度部门整体支出绩效自评报告\n"
HEADER = "附件 部门整体支出绩效自评表\n一级指标\n二级指标\n三级指标\n分值\n年度指标值\n实际完成值\n得分\n"
ROWS = (
    "产出指标\n数量指标\n造林面积\n30\n≥500亩\n520亩\n30\n"
    "质量指标\n苗木成活率\n20\n≥90%\n88%\n17\n"  # 一级指标 merged: carried from the row above
    "效益指标\n生态效益\n森林覆盖率\n30\n≥62%\n62.5%\n30\n"
    "满意度指标\n服务对象满意度\n林农满意度\n20\n≥90%\n93%\n19.5\n"
)


def indicators(text: str) -> dict[str, tuple[str, ...]]:
    result = import_text(TITLE + text, file="r.txt")
    return {
        i.name: (
            i.level1.value,
            i.level2 or "",
            str(i.weight),
            str(i.target),
            str(i.actual),
            str(i.self_score),
        )
        for i in result.dossier.indicators
    }


def test_a_flattened_score_table_gives_its_indicator_rows() -> None:
    found = indicators(HEADER + ROWS + "合计\n100\n96.5\n优\n")
    assert found == {
        "造林面积": ("产出", "数量指标", "30", "500", "520", "30"),
        "苗木成活率": ("产出", "质量指标", "20", "90", "88", "17"),
        "森林覆盖率": ("效益", "生态效益", "30", "62", "62.5", "30"),
        "林农满意度": ("满意度", "服务对象满意度", "20", "90", "93", "19.5"),
    }
    result = import_text(TITLE + HEADER + ROWS + "合计\n100\n96.5\n优\n", file="r.txt")
    first = result.dossier.indicators[0]
    assert (
        first.source is not None
        and first.source.text == "产出指标\n数量指标\n造林面积\n30\n≥500亩\n520亩\n30"
    )
    assert str(result.dossier.self_evaluation.total) == "96.5"


def test_a_header_with_other_titles_and_without_a_second_level() -> None:
    text = (
        "评分表\n一级指标\n指标名称\n权重\n目标值\n实际值\n自评得分\n"
        "产出\n巡护里程\n60\n≥1200公里\n1350公里\n60\n"
        "效益\n火灾受害率\n40\n≤0.9‰\n0.2‰\n38\n"
        "总分\n100\n98\n"
    )
    assert indicators(text) == {
        "巡护里程": ("产出", "", "60", "1200", "1350", "60"),
        # "≤0.9‰" is kept as text (no number read for a unit the reader does not know)
        "火灾受害率": ("效益", "", "40", "None", "None", "38"),
    }


@pytest.mark.parametrize(
    "rows",
    [
        # a cell lost in flattening (苗木成活率's target): rows misalign, nothing is read
        ROWS.replace("≥90%\n88%\n17", "88%\n17") + "合计\n100\n96.5\n",
        # scores that do not add up to the 合计 score
        ROWS + "合计\n100\n95\n",
        # weights that do not add up to 100
        ROWS.replace("林农满意度\n20", "林农满意度\n25") + "合计\n100\n96.5\n",
        # a new 一级指标 whose 二级指标 cell was lost
        ROWS.replace("效益指标\n生态效益\n", "效益指标\n") + "合计\n100\n96.5\n",
        # no 合计 line: nothing proves the rows aligned
        ROWS,
        # a score above its weight
        ROWS.replace("≥500亩\n520亩\n30", "≥500亩\n520亩\n31").replace("19.5", "18.5")
        + "合计\n100\n96.5\n",
    ],
)
def test_rows_the_arithmetic_does_not_prove_aligned_are_not_read(rows: str) -> None:
    assert indicators(HEADER + rows) == {}


def test_a_money_table_flattened_the_same_way_gives_no_indicator() -> None:
    text = "支出明细表\n项目\n预算数\n执行数\n基本支出\n60\n58\n项目支出\n40\n37\n合计\n100\n95\n"
    assert indicators(text) == {}
