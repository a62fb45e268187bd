"""Classes of w32-01, w32-03 and w32-06 (forms only: Word/WPS tabs, runs of spaces, PDF text
whose column gaps collapsed to single spaces), pinned by variants written for these tests (not
copied from any report): the figures each must give, and what must not be read.

Classes: a count closing the words before the next number (the cells of a PDF form run
together: "行政编制28名 实有人数 63 人") is not part of that number's label; bare role words
(在职 / 退休 / 离休 / 遗属) as the keys of a row of pairs opened by a 实有 caption or beside the 实有
count's pair, tab- or space-separated ("实有人员 | 在职 | 17 | 退休 | 6 | 遗属 | 1").
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


# ── 2. a row of pairs under a 实有 caption whose keys are bare role words ────────────────────

FORM_HEAD = (
    "部门名称\t某县统计局\t\t主管部门\t某县人民政府\n"
    "人员编制\t行政编制\t12\t事业编制\t4\t工勤编制\t1\t\n"
)
MONEY = (
    "项目\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "年度资金总额\t5,100,000.00\t5,300,000.00\t5,150,000.00\t10\t97.17%\t9.7\n"
)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "实有人员\t在职\t15\t退休\t8\t遗属\t2\t",
            {"staffing.in_service": "15", "staffing.retired": "8", "staffing.survivors": "2"},
        ),
        (
            "实有人数\t在职\t15\t离休\t1\t退休\t8",
            {"staffing.in_service": "15", "staffing.retired": "8", "staffing.retired_cadres": "1"},
        ),
        (
            "实有人员\t在职\t15\t退休\t8\t遗属人员\t2",
            {"staffing.in_service": "15", "staffing.retired": "8", "staffing.survivors": "2"},
        ),
    ],
)
def test_bare_role_words_under_a_head_count_caption_are_read(
    row: str, expected: dict[str, str]
) -> None:
    found = staffing(FORM_HEAD + row + "\n" + MONEY)
    for key, value in expected.items():
        assert found.get(key) == value, key


@pytest.mark.parametrize(
    "row",
    [
        # a key no role word names makes the row unproven: nothing of it is read
        "实有人员\t在职\t15\t退休\t8\t合同工\t2",
        "实有人员\t在职\t15\t退休\t8\t其他\t2",
        # a role word with more after it is a sub-population, not a head-count
        "实有人员\t在职党员\t15\t退休党员\t8",
    ],
)
def test_a_row_with_a_key_that_is_no_role_word_is_not_read(row: str) -> None:
    found = staffing(FORM_HEAD + row + "\n" + MONEY)
    assert "staffing.in_service" not in found and "staffing.retired" not in found


@pytest.mark.parametrize(
    "line",
    [
        "编制人数    30         实有人数    41         在职    29         离休    2         退休    10",
        "核定编制    30    实有人数    41    在职    29    退休    10    离休    2",
        "编制数      30      实有人员      41      在职      29      离休      2      退休      10",
    ],
)
def test_a_line_of_pairs_laid_out_with_runs_of_spaces_is_read(line: str) -> None:
    found = staffing(f"{line}\n")
    assert found.get("staffing.authorized") == "30"
    assert found.get("staffing.actual_total") == "41"
    assert found.get("staffing.in_service") == "29"
    assert found.get("staffing.retired") == "10"


def test_a_line_of_spaced_pairs_with_a_key_no_role_names_is_not_read() -> None:
    found = staffing("编制人数    30    实有人数    41    在职    29    借调    3\n")
    assert "staffing.in_service" not in found
