"""A staff total's 其中 list with parts no standard type names ("专任教师22人、教辅人员4人") is
checked on every part: the finding quotes each part and their true sum, and a list that adds up
is not reported as one that does not (w17-05's first run quoted only the 工勤 part, and a sum of
2). Lists that profile the staff (女, 党员, 学历, 职称) are not parts. Variants written for these
tests; the staff figures themselves are unchanged (no breakdown of unnamed types is imported).
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text

SCHOOL = "某县第二实验小学2023年度部门整体支出绩效自评报告\n一、基本情况\n"


def staff_findings(text: str) -> list[tuple[str, str]]:
    report = import_text(SCHOOL + text)
    return [(f.id, f.message) for f in report.findings if f.id in ("import.W004", "import.I004")]


MISSES = [
    (
        "学校核定事业编制32名，现有在编教职工29人，其中专任教师22人、教辅人员4人、工勤人员2人。",
        "合计28",
    ),
    ("现有在编在岗教职工41名，其中教师33名、教辅人员5名、后勤人员2名。", "合计40"),
    ("在职人员18人（其中医生9人、护士6人、药剂人员2人）。", "合计17"),
]


@pytest.mark.parametrize(("text", "sum_quoted"), MISSES)
def test_a_list_that_misses_its_total_is_reported_with_every_part(text, sum_quoted):
    warnings = [m for i, m in staff_findings(text) if i == "import.W004"]
    assert len(warnings) == 1 and sum_quoted in warnings[0]


ADDING_UP = [
    "现有在编教职工29人，其中专任教师23人、教辅人员4人、工勤人员2人。",
    "在职人员18人，其中医生9人、护士7人、药剂人员2人。",
]


@pytest.mark.parametrize("text", ADDING_UP)
def test_a_list_that_adds_up_is_not_a_warning(text):
    found = staff_findings(text)
    assert not [i for i, _ in found if i == "import.W004"]
    assert any("不能对应到标准类型" in m for i, m in found if i == "import.I004")


NOT_PARTS = [
    "现有在编教职工29人，其中女教师20人、党员12人。",
    "现有在编教职工29人，其中本科学历21人、高级职称6人。",
    "现有在编教职工29人。其中专任教师22人、教辅人员4人。",  # another sentence
    "现有在编教职工29人，35岁以下青年教师11人。",  # no 其中
]


@pytest.mark.parametrize("text", NOT_PARTS)
def test_a_profile_or_another_sentence_is_not_a_breakdown(text):
    assert not [i for i, _ in staff_findings(text) if i == "import.W004"]


BRACKETED = [
    ("在职人员214人（民警209人、工勤人员5人），退休人员96人。", "import.I004"),
    ("在职人员214人（民警208人、工勤人员5人），退休人员96人。", "import.W004"),
]


@pytest.mark.parametrize(("text", "expected"), BRACKETED)
def test_a_bracketed_list_right_after_the_total_is_its_breakdown(text, expected):
    found = [i for i, m in staff_findings(text) if "在职人员214人" in m]
    assert found == [expected]
