"""Classes of w32-01, w32-03 and w32-06 (forms only: Word/WPS tabs, runs of spaces, PDF text
whose column gaps collapsed to single spaces), pinned by variants written for these tests (not
copied from any report): the figures each must give, and what must not be read.

Classes: a count closing the words before the next number (the cells of a PDF form run
together: "行政编制28名 实有人数 63 人") is not part of that number's label.
"""

from __future__ import annotations

import pytest

from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "部门整体支出绩效自评表\n（2023年度）\n部门名称 某县某某镇人民政府 主管部门 某县人民政府\n"


def imported(text: str) -> ImportResult:
    return import_text(TITLE + text)


def figures(text: str) -> dict[str, str]:
    return claimed_figures(imported(text))


def staffing(text: str) -> dict[str, str]:
    return {k: v for k, v in figures(text).items() if k.startswith("staffing.")}


# ── 1. a count before the next number's label is not part of that label ────────────────────


@pytest.mark.parametrize(
    "line",
    [
        "人员情况 核定编制 行政编制30名 事业编制21名 实有人数 57 人",
        "核定编制 行政编制30名 事业编制21名 实有人员 57 人",
        "编制情况 行政编制30名 事业编制21名 实有人数57人",
        "人员情况 行政编制30名 事业编制21名\t实有人数 57 人",
    ],
)
def test_the_count_after_typed_quota_parts_is_the_head_count(line: str) -> None:
    found = staffing(f"{line}\n")
    assert found.get("staffing.actual_total") == "57"
    assert "57" not in {found.get("staffing.authorized"), found.get("staffing.in_service")}


@pytest.mark.parametrize(
    "line",
    [
        "核定编制 行政编制30名 事业编制21名 在职 50 人 退休 7 人",
        "行政编制30名 事业编制21名 其中在职 50 人 退休 7 人",
    ],
)
def test_counts_after_typed_quota_parts_keep_their_own_labels(line: str) -> None:
    found = staffing(f"{line}\n")
    assert found.get("staffing.in_service") == "50"
    assert found.get("staffing.retired") == "7"
    assert found.get("staffing.authorized") != "50"


def test_retirees_after_a_count_are_not_read_as_that_counts_kind() -> None:
    # "编外聘用11人 退休17人": 退休 is its own label, not 编外聘用 again
    found = staffing("实有人员情况 在编干部职工29人 编外聘用11人 退休17人\n")
    assert found.get("staffing.retired") == "17"
    assert found.get("staffing.contract") == "11"


@pytest.mark.parametrize(
    "line",
    [
        # a count's unit inside a name is no cell boundary: nothing after it is a label of its own
        "核定编制 行政编制30名 事业编制21名 实有人数 人",
        "行政编制30名 事业编制21名 实有人数不详",
    ],
)
def test_no_head_count_is_made_up_after_typed_quota_parts(line: str) -> None:
    found = staffing(f"{line}\n")
    assert "staffing.actual_total" not in found
