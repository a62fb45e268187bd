"""A form's staffing header on two rows: a group title 实有人数 over its parts (合计 / 在职 / 退休),
written in every grid column or once with blank cells right of it; variants written for these
tests."""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

HEAD = "某县某局2023年度部门整体支出绩效自评表\n单位：万元\n"
STAFF = {
    "staffing.authorized": "78",
    "staffing.actual_total": "104",
    "staffing.in_service": "71",
    "staffing.retired": "33",
}


@pytest.mark.parametrize(
    "rows",
    [
        (
            "人员情况\t编制数\t实有人数\t实有人数\t实有人数\t编外人数\t编外人数",
            "人员情况\t编制数\t合计\t在职\t退休\t编外人数\t编外人数",
            "人员情况\t78\t104\t71\t33\t12\t12",
        ),
        (
            "人员情况\t编制数\t实有人数\t\t\t编外人数",
            "\t编制数\t合计\t在职\t退休\t编外人数",
            "\t78\t104\t71\t33\t12",
        ),
        (
            "编制人数\t实有人员\t实有人员\t实有人员",
            "编制人数\t小计\t在职\t离退休",
            "78\t104\t71\t33",
        ),
    ],
)
def test_a_group_title_over_its_parts_is_one_header(rows: tuple[str, str, str]) -> None:
    figures = claimed_figures(import_text(HEAD + "\n".join(rows) + "\n"))
    for key, value in STAFF.items():
        assert figures.get(key) == value, (key, figures)


def test_a_group_of_another_kind_is_not_joined() -> None:
    rows = (
        "人员情况\t编制数\t内设机构\t内设机构\t内设机构",
        "人员情况\t编制数\t合计\t科室\t中心",
        "人员情况\t78\t9\t6\t3",
    )
    figures = claimed_figures(import_text(HEAD + "\n".join(rows) + "\n"))
    assert "staffing.actual_total" not in figures and "staffing.in_service" not in figures
