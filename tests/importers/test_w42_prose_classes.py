"""Classes of the w42 first run (tests/fixtures/corpus/w42-03, w42-04, w42-08), pinned by variants
written for these tests (not copied from any report): the figures each must give, and nothing else.

Classes:
1. an 实有 head-count split in its 其中 list by quota kind (在编 / 编外): its bare 在编 part is the
   staff in service only when the list makes the head-count; a list by terms that does not is
   reported (import.W004) and its 在编 part left unread (在编在岗 / 在编在职 say so and stay read).
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县某镇人民政府2023年度部门整体支出绩效自评报告\n"


def staffing(text: str) -> dict[str, str]:
    got = claimed_figures(import_text(TITLE + text))
    return {key: value for key, value in got.items() if key.startswith("staffing.")}


def warnings(text: str) -> list[str]:
    return [f.message for f in import_text(TITLE + text).findings if f.id == "import.W004"]


# ── 1. 在编 as a part of 实有 ─────────────────────────────────────────────────────────────────

SHORT_LISTS = [
    # the parts by quota kind make 91, not 94
    "一、基本情况\n核定编制60名。年末实有人员94人，其中在编人员66人、编外聘用人员25人。离退休人员40人。\n",
    # 编制内 / 编制外, commas, 名
    "一、基本情况\n单位核定编制60名，实有人数94名，其中编制内人员66名，编制外人员25名；退休人员40人。\n",
    # 现有, 在编 with no noun, 合同制
    "一、基本情况\n核定编制60名。现有工作人员94人，其中在编66人、合同制25人。退休人员40人。\n",
]


@pytest.mark.parametrize("text", SHORT_LISTS)
def test_an_on_payroll_part_of_a_list_short_of_its_head_count_is_not_in_service(text: str) -> None:
    got = staffing(text)
    assert "staffing.in_service" not in got
    assert got["staffing.actual_total"] == "94"
    assert got["staffing.authorized"] == "60"
    [message] = warnings(text)
    assert "91" in message and "94" in message


FULL_LISTS = [
    ("实有教职工50人，其中在编30人，合同制教师14人，后勤人员6人（其中公益性岗位2人）。", "30"),
    ("年末实有人员70人，其中编制内人员52人，编制外人员9人，退休人员9人。", "52"),
    ("实有人员1,120人，其中在编人员1,000人、编外聘用人员120人；离退休人员300人。", "1000"),
]


@pytest.mark.parametrize(("sentence", "in_service"), FULL_LISTS)
def test_an_on_payroll_part_of_a_list_that_makes_its_head_count_is_in_service(
    sentence: str, in_service: str
) -> None:
    text = "一、基本情况\n核定编制60名。" + sentence + "\n"
    assert staffing(text)["staffing.in_service"] == in_service
    assert warnings(text) == []


def test_on_post_wording_stays_in_service_even_when_the_list_is_short() -> None:
    text = "一、基本情况\n核定编制60名。年末实有人员94人，其中在编在岗66人、编外聘用25人。\n"
    assert staffing(text)["staffing.in_service"] == "66"
