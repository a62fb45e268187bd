"""A form's own head field naming the year its figures are for (预算年度 / 评价年度 / 所属年度) that
contradicts the title's year is reported (import.W013) even when a note labels other money with
the title's year (a next year's budget); variants written for these tests."""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text

BLOCK = (
    "项目\t年初预算数\t全年预算数\t全年执行数\t执行率\n合计\t5,155.60\t6,873.05\t6,366.90\t92.64%\n"
)
NOTE = "说明：2024年部门预算已批复年初预算数5872.40万元。\n"


def year_findings(text: str) -> list[str]:
    return [f.message for f in import_text(text).findings if f.id == "import.W013"]


@pytest.mark.parametrize(
    "head",
    [
        "某区城管局2024年度\n部门整体支出绩效自评表\n部门名称        某区城管局        预算年度        2023年\n",
        "某区城管局2024年度部门整体支出绩效自评表\n预算年度：2023年度\t金额单位：万元\n",
        "2024年度部门整体支出绩效自评表\n部门名称\t某区城管局\t评价年度\t2023\n",
    ],
)
def test_a_head_field_of_another_year_is_reported_beside_a_note_of_the_title_s_year(
    head: str,
) -> None:
    found = year_findings(head + "金额单位：万元\n" + BLOCK + NOTE)
    assert len(found) == 1 and "2023" in found[0] and "2024" in found[0]


@pytest.mark.parametrize(
    "head",
    [
        "某区城管局2024年度部门整体支出绩效自评表\n预算年度：2024年度\n",
        "2024年度部门整体支出绩效自评表\n部门名称\t某区城管局\t评价年度\t2024\n",
    ],
)
def test_a_head_field_of_the_title_s_year_is_no_contradiction(head: str) -> None:
    # the prose compares with the year before: no finding
    text = head + "金额单位：万元\n" + BLOCK + "2023年预算数6,100.00万元。\n"
    assert not year_findings(text)


def test_a_fill_in_date_is_no_head_field() -> None:
    head = "某区城管局2024年度部门整体支出绩效自评表\n填报日期：2025年3月15日\n"
    assert not year_findings(head + "金额单位：万元\n" + BLOCK)
